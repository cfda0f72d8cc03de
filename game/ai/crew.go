package ai

import (
	"slices"
	"sync"

	"github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/rules"
)

// crew plans the ships of a side that have a job of their own: its stations
// (fire, sweep, evacuate, sabotage), its minelayers (lay the open minefield,
// or slip away under cloak), the ships that cover a minelayer while it works,
// and the ships that leave once their work is done. It reads class flags, the
// minefields and the station's program, never ship names.
type crew struct {
	posture
	g *grid

	cost    []int8
	occ     []int32
	field   []int32
	marks   []mark
	byID    []int32
	opts    []rules.AttackOption
	pathBuf []hex.Hex
	out     []rules.Order
	enemies []*rules.Ship
	reaches []int // by enemy: how far it can move and fire
	near    []int // scratch for nearby
}

func newCrew(p posture) *crew {
	a, ok := spareCrews.Get().(*crew)
	if !ok {
		return &crew{posture: p}
	}
	// A crew of a battle played out: its grid and scratch space only.
	*a = crew{posture: p, g: a.g, cost: a.cost, occ: a.occ, field: a.field, marks: a.marks[:0],
		byID: a.byID[:0], opts: a.opts[:0], pathBuf: a.pathBuf[:0], out: a.out[:0],
		enemies: a.enemies[:0], reaches: a.reaches[:0], near: a.near[:0]}
	return a
}

// spareCrews holds the crews of battles played out (release), for newCrew.
var spareCrews sync.Pool

// plan gives the orders of the ships whose role is crewRole: none, with
// nothing readied, when no ship has it.
func (a *crew) plan(v *rules.View, roles []role) []rules.Order {
	a.out = a.out[:0]
	if !slices.Contains(roles, crewRole) {
		return a.out
	}
	if !a.g.sameMap(v.Map) {
		a.g = newGridOver(a.g, v.Map)
	}
	g := a.g
	if len(a.cost) != g.n {
		a.cost = make([]int8, g.n)
		a.occ = make([]int32, g.n)
		a.field = make([]int32, g.n)
	}
	a.enemies = g.mark(v, a.cost, a.occ, a.enemies[:0])
	a.reaches = a.reaches[:0]
	for _, e := range a.enemies {
		ec := v.Class(e)
		a.reaches = append(a.reaches, ec.Speed+ec.MaxRange())
	}
	a.pathBuf = a.pathBuf[:0]
	a.marks, a.byID = marks(v, a.marks, a.byID)

	// The minelayer first: the others place themselves around where it ends.
	layerEnd := hex.Hex{}
	layer := -1
	for i := range v.Ships {
		sh := &v.Ships[i]
		if roles[i] == crewRole && v.Class(sh).Minelayer {
			layerEnd = a.minelayer(v, i)
			layer = i
			break
		}
	}
	for i := range v.Ships {
		sh := &v.Ships[i]
		if roles[i] != crewRole || i == layer {
			continue
		}
		c := v.Class(sh)
		switch {
		case c.Station:
			a.station(v, sh)
		case c.Fixed():
			if sh.Actions > 0 {
				a.fire(v, sh, sh.Pos, sh.Actions)
			}
		default:
			a.escort(v, i, layer, layerEnd)
		}
	}
	return a.out
}

// threat is the damage (×100) the enemy in view could do next phase to a ship
// of class c standing at h: every enemy that can come within range of it,
// firing at point-blank range. near are the enemies (indexes into
// a.enemies, in order) that may: those nearby returned for a hex within
// reach of h, or all of them.
func (a *crew) threat(v *rules.View, c *rules.Class, h hex.Hex, covered bool, near []int) int {
	sum, n := 0, 0
	shelter := v.Map.At(h).Shelter()
	for _, k := range near {
		e := a.enemies[k]
		if hex.Distance(e.Pos, h) > a.reaches[k] {
			continue
		}
		ec := v.Class(e)
		if len(ec.Weapons) == 0 {
			continue
		}
		w := &ec.Weapons[0]
		p := rules.HitChance(w, 1, c.Evasion, shelter, covered)
		sum += w.Shots * p * w.Damage
		n++
	}
	if n > 24 { // only so many can crowd round one ship
		sum = sum * 24 / n
	}
	return sum
}

