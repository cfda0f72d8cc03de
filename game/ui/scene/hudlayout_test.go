package scene

import (
	"fmt"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"github.com/calltoarms/ds9/game/ui/render"
)

// hudSizes are the screens the HUD's layout is tested on: phones upright
// and on their side (by touch), a small window, the usual ones, tablets, a
// small phone and a 4K screen.
var hudSizes = []struct {
	w, h  int
	touch bool
}{
	{390, 844, true}, {844, 390, true}, {800, 600, false}, {1280, 720, false}, {1920, 1080, false},
	{800, 600, true}, {1024, 768, true}, {667, 375, true}, {360, 640, true}, {3840, 2160, false},
}

// TestHUDLayout: at every screen size, phones' included, with the side
// panel folded out and away and the log folded and not, the HUD's boxes
// (the top bar, the panel, the log, the bar and each of its buttons, the
// panel's tab and the selected ship's summary) lie inside the screen and
// cover none of each other, the labels fit their buttons, the top bar's
// texts do not run together, the text of the panel and of the summary stays
// inside them, and with the panel and the log folded (as they start) the
// map keeps 40% of the screen at least; in the enemy's phase too.
func TestHUDLayout(t *testing.T) {
	for _, sz := range hudSizes {
		for _, id := range []string{"operation-return", "second-battle-of-ds9"} {
			t.Run(fmt.Sprintf("%s-%dx%d", id, sz.w, sz.h), func(t *testing.T) {
				p := newPlayer(t, Options{Scenario: id, Scene: "battle", Seed: 2, Width: sz.w, Height: sz.h, Touch: sz.touch})
				p.run(2)
				b := p.battle()
				h := b.hud
				compact := float64(sz.w)/p.g.Scale < 900 || float64(sz.h)/p.g.Scale < 500
				if h.compact != compact {
					t.Errorf("compact %v, want %v (scale %.2f)", h.compact, compact, p.g.Scale)
				}
				if b.ctl.Sel() == nil {
					t.Fatal("no ship selected at the start")
				}
				for _, open := range []bool{false, true} {
					for _, logOpen := range []bool{false, true} {
						h.panelOpen, h.logOpen = open, logOpen
						p.run(1)
						checkHUD(t, p, fmt.Sprintf("panel %v, log %v", open, logOpen), !open && !logOpen || !compact)
					}
				}
				// The enemy's phase, played back: the bar's few buttons.
				h.panelOpen, h.logOpen = false, false
				p.endPhase()
				p.g.Input.TouchDevice = sz.touch // the key made it a keyboard's
				p.run(3)
				if b.ctl.MyTurn() {
					t.Fatal("still the player's phase after N")
				}
				checkHUD(t, p, "the enemy's phase", true)
			})
		}
	}
}

