package ai

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestShipSort: counted or sorted, the ships come nearest their goal first
// and, at equal scores, in the order they were listed.
func TestShipSort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, tt := range []struct {
		name string
		top  int32 // scores drawn from 0..top-1
	}{{"small scores: counted", 40}, {"large scores: sorted", 1 << 20}, {"one score", 1}} {
		t.Run(tt.name, func(t *testing.T) {
			var s shipSort
			for round := range 20 {
				ships := make([]planned, 1+r.IntN(300))
				for k := range ships {
					ships[k].vi = k
					ships[k].score = r.Int32N(tt.top)
					if r.IntN(10) == 0 {
						ships[k].score = unreached
					}
				}
				want := slices.Clone(ships)
				slices.SortStableFunc(want, func(a, b planned) int { return int(a.score) - int(b.score) })
				got := s.sort(slices.Clone(ships))
				if !slices.EqualFunc(got, want, func(a, b planned) bool { return a.vi == b.vi }) {
					t.Fatalf("round %d: order %v, want %v", round, vis(got), vis(want))
				}
			}
		})
	}
}

func vis(ps []planned) []int {
	out := make([]int, len(ps))
	for k := range ps {
		out[k] = ps[k].vi
	}
	return out
}
