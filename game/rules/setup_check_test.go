package rules

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// TestClassBounds: every number of a class is refused one past each end of its
// range, with a *ClassError naming the key, and accepted at both ends.
func TestClassBounds(t *testing.T) {
	type field struct {
		key     string
		station bool // the number belongs to the test station, not to a ship
		weapon  bool // the number is the first weapon's
		section bool // the number is the first section's
		lo, hi  int
		set     func(c *Class, v int)
	}
	fields := []field{
		{key: "hull", lo: 1, hi: MaxHull, set: func(c *Class, v int) { c.Hull = v }},
		{key: "shields", lo: 0, hi: MaxShields, set: func(c *Class, v int) { c.Shields = v }},
		{key: "shield_regen", lo: 0, hi: MaxShields, set: func(c *Class, v int) { c.ShieldRegen = v }},
		{key: "speed", lo: 0, hi: MaxSpeed, set: func(c *Class, v int) { c.Speed = v }},
		{key: "evasion", lo: 0, hi: MaxEvasion, set: func(c *Class, v int) { c.Evasion = v }},
		{key: "sensors", lo: 0, hi: MaxSensorRange, set: func(c *Class, v int) { c.Sensors = v }},
		{key: "detect", lo: 0, hi: MaxSensorRange, set: func(c *Class, v int) { c.Detect = v }},
		{key: "troops", lo: 0, hi: MaxTroops, set: func(c *Class, v int) { c.Troops = v }},
		{key: "actions", lo: 1, hi: MaxActions, set: func(c *Class, v int) { c.Actions = v }},
		{key: "garrison", station: true, lo: 0, hi: MaxTroops, set: func(c *Class, v int) { c.Garrison = v }},
		{key: "radius", station: true, lo: 0, hi: MaxRadius, set: func(c *Class, v int) { c.Radius = v }},
		{key: "reaction_volleys", station: true, lo: 0, hi: MaxReactionVolleys, set: func(c *Class, v int) { c.ReactionVolleys = v }},
		{key: "range", weapon: true, lo: 1, hi: MaxWeaponRange, set: func(c *Class, v int) { c.Weapons[0].Range = v }},
		{key: "accuracy", weapon: true, lo: 0, hi: 100, set: func(c *Class, v int) { c.Weapons[0].Accuracy = v }},
		{key: "damage", weapon: true, lo: 0, hi: MaxDamage, set: func(c *Class, v int) { c.Weapons[0].Damage = v }},
		{key: "shots", weapon: true, lo: 1, hi: MaxShots, set: func(c *Class, v int) { c.Weapons[0].Shots = v }},
		{key: "pierce", weapon: true, lo: 0, hi: 100, set: func(c *Class, v int) { c.Weapons[0].Pierce = v }},
		{key: "id", station: true, section: true, lo: 1, hi: MaxSectionID, set: func(c *Class, v int) {
			c.Sections[0].ID = v
			c.Weapons[0].Section = v
		}},
		{key: "hull", station: true, section: true, lo: 1, hi: MaxHull, set: func(c *Class, v int) { c.Sections[0].Hull = v }},
	}
	for _, f := range fields {
		for _, v := range []int{f.lo - 1, f.lo, f.hi, f.hi + 1, math.MaxInt, math.MinInt} {
			c := testClasses()[clsJem]
			if f.station {
				c = testClasses()[clsStation]
			}
			f.set(&c, v)
			err := c.Validate()
			if v >= f.lo && v <= f.hi {
				if err != nil {
					t.Errorf("%s = %d: %v", f.key, v, err)
				}
				continue
			}
			var ce *ClassError
			if !errors.As(err, &ce) {
				t.Errorf("%s = %d: got %v, want a *ClassError", f.key, v, err)
				continue
			}
			if ce.Key != f.key || (ce.Weapon == 0) != f.weapon || (ce.Section == 0) != f.section {
				t.Errorf("%s = %d: error %+v names the wrong key", f.key, v, *ce)
			}
			if !strings.Contains(err.Error(), "out of range") {
				t.Errorf("%s = %d: %q does not give the range", f.key, v, err)
			}
		}
	}
}

