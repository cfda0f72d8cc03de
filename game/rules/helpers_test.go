package rules

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/calltoarms/ds9/game/hex"
)

// Test classes, by index into testClasses().
const (
	clsStation = iota // a station with three sections; section 17 carries main power
	clsDefiant        // a cloaking minelayer
	clsBoP            // a cloaking covering ship
	clsJem            // an enemy attack ship with troops
	clsTeam           // a resistance cell, aboard a station
)

// Station sections of the test station.
const (
	secHabitat = 1  // carries the perimeter phaser array
	secOps     = 2  // carries the torpedo launcher
	secPower   = 17 // outer docking ring section 17: main power
)

func testClasses() []Class {
	return []Class{
		{
			ID: "station", Name: "Test Station", Faction: "bajoran", Station: true,
			Shields: 40, ShieldRegen: 10, Sensors: 10, Detect: 2, Garrison: 10, Actions: 2,
			Radius: 1, ReactionVolleys: 2, Repair: 15, Reroute: true,
			Weapons: []Weapon{
				{Name: "phaser array", Kind: Phaser, Range: 3, Accuracy: 80, Damage: 5, Shots: 3, Section: secHabitat, Perimeter: true},
				{Name: "torpedo launcher", Kind: PhotonTorpedo, Range: 5, Accuracy: 70, Damage: 10, Shots: 2, Pierce: 20, Section: secOps},
				{Name: "anti-graviton beam", Kind: Phaser, Range: 6, Accuracy: 90, Shots: 2, Section: secOps, Sweep: 1},
			},
			Sections: []Section{
				{ID: secHabitat, Name: "habitat ring", Hull: 50},
				{ID: secOps, Name: "ops", Hull: 40},
				{ID: secPower, Name: "outer docking ring section 17", Hull: 30, MainPower: true},
			},
		},
		{
			ID: "defiant", Name: "Defiant class", Faction: "federation",
			Hull: 30, Shields: 20, ShieldRegen: 5, Speed: 6, Evasion: 10, Sensors: 6, Detect: 2,
			Cloak: true, Minelayer: true, Actions: 1,
			Weapons: []Weapon{{Name: "pulse phaser cannon", Kind: PulseCannon, Range: 2, Accuracy: 80, Damage: 6, Shots: 2}},
		},
		{
			ID: "bird-of-prey", Name: "B'rel class", Faction: "klingon",
			Hull: 20, Shields: 10, ShieldRegen: 5, Speed: 6, Evasion: 10, Sensors: 6, Detect: 2,
			Cloak: true, Actions: 1,
			Weapons: []Weapon{{Name: "disruptor", Kind: Disruptor, Range: 3, Accuracy: 75, Damage: 5, Shots: 2}},
		},
		{
			ID: "jemhadar", Name: "Jem'Hadar attack ship", Faction: "jemhadar",
			Hull: 12, Shields: 8, ShieldRegen: 4, Speed: 5, Evasion: 5, Sensors: 6, Detect: 2,
			Troops: 5, Actions: 1,
			Weapons: []Weapon{
				{Name: "polaron beam", Kind: Polaron, Range: 3, Accuracy: 85, Damage: 4, Shots: 2},
				{Name: "breaching torpedo", Kind: QuantumTorpedo, Range: 2, Accuracy: 100, Damage: 20, Shots: 2, Pierce: 100},
			},
		},
		{
			ID: "cell", Name: "Resistance cell", Faction: "bajoran", Team: true, Skill: 60, Hull: 1, Actions: 1,
		},
	}
}

// testSides are the test battles' names for their sides.
var testSides = SideIDs{"alliance", "dominion"}

// cond parses a condition or panics.
func cond(text string) Condition {
	c, err := ParseCondition(text, Names{Sides: testSides})
	if err != nil {
		panic(err)
	}
	return c
}

func conds(texts ...string) []Condition {
	out := make([]Condition, len(texts))
	for i, t := range texts {
		out[i] = cond(t)
	}
	return out
}

// testOutcomes is the flagship scenario's outcome vocabulary, in its order.
func testOutcomes() []Outcome {
	return []Outcome{
		{ID: "alliance-surrender", Winner: SideB, When: conds("terms_accepted")},
		{ID: "dominion-decisive-victory", Winner: SideB, When: conds("minefield_inactive")},
		{ID: "dominion-pyrrhic-victory", Winner: SideB, When: conds("minefield_active", "station_lost", "losses(dominion) >= 50")},
		{ID: "dominion-victory", Winner: SideB, When: conds("minefield_active", "station_lost", "losses(dominion) < 50")},
		{ID: "alliance-victory", Winner: SideA, When: conds("minefield_active", "station_held", "turn_limit")},
	}
}

// builder assembles a Setup: a 20x14 open map with no ships.
type builder struct {
	t testing.TB
	Setup
	// The one minefield of a test battle: its positions, those laid at the
	// start, and the damage of a mine; owned by SideA, sealing the wormhole.
	minePos, mineLaid []hex.Hex
	mineDamage        int
}

