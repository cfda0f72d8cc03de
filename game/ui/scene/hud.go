package scene

import (
	"cmp"
	"fmt"
	"image"
	"math"
	"strconv"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/ui/input"
	"github.com/calltoarms/ds9/game/ui/play"
	"github.com/calltoarms/ds9/game/ui/render"
)

// rect is a screen rectangle.
type rect struct{ x, y, w, h float64 }

func (r rect) in(x, y float64) bool { return x >= r.x && y >= r.y && x < r.x+r.w && y < r.y+r.h }

// overlaps reports whether r and q share any point.
func (r rect) overlaps(q rect) bool {
	return r.x < q.x+q.w && q.x < r.x+r.w && r.y < q.y+q.h && q.y < r.y+r.h
}

// hudLine is a line of HUD text, laid out when its content changes.
type hudLine struct {
	text string
	x, y float64
	face *text.GoTextFace
	col  render.RGBA
	al   render.Align
}

// hudBar is a bar of the HUD: a fraction filled.
type hudBar struct {
	r    rect
	frac float32
	col  render.RGBA
}

// actionInfo describes an action bar button.
type actionInfo struct {
	act   play.Action
	label string
	key   string
	tip   string
	short string // the label on a narrow button
}

var actionButtons = [...]actionInfo{
	{play.ActMove, "Move", "M", "Move the selected ship: click a blue hex. The path and its cost show under the pointer.", "Move"},
	{play.ActFire, "Fire", "F", "Fire on an enemy: hover it to see the hit chance and expected damage. 1–4 choose a weapon, T cycles targets.", "Fire"},
	{play.ActMine, "Lay mine", "L", "Lay a mine at a marked minefield position next to the minelayer.", "Mine"},
	{play.ActCloak, "Cloak", "C", "Engage or drop the cloaking device. Cloaked ships cannot fire.", "Cloak"},
	{play.ActCover, "Cover", "V", "Cover a friendly ship: attacks on it are harder and the coverer fires back.", "Cover"},
	{play.ActEvacuate, "Evacuate", "X", "Order the station's evacuation.", "Evac."},
	{play.ActSabotage, "Sabotage", "P", "Sabotage the station's computers and power once the ships are gone: the station is lost, but not taken whole.", "Sabot."},
	{play.ActBoard, "Board", "B", "Send troops to board the enemy station.", "Board"},
	{play.ActWithdraw, "Withdraw", "O", "Leave the battle from an exit hex.", "Leave"},
	{play.ActUndo, "Undo", "Z", "Take back the last order, if it revealed nothing.", "Undo"},
	{play.ActEndTurn, "End phase", "Enter", "End your phase: the enemy moves next.", "End"},
	{play.ActWing, "Wing", "Y", "Command the selected ship's whole attack wing: one order for all its ships.", "Wing"},
}

// stationButtons is the action bar with the side's own station selected.
var stationButtons = [...]actionInfo{
	{play.ActFire, "Fire", "F", "Fire on an enemy: hover it to see the hit chance and expected damage. 1–4 choose a weapon, T cycles targets.", "Fire"},
	{play.ActRepair, "Repair", "Shift+R", "Damage control: an action restores hull to the section chosen in the panel (click it, or [ ]). A section that is gone cannot be brought back.", "Repair"},
	{play.ActReroute, "Re-route", "Shift+O", "Once main power is lost: route it through another section still standing, for every action left this phase and half that section's hull. Once a battle.", "Power"},
	{play.ActEvacuate, "Evacuate", "X", "Order the station's evacuation.", "Evac."},
	{play.ActSabotage, "Sabotage", "P", "Sabotage the station's computers and power once the ships are gone: the station is lost, but not taken whole.", "Sabot."},
	{play.ActUndo, "Undo", "Z", "Take back the last order, if it revealed nothing.", "Undo"},
	{play.ActEndTurn, "End phase", "Enter", "End your phase: the enemy moves next.", "End"},
}

// wingButtons is the action bar with an attack wing selected, or with none
// of the side's wings or ships selected.
var wingButtons = [...]actionInfo{
	{play.ActCarryOn, "Carry on", "G", "The selected wing carries out its orders, ship by ship: each moves and fires as they say.", "Go"},
	{play.ActHold, "Hold", "U", "The selected wing holds where it stands and engages what comes near.", "Hold"},
	{play.ActAllWings, "All wings", "Shift+G", "Every wing with ships that can still move or fire carries out its orders, one wing after the other.", "All"},
	{play.ActWing, "One ship", "Y", "Command one ship of the wing instead: the ship at its middle.", "Ship"},
	{play.ActUndo, "Undo", "Z", "Take back the last order, if it revealed nothing.", "Undo"},
	{play.ActEndTurn, "End phase", "Enter", "End your phase: the enemy moves next.", "End"},
}

// hudKey is what the HUD's text depends on.
type hudKey struct {
	changed         int
	side, active    rules.Side
	sel             rules.ShipID
	wing            int
	mode            play.Mode
	weapon, section int
	ownSection      int
	advised         int // the advisor's battles played so far
	w, h, scale     float64
	my, skip, watch bool
	speed           int
	curtain         bool
	playing         bool // the replay plays
	open, touch     bool // the panel folded out; a touch device
	panel, selBox   rect // where the panel's text goes, or the ship's summary
	scroll          float64
}

// tipKey is what the tooltip depends on.
type tipKey struct {
	button int
	hex    hexKey
	onMap  bool
	base   hudKey
	whatIf int // the what-if advice's battles so far
}

// layerKey is what the HUD's layer depends on.
type layerKey struct {
	base                    hudKey
	logN, hover             int
	logBack                 int
	logFilter               play.LogFilter
	top, panel, logBox, bar rect
	tab, selBox             rect
}

type hexKey struct{ q, r int }

// wingRow is a wing's row in the panel's wing list.
type wingRow struct {
	r    rect
	wing int
}

// wingAt returns the wing whose row in the panel's list is under a point.
func (h *hud) wingAt(x, y float64) (int, bool) {
	for _, r := range h.wingRows {
		if r.r.in(x, y) && r.r.y >= h.panel.y && r.r.y+r.r.h <= h.panel.y+h.panel.h {
			return r.wing, true
		}
	}
	return 0, false
}

// secRow is a station section's row in the panel.
type secRow struct {
	r  rect
	id int
}

