package ui

import (
	"image/color"

	"github.com/calltoarms/ds9/game/rules"
)

// Color is an opaque colour of the palette, written 0xRRGGBB, so that the
// palette is constants. RGBA, WithA and Mul give the vertex colour.
type Color uint32

// RGBA is the colour, opaque.
func (c Color) RGBA() rgba { return rgb(uint32(c)) }

// WithA is the colour with alpha a.
func (c Color) WithA(a float32) rgba { return rgb(uint32(c)).WithA(a) }

// Mul is the colour with alpha a (an opaque colour's alpha scaled by a).
func (c Color) Mul(a float32) rgba { return rgb(uint32(c)).WithA(a) }

// The dark space palette of the front end.
const (
	colSpace    Color = 0x05070d
	colPanel    Color = 0x0b1220 // drawn at panelAlpha
	colPanelHi  Color = 0x16243a // drawn at panelHiAlpha
	colEdge     Color = 0x2c4766
	colText     Color = 0xdfe8f5
	colDim      Color = 0x8394ad
	colAccent   Color = 0xf2a33a // LCARS-like amber
	colGood     Color = 0x5fd08a
	colBad      Color = 0xf0564a
	colWarn     Color = 0xf2c94c
	colGrid     Color = 0x6d8fbf
	colReach    Color = 0x3aa0ff
	colPath     Color = 0xffd27a
	colAlliance Color = 0x5aa8ff
	colDominion Color = 0xb06cff
	colMine     Color = 0xff7a3a
	colBelt     Color = 0xff8a5c

	panelAlpha   = 0.86
	panelHiAlpha = 0.95
)

// weaponColor is a weapon's colour: phaser orange, pulse cannon red-orange,
// disruptor green, polaron purple-blue, photon torpedo red-orange, quantum
// torpedo blue-white.
func weaponColor(k rules.WeaponKind) rgba {
	switch k {
	case rules.Phaser:
		return rgb(0xff9a2e)
	case rules.PulseCannon:
		return rgb(0xff5a28)
	case rules.Disruptor:
		return rgb(0x4cff6a)
	case rules.Polaron:
		return rgb(0x8f7bff)
	case rules.PhotonTorpedo:
		return rgb(0xff5a36)
	case rules.QuantumTorpedo:
		return rgb(0xb8e4ff)
	}
	return colText.RGBA()
}

func sideColor(s rules.Side) rgba {
	if s == rules.Alliance {
		return colAlliance.RGBA()
	}
	return colDominion.RGBA()
}

// wingColor marks an attack wing: a stripe of the wing's colour on each ship.
func wingColor(i int) rgba {
	if i < 0 {
		return colText.RGBA()
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
func spaceFill() color.Color { return colSpace.RGBA().Color() }
