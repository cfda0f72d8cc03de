package ai

import (
	"slices"
	"sync"

	"github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/rules"
)

// unreached marks a hex a search did not reach.
const unreached = int32(1 << 30)

// grid is a map prepared for fast searches: hexes by index, their neighbours and
// the terrain's movement cost (its layout), and scratch space for searches. A
// commander builds it once per battle.
type grid struct {
	*layout
	m *rules.Map

	// search scratch
	buckets      [][]int32
	heads, tails []int32 // reachDown's buckets, by cost
	next         []int32 // reachDown's buckets: the hex after each in its bucket
	seen         []uint32
	gen          uint32
	dist         []int32
	pred         []int32
	reached      []int32
	fields       fieldMemo
}

// layout is what a grid takes from its map: read-only, and shared by the
// grids of every map of the same size and terrain.
type layout struct {
	cols, rows int
	terrain    []rules.Terrain
	n          int
	hexes      []hex.Hex
	nb         [][6]int32 // neighbour indices, -1 off the map
	base       []int8     // terrain movement cost, -1 impassable
	exits      []int32
	worm       []int32 // the wormhole's hexes
	balls      [maxBall + 1][2]ballIndex
	blank      []int32 // unreached, for every hex
}

// layouts holds the layouts built last: the battles a commander samples
// from one view, the battles of a simulation, all have the same map.
var layouts struct {
	sync.Mutex
	recent []*layout // newest last
}

// keptLayouts is how many layouts are kept.
const keptLayouts = 4

func newGrid(m *rules.Map) *grid { return newGridOver(nil, m) }

// newGridOver is newGrid reusing old (nil: none), a grid no one searches
// with any more, when its map has the same layout: its scratch space and the
// fields it keeps, which depend on nothing but the layout and what they
// were asked on.
func newGridOver(old *grid, m *rules.Map) *grid {
	l := layoutOf(m)
	if old != nil && old.layout == l {
		old.m = m
		return old
	}
	return &grid{layout: l, m: m, seen: make([]uint32, l.n), dist: make([]int32, l.n), pred: make([]int32, l.n)}
}

// layoutOf returns the layout of m, built once for maps alike.
func layoutOf(m *rules.Map) *layout {
	layouts.Lock()
	defer layouts.Unlock()
	for _, l := range layouts.recent {
		if l.cols == m.Cols && l.rows == m.Rows && slices.Equal(l.terrain, m.Terrain) {
			return l
		}
	}
	l := newLayout(m)
	if len(layouts.recent) == keptLayouts {
		layouts.recent = slices.Delete(layouts.recent, 0, 1)
	}
	layouts.recent = append(layouts.recent, l)
	return l
}

func newLayout(m *rules.Map) *layout {
	n := len(m.Terrain)
	l := &layout{cols: m.Cols, rows: m.Rows, terrain: slices.Clone(m.Terrain), n: n,
		hexes: make([]hex.Hex, n), nb: make([][6]int32, n), base: make([]int8, n), blank: make([]int32, n)}
	for i := range n {
		l.blank[i] = unreached
		l.hexes[i] = m.HexAt(i)
		l.base[i] = int8(m.Terrain[i].MoveCost())
		switch m.Terrain[i] {
		case rules.Exit:
			l.exits = append(l.exits, int32(i))
		case rules.Wormhole:
			l.worm = append(l.worm, int32(i))
		}
	}
	for i := range n {
		for d, h := range l.hexes[i].Neighbors() {
			l.nb[i][d] = int32(m.Index(h))
		}
	}
	for b := range maxBall + 1 {
		for par := range 2 {
			l.balls[b][par] = openBall(b, par).index(m.Cols)
		}
	}
	return l
}

// sameMap reports whether the grid was built for this map.
func (g *grid) sameMap(m *rules.Map) bool {
	return g != nil && g.m.Cols == m.Cols && g.m.Rows == m.Rows && len(m.Terrain) > 0 && &g.m.Terrain[0] == &m.Terrain[0]
}

func (g *grid) index(h hex.Hex) int32 { return int32(g.m.Index(h)) }

