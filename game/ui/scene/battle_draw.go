package scene

import (
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/ui/play"
	"github.com/calltoarms/ds9/game/ui/render"
)

// drawCache holds what the battle's Draw reuses every frame, so that drawing
// allocates nothing in steady state.
type drawCache struct {
	under, over, glow *render.Batch
	shipOp            ebiten.DrawImageOptions
	pts               [6][2]float32

	rangeHexes []hex.Hex // hexes within the selected ship's reach, cached
	threat     []int     // with no ship chosen: by map index, the enemies that can strike there next phase
	rangeFor   rules.ShipID
	rangeStamp int

	intents     []intent
	shipsNow    []shipDraw
	intentStamp int
	labelRects  []rect // where the intent labels went this frame (reused)
	costFor     int
}

// intent is an enemy wing's telegraphed aim.
type intent struct {
	x0, y0, x1, y1 float32 // world: the wing's centre and its target
	label          string
	verb           string // what the wing means to do ("Assault Deep Space Nine")
	wing           int    // the wing's index
	col            render.RGBA
}

func (b *battleScene) initDrawCache() {
	b.under = b.g.Kit.NewBatch(false)
	b.over = b.g.Kit.NewBatch(false)
	b.glow = b.g.Kit.NewBatch(true)
	b.shipOp.Filter = ebiten.FilterLinear
	b.rangeFor = rules.NoShip
	b.rangeStamp, b.intentStamp, b.costFor = -1, -1, -1
}

// Draw implements Scene.
func (b *battleScene) Draw(screen *ebiten.Image) {
	screen.Fill(b.g.Kit.Space)
	b.ctl.Refresh()
	if !b.g.Kit.SkipLayer("world") {
		b.world.Draw(screen, b.cam, b.now)
	}
	if !b.g.Kit.SkipLayer("under") {
		b.drawUnder(screen)
	}
	b.drawStations(screen)
	if !b.g.Kit.SkipLayer("ships") {
		b.drawShips(screen)
	}
	b.drawOver(screen)
	b.fx.Draw(screen, b.cam, b.now, b.g.Fonts.Bold)
	if !b.g.Kit.SkipLayer("hud") {
		b.hud.draw(screen)
		b.drawGuide(screen)
	}
	if b.curtain {
		b.drawCurtain(screen)
	}
	if b.help != nil {
		b.help.draw(screen)
	}
	if b.ask != nil {
		b.ask.draw(screen, b.g)
	}
	if b.menu != nil {
		b.menu.draw(screen)
	}
}

