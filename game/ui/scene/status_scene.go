package scene

import "github.com/calltoarms/ds9/game/ui/play"

// statusScene is a scene that reports its part of the status.
type statusScene interface {
	fillStatus(st *play.Status)
}

// statusTrack remembers when the battle or replay on screen came up.
type statusTrack struct {
	scene Scene
	from  int
}

// Status reports the game's state now.
func (g *Manager) Status() play.Status {
	st := play.Status{Scene: "loading", Frames: g.Frame}
	sc := g.scene
	if r, ok := sc.(statusScene); ok {
		r.fillStatus(&st)
	}
	dpr := max(g.DPR, 0.25)
	st.Screen = play.Size{W: g.W / dpr, H: g.H / dpr}
	if b, ok := sc.(*battleScene); ok {
		st.Boxes = b.hud.statusBoxes(dpr)
	}
	if st.Scene == "battle" || st.Scene == "replay" {
		if g.track.scene != sc {
			g.track.scene, g.track.from = sc, g.Frame
		}
		st.BattleFrames = g.Frame - g.track.from
	}
	return st
}

func (b *battleScene) fillStatus(st *play.Status) {
	play.FillStatus(st, b.s)
	if b.rp != nil {
		st.Scene, st.Replay = "replay", true
		st.Busy = b.rp.playing
		st.Error = b.rp.broken
		return
	}
	st.Scene = "battle"
	st.HumanTurn = b.s.HumanTurn()
	st.Busy = !st.HumanTurn && st.Phase != "over" || b.curtain
}

func (r *reportScene) fillStatus(st *play.Status) {
	st.Scene = "report"
	if r.s != nil {
		play.FillStatus(st, r.s)
	}
}

func (b *briefingScene) fillStatus(st *play.Status) {
	st.Scene = "briefing"
	if b.s == nil {
		if b.sc != nil {
			st.Scenario = b.sc.ID
		}
		st.Error = b.err
		return
	}
	play.FillStatus(st, b.s)
	st.HumanTurn = b.s.HumanTurn()
	st.Error = b.err
}

func (t *titleScene) fillStatus(st *play.Status) {
	st.Scene = "title"
	st.Error = t.err
}

// statusBoxes are the HUD's boxes as drawn, in device-independent pixels:
// the top bar, the side panel (or its tab, folded), the log, the action
// bar, the selected ship's summary, the action bar's buttons and the menu
// button. A box not shown is left out.
func (h *hud) statusBoxes(dpr float64) []play.Box {
	box := func(name string, r rect) play.Box {
		return play.Box{Name: name, X: r.x / dpr, Y: r.y / dpr, W: r.w / dpr, H: r.h / dpr}
	}
	names := [...]string{"top", "panel", "log", "bar", "tab", "summary"}
	var out []play.Box
	for i, r := range h.boxes() {
		if r.w > 0 && r.h > 0 {
			out = append(out, box(names[i], r))
		}
	}
	out = append(out, box("menu", h.menuBtn))
	for i, r := range h.buttons {
		if i < len(h.btns) {
			out = append(out, box("button", r))
		}
	}
	return out
}
