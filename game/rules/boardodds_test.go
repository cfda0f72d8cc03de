package rules

import (
	"math"
	"testing"
)

// TestBoardOddsFollowTheDice: the odds the view gives are what the engine's
// boarding fights come to: over many boardings from the same state, the
// share of captures and of parties thrown back and the mean defenders
// killed match the odds.
func TestBoardOddsFollowTheDice(t *testing.T) {
	for _, tc := range []struct {
		troops, garrison int
		powered          bool
	}{{10, 200, true}, {10, 200, false}, {30, 40, false}, {6, 5, false}, {8, 3, true}} {
		o := boardOdds(tc.troops, tc.garrison, tc.powered)
		s := &State{}
		s.pcg.Seed(7, uint64(tc.troops))
		const n = 20000
		captured, repulsed, killed := 0, 0, 0
		for range n {
			k, back := BoardingFight(tc.troops, BoardMin+s.roll(BoardMax-BoardMin+1), tc.powered)
			k = min(k, tc.garrison)
			killed += k
			switch {
			case k == tc.garrison:
				captured++
			case back:
				repulsed++
			}
		}
		near := func(what string, got, want float64) {
			if math.Abs(got-want) > 0.02+0.03*want {
				t.Errorf("%+v: %s %.3f measured, %.3f in the odds", tc, what, got, want)
			}
		}
		near("capture", float64(captured)/n, o.Capture)
		near("repulse", float64(repulsed)/n, o.Repulse)
		near("killed", float64(killed)/n, o.Killed)
		if sum := o.Capture + o.Repulse; sum > 1+1e-9 {
			t.Errorf("%+v: capture and repulse add to %.3f", tc, sum)
		}
	}
	if o := boardOdds(5, 0, true); o.Capture != 1 || o.Repulse != 0 {
		t.Errorf("no garrison: %+v", o)
	}
}

// TestViewBoardOdds: the view gives the odds of a legal boarding from the
// station's garrison and power as the side sees them, and the engine's own
// refusal for an illegal one.
func TestViewBoardOdds(t *testing.T) {
	s, st, jems := boardingSetup(t, 1)
	v := s.View(SideB)
	o, err := v.BoardOdds(jems[0], st)
	if err != nil {
		t.Fatal(err)
	}
	if want := boardOdds(s.Classes[clsJem].Troops, s.Ships[st].Garrison, s.Ships[st].MainPower); o != want {
		t.Errorf("odds %+v, want %+v", o, want)
	}
	s.Ships[st].Shields = 5
	if _, err := s.View(SideB).BoardOdds(jems[0], st); err == nil {
		t.Error("odds of a boarding with the station's shields up")
	}
}
