package rules

import (
	"slices"

	"github.com/calltoarms/ds9/game/hex"
)

// MineView is a minefield position as a side knows it.
type MineView struct {
	Pos   hex.Hex
	Laid  bool
	Field int // index into View.Fields
}

// FieldView is a minefield as a side knows it: its own, in full; an enemy's,
// its laid mines while it is uncloaked, and whether it is active or down.
type FieldView struct {
	ID, Name string
	Owner    Side
	Laid     int // the mines laid, as the side knows (all of an active cloaked field)
	Total    int // its positions
	Active   bool
	Cloaked  bool
	Down     bool
	Seals    bool
}

// View is what one side's sensors show: its own ships and wings, the enemy ships
// it detects, and the mines it knows of. Enemy cloaked ships out of detection
// range and cloaked enemy mines are absent, not flagged. A View is a copy: changing
// it changes nothing in the battle.
type View struct {
	Side      Side
	SideIDs   SideIDs // the scenario's names for the sides
	Scenario  string
	Name      string
	Turn      int
	TurnLimit int
	Active    Side
	Phase     Phase
	Terms     Terms
	Outcome   string
	Winner    Side
	Forces    [2]int
	Losses    [2]int
	Map       *Map    // shared and read-only
	Classes   []Class // shared and read-only
	First     Side
	EvacTurns int
	// Objectives and Areas are the scenario's, both sides' alike: shared and
	// read-only. Whether an objective is done is told at the end (Summary).
	Objectives []Objective
	Areas      []Area

	// Ships holds the side's own ships (every status) and the enemy ships on the
	// map that it sees, in ID order.
	Ships []Ship
	// Wings holds the side's own wings, and the enemy wings with a ship in view;
	// an enemy wing's Ships lists only the ships in view, and its orders are
	// the ones the scenario briefed until its side gives it others (Ordered:
	// then they are unknown, and Directive, Target, Section and Hold say
	// nothing).
	Wings []Wing

	Fields []FieldView // every minefield of the battle, as this side knows it
	Mines  []MineView  // the minefield positions this side knows, of every field, sorted

	// The first minefield's figures, as Fields[0] has them (zero without one).
	MinesLaid       int
	MinesTotal      int
	MinefieldActive bool
	MineOwner       Side

	occ    []int32    // built on first use: map index to Ships index + 1
	byID   []int32    // built on first use: ship id to Ships index + 1
	f      frame      // built on first use: the frame the rules read
	alive  [2][]int32 // built on first use: by side, the Ships indexes of ships in the battle
	cover  [2][]int32 // built with alive: those of its ships covering another
	sorted bool       // alive is built
	setup  *Setup     // the battle's setup (both sides know it), for Sample
	store  viewStore  // storage from a view it was written over (ViewOver)
	sight  *sightTable
}

// viewStore is the storage a view written over leaves for the next.
type viewStore struct {
	ships     []Ship
	wings     []Wing
	fields    []FieldView
	mines     []MineView
	occ, byID []int32
	alive     [2][]int32
	cover     [2][]int32
	obs       []*Ship
	in        []bool   // by ship: in the view
	seenWing  []bool   // by wing: an enemy wing with a ship in view
	sections  []int    // the ships' Section, one after another
	wingShips []ShipID // the wings' Ships, one after another
}

// View returns what side sees now.
func (s *State) View(side Side) *View { return s.ViewOver(nil, side) }

