package render

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/vector"
)

// Ship sprites are drawn once from vector paths into images, pointing east,
// and then drawn rotated and scaled every frame from the images (which
// Ebitengine packs into one atlas, so the ships batch into few draw calls).
const (
	ShipSprite    = 128 // sprite size in pixels
	StationSprite = 512
)

// factionPalette holds a faction's hull, shadow, trim and glow colours.
type factionPalette struct{ hull, dark, trim, glow RGBA }

var factionPalettes = map[string]factionPalette{
	"federation": {hull: RGB(0xc4ccd8), dark: RGB(0x6a7688), trim: RGB(0x3d7fd6), glow: RGB(0x7fd4ff)},
	"klingon":    {hull: RGB(0x6f8a5a), dark: RGB(0x3b4a32), trim: RGB(0xb08a4a), glow: RGB(0xff6a3a)},
	"bajoran":    {hull: RGB(0xc9b27a), dark: RGB(0x7a6a42), trim: RGB(0xe0d2a0), glow: RGB(0xffd27a)},
	"jemhadar":   {hull: RGB(0x7a5fb0), dark: RGB(0x3f2d66), trim: RGB(0xb9a2ea), glow: RGB(0x9fc2ff)},
	"cardassian": {hull: RGB(0xb88a4a), dark: RGB(0x6a4a26), trim: RGB(0xe0b86a), glow: RGB(0xffd070)},
}

func paletteFor(faction string) factionPalette {
	if p, ok := factionPalettes[faction]; ok {
		return p
	}
	return factionPalettes["federation"]
}

// spriteSet caches the sprites of the classes of a battle.
type spriteSet struct {
	ships   map[string]*ebiten.Image // by class id
	station *ebiten.Image            // the station's structure
	lights  *ebiten.Image            // its lit windows: dim when main power fails
	mine    *ebiten.Image
}

// ShipImage returns the sprite of a class, drawing it on first use.
func (k *Kit) ShipImage(classID, faction string) *ebiten.Image {
	s := &k.sprites
	if img, ok := s.ships[classID]; ok {
		return img
	}
	img := ebiten.NewImage(ShipSprite, ShipSprite)
	drawShip(img, classID, paletteFor(faction))
	s.ships[classID] = img
	return img
}

// pen draws vector shapes in sprite coordinates.
type pen struct {
	dst *ebiten.Image
	p   vector.Path
	op  vector.DrawPathOptions
}

func newPen(dst *ebiten.Image) *pen {
	pn := &pen{dst: dst}
	pn.op.AntiAlias = true
	return pn
}

func (pn *pen) poly(c RGBA, pts ...float32) {
	pn.p.Reset()
	pn.p.MoveTo(pts[0], pts[1])
	for i := 2; i+1 < len(pts); i += 2 {
		pn.p.LineTo(pts[i], pts[i+1])
	}
	pn.p.Close()
	pn.fill(c)
}

// mirror draws a polygon given for the upper half (y < 64) and its reflection.
func (pn *pen) mirror(c RGBA, pts ...float32) {
	pn.poly(c, pts...)
	m := make([]float32, len(pts))
	for i := 0; i < len(pts); i += 2 {
		m[i], m[i+1] = pts[i], 128-pts[i+1]
	}
	pn.poly(c, m...)
}

func (pn *pen) fill(c RGBA) {
	pn.op.ColorScale.Reset()
	pn.op.ColorScale.Scale(c.R*c.A, c.G*c.A, c.B*c.A, c.A)
	vector.FillPath(pn.dst, &pn.p, nil, &pn.op)
}

func (pn *pen) stroke(c RGBA, w float32) {
	pn.op.ColorScale.Reset()
	pn.op.ColorScale.Scale(c.R*c.A, c.G*c.A, c.B*c.A, c.A)
	vector.StrokePath(pn.dst, &pn.p, &vector.StrokeOptions{Width: w, LineJoin: vector.LineJoinRound, LineCap: vector.LineCapRound}, &pn.op)
}

func (pn *pen) line(c RGBA, w float32, pts ...float32) {
	pn.p.Reset()
	pn.p.MoveTo(pts[0], pts[1])
	for i := 2; i+1 < len(pts); i += 2 {
		pn.p.LineTo(pts[i], pts[i+1])
	}
	pn.stroke(c, w)
}