// hud is the battle's heads-up display.
type hud struct {
	b         *battleScene
	top       rect
	panel     rect
	logBox    rect
	bar       rect
	logWrap   []logLine      // the log box's lines (logLines), for logKey
	logKey    [5]float64     // the log's length, the box's width, the scale, logBack, logFilter
	logBack   int            // entries scrolled back from the newest (the wheel over the log)
	logBackLn string         // what the log's header says then
	logFilter play.LogFilter // which lines the log shows (a click on its header, Shift+L)
	logFresh  bool
	buttons   []rect
	btns      []actionInfo
	menuBtn   rect     // the top bar's Menu button (Esc)
	secRows   []secRow // the enemy station's sections, to click to aim at (or the own station's, ownRows)
	ownRows   bool
	wingRows  []wingRow // with nothing selected: the side's wings, to click to select
	stamp     hudKey
	fresh     bool
	movingLn  string
	lines     []hudLine
	bars      []hudBar
	bt        *render.Batch

	tipKey tipKey

	layer    *ebiten.Image // panels, bars, buttons and log, redrawn on change
	layerKey layerKey
	layerOK  bool
	subs     []*ebiten.Image
	subOp    ebiten.DrawImageOptions
	tip      []string
	tipW     float64
	topLine  string
	speedLn  string
	viewLn   string

	// The compact HUD of a small screen (hud_layout.go).
	compact   bool
	panelOpen bool // the side panel folded out (it is folded away at first)
	logOpen   bool // the event log unfolded (it shows its last lines at first)
	tab       rect // the panel's tab, which folds it out and away
	selBox    rect // the selected ship's summary, with the panel folded away
	hints     bool // the buttons show their keys (not on a touch device)
	topName   string
	topX      float64 // where the turn line is drawn, and how
	topAl     render.Align
	menuLn    string
	tabLn     string
	labels    []string // the buttons' labels, fitted to them
	msgY      float64  // where a message to the player is shown
	scroll    float64  // how far the folded-out panel is scrolled
	panelH    float64  // the height of the panel's text
	grab      bool     // a drag that began on the folded-out panel scrolls it
}

func newHUD(b *battleScene) *hud {
	return &hud{b: b, bt: b.g.Kit.NewBatch(false)}
}

// buttonAt returns the action of the button under a point.
func (h *hud) buttonAt(x, y float64) (play.Action, bool) {
	for i, r := range h.buttons {
		if r.in(x, y) {
			a := h.btns[i].act
			if a < play.ActionCount && !h.b.ctl.MyTurn() {
				return 0, false
			}
			return a, true
		}
	}
	return 0, false
}

// enabled reports whether an action bar button can be pressed now.
func (h *hud) enabled(a play.Action) bool {
	if a >= play.ActionCount {
		return true // replay and playback controls
	}
	return h.b.ctl.MyTurn() && h.b.ctl.Avail[a]
}

// sectionAt returns the enemy station section whose row in the panel is
// under a point: a click there aims the attacks at it.
func (h *hud) sectionAt(x, y float64) (int, bool) {
	for _, r := range h.secRows {
		if r.r.in(x, y) {
			return r.id, true
		}
	}
	return 0, false
}

