package ai

import (
	"math"
	"slices"
	"sync"

	"github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/rules"
)

// fleet plans a side's fighting ships: each attack wing by its directive
// (intercept, assault, focus, screen), and the ships without one, or whose
// wing's target is gone, by what matters most: the other side's open
// minefield, the side's objectives, the enemy's stations. It reads the wings,
// the objectives and the class flags of what it sees, never the names of
// ships.
type fleet struct {
	posture
	mem memory
	g   *grid

	cost     []int8
	lastCost []int8  // the costs of the last plan, which d.fields hold for
	occ      []int32 // planned end hexes of own ships: view index + 1
	fields   []fieldEntry
	goals    []aim // per wing index
	ships    []planned
	order    shipSort
	marks    []mark
	byID     []int32
	opts     []rules.AttackOption
	pathBuf  []hex.Hex
	wingBuf  []rules.Wing // the view's wings, with the orders planned for them
	out      []rules.Order
	enemies  []*rules.Ship // scratch for mark
	wingAt   []*rules.Wing // scratch for plan: the side's wings by index
	// orders holds the commander's orders of its last round: the crew's,
	// the fleet's and the teams' (commander.Orders).
	orders []rules.Order
}

// memory is what a commander keeps from earlier views of the same battle.
type memory struct {
	scenario string
	turn     int
	mines    []bool       // per map index: a laid mine was seen here
	seenAt   []int32      // per ship id: map index + 1 where an enemy was last seen
	seenCls  []int16      // per ship id: its class
	briefed  []rules.Wing // the side's wings as the battle's first view showed them
}

type fieldEntry struct {
	key     int32 // map index of the aim; -1: free
	station bool  // toward a station's footprint
	asked   bool  // asked for in this plan
	dist    []int32
}

type aim struct {
	ok      bool
	at      int32       // map index of the aim
	target  *rules.Ship // the ship or station sought, when in view
	field   []int32
	station bool
	spread  int // how far from at the field's sources lie (a station's radius)
}

type planned struct {
	vi    int // index into View.Ships
	wing  *rules.Wing
	goal  *aim
	end   int32
	score int32
	board bool
}

func newFleet(p posture) *fleet {
	d, ok := spareFleets.Get().(*fleet)
	if !ok {
		return &fleet{posture: p}
	}
	// A fleet of a battle played out: its grid and scratch space, nothing
	// it remembers or planned (every buffer is written before it is read).
	*d = fleet{posture: p, g: d.g, cost: d.cost, lastCost: d.lastCost, occ: d.occ, fields: d.fields, goals: d.goals[:0],
		ships: d.ships[:0], order: d.order, marks: d.marks[:0], byID: d.byID[:0], opts: d.opts[:0],
		pathBuf: d.pathBuf[:0], wingBuf: d.wingBuf[:0], out: d.out[:0], enemies: d.enemies[:0],
		wingAt: d.wingAt[:0], orders: d.orders[:0],
		mem: d.mem.emptied()}
	return d
}

// spareFleets holds the fleets of battles played out (release), for
// newFleet.
var spareFleets sync.Pool

// emptied is a memory of nothing, writing over m's buffers.
func (m memory) emptied() memory {
	return memory{mines: m.mines[:0], seenAt: m.seenAt[:0], seenCls: m.seenCls[:0], briefed: m.briefed[:0]}
}

