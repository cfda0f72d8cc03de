package render

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/ui/play"
)

// terrainScale is the resolution of the pre-drawn terrain layer, in pixels
// per world unit.
const terrainScale = 1.0

// World draws the battle map: starfield, the terrain layer drawn
// once, the animated plasma belt and wormhole, and the hex grid.
type World struct {
	k                      *Kit
	m                      *rules.Map
	minX, minY, maxX, maxY float64
	terrain                *ebiten.Image
	terrOp                 ebiten.DrawImageOptions

	beltWorld []ebiten.Vertex // belt hex fans in world coordinates
	beltIdx   []uint32
	beltVs    []ebiten.Vertex // transformed each frame
	beltOp    ebiten.DrawTrianglesShaderOptions
	timeU     []float32
	openU     []float32

	WormX, WormY float64 // world centre of the wormhole mouth
	wormR        float64
	wormVs       [4]ebiten.Vertex
	wormIdx      [6]uint16
	wormOp       ebiten.DrawTrianglesShaderOptions

	grid *Batch
	pts  [6][2]float32
}

func NewWorld(k *Kit, m *rules.Map) *World {
	w := &World{k: k, m: m, grid: k.NewBatch(false)}
	w.minX, w.minY, w.maxX, w.maxY = play.MapBounds(m.Cols, m.Rows)
	w.timeU, w.openU = []float32{0}, []float32{1}
	w.beltOp.Uniforms = map[string]any{"Time": w.timeU}
	w.wormOp.Uniforms = map[string]any{"Time": w.timeU, "Open": w.openU}
	w.buildTerrain()
	// Belt hexes, as fans.
	for i := range m.Terrain {
		if m.Terrain[i] != rules.Belt {
			continue
		}
		h := m.HexAt(i)
		cx, cy := play.WorldLayout().ToPixel(h)
		n := uint32(len(w.beltWorld))
		w.beltWorld = append(w.beltWorld, ebiten.Vertex{DstX: float32(cx), DstY: float32(cy), SrcX: float32(cx), SrcY: float32(cy), ColorR: 1, ColorG: 1, ColorB: 1, ColorA: 1})
		HexCorners(float32(cx), float32(cy), play.HexSize*1.02, &w.pts)
		for k := range 6 {
			x, y := float64(w.pts[k][0]), float64(w.pts[k][1])
			w.beltWorld = append(w.beltWorld, ebiten.Vertex{DstX: float32(x), DstY: float32(y), SrcX: float32(x), SrcY: float32(y), ColorR: 1, ColorG: 1, ColorB: 1, ColorA: 0.55})
		}
		for k := range uint32(6) {
			w.beltIdx = append(w.beltIdx, n, n+1+k, n+1+(k+1)%6)
		}
	}
	w.beltVs = make([]ebiten.Vertex, len(w.beltWorld))
	// The wormhole: the centre of its hexes.
	var sx, sy float64
	var n int
	for _, h := range m.Hexes(rules.Wormhole) {
		x, y := play.WorldLayout().ToPixel(h)
		sx, sy, n = sx+x, sy+y, n+1
	}
	if n > 0 {
		w.WormX, w.WormY = sx/float64(n), sy/float64(n)
		w.wormR = play.HexSize * (1.2 + math.Sqrt(float64(n))*0.7)
	}
	w.wormIdx = [6]uint16{0, 1, 2, 0, 2, 3}
	return w
}

