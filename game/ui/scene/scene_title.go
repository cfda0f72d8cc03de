package scene

import (
	"math"
	"sort"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/game/ui/input"
	"github.com/calltoarms/ds9/game/ui/play"
	"github.com/calltoarms/ds9/game/ui/render"
)

// sideIDs are the title's choices of whom to command in a battle: one of its
// sides (by the scenario's id), both (hot-seat), or neither (watch).
func sideIDs(sc *scenario.Scenario) []string {
	return []string{sc.Sides[0].ID, sc.Sides[1].ID, "hotseat", "watch"}
}

// sideLabels name those choices for a scenario: each side with its commander.
func sideLabels(sc *scenario.Scenario) []string {
	return []string{play.CommandLabel(sc, rules.Sides[0]), play.CommandLabel(sc, rules.Sides[1]), "Hot-seat: two players", "Watch: computer vs computer"}
}

// levelIDs are the computer's levels; levelNames name them.
func levelIDs() []string   { return []string{"easy", "normal", "hard"} }
func levelNames() []string { return []string{"Easy", "Normal", "Hard"} }

// titleShip is a ship crossing the title screen.
type titleShip struct {
	class, faction string
	west           bool // flies right to left
}

// titleArt is what the title screen shows of a scenario: its name and date,
// a few of its ship classes crossing, its station and its wormhole.
type titleArt struct {
	sc       *scenario.Scenario
	heading  string
	ships    []titleShip
	station  bool
	wormhole bool
}

func newTitleArt(sc *scenario.Scenario) titleArt {
	a := titleArt{sc: sc, heading: sc.Name, wormhole: play.HasWormhole(&sc.Setup.Map)}
	if sc.Date != "" {
		a.heading += " · " + sc.Date
	}
	// Each side's classes, the most numerous first.
	type count struct {
		class, faction string
		n, first       int
	}
	var bySide [2][]count
	for i, sh := range sc.Setup.Ships {
		if sh.Class < 0 || sh.Class >= len(sc.Setup.Classes) || !sh.Side.Valid() {
			continue
		}
		c := &sc.Setup.Classes[sh.Class]
		if c.Station {
			a.station = true
			continue
		}
		found := false
		for k := range bySide[sh.Side] {
			if bySide[sh.Side][k].class == c.ID {
				bySide[sh.Side][k].n++
				found = true
			}
		}
		if !found {
			bySide[sh.Side] = append(bySide[sh.Side], count{class: c.ID, faction: c.Faction, n: 1, first: i})
		}
	}
	for s := range bySide {
		sort.SliceStable(bySide[s], func(i, j int) bool { return bySide[s][i].n > bySide[s][j].n })
	}
	// Three lanes of the second side's ships flying east, two of the first
	// side's flying west.
	lanes := [5]rules.Side{rules.Sides[1], rules.Sides[1], rules.Sides[1], rules.Sides[0], rules.Sides[0]}
	next := [2]int{}
	for _, side := range lanes {
		if len(bySide[side]) == 0 {
			side = side.Other()
		}
		cs := bySide[side]
		if len(cs) == 0 {
			break
		}
		c := cs[next[side]%min(len(cs), 2)]
		next[side]++
		a.ships = append(a.ships, titleShip{class: c.class, faction: c.faction, west: side == rules.Sides[0]})
	}
	return a
}

// titleScene is the title screen: scenario, side and difficulty, and the
// ways into a battle.
type titleScene struct {
	g      *Manager
	menu   *menuList
	iScen  int
	iSide  int
	iLevel int
	iBegin int
	iCamp  int            // the first campaign's item; the others follow it
	camps  []campaignFile // the campaigns listed
	iCont  int
	iLoad  int
	iRep   int
	iOpen  int // open a scenario file (the browser page's picker); -1 without one
	iQuit  int
	list   *slotPicker
	cont   string // the autosave Continue resumes
	t      float64
	worm   [4]ebiten.Vertex
	wormOp ebiten.DrawTrianglesShaderOptions
	timeU  []float32
	op     ebiten.DrawImageOptions
	err    string
	art    titleArt // of the scenario chosen
}

