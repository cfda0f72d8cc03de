package ai

import (
	"testing"

	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/scenarios"
)

// TestBothSidesGiveOrders: in every scenario, the normal commanders on
// both sides give real orders (moves, attacks and the rest: not only
// end-phase and answers to terms), over a few seeds, and none is refused.
func TestBothSidesGiveOrders(t *testing.T) {
	all, err := scenario.All(scenarios.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range all {
		t.Run(sc.ID, func(t *testing.T) {
			var real [2]int
			kinds := [2]map[rules.OrderKind]int{{}, {}}
			for seed := uint64(1); seed <= 3; seed++ {
				st, err := sc.NewState(seed)
				if err != nil {
					t.Fatal(err)
				}
				cmd := [2]Commander{New(rules.SideA, Normal), New(rules.SideB, Normal)}
				err = Play(st, cmd, func(o rules.Order) ([]rules.Event, error) {
					ev, err := st.Apply(o)
					if err != nil {
						t.Fatalf("seed %d: %s's order %+v refused: %v", seed, sc.Setup.SideIDs.Of(o.Side), o, err)
					}
					if o.Kind != rules.EndPhase && o.Kind != rules.AnswerTerms {
						real[o.Side]++
						kinds[o.Side][o.Kind]++
					}
					return ev, err
				})
				if err != nil {
					t.Fatal(err)
				}
			}
			for _, side := range rules.Sides {
				if real[side] < 3 {
					t.Errorf("%s gave %d real orders in 3 battles (%v)", sc.Setup.SideIDs.Of(side), real[side], kinds[side])
				}
			}
			t.Logf("%s %d orders %v; %s %d orders %v", sc.Setup.SideIDs.Of(rules.SideA), real[0], kinds[0], sc.Setup.SideIDs.Of(rules.SideB), real[1], kinds[1])
		})
	}
}
