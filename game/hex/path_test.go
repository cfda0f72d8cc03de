package hex

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// grid is a rectangular odd-q map with per-hex costs (-1 = impassable).
type grid struct {
	w, h  int
	costs []int
}

func (g *grid) inBounds(h Hex) bool {
	o := ToOffset(h)
	return o.Col >= 0 && o.Col < g.w && o.Row >= 0 && o.Row < g.h
}

func (g *grid) cost(h Hex) int {
	o := ToOffset(h)
	if o.Col < 0 || o.Col >= g.w || o.Row < 0 || o.Row >= g.h {
		return -1
	}
	return g.costs[o.Row*g.w+o.Col]
}

func (g *grid) set(col, row, c int) { g.costs[row*g.w+col] = c }

func randomGrid(seed uint64, w, h, minC, maxC int, blockPct int) *grid {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	g := &grid{w: w, h: h, costs: make([]int, w*h)}
	for i := range g.costs {
		if r.IntN(100) < blockPct {
			g.costs[i] = -1
		} else {
			g.costs[i] = minC + r.IntN(maxC-minC+1)
		}
	}
	return g
}

func pathCost(t *testing.T, start Hex, p []Hex, cost Cost) int {
	t.Helper()
	prev, sum := start, 0
	for _, h := range p {
		if Distance(prev, h) != 1 {
			t.Fatalf("path not contiguous at %v -> %v", prev, h)
		}
		c := cost(h)
		if c < 0 {
			t.Fatalf("path enters impassable %v", h)
		}
		sum += c
		prev = h
	}
	return sum
}

func TestPathOptimalVsDijkstra(t *testing.T) {
	for seed := range uint64(20) {
		minC := 1 + int(seed%3)
		g := randomGrid(seed, 20, 15, minC, 6, 20)
		r := rand.New(rand.NewPCG(seed, 99))
		start := FromOffset(Offset{r.IntN(g.w), r.IntN(g.h)})
		g.costs[ToOffset(start).Row*g.w+ToOffset(start).Col] = minC
		reach := Reachable(start, 1<<30, g.cost, g.inBounds)
		costOf := map[Hex]int{}
		for _, re := range reach {
			costOf[re.Hex] = re.Cost
		}
		for range 30 {
			goal := FromOffset(Offset{r.IntN(g.w), r.IntN(g.h)})
			want, reachable := costOf[goal]
			for _, msc := range []int{0, minC} {
				p, total, ok := Path(start, goal, g.cost, g.inBounds, msc, -1)
				if ok != reachable {
					t.Fatalf("seed %d %v->%v msc %d: ok=%v, Dijkstra reachable=%v", seed, start, goal, msc, ok, reachable)
				}
				if !ok {
					continue
				}
				if total != want {
					t.Fatalf("seed %d %v->%v msc %d: A* cost %d, Dijkstra %d", seed, start, goal, msc, total, want)
				}
				if got := pathCost(t, start, p, g.cost); got != total {
					t.Fatalf("path cost %d != reported %d", got, total)
				}
				if goal != start && p[len(p)-1] != goal {
					t.Fatalf("path does not end at goal")
				}
			}
			p2, ok2 := PathTo(reach, start, goal)
			if ok2 != reachable {
				t.Fatalf("PathTo ok=%v want %v", ok2, reachable)
			}
			if ok2 && pathCost(t, start, p2, g.cost) != want {
				t.Fatalf("PathTo path cost %d want %d", pathCost(t, start, p2, g.cost), want)
			}
		}
	}
}

func TestPathTieBreakDeterministic(t *testing.T) {
	// Uniform costs: many optimal paths; the chosen one must be stable.
	g := randomGrid(1, 30, 20, 1, 1, 0)
	start, goal := FromOffset(Offset{2, 3}), FromOffset(Offset{25, 15})
	first, total, ok := Path(start, goal, g.cost, g.inBounds, 1, -1)
	if !ok || total != Distance(start, goal) {
		t.Fatalf("ok=%v total=%d want %d", ok, total, Distance(start, goal))
	}
	for range 50 {
		p, _, _ := Path(start, goal, g.cost, g.inBounds, 1, -1)
		if !slices.Equal(p, first) {
			t.Fatalf("path changed between runs: %v vs %v", p, first)
		}
	}
	// Same grid, costs looked up through a map built in a different insertion
	// order: identical answers.
	m := map[Hex]int{}
	for i := len(g.costs) - 1; i >= 0; i-- {
		m[FromOffset(Offset{i % g.w, i / g.w})] = g.costs[i]
	}
	mc := func(h Hex) int {
		if c, ok := m[h]; ok {
			return c
		}
		return -1
	}
	p, _, _ := Path(start, goal, mc, nil, 1, -1)
	if !slices.Equal(p, first) {
		t.Fatalf("path differs with map-backed costs: %v vs %v", p, first)
	}
	// Reachable too.
	a := Reachable(start, 5, g.cost, g.inBounds)
	b := Reachable(start, 5, mc, nil)
	if !slices.Equal(a, b) {
		t.Fatal("Reachable differs across equivalent inputs")
	}
	if !slices.IsSortedFunc(a, func(x, y Reach) int {
		if x.Cost != y.Cost {
			return x.Cost - y.Cost
		}
		return cmpHex(x.Hex, y.Hex)
	}) {
		t.Fatal("Reachable not sorted by (Cost, Q, R)")
	}
	if a[0] != (Reach{Hex: start, Cost: 0, From: start}) {
		t.Fatalf("first reach %v", a[0])
	}
	inside := 0
	for _, h := range Range(start, 5) {
		if g.inBounds(h) {
			inside++
		}
	}
	if len(a) != inside {
		t.Fatalf("uniform reach with budget 5: %d hexes", len(a))
	}
}

