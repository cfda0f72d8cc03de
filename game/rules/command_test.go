package rules

import (
	"testing"

	"github.com/calltoarms/ds9/game/hex"
)

// A command order sets a wing's standing orders, tells only its side, and
// hides them from the other side's view from then on.
func TestCommandOrder(t *testing.T) {
	b := newBuilder(t)
	st := b.ship(clsStation, SideA, stationAt)
	def := b.ship(clsDefiant, SideA, at(12, 4))
	wi, ships := b.wing(SideB, clsJem, 3, 0, FromEntry, hex.Hex{})
	b.Wings[wi].Directive, b.Wings[wi].Target = Assault, st
	for k, id := range ships {
		b.Ships[id].Status, b.Ships[id].Pos = OnMap, at(12, 6+k)
	}
	s := b.start()
	apply(t, s, endPhase(SideA))

	before := s.Checksum()
	if w := s.View(SideA).Wing(wi); w == nil || w.Target != st || w.Ordered {
		t.Fatalf("the Alliance should see the briefed orders of a wing in view: %+v", w)
	}
	hold := at(14, 3)
	o := Order{Kind: Command, Side: SideB, Wing: wi, Directive: Advance, At: hold}
	if w := s.Wings[wi]; w.Orders(o) {
		t.Fatal("Orders: a new directive reported as the standing one")
	}
	_, told, err := s.ApplyRedacted(o)
	if err != nil {
		t.Fatal(err)
	}
	w := s.Wings[wi]
	if w.Directive != Advance || w.Hold != hold || w.Target != NoShip || !w.Ordered {
		t.Fatalf("standing orders after the command: %+v", w)
	}
	if !w.Orders(o) {
		t.Error("Orders: the standing order not recognised")
	}
	if s.Checksum() == before {
		t.Error("the checksum does not see a wing's orders")
	}
	if e := find(told[SideB], WingOrdered); e == nil || e.Value != wi || e.To != hold || e.Text != "advance" {
		t.Errorf("the Dominion is told %v", told[SideB])
	}
	if len(told[SideA]) != 0 {
		t.Errorf("the Alliance is told of the Dominion's orders: %v", told[SideA])
	}
	if v := s.View(SideA).Wing(wi); v == nil || v.Hold != (hex.Hex{}) || v.Directive != Assault || v.Target != NoShip || !v.Ordered {
		t.Errorf("the Alliance's view of the ordered wing: %+v", v)
	}
	if v := s.View(SideB).Wing(wi); v == nil || v.Hold != hold || v.Directive != Advance {
		t.Errorf("the Dominion's view of its own wing: %+v", v)
	}
	// Back to a target: the hex is cleared; focus keeps the section.
	apply(t, s, Order{Kind: Command, Side: SideB, Wing: wi, Directive: Focus, Target: st, Section: secPower, At: hold})
	if w := s.Wings[wi]; w.Directive != Focus || w.Target != st || w.Section != secPower || w.Hold != (hex.Hex{}) {
		t.Errorf("after focus: %+v", w)
	}
	apply(t, s, Order{Kind: Command, Side: SideB, Wing: wi, Directive: Intercept, Target: def, Section: secPower})
	if w := s.Wings[wi]; w.Directive != Intercept || w.Target != def || w.Section != 0 {
		t.Errorf("after intercept: %+v", w)
	}
	checkInvariants(t, s)
}
