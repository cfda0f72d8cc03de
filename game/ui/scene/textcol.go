package scene

import (
	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"github.com/calltoarms/ds9/game/ui/input"
	"github.com/calltoarms/ds9/game/ui/render"
)

// textLine is a line of a text column, and the room it takes.
type textLine struct {
	text string
	face *text.GoTextFace
	col  render.RGBA
	dy   float64
}

// textCol is a column of text in a panel that scrolls, by the wheel or a
// drag, when it is longer than the panel (a long briefing on a phone).
type textCol struct {
	area   rect
	lines  []textLine
	scroll float64
	grab   bool
}

// add appends the lines of s wrapped to width w.
func (c *textCol) add(s string, face *text.GoTextFace, col render.RGBA, w, dy float64) {
	for _, l := range render.WrapText(s, face, w) {
		c.lines = append(c.lines, textLine{l, face, col, dy})
	}
}

// gap adds an empty line dy high.
func (c *textCol) gap(dy float64) { c.lines = append(c.lines, textLine{dy: dy}) }

// height is the height of the column's text.
func (c *textCol) height() float64 {
	h := 0.0
	for _, l := range c.lines {
		h += l.dy
	}
	return h
}

// update scrolls the column; pad is the room kept at its top and bottom.
func (c *textCol) update(in *input.Input, pad, step float64) {
	if in.Wheel != 0 && c.area.in(in.X, in.Y) {
		c.scroll -= in.Wheel * step
	}
	if in.Pressed {
		c.grab = c.area.in(in.X, in.Y)
	}
	if in.Dragging && c.grab {
		c.scroll -= in.DY
	}
	if !in.Down && !in.Dragging {
		c.grab = false
	}
	c.scroll = min(max(c.scroll, 0), max(0, c.height()-(c.area.h-2*pad)))
}

// draw draws the lines inside the column's panel, pad from its edges, at
// x; arrows at the right say there is more above or below.
func (c *textCol) draw(dst *ebiten.Image, g *Manager, x, pad float64) {
	top, bottom := c.area.y+pad, c.area.y+c.area.h-pad
	y := top - c.scroll
	for _, l := range c.lines {
		if l.text != "" && y >= top-0.5 && y+l.dy <= bottom+0.5 {
			g.Kit.Text(dst, l.text, l.face, x, y, l.col, render.Left)
		}
		y += l.dy
	}
	ax := c.area.x + c.area.w - g.U(10)
	if c.scroll > 0 {
		g.Kit.Text(dst, "↑", g.Fonts.Bold, ax, c.area.y+g.U(6), render.ColAccent.RGBA(), render.Right)
	}
	if y > bottom+0.5 {
		g.Kit.Text(dst, "↓", g.Fonts.Bold, ax, c.area.y+c.area.h-g.U(6)-g.Fonts.BoldH, render.ColAccent.RGBA(), render.Right)
	}
}
