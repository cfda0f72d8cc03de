package rules

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestNewRejectsBadSetups(t *testing.T) {
	tests := []struct {
		name string
		edit func(b *builder)
		want string
	}{
		{"map too small", func(b *builder) { b.Map.Cols = 0 }, "map"},
		{"map too large", func(b *builder) { b.Map.Rows = MaxMapSide + 1 }, "map"},
		{"terrain size", func(b *builder) { b.Map.Terrain = b.Map.Terrain[1:] }, "hexes"},
		{"turn limit 0", func(b *builder) { b.TurnLimit = 0 }, "turn limit"},
		{"turn limit too large", func(b *builder) { b.TurnLimit = MaxTurns + 1 }, "turn limit"},
		{"invalid first side", func(b *builder) { b.First = 9 }, "invalid side"},
		{"class without id", func(b *builder) { b.Classes[clsJem].ID = "" }, "no id"},
		{"class actions 0", func(b *builder) { b.Classes[clsJem].Actions = 0 }, "actions"},
		{"ship hull 0", func(b *builder) { b.Classes[clsJem].Hull = 0 }, "hull"},
		{"station without sections", func(b *builder) { b.Classes[clsStation].Sections = nil; b.Classes[clsStation].Weapons = nil }, "sections"},
		{"duplicate section ids", func(b *builder) { b.Classes[clsStation].Sections[1].ID = secHabitat }, "unique"},
		{"weapon on a missing section", func(b *builder) { b.Classes[clsStation].Weapons[0].Section = 99 }, "no section 99"},
		{"weapon accuracy", func(b *builder) { b.Classes[clsJem].Weapons[0].Accuracy = 101 }, "out of range"},
		{"weapon shots", func(b *builder) { b.Classes[clsJem].Weapons[0].Shots = 0 }, "out of range"},
		{"radius", func(b *builder) { b.Classes[clsStation].Radius = 4 }, "radius"},
		{"ship class", func(b *builder) { b.Ships[0].Class = 99 }, "no class"},
		{"ship side", func(b *builder) { b.Ships[0].Side = 3 }, "invalid side"},
		{"ship off the map", func(b *builder) { b.Ships[0].Pos = at(-1, 0) }, "off the map"},
		{"ships on one hex", func(b *builder) { b.Ships[1].Pos = b.Ships[0].Pos }, "occupied"},
		{"ship in station structure", func(b *builder) { b.terrain(StationHex, b.Ships[1].Pos) }, "station structure"},
		{"ship destroyed at the start", func(b *builder) { b.Ships[0].Status = Destroyed }, "must start"},
		{"ship wing", func(b *builder) { b.Ships[0].Wing = 5 }, "no wing"},
		{"wing target", func(b *builder) { b.wing(SideB, clsJem, 1, 2, FromEntry, at(1, 1)); b.Wings[0].Target = 77 }, "no target"},
		{"wing side", func(b *builder) { b.wing(SideB, clsJem, 1, 2, FromEntry, at(1, 1)); b.Wings[0].Side = 4 }, "invalid side"},
		{"mine off the map", func(b *builder) { b.mines(append(mineRow(), at(30, 30))) }, "not open map"},
		{"laid mine not a position", func(b *builder) { b.mines(mineRow(), at(1, 1)) }, "not one of its positions"},
		{"too many ships", func(b *builder) {
			for len(b.Ships) <= MaxShips {
				b.Ships = append(b.Ships, Ship{Class: clsJem, Side: SideB, Wing: -1, Status: Reserve})
			}
		}, "at most"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := newBuilder(t)
			b.ship(clsStation, SideA, stationAt)
			b.ship(clsJem, SideB, at(15, 3))
			tc.edit(b)
			_, err := New(b.setup(), 1)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("New: %v, want an error mentioning %q", err, tc.want)
			}
		})
	}
}

