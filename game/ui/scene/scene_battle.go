package scene

import (
	"fmt"
	"math"
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/game/ui/input"
	"github.com/calltoarms/ds9/game/ui/play"
	"github.com/calltoarms/ds9/game/ui/render"
	"github.com/calltoarms/ds9/game/ui/sound"
)

// actionBox bounds the places where an order's visible events happened.
type actionBox struct {
	x0, y0, x1, y1 float64
	n              int
}

func (a *actionBox) add(x, y float64) {
	if a.n == 0 {
		a.x0, a.y0, a.x1, a.y1 = x, y, x, y
	} else {
		a.x0, a.y0, a.x1, a.y1 = min(a.x0, x), min(a.y0, y), max(a.x1, x), max(a.y1, y)
	}
	a.n++
}

// battleScene is the battle view.
type battleScene struct {
	g     *Manager
	s     *play.Session
	ctl   *play.Controller
	cam   *play.Camera
	world *render.World
	fx    *render.Effects
	dir   director
	hud   *hud

	now       float64
	busyUntil float64
	skipping  bool
	carrySkip bool           // the orders carrying out a wing's orders are given without showing them
	guides    [2]*play.Guide // the guided first turns, for each side a person commands (nil: none)
	advisor   *play.Advisor  // the chances from the start of the player's phase (nil: none)
	whatIf    *play.Advisor  // the chances if the order under the pointer were given
	whatKey   int            // the order whose what-if advice is asked for, and since when
	whatSince float64
	guideBox  guideBox
	watch     bool // no human plays: the computer plays both sides
	curtain   bool // hot-seat: the screen is hidden while the controls change hands
	// camMoved: the player moved the camera during the computer's phase, so
	// it no longer follows the action; following: it glides to the action.
	camMoved, following bool
	followAt            float64 // when the camera last went after the action
	endAt               float64

	// heading holds each side's idea of where each ship points, from what
	// it was told of their moves and fire (by side, then ship id).
	heading [2][]float32
	motions []motion
	light   []float32 // station lights, by ship
	dark    []float64 // when each station lost power (0: never)
	// logs holds each side's event log, of what that side was told; the
	// viewing side's is shown. Neither is ever cleared nor shown to the
	// other side's player.
	logs [2]play.Log

	showRanges bool
	showIntent bool
	kbCursor   bool
	menu       *menu
	help       *helpOverlay   // the help (F1), over the battle
	ask        *confirmBox    // an order that cannot be taken back, asked first
	asked      play.Action    // the order ask is about
	digest     [2]play.Digest // what each side was told since its own phase ended (director.go)
	armed      bool           // touch: a target was tapped once (at armedAt), its preview shown
	armedAt    hex.Hex
	rp         *replayState // the replay viewer's state; nil in a battle
	saveTurn   int

	action actionBox // where the last order's events happened, in world space

	bannerTitle, bannerSub string
	bannerAt               float64

	drawCache
}

// newBattle starts a new battle of a scenario.
func newBattle(g *Manager, sc *scenario.Scenario, side, level string, seed uint64) (*battleScene, error) {
	s, err := play.NewSession(sc, seed, play.PlayersFor(sc, side, level))
	if err != nil {
		return nil, err
	}
	return newBattleScene(g, s), nil
}