func newBuilder(t testing.TB) *builder {
	const cols, rows = 20, 14
	return &builder{t: t, mineDamage: 10, Setup: Setup{
		Scenario:  "test",
		SideIDs:   testSides,
		Name:      "Test battle",
		Map:       Map{Cols: cols, Rows: rows, Terrain: make([]Terrain, cols*rows)},
		Classes:   testClasses(),
		First:     SideA,
		TurnLimit: 10,
		EvacTurns: 2,
		TermsSide: SideA,
		Outcomes:  testOutcomes(),
	}}
}

// at is the hex at an offset column and row.
func at(col, row int) hex.Hex { return hex.FromOffset(hex.Offset{Col: col, Row: row}) }

// step is the hex n steps from h in direction dir (hex.Directions).
func step(h hex.Hex, dir, n int) hex.Hex { return h.Add(hex.Directions[(dir%6+6)%6].Scale(n)) }

// line is the path of n steps from h (excluded) in direction dir.
func line(h hex.Hex, dir, n int) []hex.Hex {
	out := make([]hex.Hex, n)
	for i := range out {
		out[i] = step(h, dir, i+1)
	}
	return out
}

func (b *builder) terrain(t Terrain, hs ...hex.Hex) {
	for _, h := range hs {
		i := b.Map.Index(h)
		if i < 0 {
			panic("terrain off the map")
		}
		b.Map.Terrain[i] = t
	}
}

// ship places a ship of a class on the map and returns its id.
func (b *builder) ship(class int, side Side, pos hex.Hex) ShipID {
	if !b.Map.In(pos) {
		panic("ship off the map")
	}
	id := ShipID(len(b.Ships))
	name := b.Classes[class].ID + "-" + side.String() + "-" + itoa(int(id))
	sh := Ship{ID: id, Name: name, Class: class, Side: side, Wing: -1, Status: OnMap, Pos: pos}
	if b.Classes[class].Station {
		sh.Program = Program{Name: "Program 197", NeedsEvacuated: true, NeedsAlone: true}
	}
	b.Ships = append(b.Ships, sh)
	return id
}

// team puts a team aboard a station.
func (b *builder) team(side Side, station ShipID) ShipID {
	id := ShipID(len(b.Ships))
	b.Ships = append(b.Ships, Ship{ID: id, Name: "cell-" + itoa(int(id)), Class: clsTeam, Side: side, Wing: -1, Status: OnMap, Aboard: station})
	return id
}

// cloaked places a ship under cloak.
func (b *builder) cloaked(class int, side Side, pos hex.Hex) ShipID {
	id := b.ship(class, side, pos)
	b.Ships[id].Cloaked = true
	return id
}

// wing adds an attack wing of n reserve ships of a class arriving on a turn.
func (b *builder) wing(side Side, class, n, arrive int, from Arrival, hold hex.Hex) (int, []ShipID) {
	wi := len(b.Wings)
	b.Wings = append(b.Wings, Wing{Key: "wing" + itoa(wi), Name: "Wing " + itoa(wi), Side: side, Target: NoShip, Hold: hold, Arrive: arrive, From: from})
	var ids []ShipID
	for range n {
		id := ShipID(len(b.Ships))
		b.Ships = append(b.Ships, Ship{ID: id, Name: "reserve-" + itoa(int(id)), Class: class, Side: side, Wing: wi, Status: Reserve})
		ids = append(ids, id)
	}
	return wi, ids
}

// mines sets the minefield's positions and the ones laid at the start.
func (b *builder) mines(positions []hex.Hex, laid ...hex.Hex) {
	b.minePos, b.mineLaid = positions, laid
}

func (b *builder) start() *State { return b.startSeed(1) }

func (b *builder) startSeed(seed uint64) *State {
	s, err := New(b.setup(), seed)
	if err != nil {
		b.t.Helper()
		b.t.Fatalf("New: %v", err)
	}
	return s
}

// setup is the builder's setup with its minefield.
func (b *builder) setup() Setup {
	su := b.Setup
	if b.minePos != nil {
		su.Minefields = []FieldSetup{{ID: "field", Name: "Test field", Owner: SideA, Damage: b.mineDamage, Positions: b.minePos, Laid: b.mineLaid, Seals: true}}
	}
	return su
}

func itoa(n int) string { return strconv.Itoa(n) }

// Orders.

func mv(side Side, id ShipID, path ...hex.Hex) Order {
	return Order{Kind: Move, Side: side, Ship: id, Path: path}
}

func atk(side Side, id ShipID, weapon int, target ShipID, section int) Order {
	return Order{Kind: Attack, Side: side, Ship: id, Weapon: weapon, Target: target, Section: section}
}

func endPhase(side Side) Order { return Order{Kind: EndPhase, Side: side} }

func order(k OrderKind, side Side, id ShipID) Order { return Order{Kind: k, Side: side, Ship: id} }

func targeted(k OrderKind, side Side, id, target ShipID) Order {
	return Order{Kind: k, Side: side, Ship: id, Target: target}
}

