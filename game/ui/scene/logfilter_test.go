package scene

import (
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/ui/play"
	"github.com/calltoarms/ds9/game/ui/render"
)

// TestLogFilter: Shift+L and a click on the log's header switch the event
// log between all its lines, combat alone and orders and objectives alone
// (turn and phase lines in each); the header says which; the wheel scrolls
// the filtered log.
func TestLogFilter(t *testing.T) {
	p := battleAt(t, "alliance")
	b := p.battle()
	h := b.hud
	p.endPhase()
	p.until("the player's next phase", 20000, p.myTurn)
	log := b.log()
	// The entries a filter shows, newest first, and their lines as the box
	// wraps them.
	want := func(f play.LogFilter, back int) []string {
		var out []string
		w := h.logBox.w - p.g.U(24)
		skipped := 0
		for i := 0; log.Last(i) != nil && len(out) < 10; i++ {
			l := log.Last(i)
			if l.Kind != play.LogNote && (f == play.LogCombatOnly) != (l.Kind == play.LogCombat) && f != play.LogAll {
				continue
			}
			if skipped < back {
				skipped++
				continue
			}
			parts := render.WrapText(l.Text, p.g.Fonts.Small, w)
			for k := len(parts) - 1; k >= 0 && len(out) < 10; k-- {
				out = append(out, strings.TrimSpace(parts[k]))
			}
		}
		return out
	}
	shown := func() []string {
		var out []string
		for _, l := range h.logLines() {
			out = append(out, strings.TrimSpace(l.text))
		}
		return out
	}
	check := func(what string, f play.LogFilter, back int) {
		t.Helper()
		if h.logFilter != f {
			t.Fatalf("%s: the filter is %q, want %q", what, h.logFilter.Name(), f.Name())
		}
		if !strings.Contains(h.logHead(), f.Name()) {
			t.Errorf("%s: the header %q does not name the filter %q", what, h.logHead(), f.Name())
		}
		got, exp := strings.Join(shown(), " | "), strings.Join(want(f, back), " | ")
		if got != exp {
			t.Errorf("%s: the log shows\n  %s\nwant\n  %s", what, got, exp)
		}
	}
	kinds := map[play.LogKind]int{}
	for i := 0; log.Last(i) != nil; i++ {
		kinds[log.Last(i).Kind]++
	}
	if kinds[play.LogCombat] == 0 || kinds[play.LogOrders] == 0 || kinds[play.LogNote] == 0 {
		t.Fatalf("the log's lines by kind: %v; want every kind", kinds)
	}
	check("at first", play.LogAll, 0)
	p.tap(ebiten.KeyShift, ebiten.KeyL)
	check("Shift+L", play.LogCombatOnly, 0)
	for _, l := range shown() {
		if strings.Contains(l, "replicates") || strings.Contains(l, "lays a mine") || strings.Contains(l, "cloaks") {
			t.Errorf("the combat log shows %q", l)
		}
	}
	// The wheel over the log scrolls the filtered lines.
	p.point(h.logBox.x+h.logBox.w/2, h.logBox.y+h.logBox.h/2)
	p.in.wheel = 2
	p.step()
	if h.logBack != 2 {
		t.Fatalf("after two notches up: back %d", h.logBack)
	}
	check("combat, scrolled back", play.LogCombatOnly, 2)
	// A click on the header: orders and objectives, at the newest lines.
	p.click(h.logBox.x+p.g.U(40), h.logBox.y+p.g.U(10))
	check("a click on the header", play.LogOrdersOnly, 0)
	for _, l := range shown() {
		if strings.Contains(l, " fires ") || strings.Contains(l, "is destroyed") {
			t.Errorf("the orders log shows %q", l)
		}
	}
	if h.logBack != 0 {
		t.Errorf("the filter kept the scroll: back %d", h.logBack)
	}
	p.tap(ebiten.KeyShift, ebiten.KeyL)
	check("Shift+L again", play.LogAll, 0)
	// Plain L is still the mine command, not the filter.
	p.tap(ebiten.KeyL)
	if h.logFilter != play.LogAll {
		t.Errorf("L without Shift switched the log to %q", h.logFilter.Name())
	}
}