func newTitleScene(g *Manager, sc *scenario.Scenario) *titleScene {
	t := &titleScene{g: g, menu: newMenuList(g.Kit), timeU: []float32{0}, art: newTitleArt(sc)}
	t.wormOp.Uniforms = map[string]any{"Time": t.timeU, "Open": []float32{1}}
	var names []string
	sel := 0
	for i, s := range g.Scenarios {
		names = append(names, s.Name)
		if s == sc {
			sel = i
		}
	}
	t.iScen = t.menu.add("Battle", names...)
	t.menu.items[t.iScen].value = sel
	t.iSide = t.menu.add("Command", sideLabels(sc)...)
	for i, id := range sideIDs(sc) {
		if id == g.Opts.Side {
			t.menu.items[t.iSide].value = i
		}
	}
	t.iLevel = t.menu.add("Opponent", levelNames()...)
	t.menu.items[t.iLevel].value = 1
	for i, id := range levelIDs() {
		if id == g.Opts.Difficulty {
			t.menu.items[t.iLevel].value = i
		}
	}
	t.iBegin = t.menu.add("Begin the battle")
	t.iCamp = -1
	t.camps = g.campaignFiles()
	for i, cf := range t.camps {
		k := t.menu.add("Campaign: " + cf.title)
		if i == 0 {
			t.iCamp = k
		}
	}
	t.iCont = t.menu.add("Continue the last battle")
	t.iLoad = t.menu.add("Load a saved battle")
	t.iRep = t.menu.add("Watch a replay")
	t.iOpen = -1
	if g.Opts.OpenFiles != nil {
		t.iOpen = t.menu.add("Open a scenario file…")
	}
	t.iQuit = -1
	if g.CanQuit() {
		t.iQuit = t.menu.add("Quit")
	}
	t.menu.focus = t.iBegin
	t.cont = g.latestAutosave()
	if t.cont == "" {
		t.menu.items[t.iCont].enabled = false
	}
	t.err = g.takeNotices()
	return t
}

// refreshScenarios lists the battles again when more scenarios have loaded
// (they load one a frame after the first screen), keeping the one chosen.
func (t *titleScene) refreshScenarios(g *Manager) {
	if len(t.menu.items[t.iScen].values) == len(g.Scenarios) {
		return
	}
	t.relist(g, t.art.sc)
}

// relist lists the battles again, chosen the one given (a scenario file
// the player opened, or the one chosen before).
func (t *titleScene) relist(g *Manager, chosen *scenario.Scenario) {
	it := &t.menu.items[t.iScen]
	if chosen != t.art.sc {
		t.art = newTitleArt(chosen)
		t.menu.items[t.iSide].values = sideLabels(chosen)
		t.menu.items[t.iSide].value = min(t.menu.items[t.iSide].value, len(sideLabels(chosen))-1)
	}
	it.values = it.values[:0]
	for i, sc := range g.Scenarios {
		it.values = append(it.values, sc.Name)
		if sc == chosen {
			it.value = i
		}
	}
}

// layoutMenu places the title's menu: at the left on a wide screen, across
// a narrow one.
func (t *titleScene) layoutMenu(g *Manager) {
	u := g.U
	x := min(u(80), u(16))
	if g.W > u(700) {
		x = u(80)
	}
	w := min(u(460), g.W-2*x)
	h, gap := u(40), u(8)
	y := g.H * 0.40
	bottom := g.H - max(u(70), g.pageInset()+u(40))
	// The menu starts under the title and the battle's heading; on a short
	// screen its rows get thinner (down to 30 units) before it moves up.
	top := g.H*0.12 + g.Fonts.TitH + g.Fonts.HeadH + u(6)
	n := float64(len(t.menu.items))
	if y+n*(h+gap) > bottom {
		pitch := min(h+gap, max(u(34), (bottom-top)/n))
		h, gap = pitch*5/6, pitch/6
		y = max(bottom-n*pitch, g.H*0.22)
	}
	// Still over the heading (a phone on its side): two columns, when the
	// screen is wide enough.
	if cw := (g.W - 2*x - u(16)) / 2; y < top && cw >= u(260) {
		rows := math.Ceil(n / 2)
		pitch := min(u(48), max(u(34), (bottom-top)/rows))
		h = pitch * 5 / 6
		y = max(bottom-rows*pitch, top)
		w = min(u(460), cw)
		for i := range t.menu.items {
			col, row := float64(i/int(rows)), float64(i%int(rows))
			t.menu.items[i].r = rect{x + col*(w+u(16)), y + row*pitch, w, h}
		}
		return
	}
	t.menu.layout(x, y, w, h, gap)
}

func (t *titleScene) Update(g *Manager) error {
	t.t += 1.0 / 60
	t.layoutMenu(g)
	t.menu.measure(g)
	if t.list != nil {
		done, pick := t.list.update(g)
		if done {
			t.list = nil
		}
		if pick != nil {
			pick()
		}
		return nil
	}
	t.refreshScenarios(g)
	i, ok := t.menu.update(&g.Input, g.Sound)
	if sc := g.Scenarios[t.menu.items[t.iScen].value]; sc != t.art.sc {
		// Another battle chosen: its sides, commanders and ships.
		t.art = newTitleArt(sc)
		t.menu.items[t.iSide].values = sideLabels(sc)
	}
	if g.Input.Just(input.CmdBack) && g.CanQuit() {
		g.Quit()
	}
	if !ok {
		return nil
	}
	sc := g.Scenarios[t.menu.items[t.iScen].value]
	side := sideIDs(sc)[t.menu.items[t.iSide].value]
	level := levelIDs()[t.menu.items[t.iLevel].value]
	switch i {
	case t.iBegin:
		g.SetScene(newBriefingScene(g, sc, side, level))
	case t.iCont:
		t.openSave(t.cont)
	case t.iLoad:
		t.list = newLoadPicker(g)
	case t.iRep:
		t.list = newReplayPicker(g)
	case t.iOpen:
		g.Opts.OpenFiles()
	case t.iQuit:
		g.Quit()
	default:
		if k := i - t.iCamp; t.iCamp >= 0 && k >= 0 && k < len(t.camps) {
			g.SetScene(newCampaignScene(g, t.camps[k].name))
		}
	}
	return nil
}