// field computes, into out, the movement cost from every hex to the sources
// under cost (-1: impassable). When enterable is false the sources themselves
// are not entered (an enemy ship, a station): their neighbours are at 1, which
// means "in contact". Unreached hexes hold unreached. A field asked again on
// the same sources is the one computed before (fieldMemo), brought up to date
// where the costs have changed since (updateField): the distances are the
// same however they are found.
func (g *grid) field(out []int32, sources []int32, cost []int8, enterable bool) {
	m := &g.fields
	m.clock++
	for k := range m.kept {
		f := &m.kept[k]
		if f.enterable != enterable || !slices.Equal(f.sources, sources) {
			continue
		}
		f.used = m.clock
		if !slices.Equal(f.cost, cost) && !g.updateField(f, cost) {
			g.computeField(f.dist, sources, cost, enterable)
			copy(f.cost, cost)
		}
		copy(out, f.dist)
		return
	}
	g.computeField(out, sources, cost, enterable)
	var f *keptField
	switch {
	case len(m.kept) < maxKeptFields && len(m.kept) < cap(m.kept):
		m.kept = m.kept[:len(m.kept)+1] // its buffers are reused
		f = &m.kept[len(m.kept)-1]
	case len(m.kept) < maxKeptFields:
		m.kept = append(m.kept, keptField{})
		f = &m.kept[len(m.kept)-1]
	default:
		f = &m.kept[0] // the one asked for longest ago
		for k := range m.kept {
			if m.kept[k].used < f.used {
				f = &m.kept[k]
			}
		}
	}
	f.enterable, f.used = enterable, m.clock
	f.sources = append(f.sources[:0], sources...)
	f.cost = append(f.cost[:0], cost...)
	f.dist = append(f.dist[:0], out...)
}

// fieldMemo keeps the fields computed last, each with the costs it holds
// for: a plan made again (the next round of a phase, the side's next phase)
// asks for fields toward the same sources, on costs that differ in a few
// hexes.
type fieldMemo struct {
	kept  []keptField
	clock uint64 // counts the fields asked for
	// scratch for updateField
	diff []int32
	heap []uint64
	lost []int32
	mark []uint32
	gen  uint32
}

type keptField struct {
	sources   []int32
	enterable bool
	cost      []int8 // the costs dist holds for
	dist      []int32
	used      uint64 // the memo's clock when it was last asked for
}

// maxKeptFields bounds the fields a memo keeps.
const maxKeptFields = 32

// maxFieldDiff bounds the hexes whose costs may have changed for a kept
// field to be brought up to date rather than computed afresh.
const maxFieldDiff = 64

