package rules

import (
	"testing"

	"github.com/calltoarms/ds9/game/hex"
)

// stationAt is where the test station sits (radius 1).
var stationAt = at(6, 7)

func TestMainPowerSection17(t *testing.T) {
	b := newBuilder(t)
	st := b.ship(clsStation, SideA, stationAt)
	// Six attackers touching the station's structure (range 1).
	var jems []ShipID
	for _, h := range hex.Ring(stationAt, 2)[:6] {
		jems = append(jems, b.ship(clsJem, SideB, h))
	}
	far := step(stationAt, 0, 7)
	late := b.ship(clsJem, SideB, far)
	s := b.start()
	apply(t, s, endPhase(SideA))

	var all []Event
	for _, j := range jems {
		if !s.Ships[st].MainPower {
			break
		}
		all = append(all, apply(t, s, atk(SideB, j, 1, st, secPower))...)
	}
	mp := mustFind(t, all, MainPowerLost)
	if mp.Ship != st {
		t.Fatalf("main power lost %+v", *mp)
	}
	sd := mustFind(t, all, SectionDisabled)
	if sd.Section != secPower || sd.Ship != st {
		t.Fatalf("section disabled %+v", *sd)
	}
	stn := &s.Ships[st]
	si, _ := s.Classes[clsStation].Section(secPower)
	if stn.MainPower || stn.Shields != 0 || stn.Section[si] != 0 {
		t.Fatalf("station: power %v shields %d section %d", stn.MainPower, stn.Shields, stn.Section[si])
	}
	if stn.Hull != 50+40 {
		t.Fatalf("station hull %d, want the other sections' 90", stn.Hull)
	}
	if stn.Status != OnMap {
		t.Fatal("a station is never destroyed")
	}
	// The disabled section can no longer be targeted.
	for _, j := range jems {
		if s.Ships[j].Actions > 0 {
			applyErr(t, s, atk(SideB, j, 1, st, secPower), "disabled")
			break
		}
	}

	ev := apply(t, s, endPhase(SideB))
	if stn.Shields != 0 {
		t.Fatalf("shields regenerated to %d without main power", stn.Shields)
	}
	for _, e := range ev {
		if e.Kind == ShieldsRestored && e.Side == SideA {
			t.Fatalf("shields restored: %+v", e)
		}
	}
	for wi := range s.Classes[clsStation].Weapons {
		applyErr(t, s, atk(SideA, st, wi, jems[0], 0), "main power")
	}
	apply(t, s, endPhase(SideA))
	// The perimeter is silent.
	ev = apply(t, s, mv(SideB, late, line(far, 3, 3)...))
	mustNotFind(t, ev, PerimeterFire)
}

func TestPerimeterDefenses(t *testing.T) {
	b := newBuilder(t)
	st := b.ship(clsStation, SideA, stationAt)
	reach := s0Reach() // phaser range 3 + radius 1
	// Four attackers 6 hexes out in four directions; each moves 2 hexes in (to 4).
	dirs := []int{0, 1, 2, 3}
	var jems []ShipID
	var starts []hex.Hex
	for _, d := range dirs {
		h := step(stationAt, d, 6)
		starts = append(starts, h)
		jems = append(jems, b.ship(clsJem, SideB, h))
	}
	inside := b.ship(clsJem, SideB, step(stationAt, 4, 3))
	s := b.start()
	volleys := s.Classes[clsStation].ReactionVolleys
	if volleys != 2 {
		t.Fatalf("test expects 2 reaction volleys")
	}
	apply(t, s, endPhase(SideA))
	if s.Ships[st].Volleys != volleys {
		t.Fatalf("volleys %d at the start of the enemy phase", s.Ships[st].Volleys)
	}

	// A ship already inside the range moving within it draws no fire.
	ev := apply(t, s, mv(SideB, inside, step(stationAt, 4, 4), step(stationAt, 4, 3)))
	mustNotFind(t, ev, PerimeterFire)

	for i := range 3 {
		path := line(starts[i], dirs[i]+3, 2)
		if hex.Distance(stationAt, path[1]) != reach || hex.Distance(stationAt, path[0]) != reach+1 {
			t.Fatal("geometry")
		}
		ev := apply(t, s, mv(SideB, jems[i], path...))
		if i < volleys {
			pf := mustFind(t, ev, PerimeterFire)
			if pf.Ship != st || pf.Target != jems[i] || pf.To != path[1] {
				t.Fatalf("perimeter fire %+v", *pf)
			}
			f := mustFind(t, ev, Fired)
			if f.Ship != st || f.Weapon != 0 {
				t.Fatalf("fired %+v", *f)
			}
		} else {
			mustNotFind(t, ev, PerimeterFire)
		}
	}
	if s.Ships[st].Volleys != 0 {
		t.Fatalf("volleys left %d", s.Ships[st].Volleys)
	}
	// The next enemy phase brings fresh volleys.
	apply(t, s, endPhase(SideB))
	apply(t, s, endPhase(SideA))
	ev = apply(t, s, mv(SideB, jems[3], line(starts[3], dirs[3]+3, 2)...))
	mustFind(t, ev, PerimeterFire)
}

