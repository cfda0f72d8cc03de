// Package play is the front end's play model, which needs no window: the
// Session (the battle as the front end holds it, every order through the replay
// recorder, undo), the Controller (a player's clicks and keys as actions into
// orders, with the selection, the mode and what a click would do), the Camera
// (world to screen, picking hexes), the status a page or a test reads, and the
// event log's text. It decides no rule: it asks the engine (View, Check,
// Options, Preview). It must not import Ebitengine (see TestNoWindow).
//
// The front end learns of the battle only through the engine's side's-eye
// API, as boardgame.io's players see through playerView: a side's View, the
// events of each order as that side is told them (rules.Told), the summary,
// and the facts every side knows alike (Public). The rules.State stays inside
// the Session, in this file alone (see TestSidesEyeOnly in game/ui).
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
// taken back. It hands out each side's View and what each side is told of
// every order, never the battle's state itself. It needs no window.
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

	resumed bool // the battle was resumed from a save

	views  [2]*rules.View // each side's view, built when asked for
	viewAt [2]int         // Changed when views[side] was built

	// Background has a computer commander that thinks before its phase
	// (ai.Thinker: the hard level) think in the background: ComputerOrder
	// gives nothing until it is done, and the frames run meanwhile. Off, it
	// thinks in ComputerOrder.
	Background bool
	thinking   chan struct{} // closed when the background thinking is done

	phase   *ai.Phase       // the computer's phase being played, one order at a time
	standIn [2]ai.Commander // commanders for sides a person plays, to play a battle out
	exec    [2]*ai.Executor // who carries out a person's wing orders, by side
}

// Carry plans the orders that carry out the standing orders of one of
// side's wings (ai.Executor), from side's view now: the ship orders to give
// one by one, each checked when it is given.
func (s *Session) Carry(side rules.Side, wing int) []rules.Order {
	if s.exec[side] == nil {
		s.exec[side] = ai.NewExecutor()
	}
	return s.exec[side].Carry(s.View(side), wing)
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
		s.resumed = true
	}
	return s, err
}

// Resumed reports whether the battle was resumed from a save (a replay file)
// rather than begun.
func (s *Session) Resumed() bool { return s.resumed }

