package play

import (
	"fmt"
	"strings"

	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
)

// Digest counts what a side was told during the other side's phase, for
// the summary the player reads when their own phase begins: ships lost on
// each side, sections disabled, boardings and the defenders they cost, mines
// that struck, and the station taken or powerless.
type Digest struct {
	Lost          [2]int // ships destroyed, by their side
	Sections      int    // station sections disabled
	Boardings     int    // boarding parties landed
	Defenders     int    // defenders they killed
	Mines         int    // mines that struck a ship
	PowerLost     bool   // a station lost main power
	Captured      bool   // a station was taken
	Reinforcement int    // ships that came in
	events        int    // the events counted
}

// Add counts the events told to a side.
func (d *Digest) Add(told []rules.Event) {
	for _, e := range told {
		d.events++
		switch e.Kind {
		default:
			d.events-- // not what the summary counts
		case rules.ShipDestroyed:
			if e.Side.Valid() {
				d.Lost[e.Side]++
			}
		case rules.SectionDisabled:
			d.Sections++
		case rules.Boarded:
			d.Boardings++
			d.Defenders += e.Damage
		case rules.MineDetonated:
			d.Mines++
		case rules.MainPowerLost:
			d.PowerLost = true
		case rules.StationCaptured:
			d.Captured = true
		case rules.ReinforcementsArrived:
			d.Reinforcement += e.Count
		}
	}
}

// Text says what the enemy's phase did, as side knows it: "" when it was
// told nothing at all.
func (d *Digest) Text(sc *scenario.Scenario, side rules.Side) string {
	if d.events == 0 {
		return ""
	}
	enemy := side.Other()
	var parts []string
	parts = append(parts, fmt.Sprintf("you lost %s, the %s %s", ships(d.Lost[side]), SideTitle(sc, enemy), ships(d.Lost[enemy])))
	if d.Reinforcement > 0 {
		parts = append(parts, fmt.Sprintf("%s came in", ships(d.Reinforcement)))
	}
	if d.Sections > 0 {
		parts = append(parts, fmt.Sprintf("%d station section(s) disabled", d.Sections))
	}
	if d.PowerLost {
		parts = append(parts, "a station lost main power")
	}
	if d.Boardings > 0 {
		parts = append(parts, fmt.Sprintf("%d boarding part%s landed, %d defenders killed", d.Boardings, map[bool]string{true: "y", false: "ies"}[d.Boardings == 1], d.Defenders))
	}
	if d.Captured {
		parts = append(parts, "a station was taken")
	}
	if d.Mines > 0 {
		parts = append(parts, fmt.Sprintf("%d mine(s) struck", d.Mines))
	}
	return "While the " + SideTitle(sc, enemy) + " moved: " + strings.Join(parts, "; ") + "."
}

func ships(n int) string {
	if n == 1 {
		return "1 ship"
	}
	return fmt.Sprintf("%d ships", n)
}