// nearby returns, for threat, the enemies (indexes into a.enemies, in
// order) that can come within range of a hex within mp steps of h: no other
// is within its reach of such a hex.
func (a *crew) nearby(h hex.Hex, mp int) []int {
	a.near = a.near[:0]
	for k, e := range a.enemies {
		if hex.Distance(e.Pos, h) <= a.reaches[k]+max(mp, 0) {
			a.near = append(a.near, k)
		}
	}
	return a.near
}

// moveTo appends the move to end (from the last reach) and updates occupancy.
func (a *crew) moveTo(v *rules.View, vi int, end int32) hex.Hex {
	g := a.g
	sh := &v.Ships[vi]
	start := g.index(sh.Pos)
	if end == start || end < 0 {
		return sh.Pos
	}
	path, buf := g.path(a.pathBuf, end)
	a.pathBuf = buf
	a.out = append(a.out, rules.Order{Kind: rules.Move, Side: v.Side, Ship: sh.ID, Path: path})
	if a.occ[start] == int32(vi)+1 {
		a.occ[start] = 0
	}
	a.occ[end] = int32(vi) + 1
	return g.hexes[end]
}

func (a *crew) free(i int32, vi int) bool { return a.occ[i] == 0 || a.occ[i] == int32(vi)+1 }

// cloakFactor is how much of a ship's shields and hull the expected enemy fire
// must threaten before it cloaks (percent); 0 never.
func (a *crew) cloakFactor() int {
	if a.sharp {
		return 80
	}
	return 100
}

// minelayer lays the next mine, or slips away under cloak when laying would
// likely cost the ship, or escapes once the field is active. It returns where
// the ship ends its move.
func (a *crew) minelayer(v *rules.View, vi int) hex.Hex {
	g := a.g
	sh := &v.Ships[vi]
	c := v.Class(sh)
	if !ownFieldsOpen(v) {
		return a.leave(v, vi)
	}
	start := g.index(sh.Pos)
	covered := false
	for i := range v.Ships {
		o := &v.Ships[i]
		if o.Side == v.Side && o.Alive() && o.ID != sh.ID && !v.Class(o).Station && !o.Cloaked {
			covered = true
		}
	}
	open := v.OpenMines(nil)
	var srcs []int32
	for _, p := range open {
		srcs = append(srcs, g.index(p))
	}
	if len(open) == 0 {
		return sh.Pos
	}
	reached := []int32{start}
	if sh.MP > 0 {
		reached = g.reach(start, sh.MP, a.cost)
	}
	life := 100 * (sh.Shields + sh.Hull)
	factor := a.cloakFactor()
	near := a.nearby(sh.Pos, sh.MP) // every hex it looks at is within its reach
	// The best hex to lay from: least threatened, then next to most open
	// positions, then least movement.
	best, bestT, bestN, bestC := int32(-1), 0, 0, int32(0)
	for _, i := range reached {
		if !a.free(i, vi) {
			continue
		}
		h := g.hexes[i]
		n := 0
		for _, p := range open {
			if hex.Distance(h, p) <= rules.LayReach {
				n++
			}
		}
		if n == 0 {
			continue
		}
		t := a.threat(v, c, h, covered, near)
		cost := g.dist[i]
		if i == start {
			cost = 0
		}
		if best < 0 || t < bestT || (t == bestT && (n > bestN || (n == bestN && cost < bestC))) {
			best, bestT, bestN, bestC = i, t, n, cost
		}
	}
	danger := factor > 0 && len(open) > 1 && !sh.Cloaked && c.Cloak && sh.Actions > 0
	if best >= 0 && sh.Actions > 0 && (!danger || bestT*100 < life*factor) {
		at := a.moveTo(v, vi, best)
		if sh.Cloaked {
			a.out = append(a.out, rules.Order{Kind: rules.Decloak, Side: v.Side, Ship: sh.ID})
		}
		// Lay the position that leaves the most open ones still in reach.
		for _, p := range open {
			if hex.Distance(at, p) <= rules.LayReach {
				a.out = append(a.out, rules.Order{Kind: rules.LayMine, Side: v.Side, Ship: sh.ID, At: p})
				break
			}
		}
		return at
	}
	if sh.Actions <= 0 && a.sharp {
		// Laid this phase already: sharp judgement stays put rather than run
		// on, unable to cloak, towards where the enemy may be waiting.
		return sh.Pos
	}
	// Head for the open positions by the safest way in reach.
	g.field(a.field, srcs, a.cost, false)
	if sh.MP > 0 {
		reached = g.reach(start, sh.MP, a.cost)
	}
	tgt, tgtS := start, int64(1)<<62
	for _, i := range reached {
		if !a.free(i, vi) {
			continue
		}
		f := int64(a.field[i])
		s := f * 1000
		s += int64(a.threat(v, c, g.hexes[i], covered, near)) / 10
		if s < tgtS {
			tgt, tgtS = i, s
		}
	}
	at := a.moveTo(v, vi, tgt)
	if sh.Actions <= 0 {
		return at
	}
	if c.Cloak && !sh.Cloaked && factor > 0 && a.threat(v, c, at, covered, near) > 0 {
		a.out = append(a.out, rules.Order{Kind: rules.Cloak, Side: v.Side, Ship: sh.ID})
		return at
	}
	if !sh.Cloaked {
		a.fire(v, sh, at, sh.Actions)
	}
	return at
}