// newBattleScene shows a session.
func newBattleScene(g *Manager, s *play.Session) *battleScene {
	pub := s.Public()
	view := rules.SideA
	switch {
	case s.Humans[rules.SideA]:
		view = rules.SideA
	case s.Humans[rules.SideB]:
		view = rules.SideB
	}
	b := &battleScene{g: g, s: s, showIntent: true, saveTurn: pub.Turn}
	// The hard level thinks in the background while the frames run; a
	// screenshot plays straight to its frame.
	s.Background = g.Opts.Screenshot == ""
	b.watch = !s.Humans[0] && !s.Humans[1]
	if s.Humans[0] && s.Humans[1] {
		view = pub.Active
		// Hot-seat: the first player takes the controls behind the curtain.
		b.curtain = pub.Phase != rules.Over
	}
	b.ctl = play.NewController(s, view)
	m := b.ctl.View.Map
	b.world = render.NewWorld(g.Kit, m)
	minX, minY, maxX, maxY := play.MapBounds(m.Cols, m.Rows)
	b.cam = play.NewCamera(g.W, g.H, minX, minY, maxX, maxY)
	b.fx = render.NewEffects(g.Kit, g.Sound)
	b.dir = director{b: b}
	// Every ship of the battle, by id, as the scenario lists them.
	units := s.Scenario.Setup.Ships
	for _, side := range rules.Sides {
		b.heading[side] = make([]float32, len(units))
		for i := range units {
			if units[i].Side == rules.SideA {
				b.heading[side][i] = math.Pi
			}
		}
	}
	b.motions = make([]motion, len(units))
	b.light = make([]float32, len(units))
	b.dark = make([]float64, len(units))
	b.resetLights()
	b.hud = newHUD(b)
	if n := min(g.Opts.Advise, 10000); n > 0 && g.Opts.Screenshot == "" {
		b.advisor = play.NewAdvisor(n)
		b.whatIf = play.NewAdvisor(max(1, n/2))
	}
	for _, side := range rules.Sides {
		if s.Humans[side] {
			b.guides[side] = play.NewGuide(s.Scenario, side)
		}
	}
	b.initDrawCache()
	b.hud.layout()
	b.cam.InT, b.cam.InR, b.cam.InB = b.hud.insets()
	// Frame the player's own forces at a comfortable zoom, or the whole map.
	b.cam.Fit()
	b.cam.Snap()
	if !b.watch {
		b.focusOwn()
	}
	if s.Resumed() {
		// The log of what each side was told is not in the save: each
		// side's log begins with where the battle stands as it knows it.
		for _, side := range rules.Sides {
			for _, l := range play.Standing(s, side) {
				b.logs[side].Add(l, side, 0)
			}
		}
	} else {
		b.logAll("The battle is joined. "+pub.Name+".", 0)
	}
	b.banner(pub.Name, bannerTurn(max(pub.Turn, 1), pub.TurnLimit))
	return b
}

// log is the viewing side's event log.
func (b *battleScene) log() *play.Log { return &b.logs[b.ctl.Side] }

// logAll writes a line in every side's log.
func (b *battleScene) logAll(text string, frame int) {
	for _, side := range rules.Sides {
		b.logs[side].Add(text, side, frame)
	}
}

// resetLights lights the stations, but those the viewing side sees without
// main power.
func (b *battleScene) resetLights() {
	v := b.ctl.View
	for i := range b.light {
		b.light[i], b.dark[i] = 1, 0
		if sh := v.Ship(rules.ShipID(i)); sh != nil && v.Class(sh).Station && (!sh.MainPower || sh.Sabotaged) {
			b.light[i] = 0.06
		}
	}
}

// viewSide shows the battle as side sees it: its view, its log, and only
// what it is told from now on (the effects of the other side's stream are
// dropped).
func (b *battleScene) viewSide(side rules.Side) {
	if b.ctl.Side == side {
		return
	}
	b.ctl.SetSide(side)
	b.fx.Clear()
	b.resetMotions()
	b.bannerTitle, b.bannerSub = "", ""
	b.intentStamp, b.rangeStamp = -1, -1
}

// focusOwn frames the viewing side's ships.
func (b *battleScene) focusOwn() {
	v := b.ctl.View
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for i := range v.Ships {
		sh := &v.Ships[i]
		if sh.Side != b.ctl.Side || !sh.Alive() {
			continue
		}
		x, y := play.WorldLayout().ToPixel(sh.Pos)
		x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
	}
	if x0 > x1 {
		return
	}
	pad := play.HexSize * 8.0
	b.cam.FitRect(x0-pad, y0-pad, x1+pad, y1+pad)
	if b.cam.TZoom > 1.1 {
		b.cam.TZoom = 1.1
	}
	b.cam.Snap()
}

func (b *battleScene) banner(title, sub string) {
	b.bannerTitle, b.bannerSub, b.bannerAt = title, sub, b.now
}

func (b *battleScene) phaseBanner(side rules.Side) {
	pub := b.s.Public()
	who := "computer"
	if b.s.Humans[side] {
		who = "your orders"
	}
	b.banner(play.SideTitle(b.s.Scenario, side)+" phase", bannerTurn(pub.Turn, pub.TurnLimit)+" · "+who)
}