// buildTerrain draws the static terrain once: a faint nebula, the belt's
// glow, debris, the entry and exit edges.
func (w *World) buildTerrain() {
	iw := int((w.maxX - w.minX) * terrainScale)
	ih := int((w.maxY - w.minY) * terrainScale)
	img := ebiten.NewImage(iw, ih)
	img.Fill(ColSpace.RGBA().Color())
	r := newRand(7)
	b := w.k.NewBatch(true)
	// Room for the grid's lines, the most drawn at once: no growing.
	b.vs = make([]ebiten.Vertex, 0, 4*6*len(w.m.Terrain)+64)
	b.is = make([]uint32, 0, 6*6*len(w.m.Terrain)+96)
	toImg := func(x, y float64) (float32, float32) {
		return float32((x - w.minX) * terrainScale), float32((y - w.minY) * terrainScale)
	}
	// Stars, baked in: one opaque layer is far cheaper than several.
	for range iw * ih / 1400 {
		x, y := float32(r.Float64()*float64(iw)), float32(r.Float64()*float64(ih))
		a := float32(0.25 + 0.6*r.Float64()*r.Float64())
		c := RGBA{0.85 + 0.15*float32(r.Float64()), 0.9, 1, a}
		sz := float32(0.7 + r.Float64()*0.9)
		if r.IntN(40) == 0 {
			sz *= 2.5
			b.Sprite(x, y, sz*2.2, texStar, c.WithA(0.8))
		}
		b.Sprite(x, y, sz, TexDisc, c)
	}
	// Nebula wisps.
	for range 40 {
		x := w.minX + r.Float64()*(w.maxX-w.minX)
		y := w.minY + r.Float64()*(w.maxY-w.minY)
		px, py := toImg(x, y)
		c := RGB(0x2a3a7a)
		if r.IntN(3) == 0 {
			c = RGB(0x5a2a6a)
		}
		b.Sprite(px, py, float32(150+r.Float64()*300)*terrainScale, TexGlow, c.WithA(0.10))
	}
	for i, t := range w.m.Terrain {
		h := w.m.HexAt(i)
		x, y := play.WorldLayout().ToPixel(h)
		px, py := toImg(x, y)
		s := float32(play.HexSize * terrainScale)
		switch t {
		case rules.Belt:
			b.Sprite(px, py, s*2.2, TexGlow, colBelt.WithA(0.22))
		case rules.Wormhole:
			b.Sprite(px, py, s*2.5, TexGlow, RGB(0x4a7aff).WithA(0.25))
		case rules.Entry:
			HexCorners(px, py, s*0.96, &w.pts)
			b.Poly(px, py, &w.pts, RGB(0x8a2a2a).WithA(0.22))
		case rules.Exit:
			HexCorners(px, py, s*0.96, &w.pts)
			b.Poly(px, py, &w.pts, RGB(0x2a8a5a).WithA(0.22))
		}
	}
	b.Flush(img)
	// Debris: a faint hex, and rocks drawn with the pen in a patch of the
	// hex's size, laid on the terrain.
	const patch = int(play.HexSize*terrainScale*2 + 8)
	var rockOp ebiten.DrawImageOptions
	for i, t := range w.m.Terrain {
		if t == rules.Debris {
			x, y := play.WorldLayout().ToPixel(w.m.HexAt(i))
			px, py := toImg(x, y)
			HexCorners(px, py, float32(play.HexSize*terrainScale)*0.96, &w.pts)
			b.Poly(px, py, &w.pts, RGB(0x6a5a4a).WithA(0.12))
		}
	}
	b.Flush(img)
	for i, t := range w.m.Terrain {
		if t != rules.Debris {
			continue
		}
		x, y := play.WorldLayout().ToPixel(w.m.HexAt(i))
		px, py := toImg(x, y)
		pn := newPen(patch, patch)
		c := float32(patch) / 2
		for range 7 {
			rx := c + float32(r.Float64()*2-1)*play.HexSize*terrainScale*0.6
			ry := c + float32(r.Float64()*2-1)*play.HexSize*terrainScale*0.55
			rr := float32(2+r.Float64()*5) * terrainScale * 1.4
			rock(pn, rx, ry, rr, r.Float64()*6)
		}
		rockOp.GeoM.Reset()
		rockOp.GeoM.Translate(float64(px-c), float64(py-c))
		img.DrawImage(pn.image(), &rockOp)
	}
	// The hex grid, baked in; sharp lines are drawn over it when zoomed in.
	for i := range w.m.Terrain {
		x, y := play.WorldLayout().ToPixel(w.m.HexAt(i))
		px, py := toImg(x, y)
		HexCorners(px, py, float32(play.HexSize*terrainScale), &w.pts)
		for k := range 6 {
			p0, p1 := w.pts[k], w.pts[(k+1)%6]
			b.Line(p0[0], p0[1], p1[0], p1[1], 1.3, TexLine, colGrid.WithA(0.09))
		}
	}
	b.Flush(img)
	w.terrain = img
}

