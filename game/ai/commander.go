// Package ai holds the computer commanders: each decides a side's orders from
// that side's View only, so it cannot cheat, and issues them through the rules
// engine like a player.
package ai

import (
	"fmt"

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

// PlayPhase lets a commander play the active side's phase to its end: it asks
// for orders, applies them, asks again while orders still take effect, and ends
// the phase. It returns how many orders were refused by the engine.
func PlayPhase(st *rules.State, c Commander, apply Applier) (refused int, err error) {
	side := st.Active
	for range maxRounds {
		if st.Phase == rules.Over || st.Active != side {
			return refused, nil
		}
		orders := c.Orders(st.View(side))
		done := 0
		for _, o := range orders {
			if st.Phase == rules.Over {
				return refused, nil
			}
			if _, err := apply(o); err != nil {
				refused++
				continue
			}
			done++
		}
		if done == 0 {
			break
		}
	}
	if st.Phase == rules.Over || st.Active != side {
		return refused, nil
	}
	if st.Phase == rules.Parley {
		return refused, fmt.Errorf("%s did not answer the surrender terms", c.Name())
	}
	_, err = apply(rules.Order{Kind: rules.EndPhase, Side: side})
	return refused, err
}

// Play runs a battle to its end with a commander for each side.
func Play(st *rules.State, cmd [2]Commander, apply Applier) error {
	if apply == nil {
		apply = st.Apply
	}
	for st.Phase != rules.Over {
		if _, err := PlayPhase(st, cmd[st.Active], apply); err != nil {
			return err
		}
	}
	return nil
}
