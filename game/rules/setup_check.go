package rules

import (
	"fmt"
	"strings"
)

// Bounds on the numbers of a class and of a setup. They are generous for real
// battles (the flagship's largest numbers are a 56x36 map, 316 ships, hull 200,
// shields 150, speed 6) and small enough that nothing the engine or the computer
// commanders compute from them can overflow or run away: the largest product
// formed is a hit chance times damage times shots times a whole fleet's weapons
// (95 × 10000 × 20 × 20 × 2000 < 2^40), a boarding fight is troops × 200, a
// station's hull is at most MaxSections × MaxHull, and a path search allocates
// and visits at most MaxSpeed+2 buckets. docs/scenarios.md lists them for
// scenario writers; Class.Validate and New enforce them.
const (
	MaxHull            = 10000          // a ship's hull; a station section's hull
	MaxShields         = 10000          // shields; shield_regen
	MaxSpeed           = 20             // movement points per phase (a move order carries at most MaxPath steps)
	MaxEvasion         = 100            // hit-chance penalty, percentage points
	MaxSensorRange     = 2 * MaxMapSide // sensors, detect: hexes, beyond the longest map
	MaxTroops          = 10000          // a ship's troops; a station's garrison
	MaxActions         = 10             // actions per phase
	MaxRadius          = 3              // a station's structure around its centre
	MaxReactionVolleys = 100            // a station's perimeter volleys per enemy phase
	MaxWeapons         = 20             // weapons of one class
	MaxWeaponRange     = 20             // hexes
	MaxDamage          = 10000          // damage of one hit
	MaxShots           = 20             // shots per attack
	MaxSections        = 20             // sections of one station
	MaxSectionID       = 999            // section ids run 1..MaxSectionID
	MaxMineDamage      = 1000           // damage of one mine
	MaxEvacTurns       = 20             // turns an evacuation takes
	MaxEndGroups       = 50             // end_when groups; also outcomes
	MaxConditions      = 20             // conditions in one group or outcome
)

// SetupError is a setup that New refuses, naming the part of the setup at fault so
// that a loader can point at the line that wrote it: Part is "end_when" (Index is
// the group), "ship" (Index is the ship), "wing" (the wing), or "" for the setup
// as a whole.
type SetupError struct {
	Part  string
	Index int
	Msg   string
}

// Error returns the message.
func (e *SetupError) Error() string { return e.Msg }

func setupErr(part string, index int, format string, args ...any) error {
	return &SetupError{Part: part, Index: index, Msg: fmt.Sprintf(format, args...)}
}

// ClassError is a class that Validate refuses. Key names the number or list at
// fault as the catalogue writes it ("speed", "sections"); Weapon and Section are
// the index of the weapon or section it belongs to, or -1.
type ClassError struct {
	Class   string
	Key     string
	Weapon  int
	Section int
	Msg     string
}

// Error names the class and what is wrong with it.
func (e *ClassError) Error() string {
	if e.Class == "" {
		return e.Msg
	}
	return "class " + e.Class + ": " + e.Msg
}

// classCheck collects Validate's tests of one class.
type classCheck struct {
	c   *Class
	err *ClassError
}

func (k *classCheck) fail(key string, weapon, section int, format string, args ...any) {
	if k.err == nil {
		k.err = &ClassError{Class: k.c.ID, Key: key, Weapon: weapon, Section: section, Msg: fmt.Sprintf(format, args...)}
	}
}

// in checks that a number of the class lies in lo..hi.
func (k *classCheck) in(key string, v, lo, hi int) {
	k.inAt(key, -1, -1, v, lo, hi)
}

func (k *classCheck) inAt(key string, weapon, section, v, lo, hi int) {
	if v < lo || v > hi {
		name := key
		switch {
		case weapon >= 0:
			name = fmt.Sprintf("weapon %q: %s", k.c.Weapons[weapon].Name, key)
		case section >= 0:
			name = fmt.Sprintf("section %d: %s", k.c.Sections[section].ID, key)
		}
		k.fail(key, weapon, section, "%s %d out of range %d..%d", name, v, lo, hi)
	}
}