// escort keeps a covering ship with the minelayer while the field is unfinished,
// then takes it out of the battle.
func (a *crew) escort(v *rules.View, vi, layer int, layerEnd hex.Hex) {
	g := a.g
	sh := &v.Ships[vi]
	c := v.Class(sh)
	if !ownFieldsOpen(v) || layer < 0 {
		a.leave(v, vi)
		return
	}
	start := g.index(sh.Pos)
	reached := []int32{start}
	if sh.MP > 0 {
		reached = g.reach(start, sh.MP, a.cost)
	}
	best, bestT, bestC := int32(-1), 0, int32(0)
	near := a.nearby(sh.Pos, sh.MP)
	for _, i := range reached {
		if !a.free(i, vi) || !rules.CoverReaches(g.hexes[i], layerEnd) {
			continue
		}
		t := a.threat(v, c, g.hexes[i], false, near)
		// Stand between the enemy and the ward: nearer is better.
		t += 100 * hex.Distance(g.hexes[i], layerEnd)
		cost := g.dist[i]
		if i == start {
			cost = 0
		}
		if best < 0 || t < bestT || (t == bestT && cost < bestC) {
			best, bestT, bestC = i, t, cost
		}
	}
	if best >= 0 {
		a.moveTo(v, vi, best)
		if sh.Actions > 0 {
			if sh.Cloaked {
				a.out = append(a.out, rules.Order{Kind: rules.Decloak, Side: v.Side, Ship: sh.ID})
			}
			a.out = append(a.out, rules.Order{Kind: rules.Cover, Side: v.Side, Ship: sh.ID, Target: v.Ships[layer].ID})
		}
		return
	}
	// Too far to cover this phase: close in.
	g.field(a.field, []int32{g.index(layerEnd)}, a.cost, false)
	tgt, tgtS := start, a.field[start]
	for _, i := range reached {
		if a.free(i, vi) && a.field[i] < tgtS {
			tgt, tgtS = i, a.field[i]
		}
	}
	at := a.moveTo(v, vi, tgt)
	if sh.Actions > 0 && !sh.Cloaked {
		a.fire(v, sh, at, sh.Actions)
	}
}