// refresh rebuilds the HUD's text when what it shows has changed.
func (h *hud) refresh() {
	b := h.b
	c := b.ctl
	g := b.g
	st := c.View
	key := hudKey{changed: b.s.Changed, side: c.Side, active: st.Active, sel: c.Selected, wing: c.Wing, mode: c.Mode, weapon: c.Weapon, section: c.Section, ownSection: c.OwnSection, advised: b.advised(),
		w: g.W, h: g.H, scale: g.Scale, my: c.MyTurn(), skip: b.skipping, watch: b.watch, speed: g.Settings.Speed, curtain: b.curtain,
		playing: b.rp != nil && b.rp.playing, open: h.panelOpen, scroll: h.scroll, touch: g.Input.TouchDevice,
		panel: h.panel, selBox: h.selBox}
	if h.fresh && key == h.stamp {
		return
	}
	h.stamp, h.fresh = key, true
	h.lines, h.bars, h.secRows, h.wingRows = h.lines[:0], h.bars[:0], h.secRows[:0], h.wingRows[:0]
	u := g.U
	f := g.Fonts
	v := c.View

	touch := g.Input.TouchDevice
	phase := play.SideTitle(b.s.Scenario, st.Active) + " phase"
	if st.Phase == rules.Parley {
		phase = "Surrender terms"
	} else if st.Phase == rules.Over {
		phase = "Battle over"
	}
	h.topLine = fmt.Sprintf("Turn %d of %d  ·  %s", max(st.Turn, 1), st.TurnLimit, phase)
	switch {
	case b.rp != nil:
		h.topLine += fmt.Sprintf("  ·  replay, order %d of %d", b.rpPos(), len(b.rp.orders))
	case c.MyTurn():
		h.topLine += "  ·  your orders"
	case st.Phase == rules.Battle && !touch:
		h.topLine += "  ·  K: skip"
	}
	h.speedLn = "Playback " + speedNames()[g.Settings.Speed] + "  (, .)"
	h.viewLn = play.SideTitle(b.s.Scenario, c.Side) + " view"
	if b.watch {
		h.viewLn += "  (G: switch)"
	}
	h.viewLn += "   " + h.speedLn
	moving := " is moving…"
	if b.s.Thinking() {
		moving = " is thinking…" // the hard level's search, in the background
	}
	h.movingLn = play.SideTitle(b.s.Scenario, st.Active) + moving + "  K: skip   , . : speed"
	watching := " phase (watching)"
	if b.s.Thinking() {
		watching = " is thinking (watching)"
	}
	if b.watch {
		h.movingLn = play.SideTitle(b.s.Scenario, st.Active) + watching + "   , . : speed   G: switch view   K: skip"
	}
	if touch {
		// No keys on a touch device.
		h.speedLn = "Playback " + speedNames()[g.Settings.Speed]
		h.viewLn = play.SideTitle(b.s.Scenario, c.Side) + " view   " + h.speedLn
		h.movingLn = play.SideTitle(b.s.Scenario, st.Active) + moving
		if b.watch {
			h.movingLn = play.SideTitle(b.s.Scenario, st.Active) + watching
		}
	}

	h.fitTop(fmt.Sprintf("Turn %d/%d · %s", max(st.Turn, 1), st.TurnLimit, phase))
	h.fitLabels()
	if h.compact && len(h.buttons) > 0 {
		last := h.buttons[len(h.buttons)-1]
		if room := h.bar.x + h.bar.w - u(8) - (last.x + last.w + u(18)); room > u(40) {
			h.movingLn = fitText(h.movingLn, f.Body, room)
		} else {
			h.movingLn = ""
		}
	}
	if h.compact && !h.panelOpen {
		h.summary()
		return
	}

	x, y := h.panel.x+u(14), h.panel.y+u(10)-h.scroll
	w := h.panel.w - u(28)
	defer func() {
		h.panelH = y + h.scroll - (h.panel.y + u(10)) // the text's height, for the scroll
		h.clampPanel()
	}()
	add := func(s string, face *text.GoTextFace, col render.RGBA, dy float64) {
		h.lines = append(h.lines, hudLine{text: s, x: x, y: y, face: face, col: col})
		y += dy
	}
	addR := func(s string, face *text.GoTextFace, col render.RGBA) {
		h.lines = append(h.lines, hudLine{text: s, x: x + w, y: y, face: face, col: col, al: render.Right})
	}
	bar := func(frac float32, col render.RGBA) {
		h.bars = append(h.bars, hudBar{r: rect{x, y, w, u(6)}, frac: min(max(frac, 0), 1), col: col})
		y += u(14)
	}
	add("OBJECTIVES", f.Bold, render.ColAccent.RGBA(), u(24))
	// The side's own objectives from the scenario: done, not yet, or not
	// something it can tell.
	for _, o := range b.s.Objectives(c.Side, b.watch) {
		mark, col := "·", render.ColText.RGBA()
		switch {
		case o.Known && o.Done:
			mark, col = "+", render.ColGood.RGBA()
		case !o.Known:
			mark, col = "?", render.ColDim.RGBA()
		}
		if o.Points != 0 {
			addR(fmt.Sprintf("%+d", o.Points), f.Small, render.ColDim.RGBA())
		}
		for i, ln := range render.WrapText(mark+" "+o.Text, f.Small, w-u(34)) {
			if i > 0 {
				ln = "  " + ln
			}
			add(ln, f.Small, col, u(16))
		}
	}
	y += u(4)
	// Minefield.
	if v.MinesTotal > 0 {
		mstate := "being laid"
		if v.MinefieldActive {
			mstate = "ACTIVE"
		}
		addR(fmt.Sprintf("%d / %d", v.MinesLaid, v.MinesTotal), f.Body, render.ColText.RGBA())
		add("Minefield ("+mstate+")", f.Body, render.ColText.RGBA(), u(20))
		bar(float32(v.MinesLaid)/float32(max(1, v.MinesTotal)), render.ColMine.RGBA())
	}
	// The losses an outcome counts, against its number (read from the
	// outcome's conditions), else each side's losses.
	if side, n, _, ok := play.LossGoal(b.s.Scenario); ok {
		addR(fmt.Sprintf("%d / %d", v.Losses[side], n), f.Body, render.ColText.RGBA())
		add(play.SideTitle(b.s.Scenario, side)+" ships destroyed", f.Body, render.ColText.RGBA(), u(20))
		bar(float32(v.Losses[side])/float32(max(1, n)), render.SideColor(side))
	} else {
		for _, side := range rules.Sides {
			addR(strconv.Itoa(v.Losses[side]), f.Body, render.ColText.RGBA())
			add(play.SideTitle(b.s.Scenario, side)+" ships destroyed", f.Body, render.ColText.RGBA(), u(20))
		}
	}
	addR(fmt.Sprintf("%d / %d", max(v.Turn, 1), v.TurnLimit), f.Body, render.ColText.RGBA())
	add("Turn", f.Body, render.ColText.RGBA(), u(20))
	bar(float32(max(v.Turn, 1))/float32(max(1, v.TurnLimit)), render.ColDim.RGBA())
	// The advisor's chances from the start of this phase.
	if b.advisor != nil && c.MyTurn() {
		ch, done, err := b.advisor.Chances(b.advisorKey())
		switch {
		case err != nil:
			add(fitText("Advisor: "+err.Error(), f.Small, w), f.Small, render.ColBad.RGBA(), u(16))
		case ch.N == 0:
			add("Chances from here: thinking…", f.Small, render.ColDim.RGBA(), u(16))
		default:
			head := fmt.Sprintf("Chances from here (%d battles)", ch.N)
			if !done {
				head = fmt.Sprintf("Chances from here (%d battles so far)", ch.N)
			}
			add(head, f.Small, render.ColAccent.RGBA(), u(16))
			for i, o := range ch.Chance {
				if i == 3 {
					break
				}
				name := cmp.Or(outcomeTitle(b.s.Scenario, o.Outcome), o.Outcome, "Undecided")
				pct := fmt.Sprintf("%.0f%%", 100*o.P)
				addR(pct, f.Small, render.ColText.RGBA())
				add(fitText("  "+name, f.Small, w-render.TextWidth(pct, f.Small)-u(8)), f.Small, render.ColText.RGBA(), u(15))
			}
		}
		y += u(2)
	}
	// The station.
	for i := range v.Ships {
		sh := &v.Ships[i]
		cl := v.Class(sh)
		if !cl.Station {
			continue
		}
		status, scol := "main power online", render.ColGood.RGBA()
		switch {
		case v.Terms == rules.TermsAccepted || sh.Sabotaged:
			status, scol = play.StationFate(sh, v.Terms), render.ColWarn.RGBA()
		case sh.Captured:
			status, scol = "captured", render.ColBad.RGBA()
		case sh.Evacuated:
			status, scol = "evacuated", render.ColWarn.RGBA()
		case !sh.MainPower:
			status, scol = "MAIN POWER LOST", render.ColBad.RGBA()
			if cl.Reroute && !sh.Rerouted {
				status += " · it can be re-routed"
			}
		case sh.Rerouted:
			status, scol = "main power re-routed through "+play.SectionName(v, sh.ID, sh.PowerAt), render.ColWarn.RGBA()
		}
		y += u(4)
		add(sh.Name, f.Bold, render.ColText.RGBA(), u(19))
		add(status, f.Small, scol, u(17))
		if ev := play.Evacuation(b.s.Scenario, v, sh); ev != "" && !sh.Lost() {
			add(fitText(ev, f.Small, w), f.Small, render.ColWarn.RGBA(), u(17))
		}
		addR(fmt.Sprintf("%d / %d", sh.Shields, cl.Shields), f.Small, render.ColDim.RGBA())
		add("Shields", f.Small, render.ColDim.RGBA(), u(16))
		bar(float32(sh.Shields)/float32(max(1, cl.Shields)), render.RGB(0x5fb0ff))
		// The enemy's station: its sections are targets; a click on a row
		// (or [ ]) aims the attacks at it.
		aim := 0
		if sh.Side != c.Side && c.MyTurn() && !c.DamageControl() {
			aim = c.SectionFor(c.Sel(), sh)
			add("Aim at a section: click it, or [ ]", f.Small, render.ColDim.RGBA(), u(16))
		}
		// The side's own station, selected: its damage control works on the
		// section chosen the same way.
		own := sh.Side == c.Side && sh.ID == c.Selected && c.DamageControl()
		h.ownRows = own
		if own {
			aim = c.RepairChoice()
			what := fmt.Sprintf("Damage control (+%d hull an action): click a section, or [ ]", cl.Repair)
			if len(c.Opts.Repairs) == 0 {
				aim, what = c.RerouteChoice(), "Re-route main power: click a section, or [ ]"
			}
			for _, l := range render.WrapText(what, f.Small, w) {
				add(l, f.Small, render.ColAccent.RGBA(), u(16))
			}
		}
		for si, sec := range cl.Sections {
			hp := 0
			if si < len(sh.Section) {
				hp = sh.Section[si]
			}
			ncol := render.ColDim.RGBA()
			if sec.ID == sh.PowerAt && sh.MainPower {
				ncol = render.ColAccent.RGBA() // the section carrying main power
			}
			name := sec.Name
			if aim != 0 {
				name = "  " + name
				if sec.ID == aim {
					name, ncol = "› "+sec.Name, render.ColGood.RGBA()
				}
				if hp > 0 {
					h.secRows = append(h.secRows, secRow{r: rect{x - u(6), y - u(2), w + u(12), u(29)}, id: sec.ID})
				}
			}
			addR(fmt.Sprintf("%d / %d", hp, sec.Hull), f.Small, render.ColDim.RGBA())
			add(name, f.Small, ncol, u(15))
			bar(float32(hp)/float32(max(1, sec.Hull)), healthColor(float32(hp)/float32(max(1, sec.Hull))))
		}
		break
	}
	y += u(6)
	wrap := func(s string, col render.RGBA) {
		for _, l := range render.WrapText(s, f.Small, w) {
			add(l, f.Small, col, u(15))
		}
	}
	// The selected wing.
	if wg := c.WingSel(); wg != nil {
		_, onMap := c.WingReady(wg.Index)
		moving := 0
		for _, id := range wg.Ships {
			if sh := v.Ship(id); sh != nil && sh.Alive() && sh.MP > 0 {
				moving++
			}
		}
		add(fitText(wg.Name, f.Head, w), f.Head, render.WingColor(wg.Index), u(26))
		if wg.Leader != "" {
			add(fitText("Led by "+wg.Leader, f.Small, w), f.Small, render.ColDim.RGBA(), u(18))
		}
		add(fmt.Sprintf("%d ships · %d with movement left", onMap, moving), f.Small, render.ColText.RGBA(), u(18))
		wrap("Orders: "+c.OrdersText(wg), render.ColText.RGBA())
		if wg.Leaderless {
			wrap(fmt.Sprintf("Its leader is lost: it takes no new orders, and its ships' shots hit %d%% less often.", rules.CohesionPenalty), render.ColWarn.RGBA())
		}
		if c.Carried(wg.Index) {
			add("Carried out this phase", f.Small, render.ColGood.RGBA(), u(16))
		}
		if c.MyTurn() {
			y += u(4)
			wrap(h.how("Click a hex to advance, an enemy to intercept, the station to assault (a section aimed at with [ ]: focus on it). G: carry on · U: hold · Shift+G: all wings · Y or a second click on a ship: one ship.",
				"Tap a hex to advance, an enemy to intercept, the station to assault. Carry on, Hold, All wings: the buttons."), render.ColAccent.RGBA())
		}
		return
	}
	// The selected ship.
	sh := v.Ship(c.Selected)
	if sh == nil {
		add("No ship selected", f.Bold, render.ColDim.RGBA(), u(19))
		if c.MyTurn() {
			if c.Avail[play.ActAllWings] {
				wrap(h.how("Click a ship to command its wing, or a wing below; Tab for the next wing with orders left, Shift+G: every wing carries on.",
					"Tap a ship to command its wing, or a wing below; All wings: every wing carries on."), render.ColDim.RGBA())
				y += u(6)
				// The wing list: each of the side's wings on the map, with
				// its orders; a click on a row selects the wing.
				for i := range v.Wings {
					wg := &v.Wings[i]
					if wg.Side != c.Side {
						continue
					}
					ready, onMap := c.WingReady(wg.Index)
					if onMap == 0 {
						continue
					}
					state := fmt.Sprintf("%d ships", onMap)
					switch {
					case c.Carried(wg.Index):
						state += " · carried out"
					case ready > 0:
						state += " · orders left"
					}
					h.wingRows = append(h.wingRows, wingRow{r: rect{x - u(6), y - u(2), w + u(12), u(33)}, wing: wg.Index})
					addR(state, f.Small, render.ColDim.RGBA())
					add(fitText(wg.Name, f.Small, w-render.TextWidth(state, f.Small)-u(10)), f.Small, render.WingColor(wg.Index), u(15))
					add(fitText("  "+c.OrdersText(wg), f.Small, w), f.Small, render.ColDim.RGBA(), u(18))
				}
			} else {
				add("Click a ship, or Tab for the next", f.Small, render.ColDim.RGBA(), u(16))
				add("one with orders left.", f.Small, render.ColDim.RGBA(), u(16))
			}
		}
		return
	}
	cl := v.Class(sh)
	add(sh.Name, f.Head, render.SideColor(sh.Side), u(26))
	add(cl.Name, f.Small, render.ColDim.RGBA(), u(18))
	if !cl.Station {
		addR(fmt.Sprintf("%d / %d", sh.Hull, cl.Hull), f.Small, render.ColDim.RGBA())
		add("Hull", f.Small, render.ColDim.RGBA(), u(16))
		bar(float32(sh.Hull)/float32(max(1, cl.Hull)), healthColor(float32(sh.Hull)/float32(max(1, cl.Hull))))
		addR(fmt.Sprintf("%d / %d", sh.Shields, cl.Shields), f.Small, render.ColDim.RGBA())
		add("Shields", f.Small, render.ColDim.RGBA(), u(16))
		bar(float32(sh.Shields)/float32(max(1, cl.Shields)), render.RGB(0x5fb0ff))
	}
	if sh.Side == c.Side && cl.Speed == 0 {
		add(fmt.Sprintf("Actions %d", sh.Actions), f.Small, render.ColText.RGBA(), u(18)) // it does not move
	} else if sh.Side == c.Side {
		add(fmt.Sprintf("Movement %d of %d  ·  Actions %d", sh.MP, cl.Speed, sh.Actions), f.Small, render.ColText.RGBA(), u(18))
	}
	for i, wp := range cl.Weapons {
		col := render.ColText.RGBA()
		mark := "  "
		if c.Weapon == i {
			col, mark = render.ColAccent.RGBA(), "› "
		}
		// One line a weapon: its name, shortened to leave room for its
		// figures (range, accuracy, damage × shots) at the right.
		stats := fmt.Sprintf("r%d · %d%% · %d×%d %s", wp.Range, wp.Accuracy, wp.Damage, wp.Shots, weaponKindName(wp.Kind))
		sw, _ := text.Measure(stats, f.Small, 0)
		addR(stats, f.Small, render.ColDim.RGBA())
		add(fitText(fmt.Sprintf("%s%d  %s", mark, i+1, wp.Name), f.Small, w-sw-u(8)), f.Small, col, u(16))
	}
	if sh.Wing >= 0 {
		if wg := v.Wing(sh.Wing); wg != nil {
			add(fitText(wg.Name, f.Small, w), f.Small, render.WingColor(wg.Index), u(15))
			add(fitText("  "+c.OrdersText(wg), f.Small, w), f.Small, render.ColDim.RGBA(), u(16))
			if sh.Side == c.Side && c.MyTurn() {
				add(h.how("  Y: command the whole wing", "  Wing: command the whole wing"), f.Small, render.ColDim.RGBA(), u(16))
			}
		}
	}
	var flags []string
	if sh.Cloaked {
		flags = append(flags, "cloaked")
	}
	if sh.Covering != rules.NoShip {
		if t := v.Ship(sh.Covering); t != nil {
			flags = append(flags, "covering "+t.Name)
		}
	}
	if len(flags) > 0 {
		add(strings.Join(flags, " · "), f.Small, render.ColWarn.RGBA(), u(16))
	}
	if c.MyTurn() && sh.Side == c.Side {
		y += u(4)
		for _, l := range render.WrapText(h.modeText(sh, cl), f.Small, w) {
			add(l, f.Small, render.ColAccent.RGBA(), u(15))
		}
	}
}

