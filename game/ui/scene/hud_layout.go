package scene

import (
	"math"

	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/ui/input"
	"github.com/calltoarms/ds9/game/ui/play"
	"github.com/calltoarms/ds9/game/ui/render"
)

// A screen narrower or shorter than these, in interface units, gets the
// compact HUD: the side panel folds away behind a tab, the event log folds
// to its last lines, and the action bar takes two rows if its buttons would
// be too narrow.
const (
	compactW   = 900
	compactH   = 500
	minButtonW = 64 // a button narrower than this: the bar takes two rows
	minTapW    = 44 // two rows of buttons narrower than this: three
	foldedLogN = 2  // the lines the folded log shows
)

// layout places the HUD for the screen size.
func (h *hud) layout() {
	g := h.b.g
	u := g.U
	h.compact = g.W < u(compactW) || g.H < u(compactH)
	h.hints = !g.Input.TouchDevice
	h.top = rect{0, 0, g.W, u(34)}
	h.btns = actionButtons[:]
	switch b := h.b; {
	case b.rp != nil:
		h.btns = replayButtons[:]
	case b.curtain || b.s.Public().Phase == rules.Over:
	case b.watch:
		h.btns = playbackButtons[:]
	case !b.s.HumanTurn() && b.s.Public().Phase == rules.Battle:
		h.btns = playbackButtons[:3]
	case b.ctl.Wing >= 0 || b.ctl.Selected == rules.NoShip && b.ctl.Avail[play.ActAllWings]:
		h.btns = wingButtons[:]
	case b.ctl.Sel() != nil && b.ctl.View.Class(b.ctl.Sel()).Station:
		h.btns = stationButtons[:]
	}
	h.menuBtn = rect{g.W - u(92), u(4), u(84), u(26)}
	if len(h.buttons) != len(h.btns) {
		h.buttons = make([]rect, len(h.btns))
	}
	if h.compact {
		h.layoutCompact()
		return
	}
	h.tab, h.selBox = rect{}, rect{}
	h.panel = rect{g.W - u(318), u(44), u(308), g.H - u(44) - u(72)}
	h.bar = rect{u(10), g.H - u(62), g.W - u(20), u(54)}
	bw := (h.bar.w - u(12) - float64(len(actionButtons)-1)*u(6)) / float64(len(actionButtons))
	bw = min(bw, u(118))
	for i := range h.btns {
		h.buttons[i] = rect{h.bar.x + u(6) + float64(i)*(bw+u(6)), h.bar.y + u(6), bw, h.bar.h - u(12)}
	}
	h.logBox = rect{u(10), g.H - u(72) - u(10*17+26), u(470), u(10*17 + 26)}
	h.msgY = h.bar.y - u(26)
}

// layoutCompact places the compact HUD: the bar at the bottom in one row,
// or more, the folded log over it, the selected ship's summary, and the
// panel's tab under the top bar, the panel under it when folded out. Where
// the panel and the log would be one over the other, only one of them is
// unfolded at a time (the panel, if both).
func (h *hud) layoutCompact() {
	g := h.b.g
	u := g.U
	n := float64(len(actionButtons))
	inner := g.W - u(20) - u(12)
	var perRow, bw float64
	for rows := 1.0; rows <= 3; rows++ {
		perRow = math.Ceil(n / rows)
		bw = (inner - (perRow-1)*u(6)) / perRow
		if bw >= u(minButtonW) || rows > 1 && bw >= u(minTapW) {
			break
		}
	}
	bw = min(bw, u(118))
	bh := u(42)
	if !h.hints {
		bh = u(34) // no key under the label
	}
	rows := max(math.Ceil(float64(len(h.btns))/perRow), 1) // the playback's few buttons take a row
	barH := u(12) + rows*bh + (rows-1)*u(6)
	h.bar = rect{u(10), g.H - u(8) - barH, g.W - u(20), barH}
	for i := range h.btns {
		row, col := float64(i/int(perRow)), float64(i%int(perRow))
		h.buttons[i] = rect{h.bar.x + u(6) + col*(bw+u(6)), h.bar.y + u(6) + row*(bh+u(6)), bw, bh}
	}
	// The panel's tab, at the right under the top bar.
	tw := u(132)
	h.tab = rect{g.W - u(10) - tw, h.top.h + u(6), tw, u(28)}
	// The log: its last lines, or unfolded (as far as there is room, under
	// the ship's summary if it is over the log).
	lw := min(u(470), g.W-u(20))
	sw := min(u(320), g.W-u(20))
	if beside := g.W - u(30) - lw; beside >= u(260) {
		sw = min(sw, beside) // narrower, to sit beside the log
	}
	summary := !h.panelOpen && h.b.ctl.View.Ship(h.b.ctl.Selected) != nil
	over := g.W-u(10)-sw < u(10)+lw // the summary over the log, not beside it
	top := h.tab.y + h.tab.h + u(8)
	if summary && over {
		top += u(48 + 8)
	}
	lh := u(foldedLogN*17 + 14)
	if h.logOpen && !(h.panelOpen && h.stacked()) {
		lh = max(lh, min(u(10*17+26), h.bar.y-u(10)-top))
	}
	h.logBox = rect{u(10), h.bar.y - u(10) - lh, lw, lh}
	// The selected ship's summary, over the bar at the right (over the log
	// when there is no room beside it).
	h.selBox = rect{}
	if summary {
		sb := rect{g.W - u(10) - sw, h.bar.y - u(10) - u(48), sw, u(48)}
		if over {
			sb.y = h.logBox.y - u(8) - sb.h
		}
		h.selBox = sb
	}
	// The panel, folded out under its tab down to the log or the bar.
	h.panel = rect{}
	if h.panelOpen {
		pw := min(u(308), g.W-u(20))
		p := rect{g.W - u(10) - pw, h.tab.y + h.tab.h + u(6), pw, 0}
		bottom := h.bar.y - u(10)
		if p.x < h.logBox.x+h.logBox.w {
			bottom = h.logBox.y - u(8)
		}
		p.h = max(bottom-p.y, 0)
		h.panel = p
	}
	h.msgY = h.bar.y - u(26)
	for _, r := range [...]rect{h.logBox, h.selBox} {
		if r.w > 0 && r.x < g.W/2+u(100) && r.x+r.w > g.W/2-u(100) {
			h.msgY = min(h.msgY, r.y-u(26))
		}
	}
}

