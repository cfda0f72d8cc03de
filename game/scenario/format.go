// Package scenario reads battles from data files: a readable YAML format for
// scenarios and for the ship-class catalogue, loaded strictly (an unknown key, a
// wrong type or a broken reference is an error naming the file and line) and
// turned into a rules.Setup.
package scenario

// The file formats. Keys are snake_case; every key is listed here, and any other
// key in a file is an error.

// catalogueFile is a ship-class catalogue (scenarios/ships.yaml).
type catalogueFile struct {
	Classes []classFile `yaml:"classes"`
}

type classFile struct {
	ID              string        `yaml:"id"`
	Name            string        `yaml:"name"`
	Faction         string        `yaml:"faction"`
	Station         bool          `yaml:"station"`
	Hull            int           `yaml:"hull"`
	Shields         int           `yaml:"shields"`
	ShieldRegen     int           `yaml:"shield_regen"`
	Speed           int           `yaml:"speed"`
	Evasion         int           `yaml:"evasion"`
	Sensors         int           `yaml:"sensors"`
	Detect          int           `yaml:"detect"`
	Cloak           bool          `yaml:"cloak"`
	Minelayer       bool          `yaml:"minelayer"`
	Troops          int           `yaml:"troops"`
	Garrison        int           `yaml:"garrison"`
	Actions         int           `yaml:"actions"`
	Radius          int           `yaml:"radius"`
	ReactionVolleys int           `yaml:"reaction_volleys"`
	Description     string        `yaml:"description"`
	Weapons         []weaponFile  `yaml:"weapons"`
	Sections        []sectionFile `yaml:"sections"`
}

type weaponFile struct {
	Name      string `yaml:"name"`
	Kind      string `yaml:"kind"`
	Range     int    `yaml:"range"`
	Accuracy  int    `yaml:"accuracy"`
	Damage    int    `yaml:"damage"`
	Shots     int    `yaml:"shots"`
	Pierce    int    `yaml:"pierce"`
	Section   int    `yaml:"section"`
	Perimeter bool   `yaml:"perimeter"`
}

type sectionFile struct {
	ID        int    `yaml:"id"`
	Name      string `yaml:"name"`
	Hull      int    `yaml:"hull"`
	MainPower bool   `yaml:"main_power"`
}

// scenarioFile is one battle.
type scenarioFile struct {
	ID              string        `yaml:"id"`
	Name            string        `yaml:"name"`
	Date            string        `yaml:"date"`
	Catalogue       string        `yaml:"catalogue"`
	Briefing        string        `yaml:"briefing"`
	Sides           []sideFile    `yaml:"sides"`
	Terms           *termsFile    `yaml:"terms"`
	First           string        `yaml:"first"`
	TurnLimit       int           `yaml:"turn_limit"`
	EvacuationTurns int           `yaml:"evacuation_turns"`
	Map             mapFile       `yaml:"map"`
	Minefield       minefieldFile `yaml:"minefield"`
	Units           []unitFile    `yaml:"units"`
	Wings           []wingFile    `yaml:"wings"`
	EndWhen         [][]string    `yaml:"end_when"`
	Outcomes        []outcomeFile `yaml:"outcomes"`
}

type sideFile struct {
	ID        string `yaml:"id"`
	Short     string `yaml:"short"`
	Name      string `yaml:"name"`
	Commander string `yaml:"commander"`
	Goal      string `yaml:"goal"`
}

type termsFile struct {
	Side string `yaml:"side"`
	From string `yaml:"from"`
	Text string `yaml:"text"`
}

type mapFile struct {
	Rows string `yaml:"rows"`
}

type minefieldFile struct {
	Owner  string `yaml:"owner"`
	Damage int    `yaml:"damage"`
	Note   string `yaml:"note"`
}

type unitFile struct {
	ID      string `yaml:"id"`
	Name    string `yaml:"name"`
	Side    string `yaml:"side"`
	Class   string `yaml:"class"`
	At      []int  `yaml:"at"`
	Cloaked bool   `yaml:"cloaked"`
}

type wingFile struct {
	ID        string      `yaml:"id"`
	Name      string      `yaml:"name"`
	Side      string      `yaml:"side"`
	Leader    string      `yaml:"leader"`
	Directive string      `yaml:"directive"`
	Target    string      `yaml:"target"`
	Section   int         `yaml:"section"`
	Hold      []int       `yaml:"hold"`
	Arrive    int         `yaml:"arrive"`
	From      string      `yaml:"from"`
	Deploy    []int       `yaml:"deploy"`
	Ships     []groupFile `yaml:"ships"`
}

type groupFile struct {
	Class string `yaml:"class"`
	Count int    `yaml:"count"`
	Name  string `yaml:"name"`
}

type outcomeFile struct {
	ID     string   `yaml:"id"`
	Winner string   `yaml:"winner"`
	Title  string   `yaml:"title"`
	Text   string   `yaml:"text"`
	When   []string `yaml:"when"`
}