// TestClassShapes: numbers that mean nothing on a ship, or on a station, are
// refused rather than silently ignored, as are over-long lists.
func TestClassShapes(t *testing.T) {
	tests := []struct {
		name, key string
		edit      func(c []Class)
	}{
		{"station with hull", "hull", func(c []Class) { c[clsStation].Hull = 5 }},
		{"station with speed", "speed", func(c []Class) { c[clsStation].Speed = 5 }},
		{"station with a cloak", "cloak", func(c []Class) { c[clsStation].Cloak = true }},
		{"too many sections", "sections", func(c []Class) {
			for i := range MaxSections {
				c[clsStation].Sections = append(c[clsStation].Sections, Section{ID: 100 + i, Hull: 1})
			}
		}},
		{"ship with sections", "sections", func(c []Class) { c[clsJem].Sections = []Section{{ID: 1, Hull: 1}} }},
		{"ship with radius", "radius", func(c []Class) { c[clsJem].Radius = 1 }},
		{"ship with garrison", "garrison", func(c []Class) { c[clsJem].Garrison = 1 }},
		{"ship with reaction volleys", "reaction_volleys", func(c []Class) { c[clsJem].ReactionVolleys = 1 }},
		{"too many weapons", "weapons", func(c []Class) {
			for range MaxWeapons {
				c[clsJem].Weapons = append(c[clsJem].Weapons, c[clsJem].Weapons[0])
			}
		}},
		{"ship weapon on a section", "section", func(c []Class) { c[clsJem].Weapons[0].Section = 1 }},
		{"ship perimeter weapon", "perimeter", func(c []Class) { c[clsJem].Weapons[0].Perimeter = true }},
		{"unknown weapon kind", "kind", func(c []Class) { c[clsJem].Weapons[0].Kind = weaponKindCount }},
		{"duplicate section", "id", func(c []Class) { c[clsStation].Sections[1].ID = c[clsStation].Sections[0].ID }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs := testClasses()
			tc.edit(cs)
			var ce *ClassError
			for i := range cs {
				if err := cs[i].Validate(); err != nil {
					if !errors.As(err, &ce) {
						t.Fatalf("%v is not a *ClassError", err)
					}
					break
				}
			}
			if ce == nil || ce.Key != tc.key {
				t.Fatalf("got %v, want an error on %q", ce, tc.key)
			}
		})
	}
}

// TestNewRefusesHostileSetups: setups that would break the engine, or a battle
// decided before its first order, are refused by New.
func TestNewRefusesHostileSetups(t *testing.T) {
	tests := []struct {
		name string
		edit func(b *builder)
		part string // the SetupError's part, "-" for an error of another type
		want string
	}{
		{"reaction volleys -1", func(b *builder) { b.Classes[clsStation].ReactionVolleys = -1 }, "-", "reaction_volleys"},
		{"speed max int", func(b *builder) { b.Classes[clsJem].Speed = math.MaxInt }, "-", "speed"},
		{"troops near the int limit", func(b *builder) { b.Classes[clsJem].Troops = math.MaxInt / 100 }, "-", "troops"},
		{"evacuation turns", func(b *builder) { b.EvacTurns = MaxEvacTurns + 1 }, "", "evacuation"},
		{"mine damage", func(b *builder) { b.mines(mineRow()); b.mineDamage = MaxMineDamage + 1 }, "", "mine damage"},
		{"wing long after the turn limit", func(b *builder) { b.wing(SideB, clsJem, 1, b.TurnLimit+2, FromEntry, at(1, 1)) }, "wing", "arrival"},
		{"wing section", func(b *builder) { b.wing(SideB, clsJem, 1, 2, FromEntry, at(1, 1)); b.Wings[0].Section = -1 }, "wing", "section"},
		{"losses N", func(b *builder) {
			b.Outcomes[0].When = []Condition{{Name: "losses", Side: SideB, Op: ">=", N: 2001, Text: "losses(dominion) >= 2001"}}
		}, "", "out of 0..2000"},
		{"turn N", func(b *builder) { b.EndWhen = [][]Condition{{{Name: "turn", Op: ">=", N: 201}}} }, "end_when", "out of 0..200"},
		{"negative N", func(b *builder) { b.EndWhen = [][]Condition{{{Name: "turn", Op: ">=", N: -1}}} }, "end_when", "out of"},
		{"unknown condition", func(b *builder) { b.EndWhen = [][]Condition{{{Name: "dance"}}} }, "end_when", "unknown"},
		{"condition side", func(b *builder) { b.EndWhen = [][]Condition{{{Name: "fleet_gone", Side: 7}}} }, "end_when", "invalid side"},
		{"too many conditions", func(b *builder) {
			g := make([]Condition, MaxConditions+1)
			for i := range g {
				g[i] = cond("turn >= 5")
			}
			b.EndWhen = [][]Condition{g}
		}, "end_when", "at most"},
		{"too many end groups", func(b *builder) {
			for range MaxEndGroups + 1 {
				b.EndWhen = append(b.EndWhen, conds("turn >= 5"))
			}
		}, "", "at most"},
		{"outcome winner", func(b *builder) { b.Outcomes[0].Winner = 9 }, "", "invalid side"},
		{"cloaked without a cloak", func(b *builder) { b.Ships[1].Cloaked = true }, "ship", "no cloaking device"},
		{"cloaked in reserve", func(b *builder) {
			_, ids := b.wing(SideA, clsBoP, 1, 2, FromEntry, at(1, 1))
			b.Ships[ids[0]].Cloaked = true
		}, "", "inconsistent"},
		{"over at once: turn >= 1", func(b *builder) { b.EndWhen = [][]Condition{conds("turn >= 1")} }, "end_when", "before its first order"},
		{"over at once: no minefield", func(b *builder) { b.EndWhen = [][]Condition{conds("minefield_failed")} }, "end_when", "before its first order"},
		{"over at once: no minelayer", func(b *builder) {
			b.mines(mineRow(), mineRow()[0])
			b.EndWhen = [][]Condition{conds("turn >= 5"), conds("minefield_failed")}
		}, "end_when", "end group 2"},
		{"over at once: fleet gone", func(b *builder) {
			b.Ships = b.Ships[:1] // the station alone
			b.EndWhen = [][]Condition{conds("fleet_gone(dominion)")}
		}, "end_when", "fleet_gone(dominion)"},
		{"over at once: station held", func(b *builder) { b.EndWhen = [][]Condition{conds("station_held", "minefield_inactive")} }, "end_when", "station_held, minefield_inactive"},
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
			var se *SetupError
			switch {
			case tc.part == "-":
				if errors.As(err, &se) {
					t.Errorf("%v: want a class error", err)
				}
			case !errors.As(err, &se) || se.Part != tc.part:
				t.Errorf("%#v: want a SetupError of part %q", err, tc.part)
			}
		})
	}
}

