package ai

import (
	"reflect"
	"testing"

	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/scenarios"
)

// searchedPhases is how many phases of each battle TestNoCheatingInAnyBattle
// has the hard level search (twice each: it plays whole battles).
const searchedPhases = 3

// No commander cheats, in any battle: at the start of phases of every
// scenario, the facts a side cannot know (the hull and shields of enemy ships
// it does not see, the mines of an enemy field that is cloaked) are changed,
// and the side's view and the orders of its commanders at every level stay
// the same; the hard level's search, in the first searchedPhases of them,
// scores its postures alike. (A battle where nothing is ever hidden, every
// ship in sight, compares nothing.)
func TestNoCheatingInAnyBattle(t *testing.T) {
	all, err := scenario.All(scenarios.FS)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	defer func() {
		if total == 0 {
			t.Fatal("no phase of any battle had hidden facts to change: the test proves nothing")
		}
	}()
	for _, sc := range all {
		t.Run(sc.ID, func(t *testing.T) {
			st, err := sc.NewState(5)
			if err != nil {
				t.Fatal(err)
			}
			cmd := [2]Commander{New(rules.SideA, Normal), New(rules.SideB, Normal)}
			compared, hidden, searched := 0, 0, 0
			for st.Phase != rules.Over {
				if st.Phase == rules.Battle {
					side := st.Active
					b := st.Clone()
					n := hide(b, side)
					hidden += n
					va, vb := st.View(side), b.View(side)
					if !reflect.DeepEqual(va, vb) {
						t.Fatalf("turn %d: the %s's view changed with facts it cannot see", st.Turn, st.SideID(side))
					}
					if n > 0 {
						for _, l := range levels {
							if l == Hard && searched >= searchedPhases {
								continue
							}
							ca, cb := newCommander(l), newCommander(l)
							oa, ob := ca.Orders(va), cb.Orders(b.View(side))
							if !reflect.DeepEqual(oa, ob) {
								t.Fatalf("turn %d: the %s at %s gives other orders when hidden facts differ", st.Turn, st.SideID(side), l)
							}
							if l == Hard {
								// The search itself: the same battles sampled, the same scores.
								if !reflect.DeepEqual(ca.search.scores, cb.search.scores) || !reflect.DeepEqual(ca.search.diff, cb.search.diff) {
									t.Fatalf("turn %d: the %s's search scored its postures %v, and %v when hidden facts differ", st.Turn, st.SideID(side), ca.search.scores, cb.search.scores)
								}
								searched++
							}
						}
						compared++
					}
				}
				if _, err := PlayPhase(st, cmd[st.Active], st.Apply); err != nil {
					t.Fatal(err)
				}
			}
			t.Logf("%d phases compared, %d hidden facts changed", compared, hidden)
			total += compared
		})
	}
}

// hide changes in s what side cannot know, as the engine's sensors say
// (State.Sees), and reports how many facts.
func hide(s *rules.State, side rules.Side) int {
	n := 0
	for i := range s.Ships {
		sh := &s.Ships[i]
		if sh.Side == side || !sh.Alive() || s.Sees(side, sh, nil) || s.Classes[sh.Class].Station {
			continue
		}
		sh.Hull = max(1, sh.Hull/2)
		sh.Shields = 0
		n++
	}
	for fi := range s.Fields {
		m := &s.Fields[fi]
		if m.Owner == side || !m.Cloaked {
			continue
		}
		for i := range m.Laid {
			if i%2 == 0 && m.Laid[i] {
				m.Laid[i], m.Lost[i] = false, true
				n++
			}
		}
	}
	return n
}
