package replay

import (
	"fmt"

	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
)

// Recorder stands between whoever gives orders and the rules engine: every order
// it applies successfully is recorded, and the state's checksum is written when a
// turn ends or the battle does. Its Apply is an ai.Applier.
type Recorder struct {
	st *rules.State
	f  File
}

// NewRecorder starts a battle of sc with seed and records it.
func NewRecorder(sc *scenario.Scenario, seed uint64, players Players) (*Recorder, error) {
	st, err := sc.NewState(seed)
	if err != nil {
		return nil, err
	}
	return &Recorder{st: st, f: File{
		Version: Version, Scenario: sc.ID, ScenarioHash: sc.Hash, Seed: seed, Sides: sc.Setup.SideIDs, Variant: sc.Variant, Players: players,
	}}, nil
}

// State is the battle being recorded. Read it freely; change it only through the
// recorder's Apply, or the record no longer describes it.
func (r *Recorder) State() *rules.State { return r.st }

// Apply carries out an order and, when the engine accepts it, records it.
func (r *Recorder) Apply(o rules.Order) ([]rules.Event, error) {
	turn := r.st.Turn
	ev, err := r.st.Apply(o)
	if err != nil {
		return nil, err
	}
	r.record(turn, o, ev)
	return ev, nil
}

// ApplyRedacted is Apply that also returns what each side is told of the
// order (rules.State.ApplyRedacted).
func (r *Recorder) ApplyRedacted(o rules.Order) ([]rules.Event, rules.Told, error) {
	turn := r.st.Turn
	ev, told, err := r.st.ApplyRedacted(o)
	if err != nil {
		return nil, told, err
	}
	r.record(turn, o, ev)
	return ev, told, nil
}

// record writes an accepted order given during turn, and the checksum when it
// closed the turn.
func (r *Recorder) record(turn int, o rules.Order, ev []rules.Event) {
	n := len(r.f.Turns)
	if n == 0 || r.f.Turns[n-1].Checksum != "" || r.f.Turns[n-1].Turn != turn {
		r.f.Turns = append(r.f.Turns, Turn{Turn: turn})
		n++
	}
	t := &r.f.Turns[n-1]
	if o.Path != nil {
		o.Path = append(o.Path[:0:0], o.Path...)
	}
	t.Orders = append(t.Orders, o)
	if turnClosed(r.st, ev) {
		t.Checksum = r.st.ChecksumHex()
	}
}

// turnClosed reports whether the order that yielded ev ended its turn or the battle.
func turnClosed(st *rules.State, ev []rules.Event) bool {
	if st.Phase == rules.Over {
		return true
	}
	for _, e := range ev {
		if e.Kind == rules.TurnEnded {
			return true
		}
	}
	return false
}

// File returns a copy of the record so far; once the battle is over its Result
// is filled in.
func (r *Recorder) File() *File {
	f := r.f.clone()
	if r.st.Phase == rules.Over {
		s := r.st.Summarize()
		f.Result = &s
	}
	return f
}

// Divergence is where a replay stops agreeing with the rules engine: an order the
// engine refuses, an order after the battle's end, or a checksum that differs.
type Divergence struct {
	Turn   int
	Order  int // 1-based index within the turn; for a checksum, the turn's last order
	Reason string
}

func (d *Divergence) Error() string {
	return fmt.Sprintf("diverges at turn %d, order %d: %s", d.Turn, d.Order, oneLine(d.Reason))
}

// Verify re-plays a replay against its scenario and returns the final state. It
// fails when the replay names another scenario or another version of its file
// (hash), and with a *Divergence at the first order the engine refuses or the
// first turn whose checksum differs, or when the result differs.
func Verify(f *File, sc *scenario.Scenario) (*rules.State, error) {
	st, _, err := replay(f, sc, nil)
	return st, err
}

// Told is one order of a replay as the sides were told it.
type Told struct {
	Turn, Order int // the order's turn, and its number within the turn from 1
	Given       rules.Order
	Events      []rules.Event // everything the order caused
	Told        rules.Told    // what each side was told of it
	State       *rules.State  // the battle just after the order; read only
}

