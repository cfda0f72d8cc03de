package rules

import (
	"fmt"
	"slices"

	"github.com/calltoarms/ds9/game/hex"
)

// setFields builds the minefields from the setup: positions sorted, laid ones
// marked, a field laid in full active and cloaked from the start. No hex is a
// position of two fields.
func (s *State) setFields(fs []FieldSetup) error {
	s.Fields = make([]Minefield, len(fs))
	seen := map[hex.Hex]bool{}
	for fi, f := range fs {
		if !f.Owner.Valid() {
			return setupErr("", 0, "minefield %s: invalid owner", f.ID)
		}
		m := Minefield{ID: f.ID, Name: f.Name, Owner: f.Owner, Damage: f.Damage, FailsBelow: f.FailsBelow, Seals: f.Seals,
			Positions: slices.Clone(f.Positions)}
		slices.SortFunc(m.Positions, cmpHex)
		m.Positions = slices.Compact(m.Positions)
		m.Laid = make([]bool, len(m.Positions))
		m.Lost = make([]bool, len(m.Positions))
		for _, p := range m.Positions {
			if t := s.Map.At(p); t == StationHex || !s.Map.In(p) {
				return fmt.Errorf("minefield %s: position %v is not open map", f.ID, p)
			}
			if seen[p] {
				return fmt.Errorf("minefield %s: position %v belongs to another minefield too", f.ID, p)
			}
			seen[p] = true
		}
		for _, p := range f.Laid {
			i := m.Index(p)
			if i < 0 {
				return fmt.Errorf("minefield %s: laid mine %v is not one of its positions", f.ID, p)
			}
			m.Laid[i] = true
		}
		if len(m.Positions) > 0 && m.LaidCount() == len(m.Positions) {
			m.Active, m.Cloaked = true, true
		}
		if m.FailsBelow < 0 || m.FailsBelow > len(m.Positions) {
			return setupErr("", 0, "minefield %s: fails_below %d out of 0..%d", f.ID, m.FailsBelow, len(m.Positions))
		}
		s.Fields[fi] = m
	}
	return nil
}

// mineAt finds the minefield position at h: the field's index and the
// position's, or -1, -1.
func (s *State) mineAt(h hex.Hex) (field, pos int) {
	for fi := range s.Fields {
		if i := s.Fields[fi].Index(h); i >= 0 {
			return fi, i
		}
	}
	return -1, -1
}

// layMine lays one mine; the field activates and cloaks when every position
// holds one. A ship the layer's side could not see, holding the position,
// foils the attempt: the action is spent, and the ship is found.
func (s *State) layMine(o Order, ev *[]Event) {
	sh := &s.Ships[o.Ship]
	sh.Actions--
	fi, i := s.mineAt(o.At)
	if occ := s.ShipAt(o.At); occ != nil && occ.Side != sh.Side {
		s.emit(ev, Event{Kind: MineFoiled, Side: sh.Side, Ship: sh.ID, Target: occ.ID, From: sh.Pos, To: o.At, Field: fi})
		if occ.Cloaked {
			s.emit(ev, Event{Kind: Detected, Side: occ.Side, Ship: occ.ID, Target: sh.ID, To: occ.Pos})
		}
		return
	}
	m := &s.Fields[fi]
	m.Laid[i], m.Lost[i] = true, false
	s.emit(ev, Event{Kind: MineLaid, Side: sh.Side, Ship: sh.ID, From: sh.Pos, To: o.At, Value: m.LaidCount(), Count: len(m.Positions), Field: fi})
	s.activate(fi, ev)
}

// activate turns a minefield on, and cloaks it, once every position is laid.
func (s *State) activate(fi int, ev *[]Event) {
	m := &s.Fields[fi]
	if m.Active || m.Down || len(m.Positions) == 0 || m.LaidCount() < len(m.Positions) {
		return
	}
	m.Active, m.Cloaked = true, true
	s.emit(ev, Event{Kind: MinefieldActivated, Side: m.Owner, Value: len(m.Positions), Count: len(m.Positions), Field: fi})
	s.emit(ev, Event{Kind: MinefieldCloaked, Side: m.Owner, Field: fi})
}

