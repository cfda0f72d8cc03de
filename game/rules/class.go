package rules

import "fmt"

// WeaponKind is the family of a weapon; it decides how the front end draws it.
type WeaponKind uint8

// The weapon families of the war.
const (
	Phaser WeaponKind = iota
	PulseCannon
	Disruptor
	Polaron
	PhotonTorpedo
	QuantumTorpedo
	weaponKindCount
)

var weaponKindNames = [weaponKindCount]string{"phaser", "pulse-cannon", "disruptor", "polaron", "photon-torpedo", "quantum-torpedo"}

// String returns the weapon family's id.
func (k WeaponKind) String() string {
	if k < weaponKindCount {
		return weaponKindNames[k]
	}
	return fmt.Sprintf("weapon(%d)", uint8(k))
}

// Torpedo reports whether the weapon is a torpedo launcher rather than a beam.
func (k WeaponKind) Torpedo() bool { return k == PhotonTorpedo || k == QuantumTorpedo }

// ParseWeaponKind reads a weapon family id.
func ParseWeaponKind(s string) (WeaponKind, error) {
	for i, n := range weaponKindNames {
		if n == s {
			return WeaponKind(i), nil
		}
	}
	return 0, fmt.Errorf("unknown weapon kind %q", s)
}

// Weapon is one weapon system of a ship class.
type Weapon struct {
	Name     string
	Kind     WeaponKind
	Range    int // hexes
	Accuracy int // base hit chance in percent at range 1
	Damage   int // damage of one hit
	Shots    int // shots per attack
	Pierce   int // percent of each hit that bypasses shields
	// Section is, on a station, the id of the section carrying the weapon: when its
	// hull is gone, the weapon is silent. Zero on ships.
	Section int
	// Perimeter marks a station weapon that fires on enemies entering its range.
	Perimeter bool
	// Sweep, when above 0, makes the weapon a mine sweeper (an anti-graviton
	// beam): it fires at a hex, not a ship, and each hit destroys the enemy
	// mines laid within Sweep hexes of it. It cannot fire at ships.
	Sweep int
}

// Section is a separately targeted part of a station.
type Section struct {
	ID        int
	Name      string
	Hull      int
	MainPower bool // the section carries the station's main power
	// Alarm, when above 0, makes the section the station's alarms: while it
	// stands, a team's attempt on another section has Alarm percent less
	// chance, and a team that fails is apprehended.
	Alarm int
}

// Class is a ship or station class: the numbers every ship of that class shares.
type Class struct {
	ID      string
	Name    string
	Faction string // federation, klingon, bajoran, jemhadar, cardassian…: colours and silhouettes
	Station bool   // a station: does not move, is taken by boarding, not destroyed
	// Structure: a fixed installation (a shipyard, a relay): it does not move
	// and is never boarded, but its hull can be destroyed.
	Structure bool
	// Team: people aboard a station (a resistance cell): no hull on the map,
	// no weapons; each action may try to disable one of the station's
	// sections, succeeding Skill percent of the time (less its alarms').
	Team  bool
	Skill int

	Hull        int // ships only; a station's hull is its sections'
	Shields     int
	ShieldRegen int // shields restored at the start of the owner's phase
	Speed       int // movement points per phase
	Evasion     int // hit-chance penalty for attacks on it
	Sensors     int // sensor range in hexes
	Detect      int // range at which it detects cloaked ships
	Cloak       bool
	Minelayer   bool
	Troops      int // boarding strength
	Garrison    int // stations: defenders a boarding party must overcome
	Actions     int // actions per phase (ships 1)
	Radius      int // stations: hexes of structure around the centre
	// ReactionVolleys is how many times per enemy phase a station's perimeter
	// weapons fire on enemies entering their range.
	ReactionVolleys int
	// Repair is, on a station, the hull one damage-control action restores
	// to a damaged section still standing (0: none). Reroute lets it, once,
	// route its main power through another standing section when the
	// section carrying it is gone (docs/rules.md §8).
	Repair  int
	Reroute bool

	Weapons  []Weapon
	Sections []Section
}

// Section returns the class's section with the given id.
func (c *Class) Section(id int) (int, bool) {
	for i := range c.Sections {
		if c.Sections[i].ID == id {
			return i, true
		}
	}
	return -1, false
}

// MaxRange is the longest range of the class's weapons.
func (c *Class) MaxRange() int {
	r := 0
	for _, w := range c.Weapons {
		r = max(r, w.Range)
	}
	return r
}

