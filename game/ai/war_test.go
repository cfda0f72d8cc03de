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

// TestWingOrders: in a battle the normal commanders play, a side with attack
// wings orders them through wing orders: every phase each wing on the map is
// either given a command order or carries out its standing one, its ships'
// orders come from the planner that carries out wing orders, and command
// orders are given when a wing's target is gone. It logs the count per turn
// (the figures in the closing note).
func TestWingOrders(t *testing.T) {
	sc, err := scenario.Load(scenarios.FS, "second-battle-of-ds9.yaml")
	if err != nil {
		t.Fatal(err)
	}
	st, err := sc.NewState(1)
	if err != nil {
		t.Fatal(err)
	}
	side := rules.SideB // the Dominion
	type tally struct{ commands, wings, wingShips, freeShips int }
	byTurn := map[int]*tally{}
	carried := map[int]bool{}
	cmd := [2]Commander{New(rules.SideA, Normal), New(rules.SideB, Normal)}
	err = Play(st, cmd, func(o rules.Order) ([]rules.Event, error) {
		if o.Side == side {
			tl := byTurn[st.Turn]
			if tl == nil {
				tl = &tally{}
				byTurn[st.Turn] = tl
				clear(carried)
			}
			switch {
			case o.Kind == rules.Command:
				tl.commands++
			case o.Kind == rules.EndPhase || o.Kind == rules.AnswerTerms:
			case st.Ship(o.Ship) != nil && st.Ship(o.Ship).Wing >= 0:
				tl.wingShips++
				if w := st.Ship(o.Ship).Wing; !carried[w] {
					carried[w] = true
					tl.wings++
				}
			default:
				tl.freeShips++
			}
		}
		return st.Apply(o)
	})
	if err != nil {
		t.Fatal(err)
	}
	total := tally{}
	for turn := 1; turn <= st.TurnLimit; turn++ {
		tl := byTurn[turn]
		if tl == nil {
			continue
		}
		t.Logf("turn %2d: %2d command orders, %2d wings carrying out their orders, %3d ship orders in wings, %d outside", turn, tl.commands, tl.wings, tl.wingShips, tl.freeShips)
		total.commands += tl.commands
		total.wingShips += tl.wingShips
		total.freeShips += tl.freeShips
	}
	if total.commands == 0 {
		t.Error("no command order in a whole battle: the wings never change orders")
	}
	if total.wingShips < 20*max(1, total.freeShips) {
		t.Errorf("%d ship orders in wings, %d outside: the Dominion's orders are not given through its wings", total.wingShips, total.freeShips)
	}
}

// TestNoRefusedOrders: at every level, on both sides of every scenario, the
// commanders' orders are refused less than once in a thousand (they choose
// from what the engine lists, and a plan's order that no longer holds is
// dropped before it is given, ai.Phase).
func TestNoRefusedOrders(t *testing.T) {
	all, err := scenario.All(scenarios.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range all {
		for _, lv := range []Level{Easy, Normal, Hard} {
			var given, refused [2]int
			for seed := uint64(1); seed <= 2; seed++ {
				st, err := sc.NewState(seed)
				if err != nil {
					t.Fatal(err)
				}
				cmd := [2]Commander{New(rules.SideA, lv), New(rules.SideB, lv)}
				for st.Phase != rules.Over {
					side := st.Active
					r, err := PlayPhase(st, cmd[side], func(o rules.Order) ([]rules.Event, error) {
						given[o.Side]++
						return st.Apply(o)
					})
					if err != nil {
						t.Fatal(err)
					}
					refused[side] += r
				}
			}
			for _, side := range rules.Sides {
				if refused[side]*1000 >= max(1, given[side]) {
					t.Errorf("%s, %s %s: %d of %d orders refused", sc.ID, sc.Setup.SideIDs.Of(side), lv, refused[side], given[side])
				}
			}
		}
	}
}