// lose takes a mine out of its position: it waits to replicate.
func (s *State) lose(fi, i int) {
	m := &s.Fields[fi]
	m.Laid[i], m.Lost[i] = false, true
}

// checkDown brings an active field down when fewer mines than its
// FailsBelow are left: it stops working for good, and uncloaks.
func (s *State) checkDown(fi int, ev *[]Event) {
	m := &s.Fields[fi]
	if m.Active && m.FailsBelow > 0 && m.LaidCount() < m.FailsBelow {
		m.Active, m.Cloaked, m.Down = false, false, true
		s.emit(ev, Event{Kind: MinefieldDown, Side: m.Owner, Value: m.LaidCount(), Count: len(m.Positions), Field: fi})
	}
}

// mineStrike detonates a mine under an enemy ship that has entered its hex. It
// reports whether the ship was destroyed.
func (s *State) mineStrike(sh *Ship, ev *[]Event) bool {
	fi, i := s.mineAt(sh.Pos)
	if fi < 0 {
		return false
	}
	m := &s.Fields[fi]
	if sh.Side == m.Owner || !m.Laid[i] || m.Down {
		return false
	}
	s.lose(fi, i)
	s.damage(sh, 0, m.Damage, MinePierce, Event{Kind: MineDetonated, Side: m.Owner, Ship: sh.ID, Target: sh.ID, To: sh.Pos, Field: fi}, ev)
	s.checkDown(fi, ev)
	return !sh.Alive()
}

// replicate restores the lost mines of side's fields at the start of its
// phase. Before a field is active a mine must survive to build them; an active
// field, hundreds of mines linked together, always rebuilds its positions. A
// mine cannot form under an enemy ship, and a field brought down builds none.
func (s *State) replicate(side Side, ev *[]Event) {
	for fi := range s.Fields {
		m := &s.Fields[fi]
		if m.Owner != side || m.Down || (m.LaidCount() == 0 && !m.Active) {
			continue
		}
		for i, lost := range m.Lost {
			if !lost {
				continue
			}
			if occ := s.ShipAt(m.Positions[i]); occ != nil && occ.Side != m.Owner {
				continue
			}
			m.Laid[i], m.Lost[i] = true, false
			s.emit(ev, Event{Kind: MineReplicated, Side: m.Owner, To: m.Positions[i], Value: m.LaidCount(), Count: len(m.Positions), Field: fi})
		}
		s.activate(fi, ev)
	}
}

// sweep resolves a sweeping weapon's shots at a hex: each hit destroys the
// enemy mines laid within the weapon's sweep radius of it.
func (s *State) sweep(o Order, ev *[]Event) {
	sh := &s.Ships[o.Ship]
	sh.Actions--
	w := &s.Class(sh).Weapons[o.Weapon]
	p := HitChance(w, max(0, hex.Distance(sh.Pos, o.At)-s.Class(sh).Radius), 0, 0, false)
	s.emit(ev, Event{Kind: Fired, Side: sh.Side, Ship: sh.ID, Target: NoShip, From: sh.Pos, To: o.At, Weapon: o.Weapon, WeaponKind: w.Kind, Value: w.Shots})
	for range w.Shots {
		if s.roll(100) >= p {
			s.emit(ev, Event{Kind: Missed, Side: sh.Side, Ship: sh.ID, Target: NoShip, From: sh.Pos, To: o.At, Weapon: o.Weapon, WeaponKind: w.Kind})
			continue
		}
		for fi := range s.Fields {
			m := &s.Fields[fi]
			if m.Owner == sh.Side {
				continue
			}
			for i, h := range m.Positions {
				if m.Laid[i] && hex.Distance(h, o.At) <= w.Sweep {
					s.lose(fi, i)
					s.emit(ev, Event{Kind: MineSwept, Side: sh.Side, Ship: sh.ID, From: sh.Pos, To: h, Value: m.LaidCount(), Count: len(m.Positions), Field: fi})
				}
			}
			s.checkDown(fi, ev)
		}
	}
}

// FieldLaid is the number of mines of field fi laid now.
func (s *State) FieldLaid(fi int) int { return s.Fields[fi].LaidCount() }