// drawUnder draws what lies on the map under the ships: reachable hexes,
// ranges, mines, the path.
func (b *battleScene) drawUnder(dst *ebiten.Image) {
	c := b.ctl
	v := c.View
	cam := b.cam
	u := b.under
	s := float32(play.HexSize * cam.Zoom)
	// Reachable hexes of the selected ship.
	if c.MyTurn() && len(c.Ends) > 0 && c.Mode == play.ModeMove && c.Wing < 0 {
		for _, r := range c.Ends {
			x, y := cam.HexCenter(r.Hex)
			if offScreen(cam, x, y, s) {
				continue
			}
			render.HexCorners(float32(x), float32(y), s*0.94, &b.pts)
			u.Poly(float32(x), float32(y), &b.pts, render.ColReach.WithA(0.13))
		}
	}
	// Firing ranges on demand.
	if b.showRanges {
		b.updateRange()
		for k, n := range b.threat {
			if n == 0 {
				continue
			}
			h := v.Map.HexAt(k)
			x, y := cam.HexCenter(h)
			if offScreen(cam, x, y, s) {
				continue
			}
			render.HexCorners(float32(x), float32(y), s*0.94, &b.pts)
			u.Poly(float32(x), float32(y), &b.pts, render.ColBad.WithA(0.05+0.035*float32(min(n, 6))))
		}
		for _, h := range b.rangeHexes {
			x, y := cam.HexCenter(h)
			if offScreen(cam, x, y, s) {
				continue
			}
			render.HexCorners(float32(x), float32(y), s*0.94, &b.pts)
			u.Poly(float32(x), float32(y), &b.pts, render.ColBad.WithA(0.08))
		}
	}
	// Minefield positions: the Alliance sees its own field; others only what is uncloaked.
	mineT := float32(0.5 + 0.5*math.Sin(b.now*2.5))
	for _, m := range v.Mines {
		x, y := cam.HexCenter(m.Pos)
		if m.Laid {
			continue
		}
		render.HexCorners(float32(x), float32(y), s*0.8, &b.pts)
		for k := range 6 {
			if k%2 == 1 {
				continue
			}
			p0, p1 := b.pts[k], b.pts[(k+1)%6]
			u.Line(p0[0], p0[1], p1[0], p1[1], max(1.5, s*0.06), render.TexLine, render.ColMine.WithA(0.4+0.4*mineT))
		}
	}
	// Keyboard cursor / hovered hex.
	if c.View.Map.In(c.Cursor) {
		x, y := cam.HexCenter(c.Cursor)
		render.HexCorners(float32(x), float32(y), s*0.96, &b.pts)
		col := render.ColText.WithA(0.35)
		if b.kbCursor {
			col = render.ColAccent.WithA(0.6 + 0.3*mineT)
		}
		for k := range 6 {
			p0, p1 := b.pts[k], b.pts[(k+1)%6]
			u.Line(p0[0], p0[1], p1[0], p1[1], max(1.5, s*0.05), render.TexLine, col)
		}
	}
	// The path and its cost.
	if c.MyTurn() {
		hv := c.HoverAt(c.Cursor)
		if w := c.WingSel(); w != nil && hv.Command {
			// The order a click gives the wing: an arrow from its middle.
			if lead := v.Ship(c.Selected); lead != nil {
				x0, y0 := cam.HexCenter(lead.Pos)
				x1, y1 := cam.HexCenter(c.Cursor)
				dashedArrow(u, float32(x0), float32(y0), float32(x1), float32(y1), max(2.5, s*0.1), float32(math.Mod(b.now*40, 20)), render.WingColor(w.Index).WithA(0.9))
			}
		}
		if sh := c.Sel(); sh != nil && len(hv.Path) > 0 && c.Wing < 0 {
			px, py := cam.HexCenter(sh.Pos)
			for _, h := range hv.Path {
				x, y := cam.HexCenter(h)
				u.Line(float32(px), float32(py), float32(x), float32(y), max(2.5, s*0.1), render.TexLine, render.ColPath.WithA(0.9))
				u.Sprite(float32(x), float32(y), max(3, s*0.12), render.TexDisc, render.ColPath.RGBA())
				px, py = x, y
			}
		}
	}
	u.Flush(dst)
	// Laid mines.
	mi := b.g.Kit.MineImage()
	for _, m := range v.Mines {
		if !m.Laid {
			continue
		}
		x, y := cam.HexCenter(m.Pos)
		if offScreen(cam, x, y, s) {
			continue
		}
		a := float32(1)
		if v.MinefieldActive {
			a = 0.45 + 0.25*mineT // cloaked: the owner sees it faintly
		}
		op := &b.shipOp
		op.GeoM.Reset()
		op.GeoM.Translate(-32, -32)
		op.GeoM.Rotate(b.now * 0.5)
		sc := s * 0.7 / 32
		op.GeoM.Scale(float64(sc), float64(sc))
		op.GeoM.Translate(x, y)
		op.ColorScale.Reset()
		op.ColorScale.ScaleAlpha(a)
		dst.DrawImage(mi, op)
	}
}

// updateRange caches the hexes within the selected ship's weapons' range.
func (b *battleScene) updateRange() {
	c := b.ctl
	id := c.Selected
	if t := c.View.ShipAt(c.Cursor); t != nil && t.Side != c.Side {
		id = t.ID
	}
	if id == b.rangeFor && b.rangeStamp == b.s.Changed {
		return
	}
	b.rangeFor, b.rangeStamp = id, b.s.Changed
	b.rangeHexes = append(b.rangeHexes[:0], c.View.WeaponReach(id)...)
	b.threat = b.threat[:0]
	if c.View.Ship(id) == nil {
		// No ship chosen: where the enemy can strike next phase.
		b.threat = append(b.threat, c.View.Threat()...)
	}
}