func (pn *pen) circle(c RGBA, x, y, r float32) {
	pn.p.Reset()
	pn.p.Arc(x, y, r, 0, 2*math.Pi, vector.Clockwise)
	pn.p.Close()
	pn.fill(c)
}

func (pn *pen) ring(c RGBA, x, y, r, w float32) {
	pn.p.Reset()
	pn.p.Arc(x, y, r, 0, 2*math.Pi, vector.Clockwise)
	pn.p.Close()
	pn.stroke(c, w)
}

func (pn *pen) ellipse(c RGBA, x, y, rx, ry float32) {
	pn.p.Reset()
	const n = 40
	for i := range n + 1 {
		a := float64(i) / n * 2 * math.Pi
		px, py := x+rx*float32(math.Cos(a)), y+ry*float32(math.Sin(a))
		if i == 0 {
			pn.p.MoveTo(px, py)
		} else {
			pn.p.LineTo(px, py)
		}
	}
	pn.p.Close()
	pn.fill(c)
}

// drawShip draws a class's original silhouette, nose to the east.
func drawShip(img *ebiten.Image, classID string, pal factionPalette) {
	pn := newPen(img)
	h, d, t, g := pal.hull, pal.dark, pal.trim, pal.glow
	switch classID {
	case "defiant":
		// A compact, broad arrowhead escort: flat wedge body, integrated
		// nacelles along the flanks, a notched bow and a deflector glow.
		pn.poly(d, 104, 64, 92, 48, 40, 34, 22, 40, 26, 64, 22, 88, 40, 94, 92, 80)
		pn.poly(h, 100, 64, 90, 51, 44, 38, 30, 44, 33, 64, 30, 84, 44, 90, 90, 77)
		pn.mirror(t, 46, 36, 84, 46, 82, 50, 44, 41)
		pn.mirror(d, 30, 42, 60, 36, 60, 41, 32, 47)
		pn.mirror(g, 22, 40, 30, 38, 30, 46, 22, 48)
		pn.poly(d, 100, 64, 94, 58, 80, 60, 80, 68, 94, 70)
		pn.circle(g.WithA(0.9), 96, 64, 3.5)
		pn.poly(t, 70, 58, 54, 56, 50, 64, 54, 72, 70, 70)
		pn.circle(g.WithA(0.7), 60, 64, 3)
	case "bird-of-prey":
		// A bird in flight: a long neck and head forward, wings swept down and
		// forward, cannons at the wingtips.
		pn.mirror(d, 56, 62, 70, 52, 60, 14, 50, 10, 44, 22, 40, 58)
		pn.mirror(h, 58, 61, 66, 52, 58, 18, 51, 16, 47, 26, 44, 58)
		pn.mirror(t, 52, 22, 58, 18, 64, 40, 58, 42)
		pn.mirror(g, 58, 12, 70, 13, 70, 16, 58, 16)
		pn.ellipse(d, 46, 64, 18, 10)
		pn.ellipse(h, 47, 64, 15, 8)
		pn.poly(h, 60, 60, 96, 61, 96, 67, 60, 68)
		pn.ellipse(d, 102, 64, 10, 7)
		pn.ellipse(h, 102, 64, 8, 5.5)
		pn.circle(g, 110, 64, 2.5)
		pn.ellipse(g.WithA(0.8), 32, 64, 3, 5)
	case "jemhadar-attack-ship":
		// A beetle: a pointed carapace with two curved mandible-wings swept
		// back, a glowing violet spine.
		pn.mirror(d, 108, 64, 84, 52, 60, 40, 34, 24, 26, 28, 40, 44, 30, 56, 28, 64)
		pn.mirror(h, 104, 64, 82, 54, 60, 44, 38, 30, 33, 32, 44, 47, 36, 58, 34, 64)
		pn.mirror(t, 60, 44, 40, 31, 36, 33, 58, 48)
		pn.poly(g.WithA(0.95), 100, 64, 80, 60, 44, 62, 44, 66, 80, 68)
		pn.mirror(g.WithA(0.8), 30, 26, 36, 25, 38, 30, 32, 31)
		pn.circle(g, 90, 64, 3)
	case "galor":
		// A long spine with a flat head forward and a broad, curved stern
		// wing: an ochre spade.
		pn.mirror(d, 62, 62, 46, 54, 30, 26, 20, 22, 16, 36, 26, 64)
		pn.mirror(h, 60, 62, 46, 56, 32, 30, 24, 28, 21, 39, 30, 64)
		pn.poly(d, 56, 59, 100, 60, 100, 68, 56, 69)
		pn.poly(h, 56, 61, 100, 62, 100, 66, 56, 67)
		pn.ellipse(d, 106, 64, 12, 8)
		pn.ellipse(h, 106, 64, 10, 6.5)
		pn.circle(g, 112, 64, 2.6)
		pn.mirror(t, 30, 32, 40, 46, 38, 48, 27, 36)
		pn.mirror(g.WithA(0.9), 18, 30, 22, 28, 24, 40, 20, 42)
	case "keldon":
		// A heavier Galor: a second stern module and a wider head.
		pn.mirror(d, 62, 62, 46, 52, 28, 20, 16, 16, 12, 34, 24, 64)
		pn.mirror(h, 60, 62, 46, 54, 30, 24, 20, 22, 17, 37, 28, 64)
		pn.ellipse(d, 36, 64, 14, 12)
		pn.ellipse(t, 36, 64, 10, 8)
		pn.poly(d, 56, 58, 98, 59, 98, 69, 56, 70)
		pn.poly(h, 56, 60, 98, 61, 98, 67, 56, 68)
		pn.ellipse(d, 106, 64, 14, 10)
		pn.ellipse(h, 106, 64, 12, 8)
		pn.circle(g, 114, 64, 3)
		pn.mirror(g.WithA(0.9), 14, 26, 18, 24, 20, 36, 16, 38)
	case "hideki":
		// A small flat boomerang of a patrol ship.
		pn.mirror(d, 92, 64, 70, 48, 44, 34, 36, 38, 50, 56, 44, 64)
		pn.mirror(h, 88, 64, 68, 51, 46, 39, 41, 41, 53, 57, 48, 64)
		pn.ellipse(t, 66, 64, 10, 6)
		pn.circle(g, 86, 64, 2.5)
		pn.mirror(g.WithA(0.8), 38, 37, 42, 35, 45, 39, 41, 41)
	default:
		pn.mirror(d, 100, 64, 40, 36, 30, 44, 40, 64)
		pn.mirror(h, 94, 64, 44, 40, 36, 46, 44, 64)
		pn.circle(g, 80, 64, 3)
	}
}