// apply applies an order that must be legal.
func apply(t testing.TB, s *State, o Order) []Event {
	t.Helper()
	ev, err := s.Apply(o)
	if err != nil {
		t.Fatalf("Apply(%s): %v", o, err)
	}
	checkInvariants(t, s)
	if err := s.CheckInvariants(); err != nil {
		t.Fatalf("after %s: %v", o, err)
	}
	return ev
}

// applyErr applies an order that must be illegal, and checks the state is untouched.
func applyErr(t testing.TB, s *State, o Order, want string) error {
	t.Helper()
	snap := s.Clone()
	sum := s.Checksum()
	if err := s.Check(o); err == nil {
		t.Errorf("Check(%s) = nil, want an error", o)
	}
	ev, err := s.Apply(o)
	if err == nil {
		t.Fatalf("Apply(%s) = nil error, want one (events %v)", o, kinds(ev))
	}
	if ev != nil {
		t.Errorf("Apply(%s) failed but returned events %v", o, kinds(ev))
	}
	if want != "" && !strings.Contains(err.Error(), want) {
		t.Errorf("Apply(%s) error %q, want it to mention %q", o, err, want)
	}
	assertUnchanged(t, snap, s)
	if got := s.Checksum(); got != sum {
		t.Errorf("checksum changed by a rejected order: %x -> %x", sum, got)
	}
	return err
}

// assertUnchanged compares two states deeply.
func assertUnchanged(t testing.TB, want, got *State) {
	t.Helper()
	if !reflect.DeepEqual(want.Ships, got.Ships) {
		t.Errorf("Ships changed")
	}
	if !reflect.DeepEqual(want.Fields, got.Fields) {
		t.Errorf("Mines changed")
	}
	if want.Turn != got.Turn || want.Active != got.Active || want.Phase != got.Phase {
		t.Errorf("turn/active/phase changed: %d/%s/%s -> %d/%s/%s", want.Turn, want.Active, want.Phase, got.Turn, got.Active, got.Phase)
	}
	if !reflect.DeepEqual(want.occ, got.occ) || want.Losses != got.Losses || want.Forces != got.Forces ||
		want.cloaked != got.cloaked || want.covers != got.covers || want.pcg != got.pcg || want.Terms != got.Terms {
		t.Errorf("hidden state changed")
	}
	if !reflect.DeepEqual(*want, *got) {
		t.Errorf("state differs deeply")
	}
}

// checkInvariants verifies the engine's bookkeeping against the ships.
func checkInvariants(t testing.TB, s *State) {
	t.Helper()
	occ := make([]int32, len(s.Map.Terrain))
	var cloaked, covers [2]int
	for i := range s.Ships {
		sh := &s.Ships[i]
		if !sh.Alive() {
			continue
		}
		if sh.Cloaked {
			cloaked[sh.Side]++
		}
		if sh.Covering != NoShip {
			covers[sh.Side]++
		}
		if sh.IsAboard() {
			continue // a team aboard occupies no hex
		}
		for _, h := range s.Footprint(sh) {
			j := s.Map.Index(h)
			if j < 0 {
				t.Fatalf("%s off the map at %v", sh.Name, h)
			}
			if occ[j] != 0 {
				t.Fatalf("%s and ship %d share %v", sh.Name, occ[j]-1, h)
			}
			occ[j] = int32(sh.ID) + 1
		}
		if !s.Classes[sh.Class].Station && sh.Hull <= 0 {
			t.Fatalf("%s is on the map with hull %d", sh.Name, sh.Hull)
		}
	}
	if !reflect.DeepEqual(occ, s.occ) {
		t.Fatalf("occupancy table out of step with ship positions")
	}
	if cloaked != s.cloaked {
		t.Fatalf("cloaked counts %v, ships say %v", s.cloaked, cloaked)
	}
	if covers != s.covers {
		t.Fatalf("cover counts %v, ships say %v", s.covers, covers)
	}
}

// Events.

func kinds(ev []Event) []string {
	out := make([]string, len(ev))
	for i, e := range ev {
		out[i] = e.Kind.String()
	}
	return out
}

func count(ev []Event, k EventKind) int {
	n := 0
	for _, e := range ev {
		if e.Kind == k {
			n++
		}
	}
	return n
}

func find(ev []Event, k EventKind) *Event {
	for i := range ev {
		if ev[i].Kind == k {
			return &ev[i]
		}
	}
	return nil
}

func mustFind(t testing.TB, ev []Event, k EventKind) *Event {
	t.Helper()
	e := find(ev, k)
	if e == nil {
		t.Fatalf("no %s event in %v", k, kinds(ev))
	}
	return e
}

func mustNotFind(t testing.TB, ev []Event, k EventKind) {
	t.Helper()
	if e := find(ev, k); e != nil {
		t.Fatalf("unexpected %s event in %v", k, kinds(ev))
	}
}

// inView reports whether a side's view holds a ship.
func inView(s *State, side Side, id ShipID) bool { return s.View(side).Ship(id) != nil }
