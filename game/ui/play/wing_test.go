package play

import (
	"testing"

	"github.com/calltoarms/ds9/game/rules"
)

// dominionTurn starts the flagship with the player on the Dominion side, at
// its first phase.
func dominionTurn(t *testing.T) (*Session, *Controller) {
	t.Helper()
	sc := loadFlagship(t)
	s, err := NewSession(sc, 7, PlayersFor(sc, "dominion", "normal"))
	if err != nil {
		t.Fatal(err)
	}
	playComputer(t, s)
	c := NewController(s, rules.SideB)
	if !c.MyTurn() {
		t.Fatalf("not the Dominion's turn: %+v", s.Public())
	}
	return s, c
}

// A click on a wing's ship selects the wing, a second one the ship alone;
// a click with the wing selected gives it a command order, and its ships'
// orders (only theirs) follow one by one through Step, each given through
// the session; Stop drops the rest.
func TestWingThroughTheController(t *testing.T) {
	s, c := dominionTurn(t)
	if !c.NextWing(1) {
		t.Fatal("NextWing found no wing")
	}
	w := *c.WingSel()
	lead := c.Selected
	if sh := c.View.Ship(lead); sh == nil || sh.Wing != w.Index {
		t.Fatalf("the wing's selected ship %v is not of %s", lead, w.Name)
	}
	// A second click on the ship: that ship alone.
	if _, err := c.Click(c.View.Ship(lead).Pos); err != nil || c.Wing != -1 || c.Selected != lead {
		t.Fatalf("a second click: wing %d, selected %v (%v)", c.Wing, c.Selected, err)
	}
	// A click on it again, from ship mode: still that ship; Y: its wing.
	if _, err := c.Do(ActWing); err != nil || c.Wing != w.Index {
		t.Fatalf("ActWing: wing %d (%v)", c.Wing, err)
	}
	// A hex far from everything: advance on it.
	var to = c.View.Ship(lead).Pos
	for _, r := range c.View.Options(lead).Moves {
		if c.View.ShipAt(r.Hex) == nil {
			to = r.Hex
		}
	}
	hv := c.HoverAt(to)
	if !hv.Command || hv.CommandTo.Directive != rules.Advance || hv.CommandTo.At != to {
		t.Fatalf("the hover offers %+v", hv)
	}
	n := s.OrderCount()
	if _, err := c.Click(to); err != nil {
		t.Fatal(err)
	}
	if got := c.View.Wing(w.Index); got.Directive != rules.Advance || got.Hold != to {
		t.Fatalf("the wing's orders after the click: %s %v", got.Directive, got.Hold)
	}
	if !c.Busy() {
		t.Fatal("nothing to carry out after the order")
	}
	for _, o := range c.pending {
		if sh := c.View.Ship(o.Ship); sh == nil || sh.Wing != w.Index {
			t.Fatalf("planned order %s is not for a ship of %s", o.Format(c.View.SideIDs), w.Name)
		}
	}
	given := 0
	for c.Busy() {
		a, err := c.Step()
		if err != nil {
			t.Fatal(err)
		}
		if a == nil {
			break
		}
		given++
		sh := c.View.Ship(a.Order.Ship)
		if sh == nil || sh.Wing != w.Index {
			t.Fatalf("order %s is not for a ship of %s", a.Order.Format(c.View.SideIDs), w.Name)
		}
		if given == 3 {
			c.Stop()
		}
	}
	if given != 3 || s.OrderCount() != n+1+3 {
		t.Fatalf("given %d orders, %d recorded (want the command and 3)", given, s.OrderCount()-n)
	}
	// The command order may be taken back like the moves: it revealed nothing.
	if !s.CanUndo() {
		t.Error("nothing to undo after the wing's moves")
	}
}
