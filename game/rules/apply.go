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
	CoverPenalty = 20 // hit-chance penalty on attacks against a covered ward
	CoverReturns = 2  // return-fire volleys a covering ship has until its next phase
	MinePierce   = 50 // percent of a mine's damage that bypasses shields

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
		return nil, fmt.Errorf("%s: %w", o, err)
	}
	ev := make([]Event, 0, 8)
	switch o.Kind {
	case AnswerTerms:
		s.answerTerms(o, &ev)
	case Move:
		s.move(o, &ev)
	case Attack:
		a := &s.Ships[o.Ship]
		a.Actions--
		s.attack(a, o.Weapon, &s.Ships[o.Target], o.Section, &ev)
	case LayMine:
		s.layMine(o, &ev)
	case Cloak, Decloak:
		s.cloak(o, &ev)
	case Cover:
		s.cover(o, &ev)
	case Evacuate:
		s.evacuate(o, &ev)
	case Sabotage:
		s.sabotage(o, &ev)
	case Board:
		s.board(o, &ev)
	case Withdraw:
		s.withdraw(o, &ev)
	case EndPhase:
		s.endPhase(&ev)
	}
	s.checkEnd(&ev)
	return ev, nil
}

// Check reports whether an order is legal now, without changing anything.
func (s *State) Check(o Order) error {
	if s.Phase == Over {
		return ErrOver
	}
	if !o.Side.Valid() {
		return fmt.Errorf("invalid side")
	}
	if o.Side != s.Active {
		return fmt.Errorf("it is the %s's phase", s.Active)
	}
	if o.Kind >= orderKindCount {
		return fmt.Errorf("unknown order kind %d", uint8(o.Kind))
	}
	if s.Phase == Parley {
		if o.Kind != AnswerTerms {
			return fmt.Errorf("the surrender terms must be answered first")
		}
		return nil
	}
	switch o.Kind {
	case AnswerTerms:
		return fmt.Errorf("no terms are on the table")
	case EndPhase:
		return nil
	}
	sh, err := s.ownShip(o)
	if err != nil {
		return err
	}
	switch o.Kind {
	case Move:
		return s.checkMove(sh, o.Path)
	case Attack:
		return s.checkAttack(sh, o.Weapon, o.Target, o.Section)
	case LayMine:
		return s.checkLayMine(sh, o)
	case Cloak, Decloak:
		return s.checkCloak(sh, o.Kind)
	case Cover:
		return s.checkCover(sh, o.Target)
	case Evacuate:
		return s.checkEvacuate(sh)
	case Sabotage:
		return s.checkSabotage(sh)
	case Board:
		return s.checkBoard(sh, o.Target)
	case Withdraw:
		return s.checkWithdraw(sh)
	}
	return nil
}

func (s *State) ownShip(o Order) (*Ship, error) {
	sh := s.Ship(o.Ship)
	if sh == nil {
		return nil, fmt.Errorf("no ship %d", o.Ship)
	}
	if sh.Side != o.Side {
		return nil, fmt.Errorf("%s is not the %s's", sh.Name, o.Side)
	}
	if !sh.Alive() {
		return nil, fmt.Errorf("%s is not in the battle (%s)", sh.Name, sh.Status)
	}
	if sh.Lost() {
		return nil, fmt.Errorf("%s has been lost", sh.Name)
	}
	return sh, nil
}

func (s *State) needAction(sh *Ship) error {
	if sh.Actions <= 0 {
		return fmt.Errorf("%s has no action left this phase", sh.Name)
	}
	return nil
}

// emit reports an event; ev is nil while New sets up the battle (arrivals due on
// turn 1 for the first side), when no one is listening.
func (s *State) emit(ev *[]Event, e Event) {
	if ev == nil {
		return
	}
	e.Turn = s.Turn
	*ev = append(*ev, e)
}
