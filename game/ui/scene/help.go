package scene

import (
	"fmt"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/ui/input"
	"github.com/calltoarms/ds9/game/ui/play"
	"github.com/calltoarms/ds9/game/ui/render"
)

// helpOverlay is the battle's help (F1 or /, or the menu's): how this battle
// ends, read from its scenario's outcomes, the side's objectives with their
// points, and the keys, read from the input's bindings (on a touch device,
// the gestures instead). It scrolls (the wheel, the arrows, a drag) and
// closes with Esc, F1 or a click outside it.
type helpOverlay struct {
	b      *battleScene
	lines  []campaignLine
	wrapW  float64
	scroll float64
	box    rect
	bt     *render.Batch
}

func newHelp(b *battleScene) *helpOverlay {
	return &helpOverlay{b: b, bt: b.g.Kit.NewBatch(false)}
}

// helpKey is a command the help lists, with what it does.
type helpKey struct {
	cmd  input.Cmd
	does string
}

// helpKeys are the commands the help lists.
func helpKeys() []helpKey {
	return []helpKey{
		{input.CmdNextShip, "next wing (or ship) with orders left (Shift: previous)"},
		{input.CmdWing, "command the selected ship's whole wing, or one ship of the wing"},
		{input.CmdCarryOn, "the selected wing carries out its orders"}, {input.CmdHold, "the selected wing holds where it stands"},
		{input.CmdAllWings, "every wing carries out its orders"},
		{input.CmdRepair, "the station's damage control repairs a section ([ ] or a click in the panel chooses it)"},
		{input.CmdReroute, "the station re-routes its main power, once it is lost"},
		{input.CmdAct, "act on the cursor hex: select, move, fire, lay, cover, board"},
		{input.CmdMove, "move"}, {input.CmdFire, "fire"}, {input.CmdNextTarget, "next target in range"},
		{input.CmdMine, "lay a mine"}, {input.CmdCloak, "cloak or decloak"}, {input.CmdCover, "cover a friendly ship"},
		{input.CmdEvacuate, "evacuate the station"}, {input.CmdSabotage, "sabotage the station"},
		{input.CmdBoard, "board the station"}, {input.CmdWithdraw, "withdraw by an exit"},
		{input.CmdUndo, "undo the last order, if it revealed nothing"},
		{input.CmdEndTurn, "end your phase (while ships can still fire or have not moved, it asks first: the same key again ends it)"},
		{input.CmdRanges, "firing ranges: of the ship selected or under the pointer; with none, where the enemy can strike next phase"}, {input.CmdIntent, "enemy intent"},
		{input.CmdLogFilter, "the event log shows all, combat, or orders and objectives (or click its header)"},
		{input.CmdFit, "fit the map"}, {input.CmdSkip, "skip the enemy's playback"},
		{input.CmdSave, "save in a new slot"}, {input.CmdHelp, "this help"}, {input.CmdGuide, "hide or show the guided first turns"}, {input.CmdBack, "the menu"},
	}
}

