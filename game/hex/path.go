package hex

import (
	"cmp"
	"slices"
	"sync"
)

// Cost returns the movement cost of entering h, or a negative number when h
// cannot be entered. Zero is allowed.
type Cost func(h Hex) int

// Reach is one entry of a Reachable result: a hex, the cheapest cost of
// getting there, and the hex it is entered from on that cheapest path (From
// is the start itself for the start entry).
type Reach struct {
	Hex  Hex
	Cost int
	From Hex
}

// openItem is a priority-queue entry. Ordering is total: f, then h, then
// (Q, R); g = f-h, so equal keys are identical entries.
type openItem struct {
	f, h int
	hex  Hex
}

func itemLess(a, b openItem) bool {
	if a.f != b.f {
		return a.f < b.f
	}
	if a.h != b.h {
		return a.h < b.h
	}
	if a.hex.Q != b.hex.Q {
		return a.hex.Q < b.hex.Q
	}
	return a.hex.R < b.hex.R
}

// openHeap is a hand-written binary min-heap of openItem (no interface
// boxing, unlike container/heap; sifts move a hole instead of swapping).
type openHeap []openItem

func (hp *openHeap) push(it openItem) {
	s := append(*hp, it)
	i := len(s) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !itemLess(it, s[p]) {
			break
		}
		s[i] = s[p]
		i = p
	}
	s[i] = it
	*hp = s
}

func (hp *openHeap) pop() openItem {
	s := *hp
	top := s[0]
	n := len(s) - 1
	last := s[n]
	s = s[:n]
	if n > 0 {
		i := 0
		for {
			m := 2*i + 1
			if m >= n {
				break
			}
			if r := m + 1; r < n && itemLess(s[r], s[m]) {
				m = r
			}
			if !itemLess(s[m], last) {
				break
			}
			s[i] = s[m]
			i = m
		}
		s[i] = last
	}
	*hp = s
	return top
}

// rec is the best known cost of a hex and its predecessor.
type rec struct {
	g    int
	from Hex
}

// scratch holds reusable search state; pooled so concurrent searches are
// safe and repeated searches allocate little. The table is only read by key,
// never iterated, so results do not depend on hash order.
type scratch struct {
	best table
	open openHeap
}

const maxPooledEntries = 1 << 16

var scratchPool = sync.Pool{New: func() any {
	return &scratch{open: make(openHeap, 0, 256)}
}}

func getScratch() *scratch {
	s := scratchPool.Get().(*scratch)
	s.best.reset()
	s.open = s.open[:0]
	return s
}

func putScratch(s *scratch) {
	if len(s.best.slots) > maxPooledEntries || cap(s.open) > maxPooledEntries {
		return // don't keep huge tables around
	}
	scratchPool.Put(s)
}

// Path returns the cheapest path from start to goal, excluding start and
// including goal, and its total cost (sum of cost of every entered hex; the
// start's cost is never consulted). ok is false when goal is unreachable or
// when the cheapest cost would exceed maxCost (maxCost < 0 means unlimited).
// start == goal gives an empty path, 0, true.
//
// The search is A* with heuristic Distance(h, goal)*minStepCost;
// minStepCost <= 0 turns it into Dijkstra. The result is optimal as long as
// minStepCost is no larger than the cheapest enterable step (admissible
// heuristic); stale queue entries are skipped rather than closing nodes, so
// optimality does not need the heuristic to be consistent.
//
// Tie-breaking is deterministic: among equal f, lower h first, then lower
// (Q, R) lexicographically; neighbours are relaxed in Directions order and a
// hex's predecessor only changes on a strictly cheaper cost. Nothing depends
// on map iteration order.
//
// inBounds limits the explored area (the goal must be in bounds); nil means
// unbounded, in which case an unreachable goal only terminates if maxCost >= 0
// and step costs are positive.
func Path(start, goal Hex, cost Cost, inBounds func(Hex) bool, minStepCost, maxCost int) (path []Hex, total int, ok bool) {
	if start == goal {
		return []Hex{}, 0, true
	}
	if inBounds != nil && !inBounds(goal) {
		return nil, 0, false
	}
	if cost(goal) < 0 {
		return nil, 0, false
	}
	if minStepCost < 0 {
		minStepCost = 0
	}
	s := getScratch()
	defer putScratch(s)
	best := &s.best

	h0 := Distance(start, goal) * minStepCost
	if maxCost >= 0 && h0 > maxCost {
		return nil, 0, false
	}
	best.set(start, rec{0, start})
	s.open.push(openItem{f: h0, h: h0, hex: start})
	for len(s.open) > 0 {
		it := s.open.pop()
		itg := it.f - it.h
		if r, _ := best.get(it.hex); itg > r.g {
			continue // stale entry
		}
		if it.hex == goal {
			return rebuild(best, start, goal), itg, true
		}
		for _, nb := range it.hex.Neighbors() {
			if inBounds != nil && !inBounds(nb) {
				continue
			}
			c := cost(nb)
			if c < 0 {
				continue
			}
			g := itg + c
			sl, seen := best.lookup(nb)
			if seen && sl.g <= g {
				continue
			}
			h := Distance(nb, goal) * minStepCost
			if maxCost >= 0 && g+h > maxCost {
				continue
			}
			if seen {
				sl.rec = rec{g, it.hex}
			} else {
				best.set(nb, rec{g, it.hex})
			}
			s.open.push(openItem{f: g + h, h: h, hex: nb})
		}
	}
	return nil, 0, false
}