// checkSetup checks the setup's own numbers (the classes, ships and map are
// checked where New reads them).
func checkSetup(su *Setup) error {
	if su.EvacTurns < 0 || su.EvacTurns > MaxEvacTurns {
		return setupErr("", 0, "evacuation turns %d out of 0..%d", su.EvacTurns, MaxEvacTurns)
	}
	for _, m := range su.Minefields {
		if m.Damage < 1 || m.Damage > MaxMineDamage {
			return setupErr("", 0, "minefield %s: mine damage %d out of 1..%d", m.ID, m.Damage, MaxMineDamage)
		}
	}
	if su.SideIDs[0] != "" && su.SideIDs[0] == su.SideIDs[1] {
		return setupErr("", 0, "both sides are named %q", su.SideIDs[0])
	}
	for i, o := range su.Objectives {
		if !o.Side.Valid() || o.Points < -MaxScore || o.Points > MaxScore {
			return setupErr("objective", i, "objective %s: a side and points within ±%d", o.ID, MaxScore)
		}
		if err := checkConditions(su, o.When); err != nil {
			return setupErr("objective", i, "objective %s: %v", o.ID, err)
		}
	}
	for _, o := range su.Outcomes {
		for _, v := range o.Score {
			if v < 0 || v > MaxScore {
				return setupErr("", 0, "outcome %s: score %d out of 0..%d", o.ID, v, MaxScore)
			}
		}
	}
	if len(su.EndWhen) > MaxEndGroups || len(su.Outcomes) > MaxEndGroups {
		return setupErr("", 0, "%d end groups and %d outcomes, at most %d of each", len(su.EndWhen), len(su.Outcomes), MaxEndGroups)
	}
	for i, g := range su.EndWhen {
		if err := checkConditions(su, g); err != nil {
			return setupErr("end_when", i, "end group %d: %v", i+1, err)
		}
	}
	for _, o := range su.Outcomes {
		if !o.Winner.Valid() {
			return setupErr("", 0, "outcome %s: invalid side", o.ID)
		}
		if err := checkConditions(su, o.When); err != nil {
			return setupErr("", 0, "outcome %s: %v", o.ID, err)
		}
	}
	for i, w := range su.Wings {
		if w.Arrive < 0 || w.Arrive > su.TurnLimit+1 {
			return setupErr("wing", i, "wing %s: arrival turn %d out of 0..%d (the turn limit + 1)", w.Key, w.Arrive, su.TurnLimit+1)
		}
		if w.Section < 0 || w.Section > MaxSectionID {
			return setupErr("wing", i, "wing %s: section %d out of 0..%d", w.Key, w.Section, MaxSectionID)
		}
	}
	return nil
}

// checkConditions checks the numbers of a list of conditions: N of losses(SIDE)
// within 0..MaxShips, of turn within 0..MaxTurns.
func checkConditions(su *Setup, cs []Condition) error {
	if len(cs) > MaxConditions {
		return fmt.Errorf("%d conditions, at most %d", len(cs), MaxConditions)
	}
	for _, c := range cs {
		if err := c.Validate(); err != nil {
			return err
		}
		for _, id := range c.Units {
			if id < 0 || int(id) >= len(su.Ships) {
				return fmt.Errorf("condition %s: no unit %d", c, id)
			}
			cl := &su.Classes[su.Ships[id].Class]
			switch c.Name {
			case "disabled", "captured", "sabotaged", "held":
				if !cl.Station {
					return fmt.Errorf("condition %s: %s is not a station", c, su.Ships[id].Name)
				}
				if _, ok := cl.Section(c.Section); c.Name == "disabled" && !ok {
					return fmt.Errorf("condition %s: %s has no section %d", c, su.Ships[id].Name, c.Section)
				}
			}
		}
		if (c.Name == "in_area" || c.Name == "holds") && (c.Area < 0 || c.Area >= len(su.Areas)) {
			return fmt.Errorf("condition %s: no area %d", c, c.Area)
		}
		if strings.HasPrefix(c.Name, "minefield_") && (c.Field < 0 || (c.Field > 0 && c.Field >= len(su.Minefields))) {
			return fmt.Errorf("condition %s: no minefield %d", c, c.Field)
		}
	}
	return nil
}

// checkStart refuses a battle that is decided before its first order (an end
// group already holds) or that breaks its own invariants.
func (s *State) checkStart() error {
	for i, when := range s.EndWhen {
		if len(when) > 0 && s.allHold(when) {
			return setupErr("end_when", i, "end group %d (%s) already holds at the start: the battle would be over before its first order", i+1, conditionList(when))
		}
	}
	if err := s.CheckInvariants(); err != nil {
		return setupErr("", 0, "the starting state is inconsistent: %v", err)
	}
	return nil
}

func conditionList(cs []Condition) string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.String()
	}
	return strings.Join(out, ", ")
}
