package rules

import (
	"slices"

	"github.com/calltoarms/ds9/game/hex"
)

// known is the battle as one side knows it: everything the rules of legality,
// the enumeration of orders and the attack preview read. There are two: a
// *View (the side's copy), and a State seen through one side (sideOf), which
// answers the same questions without copying. Every rule that decides what a
// side may do is written once, against known, so the engine's own check in
// Apply and every question a commander or the front end asks agree exactly.
type known interface {
	// viewer is the side whose knowledge this is.
	viewer() Side
	// game is the battle's public frame: phase, turn, map, classes.
	game() *frame
	// ship returns a ship the side knows: its own (any status), or an enemy
	// on the map it sees now. nil otherwise.
	ship(id ShipID) *Ship
	// shipAt returns the ship the side knows to occupy h, or nil.
	shipAt(h hex.Hex) *Ship
	// mine reports whether h is a minefield position the side knows of, of
	// which field, and whether it knows a mine is laid there.
	mine(h hex.Hex) (field int, pos, laid bool)
	// ships calls fn for every ship of side of that the side knows, in ID
	// order, until fn returns false.
	ships(of Side, fn func(*Ship) bool)
	// coverer returns a ship the side knows to be covering t within
	// CoverRadius, or nil.
	coverer(t *Ship) *Ship
	// ownWing returns one of the side's own attack wings by its index in
	// the battle, or nil.
	ownWing(index int) *Wing
}

// frame is the part of a battle every side knows alike.
type frame struct {
	SideIDs   SideIDs
	Map       *Map
	Classes   []Class
	Turn      int
	TurnLimit int
	Active    Side
	Phase     Phase
	Terms     Terms
	EvacTurns int
	Owners    []Side      // each minefield's owner
	sight     *sightTable // nil: lines are traced
}

func (f *frame) class(sh *Ship) *Class { return &f.Classes[sh.Class] }

// distance is the range between two ships' nearest hexes, with a standing at
// from instead of its own position.
func (f *frame) distance(a *Ship, from hex.Hex, b *Ship) int { return rangeFrom(f.Classes, a, from, b) }

// rangeFrom is the range from a, standing at from, to b: the distance between
// their nearest hexes (a station's structure reaches its radius).
func rangeFrom(cls []Class, a *Ship, from hex.Hex, b *Ship) int {
	return max(0, hex.Distance(from, b.Pos)-cls[a.Class].Radius-cls[b.Class].Radius)
}

// lineOfFire reports whether nothing between two hexes blocks sensors or fire.
func (f *frame) lineOfFire(a, b hex.Hex) bool {
	return visible(f.Map, f.sight, a, b)
}

// sideOf is a State seen through one side.
type sideOf struct {
	s    *State
	side Side
	f    frame
	hint *Ship // an own ship tried first when asking whether an enemy is seen
}

// through returns the state as side knows it. The lens is scratch space kept
// in the state, so that asking allocates nothing; the caller clears it when
// done, so that it is never part of the battle.
func (s *State) through(side Side, hint *Ship) *sideOf {
	k := &s.lens
	*k = sideOf{s: s, side: side, hint: hint, f: s.frame()}
	return k
}

func (s *State) frame() frame {
	return frame{
		SideIDs: s.SideIDs, Map: s.Map, Classes: s.Classes, Turn: s.Turn, TurnLimit: s.TurnLimit, Active: s.Active,
		Phase: s.Phase, Terms: s.Terms, EvacTurns: s.EvacTurns, Owners: s.owners, sight: s.sight,
	}
}

func (k *sideOf) viewer() Side { return k.side }
func (k *sideOf) game() *frame { return &k.f }

func (k *sideOf) ownWing(index int) *Wing {
	if index < 0 || index >= len(k.s.Wings) || k.s.Wings[index].Side != k.side {
		return nil
	}
	return &k.s.Wings[index]
}

func (k *sideOf) ship(id ShipID) *Ship {
	sh := k.s.Ship(id)
	if sh == nil || (sh.Side != k.side && !k.s.Sees(k.side, sh, k.hint)) {
		return nil
	}
	return sh
}

func (k *sideOf) shipAt(h hex.Hex) *Ship {
	sh := k.s.ShipAt(h)
	if sh == nil || (sh.Side != k.side && !k.s.Sees(k.side, sh, k.hint)) {
		return nil
	}
	return sh
}

func (k *sideOf) mine(h hex.Hex) (field int, pos, laid bool) {
	fi, i := k.s.mineAt(h)
	if fi < 0 {
		return -1, false, false
	}
	m := &k.s.Fields[fi]
	switch {
	case k.side == m.Owner:
		return fi, true, m.Laid[i]
	case !m.Cloaked && m.Laid[i]:
		return fi, true, true
	}
	return -1, false, false
}

func (k *sideOf) ships(of Side, fn func(*Ship) bool) {
	for i := range k.s.Ships {
		sh := &k.s.Ships[i]
		if sh.Side != of || (of != k.side && !k.s.Sees(k.side, sh, k.hint)) {
			continue
		}
		if !fn(sh) {
			return
		}
	}
}

func (k *sideOf) coverer(t *Ship) *Ship {
	c := k.s.coverer(t)
	if c == nil || (c.Side != k.side && !k.s.Sees(k.side, c, k.hint)) {
		return nil
	}
	return c
}

// The View answers the same questions from its copy.

func (v *View) viewer() Side { return v.Side }

func (v *View) game() *frame {
	if v.f.Map == nil {
		v.f = frame{
			SideIDs: v.SideIDs, Map: v.Map, Classes: v.Classes, Turn: v.Turn, TurnLimit: v.TurnLimit, Active: v.Active,
			Phase: v.Phase, Terms: v.Terms, EvacTurns: v.EvacTurns, sight: v.sight,
		}
		for _, fv := range v.Fields {
			v.f.Owners = append(v.f.Owners, fv.Owner)
		}
	}
	return &v.f
}

func (v *View) ship(id ShipID) *Ship { return v.Ship(id) }

func (v *View) ownWing(index int) *Wing {
	if w := v.Wing(index); w != nil && w.Side == v.Side {
		return w
	}
	return nil
}

func (v *View) shipAt(h hex.Hex) *Ship { return v.ShipAt(h) }

func (v *View) mine(h hex.Hex) (field int, pos, laid bool) {
	i, ok := slices.BinarySearchFunc(v.Mines, h, func(m MineView, h hex.Hex) int { return cmpHex(m.Pos, h) })
	if !ok {
		return -1, false, false
	}
	return v.Mines[i].Field, true, v.Mines[i].Laid
}

func (v *View) ships(of Side, fn func(*Ship) bool) {
	for i := range v.Ships {
		if v.Ships[i].Side == of && !fn(&v.Ships[i]) {
			return
		}
	}
}

func (v *View) coverer(t *Ship) *Ship {
	if !t.Side.Valid() {
		return nil
	}
	for _, i := range v.coveringOf(t.Side) {
		c := &v.Ships[i]
		if covers(c, t) {
			return c
		}
	}
	return nil
}