func s0Reach() int {
	c := testClasses()[clsStation]
	return c.Weapons[0].Range + c.Radius
}

// Perimeter defenses fire only on what the station's side can see: a cloaked
// ship slipping into range undetected draws no fire (and is not revealed).
func TestPerimeterIgnoresUndetectedCloakedShip(t *testing.T) {
	b := newBuilder(t)
	st := b.ship(clsStation, SideA, stationAt)
	start := step(stationAt, 0, 6)
	sneak := b.cloaked(clsBoP, SideB, start)
	s := b.start()
	apply(t, s, endPhase(SideA))
	// To 4 hexes from the centre: inside the perimeter's reach (4), outside the
	// station's detection (2 + radius 1).
	ev := apply(t, s, mv(SideB, sneak, line(start, 3, 2)...))
	mustNotFind(t, ev, PerimeterFire)
	mustNotFind(t, ev, Detected)
	if inView(s, SideA, sneak) {
		t.Fatal("undetected ship in the Alliance view")
	}
	if s.Ships[st].Volleys != s.Classes[clsStation].ReactionVolleys {
		t.Fatal("a volley was spent")
	}
}

func TestEvacuationSabotageBoarding(t *testing.T) {
	b := newBuilder(t)
	exit1, exit2 := at(19, 0), at(19, 1)
	b.terrain(Exit, exit1, exit2)
	st := b.ship(clsStation, SideA, stationAt)
	def := b.ship(clsDefiant, SideA, exit1)
	bop := b.ship(clsBoP, SideA, at(15, 12))
	jem := b.ship(clsJem, SideB, step(stationAt, 0, 2))
	s := b.start()
	evac := s.EvacTurns

	applyErr(t, s, order(Sabotage, SideA, st), "evacuated")
	ev := apply(t, s, order(Evacuate, SideA, st))
	eo := mustFind(t, ev, EvacuationOrdered)
	if eo.Value != 1+evac || s.Ships[st].EvacuateAt != 1+evac {
		t.Fatalf("evacuation ordered %+v", *eo)
	}
	applyErr(t, s, order(Evacuate, SideA, st), "already")
	applyErr(t, s, order(Sabotage, SideA, st), "evacuated")
	apply(t, s, endPhase(SideA))
	applyErr(t, s, targeted(Board, SideB, jem, st), "shields")
	apply(t, s, endPhase(SideB))

	// Turn by turn until the evacuation completes at the start of turn 1+EvacTurns.
	for s.Turn < 1+evac {
		if s.Ships[st].Evacuated {
			t.Fatalf("evacuated early on turn %d", s.Turn)
		}
		apply(t, s, endPhase(SideA))
		ev = apply(t, s, endPhase(SideB))
	}
	e := mustFind(t, ev, Evacuated)
	if e.Ship != st || !s.Ships[st].Evacuated || s.Ships[st].Garrison != 0 {
		t.Fatalf("evacuated %+v, station %+v", *e, s.Ships[st])
	}

	// Program Sisko 197 waits until every ship has left or been lost.
	applyErr(t, s, order(Sabotage, SideA, st), "has not left")
	ev = apply(t, s, order(Withdraw, SideA, def))
	mustFind(t, ev, Withdrew)
	if s.Ships[def].Status != Escaped || s.ShipAt(exit1) != nil {
		t.Fatalf("defiant %s", s.Ships[def].Status)
	}
	if s.Losses[SideA] != 0 {
		t.Fatal("withdrawing counted as a loss")
	}
	applyErr(t, s, order(Sabotage, SideA, st), "has not left")
	var dev []Event
	s.destroy(&s.Ships[bop], &dev)
	checkInvariants(t, s)

	ev = apply(t, s, order(Sabotage, SideA, st))
	mustFind(t, ev, Sabotaged)
	mustFind(t, ev, MainPowerLost)
	stn := &s.Ships[st]
	if !stn.Sabotaged || !stn.Lost() || stn.MainPower || stn.Shields != 0 {
		t.Fatalf("station after sabotage %+v", *stn)
	}
	if s.StationStatus() != "sabotaged" || !s.Holds(cond("station_lost")) || !s.Holds(cond("station_sabotaged")) {
		t.Fatalf("station status %s", s.StationStatus())
	}
	applyErr(t, s, order(Evacuate, SideA, st), "lost")
	if s.Holds(cond("station_captured")) {
		t.Fatal("sabotaged counts as captured before boarding")
	}
	apply(t, s, endPhase(SideA))

	// Boarded without resistance.
	ev = apply(t, s, targeted(Board, SideB, jem, st))
	bd := mustFind(t, ev, Boarded)
	if bd.Value != 0 || bd.Ship != jem || bd.Target != st {
		t.Fatalf("boarded %+v", *bd)
	}
	mustFind(t, ev, StationCaptured)
	if !stn.Captured || !s.Holds(cond("station_captured")) {
		t.Fatal("not captured")
	}
}

