package render

import (
	"image"
	"image/color"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/ui/play"
)

// The effects atlas: small procedural textures that the batch draws from, so
// that lines, discs, glows and rings of one layer go to the GPU in one call.
const fxSize = 64

// Tex names a texture of the effects atlas.
type Tex uint8

// The effects atlas's textures.
const (
	TexWhite  Tex = iota // a solid texel: fills
	TexLine              // across v: a sharp line with soft edges
	texGlowLn            // across v: a soft glowing line
	TexDisc              // a filled disc with a soft edge
	TexGlow              // a radial glow
	TexRing              // a thin ring
	texStar              // a four-pointed sparkle
)

// rect is the texture's rectangle in the atlas, in texels.
func (t Tex) rect() (u0, v0, u1, v1 float32) {
	switch t {
	case TexLine:
		return 10, 0, 14, fxSize
	case texGlowLn:
		return 18, 0, 22, fxSize
	case TexDisc:
		return fxSize, 0, 2 * fxSize, fxSize
	case TexGlow:
		return 2 * fxSize, 0, 3 * fxSize, fxSize
	case TexRing:
		return 3 * fxSize, 0, 4 * fxSize, fxSize
	case texStar:
		return 4 * fxSize, 0, 5 * fxSize, fxSize
	}
	return 2, 2, 6, 6
}

// newAtlas draws the effects atlas.
func newAtlas() *ebiten.Image {
	const w, h = fxSize * 6, fxSize
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	set := func(x, y int, a float64) {
		a = min(max(a, 0), 1)
		v := uint8(a*255 + 0.5)
		img.SetRGBA(x, y, color.RGBA{v, v, v, v}) // premultiplied white
	}
	// 0: white block (and line profiles in its columns 8..15 and 16..23).
	for y := range h {
		for x := range 8 {
			set(x, y, 1)
		}
		d := math.Abs((float64(y)+0.5)/h*2 - 1) // 0 in the middle, 1 at the edges
		set8 := 1 - smoothstep(0.55, 1, d)
		for x := 8; x < 16; x++ {
			set(x, y, set8)
		}
		g := math.Exp(-d * d * 5)
		g = g*0.75 + 0.25*(1-smoothstep(0.1, 0.3, d))
		g *= 1 - smoothstep(0.85, 1, d)
		for x := 16; x < 24; x++ {
			set(x, y, g)
		}
	}
	// 1: disc, 2: glow, 3: ring, 4: sparkle.
	for y := range fxSize {
		for x := range fxSize {
			dx := (float64(x) + 0.5 - fxSize/2) / (fxSize / 2)
			dy := (float64(y) + 0.5 - fxSize/2) / (fxSize / 2)
			r := math.Hypot(dx, dy)
			set(fxSize+x, y, 1-smoothstep(0.9, 1, r))
			g := math.Exp(-r*r*4) * (1 - smoothstep(0.8, 1, r))
			set(2*fxSize+x, y, g)
			set(3*fxSize+x, y, (1-smoothstep(0.06, 0.12, math.Abs(r-0.85)))*(1-smoothstep(0.97, 1, r)))
			s := math.Exp(-math.Abs(dx)*14)*math.Exp(-math.Abs(dy)*2.2) + math.Exp(-math.Abs(dy)*14)*math.Exp(-math.Abs(dx)*2.2)
			s += math.Exp(-r * r * 30)
			set(4*fxSize+x, y, math.Min(1, s)*(1-smoothstep(0.9, 1, r)))
		}
	}
	return ebiten.NewImageFromImage(img)
}

func smoothstep(a, b, x float64) float64 {
	t := play.Clamp((x-a)/(b-a), 0, 1)
	return t * t * (3 - 2*t)
}

// RGBA is a straight-alpha colour for vertices.
type RGBA struct{ R, G, B, A float32 }

func RGB(hexv uint32) RGBA {
	return RGBA{float32(hexv>>16&0xff) / 255, float32(hexv>>8&0xff) / 255, float32(hexv&0xff) / 255, 1}
}

// WithA returns the colour with alpha a.
func (c RGBA) WithA(a float32) RGBA { c.A = a; return c }

// Mul scales the alpha.
func (c RGBA) Mul(a float32) RGBA { c.A *= a; return c }

// Color converts to a color.Color.
func (c RGBA) Color() color.RGBA {
	return color.RGBA{uint8(c.R * c.A * 255), uint8(c.G * c.A * 255), uint8(c.B * c.A * 255), uint8(c.A * 255)}
}

// Batch gathers textured, coloured triangles from the effects atlas and draws
// them in one call. Its slices are reused: no allocation once warmed up.
type Batch struct {
	vs    []ebiten.Vertex
	is    []uint32
	op    ebiten.DrawTrianglesOptions
	atlas *ebiten.Image
}

// NewBatch returns a batch drawing from the kit's effects atlas.
func (k *Kit) NewBatch(additive bool) *Batch {
	b := &Batch{vs: make([]ebiten.Vertex, 0, 4096), is: make([]uint32, 0, 6144), atlas: k.atlas}
	b.op.Filter = ebiten.FilterLinear
	if additive {
		b.op.Blend = ebiten.BlendLighter
	}
	return b
}