// updateField brings a kept field up to date with new costs, when they
// differ from its own in a few hexes none of which is a source, and reports
// whether it did; when not (too many changes, or so many distances changing
// that a whole search is cheaper), the field is left half done, to be
// computed afresh. It first makes every
// changed hex as dear as it was or is, whichever is dearer (barred counts
// as dearest): the hexes that then lose every shortest way to the sources
// are found in order of their old distance and searched again from the hexes
// around them that kept theirs. Then it lowers the costs to the new ones:
// the distances that fall are spread from the hexes made cheaper. Both are
// searches by least distance first, so each finds the same distances a
// whole search (computeField) would.
func (g *grid) updateField(f *keptField, cost []int8) bool {
	m := &g.fields
	old, dist := f.cost, f.dist
	m.diff = m.diff[:0]
	for i := range old {
		if old[i] != cost[i] {
			if len(m.diff) == maxFieldDiff {
				return false
			}
			m.diff = append(m.diff, int32(i))
		}
	}
	for _, s := range f.sources {
		if s >= 0 && old[s] != cost[s] {
			return false
		}
	}
	if len(m.mark) != g.n {
		m.mark = make([]uint32, g.n)
	}
	work := g.n / 6 // the hexes taken out of the heap before giving up
	// weight is the cost of stepping from i toward the sources under c: -1
	// when no way leads through it. Only the sources are at 0.
	weight := func(c []int8, i int32) int32 {
		if dist[i] == 0 && !f.enterable {
			return 1
		}
		return int32(c[i])
	}

	// pop takes the nearest hex out of the heap, with its distance when it
	// was put in; false when the work is used up.
	pop := func() (at, d int32, ok bool) {
		var e uint64
		e, m.heap = heapPop(m.heap)
		if work--; work < 0 {
			return 0, 0, false
		}
		return int32(uint32(e)), int32(e >> 32), true
	}

	// spread runs the search by least distance from the hexes in the heap,
	// lowering the distances of the hexes around them (only those marked
	// only, unless it is 0); false when it runs out of work.
	spread := func(only uint32) bool {
		for len(m.heap) > 0 {
			b, d, ok := pop()
			if !ok {
				return false
			}
			if d != dist[b] {
				continue
			}
			w := weight(old, b)
			if w < 0 {
				continue
			}
			for _, a := range &g.nb[b] {
				if a >= 0 && (only == 0 || m.mark[a] == only) && old[a] >= 0 && dist[b]+w < dist[a] {
					dist[a] = dist[b] + w
					m.heap = heapPush(m.heap, uint64(dist[a])<<32|uint64(a))
				}
			}
		}
		return true
	}

	// Raise: old holds the dearer of the two costs from here on.
	raised := false
	for _, x := range m.diff {
		if o, c := old[x], cost[x]; o >= 0 && (c < 0 || c > o) {
			raised = true
		}
	}
	if raised {
		m.gen++
		lost := m.gen // mark: the hex lost its distance
		m.gen++
		queued := m.gen // mark: the hex is waiting to be looked at
		m.heap = m.heap[:0]
		children := func(b int32, w int32) {
			if dist[b] == unreached || w < 0 {
				return
			}
			for _, a := range &g.nb[b] {
				if a >= 0 && dist[a] == dist[b]+w && m.mark[a] != lost && m.mark[a] != queued {
					m.mark[a] = queued
					m.heap = heapPush(m.heap, uint64(dist[a])<<32|uint64(a))
				}
			}
		}
		for _, x := range m.diff {
			o, c := old[x], cost[x]
			if o < 0 || (c >= 0 && c <= o) {
				continue // not dearer
			}
			w := weight(old, x)
			old[x] = c
			if c < 0 && dist[x] != unreached {
				m.mark[x] = lost
			}
			children(x, w)
		}
		// Whether each hex queued keeps a shortest way, in order of
		// distance: its ways lead through nearer hexes, looked at before.
		lostHexes := m.lost[:0]
		for len(m.heap) > 0 {
			a, _, ok := pop()
			if !ok {
				return false
			}
			if m.mark[a] != queued {
				continue
			}
			kept := false
			for _, b := range &g.nb[a] {
				if b < 0 || m.mark[b] == lost || dist[b] == unreached {
					continue
				}
				if w := weight(old, b); w >= 0 && dist[b]+w == dist[a] {
					kept = true
					break
				}
			}
			if kept {
				m.mark[a] = 0
				continue
			}
			m.mark[a] = lost
			lostHexes = append(lostHexes, a)
			children(a, weight(old, a))
		}
		m.lost = lostHexes
		for _, x := range m.diff {
			if m.mark[x] == lost {
				dist[x] = unreached
			}
		}
		for _, a := range lostHexes {
			dist[a] = unreached
		}
		// Search the lost hexes again from the hexes around them.
		m.heap = m.heap[:0]
		for _, a := range lostHexes {
			if old[a] < 0 {
				continue
			}
			best := unreached
			for _, b := range &g.nb[a] {
				if b < 0 || m.mark[b] == lost || dist[b] == unreached {
					continue
				}
				if w := weight(old, b); w >= 0 {
					best = min(best, dist[b]+w)
				}
			}
			if best != unreached {
				dist[a] = best
				m.heap = heapPush(m.heap, uint64(best)<<32|uint64(a))
			}
		}
		if !spread(lost) {
			return false
		}
	}

	// Lower: the costs become the new ones, and the distances that fall
	// spread from the hexes made cheaper.
	m.heap = m.heap[:0]
	for _, x := range m.diff {
		if old[x] == cost[x] {
			continue
		}
		old[x] = cost[x]
		if old[x] < 0 {
			continue
		}
		if dist[x] == unreached {
			for _, b := range &g.nb[x] {
				if b < 0 || dist[b] == unreached {
					continue
				}
				if w := weight(old, b); w >= 0 {
					dist[x] = min(dist[x], dist[b]+w)
				}
			}
		}
		if dist[x] != unreached {
			m.heap = heapPush(m.heap, uint64(dist[x])<<32|uint64(x))
		}
	}
	return spread(0)
}