// turnBegan autosaves at the start of every turn.
func (b *battleScene) turnBegan(turn int) {
	if turn > b.saveTurn {
		b.saveTurn = turn
		b.autosave()
	}
}

func (b *battleScene) autosave() { b.g.SaveNow() } // the battle's own autosave (autosave.go)

func (b *battleScene) powerLost(id rules.ShipID) {
	if id >= 0 && int(id) < len(b.dark) && b.dark[id] == 0 {
		b.dark[id] = b.now
	}
}

// Update implements Scene.
func (b *battleScene) Update(g *Manager) error {
	err := b.update(g)
	// The HUD as the next frame shows it (what the player clicks on).
	b.ctl.Refresh()
	b.hud.layout()
	b.hud.refresh()
	return err
}

func (b *battleScene) update(g *Manager) error {
	in := &g.Input
	dt := 1.0 / float64(ebiten.TPS())
	b.now += dt
	b.cam.Resize(g.W, g.H)
	b.fx.Update(b.now)
	b.updateLights()

	if b.menu != nil {
		b.menu.update(g)
		return nil
	}
	if b.help != nil {
		if b.help.update(g) {
			b.help = nil
		}
		return nil
	}
	if b.ask != nil {
		if answered, yes := b.ask.update(g); answered {
			b.ask = nil
			if yes && b.s.HumanTurn() {
				a, err := b.ctl.Do(b.asked)
				b.afterOrder(a, err)
			}
		}
		return nil
	}
	b.hud.layout()
	b.cam.InT, b.cam.InR, b.cam.InB = b.hud.insets()
	if in.Just(input.CmdHelp) && !b.curtain {
		b.help = newHelp(b)
		b.help.update(g)
		return nil
	}
	if in.Just(input.CmdLoad) && !b.curtain {
		b.menu = newMenu(g, b)
		b.menu.picker = newLoadPicker(g)
		return nil
	}
	if in.Just(input.CmdPanel) && b.hud.compact {
		b.hud.panelOpen = !b.hud.panelOpen
	}
	if in.Just(input.CmdLogFilter) && !b.curtain {
		b.hud.nextLogFilter()
	}
	if in.Clicked && !b.curtain {
		if b.hud.logHeadAt(in.ClickX, in.ClickY) {
			b.hud.nextLogFilter()
		} else {
			b.hud.fold(in.ClickX, in.ClickY)
		}
	}
	b.hud.scrollPanel(in)
	b.hud.scrollLog(in)
	if in.Just(input.CmdBack) || in.Clicked && !b.curtain && b.hud.menuBtn.in(in.ClickX, in.ClickY) {
		b.menu = newMenu(g, b)
		return nil
	}
	if in.Just(input.CmdSave) && b.rp == nil {
		b.saveAs()
	}

	overHUD := b.hud.contains(in.X, in.Y)
	b.updateCamera(in, overHUD)

	if in.Just(input.CmdFaster) && g.Settings.Speed < numSpeeds-1 {
		g.Settings.Speed++
	}
	if in.Just(input.CmdSlower) && g.Settings.Speed > 0 {
		g.Settings.Speed--
	}
	if in.Just(input.CmdRanges) {
		b.showRanges = !b.showRanges
	}
	if in.Just(input.CmdIntent) {
		b.showIntent = !b.showIntent
	}
	pub := b.s.Public()
	if b.watch && in.Just(input.CmdToggleView) {
		b.viewSide(b.ctl.Side.Other())
	}
	if !b.s.HumanTurn() && !b.kbCursor && !overHUD && in.Present {
		// The hex under the pointer, for its tooltip, while the computer
		// plays (or a replay does).
		b.ctl.Cursor = b.cam.HexAt(in.X, in.Y)
	}
	if b.rp != nil {
		b.updateReplay(in)
		return nil
	}

	if b.curtain {
		if in.Clicked || in.Just(input.CmdConfirm) || in.Just(input.CmdAct) {
			b.curtain = false
			// The player taking the controls sees their own side's log,
			// which the other player never saw, and theirs is kept.
			b.logs[pub.Active].Add(play.SideTitle(b.s.Scenario, pub.Active)+" phase, "+bannerTurn(max(pub.Turn, 1), pub.TurnLimit)+": your orders.", pub.Active, g.Frame)
			b.viewSide(pub.Active)
			b.fx.Clear()
			b.resetMotions()
			b.focusOwn()
			b.kbCursor = false
		}
		return nil
	}

	if pub.Phase == rules.Over {
		if b.endAt == 0 {
			b.endAt = b.now + 2.5
			b.curtain = false
			b.autosave()
		}
		if b.now >= b.endAt && !b.fx.Busy(b.now) || (b.now >= b.endAt+4) || in.Just(input.CmdConfirm) {
			g.SetScene(newReportScene(g, b.s))
		}
		return nil
	}
	if pub.Phase == rules.Parley && b.s.Humans[pub.Active] {
		g.SetScene(newBriefingSceneFor(g, b.s))
		return nil
	}

	if b.s.HumanTurn() {
		b.skipping = false
		b.following = false
		if b.advisor != nil && pub.Active == b.ctl.Side {
			b.advisor.Start(b.s, pub.Active, b.advisorKey())
		}
		if pub.Active != b.ctl.Side {
			// Hot-seat: hand over the controls.
			b.curtain = true
			return nil
		}
		return b.updateHuman(in, overHUD)
	}
	b.updateComputer(in)
	return nil
}

