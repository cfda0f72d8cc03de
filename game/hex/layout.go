package hex

import "math"

// Layout maps flat-top hexes to pixels: Size is the centre-to-corner distance
// and (OriginX, OriginY) the pixel centre of hex (0,0). Screen y grows
// downwards, so Directions[0] (+1,0) is south-east. This is the only file in
// the package that uses floating point; the rules engine must not.
type Layout struct{ Size, OriginX, OriginY float64 }

var sqrt3 = math.Sqrt(3)

// ToPixel returns the pixel centre of h.
func (l Layout) ToPixel(h Hex) (x, y float64) {
	q, r := float64(h.Q), float64(h.R)
	x = l.Size*1.5*q + l.OriginX
	y = l.Size*sqrt3*(r+q/2) + l.OriginY
	return x, y
}

// FromPixel returns the hex containing pixel (x, y), with cube rounding.
func (l Layout) FromPixel(x, y float64) Hex {
	px := (x - l.OriginX) / l.Size
	py := (y - l.OriginY) / l.Size
	q := 2.0 / 3.0 * px
	r := -1.0/3.0*px + sqrt3/3.0*py
	return roundFloat(q, r, -q-r)
}

func roundFloat(q, r, s float64) Hex {
	rq, rr, rs := math.Round(q), math.Round(r), math.Round(s)
	dq, dr, ds := math.Abs(rq-q), math.Abs(rr-r), math.Abs(rs-s)
	switch {
	case dq > dr && dq > ds:
		rq = -rr - rs
	case dr > ds:
		rr = -rq - rs
	}
	return Hex{int(rq), int(rr)}
}

// Corners returns the six corner pixels of h, starting at the east corner
// (angle 0) and going by +60 degrees (clockwise on screen, since y grows
// downwards).
func (l Layout) Corners(h Hex) [6][2]float64 {
	cx, cy := l.ToPixel(h)
	var c [6][2]float64
	for i := range 6 {
		a := math.Pi / 3 * float64(i)
		c[i] = [2]float64{cx + l.Size*math.Cos(a), cy + l.Size*math.Sin(a)}
	}
	return c
}