// heapPush adds e to the binary min-heap h.
func heapPush(h []uint64, e uint64) []uint64 {
	h = append(h, e)
	for i := len(h) - 1; i > 0; {
		p := (i - 1) / 2
		if h[p] <= h[i] {
			break
		}
		h[p], h[i] = h[i], h[p]
		i = p
	}
	return h
}

// heapPop takes the least element out of the binary min-heap h.
func heapPop(h []uint64) (uint64, []uint64) {
	e := h[0]
	n := len(h) - 1
	h[0] = h[n]
	h = h[:n]
	for i := 0; ; {
		l := 2*i + 1
		if l >= n {
			break
		}
		if r := l + 1; r < n && h[r] < h[l] {
			l = r
		}
		if h[i] <= h[l] {
			break
		}
		h[i], h[l] = h[l], h[i]
		i = l
	}
	return e, h
}

// computeField is field, computed: a search from the sources outwards, by
// buckets of equal cost in a ring as long as the dearest step and more
// (every step costs at least 1, and at most what an int8 holds).
func (g *grid) computeField(out []int32, sources []int32, cost []int8, enterable bool) {
	copy(out, g.blank)
	const ring = 256 // a power of two: of a distance (never negative), &(ring-1) is its remainder
	for len(g.buckets) < ring {
		g.buckets = append(g.buckets, nil) // room made as the costs need
	}
	buckets := g.buckets[:ring]
	for i := range buckets {
		buckets[i] = buckets[i][:0]
	}
	cost = cost[:len(out)] // for the compiler: a hex of out is one of cost
	pending := 0
	for _, s := range sources {
		if s < 0 {
			continue
		}
		out[s] = 0
		buckets[0] = append(buckets[0], s)
		pending++
	}
	for d := int32(0); pending > 0; d++ {
		bk := buckets[d&(ring-1)]
		pending -= len(bk)
		for _, b := range bk {
			if out[b] != d {
				continue
			}
			// Only the sources are at 0 (every step costs at least 1).
			step := int32(cost[b])
			if d == 0 && !enterable {
				step = 1
			} else if step < 0 {
				continue
			}
			nd := d + step
			for _, a := range &g.nb[b] {
				if uint(a) >= uint(len(out)) || out[a] <= nd || cost[a] < 0 {
					continue // off the map, no nearer, or barred
				}
				out[a] = nd
				buckets[nd&(ring-1)] = append(buckets[nd&(ring-1)], a)
				pending++
			}
		}
		buckets[d&(ring-1)] = bk[:0]
	}
}

// reach runs a bounded search from start over cost (own ships may be passed
// through: cost only bars terrain and enemies). It fills g.dist/g.pred for the
// hexes reached and returns them, start first.
func (g *grid) reach(start int32, budget int, cost []int8) []int32 {
	if r, ok := g.reachOpen(start, budget, cost); ok {
		return r
	}
	return g.reachBFS(start, budget, cost)
}

// reachBFS is reach, searched: by buckets of equal cost. Every cost is -1 or
// at least 1, so a hex is first reached at its lowest cost, from the first
// hex taken out of the buckets that reaches it, and never again; nor is a
// hex barred or out of the budget from its first neighbour taken out ever
// reached from a later one (those are no nearer), so it is looked at once.
func (g *grid) reachBFS(start int32, budget int, cost []int8) []int32 {
	return g.reachDown(start, budget, cost, nil, 0)
}

