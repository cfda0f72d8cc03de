package input

import "math"

// The mouse wheel, one zoom step a notch whatever the device reports.
//
// On the desktop Ebitengine reports the wheel in notches (±1 a notch, a
// fraction a frame on a touchpad). In a browser it reports the wheel event's
// deltaY as it comes, in pixels: ±100 a notch in Chrome, Edge and Safari,
// ±48 (three lines of 16 pixels) in Firefox, a few fractional pixels a frame
// on a touchpad. wheel accumulates either into whole notches and hands the
// scenes whole steps (Input.Wheel), so that one notch is one step of zoom.

const (
	// pixelNotch is a notch in pixels until the device shows a smaller one.
	pixelNotch = 100
	// minPixelNotch is the smallest delta taken for a notch of its own: a
	// touchpad's frames are smaller.
	minPixelNotch = 24
	// wheelQuiet is how many still frames end a gesture: what is left of a
	// notch is forgotten.
	wheelQuiet = 8
)

// wheel turns raw wheel deltas into whole steps.
type wheel struct {
	unit  float64 // raw units to a notch (pixels); 0 until first used
	acc   float64 // the part of a notch not yet stepped, in notches
	quiet int     // frames since the wheel last moved
	moved bool    // the wheel has moved since the game started
}

// steps takes a frame's raw delta (positive: away from the user, zoom in)
// and returns the whole steps it completes. pixels says the delta is in
// pixels (a browser), not notches (a desktop window).
func (w *wheel) steps(d float64, pixels bool) int {
	if d == 0 || math.IsNaN(d) || math.IsInf(d, 0) {
		w.quiet++
		if w.quiet >= wheelQuiet {
			w.acc = 0
		}
		return 0
	}
	fresh := !w.moved || w.quiet >= 2 // the wheel was still: a lone notch, or a gesture begins
	w.quiet, w.moved = 0, true
	if w.acc != 0 && (w.acc > 0) != (d > 0) {
		w.acc = 0 // turned the other way
	}
	n := d
	if pixels {
		if w.unit == 0 {
			w.unit = pixelNotch
		}
		a := math.Abs(d)
		if fresh && a >= minPixelNotch {
			// A notch of a wheel (a touchpad starts gently): a device whose
			// notches are smaller than the unit teaches it its size.
			if a < w.unit && a == math.Trunc(a) {
				w.unit = a
			}
			w.acc = 0
			k := max(1, math.Floor(a/w.unit+0.25))
			return int(math.Copysign(k, d))
		}
		n = d / w.unit
	}
	w.acc += n
	whole := math.Trunc(w.acc + math.Copysign(1e-9, w.acc))
	w.acc -= whole
	return int(whole)
}