// modeText says what a click does for the selected own ship, from what the
// engine lets it do now (its options): a station, which does not move, says
// what it can do instead.
func (h *hud) modeText(sh *rules.Ship, cl *rules.Class) string {
	c := h.b.ctl
	o := &c.Opts
	fire := len(o.Attacks) > 0
	click := h.how("click", "tap")
	if cl.Speed == 0 && len(o.Moves) == 0 && c.Mode == play.ModeMove {
		// A station (or a structure): it never moves.
		what := "It does not move"
		if cl.Station {
			what = "A station does not move"
		}
		var can []string
		if fire {
			can = append(can, click+" an enemy in range to fire")
		}
		if c.Avail[play.ActEvacuate] {
			can = append(can, h.how("X: order the evacuation", "Evacuate: order the evacuation"))
		}
		if c.Avail[play.ActSabotage] {
			prog := "the sabotage program"
			if sh.Program.Name != "" {
				prog = sh.Program.Name
			}
			can = append(can, h.how("P: run ", "Sabotage: run ")+prog)
		}
		if len(can) == 0 {
			for _, wp := range cl.Weapons {
				if wp.Perimeter {
					return what + ". Nothing to order it now: its perimeter defenses fire on their own."
				}
			}
			return what + ". Nothing to order it now."
		}
		return what + ": " + strings.Join(can, "; ") + "."
	}
	switch c.Mode {
	case play.ModeFire:
		return "Mode: fire — " + click + " an enemy"
	case play.ModeMine:
		return "Mode: lay mine — " + click + " a marked hex"
	case play.ModeCover:
		return "Mode: cover — " + click + " a friendly ship"
	case play.ModeBoard:
		return "Mode: board — " + click + " the station"
	}
	switch {
	case len(o.Moves) > 0 && fire:
		return "Mode: move — " + click + " a blue hex, or an enemy to fire"
	case len(o.Moves) > 0:
		return "Mode: move — " + click + " a blue hex"
	case fire:
		return "No movement left — " + click + " an enemy to fire"
	case o.Any():
		return "No movement or fire left: the action bar has what it can still do"
	}
	return "Its orders for this phase are done"
}