// checkHUD checks the HUD as it is laid out now (see TestHUDLayout); mapped
// asks for the map to keep its share of the screen.
func checkHUD(t *testing.T, p *player, state string, mapped bool) {
	t.Helper()
	g := p.g
	h := p.battle().hud
	f := g.Fonts
	screen := rect{0, 0, g.W, g.H}
	inside := func(r, q rect) bool {
		const e = 0.01
		return r.x >= q.x-e && r.y >= q.y-e && r.x+r.w <= q.x+q.w+e && r.y+r.h <= q.y+q.h+e
	}
	type box struct {
		name string
		r    rect
	}
	boxes := []box{{"top bar", h.top}, {"panel", h.panel}, {"log", h.logBox}, {"action bar", h.bar}, {"tab", h.tab}, {"summary", h.selBox}}
	if !h.compact && (h.panel.w == 0 || h.tab.w != 0 || h.selBox.w != 0) {
		t.Errorf("%s: the wide HUD has panel %v, tab %v, summary %v", state, h.panel, h.tab, h.selBox)
	}
	if h.compact && h.panelOpen != (h.panel.w > 0) {
		t.Errorf("%s: panel %v", state, h.panel)
	}
	for i, a := range boxes {
		if a.r.w == 0 {
			continue
		}
		if !inside(a.r, screen) {
			t.Errorf("%s: the %s %v is not inside the screen %.0fx%.0f", state, a.name, a.r, g.W, g.H)
		}
		for _, q := range boxes[:i] {
			if q.r.w > 0 && a.r.overlaps(q.r) {
				t.Errorf("%s: the %s %v covers the %s %v", state, a.name, a.r, q.name, q.r)
			}
		}
	}
	if !inside(h.menuBtn, h.top) {
		t.Errorf("%s: the Menu button %v is not in the top bar %v", state, h.menuBtn, h.top)
	}
	for i, r := range h.buttons {
		if !inside(r, h.bar) {
			t.Errorf("%s: button %q %v is not in the bar %v", state, h.btns[i].label, r, h.bar)
		}
		for j, q := range h.buttons[:i] {
			if r.overlaps(q) {
				t.Errorf("%s: button %q covers %q", state, h.btns[i].label, h.btns[j].label)
			}
		}
		if r.w < g.U(minTapW) {
			t.Errorf("%s: button %q is %.0f wide, too narrow to tap", state, h.btns[i].label, r.w)
		}
		if i >= len(h.labels) {
			t.Errorf("%s: button %q has no label", state, h.btns[i].label)
		} else if w := render.TextWidth(h.labels[i], f.Bold); w > r.w {
			t.Errorf("%s: label %q (%.0f) is wider than its button (%.0f)", state, h.labels[i], w, r.w)
		}
	}
	// The top bar's texts, one after the other, and none over the Menu button.
	var spans []rect
	if h.topName != "" {
		spans = append(spans, textRect(h.topName, f.Bold, g.U(12), g.U(8), render.Left))
	}
	spans = append(spans, textRect(h.topLine, f.Bold, h.topX, g.U(8), h.topAl))
	if h.viewLn != "" {
		spans = append(spans, textRect(h.viewLn, f.Small, h.menuBtn.x-g.U(12), g.U(10), render.Right))
	}
	spans = append(spans, h.menuBtn)
	for i, r := range spans {
		if !inside(r, h.top) {
			t.Errorf("%s: the top bar's text %d %v runs out of it", state, i, r)
		}
		for j, q := range spans[:i] {
			if r.overlaps(q) {
				t.Errorf("%s: the top bar's texts %d and %d run together (%q %q %q)", state, j, i, h.topName, h.topLine, h.viewLn)
			}
		}
	}
	// The panel's and the summary's text.
	var rows []rect
	for _, l := range h.lines {
		r := textRect(l.text, l.face, l.x, l.y, l.al)
		r.h = f.SmallH
		if !inside(r, h.panel) && !inside(r, h.selBox) {
			t.Errorf("%s: %q %v is neither inside the panel %v nor the summary %v", state, l.text, r, h.panel, h.selBox)
		}
		for _, q := range rows {
			if r.y == q.y && r.overlaps(q) {
				t.Errorf("%s: %q runs into another text on its line", state, l.text)
			}
		}
		rows = append(rows, r)
	}
	for _, br := range h.bars {
		if !inside(br.r, h.panel) {
			t.Errorf("%s: a bar %v is not inside the panel %v", state, br.r, h.panel)
		}
	}
	// The map's share of the screen: the points the HUD leaves to it.
	if mapped {
		free, all := 0, 0
		for y := 0.5; y < g.H; y += 4 {
			for x := 0.5; x < g.W; x += 4 {
				all++
				if !h.contains(x, y) {
					free++
				}
			}
		}
		if share := float64(free) / float64(all); share < 0.4 {
			t.Errorf("%s: the map keeps %.0f%% of the screen", state, share*100)
		} else {
			t.Logf("%s: the map keeps %.0f%% of the screen", state, share*100)
		}
	}
}

// textRect is where a line of text drawn at x, y with an alignment lies.
func textRect(s string, face *text.GoTextFace, x, y float64, al render.Align) rect {
	w := render.TextWidth(s, face)
	switch al {
	case render.Center:
		x -= w / 2
	case render.Right:
		x -= w
	}
	return rect{x, y, w, face.Size * 1.2}
}

