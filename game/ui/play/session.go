// Package play is the front end's play model, which needs no window: the
// Session (the battle as the front end holds it, every order through the replay
// recorder, undo), the Controller (a player's clicks and keys as actions into
// orders, with the selection, the mode and what a click would do), the Camera
// (world to screen, picking hexes), the status a page or a test reads, and the
// event log's text. It decides no rule: it asks the engine (View, Check,
// Preview). It must not import Ebitengine (see TestNoWindow).
package play

import (
	"errors"
	"fmt"

	"github.com/calltoarms/ds9/game/ai"
	"github.com/calltoarms/ds9/game/replay"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
)

// Human is the name a replay gives a side played by a person.
const Human = "human"

// Session is a battle in progress as the front end holds it: the replay
// recorder every order goes through, who plays each side, and what may be
// taken back. It needs no window.
type Session struct {
	Scenario *scenario.Scenario
	Seed     uint64
	Players  replay.Players
	Humans   [2]bool
	AI       [2]ai.Commander

	rec *replay.Recorder
	// undoable is how many of the last orders may be taken back: orders of the
	// side in its phase that revealed nothing.
	undoable int
	// Changed counts every change of the battle, so views can be refreshed.
	Changed int
	count   int // orders recorded
}

// NewSession starts a battle. players names who plays each side: Human or a
// computer commander's level ("easy", "normal", "hard").
func NewSession(sc *scenario.Scenario, seed uint64, players replay.Players) (*Session, error) {
	rec, err := replay.NewRecorder(sc, seed, players)
	if err != nil {
		return nil, err
	}
	return newSession(sc, seed, players, rec)
}

// ResumeSession continues a saved battle (a replay file) at its turn and phase.
func ResumeSession(sc *scenario.Scenario, f *replay.File) (*Session, error) {
	rec, err := replay.Resume(f, sc)
	if err != nil {
		return nil, err
	}
	s, err := newSession(sc, f.Seed, f.Players, rec)
	if err == nil {
		s.count = f.Orders()
	}
	return s, err
}

func newSession(sc *scenario.Scenario, seed uint64, players replay.Players, rec *replay.Recorder) (*Session, error) {
	s := &Session{Scenario: sc, Seed: seed, Players: players, rec: rec}
	for i, name := range [2]string{players[rules.SideA], players[rules.SideB]} {
		side := rules.Sides[i]
		if name == Human {
			s.Humans[side] = true
			continue
		}
		s.AI[side] = NewCommander(side, name)
	}
	return s, nil
}

// NewCommander returns the computer commander of a level; an unknown level
// gets the normal one.
func NewCommander(side rules.Side, level string) ai.Commander {
	lv, err := ai.ParseLevel(level)
	if err != nil {
		lv, _ = ai.ParseLevel("normal")
	}
	return ai.New(side, lv)
}

// State is the battle now. Read it; change it only through Apply.
func (s *Session) State() *rules.State { return s.rec.State() }

// File is the replay recorded so far (a save game).
func (s *Session) File() *replay.File { return s.rec.File() }

// HumanTurn reports whether a person gives the orders now.
func (s *Session) HumanTurn() bool {
	st := s.State()
	return st.Phase != rules.Over && s.Humans[st.Active]
}

// Apply gives an order through the recorder. A person's order that revealed
// nothing may be undone until something is revealed or the phase ends.
func (s *Session) Apply(o rules.Order, byHuman bool) ([]rules.Event, error) {
	evs, err := s.rec.Apply(o)
	if err != nil {
		return nil, err
	}
	s.Changed++
	s.count++
	if !byHuman || o.Kind == rules.EndPhase || o.Kind == rules.AnswerTerms || revealing(evs) {
		s.undoable = 0
	} else {
		s.undoable++
	}
	return evs, nil
}

func revealing(evs []rules.Event) bool {
	for _, e := range evs {
		if e.Reveals() {
			return true
		}
	}
	return false
}

// CanUndo reports whether the last order may be taken back.
func (s *Session) CanUndo() bool { return s.undoable > 0 }

// ErrNoUndo is returned when nothing may be taken back.
var ErrNoUndo = errors.New("nothing to undo: the last order revealed something or the phase has ended")

// Undo takes back the last order by re-simulating the battle without it, so
// the undone order does not stay in the replay.
func (s *Session) Undo() error {
	if s.undoable == 0 {
		return ErrNoUndo
	}
	orders := s.orders()
	if len(orders) == 0 {
		return ErrNoUndo
	}
	rec, err := replay.NewRecorder(s.Scenario, s.Seed, s.Players)
	if err != nil {
		return err
	}
	for i, o := range orders[:len(orders)-1] {
		if _, err := rec.Apply(o); err != nil {
			return fmt.Errorf("undo: re-simulating order %d (%s): %w", i+1, o, err)
		}
	}
	s.rec = rec
	s.count = len(orders) - 1
	s.undoable--
	s.Changed++
	return nil
}

// orders lists every order recorded so far, in order.
func (s *Session) orders() []rules.Order {
	var out []rules.Order
	for _, t := range s.rec.File().Turns {
		out = append(out, t.Orders...)
	}
	return out
}

// OrderCount is the number of orders recorded so far.
func (s *Session) OrderCount() int { return s.count }

// PlayersFor returns who plays each side of a battle for a title-screen
// choice: a side's id (the person commands it, the computer the other),
// "hotseat" (two people) or "watch" (the computer both); anything else is the
// first side.
func PlayersFor(sc *scenario.Scenario, side, level string) replay.Players {
	switch side {
	case sc.Sides[1].ID:
		return replay.Players{level, Human}
	case "hotseat":
		return replay.Players{Human, Human}
	case "watch":
		return replay.Players{level, level}
	}
	return replay.Players{Human, level}
}

// LossesByTurn re-plays a battle and returns each side's losses at the end
// of every turn (cumulative).
func LossesByTurn(sc *scenario.Scenario, f *replay.File) [][2]int {
	st, err := sc.NewState(f.Seed)
	if err != nil {
		return nil
	}
	var out [][2]int
	for _, t := range f.Turns {
		for _, o := range t.Orders {
			if _, err := st.Apply(o); err != nil {
				return out
			}
		}
		out = append(out, st.Losses)
	}
	return out
}