// leave takes a ship to the nearest exit and out of the battle, under cloak when
// it has one and the enemy is near.
func (a *crew) leave(v *rules.View, vi int) hex.Hex {
	g := a.g
	sh := &v.Ships[vi]
	c := v.Class(sh)
	start := g.index(sh.Pos)
	if len(g.exits) == 0 {
		if sh.Actions > 0 && !sh.Cloaked {
			a.fire(v, sh, sh.Pos, sh.Actions)
		}
		return sh.Pos
	}
	if v.Map.At(sh.Pos) == rules.Exit && sh.Actions > 0 {
		a.out = append(a.out, rules.Order{Kind: rules.Withdraw, Side: v.Side, Ship: sh.ID})
		return sh.Pos
	}
	g.field(a.field, g.exits, a.cost, true)
	reached := []int32{start}
	if sh.MP > 0 {
		reached = g.reach(start, sh.MP, a.cost)
	}
	tgt, tgtS := start, a.field[start]
	for _, i := range reached {
		if a.free(i, vi) && a.field[i] < tgtS {
			tgt, tgtS = i, a.field[i]
		}
	}
	at := a.moveTo(v, vi, tgt)
	if sh.Actions <= 0 {
		return at
	}
	switch {
	case v.Map.At(at) == rules.Exit:
		a.out = append(a.out, rules.Order{Kind: rules.Withdraw, Side: v.Side, Ship: sh.ID})
	case c.Cloak && !sh.Cloaked && a.threat(v, c, at, false, a.nearby(at, 0)) > 0:
		a.out = append(a.out, rules.Order{Kind: rules.Cloak, Side: v.Side, Ship: sh.ID})
	case !sh.Cloaked:
		a.fire(v, sh, at, sh.Actions)
	}
	return at
}

// station fights the station's guns, orders the evacuation when main power is
// gone and, once evacuated and alone, runs the program that leaves the station
// a hulk.
func (a *crew) station(v *rules.View, sh *rules.Ship) {
	if sh.Lost() || sh.Actions <= 0 {
		return
	}
	if sh.Evacuated {
		if o := (rules.Order{Kind: rules.Sabotage, Side: v.Side, Ship: sh.ID}); v.Check(o) == nil {
			a.out = append(a.out, o)
		}
		return
	}
	if !sh.MainPower {
		if o, ok := a.reroute(v, sh); ok {
			a.out = append(a.out, o)
			return
		}
		// The evacuation serves the station's sabotage program: without one it
		// would only hand the station to the next boarding party.
		if sh.EvacuateAt == 0 && sh.Program.NeedsEvacuated && a.untenable(v, sh) {
			a.out = append(a.out, rules.Order{Kind: rules.Evacuate, Side: v.Side, Ship: sh.ID})
		}
		return
	}
	left := sh.Actions
	if o, ok := a.repair(v, sh); ok {
		a.out = append(a.out, o)
		left--
	}
	left -= a.sweep(v, sh)
	if left > 0 {
		a.fire(v, sh, sh.Pos, left)
	}
}

// repair has the station's damage control mend
// the section carrying its main power once it has lost a repair's worth of
// hull: an action taken from its guns.
func (a *crew) repair(v *rules.View, sh *rules.Ship) (rules.Order, bool) {
	c := v.Class(sh)
	if c.Repair <= 0 {
		return rules.Order{}, false
	}
	si, ok := c.Section(sh.PowerAt)
	if !ok || c.Sections[si].Hull-sh.Section[si] < c.Repair {
		return rules.Order{}, false
	}
	o := rules.Order{Kind: rules.Repair, Side: v.Side, Ship: sh.ID, Section: sh.PowerAt}
	return o, v.Check(o) == nil
}

// reroute brings the station's main power back, when it can, through the
// standing section with the most hull left.
func (a *crew) reroute(v *rules.View, sh *rules.Ship) (rules.Order, bool) {
	c := v.Class(sh)
	if !c.Reroute {
		return rules.Order{}, false
	}
	best, hp := -1, 0
	for i, sec := range c.Sections {
		if sh.Section[i] > hp {
			best, hp = sec.ID, sh.Section[i]
		}
	}
	o := rules.Order{Kind: rules.Reroute, Side: v.Side, Ship: sh.ID, Section: best}
	return o, best >= 0 && v.Check(o) == nil
}

// sweep fires a station's mine-sweeping beams at the enemy minefield while it
// stands: where the most of its mines it knows of lie within the beam's
// reach, else (a cloaked field hides its mines) at the wormhole it seals. It
// returns the actions it used: all of them but one, so that the guns fire too.
func (a *crew) sweep(v *rules.View, sh *rules.Ship) int {
	if !enemyFieldStanding(v) {
		return 0
	}
	c := v.Class(sh)
	used := 0
	for wi := range c.Weapons {
		w := &c.Weapons[wi]
		if w.Sweep <= 0 {
			continue
		}
		at, ok := a.sweepAim(v, sh, w)
		if !ok {
			continue
		}
		for used < max(1, sh.Actions-1) {
			o := rules.Order{Kind: rules.Sweep, Side: v.Side, Ship: sh.ID, Weapon: wi, At: at}
			if v.Check(o) != nil {
				break
			}
			a.out = append(a.out, o)
			used++
		}
	}
	return used
}