// updateCamera pans and zooms: drag, wheel, pinch, arrow keys, screen edge.
func (b *battleScene) updateCamera(in *input.Input, overHUD bool) {
	g := b.g
	tx, ty, tz := b.cam.TX, b.cam.TY, b.cam.TZoom
	defer func() {
		if b.cam.TX != tx || b.cam.TY != ty || b.cam.TZoom != tz {
			// The player moved the camera: it stops following the action
			// until the next phase.
			b.camMoved, b.following = true, false
		}
		k := 0.22
		if b.following {
			k = 0.06 // following the action: a gentle glide
		}
		b.cam.Update(k)
	}()
	if in.Dragging && (!overHUD || in.Down) && !b.hud.grab {
		b.cam.Pan(in.DX, in.DY)
	}
	if in.Wheel != 0 && !overHUD {
		b.cam.ZoomAt(math.Pow(1.15, in.Wheel), in.X, in.Y)
	}
	if in.Pinch != 1 {
		b.cam.ZoomAt(in.Pinch, in.PinchX, in.PinchY)
		b.cam.Snap()
	}
	if in.Repeat(input.CmdZoomIn) {
		b.cam.ZoomAt(1.25, b.cam.W/2, b.cam.H/2)
	}
	if in.Repeat(input.CmdZoomOut) {
		b.cam.ZoomAt(0.8, b.cam.W/2, b.cam.H/2)
	}
	if in.Just(input.CmdFit) {
		b.cam.Fit()
	}
	step := 14 * g.Scale
	var dx, dy float64
	if in.Held(input.CmdLeft) {
		dx -= step
	}
	if in.Held(input.CmdRight) {
		dx += step
	}
	if in.Held(input.CmdUp) {
		dy -= step
	}
	if in.Held(input.CmdDown) {
		dy += step
	}
	// Screen edge, only with a real pointer in a focused window.
	if g.Opts.Screenshot == "" && in.Focused && in.Present && !in.Down {
		e := 6 * g.Scale
		if in.X <= e && in.X >= 0 {
			dx -= step
		} else if in.X >= b.cam.W-e && in.X <= b.cam.W {
			dx += step
		}
		if in.Y <= e && in.Y >= 0 {
			dy -= step
		} else if in.Y >= b.cam.H-e && in.Y <= b.cam.H {
			dy += step
		}
	}
	if dx != 0 || dy != 0 {
		b.cam.PanSmooth(dx, dy)
	}
}

