package scene

import (
	"fmt"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

// TestScreensFit: on phones (upright and on their side) and the usual
// windows, the title's, the briefing's, the report's and the campaign
// page's menus lie inside the screen and cover neither each other nor the
// text (the title's heading, the briefing's, the report's, the page's),
// which keeps room enough; the
// briefing that does not fit a phone scrolls to its end.
func TestScreensFit(t *testing.T) {
	for _, sz := range hudSizes {
		for _, scene := range []string{"title", "briefing", "report", "campaign"} {
			t.Run(fmt.Sprintf("%s-%dx%d", scene, sz.w, sz.h), func(t *testing.T) {
				p := newPlayer(t, Options{Scenario: "second-battle-of-ds9", Scene: scene, Seed: 2, Width: sz.w, Height: sz.h, Touch: sz.touch})
				p.run(2)
				g := p.g
				var menu *menuList
				var text rect // where the text goes, that the menu must not cover
				switch s := g.scene.(type) {
				case *titleScene:
					menu = s.menu
					text = rect{0, 0, g.W, g.H*0.12 + g.Fonts.TitH + g.Fonts.HeadH}
				case *briefingScene:
					menu = s.menu
					if s.wrapC {
						text = s.col.area
						// Scroll to the end: the last line shows.
						for range 40 {
							p.point(text.x+text.w/2, text.y+text.h/2)
							p.in.wheel = -1
							p.step()
						}
						if end := s.col.height() - (text.h - g.U(40)); end > 0 && s.col.scroll < end-0.5 {
							t.Errorf("the briefing scrolls to %.0f of %.0f", s.col.scroll, end)
						}
					} else {
						_, text = s.panels(g)
						text.h = menu.items[0].r.y - text.y // the right panel's text ends over the menu
					}
				case *reportScene:
					menu = s.menu
					text = s.layout(g).main
				case *campaignScene:
					menu = s.menu
					text, _, _, _ = s.layout(g)
				default:
					t.Fatalf("scene %T", g.scene)
				}
				screen := rect{0, 0, g.W, g.H}
				if _, title := g.scene.(*titleScene); !title && (text.h < min(g.U(150), g.H*0.3) || text.w < g.U(200)) {
					t.Errorf("the text has only %v", text)
				}
				for i, it := range menu.items {
					r := it.r
					if r.x < screen.x || r.y < screen.y || r.x+r.w > screen.w+0.01 || r.y+r.h > screen.h+0.01 {
						t.Errorf("menu row %q %v is not inside the screen %.0fx%.0f", it.label, r, g.W, g.H)
					}
					if r.overlaps(text) {
						t.Errorf("menu row %q %v covers the text %v", it.label, r, text)
					}
					for _, q := range menu.items[:i] {
						if r.overlaps(q.r) {
							t.Errorf("menu row %q covers %q", it.label, q.label)
						}
					}
				}
			})
		}
	}
}

// TestBattleMenuFits: the battle's Esc menu, on phones and the usual
// windows: its rows lie inside its box, over its hint, and inside the
// screen, none over another.
func TestBattleMenuFits(t *testing.T) {
	for _, sz := range hudSizes {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			p := newPlayer(t, Options{Scenario: "second-battle-of-ds9", Scene: "battle", Seed: 2, Width: sz.w, Height: sz.h, Touch: sz.touch})
			p.run(2)
			p.tap(ebiten.KeyEscape)
			m := p.battle().menu
			if m == nil {
				t.Fatal("no menu after Esc")
			}
			g := p.g
			box := m.box
			if box.x < 0 || box.y < 0 || box.x+box.w > g.W+0.01 || box.y+box.h > g.H+0.01 {
				t.Errorf("the menu's box %v is not inside the screen %.0fx%.0f", box, g.W, g.H)
			}
			for i, it := range m.list.items {
				r := it.r
				if r.x < box.x || r.y < box.y || r.x+r.w > box.x+box.w || r.y+r.h > box.y+box.h-g.U(40) {
					t.Errorf("row %q %v is not inside the box %v, over its hint", it.label, r, box)
				}
				for _, q := range m.list.items[:i] {
					if r.overlaps(q.r) {
						t.Errorf("row %q covers %q", it.label, q.label)
					}
				}
			}
		})
	}
}