// remember updates the commander's memory from a view: it resets for a new
// battle, notes every laid mine the view shows and where enemies were seen.
func (m *memory) remember(v *rules.View, g *grid) {
	if m.scenario != v.Scenario || v.Turn < m.turn || len(m.mines) != g.n {
		mines := slices.Grow(m.mines[:0], g.n)[:g.n]
		clear(mines)
		*m = m.emptied()
		m.scenario, m.mines = v.Scenario, mines
		for _, w := range v.Wings {
			if w.Side == v.Side {
				m.briefed = append(m.briefed, w)
			}
		}
	}
	m.turn = v.Turn
	for _, mv := range v.Mines {
		if i := g.index(mv.Pos); i >= 0 {
			m.mines[i] = mv.Laid || m.mines[i]
		}
	}
	for i := range v.Ships {
		sh := &v.Ships[i]
		if sh.Side == v.Side || !sh.Alive() {
			continue
		}
		for int(sh.ID) >= len(m.seenAt) {
			m.seenAt = append(m.seenAt, 0)
			m.seenCls = append(m.seenCls, 0)
		}
		m.seenAt[sh.ID] = g.index(sh.Pos) + 1
		m.seenCls[sh.ID] = int16(sh.Class)
	}
}

// forget drops remembered enemy positions that own ships now look at and find
// empty: where they would detect even a cloaked ship.
func (m *memory) forget(v *rules.View, g *grid) {
	for id, at := range m.seenAt {
		if at == 0 || v.Ship(rules.ShipID(id)) != nil {
			continue
		}
		if v.Detects(g.hexes[at-1]) {
			m.seenAt[id] = 0
		}
	}
}

// recall updates the fleet's memory from a view: its grid (new for a new
// map, with a fresh memory), where enemies were seen, the mines laid.
func (d *fleet) recall(v *rules.View) {
	if !d.g.sameMap(v.Map) {
		old := d.g
		d.g = newGridOver(old, v.Map)
		d.mem = d.mem.emptied()
		if d.g != old {
			d.fields = d.fields[:0] // sized for the map before
		}
	}
	d.mem.remember(v, d.g)
	d.mem.forget(v, d.g)
}

// lastSeen is where the fleet's memory has each enemy ship now out of sight
// (recall it first).
func (d *fleet) lastSeen(id rules.ShipID) (hex.Hex, bool) {
	if int(id) < len(d.mem.seenAt) && d.mem.seenAt[id] > 0 {
		return d.g.hexes[d.mem.seenAt[id]-1], true
	}
	return hex.Hex{}, false
}

func (d *fleet) prepare(v *rules.View) {
	d.recall(v)
	g := d.g
	if len(d.cost) != g.n {
		d.cost = make([]int8, g.n)
		d.occ = make([]int32, g.n)
	}
	d.enemies = g.mark(v, d.cost, d.occ, d.enemies[:0])
	for i, known := range d.mem.mines {
		if known {
			d.cost[i] = -1
		}
	}
	// The fields of the last plan hold while the costs are the same (the
	// next round of a phase, most often): they are kept, to be asked for
	// again.
	same := slices.Equal(d.cost, d.lastCost)
	d.lastCost = append(d.lastCost[:0], d.cost...)
	for i := range d.fields {
		if d.fields[i].asked = false; !same {
			d.fields[i].key = -1
		}
	}
}

// fieldFor returns the distance field toward a map index (its whole footprint
// when it is a station's centre), computed once per phase: the field first
// asked for toward the index in this plan, whether toward a station or not.
func (d *fleet) fieldFor(at int32, v *rules.View, st *rules.Ship) []int32 {
	station := st != nil
	for i := range d.fields {
		if e := &d.fields[i]; e.key == at && e.asked {
			return e.dist
		}
	}
	for i := range d.fields {
		if e := &d.fields[i]; e.key == at && e.station == station {
			e.asked = true // kept from the last plan, on the same costs
			return e.dist
		}
	}
	var e *fieldEntry
	for i := range d.fields {
		if d.fields[i].key == -1 {
			e = &d.fields[i]
			break
		}
	}
	if e == nil {
		d.fields = append(d.fields, fieldEntry{dist: make([]int32, d.g.n)})
		e = &d.fields[len(d.fields)-1]
	}
	e.key, e.station, e.asked = at, station, true
	var src [19]int32
	srcs := src[:0]
	if st != nil {
		for _, h := range hex.Range(st.Pos, v.Class(st).Radius) {
			srcs = append(srcs, d.g.index(h))
		}
	} else {
		srcs = append(srcs, at)
	}
	d.g.field(e.dist, srcs, d.cost, false)
	return e.dist
}

