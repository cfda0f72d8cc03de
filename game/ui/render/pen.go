package render

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"golang.org/x/image/vector"
)

// pen draws vector shapes, anti-aliased, into a picture in memory
// (golang.org/x/image/vector's rasterizer), which becomes an image once
// (image). A sprite of a hundred shapes is so one upload, not a hundred
// draws with their stencil passes: the first frame that shows the station
// or a ship class does not wait for them.
type pen struct {
	img *image.RGBA
	p   path
	ras vector.Rasterizer
	src image.Uniform
}

func newPen(w, h int) *pen { return &pen{img: image.NewRGBA(image.Rect(0, 0, w, h))} }

// image is the picture drawn, as an image to draw with.
func (pn *pen) image() *ebiten.Image { return ebiten.NewImageFromImage(pn.img) }

// The directions of an arc, on screen (y down).
const (
	clockwise        = false // angles growing
	counterClockwise = true
)

// pt is a point of a path.
type pt struct{ x, y float32 }

// path is a set of sub-paths of straight segments; arcs are made of short
// segments.
type path struct {
	subs   [][]pt
	closed []bool
}

func (p *path) Reset() { p.subs, p.closed = p.subs[:0], p.closed[:0] }

func (p *path) MoveTo(x, y float32) {
	p.subs = append(p.subs, []pt{{x, y}})
	p.closed = append(p.closed, false)
}

func (p *path) LineTo(x, y float32) {
	if len(p.subs) == 0 {
		p.MoveTo(x, y)
		return
	}
	i := len(p.subs) - 1
	p.subs[i] = append(p.subs[i], pt{x, y})
}

func (p *path) Close() {
	if len(p.closed) > 0 {
		p.closed[len(p.closed)-1] = true
	}
}

// Arc adds an arc of a circle from angle a0 to a1 (radians), joined to the
// current point by a line, as Ebitengine's vector.Path does.
func (p *path) Arc(cx, cy, r, a0, a1 float32, ccw bool) {
	if !ccw && a1 < a0 {
		a1 += 2 * math.Pi * float32(math.Ceil(float64((a0-a1)/(2*math.Pi))))
	}
	if ccw && a1 > a0 {
		a1 -= 2 * math.Pi * float32(math.Ceil(float64((a1-a0)/(2*math.Pi))))
	}
	span := float64(a1 - a0)
	n := max(8, int(math.Ceil(math.Abs(span)*float64(r)/1.5)))
	for i := 0; i <= n; i++ {
		a := float64(a0) + span*float64(i)/float64(n)
		x, y := cx+r*float32(math.Cos(a)), cy+r*float32(math.Sin(a))
		if i == 0 && len(p.subs) == 0 {
			p.MoveTo(x, y)
			continue
		}
		p.LineTo(x, y)
	}
}

// bounds is the pixel rectangle a set of points covers, grown by pad and
// clipped to the picture.
func (pn *pen) bounds(subs [][]pt, pad float32) image.Rectangle {
	x0, y0, x1, y1 := float32(math.Inf(1)), float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.Inf(-1))
	for _, s := range subs {
		for _, q := range s {
			x0, y0, x1, y1 = min(x0, q.x), min(y0, q.y), max(x1, q.x), max(y1, q.y)
		}
	}
	if x0 > x1 {
		return image.Rectangle{}
	}
	r := image.Rect(int(math.Floor(float64(x0-pad))), int(math.Floor(float64(y0-pad))), int(math.Ceil(float64(x1+pad))), int(math.Ceil(float64(y1+pad))))
	return r.Intersect(pn.img.Bounds())
}

