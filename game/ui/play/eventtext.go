package play

import (
	"fmt"

	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
)

// ShipName names a ship for the log.
func ShipName(st *rules.State, id rules.ShipID) string {
	if sh := st.Ship(id); sh != nil {
		return sh.Name
	}
	return "an unknown ship"
}

// SectionName names a station section for the log.
func SectionName(st *rules.State, station rules.ShipID, id int) string {
	sh := st.Ship(station)
	if sh == nil {
		return fmt.Sprintf("section %d", id)
	}
	c := st.Class(sh)
	if i, ok := c.Section(id); ok {
		return c.Sections[i].Name
	}
	return fmt.Sprintf("section %d", id)
}

// WingName names an attack wing for the log.
func WingName(st *rules.State, i int) string {
	if i >= 0 && i < len(st.Wings) {
		return st.Wings[i].Name
	}
	return "a wing"
}

// Describe writes an event for the log, or "" for events the log leaves out.
// The names come from the scenario (sc may be nil) and the state.
func Describe(sc *scenario.Scenario, st *rules.State, e rules.Event) string {
	switch e.Kind {
	case rules.TermsRefusedEvent:
		return TermsRefused(sc) + " The battle begins."
	case rules.TermsAcceptedEvent:
		return "The surrender terms are accepted."
	case rules.TurnBegan:
		return fmt.Sprintf("— Turn %d —", e.Turn)
	case rules.PhaseBegan:
		return fmt.Sprintf("%s phase.", SideTitle(sc, e.Side))
	case rules.MoveInterrupted:
		return fmt.Sprintf("%s is stopped: contact in the way!", ShipName(st, e.Ship))
	case rules.Fired:
		sh := st.Ship(e.Ship)
		w := ""
		if sh != nil {
			if c := st.Class(sh); e.Weapon >= 0 && e.Weapon < len(c.Weapons) {
				w = c.Weapons[e.Weapon].Name
			}
		}
		return fmt.Sprintf("%s fires %s at %s.", ShipName(st, e.Ship), w, ShipName(st, e.Target))
	case rules.Hit:
		return fmt.Sprintf("  hit on %s: %d (shields %d, hull %d)", ShipName(st, e.Target), e.Damage, e.ShieldDamage, e.HullDamage)
	case rules.ShieldsDown:
		return fmt.Sprintf("%s: shields down!", ShipName(st, e.Ship))
	case rules.SectionDisabled:
		return fmt.Sprintf("%s: %s is out of action.", ShipName(st, e.Ship), SectionName(st, e.Ship, e.Section))
	case rules.ShipDestroyed:
		return fmt.Sprintf("%s is destroyed.", ShipName(st, e.Ship))
	case rules.MineLaid:
		return fmt.Sprintf("%s lays a mine.", ShipName(st, e.Ship))
	case rules.MinefieldActivated:
		return "The minefield is active!"
	case rules.MinefieldCloaked:
		if HasWormhole(st.Map) {
			return "The minefield cloaks. The wormhole is sealed."
		}
		return "The minefield cloaks."
	case rules.MineDetonated:
		return fmt.Sprintf("A mine strikes %s (%d).", ShipName(st, e.Ship), e.Damage)
	case rules.MineReplicated:
		return "A mine replicates, replacing a lost one."
	case rules.CloakEngaged:
		return fmt.Sprintf("%s cloaks.", ShipName(st, e.Ship))
	case rules.CloakDropped:
		return fmt.Sprintf("%s decloaks.", ShipName(st, e.Ship))
	case rules.Detected:
		return fmt.Sprintf("%s is detected.", ShipName(st, e.Ship))
	case rules.CoverBegan:
		return fmt.Sprintf("%s covers %s.", ShipName(st, e.Ship), ShipName(st, e.Target))
	case rules.CoveringFire:
		return fmt.Sprintf("%s returns fire on %s.", ShipName(st, e.Ship), ShipName(st, e.Target))
	case rules.PerimeterFire:
		return fmt.Sprintf("Perimeter defenses open fire on %s.", ShipName(st, e.Target))
	case rules.MainPowerLost:
		return fmt.Sprintf("Main power lost! The shields and weapons of %s are down.", ShipName(st, e.Ship))
	case rules.EvacuationOrdered:
		return "Evacuation ordered."
	case rules.Evacuated:
		return fmt.Sprintf("%s is evacuated.", ShipName(st, e.Ship))
	case rules.Withdrew:
		return fmt.Sprintf("%s leaves the battle.", ShipName(st, e.Ship))
	case rules.Sabotaged:
		return fmt.Sprintf("The computers and power of %s are sabotaged.", ShipName(st, e.Ship))
	case rules.Boarded:
		return fmt.Sprintf("%s boards the station (defenders left: %d).", ShipName(st, e.Ship), e.Value)
	case rules.StationCaptured:
		return fmt.Sprintf("%s is captured.", ShipName(st, e.Ship))
	case rules.ReinforcementsArrived:
		return fmt.Sprintf("%s arrives (%d ships).", WingName(st, e.Value), e.Count)
	case rules.ReinforcementsBlocked:
		return fmt.Sprintf("The minefield stops %s at the wormhole.", WingName(st, e.Value))
	case rules.OutcomeDecided:
		if o, ok := st.OutcomeInfo(); ok {
			return o.Title + "."
		}
		return "The battle is decided."
	}
	return ""
}

// EventVisible reports whether side may see an event: things its own ships
// do or suffer, and things about ships it sees before or after the order.
func EventVisible(e rules.Event, side rules.Side, before, after *rules.View) bool {
	seen := func(id rules.ShipID) bool {
		if id == rules.NoShip {
			return false
		}
		if s := after.Ship(id); s != nil {
			return true
		}
		if before != nil {
			if s := before.Ship(id); s != nil {
				return true
			}
		}
		return false
	}
	switch e.Kind {
	case rules.TurnBegan, rules.PhaseBegan, rules.TermsRefusedEvent, rules.TermsAcceptedEvent,
		rules.OutcomeDecided, rules.MainPowerLost, rules.EvacuationOrdered, rules.Evacuated,
		rules.Sabotaged, rules.StationCaptured, rules.MinefieldActivated, rules.ReinforcementsArrived,
		rules.ReinforcementsBlocked, rules.TurnEnded:
		return true
	case rules.ShieldsRestored:
		return e.Side == side
	case rules.MinefieldCloaked, rules.MineLaid, rules.MineReplicated:
		return e.Side == side || seen(e.Ship)
	case rules.MineDetonated:
		return e.Side == side || seen(e.Ship)
	case rules.Detected:
		return true
	case rules.Moved, rules.CloakEngaged, rules.CloakDropped, rules.Withdrew, rules.ShieldsDown, rules.ShipDestroyed, rules.CoverBegan:
		return e.Side == side || seen(e.Ship)
	}
	return e.Side == side || seen(e.Ship) || seen(e.Target)
}
