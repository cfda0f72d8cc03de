package rules

import (
	"errors"
	"fmt"
)

// Numbers of the rules that belong to no class. docs/rules.md gives them to players.
const (
	RangePenalty = 5  // hit chance lost per hex beyond the first
	MinHit       = 5  // hit chance never falls below this
	MaxHit       = 95 // nor rises above this
	CoverRadius  = 3  // a covering ship protects a ward within this many hexes
	LayReach     = 1  // a mine is laid in the layer's hex or one next to it
	BoardReach   = 1  // boarding needs contact: the range to the station at most this
	CoverPenalty = 20 // hit-chance penalty on attacks against a covered ward
	CoverReturns = 2  // return-fire volleys a covering ship has until its next phase
	MinePierce   = 50 // percent of a mine's damage that bypasses shields
	// CohesionPenalty is the hit-chance penalty of the ships of a wing whose
	// leader's ship has been destroyed (docs/rules.md §9).
	CohesionPenalty = 10

	// The boarding fight (§8 of docs/rules.md): the garrison loses the boarders'
	// troops times a roll of BoardMin..BoardMax percent, only BoardPowered percent
	// of that roll while the station has main power; a result below RepulseBelow
	// throws the boarders back with RepulseDamage to their ship's hull.
	BoardMin      = 0
	BoardMax      = 200
	BoardPowered  = 25
	RepulseBelow  = 50
	RepulseDamage = 10
)

// ErrOver is returned for any order once the battle is decided.
var ErrOver = errors.New("the battle is over")

// Apply carries out an order. It returns the events the order caused, or an error
// that leaves the state exactly as it was.
func (s *State) Apply(o Order) ([]Event, error) {
	if err := s.Check(o); err != nil {
		return nil, fmt.Errorf("%s: %w", o.Format(s.SideIDs), err)
	}
	ev := make([]Event, 0, 8)
	s.carry(o, &ev)
	return ev, nil
}

// Do carries out an order as Apply does, and drops its events: for a battle
// no one watches (a computer commander's rollout), which then neither makes
// nor looks for them (events only tell: no rule reads them). Its error
// leaves the state exactly as it was.
func (s *State) Do(o Order) error {
	if err := s.Check(o); err != nil {
		return fmt.Errorf("%s: %w", o.Format(s.SideIDs), err)
	}
	s.carry(o, nil)
	return nil
}

// carry carries out an order that has passed Check, reporting its events to ev.
func (s *State) carry(o Order, ev *[]Event) {
	switch o.Kind {
	case AnswerTerms:
		s.answerTerms(o, ev)
	case Move:
		s.move(o, ev)
	case Attack:
		a := &s.Ships[o.Ship]
		a.Actions--
		s.attack(a, o.Weapon, &s.Ships[o.Target], o.Section, ev)
	case LayMine:
		s.layMine(o, ev)
	case Cloak, Decloak:
		s.cloak(o, ev)
	case Cover:
		s.cover(o, ev)
	case Evacuate:
		s.evacuate(o, ev)
	case Sabotage:
		s.sabotage(o, ev)
	case Board:
		s.board(o, ev)
	case Withdraw:
		s.withdraw(o, ev)
	case EndPhase:
		s.endPhase(ev)
	case Sweep:
		s.sweep(o, ev)
	case Disable:
		s.disable(o, ev)
	case Command:
		s.command(o, ev)
	case Repair:
		s.repair(o, ev)
	case Reroute:
		s.reroute(o, ev)
	}
	s.checkEnd(ev)
}

// emit reports an event; ev is nil while New sets up the battle (arrivals due on
// turn 1 for the first side), when no one is listening.
func (s *State) emit(ev *[]Event, e Event) {
	if ev == nil {
		return
	}
	e.Turn = s.Turn
	*ev = append(*ev, e)
	if w := s.witness; w != nil {
		if w.held {
			w.seen, w.held = append(w.seen, w.pre), false
		} else {
			w.seen = append(w.seen, s.look(e))
		}
	}
}
