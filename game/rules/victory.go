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