// reachDown is reachBFS reaching, with a field (a distance field on the
// same costs), only the hexes whose slack toward it is at most slack: the
// slack of a hex is how much more it costs to get there from start than
// the field falls on the way, dist[i] − (field[start] − field[i]). It is
// never negative: the field is a least cost to its sources, and the way
// from start through i is a way. Nor is it less than the slack of the hex
// a least-cost way to i comes from (the field rises by at most a step's
// cost going back), so every hex it reaches is reached as reachBFS
// reaches it, at the same cost from the same hex, in the same order: the
// search is reachBFS's with the other hexes left out. A hex is left out
// when first looked at, as one out of the budget is: from a later
// neighbour its cost and slack are no lower.
func (g *grid) reachDown(start int32, budget int, cost []int8, field []int32, slack int32) []int32 {
	g.gen++
	gen := g.gen
	// The buckets, one for each cost up to budget, are lists through next,
	// first in first out: head and tail by cost, -1 when empty.
	for len(g.heads) <= budget {
		g.heads, g.tails = append(g.heads, -1), append(g.tails, -1)
	}
	heads, tails := g.heads[:budget+1], g.tails[:budget+1]
	for i := range heads {
		heads[i] = -1
	}
	seen := g.seen[:g.n]
	if len(g.next) < len(seen) {
		g.next = make([]int32, len(seen))
	}
	next := g.next[:len(seen)]
	dist, pred, cost := g.dist[:len(seen)], g.pred[:len(seen)], cost[:len(seen)]
	reached := g.reached[:0]
	seen[start], dist[start], pred[start] = gen, 0, -1
	heads[0], tails[0], next[start] = start, start, -1
	last := int32(budget)
	top := slack // field[start] + slack: the most field[i] + dist[i] may be
	if field != nil {
		field = field[:len(seen)]
		top += field[start]
	}
	nb := g.nb
	for d := int32(0); d <= last; d++ {
		for b := heads[d]; b >= 0; b = next[b] {
			reached = append(reached, b)
			for _, a := range nb[b] {
				if uint(a) >= uint(len(seen)) || seen[a] == gen {
					continue // off the map, or looked at
				}
				seen[a] = gen
				c := int32(cost[a])
				if c < 0 || d+c > last {
					continue
				}
				nd := d + c
				if field != nil && field[a]+nd > top {
					continue
				}
				dist[a], pred[a] = nd, b
				// a costs more than b: its bucket is one after d's.
				if next[a] = -1; heads[nd] < 0 {
					heads[nd] = a
				} else {
					next[tails[nd]] = a
				}
				tails[nd] = a
			}
		}
	}
	g.reached = reached
	return reached
}

// maxBall is the largest budget whose search over open space is kept.
const maxBall = 12

// reachOpen is reach where every hex within budget steps of start is on
// the map and costs 1, but for hexes budget steps away that cost more or
// are barred: the search is then the same from every start (but for the
// parity of its column), and is copied from the one kept. A hex budget
// steps away that costs more than 1 is not reached, and no hex is reached
// through it, nor is another found later or from elsewhere for it: the
// search is the one kept without it.
func (g *grid) reachOpen(start int32, budget int, cost []int8) ([]int32, bool) {
	b, ring, ok := g.openAt(start, budget, cost)
	if !ok {
		return nil, false
	}
	g.reached = g.reached[:0]
	for k, dl := range b.hexes {
		i := start + dl
		if !ring && k >= b.ring && cost[i] != 1 {
			continue
		}
		g.reached = append(g.reached, i)
		g.dist[i], g.pred[i] = b.dist[k], start+b.pred[k]
	}
	g.pred[start] = -1
	return g.reached, true
}

// openAt returns the search kept over open space that reachOpen copies
// from start with budget under cost, and whether every hex budget steps
// away costs 1 (when not, those that do not are left out of it); false
// when the search from start is not one over open space.
func (g *grid) openAt(start int32, budget int, cost []int8) (b *ballIndex, ring, ok bool) {
	if b = g.ballAt(start, budget); b == nil {
		return nil, false, false
	}
	for _, dl := range b.hexes[1:b.ring] {
		if cost[start+dl] != 1 {
			return nil, false, false
		}
	}
	for _, dl := range b.hexes[b.ring:] {
		if cost[start+dl] != 1 {
			return b, false, true
		}
	}
	return b, true, true
}

// ballAt returns the search kept over open space for budget from start,
// or nil when there is none or a hex within budget steps of start is off
// the map.
func (g *grid) ballAt(start int32, budget int) *ballIndex {
	if budget < 0 || budget > maxBall {
		return nil
	}
	col, row := int(start)%g.cols, int(start)/g.cols
	if col < budget || col+budget >= g.cols || row < budget || row+budget >= g.rows {
		return nil // each step moves a column or a row at most
	}
	if b := &g.balls[budget][col&1]; len(b.hexes) > 0 {
		return b
	}
	return nil
}

