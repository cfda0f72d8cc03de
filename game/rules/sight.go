package rules

import "github.com/calltoarms/ds9/game/hex"

// blocksSight is the hex.Visible callback for this map.
func (s *State) blocksSight(h hex.Hex) bool { return s.Map.At(h).BlocksSight() }

// lineOfSight reports whether nothing between two hexes blocks sensors or fire.
func (s *State) lineOfSight(a, b hex.Hex) bool { return hex.Visible(a, b, s.blocksSight) }

// detects reports whether ship o's sensors pick up ship t: t within sensor range
// with a clear line, and, when t is cloaked, within o's detection range.
func (s *State) detects(o, t *Ship) bool {
	if !o.Alive() || o.Lost() {
		return false
	}
	oc := &s.Classes[o.Class]
	d := s.Range(o, t)
	if t.Cloaked && d > oc.Detect {
		return false
	}
	return d <= oc.Sensors && s.lineOfSight(o.Pos, t.Pos)
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
// enemy stations always, enemy ships out of the battle never.
func (s *State) plainSight(side Side, t *Ship) (seen, known bool) {
	switch {
	case t.Side == side:
		return true, true
	case !t.Alive():
		return false, true
	case s.Classes[t.Class].Station:
		return true, true
	}
	return false, false
}

// observers lists the side's ships whose sensors work now.
func (s *State) observers(side Side) []*Ship {
	var out []*Ship
	for i := range s.Ships {
		if o := &s.Ships[i]; o.Side == side && o.Alive() && !o.Lost() {
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