// clampPanel keeps the side panel's text inside it: what runs past its
// bottom (a station with many sections and weapons on a short screen) is
// left out, and an ellipsis says so.
func (h *hud) clampPanel() {
	g := h.b.g
	if h.scroll > 0 {
		h.cutTop()
	}
	bottom := h.panel.y + h.panel.h - g.U(8)
	lineH := g.Fonts.SmallH
	cut := -1.0
	for _, l := range h.lines {
		if l.x < h.panel.x || l.y < h.panel.y {
			continue // not the panel's
		}
		if l.y+lineH > bottom-lineH && (cut < 0 || l.y < cut) {
			cut = l.y
		}
	}
	if cut < 0 {
		return
	}
	lines := h.lines[:0]
	for _, l := range h.lines {
		if l.x < h.panel.x || l.y < h.panel.y || l.y < cut {
			lines = append(lines, l)
		}
	}
	h.lines = append(lines, hudLine{text: "…", x: h.panel.x + g.U(14), y: min(cut, bottom-lineH), face: g.Fonts.Small, col: render.ColDim.RGBA()})
	bars := h.bars[:0]
	for _, br := range h.bars {
		if br.r.x < h.panel.x || br.r.y < cut {
			bars = append(bars, br)
		}
	}
	h.bars = bars
	rows := h.secRows[:0]
	for _, r := range h.secRows {
		if r.r.y+r.r.h <= cut {
			rows = append(rows, r)
		}
	}
	h.secRows = rows
}

// cutTop leaves out the panel's text scrolled above its top, and an arrow
// says there is more above.
func (h *hud) cutTop() {
	g := h.b.g
	top := h.panel.y + g.U(10) - 0.5
	lines := h.lines[:0]
	for _, l := range h.lines {
		if l.y >= top {
			lines = append(lines, l)
		}
	}
	h.lines = append(lines, hudLine{text: "↑", x: h.panel.x + h.panel.w - g.U(8), y: h.panel.y + g.U(2), face: g.Fonts.Small, col: render.ColAccent.RGBA(), al: render.Right})
	bars := h.bars[:0]
	for _, br := range h.bars {
		if br.r.y >= top {
			bars = append(bars, br)
		}
	}
	h.bars = bars
	rows := h.secRows[:0]
	for _, r := range h.secRows {
		if r.r.y >= h.panel.y {
			rows = append(rows, r)
		}
	}
	h.secRows = rows
}

func weaponKindName(k rules.WeaponKind) string {
	switch k {
	case rules.Phaser:
		return "phaser"
	case rules.PulseCannon:
		return "pulse"
	case rules.Disruptor:
		return "disruptor"
	case rules.Polaron:
		return "polaron"
	case rules.PhotonTorpedo:
		return "photon"
	case rules.QuantumTorpedo:
		return "quantum"
	}
	return ""
}

