package rules

import "github.com/calltoarms/ds9/game/hex"

// Where the enemy can strike: what a side sees of the other side's reach,
// for a player deciding where to stand. Line of fire is not asked (a belt
// between two hexes may block a shot), nor what the enemy cannot see.

// WeaponReach lists the hexes of the map within reach of a ship's weapons
// where it stands now (a station's: from its structure): where its guns,
// line of fire aside, can strike this phase.
func (v *View) WeaponReach(id ShipID) []hex.Hex {
	sh := v.Ship(id)
	if sh == nil || !sh.Alive() {
		return nil
	}
	c := v.Class(sh)
	r := strikeRange(c)
	if r < 0 {
		return nil
	}
	var out []hex.Hex
	for _, h := range hex.Range(sh.Pos, r+c.Radius) {
		if v.Map.In(h) {
			out = append(out, h)
		}
	}
	return out
}

// strikeRange is the longest range of a class's weapons that fire at ships,
// -1 when it has none.
func strikeRange(c *Class) int {
	r := -1
	for _, w := range c.Weapons {
		if w.Sweep == 0 {
			r = max(r, w.Range)
		}
	}
	return r
}

// Threat counts, for every hex of the map (by Map.Index), the enemy ships in
// the view that could fire at a ship there in their next phase: move with
// the whole movement of their class (terrain costs; the view's side's ships
// bar the way), then fire within their weapons' range. Enemy stations and
// structures fire from where they stand; a station that has been lost, and a
// ship without guns, threaten nothing.
func (v *View) Threat() []int {
	n := len(v.Map.Terrain)
	count := make([]int, n)
	seen := make([]int, n) // the last enemy (index+1) that counted the hex
	dist := make([]int, n)
	var queue []int
	enemy := v.Side.Other()
	cost := func(h hex.Hex) int {
		c := v.Map.At(h).MoveCost()
		if o := v.ShipAt(h); c >= 0 && o != nil && o.Side == v.Side {
			return -1
		}
		return c
	}
	for i := range v.Ships {
		sh := &v.Ships[i]
		if sh.Side != enemy || !sh.Alive() || sh.Lost() || sh.IsAboard() {
			continue
		}
		c := v.Class(sh)
		r := strikeRange(c)
		if r < 0 {
			continue
		}
		r += c.Radius
		// Every hex it can end a move on, then out to its range, breadth
		// first over the map.
		queue = queue[:0]
		mark := i + 1
		for _, rc := range hex.Reachable(sh.Pos, min(c.Speed, MaxPath), cost, v.Map.In) {
			if k := v.Map.Index(rc.Hex); k >= 0 && seen[k] != mark {
				seen[k], dist[k] = mark, 0
				queue = append(queue, k)
			}
		}
		for q := 0; q < len(queue); q++ {
			k := queue[q]
			count[k]++
			if dist[k] == r {
				continue
			}
			h := v.Map.HexAt(k)
			for d := range 6 {
				if j := v.Map.Index(h.Neighbor(d)); j >= 0 && seen[j] != mark {
					seen[j], dist[j] = mark, dist[k]+1
					queue = append(queue, j)
				}
			}
		}
	}
	return count
}