func from(best *table, h Hex) Hex {
	r, _ := best.get(h)
	return r.from
}

// rebuild walks predecessors from goal back to start.
func rebuild(best *table, start, goal Hex) []Hex {
	n := 0
	for h := goal; h != start; h = from(best, h) {
		n++
	}
	out := make([]Hex, n)
	for h := goal; h != start; h = from(best, h) {
		n--
		out[n] = h
	}
	return out
}

// Reachable returns every hex reachable from start with total cost <= budget
// (Dijkstra), each with its cost and predecessor, sorted by (Cost, Q, R).
// start itself is always included first, with cost 0 and From == start.
// Predecessors are deterministic (relaxation in Directions order, pops in
// (cost, Q, R) order, strict improvement only). inBounds limits the explored
// area; nil means unbounded (then zero-cost steps must not form an infinite
// region).
func Reachable(start Hex, budget int, cost Cost, inBounds func(Hex) bool) []Reach {
	s := getScratch()
	defer putScratch(s)
	best := &s.best

	out := make([]Reach, 0, 64)
	best.set(start, rec{0, start})
	s.open.push(openItem{hex: start})
	for len(s.open) > 0 {
		it := s.open.pop()
		r, _ := best.get(it.hex)
		if it.f > r.g {
			continue // stale entry
		}
		out = append(out, Reach{Hex: it.hex, Cost: it.f, From: r.from})
		for _, nb := range it.hex.Neighbors() {
			if inBounds != nil && !inBounds(nb) {
				continue
			}
			c := cost(nb)
			if c < 0 {
				continue
			}
			g := it.f + c
			if g > budget {
				continue
			}
			sl, seen := best.lookup(nb)
			if seen && sl.g <= g {
				continue
			}
			if seen {
				sl.rec = rec{g, it.hex}
			} else {
				best.set(nb, rec{g, it.hex})
			}
			s.open.push(openItem{f: g, hex: nb})
		}
	}
	// Pops come out in (cost, Q, R) order except around zero-cost steps;
	// sort to make the contract hold unconditionally (cheap: nearly sorted).
	slices.SortFunc(out, func(a, b Reach) int {
		switch {
		case a.Cost != b.Cost:
			return cmp.Compare(a.Cost, b.Cost)
		case a.Hex.Q != b.Hex.Q:
			return cmp.Compare(a.Hex.Q, b.Hex.Q)
		default:
			return cmp.Compare(a.Hex.R, b.Hex.R)
		}
	})
	return out
}

// PathTo rebuilds the path from start to goal (excluding start, including
// goal) from a Reachable result computed from start. ok is false when goal is
// not in reach (or the predecessor chain is broken). start == goal gives an
// empty path.
func PathTo(reach []Reach, start, goal Hex) ([]Hex, bool) {
	if start == goal {
		return []Hex{}, true
	}
	idx := make(map[Hex]int, len(reach))
	for i, r := range reach {
		idx[r.Hex] = i
	}
	var rev []Hex
	h := goal
	for h != start {
		i, found := idx[h]
		if !found || len(rev) >= len(reach) {
			return nil, false
		}
		rev = append(rev, h)
		h = reach[i].From
	}
	slices.Reverse(rev)
	return rev, true
}
