package scene

import (
	"strings"
	"testing"

	"github.com/calltoarms/ds9/game/rules"
)

// TestBriefingOfTheSidePlayed: the briefing scene gives the side the player
// commands its own briefing when the scenario has one (the flagship's
// Dominion), else the scenario's; hot-seat and watching have the scenario's.
func TestBriefingOfTheSidePlayed(t *testing.T) {
	for _, c := range []struct {
		side string
		own  bool // the Dominion's own briefing is shown, else the scenario's
	}{
		{"dominion", true}, {"alliance", false}, {"hotseat", false}, {"watch", false},
	} {
		t.Run(c.side, func(t *testing.T) {
			p := newPlayer(t, Options{Scenario: "second-battle-of-ds9", Side: c.side, Scene: "briefing", Seed: 3})
			p.run(2)
			b, ok := p.g.scene.(*briefingScene)
			if !ok {
				t.Fatalf("scene %s", p.scene())
			}
			sc := b.sc
			if sc.Sides[rules.SideB].Briefing == "" || sc.Sides[rules.SideB].Briefing == sc.Briefing {
				t.Fatal("the flagship gives the Dominion no briefing of its own")
			}
			want := sc.Briefing
			if c.own {
				want = sc.Sides[rules.SideB].Briefing
			}
			shown := strings.Join(strings.Fields(strings.Join(b.lines, " ")), " ")
			if shown != strings.Join(strings.Fields(want), " ") {
				t.Errorf("the briefing shows %.120q…, want %.120q…", shown, strings.Join(strings.Fields(want), " "))
			}
		})
	}
}

// TestLongBriefingScrolls: on a wide screen a briefing longer than its
// panel scrolls with the wheel, as on a phone, rather than being cut.
func TestLongBriefingScrolls(t *testing.T) {
	p := newPlayer(t, Options{Scenario: "second-battle-of-ds9", Side: "dominion", Scene: "briefing", Seed: 3, Width: 800, Height: 600})
	p.run(2)
	b := p.g.scene.(*briefingScene)
	b.text = strings.Repeat(b.text+"\n\n", 3)
	b.wrapW = 0 // wrapped again
	p.run(1)
	if b.wrapC || b.col.height() <= b.col.area.h {
		t.Fatalf("compact %v; the text is %.0f high in a panel %.0f high", b.wrapC, b.col.height(), b.col.area.h)
	}
	p.point(b.col.area.x+b.col.area.w/2, b.col.area.y+b.col.area.h/2)
	p.in.wheel = -5
	p.step()
	if b.col.scroll <= 0 {
		t.Errorf("the wheel did not scroll the briefing (scroll %.0f)", b.col.scroll)
	}
}