// updateHuman turns the player's input into orders.
func (b *battleScene) updateHuman(in *input.Input, overHUD bool) error {
	c := b.ctl
	c.Refresh()
	if c.Busy() {
		b.updateCarry(in)
		return nil
	}
	if in.Moved {
		b.kbCursor = false
	}
	// Keyboard cursor: Q W E / A S D.
	for i, cmd := range [6]input.Cmd{input.CmdCurSE, input.CmdCurNE, input.CmdCurN, input.CmdCurNW, input.CmdCurSW, input.CmdCurS} {
		if in.Repeat(cmd) {
			n := c.Cursor.Neighbor(i)
			if c.View.Map.In(n) {
				c.Cursor = n
			}
			b.kbCursor = true
			b.followCursor()
		}
	}
	if in.Just(input.CmdNextShip) || in.Just(input.CmdPrevShip) {
		dir := 1
		if in.Just(input.CmdPrevShip) {
			dir = -1
		}
		if c.NextWing(dir) {
			b.kbCursor = true
			b.followCursor()
		} else if c.NextShip(dir) {
			b.kbCursor = true
			b.followCursor()
			b.click()
		}
	}
	if in.Just(input.CmdNextTarget) {
		if _, ok := c.NextTarget(1); ok {
			b.kbCursor = true
			b.followCursor()
		}
	}
	for i, cmd := range [4]input.Cmd{input.CmdWeapon1, input.CmdWeapon2, input.CmdWeapon3, input.CmdWeapon4} {
		if in.Just(cmd) {
			c.ToggleWeapon(i)
		}
	}
	if in.Just(input.CmdSectionNext) || in.Just(input.CmdSectionPrev) {
		dir := 1
		if in.Just(input.CmdSectionPrev) {
			dir = -1
		}
		if c.DamageControl() {
			c.CycleOwnSection(dir)
		} else {
			for i := range c.View.Ships {
				if t := &c.View.Ships[i]; t.Side != c.Side && c.View.Class(t).Station {
					c.CycleSection(t, dir)
				}
			}
		}
	}
	actions := [...]struct {
		cmd input.Cmd
		act play.Action
	}{
		{input.CmdMove, play.ActMove}, {input.CmdFire, play.ActFire}, {input.CmdMine, play.ActMine}, {input.CmdCloak, play.ActCloak},
		{input.CmdCover, play.ActCover}, {input.CmdEvacuate, play.ActEvacuate}, {input.CmdSabotage, play.ActSabotage},
		{input.CmdBoard, play.ActBoard}, {input.CmdWithdraw, play.ActWithdraw}, {input.CmdUndo, play.ActUndo}, {input.CmdEndTurn, play.ActEndTurn},
		{input.CmdWing, play.ActWing}, {input.CmdCarryOn, play.ActCarryOn}, {input.CmdHold, play.ActHold}, {input.CmdAllWings, play.ActAllWings},
		{input.CmdRepair, play.ActRepair}, {input.CmdReroute, play.ActReroute},
	}
	for _, a := range actions {
		if in.Just(a.cmd) {
			b.do(a.act)
		}
	}
	if in.Just(input.CmdAct) {
		b.click()
	}
	if in.RightClicked {
		c.Deselect()
	}
	if in.Just(input.CmdGuide) {
		b.g.Settings.NoGuide = !b.g.Settings.NoGuide
		b.g.SaveSettings()
	}
	if in.Clicked {
		if a, ok := b.hud.buttonAt(in.ClickX, in.ClickY); ok {
			b.do(a)
		} else if w, ok := b.hud.wingAt(in.ClickX, in.ClickY); ok {
			c.SelectWing(w, rules.NoShip)
			b.g.Sound.Play(sound.Click)
		} else if id, ok := b.hud.sectionAt(in.ClickX, in.ClickY); ok {
			if c.DamageControl() && b.hud.ownRows {
				c.ChooseOwnSection(id)
			} else {
				c.AimAt(id)
			}
			b.g.Sound.Play(sound.Click)
		} else if !b.hud.contains(in.ClickX, in.ClickY) {
			h := b.cam.HexAt(in.ClickX, in.ClickY)
			c.Cursor = h
			if hv := c.HoverAt(h); b.g.Input.TouchDevice && (hv.Attack || hv.Command) && (!b.armed || b.armedAt != h) {
				// On a touch screen, which has no hover, the first tap on
				// a target shows the attack's preview (a wing's order: where
				// it would go); a second one gives it.
				b.armed, b.armedAt = true, h
				b.g.Sound.Play(sound.Click)
			} else {
				b.armed = false
				b.click()
			}
		}
	}
	if !b.kbCursor && !overHUD && in.Present {
		c.Cursor = b.cam.HexAt(in.X, in.Y)
	}
	b.guides[c.Side].Watch(c)
	b.askWhatIf()
	return nil
}

