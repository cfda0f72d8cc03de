package play

import (
	"fmt"
	"strings"

	"github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
)

// Sight is what one side knows to put names to an order's events: its views
// just before and just after the order. The engine tells a side of a ship
// only when the ship is in one of them (a ship destroyed, withdrawn or gone
// out of sight is named from the view before); a ship in neither is left out
// of the event (rules.NoShip), and the log calls it "an unseen ship".
type Sight struct{ Before, After *rules.View }

// SightOf is a side's sight of the battle now, for what is not an order's
// event (a tooltip, the panel): its view alone.
func SightOf(v *rules.View) Sight { return Sight{Before: v, After: v} }

// Unseen is how the log names a ship its side does not see.
const Unseen = "an unseen ship"

// Side is the side whose sight it is.
func (k Sight) Side() rules.Side { return k.view().Side }

func (k Sight) view() *rules.View {
	if k.After != nil {
		return k.After
	}
	return k.Before
}

// Ship returns a ship the side knows of, as its view after the order shows
// it, else as the view before did; nil for rules.NoShip or a ship in neither.
func (k Sight) Ship(id rules.ShipID) *rules.Ship {
	if id == rules.NoShip {
		return nil
	}
	for _, v := range [2]*rules.View{k.After, k.Before} {
		if v == nil {
			continue
		}
		if sh := v.Ship(id); sh != nil {
			return sh
		}
	}
	return nil
}

// Class returns the class of a ship of the sight.
func (k Sight) Class(sh *rules.Ship) *rules.Class { return k.view().Class(sh) }

// ShipName names a ship for the log: as the side knows it, or Unseen.
func (k Sight) ShipName(id rules.ShipID) string {
	if sh := k.Ship(id); sh != nil {
		return sh.Name
	}
	return Unseen
}

// ShipName names a ship of a view, or Unseen.
func ShipName(v *rules.View, id rules.ShipID) string { return SightOf(v).ShipName(id) }

// SectionName names a station section of a ship the view shows.
func SectionName(v *rules.View, station rules.ShipID, id int) string {
	return SightOf(v).SectionName(station, id)
}

// SectionName names a station section of a ship the side knows of.
func (k Sight) SectionName(station rules.ShipID, id int) string {
	if sh := k.Ship(station); sh != nil {
		c := k.Class(sh)
		if i, ok := c.Section(id); ok {
			return c.Sections[i].Name
		}
	}
	return fmt.Sprintf("section %d", id)
}

// WingName names an attack wing for the log: as the side's view has it, else
// as the scenario does (an event both sides are told names the wing, such as
// one the minefield stops), else "a wing".
func WingName(sc *scenario.Scenario, k Sight, i int) string {
	for _, v := range [2]*rules.View{k.After, k.Before} {
		if v == nil {
			continue
		}
		if w := v.Wing(i); w != nil {
			return w.Name
		}
	}
	if sc != nil && i >= 0 && i < len(sc.Setup.Wings) && sc.Setup.Wings[i].Name != "" {
		return sc.Setup.Wings[i].Name
	}
	return "a wing"
}

// Hulk reports whether a station the side knows of was sabotaged: a
// boarding then takes a hulk, not a station.
func Hulk(k Sight, station rules.ShipID) bool {
	sh := k.Ship(station)
	return sh != nil && sh.Sabotaged
}

// fieldName names a minefield as the scenario does, or "the minefield".
func fieldName(sc *scenario.Scenario, i int) string {
	if sc != nil && i >= 0 && i < len(sc.Setup.Minefields) && sc.Setup.Minefields[i].Name != "" {
		return sc.Setup.Minefields[i].Name
	}
	return "the minefield"
}

// HexName names a hex as the scenario files do: its column and row.
func HexName(h hex.Hex) string {
	o := hex.ToOffset(h)
	return fmt.Sprintf("%d,%d", o.Col, o.Row)
}