// StationImages draws the station: a Cardassian-built ring station seen from
// above — central core, habitat ring, outer docking ring and three pylons
// curving from it. The lights are a separate image that dims when main power fails.
func (k *Kit) StationImages() (*ebiten.Image, *ebiten.Image) {
	s := &k.sprites
	if s.station != nil {
		return s.station, s.lights
	}
	const c = StationSprite / 2
	img := ebiten.NewImage(StationSprite, StationSprite)
	li := ebiten.NewImage(StationSprite, StationSprite)
	pn := newPen(img)
	hull, dark, trim := RGB(0x9a8a76), RGB(0x4e463c), RGB(0xc9b89a)
	// Pylons: three claws rising from the docking ring, curving sunwise.
	for k := range 3 {
		a0 := float64(k)*2*math.Pi/3 - math.Pi/2
		pylon(pn, c, a0, dark, 1.0)
		pylon(pn, c, a0, hull, 0.82)
	}
	// Outer docking ring.
	pn.ring(dark, c, c, 196, 26)
	pn.ring(hull, c, c, 196, 18)
	pn.ring(trim.WithA(0.7), c, c, 196, 3)
	// Spokes (crossover bridges) to the habitat ring and the core.
	for k := range 3 {
		a := float64(k)*2*math.Pi/3 + math.Pi/6
		ca, sa := float32(math.Cos(a)), float32(math.Sin(a))
		pn.line(dark, 16, c+60*ca, c+60*sa, c+190*ca, c+190*sa)
		pn.line(hull, 10, c+60*ca, c+60*sa, c+190*ca, c+190*sa)
	}
	// Habitat ring.
	pn.ring(dark, c, c, 124, 30)
	pn.ring(hull, c, c, 124, 22)
	pn.ring(dark.WithA(0.6), c, c, 124, 2)
	// Core and Ops.
	pn.circle(dark, c, c, 66)
	pn.circle(hull, c, c, 60)
	pn.ring(dark, c, c, 44, 4)
	pn.circle(trim, c, c, 26)
	pn.circle(dark, c, c, 14)
	// Section 17 of the outer docking ring, marked for the player.
	pn.p.Reset()
	pn.p.Arc(c, c, 196, float32(-0.35), float32(0.0), vector.Clockwise)
	pn.stroke(RGB(0xd8c060).WithA(0.55), 6)

	// Lights: windows along the rings and the core.
	lp := newPen(li)
	win := RGB(0xfff0b8)
	for i := range 96 {
		a := float64(i) / 96 * 2 * math.Pi
		lp.circle(win.WithA(0.95), c+196*float32(math.Cos(a)), c+196*float32(math.Sin(a)), 2.4)
	}
	for i := range 64 {
		a := (float64(i) + 0.5) / 64 * 2 * math.Pi
		lp.circle(win.WithA(0.9), c+116*float32(math.Cos(a)), c+116*float32(math.Sin(a)), 2.2)
		lp.circle(win.WithA(0.8), c+132*float32(math.Cos(a)), c+132*float32(math.Sin(a)), 2.0)
	}
	for i := range 24 {
		a := float64(i) / 24 * 2 * math.Pi
		lp.circle(win, c+50*float32(math.Cos(a)), c+50*float32(math.Sin(a)), 2.2)
	}
	lp.circle(RGB(0x9fd0ff).WithA(0.9), c, c, 9)
	for k := range 3 {
		a := float64(k)*2*math.Pi/3 - math.Pi/2
		for j := range 5 {
			r := 206 + float32(j)*9
			aa := a + 0.06*float64(j)
			lp.circle(RGB(0xff5040), c+r*float32(math.Cos(aa)), c+r*float32(math.Sin(aa)), 2)
		}
	}
	s.station, s.lights = img, li
	return img, li
}

