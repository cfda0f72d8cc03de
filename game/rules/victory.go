package rules

// StationStatus is "held", "captured" or "sabotaged" for the first station of
// the guardian (the first minefield's owner, or the first side), or "none".
func (s *State) StationStatus() string {
	st := s.Station(s.Guardian())
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

// Objective is something a side sets out to do, shown to its player and
// counted in its score: points when its conditions all hold at the end (they
// may be negative: a price paid).
type Objective struct {
	ID     string
	Side   Side
	Text   string
	When   []Condition
	Points int
}

// Done reports whether an objective's conditions all hold now.
func (s *State) Done(o *Objective) bool { return len(o.When) > 0 && s.allHold(o.When) }

// MaxScore bounds a side's score: it runs from 0 to MaxScore.
const MaxScore = 100

// Score is a side's score now, from 0 to MaxScore: the decided outcome's score
// for it (none before the end), plus the points of its objectives done.
func (s *State) Score(side Side) int {
	n := 0
	if o, ok := s.OutcomeInfo(); ok {
		n = o.Score[side]
	}
	for i := range s.Objectives {
		if o := &s.Objectives[i]; o.Side == side && s.Done(o) {
			n += o.Points
		}
	}
	return min(max(n, 0), MaxScore)
}

// ObjectiveTold is an objective as a side is told it during the battle.
type ObjectiveTold struct {
	*Objective
	Done  bool // it holds now (meaningful only when Known)
	Known bool // every one of its conditions is something the side may know
}

// ObjectivesFor lists the objectives of a side (of both when both is true)
// as side may know them now: whether each holds, when every condition it
// asks is one the side can tell, that is one about the turn, losses, the
// minefields, the stations, or only its own units.
func (s *State) ObjectivesFor(side Side, both bool) []ObjectiveTold {
	var out []ObjectiveTold
	for i := range s.Objectives {
		o := &s.Objectives[i]
		if o.Side != side && !both {
			continue
		}
		t := ObjectiveTold{Objective: o, Known: true}
		for _, c := range o.When {
			t.Known = t.Known && s.knowable(c, side)
		}
		if t.Known {
			t.Done = s.Done(o)
		}
		out = append(out, t)
	}
	return out
}

// knowable reports whether side can tell a condition from what it is shown.
func (s *State) knowable(c Condition, side Side) bool {
	switch c.Name {
	case "terms_accepted", "turn_limit", "turn", "losses",
		"minefield_active", "minefield_inactive", "minefield_down", "minefield_failed",
		"station_lost", "station_held", "station_sabotaged", "station_captured",
		"disabled", "captured", "sabotaged", "held":
		return true
	case "fleet_gone", "withdrawn", "in_area":
		return c.Side == side // its own ships: it knows where they are
	case "holds":
		return false // whether no enemy is there, it may not see
	}
	for _, id := range c.Units {
		if s.Ships[id].Side != side {
			return false
		}
	}
	return true
}
