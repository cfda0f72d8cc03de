package rules

import (
	"strings"
	"testing"

	"github.com/calltoarms/ds9/game/hex"
)

func TestCoveringFire(t *testing.T) {
	b := newBuilder(t)
	ward := at(8, 6)
	def := b.ship(clsDefiant, SideA, ward)
	bop := b.ship(clsBoP, SideA, step(ward, 3, 1))
	// Three attackers at range 2 of the ward, within the disruptors' range 3 of the coverer.
	jems := []ShipID{
		b.ship(clsJem, SideB, step(ward, 0, 2)),
		b.ship(clsJem, SideB, step(ward, 1, 2)),
		b.ship(clsJem, SideB, step(step(ward, 0, 1), 1, 1)),
	}
	s := b.start()

	poly := &s.Classes[clsJem].Weapons[0]
	plain := HitChance(poly, 2, s.Classes[clsDefiant].Evasion, 0, false)
	covered := HitChance(poly, 2, s.Classes[clsDefiant].Evasion, 0, true)
	if plain-covered != CoverPenalty {
		t.Fatalf("test geometry clamps the hit chance: %d vs %d", plain, covered)
	}
	p, err := s.View(SideB).Preview(jems[0], 0, def, 0)
	if err != nil {
		t.Fatal(err)
	}
	if p.Covered || p.HitChance != plain {
		t.Fatalf("preview before cover: %+v, want hit chance %d", p, plain)
	}

	ev := apply(t, s, targeted(Cover, SideA, bop, def))
	c := mustFind(t, ev, CoverBegan)
	if c.Ship != bop || c.Target != def {
		t.Fatalf("cover began %+v", *c)
	}
	if s.Ships[bop].Returns != CoverReturns || s.Ships[bop].Actions != 0 {
		t.Fatalf("coverer: returns %d actions %d", s.Ships[bop].Returns, s.Ships[bop].Actions)
	}
	apply(t, s, endPhase(SideA))

	p, err = s.View(SideB).Preview(jems[0], 0, def, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Covered || p.HitChance != plain-CoverPenalty || p.HitChance != s.chance(&s.Ships[jems[0]], poly, &s.Ships[def]) {
		t.Fatalf("preview under cover: %+v, want hit chance %d", p, plain-CoverPenalty)
	}
	if p.Shots != 2 || p.PerHit != 4 || p.Range != 2 || p.Expected100 != 2*p.HitChance*4 {
		t.Fatalf("preview numbers %+v", p)
	}

	for i, j := range jems {
		ev := apply(t, s, atk(SideB, j, 0, def, 0))
		f := mustFind(t, ev, Fired)
		if f.Ship != j || f.Target != def || f.Value != 2 {
			t.Fatalf("fired %+v", *f)
		}
		if i < CoverReturns {
			cf := mustFind(t, ev, CoveringFire)
			if cf.Ship != bop || cf.Target != j || cf.Value != int(def) {
				t.Fatalf("covering fire %+v", *cf)
			}
			if count(ev, Fired) != 2 {
				t.Fatalf("want the attack and the return volley: %v", kinds(ev))
			}
			if s.Ships[bop].Returns != CoverReturns-1-i {
				t.Fatalf("returns left %d", s.Ships[bop].Returns)
			}
		} else {
			mustNotFind(t, ev, CoveringFire)
		}
	}
	// Cover lasts until the coverer's next phase.
	apply(t, s, endPhase(SideB))
	if s.Ships[bop].Covering != NoShip || s.Ships[bop].Returns != 0 {
		t.Fatalf("cover outlived the coverer's phase: covering %d returns %d", s.Ships[bop].Covering, s.Ships[bop].Returns)
	}
	if p, _ := s.View(SideB).Preview(jems[0], 0, def, 0); p.Covered {
		t.Fatal("preview still covered")
	}
}

func TestCoverNeedsTheCovererNear(t *testing.T) {
	b := newBuilder(t)
	ward := at(8, 6)
	def := b.ship(clsDefiant, SideA, ward)
	bop := b.ship(clsBoP, SideA, step(ward, 3, 1))
	jem := b.ship(clsJem, SideB, step(ward, 1, 3))
	s := b.start()
	apply(t, s, targeted(Cover, SideA, bop, def))
	if s.coverer(&s.Ships[def]) == nil {
		t.Fatal("not covered at distance 1")
	}
	// The ward runs 4 hexes away: 5 from its coverer, beyond CoverRadius.
	apply(t, s, mv(SideA, def, line(ward, 0, 4)...))
	if d := hex.Distance(s.Ships[bop].Pos, s.Ships[def].Pos); d <= CoverRadius {
		t.Fatalf("distance %d", d)
	}
	apply(t, s, endPhase(SideA))
	// Out of the polaron beam's reach from where it stands; one hex off, in reach.
	if _, err := s.View(SideB).Preview(jem, 0, def, 0); err == nil || !strings.Contains(err.Error(), "range") {
		t.Fatalf("preview out of range: %v", err)
	}
	p, err := s.View(SideB).PreviewFrom(jem, s.Ships[def].Pos.Neighbor(3), 0, def, 0)
	if err != nil {
		t.Fatal(err)
	}
	if p.Covered || s.coverer(&s.Ships[def]) != nil {
		t.Fatal("a ward out of reach of its coverer is still covered")
	}
}