// Validate checks that a class's numbers make sense and lie within their bounds
// (MaxHull and the other limits); the error is a *ClassError naming the key at
// fault.
func (c *Class) Validate() error {
	k := &classCheck{c: c}
	if c.ID == "" {
		return &ClassError{Key: "id", Weapon: -1, Section: -1, Msg: "class has no id"}
	}
	if c.Station {
		switch {
		case c.Structure || c.Team:
			k.fail("station", -1, -1, "a class is a station, a structure or a team, only one")
		case c.Hull != 0:
			k.fail("hull", -1, -1, "a station's hull is its sections' (hull must be 0, not %d)", c.Hull)
		case c.Speed != 0:
			k.fail("speed", -1, -1, "a station cannot move (speed must be 0, not %d)", c.Speed)
		case c.Cloak:
			k.fail("cloak", -1, -1, "a station cannot cloak")
		case len(c.Sections) == 0:
			k.fail("sections", -1, -1, "a station needs sections")
		case len(c.Sections) > MaxSections:
			k.fail("sections", -1, -1, "%d sections, at most %d", len(c.Sections), MaxSections)
		}
	} else {
		k.in("hull", c.Hull, 1, MaxHull)
		switch {
		case c.Structure && c.Speed != 0:
			k.fail("speed", -1, -1, "a structure does not move (speed %d)", c.Speed)
		case c.Structure && (c.Cloak || c.Minelayer || c.Troops != 0):
			k.fail("structure", -1, -1, "a structure cannot cloak, lay mines or carry troops")
		case c.Team && c.Structure:
			k.fail("team", -1, -1, "a class is a team or a structure, not both")
		case c.Team && (c.Speed != 0 || c.Cloak || c.Minelayer || c.Troops != 0 || len(c.Weapons) > 0 || c.Radius != 0):
			k.fail("team", -1, -1, "a team aboard a station has no speed, cloak, mines, troops, weapons or radius")
		case !c.Team && c.Skill != 0:
			k.fail("skill", -1, -1, "skill %d: only a team has a skill", c.Skill)
		case len(c.Sections) > 0:
			k.fail("sections", -1, -1, "only a station has sections")
		case c.Radius != 0 && !c.Structure:
			k.fail("radius", -1, -1, "radius %d: only a station or a structure has structure around it", c.Radius)
		case c.Garrison != 0:
			k.fail("garrison", -1, -1, "garrison %d: only a station has a garrison", c.Garrison)
		case c.ReactionVolleys != 0:
			k.fail("reaction_volleys", -1, -1, "reaction_volleys %d: only a station fires perimeter volleys", c.ReactionVolleys)
		}
	}
	k.in("shields", c.Shields, 0, MaxShields)
	k.in("shield_regen", c.ShieldRegen, 0, MaxShields)
	k.in("speed", c.Speed, 0, MaxSpeed)
	k.in("evasion", c.Evasion, 0, MaxEvasion)
	k.in("sensors", c.Sensors, 0, MaxSensorRange)
	k.in("detect", c.Detect, 0, MaxSensorRange)
	k.in("troops", c.Troops, 0, MaxTroops)
	k.in("skill", c.Skill, 0, 100)
	k.in("garrison", c.Garrison, 0, MaxTroops)
	k.in("actions", c.Actions, 1, MaxActions)
	k.in("radius", c.Radius, 0, MaxRadius)
	k.in("reaction_volleys", c.ReactionVolleys, 0, MaxReactionVolleys)
	k.in("repair", c.Repair, 0, MaxHull)
	if !c.Station && (c.Repair != 0 || c.Reroute) {
		k.fail("repair", -1, -1, "only a station has damage control (repair, reroute)")
	}
	if len(c.Weapons) > MaxWeapons {
		k.fail("weapons", -1, -1, "%d weapons, at most %d", len(c.Weapons), MaxWeapons)
	}
	if k.err != nil {
		return k.err
	}
	seen := map[int]bool{}
	for i, s := range c.Sections {
		if seen[s.ID] {
			k.fail("id", -1, i, "section %d: ids must be unique", s.ID)
		}
		k.inAt("id", -1, i, s.ID, 1, MaxSectionID)
		k.inAt("hull", -1, i, s.Hull, 1, MaxHull)
		k.inAt("alarm", -1, i, s.Alarm, 0, 100)
		seen[s.ID] = true
	}
	for i, w := range c.Weapons {
		if w.Kind >= weaponKindCount {
			k.fail("kind", i, -1, "weapon %q: unknown kind %d", w.Name, w.Kind)
		}
		k.inAt("range", i, -1, w.Range, 1, MaxWeaponRange)
		k.inAt("accuracy", i, -1, w.Accuracy, 0, 100)
		k.inAt("damage", i, -1, w.Damage, 0, MaxDamage)
		k.inAt("shots", i, -1, w.Shots, 1, MaxShots)
		k.inAt("pierce", i, -1, w.Pierce, 0, 100)
		k.inAt("sweep", i, -1, w.Sweep, 0, MaxRadius)
		switch {
		case w.Section != 0 && !c.Station:
			k.fail("section", i, -1, "weapon %q: only a station's weapons sit on sections", w.Name)
		case w.Section != 0 && !seen[w.Section]:
			k.fail("section", i, -1, "weapon %q: no section %d", w.Name, w.Section)
		case w.Perimeter && !c.Station:
			k.fail("perimeter", i, -1, "weapon %q: only a station's weapons are perimeter defenses", w.Name)
		}
	}
	if k.err != nil {
		return k.err
	}
	return nil
}

// Fixed reports whether the class never moves: a station or a structure.
func (c *Class) Fixed() bool { return c.Station || c.Structure }

// Vessel reports whether the class is a ship that sails: not a station, a
// structure or a team.
func (c *Class) Vessel() bool { return !c.Station && !c.Structure && !c.Team }