// askWhatIf asks the advisor how the order under the pointer would move the
// chances, once the pointer has rested on it for a moment.
func (b *battleScene) askWhatIf() {
	if b.whatIf == nil {
		return
	}
	o, ok := b.hoverOrder()
	if !ok {
		b.whatKey = 0
		return
	}
	key := orderKey(o)
	if key != b.whatKey {
		b.whatKey, b.whatSince = key, b.now
		return
	}
	if b.now-b.whatSince >= 0.6 {
		b.whatIf.StartAfter(b.s, b.ctl.Side, key, b.advisorKey(), &o)
	}
}

// hoverOrder is the order a click on the hex under the pointer would give.
func (b *battleScene) hoverOrder() (rules.Order, bool) {
	c := b.ctl
	if !c.MyTurn() {
		return rules.Order{}, false
	}
	hv := c.HoverAt(c.Cursor)
	switch sh := c.Sel(); {
	case hv.Command:
		return hv.CommandTo, true
	case hv.Attack:
		return hv.Order, true
	case hv.Path != nil && sh != nil:
		return rules.Order{Kind: rules.Move, Side: c.Side, Ship: sh.ID, Path: hv.Path}, true
	}
	return rules.Order{}, false
}

// orderKey tells orders apart for the what-if advice (never 0).
func orderKey(o rules.Order) int {
	h := uint32(2166136261)
	mix := func(v int) {
		for range 4 {
			h = (h ^ uint32(v&0xff)) * 16777619
			v >>= 8
		}
	}
	for _, v := range [...]int{int(o.Kind), int(o.Ship), int(o.Target), o.Weapon, o.Section, o.At.Q, o.At.R, o.Wing, int(o.Directive)} {
		mix(v)
	}
	for _, p := range o.Path {
		mix(p.Q)
		mix(p.R)
	}
	return int(h>>2) | 1<<30
}

// followCursor keeps the keyboard cursor on screen.
func (b *battleScene) followCursor() {
	x, y := play.WorldLayout().ToPixel(b.ctl.Cursor)
	sx, sy := b.cam.ToScreen(x, y)
	m := 160 * b.g.Scale
	if sx < m || sy < m || sx > b.cam.W-m-300*b.g.Scale || sy > b.cam.H-m {
		b.cam.CenterOn(x, y)
	}
}

// click acts on the cursor hex.
func (b *battleScene) click() {
	a, err := b.ctl.Click(b.ctl.Cursor)
	b.afterOrder(a, err)
}

func (b *battleScene) do(act play.Action) {
	if act == play.ActUndo {
		if _, err := b.ctl.Do(act); err == nil {
			b.resetMotions()
			b.log().Add("Order taken back.", b.ctl.Side, b.g.Frame)
		}
		return
	}
	if (act == play.ActEvacuate || act == play.ActSabotage) && b.ctl.Avail[act] {
		// Orders that cannot be taken back are asked first.
		text, yes := "Order the station's evacuation? It cannot be taken back.", "Evacuate"
		if act == play.ActSabotage {
			text, yes = "Run the station's sabotage program? It cannot be taken back.", "Run the program"
		}
		b.ask, b.asked = newConfirm(b.g, text, yes, "Not now"), act
		return
	}
	if act == play.ActReroute && b.ctl.Avail[act] {
		text := fmt.Sprintf("Re-route main power through %s? It takes every action left this phase and half that section's hull, and can be done once.",
			play.SectionName(b.ctl.View, b.ctl.Selected, b.ctl.RerouteChoice()))
		b.ask, b.asked = newConfirm(b.g, text, "Re-route power", "Not now"), act
		return
	}
	if act == play.ActEndTurn && b.ctl.Avail[act] {
		if text := endPhaseQuestion(b.ctl.Unfinished()); text != "" {
			// Ships with orders left: asked first (N or Enter again ends it).
			b.ask, b.asked = newConfirmAgain(b.g, text, "End phase", "Not yet", input.CmdEndTurn), act
			return
		}
	}
	a, err := b.ctl.Do(act)
	b.afterOrder(a, err)
}

