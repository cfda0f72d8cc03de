package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/calltoarms/ds9/game/hex"
)

// Condition is one test of the battle's state from the engine's fixed
// vocabulary, as scenario files write it: a name, its arguments in brackets,
// and for a count a comparison with a number (>=, >, <=, <, ==). A list of
// units without a comparison asks for all of them.
//
//	terms_accepted              the surrender terms were accepted
//	turn_limit                  the last turn has been played
//	turn >= N                   the turn number
//	losses(SIDE) >= N           ships SIDE has lost
//	fleet_gone(SIDE)            SIDE has no ship left in the battle (stations and structures aside)
//	withdrawn(SIDE) >= N        ships of SIDE that left the battle by an exit
//	destroyed(UNIT, …) [>= N]   of these units (ships or structures), the number destroyed
//	alive(UNIT, …) [>= N]       of these units, the number not destroyed
//	escaped(UNIT, …) [>= N]     of these units, the number that left the battle by an exit
//	apprehended(UNIT, …) [>= N] of these teams, the number caught aboard
//	disabled(UNIT, SECTION)     the station's section (by id) is disabled
//	captured(UNIT)              the station was boarded and taken
//	sabotaged(UNIT)             the station was sabotaged
//	held(UNIT)                  the station is neither captured nor sabotaged
//	in_area(SIDE, AREA) >= N    ships of SIDE in the area now
//	holds(SIDE, AREA)           SIDE has a ship in the area and the other side none
//	minefield_active[(FIELD)]   the minefield is active (without a field: the first)
//	minefield_inactive[(FIELD)] it is not active
//	minefield_down[(FIELD)]     it was brought down
//	minefield_failed[(FIELD)]   it is not active, and no minelayer of its owner is left to finish it
//	station_lost, station_held, station_sabotaged, station_captured
//	                            the stations of the first minefield's owner: all lost (captured
//	                            or sabotaged), not all lost, one sabotaged, all captured
type Condition struct {
	Name    string
	Side    Side
	Units   []ShipID // the units named, in order
	Section int      // disabled: the section's id
	Area    int      // in_area, holds: index into State.Areas
	Field   int      // minefield_*: index into State.Fields
	Op      string   // "", ">=", ">", "<=", "<", "=="
	N       int
	Text    string // the condition as written (normalised), for messages and the front end
}

// Area is a named part of the map for objectives to hold or reach.
type Area struct {
	ID    string
	Name  string
	Hexes []hex.Hex
}

// Names resolves the names a condition may use: a battle's sides, units,
// areas and minefields, as its scenario calls them.
type Names struct {
	Sides  SideIDs
	Units  func(key string) (ShipID, bool)
	Areas  func(id string) (int, bool)
	Fields func(id string) (int, bool)
}

// argument kinds of the vocabulary.
const (
	argSide    = 's' // a side id
	argUnit    = 'u' // one unit key
	argUnits   = 'l' // one or more unit keys
	argSection = 'n' // a section id (a number)
	argArea    = 'a' // an area id
	argField   = 'f' // a minefield id
)

// conditionSpec is one name of the vocabulary: its arguments (optional: may be
// left out altogether) and whether it compares a count.
type conditionSpec struct {
	args     string
	optional bool
	num      int // 0 no comparison, 1 required, 2 optional
}

var conditionSpecs = map[string]conditionSpec{
	"terms_accepted": {}, "turn_limit": {},
	"turn":             {num: 1},
	"losses":           {args: "s", num: 1},
	"fleet_gone":       {args: "s"},
	"withdrawn":        {args: "s", num: 1},
	"destroyed":        {args: "l", num: 2},
	"apprehended":      {args: "l", num: 2},
	"alive":            {args: "l", num: 2},
	"escaped":          {args: "l", num: 2},
	"disabled":         {args: "un"},
	"captured":         {args: "u"},
	"sabotaged":        {args: "u"},
	"held":             {args: "u"},
	"in_area":          {args: "sa", num: 1},
	"holds":            {args: "sa"},
	"minefield_active": {args: "f", optional: true}, "minefield_inactive": {args: "f", optional: true},
	"minefield_down": {args: "f", optional: true}, "minefield_failed": {args: "f", optional: true},
	"station_lost": {}, "station_held": {}, "station_sabotaged": {}, "station_captured": {},
}

// String is the condition as written.
func (c Condition) String() string {
	if c.Text != "" {
		return c.Text
	}
	return c.Name
}

var comparisons = []string{">=", "<=", "==", ">", "<"}