// plan gives the orders of the ships whose role is fleetRole; crewOrders are
// the crew's orders planned before, whose moves it steers clear of. With
// decide, it first decides the wings' orders and gives them as command
// orders where they change (wings.go); without, it carries out the wings'
// standing orders as they are.
func (d *fleet) plan(v *rules.View, roles []role, crewOrders []rules.Order, decide bool) []rules.Order {
	d.prepare(v)
	g := d.g
	d.out = d.out[:0]
	d.wingBuf = append(d.wingBuf[:0], v.Wings...)
	if decide {
		d.out = d.command(v, d.wingBuf, d.out)
	}
	for _, o := range crewOrders {
		if o.Kind != rules.Move || len(o.Path) == 0 {
			continue
		}
		if sh := v.Ship(o.Ship); sh != nil {
			if k := g.index(sh.Pos); k >= 0 {
				d.occ[k] = 0
			}
			if k := g.index(o.Path[len(o.Path)-1]); k >= 0 {
				d.occ[k] = 1 // taken; no fleet ship's view index is 0 here
			}
		}
	}
	d.pathBuf = d.pathBuf[:0]

	// Goals of the wings, by their orders.
	maxWing := 0
	for i := range d.wingBuf {
		maxWing = max(maxWing, d.wingBuf[i].Index+1)
	}
	if cap(d.goals) < maxWing {
		d.goals = make([]aim, maxWing)
	}
	d.goals = d.goals[:maxWing]
	clear(d.goals)
	wings := slices.Grow(d.wingAt[:0], maxWing)[:maxWing]
	clear(wings)
	d.wingAt = wings
	for i := range d.wingBuf {
		if w := &d.wingBuf[i]; w.Side == v.Side {
			wings[w.Index] = w
		}
	}
	free := d.goalFor(v, nil) // for ships without a wing

	// Ships to command, nearest their goal first.
	d.ships = d.ships[:0]
	for i := range v.Ships {
		sh := &v.Ships[i]
		if roles[i] != fleetRole || (sh.MP <= 0 && sh.Actions <= 0) {
			continue
		}
		p := planned{vi: i, goal: &free, end: g.index(sh.Pos)}
		if sh.Wing >= 0 && sh.Wing < len(wings) && wings[sh.Wing] != nil {
			w := wings[sh.Wing]
			p.wing = w
			gl := &d.goals[sh.Wing]
			if !gl.ok && gl.field == nil {
				*gl = d.goalFor(v, w)
				if gl.field == nil {
					gl.field = []int32{} // computed: no aim
				}
			}
			p.goal = gl
		}
		if p.goal.ok && p.end >= 0 {
			p.score = p.goal.field[p.end]
		} else {
			p.score = unreached
		}
		d.ships = append(d.ships, p)
	}
	d.ships = d.order.sort(d.ships) // nearest their goal first

	// Movement.
	for k := range d.ships {
		p := &d.ships[k]
		sh := &v.Ships[p.vi]
		if sh.MP <= 0 || !p.goal.ok || p.end < 0 {
			continue
		}
		d.move(v, p, sh)
	}

	// Fire and boarding.
	d.marks, d.byID = marks(v, d.marks, d.byID)
	d.fireAndBoard(v)
	return d.out
}