func TestNewDoesNotShareTheSetup(t *testing.T) {
	b := newBuilder(t)
	b.mines(mineRow(), mineRow()[0])
	b.ship(clsJem, SideB, at(15, 3))
	s := b.start()
	sum := s.Checksum()
	b.Map.Terrain[0] = Belt
	b.Ships[0].Hull = 1
	b.minePos[0] = at(0, 0)
	if s.Map.Terrain[0] != Open || s.Ships[0].Hull != 12 || s.Checksum() != sum || s.Fields[0].Positions[0] == at(0, 0) {
		t.Fatal("the state shares the setup's slices")
	}
}

func TestTextForms(t *testing.T) {
	for _, side := range Sides {
		back, err := testSides.Parse(testSides.Of(side))
		if err != nil || back != side {
			t.Errorf("side %s round trip", side)
		}
	}
	if _, err := testSides.Parse("klingon"); err == nil {
		t.Error("an unknown side parses")
	}
	for k := range orderKindCount {
		b, err := k.MarshalText()
		var back OrderKind
		if err != nil || back.UnmarshalText(b) != nil || back != k {
			t.Errorf("order kind %s round trip", k)
		}
	}
	var k OrderKind
	if k.UnmarshalText([]byte("fire")) == nil {
		t.Error("unknown order kind read")
	}
	for w := range weaponKindCount {
		if back, err := ParseWeaponKind(w.String()); err != nil || back != w {
			t.Errorf("weapon kind %s", w)
		}
	}
	if !PhotonTorpedo.Torpedo() || !QuantumTorpedo.Torpedo() || Phaser.Torpedo() {
		t.Error("Torpedo")
	}
	for _, d := range []Directive{Assault, Intercept, Focus, Screen} {
		if back, err := ParseDirective(d.String()); err != nil || back != d {
			t.Errorf("directive %s", d)
		}
	}
	for e := range eventKindCount {
		if e.String() == "" || strings.Contains(e.String(), "event(") {
			t.Errorf("event kind %d has no name", e)
		}
	}
	// An order survives JSON.
	o := Order{Kind: Attack, Side: SideB, Ship: 3, Target: 0, Weapon: 1, Section: 17}
	js, err := json.Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	var back Order
	if err := json.Unmarshal(js, &back); err != nil || back.String() != o.String() {
		t.Fatalf("order JSON %s: %v", js, err)
	}
}

func TestPreviewOfStationAttack(t *testing.T) {
	b := newBuilder(t)
	st := b.ship(clsStation, SideA, stationAt)
	jem := b.ship(clsJem, SideB, step(stationAt, 0, 2))
	s := b.start()
	v := s.View(SideB)
	p, err := v.Preview(jem, 1, st, secPower)
	if err != nil {
		t.Fatal(err)
	}
	// Range 1 (touching the structure), accuracy 100: capped at MaxHit; stations have no evasion here.
	if p.Range != 1 || p.HitChance != MaxHit || p.Shots != 2 || p.PerHit != 20 {
		t.Fatalf("preview %+v", p)
	}
	if p.Expected100 != 2*MaxHit*20 || p.ExpectedHull100 != 100*30 {
		t.Fatalf("expected damage %d, to hull %d (section 17 holds 30)", p.Expected100, p.ExpectedHull100)
	}
	if _, err := v.Preview(jem, 7, st, secPower); err == nil {
		t.Fatal("preview with no such weapon")
	}
	if _, err := v.Preview(st, 0, jem, 0); err == nil {
		t.Fatal("preview with the enemy's ship")
	}
}

func TestEventReveals(t *testing.T) {
	for _, k := range []EventKind{Moved, CloakDropped, PhaseBegan, TurnBegan, TurnEnded, ShieldsRestored} {
		if (Event{Kind: k}).Reveals() {
			t.Errorf("%s reveals", k)
		}
	}
	for _, k := range []EventKind{Detected, Hit, MineDetonated, MoveInterrupted, PerimeterFire} {
		if !(Event{Kind: k}).Reveals() {
			t.Errorf("%s does not reveal", k)
		}
	}
}
