package scene

import (
	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/ui/input"
	"github.com/calltoarms/ds9/game/ui/render"
	"github.com/calltoarms/ds9/game/ui/sound"
)

// menuItem is a line of a keyboard-and-mouse menu: a button, or an option
// with values to cycle.
type menuItem struct {
	label   string
	values  []string // an option: the values; empty for a button
	value   int
	enabled bool
	r       rect
}

// menuList is a vertical list of items: Up/Down (or the pointer) choose,
// Left/Right change an option, Enter or a click activates.
type menuList struct {
	items []menuItem
	focus int
	bt    *render.Batch
}

func newMenuList(k *render.Kit) *menuList { return &menuList{bt: k.NewBatch(false)} }

func (m *menuList) add(label string, values ...string) int {
	m.items = append(m.items, menuItem{label: label, values: values, enabled: true})
	return len(m.items) - 1
}

// layout places the items in a column.
func (m *menuList) layout(x, y, w, h, gap float64) {
	for i := range m.items {
		m.items[i].r = rect{x, y + float64(i)*(h+gap), w, h}
	}
}

// update handles input; it returns the index of an activated item (or an
// option changed) and whether it was activated.
func (m *menuList) update(in *input.Input, snd *sound.Sound) (int, bool) {
	n := len(m.items)
	if n == 0 {
		return -1, false
	}
	move := func(d int) {
		for range n {
			m.focus = (m.focus + d + n) % n
			if m.items[m.focus].enabled {
				break
			}
		}
		snd.Play(sound.Click)
	}
	if in.Repeat(input.CmdUp) || in.Repeat(input.CmdCurN) {
		move(-1)
	}
	if in.Repeat(input.CmdDown) || in.Repeat(input.CmdCurS) || in.Just(input.CmdNextShip) {
		move(1)
	}
	it := &m.items[m.focus]
	if len(it.values) > 0 && it.enabled {
		if in.Repeat(input.CmdLeft) {
			it.value = (it.value - 1 + len(it.values)) % len(it.values)
			snd.Play(sound.Click)
			return m.focus, true
		}
		if in.Repeat(input.CmdRight) {
			it.value = (it.value + 1) % len(it.values)
			snd.Play(sound.Click)
			return m.focus, true
		}
	}
	if in.Moved {
		for i := range m.items {
			if m.items[i].enabled && m.items[i].r.in(in.X, in.Y) {
				m.focus = i
			}
		}
	}
	if in.Clicked {
		for i := range m.items {
			it := &m.items[i]
			if it.enabled && it.r.in(in.ClickX, in.ClickY) {
				m.focus = i
				if len(it.values) > 0 {
					if in.ClickX < it.r.x+it.r.w*0.45 {
						it.value = (it.value - 1 + len(it.values)) % len(it.values)
					} else {
						it.value = (it.value + 1) % len(it.values)
					}
				}
				snd.Play(sound.Click)
				return i, true
			}
		}
	}
	if in.Just(input.CmdConfirm) || in.Just(input.CmdAct) {
		if len(it.values) > 0 {
			it.value = (it.value + 1) % len(it.values)
		}
		snd.Play(sound.Click)
		return m.focus, true
	}
	return -1, false
}

// draw draws the list.
func (m *menuList) draw(dst *ebiten.Image, g *Manager) {
	u := g.U
	for i := range m.items {
		it := &m.items[i]
		r := it.r
		col := render.ColPanelHi.WithA(render.PanelHiAlpha)
		edge := render.ColEdge.RGBA()
		if i == m.focus {
			col = render.RGB(0x1d3554).WithA(0.95)
			edge = render.ColAccent.RGBA()
		}
		m.bt.Rect(float32(r.x), float32(r.y), float32(r.w), float32(r.h), col)
		m.bt.Frame(float32(r.x), float32(r.y), float32(r.w), float32(r.h), float32(u(1.5)), edge)
		if i == m.focus {
			m.bt.Rect(float32(r.x), float32(r.y), float32(u(5)), float32(r.h), render.ColAccent.RGBA())
		}
	}
	m.bt.Flush(dst)
	for i := range m.items {
		it := &m.items[i]
		r := it.r
		col := render.ColText.RGBA()
		if !it.enabled {
			col = render.ColDim.WithA(0.5)
		}
		ty := r.y + (r.h-g.Fonts.BodyH)/2
		if len(it.values) == 0 {
			g.Kit.Text(dst, it.label, g.Fonts.Bold, r.x+r.w/2, ty, col, render.Center)
			continue
		}
		g.Kit.Text(dst, it.label, g.Fonts.Body, r.x+u(16), ty, render.ColDim.RGBA(), render.Left)
		g.Kit.Text(dst, "‹  "+it.values[it.value]+"  ›", g.Fonts.Bold, r.x+r.w-u(16), ty, col, render.Right)
	}
}
