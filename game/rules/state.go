package rules

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/calltoarms/ds9/game/hex"
)

// Phase is the stage of the battle.
type Phase uint8

// Phases of a battle.
const (
	Parley Phase = iota // surrender terms are on the table
	Battle              // sides take turns
	Over                // the outcome is decided
)

var phaseNames = [...]string{"parley", "battle", "over"}

// String returns the phase's name.
func (p Phase) String() string {
	if int(p) < len(phaseNames) {
		return phaseNames[p]
	}
	return fmt.Sprintf("phase(%d)", uint8(p))
}

// Terms is what became of the surrender terms.
type Terms uint8

// States of the surrender terms.
const (
	NoTerms Terms = iota
	TermsPending
	TermsRefused
	TermsAccepted
)

// Outcome is one way a battle can end; the first whose conditions all hold when
// the battle ends is the result.
type Outcome struct {
	ID     string
	Winner Side
	Title  string
	Text   string
	When   []Condition
	Score  [2]int // each side's score for this outcome (0..MaxScore), before its objectives' points
}

// Setup is everything a scenario decides about a battle before it starts. The
// scenario package builds it from a file; New turns it into a State.
type Setup struct {
	Scenario   string
	Name       string
	SideIDs    SideIDs // the scenario's names for its sides
	Map        Map
	Classes    []Class
	Ships      []Ship // ID, Key, Name, Class, Side, Wing, Status (OnMap or Reserve), Pos, Cloaked
	Wings      []Wing
	Minefields []FieldSetup
	Areas      []Area
	Objectives []Objective
	First      Side
	TurnLimit  int
	EvacTurns  int
	Terms      bool // the battle opens with surrender terms the defending side answers
	TermsSide  Side // the side that answers the terms
	EndWhen    [][]Condition
	Outcomes   []Outcome
}

// FieldSetup is a minefield as a scenario sets it up.
type FieldSetup struct {
	ID        string
	Name      string
	Owner     Side
	Damage    int       // damage of one detonation (MinePierce percent pierces shields)
	Positions []hex.Hex // where its mines go
	Laid      []hex.Hex // the positions laid at the start
	// FailsBelow brings the field down once it is active: when fewer mines than
	// this are left laid at once, it stops working for good. 0: never.
	FailsBelow int
	// Seals: while active, the field stops the other side's waves that come
	// through the wormhole.
	Seals bool
}

// Minefield is the state of one minefield.
type Minefield struct {
	ID         string
	Name       string
	Owner      Side
	Positions  []hex.Hex // sorted
	Laid       []bool
	Lost       []bool // laid once, since destroyed, waiting to replicate
	Active     bool   // every position was laid, and the field has not been brought down
	Cloaked    bool   // the field cloaked when it activated; it stays cloaked while active
	Down       bool   // brought down: fewer than FailsBelow mines were left once it was active
	Damage     int
	FailsBelow int
	Seals      bool
}

// LaidCount is the number of positions holding a mine now.
func (m *Minefield) LaidCount() int {
	n := 0
	for _, l := range m.Laid {
		if l {
			n++
		}
	}
	return n
}

// Index returns the position index of h, or -1.
func (m *Minefield) Index(h hex.Hex) int {
	n := len(m.Positions)
	if n == 0 || h.Q < m.Positions[0].Q || h.Q > m.Positions[n-1].Q {
		return -1 // outside the columns of the positions (sorted by column first)
	}
	i, ok := slices.BinarySearchFunc(m.Positions, h, cmpHex)
	if !ok {
		return -1
	}
	return i
}

func cmpHex(a, b hex.Hex) int {
	if a.Q != b.Q {
		return a.Q - b.Q
	}
	return a.R - b.R
}

