package play

import (
	"fmt"

	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
)

// The facts of a battle the front end shows come from its scenario and a
// side's view, never from the front end's code: names, commanders, the terms, the
// station, the losses an outcome asks for. Where the scenario format says
// nothing, the words are generic.

// SideTitle is a side's name as a title ("Alliance").
func SideTitle(sc *scenario.Scenario, s rules.Side) string {
	if sc == nil || !s.Valid() {
		return s.String()
	}
	return sc.Sides[s].Short
}

// CommandLabel names who the player commands on a side: the side and its
// commander in this battle ("Alliance — " and the commander's name).
func CommandLabel(sc *scenario.Scenario, s rules.Side) string {
	if sc != nil && s.Valid() && sc.Sides[s].Commander != "" {
		return SideTitle(sc, s) + " — " + sc.Sides[s].Commander
	}
	return SideTitle(sc, s)
}

// Commander is a side's commander in this battle, or the side's title.
func Commander(sc *scenario.Scenario, s rules.Side) string {
	if sc != nil && s.Valid() && sc.Sides[s].Commander != "" {
		return sc.Sides[s].Commander
	}
	return SideTitle(sc, s)
}

// TermsRefused says who refused whose terms.
func TermsRefused(sc *scenario.Scenario) string {
	if sc == nil || sc.Terms == nil {
		return "The surrender terms are refused."
	}
	who := Commander(sc, sc.Terms.Side)
	if sc.Terms.From == "" {
		return who + " refuses the surrender terms."
	}
	return who + " refuses " + sc.Terms.From + "'s terms."
}

// LossGoal is the first outcome of the scenario that asks for a number of a
// side's ships destroyed ("losses(dominion) >= 50"): the side, how many, and
// the outcome. ok is false when no outcome counts losses.
func LossGoal(sc *scenario.Scenario) (side rules.Side, n int, o rules.Outcome, ok bool) {
	if sc == nil {
		return 0, 0, rules.Outcome{}, false
	}
	for _, o := range sc.Setup.Outcomes {
		for _, c := range o.When {
			if c.Name != "losses" {
				continue
			}
			switch c.Op {
			case ">=":
				return c.Side, c.N, o, true
			case ">":
				return c.Side, c.N + 1, o, true
			}
		}
	}
	return 0, 0, rules.Outcome{}, false
}

// OutcomeByID is the scenario's description of an outcome.
func OutcomeByID(sc *scenario.Scenario, id string) (rules.Outcome, bool) {
	if sc == nil {
		return rules.Outcome{}, false
	}
	for _, o := range sc.Setup.Outcomes {
		if o.ID == id {
			return o, true
		}
	}
	return rules.Outcome{}, false
}

// StationName names the station the battle is about (the first minefield's
// owner's, or the first side's) as the scenario does, or "The station".
func StationName(sc *scenario.Scenario) string {
	if sc != nil {
		su := &sc.Setup
		guard := rules.SideA
		if len(su.Minefields) > 0 {
			guard = su.Minefields[0].Owner
		}
		for _, sh := range su.Ships {
			if sh.Side == guard && sh.Class >= 0 && sh.Class < len(su.Classes) && su.Classes[sh.Class].Station && sh.Name != "" {
				return sh.Name
			}
		}
	}
	return "The station"
}

// StationFate says what became of a station, as the report and the panel
// tell it: surrendered under the terms when they were accepted, sabotaged
// (and then boarded, when its sabotaged hulk was), captured, or held
// (evacuated, when it was).
func StationFate(sh *rules.Ship, terms rules.Terms) string {
	switch {
	case terms == rules.TermsAccepted:
		return "surrendered under the terms"
	case sh.Sabotaged && sh.Captured:
		return "sabotaged, then boarded without resistance"
	case sh.Sabotaged:
		return "sabotaged"
	case sh.Captured:
		return "captured"
	case sh.Evacuated:
		return "held, evacuated"
	}
	return "held"
}

// Evacuation says how far a station's evacuation has come: "" when none was
// ordered or it is done, else the turns left, from the engine's EvacuateAt
// (the turn at whose owner's phase it is done).
func Evacuation(sc *scenario.Scenario, v *rules.View, sh *rules.Ship) string {
	if sh.EvacuateAt <= 0 || sh.Evacuated {
		return ""
	}
	switch left := sh.EvacuateAt - v.Turn; {
	case left > 1:
		return fmt.Sprintf("Evacuating: %d turns left (done on turn %d)", left, sh.EvacuateAt)
	case left == 1:
		return fmt.Sprintf("Evacuating: 1 turn left (done on turn %d)", sh.EvacuateAt)
	}
	return "Evacuating: done when the " + SideTitle(sc, sh.Side) + " phase begins"
}

// MainPowerSection names the section of a station's class that carries its
// main power, or "" when none does.
func MainPowerSection(c *rules.Class) string {
	if c == nil {
		return ""
	}
	for _, s := range c.Sections {
		if s.MainPower {
			return s.Name
		}
	}
	return ""
}

// HasWormhole reports whether the map has a wormhole's mouth.
func HasWormhole(m *rules.Map) bool { return len(m.Hexes(rules.Wormhole)) > 0 }

// OpeningShip is the ship a side's first orders start with: its first live
// minelayer (the minefield is the battle's clock), or nil.
func OpeningShip(v *rules.View, side rules.Side) *rules.Ship {
	for i := range v.Ships {
		sh := &v.Ships[i]
		if sh.Side == side && sh.Alive() && v.Class(sh).Minelayer {
			return sh
		}
	}
	return nil
}