func (b *Batch) vert(x, y, u, v float32, c RGBA) {
	b.vs = append(b.vs, ebiten.Vertex{DstX: x, DstY: y, SrcX: u, SrcY: v, ColorR: c.R, ColorG: c.G, ColorB: c.B, ColorA: c.A})
}

// Quad adds a quadrilateral (corners in order) mapped to t.
func (b *Batch) Quad(x0, y0, x1, y1, x2, y2, x3, y3 float32, t Tex, c RGBA) {
	n := uint32(len(b.vs))
	u0, v0, u1, v1 := t.rect()
	b.vert(x0, y0, u0, v0, c)
	b.vert(x1, y1, u1, v0, c)
	b.vert(x2, y2, u1, v1, c)
	b.vert(x3, y3, u0, v1, c)
	b.is = append(b.is, n, n+1, n+2, n, n+2, n+3)
}

// Rect fills an axis-aligned rectangle.
func (b *Batch) Rect(x, y, w, h float32, c RGBA) {
	b.Quad(x, y, x+w, y, x+w, y+h, x, y+h, TexWhite, c)
}

// Frame outlines a rectangle with lines of width lw.
func (b *Batch) Frame(x, y, w, h, lw float32, c RGBA) {
	b.Rect(x, y, w, lw, c)
	b.Rect(x, y+h-lw, w, lw, c)
	b.Rect(x, y+lw, lw, h-2*lw, c)
	b.Rect(x+w-lw, y+lw, lw, h-2*lw, c)
}

// Line adds a line of width w with texture t across it (texLine, texGlowLn).
func (b *Batch) Line(x0, y0, x1, y1, w float32, t Tex, c RGBA) {
	dx, dy := x1-x0, y1-y0
	l := float32(math.Sqrt(float64(dx*dx + dy*dy)))
	if l < 1e-3 {
		return
	}
	nx, ny := -dy/l*w/2, dx/l*w/2
	// v runs across the line: t.v0 on one side, t.v1 on the other.
	n := uint32(len(b.vs))
	u0, v0, u1, v1 := t.rect()
	b.vert(x0+nx, y0+ny, u0, v0, c)
	b.vert(x1+nx, y1+ny, u1, v0, c)
	b.vert(x1-nx, y1-ny, u1, v1, c)
	b.vert(x0-nx, y0-ny, u0, v1, c)
	b.is = append(b.is, n, n+1, n+2, n, n+2, n+3)
}

// Sprite adds a square of half-size r centred at (x, y) mapped to t.
func (b *Batch) Sprite(x, y, r float32, t Tex, c RGBA) {
	b.Quad(x-r, y-r, x+r, y-r, x+r, y+r, x-r, y+r, t, c)
}

// SpriteRot adds a rectangle of half-sizes (rx, ry) rotated by angle a.
func (b *Batch) SpriteRot(x, y, rx, ry, a float32, t Tex, c RGBA) {
	ca, sa := float32(math.Cos(float64(a))), float32(math.Sin(float64(a)))
	p := func(u, v float32) (float32, float32) { return x + u*ca - v*sa, y + u*sa + v*ca }
	x0, y0 := p(-rx, -ry)
	x1, y1 := p(rx, -ry)
	x2, y2 := p(rx, ry)
	x3, y3 := p(-rx, ry)
	b.Quad(x0, y0, x1, y1, x2, y2, x3, y3, t, c)
}

// Poly fills a convex polygon given as a fan around (cx, cy).
func (b *Batch) Poly(cx, cy float32, pts *[6][2]float32, c RGBA) {
	n := uint32(len(b.vs))
	u0, v0, u1, v1 := TexWhite.rect()
	u, v := (u0+u1)/2, (v0+v1)/2
	b.vert(cx, cy, u, v, c)
	for i := range 6 {
		b.vert(pts[i][0], pts[i][1], u, v, c)
	}
	for i := range uint32(6) {
		b.is = append(b.is, n, n+1+i, n+1+(i+1)%6)
	}
}

// Flush draws what was gathered onto dst and empties the batch.
func (b *Batch) Flush(dst *ebiten.Image) {
	if len(b.is) > 0 {
		dst.DrawTriangles32(b.vs, b.is, b.atlas, &b.op)
	}
	b.vs, b.is = b.vs[:0], b.is[:0]
}

// HexCorners fills pts with the screen corners of a hex of screen size s at
// (cx, cy), from the east corner clockwise (on screen).
func HexCorners(cx, cy, s float32, pts *[6][2]float32) {
	const h = 0.8660254037844386 // sin 60°
	*pts = [6][2]float32{{cx + s, cy}, {cx + s/2, cy + s*h}, {cx - s/2, cy + s*h}, {cx - s, cy}, {cx - s/2, cy - s*h}, {cx + s/2, cy - s*h}}
}