// State is a battle in progress. Its exported fields may be read freely; they
// change only through Apply.
type State struct {
	Scenario   string
	Name       string
	SideIDs    SideIDs // the scenario's names for its sides
	Seed       uint64
	Map        *Map
	Classes    []Class
	Ships      []Ship
	Wings      []Wing
	Fields     []Minefield // the minefields, in the scenario's order
	Areas      []Area
	Objectives []Objective
	First      Side
	TurnLimit  int
	EvacTurns  int
	EndWhen    [][]Condition
	Outcomes   []Outcome

	Turn    int
	Active  Side
	Phase   Phase
	Terms   Terms
	Outcome string // id of the decided outcome
	Winner  Side   // the decided outcome's winner; none when the outcome is Undecided
	Forces  [2]int // ships each side has brought into the battle
	Losses  [2]int // ships each side has lost

	termsSide Side
	pcg       rand.PCG
	occ       []int32 // per map index: ship id + 1, or 0
	cloaked   [2]int  // ships of each side on the map under cloak
	covers    [2]int  // ships of each side covering another
	stations  []ShipID
	turnEnded bool // the last phase of TurnLimit has ended

	owners  []Side      // each minefield's owner, for the rules' frame
	lens    sideOf      // scratch for through: no part of the battle
	witness *witness    // while ApplyRedacted runs: who sees each event
	setup   *Setup      // the scenario's setup, which both sides know: shared and read-only
	sight   *sightTable // the map's sight-blocking terrain: shared and read-only
}

// Limits on what a scenario may ask of the engine.
const (
	MaxMapSide = 128
	MaxShips   = 2000
	MaxTurns   = 200
)

// New starts a battle from a setup and a seed. It checks the setup and returns an
// error naming what is wrong: numbers out of their bounds (MaxHull and the other
// limits), ships that do not fit the map, a ship cloaked without a cloaking
// device, a battle already decided before its first order (an end group that
// holds at the start), or a starting state that breaks CheckInvariants. The
// errors of the setup's own parts are *SetupError, of a class *ClassError.
func New(su Setup, seed uint64) (*State, error) { return newState(su, seed, nil, nil) }