// drawStations draws the stations with their lights.
func (b *battleScene) drawStations(dst *ebiten.Image) {
	v := b.ctl.View
	for i := range v.Ships {
		sh := &v.Ships[i]
		c := v.Class(sh)
		if !c.Station {
			continue
		}
		img, lights := b.g.Kit.StationImages()
		x, y := b.cam.HexCenter(sh.Pos)
		ringWorld := (float64(c.Radius) + 0.5) * math.Sqrt(3) * play.HexSize * 0.98
		sc := ringWorld / 196 * b.cam.Zoom
		op := &b.shipOp
		op.GeoM.Reset()
		op.GeoM.Translate(-render.StationSprite/2, -render.StationSprite/2)
		op.GeoM.Rotate(b.now * 0.015)
		op.GeoM.Scale(sc, sc)
		op.GeoM.Translate(x, y)
		op.ColorScale.Reset()
		if sh.Captured {
			op.ColorScale.Scale(0.8, 0.7, 0.95, 1)
		}
		dst.DrawImage(img, op)
		if l := b.light[sh.ID]; l > 0.01 {
			op.ColorScale.Reset()
			op.ColorScale.ScaleAlpha(l)
			op.Blend = ebiten.BlendLighter
			dst.DrawImage(lights, op)
			op.Blend = ebiten.Blend{}
		}
		// Shields: a faint bubble while they hold.
		if sh.Shields > 0 && sh.MainPower {
			a := float32(sh.Shields) / float32(max(1, c.Shields))
			b.glow.Sprite(float32(x), float32(y), float32(ringWorld*1.32*b.cam.Zoom), render.TexRing, render.RGB(0x5fb0ff).WithA(0.12+0.18*a))
		}
	}
}

// shipDraw is where a ship is drawn this frame.
type shipDraw struct {
	sh   *rules.Ship
	x, y float32
	hd   float32
}

// drawShips draws every ship the viewing side sees.
func (b *battleScene) drawShips(dst *ebiten.Image) {
	v := b.ctl.View
	cam := b.cam
	z := float32(cam.Zoom)
	hoverID := rules.NoShip
	if h := v.ShipAt(b.ctl.Cursor); h != nil {
		hoverID = h.ID
	}
	b.shipsNow = b.shipsNow[:0]
	for i := range v.Ships {
		sh := &v.Ships[i]
		if !sh.Alive() || v.Class(sh).Station {
			continue
		}
		wx, wy := play.WorldLayout().ToPixel(sh.Pos)
		hd := b.heading[v.Side][sh.ID]
		if m := &b.motions[sh.ID]; m.active(b.now) {
			x, y, h := m.at(b.now)
			wx, wy, hd = float64(x), float64(y), h
		}
		if !cam.Visible(wx, wy, play.HexSize*1.2) {
			continue
		}
		sx, sy := cam.ToScreen(wx, wy)
		b.shipsNow = append(b.shipsNow, shipDraw{sh: sh, x: float32(sx), y: float32(sy), hd: hd})
		// A glow of the side's colour under the ship, to tell sides apart.
		cl := v.Class(sh)
		l := b.g.Kit.ShipLength(cl.ID, cl.Faction)
		b.glow.Sprite(float32(sx), float32(sy), l*0.55*z, render.TexGlow, render.SideColor(sh.Side).WithA(0.22))
	}
	b.glow.Flush(dst)
	for i := range b.shipsNow {
		d := &b.shipsNow[i]
		sh := d.sh
		c := v.Class(sh)
		x, y := d.x, d.y
		l := b.g.Kit.ShipLength(c.ID, c.Faction)
		img := b.g.Kit.ShipImage(c.ID, c.Faction)
		scale := float64(l*z) / (render.ShipSprite * 0.68) // the hull fills about 2/3 of its sprite
		op := &b.shipOp
		op.GeoM.Reset()
		op.GeoM.Translate(-render.ShipSprite/2, -render.ShipSprite/2)
		op.GeoM.Rotate(float64(d.hd))
		op.GeoM.Scale(scale, scale)
		op.GeoM.Translate(float64(x), float64(y))
		op.ColorScale.Reset()
		if sh.Cloaked {
			// Own cloaked ships are drawn translucent, shimmering.
			op.ColorScale.ScaleAlpha(0.3 + 0.1*float32(math.Sin(b.now*5+float64(sh.ID))))
		}
		dst.DrawImage(img, op)
		// Wing marking: a stripe in the wing's colour.
		if sh.Wing >= 0 && z > 0.3 {
			wc := render.WingColor(sh.Wing)
			b.over.SpriteRot(x-l*0.38*z, y-l*0.38*z, max(2, 5*z), max(1, 1.6*z), -0.6, render.TexWhite, wc.WithA(0.95))
		}
		// Condition bars when damaged, hovered or selected.
		sel := sh.ID == b.ctl.Selected
		if (sh.Hull < c.Hull || sh.Shields < c.Shields || sel || sh.ID == hoverID) && z > 0.35 {
			bw := l * 0.8 * z
			bx, by := x-bw/2, y+l*0.42*z
			bh := max(2, 2.5*z)
			b.over.Rect(bx, by, bw, bh*2+1, render.RGBA{A: 0.6})
			hf := float32(sh.Hull) / float32(max(1, c.Hull))
			b.over.Rect(bx, by, bw*hf, bh, healthColor(hf))
			if c.Shields > 0 {
				b.over.Rect(bx, by+bh+1, bw*float32(sh.Shields)/float32(c.Shields), bh, render.RGB(0x5fb0ff))
			}
		}
		if sel {
			r := l * 0.62 * z
			b.over.SpriteRot(x, y, r, r, float32(b.now), render.TexRing, render.ColAccent.WithA(0.9))
		} else if sh.Wing >= 0 && sh.Wing == b.ctl.Wing && sh.Side == b.ctl.Side {
			// The other ships of the selected wing.
			r := l * 0.56 * z
			b.over.Sprite(x, y, r, render.TexRing, render.WingColor(sh.Wing).WithA(0.85))
		} else if sh.ID == hoverID {
			r := l * 0.6 * z
			col := render.ColText.WithA(0.5)
			if sh.Side != b.ctl.Side {
				col = render.ColBad.WithA(0.8)
			}
			b.over.Sprite(x, y, r, render.TexRing, col)
		}
		if sh.Side == b.ctl.Side && b.ctl.MyTurn() && (sh.MP > 0 || sh.Actions > 0) && !sel {
			// Ships with orders left wear a small pip.
			b.over.Sprite(x+l*0.42*z, y-l*0.42*z, max(2.5, 3.5*z), render.TexDisc, render.ColGood.WithA(0.9))
		}
	}
}