// ViewOver is View written over old, a view of any battle no one holds
// any more (nil: a new one): the new view reuses its storage, so that a
// commander that keeps nothing of a view once it has planned from it can be
// shown one after another without allocating them. Old, and everything read
// from it, must no longer be used; the new view is the same as View's.
func (s *State) ViewOver(old *View, side Side) *View {
	v := old
	if v == nil {
		v = &View{}
	}
	keep := v.store
	keep.ships, keep.wings, keep.fields, keep.mines = v.Ships[:0], v.Wings[:0], v.Fields[:0], v.Mines[:0]
	if v.occ != nil {
		keep.occ = v.occ
	}
	if v.byID != nil {
		keep.byID = v.byID
	}
	keep.alive = [2][]int32{v.alive[0][:0], v.alive[1][:0]}
	keep.cover = [2][]int32{v.cover[0][:0], v.cover[1][:0]}
	keep.sections, keep.wingShips = keep.sections[:0], keep.wingShips[:0]
	*v = View{
		Side: side, SideIDs: s.SideIDs, Scenario: s.Scenario, Name: s.Name, Turn: s.Turn, TurnLimit: s.TurnLimit,
		Active: s.Active, Phase: s.Phase, Terms: s.Terms, Outcome: s.Outcome, Winner: s.Winner,
		Forces: s.Forces, Losses: s.Losses, Map: s.Map, Classes: s.Classes, First: s.First,
		EvacTurns: s.EvacTurns, Objectives: s.Objectives, Areas: s.Areas, setup: s.setup,
		store: keep, sight: s.sight,
	}
	v.alive = keep.alive
	v.cover = keep.cover
	v.Ships = keep.ships
	if cap(v.Ships) < len(s.Ships) {
		v.Ships = make([]Ship, 0, len(s.Ships))
	}
	if keep.wings != nil {
		v.Wings = keep.wings // no longer nil: it is set back when no wing is added
	}
	v.Fields, v.Mines = keep.fields, keep.mines
	obs := s.appendObservers(keep.obs[:0], side)
	v.store.obs = obs
	var seenWing []bool
	in := clearBools(&v.store.in, len(s.Ships)) // the ships in the view
	for i := range s.Ships {
		sh := &s.Ships[i]
		if sh.Side != side && (!sh.Alive() || !s.seenBy(side, obs, sh)) {
			continue
		}
		in[i] = true
		v.Ships = append(v.Ships, *sh) // copied once, then told as the side may know it
		c := &v.Ships[len(v.Ships)-1]
		if len(c.Section) > 0 {
			at := len(v.store.sections)
			v.store.sections = append(v.store.sections, c.Section...)
			c.Section = v.store.sections[at:len(v.store.sections):len(v.store.sections)]
		} else if c.Section != nil {
			c.Section = slices.Clone(c.Section)
		}
		if c.Side != side {
			// Orders and plans of enemy ships are not visible.
			c.MP, c.Actions, c.Returns, c.Volleys = 0, 0, 0, 0
			if c.Covering != NoShip && !s.seenBy(side, obs, &s.Ships[c.Covering]) {
				c.Covering = NoShip
			}
			if c.Wing >= 0 {
				if seenWing == nil {
					seenWing = clearBools(&v.store.seenWing, len(s.Wings))
				}
				seenWing[c.Wing] = true
			}
		}
	}
	for i, w := range s.Wings {
		if w.Side == side {
			if len(w.Ships) > 0 {
				at := len(v.store.wingShips)
				v.store.wingShips = append(v.store.wingShips, w.Ships...)
				w.Ships = v.store.wingShips[at:len(v.store.wingShips):len(v.store.wingShips)]
			} else {
				w.Ships = slices.Clone(w.Ships)
			}
			v.addWing(w, len(s.Wings))
			continue
		}
		if seenWing == nil || !seenWing[i] {
			continue
		}
		if w.Ordered {
			// Its side has given it new orders: the other side does not
			// know them.
			w.Directive, w.Target, w.Section, w.Hold = Assault, NoShip, 0, hex.Hex{}
		}
		w.Ships = nil
		at := len(v.store.wingShips)
		for _, id := range s.Wings[i].Ships {
			if sh := &s.Ships[id]; sh.Alive() && in[id] {
				v.store.wingShips = append(v.store.wingShips, id)
			}
		}
		if n := len(v.store.wingShips); n > at {
			w.Ships = v.store.wingShips[at:n:n]
		}
		v.addWing(w, len(s.Wings))
	}
	for fi := range s.Fields {
		m := &s.Fields[fi]
		fv := FieldView{ID: m.ID, Name: m.Name, Owner: m.Owner, Total: len(m.Positions), Active: m.Active, Cloaked: m.Cloaked, Down: m.Down, Seals: m.Seals}
		if side == m.Owner || !m.Cloaked {
			for i, p := range m.Positions {
				if side != m.Owner && !m.Laid[i] {
					continue
				}
				v.Mines = append(v.Mines, MineView{Pos: p, Laid: m.Laid[i], Field: fi})
				if m.Laid[i] {
					fv.Laid++
				}
			}
		} else if m.Active {
			fv.Laid = fv.Total
		}
		v.Fields = append(v.Fields, fv)
	}
	// As a new view has them: nil when empty.
	if len(v.Wings) == 0 {
		v.Wings = nil
	}
	if len(v.Fields) == 0 {
		v.Fields = nil
	}
	if len(v.Mines) == 0 {
		v.Mines = nil
	}
	slices.SortFunc(v.Mines, func(a, b MineView) int { return cmpHex(a.Pos, b.Pos) })
	if len(v.Fields) > 0 {
		f := &v.Fields[0]
		v.MinesLaid, v.MinesTotal, v.MinefieldActive, v.MineOwner = f.Laid, f.Total, f.Active, f.Owner
	}
	return v
}

// clearBools returns *buf as n falses, growing it when it is too short.
func clearBools(buf *[]bool, n int) []bool {
	if cap(*buf) < n {
		*buf = make([]bool, n)
	}
	*buf = (*buf)[:n]
	clear(*buf)
	return *buf
}