// tooltipFor builds the tooltip for what is under the pointer.
func (h *hud) tooltipFor() {
	b := h.b
	c := b.ctl
	in := &b.g.Input
	key := tipKey{button: -1}
	for i, r := range h.buttons {
		if r.in(in.X, in.Y) {
			key.button = i
		}
	}
	if !in.EverMoved && !b.kbCursor || b.ask != nil || b.menu != nil || b.help != nil {
		key.button = -2 // no pointer yet, or a dialog over the battle: no tooltip
	} else if key.button < 0 && (!h.contains(in.X, in.Y) || b.kbCursor) {
		key.onMap = true
		key.hex = hexKey{c.Cursor.Q, c.Cursor.R}
		key.base = h.stamp
		if b.whatIf != nil && b.whatKey != 0 {
			n, done := b.whatIf.Played(b.whatKey)
			key.whatIf = n
			if done {
				key.whatIf += 1 << 20
			}
		}
	}
	if key == h.tipKey {
		return
	}
	h.tipKey = key
	btn := key.button
	h.tip = h.tip[:0]
	if btn < 0 && !key.onMap || btn == -2 {
		return
	}
	if btn >= 0 {
		a := h.btns[btn]
		h.tip = append(h.tip, h.how(a.label+"  ["+a.key+"]", a.label))
		h.tip = append(h.tip, render.WrapText(a.tip, b.g.Fonts.Small, b.g.U(300))...)
		h.measureTip()
		return
	}
	hv := c.HoverAt(c.Cursor)
	if !hv.OnMap {
		return
	}
	v := c.View
	switch {
	case hv.Command:
		w := c.WingSel()
		ready, _ := c.WingReady(w.Index)
		h.tip = append(h.tip, w.Name+": "+hv.CommandText)
		h.tip = append(h.tip, fmt.Sprintf("Its %d ships that can still act carry it out, one by one", ready))
		h.tip = append(h.tip, h.how("Click or Space to order the wing", "Tap to order the wing"))
	case hv.Attack:
		p := hv.Preview
		h.tip = append(h.tip, "Fire "+hv.Weapon+" at "+hv.Ship.Name)
		if t := hv.Ship; v.Class(t).Station {
			h.tip = append(h.tip, "Target: "+play.SectionName(v, t.ID, hv.Order.Section)+"  ([ ] to change)")
		}
		h.tip = append(h.tip, play.PreviewLines(p, v.Class(hv.Ship).Station)...)
		h.tip = append(h.tip, h.how("Click or Space to fire", "Tap to fire"))
	case hv.Path != nil:
		sh := c.Sel()
		h.tip = append(h.tip, fmt.Sprintf("Move here: %d of %d movement points", hv.Cost, sh.MP))
		h.tip = append(h.tip, h.how("Click or Space to move", "Tap to move"))
	case hv.Mine:
		h.tip = append(h.tip, "Lay a mine here", h.how("Click or Space", "Tap"))
	case hv.Cover:
		h.tip = append(h.tip, "Cover "+hv.Ship.Name, h.how("Click or Space", "Tap"))
	case hv.Board:
		o := hv.Odds
		h.tip = append(h.tip, "Board "+hv.Ship.Name)
		if o.Garrison > 0 {
			h.tip = append(h.tip,
				fmt.Sprintf("%d troops against %d defenders: %.0f killed on average", o.Troops, o.Garrison, o.Killed),
				fmt.Sprintf("%.0f%% to take it now · %.0f%% thrown back (%d hull)", 100*o.Capture, 100*o.Repulse, rules.RepulseDamage))
		} else {
			h.tip = append(h.tip, "No defenders: it falls to this party")
		}
		h.tip = append(h.tip, h.how("Click or Space", "Tap"))
	case hv.Ship != nil:
		sh := hv.Ship
		cl := v.Class(sh)
		h.tip = append(h.tip, sh.Name, cl.Name)
		if !cl.Station {
			h.tip = append(h.tip, fmt.Sprintf("Hull %d/%d · shields %d/%d", sh.Hull, cl.Hull, sh.Shields, cl.Shields))
		} else {
			h.tip = append(h.tip, fmt.Sprintf("Shields %d/%d", sh.Shields, cl.Shields))
		}
		if sh.Wing >= 0 {
			if w := v.Wing(sh.Wing); w != nil {
				intent := c.OrdersText(w)
				if sh.Side != c.Side && !w.Ordered {
					if verb := b.intentOf(w.Index); verb != "" {
						intent = verb // where its arrow points
					}
				}
				h.tip = append(h.tip, w.Name+": "+intent)
				if sh.Side == c.Side && c.MyTurn() {
					if c.Wing == w.Index {
						h.tip = append(h.tip, h.how("Click to command this ship alone", "Tap to command this ship alone"))
					} else if cur := v.Ship(c.Selected); cur == nil || cur.Wing != w.Index {
						h.tip = append(h.tip, h.how("Click to command the wing", "Tap to command the wing"))
					}
				}
			}
		}
		if sh.Side != c.Side && c.Sel() != nil {
			h.tip = append(h.tip, "Out of reach of your weapons")
		}
	default:
		t := v.Map.At(hv.Hex)
		switch t {
		case rules.Belt:
			h.tip = append(h.tip, "Plasma belt", fmt.Sprintf("Costs %d movement · blocks sensors and fire · shelter −%d%%", t.MoveCost(), t.Shelter()))
		case rules.Debris:
			h.tip = append(h.tip, "Debris field", fmt.Sprintf("Costs %d movement · shelter −%d%%", t.MoveCost(), t.Shelter()))
		case rules.Wormhole:
			h.tip = append(h.tip, "Wormhole", "Reinforcements may come through; an active minefield stops them")
		case rules.Entry:
			h.tip = append(h.tip, "Entry edge", "Reinforcements arrive here")
		case rules.Exit:
			h.tip = append(h.tip, "Exit edge", "Ships may withdraw from the battle here")
		}
		for _, m := range v.Mines {
			if m.Pos == hv.Hex {
				if m.Laid {
					h.tip = append(h.tip, "Mine (laid)")
				} else {
					h.tip = append(h.tip, "Minefield position (to lay)")
				}
			}
		}
	}
	h.tip = append(h.tip, h.whatIfLines()...)
	h.measureTip()
}

// whatIfLines say how the order under the pointer would move the chances,
// when the advisor has an answer for it: each outcome's chance after it,
// and how far from the phase's.
func (h *hud) whatIfLines() []string {
	b := h.b
	if b.whatIf == nil || b.whatKey == 0 {
		return nil
	}
	ch, done, err := b.whatIf.Chances(b.whatKey)
	if err != nil || ch.N == 0 {
		return nil
	}
	base, _, _ := b.advisor.Chances(b.advisorKey())
	p0 := map[string]float64{}
	for _, c := range base.Chance {
		p0[c.Outcome] = c.P
	}
	head := fmt.Sprintf("If so (%d battles):", ch.N)
	if !done {
		head = fmt.Sprintf("If so (%d battles so far):", ch.N)
	}
	out := []string{head}
	for i, c := range ch.Chance {
		if i == 2 {
			break
		}
		name := cmp.Or(outcomeTitle(b.s.Scenario, c.Outcome), c.Outcome)
		line := fmt.Sprintf("  %s %.0f%%", name, 100*c.P)
		if base.N > 0 {
			line += fmt.Sprintf(" (%+.0f)", 100*(c.P-p0[c.Outcome]))
		}
		out = append(out, line)
	}
	return out
}

// how is what to do, said with the keys or for a touch device (no keys).
func (h *hud) how(keys, touch string) string {
	if h.hints {
		return keys
	}
	return touch
}

func (h *hud) measureTip() {
	h.tipW = 0
	for i, l := range h.tip {
		face := h.b.g.Fonts.Small
		if i == 0 {
			face = h.b.g.Fonts.Bold
		}
		h.tipW = max(h.tipW, render.TextWidth(l, face))
	}
}

