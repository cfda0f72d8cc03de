package rules

import (
	"testing"
)

func TestHitChance(t *testing.T) {
	w := &Weapon{Accuracy: 80}
	tests := []struct {
		name                  string
		acc, dist, eva, shelt int
		covered               bool
		want                  int
	}{
		{"adjacent", 80, 1, 0, 0, false, 80},
		{"range 0 (touching a station)", 80, 0, 0, 0, false, 80},
		{"range 4", 80, 4, 0, 0, false, 80 - 3*RangePenalty},
		{"evasion", 80, 1, 15, 0, false, 65},
		{"belt shelter", 80, 1, 0, Belt.Shelter(), false, 65},
		{"covered", 80, 2, 10, 0, true, 80 - 5 - 10 - CoverPenalty},
		{"floor", 30, 10, 20, 15, true, MinHit},
		{"ceiling", 100, 1, 0, 0, false, MaxHit},
	}
	for _, tc := range tests {
		w.Accuracy = tc.acc
		if got := HitChance(w, tc.dist, tc.eva, tc.shelt, tc.covered); got != tc.want {
			t.Errorf("%s: %d, want %d", tc.name, got, tc.want)
		}
	}
}

func TestDamage(t *testing.T) {
	tests := []struct {
		name                 string
		dmg, pierce          int
		shields, hull        int
		shieldsDown, destroy bool
	}{
		{"shields absorb", 4, 0, 4, 12, false, false},
		{"shields overflow", 10, 0, 0, 10, true, false},
		{"pierce bypasses", 10, 100, 8, 2, false, false},
		{"half pierce (mines)", 10, MinePierce, 3, 7, false, false},
		{"exactly to zero", 20, 0, 0, 0, true, true},
		{"overkill", 50, 30, 0, 0, true, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := newBuilder(t)
			pos := at(5, 5)
			jem := b.ship(clsJem, SideB, pos)
			s := b.start()
			var ev []Event
			sh := &s.Ships[jem]
			s.damage(sh, 0, tc.dmg, tc.pierce, Event{Kind: Hit, Target: jem}, &ev)
			h := mustFind(t, ev, Hit)
			if h.Damage != tc.dmg || h.ShieldDamage != 8-tc.shields || h.HullDamage+h.ShieldDamage != tc.dmg {
				t.Fatalf("hit %+v", *h)
			}
			if sh.Shields != tc.shields || sh.Hull != tc.hull {
				t.Fatalf("shields %d hull %d, want %d %d", sh.Shields, sh.Hull, tc.shields, tc.hull)
			}
			if (find(ev, ShieldsDown) != nil) != tc.shieldsDown {
				t.Fatalf("shields down: %v", kinds(ev))
			}
			if (find(ev, ShipDestroyed) != nil) != tc.destroy {
				t.Fatalf("destroyed: %v", kinds(ev))
			}
			if tc.destroy {
				if sh.Status != Destroyed || s.Losses[SideB] != 1 || s.ShipAt(pos) != nil || inView(s, SideA, jem) {
					t.Fatalf("status %s losses %v", sh.Status, s.Losses)
				}
			}
			checkInvariants(t, s)
		})
	}
}

func TestStationSectionDamage(t *testing.T) {
	b := newBuilder(t)
	st := b.ship(clsStation, SideA, at(6, 7))
	s := b.start()
	stn := &s.Ships[st]
	var ev []Event
	// 100 piercing damage on ops (40 hull): only the section's hull is lost.
	s.damage(stn, secOps, 100, 100, Event{Kind: Hit}, &ev)
	if h := mustFind(t, ev, Hit); h.HullDamage != 40 {
		t.Fatalf("hull damage %d", h.HullDamage)
	}
	sd := mustFind(t, ev, SectionDisabled)
	if sd.Section != secOps || sd.Text != "ops" {
		t.Fatalf("section disabled %+v", *sd)
	}
	mustNotFind(t, ev, MainPowerLost)
	if stn.Hull != 50+30 || stn.Status != OnMap || !stn.MainPower {
		t.Fatalf("station %+v", *stn)
	}
	// The torpedo launcher on ops is silent; the phasers on the habitat ring are not.
	if err := weaponReady(s.Class(stn), stn, 1); err == nil {
		t.Fatal("weapon on a disabled section is ready")
	}
	if err := weaponReady(s.Class(stn), stn, 0); err != nil {
		t.Fatal(err)
	}
}

func TestAttackUntilDestroyed(t *testing.T) {
	b := newBuilder(t)
	home := at(5, 5)
	def := b.ship(clsDefiant, SideA, home)
	jem := b.ship(clsJem, SideB, step(home, 0, 2))
	s := b.start()
	destroyed := false
	for turn := 0; turn < 20 && !destroyed; turn++ {
		hull, shields := s.Ships[jem].Hull, s.Ships[jem].Shields
		ev := apply(t, s, atk(SideA, def, 0, jem, 0))
		if s.Ships[def].Actions != 0 {
			t.Fatal("attack did not take the action")
		}
		f := mustFind(t, ev, Fired)
		if f.Value != 2 || f.WeaponKind != PulseCannon {
			t.Fatalf("fired %+v", *f)
		}
		if count(ev, Hit)+count(ev, Missed) > 2 {
			t.Fatalf("more shots than the weapon has: %v", kinds(ev))
		}
		sd, hd := 0, 0
		for _, e := range ev {
			if e.Kind == Hit {
				sd += e.ShieldDamage
				hd += e.HullDamage
				if e.Damage != 6 {
					t.Fatalf("hit %+v", e)
				}
			}
		}
		if s.Ships[jem].Status == Destroyed {
			destroyed = true
			mustFind(t, ev, ShipDestroyed)
			if s.Losses[SideB] != 1 || s.Losses[SideA] != 0 {
				t.Fatalf("losses %v", s.Losses)
			}
			applyErr(t, s, endPhase(SideB), "phase")
			break
		}
		if shields-s.Ships[jem].Shields != sd || hull-s.Ships[jem].Hull != hd {
			t.Fatalf("events say %d/%d, state says %d/%d", sd, hd, shields-s.Ships[jem].Shields, hull-s.Ships[jem].Hull)
		}
		apply(t, s, endPhase(SideA))
		apply(t, s, endPhase(SideB))
	}
	if !destroyed {
		t.Fatal("not destroyed in 20 turns")
	}
}

func TestShieldRegeneration(t *testing.T) {
	tests := []struct {
		name   string
		before int
		after  int
	}{
		{"regenerates ShieldRegen", 1, 5},
		{"capped at the class's shields", 6, 8},
		{"full shields stay", 8, 8},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := newBuilder(t)
			jem := b.ship(clsJem, SideB, at(5, 5))
			s := b.start()
			s.Ships[jem].Shields = tc.before
			// At the start of its own phase…
			ev := apply(t, s, endPhase(SideA))
			if s.Ships[jem].Shields != tc.after {
				t.Fatalf("shields %d, want %d", s.Ships[jem].Shields, tc.after)
			}
			if tc.after > tc.before {
				r := mustFind(t, ev, ShieldsRestored)
				if r.Side != SideB || r.Value != tc.after-tc.before {
					t.Fatalf("restored %+v", *r)
				}
			} else {
				mustNotFind(t, ev, ShieldsRestored)
			}
			// …not at the start of the enemy's.
			s.Ships[jem].Shields = tc.before
			apply(t, s, endPhase(SideB))
			if s.Ships[jem].Shields != tc.before {
				t.Fatal("shields regenerated in the enemy's phase")
			}
		})
	}
}
