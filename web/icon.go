package web

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
)

// Icon draws the game's icon, size pixels square, in code (original art, as
// the game's is): a hex of the battle map in the amber of the HUD round the
// blue mouth of the wormhole, on the dark of space. A maskable icon keeps
// its picture inside the middle 80%, where every platform's mask leaves it.
func Icon(size int, maskable bool) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	s := float64(size)
	c := s / 2
	scale := 1.0
	if maskable {
		scale = 0.78
	}
	hexR := s * 0.40 * scale
	line := s * 0.045 * scale
	for y := range size {
		for x := range size {
			px, py := float64(x)+0.5-c, float64(y)+0.5-c
			r := math.Hypot(px, py)
			// Space, a little lighter towards the middle.
			bg := 1 - min(1, r/(s*0.75))
			col := [3]float64{3 + 14*bg, 5 + 22*bg, 11 + 44*bg}
			a := 1.0
			if !maskable {
				// A rounded square.
				a = coverage(roundedBox(px, py, s*0.5, s*0.18))
			}
			// The wormhole's mouth: a blue glow.
			glow := math.Exp(-r * r / (2 * math.Pow(s*0.13*scale, 2)))
			col = mix(col, [3]float64{120, 190, 255}, glow*0.9)
			core := coverage(r - s*0.05*scale)
			col = mix(col, [3]float64{230, 245, 255}, core)
			// The hex, flat-topped.
			d := math.Abs(hexDist(px, py, hexR)) - line/2
			col = mix(col, [3]float64{242, 163, 58}, coverage(d))
			img.SetNRGBA(x, y, color.NRGBA{uint8(col[0]), uint8(col[1]), uint8(col[2]), uint8(a*255 + 0.5)})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err) // an in-memory image always encodes
	}
	return b.Bytes()
}

// coverage turns a signed distance (negative inside) into a pixel's cover.
func coverage(d float64) float64 { return min(1, max(0, 0.5-d)) }

func mix(a, b [3]float64, t float64) [3]float64 {
	return [3]float64{a[0] + (b[0]-a[0])*t, a[1] + (b[1]-a[1])*t, a[2] + (b[2]-a[2])*t}
}

// hexDist is the signed distance to a flat-topped hexagon of circumradius r.
func hexDist(x, y, r float64) float64 {
	x, y = math.Abs(x), math.Abs(y)
	const k = 0.8660254037844386 // cos 30°
	// The distance to the edges of a hexagon with flat top and bottom.
	return max(y-r*k, (x*k+y*0.5)-r*k)
}

// roundedBox is the signed distance to a square of half-size h with corners
// of radius rr.
func roundedBox(x, y, h, rr float64) float64 {
	qx, qy := math.Abs(x)-h+rr, math.Abs(y)-h+rr
	return math.Hypot(max(qx, 0), max(qy, 0)) + min(max(qx, qy), 0) - rr
}
