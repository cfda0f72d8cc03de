package scene

import (
	"fmt"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/ui/input"
	"github.com/calltoarms/ds9/game/ui/render"
)

// The guided first turns of a battle whose scenario has a guide: the step
// for the player's side is shown in a box at the top of the map, until done
// (play.Guide); F2 hides and shows the guide, and the choice is kept.

// guideText is the guide's box as it is laid out now: its lines and where.
type guideBox struct {
	r     rect
	lines []string
	key   [5]float64 // step, width, scale, compact, touch
}

// guideShown reports whether the guide's box is shown: there is a step for
// the side giving orders, and the player has not hidden the guide.
func (b *battleScene) guideShown() bool {
	_, ok := b.guides[b.ctl.Side].Current()
	return ok && !b.g.Settings.NoGuide && b.ctl.MyTurn() && !b.curtain && b.rp == nil
}

// drawGuide draws the step of the guide for the side giving orders.
func (b *battleScene) drawGuide(dst *ebiten.Image) {
	g := b.g
	if !b.guideShown() {
		return
	}
	gd := b.guides[b.ctl.Side]
	st, _ := gd.Current()
	u := g.U
	f := g.Fonts
	h := b.hud
	// Under the top bar, and the panel's tab under it on a small screen.
	top := h.top.y + h.top.h
	if r := h.tab; r.w > 0 && r.y < g.H/2 {
		top = max(top, r.y+r.h)
	}
	w := min(u(560), g.W-u(20))
	x := (g.W - w) / 2
	if !h.compact {
		w = min(u(560), h.panel.x-u(40))
		x = max(u(20), (h.panel.x-w)/2)
	}
	step, of := gd.Progress()
	compact := 0.0
	if h.compact {
		compact = 1
	}
	touch := 0.0
	if g.Input.TouchDevice {
		touch = 1
	}
	key := [5]float64{float64(step), w, g.Scale, compact, touch}
	gb := &b.guideBox
	if gb.key != key {
		gb.key = key
		gb.lines = render.WrapText(st.For(g.Input.TouchDevice), f.Small, w-u(24))
		hint := fmt.Sprintf("Guide %d of %d", step, of)
		if k := input.KeysFor(input.CmdGuide); k != "" && !g.Input.TouchDevice {
			hint += " · " + k + ": hide"
		}
		gb.lines = append([]string{hint}, gb.lines...)
		gb.r = rect{x, top + u(8), w, float64(len(gb.lines))*f.SmallH + u(16)}
	}
	r := gb.r
	bt := b.over
	bt.Rect(float32(r.x), float32(r.y), float32(r.w), float32(r.h), render.RGB(0x0a1424).WithA(0.92))
	bt.Frame(float32(r.x), float32(r.y), float32(r.w), float32(r.h), float32(u(1)), render.ColGood.WithA(0.8))
	bt.Flush(dst)
	for i, l := range gb.lines {
		col := render.ColText.RGBA()
		if i == 0 {
			col = render.ColGood.RGBA()
		}
		g.Kit.Text(dst, l, f.Small, r.x+u(12), r.y+u(8)+float64(i)*f.SmallH, col, render.Left)
	}
}
