package rules

import (
	"fmt"
	"strconv"
	"strings"
)

// Condition is one test of the battle's state from the engine's fixed vocabulary,
// written in scenario files as text:
//
//	terms_accepted        the surrender terms were accepted
//	turn_limit            the last turn has been played
//	minefield_active      the minefield is active
//	minefield_inactive    the minefield is not active
//	minefield_failed      the minefield is not active and no minelayer is left to finish it
//	station_lost          every station of the minefield's owner is captured or sabotaged
//	station_held          some station of the minefield's owner is neither
//	station_sabotaged     Program Sisko 197 has run
//	station_captured      every station of the minefield's owner has been boarded and taken
//	fleet_gone(SIDE)      SIDE has no ship but stations left in the battle
//	losses(SIDE) >= N     SIDE has lost at least N ships (also <, <=, >, ==)
//	turn >= N             the turn number compared with N
type Condition struct {
	Name string
	Side Side
	Op   string // "", ">=", ">", "<=", "<", "=="
	N    int
}

var conditionNames = map[string]struct{ side, num bool }{
	"terms_accepted": {}, "turn_limit": {}, "minefield_active": {}, "minefield_inactive": {},
	"minefield_failed": {}, "station_lost": {}, "station_held": {}, "station_sabotaged": {},
	"station_captured": {}, "fleet_gone": {side: true}, "losses": {side: true, num: true},
	"turn": {num: true},
}

// String writes the condition as it is read, with the sides by place; Format
// writes it with a battle's names for them.
func (c Condition) String() string { return c.Format(SideIDs{}) }

// Format writes the condition as a scenario writes it, naming sides by ids.
func (c Condition) Format(ids SideIDs) string {
	out := c.Name
	if conditionNames[c.Name].side {
		out += "(" + ids.Of(c.Side) + ")"
	}
	if c.Op != "" {
		out += " " + c.Op + " " + strconv.Itoa(c.N)
	}
	return out
}

// ParseCondition reads a condition of a battle whose sides are named ids.
func ParseCondition(text string, ids SideIDs) (Condition, error) {
	t := strings.TrimSpace(text)
	var c Condition
	for _, op := range []string{">=", "<=", "==", ">", "<"} {
		if i := strings.Index(t, op); i >= 0 {
			n, err := strconv.Atoi(strings.TrimSpace(t[i+len(op):]))
			if err != nil {
				return c, fmt.Errorf("condition %q: %q is not a number", text, strings.TrimSpace(t[i+len(op):]))
			}
			c.Op, c.N = op, n
			t = strings.TrimSpace(t[:i])
			break
		}
	}
	name := t
	if i := strings.IndexByte(t, '('); i >= 0 {
		if !strings.HasSuffix(t, ")") {
			return c, fmt.Errorf("condition %q: missing )", text)
		}
		side, err := ids.Parse(strings.TrimSpace(t[i+1 : len(t)-1]))
		if err != nil {
			return c, fmt.Errorf("condition %q: %w", text, err)
		}
		c.Side = side
		name = strings.TrimSpace(t[:i])
		if !conditionNames[name].side {
			return c, fmt.Errorf("condition %q: %s takes no side", text, name)
		}
	} else if conditionNames[name].side {
		return c, fmt.Errorf("condition %q: %s needs a side, as in %s(%s)", text, name, name, ids.Of(SideB))
	}
	spec, ok := conditionNames[name]
	if !ok {
		return c, fmt.Errorf("unknown condition %q", name)
	}
	if spec.num != (c.Op != "") {
		if spec.num {
			return c, fmt.Errorf("condition %q: %s needs a comparison, as in %s >= 1", text, name, name)
		}
		return c, fmt.Errorf("condition %q: %s takes no comparison", text, name)
	}
	c.Name = name
	return c, nil
}

// Holds reports whether the condition is true now.
func (s *State) Holds(c Condition) bool {
	switch c.Name {
	case "terms_accepted":
		return s.Terms == TermsAccepted
	case "turn_limit":
		return s.turnEnded
	case "minefield_active":
		return s.Mines.Active
	case "minefield_inactive":
		return !s.Mines.Active
	case "minefield_failed":
		return !s.Mines.Active && !s.hasMinelayer()
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
			if st := &s.Ships[id]; st.Side == s.Mines.Owner {
				if !st.Captured {
					return false
				}
				n++
			}
		}
		return n > 0
	case "fleet_gone":
		for i := range s.Ships {
			if sh := &s.Ships[i]; sh.Side == c.Side && sh.Alive() && !s.Classes[sh.Class].Station {
				return false
			}
		}
		return true
	case "losses":
		return compare(s.Losses[c.Side], c.Op, c.N)
	case "turn":
		return compare(s.Turn, c.Op, c.N)
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

func (s *State) hasMinelayer() bool {
	for i := range s.Ships {
		sh := &s.Ships[i]
		if sh.Side == s.Mines.Owner && (sh.Alive() || sh.Status == Reserve) && s.Classes[sh.Class].Minelayer {
			return true
		}
	}
	return false
}

// stationLost reports whether the minefield owner's stations are all captured or
// sabotaged (false when it has none).
func (s *State) stationLost() bool {
	n := 0
	for _, id := range s.stations {
		st := &s.Ships[id]
		if st.Side != s.Mines.Owner {
			continue
		}
		if !st.Lost() {
			return false
		}
		n++
	}
	return n > 0
}

// StationStatus is "held", "captured" or "sabotaged" for the minefield owner's
// first station.
func (s *State) StationStatus() string {
	st := s.Station(s.Mines.Owner)
	switch {
	case st == nil:
		return "none"
	case st.Sabotaged:
		return "sabotaged"
	case st.Captured:
		return "captured"
	}
	return "held"
}

func (s *State) allHold(cs []Condition) bool {
	for _, c := range cs {
		if !s.Holds(c) {
			return false
		}
	}
	return true
}

// Undecided is the outcome of a battle that ends with none of the scenario's
// outcomes holding: it has no winner.
const Undecided = "undecided"

// checkEnd ends the battle when the terms were accepted, the turn limit is played
// out, or one of the scenario's end conditions holds, and decides its outcome: the
// first of the scenario's outcomes whose conditions all hold.
func (s *State) checkEnd(ev *[]Event) {
	if s.Phase == Over {
		return
	}
	end := s.Terms == TermsAccepted || s.turnEnded
	for _, when := range s.EndWhen {
		if end {
			break
		}
		end = len(when) > 0 && s.allHold(when)
	}
	if !end {
		return
	}
	s.Phase = Over
	s.Outcome = Undecided
	for _, o := range s.Outcomes {
		if s.allHold(o.When) {
			s.Outcome, s.Winner = o.ID, o.Winner
			break
		}
	}
	s.emit(ev, Event{Kind: OutcomeDecided, Side: s.Winner, Text: s.Outcome})
}

// OutcomeInfo returns the decided outcome's description, if any.
func (s *State) OutcomeInfo() (Outcome, bool) {
	for _, o := range s.Outcomes {
		if o.ID == s.Outcome {
			return o, true
		}
	}
	return Outcome{}, false
}
