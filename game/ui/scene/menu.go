package scene

import (
	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/ui/input"
	"github.com/calltoarms/ds9/game/ui/render"
)

// menu is the Escape menu of the battle: resume, save, load, settings, quit.
type menu struct {
	b      *battleScene
	list   *menuList
	iRes   int
	iSave  int
	iLoad  int
	iSpeed int
	iSound int
	iTitle int
	iQuit  int
	picker *filePicker
	msg    string
}

func newMenu(g *Manager, b *battleScene) *menu {
	m := &menu{b: b, list: newMenuList(g.Kit)}
	m.iRes = m.list.add("Resume")
	m.iSave = m.list.add("Save the battle")
	m.iLoad = m.list.add("Load a saved battle")
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
	m.iTitle = m.list.add("Quit to the title")
	m.iQuit = m.list.add("Quit the game")
	if b.rp != nil {
		m.list.items[m.iSave].enabled = false
	}
	m.layout(g) // laid out before its first frame is drawn
	return m
}

func (m *menu) layout(g *Manager) {
	u := g.U
	m.list.layout(g.W/2-u(200), g.H/2-u(170), u(400), u(40), u(6))
}

func (m *menu) update(g *Manager) {
	m.layout(g)
	if m.picker != nil {
		done, pick := m.picker.update(g)
		if done {
			m.picker = nil
		}
		if pick != nil {
			pick()
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
	case m.iSave:
		m.b.saveAs()
		m.msg = m.b.bannerSub
	case m.iLoad:
		m.picker = newSavePicker(g, "Load a saved battle", func(name string) {
			s, err := openSaved(g, name)
			if err != nil {
				m.msg = err.Error()
				return
			}
			g.SetScene(newBattleScene(g, s))
		})
	case m.iSpeed:
		g.Settings.Speed = m.list.items[m.iSpeed].value
	case m.iSound:
		g.Sound.Enabled = m.list.items[m.iSound].value == 1
		g.Settings.Sound = g.Sound.Enabled
	case m.iTitle:
		g.SetScene(newTitleScene(g, m.b.s.Scenario))
	case m.iQuit:
		g.Quit()
	}
}

func (m *menu) draw(dst *ebiten.Image) {
	g := m.b.g
	u := g.U
	bt := m.list.bt
	bt.Rect(0, 0, float32(g.W), float32(g.H), render.ColSpace.WithA(0.7))
	r := rect{g.W/2 - u(230), g.H/2 - u(230), u(460), u(440)}
	panel(bt, r, u)
	bt.Flush(dst)
	g.Kit.Text(dst, "COMMAND MENU", g.Fonts.Head, g.W/2, r.y+u(18), render.ColAccent.RGBA(), render.Center)
	m.list.draw(dst, g)
	hint := "Saves: " + g.Storage.Where()
	if m.msg != "" {
		hint = m.msg
	}
	g.Kit.Text(dst, hint, g.Fonts.Small, g.W/2, r.y+r.h-u(28), render.ColDim.RGBA(), render.Center)
	if m.picker != nil {
		m.picker.draw(dst)
	}
}
