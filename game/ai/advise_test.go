package ai

import (
	"fmt"
	"math"
	"testing"

	"github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/scenarios"
)

// A battle sampled from a side's view is a legal battle with that side's
// knowledge: its own ships and the enemies it sees as the view has them, and
// the same sample whatever the view does not show (two battles that differ
// only in hidden facts give the same sample).
func TestSampleFromTheView(t *testing.T) {
	sc := flagship(t)
	st, err := sc.NewState(3)
	if err != nil {
		t.Fatal(err)
	}
	playUntil(t, st, func(s *rules.State) bool { return s.Turn == 5 && s.Active == rules.SideB && s.Phase == rules.Battle })
	for _, side := range rules.Sides {
		v := st.View(side)
		s1, err := rules.Sample(sc.Setup, v, 7)
		if err != nil {
			t.Fatalf("%s: %v", sc.Setup.SideIDs.Of(side), err)
		}
		if own, err := v.Sample(7); err != nil || own.Checksum() != s1.Checksum() {
			t.Fatalf("%s: View.Sample differs from Sample with the setup (%v)", sc.Setup.SideIDs.Of(side), err)
		}
		if _, err := (&rules.View{}).Sample(7); err == nil {
			t.Fatal("a view built by hand sampled a battle")
		}
		sv := s1.View(side)
		for i := range v.Ships {
			a := &v.Ships[i]
			b := sv.Ship(a.ID)
			if a.Side == side && (b == nil || b.Pos != a.Pos || b.Hull != a.Hull || b.Status != a.Status || b.Shields != a.Shields) {
				t.Fatalf("%s's own %s: %+v in the sample, %+v in the view", sc.Setup.SideIDs.Of(side), a.Name, b, a)
			}
		}
		// An enemy field still being laid, its mines all out of the side's
		// knowledge: guessed as laid a mine a phase since the start (fewer
		// where ships stand on the positions), more than the setup laid.
		blind := *v
		blind.Mines = nil
		sb, err := rules.Sample(sc.Setup, &blind, 7)
		if err != nil {
			t.Fatal(err)
		}
		for fi, f := range sb.Fields {
			if f.Owner == side || v.Fields[fi].Active || v.Fields[fi].Down {
				continue
			}
			start := len(sc.Setup.Minefields[fi].Laid)
			want := min(len(f.Positions), start+v.Turn) // the Alliance moves first: 5 phases by the Dominion's fifth
			if got := f.LaidCount(); got > want || got <= start {
				t.Errorf("%s: the enemy's field %s sampled blind with %d mines laid, want %d at most and more than the setup's %d", sc.Setup.SideIDs.Of(side), f.ID, got, want, start)
			}
		}
		if s1.Losses != v.Losses || s1.Turn != v.Turn || s1.Active != v.Active {
			t.Errorf("sample: turn %d active %v losses %v; view %d %v %v", s1.Turn, s1.Active, s1.Losses, v.Turn, v.Active, v.Losses)
		}
		// The same view from a battle whose hidden facts differ: the same sample.
		other := st.Clone()
		for i := range other.Ships {
			if sh := &other.Ships[i]; sh.Side != side && v.Ship(sh.ID) == nil && sh.Alive() {
				sh.Hull = max(1, sh.Hull-1) // a hidden ship's hull
			}
		}
		s2, err := rules.Sample(sc.Setup, other.View(side), 7)
		if err != nil {
			t.Fatal(err)
		}
		if s1.Checksum() != s2.Checksum() {
			t.Errorf("%s: hidden facts changed the sample", sc.Setup.SideIDs.Of(side))
		}
		// Another seed: other guesses (which ships out of sight are lost).
		if s3, _ := rules.Sample(sc.Setup, v, 8); s3 != nil && sameStatuses(s1, s3) && hiddenLosses(v) > 0 {
			t.Errorf("%s: another seed gave the same guesses", sc.Setup.SideIDs.Of(side))
		}
	}
}