// goalFor decides where a wing (nil: a ship without one) is heading.
func (d *fleet) goalFor(v *rules.View, w *rules.Wing) aim {
	g := d.g
	station := func(st *rules.Ship) aim {
		at := g.index(st.Pos)
		return aim{ok: true, at: at, target: st, station: true, spread: v.Class(st).Radius, field: d.fieldFor(at, v, st)}
	}
	ship := func(t *rules.Ship) aim {
		at := g.index(t.Pos)
		return aim{ok: true, at: at, target: t, field: d.fieldFor(at, v, nil)}
	}
	place := func(at int32) aim {
		return aim{ok: true, at: at, field: d.fieldFor(at, v, nil)}
	}
	if d.hunt && w != nil {
		if t := nearestToWing(v, w); t != nil {
			return ship(t)
		}
	}
	if w != nil {
		if w.Target != rules.NoShip {
			if t := v.Ship(w.Target); t != nil && t.Alive() && !t.Captured {
				if v.Class(t).Station {
					return station(t)
				}
				return ship(t)
			}
			if int(w.Target) < len(d.mem.seenAt) && d.mem.seenAt[w.Target] > 0 {
				return place(d.mem.seenAt[w.Target] - 1)
			}
		}
		if w.Directive == rules.Advance {
			if hold := g.index(w.Hold); hold >= 0 {
				return place(hold)
			}
		}
		if w.Directive == rules.Screen {
			hold := g.index(w.Hold)
			// Engage what comes near the position held.
			var best *rules.Ship
			bd := 7
			for i := range v.Ships {
				t := &v.Ships[i]
				if t.Side == v.Side || !t.Alive() || v.Class(t).Station {
					continue
				}
				if dd := hex.Distance(t.Pos, w.Hold); dd < bd {
					best, bd = t, dd
				}
			}
			if best != nil {
				return ship(best)
			}
			if hold >= 0 {
				return place(hold)
			}
		}
	}
	// No directive left to follow: stop the enemy's minefield while it is
	// unfinished, else what the side's objectives name, else take the
	// enemy's station, else any enemy.
	if enemyFieldOpen(v) {
		for i := range v.Ships {
			t := &v.Ships[i]
			if t.Side != v.Side && t.Alive() && v.Class(t).Minelayer {
				return ship(t)
			}
		}
		{
			for id, at := range d.mem.seenAt {
				if at > 0 && v.Classes[d.mem.seenCls[id]].Minelayer {
					return place(at - 1)
				}
			}
		}
		if len(g.worm) > 0 {
			return place(g.worm[len(g.worm)/2])
		}
	}
	remembered := func(id rules.ShipID) (hex.Hex, bool) {
		if int(id) < len(d.mem.seenAt) && d.mem.seenAt[id] > 0 {
			return g.hexes[d.mem.seenAt[id]-1], true
		}
		return hex.Hex{}, false
	}
	if t, at, ok := objectiveAim(v, remembered); ok {
		switch {
		case t != nil && v.Class(t).Station:
			return station(t)
		case t != nil:
			return ship(t)
		case g.index(at) >= 0:
			return place(g.index(at))
		}
	}
	if enemyFieldStanding(v) && len(g.worm) > 0 {
		// A field to bring down: close on the wormhole it guards, where the
		// side's sweepers aim.
		for i := range v.Ships {
			sh := &v.Ships[i]
			if sh.Side == v.Side && sh.Alive() && hasSweeper(v.Class(sh)) {
				return place(g.worm[len(g.worm)/2])
			}
		}
	}
	for i := range v.Ships {
		t := &v.Ships[i]
		if t.Side != v.Side && t.Alive() && v.Class(t).Station && !t.Captured {
			return station(t)
		}
	}
	for i := range v.Ships {
		t := &v.Ships[i]
		if t.Side != v.Side && t.Alive() && !t.IsAboard() {
			return ship(t)
		}
	}
	return aim{}
}

// leadOf is the first of wing w's ships on the map, or nil.
func leadOf(v *rules.View, w *rules.Wing) *rules.Ship {
	for _, id := range w.Ships {
		if sh := v.Ship(id); sh != nil && sh.Alive() && sh.Status == rules.OnMap {
			return sh
		}
	}
	return nil
}

// wingOnMap reports whether wing w has a ship on the map.
func wingOnMap(v *rules.View, w *rules.Wing) bool { return leadOf(v, w) != nil }

