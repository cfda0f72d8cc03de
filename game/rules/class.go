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
}

// Section is a separately targeted part of a station.
type Section struct {
	ID        int
	Name      string
	Hull      int
	MainPower bool // the section carries the station's main power
}

// Class is a ship or station class: the numbers every ship of that class shares.
type Class struct {
	ID      string
	Name    string
	Faction string // federation, klingon, bajoran, jemhadar, cardassian…: colours and silhouettes
	Station bool   // a station: does not move, is taken by boarding, not destroyed

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

// Validate checks that a class's numbers make sense.
func (c *Class) Validate() error {
	switch {
	case c.ID == "":
		return fmt.Errorf("class has no id")
	case c.Shields < 0 || c.ShieldRegen < 0 || c.Speed < 0 || c.Sensors < 0 || c.Detect < 0 || c.Troops < 0 || c.Garrison < 0:
		return fmt.Errorf("class %s: negative number", c.ID)
	case c.Actions < 1 || c.Actions > 10:
		return fmt.Errorf("class %s: actions %d out of 1..10", c.ID, c.Actions)
	case !c.Station && c.Hull <= 0:
		return fmt.Errorf("class %s: hull must be positive", c.ID)
	case c.Station && len(c.Sections) == 0:
		return fmt.Errorf("class %s: a station needs sections", c.ID)
	case c.Radius < 0 || c.Radius > 3:
		return fmt.Errorf("class %s: radius %d out of 0..3", c.ID, c.Radius)
	}
	seen := map[int]bool{}
	for _, s := range c.Sections {
		if s.ID <= 0 || seen[s.ID] || s.Hull <= 0 {
			return fmt.Errorf("class %s: section %d: ids must be positive and unique, hull positive", c.ID, s.ID)
		}
		seen[s.ID] = true
	}
	for _, w := range c.Weapons {
		if w.Range < 1 || w.Range > 20 || w.Accuracy < 0 || w.Accuracy > 100 || w.Damage < 0 || w.Shots < 1 || w.Shots > 20 || w.Pierce < 0 || w.Pierce > 100 {
			return fmt.Errorf("class %s: weapon %q: numbers out of range", c.ID, w.Name)
		}
		if w.Section != 0 && !seen[w.Section] {
			return fmt.Errorf("class %s: weapon %q: no section %d", c.ID, w.Name, w.Section)
		}
	}
	return nil
}