// sweepAim picks the hex a beam aims at.
func (a *crew) sweepAim(v *rules.View, sh *rules.Ship, w *rules.Weapon) (hex.Hex, bool) {
	best, bestN := hex.Hex{}, 0
	for _, m := range v.Mines {
		if !m.Laid || v.Fields[m.Field].Owner == v.Side {
			continue
		}
		n := 0
		for _, o := range v.Mines {
			if o.Laid && v.Fields[o.Field].Owner != v.Side && hex.Distance(o.Pos, m.Pos) <= w.Sweep {
				n++
			}
		}
		if n > bestN {
			if v.Check(rules.Order{Kind: rules.Sweep, Side: v.Side, Ship: sh.ID, Weapon: weaponIndex(v.Class(sh), w), At: m.Pos}) == nil {
				best, bestN = m.Pos, n
			}
		}
	}
	if bestN > 0 {
		return best, true
	}
	worm := v.Map.Hexes(rules.Wormhole)
	if len(worm) == 0 {
		return hex.Hex{}, false
	}
	return worm[len(worm)/2], true
}

func weaponIndex(c *rules.Class, w *rules.Weapon) int {
	for i := range c.Weapons {
		if &c.Weapons[i] == w {
			return i
		}
	}
	return -1
}

// fire allocates a ship's (or station's) actions over the attacks the engine
// lists for it from pos: each action the attack worth most, each weapon once,
// keeping book of the damage already planned.
func (a *crew) fire(v *rules.View, sh *rules.Ship, pos hex.Hex, actions int) {
	c := v.Class(sh)
	a.opts = v.AppendTargets(a.opts[:0], sh.ID, pos)
	var used uint64
	for act := 0; act < actions; act++ {
		bestVal, best := 0, -1
		for oi := range a.opts {
			op := &a.opts[oi]
			m := markOf(a.marks, a.byID, op.Target)
			if used&(1<<op.Weapon) != 0 || m == nil || m.class.Station || m.dead(-1) {
				continue
			}
			e := op.Preview.Expected100
			if e <= 0 {
				continue
			}
			val := a.value(v, m, e)
			if val > bestVal {
				bestVal, best = val, oi
			}
		}
		if best < 0 {
			return
		}
		op := &a.opts[best]
		used |= 1 << op.Weapon
		markOf(a.marks, a.byID, op.Target).book(op.Preview.Expected100, c.Weapons[op.Weapon].Pierce, -1)
		a.out = append(a.out, op.Order(v.Side, sh.ID))
	}
}

// value of an attack for the Alliance: expected kills first (the share of the
// target it takes, a bonus for finishing it), sharp judgement also weighing what
// the target is about to do (focus wings on the station, boarders at the hatch).
func (a *crew) value(v *rules.View, m *mark, e int) int {
	left := max(1, m.left(-1))
	worth := 100
	if a.sharp {
		if m.ship.Wing >= 0 {
			if w := v.Wing(m.ship.Wing); w != nil && w.Directive == rules.Focus {
				worth += 60
			}
		}
		worth += m.class.Troops * 5
	}
	if leads(v, m.ship) {
		worth *= 2 // its wing falls apart without it
	}
	val := worth * min(e, left) * 100 / left
	if e >= left {
		val += val
	}
	return val
}

// untenable reports whether a station without main power should be evacuated:
// at once for a posture that evacuates early; otherwise only once the enemy troops in contact
// could overcome half the garrison in one phase, since an evacuated station has
// no one left to fight the boarders.
func (a *crew) untenable(v *rules.View, st *rules.Ship) bool {
	if a.evacuate {
		return true
	}
	troops := 0
	for _, e := range a.enemies {
		if v.Range(e, st) <= rules.BoardReach {
			troops += v.Class(e).Troops
		}
	}
	return 2*troops >= st.Garrison
}