// The advisor's chances sum to 1, and a decided battle's outcome is certain.
func TestAdvise(t *testing.T) {
	sc := flagship(t)
	st, err := sc.NewState(2)
	if err != nil {
		t.Fatal(err)
	}
	playUntil(t, st, func(s *rules.State) bool { return s.Turn == 6 && s.Phase == rules.Battle })
	ch, err := Advise(sc.Setup, st.View(st.Active), 20, 1)
	if err != nil {
		t.Fatal(err)
	}
	sum := 0.0
	for _, c := range ch.Chance {
		sum += c.P
	}
	if math.Abs(sum-1) > 1e-9 || ch.N != 20 {
		t.Fatalf("chances %+v sum to %v", ch, sum)
	}
	t.Logf("turn 6, %s to move: %+v", sc.Setup.SideIDs.Of(st.Active), ch.Chance)
	if err := Play(st, [2]Commander{New(rules.SideA, Normal), New(rules.SideB, Normal)}, nil); err != nil {
		t.Fatal(err)
	}
	ch, err = Advise(sc.Setup, st.View(rules.SideA), 5, 1)
	if err != nil || len(ch.Chance) != 1 || ch.Chance[0].Outcome != st.Outcome || ch.Chance[0].P != 1 {
		t.Fatalf("after the end: %+v, %v (outcome %s)", ch, err, st.Outcome)
	}
}

// sameStatuses reports whether two battles have every ship in the same
// status.
func sameStatuses(a, b *rules.State) bool {
	for i := range a.Ships {
		if a.Ships[i].Status != b.Ships[i].Status {
			return false
		}
	}
	return true
}

// hiddenLosses is how many of the enemy's losses a view does not show.
func hiddenLosses(v *rules.View) int { return v.Losses[v.Side.Other()] }

// A battle sampled with the side's memory puts an enemy ship out of sight
// where the side last saw it, not where it started.
func TestSampleRemembering(t *testing.T) {
	st := newBattle(t, 3)
	playUntil(t, st, func(s *rules.State) bool { return s.Turn == 5 && s.Active == rules.SideA && s.Phase == rules.Battle })
	v := st.View(rules.SideA)
	tried := 0
	for i := range st.Ships {
		sh := &st.Ships[i]
		if sh.Side != rules.SideB || !sh.Alive() || sh.Status != rules.OnMap || v.Ship(sh.ID) != nil {
			continue
		}
		seen := sh.Pos // as if the Alliance had seen it here last
		s, err := v.SampleRemembering(7, func(id rules.ShipID) (hex.Hex, bool) { return seen, id == sh.ID })
		if err != nil {
			t.Fatal(err)
		}
		got := s.Ships[sh.ID]
		if got.Alive() && (got.Status != rules.OnMap || hex.Distance(got.Pos, seen) > 1) {
			t.Fatalf("%s, last seen at %v: sampled %v at %v", sh.Name, seen, got.Status, got.Pos)
		}
		if got.Alive() {
			tried++
		}
		if tried == 5 {
			break
		}
	}
	if tried == 0 {
		t.Fatal("no enemy ship out of sight to remember: the test proves nothing")
	}
}

// TestSampleOver: a battle sampled over an old one is the battle Sample
// gives, whatever the old one was (another scenario's, a sample of this
// view), and the old battle's clones and views are left as they were.
func TestSampleOver(t *testing.T) {
	sc := flagship(t)
	st := newBattle(t, 3)
	playUntil(t, st, func(s *rules.State) bool { return s.Turn == 5 && s.Active == rules.SideB && s.Phase == rules.Battle })
	other, err := scenario.Load(scenarios.FS, "torros-iii-raid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, side := range rules.Sides {
		v := st.View(side)
		want := func(seed uint64) uint64 {
			s, err := rules.Sample(sc.Setup, v, seed)
			if err != nil {
				t.Fatal(err)
			}
			return s.Checksum()
		}
		small, err := other.NewState(1)
		if err != nil {
			t.Fatal(err)
		}
		s1, err := rules.SampleOver(small, sc.Setup, v, 7, nil)
		if err != nil || s1.Checksum() != want(7) {
			t.Fatalf("%s: sampled over a smaller battle: not Sample's (%v)", sc.Setup.SideIDs.Of(side), err)
		}
		keep, kv := s1.Clone(), s1.View(side)
		keepSum, keepView := keep.Checksum(), fmt.Sprint(kv.Ships, kv.Wings)
		s2, err := rules.SampleOver(s1, sc.Setup, v, 8, nil)
		if err != nil || s2.Checksum() != want(8) {
			t.Fatalf("%s: sampled over a sample: not Sample's (%v)", sc.Setup.SideIDs.Of(side), err)
		}
		if keep.Checksum() != keepSum || fmt.Sprint(kv.Ships, kv.Wings) != keepView {
			t.Fatalf("%s: sampling over a battle changed its clone or its view", sc.Setup.SideIDs.Of(side))
		}
		s3, err := v.SampleRememberingOver(s2, 9, nil)
		if err != nil || s3.Checksum() != want(9) {
			t.Fatalf("%s: SampleRememberingOver: not Sample's (%v)", sc.Setup.SideIDs.Of(side), err)
		}
	}
}