// ParseCondition reads a condition, resolving its names with n.
func ParseCondition(text string, n Names) (Condition, error) {
	t := strings.TrimSpace(text)
	var c Condition
	for _, op := range comparisons {
		if i := strings.Index(t, op); i >= 0 {
			num := strings.TrimSpace(t[i+len(op):])
			v, err := strconv.Atoi(num)
			if err != nil {
				return c, fmt.Errorf("condition %q: %q is not a number", text, num)
			}
			c.Op, c.N = op, v
			t = strings.TrimSpace(t[:i])
			break
		}
	}
	name, args := t, []string(nil)
	if i := strings.IndexByte(t, '('); i >= 0 {
		if !strings.HasSuffix(t, ")") {
			return c, fmt.Errorf("condition %q: missing )", text)
		}
		name = strings.TrimSpace(t[:i])
		for _, a := range strings.Split(t[i+1:len(t)-1], ",") {
			args = append(args, strings.TrimSpace(a))
		}
	}
	spec, ok := conditionSpecs[name]
	if !ok {
		return c, fmt.Errorf("unknown condition %q", name)
	}
	c.Name = name
	if err := c.readArgs(spec, args, n); err != nil {
		return c, fmt.Errorf("condition %q: %w", text, err)
	}
	switch {
	case spec.num == 1 && c.Op == "":
		return c, fmt.Errorf("condition %q: %s needs a comparison, as in %s >= 1", text, name, strings.TrimSuffix(t, ")")+ifElse(len(args) > 0, ")", ""))
	case spec.num == 0 && c.Op != "":
		return c, fmt.Errorf("condition %q: %s takes no comparison", text, name)
	}
	c.Text = c.normal(t)
	return c, c.Validate()
}

func ifElse(b bool, yes, no string) string {
	if b {
		return yes
	}
	return no
}

// normal writes the condition back in one spacing.
func (c Condition) normal(head string) string {
	if i := strings.IndexByte(head, '('); i >= 0 {
		parts := strings.Split(head[i+1:len(head)-1], ",")
		for k := range parts {
			parts[k] = strings.TrimSpace(parts[k])
		}
		head = strings.TrimSpace(head[:i]) + "(" + strings.Join(parts, ", ") + ")"
	}
	if c.Op != "" {
		head += " " + c.Op + " " + strconv.Itoa(c.N)
	}
	return head
}

// readArgs takes a condition's arguments by its spec.
func (c *Condition) readArgs(spec conditionSpec, args []string, n Names) error {
	want := spec.args
	if len(args) == 0 && (spec.optional || want == "") {
		return nil
	}
	if want == "" {
		return fmt.Errorf("%s takes no arguments", c.Name)
	}
	if want != "l" && len(args) != len(want) {
		return fmt.Errorf("%s takes %d argument(s), as in %s", c.Name, len(want), example(c.Name, want))
	}
	for i, a := range args {
		if a == "" {
			return fmt.Errorf("an empty argument")
		}
		kind := byte(argUnits)
		if want != "l" {
			kind = want[i]
		}
		switch kind {
		case argSide:
			s, err := n.Sides.Parse(a)
			if err != nil {
				return err
			}
			c.Side = s
		case argUnit, argUnits:
			id, ok := ShipID(NoShip), false
			if n.Units != nil {
				id, ok = n.Units(a)
			}
			if !ok {
				return fmt.Errorf("no unit %q", a)
			}
			c.Units = append(c.Units, id)
		case argSection:
			v, err := strconv.Atoi(a)
			if err != nil || v < 1 || v > MaxSectionID {
				return fmt.Errorf("section %q is not a section id (1..%d)", a, MaxSectionID)
			}
			c.Section = v
		case argArea:
			i, ok := -1, false
			if n.Areas != nil {
				i, ok = n.Areas(a)
			}
			if !ok {
				return fmt.Errorf("no area %q", a)
			}
			c.Area = i
		case argField:
			i, ok := -1, false
			if n.Fields != nil {
				i, ok = n.Fields(a)
			}
			if !ok {
				return fmt.Errorf("no minefield %q", a)
			}
			c.Field = i
		}
	}
	return nil
}

func example(name, args string) string {
	words := map[rune]string{argSide: "SIDE", argUnit: "UNIT", argUnits: "UNIT, …", argSection: "SECTION", argArea: "AREA", argField: "FIELD"}
	var out []string
	for _, k := range args {
		out = append(out, words[k])
	}
	return name + "(" + strings.Join(out, ", ") + ")"
}

// Validate checks a condition built in code as ParseCondition checks one it
// reads: a known name, its side valid, a comparison where a count is meant and
// its number within bounds.
func (c Condition) Validate() error {
	spec, ok := conditionSpecs[c.Name]
	if !ok {
		return fmt.Errorf("unknown condition %q", c.Name)
	}
	if strings.ContainsRune(spec.args, argSide) && !c.Side.Valid() {
		return fmt.Errorf("condition %s: invalid side", c.Name)
	}
	if (spec.num == 1 && c.Op == "") || (spec.num == 0 && c.Op != "") || !slices.Contains(append([]string{""}, comparisons...), c.Op) {
		return fmt.Errorf("condition %s: comparison %q", c.Name, c.Op)
	}
	hi := 0
	switch c.Name {
	case "losses", "withdrawn", "in_area":
		hi = MaxShips
	case "turn":
		hi = MaxTurns
	case "destroyed", "alive", "escaped", "apprehended":
		hi = len(c.Units)
	}
	if c.N < 0 || c.N > hi {
		return fmt.Errorf("condition %q: %d out of 0..%d", c.String(), c.N, hi)
	}
	return nil
}

