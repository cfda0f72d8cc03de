package ai

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/rules"
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
		if sameAsSearch(t, g, start, budget, cost) {
			copied++
		}
	}
	if copied == 0 {
		t.Fatal("no search was copied")
	}
}

// sameAsSearch reports whether reachOpen copied the search from start with
// budget under cost, failing t unless what it copied is what the search
// itself finds, in its order, with its distances and ways.
func sameAsSearch(t *testing.T, g *grid, start int32, budget int, cost []int8) bool {
	t.Helper()
	want := slices.Clone(g.reachBFS(start, budget, cost))
	dist, pred := slices.Clone(g.dist), slices.Clone(g.pred)
	got, ok := g.reachOpen(start, budget, cost)
	if !ok {
		return false
	}
	if !slices.Equal(got, want) {
		t.Fatalf("from %d, budget %d: reached %v, want %v", start, budget, got, want)
	}
	for _, i := range got {
		if g.dist[i] != dist[i] || g.pred[i] != pred[i] {
			t.Fatalf("from %d, budget %d: hex %d at %d from %d, want %d from %d", start, budget, i, g.dist[i], g.pred[i], dist[i], pred[i])
		}
	}
	return true
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
		if sameAsSearch(t, g, start, budget, cost) {
			copied++
		}
	}
	if copied < 1000 {
		t.Fatalf("%d searches copied", copied)
	}
}

