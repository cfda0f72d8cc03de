package scene

import (
	"fmt"
	"io/fs"
	"math"
	"sort"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/replay"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/game/ui/input"
	"github.com/calltoarms/ds9/game/ui/play"
	"github.com/calltoarms/ds9/game/ui/render"
	"github.com/calltoarms/ds9/game/ui/saves"
	"github.com/calltoarms/ds9/scenarios"
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
	iCont  int
	iLoad  int
	iRep   int
	iQuit  int
	list   *filePicker
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
	t.iCont = t.menu.add("Continue (autosave)")
	t.iLoad = t.menu.add("Load a saved battle")
	t.iRep = t.menu.add("Watch a replay")
	t.iQuit = t.menu.add("Quit")
	t.menu.focus = t.iBegin
	if _, err := g.Storage.Load(saves.AutosaveName); err != nil {
		t.menu.items[t.iCont].enabled = false
	}
	return t
}

func (t *titleScene) Update(g *Manager) error {
	t.t += 1.0 / 60
	u := g.U
	t.menu.layout(u(80), g.H*0.40, u(460), u(40), u(8))
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
	i, ok := t.menu.update(&g.Input, g.Sound)
	if sc := g.Scenarios[t.menu.items[t.iScen].value]; sc != t.art.sc {
		// Another battle chosen: its sides, commanders and ships.
		t.art = newTitleArt(sc)
		t.menu.items[t.iSide].values = sideLabels(sc)
	}
	if g.Input.Just(input.CmdBack) {
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
		t.openSave(saves.AutosaveName)
	case t.iLoad:
		t.list = newSavePicker(g, "Load a saved battle", func(name string) { t.openSave(name) })
	case t.iRep:
		t.list = newReplayPicker(g, func(s Scene) { g.SetScene(s) })
	case t.iQuit:
		g.Quit()
	}
	return nil
}

// openSave resumes a saved battle.
func (t *titleScene) openSave(name string) {
	s, err := openSaved(t.g, name)
	if err != nil {
		t.err = err.Error()
		return
	}
	t.g.SetScene(newBattleScene(t.g, s))
}

// openSaved reads a save from storage and resumes it.
func openSaved(g *Manager, name string) (*play.Session, error) {
	f, err := saves.Read(g.Storage, name)
	if err != nil {
		return nil, err
	}
	sc := g.ScenarioByID(f.Scenario)
	if sc == nil {
		return nil, fmt.Errorf("%s: unknown scenario %q", name, f.Scenario)
	}
	sc, err = replay.ScenarioOf(f, sc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return play.ResumeSession(sc, f)
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
	g.Kit.Text(screen, "CALL TO ARMS", g.Fonts.Title, u(80), g.H*0.12, render.ColAccent.RGBA(), render.Left)
	g.Kit.Text(screen, t.art.heading, g.Fonts.Head, u(82), g.H*0.12+g.Fonts.TitH, render.ColText.RGBA(), render.Left)
	t.menu.draw(screen, g)
	hint := "↑ ↓ choose   ← → change   Enter select   Esc quit"
	g.Kit.Text(screen, hint, g.Fonts.Small, u(80), g.H-u(30), render.ColDim.RGBA(), render.Left)
	if t.err != "" {
		g.Kit.Text(screen, t.err, g.Fonts.Body, u(80), g.H-u(56), render.ColBad.RGBA(), render.Left)
	}
	if t.list != nil {
		t.list.draw(screen)
	}
}

// filePicker is a list to choose a save or a replay from.
type filePicker struct {
	g     *Manager
	title string
	names []string
	menu  *menuList
	act   func(i int)
}

func (p *filePicker) layout(g *Manager) {
	u := g.U
	p.menu.layout(g.W/2-u(260), g.H*0.25, u(520), u(34), u(6))
}

func (p *filePicker) update(g *Manager) (done bool, pick func()) {
	p.layout(g)
	if g.Input.Just(input.CmdBack) || g.Input.RightClicked {
		return true, nil
	}
	i, ok := p.menu.update(&g.Input, g.Sound)
	if !ok {
		return false, nil
	}
	if i == len(p.menu.items)-1 {
		return true, nil
	}
	return true, func() { p.act(i) }
}

func (p *filePicker) draw(dst *ebiten.Image) {
	g := p.g
	u := g.U
	bt := p.menu.bt
	bt.Rect(0, 0, float32(g.W), float32(g.H), render.ColSpace.WithA(0.75))
	r := rect{g.W/2 - u(290), g.H*0.25 - u(70), u(580), float64(len(p.menu.items))*u(40) + u(100)}
	panel(bt, r, u)
	bt.Flush(dst)
	g.Kit.Text(dst, p.title, g.Fonts.Head, g.W/2, r.y+u(18), render.ColAccent.RGBA(), render.Center)
	p.menu.draw(dst, g)
}

func newPicker(g *Manager, title string, names []string, act func(i int)) *filePicker {
	p := &filePicker{g: g, title: title, names: names, menu: newMenuList(g.Kit), act: act}
	for _, n := range names {
		p.menu.add(n)
	}
	if len(names) == 0 {
		p.menu.add("(nothing here yet)")
		p.menu.items[0].enabled = false
	}
	p.menu.add("Back")
	p.menu.focus = 0
	if len(names) == 0 {
		p.menu.focus = 1
	}
	p.layout(g)
	return p
}

// newSavePicker lists the save games.
func newSavePicker(g *Manager, title string, open func(name string)) *filePicker {
	saves, _ := g.Storage.List()
	var names []string
	for i, s := range saves {
		if i >= 12 {
			break
		}
		names = append(names, s.Name)
	}
	return newPicker(g, title, names, func(i int) { open(names[i]) })
}

// newReplayPicker lists the saves and the replays shipped with the game.
func newReplayPicker(g *Manager, show func(Scene)) *filePicker {
	type src struct {
		name string
		data func() ([]byte, error)
	}
	var items []src
	golden, _ := fs.Glob(scenarios.FS, "replays/*.json")
	sort.Strings(golden)
	for _, n := range golden {
		items = append(items, src{"• " + n[len("replays/"):], func() ([]byte, error) { return fs.ReadFile(scenarios.FS, n) }})
	}
	saves, _ := g.Storage.List()
	for i, s := range saves {
		if i >= 10 {
			break
		}
		items = append(items, src{s.Name, func() ([]byte, error) { return g.Storage.Load(s.Name) }})
	}
	var names []string
	for _, it := range items {
		names = append(names, it.name)
	}
	p := newPicker(g, "Watch a replay", names, func(i int) {
		data, err := items[i].data()
		if err == nil {
			var s Scene
			if s, err = newReplayScene(g, items[i].name, data); err == nil {
				show(s)
				return
			}
		}
		if ts, ok := g.scene.(*titleScene); ok {
			ts.err = err.Error()
		}
	})
	return p
}