// TestNewAcceptsTheBounds: a battle whose numbers all sit at their upper bounds
// starts, and plays to its end with every ship moving and firing, without
// breaking an invariant (nothing overflows).
func TestNewAcceptsTheBounds(t *testing.T) {
	b := newBuilder(t)
	cs := b.Classes
	st := &cs[clsStation]
	st.Shields, st.ShieldRegen, st.Sensors, st.Detect = MaxShields, MaxShields, MaxSensorRange, MaxSensorRange
	st.Garrison, st.Actions, st.ReactionVolleys, st.Evasion = MaxTroops, MaxActions, MaxReactionVolleys, MaxEvasion
	for i := range st.Sections {
		st.Sections[i].Hull = MaxHull
	}
	st.Sections[0].ID = MaxSectionID
	for i := range st.Weapons {
		st.Weapons[i].Section = MaxSectionID
	}
	for _, ci := range []int{clsDefiant, clsBoP, clsJem} {
		c := &cs[ci]
		c.Hull, c.Shields, c.ShieldRegen, c.Speed = MaxHull, MaxShields, MaxShields, MaxSpeed
		c.Sensors, c.Detect, c.Troops, c.Actions = MaxSensorRange, MaxSensorRange, MaxTroops, MaxActions
		for i := range c.Weapons {
			w := &c.Weapons[i]
			w.Range, w.Accuracy, w.Damage, w.Shots, w.Pierce = MaxWeaponRange, 100, MaxDamage, MaxShots, 100
		}
	}
	b.ship(clsStation, SideA, stationAt)
	b.ship(clsDefiant, SideA, at(12, 3))
	jem := b.ship(clsJem, SideB, at(15, 3))
	b.ship(clsJem, SideB, at(16, 8))
	b.EvacTurns = MaxEvacTurns
	b.mines(mineRow(), mineRow()[0])
	b.mineDamage = MaxMineDamage
	b.EndWhen = [][]Condition{conds("losses(dominion) >= 2000", "turn >= 200")}
	s := b.start()
	if got := s.Ships[0].Hull; got != 3*MaxHull {
		t.Fatalf("station hull %d", got)
	}
	if k, _ := BoardingFight(MaxTroops, BoardMax, false); k != MaxTroops*BoardMax/100 {
		t.Fatalf("boarding fight of the largest party: %d", k)
	}
	for n := 0; s.Phase != Over; n++ {
		if n > 100 {
			t.Fatal("the battle does not end")
		}
		side := s.Active
		for i := range s.Ships {
			sh := &s.Ships[i]
			if sh.Side != side || !sh.Alive() {
				continue
			}
			for wi := range s.Class(sh).Weapons {
				for ti := range s.Ships {
					o := atk(side, sh.ID, wi, ShipID(ti), 0)
					if s.Class(&s.Ships[ti]).Station {
						o.Section = s.Class(&s.Ships[ti]).Sections[0].ID
					}
					if s.Check(o) == nil {
						apply(t, s, o)
					}
				}
			}
		}
		if sh := &s.Ships[jem]; sh.Alive() && side == SideB {
			if o := targeted(Board, side, jem, 0); s.Check(o) == nil {
				apply(t, s, o)
			}
		}
		apply(t, s, endPhase(side))
	}
	if s.Losses == [2]int{} && s.Ships[0].Hull == 3*MaxHull {
		t.Fatal("no shot told")
	}
}