// openWay sets g.pred along the way to the k-th hex of a search kept
// over open space from start (openAt), as reachOpen would, for path.
func (g *grid) openWay(b *ballIndex, start int32, k int) {
	for ; k > 0; k = int(b.up[k]) {
		g.pred[start+b.hexes[k]] = start + b.pred[k]
	}
	g.pred[start] = -1
}

// ballIndex is a search over open space as offsets of map indexes from its
// start, for a map of a number of columns and a start column's parity.
type ballIndex struct {
	hexes, pred []int32 // in the search's order, start first
	up          []int32 // where in the order each hex's pred is (the start's: -1)
	dist        []int32
	ring        int   // the first hex budget steps away (after the start)
	rings       []int // where the hexes j steps away begin, for j = 0..budget, then len(hexes)
}

// ball is a search over open space as offsets of columns and rows.
type ball struct {
	col, row         []int // of each hex, in the search's order, start first
	predCol, predRow []int
	dist             []int32
}

// index turns the ball into offsets of map indexes for a map of cols columns.
func (b *ball) index(cols int) ballIndex {
	var x ballIndex
	for k := range b.col {
		x.hexes = append(x.hexes, int32(b.row[k]*cols+b.col[k]))
		x.pred = append(x.pred, int32(b.predRow[k]*cols+b.predCol[k]))
	}
	at := make(map[int32]int32, len(x.hexes)) // where each offset is in the order
	for k, dl := range x.hexes {
		at[dl] = int32(k)
	}
	for _, pr := range x.pred {
		x.up = append(x.up, at[pr])
	}
	if len(x.up) > 0 {
		x.up[0] = -1 // the start's pred offset is its own
	}
	x.dist = b.dist
	budget := int32(0)
	if len(b.dist) > 0 {
		budget = b.dist[len(b.dist)-1]
	}
	x.ring = max(1, slices.Index(b.dist, budget))
	for k, dk := range b.dist {
		for int32(len(x.rings)) <= dk {
			x.rings = append(x.rings, k)
		}
	}
	x.rings = append(x.rings, len(b.dist))
	return x
}

// openBalls holds the searches over open space, by budget and parity of the
// start's column, made once by reach itself on an open map.
var openBalls struct {
	sync.Once
	b [maxBall + 1][2]*ball
}

func openBall(budget, parity int) *ball {
	openBalls.Do(func() {
		const side = 2*maxBall + 5
		m := &rules.Map{Cols: side, Rows: side, Terrain: make([]rules.Terrain, side*side)}
		g := &grid{layout: &layout{cols: side, rows: side, n: side * side}, m: m}
		g.hexes, g.nb, g.base = make([]hex.Hex, g.n), make([][6]int32, g.n), make([]int8, g.n)
		g.seen, g.dist, g.pred = make([]uint32, g.n), make([]int32, g.n), make([]int32, g.n)
		for i := range g.n {
			g.hexes[i] = m.HexAt(i)
			g.base[i] = int8(m.Terrain[i].MoveCost())
		}
		for i := range g.n {
			for d, h := range g.hexes[i].Neighbors() {
				g.nb[i][d] = int32(m.Index(h))
			}
		}
		for bu := range maxBall + 1 {
			for par := range 2 {
				c, r := maxBall+2, maxBall+2
				if c&1 != par {
					c++
				}
				start := int32(r*side + c)
				// g has no balls: this is the search itself.
				reached := g.reach(start, bu, g.base)
				b := &ball{}
				for _, i := range reached {
					b.col = append(b.col, int(i)%side-c)
					b.row = append(b.row, int(i)/side-r)
					p := g.pred[i]
					if p < 0 {
						p = start
					}
					b.predCol = append(b.predCol, int(p)%side-c)
					b.predRow = append(b.predRow, int(p)/side-r)
					b.dist = append(b.dist, g.dist[i])
				}
				openBalls.b[bu][par] = b
			}
		}
	})
	return openBalls.b[budget][parity]
}

