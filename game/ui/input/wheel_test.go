package input

import (
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

// wheelScript is a Source whose wheel a test sets frame by frame, in pixels
// (a browser) or in notches (a desktop window).
type wheelScript struct {
	*script
	wheel  []float64 // the deltas of the frames to come
	pixels bool
}

func (s *wheelScript) Wheel() float64 {
	if len(s.wheel) == 0 {
		return 0
	}
	d := s.wheel[0]
	s.wheel = s.wheel[1:]
	return d
}
func (s *wheelScript) WheelInPixels() bool { return s.pixels }

// stepsOf plays frames of raw wheel deltas (0: a still frame) and returns
// the zoom steps the game saw in all.
func stepsOf(pixels bool, frames ...float64) (total int, perFrame []int) {
	s := &wheelScript{script: newScript(), wheel: frames, pixels: pixels}
	in := &Input{Source: s}
	for range len(frames) + wheelQuiet {
		in.Update()
		if in.Wheel != float64(int(in.Wheel)) {
			panic("a fraction of a step")
		}
		total += int(in.Wheel)
		perFrame = append(perFrame, int(in.Wheel))
	}
	return total, perFrame
}

func still(n int) []float64 { return make([]float64, n) }

func frames(parts ...[]float64) []float64 {
	var out []float64
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func repeat(d float64, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = d
	}
	return out
}

// One notch is one zoom step, whatever the device reports.
func TestWheelOneStepANotch(t *testing.T) {
	for _, c := range []struct {
		name   string
		pixels bool
		frames []float64
		want   int
	}{
		{"desktop notch", false, []float64{1}, 1},
		{"desktop notch back", false, []float64{-1}, -1},
		{"desktop three notches", false, frames([]float64{1}, still(3), []float64{1}, still(3), []float64{1}), 3},
		{"desktop touchpad", false, repeat(0.1, 10), 1},
		{"desktop touchpad, less than a notch", false, repeat(0.1, 6), 0},
		{"Chrome notch (100 px)", true, []float64{100}, 1},
		{"Chrome notch back", true, []float64{-100}, -1},
		{"Chrome, three notches a frame apart", true, []float64{100, 0, 100, 0, 100}, 3},
		{"Chrome, notches in consecutive frames", true, []float64{100, 100, 100, 100}, 4},
		{"Chrome, two notches in one frame", true, []float64{200}, 2},
		{"Chrome at 125% (125 px)", true, []float64{125}, 1},
		{"Firefox notch (3 lines of 16 px)", true, []float64{48}, 1},
		{"Firefox, three notches", true, frames([]float64{48}, still(4), []float64{48}, still(4), []float64{48}), 3},
		{"Firefox, notches in consecutive frames", true, []float64{48, 48, 48}, 3},
		{"touchpad, 100 px in small fractional frames", true, repeat(4.25, 24), 1},
		{"touchpad, 40 px", true, repeat(4, 10), 0},
		{"touchpad, 300 px", true, repeat(-7.5, 40), -3},
		{"turning back forgets the part of a notch", true, frames(repeat(10, 9), repeat(-10, 2)), 0},
	} {
		got, per := stepsOf(c.pixels, c.frames...)
		if got != c.want {
			t.Errorf("%s: %d steps (%v), want %d", c.name, got, per, c.want)
		}
	}
}

// A still wheel forgets a part of a notch: half a notch now and half a
// notch a second later are no step.
func TestWheelForgetsAfterStill(t *testing.T) {
	got, per := stepsOf(true, frames(repeat(5, 10), still(60), repeat(5, 10))...)
	if got != 0 {
		t.Errorf("two half notches a second apart: %d steps (%v)", got, per)
	}
}

// TouchDevice: a touch says the player plays by touch, a key says not.
func TestTouchDevice(t *testing.T) {
	s := &touchScript{script: newScript()}
	in := &Input{Source: s}
	in.Update()
	if in.TouchDevice {
		t.Fatal("a touch device before any touch")
	}
	s.ids = []ebiten.TouchID{1}
	in.Update()
	s.ids = nil
	in.Update()
	if !in.TouchDevice {
		t.Fatal("a touch did not make a touch device")
	}
	s.want[ebiten.KeyTab] = true
	in.Update()
	if in.TouchDevice {
		t.Fatal("a key press left a touch device")
	}
	// A browser that says its pointer is a finger: a touch device at once.
	s2 := &touchScript{script: newScript(), coarse: true}
	in2 := &Input{Source: s2}
	in2.Update()
	if !in2.TouchDevice {
		t.Fatal("a coarse pointer is no touch device")
	}
}

type touchScript struct {
	*script
	ids    []ebiten.TouchID
	coarse bool
}

func (s *touchScript) AppendTouchIDs(ids []ebiten.TouchID) []ebiten.TouchID {
	return append(ids, s.ids...)
}
func (s *touchScript) TouchScreen() bool { return s.coarse }
