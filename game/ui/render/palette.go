package render

import (
	"image/color"

	"github.com/calltoarms/ds9/game/rules"
)

// Color is an opaque colour of the palette, written 0xRRGGBB, so that the
// palette is constants. RGBA, WithA and Mul give the vertex colour.
type Color uint32

// RGBA is the colour, opaque.
func (c Color) RGBA() RGBA { return RGB(uint32(c)) }

// WithA is the colour with alpha a.
func (c Color) WithA(a float32) RGBA { return RGB(uint32(c)).WithA(a) }

// Mul is the colour with alpha a (an opaque colour's alpha scaled by a).
func (c Color) Mul(a float32) RGBA { return RGB(uint32(c)).WithA(a) }

// The dark space palette of the front end.
const (
	ColSpace    Color = 0x05070d
	ColPanel    Color = 0x0b1220 // drawn at panelAlpha
	ColPanelHi  Color = 0x16243a // drawn at panelHiAlpha
	ColEdge     Color = 0x2c4766
	ColText     Color = 0xdfe8f5
	ColDim      Color = 0x8394ad
	ColAccent   Color = 0xf2a33a // LCARS-like amber
	ColGood     Color = 0x5fd08a
	ColBad      Color = 0xf0564a
	ColWarn     Color = 0xf2c94c
	colGrid     Color = 0x6d8fbf
	ColReach    Color = 0x3aa0ff
	ColPath     Color = 0xffd27a
	ColAlliance Color = 0x5aa8ff
	ColDominion Color = 0xb06cff
	ColMine     Color = 0xff7a3a
	colBelt     Color = 0xff8a5c

	PanelAlpha   = 0.86
	PanelHiAlpha = 0.95
)

// WeaponColor is a weapon's colour: phaser orange, pulse cannon red-orange,
// disruptor green, polaron purple-blue, photon torpedo red-orange, quantum
// torpedo blue-white.
func WeaponColor(k rules.WeaponKind) RGBA {
	switch k {
	case rules.Phaser:
		return RGB(0xff9a2e)
	case rules.PulseCannon:
		return RGB(0xff5a28)
	case rules.Disruptor:
		return RGB(0x4cff6a)
	case rules.Polaron:
		return RGB(0x8f7bff)
	case rules.PhotonTorpedo:
		return RGB(0xff5a36)
	case rules.QuantumTorpedo:
		return RGB(0xb8e4ff)
	}
	return ColText.RGBA()
}

func SideColor(s rules.Side) RGBA {
	if s == rules.SideA {
		return ColAlliance.RGBA()
	}
	return ColDominion.RGBA()
}

// WingColor marks an attack wing: a stripe of the wing's colour on each ship.
func WingColor(i int) RGBA {
	if i < 0 {
		return ColText.RGBA()
	}
	wings := [...]Color{
		0xff5d5d, 0xffb347, 0xfff275, 0x9bff6a, 0x4ef0d0,
		0x58b7ff, 0xa98bff, 0xff7ad9, 0xffffff, 0xc8a27a,
		0x7affb2, 0xff9f80,
	}
	return wings[i%len(wings)].RGBA()
}

// spaceFill is the clear colour as a color.Color, boxed once by the kit (a
// color.Color made per frame would allocate).
func spaceFill() color.Color { return ColSpace.RGBA().Color() }