// endPhaseQuestion asks whether to end the phase while ships can still fire
// or have not moved ("12 ships can still fire and 30 have not moved. End
// the phase?"), or is "" when none can.
func endPhaseQuestion(fire, unmoved int) string {
	ships := func(n int) string {
		if n == 1 {
			return "1 ship"
		}
		return strconv.Itoa(n) + " ships"
	}
	var says string
	switch {
	case fire > 0 && unmoved > 0:
		has := "have"
		if unmoved == 1 {
			has = "has"
		}
		says = fmt.Sprintf("%s can still fire and %d %s not moved.", ships(fire), unmoved, has)
	case fire > 0:
		says = ships(fire) + " can still fire."
	case unmoved == 1:
		says = "1 ship has not moved."
	case unmoved > 0:
		says = ships(unmoved) + " have not moved."
	default:
		return ""
	}
	return says + " End the phase?"
}

func (b *battleScene) afterOrder(a *play.Applied, err error) {
	if err != nil {
		b.g.Sound.Play(sound.Click)
		return
	}
	if a == nil {
		return
	}
	b.guides[b.ctl.Side].Ordered(a.Order)
	b.ctl.Refresh()
	b.dir.show(a, 1.5, true)
}

// updateCarry gives, one at a time, the orders that carry out a wing's
// orders, each shown (briefly: a wing's ships move together) before the
// next; K shows the rest at once, Z stops and takes back the last.
func (b *battleScene) updateCarry(in *input.Input) {
	if in.Just(input.CmdSkip) || in.Just(input.CmdAct) {
		b.carrySkip = true
	}
	if in.Just(input.CmdUndo) {
		b.do(play.ActUndo)
		return
	}
	speed := b.g.Speed()
	for budget := 60; budget > 0 && (b.carrySkip || b.now >= b.busyUntil); budget-- {
		a, err := b.ctl.Step()
		if err != nil || a == nil {
			break
		}
		b.guides[b.ctl.Side].Ordered(a.Order)
		d := b.dir.show(a, speed, !b.carrySkip)
		if !b.carrySkip && d > 0 {
			b.busyUntil = b.now + d*0.2
			break
		}
	}
	if b.carrySkip {
		b.fx.Clear()
		b.resetMotions()
	}
	if !b.ctl.Busy() {
		b.carrySkip = false
	}
}

func (b *battleScene) resetMotions() {
	for i := range b.motions {
		b.motions[i].n = 0
	}
}

// updateComputer plays the computer's orders one by one, each shown before
// the next, at the player's speed; K skips to the end of the phase.
func (b *battleScene) updateComputer(in *input.Input) {
	if in.Just(input.CmdSkip) || in.Just(input.CmdAct) && !b.watch {
		b.skipping = true
	}
	if in.Clicked {
		switch a, _ := b.hud.buttonAt(in.ClickX, in.ClickY); a {
		case ActPbSkip:
			b.skipping = true
		case ActRpSlower:
			b.g.Settings.Speed = max(b.g.Settings.Speed-1, 0)
		case ActRpFaster:
			b.g.Settings.Speed = min(b.g.Settings.Speed+1, numSpeeds-1)
		case ActRpView:
			if b.watch {
				b.viewSide(b.ctl.Side.Other())
			}
		}
	}
	speed := b.g.Speed()
	budget := 40
	for budget > 0 && (b.skipping || b.now >= b.busyUntil) {
		budget--
		a, err := b.s.ComputerOrder(false)
		if err != nil {
			b.log().Add("The computer is stuck: "+err.Error(), b.ctl.Side, b.g.Frame)
			break
		}
		if a == nil {
			break
		}
		b.ctl.Refresh()
		d := b.dir.show(a, speed, !b.skipping)
		if !b.skipping {
			b.follow()
		}
		if !b.skipping && d > 0 {
			b.busyUntil = b.now + d*0.55
			break
		}
	}
	if b.skipping {
		b.fx.Clear()
		b.resetMotions()
	}
	if b.s.HumanTurn() || b.s.Public().Phase == rules.Over {
		b.skipping = false
	}
}

