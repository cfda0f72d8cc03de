package ai

import (
	"testing"

	"github.com/calltoarms/ds9/game/rules"
)

// BenchmarkDominionPhase plans a whole Dominion phase of a battle in full swing
// (some 250 ships on the map).
func BenchmarkDominionPhase(b *testing.B) {
	st := newBattle(b, 1)
	playUntil(b, st, func(s *rules.State) bool { return s.Turn == 4 && s.Active == rules.SideB && s.Phase == rules.Battle })
	v := st.View(rules.SideB)
	c := New(rules.SideB, Normal)
	c.Orders(v)
	b.ReportAllocs()
	for b.Loop() {
		c.Orders(v)
	}
}

// BenchmarkBattle plays a whole flagship battle, normal against normal.
func BenchmarkBattle(b *testing.B) {
	sc := flagship(b)
	b.ReportAllocs()
	seed := uint64(0)
	for b.Loop() {
		seed++
		st, err := sc.NewState(seed)
		if err != nil {
			b.Fatal(err)
		}
		if err := Play(st, [2]Commander{New(rules.SideA, Normal), New(rules.SideB, Normal)}, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRollout plays out the rest of a flagship battle from the start of
// turn 5, sampled from the Dominion's view: one of the advisor's battles.
func BenchmarkRollout(b *testing.B) {
	sc := flagship(b)
	st := newBattle(b, 1)
	playUntil(b, st, func(s *rules.State) bool { return s.Turn == 5 && s.Phase == rules.Battle })
	v := st.View(st.Active)
	seed := uint64(0)
	b.ReportAllocs()
	for b.Loop() {
		seed++
		if _, err := PlayOut(sc.Setup, v, seed, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHardPhase is the hard level's search of a flagship phase at the
// start of the battle (whole battles ahead: its longest), for each side:
// the budget is a second natively.
func BenchmarkHardPhase(b *testing.B) {
	for _, side := range rules.Sides {
		b.Run(flagship(b).Setup.SideIDs.Of(side), func(b *testing.B) {
			st := newBattle(b, 1)
			playUntil(b, st, func(s *rules.State) bool { return s.Active == side && s.Phase == rules.Battle })
			v := st.View(side)
			b.ReportAllocs()
			for b.Loop() {
				c := newCommander(Hard)
				c.Think(v, nil)
			}
		})
	}
}