func rock(pn *pen, x, y, r float32, a float64) {
	pn.p.Reset()
	for k := range 7 {
		ang := a + float64(k)/7*2*math.Pi
		rr := r * float32(0.7+0.3*math.Sin(float64(k)*2.3+a))
		px, py := x+rr*float32(math.Cos(ang)), y+rr*float32(math.Sin(ang))
		if k == 0 {
			pn.p.MoveTo(px, py)
		} else {
			pn.p.LineTo(px, py)
		}
	}
	pn.p.Close()
	pn.fill(RGB(0x7a6a5a))
	pn.p.Reset()
	pn.p.Arc(x-r*0.2, y-r*0.2, r*0.35, 0, 2*math.Pi, clockwise)
	pn.fill(RGB(0xa89880).WithA(0.6))
}

// Draw draws the map under the ships.
func (w *World) Draw(dst *ebiten.Image, cam *play.Camera, now float64) {
	// Terrain layer.
	op := &w.terrOp
	op.GeoM.Reset()
	op.GeoM.Scale(1/terrainScale, 1/terrainScale)
	op.GeoM.Translate(w.minX, w.minY)
	op.GeoM.Translate(-cam.X, -cam.Y)
	op.GeoM.Scale(cam.Zoom, cam.Zoom)
	op.GeoM.Translate(cam.W/2, cam.H/2)
	op.Filter = ebiten.FilterLinear
	op.Blend = ebiten.BlendCopy
	if !w.k.SkipLayer("terrain") {
		dst.DrawImage(w.terrain, op)
	}

	w.timeU[0] = float32(math.Mod(now, 1000))
	// Plasma belt.
	if w.k.belt != nil && len(w.beltIdx) > 0 && !w.k.SkipLayer("belt") {
		for i, v := range w.beltWorld {
			x, y := cam.ToScreen(float64(v.DstX), float64(v.DstY))
			v.DstX, v.DstY = float32(x), float32(y)
			w.beltVs[i] = v
		}
		w.beltOp.Blend = ebiten.BlendLighter
		dst.DrawTrianglesShader32(w.beltVs, w.beltIdx, w.k.belt, &w.beltOp)
	}
	// Wormhole.
	if w.k.wormhole != nil && w.wormR > 0 && !w.k.SkipLayer("worm") {
		cx, cy := cam.ToScreen(w.WormX, w.WormY)
		r := w.wormR * cam.Zoom
		corners := [4][2]float64{{-1, -1}, {1, -1}, {1, 1}, {-1, 1}}
		for i, c := range corners {
			w.wormVs[i] = ebiten.Vertex{DstX: float32(cx + c[0]*r), DstY: float32(cy + c[1]*r), SrcX: float32(c[0]), SrcY: float32(c[1]), ColorR: 1, ColorG: 1, ColorB: 1, ColorA: 1}
		}
		w.wormOp.Blend = ebiten.BlendLighter
		dst.DrawTrianglesShader(w.wormVs[:], w.wormIdx[:], w.k.wormhole, &w.wormOp)
	}
	// Hex grid, fading out as the view zooms out.
	if cam.Zoom >= 0.9 && !w.k.SkipLayer("grid") {
		a := float32(play.Clamp((cam.Zoom-0.9)/0.4, 0, 1)) * 0.14
		s := float32(play.HexSize * cam.Zoom)
		lw := float32(max(1, cam.Zoom*1.2))
		col := colGrid.WithA(a)
		for i := range w.m.Terrain {
			h := w.m.HexAt(i)
			wx, wy := play.WorldLayout().ToPixel(h)
			if !cam.Visible(wx, wy, play.HexSize) {
				continue
			}
			cx, cy := cam.ToScreen(wx, wy)
			HexCorners(float32(cx), float32(cy), s, &w.pts)
			// Three edges per hex; the neighbours draw the others.
			for k := 5; k < 8; k++ {
				p0, p1 := w.pts[k%6], w.pts[(k+1)%6]
				w.grid.Line(p0[0], p0[1], p1[0], p1[1], lw, TexLine, col)
			}
			if o := hex.ToOffset(h); o.Col == 0 || o.Row == 0 {
				for k := 2; k < 5; k++ {
					p0, p1 := w.pts[k], w.pts[k+1]
					w.grid.Line(p0[0], p0[1], p1[0], p1[1], lw, TexLine, col)
				}
			}
		}
		w.grid.Flush(dst)
	}
}