// reuse returns buf as n zeroes, or a new slice of n when it is too short.
func reuse(buf []int32, n int) []int32 {
	if cap(buf) < n {
		return make([]int32, n)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}

// addWing appends a wing to the view's, room made for n at the first (Wings
// stays nil without one).
func (v *View) addWing(w Wing, n int) {
	if v.Wings == nil {
		v.Wings = make([]Wing, 0, n)
	}
	v.Wings = append(v.Wings, w)
}

// Ship returns the ship with the given id in the view, or nil when it is not seen.
func (v *View) Ship(id ShipID) *Ship {
	if v.byID == nil {
		// Ships is in ID order: an index by id, built once.
		n := 0
		if k := len(v.Ships); k > 0 {
			n = int(v.Ships[k-1].ID) + 1
		}
		v.byID = reuse(v.store.byID, max(n, 1))
		for i := range v.Ships {
			v.byID[v.Ships[i].ID] = int32(i) + 1
		}
	}
	if id < 0 || int(id) >= len(v.byID) || v.byID[id] == 0 {
		return nil
	}
	return &v.Ships[v.byID[id]-1]
}

// Class returns a ship's class.
func (v *View) Class(sh *Ship) *Class { return &v.Classes[sh.Class] }

// Wing returns the wing with the given state index, or nil when not in view.
func (v *View) Wing(index int) *Wing {
	for i := range v.Wings {
		if v.Wings[i].Index == index {
			return &v.Wings[i]
		}
	}
	return nil
}

// ShipAt returns the ship in view occupying h, or nil.
func (v *View) ShipAt(h hex.Hex) *Ship {
	i := v.Map.Index(h)
	if i < 0 {
		return nil
	}
	if v.occ == nil {
		v.occ = reuse(v.store.occ, len(v.Map.Terrain))
		for j := range v.Ships {
			sh := &v.Ships[j]
			if !sh.Alive() {
				continue
			}
			c := &v.Classes[sh.Class]
			if c.Radius > 0 {
				for _, f := range hex.Range(sh.Pos, c.Radius) {
					if k := v.Map.Index(f); k >= 0 {
						v.occ[k] = int32(j) + 1
					}
				}
			} else if k := v.Map.Index(sh.Pos); k >= 0 {
				v.occ[k] = int32(j) + 1
			}
		}
	}
	if v.occ[i] == 0 {
		return nil
	}
	return &v.Ships[v.occ[i]-1]
}

// Range is the distance between two ships' nearest hexes.
func (v *View) Range(a, b *Ship) int { return rangeFrom(v.Classes, a, a.Pos, b) }

// MoveCost is the cost of entering h for a ship of the viewing side as far as the
// side knows: -1 where terrain or a known enemy bars the way. Own ships can be
// passed through but not stopped on.
func (v *View) MoveCost(h hex.Hex) int {
	c := v.Map.At(h).MoveCost()
	if c < 0 {
		return -1
	}
	if o := v.ShipAt(h); o != nil && o.Side != v.Side {
		return -1
	}
	return c
}

// Reachable lists where a ship can end a move this phase (ends, without hexes held
// by own ships) and every hex its movement reaches (all, for hex.PathTo: paths may
// pass through own ships).
func (v *View) Reachable(id ShipID) (ends, all []hex.Reach) {
	sh := v.Ship(id)
	if sh == nil || sh.Side != v.Side || !sh.Alive() || sh.MP <= 0 {
		return nil, nil
	}
	// Every hex costs at least 1, so no path within MaxPath points is longer
	// than a move order may be.
	all = hex.Reachable(sh.Pos, min(sh.MP, MaxPath), v.MoveCost, v.Map.In)
	for _, r := range all {
		if o := v.ShipAt(r.Hex); o == nil || o.ID == id {
			ends = append(ends, r)
		}
	}
	return ends, all
}

// RangeFrom is the range from a ship standing at from to another: the
// distance between their nearest hexes, as weapons, boarding and sensors
// measure it.
func (v *View) RangeFrom(a *Ship, from hex.Hex, b *Ship) int { return rangeFrom(v.Classes, a, from, b) }

// Detects reports whether the view's side would detect a cloaked ship at h
// now: one of its ships has h within its detection and sensor range, with a
// clear line.
func (v *View) Detects(h hex.Hex) bool {
	for _, i := range v.aliveOf(v.Side) {
		if o := &v.Ships[i]; !o.Lost() && picksUp(v.Map, v.sight, v.Classes, o, o.Pos, h, 0, true) {
			return true
		}
	}
	return false
}

// aliveOf lists, by Ships index, the ships of a side in the view that are in
// the battle.
func (v *View) aliveOf(side Side) []int32 {
	v.listShips()
	return v.alive[side]
}

// coveringOf lists, by Ships index, the ships of a side in the view that
// are in the battle and cover another.
func (v *View) coveringOf(side Side) []int32 {
	v.listShips()
	return v.cover[side]
}

// listShips builds aliveOf's and coveringOf's lists, once.
func (v *View) listShips() {
	if v.sorted {
		return
	}
	for i := range v.Ships {
		if sh := &v.Ships[i]; sh.Alive() && sh.Side.Valid() {
			v.alive[sh.Side] = append(v.alive[sh.Side], int32(i))
			if sh.Covering != NoShip {
				v.cover[sh.Side] = append(v.cover[sh.Side], int32(i))
			}
		}
	}
	v.sorted = true
}