// VerifyTold is Verify that also hands each order, with what each side was
// told of it, to each as it is re-played.
func VerifyTold(f *File, sc *scenario.Scenario, each func(Told)) (*rules.State, error) {
	st, _, err := replay(f, sc, each)
	return st, err
}

// Resume re-plays a save game (a replay, finished or not) and returns a Recorder
// that carries on recording from the saved turn and phase.
func Resume(f *File, sc *scenario.Scenario) (*Recorder, error) {
	st, rec, err := replay(f, sc, nil)
	if err != nil {
		return nil, err
	}
	rec.Result = nil
	return &Recorder{st: st, f: *rec}, nil
}

func replay(f *File, sc *scenario.Scenario, each func(Told)) (*rules.State, *File, error) {
	if f == nil || sc == nil {
		return nil, nil, fmt.Errorf("replay: no replay or no scenario")
	}
	if f.Version != Version {
		return nil, nil, fmt.Errorf("replay format version %d, this program reads version %d", f.Version, Version)
	}
	if f.Scenario != sc.ID {
		return nil, nil, fmt.Errorf("the replay is of scenario %q, not %q", f.Scenario, sc.ID)
	}
	if f.Sides != sc.Setup.SideIDs {
		return nil, nil, fmt.Errorf("the replay's sides are %s and %s, the scenario's %s and %s", f.Sides[0], f.Sides[1], sc.Setup.SideIDs[0], sc.Setup.SideIDs[1])
	}
	if f.ScenarioHash != sc.Hash {
		return nil, nil, fmt.Errorf("scenario %s has changed since the replay was recorded (hash %.12s…, the replay has %.12s…)", sc.ID, sc.Hash, f.ScenarioHash)
	}
	rec, err := NewRecorder(sc, f.Seed, f.Players)
	if err != nil {
		return nil, nil, err
	}
	st := rec.st
	for ti := range f.Turns {
		t := &f.Turns[ti]
		for oi, o := range t.Orders {
			div := func(format string, args ...any) error {
				return &Divergence{Turn: t.Turn, Order: oi + 1, Reason: fmt.Sprintf(format, args...)}
			}
			if st.Phase == rules.Over {
				return nil, nil, div("the battle was already over (%s) before this order", st.Outcome)
			}
			if st.Turn != t.Turn {
				return nil, nil, div("the battle is at turn %d, the order is recorded for turn %d", st.Turn, t.Turn)
			}
			if each == nil {
				if _, err := rec.Apply(o); err != nil {
					return nil, nil, div("illegal order: %v", err)
				}
				continue
			}
			evs, told, err := rec.ApplyRedacted(o)
			if err != nil {
				return nil, nil, div("illegal order: %v", err)
			}
			each(Told{Turn: t.Turn, Order: oi + 1, Given: o, Events: evs, Told: told, State: st})
		}
		got := rec.f.Turns[len(rec.f.Turns)-1]
		last := len(t.Orders)
		switch {
		case t.Checksum == "" && got.Checksum != "":
			if ti < len(f.Turns)-1 {
				return nil, nil, &Divergence{Turn: t.Turn, Order: last, Reason: "the turn has no checksum"}
			}
			// An unfinished save's last turn ended after all: no checksum to compare.
		case t.Checksum != "" && got.Checksum == "":
			return nil, nil, &Divergence{Turn: t.Turn, Order: last, Reason: "the turn's orders end without ending the turn (no end-phase) though a checksum is recorded"}
		case t.Checksum != got.Checksum:
			return nil, nil, &Divergence{Turn: t.Turn, Order: last, Reason: fmt.Sprintf("checksum after the turn is %s, the replay has %s", got.Checksum, t.Checksum)}
		}
	}
	if f.Result != nil {
		if st.Phase != rules.Over {
			return nil, nil, fmt.Errorf("the replay ends before the battle does (turn %d, %s's phase) but records a result", st.Turn, st.Active)
		}
		if s := st.Summarize(); !s.Equal(*f.Result) {
			return nil, nil, fmt.Errorf("result differs: the battle ends %s after %d turns (checksum %s), the replay says %s after %d turns (checksum %s)",
				s.Outcome, s.Turns, s.Checksum, f.Result.Outcome, f.Result.Turns, f.Result.Checksum)
		}
	}
	return st, &rec.f, nil
}