// capital starts a sentence with a capital letter.
func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Describe writes an event as a side was told it for the log, or "" for
// events the log leaves out. The names come from the scenario (sc may be nil)
// and the side's sight of the order; a ship the engine left out of the event
// is "an unseen ship".
func Describe(sc *scenario.Scenario, k Sight, e rules.Event) string {
	ship, target := e.Named()
	name := func(id rules.ShipID) string { return k.ShipName(id) }
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
		if target != rules.NoShip {
			return fmt.Sprintf("%s is stopped: %s is in the way!", capital(name(ship)), name(target))
		}
		return fmt.Sprintf("%s is stopped: contact in the way!", capital(name(ship)))
	case rules.MineFoiled:
		if e.Side == k.Side() {
			return fmt.Sprintf("The mine could not be laid: contact at %s.", HexName(e.To))
		}
		return fmt.Sprintf("%s holds a minefield position: %s could not lay its mine.", capital(name(target)), name(ship))
	case rules.Fired:
		if ship == rules.NoShip {
			return fmt.Sprintf("%s is fired on by %s.", capital(name(target)), Unseen)
		}
		w := "its weapons"
		if sh := k.Ship(ship); sh != nil {
			if c := k.Class(sh); e.Weapon >= 0 && e.Weapon < len(c.Weapons) {
				w = c.Weapons[e.Weapon].Name
			}
		}
		return fmt.Sprintf("%s fires %s at %s.", name(ship), w, name(target))
	case rules.Hit:
		return fmt.Sprintf("  hit on %s: %d (shields %d, hull %d)", name(target), e.Damage, e.ShieldDamage, e.HullDamage)
	case rules.ShieldsDown:
		return fmt.Sprintf("%s: shields down!", capital(name(ship)))
	case rules.SectionDisabled:
		return fmt.Sprintf("%s: %s is out of action.", capital(name(ship)), k.SectionName(ship, e.Section))
	case rules.ShipDestroyed:
		return fmt.Sprintf("%s is destroyed.", capital(name(ship)))
	case rules.MineLaid:
		if ship == rules.NoShip {
			return "A mine is laid."
		}
		return fmt.Sprintf("%s lays a mine.", name(ship))
	case rules.MinefieldActivated:
		return "The minefield is active!"
	case rules.MinefieldCloaked:
		if v := k.view(); v != nil && HasWormhole(v.Map) {
			return "The minefield cloaks. The wormhole is sealed."
		}
		return "The minefield cloaks."
	case rules.MineDetonated:
		return fmt.Sprintf("A mine strikes %s (%d).", name(ship), e.Damage)
	case rules.MineReplicated:
		return "A mine replicates, replacing a lost one."
	case rules.CloakEngaged:
		return fmt.Sprintf("%s cloaks.", capital(name(ship)))
	case rules.CloakDropped:
		return fmt.Sprintf("%s decloaks.", capital(name(ship)))
	case rules.Detected:
		if ship == rules.NoShip {
			return "Contact: a cloaked ship is detected."
		}
		return fmt.Sprintf("%s is detected.", capital(name(ship)))
	case rules.CoverBegan:
		return fmt.Sprintf("%s covers %s.", capital(name(ship)), name(target))
	case rules.CoveringFire:
		return fmt.Sprintf("%s returns fire on %s.", capital(name(ship)), name(target))
	case rules.PerimeterFire:
		return fmt.Sprintf("Perimeter defenses open fire on %s.", name(target))
	case rules.MainPowerLost:
		return fmt.Sprintf("Main power lost! The shields and weapons of %s are down.", name(ship))
	case rules.EvacuationOrdered:
		return "Evacuation ordered."
	case rules.Evacuated:
		return fmt.Sprintf("%s is evacuated.", capital(name(ship)))
	case rules.Withdrew:
		return fmt.Sprintf("%s leaves the battle.", capital(name(ship)))
	case rules.Sabotaged:
		return fmt.Sprintf("The computers and power of %s are sabotaged.", name(ship))
	case rules.Boarded:
		return fmt.Sprintf("%s boards %s (defenders left: %d).", capital(name(ship)), name(target), e.Value)
	case rules.StationCaptured:
		if Hulk(k, ship) {
			return fmt.Sprintf("%s is boarded without resistance: its computers and power were sabotaged, and it is taken as a hulk.", capital(name(ship)))
		}
		return fmt.Sprintf("%s is captured.", capital(name(ship)))
	case rules.ReinforcementsArrived:
		return fmt.Sprintf("%s arrives (%d ships).", capital(WingName(sc, k, e.Value)), e.Count)
	case rules.ReinforcementsBlocked:
		return fmt.Sprintf("The minefield stops %s at the wormhole.", WingName(sc, k, e.Value))
	case rules.Repaired:
		return fmt.Sprintf("Damage control on %s: %s +%d hull.", name(ship), e.Text, e.Value)
	case rules.PowerRerouted:
		return fmt.Sprintf("%s re-routes main power through %s (%d hull lost to the strain).", capital(name(ship)), e.Text, e.Value)
	case rules.LeaderLost:
		who := e.Text
		if who == "" {
			who = "The leader"
		}
		return fmt.Sprintf("%s is lost with %s: %s loses cohesion (no new orders, shots −%d%%).", who, name(ship), WingName(sc, k, e.Value), rules.CohesionPenalty)
	case rules.WingOrdered:
		what := "assault " + name(target)
		switch e.Text {
		case "intercept":
			what = "intercept " + name(target)
		case "focus":
			what = "focus fire on " + k.SectionName(target, e.Section)
		case "screen":
			what = "hold " + HexName(e.To)
		case "advance":
			what = "advance on " + HexName(e.To)
		}
		return fmt.Sprintf("%s: %s.", capital(WingName(sc, k, e.Value)), what)
	case rules.MinefieldDown:
		return fmt.Sprintf("%s is down: %d of %d mines left.", capital(fieldName(sc, e.Field)), e.Value, e.Count)
	case rules.MineSwept:
		if ship == rules.NoShip {
			return fmt.Sprintf("A mine at %s is swept away (%d left).", HexName(e.To), e.Value)
		}
		return fmt.Sprintf("%s sweeps away a mine at %s (%d left).", capital(name(ship)), HexName(e.To), e.Value)
	case rules.TeamStruck:
		if ship == rules.NoShip {
			return fmt.Sprintf("Saboteurs aboard %s put %s out of action.", name(target), k.SectionName(target, e.Section))
		}
		return fmt.Sprintf("%s puts %s out of action (%d%% chance).", capital(name(ship)), k.SectionName(target, e.Section), e.Value)
	case rules.TeamFailed:
		if ship == rules.NoShip {
			return fmt.Sprintf("An attempt on %s of %s is foiled.", k.SectionName(target, e.Section), name(target))
		}
		return fmt.Sprintf("%s fails to put %s out of action (%d%% chance).", capital(name(ship)), k.SectionName(target, e.Section), e.Value)
	case rules.TeamCaught:
		if ship == rules.NoShip {
			return fmt.Sprintf("A saboteur is caught aboard %s.", name(target))
		}
		return fmt.Sprintf("%s is caught aboard %s.", capital(name(ship)), name(target))
	case rules.OutcomeDecided:
		if o, ok := OutcomeByID(sc, e.Text); ok && o.Title != "" {
			return o.Title + "."
		}
		return "The battle is decided."
	}
	return ""
}