// nearestToWing is the enemy ship in view nearest the first of wing w's ships
// on the map (stations and structures aside), or nil.
func nearestToWing(v *rules.View, w *rules.Wing) *rules.Ship {
	from := leadOf(v, w)
	if from == nil {
		return nil
	}
	var best *rules.Ship
	bd := math.MaxInt
	for i := range v.Ships {
		t := &v.Ships[i]
		if t.Side == v.Side || !t.Alive() || t.Status != rules.OnMap || v.Class(t).Station || v.Class(t).Structure {
			continue
		}
		if dd := v.Range(from, t); dd < bd {
			best, bd = t, dd
		}
	}
	return best
}

// hasSweeper reports whether a class carries a mine-sweeping weapon.
func hasSweeper(c *rules.Class) bool {
	for _, w := range c.Weapons {
		if w.Sweep > 0 {
			return true
		}
	}
	return false
}

// move plans one ship's move: the free hex it can reach this phase that is
// nearest its goal along the distance field (easy: as the crow flies).
func (d *fleet) move(v *rules.View, p *planned, sh *rules.Ship) {
	g := d.g
	start := p.end
	stay := d.score(p, start)
	var best, bestScore int32
	if d.direct {
		best, _ = d.pick(p, g.reach(start, sh.MP, d.cost), stay)
		bestScore = d.score(p, best)
	} else {
		best, bestScore = d.descend(p, start, sh.MP, stay)
	}
	if best == start {
		return
	}
	path, buf := g.path(d.pathBuf, best)
	d.pathBuf = buf
	d.out = append(d.out, rules.Order{Kind: rules.Move, Side: v.Side, Ship: sh.ID, Path: path})
	if d.occ[start] == int32(p.vi)+1 {
		d.occ[start] = 0
	}
	d.occ[best] = int32(p.vi) + 1
	p.end, p.score = best, bestScore
}

// pick is the free hex of a search (start first) that scores least, and
// of those the one it costs least to reach, and of those the first; start
// (scoring stay) when no other does better. It returns the hex and its
// score.
func (d *fleet) pick(p *planned, reached []int32, stay int32) (int32, int32) {
	g := d.g
	best, bestScore, bestCost := reached[0], stay, int32(0)
	goalHex := g.hexes[p.goal.at]
	field := p.goal.field
	for _, i := range reached[1:] {
		// The score first: it rules out most hexes.
		var s int32
		if d.direct {
			s = int32(hex.Distance(g.hexes[i], goalHex))
		} else if s = field[i]; s == unreached {
			s = d.score(p, i)
		}
		if s > bestScore {
			continue
		}
		c := g.dist[i]
		if (s < bestScore || c < bestCost) && d.occ[i] == 0 {
			best, bestScore, bestCost = i, s, c
		}
	}
	return best, bestScore
}

// descend is pick over the whole search within budget of start: over open
// space read from the search kept (pickOpen), else searching only the
// hexes that may do better than the best found first. No hex
// scores below field[start] − budget + its slack (reachDown): so the best
// of the hexes of no slack, of score t, is the best of all when t is 0 or
// at most field[start] − budget + 1; and else no hex of slack above
// t − field[start] + budget − 1 scores below t, nor at t at a lower cost
// (it would have to cost more than budget), and those are searched. When
// no hex of no slack does better than staying, gains (cheaper than a
// search) tells first whether any hex at all may.
func (d *fleet) descend(p *planned, start int32, budget int, stay int32) (int32, int32) {
	g, field := d.g, p.goal.field
	if b := g.ballAt(start, budget); b != nil {
		if best, score, ok := d.pickOpen(p, b, start, stay); ok {
			return best, score
		}
	}
	if stay != field[start] { // the field does not reach start
		if !d.gains(p, start, budget, stay) {
			return start, stay
		}
		return d.pick(p, g.reach(start, budget, d.cost), stay)
	}
	best, score := d.pick(p, g.reachDown(start, budget, d.cost, field, 0), stay)
	switch {
	case score == 0 || score <= field[start]-int32(budget)+1:
		return best, score
	case best == start && !d.gains(p, start, budget, stay):
		return start, stay
	}
	return d.pick(p, g.reachDown(start, budget, d.cost, field, score-field[start]+int32(budget)-1), stay)
}

