package render

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/ui/play"
)

// Ship sprites are drawn once from vector paths into images, pointing east
// (in memory, with the pen: pen.go), and then drawn rotated and scaled every
// frame from the images (which Ebitengine packs into one atlas, so the ships
// batch into few draw calls).
const (
	ShipSprite    = 128 // sprite size in pixels
	StationSprite = 512
)

// spriteSet caches the sprites of the classes of a battle.
type spriteSet struct {
	ships   map[string]*ebiten.Image // by class id
	station *ebiten.Image            // the station's structure
	lights  *ebiten.Image            // its lit windows: dim when main power fails
	mine    *ebiten.Image
}

// ShipImage returns the sprite of a class, drawing it from its look on
// first use.
func (k *Kit) ShipImage(classID, faction string) *ebiten.Image {
	s := &k.sprites
	if img, ok := s.ships[classID]; ok {
		return img
	}
	pn := newPen(ShipSprite, ShipSprite)
	look, pal := k.looks.For(classID, faction)
	drawShip(pn, look, pal)
	img := pn.image()
	s.ships[classID] = img
	return img
}

// ShipLength is a class's length in world units, from its look.
func (k *Kit) ShipLength(classID, faction string) float32 {
	look, _ := k.looks.For(classID, faction)
	return look.Length * play.HexSize
}

// drawShip draws a class's look, nose to the east.
func drawShip(pn *pen, look Look, pal Palette) {
	for _, sh := range look.Shapes {
		c := pal.Of(sh.Fill)
		if sh.Alpha < 1 {
			c = c.WithA(sh.Alpha)
		}
		p := sh.Pts
		switch sh.Kind {
		case Poly:
			pn.poly(c, p...)
		case Mirror:
			pn.mirror(c, p...)
		case Circle:
			pn.circle(c, p[0], p[1], p[2])
		case Ellipse:
			pn.ellipse(c, p[0], p[1], p[2], p[3])
		}
	}
}

// StationImages draws the station: a ring station seen from
// above — central core, habitat ring, outer docking ring and three pylons
// curving from it. The lights are a separate image that dims when main power fails.
func (k *Kit) StationImages() (*ebiten.Image, *ebiten.Image) {
	s := &k.sprites
	if s.station != nil {
		return s.station, s.lights
	}
	const c = StationSprite / 2
	pn := newPen(StationSprite, StationSprite)
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
	// The section carrying main power, on the outer docking ring, marked for
	// the player.
	pn.p.Reset()
	pn.p.Arc(c, c, 196, float32(-0.35), float32(0.0), clockwise)
	pn.stroke(RGB(0xd8c060).WithA(0.55), 6)

	// Lights: windows along the rings and the core.
	lp := newPen(StationSprite, StationSprite)
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
	s.station, s.lights = pn.image(), lp.image()
	return s.station, s.lights
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
	pn := newPen(64, 64)
	for i := range 8 {
		a := float64(i) / 8 * 2 * math.Pi
		ca, sa := float32(math.Cos(a)), float32(math.Sin(a))
		pn.line(RGB(0x9a5a3a), 4, 32+10*ca, 32+10*sa, 32+26*ca, 32+26*sa)
	}
	pn.circle(RGB(0x5a3a2a), 32, 32, 14)
	pn.circle(RGB(0xb06a40), 32, 32, 11)
	pn.circle(RGB(0xffb070), 32, 32, 4)
	s.mine = pn.image()
	return s.mine
}
