package scene

import (
	"fmt"

	"github.com/calltoarms/ds9/game/ui/play"
	"github.com/calltoarms/ds9/game/ui/render"
)

// fitLabels sets the buttons' labels, each fitted to its button (a
// shorter one on a narrow button), and the Menu button's and the panel
// tab's.
func (h *hud) fitLabels() {
	b := h.b
	g := b.g
	u := g.U
	f := g.Fonts
	h.menuLn = "Menu  Esc"
	h.tabLn = "Objectives  ›"
	if h.panelOpen {
		h.tabLn = "Objectives  ×"
	}
	if !h.hints {
		h.menuLn = "Menu"
	} else if h.compact {
		h.tabLn += "  J"
	}
	h.labels = h.labels[:0]
	for i, a := range h.btns {
		label, short := a.label, a.short
		if a.act == ActRpPlay && b.rp != nil && b.rp.playing {
			label, short = "Pause", "Pause"
		}
		if a.act == play.ActCloak {
			if sh := b.ctl.Sel(); sh != nil && sh.Cloaked {
				label, short = "Decloak", "Decloak"
			}
		}
		w := h.buttons[i].w - u(6)
		if render.TextWidth(label, f.Bold) > w {
			label = fitText(short, f.Bold, w)
		}
		h.labels = append(h.labels, label)
	}
}

// summary is the compact HUD's line or two on the selected ship, with the
// panel folded away: its name and movement, its class, hull and shields.
func (h *hud) summary() {
	b := h.b
	g := b.g
	u := g.U
	f := g.Fonts
	c := b.ctl
	v := c.View
	sh := v.Ship(c.Selected)
	r := h.selBox
	if sh == nil || r.w == 0 {
		return
	}
	x, w := r.x+u(12), r.w-u(24)
	if wg := c.WingSel(); wg != nil {
		// A wing: its name and orders.
		h.lines = append(h.lines, hudLine{text: fitText(wg.Name, f.Bold, w), x: x, y: r.y + u(6), face: f.Bold, col: render.WingColor(wg.Index)})
		h.lines = append(h.lines, hudLine{text: fitText("Orders: "+c.OrdersText(wg), f.Small, w), x: x, y: r.y + u(27), face: f.Small, col: render.ColDim.RGBA()})
		return
	}
	cl := v.Class(sh)
	right := ""
	if sh.Side == c.Side && !cl.Station {
		right = fmt.Sprintf("MP %d/%d", sh.MP, cl.Speed)
		h.lines = append(h.lines, hudLine{text: right, x: x + w, y: r.y + u(7), face: f.Small, col: render.ColText.RGBA(), al: render.Right})
	}
	name := fitText(sh.Name, f.Bold, w-render.TextWidth(right, f.Small)-u(10))
	h.lines = append(h.lines, hudLine{text: name, x: x, y: r.y + u(6), face: f.Bold, col: render.SideColor(sh.Side)})
	state := fmt.Sprintf("%s · hull %d/%d · shields %d/%d", cl.Name, sh.Hull, cl.Hull, sh.Shields, cl.Shields)
	if cl.Station {
		state = fmt.Sprintf("%s · shields %d/%d", cl.Name, sh.Shields, cl.Shields)
	}
	h.lines = append(h.lines, hudLine{text: fitText(state, f.Small, w), x: x, y: r.y + u(27), face: f.Small, col: render.ColDim.RGBA()})
}
