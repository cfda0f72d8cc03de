package scene

import (
	"image"
	"math"
	"strings"
	"unicode"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

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
	// An option's value as last drawn: from its "‹" at back to its middle
	// at mid. A click there steps back; anywhere else on the row, on.
	back, mid float64
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
	if m.focus < 0 || m.focus >= n {
		m.focus = 0
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
					if in.ClickX >= it.back && in.ClickX < it.mid {
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

// clicked is update for a list whose keys are someone else's (a dialog
// with a name to type, a list's buttons): the pointer only, and only the
// item under it is highlighted.
func (m *menuList) clicked(in *input.Input, snd *sound.Sound) (int, bool) {
	if in.Moved {
		m.focus = -1
		for i := range m.items {
			if m.items[i].enabled && m.items[i].r.in(in.X, in.Y) {
				m.focus = i
			}
		}
	}
	if !in.Clicked {
		return -1, false
	}
	for i := range m.items {
		if m.items[i].enabled && m.items[i].r.in(in.ClickX, in.ClickY) {
			m.focus = i
			snd.Play(sound.Click)
			return i, true
		}
	}
	return -1, false
}

// draw draws the list.
func (m *menuList) draw(dst *ebiten.Image, g *Manager) {
	u := g.U
	for i := range m.items {
		rowBack(m.bt, m.items[i].r, i == m.focus, u)
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
			g.Kit.Text(dst, fitText(it.label, g.Fonts.Bold, r.w-u(16)), g.Fonts.Bold, r.x+r.w/2, ty, col, render.Center)
			continue
		}
		g.Kit.Text(dst, it.label, g.Fonts.Body, r.x+u(16), ty, render.ColDim.RGBA(), render.Left)
		v := it.valueText(g)
		right := r.x + r.w - u(16)
		it.measure(g, v, right)
		g.Kit.Text(dst, v, g.Fonts.Bold, right, ty, col, render.Right)
	}
	m.drawWhole(dst, g)
}

// drawWhole shows the whole of the focused item's text when the row had
// to shorten it (wholeTip).
func (m *menuList) drawWhole(dst *ebiten.Image, g *Manager) {
	whole, r, ok := m.wholeTip(g)
	if !ok {
		return
	}
	u := g.U
	f := g.Fonts.Body
	m.bt.Rect(float32(r.x), float32(r.y), float32(r.w), float32(r.h), render.RGB(0x0c1626).WithA(0.97))
	m.bt.Frame(float32(r.x), float32(r.y), float32(r.w), float32(r.h), float32(u(1)), render.ColAccent.RGBA())
	m.bt.Flush(dst)
	g.Kit.Text(dst, fitText(whole, f, r.w-u(20)), f, r.x+u(10), r.y+u(5), render.ColText.RGBA(), render.Left)
}

// wholeTip is the whole text of the focused item, when its row shortens
// it, and where it is shown: under the row (over it at the screen's
// bottom), inside the screen.
func (m *menuList) wholeTip(g *Manager) (string, rect, bool) {
	if m.focus < 0 || m.focus >= len(m.items) {
		return "", rect{}, false
	}
	it := &m.items[m.focus]
	whole, shown := it.label, fitText(it.label, g.Fonts.Bold, it.r.w-g.U(16))
	if len(it.values) > 0 {
		whole, shown = "‹  "+it.values[it.value]+"  ›", it.valueText(g)
	}
	if whole == shown {
		return "", rect{}, false
	}
	u := g.U
	w := min(render.TextWidth(whole, g.Fonts.Body)+u(20), g.W-u(8))
	h := g.Fonts.BodyH + u(10)
	x := min(max(it.r.x+it.r.w-w, u(4)), g.W-w-u(4))
	y := it.r.y + it.r.h + u(2)
	if y+h > g.H {
		y = it.r.y - h - u(2)
	}
	return whole, rect{x, y, w, h}, true
}

// valueText is an option's value as drawn: between its arrows, shortened
// to leave the label its room.
func (it *menuItem) valueText(g *Manager) string {
	u := g.U
	room := it.r.w - u(32) - render.TextWidth(it.label, g.Fonts.Body) - u(12) - render.TextWidth("‹    ›", g.Fonts.Bold)
	return "‹  " + fitText(it.values[it.value], g.Fonts.Bold, max(room, u(20))) + "  ›"
}

// measure notes where an option's value v, right-aligned at right, is
// drawn: the part of the row a click steps back on.
func (it *menuItem) measure(g *Manager, v string, right float64) {
	vw := render.TextWidth(v, g.Fonts.Bold)
	it.back, it.mid = right-vw-g.U(8), right-vw/2
}

// measure notes where every option's value is drawn, before the first
// frame is (draw does it again each frame).
func (m *menuList) measure(g *Manager) {
	for i := range m.items {
		if it := &m.items[i]; len(it.values) > 0 {
			it.measure(g, it.valueText(g), it.r.x+it.r.w-g.U(16))
		}
	}
}

// rowBack draws a menu or list row's background and edge, and the focused
// row's accent bar.
func rowBack(bt *render.Batch, r rect, focused bool, u func(float64) float64) {
	col := render.ColPanelHi.WithA(render.PanelHiAlpha)
	edge := render.ColEdge.RGBA()
	if focused {
		col = render.RGB(0x1d3554).WithA(0.95)
		edge = render.ColAccent.RGBA()
	}
	bt.Rect(float32(r.x), float32(r.y), float32(r.w), float32(r.h), col)
	bt.Frame(float32(r.x), float32(r.y), float32(r.w), float32(r.h), float32(u(1.5)), edge)
	if focused {
		bt.Rect(float32(r.x), float32(r.y), float32(u(5)), float32(r.h), render.ColAccent.RGBA())
	}
}

// fitText shortens s with an ellipsis to fit w pixels of face.
func fitText(s string, face *text.GoTextFace, w float64) string {
	if w <= 0 || render.TextWidth(s, face) <= w {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if render.TextWidth(string(r[:mid])+"…", face) <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(r[:lo]) + "…"
}

// listRow is a row of a scrolling list: a title, up to two lines under it,
// and whether it can be deleted.
type listRow struct {
	title, sub, sub2 string
	enabled          bool
	deletable        bool
}

// scrollList is a list of rows with no cap: the wheel, a drag (a finger),
// the arrow keys, Page Up and Page Down scroll it; a click, Enter or Space
// picks a row, and a row's Delete button (or the Delete key) asks for it to
// be deleted. Rows out of its area are clipped.
type scrollList struct {
	rows      []listRow
	focus     int
	scroll    float64 // pixels scrolled from the top
	area      rect    // where the rows show, on screen
	rowH, gap float64
	delW      float64 // the Delete button's width (0: none)
	bt        *render.Batch
	grab      bool // a press began in the area: its drag scrolls
}

func newScrollList(k *render.Kit) *scrollList { return &scrollList{bt: k.NewBatch(false)} }

// layout places the list.
func (l *scrollList) layout(area rect, rowH, gap, delW float64) {
	l.area, l.rowH, l.gap, l.delW = area, rowH, gap, delW
	l.clamp()
}

func (l *scrollList) pitch() float64 { return l.rowH + l.gap }

// maxScroll is how far the list scrolls.
func (l *scrollList) maxScroll() float64 {
	return max(0, float64(len(l.rows))*l.pitch()-l.gap-l.area.h)
}

func (l *scrollList) clamp() { l.scroll = min(max(l.scroll, 0), l.maxScroll()) }

// rowRect is row i on screen (perhaps outside the area).
func (l *scrollList) rowRect(i int) rect {
	return rect{l.area.x, l.area.y + float64(i)*l.pitch() - l.scroll, l.area.w, l.rowH}
}

// deleteRect is row i's Delete button.
func (l *scrollList) deleteRect(i int) rect {
	r := l.rowRect(i)
	m := (l.rowH - l.rowH*0.62) / 2
	return rect{r.x + r.w - l.delW - m, r.y + m, l.delW, l.rowH - 2*m}
}

// visible reports whether a point is on a shown part of row i.
func (l *scrollList) visible(r rect, x, y float64) bool { return r.in(x, y) && l.area.in(x, y) }

// show scrolls row i into view.
func (l *scrollList) show(i int) {
	r := l.rowRect(i)
	if r.y < l.area.y {
		l.scroll -= l.area.y - r.y
	}
	if r.y+r.h > l.area.y+l.area.h {
		l.scroll += r.y + r.h - (l.area.y + l.area.h)
	}
	l.clamp()
}

// update handles the input: it returns the row picked and the row to
// delete, -1 for none.
func (l *scrollList) update(in *input.Input, snd *sound.Sound) (pick, del int) {
	pick, del = -1, -1
	n := len(l.rows)
	if in.Wheel != 0 && l.area.in(in.X, in.Y) {
		l.scroll -= in.Wheel * l.pitch()
		l.clamp()
	}
	if in.Pressed {
		l.grab = l.area.in(in.X, in.Y)
	}
	if in.Dragging && l.grab {
		l.scroll -= in.DY
		l.clamp()
	}
	if !in.Down && !in.Dragging {
		l.grab = false
	}
	if n == 0 {
		return
	}
	l.focus = min(max(l.focus, 0), n-1)
	move := func(d int) {
		f := l.focus
		for range n {
			f = min(max(f+d, 0), n-1)
			if l.rows[f].enabled || f == 0 || f == n-1 {
				break
			}
		}
		if f != l.focus {
			l.focus = f
			snd.Play(sound.Click)
		}
		l.show(l.focus)
	}
	if in.Repeat(input.CmdUp) {
		move(-1)
	}
	if in.Repeat(input.CmdDown) {
		move(1)
	}
	page := max(1, int(l.area.h/l.pitch())-1)
	if _, r := in.Key(ebiten.KeyPageUp); r {
		move(-page)
	}
	if _, r := in.Key(ebiten.KeyPageDown); r {
		move(page)
	}
	if j, _ := in.Key(ebiten.KeyHome); j {
		move(-n)
	}
	if j, _ := in.Key(ebiten.KeyEnd); j {
		move(n)
	}
	if in.Moved && !in.Dragging {
		for i := range l.rows {
			if l.rows[i].enabled && l.visible(l.rowRect(i), in.X, in.Y) {
				l.focus = i
			}
		}
	}
	if in.Clicked {
		for i := range l.rows {
			if !l.rows[i].enabled {
				continue
			}
			if l.delW > 0 && l.rows[i].deletable && l.visible(l.deleteRect(i), in.ClickX, in.ClickY) {
				l.focus = i
				snd.Play(sound.Click)
				return -1, i
			}
			if l.visible(l.rowRect(i), in.ClickX, in.ClickY) {
				l.focus = i
				snd.Play(sound.Click)
				return i, -1
			}
		}
	}
	it := l.rows[l.focus]
	if j, _ := in.Key(ebiten.KeyDelete); j && it.enabled && it.deletable {
		return -1, l.focus
	}
	if (in.Just(input.CmdConfirm) || in.Just(input.CmdAct)) && it.enabled {
		snd.Play(sound.Click)
		return l.focus, -1
	}
	return
}

// draw draws the rows in the list's area, and a scroll bar when they do
// not all fit.
func (l *scrollList) draw(dst *ebiten.Image, g *Manager) {
	u := g.U
	a := l.area
	clip, ok := dst.SubImage(image.Rect(int(a.x), int(a.y), int(math.Ceil(a.x+a.w)), int(math.Ceil(a.y+a.h)))).(*ebiten.Image)
	if !ok {
		return
	}
	first := max(0, int(l.scroll/l.pitch()))
	last := min(len(l.rows)-1, int((l.scroll+a.h)/l.pitch()))
	for i := first; i <= last; i++ {
		r := l.rowRect(i)
		rowBack(l.bt, r, i == l.focus, u)
		if l.delW > 0 && l.rows[i].deletable && l.rows[i].enabled {
			d := l.deleteRect(i)
			l.bt.Rect(float32(d.x), float32(d.y), float32(d.w), float32(d.h), render.ColBad.WithA(0.18))
			l.bt.Frame(float32(d.x), float32(d.y), float32(d.w), float32(d.h), float32(u(1)), render.ColBad.WithA(0.7))
		}
	}
	l.bt.Flush(clip)
	for i := first; i <= last; i++ {
		r := l.rowRect(i)
		row := &l.rows[i]
		col, sub := render.ColText.RGBA(), render.ColDim.RGBA()
		if !row.enabled {
			col, sub = render.ColDim.WithA(0.5), render.ColDim.WithA(0.5)
		}
		tw := r.w - u(32)
		if l.delW > 0 && row.deletable {
			tw -= l.delW + u(8)
			d := l.deleteRect(i)
			g.Kit.Text(clip, "Delete", g.Fonts.Small, d.x+d.w/2, d.y+(d.h-g.Fonts.SmallH)/2, render.ColBad.RGBA(), render.Center)
		}
		lines := 0
		for _, s := range [2]string{row.sub, row.sub2} {
			if s != "" {
				lines++
			}
		}
		top := r.y + (r.h-g.Fonts.BoldH-float64(lines)*g.Fonts.SmallH)/2
		g.Kit.Text(clip, fitText(row.title, g.Fonts.Bold, tw), g.Fonts.Bold, r.x+u(16), top, col, render.Left)
		y := top + g.Fonts.BoldH
		for _, s := range [2]string{row.sub, row.sub2} {
			if s != "" {
				g.Kit.Text(clip, fitText(s, g.Fonts.Small, tw), g.Fonts.Small, r.x+u(16), y, sub, render.Left)
				y += g.Fonts.SmallH
			}
		}
	}
	if ms := l.maxScroll(); ms > 0 {
		total := float64(len(l.rows))*l.pitch() - l.gap
		h := max(u(24), a.h*a.h/total)
		y := a.y + (a.h-h)*l.scroll/ms
		l.bt.Rect(float32(a.x+a.w+u(4)), float32(a.y), float32(u(4)), float32(a.h), render.ColEdge.WithA(0.4))
		l.bt.Rect(float32(a.x+a.w+u(4)), float32(y), float32(u(4)), float32(h), render.ColAccent.WithA(0.8))
		l.bt.Flush(dst)
	}
}

// textField is a line of text the player types (a save's name). It reads
// the typed text and Backspace; Enter submits.
type textField struct {
	value []rune
	max   int
	r     rect
	bt    *render.Batch
}

func newTextField(k *render.Kit, value string, max int) *textField {
	return &textField{value: []rune(value), max: max, bt: k.NewBatch(false)}
}

// update takes this frame's typing; it reports whether Enter was pressed.
func (f *textField) update(in *input.Input) (submit bool) {
	for _, r := range in.Typed {
		if unicode.IsPrint(r) && len(f.value) < f.max {
			f.value = append(f.value, r)
		}
	}
	if _, rep := in.Key(ebiten.KeyBackspace); rep && len(f.value) > 0 {
		f.value = f.value[:len(f.value)-1]
	}
	if j, _ := in.Key(ebiten.KeyU); j && in.Ctrl() {
		f.value = f.value[:0]
	}
	return in.Just(input.CmdConfirm)
}

func (f *textField) text() string { return strings.TrimSpace(string(f.value)) }

func (f *textField) draw(dst *ebiten.Image, g *Manager) {
	u := g.U
	r := f.r
	f.bt.Rect(float32(r.x), float32(r.y), float32(r.w), float32(r.h), render.RGB(0x050a14).WithA(0.95))
	f.bt.Frame(float32(r.x), float32(r.y), float32(r.w), float32(r.h), float32(u(1.5)), render.ColAccent.RGBA())
	s := fitTextTail(string(f.value), g.Fonts.Bold, r.w-u(32))
	x := r.x + u(12) + render.TextWidth(s, g.Fonts.Bold)
	if int(g.Time*2)%2 == 0 {
		f.bt.Rect(float32(x+u(2)), float32(r.y+r.h*0.22), float32(u(2)), float32(r.h*0.56), render.ColAccent.RGBA())
	}
	f.bt.Flush(dst)
	g.Kit.Text(dst, s, g.Fonts.Bold, r.x+u(12), r.y+(r.h-g.Fonts.BoldH)/2, render.ColText.RGBA(), render.Left)
}

// fitTextTail keeps the end of s that fits w pixels (a field shows where
// the typing is).
func fitTextTail(s string, face *text.GoTextFace, w float64) string {
	r := []rune(s)
	for len(r) > 0 && render.TextWidth(string(r), face) > w {
		r = r[1:]
	}
	return string(r)
}
