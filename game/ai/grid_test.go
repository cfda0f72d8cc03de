package ai

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// randomCosts is the map's terrain costs with some hexes barred and, when
// dear, some made dearer.
func randomCosts(g *grid, r *rand.Rand, barred int, dear bool) []int8 {
	cost := slices.Clone(g.base)
	for k := r.IntN(barred + 1); k > 0; k-- {
		cost[r.IntN(g.n)] = -1
	}
	if dear {
		for k := r.IntN(200); k > 0; k-- {
			if i := r.IntN(g.n); cost[i] > 0 {
				cost[i] = 2
			}
		}
	}
	return cost
}

// TestReachOpen: a search copied from the one over open space is the search
// itself, in its order, with its costs and ways.
func TestReachOpen(t *testing.T) {
	g := newGrid(newBattle(t, 1).Map)
	r := rand.New(rand.NewPCG(1, 2))
	copied := 0
	for range 20000 {
		cost := randomCosts(g, r, 30, false)
		start, budget := int32(r.IntN(g.n)), r.IntN(maxBall+2)
		want := slices.Clone(g.reachBFS(start, budget, cost))
		dist, pred := slices.Clone(g.dist), slices.Clone(g.pred)
		got, ok := g.reachOpen(start, budget, cost)
		if !ok {
			continue
		}
		copied++
		if !slices.Equal(got, want) {
			t.Fatalf("from %d, budget %d: reached %v, want %v", start, budget, got, want)
		}
		for _, i := range got {
			if g.dist[i] != dist[i] || g.pred[i] != pred[i] {
				t.Fatalf("from %d, budget %d: hex %d at %d from %d, want %d from %d", start, budget, i, g.dist[i], g.pred[i], dist[i], pred[i])
			}
		}
	}
	if copied == 0 {
		t.Fatal("no search was copied")
	}
}

// TestReachOpenRing: a search over open space but for hexes at its edge,
// budget steps away, that are barred or cost more, is copied, and is the
// search itself.
func TestReachOpenRing(t *testing.T) {
	g := newGrid(newBattle(t, 1).Map)
	r := rand.New(rand.NewPCG(5, 6))
	copied := 0
	for range 5000 {
		start, budget := int32(r.IntN(g.n)), 1+r.IntN(maxBall)
		cost := slices.Clone(g.base)
		b := &g.balls[budget][int(start)%g.cols&1]
		if len(b.hexes) == 0 || b.ring >= len(b.hexes) {
			continue
		}
		for k := r.IntN(8); k > 0; k-- {
			if i := start + b.hexes[b.ring+r.IntN(len(b.hexes)-b.ring)]; i >= 0 && int(i) < g.n {
				cost[i] = int8(-1 + 3*r.IntN(2)) // barred or dear
			}
		}
		want := slices.Clone(g.reachBFS(start, budget, cost))
		dist, pred := slices.Clone(g.dist), slices.Clone(g.pred)
		got, ok := g.reachOpen(start, budget, cost)
		if !ok {
			continue
		}
		copied++
		if !slices.Equal(got, want) {
			t.Fatalf("from %d, budget %d: reached %v, want %v", start, budget, got, want)
		}
		for _, i := range got {
			if g.dist[i] != dist[i] || g.pred[i] != pred[i] {
				t.Fatalf("from %d, budget %d: hex %d at %d from %d, want %d from %d", start, budget, i, g.dist[i], g.pred[i], dist[i], pred[i])
			}
		}
	}
	if copied < 1000 {
		t.Fatalf("%d searches copied", copied)
	}
}

// TestGains: when gains finds nothing, no hex the search reaches is free and
// scores below the start.
func TestGains(t *testing.T) {
	g := newGrid(newBattle(t, 1).Map)
	r := rand.New(rand.NewPCG(3, 4))
	field, occ := make([]int32, g.n), make([]int32, g.n)
	for range 3000 {
		cost := randomCosts(g, r, 300, true)
		goal := int32(r.IntN(g.n))
		g.field(field, []int32{goal}, cost, r.IntN(2) == 0)
		clear(occ)
		for k := r.IntN(600); k > 0; k-- {
			occ[r.IntN(g.n)] = 1
		}
		start, budget := int32(r.IntN(g.n)), r.IntN(9)
		than := g.score(field, goal, start)
		if g.gains(start, budget, cost, occ, field, goal, than) {
			continue
		}
		for _, i := range g.reach(start, budget, cost)[1:] {
			if occ[i] == 0 && g.score(field, goal, i) < than {
				t.Fatalf("from %d, budget %d: hex %d scores %d, below %d, but gains found nothing", start, budget, i, g.score(field, goal, i), than)
			}
		}
	}
}

// TestFieldMemo: a field asked again on the same costs is the field.
func TestFieldMemo(t *testing.T) {
	g := newGrid(newBattle(t, 1).Map)
	r := rand.New(rand.NewPCG(5, 6))
	a, b := make([]int32, g.n), make([]int32, g.n)
	for range 500 {
		cost := randomCosts(g, r, 300, true)
		srcs := []int32{int32(r.IntN(g.n)), int32(r.IntN(g.n))}
		enterable := r.IntN(2) == 0
		g.field(a, srcs, cost, enterable)
		if r.IntN(2) == 0 {
			g.field(b, []int32{int32(r.IntN(g.n))}, cost, !enterable) // another field on the same costs
		}
		g.field(b, srcs, cost, enterable)
		g.computeField(a, srcs, cost, enterable)
		if !slices.Equal(a, b) {
			t.Fatal("the field kept differs from the field computed")
		}
	}
}

// TestFieldUpdate: a field brought up to date as the costs change in a few
// hexes (updateField) is the field computed afresh on the new costs.
func TestFieldUpdate(t *testing.T) {
	g := newGrid(newBattle(t, 1).Map)
	r := rand.New(rand.NewPCG(7, 8))
	got, want := make([]int32, g.n), make([]int32, g.n)
	updated := 0
	for range 300 {
		cost := randomCosts(g, r, 300, true)
		var srcs []int32
		for k := 1 + r.IntN(4); k > 0; k-- {
			srcs = append(srcs, int32(r.IntN(g.n)))
		}
		enterable := r.IntN(2) == 0
		for range 20 {
			for k := r.IntN(2 * maxFieldDiff); k > 0; k-- {
				i := r.IntN(g.n)
				switch r.IntN(4) {
				case 0:
					cost[i] = -1
				case 1:
					cost[i] = g.base[i]
				case 2:
					cost[i] = int8(1 + r.IntN(3))
				default:
					if k%7 == 0 {
						cost[srcs[0]] = int8(2*r.IntN(2) - 1) // a source's own cost
					}
				}
			}
			before := g.fields.clock
			g.field(got, srcs, cost, enterable)
			if g.fields.clock != before+1 {
				t.Fatal("clock")
			}
			g.computeField(want, srcs, cost, enterable)
			if !slices.Equal(got, want) {
				for i := range got {
					if got[i] != want[i] {
						t.Fatalf("hex %d at %d, want %d", i, got[i], want[i])
					}
				}
			}
			updated++
		}
	}
	if updated == 0 {
		t.Fatal("no field updated")
	}
}