// pickOpen is pick over the search over open space from start kept in b
// (grid.ballAt), read where it is kept rather than copied, when the search
// from start is that one (grid.openAt), and false when not; it sets the
// way to the hex it picks for path. It reads the rings of the search from
// the outermost in, and stops at the first ring none of whose hexes can
// beat the best found: where the field reaches start, no hex j steps away
// scores below field[start] − j (descend), and a hex of a ring further in
// beats one of equal score only by its lower cost.
func (d *fleet) pickOpen(p *planned, b *ballIndex, start, stay int32) (int32, int32, bool) {
	cost := d.cost
	for _, dl := range b.hexes[1:b.ring] {
		if cost[start+dl] != 1 {
			return 0, 0, false // not open space
		}
	}
	best, bestScore, bestCost := 0, stay, int32(0)
	field := p.goal.field
	from := field[start]
	for j := len(b.rings) - 2; j >= 1; j-- {
		if from != unreached && from-int32(j) > bestScore {
			break
		}
		for k := b.rings[j]; k < b.rings[j+1]; k++ {
			i := start + b.hexes[k]
			if cost[i] != 1 {
				continue // budget steps away and dearer or barred: not reached
			}
			s := field[i]
			if s == unreached {
				s = d.score(p, i)
			}
			if s > bestScore {
				continue
			}
			if c := b.dist[k]; (s < bestScore || c < bestCost) && d.occ[i] == 0 {
				best, bestScore, bestCost = k, s, c
			}
		}
	}
	d.g.openWay(b, start, best)
	return start + b.hexes[best], bestScore, true
}

// gains reports whether a hex within budget of start may do better than
// staying (grid.gains).
func (d *fleet) gains(p *planned, start int32, budget int, stay int32) bool {
	return d.g.gains(start, budget, d.cost, d.occ, p.goal.field, p.goal.at, p.goal.spread, stay)
}

func (d *fleet) score(p *planned, i int32) int32 { return d.g.score(p.goal.field, p.goal.at, i) }

// sectionFor picks the station section a ship of wing w fires on (an index into
// the class's sections), or -1 when none is worth it.
func (d *fleet) sectionFor(m *mark, w *rules.Wing) int {
	c := m.class
	alive := func(k int) bool { return m.section[k] > 0 }
	power := -1
	for k, s := range c.Sections {
		if s.ID == m.ship.PowerAt && alive(k) {
			power = k // the section carrying its main power now
		}
	}
	if w != nil && w.Directive == rules.Focus {
		if k, ok := c.Section(w.Section); ok && alive(k) {
			return k
		}
		if power >= 0 {
			return power
		}
	}
	if d.sharp && power >= 0 {
		return power
	}
	// Silence the strongest guns still firing.
	best, bestVal := -1, 0
	for wi := range c.Weapons {
		wp := &c.Weapons[wi]
		k, ok := c.Section(wp.Section)
		if !ok || !alive(k) {
			continue
		}
		val := wp.Shots * wp.Damage * wp.Accuracy
		if wp.Perimeter {
			val *= 2
		}
		if val > bestVal {
			best, bestVal = k, val
		}
	}
	if best >= 0 {
		return best
	}
	if power >= 0 {
		return power
	}
	for k := range c.Sections {
		if alive(k) {
			return k
		}
	}
	return -1
}

