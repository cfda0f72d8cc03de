package rules

import (
	"testing"
)

func TestCloakedShipCannotFire(t *testing.T) {
	b := newBuilder(t)
	bop := b.cloaked(clsBoP, SideA, at(8, 6))
	jem := b.ship(clsJem, SideB, step(at(8, 6), 0, 2))
	s := b.start()

	// The cloaked ship sees its target and has it in range, but may not fire.
	applyErr(t, s, atk(SideA, bop, 0, jem, 0), "cloaked")
	// Dropping the cloak is free and makes the attack legal.
	ev := apply(t, s, order(Decloak, SideA, bop))
	mustFind(t, ev, CloakDropped)
	if s.Ships[bop].Actions != 1 {
		t.Fatalf("decloaking took the action: %d left", s.Ships[bop].Actions)
	}
	if err := s.Check(atk(SideA, bop, 0, jem, 0)); err != nil {
		t.Fatalf("attack after decloaking: %v", err)
	}
	// Cloaking again takes the action.
	ev = apply(t, s, order(Cloak, SideA, bop))
	mustFind(t, ev, CloakEngaged)
	if s.Ships[bop].Actions != 0 || !s.Ships[bop].Cloaked {
		t.Fatalf("after cloaking: actions %d cloaked %v", s.Ships[bop].Actions, s.Ships[bop].Cloaked)
	}
}

func TestCloakDetection(t *testing.T) {
	tests := []struct {
		name string
		dist int // hexes between the cloaked ship and the enemy at the start
	}{
		{"just beyond detection range", 3},
		{"inside sensors, far outside detection", 5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := newBuilder(t)
			home := at(4, 4)
			bop := b.cloaked(clsBoP, SideA, home)
			jemPos := step(home, 0, tc.dist)
			jem := b.ship(clsJem, SideB, jemPos)
			s := b.start()

			if !inView(s, SideA, bop) {
				t.Fatal("own cloaked ship missing from own view")
			}
			if inView(s, SideB, bop) {
				t.Fatal("cloaked enemy out of detection range is in the Dominion view")
			}
			if s.View(SideB).ShipAt(home) != nil {
				t.Fatal("View.ShipAt finds the hidden ship")
			}
			apply(t, s, endPhase(SideA))
			applyErr(t, s, atk(SideB, jem, 0, bop, 0), "no contact")
			if _, err := s.View(SideB).Preview(jem, 0, bop, 0); err == nil {
				t.Fatal("Preview of an attack on a hidden ship succeeded")
			}

			// Close to detection range (2): the cloaked ship is detected.
			path := line(jemPos, 3, tc.dist-2)
			ev := apply(t, s, mv(SideB, jem, path...))
			d := mustFind(t, ev, Detected)
			if d.Ship != bop || d.Target != jem || d.Side != SideA {
				t.Fatalf("detected event %+v", *d)
			}
			if count(ev, Detected) != 1 {
				t.Fatalf("%d detected events", count(ev, Detected))
			}
			if !inView(s, SideB, bop) {
				t.Fatal("detected ship missing from the Dominion view")
			}
			if err := s.Check(atk(SideB, jem, 0, bop, 0)); err != nil {
				t.Fatalf("attack on a detected cloaked ship: %v", err)
			}
		})
	}
}

func TestCloakedMoverDetected(t *testing.T) {
	b := newBuilder(t)
	home := at(4, 4)
	bop := b.cloaked(clsBoP, SideA, home)
	jem := b.ship(clsJem, SideB, step(home, 0, 5))
	s := b.start()
	// Moving to 3 hexes: still hidden; then to 2: detected.
	ev := apply(t, s, mv(SideA, bop, line(home, 0, 2)...))
	mustNotFind(t, ev, Detected)
	if inView(s, SideB, bop) {
		t.Fatal("hidden at range 3")
	}
	ev = apply(t, s, mv(SideA, bop, step(home, 0, 3)))
	d := mustFind(t, ev, Detected)
	if d.Ship != bop || d.Target != jem {
		t.Fatalf("detected event %+v", *d)
	}
	if !inView(s, SideB, bop) {
		t.Fatal("detected mover missing from the Dominion view")
	}
}

func TestBeltBlocksSight(t *testing.T) {
	b := newBuilder(t)
	home := at(4, 4)
	def := b.ship(clsDefiant, SideA, home)
	jem := b.ship(clsJem, SideB, step(home, 0, 3))
	b.terrain(Belt, step(home, 0, 1), step(home, 0, 2))
	s := b.start()
	if inView(s, SideA, jem) || inView(s, SideB, def) {
		t.Fatal("ships see each other through the plasma belt")
	}
	apply(t, s, endPhase(SideA))
	applyErr(t, s, atk(SideB, jem, 0, def, 0), "no contact")
}

// The Detected event agrees with the views: a cloaked ship within detection
// range but behind the plasma belt is not detected.
func TestNoDetectionThroughTheBelt(t *testing.T) {
	tests := []struct {
		name string
		belt bool
	}{
		{"clear line: detected", false},
		{"belt between: not detected", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := newBuilder(t)
			home := at(4, 4)
			bop := b.cloaked(clsBoP, SideA, home)
			jem := b.ship(clsJem, SideB, step(home, 0, 3))
			if tc.belt {
				b.terrain(Belt, step(home, 0, 1))
			}
			s := b.start()
			apply(t, s, endPhase(SideA))
			ev := apply(t, s, mv(SideB, jem, step(home, 0, 2)))
			detected := find(ev, Detected) != nil
			if detected == tc.belt || inView(s, SideB, bop) != detected {
				t.Fatalf("detected event %v, in view %v", detected, inView(s, SideB, bop))
			}
		})
	}
}
