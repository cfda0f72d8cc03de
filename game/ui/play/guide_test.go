package play

import (
	"testing"

	"github.com/calltoarms/ds9/game/rules"
)

// The flagship's guide for the Alliance: each step is done by what it asks,
// and only by that; the Dominion's player has a guide of their own.
func TestGuide(t *testing.T) {
	s, c := allianceTurn(t)
	g := NewGuide(s.Scenario, rules.SideA)
	if g == nil || NewGuide(s.Scenario, rules.SideB) == nil {
		t.Fatal("the flagship has no guide for each side")
	}
	st, _ := g.Current()
	if st.Until.Kind != "selected" {
		t.Fatalf("first step: %+v", st.Until)
	}
	c.Deselect()
	g.Watch(c)
	if n, _ := g.Progress(); n != 1 {
		t.Fatalf("step %d with nothing selected", n)
	}
	c.Select(st.Until.Unit)
	g.Watch(c)
	next, _ := g.Current()
	if n, _ := g.Progress(); n != 2 || next.Until.Kind != "order" {
		t.Fatalf("after selecting the unit: step %d %+v", n, next.Until)
	}
	g.Ordered(rules.Order{Kind: rules.Move, Side: rules.SideA})
	if n, _ := g.Progress(); n != 2 {
		t.Error("a move did the step asking for another order")
	}
	g.Ordered(rules.Order{Kind: next.Until.Order, Side: rules.SideB})
	if n, _ := g.Progress(); n != 2 {
		t.Error("the other side's order did the step")
	}
	g.Ordered(rules.Order{Kind: next.Until.Order, Side: rules.SideA})
	if n, _ := g.Progress(); n != 3 {
		t.Errorf("step %d after the order it asked for", n)
	}
	var nilGuide *Guide
	if _, ok := nilGuide.Current(); ok {
		t.Error("a nil guide has a step")
	}
}
