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

// A wing's leader lost with its flagship: both sides are told, the wing takes
// no new orders, and its ships (those still to arrive too) shoot less well.
func TestLeaderLost(t *testing.T) {
	b := newBuilder(t)
	st := b.ship(clsStation, SideA, stationAt)
	wi, ships := b.wing(SideB, clsJem, 3, 0, FromEntry, hex.Hex{})
	b.Wings[wi].Leader, b.Wings[wi].Flagship = "Gul Test", ships[0]
	for k, id := range ships[:2] {
		b.Ships[id].Status, b.Ships[id].Pos = OnMap, hex.Ring(stationAt, 3)[k*2]
	}
	other, _ := b.wing(SideB, clsJem, 1, 9, FromEntry, hex.Hex{}) // no leader: its ship 0 is no flagship
	s := b.start()
	if s.Wings[other].Flagship != NoShip {
		t.Fatalf("a wing without a leader has flagship %d", s.Wings[other].Flagship)
	}
	a := &s.Ships[ships[1]]
	w := &s.Class(a).Weapons[0]
	before := s.chance(a, w, &s.Ships[st])
	var ev []Event
	s.destroy(&s.Ships[ships[0]], &ev)
	e := find(ev, LeaderLost)
	if e == nil || e.Value != wi || e.Text != "Gul Test" {
		t.Fatalf("events %v", kinds(ev))
	}
	if !s.Wings[wi].Leaderless || !s.Ships[ships[1]].Disordered || !s.Ships[ships[2]].Disordered {
		t.Fatalf("after the flagship's loss: wing %+v", s.Wings[wi])
	}
	if got := s.chance(a, w, &s.Ships[st]); got != max(MinHit, before-CohesionPenalty) {
		t.Errorf("hit chance %d after the leader's loss, %d before", got, before)
	}
	apply(t, s, endPhase(SideA))
	applyErr(t, s, Order{Kind: Command, Side: SideB, Wing: wi, Directive: Advance, At: stationAt}, "lost its leader")
	// Another ship lost tells nothing of leaders.
	ev = ev[:0]
	s.destroy(&s.Ships[ships[1]], &ev)
	if find(ev, LeaderLost) != nil {
		t.Error("a second leader-lost event")
	}
}