// TestHUDFolds: on a phone, the tab folds the panel out and back, J does
// too, a tap on the ship's summary folds the panel out, and a tap on the log
// unfolds it and folds it back; the panel and the log, one over the other,
// are unfolded one at a time; none of these taps reaches the map.
func TestHUDFolds(t *testing.T) {
	p := newPlayer(t, Options{Scenario: "second-battle-of-ds9", Scene: "battle", Seed: 2, Width: 390, Height: 844, Touch: true})
	p.run(2)
	b := p.battle()
	h := b.hud
	if !h.compact || h.panelOpen || h.panel.w != 0 || h.tab.w == 0 {
		t.Fatalf("the phone's HUD: compact %v, panel %v, tab %v", h.compact, h.panel, h.tab)
	}
	sel, orders := b.ctl.Selected, b.s.OrderCount()
	p.clickRect(h.tab)
	if !h.panelOpen || h.panel.w == 0 || h.selBox.w != 0 {
		t.Fatalf("the tab did not fold the panel out: %v, summary %v", h.panel, h.selBox)
	}
	p.clickRect(h.tab)
	if h.panelOpen || h.panel.w != 0 {
		t.Fatalf("the tab did not fold the panel away: %v", h.panel)
	}
	p.tap(ebiten.KeyJ)
	if !h.panelOpen {
		t.Fatal("J did not fold the panel out")
	}
	p.tap(ebiten.KeyJ)
	if h.panelOpen {
		t.Fatal("J did not fold the panel away")
	}
	p.g.Input.TouchDevice = true // the key made it a keyboard's
	p.run(1)
	if h.selBox.w == 0 {
		t.Fatal("no summary of the selected ship")
	}
	p.clickRect(h.selBox)
	if !h.panelOpen {
		t.Fatal("a tap on the summary did not fold the panel out")
	}
	p.clickRect(h.tab)
	folded := h.logBox
	p.clickRect(h.logBox)
	if !h.logOpen || h.logBox.h <= folded.h {
		t.Fatalf("a tap on the log did not unfold it: %v", h.logBox)
	}
	// A tap high on the unfolded log, above where the folded one ends.
	p.click(h.logBox.x+h.logBox.w/2, h.logBox.y+p.g.U(10))
	if h.logOpen || h.logBox != folded {
		t.Fatalf("a tap on the log did not fold it back: %v", h.logBox)
	}
	// The panel and the log one over the other: one unfolded at a time.
	p.clickRect(h.logBox)
	p.clickRect(h.tab)
	if !h.panelOpen || h.logOpen {
		t.Errorf("the tab with the log unfolded: panel %v, log %v", h.panelOpen, h.logOpen)
	}
	p.clickRect(h.logBox)
	if h.panelOpen || !h.logOpen {
		t.Errorf("the log with the panel folded out: panel %v, log %v", h.panelOpen, h.logOpen)
	}
	if b.ctl.Selected != sel || b.s.OrderCount() != orders {
		t.Errorf("a tap on the HUD reached the map: selected %v (was %v), %d orders (were %d)", b.ctl.Selected, sel, b.s.OrderCount(), orders)
	}
}

// TestHUDPanelScrolls: on a phone on its side, the folded-out panel that
// holds more than it shows (the station: its sections) scrolls by the wheel
// and by a drag, which does not pan the map, down to its last line; its
// text stays inside it all the way.
func TestHUDPanelScrolls(t *testing.T) {
	p := newPlayer(t, Options{Scenario: "operation-return", Scene: "battle", Seed: 2, Width: 844, Height: 390, Touch: true})
	p.run(2)
	b := p.battle()
	h := b.hud
	for i := range b.ctl.View.Ships {
		if sh := &b.ctl.View.Ships[i]; b.ctl.View.Class(sh).Station {
			b.ctl.Selected = sh.ID
		}
	}
	h.panelOpen = true
	p.run(2)
	if h.panelH <= h.panel.h {
		t.Fatalf("the panel's text (%.0f) fits the panel (%.0f): nothing to scroll", h.panelH, h.panel.h)
	}
	last := func() string { // the panel's last line shown, not the ellipsis
		s := ""
		for _, l := range h.lines {
			if l.text != "…" && l.al == render.Left {
				s = l.text
			}
		}
		return s
	}
	before := last()
	p.point(h.panel.x+h.panel.w/2, h.panel.y+h.panel.h/2)
	p.in.wheel = -1
	p.run(2)
	if h.scroll <= 0 {
		t.Fatal("the wheel did not scroll the panel")
	}
	checkHUD(t, p, "scrolled", false)
	// A drag up the panel: the panel scrolls to its end, the map stays.
	cx, cy := b.cam.TX, b.cam.TY
	x, y := h.panel.x+h.panel.w/2, h.panel.y+h.panel.h-p.g.U(10)
	p.point(x, y)
	p.in.btn[ebiten.MouseButtonLeft] = true
	for i := 1; i <= 40; i++ {
		p.point(x, y-float64(i)*p.g.U(20))
		p.step()
	}
	p.in.btn[ebiten.MouseButtonLeft] = false
	p.run(2)
	if b.cam.TX != cx || b.cam.TY != cy {
		t.Errorf("the drag on the panel panned the map")
	}
	checkHUD(t, p, "scrolled to the end", false)
	if end := last(); end == before {
		t.Errorf("the last line is still %q", end)
	} else {
		t.Logf("the last line shown: %q (was %q), scroll %.0f of %.0f", end, before, h.scroll, h.panelH)
	}
	for _, l := range h.lines {
		if l.text == "…" {
			t.Errorf("an ellipsis at the end of the scroll, at %.0f", l.y)
		}
	}
}
