package ai

import (
	"testing"

	"github.com/calltoarms/ds9/game/rules"
)

// TestBaselineBattleInvariants plays whole baseline battles and checks the
// state's invariants after every order, legal or refused; a refused order must
// leave the checksum unchanged.
func TestBaselineBattleInvariants(t *testing.T) {
	sc := flagship(t)
	for seed := uint64(1); seed <= 3; seed++ {
		st, err := sc.NewState(seed)
		if err != nil {
			t.Fatal(err)
		}
		if err := st.CheckInvariants(); err != nil {
			t.Fatalf("seed %d: initial state: %v", seed, err)
		}
		orders, refused := 0, 0
		apply := func(o rules.Order) ([]rules.Event, error) {
			before := st.Checksum()
			ev, err := st.Apply(o)
			if err != nil {
				refused++
				if after := st.Checksum(); after != before {
					t.Fatalf("seed %d: refused order %v changed the checksum", seed, o)
				}
			} else {
				orders++
			}
			if ierr := st.CheckInvariants(); ierr != nil {
				t.Fatalf("seed %d: after order %d (%v): %v", seed, orders, o, ierr)
			}
			return ev, err
		}
		cmd := [2]Commander{Baseline{}, Baseline{}}
		if err := Play(st, cmd, apply); err != nil {
			t.Fatal(err)
		}
		if st.Phase != rules.Over {
			t.Fatalf("seed %d: battle not over", seed)
		}
		sum := st.Summarize()
		t.Logf("seed %d: %d orders (%d refused), %s after %d turns, losses %+v", seed, orders, refused, sum.Outcome, sum.Turns, sum.Losses)
		if sum.Forces[rules.SideB].N < 250 {
			t.Errorf("seed %d: only %d Dominion ships took part", seed, sum.Forces[rules.SideB].N)
		}
	}
}

// TestBaselineDeterministic plays the same seed twice and compares checksums.
func TestBaselineDeterministic(t *testing.T) {
	sc := flagship(t)
	var sums [2]string
	for i := range sums {
		st, _ := sc.NewState(7)
		if err := Play(st, [2]Commander{Baseline{}, Baseline{}}, nil); err != nil {
			t.Fatal(err)
		}
		sums[i] = st.ChecksumHex()
	}
	if sums[0] != sums[1] {
		t.Fatalf("same seed, different checksums: %s %s", sums[0], sums[1])
	}
}

func BenchmarkBaselineBattle(b *testing.B) {
	sc := flagship(b)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		st, _ := sc.NewState(uint64(i))
		if err := Play(st, [2]Commander{Baseline{}, Baseline{}}, nil); err != nil {
			b.Fatal(err)
		}
	}
}
