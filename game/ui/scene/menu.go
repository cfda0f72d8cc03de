package scene

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/ui/input"
	"github.com/calltoarms/ds9/game/ui/render"
)

// menu is the Escape menu of the battle: resume, the help (how the battle
// ends, and the keys), save, load, share the battle (its replay as a file, a
// link to it), the settings (kept for the next game: the guided first turns
// among them, when the battle has a guide), full screen, and quit. It is the
// way to the help and the guide's switch on a touch device, which has no F1
// or F2.
type menu struct {
	b        *battleScene
	list     *menuList
	iRes     int
	iHelp    int
	iGuide   int // -1 when no guide's step is left for the side giving orders
	iSave    int
	iLoad    int
	iFile    int
	iLink    int
	iSpeed   int
	iSound   int
	iUIScale int
	iFull    int
	iTitle   int
	iQuit    int // -1 in the browser, where the game does not end
	picker   *slotPicker
	saver    *saveDialog
	prompt   *promptDialog
	msg      string
	box      rect
}

func newMenu(g *Manager, b *battleScene) *menu {
	m := &menu{b: b, list: newMenuList(g.Kit), iQuit: -1, iGuide: -1}
	m.iRes = m.list.add("Resume")
	m.iHelp = m.list.add("How the battle ends, and the keys")
	if g.Input.TouchDevice {
		m.list.items[m.iHelp].label = "How the battle ends"
	}
	m.iSave = m.list.add("Save the battle…")
	m.iLoad = m.list.add("Load a saved battle…")
	m.iFile = m.list.add("Download the replay")
	if !g.inBrowser() {
		m.list.items[m.iFile].label = "Write the replay to a file…"
	}
	m.iLink = m.list.add("Copy a link to the replay")
	m.iSpeed = m.list.add("Playback speed", speedNames()...)
	m.list.items[m.iSpeed].value = g.Settings.Speed
	m.iSound = m.list.add("Sound", "off", "on")
	if g.Sound.Enabled {
		m.list.items[m.iSound].value = 1
	}
	if !g.Sound.Available() {
		m.list.items[m.iSound].values = []string{"no sound device"}
		m.list.items[m.iSound].value = 0
		m.list.items[m.iSound].enabled = false
	}
	if _, ok := b.guides[b.ctl.Side].Current(); ok {
		m.iGuide = m.list.add("Guided first turns", "off", "on")
		if !g.Settings.NoGuide {
			m.list.items[m.iGuide].value = 1
		}
	}
	m.iUIScale = m.list.add("Interface size", uiScaleNames()...)
	m.list.items[m.iUIScale].value = g.Settings.UIScale
	m.iFull = m.list.add("Full screen", "off", "on")
	if ebiten.IsFullscreen() {
		m.list.items[m.iFull].value = 1
	}
	m.iTitle = m.list.add("Quit to the title")
	if g.CanQuit() {
		m.iQuit = m.list.add("Quit the game")
	}
	if b.rp != nil {
		m.list.items[m.iSave].enabled = false
	}
	m.layout(g) // laid out before its first frame is drawn
	return m
}

func (m *menu) layout(g *Manager) {
	u := g.U
	n := float64(len(m.list.items))
	h, gap := u(36), u(4)
	// A short screen: smaller rows, so that every item shows.
	avail := g.H - u(130) - g.pageInset()
	// Too short for even the smallest rows (a phone on its side): two
	// columns, when the screen is wide enough.
	if cw := min(u(300), (g.W-u(96))/2); n*u(28) > avail && cw >= u(220) {
		rows := math.Ceil(n / 2)
		h = min(u(36), max(u(24), avail/rows-gap))
		m.box = dialogBox(g, 2*cw+u(76), rows*(h+gap)+u(120))
		x := g.W/2 - cw - u(8)
		for i := range m.list.items {
			col, row := float64(i/int(rows)), float64(i%int(rows))
			m.list.items[i].r = rect{x + col*(cw+u(16)), m.box.y + u(64) + row*(h+gap), cw, h}
		}
		return
	}
	if n*(h+gap) > avail {
		h = max(u(24), avail/n-gap)
	}
	m.box = dialogBox(g, u(460), n*(h+gap)+u(120))
	w := m.box.w - u(60)
	m.list.layout(g.W/2-w/2, m.box.y+u(64), w, h, gap)
}

func (m *menu) update(g *Manager) {
	m.layout(g)
	switch {
	case m.picker != nil:
		done, pick := m.picker.update(g)
		if done {
			m.picker = nil
		}
		if pick != nil {
			pick()
		}
		return
	case m.saver != nil:
		if m.saver.update(g) {
			m.msg = m.saver.msg
			m.saver = nil
		}
		return
	case m.prompt != nil:
		if m.prompt.update(g) {
			m.msg = m.prompt.done
			m.prompt = nil
		}
		return
	}
	if g.Input.Just(input.CmdBack) {
		m.b.menu = nil
		return
	}
	i, ok := m.list.update(&g.Input, g.Sound)
	if !ok {
		return
	}
	switch i {
	case m.iRes:
		m.b.menu = nil
	case m.iHelp:
		h := newHelp(m.b)
		h.layout(g) // drawn before its first update: this frame's click was the menu's
		m.b.menu, m.b.help = nil, h
	case m.iGuide:
		g.Settings.NoGuide = m.list.items[m.iGuide].value == 0
		g.SaveSettings()
	case m.iSave:
		m.saver = newSaveDialog(g, m.b)
	case m.iLoad:
		m.picker = newLoadPicker(g)
	case m.iFile:
		m.msg, m.prompt = g.downloadReplay(m.b.s)
	case m.iLink:
		m.msg = g.copyReplayLink(m.b.s)
	case m.iSpeed:
		g.Settings.Speed = m.list.items[m.iSpeed].value
		g.SaveSettings()
	case m.iSound:
		g.Sound.Enabled = m.list.items[m.iSound].value == 1
		g.Settings.Sound = g.Sound.Enabled
		g.SaveSettings()
	case m.iUIScale:
		g.Settings.UIScale = m.list.items[m.iUIScale].value
		g.setScale()
		g.SaveSettings()
	case m.iFull:
		ebiten.SetFullscreen(m.list.items[m.iFull].value == 1)
	case m.iTitle:
		g.SetScene(newTitleScene(g, m.b.s.Scenario))
	case m.iQuit:
		g.Quit()
	}
}

func (m *menu) draw(dst *ebiten.Image) {
	g := m.b.g
	u := g.U
	// A dialog of the menu (the load list, the save dialog, a path asked
	// for) is drawn in its place: the menu's text under it would show
	// through its backdrop.
	switch {
	case m.picker != nil:
		m.picker.draw(dst)
		return
	case m.saver != nil:
		m.saver.draw(dst)
		return
	case m.prompt != nil:
		m.prompt.draw(dst)
		return
	}
	bt := m.list.bt
	dialog(bt, g, m.box)
	bt.Flush(dst)
	g.Kit.Text(dst, "COMMAND MENU", g.Fonts.Head, g.W/2, m.box.y+u(18), render.ColAccent.RGBA(), render.Center)
	m.list.draw(dst, g)
	hint := "Saves: " + g.Storage.Where()
	if m.msg != "" {
		hint = m.msg
	}
	g.Kit.Text(dst, fitText(hint, g.Fonts.Small, m.box.w-u(24)), g.Fonts.Small, g.W/2, m.box.y+m.box.h-u(34), render.ColDim.RGBA(), render.Center)
}
