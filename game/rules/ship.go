package rules

import (
	"fmt"

	"github.com/calltoarms/ds9/game/hex"
)

// ShipID names a ship (or station) of a battle: its index in State.Ships.
type ShipID int32

// NoShip is the ShipID of no ship.
const NoShip ShipID = -1

// Status is where a ship stands in the battle.
type Status uint8

// Ship statuses.
const (
	Reserve     Status = iota // not yet arrived
	OnMap                     // in the battle
	Destroyed                 // lost
	Escaped                   // withdrew from the battle
	Blocked                   // its reinforcement wave was stopped by the minefield
	Apprehended               // a team caught aboard the station it worked against
	Absent                    // not in this battle at all (lost in an earlier battle of a campaign)
)

var statusNames = [...]string{"reserve", "on-map", "destroyed", "escaped", "blocked", "apprehended", "absent"}

// String returns the status name.
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("status(%d)", uint8(s))
}

// Ship is one ship or station in the battle. (Its fields are laid out so
// that it takes little room: a state copies hundreds of them.)
type Ship struct {
	ID      ShipID
	Side    Side
	Status  Status
	Cloaked bool
	// Disordered: the ship's wing has lost its leader (Wing.Leaderless): its
	// shots hit CohesionPenalty percent less often.
	Disordered bool
	Key        string // the scenario's unit key: a named unit's id ("defiant"), a wing ship's wing id and number ("jh-1-3")
	Name       string
	Class      int // index into State.Classes
	Wing       int // index into State.Wings, -1 for none
	Pos        hex.Hex

	Hull    int // ships: hull points; stations: sum of the sections' hull
	Shields int
	Section []int // stations: hull of each section, in class order

	MP       int    // movement points left this phase
	Actions  int    // actions left this phase
	Covering ShipID // the ship this one covers, or NoShip
	// Aboard is, for a team, the station it is aboard (NoShip otherwise; in a
	// Setup it is read only for a team class). A
	// team stands at the station's position but occupies no hex, is never
	// seen by the other side, and acts only by disabling the station's
	// sections.
	Aboard  ShipID
	Returns int // covering return-fire volleys left
	Volleys int // stations: perimeter volleys left this enemy phase

	// Stations only.
	PowerAt    int // the id of the section carrying main power (0: none)
	Garrison   int
	EvacuateAt int // turn the evacuation completes; 0 when not ordered
	// Program is the station's sabotage program, when it has one: its name
	// ("Program Sisko 197") and what it waits for. A station without one
	// cannot be sabotaged.
	Program   Program
	MainPower bool
	Rerouted  bool // main power has been re-routed once (Reroute)
	Evacuated bool
	Sabotaged bool // its sabotage program (Program Sisko 197) has run
	Captured  bool
}

// Program is a station's sabotage program.
type Program struct {
	Name           string // "" for none
	By             string // who runs it ("Major Kira Nerys"), for the story
	NeedsEvacuated bool   // the station must be evacuated first
	NeedsAlone     bool   // every ship of its side must have left the battle first
}

// IsAboard reports whether the ship is a team aboard a station.
func (s *Ship) IsAboard() bool { return s.Aboard != NoShip && s.Aboard >= 0 }

// Alive reports whether the ship is in the battle now.
func (s *Ship) Alive() bool { return s.Status == OnMap }

// Lost reports whether a station has been taken or abandoned.
func (s *Ship) Lost() bool { return s.Captured || s.Sabotaged }

// Directive is what an attack wing has been sent to do; the computer commanders
// read it, the front end shows it to the other side as intent.
type Directive uint8

// The directives of attack wings.
const (
	Assault   Directive = iota // attack the target (a station or ship)
	Intercept                  // hunt down the target ship
	Focus                      // concentrate fire on one section of the target station
	Screen                     // hold a position and engage what comes near
	Advance                    // make for a hex, firing on what comes in range
	directiveCount
)

var directiveNames = [directiveCount]string{"assault", "intercept", "focus", "screen", "advance"}

// String returns the directive's id.
func (d Directive) String() string {
	if int(d) < len(directiveNames) {
		return directiveNames[d]
	}
	return fmt.Sprintf("directive(%d)", uint8(d))
}

// ParseDirective reads a directive id.
func ParseDirective(s string) (Directive, error) {
	for i, n := range directiveNames {
		if n == s {
			return Directive(i), nil
		}
	}
	return 0, fmt.Errorf("unknown directive %q (want assault, intercept, focus, screen or advance)", s)
}

// Valid reports whether d is one of the directives.
func (d Directive) Valid() bool { return d < directiveCount }

// Placed reports whether the directive names a hex (Wing.Hold) rather than a
// target: screen and advance.
func (d Directive) Placed() bool { return d == Screen || d == Advance }

// MarshalText writes the directive's id.
func (d Directive) MarshalText() ([]byte, error) {
	if !d.Valid() {
		return nil, fmt.Errorf("invalid directive %d", uint8(d))
	}
	return []byte(d.String()), nil
}

// UnmarshalText reads a directive id.
func (d *Directive) UnmarshalText(b []byte) error {
	v, err := ParseDirective(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Arrival is where a reinforcement wave enters the map.
type Arrival uint8

// Arrival points.
const (
	FromEntry    Arrival = iota // the entry edge
	FromWormhole                // the wormhole's mouth, from the Gamma Quadrant
)

// String returns the arrival point's id.
func (a Arrival) String() string {
	if a == FromWormhole {
		return "wormhole"
	}
	return "entry"
}

// Wing is an attack wing: ships that share a directive and arrive together.
type Wing struct {
	Index  int    // its place in State.Wings
	Key    string // the scenario's id
	Name   string
	Side   Side
	Leader string // e.g. Gul Dukat
	// Flagship is the ship the leader flies in (NoShip: a wing without a
	// leader). When it is destroyed the wing loses cohesion (Leaderless).
	Flagship   ShipID
	Leaderless bool
	Directive  Directive
	Target     ShipID  // the ship or station the directive names, NoShip for none
	Section    int     // Focus: the station section to fire on
	Hold       hex.Hex // Screen: the hex to hold; Advance: the hex to make for
	Arrive     int     // turn of arrival; 0 for ships on the map at the start
	From       Arrival
	Ships      []ShipID
	// Ordered is set once the wing's side has given it a command order: its
	// orders are no longer the ones the scenario briefed, and another side's
	// view no longer shows them.
	Ordered bool
}

// Commanded returns the wing as a command order would leave it: the
// order's directive, with its target and section (assault, intercept,
// focus) or its hex (screen, advance). Apply uses it, and so may a commander
// that plans with the orders it is about to give.
func (w Wing) Commanded(o Order) Wing {
	w.Directive, w.Target, w.Section, w.Hold = o.Directive, NoShip, 0, hex.Hex{}
	if o.Directive.Placed() {
		w.Hold = o.At
	} else {
		w.Target = o.Target
		if o.Directive == Focus {
			w.Section = o.Section
		}
	}
	w.Ordered = true
	return w
}

// Orders reports whether a command order would leave the wing's orders as
// they are.
func (w *Wing) Orders(o Order) bool {
	c := w.Commanded(o)
	return c.Directive == w.Directive && c.Target == w.Target && c.Section == w.Section && c.Hold == w.Hold
}