func newSession(sc *scenario.Scenario, seed uint64, players replay.Players, rec *replay.Recorder) (*Session, error) {
	s := &Session{Scenario: sc, Seed: seed, Players: players, rec: rec, viewAt: [2]int{-1, -1}}
	for i, name := range players {
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

// TurnStartViews re-plays the battle so far and returns side's view at the
// start of each of its turns, each the caller's own (for the advisor's look
// back over a battle).
func (s *Session) TurnStartViews(side rules.Side) ([]*rules.View, error) {
	f, sc := s.File(), s.Scenario
	var views []*rules.View
	if st, err := sc.NewState(f.Seed); err == nil {
		views = append(views, st.View(side))
	}
	_, err := replay.VerifyTold(f, sc, func(t replay.Told) {
		if t.State.Phase != rules.Over && t.State.Turn > len(views) {
			views = append(views, t.State.View(side))
		}
	})
	return views, err
}

// FreshView returns a new view of side, the caller's own (View's are
// shared with the rest of the session): for work in the background.
func (s *Session) FreshView(side rules.Side) *rules.View { return s.state().View(side) }

// state is the battle itself, for this file and for the package's tests
// (which check the views against it); nothing else reads it.
func (s *Session) state() *rules.State { return s.rec.State() }

// View is what side's sensors show now. It is built once for each change of
// the battle and shared: read it, never change it.
func (s *Session) View(side rules.Side) *rules.View {
	if !side.Valid() {
		return nil
	}
	if s.views[side] == nil || s.viewAt[side] != s.Changed {
		s.views[side] = s.state().View(side)
		s.viewAt[side] = s.Changed
	}
	return s.views[side]
}

// Public is what every side knows alike of the battle now.
type Public struct {
	Name      string
	Turn      int
	TurnLimit int
	Active    rules.Side
	Phase     rules.Phase
	Outcome   string // the outcome's id once decided
	Winner    rules.Side
	Terms     rules.Terms // the surrender terms: not answered, refused or accepted
	Forces    [2]int
	Losses    [2]int
}

// Public returns the facts of the battle that no side keeps from the other.
func (s *Session) Public() Public {
	st := s.state()
	return Public{
		Name: st.Name, Turn: st.Turn, TurnLimit: st.TurnLimit, Active: st.Active, Phase: st.Phase,
		Outcome: st.Outcome, Winner: st.Winner, Forces: st.Forces, Losses: st.Losses, Terms: st.Terms,
	}
}

// StationAtEnd is the battle's station, the one the summary reports on (the
// first minefield's owner's, else the first side's), as it is once the
// battle is over: what every side knows alike then. ok is false before
// the end, or when the battle has no station.
func (s *Session) StationAtEnd() (sh rules.Ship, ok bool) {
	st := s.state()
	if st.Phase != rules.Over {
		return rules.Ship{}, false
	}
	if p := st.Station(st.Guardian()); p != nil {
		return *p, true
	}
	return rules.Ship{}, false
}

// Objectives are the objectives of a side (of both, for a watcher) as that
// side may know them now: the engine says which it can tell are done.
func (s *Session) Objectives(side rules.Side, both bool) []rules.ObjectiveTold {
	return s.state().ObjectivesFor(side, both)
}

// Summary is the record of the battle as tools print it (the after-action
// report reads it once the battle is over).
func (s *Session) Summary() rules.Summary { return s.state().Summarize() }

// Outcome is the decided outcome's description from the scenario, if the
// battle is decided.
func (s *Session) Outcome() (rules.Outcome, bool) {
	st := s.state()
	if st.Phase != rules.Over {
		return rules.Outcome{}, false
	}
	return OutcomeByID(s.Scenario, st.Outcome)
}

// Final is a copy of the battle's state once it is over (false before): what
// a campaign records of it.
func (s *Session) Final() (*rules.State, bool) {
	st := s.state()
	if st.Phase != rules.Over {
		return nil, false
	}
	return st.Clone(), true
}

// File is the replay recorded so far (a save game).
func (s *Session) File() *replay.File { return s.rec.File() }

// HumanTurn reports whether a person gives the orders now.
func (s *Session) HumanTurn() bool {
	st := s.state()
	return st.Phase != rules.Over && s.Humans[st.Active]
}

// Applied is an order the engine carried out, as each side was told it: the
// events the engine let each side know (rules.Told: ships it may not know of
// left out as rules.NoShip, with their places), and each side's view just
// before and just after the order, to put names to them.
type Applied struct {
	Order         rules.Order
	Told          rules.Told
	Before, After [2]*rules.View
}

// Sight is what side knows to name the ships of the order's events.
func (a *Applied) Sight(side rules.Side) Sight {
	return Sight{Before: a.Before[side], After: a.After[side]}
}

// Apply gives an order through the recorder, which has the engine redact its
// events for each side. A person's order that revealed nothing to their side
// may be undone until something is revealed or the phase ends.
func (s *Session) Apply(o rules.Order, byHuman bool) (*Applied, error) {
	a := &Applied{Order: o}
	for _, side := range rules.Sides {
		a.Before[side] = s.View(side)
	}
	_, told, err := s.rec.ApplyRedacted(o)
	if err != nil {
		return nil, err
	}
	a.Told = told
	s.Changed++
	s.count++
	for _, side := range rules.Sides {
		a.After[side] = s.View(side)
	}
	if !byHuman || o.Kind == rules.EndPhase || o.Kind == rules.AnswerTerms || !o.Side.Valid() || revealing(told[o.Side]) {
		s.undoable = 0
	} else {
		s.undoable++
	}
	return a, nil
}

// revealing reports whether any of the events told to a side reveals
// something to it (rules.Event.Reveals).
func revealing(told []rules.Event) bool {
	for _, e := range told {
		if e.Reveals() {
			return true
		}
	}
	return false
}

// commander is who plays side's orders when the computer does: its computer
// commander, or, for a side a person plays, a normal one standing in.
func (s *Session) commander(side rules.Side) ai.Commander {
	if c := s.AI[side]; c != nil {
		return c
	}
	if s.standIn[side] == nil {
		s.standIn[side] = NewCommander(side, "normal")
	}
	return s.standIn[side]
}

// maxComputerTries bounds how many orders the computer may have refused in a
// row before ComputerOrder gives up.
const maxComputerTries = 1000

// ComputerOrder has the computer commander of the active side give its next
// order, so that a front end can show each order before the next: the
// commander plans from its side's view, and each planned order is checked
// against what the side knows now (ai.Phase). It returns the order as each
// side was told it, or nil when the battle is over or a person commands the
// active side (with standIn, a normal commander plays for the person: the
// battle is played out).
func (s *Session) ComputerOrder(standIn bool) (*Applied, error) {
	for range maxComputerTries {
		st := s.state()
		if st.Phase == rules.Over || (s.Humans[st.Active] && !standIn) {
			return nil, nil
		}
		if s.phase == nil || s.phase.Side != st.Active || s.phase.Ended() {
			s.phase = &ai.Phase{Cmd: s.commander(st.Active), Side: st.Active}
		}
		if s.Background && s.waitThinking(st) {
			return nil, nil
		}
		p := s.phase
		o, ok := p.Next(st)
		if !ok {
			s.phase = nil
			continue
		}
		a, err := s.Apply(o, false)
		p.Done(err == nil)
		if err == nil {
			return a, nil
		}
	}
	return nil, fmt.Errorf("the computer's orders were refused %d times in a row", maxComputerTries)
}

// Thinking reports whether a computer commander is thinking about its phase
// in the background (Background): ComputerOrder gives nothing meanwhile.
func (s *Session) Thinking() bool {
	if s.thinking == nil {
		return false
	}
	select {
	case <-s.thinking:
		s.thinking = nil
		return false
	default:
		return true
	}
}

// waitThinking reports whether the active side's commander is thinking in
// the background, and starts it thinking about the phase when it has not.
func (s *Session) waitThinking(st *rules.State) bool {
	if s.Thinking() {
		return true
	}
	t, ok := s.phase.Cmd.(ai.Thinker)
	if !ok {
		return false
	}
	if t.Thought(s.View(st.Active)) {
		return false
	}
	v := st.View(st.Active) // its own copy: the battle goes on meanwhile
	done := make(chan struct{})
	s.thinking = done
	go func() {
		defer close(done)
		t.Think(v, pacer())
	}()
	return true
}

// PlayOut has the computer play the battle to its end, the sides a person
// plays too (the report of a battle not fought to its end).
func (s *Session) PlayOut() error {
	for s.state().Phase != rules.Over {
		if _, err := s.ComputerOrder(true); err != nil {
			return err
		}
	}
	return nil
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
	s.phase = nil
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
// of every turn (cumulative): what both sides know alike.
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