// stacked reports whether the compact HUD's panel, folded out, and its log
// are one over the other (not side by side).
func (h *hud) stacked() bool {
	g := h.b.g
	u := g.U
	return g.W-u(10)-min(u(308), g.W-u(20)) < u(10)+min(u(470), g.W-u(20))
}

// boxes are the HUD's boxes: a zero one is not shown.
func (h *hud) boxes() [6]rect {
	return [...]rect{h.top, h.panel, h.logBox, h.bar, h.tab, h.selBox}
}

// contains reports whether a point is over the HUD.
func (h *hud) contains(x, y float64) bool {
	for _, r := range h.boxes() {
		if r.in(x, y) {
			return true
		}
	}
	return false
}

// insets are the screen's edges the HUD covers, for the camera to frame
// the map in the rest: top, right and bottom.
func (h *hud) insets() (t, r, b float64) {
	u := h.b.g.U
	if !h.compact {
		return u(34), u(320), u(64)
	}
	return h.top.h, 0, h.b.g.H - h.logBox.y + u(2)
}

// fold acts on a click on the compact HUD's folds: the tab folds the panel
// out or away, the ship's summary folds it out, and the log folds out or
// back. The HUD is laid out again the next frame, so that the click stays
// the HUD's.
func (h *hud) fold(x, y float64) {
	if !h.compact {
		return
	}
	// The panel and the log one over the other: one unfolded at a time.
	both := h.stacked()
	switch {
	case h.tab.in(x, y):
		h.panelOpen = !h.panelOpen
		h.logOpen = h.logOpen && !(h.panelOpen && both)
	case h.selBox.in(x, y):
		h.panelOpen = true
		h.logOpen = h.logOpen && !both
	case h.logBox.in(x, y):
		h.logOpen = !h.logOpen
		h.panelOpen = h.panelOpen && !(h.logOpen && both)
	}
}

// scrollPanel scrolls the folded-out panel of the compact HUD by the wheel
// over it, or a drag that began on it (which then does not pan the map).
func (h *hud) scrollPanel(in *input.Input) {
	if !h.compact || !h.panelOpen {
		h.scroll, h.grab = 0, false
		return
	}
	if in.Pressed {
		h.grab = h.panel.in(in.X, in.Y)
	}
	if in.Wheel != 0 && h.panel.in(in.X, in.Y) {
		h.scroll -= in.Wheel * h.b.g.U(48)
	}
	if in.Dragging && h.grab {
		h.scroll -= in.DY
	}
	if !in.Down && !in.Dragging {
		h.grab = false
	}
	// As far as the text's end, with room for the ellipsis.
	room := h.panel.h - h.b.g.U(20) - 2*h.b.g.Fonts.SmallH
	h.scroll = min(max(h.scroll, 0), max(0, h.panelH-room))
}

// fitTop fits the top bar's text between its left edge and the Menu
// button: what does not fit goes, the view and playback line first, then
// the battle's name; the turn line is shortened last.
func (h *hud) fitTop(short string) {
	g := h.b.g
	u := g.U
	f := g.Fonts
	right := h.menuBtn.x - u(12)
	h.topName = h.b.ctl.View.Name
	h.topX, h.topAl = g.W/2, render.Center
	nw := render.TextWidth(h.topName, f.Bold)
	tw := render.TextWidth(h.topLine, f.Bold)
	vw := render.TextWidth(h.viewLn, f.Small)
	gap := u(16)
	if u(12)+nw+gap <= g.W/2-tw/2 && g.W/2+tw/2+gap <= right-vw {
		return
	}
	h.viewLn = ""
	if u(12)+nw+gap <= g.W/2-tw/2 && g.W/2+tw/2+gap <= right {
		return
	}
	if room := g.W/2 - tw/2 - gap - u(12); room >= u(120) && g.W/2+tw/2+gap <= right {
		h.topName = fitText(h.topName, f.Bold, room) // the name shortened
		return
	}
	h.topName = ""
	h.topX, h.topAl = u(12), render.Left
	if render.TextWidth(h.topLine, f.Bold) > right-u(12) {
		h.topLine = short
	}
	h.topLine = fitText(h.topLine, f.Bold, right-u(12))
}