// follow pans the camera gently toward what the last order showed when it
// happened off screen, unless the player has moved the camera this phase.
func (b *battleScene) follow() {
	a := &b.action
	if b.camMoved || a.n == 0 || b.now < b.followAt+followDwell {
		return
	}
	x, y := (a.x0+a.x1)/2, (a.y0+a.y1)/2
	cam := b.cam
	// Where the camera is going, is the action in the part of the screen
	// not under the panels? Then the camera stays put.
	sx, sy := (x-cam.TX)*cam.TZoom+cam.W/2, (y-cam.TY)*cam.TZoom+cam.H/2
	m := b.g.U(24)
	if sx >= cam.InL+m && sx <= cam.W-cam.InR-m && sy >= cam.InT+m && sy <= cam.H-cam.InB-m {
		return
	}
	cam.CenterFree(x, y)
	b.following, b.followAt = true, b.now
}

// followDwell is the least time the camera rests on the action it glided to
// before it follows the action elsewhere (seconds).
const followDwell = 1.2

// playToEnd lets the computer play the battle out at once (screenshots of
// the report).
func (b *battleScene) playToEnd() error { return b.s.PlayOut() }

// updateLights animates the station lights: a flicker, then dark, as the
// viewing side sees the stations.
func (b *battleScene) updateLights() {
	v := b.ctl.View
	for i := range b.light {
		if b.dark[i] == 0 {
			continue
		}
		sh := v.Ship(rules.ShipID(i))
		if sh == nil {
			continue
		}
		t := b.now - b.dark[i]
		target := float32(0.06)
		if sh.MainPower && !sh.Sabotaged {
			target = 1
		}
		if t < 1.6 && target < 1 {
			// Flicker as the power dies.
			f := 0.5 + 0.5*math.Sin(t*37)*math.Sin(t*11)
			b.light[i] = float32(f * (1 - t/1.6))
			continue
		}
		b.light[i] += (target - b.light[i]) * 0.1
	}
}

// saveAs writes a save under a new name (F5; saveslots.go).
func (b *battleScene) saveAs() { b.banner(b.g.quickSave(b)) }

// toHumanTurn plays on to the first phase a person commands (refusing the
// terms) and selects a ship with its farthest move under the
// cursor: the -scene battle screenshot shows a player's turn.
func (b *battleScene) toHumanTurn() {
	s := b.s
	for guard := 0; guard < 20000; guard++ {
		pub := s.Public()
		if pub.Phase == rules.Over || s.HumanTurn() && pub.Phase != rules.Parley {
			break
		}
		if pub.Phase == rules.Parley && s.Humans[pub.Active] {
			a, err := s.Apply(rules.Order{Kind: rules.AnswerTerms, Side: pub.Active}, true)
			if err != nil {
				return
			}
			b.ctl.Refresh()
			b.dir.show(a, 1, false)
			continue
		}
		a, err := s.ComputerOrder(false)
		if err != nil || a == nil {
			break
		}
		b.ctl.Refresh()
		b.dir.show(a, 1, false)
	}
	if s.Public().Phase == rules.Over {
		return
	}
	c := b.ctl
	b.viewSide(s.Public().Active)
	c.Refresh()
	switch sh := play.OpeningShip(c.View, c.Side); {
	case sh != nil && sh.Wing >= 0 && c.View.Wing(sh.Wing) != nil:
		c.SelectWing(sh.Wing, sh.ID) // a wing's ship: the wing is commanded
	case sh != nil:
		c.Select(sh.ID)
	case c.NextWing(1):
	default:
		c.NextShip(1)
	}
	if len(c.Ends) > 0 {
		c.Cursor = c.Ends[len(c.Ends)*2/3].Hex
		b.kbCursor = true
	}
	b.focusOwn()
	if z := b.g.Opts.Zoom; z > 0 {
		if sh := c.Sel(); sh != nil {
			x, y := play.WorldLayout().ToPixel(sh.Pos)
			b.cam.TZoom = z
			b.cam.CenterOn(x+play.HexSize*3, y)
			b.cam.Snap()
		}
	}
}

// advisorKey tells the phases of the battle apart, for the advisor.
func (b *battleScene) advisorKey() int {
	pub := b.s.Public()
	return pub.Turn*2 + int(pub.Active)
}
