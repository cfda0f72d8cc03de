package ui

import (
	"image/color"

	"github.com/calltoarms/ds9/game/rules"
)

// The dark space palette of the front end.
var (
	colSpace    = rgb(0x05070d)
	colPanel    = rgb(0x0b1220).WithA(0.86)
	colPanelHi  = rgb(0x16243a).WithA(0.95)
	colEdge     = rgb(0x2c4766)
	colText     = rgb(0xdfe8f5)
	colDim      = rgb(0x8394ad)
	colAccent   = rgb(0xf2a33a) // LCARS-like amber
	colGood     = rgb(0x5fd08a)
	colBad      = rgb(0xf0564a)
	colWarn     = rgb(0xf2c94c)
	colGrid     = rgb(0x6d8fbf)
	colReach    = rgb(0x3aa0ff)
	colPath     = rgb(0xffd27a)
	colAlliance = rgb(0x5aa8ff)
	colDominion = rgb(0xb06cff)
	colMine     = rgb(0xff7a3a)
	colBelt     = rgb(0xff8a5c)
)

// Weapon colours: phaser orange, pulse cannon red-orange, disruptor green,
// polaron purple-blue, photon torpedo red-orange, quantum torpedo blue-white.
var weaponColors = [...]rgba{
	rules.Phaser:         rgb(0xff9a2e),
	rules.PulseCannon:    rgb(0xff5a28),
	rules.Disruptor:      rgb(0x4cff6a),
	rules.Polaron:        rgb(0x8f7bff),
	rules.PhotonTorpedo:  rgb(0xff5a36),
	rules.QuantumTorpedo: rgb(0xb8e4ff),
}

func weaponColor(k rules.WeaponKind) rgba {
	if int(k) < len(weaponColors) {
		return weaponColors[k]
	}
	return colText
}

func sideColor(s rules.Side) rgba {
	if s == rules.Alliance {
		return colAlliance
	}
	return colDominion
}

// wingColors mark the attack wings: a stripe of the wing's colour on each ship.
var wingColors = [...]rgba{
	rgb(0xff5d5d), rgb(0xffb347), rgb(0xfff275), rgb(0x9bff6a), rgb(0x4ef0d0),
	rgb(0x58b7ff), rgb(0xa98bff), rgb(0xff7ad9), rgb(0xffffff), rgb(0xc8a27a),
	rgb(0x7affb2), rgb(0xff9f80),
}

func wingColor(i int) rgba {
	if i < 0 {
		return colText
	}
	return wingColors[i%len(wingColors)]
}

// spaceColor is the clear colour, boxed once (a color.Color made per frame
// would allocate).
var spaceColor color.Color = colSpace.Color()