// TestGains: when gains finds nothing, no hex the search reaches is free and
// scores below the start, on fields toward a hex or toward every hex within
// a few steps of one (a station's).
func TestGains(t *testing.T) {
	g := newGrid(newBattle(t, 1).Map)
	r := rand.New(rand.NewPCG(3, 4))
	field, occ := make([]int32, g.n), make([]int32, g.n)
	found := 0
	for k := range 6000 {
		cost := randomCosts(g, r, 300, true)
		goal := int32(r.IntN(g.n))
		srcs, spread := []int32{goal}, 0
		if k%2 == 1 {
			spread = 1 + r.IntN(3)
			srcs = srcs[:0]
			for _, h := range hex.Range(g.hexes[goal], spread) {
				if i := g.index(h); i >= 0 && r.IntN(4) > 0 {
					srcs = append(srcs, i)
				}
			}
		}
		g.field(field, srcs, cost, r.IntN(2) == 0)
		start, budget := randomStart(g, r, occ, goal, k%3 == 0)
		than := g.score(field, goal, start)
		want := false
		for _, i := range g.reach(start, budget, cost)[1:] {
			if occ[i] == 0 && g.score(field, goal, i) < than {
				want = true
			}
		}
		if g.gains(start, budget, cost, occ, field, goal, spread, than) {
			found++
			continue
		}
		if want {
			t.Fatalf("from %d, budget %d: a hex scores below %d, but gains found nothing", start, budget, than)
		}
	}
	if found == 0 {
		t.Fatal("gains never found a hex")
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

// midBattleReach is the Dominion's costs at turn 4 of the flagship battle,
// and where its ships stand: the searches its fleet runs.
func midBattleReach(t testing.TB) (*grid, []int8, []int32) {
	st := newBattle(t, 1)
	playUntil(t, st, func(s *rules.State) bool { return s.Turn == 4 && s.Active == rules.SideB && s.Phase == rules.Battle })
	v := st.View(rules.SideB)
	g := newGrid(v.Map)
	cost, occ := make([]int8, g.n), make([]int32, g.n)
	g.mark(v, cost, occ, nil)
	var starts []int32
	for i := range v.Ships {
		if sh := &v.Ships[i]; sh.Side == v.Side && sh.Alive() && !v.Class(sh).Station {
			starts = append(starts, g.index(sh.Pos))
		}
	}
	return g, cost, starts
}

func BenchmarkReachBFS(b *testing.B) {
	g, cost, starts := midBattleReach(b)
	for b.Loop() {
		for _, s := range starts {
			g.reachBFS(s, 6, cost)
		}
	}
}

// reachBFSRef is the search reachBFS makes, written plainly.
func (g *grid) reachBFSRef(start int32, budget int, cost []int8) []int32 {
	seen := make([]bool, g.n)
	buckets := make([][]int32, budget+1)
	var reached []int32
	seen[start], g.dist[start], g.pred[start] = true, 0, -1
	buckets[0] = append(buckets[0], start)
	for d := range int32(budget + 1) {
		for _, b := range buckets[d] {
			reached = append(reached, b)
			for _, a := range &g.nb[b] {
				if a < 0 || seen[a] || cost[a] < 0 {
					continue
				}
				nd := d + int32(cost[a])
				if nd > int32(budget) {
					continue
				}
				seen[a], g.dist[a], g.pred[a] = true, nd, b
				buckets[nd] = append(buckets[nd], a)
			}
		}
	}
	return reached
}

// TestReachBFS: the search is the plain one, in its order, with its costs
// and ways.
func TestReachBFS(t *testing.T) {
	g, mid, starts := midBattleReach(t)
	r := rand.New(rand.NewPCG(9, 10))
	for k := range 4000 {
		cost, start := mid, starts[k%len(starts)]
		if k%2 == 1 {
			cost, start = randomCosts(g, r, 300, true), int32(r.IntN(g.n))
		}
		budget := r.IntN(14)
		want := g.reachBFSRef(start, budget, cost)
		dist, pred := slices.Clone(g.dist), slices.Clone(g.pred)
		got := g.reachBFS(start, budget, cost)
		if !slices.Equal(got, want) {
			t.Fatalf("from %d, budget %d: reached %v, want %v", start, budget, got, want)
		}
		for _, i := range got {
			if g.dist[i] != dist[i] || g.pred[i] != pred[i] {
				t.Fatalf("from %d, budget %d: hex %d at %d from %d, want %d from %d", start, budget, i, g.dist[i], g.pred[i], dist[i], pred[i])
			}
		}
	}
}

// randomField is a field on cost toward a random hex, or toward most hexes
// within a few steps of one (a station's), as fieldFor asks for them; it
// returns the field, its goal and how far from it the sources lie.
func randomField(g *grid, r *rand.Rand, cost []int8) ([]int32, int32, int) {
	field := make([]int32, g.n)
	goal := int32(r.IntN(g.n))
	srcs, spread := []int32{goal}, 0
	if r.IntN(2) == 1 {
		srcs, spread = srcs[:0], 1+r.IntN(3)
		for _, h := range hex.Range(g.hexes[goal], spread) {
			if i := g.index(h); i >= 0 && r.IntN(4) > 0 {
				srcs = append(srcs, i)
			}
		}
	}
	g.field(field, srcs, cost, false)
	return field, goal, spread
}

// TestReachDown: the search of the hexes of little slack is the whole
// search with the others left out, in its order, with its costs and ways.
func TestReachDown(t *testing.T) {
	g := newGrid(newBattle(t, 1).Map)
	r := rand.New(rand.NewPCG(11, 12))
	for k := range 4000 {
		cost := randomCosts(g, r, 300, k%2 == 1)
		field, _, _ := randomField(g, r, cost)
		start, budget, slack := int32(r.IntN(g.n)), r.IntN(14), int32(r.IntN(6))
		if field[start] == unreached {
			continue
		}
		var want []int32
		for _, i := range g.reachBFS(start, budget, cost) {
			if g.dist[i]-(field[start]-field[i]) <= slack {
				want = append(want, i)
			}
		}
		dist, pred := slices.Clone(g.dist), slices.Clone(g.pred)
		got := g.reachDown(start, budget, cost, field, slack)
		if !slices.Equal(got, want) {
			t.Fatalf("from %d, budget %d, slack %d: reached %v, want %v", start, budget, slack, got, want)
		}
		for _, i := range got {
			if g.dist[i] != dist[i] || g.pred[i] != pred[i] {
				t.Fatalf("from %d, budget %d: hex %d at %d from %d, want %d from %d", start, budget, i, g.dist[i], g.pred[i], dist[i], pred[i])
			}
		}
	}
}

// TestDescend: the hex descend picks, and the way to it, are those picked
// from the whole search, over open space or not.
func TestDescend(t *testing.T) {
	g := newGrid(newBattle(t, 1).Map)
	r := rand.New(rand.NewPCG(13, 14))
	occ := make([]int32, g.n)
	open := 0
	for k := range 6000 {
		cost := randomCosts(g, r, 300, k%2 == 1)
		field, goal, spread := randomField(g, r, cost)
		start, budget := randomStart(g, r, occ, goal, k%3 == 0)
		if _, _, ok := g.openAt(start, budget, cost); ok {
			open++
		}
		d := &fleet{g: g, cost: cost, occ: occ}
		p := &planned{goal: &aim{ok: true, at: goal, field: field, spread: spread}}
		stay := d.score(p, start)
		want, wantScore := d.pick(p, g.reach(start, budget, cost), stay)
		wantPath, _ := g.path(nil, want)
		got, gotScore := d.descend(p, start, budget, stay)
		gotPath, _ := g.path(nil, got)
		if got != want || gotScore != wantScore || !slices.Equal(gotPath, wantPath) {
			t.Fatalf("from %d, budget %d: %d (score %d) by %v, want %d (score %d) by %v", start, budget, got, gotScore, gotPath, want, wantScore, wantPath)
		}
	}
	if open < 500 {
		t.Fatalf("%d searches over open space", open)
	}
}

func BenchmarkDescend(b *testing.B) {
	g, cost, starts := midBattleReach(b)
	occ := make([]int32, g.n)
	for _, s := range starts {
		occ[s] = 1 // own ships' hexes are taken
	}
	r := rand.New(rand.NewPCG(15, 16))
	field, goal, spread := randomField(g, r, cost)
	d := &fleet{g: g, cost: cost, occ: occ}
	p := &planned{goal: &aim{ok: true, at: goal, field: field, spread: spread}}
	for b.Loop() {
		for _, s := range starts {
			d.descend(p, s, 6, d.score(p, s))
		}
	}
}

// randomStart fills occ with ships at random and draws a start and a budget
// for a move: near the goal, where the scores are low, when near.
func randomStart(g *grid, r *rand.Rand, occ []int32, goal int32, near bool) (int32, int) {
	clear(occ)
	for k := r.IntN(600); k > 0; k-- {
		occ[r.IntN(g.n)] = 1
	}
	start, budget := int32(r.IntN(g.n)), r.IntN(9)
	if near {
		h := g.hexes[goal]
		if i := g.index(hex.Hex{Q: h.Q + r.IntN(9) - 4, R: h.R + r.IntN(9) - 4}); i >= 0 {
			start = i
		}
	}
	return start, budget
}