// newState is New writing over old (nil: none), a battle no one plays any
// more, whose ships and occupancy grid it reuses (its clones and views hold
// copies of those, not them), and with sight, when not nil, the sight table
// of the setup's map.
func newState(su Setup, seed uint64, old *State, sight *sightTable) (*State, error) {
	if su.Map.Cols < 1 || su.Map.Rows < 1 || su.Map.Cols > MaxMapSide || su.Map.Rows > MaxMapSide {
		return nil, fmt.Errorf("map %dx%d out of 1..%d", su.Map.Cols, su.Map.Rows, MaxMapSide)
	}
	if len(su.Map.Terrain) != su.Map.Cols*su.Map.Rows {
		return nil, fmt.Errorf("map has %d hexes, want %d", len(su.Map.Terrain), su.Map.Cols*su.Map.Rows)
	}
	if len(su.Ships) > MaxShips {
		return nil, fmt.Errorf("%d ships, at most %d", len(su.Ships), MaxShips)
	}
	if su.TurnLimit < 1 || su.TurnLimit > MaxTurns {
		return nil, fmt.Errorf("turn limit %d out of 1..%d", su.TurnLimit, MaxTurns)
	}
	if !su.First.Valid() || !su.TermsSide.Valid() {
		return nil, fmt.Errorf("invalid side")
	}
	for i := range su.Classes {
		if err := su.Classes[i].Validate(); err != nil {
			return nil, err
		}
	}
	if err := checkSetup(&su); err != nil {
		return nil, err
	}
	m := su.Map
	m.Terrain = slices.Clone(su.Map.Terrain)
	if sight == nil {
		sight = newSightTable(&m)
	}
	var ships []Ship
	var occ []int32
	if old != nil {
		ships, occ = old.Ships[:0], old.occ[:0]
		*old = State{} // it is no battle any more
	}
	s := &State{
		setup:     &su,
		Scenario:  su.Scenario,
		Name:      su.Name,
		SideIDs:   su.SideIDs,
		Seed:      seed,
		Map:       &m,
		Classes:   su.Classes,
		Ships:     slices.Grow(ships, len(su.Ships))[:len(su.Ships)],
		Wings:     make([]Wing, len(su.Wings)),
		First:     su.First,
		TurnLimit: su.TurnLimit,
		EvacTurns: max(su.EvacTurns, 0),
		EndWhen:   su.EndWhen,
		Outcomes:  su.Outcomes,
		Turn:      1,
		Active:    su.First,
		Phase:     Battle,
		termsSide: su.TermsSide,
		pcg:       *rand.NewPCG(seed, 0x9e3779b97f4a7c15),
		occ:       reuse(occ, len(m.Terrain)),
		sight:     sight,
	}
	for i := range su.Wings {
		w := su.Wings[i]
		w.Ships = nil
		w.Index = i
		if w.Leader == "" {
			w.Flagship = NoShip // no leader, no flagship
		}
		if !w.Side.Valid() {
			return nil, fmt.Errorf("wing %s: invalid side", w.Key)
		}
		s.Wings[i] = w
	}
	for i, sh := range su.Ships {
		if sh.Class < 0 || sh.Class >= len(su.Classes) {
			return nil, fmt.Errorf("ship %d: no class %d", i, sh.Class)
		}
		if !sh.Side.Valid() {
			return nil, fmt.Errorf("ship %d: invalid side", i)
		}
		c := &su.Classes[sh.Class]
		if sh.Cloaked && !c.Cloak {
			return nil, setupErr("ship", i, "ship %d (%s): cloaked, but a %s has no cloaking device", i, sh.Name, c.Name)
		}
		n := Ship{
			ID: ShipID(i), Key: sh.Key, Name: sh.Name, Class: sh.Class, Side: sh.Side,
			Wing: sh.Wing, Status: sh.Status, Pos: sh.Pos, Cloaked: sh.Cloaked,
			Hull: c.Hull, Shields: c.Shields, Covering: NoShip, Aboard: NoShip,
		}
		if sh.Wing >= len(s.Wings) || sh.Wing < -1 {
			return nil, fmt.Errorf("ship %d: no wing %d", i, sh.Wing)
		}
		if sh.Wing >= 0 {
			s.Wings[sh.Wing].Ships = append(s.Wings[sh.Wing].Ships, n.ID)
		}
		if c.Station {
			n.Section = make([]int, len(c.Sections))
			n.Hull = 0
			for j, sec := range c.Sections {
				n.Section[j] = sec.Hull
				n.Hull += sec.Hull
			}
			n.MainPower = true
			for _, sec := range c.Sections {
				if sec.MainPower {
					n.PowerAt = sec.ID
				}
			}
			n.Garrison = c.Garrison
			n.Program = sh.Program
		}
		if c.Team && n.Status != Absent {
			a := sh.Aboard
			if a < 0 || int(a) >= len(su.Ships) || !su.Classes[su.Ships[a].Class].Station || sh.Status != OnMap || su.Ships[a].Status != OnMap {
				return nil, setupErr("ship", i, "ship %d (%s): a team must start aboard a station on the map", i, sh.Name)
			}
			n.Aboard, n.Pos = a, su.Ships[a].Pos
		}
		if n.Status != OnMap && n.Status != Reserve && n.Status != Absent {
			return nil, fmt.Errorf("ship %d: must start on the map, in reserve or absent", i)
		}
		s.Ships[i] = n
		if c.Station {
			s.stations = append(s.stations, n.ID)
		}
		if n.Status == OnMap && !n.IsAboard() {
			if n.Cloaked {
				s.cloaked[n.Side]++
			}
			if err := s.occupy(&s.Ships[i]); err != nil {
				return nil, fmt.Errorf("ship %d (%s): %w", i, n.Name, err)
			}
			s.Forces[n.Side]++
		}
	}
	for _, w := range s.Wings {
		if w.Target != NoShip && (w.Target < 0 || int(w.Target) >= len(s.Ships)) {
			return nil, fmt.Errorf("wing %s: no target ship %d", w.Key, w.Target)
		}
		if w.Flagship != NoShip && (w.Flagship < 0 || int(w.Flagship) >= len(s.Ships) || s.Ships[w.Flagship].Wing != w.Index) {
			return nil, fmt.Errorf("wing %s: its flagship %d is not one of its ships", w.Key, w.Flagship)
		}
	}
	for i := range s.Wings {
		if w := &s.Wings[i]; w.Flagship != NoShip && s.Ships[w.Flagship].Status == Absent {
			w.Flagship = NoShip // its leader's ship is not in this battle
		}
	}
	if err := s.setFields(su.Minefields); err != nil {
		return nil, err
	}
	for _, m := range s.Fields {
		s.owners = append(s.owners, m.Owner)
	}
	s.Areas = su.Areas
	s.Objectives = su.Objectives
	if su.Terms {
		s.Phase = Parley
		s.Terms = TermsPending
		s.Active = su.TermsSide
	} else {
		s.beginPhase(nil)
	}
	if err := s.checkStart(); err != nil {
		return nil, err
	}
	return s, nil
}

