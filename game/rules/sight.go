package rules

import "github.com/calltoarms/ds9/game/hex"

// blocksSight is the hex.Visible callback for a map.
func (m *Map) blocksSight(h hex.Hex) bool { return m.At(h).BlocksSight() }

// lineOfSight reports whether nothing between two hexes blocks sensors or fire.
func (s *State) lineOfSight(a, b hex.Hex) bool { return hex.Visible(a, b, s.Map.blocksSight) }

// detects reports whether ship o's sensors pick up ship t: t within sensor range
// with a clear line, and, when t is cloaked, within o's detection range.
func (s *State) detects(o, t *Ship) bool {
	return o.Alive() && !o.Lost() && !o.IsAboard() && picksUp(s.Map, s.Classes, o, o.Pos, t.Pos, s.Classes[t.Class].Radius, t.Cloaked)
}

// picksUp reports whether the sensors of o, standing at from, pick up a ship
// of radius r at h: within sensor range with a clear line and, when it is
// cloaked, within detection range.
func picksUp(m *Map, cls []Class, o *Ship, from, h hex.Hex, r int, cloaked bool) bool {
	oc := &cls[o.Class]
	d := max(0, hex.Distance(from, h)-oc.Radius-r)
	if cloaked && d > oc.Detect {
		return false
	}
	return d <= oc.Sensors && hex.Visible(from, h, m.blocksSight)
}

// Sees reports whether side sees ship t now. Own ships are always seen; stations
// are always known; enemy ships must be in some own ship's sensor picture.
// hint, when not nil, is tried first (usually the ship about to act).
func (s *State) Sees(side Side, t *Ship, hint *Ship) bool {
	if seen, known := s.plainSight(side, t); known {
		return seen
	}
	if hint != nil && hint.Side == side && s.detects(hint, t) {
		return true
	}
	for i := range s.Ships {
		o := &s.Ships[i]
		if o.Side == side && s.detects(o, t) {
			return true
		}
	}
	return false
}

// plainSight settles whether side sees t without sensors: its own ships and
// enemy stations and structures (fixed installations both sides know of)
// always, enemy ships out of the battle never.
func (s *State) plainSight(side Side, t *Ship) (seen, known bool) {
	switch {
	case t.Side == side:
		return true, true
	case !t.Alive() || t.IsAboard():
		return false, true // a team aboard a station is never seen by the other side
	case s.Classes[t.Class].Fixed():
		return true, true
	}
	return false, false
}

// observers lists the side's ships whose sensors work now.
func (s *State) observers(side Side) []*Ship {
	var out []*Ship
	for i := range s.Ships {
		if o := &s.Ships[i]; o.Side == side && o.Alive() && !o.Lost() && !o.IsAboard() {
			out = append(out, o)
		}
	}
	return out
}

// seenBy is Sees for many targets: obs is the side's observers.
func (s *State) seenBy(side Side, obs []*Ship, t *Ship) bool {
	if seen, known := s.plainSight(side, t); known {
		return seen
	}
	for _, o := range obs {
		if s.detects(o, t) {
			return true
		}
	}
	return false
}
