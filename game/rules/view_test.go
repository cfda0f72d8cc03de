package rules

import (
	"reflect"
	"testing"
)

func TestViewFogOfWar(t *testing.T) {
	s, c := illegalBase(t)
	v := s.View(SideB)
	if v.Side != SideB || v.Turn != 1 || v.Active != SideA {
		t.Fatalf("view header %+v", v)
	}
	for _, id := range []ShipID{c.st, c.def, c.friend} {
		if v.Ship(id) == nil {
			t.Errorf("Dominion does not see ship %d", id)
		}
	}
	if v.Ship(c.bop) != nil {
		t.Error("Dominion sees the cloaked Bird-of-Prey")
	}
	for _, sh := range v.Ships {
		if sh.Side == SideA && (sh.MP != 0 || sh.Actions != 0 || sh.Returns != 0 || sh.Volleys != 0) {
			t.Errorf("enemy %s shows its orders: %+v", sh.Name, sh)
		}
	}
	for i := 1; i < len(v.Ships); i++ {
		if v.Ships[i-1].ID >= v.Ships[i].ID {
			t.Fatal("view ships not in ID order")
		}
	}
	// Own hidden ship: the Dominion sees its own cloaked ship; the Alliance does not.
	if v.Ship(c.hidden) == nil || s.View(SideA).Ship(c.hidden) != nil {
		t.Error("cloaked Dominion ship")
	}
	// A station is always known.
	if v.ShipAt(step(stationAt, 0, 1)) == nil || v.ShipAt(step(stationAt, 0, 1)).ID != c.st {
		t.Error("station footprint not in the view")
	}
	// The Alliance knows its own field; the Dominion sees the laid, uncloaked mine only.
	if own := s.View(SideA); len(own.Mines) != 3 || own.MinesLaid != 1 {
		t.Errorf("Alliance mines %d laid %d", len(own.Mines), own.MinesLaid)
	}
	if len(v.Mines) != 1 || !v.Mines[0].Laid || v.MinesLaid != 1 || v.MinesTotal != 3 {
		t.Errorf("Dominion mines %+v laid %d total %d", v.Mines, v.MinesLaid, v.MinesTotal)
	}
}

func TestViewWings(t *testing.T) {
	b := newBuilder(t)
	home := at(4, 4)
	def := b.ship(clsDefiant, SideA, home)
	wi, ids := b.wing(SideB, clsJem, 2, 0, FromEntry, home)
	for i, id := range ids {
		b.Ships[id].Status = OnMap
		b.Ships[id].Pos = step(home, 0, 2+8*i) // the second is out of sensor range
	}
	s := b.start()
	v := s.View(SideA)
	w := v.Wing(wi)
	if w == nil || len(w.Ships) != 1 || w.Ships[0] != ids[0] {
		t.Fatalf("enemy wing in view: %+v", w)
	}
	if v.Ship(ids[1]) != nil {
		t.Fatal("ship beyond sensor range in view")
	}
	if dv := s.View(SideB); len(dv.Wing(wi).Ships) != 2 || dv.Ship(def) == nil {
		t.Fatalf("own wing: %+v", dv.Wing(wi))
	}
}

func TestViewIsACopy(t *testing.T) {
	s, c := illegalBase(t)
	snap := s.Clone()
	sum := s.Checksum()
	for _, side := range Sides {
		v := s.View(side)
		for i := range v.Ships {
			sh := &v.Ships[i]
			sh.Hull, sh.Shields, sh.MP, sh.Pos.Q, sh.Status = -7, -7, 99, 1000, Destroyed
			for j := range sh.Section {
				sh.Section[j] = -1
			}
		}
		for i := range v.Wings {
			for j := range v.Wings[i].Ships {
				v.Wings[i].Ships[j] = 4242
			}
		}
		for i := range v.Mines {
			v.Mines[i].Laid = !v.Mines[i].Laid
		}
		v.Losses[0], v.Turn = 77, 77
	}
	assertUnchanged(t, snap, s)
	if s.Checksum() != sum {
		t.Fatal("mutating a view changed the state")
	}
	if s.View(SideA).Ship(c.st).Section[0] != 50 {
		t.Fatal("station sections changed")
	}
}

func TestCloneIsIndependent(t *testing.T) {
	s, c := illegalBase(t)
	before := s.Clone()
	sum := s.Checksum()

	k := s.Clone()
	apply(t, k, atk(SideA, c.def, 0, c.jem1, 0))
	apply(t, k, mv(SideA, c.friend, step(c.d, 3, 1)))
	apply(t, k, order(Decloak, SideA, c.bop))
	apply(t, k, endPhase(SideA))
	apply(t, k, atk(SideB, c.jem2, 1, c.st, secPower))
	k.Ships[c.st].Section[0] = 1
	k.Fields[0].Laid[1] = true
	assertUnchanged(t, before, s)
	if s.Checksum() != sum {
		t.Fatal("playing a clone changed the original")
	}

	// And the other way round.
	k2 := s.Clone()
	ksum := k2.Checksum()
	apply(t, s, atk(SideA, c.def, 0, c.jem1, 0))
	apply(t, s, order(Evacuate, SideA, c.st))
	if k2.Checksum() != ksum || !reflect.DeepEqual(k2.Ships, before.Ships) {
		t.Fatal("playing the original changed a clone")
	}
	// A clone plays on exactly as its original.
	a, b := s.Clone(), s.Clone()
	for _, x := range []*State{a, b} {
		apply(t, x, endPhase(SideA))
		apply(t, x, atk(SideB, c.jem1, 0, c.def, 0))
	}
	if a.Checksum() != b.Checksum() {
		t.Fatal("two clones diverged")
	}
}