// BoardingFight, case by case: rounding, the repulse threshold, and the cut while
// the station has main power.
func TestBoardingFight(t *testing.T) {
	for _, c := range []struct {
		troops, roll int
		powered      bool
		killed       int
		repulsed     bool
	}{
		{5, 0, false, 0, true},
		{5, 9, false, 0, true},   // 0.45 rounds to 0
		{5, 10, false, 1, true},  // 0.5 rounds up
		{5, 49, false, 2, true},  // 2.45
		{5, 50, false, 3, false}, // 2.5 rounds up; not thrown back
		{5, 100, false, 5, false},
		{5, 150, false, 8, false}, // 7.5
		{5, 200, false, 10, false},
		{2, 24, false, 0, true},
		{2, 25, false, 1, true},
		{2, 200, false, 4, false},
		{1, 149, false, 1, false},
		{1, 150, false, 2, false},
		{4, 0, false, 0, true},
		// With main power the roll counts a quarter, rounded down.
		{5, 200, true, 3, false}, // 50
		{5, 199, true, 2, true},  // 49
		{5, 100, true, 1, true},  // 25
		{4, 100, true, 1, true},  // 25: 1.0
		{2, 100, true, 1, true},  // 25: 0.5 rounds up
		{2, 99, true, 0, true},   // 24
		{0, 200, false, 0, false},
	} {
		killed, repulsed := BoardingFight(c.troops, c.roll, c.powered)
		if killed != c.killed || repulsed != c.repulsed {
			t.Errorf("BoardingFight(%d, %d, %v) = %d, %v; want %d, %v", c.troops, c.roll, c.powered, killed, repulsed, c.killed, c.repulsed)
		}
	}
}

// boardingSetup is a station with its shields down and three boarders in
// contact with it.
func boardingSetup(t *testing.T, seed uint64) (s *State, st ShipID, jems [3]ShipID) {
	t.Helper()
	b := newBuilder(t)
	st = b.ship(clsStation, SideA, stationAt)
	ring := hex.Ring(stationAt, 2)
	for i, k := range []int{0, 3, 6} {
		jems[i] = b.ship(clsJem, SideB, ring[k])
	}
	s = b.startSeed(seed)
	apply(t, s, endPhase(SideA))
	s.Ships[st].Shields = 0 // knocked down
	return s, st, jems
}