// Class returns the class of a ship.
func (s *State) Class(sh *Ship) *Class { return &s.Classes[sh.Class] }

// SideID returns the scenario's name for a side.
func (s *State) SideID(side Side) string { return s.SideIDs.Of(side) }

// Ship returns the ship with the given id, or nil.
func (s *State) Ship(id ShipID) *Ship {
	if id < 0 || int(id) >= len(s.Ships) {
		return nil
	}
	return &s.Ships[id]
}

// ShipByKey returns the named unit with the scenario id key, or nil.
func (s *State) ShipByKey(key string) *Ship {
	for i := range s.Ships {
		if s.Ships[i].Key == key && key != "" {
			return &s.Ships[i]
		}
	}
	return nil
}

// ShipAt returns the ship occupying h (a station occupies all its hexes), or nil.
func (s *State) ShipAt(h hex.Hex) *Ship {
	i := s.Map.Index(h)
	if i < 0 || s.occ[i] == 0 {
		return nil
	}
	return &s.Ships[s.occ[i]-1]
}

// Footprint returns the hexes a ship occupies: its own, or all of a station's
// or a structure's within its radius.
func (s *State) Footprint(sh *Ship) []hex.Hex {
	var one [1]hex.Hex
	return s.footprint(sh, &one)
}

// footprint is Footprint, in one when the ship has no structure: the
// engine's own look at where a ship stands makes nothing.
func (s *State) footprint(sh *Ship, one *[1]hex.Hex) []hex.Hex {
	if r := s.Class(sh).Radius; r > 0 {
		return hex.Range(sh.Pos, r)
	}
	one[0] = sh.Pos
	return one[:]
}

// Reach is how far a ship's structure extends from its position (a station's radius).
func (s *State) Reach(sh *Ship) int { return s.Class(sh).Radius }

// Range returns the distance between two ships' nearest hexes.
func (s *State) Range(a, b *Ship) int { return rangeFrom(s.Classes, a, a.Pos, b) }

func (s *State) occupy(sh *Ship) error {
	var one [1]hex.Hex
	fp := s.footprint(sh, &one)
	for _, h := range fp {
		i := s.Map.Index(h)
		if i < 0 {
			return fmt.Errorf("hex %v is off the map", h)
		}
		if s.occ[i] != 0 {
			return fmt.Errorf("hex %v is already occupied", h)
		}
		if t := s.Map.Terrain[i]; t == StationHex && !s.Class(sh).Fixed() {
			return fmt.Errorf("hex %v is station structure", h)
		}
	}
	for _, h := range fp {
		s.occ[s.Map.Index(h)] = int32(sh.ID) + 1
	}
	return nil
}

func (s *State) vacate(sh *Ship) {
	if s.Classes[sh.Class].Radius == 0 {
		if i := s.Map.Index(sh.Pos); i >= 0 && s.occ[i] == int32(sh.ID)+1 {
			s.occ[i] = 0
		}
		return
	}
	for _, h := range s.Footprint(sh) {
		if i := s.Map.Index(h); i >= 0 && s.occ[i] == int32(sh.ID)+1 {
			s.occ[i] = 0
		}
	}
}

// Clone returns a deep copy of the state that evolves independently.
func (s *State) Clone() *State {
	c := *s
	m := *s.Map
	c.Map = &m // terrain is never changed after New, so it is shared
	c.Ships = slices.Clone(s.Ships)
	for i := range c.Ships {
		if c.Ships[i].Section != nil {
			c.Ships[i].Section = slices.Clone(c.Ships[i].Section)
		}
	}
	c.Wings = slices.Clone(s.Wings)
	c.Fields = slices.Clone(s.Fields)
	for i := range c.Fields {
		c.Fields[i].Laid = slices.Clone(s.Fields[i].Laid)
		c.Fields[i].Lost = slices.Clone(s.Fields[i].Lost)
	}
	c.occ = slices.Clone(s.occ)
	return &c
}

// roll returns a number in [0, n) from the state's generator.
func (s *State) roll(n int) int {
	return int((s.pcg.Uint64() >> 32) * uint64(n) >> 32)
}

// Station returns the side's first station, or nil.
func (s *State) Station(side Side) *Ship {
	for _, id := range s.stations {
		if s.Ships[id].Side == side {
			return &s.Ships[id]
		}
	}
	return nil
}