// paint rasterizes sub-paths (closed) in colour c over the picture.
func (pn *pen) paint(subs [][]pt, c RGBA) {
	r := pn.bounds(subs, 1)
	if r.Empty() {
		return
	}
	pn.ras.Reset(r.Dx(), r.Dy())
	ox, oy := float32(r.Min.X), float32(r.Min.Y)
	for _, s := range subs {
		if len(s) < 3 {
			continue
		}
		pn.ras.MoveTo(s[0].x-ox, s[0].y-oy)
		for _, q := range s[1:] {
			pn.ras.LineTo(q.x-ox, q.y-oy)
		}
		pn.ras.ClosePath()
	}
	a := min(max(c.A, 0), 1)
	pn.src.C = color.RGBA{R: premul(c.R, a), G: premul(c.G, a), B: premul(c.B, a), A: uint8(a*255 + 0.5)}
	pn.ras.DrawOp = draw.Over
	pn.ras.Draw(pn.img, r, &pn.src, image.Point{})
}

func premul(v, a float32) uint8 { return uint8(min(max(v, 0), 1)*a*255 + 0.5) }

// fill fills the path (every sub-path closed).
func (pn *pen) fill(c RGBA) { pn.paint(pn.p.subs, c) }

// stroke strokes the path w wide, with round joins and caps: each segment a
// rectangle and each point a disc, all turning the same way so that where
// they overlap they make one shape.
func (pn *pen) stroke(c RGBA, w float32) {
	h := w / 2
	var shapes [][]pt
	for i, s := range pn.p.subs {
		if len(s) == 0 {
			continue
		}
		seg := func(a, b pt) {
			dx, dy := b.x-a.x, b.y-a.y
			l := float32(math.Hypot(float64(dx), float64(dy)))
			if l == 0 {
				return
			}
			nx, ny := -dy/l*h, dx/l*h
			shapes = append(shapes, clockwisePts([]pt{{a.x + nx, a.y + ny}, {b.x + nx, b.y + ny}, {b.x - nx, b.y - ny}, {a.x - nx, a.y - ny}}))
		}
		for j := 1; j < len(s); j++ {
			seg(s[j-1], s[j])
		}
		if pn.p.closed[i] && len(s) > 2 {
			seg(s[len(s)-1], s[0])
		}
		for _, q := range s {
			shapes = append(shapes, disc(q.x, q.y, h))
		}
	}
	pn.paint(shapes, c)
}

// disc is a circle as a polygon, turning clockwise on screen.
func disc(x, y, r float32) []pt {
	n := max(8, int(math.Ceil(2*math.Pi*float64(r)/1.5)))
	out := make([]pt, n)
	for i := range out {
		a := 2 * math.Pi * float64(i) / float64(n)
		out[i] = pt{x + r*float32(math.Cos(a)), y + r*float32(math.Sin(a))}
	}
	return out
}

// clockwisePts turns a polygon clockwise on screen (positive area, y down).
func clockwisePts(p []pt) []pt {
	var area float32
	for i := range p {
		j := (i + 1) % len(p)
		area += p[i].x*p[j].y - p[j].x*p[i].y
	}
	if area < 0 {
		for i, j := 0, len(p)-1; i < j; i, j = i+1, j-1 {
			p[i], p[j] = p[j], p[i]
		}
	}
	return p
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

func (pn *pen) line(c RGBA, w float32, pts ...float32) {
	pn.p.Reset()
	pn.p.MoveTo(pts[0], pts[1])
	for i := 2; i+1 < len(pts); i += 2 {
		pn.p.LineTo(pts[i], pts[i+1])
	}
	pn.stroke(c, w)
}

func (pn *pen) circle(c RGBA, x, y, r float32) {
	pn.paint([][]pt{disc(x, y, r)}, c)
}

// ring is a circle's outline w wide: the disc outside it less the disc
// inside (turning the other way).
func (pn *pen) ring(c RGBA, x, y, r, w float32) {
	inner := disc(x, y, max(r-w/2, 0))
	for i, j := 0, len(inner)-1; i < j; i, j = i+1, j-1 {
		inner[i], inner[j] = inner[j], inner[i]
	}
	pn.paint([][]pt{disc(x, y, r+w/2), inner}, c)
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