func healthColor(f float32) render.RGBA {
	switch {
	case f > 0.6:
		return render.ColGood.RGBA()
	case f > 0.3:
		return render.ColWarn.RGBA()
	}
	return render.ColBad.RGBA()
}

// drawOver draws markings above the ships: rings, bars and the enemy's
// intended targets.
func (b *battleScene) drawOver(dst *ebiten.Image) {
	if b.showIntent {
		b.updateIntents()
		cam := b.cam
		z := float32(cam.Zoom)
		dash := float32(math.Mod(b.now*30, 20))
		for i := range b.intents {
			it := &b.intents[i]
			x0, y0 := cam.ToScreen(float64(it.x0), float64(it.y0))
			x1, y1 := cam.ToScreen(float64(it.x1), float64(it.y1))
			dashedArrow(b.over, float32(x0), float32(y0), float32(x1), float32(y1), max(1.5, 2*z), dash, it.col.WithA(0.55))
			b.over.Sprite(float32(x1), float32(y1), max(8, 22*z), render.TexRing, it.col.WithA(0.5))
		}
	}
	b.over.Flush(dst)
	// The labels when zoomed in far enough to read the map under them (on
	// a small screen, further: there they would cover most of it).
	labelZoom := 0.55
	if b.hud.compact {
		labelZoom = 1.1
	}
	if b.showIntent && b.cam.Zoom > labelZoom {
		b.drawIntentLabels(dst)
	}
}

// intentOf is what an enemy wing means to do, as its arrow shows it ("" for
// none): for the tooltip of a ship of the wing.
func (b *battleScene) intentOf(wing int) string {
	b.updateIntents()
	for i := range b.intents {
		if b.intents[i].wing == wing {
			return b.intents[i].verb
		}
	}
	return ""
}

// drawIntentLabels names each enemy wing's intent above the wing.
func (b *battleScene) drawIntentLabels(dst *ebiten.Image) {
	b.placeIntentLabels()
	for i, r := range b.labelRects {
		if r.w > 0 {
			it := &b.intents[i]
			b.g.Kit.Text(dst, it.label, b.g.Fonts.Small, r.x, r.y, it.col, render.Left)
		}
	}
}

// placeIntentLabels places the intent labels (b.labelRects, one per intent;
// an empty one is left out), kept on the map: a label is moved inside the
// screen's edges, and one that would cover the HUD or another label is
// moved a line up or down, or left out.
func (b *battleScene) placeIntentLabels() {
	g := b.g
	f := g.Fonts.Small
	lh := g.Fonts.SmallH
	placed := b.labelRects[:0]
	free := func(r rect) bool {
		if r.x < 0 || r.y < 0 || r.x+r.w > g.W || r.y+r.h > g.H {
			return false
		}
		for _, q := range b.hud.boxes() {
			if r.overlaps(q) {
				return false
			}
		}
		for _, q := range placed {
			if r.overlaps(q) {
				return false
			}
		}
		return true
	}
	for i := range b.intents {
		it := &b.intents[i]
		x0, y0 := b.cam.ToScreen(float64(it.x0), float64(it.y0))
		w, _ := text.Measure(it.label, f, 0)
		x := min(max(x0-w/2, g.U(4)), g.W-w-g.U(4))
		at := rect{}
		for _, dy := range [...]float64{-26 * g.Scale, -26*g.Scale - lh, 18 * g.Scale, -26*g.Scale - 2*lh} {
			if r := (rect{x, y0 + dy, w, lh}); free(r) {
				at = r
				break
			}
		}
		placed = append(placed, at)
	}
	b.labelRects = placed
}