func TestBoardingAgainstGarrison(t *testing.T) {
	s, st, jems := boardingSetup(t, 1)
	far := s.Ships[jems[2]].Pos
	s.Ships[st].Shields = 5
	applyErr(t, s, targeted(Board, SideB, jems[0], st), "shields are up")
	s.Ships[st].Shields = 0
	// Out of contact: one hex further out.
	s.vacate(&s.Ships[jems[2]])
	s.Ships[jems[2]].Pos = step(stationAt, 0, 3)
	if err := s.occupy(&s.Ships[jems[2]]); err != nil {
		t.Fatal(err)
	}
	applyErr(t, s, targeted(Board, SideB, jems[2], st), "contact")
	s.vacate(&s.Ships[jems[2]])
	s.Ships[jems[2]].Pos = far
	if err := s.occupy(&s.Ships[jems[2]]); err != nil {
		t.Fatal(err)
	}

	garrison := s.Classes[clsStation].Garrison
	if garrison != 10 || s.Classes[clsJem].Troops != 5 || s.Classes[clsJem].Hull != 12 {
		t.Fatal("the cases below assume a garrison of 10, and 5 troops and a hull of 12 a boarder")
	}
	// The three boarders board in turn; with a fixed seed the fights go the
	// same way every time.
	type board struct {
		killed, left, hull int // defenders killed, garrison left, the boarder's hull after (0: destroyed)
		captured           bool
	}
	for _, c := range []struct {
		name    string
		seed    uint64
		powered bool // main power still on
		hull    int  // the boarders' hull at the start (0: the class's)
		want    []board
	}{
		// Rolls 187 (9.35 → 9) and 146 (7.3, capped at the 1 defender left).
		{"seed 1 without power", 1, false, 0, []board{{9, 1, 12, false}, {1, 0, 12, true}}},
		// Rolls 178, then 1: thrown back, 10 hull damage; then 105.
		{"seed 2 without power", 2, false, 0, []board{{9, 1, 12, false}, {0, 1, 2, false}, {1, 0, 12, true}}},
		// With main power the rolls count a quarter: 46, 36, 45 → 2 each, all thrown back.
		{"seed 1 with main power", 1, true, 0, []board{{2, 8, 2, false}, {2, 6, 2, false}, {2, 4, 2, false}}},
		// Rolls 148 → 37 and 6 → 1: boarders with 6 hull left do not survive a repulse.
		{"seed 3 with main power, damaged boarders", 3, true, 6, []board{{2, 8, 0, false}, {0, 8, 0, false}, {2, 6, 0, false}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, st, jems := boardingSetup(t, c.seed)
			stn := &s.Ships[st]
			if !c.powered {
				var ev []Event
				s.powerLoss(stn, &ev)
			}
			if c.hull > 0 {
				for _, j := range jems {
					s.Ships[j].Hull = c.hull
				}
			}
			for i, j := range jems {
				if i >= len(c.want) {
					applyErr(t, s, targeted(Board, SideB, j, st), "already taken")
					continue
				}
				w := c.want[i]
				hull, losses := s.Ships[j].Hull, s.Losses[SideB]
				ev := apply(t, s, targeted(Board, SideB, j, st))
				bd := mustFind(t, ev, Boarded)
				sh := &s.Ships[j]
				if bd.Ship != j || bd.Target != st || bd.Damage != w.killed || bd.Value != w.left || stn.Garrison != w.left {
					t.Fatalf("boarding %d: %+v, garrison %d; want %d killed, %d left", i, *bd, stn.Garrison, w.killed, w.left)
				}
				wantDamage := 0
				if w.hull != hull {
					wantDamage = RepulseDamage // thrown back
				}
				if sh.Hull != w.hull || bd.HullDamage != wantDamage {
					t.Fatalf("boarding %d: %+v, hull %d → %d, want %d", i, *bd, hull, sh.Hull, w.hull)
				}
				destroyed := w.hull == 0
				if destroyed != !sh.Alive() || destroyed != (s.Losses[SideB] == losses+1) {
					t.Fatalf("boarding %d: destroyed %v, status %s, losses %d → %d", i, destroyed, sh.Status, losses, s.Losses[SideB])
				}
				if destroyed {
					mustFind(t, ev, ShipDestroyed)
				}
				if stn.Captured != w.captured {
					t.Fatalf("boarding %d: captured %v", i, stn.Captured)
				}
				if w.captured {
					c := mustFind(t, ev, StationCaptured)
					if c.Ship != st || c.Target != j {
						t.Fatalf("captured %+v", *c)
					}
				} else {
					mustNotFind(t, ev, StationCaptured)
				}
			}
			if !stn.Captured {
				return
			}
			if stn.Garrison != 0 || stn.MainPower || s.StationStatus() != "captured" {
				t.Fatalf("station %+v", *stn)
			}
			// A captured station is no target and gives no orders.
			var shooter ShipID = NoShip
			for _, j := range jems {
				if s.Ships[j].Alive() && s.Ships[j].Actions > 0 {
					shooter = j
				}
			}
			if shooter != NoShip {
				applyErr(t, s, atk(SideB, shooter, 0, st, secHabitat), "not a target")
			}
			apply(t, s, endPhase(SideB))
			applyErr(t, s, order(Evacuate, SideA, st), "lost")
			applyErr(t, s, atk(SideA, st, 0, jems[0], 0), "lost")
		})
	}
}