// describe writes the help for a width.
func (h *helpOverlay) describe(w float64) {
	b := h.b
	g := b.g
	f := g.Fonts
	sc := b.s.Scenario
	side := b.ctl.Side
	h.lines = h.lines[:0]
	add := func(kind int, s string) { h.lines = addLines(h.lines, f, w, kind, s) }
	gap := func() { h.lines = append(h.lines, campaignLine{"", lineGap}) }
	add(lineHead, "HOW THIS BATTLE ENDS")
	for _, o := range sc.Setup.Outcomes {
		who := "no winner"
		if o.Winner.Valid() {
			who = play.SideTitle(sc, o.Winner) + " wins"
		}
		add(lineBold, fmt.Sprintf("%s (%s; scores %s %d, %s %d)", o.Title, who,
			play.SideTitle(sc, 0), o.Score[0], play.SideTitle(sc, 1), o.Score[1]))
		if o.Text != "" {
			add(lineDim, render.Paragraphs(o.Text))
		}
	}
	add(lineDim, fmt.Sprintf("The battle ends after turn %d at the latest. A side's score is its outcome's, plus the points of its objectives done.", b.s.Public().TurnLimit))
	gap()
	add(lineHead, "YOUR OBJECTIVES: "+play.SideTitle(sc, side))
	for _, o := range b.s.Objectives(side, false) {
		state := "not yet"
		switch {
		case !o.Known:
			state = "you cannot tell yet"
		case o.Done:
			state = "done"
		}
		add(lineBody, fmt.Sprintf("%+d  %s (%s)", o.Points, o.Text, state))
	}
	gap()
	if g.Input.TouchDevice { // no keys to tell of
		add(lineHead, "TOUCH")
		add(lineDim, "Tap a ship to select it, a blue hex to move it there; tap an enemy once for the odds of a shot, again to fire. The buttons below give every other order. Drag to pan the map, pinch to zoom; on a small screen, the tab at the top folds out the side panel. The rules in full: docs/rules.md.")
		add(lineDim, "Attack wings: a tap on a ship of a wing selects the whole wing (a second tap, that ship alone). With a wing selected, tap a hex to advance on it, an enemy ship to intercept it, the station to assault it (after choosing a section in the panel, to focus fire on it): the wing's ships then carry out the order one by one, each move and shot shown and logged.")
		return
	}
	add(lineHead, "KEYS")
	for _, k := range helpKeys() {
		add(lineBody, input.KeysFor(k.cmd)+": "+k.does)
	}
	add(lineDim, "Mouse: click a ship to select it, a blue hex to move, an enemy to fire (hover first for the odds); drag or wheel to pan and zoom. The rules in full: docs/rules.md.")
	add(lineDim, "Attack wings: a click on a ship of a wing selects the whole wing (a second click, that ship alone). With a wing selected, click a hex to advance on it, an enemy ship to intercept it, the station to assault it (after choosing a section with [ ], to focus fire on it): the wing's ships then carry out the order one by one, each move and shot shown and logged.")
}

// layout places the help on the screen and writes it for its width.
func (h *helpOverlay) layout(g *Manager) {
	u := g.U
	h.box = rect{max(u(20), (g.W-u(720))/2), u(50), min(u(720), g.W-u(40)), g.H - u(100)}
	if w := h.box.w - u(48); w != h.wrapW {
		h.wrapW = w
		h.describe(w)
	}
}

// update runs a frame of the help; it reports whether the help closed.
func (h *helpOverlay) update(g *Manager) bool {
	h.layout(g)
	in := &g.Input
	if in.Just(input.CmdBack) || in.Just(input.CmdHelp) || in.Clicked && !h.box.in(in.ClickX, in.ClickY) {
		return true
	}
	step := g.Fonts.BodyH
	switch {
	case in.Repeat(input.CmdDown):
		h.scroll += step
	case in.Repeat(input.CmdUp):
		h.scroll -= step
	}
	h.scroll -= in.Wheel * 3 * step
	if in.Dragging && h.box.in(in.X, in.Y) {
		h.scroll -= in.DY
	}
	h.scroll = min(max(h.scroll, 0), max(0, h.height()-(h.box.h-g.U(40))))
	return false
}

// height is the help's text height.
func (h *helpOverlay) height() float64 {
	f := h.b.g.Fonts
	y := 0.0
	for _, l := range h.lines {
		_, lh, _ := lineStyle(f, l.kind)
		y += lh
	}
	return y
}

func (h *helpOverlay) draw(dst *ebiten.Image) {
	g := h.b.g
	u := g.U
	f := g.Fonts
	dialog(h.bt, g, h.box)
	h.bt.Flush(dst)
	x, top := h.box.x+u(24), h.box.y+u(20)
	bottom := h.box.y + h.box.h - u(20)
	y := top - h.scroll
	for _, l := range h.lines {
		face, lh, col := lineStyle(f, l.kind)
		if y >= top-1 && y+lh <= bottom+1 {
			g.Kit.Text(dst, l.text, face, x, y, col.RGBA(), render.Left)
		}
		y += lh
	}
	if h.height() > h.box.h-u(40) {
		how := "↑ ↓ or the wheel: scroll   Esc or F1: close"
		if g.Input.TouchDevice {
			how = "drag to scroll   tap outside to close"
		}
		g.Kit.Text(dst, how, f.Small, h.box.x+h.box.w-u(16), h.box.y+h.box.h-u(16), render.ColDim.RGBA(), render.Right)
	}
}
