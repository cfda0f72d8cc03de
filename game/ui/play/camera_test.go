package play

import (
	"math"
	"testing"

	"github.com/calltoarms/ds9/game/hex"
)

func TestCameraRoundTripAndPicking(t *testing.T) {
	minX, minY, maxX, maxY := MapBounds(56, 36)
	c := NewCamera(1280, 720, minX, minY, maxX, maxY)
	for _, z := range []float64{0.3, 1, 2.5} {
		c.TZoom = z
		c.Snap()
		for _, h := range []hex.Hex{{Q: 0, R: 0}, {Q: 10, R: 3}, {Q: 22, R: 7}, {Q: 55, R: -20}} {
			sx, sy := c.HexCenter(h)
			if got := c.HexAt(sx, sy); got != h {
				t.Errorf("zoom %v: HexAt(centre of %v) = %v", z, h, got)
			}
			// A point well inside the hex picks it too.
			if got := c.HexAt(sx+HexSize*0.5*z, sy-HexSize*0.3*z); got != h {
				t.Errorf("zoom %v: HexAt(inside %v) = %v", z, h, got)
			}
			wx, wy := c.ToWorld(sx, sy)
			x, y := WorldLayout().ToPixel(h)
			if math.Abs(wx-x) > 1e-6 || math.Abs(wy-y) > 1e-6 {
				t.Errorf("ToWorld(ToScreen) = %v,%v want %v,%v", wx, wy, x, y)
			}
		}
	}
}

func TestCameraZoomKeepsPointUnderPointer(t *testing.T) {
	minX, minY, maxX, maxY := MapBounds(56, 36)
	c := NewCamera(1280, 720, minX, minY, maxX, maxY)
	c.TZoom = 1
	c.CenterOn(1200, 900)
	c.Snap()
	wx, wy := c.ToWorld(300, 200)
	c.ZoomAt(1.5, 300, 200)
	c.Snap()
	wx2, wy2 := c.ToWorld(300, 200)
	if math.Abs(wx-wx2) > 1e-6 || math.Abs(wy-wy2) > 1e-6 {
		t.Fatalf("zooming moved the point under the pointer: %v,%v -> %v,%v", wx, wy, wx2, wy2)
	}
	c.ZoomAt(100, 0, 0)
	if c.TZoom != c.MaxZoom {
		t.Fatalf("zoom %v beyond the limit %v", c.TZoom, c.MaxZoom)
	}
}

func TestCameraFitShowsWholeMap(t *testing.T) {
	minX, minY, maxX, maxY := MapBounds(56, 36)
	c := NewCamera(1280, 720, minX, minY, maxX, maxY)
	c.InR, c.InT, c.InB = 320, 34, 64
	c.Fit()
	c.Snap()
	x0, y0 := c.ToScreen(minX, minY)
	x1, y1 := c.ToScreen(maxX, maxY)
	if x0 < -1 || y0 < 33 || x1 > 1280-319 || y1 > 720-63 {
		t.Fatalf("fitted map at (%.0f,%.0f)-(%.0f,%.0f), outside the free area", x0, y0, x1, y1)
	}
}

func TestCameraPanAndGlide(t *testing.T) {
	minX, minY, maxX, maxY := MapBounds(56, 36)
	c := NewCamera(1280, 720, minX, minY, maxX, maxY)
	c.TZoom = 1
	c.CenterOn(1000, 800)
	c.Snap()
	c.Pan(100, 0) // drag right: the world follows the pointer
	if c.X != 900 {
		t.Fatalf("after a 100px drag right X = %v, want 900", c.X)
	}
	c.PanSmooth(0, 50)
	if c.Y != 800 || c.TY != 850 {
		t.Fatalf("smooth pan moved at once or not at all: Y %v TY %v", c.Y, c.TY)
	}
	for range 200 {
		c.Update(0.2)
	}
	if c.Y != 850 {
		t.Fatalf("glide did not arrive: Y %v", c.Y)
	}
	c.CenterOn(-1e6, 1e6)
	if c.TX != minX || c.TY != maxY {
		t.Fatalf("camera left the map: %v,%v", c.TX, c.TY)
	}
}