// openSave resumes a saved battle.
func (t *titleScene) openSave(name string) {
	s, err := t.g.openSaved(name)
	if err != nil {
		t.err = err.Error()
		return
	}
	t.g.SetScene(newBattleScene(t.g, s))
}

func (t *titleScene) Draw(screen *ebiten.Image) {
	g := t.g
	u := g.U
	screen.Fill(g.Kit.Space)
	g.Kit.Stars(screen, -t.t*6, 0)
	// The wormhole, opening behind the title.
	if t.art.wormhole && g.Kit.Wormhole() != nil {
		t.timeU[0] = float32(t.t)
		cx, cy, r := g.W*0.72, g.H*0.30, g.H*0.22
		for i, c := range [4][2]float64{{-1, -1}, {1, -1}, {1, 1}, {-1, 1}} {
			t.worm[i] = ebiten.Vertex{DstX: float32(cx + c[0]*r), DstY: float32(cy + c[1]*r), SrcX: float32(c[0]), SrcY: float32(c[1]), ColorR: 1, ColorG: 1, ColorB: 1, ColorA: 1}
		}
		t.wormOp.Blend = ebiten.BlendLighter
		screen.DrawTrianglesShader(t.worm[:], []uint16{0, 1, 2, 0, 2, 3}, g.Kit.Wormhole(), &t.wormOp)
	}
	// The station.
	t.op.Filter = ebiten.FilterLinear
	if t.art.station {
		img, lights := g.Kit.StationImages()
		sc := g.H * 0.36 / render.StationSprite
		t.op.GeoM.Reset()
		t.op.GeoM.Translate(-render.StationSprite/2, -render.StationSprite/2)
		t.op.GeoM.Rotate(t.t * 0.03)
		t.op.GeoM.Scale(sc*2, sc*2)
		t.op.GeoM.Translate(g.W*0.70, g.H*0.66)
		t.op.ColorScale.Reset()
		t.op.Blend = ebiten.Blend{}
		screen.DrawImage(img, &t.op)
		t.op.Blend = ebiten.BlendLighter
		screen.DrawImage(lights, &t.op)
	}
	// A few of the battle's ships crossing.
	for i, cls := range t.art.ships {
		x := math.Mod(t.t*float64(30+i*7)+float64(i)*300, g.W+400) - 200
		y := g.H*0.12 + float64(i)*g.H*0.09
		ang := 0.0
		if cls.west {
			x = g.W - x
			ang = math.Pi
		}
		t.op.GeoM.Reset()
		t.op.GeoM.Translate(-render.ShipSprite/2, -render.ShipSprite/2)
		t.op.GeoM.Rotate(ang)
		t.op.GeoM.Scale(0.5*g.Scale, 0.5*g.Scale)
		t.op.GeoM.Translate(x, y+g.H*0.35)
		t.op.Blend = ebiten.Blend{}
		t.op.ColorScale.Reset()
		t.op.ColorScale.ScaleAlpha(0.8)
		screen.DrawImage(g.Kit.ShipImage(cls.class, cls.faction), &t.op)
	}
	x := t.menu.items[0].r.x
	title := g.Fonts.Title
	if render.TextWidth("CALL TO ARMS", title) > g.W-2*x {
		title = g.Fonts.Big // a narrow screen
	}
	g.Kit.Text(screen, "CALL TO ARMS", title, x, g.H*0.12, render.ColAccent.RGBA(), render.Left)
	g.Kit.Text(screen, fitText(t.art.heading, g.Fonts.Head, g.W-x-u(8)), g.Fonts.Head, x+u(2), g.H*0.12+g.Fonts.TitH, render.ColText.RGBA(), render.Left)
	t.menu.draw(screen, g)
	if !g.Input.TouchDevice {
		hint := "↑ ↓ choose   ← → change   Enter select"
		if g.CanQuit() {
			hint += "   Esc quit"
		}
		if drop := hint + "   Drop a scenario file (.yaml) here to open it"; render.TextWidth(drop, g.Fonts.Small) <= g.W-x-u(16) {
			hint = drop
		}
		g.Kit.Text(screen, hint, g.Fonts.Small, x, g.H-u(30)-g.pageInset(), render.ColDim.RGBA(), render.Left)
	}
	if t.err != "" {
		lines := render.WrapText(t.err, g.Fonts.Body, g.W-x-u(16))
		y := g.H - u(56) - g.pageInset() - float64(len(lines)-1)*g.Fonts.BodyH
		for _, l := range lines {
			g.Kit.Text(screen, l, g.Fonts.Body, x, y, render.ColBad.RGBA(), render.Left)
			y += g.Fonts.BodyH
		}
	}
	if t.list != nil {
		t.list.draw(screen)
	}
}
