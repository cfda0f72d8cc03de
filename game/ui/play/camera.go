package play

import (
	"math"

	"github.com/calltoarms/ds9/game/hex"
)

// HexSize is the centre-to-corner size of a hex in world units.
const HexSize = 32

// WorldLayout places hexes in world space; the camera maps world to screen.
func WorldLayout() hex.Layout { return hex.Layout{Size: HexSize} }

// Camera maps world coordinates to screen pixels: the world point (X, Y) is
// drawn at the centre of the viewport, magnified by Zoom. It smooths towards
// a target so that pans and zooms glide.
type Camera struct {
	X, Y, Zoom    float64 // what is shown now
	TX, TY, TZoom float64 // where the camera is going
	W, H          float64 // viewport size in screen pixels
	MinZoom       float64
	MaxZoom       float64
	// Bounds of the world the camera may look at.
	MinX, MinY, MaxX, MaxY float64
	// Insets of the viewport covered by panels: Fit frames the rest.
	InL, InT, InR, InB float64
}

// NewCamera returns a camera over a world rectangle, fitted to the viewport.
func NewCamera(w, h float64, minX, minY, maxX, maxY float64) *Camera {
	c := &Camera{W: w, H: h, MinX: minX, MinY: minY, MaxX: maxX, MaxY: maxY, MinZoom: 0.15, MaxZoom: 3}
	c.Fit()
	c.Snap()
	return c
}

// MapBounds returns the world rectangle covering a Cols×Rows odd-q map.
func MapBounds(cols, rows int) (minX, minY, maxX, maxY float64) {
	x0, y0 := WorldLayout().ToPixel(hex.FromOffset(hex.Offset{Col: 0, Row: 0}))
	x1, y1 := WorldLayout().ToPixel(hex.FromOffset(hex.Offset{Col: cols - 1, Row: rows - 1}))
	return x0 - HexSize, y0 - HexSize, x1 + HexSize, y1 + HexSize*1.8
}

// Resize sets the viewport size.
func (c *Camera) Resize(w, h float64) {
	c.W, c.H = w, h
	c.clamp()
}

// Fit frames the whole world in the viewport.
func (c *Camera) Fit() {
	c.FitRect(c.MinX, c.MinY, c.MaxX, c.MaxY)
}

// FitRect frames a world rectangle in the part of the viewport not covered
// by panels (clamped to the zoom limits).
func (c *Camera) FitRect(x0, y0, x1, y1 float64) {
	fw, fh := c.W-c.InL-c.InR, c.H-c.InT-c.InB
	if fw < c.W/3 || fh < c.H/3 {
		fw, fh = c.W, c.H
	}
	z := math.Min(fw/math.Max(x1-x0, 1), fh/math.Max(y1-y0, 1))
	c.TZoom = Clamp(z, c.MinZoom, c.MaxZoom)
	// Centre the rectangle in the free part: shift by half the inset difference.
	c.TX = (x0+x1)/2 - (c.InL-c.InR)/2/c.TZoom
	c.TY = (y0+y1)/2 - (c.InT-c.InB)/2/c.TZoom
	c.clamp()
}

// Snap jumps to the target at once.
func (c *Camera) Snap() { c.X, c.Y, c.Zoom = c.TX, c.TY, c.TZoom }

// Update glides a step towards the target; k is the fraction of the way.
func (c *Camera) Update(k float64) {
	c.X += (c.TX - c.X) * k
	c.Y += (c.TY - c.Y) * k
	c.Zoom += (c.TZoom - c.Zoom) * k
	if math.Abs(c.TX-c.X) < 0.01 && math.Abs(c.TY-c.Y) < 0.01 && math.Abs(c.TZoom-c.Zoom) < 1e-4 {
		c.Snap()
	}
}

// Pan moves the view by a screen-pixel offset (a drag moves the world with the pointer).
func (c *Camera) Pan(dx, dy float64) {
	c.TX -= dx / c.TZoom
	c.TY -= dy / c.TZoom
	c.clamp()
	// Dragging follows the pointer exactly: no glide.
	c.X, c.Y = c.TX, c.TY
}

// PanSmooth moves the target by a screen-pixel offset and lets the camera glide.
func (c *Camera) PanSmooth(dx, dy float64) {
	c.TX += dx / c.TZoom
	c.TY += dy / c.TZoom
	c.clamp()
}

// ZoomAt multiplies the zoom by f, keeping the world point under screen (sx, sy) fixed.
func (c *Camera) ZoomAt(f, sx, sy float64) {
	wx, wy := c.targetToWorld(sx, sy)
	c.TZoom = Clamp(c.TZoom*f, c.MinZoom, c.MaxZoom)
	c.TX = wx - (sx-c.W/2)/c.TZoom
	c.TY = wy - (sy-c.H/2)/c.TZoom
	c.clamp()
}

// CenterOn sets the target to a world point.
func (c *Camera) CenterOn(x, y float64) {
	c.TX, c.TY = x, y
	c.clamp()
}

// CenterFree sets the target so that a world point shows at the centre of
// the part of the viewport not covered by panels.
func (c *Camera) CenterFree(x, y float64) {
	c.TX = x - (c.InL-c.InR)/2/c.TZoom
	c.TY = y - (c.InT-c.InB)/2/c.TZoom
	c.clamp()
}

// ToScreen maps a world point to the screen.
func (c *Camera) ToScreen(wx, wy float64) (float64, float64) {
	return (wx-c.X)*c.Zoom + c.W/2, (wy-c.Y)*c.Zoom + c.H/2
}

// ToWorld maps a screen point to the world.
func (c *Camera) ToWorld(sx, sy float64) (float64, float64) {
	return (sx-c.W/2)/c.Zoom + c.X, (sy-c.H/2)/c.Zoom + c.Y
}

func (c *Camera) targetToWorld(sx, sy float64) (float64, float64) {
	return (sx-c.W/2)/c.TZoom + c.TX, (sy-c.H/2)/c.TZoom + c.TY
}

// HexAt picks the hex under a screen point.
func (c *Camera) HexAt(sx, sy float64) hex.Hex {
	wx, wy := c.ToWorld(sx, sy)
	return WorldLayout().FromPixel(wx, wy)
}

// HexCenter returns the screen centre of a hex.
func (c *Camera) HexCenter(h hex.Hex) (float64, float64) {
	wx, wy := WorldLayout().ToPixel(h)
	return c.ToScreen(wx, wy)
}

// Visible reports whether a world circle shows in the viewport.
func (c *Camera) Visible(wx, wy, r float64) bool {
	sx, sy := c.ToScreen(wx, wy)
	rr := r * c.Zoom
	return sx+rr >= 0 && sy+rr >= 0 && sx-rr <= c.W && sy-rr <= c.H
}

// clamp keeps the target's centre inside the world bounds.
func (c *Camera) clamp() {
	c.TX = Clamp(c.TX, c.MinX, c.MaxX)
	c.TY = Clamp(c.TY, c.MinY, c.MaxY)
}

// Clamp keeps v within [lo, hi].
func Clamp(v, lo, hi float64) float64 {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