func TestPathUnreachableAndLimits(t *testing.T) {
	g := randomGrid(7, 12, 10, 1, 1, 0)
	// wall across column 6 entirely
	for row := range g.h {
		g.set(6, row, -1)
	}
	start, goal := FromOffset(Offset{1, 5}), FromOffset(Offset{10, 5})
	tests := []struct {
		name     string
		goal     Hex
		maxCost  int
		wantOK   bool
		wantCost int
	}{
		{"walled off", goal, -1, false, 0},
		{"goal impassable", FromOffset(Offset{6, 2}), -1, false, 0},
		{"goal out of bounds", FromOffset(Offset{40, 2}), -1, false, 0},
		{"same hex", start, -1, true, 0},
		{"within max", FromOffset(Offset{4, 5}), 3, true, 3},
		{"exceeds max", FromOffset(Offset{4, 5}), 2, false, 0},
		{"unlimited", FromOffset(Offset{4, 5}), -1, true, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, total, ok := Path(start, tc.goal, g.cost, g.inBounds, 1, tc.maxCost)
			if ok != tc.wantOK || total != tc.wantCost {
				t.Fatalf("ok=%v total=%d, want %v %d", ok, total, tc.wantOK, tc.wantCost)
			}
			if ok && len(p) != Distance(start, tc.goal) {
				t.Fatalf("path %v", p)
			}
		})
	}
	if _, ok := PathTo(Reachable(start, 100, g.cost, g.inBounds), start, goal); ok {
		t.Error("PathTo across wall should fail")
	}
	// Tight budget: maxCost exactly the optimum through a detour.
	g2 := randomGrid(8, 10, 10, 1, 1, 0)
	g2.set(3, 4, 10)
	s2, e2 := FromOffset(Offset{2, 4}), FromOffset(Offset{4, 4})
	_, opt, ok := Path(s2, e2, g2.cost, g2.inBounds, 1, -1)
	if !ok || opt != 2 {
		t.Fatalf("detour cost %d ok %v", opt, ok)
	}
	if _, _, ok := Path(s2, e2, g2.cost, g2.inBounds, 1, opt-1); ok {
		t.Error("maxCost below optimum should fail")
	}
}

func TestReachableBudget(t *testing.T) {
	g := randomGrid(3, 20, 20, 1, 3, 10)
	start := FromOffset(Offset{10, 10})
	for budget := range 8 {
		for _, re := range Reachable(start, budget, g.cost, g.inBounds) {
			if re.Cost > budget {
				t.Fatalf("budget %d: %v cost %d", budget, re.Hex, re.Cost)
			}
			p, ok := PathTo(Reachable(start, budget, g.cost, g.inBounds), start, re.Hex)
			if !ok {
				t.Fatalf("PathTo %v failed", re.Hex)
			}
			if c := pathCost(t, start, p, g.cost); c != re.Cost {
				t.Fatalf("PathTo %v cost %d want %d", re.Hex, c, re.Cost)
			}
			_, total, ok := Path(start, re.Hex, g.cost, g.inBounds, 1, budget)
			if !ok || total != re.Cost {
				t.Fatalf("Path to %v: %d %v, reach says %d", re.Hex, total, ok, re.Cost)
			}
		}
	}
	if got := Reachable(start, 0, g.cost, g.inBounds); len(got) != 1 || got[0].Hex != start {
		t.Fatalf("budget 0: %v", got)
	}
}

func benchGrid() *grid {
	g := randomGrid(42, 60, 40, 1, 3, 0)
	// a few walls with gaps, plus scattered obstacles
	for row := range 35 {
		g.set(15, row, -1)
		g.set(45, 39-row, -1)
	}
	for col := 20; col < 40; col++ {
		g.set(col, 20, -1)
	}
	r := rand.New(rand.NewPCG(42, 1))
	for range 200 {
		g.set(r.IntN(60), r.IntN(40), -1)
	}
	g.set(1, 1, 1)
	g.set(58, 38, 1)
	return g
}

func BenchmarkPath(b *testing.B) {
	g := benchGrid()
	start, goal := FromOffset(Offset{1, 1}), FromOffset(Offset{58, 38})
	if _, _, ok := Path(start, goal, g.cost, g.inBounds, 1, -1); !ok {
		b.Fatal("bench path unreachable")
	}
	b.ReportAllocs()
	for b.Loop() {
		Path(start, goal, g.cost, g.inBounds, 1, -1)
	}
}

func BenchmarkReachable(b *testing.B) {
	g := benchGrid()
	start := FromOffset(Offset{30, 10})
	b.ReportAllocs()
	for b.Loop() {
		Reachable(start, 6, g.cost, g.inBounds)
	}
}
