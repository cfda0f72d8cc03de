package scenario

import (
	"errors"
	"fmt"

	"github.com/calltoarms/ds9/game/rules"
)

// ClassInfo is what the catalogue says of a class beyond its numbers.
type ClassInfo struct {
	Description string
}

// ParseCatalogue reads a ship-class catalogue.
func ParseCatalogue(name string, data []byte) ([]rules.Class, map[string]ClassInfo, error) {
	var f catalogueFile
	d, err := decode(name, data, &f, catalogueBounds)
	if err != nil {
		return nil, nil, err
	}
	if len(f.Classes) == 0 {
		return nil, nil, d.errf(nil, "no classes")
	}
	classes := make([]rules.Class, 0, len(f.Classes))
	info := map[string]ClassInfo{}
	for i, cf := range f.Classes {
		at := []any{"classes", i}
		if cf.ID == "" {
			return nil, nil, d.errf(at, "class without an id")
		}
		if err := checkID(d, sub(at, "id"), cf.ID); err != nil {
			return nil, nil, err
		}
		if _, dup := info[cf.ID]; dup {
			return nil, nil, d.errf(append(at, "id"), "class %q defined twice", cf.ID)
		}
		c := rules.Class{
			ID: cf.ID, Name: cf.Name, Faction: cf.Faction, Station: cf.Station, Structure: cf.Structure, Team: cf.Team, Skill: cf.Skill,
			Hull: cf.Hull, Shields: cf.Shields, ShieldRegen: cf.ShieldRegen, Speed: cf.Speed,
			Evasion: cf.Evasion, Sensors: cf.Sensors, Detect: cf.Detect, Cloak: cf.Cloak,
			Minelayer: cf.Minelayer, Troops: cf.Troops, Garrison: cf.Garrison, Actions: cf.Actions,
			Radius: cf.Radius, ReactionVolleys: cf.ReactionVolleys, Repair: cf.Repair, Reroute: cf.Reroute,
		}
		if c.Actions == 0 {
			c.Actions = 1
		}
		if c.Name == "" {
			c.Name = c.ID
		}
		for j, wf := range cf.Weapons {
			k, err := rules.ParseWeaponKind(wf.Kind)
			if err != nil {
				return nil, nil, d.errf(append(at, "weapons", j, "kind"), "class %s: %v", cf.ID, err)
			}
			c.Weapons = append(c.Weapons, rules.Weapon{
				Name: wf.Name, Kind: k, Range: wf.Range, Accuracy: wf.Accuracy, Damage: wf.Damage,
				Shots: wf.Shots, Pierce: wf.Pierce, Section: wf.Section, Perimeter: wf.Perimeter, Sweep: wf.Sweep,
			})
		}
		for _, sf := range cf.Sections {
			c.Sections = append(c.Sections, rules.Section{ID: sf.ID, Name: sf.Name, Hull: sf.Hull, MainPower: sf.MainPower, Alarm: sf.Alarm})
		}
		if err := c.Validate(); err != nil {
			p := at
			var ce *rules.ClassError
			if errors.As(err, &ce) {
				switch {
				case ce.Weapon >= 0:
					p = sub(at, "weapons", ce.Weapon, ce.Key)
				case ce.Section >= 0:
					p = sub(at, "sections", ce.Section, ce.Key)
				default:
					p = sub(at, ce.Key)
				}
			}
			return nil, nil, d.errf(p, "%v", err)
		}
		if c.Faction == "" {
			return nil, nil, d.errf(at, "class %s: no faction", c.ID)
		}
		classes = append(classes, c)
		info[cf.ID] = ClassInfo{Description: cf.Description}
	}
	return classes, info, nil
}

func classIndex(classes []rules.Class, id string) (int, error) {
	for i := range classes {
		if classes[i].ID == id {
			return i, nil
		}
	}
	return -1, fmt.Errorf("unknown class %q", id)
}
