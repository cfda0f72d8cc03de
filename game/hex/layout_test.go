package hex

import (
	"math"
	"testing"
)

func TestLayoutRoundTrip(t *testing.T) {
	layouts := []Layout{
		{Size: 1},
		{Size: 32, OriginX: 100, OriginY: 50},
		{Size: 17.5, OriginX: -3, OriginY: 7},
	}
	for _, l := range layouts {
		for _, h := range Range(Hex{2, -3}, 8) {
			x, y := l.ToPixel(h)
			if got := l.FromPixel(x, y); got != h {
				t.Fatalf("%+v: FromPixel(ToPixel(%v)) = %v", l, h, got)
			}
			// points well inside the hex map back to it
			for i, c := range l.Corners(h) {
				px, py := x+(c[0]-x)*0.9, y+(c[1]-y)*0.9
				if got := l.FromPixel(px, py); got != h {
					t.Fatalf("%+v: corner %d of %v maps to %v", l, i, h, got)
				}
				if d := math.Hypot(c[0]-x, c[1]-y); math.Abs(d-l.Size) > 1e-9 {
					t.Fatalf("corner distance %v, want %v", d, l.Size)
				}
			}
		}
	}
}

func TestLayoutDirections(t *testing.T) {
	l := Layout{Size: 10}
	x0, y0 := l.ToPixel(Hex{0, 0})
	if x0 != 0 || y0 != 0 {
		t.Fatalf("origin at %v,%v", x0, y0)
	}
	tests := []struct {
		dir    int
		name   string
		sx, sy float64 // expected signs of dx, dy (screen y down)
	}{
		{0, "SE", 1, 1}, {1, "NE", 1, -1}, {2, "N", 0, -1},
		{3, "NW", -1, -1}, {4, "SW", -1, 1}, {5, "S", 0, 1},
	}
	for _, tc := range tests {
		x, y := l.ToPixel(Directions[tc.dir])
		if sign(x) != tc.sx || sign(y) != tc.sy {
			t.Errorf("direction %d (%s) at %v,%v", tc.dir, tc.name, x, y)
		}
		if d := math.Hypot(x, y); math.Abs(d-10*math.Sqrt(3)) > 1e-9 {
			t.Errorf("neighbour distance %v", d)
		}
	}
}

func sign(v float64) float64 {
	switch {
	case v > 1e-9:
		return 1
	case v < -1e-9:
		return -1
	}
	return 0
}
