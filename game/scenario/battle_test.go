package scenario_test

import (
	"fmt"
	"time"

	"github.com/calltoarms/ds9/game/ai"
	"github.com/calltoarms/ds9/game/rules"
)

// playOut plays a battle to its end with the normal computer commanders, one
// order at a time, checking the invariants after every order. It fails when the
// battle breaks an invariant, takes more than maxOrders orders or runs past the
// deadline; a panic is the caller's to see.
func playOut(st *rules.State, maxOrders int, limit time.Duration) error {
	var cmd [2]ai.Commander
	for _, side := range rules.Sides {
		c, err := ai.Parse(side, "normal")
		if err != nil {
			return err
		}
		cmd[side] = c
	}
	start, orders := time.Now(), 0
	for st.Phase != rules.Over {
		p := &ai.Phase{Cmd: cmd[st.Active], Side: st.Active}
		for {
			o, ok := p.Next(st)
			if !ok {
				break
			}
			orders++
			_, err := st.Apply(o)
			if p.Ended() && err != nil {
				return fmt.Errorf("turn %d: closing order %s: %w", st.Turn, o, err)
			}
			p.Done(err == nil)
			if err := st.CheckInvariants(); err != nil {
				return fmt.Errorf("turn %d, after %s: %w", st.Turn, o, err)
			}
			if orders > maxOrders {
				return fmt.Errorf("turn %d: still playing after %d orders", st.Turn, orders)
			}
			if d := time.Since(start); d > limit {
				return fmt.Errorf("turn %d: still playing after %v (%d orders)", st.Turn, d, orders)
			}
		}
	}
	if st.Outcome == "" {
		return fmt.Errorf("over without an outcome")
	}
	return nil
}