// draw draws the HUD.
func (h *hud) draw(dst *ebiten.Image) {
	b := h.b
	g := b.g
	u := g.U
	f := g.Fonts
	h.layout()
	h.refresh()
	h.tooltipFor()
	c := b.ctl
	in := &g.Input
	my := c.MyTurn()
	st := b.s.Public()
	// The panels, bars, buttons, their text and the log change only with the
	// battle: they are drawn into a layer when something changed, and the
	// layer's panel areas are copied to the screen every frame.
	hover := -1
	for i, r := range h.buttons {
		if r.in(in.X, in.Y) {
			hover = i
		}
	}
	if h.menuBtn.in(in.X, in.Y) {
		hover = len(h.buttons)
	}
	if h.tab.in(in.X, in.Y) {
		hover = len(h.buttons) + 1
	}
	lk := layerKey{base: h.stamp, logN: b.log().Len(), logBack: h.logBack, logFilter: h.logFilter, hover: hover, top: h.top, panel: h.panel, logBox: h.logBox, bar: h.bar, tab: h.tab, selBox: h.selBox}
	if h.layer == nil || h.layer.Bounds().Dx() != int(g.W) || h.layer.Bounds().Dy() != int(g.H) {
		if h.layer != nil {
			h.layer.Deallocate()
		}
		h.layer = ebiten.NewImage(int(g.W), int(g.H))
		h.layerOK = false
	}
	if !h.layerOK || lk != h.layerKey {
		h.layerKey, h.layerOK = lk, true
		h.layer.Clear()
		h.drawStatic(h.layer)
		h.subs = h.subs[:0]
		for _, r := range h.boxes() {
			if r.w <= 0 || r.h <= 0 {
				continue
			}
			ir := image.Rect(int(r.x), int(r.y), int(math.Ceil(r.x+r.w)), int(math.Ceil(r.y+r.h)))
			h.subs = append(h.subs, h.layer.SubImage(ir).(*ebiten.Image))
		}
	}
	for _, sub := range h.subs {
		h.subOp.GeoM.Reset()
		h.subOp.GeoM.Translate(float64(sub.Bounds().Min.X), float64(sub.Bounds().Min.Y))
		dst.DrawImage(sub, &h.subOp)
	}
	bt := h.bt
	if c.Msg != "" {
		g.Kit.Text(dst, c.Msg, f.Body, g.W/2, h.msgY, render.ColBad.RGBA(), render.Center)
	}
	if !my && st.Phase == rules.Battle && !b.curtain && b.rp == nil && len(h.buttons) > 0 {
		// In the action bar, after the playback buttons.
		last := h.buttons[len(h.btns)-1]
		g.Kit.Text(dst, h.movingLn, f.Body, last.x+last.w+u(18), h.bar.y+(h.bar.h-f.BodyH)/2, render.ColWarn.RGBA(), render.Left)
	}
	for _, r := range h.secRows {
		if r.r.in(in.X, in.Y) {
			bt.Frame(float32(r.r.x), float32(r.r.y), float32(r.r.w), float32(r.r.h), float32(u(1)), render.ColAccent.WithA(0.7))
		}
	}
	// Tooltip, over everything.
	var tx, ty, tw, th float64
	if len(h.tip) > 0 {
		tw = h.tipW + u(20)
		th = float64(len(h.tip))*f.SmallH + u(14)
		// px is what it tells of: the pointer, or the keyboard's cursor.
		px, py := in.X, in.Y
		tx, ty = px+u(18), py+u(20)
		if b.kbCursor {
			px, py = b.cam.HexCenter(c.Cursor)
			tx, ty = px+u(26), py+u(16)
		}
		// Over the map it stays on the map, clear of the side panel: to
		// the left of what it tells of when there is no room to the right.
		right := g.W - u(4)
		if h.panel.w > 0 && px < h.panel.x {
			right = h.panel.x - u(4)
		}
		if tx+tw > right {
			tx = max(u(4), min(px-u(18)-tw, right-tw))
		}
		if ty+th > g.H-u(70) {
			ty = max(u(40), ty-th-u(40))
		}
		bt.Rect(float32(tx), float32(ty), float32(tw), float32(th), render.RGB(0x0a1424).WithA(0.95))
		bt.Frame(float32(tx), float32(ty), float32(tw), float32(th), float32(u(1)), render.ColAccent.WithA(0.8))
	}
	bt.Flush(dst)
	for i, l := range h.tip {
		face, col := f.Small, render.ColText.RGBA()
		if i == 0 {
			face, col = f.Bold, render.ColAccent.RGBA()
		}
		g.Kit.Text(dst, l, face, tx+u(10), ty+u(7)+float64(i)*f.SmallH, col, render.Left)
	}
	// Banner.
	if b.bannerTitle != "" {
		t := b.now - b.bannerAt
		if t < 3.2 {
			a := float32(min(1, t*4, (3.2-t)/0.8))
			bx, by := g.W/2-u(150), u(56)
			if h.compact {
				bx, by = g.W/2, h.tab.y+h.tab.h+u(8)
			}
			if r := b.guideBox.r; b.guideShown() && r.h > 0 {
				by = max(by, r.y+r.h+u(10)) // under the guide's box
			}
			title, tface, sub := b.bannerTitle, f.Big, b.bannerSub
			if h.compact { // each as it is when it fits
				if render.TextWidth(title, tface) > g.W-u(20) {
					tface = f.Head
				}
				title, sub = fitText(title, tface, g.W-u(20)), fitText(sub, f.Head, g.W-u(20))
			}
			g.Kit.Text(dst, title, tface, bx, by, render.ColText.Mul(a), render.Center)
			g.Kit.Text(dst, sub, f.Head, bx, by+f.BigH, render.ColAccent.Mul(a), render.Center)
		}
	}
}

// drawStatic draws the panels, bars, buttons, their text and the log.
func (h *hud) drawStatic(dst *ebiten.Image) {
	b := h.b
	g := b.g
	u := g.U
	f := g.Fonts
	bt := h.bt
	c := b.ctl
	// Panels.
	bt.Rect(float32(h.top.x), float32(h.top.y), float32(h.top.w), float32(h.top.h), render.ColPanel.WithA(render.PanelAlpha))
	bt.Rect(float32(h.top.x), float32(h.top.y+h.top.h-u(2)), float32(h.top.w), float32(u(2)), render.ColAccent.WithA(0.7))
	if h.panel.w > 0 {
		panel(bt, h.panel, u)
	}
	panel(bt, h.logBox, u)
	panel(bt, h.bar, u)
	if h.selBox.w > 0 {
		panel(bt, h.selBox, u)
	}
	for _, r := range [...]rect{h.menuBtn, h.tab} {
		if r.w == 0 {
			continue
		}
		mcol := render.ColPanelHi.WithA(render.PanelHiAlpha)
		if r.in(g.Input.X, g.Input.Y) {
			mcol = render.RGB(0x24405f)
		}
		bt.Rect(float32(r.x), float32(r.y), float32(r.w), float32(r.h), mcol)
		bt.Frame(float32(r.x), float32(r.y), float32(r.w), float32(r.h), float32(u(1)), render.ColEdge.RGBA())
	}
	for _, br := range h.bars {
		bt.Rect(float32(br.r.x), float32(br.r.y), float32(br.r.w), float32(br.r.h), render.RGBA{R: 1, G: 1, B: 1, A: 0.08})
		bt.Rect(float32(br.r.x), float32(br.r.y), float32(br.r.w)*br.frac, float32(br.r.h), br.col)
	}
	my := c.MyTurn()
	in := &g.Input
	rp := b.rp != nil
	for i, r := range h.buttons {
		a := h.btns[i].act
		on := h.enabled(a)
		col := render.ColPanelHi.WithA(render.PanelHiAlpha)
		if on && r.in(in.X, in.Y) {
			col = render.RGB(0x24405f)
		}
		active := !rp && my && ((a == play.ActFire && c.Mode == play.ModeFire) || (a == play.ActMine && c.Mode == play.ModeMine) || (a == play.ActCover && c.Mode == play.ModeCover) || (a == play.ActBoard && c.Mode == play.ModeBoard) || (a == play.ActMove && c.Mode == play.ModeMove && c.Sel() != nil))
		bt.Rect(float32(r.x), float32(r.y), float32(r.w), float32(r.h), col)
		edge := render.ColEdge.RGBA()
		if active {
			edge = render.ColAccent.RGBA()
		} else if on && a == play.ActEndTurn {
			edge = render.ColGood.RGBA()
		}
		bt.Frame(float32(r.x), float32(r.y), float32(r.w), float32(r.h), float32(u(1.5)), edge)
	}
	bt.Flush(dst)

	// Text.
	g.Kit.Text(dst, h.topName, f.Bold, u(12), u(8), render.ColAccent.RGBA(), render.Left)
	g.Kit.Text(dst, h.topLine, f.Bold, h.topX, u(8), render.ColText.RGBA(), h.topAl)
	g.Kit.Text(dst, h.viewLn, f.Small, h.menuBtn.x-u(12), u(10), render.ColDim.RGBA(), render.Right)
	g.Kit.Text(dst, h.menuLn, f.Small, h.menuBtn.x+h.menuBtn.w/2, u(10), render.ColText.RGBA(), render.Center)
	if h.tab.w > 0 {
		g.Kit.Text(dst, h.tabLn, f.Small, h.tab.x+h.tab.w/2, h.tab.y+(h.tab.h-f.SmallH)/2, render.ColAccent.RGBA(), render.Center)
	}
	for i := range h.lines {
		l := &h.lines[i]
		g.Kit.Text(dst, l.text, l.face, l.x, l.y, l.col, l.al)
	}
	for i, r := range h.buttons {
		a := h.btns[i]
		col := render.ColText.RGBA()
		if !h.enabled(a.act) {
			col = render.ColDim.WithA(0.55)
		}
		label := a.label
		if i < len(h.labels) {
			label = h.labels[i]
		}
		if !h.hints {
			g.Kit.Text(dst, label, f.Bold, r.x+r.w/2, r.y+(r.h-f.BoldH)/2, col, render.Center)
			continue
		}
		g.Kit.Text(dst, label, f.Bold, r.x+r.w/2, r.y+u(6), col, render.Center)
		g.Kit.Text(dst, a.key, f.Small, r.x+r.w/2, r.y+u(24), render.ColAccent.WithA(col.A), render.Center)
	}
	// Log: folded, its last lines only.
	lines := h.logLines()
	if h.compact && !h.logOpen {
		lines = lines[:min(len(lines), foldedLogN)]
	} else {
		head := h.logHead()
		g.Kit.Text(dst, head, f.Bold, h.logBox.x+u(12), h.logBox.y+u(6), render.ColAccent.RGBA(), render.Left)
		if h.logBack > 0 {
			room := h.logBox.w - u(36) - render.TextWidth(head, f.Bold)
			g.Kit.Text(dst, fitText(h.logBackLn, f.Small, room), f.Small, h.logBox.x+h.logBox.w-u(12), h.logBox.y+u(8), render.ColDim.RGBA(), render.Right)
		}
	}
	ly := h.logBox.y + h.logBox.h - u(22)
	for _, l := range lines {
		if ly < h.logBox.y {
			break
		}
		g.Kit.Text(dst, l.text, f.Small, h.logBox.x+u(12), ly, l.col, render.Left)
		ly -= u(17)
	}
}