// Holds reports whether the condition is true now.
func (s *State) Holds(c Condition) bool {
	switch c.Name {
	case "terms_accepted":
		return s.Terms == TermsAccepted
	case "turn_limit":
		return s.turnEnded
	case "turn":
		return compare(s.Turn, c.Op, c.N)
	case "losses":
		return compare(s.Losses[c.Side], c.Op, c.N)
	case "fleet_gone":
		for i := range s.Ships {
			if sh := &s.Ships[i]; sh.Side == c.Side && sh.Alive() && s.Classes[sh.Class].Vessel() {
				return false
			}
		}
		return true
	case "withdrawn":
		n := 0
		for i := range s.Ships {
			if sh := &s.Ships[i]; sh.Side == c.Side && sh.Status == Escaped {
				n++
			}
		}
		return compare(n, c.Op, c.N)
	case "destroyed", "alive", "escaped", "apprehended":
		n := 0
		for _, id := range c.Units {
			st := s.Ships[id].Status
			if c.Name == "destroyed" && st == Destroyed || c.Name == "alive" && st != Destroyed && st != Absent ||
				c.Name == "escaped" && st == Escaped || c.Name == "apprehended" && st == Apprehended {
				n++
			}
		}
		if c.Op == "" {
			return n == len(c.Units)
		}
		return compare(n, c.Op, c.N)
	case "disabled":
		st := &s.Ships[c.Units[0]]
		si, ok := s.Class(st).Section(c.Section)
		return ok && st.Section[si] <= 0
	case "captured":
		return s.Ships[c.Units[0]].Captured
	case "sabotaged":
		return s.Ships[c.Units[0]].Sabotaged
	case "held":
		return !s.Ships[c.Units[0]].Lost()
	case "in_area":
		return compare(s.inArea(c.Side, c.Area), c.Op, c.N)
	case "holds":
		return s.inArea(c.Side, c.Area) > 0 && s.inArea(c.Side.Other(), c.Area) == 0
	case "minefield_active", "minefield_inactive", "minefield_down", "minefield_failed":
		if c.Field >= len(s.Fields) {
			return c.Name == "minefield_inactive" || c.Name == "minefield_failed"
		}
		m := &s.Fields[c.Field]
		switch c.Name {
		case "minefield_active":
			return m.Active
		case "minefield_inactive":
			return !m.Active
		case "minefield_down":
			return m.Down
		}
		return !m.Active && (m.Down || !s.hasMinelayer(m.Owner))
	case "station_lost":
		return s.stationLost()
	case "station_held":
		return !s.stationLost()
	case "station_sabotaged":
		for _, id := range s.stations {
			if s.Ships[id].Sabotaged {
				return true
			}
		}
		return false
	case "station_captured":
		n := 0
		for _, id := range s.stations {
			if st := &s.Ships[id]; st.Side == s.Guardian() {
				if !st.Captured {
					return false
				}
				n++
			}
		}
		return n > 0
	}
	return false
}

func compare(v int, op string, n int) bool {
	switch op {
	case ">=":
		return v >= n
	case ">":
		return v > n
	case "<=":
		return v <= n
	case "<":
		return v < n
	case "==":
		return v == n
	}
	return false
}

// inArea counts side's ships (stations and structures aside) in an area now.
func (s *State) inArea(side Side, area int) int {
	if area < 0 || area >= len(s.Areas) {
		return 0
	}
	n := 0
	for i := range s.Ships {
		sh := &s.Ships[i]
		if sh.Side == side && sh.Alive() && s.Classes[sh.Class].Vessel() && slices.Contains(s.Areas[area].Hexes, sh.Pos) {
			n++
		}
	}
	return n
}

// hasMinelayer reports whether side has a minelayer in the battle or still to
// come.
func (s *State) hasMinelayer(side Side) bool {
	for i := range s.Ships {
		sh := &s.Ships[i]
		if sh.Side == side && (sh.Alive() || sh.Status == Reserve) && s.Classes[sh.Class].Minelayer {
			return true
		}
	}
	return false
}

// Guardian is the side whose stations the station_* conditions speak of: the
// first minefield's owner (the side defending it), or the first side.
func (s *State) Guardian() Side {
	if len(s.Fields) > 0 {
		return s.Fields[0].Owner
	}
	return SideA
}

// stationLost reports whether the guardian's stations are all captured or
// sabotaged (false when it has none).
func (s *State) stationLost() bool {
	n := 0
	for _, id := range s.stations {
		st := &s.Ships[id]
		if st.Side != s.Guardian() {
			continue
		}
		if !st.Lost() {
			return false
		}
		n++
	}
	return n > 0
}

func (s *State) allHold(cs []Condition) bool {
	for _, c := range cs {
		if !s.Holds(c) {
			return false
		}
	}
	return true
}
