package rules

import "github.com/calltoarms/ds9/game/hex"

// blocksSight is the hex.Visible callback for a map.
func (m *Map) blocksSight(h hex.Hex) bool { return m.At(h).BlocksSight() }

// lineOfSight reports whether nothing between two hexes blocks sensors or fire.
func (s *State) lineOfSight(a, b hex.Hex) bool { return visible(s.Map, s.sight, a, b) }

// detects reports whether ship o's sensors pick up ship t: t within sensor range
// with a clear line, and, when t is cloaked, within o's detection range.
func (s *State) detects(o, t *Ship) bool {
	return o.Alive() && !o.Lost() && !o.IsAboard() && picksUp(s.Map, s.sight, s.Classes, o, o.Pos, t.Pos, s.Classes[t.Class].Radius, t.Cloaked)
}

// picksUp reports whether the sensors of o, standing at from, pick up a ship
// of radius r at h: within sensor range with a clear line and, when it is
// cloaked, within detection range.
func picksUp(m *Map, sight *sightTable, cls []Class, o *Ship, from, h hex.Hex, r int, cloaked bool) bool {
	oc := &cls[o.Class]
	d := max(0, hex.Distance(from, h)-oc.Radius-r)
	if cloaked && d > oc.Detect {
		return false
	}
	return d <= oc.Sensors && visible(m, sight, from, h)
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
func (s *State) observers(side Side) []*Ship { return s.appendObservers(nil, side) }

// appendObservers appends the side's observers to out.
func (s *State) appendObservers(out []*Ship, side Side) []*Ship {
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

// sightTable counts the hexes of a map that block sight, by axial
// coordinates, as sums over rectangles (summed-area table): whether any hex
// near a line blocks it is then four lookups. Every hex of a line from a to b
// lies within the q and r ranges of a and b, so where none of that box blocks
// the line is clear without tracing it. It is read-only once built, and
// shared by a battle's clones and views.
type sightTable struct {
	q0, r0 int     // the smallest q and r of a hex of the map
	w, h   int     // the table's extent in q and r
	sum    []int32 // sum[(r-r0+1)*(w+1)+(q-q0+1)]: blocking hexes with smaller or equal q and r
}

func newSightTable(m *Map) *sightTable {
	if len(m.Terrain) == 0 {
		return nil
	}
	t := &sightTable{q0: 0, r0: 1 << 30}
	rmax := -1 << 30
	for i := range m.Terrain {
		h := m.HexAt(i)
		t.r0, rmax = min(t.r0, h.R), max(rmax, h.R)
	}
	t.w, t.h = m.Cols, rmax-t.r0+1
	t.sum = make([]int32, (t.w+1)*(t.h+1))
	for i, tr := range m.Terrain {
		if tr.BlocksSight() {
			h := m.HexAt(i)
			t.sum[(h.R-t.r0+1)*(t.w+1)+h.Q-t.q0+1]++
		}
	}
	for r := 1; r <= t.h; r++ {
		for q := 1; q <= t.w; q++ {
			k := r*(t.w+1) + q
			t.sum[k] += t.sum[k-1] + t.sum[k-t.w-1] - t.sum[k-t.w-2]
		}
	}
	return t
}

// clear reports whether no hex of the map within the q and r ranges of a
// and b, widened by one, blocks sight.
func (t *sightTable) clear(a, b hex.Hex) bool {
	q1, q2 := min(a.Q, b.Q)-1-t.q0, max(a.Q, b.Q)+1-t.q0
	r1, r2 := min(a.R, b.R)-1-t.r0, max(a.R, b.R)+1-t.r0
	q1, q2 = max(q1, 0), min(q2, t.w-1)
	r1, r2 = max(r1, 0), min(r2, t.h-1)
	if q1 > q2 || r1 > r2 {
		return true
	}
	w := t.w + 1
	n := t.sum[(r2+1)*w+q2+1] - t.sum[r1*w+q2+1] - t.sum[(r2+1)*w+q1] + t.sum[r1*w+q1]
	return n == 0
}

// visible is hex.Visible over the map's terrain, with t (nil: none) to
// settle at once the lines no terrain is near.
func visible(m *Map, t *sightTable, a, b hex.Hex) bool {
	if t != nil && t.clear(a, b) {
		return true
	}
	return hex.Visible(a, b, m.blocksSight)
}
