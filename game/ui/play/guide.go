package play

import (
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
)

// Guide follows a scenario's guided first turns (scenario.GuideStep) for the
// side a person commands: the step shown is the first not yet done, and a
// step is done once the player has selected the unit it names, a wing, or
// given an order of the kind it asks for. It needs no window.
type Guide struct {
	steps []scenario.GuideStep
	at    int
}

// NewGuide returns the guide of a scenario for side, or nil when it has none.
func NewGuide(sc *scenario.Scenario, side rules.Side) *Guide {
	g := &Guide{}
	for _, st := range sc.Guide {
		if st.Side == side {
			g.steps = append(g.steps, st)
		}
	}
	if len(g.steps) == 0 {
		return nil
	}
	return g
}

// Current is the step to show, false once the guide is done.
func (g *Guide) Current() (scenario.GuideStep, bool) {
	if g == nil || g.at >= len(g.steps) {
		return scenario.GuideStep{}, false
	}
	return g.steps[g.at], true
}

// Progress says which step is shown, of how many (1-based).
func (g *Guide) Progress() (step, of int) { return g.at + 1, len(g.steps) }

// Watch moves past the steps the controller's selection has done.
func (g *Guide) Watch(c *Controller) {
	for {
		st, ok := g.Current()
		if !ok {
			return
		}
		switch u := st.Until; {
		case u.Kind == "selected" && c.Selected == u.Unit,
			u.Kind == "wing" && c.WingSel() != nil:
			g.at++
		default:
			return
		}
	}
}

// Ordered moves past the step an order of the player's has done.
func (g *Guide) Ordered(o rules.Order) {
	if st, ok := g.Current(); ok && st.Until.Kind == "order" && st.Until.Order == o.Kind && o.Side == st.Side {
		g.at++
	}
}
