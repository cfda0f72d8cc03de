package scene

import (
	"fmt"
	"strings"
	"testing"

	"github.com/calltoarms/ds9/game/rules"
)

// TestHUDKeepsInside: at every window size, phones' included (with the
// panel folded out), with the station selected (the
// longest side panel: every section and weapon), the panel's text stays
// inside the panel, and no label of an enemy wing's intent covers the HUD
// or another label.
func TestHUDKeepsInside(t *testing.T) {
	for _, sz := range hudSizes {
		for _, id := range []string{"operation-return", "second-battle-of-ds9"} {
			t.Run(fmt.Sprintf("%s-%dx%d", id, sz.w, sz.h), func(t *testing.T) {
				p := newPlayer(t, Options{Scenario: id, Scene: "battle", Seed: 2, Width: sz.w, Height: sz.h, Touch: sz.touch})
				p.run(2)
				b := p.battle()
				b.hud.panelOpen = true
				for i := range b.ctl.View.Ships {
					sh := &b.ctl.View.Ships[i]
					if b.ctl.View.Class(sh).Station && sh.Side == b.ctl.Side {
						b.ctl.Selected = sh.ID
					}
				}
				if b.ctl.Selected == rules.NoShip {
					t.Skip("the side commands no station")
				}
				b.showIntent = true
				p.run(2)
				h := b.hud
				bottom := h.panel.y + h.panel.h
				for _, l := range h.lines {
					if l.x >= h.panel.x && l.y >= h.panel.y && l.y+p.g.Fonts.SmallH > bottom {
						t.Errorf("%q at y %.0f runs past the panel's bottom %.0f", l.text, l.y, bottom)
					}
				}
				for _, br := range h.bars {
					if br.r.x >= h.panel.x && br.r.y+br.r.h > bottom {
						t.Errorf("a bar at y %.0f runs past the panel's bottom %.0f", br.r.y, bottom)
					}
				}
				b.updateIntents()
				b.placeIntentLabels()
				shown := 0
				for i, r := range b.labelRects {
					if r.w == 0 {
						continue
					}
					shown++
					for _, q := range h.boxes() {
						if r.overlaps(q) {
							t.Errorf("label %q covers the HUD", b.intents[i].label)
						}
					}
					for j, q := range b.labelRects[:i] {
						if r.overlaps(q) {
							t.Errorf("label %q covers %q", b.intents[i].label, b.intents[j].label)
						}
					}
				}
				t.Logf("%d intents, %d labels shown", len(b.intents), shown)
			})
		}
	}
}

// TestAutoScale: the interface's size follows the screen, within bounds.
func TestAutoScale(t *testing.T) {
	for _, tc := range []struct {
		w, h  float64
		touch bool
		want  float64
	}{
		{1280, 720, false, 1},
		{800, 600, false, 0.8},
		{1920, 1080, false, 1.5},
		{3840, 2160, false, 3},
		{7680, 4320, false, 3},
		{1366, 768, false, 1.05},
		{390, 844, true, 1},
		{844, 390, true, 1},
	} {
		if got := autoScale(tc.w, tc.h, tc.touch); got != tc.want {
			t.Errorf("%vx%v touch %v: %.2f, want %.2f", tc.w, tc.h, tc.touch, got, tc.want)
		}
	}
}

// TestOptionArrows: a click on an option's "‹" steps back, on its "›" (or
// elsewhere on the row) steps on.
func TestOptionArrows(t *testing.T) {
	p := newPlayer(t, Options{})
	p.run(2)
	ts := p.g.scene.(*titleScene)
	it := &ts.menu.items[ts.iLevel]
	start := it.value // normal
	p.click(it.back+p.g.U(10), it.r.y+it.r.h/2)
	if it.value != start-1 {
		t.Fatalf("a click on ‹: level %d, want %d", it.value, start-1)
	}
	p.click(it.r.x+it.r.w-p.g.U(20), it.r.y+it.r.h/2)
	if it.value != start {
		t.Fatalf("a click on ›: level %d, want %d", it.value, start)
	}
	p.click(it.r.x+p.g.U(30), it.r.y+it.r.h/2)
	if it.value != start+1 {
		t.Fatalf("a click on the label: level %d, want %d", it.value, start+1)
	}
}

// TestShortenedShownWhole: a menu row that shortens its value shows the
// whole of it when focused (hovered or tapped), inside the screen; a row
// that shows it whole shows nothing more.
func TestShortenedShownWhole(t *testing.T) {
	p := newPlayer(t, Options{Width: 390, Height: 844, Touch: true})
	p.run(2)
	ts := p.g.scene.(*titleScene)
	ts.menu.focus = ts.iScen
	whole, r, ok := ts.menu.wholeTip(p.g)
	if !ok || !strings.Contains(whole, p.g.Scenarios[ts.menu.items[ts.iScen].value].Name) {
		t.Fatalf("the battle's row at 390 wide: tip %v %q", ok, whole)
	}
	if r.x < 0 || r.y < 0 || r.x+r.w > p.g.W || r.y+r.h > p.g.H {
		t.Errorf("the tip %+v leaves the screen %vx%v", r, p.g.W, p.g.H)
	}
	ts.menu.focus = ts.iLevel
	if _, _, ok := ts.menu.wholeTip(p.g); ok {
		t.Errorf("the level's row is whole, yet a tip shows")
	}
}