// dashedArrow draws a dashed line with an arrowhead at the end.
func dashedArrow(bt *render.Batch, x0, y0, x1, y1, w, phase float32, c render.RGBA) {
	dx, dy := x1-x0, y1-y0
	l := float32(math.Hypot(float64(dx), float64(dy)))
	if l < 20 {
		return
	}
	ux, uy := dx/l, dy/l
	const on, period = 12, 20
	for d := phase - period; d < l-14; d += period {
		a, e := max(d, 0), min(d+on, l-14)
		if e <= a {
			continue
		}
		bt.Line(x0+ux*a, y0+uy*a, x0+ux*e, y0+uy*e, w, render.TexLine, c)
	}
	// Arrowhead.
	hx, hy := x1-ux*10, y1-uy*10
	px, py := -uy*7, ux*7
	bt.Line(x1, y1, hx-ux*4+px, hy-uy*4+py, w, render.TexLine, c)
	bt.Line(x1, y1, hx-ux*4-px, hy-uy*4-py, w, render.TexLine, c)
}

// updateIntents rebuilds the enemy wings' intents when the view changes.
func (b *battleScene) updateIntents() {
	if b.intentStamp == b.s.Changed+int(b.ctl.Side)*1_000_000 {
		return
	}
	b.intentStamp = b.s.Changed + int(b.ctl.Side)*1_000_000
	b.intents = b.intents[:0]
	v := b.ctl.View
	for i := range v.Wings {
		w := &v.Wings[i]
		if w.Side == v.Side || len(w.Ships) == 0 {
			continue
		}
		var sx, sy float64
		n := 0
		for _, id := range w.Ships {
			if sh := v.Ship(id); sh != nil && sh.Alive() {
				x, y := play.WorldLayout().ToPixel(sh.Pos)
				sx, sy, n = sx+x, sy+y, n+1
			}
		}
		if n == 0 {
			continue
		}
		it := intent{x0: float32(sx / float64(n)), y0: float32(sy / float64(n)), col: render.WingColor(w.Index), wing: w.Index}
		verb := ""
		switch w.Directive {
		case rules.Screen:
			x, y := play.WorldLayout().ToPixel(w.Hold)
			it.x1, it.y1 = float32(x), float32(y)
			verb = "Screen"
		default:
			t := v.Ship(w.Target)
			if t == nil || !t.Alive() {
				continue // no aim at a ship destroyed or gone by an exit
			}
			x, y := play.WorldLayout().ToPixel(t.Pos)
			it.x1, it.y1 = float32(x), float32(y)
			switch w.Directive {
			case rules.Intercept:
				verb = "Intercept " + t.Name
			case rules.Focus:
				verb = "Focus fire: " + play.SectionName(v, t.ID, w.Section)
			default:
				verb = "Assault " + t.Name
			}
		}
		it.label, it.verb = w.Name+" · "+verb, verb
		b.intents = append(b.intents, it)
	}
}

// drawCurtain hides the battle while hot-seat players change places.
func (b *battleScene) drawCurtain(dst *ebiten.Image) {
	g := b.g
	b.over.Rect(0, 0, float32(g.W), float32(g.H), render.ColSpace.RGBA()) // opaque: nothing of the other side's view shows
	b.over.Flush(dst)
	g.Kit.Text(dst, play.SideTitle(b.s.Scenario, b.s.Public().Active)+" to command", g.Fonts.Title, g.W/2, g.H/2-g.U(60), render.ColAccent.RGBA(), render.Center)
	g.Kit.Text(dst, "Pass the controls. Click or press Enter when ready.", g.Fonts.Head, g.W/2, g.H/2+g.U(20), render.ColText.RGBA(), render.Center)
}

func offScreen(cam *play.Camera, x, y float64, s float32) bool {
	m := float64(s)
	return x < -m || y < -m || x > cam.W+m || y > cam.H+m
}
