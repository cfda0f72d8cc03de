package scene

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/ui/render"
)

// TestIrreversibleOrdersAsked: evacuating the station and accepting the
// terms are asked first; "no" gives no order, "yes" gives it.
func TestIrreversibleOrdersAsked(t *testing.T) {
	p := battleAt(t, "alliance")
	b := p.battle()
	before := b.s.OrderCount()
	p.tap(ebiten.KeyX) // evacuate
	if b.ask == nil || b.s.OrderCount() != before {
		t.Fatalf("the evacuation was not asked first (asked %v, orders %d → %d)", b.ask != nil, before, b.s.OrderCount())
	}
	p.tap(ebiten.KeyEscape) // no
	if b.ask != nil || b.s.OrderCount() != before || b.menu != nil {
		t.Fatalf("no: asked %v, orders %d → %d, menu %v", b.ask != nil, before, b.s.OrderCount(), b.menu != nil)
	}
	p.tap(ebiten.KeyX)
	p.tap(ebiten.KeyY) // yes
	o, ok := lastOrder(b.s)
	if b.ask != nil || !ok || o.Kind != rules.Evacuate {
		t.Fatalf("yes: asked %v, last order %+v", b.ask != nil, o)
	}

	// The terms: accepting is asked; refusing is not.
	q := newPlayer(t, Options{Scenario: "second-battle-of-ds9", Side: "alliance", Scene: "briefing", Seed: 8})
	q.run(2)
	br := q.g.scene.(*briefingScene)
	q.tap(ebiten.KeyA)
	if br.ask == nil || q.scene() != "briefing" {
		t.Fatalf("accepting the terms was not asked (scene %s)", q.scene())
	}
	q.tap(ebiten.KeyN) // no
	if br.ask != nil || q.scene() != "briefing" {
		t.Fatalf("no: scene %s", q.scene())
	}
	q.tap(ebiten.KeyA)
	q.tap(ebiten.KeyY)
	q.until("the battle", 10, func() bool { return q.scene() == "battle" })
	if st := q.battle().s.Public(); st.Phase != rules.Over {
		t.Fatalf("the terms accepted: phase %v", st.Phase)
	}
}

// TestTouchTapTwiceToFire: on a touch screen the first tap on a target
// fires nothing (its preview shows); the second fires. With a mouse, one
// click fires.
func TestTouchTapTwiceToFire(t *testing.T) {
	for _, touch := range []bool{true, false} {
		p := battleAt(t, "alliance")
		b := p.battle()
		c := b.ctl
		p.g.Input.TouchDevice = touch
		var own, enemy []rules.ShipID
		for i := range c.View.Ships {
			if sh := &c.View.Ships[i]; sh.Alive() && sh.Side == c.Side && sh.Actions > 0 {
				own = append(own, sh.ID)
			} else if sh.Alive() {
				enemy = append(enemy, sh.ID)
			}
		}
		fired := false
		for _, id := range own {
			sh := c.View.Ship(id)
			if fired || sh == nil {
				continue
			}
			p.clickHex(sh.Pos)
			if c.Selected != id {
				continue
			}
			for _, tid := range enemy {
				tg := c.View.Ship(tid)
				if tg == nil || !c.HoverAt(tg.Pos).Attack {
					continue
				}
				n := b.s.OrderCount()
				p.clickHex(tg.Pos)
				if touch {
					if b.s.OrderCount() != n {
						t.Fatalf("touch: the first tap on %s fired", tg.Name)
					}
					p.clickHex(tg.Pos)
				}
				if b.s.OrderCount() != n+1 {
					t.Fatalf("touch %v: no order after the tap(s) on %s: %s", touch, tg.Name, c.Msg)
				}
				fired = true
				break
			}
		}
		if !fired {
			t.Fatalf("touch %v: no ship of the Alliance had a target to try", touch)
		}
	}
}