// logKept is how many entries the log keeps (play.Log), as far back as it
// scrolls.
const logKept = 128

// scrollLog scrolls the log box with the wheel over it: up for earlier
// entries, down back to the newest.
func (h *hud) scrollLog(in *input.Input) {
	if in.Wheel == 0 || !h.logBox.in(in.X, in.Y) {
		return
	}
	n := min(h.b.log().Count(h.logFilter), logKept)
	h.logBack = min(max(h.logBack+int(in.Wheel), 0), max(n-1, 0))
	h.logBackLn = fmt.Sprintf("%d earlier · wheel down for the newest", h.logBack)
}

// logHead is the log's header: its title and filter, which a click on it
// (or Shift+L) switches.
func (h *hud) logHead() string { return "EVENT LOG · " + h.logFilter.Name() + "  ›" }

// logHeadAt reports whether a point is on the log's header (its title and
// filter), shown when the log is (not the folded log of a small screen,
// which a tap unfolds; a tap on the unfolded log beside the header folds
// it).
func (h *hud) logHeadAt(x, y float64) bool {
	if h.compact && !h.logOpen {
		return false
	}
	u := h.b.g.U
	w := u(12) + render.TextWidth(h.logHead(), h.b.g.Fonts.Bold) + u(12)
	return rect{h.logBox.x, h.logBox.y, min(w, h.logBox.w), u(26)}.in(x, y)
}

// nextLogFilter switches the log to its next filter (all, combat, orders
// and objectives), at its newest lines.
func (h *hud) nextLogFilter() {
	h.logFilter = h.logFilter.Next()
	h.logBack = 0
}

// logLine is a line of the log box as drawn: an entry, or a part of one
// wrapped to the box's width.
type logLine struct {
	text string
	col  render.RGBA
}

// logLines are the log box's lines, newest first: the last entries the
// filter shows wrapped
// to the box's width, as many lines as the box holds (ten). They are
// wrapped again only when the log or the box changes.
func (h *hud) logLines() []logLine {
	b := h.b
	g := b.g
	back := min(h.logBack, max(min(b.log().Count(h.logFilter), logKept)-1, 0))
	key := [5]float64{float64(b.log().Len()), h.logBox.w, g.Scale, float64(back), float64(h.logFilter)}
	if h.logKey == key && h.logFresh {
		return h.logWrap
	}
	h.logKey, h.logFresh = key, true
	h.logWrap = h.logWrap[:0]
	w := h.logBox.w - g.U(24)
	for i := back; len(h.logWrap) < 10; i++ {
		l := b.log().LastOf(i, h.logFilter)
		if l == nil {
			break
		}
		col := render.ColText.RGBA()
		if l.Side == rules.SideB {
			col = render.RGB(0xd8c8ff)
		}
		if i > back {
			col = col.Mul(0.85)
		}
		parts := render.WrapText(l.Text, g.Fonts.Small, w)
		for k := len(parts) - 1; k >= 0 && len(h.logWrap) < 10; k-- {
			text := parts[k]
			if k > 0 {
				text = "   " + text // a continued entry is indented
			}
			h.logWrap = append(h.logWrap, logLine{text, col})
		}
	}
	return h.logWrap
}

// dialog draws a dialog over a scene: a backdrop that dims what is under
// it, and the dialog's box, opaque, so that nothing under it (a menu, the
// HUD's text, the map) shows through its text.
func dialog(bt *render.Batch, g *Manager, box rect) {
	u := g.U
	bt.Rect(0, 0, float32(g.W), float32(g.H), render.ColSpace.WithA(0.75))
	bt.Rect(float32(box.x), float32(box.y), float32(box.w), float32(box.h), render.ColPanel.WithA(1))
	bt.Frame(float32(box.x), float32(box.y), float32(box.w), float32(box.h), float32(u(1)), render.ColEdge.WithA(0.8))
}

// panel draws a HUD panel's background and edge.
func panel(bt *render.Batch, r rect, u func(float64) float64) {
	bt.Rect(float32(r.x), float32(r.y), float32(r.w), float32(r.h), render.ColPanel.WithA(render.PanelAlpha))
	bt.Frame(float32(r.x), float32(r.y), float32(r.w), float32(r.h), float32(u(1)), render.ColEdge.WithA(0.8))
}

// advised is how many battles the advisor has played for this phase: the
// panel is redrawn as its answer grows.
func (b *battleScene) advised() int {
	if b.advisor == nil {
		return 0
	}
	n, done := b.advisor.Played(b.advisorKey())
	if done {
		return n + 1<<20
	}
	return n
}