// Place is where on the map an event told to a side may be shown: the hexes
// the engine left in it. From is the acting ship's hex, To its target's (or,
// for an event of one ship, that ship's); each stands only where the ship it
// belongs to is named. Where the place itself is what the side learned (a
// contact in the way, a foiled mine, a detection, a mine's detonation, a mine
// laid or replicated that the side may see), To stands whoever is named.
type Place struct {
	From, To       hex.Hex
	HasFrom, HasTo bool
}

// PlaceOf reads an event's places (see Place).
func PlaceOf(e rules.Event) Place {
	ship, target := e.Named()
	p := Place{From: e.From, To: e.To}
	switch e.Kind {
	case rules.MoveInterrupted, rules.MineFoiled:
		p.HasFrom, p.HasTo = ship != rules.NoShip, true
	case rules.Detected, rules.MineDetonated, rules.MineReplicated:
		p.HasTo = true
	case rules.MineLaid:
		p.HasFrom, p.HasTo = ship != rules.NoShip, true
	case rules.Moved:
		p.HasFrom, p.HasTo = ship != rules.NoShip, ship != rules.NoShip
	case rules.Fired, rules.Hit, rules.Missed, rules.CoverBegan, rules.CoveringFire, rules.PerimeterFire, rules.Boarded:
		p.HasFrom, p.HasTo = ship != rules.NoShip, target != rules.NoShip
	case rules.ShieldsDown, rules.SectionDisabled, rules.ShipDestroyed, rules.CloakEngaged, rules.CloakDropped,
		rules.MainPowerLost, rules.EvacuationOrdered, rules.Sabotaged, rules.Withdrew, rules.StationCaptured:
		p.HasTo = ship != rules.NoShip
	}
	if !p.HasFrom {
		p.From = hex.Hex{}
	}
	if !p.HasTo {
		p.To = hex.Hex{}
	}
	return p
}

// PreviewLines writes an attack's preview for the fire tooltip: the hit
// chance and shots, what the target has now, the damage expected and the
// chance that the attack destroys it (a station: disables the aimed section).
// The numbers are the engine's (rules.Preview); station says whether the
// target is one.
func PreviewLines(p rules.Preview, station bool) []string {
	hull, kill := "hull", "destroys it"
	if station {
		hull, kill = "section hull", "disables the section"
	}
	out := []string{
		fmt.Sprintf("Hit %d%% ×%d, %d each · range %d", p.HitChance, p.Shots, p.PerHit, p.Range),
		fmt.Sprintf("Target shields %d, %s %d", p.TargetShields, hull, p.TargetHull),
		fmt.Sprintf("Expected %s (to hull %s) · %s %d%%", hundredths(p.Expected100), hundredths(p.ExpectedHull100), kill, p.KillChance),
	}
	if p.Covered {
		out = append(out, "Covered: harder to hit, and its cover fires back")
	}
	return out
}

// hundredths writes a number given in hundredths with one decimal, or none
// when it is whole.
func hundredths(n int) string {
	if n%100 == 0 {
		return fmt.Sprintf("%d", n/100)
	}
	return fmt.Sprintf("%.1f", float64(n)/100)
}