// TestReportSaysWhoWon: the report says plainly whether the person who
// played won or lost, or who won when no one played alone, with the scores.
func TestReportSaysWhoWon(t *testing.T) {
	for _, side := range []string{"alliance", "dominion", "watch"} {
		p := newPlayer(t, Options{Scenario: "second-battle-of-ds9", Side: side, Scene: "report", Seed: 7})
		p.run(2)
		r := p.g.scene.(*reportScene)
		o, _ := r.s.Outcome()
		winner := r.s.Scenario.Setup.SideIDs.Of(o.Winner)
		var want string
		switch {
		case side == "watch":
			want = "won. Scores:"
		case side == winner:
			want = "You won"
		default:
			want = "You lost"
		}
		if !strings.HasPrefix(r.verdict, want) && !strings.Contains(r.verdict, want) || !strings.Contains(r.verdict, "Scores:") {
			t.Errorf("%s, outcome %s won by %s: %q", side, o.ID, winner, r.verdict)
		}
	}
}

// TestEnemyPhaseSummary: when the player's phase begins, the log says what
// the enemy's phase did, counted from what the side was told: here the
// Dominion's ships lost to the perimeter, as the engine's events count them.
func TestEnemyPhaseSummary(t *testing.T) {
	p := battleAt(t, "alliance")
	b := p.battle()
	lost := b.ctl.View.Losses
	p.endPhase()
	p.until("the player's next phase", 20000, func() bool { return p.myTurn() })
	after := b.ctl.View.Losses
	var found string
	for i := 0; i < 40; i++ {
		if l := b.log().Last(i); l != nil && strings.HasPrefix(l.Text, "While the Dominion moved") {
			found = l.Text
			break
		}
	}
	if found == "" {
		t.Fatal("no summary of the enemy's phase in the log")
	}
	want := fmt.Sprintf("the Dominion %d ships", after[rules.SideB]-lost[rules.SideB])
	if after[rules.SideB]-lost[rules.SideB] == 1 {
		want = "the Dominion 1 ship"
	}
	if !strings.Contains(found, want) {
		t.Errorf("summary %q, want it to say %q", found, want)
	}
	t.Log(found)
}

// TestLogScrolls: the wheel over the log box shows earlier entries, and
// back down the newest; the map's zoom does not move.
func TestLogScrolls(t *testing.T) {
	p := battleAt(t, "alliance")
	b := p.battle()
	if b.log().Len() < 6 {
		t.Fatalf("only %d log entries", b.log().Len())
	}
	lb := b.hud.logBox
	p.point(lb.x+lb.w/2, lb.y+lb.h/2)
	zoom := b.cam.TZoom
	p.in.wheel = 3
	p.step()
	p.step()
	if b.hud.logBack != 3 || b.cam.TZoom != zoom {
		t.Fatalf("after three notches up: back %d, zoom %.3f → %.3f", b.hud.logBack, zoom, b.cam.TZoom)
	}
	first := b.hud.logLines()[0].text
	want := render.WrapText(b.log().Last(3).Text, p.g.Fonts.Small, lb.w-p.g.U(24))
	if last := want[len(want)-1]; !strings.HasSuffix(first, strings.TrimSpace(last)) {
		t.Errorf("the newest line shown is %q, want the end of entry 3 back, %q", first, last)
	}
	p.in.wheel = -10
	p.step()
	if b.hud.logBack != 0 {
		t.Errorf("after ten notches down: back %d", b.hud.logBack)
	}
}

// TestIntentOnHover: hovering an enemy ship of a wing tells what its wing
// means to do, as its arrow shows it.
func TestIntentOnHover(t *testing.T) {
	p := battleAt(t, "alliance")
	b := p.battle()
	c := b.ctl
	c.Deselect()
	for i := range c.View.Ships {
		sh := &c.View.Ships[i]
		if sh.Side == c.Side || !sh.Alive() || sh.Wing < 0 {
			continue
		}
		verb := b.intentOf(sh.Wing)
		if verb == "" {
			continue
		}
		p.pointHex(sh.Pos)
		p.step()
		b.hud.tooltipFor() // (as the frame's drawing does)
		tip := strings.Join(b.hud.tip, " | ")
		if !strings.Contains(tip, verb) {
			t.Fatalf("hovering %s: tip %q, want its wing's intent %q", sh.Name, tip, verb)
		}
		return
	}
	t.Fatal("no enemy wing with an intent in view")
}
