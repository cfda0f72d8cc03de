package rules

import (
	"github.com/calltoarms/ds9/game/hex"
)

// MaxPath is the longest path a move order may carry.
const MaxPath = 64

// PathCost is the movement cost of a path, or -1 when a hex cannot be entered.
func (m *Map) PathCost(path []hex.Hex) int {
	cost := 0
	for _, h := range path {
		mc := m.At(h).MoveCost()
		if mc < 0 {
			return -1
		}
		cost += mc
	}
	return cost
}

// move carries a ship along its path step by step: a hidden enemy in the way stops
// it; mines detonate under enemies; perimeter defenses fire on enemies entering
// their range; cloaked ships that come close enough are detected.
func (s *State) move(o Order, ev *[]Event) {
	sh := &s.Ships[o.Ship]
	s.vacate(sh)
	start, prev := sh.Pos, sh.Pos
	stopAt := -1 // index of the last path hex reached
	for i, h := range o.Path {
		if occ := s.ShipAt(h); occ != nil && occ.Side != sh.Side {
			// A ship the mover could not see bars the way: it is found, and the move ends.
			s.emit(ev, Event{Kind: MoveInterrupted, Side: sh.Side, Ship: sh.ID, Target: occ.ID, From: prev, To: h})
			if occ.Cloaked {
				s.emit(ev, Event{Kind: Detected, Side: occ.Side, Ship: occ.ID, Target: sh.ID, To: occ.Pos})
			}
			sh.MP = 0
			break
		}
		sh.MP -= s.Map.At(h).MoveCost()
		sh.Pos = h
		stopAt = i
		if ev != nil { // Do is told nothing: no event to make
			s.emit(ev, Event{Kind: Moved, Side: sh.Side, Ship: sh.ID, From: prev, To: h})
		}
		s.detections(sh, prev, ev)
		if s.mineStrike(sh, ev) || s.perimeter(sh, prev, ev) {
			break
		}
		prev = h
	}
	if !sh.Alive() {
		return
	}
	// The mover may have passed over friends; it ends on the last free hex it reached.
	for stopAt >= 0 && s.ShipAt(o.Path[stopAt]) != nil {
		stopAt--
	}
	if stopAt < 0 {
		sh.Pos = start
	} else {
		sh.Pos = o.Path[stopAt]
	}
	s.occ[s.Map.Index(sh.Pos)] = int32(sh.ID) + 1
}

// detections reports cloaked ships that a move brings within detection range:
// the mover itself when it is cloaked, and cloaked enemies it comes near.
func (s *State) detections(sh *Ship, prev hex.Hex, ev *[]Event) {
	if ev == nil || !sh.Cloaked && s.cloaked[sh.Side.Other()] == 0 {
		return // it only tells (and Do is told nothing)
	}
	// Entering detection range as the views measure it: picked up now, not
	// from the hex before.
	picked := func(o *Ship, from, h hex.Hex, r int) bool {
		return picksUp(s.Map, s.sight, s.Classes, o, from, h, r, true)
	}
	for i := range s.Ships {
		o := &s.Ships[i]
		if o.Side == sh.Side || !o.Alive() {
			continue
		}
		if sh.Cloaked && !o.Lost() && picked(o, o.Pos, sh.Pos, 0) && !picked(o, o.Pos, prev, 0) {
			s.emit(ev, Event{Kind: Detected, Side: sh.Side, Ship: sh.ID, Target: o.ID, To: sh.Pos})
		}
		r := s.Classes[o.Class].Radius
		if o.Cloaked && picked(sh, sh.Pos, o.Pos, r) && !picked(sh, prev, o.Pos, r) {
			s.emit(ev, Event{Kind: Detected, Side: o.Side, Ship: o.ID, Target: sh.ID, To: o.Pos})
		}
	}
}
