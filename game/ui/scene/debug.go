package scene

import (
	"strings"

	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/ui/play"
)

// Hooks for tests and for pages that embed the game: where to click. The
// browser build exposes them as window.ds9.debug (web_js.go); coordinates
// here are screen pixels.

// DebugShip is a ship of the side giving orders, at its hex's centre on screen.
type DebugShip struct {
	ID   int
	Name string
	X, Y float64
}

// DebugOwnShips lists the ships the person playing may select now: their
// side's live ships whose hex is on screen and not under the HUD. It is empty
// when it is not a person's turn in a battle.
func (g *Manager) DebugOwnShips() []DebugShip {
	b, ok := g.scene.(*battleScene)
	if !ok || b.curtain || b.menu != nil || !b.ctl.MyTurn() {
		return nil
	}
	var out []DebugShip
	v := b.ctl.View
	for i := range v.Ships {
		sh := &v.Ships[i]
		if sh.Side != b.ctl.Side || !sh.Alive() {
			continue
		}
		x, y := b.cam.HexCenter(sh.Pos)
		if x < 0 || y < 0 || x >= b.cam.W || y >= b.cam.H || b.hud.contains(x, y) {
			continue
		}
		out = append(out, DebugShip{ID: int(sh.ID), Name: sh.Name, X: x, Y: y})
	}
	return out
}

// DebugSelected is the selected ship's id in a battle, or -1.
func (g *Manager) DebugSelected() int {
	b, ok := g.scene.(*battleScene)
	if !ok || b.ctl.Selected == rules.NoShip {
		return -1
	}
	return int(b.ctl.Selected)
}

// DebugButton returns the screen rectangle of a battle's action-bar button,
// named by its label in lower case with dashes ("move", "fire", "end-phase")
// or "end-turn". ok is false when there is no such button on screen or it
// cannot be pressed now.
func (g *Manager) DebugButton(name string) (x, y, w, h float64, ok bool) {
	b, isBattle := g.scene.(*battleScene)
	if !isBattle || !b.ctl.MyTurn() {
		return 0, 0, 0, 0, false
	}
	b.hud.layout()
	for i, a := range actionButtons {
		label := strings.ToLower(strings.ReplaceAll(a.label, " ", "-"))
		if label == name || (name == "end-turn" && a.act == play.ActEndTurn) {
			r := b.hud.buttons[i]
			return r.x, r.y, r.w, r.h, r.w > 0
		}
	}
	return 0, 0, 0, 0, false
}

// DebugCamera is the battle camera's target: the world point at the centre
// of the screen and the zoom. ok is false outside a battle or replay.
func (g *Manager) DebugCamera() (x, y, zoom float64, ok bool) {
	b, isBattle := g.scene.(*battleScene)
	if !isBattle {
		return 0, 0, 0, false
	}
	return b.cam.TX, b.cam.TY, b.cam.TZoom, true
}

// DebugMoves lists the hexes the selected ship can move to that are on
// screen and not under the HUD, at their centres in screen pixels.
func (g *Manager) DebugMoves() [][2]float64 {
	b, ok := g.scene.(*battleScene)
	if !ok || b.curtain || b.menu != nil || !b.ctl.MyTurn() || b.ctl.Mode != play.ModeMove {
		return nil
	}
	var out [][2]float64
	for _, e := range b.ctl.Ends {
		x, y := b.cam.HexCenter(e.Hex)
		if x < 0 || y < 0 || x >= b.cam.W || y >= b.cam.H || b.hud.contains(x, y) {
			continue
		}
		out = append(out, [2]float64{x, y})
	}
	return out
}

// DebugMenuItem returns the screen rectangle of the item of the menu or
// list on screen (the title's, the report's, the battle's menu and its
// dialogs, the battle's questions) whose label begins with label; a list's row may be scrolled out
// of its area (shown reports whether it is in it). ok is false when there
// is none.
func (g *Manager) DebugMenuItem(label string) (x, y, w, h float64, shown, ok bool) {
	shown = true
	inMenu := func(m *menuList) (rect, bool) {
		for _, it := range m.items {
			if it.enabled && strings.HasPrefix(it.label, label) {
				return it.r, true
			}
		}
		return rect{}, false
	}
	inList := func(l *scrollList) (rect, bool) {
		for i, row := range l.rows {
			if row.enabled && strings.HasPrefix(row.title, label) {
				r := l.rowRect(i)
				shown = l.area.in(r.x+1, r.y+1) && l.area.in(r.x+1, r.y+r.h-1)
				return r, true
			}
		}
		return rect{}, false
	}
	var r rect
	switch s := g.scene.(type) {
	case *titleScene:
		if s.list != nil {
			if r, ok = inMenu(s.list.buttons); !ok {
				r, ok = inList(s.list.list)
			}
		} else {
			r, ok = inMenu(s.menu)
		}
	case *reportScene:
		r, ok = inMenu(s.menu)
	case *battleScene:
		m := s.menu
		switch {
		case s.ask != nil: // a question first (ending the phase with orders left)
			r, ok = inMenu(s.ask.list)
		case m == nil:
		case m.picker != nil:
			if r, ok = inMenu(m.picker.buttons); !ok {
				r, ok = inList(m.picker.list)
			}
		case m.saver != nil:
			r, ok = inMenu(m.saver.buttons)
		default:
			r, ok = inMenu(m.list)
		}
	}
	return r.x, r.y, r.w, r.h, shown, ok
}
