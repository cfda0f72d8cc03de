package rules

// answerTerms settles the surrender terms offered before the battle.
func (s *State) answerTerms(o Order, ev *[]Event) {
	if o.Accept {
		s.Terms = TermsAccepted
		s.emit(ev, Event{Kind: TermsAcceptedEvent, Side: o.Side})
		return
	}
	s.Terms = TermsRefused
	s.emit(ev, Event{Kind: TermsRefusedEvent, Side: o.Side})
	s.Phase = Battle
	s.Active = s.First
	s.emit(ev, Event{Kind: TurnBegan})
	s.beginPhase(ev)
}

// endPhase hands the turn to the other side, or ends the turn.
func (s *State) endPhase(ev *[]Event) {
	if s.Active == s.First {
		s.Active = s.First.Other()
		s.beginPhase(ev)
		return
	}
	s.emit(ev, Event{Kind: TurnEnded})
	if s.Turn >= s.TurnLimit {
		s.turnEnded = true
		return
	}
	s.Turn++
	s.Active = s.First
	s.emit(ev, Event{Kind: TurnBegan})
	s.beginPhase(ev)
}

// beginPhase readies the active side: arrivals, the minefield's replication, the
// evacuation's progress, movement, actions and shields.
func (s *State) beginPhase(ev *[]Event) {
	side := s.Active
	if ev != nil {
		s.emit(ev, Event{Kind: PhaseBegan, Side: side})
	}
	s.reinforce(side, ev)
	s.replicate(side, ev)
	restored := 0
	for i := range s.Ships {
		sh := &s.Ships[i]
		if !sh.Alive() {
			continue
		}
		c := &s.Classes[sh.Class]
		if sh.Side != side {
			if c.Station {
				sh.Volleys = c.ReactionVolleys
			}
			continue
		}
		sh.MP = c.Speed
		sh.Actions = c.Actions
		s.setCovering(sh, NoShip)
		if c.Station {
			if sh.EvacuateAt > 0 && !sh.Evacuated && s.Turn >= sh.EvacuateAt {
				sh.Evacuated = true
				sh.Garrison = 0
				s.emit(ev, Event{Kind: Evacuated, Side: side, Ship: sh.ID})
			}
			if !sh.MainPower || sh.Lost() {
				continue
			}
		}
		if sh.Shields < c.Shields {
			add := min(c.ShieldRegen, c.Shields-sh.Shields)
			sh.Shields += add
			restored += add
		}
	}
	if restored > 0 {
		s.emit(ev, Event{Kind: ShieldsRestored, Side: side, Value: restored})
	}
}