// path rebuilds the path to end from the last reach, appending to buf; it
// returns the path (a sub-slice of the grown buf) and the grown buf.
func (g *grid) path(buf []hex.Hex, end int32) ([]hex.Hex, []hex.Hex) {
	n := 0
	for i := end; g.pred[i] >= 0; i = g.pred[i] {
		n++
	}
	if cap(buf)-len(buf) < n {
		buf = make([]hex.Hex, 0, max(1024, n))
	}
	at := len(buf)
	buf = buf[:at+n]
	p := buf[at : at+n : at+n]
	k := n - 1
	for i := end; g.pred[i] >= 0; i = g.pred[i] {
		p[k] = g.hexes[i]
		k--
	}
	return p, buf
}

// mix is a small deterministic hash for the easy level's whims: the same view
// always gives the same orders.
func mix(a, b, c int) uint32 {
	x := uint32(a)*0x9E3779B1 ^ uint32(b)*0x85EBCA77 ^ uint32(c)*0xC2B2AE3D
	x ^= x >> 15
	x *= 0x2C1B3C6D
	x ^= x >> 12
	return x
}

// mark readies a phase's cost and occupancy layers from a view: the terrain
// costs are copied into cost, ships in view (not stations) are marked, enemies
// as impassable and own ships in occ (view index + 1). It appends the enemy
// ships to enemies and returns it.
func (g *grid) mark(v *rules.View, cost []int8, occ []int32, enemies []*rules.Ship) []*rules.Ship {
	copy(cost, g.base)
	clear(occ)
	for i := range v.Ships {
		sh := &v.Ships[i]
		if !sh.Alive() || v.Class(sh).Station {
			continue
		}
		k := g.index(sh.Pos)
		if k < 0 {
			continue
		}
		if sh.Side != v.Side {
			cost[k] = -1
			enemies = append(enemies, sh)
		} else {
			occ[k] = int32(i) + 1
		}
	}
	return enemies
}

// score is a hex's score toward a goal on a distance field to it: the field's
// cost, or, where the field does not reach, half of unreached and the
// distance as the crow flies.
func (g *grid) score(field []int32, goal, i int32) int32 {
	if s := field[i]; s != unreached {
		return s
	}
	return unreached/2 + int32(hex.Distance(g.hexes[i], g.hexes[goal]))
}

// gains reports whether a hex other than start within budget steps of it,
// enterable under cost and free in occ, scores below than on field toward
// goal, the field's sources all within spread steps of goal. When none does
// no move within budget does better than staying: a search (reach) reaches
// no hex that is not within budget steps (every cost is at least 1).
func (g *grid) gains(start int32, budget int, cost []int8, occ []int32, field []int32, goal int32, spread int, than int32) bool {
	centre, radius := g.hexes[start], budget
	near := false // only hexes within budget of start count
	if than <= unreached/2 {
		// Only hexes the field reaches can score below than, and those
		// lie within than-1 steps of a source (every step costs at least
		// 1): within spread+than-1 of goal.
		r := spread + int(than) - 1
		if r < 0 || hex.Distance(centre, g.hexes[goal]) > budget+r {
			return false
		}
		if r < budget {
			centre, radius, near = g.hexes[goal], r, true
		}
	}
	from := g.hexes[start]
	cols, rows := g.m.Cols, g.m.Rows
	for dq := -radius; dq <= radius; dq++ {
		q := centre.Q + dq
		if q < 0 || q >= cols {
			continue
		}
		off := (q - (q & 1)) / 2
		lo := max(centre.R+max(-radius, -dq-radius)+off, 0)
		hi := min(centre.R+min(radius, -dq+radius)+off, rows-1)
		for row := lo; row <= hi; row++ {
			// The score first: it rules out most hexes (an unreached
			// hex scores at least unreached/2).
			i := int32(row*cols + q)
			s := field[i]
			if s == unreached {
				if than <= unreached/2 {
					continue
				}
				s = g.score(field, goal, i)
			}
			if s >= than || i == start || cost[i] < 0 || occ[i] != 0 {
				continue
			}
			if near && hex.Distance(g.hexes[i], from) > budget {
				continue
			}
			return true
		}
	}
	return false
}
