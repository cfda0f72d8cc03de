package scene

import (
	"math"
	"strings"
	"testing"

	"github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/replay"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/ui/play"
	"github.com/calltoarms/ds9/game/ui/render"
)

// TestDirectorKeepsTheFog watches the historical battle in the replay viewer
// from the Dominion's side, order by order, and reads what the director made
// of each: no effect is put at the hex of a ship the Dominion sees neither
// before nor after the order (unless an event it was told gives that hex),
// and no line of its log names such a ship. The battle itself is re-played
// beside it, to know where the hidden ships are. (In this battle the
// Rotarran, in the Dominion's sight, covers the Defiant out of it: a front
// end that drew the cover's link to the Defiant fails here.)
func TestDirectorKeepsTheFog(t *testing.T) {
	const file = "../../../scenarios/replays/second-battle-of-ds9-historical.json"
	p := newPlayer(t, Options{Replay: file, Seed: 1})
	p.run(2)
	b := p.battle()
	if b == nil || b.rp == nil {
		t.Fatalf("no replay: %+v", p.g.Status())
	}
	b.viewSide(rules.SideB)
	rec, err := replay.NewRecorder(b.s.Scenario, b.rp.f.Seed, b.rp.f.Players)
	if err != nil {
		t.Fatal(err)
	}
	st := rec.State()
	log := &b.logs[rules.SideB]
	effects, links := 0, 0
	for pos, o := range b.rp.orders {
		before := b.ctl.View
		was := map[rules.ShipID]hex.Hex{}
		for i := range st.Ships {
			if sh := &st.Ships[i]; sh.Alive() {
				was[sh.ID] = sh.Pos
			}
		}
		_, told, err := rec.ApplyRedacted(o)
		if err != nil {
			t.Fatalf("order %d: %v", pos+1, err)
		}
		b.fx.Clear()
		had := log.Len()
		if !b.rpApply(true) {
			t.Fatalf("the viewer stops at order %d: %s", pos+1, b.rp.broken)
		}
		after := b.ctl.View
		k := play.Sight{Before: before, After: after}
		seen := func(id rules.ShipID) bool { return k.Ship(id) != nil }
		// The hexes of the ships the Dominion does not see, in world space,
		// but those the events it was told give.
		given := map[hex.Hex]bool{}
		for _, e := range told[rules.SideB] {
			pl := play.PlaceOf(e)
			if pl.HasFrom {
				given[pl.From] = true
			}
			if pl.HasTo {
				given[pl.To] = true
			}
		}
		hide := map[[2]int]string{}
		for i := range st.Ships {
			sh := &st.Ships[i]
			if sh.Side == rules.SideB || seen(sh.ID) {
				continue
			}
			add := func(h hex.Hex) {
				if !given[h] {
					x, y := play.WorldLayout().ToPixel(h)
					hide[[2]int{int(math.Round(x)), int(math.Round(y))}] = sh.Name
				}
			}
			if h, ok := was[sh.ID]; ok {
				add(h)
			}
			if sh.Alive() {
				add(sh.Pos)
			}
		}
		b.fx.Each(func(e *render.Effect) {
			effects++
			pts := [][2]float32{{e.X0, e.Y0}}
			switch e.Kind() {
			case render.FxBeam, render.FxBolt, render.FxTorpedo, render.FxLink, render.FxWarp:
				pts = append(pts, [2]float32{e.X1, e.Y1})
			}
			if e.Kind() == render.FxLink {
				links++
			}
			for _, pt := range pts {
				key := [2]int{int(math.Round(float64(pt[0]))), int(math.Round(float64(pt[1])))}
				if name, ok := hide[key]; ok {
					t.Errorf("order %d (%v): an effect (kind %d) at %v, the hex of %s, which the Dominion does not see", pos+1, o.Kind, e.Kind(), pt, name)
				}
			}
		})
		for i := log.Len() - had - 1; i >= 0; i-- {
			l := log.Last(i).Text
			for j := range st.Ships {
				sh := &st.Ships[j]
				if sh.Side != rules.SideB && !seen(sh.ID) && strings.Contains(l, sh.Name) {
					t.Errorf("order %d (%v): the Dominion's log says %q, naming %s, which it does not see", pos+1, o.Kind, l, sh.Name)
				}
			}
		}
		if t.Failed() {
			t.FailNow()
		}
	}
	if st.Phase != rules.Over || effects < 1000 || links == 0 {
		t.Fatalf("the battle ends %v after %d effects, %d of them cover links", st.Phase, effects, links)
	}
	t.Logf("%d orders, %d effects (%d cover links) shown to the Dominion; %d lines in its log", len(b.rp.orders), effects, links, log.Len())
}
