// Package ai holds the computer commanders: each decides a side's orders from
// that side's View only, so it cannot cheat, and issues them through the rules
// engine like a player.
package ai

import (
	"fmt"
	"sync"

	"github.com/calltoarms/ds9/game/rules"
)

// Commander plans a side's orders for the phase in progress.
type Commander interface {
	// Name says who commands, for replays and summaries ("baseline", "normal"…).
	Name() string
	// Orders returns orders for the side's ships that still have movement or
	// actions, planned from the side's view. EndPhase is not among them: the
	// driver ends the phase. Orders that turn out illegal are skipped.
	Orders(v *rules.View) []rules.Order
}

// Applier carries out one order; the driver calls it for every order, so a
// recorder or a front end can stand between the commander and the engine.
type Applier func(o rules.Order) ([]rules.Event, error)

// maxRounds bounds how many times a commander is asked again within one phase
// once its earlier orders have changed the picture.
const maxRounds = 4

// Phase plays a commander's phase one order at a time, so that a front end can
// show each order's events before the next. It asks for orders, hands them out,
// asks again while the last round's orders took effect (at most maxRounds
// times), and closes with EndPhase; in a parley a commander that gives no answer
// refuses the terms.
//
// A commander plans a round of orders from one view, and the battle moves on as
// they are given: a target is destroyed sooner than expected, a hidden ship
// stops a move. So before each order is given it is checked against the
// side's knowledge now (View.Check's rule, through State.Check); a plan's order
// that no longer holds is dropped, not given, and the commander plans again
// with what it now knows. Stale counts them.
type Phase struct {
	Cmd   Commander
	Side  rules.Side
	Stale int // planned orders dropped because the battle had moved on
	queue []rules.Order
	round int
	done  int
	ended bool
	spare **rules.View // Play's: the view to write over for a commander that keeps none (rules.State.ViewOver)
	// unchecked: Play's, when its applier is State.Do, which checks every
	// order itself: Next hands out the queue's orders as they are, and one
	// that no longer holds is refused there rather than dropped here (the
	// battle goes on alike; only Stale does not count it).
	unchecked bool
}

// Next returns the next order to give, or false when the phase is no longer the
// side's to play.
func (p *Phase) Next(st *rules.State) (rules.Order, bool) {
	if p.ended || st.Phase == rules.Over || st.Active != p.Side {
		return rules.Order{}, false
	}
	for len(p.queue) == 0 {
		if p.round >= maxRounds || (p.round > 0 && p.done == 0) {
			return p.close(st), true
		}
		p.queue = p.Cmd.Orders(p.view(st))
		p.round++
		p.done = 0
		if len(p.queue) == 0 {
			return p.close(st), true
		}
	}
	for len(p.queue) > 0 {
		o := p.queue[0]
		p.queue = p.queue[1:]
		if p.unchecked || st.Check(o) == nil {
			return o, true
		}
		p.Stale++
	}
	return p.Next(st)
}

// view is the side's view for the next round of orders.
func (p *Phase) view(st *rules.State) *rules.View {
	if p.spare == nil || !keepsNoView(p.Cmd) {
		return st.View(p.Side)
	}
	*p.spare = st.ViewOver(*p.spare, p.Side)
	return *p.spare
}

// keepsNoView reports whether a commander keeps nothing of a view once its
// Orders has returned, so that the view may be written over for its next
// orders: the computer commanders of this package, which plan each round
// afresh from the view they are given and remember only copies.
func keepsNoView(c Commander) bool {
	_, ok := c.(*commander)
	return ok
}

func (p *Phase) close(st *rules.State) rules.Order {
	p.ended = true
	if st.Phase == rules.Parley {
		return rules.Order{Kind: rules.AnswerTerms, Side: p.Side}
	}
	return rules.Order{Kind: rules.EndPhase, Side: p.Side}
}

// Ended reports whether the phase has given its closing order.
func (p *Phase) Ended() bool { return p.ended }

// Done tells the phase whether the order it last gave took effect.
func (p *Phase) Done(ok bool) {
	if ok {
		p.done++
	}
}

// PlayPhase lets a commander play the active side's phase to its end through
// apply. It returns how many of its orders the engine refused, or the error of
// the closing order (EndPhase, or the answer to the terms).
func PlayPhase(st *rules.State, c Commander, apply Applier) (refused int, err error) {
	return playPhase(st, c, apply, nil, false)
}

// playPhase is PlayPhase, with spare (when not nil) the view to write over,
// and unchecked when apply checks every order (Phase.unchecked).
func playPhase(st *rules.State, c Commander, apply Applier, spare **rules.View, unchecked bool) (refused int, err error) {
	p := &Phase{Cmd: c, Side: st.Active, spare: spare, unchecked: unchecked}
	for {
		o, ok := p.Next(st)
		if !ok {
			return refused, nil
		}
		_, err := apply(o)
		if p.ended {
			if err != nil {
				return refused, fmt.Errorf("%s: %w", c.Name(), err)
			}
			return refused, nil
		}
		if err != nil {
			refused++
		}
		p.Done(err == nil)
	}
}

// Play runs a battle to its end with a commander for each side, through
// apply (nil: the orders are carried out and their events dropped).
func Play(st *rules.State, cmd [2]Commander, apply Applier) error {
	unchecked := apply == nil // State.Do checks each order
	if apply == nil {
		apply = func(o rules.Order) ([]rules.Event, error) { return nil, st.Do(o) }
	}
	var spare [2]*rules.View // each side's last view, written over for its next
	for i := range spare {
		spare[i], _ = spareViews.Get().(*rules.View)
	}
	for st.Phase != rules.Over {
		if _, err := playPhase(st, cmd[st.Active], apply, &spare[st.Active], unchecked); err != nil {
			return err
		}
	}
	for _, v := range spare {
		if v != nil {
			spareViews.Put(v) // no one holds it: only keepsNoView commanders were shown it
		}
	}
	release(cmd) // the battle is over: they have no more orders to plan
	return nil
}

// release leaves the scratch space of the computer commanders of a battle
// played out, which no one uses any more, to the commanders made next (a
// commander asked for orders again makes its own: ready).
func release(cmd [2]Commander) {
	for _, c := range cmd {
		if c, ok := c.(*commander); ok && c.search == nil && c.crew != nil {
			spareCrews.Put(c.crew)
			spareFleets.Put(c.fleet)
			c.crew, c.fleet = nil, nil
		}
	}
}

// spareStates holds the battles sampled and played to their end, for the
// next to write over (rules.SampleOver).
var spareStates sync.Pool

// spareViews holds the views of battles played to their end, for the next
// battles to write over (rules.State.ViewOver takes a view of any battle).
var spareViews sync.Pool