// pylon draws one docking pylon as a curved claw from the outer ring.
func pylon(pn *pen, c float32, a0 float64, col RGBA, k float32) {
	pn.p.Reset()
	const n = 12
	for i := 0; i <= n; i++ {
		t := float64(i) / n
		r := 180 + 66*t
		a := a0 + 0.42*t*t
		w := (1 - 0.7*t) * 0.11 * float64(k)
		x, y := c+float32(r*math.Cos(a-w)), c+float32(r*math.Sin(a-w))
		if i == 0 {
			pn.p.MoveTo(x, y)
		} else {
			pn.p.LineTo(x, y)
		}
	}
	for i := n; i >= 0; i-- {
		t := float64(i) / n
		r := 180 + 66*t
		a := a0 + 0.42*t*t
		w := (1 - 0.7*t) * 0.11 * float64(k)
		pn.p.LineTo(c+float32(r*math.Cos(a+w)), c+float32(r*math.Sin(a+w)))
	}
	pn.p.Close()
	pn.fill(col)
}

// MineImage is a minefield mine: a small spiked sphere.
func (k *Kit) MineImage() *ebiten.Image {
	s := &k.sprites
	if s.mine != nil {
		return s.mine
	}
	img := ebiten.NewImage(64, 64)
	pn := newPen(img)
	for i := range 8 {
		a := float64(i) / 8 * 2 * math.Pi
		ca, sa := float32(math.Cos(a)), float32(math.Sin(a))
		pn.line(RGB(0x9a5a3a), 4, 32+10*ca, 32+10*sa, 32+26*ca, 32+26*sa)
	}
	pn.circle(RGB(0x5a3a2a), 32, 32, 14)
	pn.circle(RGB(0xb06a40), 32, 32, 11)
	pn.circle(RGB(0xffb070), 32, 32, 4)
	s.mine = img
	return img
}