// fireAndBoard plans every ship's action: boarding a station whose shields are
// (or are about to be) down, else the attack worth most.
func (d *fleet) fireAndBoard(v *rules.View) {
	var st *mark
	for k := range d.marks {
		if m := &d.marks[k]; m.class.Station && !m.ship.Captured {
			st = m
		}
	}
	// Boarders: troop ships in contact with the station, enough to overcome its
	// garrison.
	boarders := 0
	if st != nil {
		need := st.ship.Garrison
		for k := range d.ships {
			p := &d.ships[k]
			sh := &v.Ships[p.vi]
			c := v.Class(sh)
			if sh.Actions <= 0 || c.Troops == 0 || sh.Cloaked || p.end < 0 {
				continue
			}
			if v.RangeFrom(sh, d.g.hexes[p.end], st.ship) > rules.BoardReach {
				continue
			}
			p.board = true
			boarders++
			need -= c.Troops
			if need <= 0 {
				break
			}
		}
	}
	for k := range d.ships {
		if !d.ships[k].board {
			d.fire(v, &d.ships[k])
		}
	}
	if boarders == 0 {
		return
	}
	if st.shields > 0 {
		// The shields will hold: the would-be boarders fire instead.
		for k := range d.ships {
			if d.ships[k].board {
				d.ships[k].board = false
				d.fire(v, &d.ships[k])
			}
		}
		return
	}
	for k := range d.ships {
		p := &d.ships[k]
		if p.board {
			d.out = append(d.out, rules.Order{Kind: rules.Board, Side: v.Side, Ship: v.Ships[p.vi].ID, Target: st.ship.ID})
		}
	}
}

// fire plans one ship's attacks: from the attacks the engine lists for it
// where its move ends, each action the one worth most by the bookkeeping.
func (d *fleet) fire(v *rules.View, p *planned) {
	sh := &v.Ships[p.vi]
	if sh.Actions <= 0 || sh.Cloaked || p.end < 0 {
		return
	}
	c := v.Class(sh)
	d.opts = v.AppendTargets(d.opts[:0], sh.ID, d.g.hexes[p.end])
	for range sh.Actions {
		bestVal, best, bestSec := 0, -1, -1
		for oi := range d.opts {
			op := &d.opts[oi]
			m := markOf(d.marks, d.byID, op.Target)
			if m == nil {
				continue
			}
			sec := -1
			if m.class.Station {
				if m.ship.Lost() || !m.ship.MainPower || mainPowerDown(m) && m.shields <= 0 {
					continue
				}
				if sec = d.sectionFor(m, p.wing); sec < 0 || m.class.Sections[sec].ID != op.Section {
					continue
				}
			} else if m.dead(-1) {
				continue
			}
			e := op.Preview.Expected100
			if e <= 0 {
				continue
			}
			val := d.value(v, p, m, e, sec)
			if val > bestVal {
				bestVal, best, bestSec = val, oi, sec
			}
		}
		if best < 0 {
			return
		}
		op := &d.opts[best]
		markOf(d.marks, d.byID, op.Target).book(op.Preview.Expected100, c.Weapons[op.Weapon].Pierce, bestSec)
		d.out = append(d.out, op.Order(v.Side, sh.ID))
	}
}

// value is how much an attack is worth: the share of what is left of the target
// it is expected to take (so damaged targets draw fire), weighted by what the
// target means to the battle and to the ship's wing.
func (d *fleet) value(v *rules.View, p *planned, m *mark, e, sec int) int {
	left := max(1, m.left(sec))
	worth := 100
	switch {
	case m.class.Station:
		worth = 60
	case m.class.Minelayer && enemyFieldOpen(v):
		worth = 300
	default:
		worth = 150
	}
	if p.wing != nil && p.wing.Target == m.ship.ID {
		worth *= 3
	}
	if leads(v, m.ship) {
		worth *= 2 // its wing falls apart without it
	}
	if p.wing != nil && p.wing.Directive == rules.Focus && m.class.Station {
		worth *= 4
	}
	val := worth * min(e, left) * 100 / left
	if e >= left {
		val += val / 2
	}
	return val
}

// leads reports whether a ship carries its wing's leader, still in command:
// destroying it breaks the wing's cohesion (docs/rules.md §9).
func leads(v *rules.View, sh *rules.Ship) bool {
	if sh.Wing < 0 {
		return false
	}
	w := v.Wing(sh.Wing)
	return w != nil && w.Flagship == sh.ID && !w.Leaderless
}