// Over many seeds, one boarding party of 5 costs a garrison 5 defenders on
// average without main power (a quarter of that with it), and about a quarter
// of the parties (almost all, with main power) are thrown back.
func TestBoardingFightOverSeeds(t *testing.T) {
	const n = 2000
	for _, c := range []struct {
		powered                bool
		minMean100, maxMean100 int // mean defenders killed, ×100
		minBack, maxBack       int // parties thrown back, of n
	}{
		{false, 480, 520, n * 20 / 100, n * 30 / 100},
		{true, 110, 140, n * 99 / 100, n},
	} {
		killed, back := 0, 0
		for seed := uint64(1); seed <= n; seed++ {
			s, st, jems := boardingSetup(t, seed)
			stn := &s.Ships[st]
			stn.Garrison = 1000
			if !c.powered {
				var ev []Event
				s.powerLoss(stn, &ev)
			}
			ev, err := s.Apply(targeted(Board, SideB, jems[0], st))
			if err != nil {
				t.Fatal(err)
			}
			bd := mustFind(t, ev, Boarded)
			killed += bd.Damage
			if bd.HullDamage > 0 {
				back++
			}
		}
		t.Logf("main power %v: %d.%02d defenders killed on average, %d of %d thrown back", c.powered, killed/n, killed*100/n%100, back, n)
		if m := killed * 100 / n; m < c.minMean100 || m > c.maxMean100 {
			t.Errorf("main power %v: mean defenders killed ×100 = %d, want %d..%d", c.powered, m, c.minMean100, c.maxMean100)
		}
		if back < c.minBack || back > c.maxBack {
			t.Errorf("main power %v: %d of %d thrown back, want %d..%d", c.powered, back, n, c.minBack, c.maxBack)
		}
	}
}

// Damage control: a repair restores up to the class's Repair to a damaged
// section for an action; once main power is lost, it can be re-routed
// through another standing section, once, for all the station's actions and
// half that section's hull; the shields come back as they regenerate, and
// the new section's loss cuts the power again.
func TestDamageControl(t *testing.T) {
	b := newBuilder(t)
	st := b.ship(clsStation, SideA, stationAt)
	b.ship(clsJem, SideB, at(3, 3))
	s := b.start()
	stn := &s.Ships[st]
	c := s.Class(stn)
	ops, _ := c.Section(secOps)
	power, _ := c.Section(secPower)
	if stn.PowerAt != secPower {
		t.Fatalf("main power at section %d, want %d", stn.PowerAt, secPower)
	}
	stn.Section[ops] -= 10
	stn.Hull -= 10
	ev := apply(t, s, Order{Kind: Repair, Side: SideA, Ship: st, Section: secOps})
	if e := find(ev, Repaired); e == nil || e.Value != 10 || stn.Section[ops] != c.Sections[ops].Hull || stn.Actions != c.Actions-1 {
		t.Fatalf("a repair of 10 damage: %v, section %d, actions %d", kinds(ev), stn.Section[ops], stn.Actions)
	}
	stn.Section[power] = c.Sections[power].Hull - 20
	stn.Hull -= 20
	apply(t, s, Order{Kind: Repair, Side: SideA, Ship: st, Section: secPower})
	if got := stn.Section[power]; got != c.Sections[power].Hull-20+c.Repair {
		t.Fatalf("a repair of 20 damage restored %d, want %d", got-(c.Sections[power].Hull-20), c.Repair)
	}
	checkInvariants(t, s)

	// The power section falls: power is lost.
	var lost []Event
	s.damage(stn, secPower, 10000, 100, Event{Kind: Hit, Ship: NoShip, Target: st}, &lost)
	if stn.MainPower || find(lost, MainPowerLost) == nil {
		t.Fatal("the power section's loss did not cut the power")
	}
	stn.Actions = c.Actions
	before := stn.Section[ops]
	ev = apply(t, s, Order{Kind: Reroute, Side: SideA, Ship: st, Section: secOps})
	if !stn.MainPower || stn.PowerAt != secOps || stn.Actions != 0 || stn.Section[ops] != before-before/2 || find(ev, PowerRerouted) == nil {
		t.Fatalf("after the reroute: power %v at %d, actions %d, ops %d (was %d)", stn.MainPower, stn.PowerAt, stn.Actions, stn.Section[ops], before)
	}
	if stn.Shields != 0 {
		t.Errorf("the shields came back at once: %d", stn.Shields)
	}
	checkInvariants(t, s)
	apply(t, s, endPhase(SideA))
	apply(t, s, endPhase(SideB))
	if stn.Shields != min(c.ShieldRegen, c.Shields) {
		t.Errorf("shields %d after a turn with power, want %d", stn.Shields, min(c.ShieldRegen, c.Shields))
	}
	lost = lost[:0]
	s.damage(stn, secOps, 10000, 100, Event{Kind: Hit, Ship: NoShip, Target: st}, &lost)
	if stn.MainPower {
		t.Fatal("the loss of the section carrying the power now did not cut it")
	}
	applyErr(t, s, Order{Kind: Reroute, Side: SideA, Ship: st, Section: secHabitat}, "once already")
}
