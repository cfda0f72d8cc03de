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
	Structure       bool          `yaml:"structure"`
	Team            bool          `yaml:"team"`
	Skill           int           `yaml:"skill"`
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
	Repair          int           `yaml:"repair"`
	Reroute         bool          `yaml:"reroute"`
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
	Sweep     int    `yaml:"sweep"`
}

type sectionFile struct {
	ID        int    `yaml:"id"`
	Name      string `yaml:"name"`
	Hull      int    `yaml:"hull"`
	MainPower bool   `yaml:"main_power"`
	Alarm     int    `yaml:"alarm"`
}

// scenarioFile is one battle.
type scenarioFile struct {
	ID              string          `yaml:"id"`
	Name            string          `yaml:"name"`
	Date            string          `yaml:"date"`
	Order           int             `yaml:"order"` // where the scenario lists: lower first (DefaultOrder)
	Catalogue       string          `yaml:"catalogue"`
	Briefing        string          `yaml:"briefing"`
	Sides           []sideFile      `yaml:"sides"`
	Terms           *termsFile      `yaml:"terms"`
	First           string          `yaml:"first"`
	TurnLimit       int             `yaml:"turn_limit"`
	EvacuationTurns int             `yaml:"evacuation_turns"`
	Map             mapFile         `yaml:"map"`
	Historical      string          `yaml:"historical"` // the outcome history records
	Minefield       *minefieldFile  `yaml:"minefield"`  // one minefield, drawn M and m (the form of one field)
	Minefields      []minefieldFile `yaml:"minefields"` // several, each drawn with its own letter
	Areas           []areaFile      `yaml:"areas"`
	Objectives      []objectiveFile `yaml:"objectives"`
	Units           []unitFile      `yaml:"units"`
	Wings           []wingFile      `yaml:"wings"`
	EndWhen         [][]string      `yaml:"end_when"`
	Outcomes        []outcomeFile   `yaml:"outcomes"`
	Guide           []guideFile     `yaml:"guide"` // guided first turns (guide.go)
}

type guideFile struct {
	Side  string `yaml:"side"`
	Text  string `yaml:"text"`
	Until string `yaml:"until"`
}

type sideFile struct {
	ID        string `yaml:"id"`
	Short     string `yaml:"short"`
	Name      string `yaml:"name"`
	Commander string `yaml:"commander"`
	Goal      string `yaml:"goal"`
	Briefing  string `yaml:"briefing"` // the side's own briefing; "": the scenario's
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
	ID            string `yaml:"id"`
	Name          string `yaml:"name"`
	Owner         string `yaml:"owner"`
	Damage        int    `yaml:"damage"`
	Note          string `yaml:"note"`
	Letter        string `yaml:"letter"`      // the map's letter for its positions (lower case: laid); M for the first
	FailsBelow    int    `yaml:"fails_below"` // brought down when fewer mines than this are left once it is active
	SealsWormhole *bool  `yaml:"seals_wormhole"`
}

type areaFile struct {
	ID    string  `yaml:"id"`
	Name  string  `yaml:"name"`
	Hexes [][]int `yaml:"hexes"` // [column, row] of each hex
	Rect  []int   `yaml:"rect"`  // [col0, row0, col1, row1], corners included
}

type objectiveFile struct {
	ID     string   `yaml:"id"`
	Side   string   `yaml:"side"`
	Text   string   `yaml:"text"`
	When   []string `yaml:"when"`
	Points int      `yaml:"points"`
}

type unitFile struct {
	ID       string        `yaml:"id"`
	Name     string        `yaml:"name"`
	Side     string        `yaml:"side"`
	Class    string        `yaml:"class"`
	At       []int         `yaml:"at"`
	Cloaked  bool          `yaml:"cloaked"`
	Aboard   string        `yaml:"aboard"`   // a team: the station unit it is aboard
	Sabotage *sabotageFile `yaml:"sabotage"` // a station: its sabotage program
}

type sabotageFile struct {
	Name           string `yaml:"name"`
	By             string `yaml:"by"`
	NeedsEvacuated *bool  `yaml:"needs_evacuated"`
	NeedsShipsGone *bool  `yaml:"needs_ships_gone"`
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
	ID     string         `yaml:"id"`
	Winner string         `yaml:"winner"`
	Title  string         `yaml:"title"`
	Text   string         `yaml:"text"`
	When   []string       `yaml:"when"`
	Score  map[string]int `yaml:"score"` // side id → score, 0..100
}
