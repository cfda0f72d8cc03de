package play

import (
	"math"
	"testing"
	"time"

	"github.com/calltoarms/ds9/game/rules"
)

// The advisor answers in the background: the answer for the phase grows to
// its N battles, its chances sum to 1, a new phase's answer starts afresh,
// and Stop ends the work.
func TestAdvisor(t *testing.T) {
	s, c := allianceTurn(t)
	a := NewAdvisor(6)
	key := c.View.Turn*2 + int(c.View.Active)
	a.Start(s, rules.SideA, key)
	a.Start(s, rules.SideA, key) // the same phase: nothing new
	deadline := time.Now().Add(30 * time.Second)
	for {
		n, done := a.Played(key)
		if done {
			if n != 6 {
				t.Fatalf("done after %d battles, want 6", n)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("not done after 30 s (%d battles)", n)
		}
		time.Sleep(10 * time.Millisecond)
	}
	ch, done, err := a.Chances(key)
	if err != nil || !done || ch.N != 6 {
		t.Fatalf("chances %+v done %v err %v", ch, done, err)
	}
	sum := 0.0
	for _, o := range ch.Chance {
		sum += o.P
	}
	if math.Abs(sum-1) > 1e-9 {
		t.Fatalf("chances sum to %v", sum)
	}
	if ch, _, _ := a.Chances(key + 1); ch.N != 0 {
		t.Error("another phase has an answer before it was asked")
	}
	a.Start(s, rules.SideA, key+1)
	a.Stop()
	if n, _ := a.Played(key + 1); n > 6 {
		t.Errorf("%d battles after Stop", n)
	}
}

// What-if advice: the chances if the side gave an order first; an order the
// battle refuses is an error, not an answer.
func TestAdvisorWhatIf(t *testing.T) {
	s, c := allianceTurn(t)
	phase := c.View.Turn*2 + int(c.View.Active)
	wait := func(a *Advisor, key int) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for {
			if _, done := a.Played(key); done {
				return
			}
			if time.Now().After(deadline) {
				t.Fatal("no answer after 30 s")
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	a := NewAdvisor(4)
	end := rules.Order{Kind: rules.EndPhase, Side: rules.SideA}
	a.StartAfter(s, rules.SideA, 77, phase, &end)
	wait(a, 77)
	if ch, _, err := a.Chances(77); err != nil || ch.N != 4 {
		t.Fatalf("what-if of ending the phase: %+v %v", ch, err)
	}
	bad := rules.Order{Kind: rules.Move, Side: rules.SideA, Ship: 0, Path: nil}
	a.StartAfter(s, rules.SideA, 78, phase, &bad)
	wait(a, 78)
	if _, _, err := a.Chances(78); err == nil {
		t.Error("a refused order gave an answer")
	}
}

// The look back over a finished battle: a chance of winning for every turn,
// each between 0 and 1, worked out in the background.
func TestTurnChances(t *testing.T) {
	sc := loadFlagship(t)
	s, err := NewSession(sc, 4, PlayersFor(sc, "watch", "normal"))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.PlayOut(); err != nil {
		t.Fatal(err)
	}
	tc := StartTurnChances(s, rules.SideA, 2)
	deadline := time.Now().Add(60 * time.Second)
	for {
		done, all, err := tc.Progress()
		if err != nil {
			t.Fatal(err)
		}
		if done == all {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d turns after 60 s", done, all)
		}
		time.Sleep(20 * time.Millisecond)
	}
	p, all, _ := tc.P()
	if all != s.Public().Turn || len(p) != all {
		t.Fatalf("%d chances for %d turns (the battle ended on turn %d)", len(p), all, s.Public().Turn)
	}
	for i, x := range p {
		if x < 0 || x > 1 {
			t.Errorf("turn %d: chance %v", i+1, x)
		}
	}
	t.Logf("the Alliance's chance of winning by turn: %v (outcome %s)", p, s.Summary().Outcome)
}
