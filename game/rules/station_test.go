package rules

import (
	"testing"

	"github.com/calltoarms/ds9/game/hex"
)

// stationAt is where the test station sits (radius 1).
var stationAt = at(6, 7)

func TestMainPowerSection17(t *testing.T) {
	b := newBuilder(t)
	st := b.ship(clsStation, Alliance, stationAt)
	// Six attackers touching the station's structure (range 1).
	var jems []ShipID
	for _, h := range hex.Ring(stationAt, 2)[:6] {
		jems = append(jems, b.ship(clsJem, Dominion, h))
	}
	far := step(stationAt, 0, 7)
	late := b.ship(clsJem, Dominion, far)
	s := b.start()
	apply(t, s, endPhase(Alliance))

	var all []Event
	for _, j := range jems {
		if !s.Ships[st].MainPower {
			break
		}
		all = append(all, apply(t, s, atk(Dominion, j, 1, st, secPower))...)
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
			applyErr(t, s, atk(Dominion, j, 1, st, secPower), "disabled")
			break
		}
	}

	ev := apply(t, s, endPhase(Dominion))
	if stn.Shields != 0 {
		t.Fatalf("shields regenerated to %d without main power", stn.Shields)
	}
	for _, e := range ev {
		if e.Kind == ShieldsRestored && e.Side == Alliance {
			t.Fatalf("shields restored: %+v", e)
		}
	}
	for wi := range s.Classes[clsStation].Weapons {
		applyErr(t, s, atk(Alliance, st, wi, jems[0], 0), "main power")
	}
	apply(t, s, endPhase(Alliance))
	// The perimeter is silent.
	ev = apply(t, s, mv(Dominion, late, line(far, 3, 3)...))
	mustNotFind(t, ev, PerimeterFire)
}

func TestPerimeterDefenses(t *testing.T) {
	b := newBuilder(t)
	st := b.ship(clsStation, Alliance, stationAt)
	reach := s0Reach() // phaser range 3 + radius 1
	// Four attackers 6 hexes out in four directions; each moves 2 hexes in (to 4).
	dirs := []int{0, 1, 2, 3}
	var jems []ShipID
	var starts []hex.Hex
	for _, d := range dirs {
		h := step(stationAt, d, 6)
		starts = append(starts, h)
		jems = append(jems, b.ship(clsJem, Dominion, h))
	}
	inside := b.ship(clsJem, Dominion, step(stationAt, 4, 3))
	s := b.start()
	volleys := s.Classes[clsStation].ReactionVolleys
	if volleys != 2 {
		t.Fatalf("test expects 2 reaction volleys")
	}
	apply(t, s, endPhase(Alliance))
	if s.Ships[st].Volleys != volleys {
		t.Fatalf("volleys %d at the start of the enemy phase", s.Ships[st].Volleys)
	}

	// A ship already inside the range moving within it draws no fire.
	ev := apply(t, s, mv(Dominion, inside, step(stationAt, 4, 4), step(stationAt, 4, 3)))
	mustNotFind(t, ev, PerimeterFire)

	for i := range 3 {
		path := line(starts[i], dirs[i]+3, 2)
		if hex.Distance(stationAt, path[1]) != reach || hex.Distance(stationAt, path[0]) != reach+1 {
			t.Fatal("geometry")
		}
		ev := apply(t, s, mv(Dominion, jems[i], path...))
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
	apply(t, s, endPhase(Dominion))
	apply(t, s, endPhase(Alliance))
	ev = apply(t, s, mv(Dominion, jems[3], line(starts[3], dirs[3]+3, 2)...))
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
	st := b.ship(clsStation, Alliance, stationAt)
	start := step(stationAt, 0, 6)
	sneak := b.cloaked(clsBoP, Dominion, start)
	s := b.start()
	apply(t, s, endPhase(Alliance))
	// To 4 hexes from the centre: inside the perimeter's reach (4), outside the
	// station's detection (2 + radius 1).
	ev := apply(t, s, mv(Dominion, sneak, line(start, 3, 2)...))
	mustNotFind(t, ev, PerimeterFire)
	mustNotFind(t, ev, Detected)
	if inView(s, Alliance, sneak) {
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
	st := b.ship(clsStation, Alliance, stationAt)
	def := b.ship(clsDefiant, Alliance, exit1)
	bop := b.ship(clsBoP, Alliance, at(15, 12))
	jem := b.ship(clsJem, Dominion, step(stationAt, 0, 2))
	s := b.start()
	evac := s.EvacTurns

	applyErr(t, s, order(Sabotage, Alliance, st), "evacuated")
	ev := apply(t, s, order(Evacuate, Alliance, st))
	eo := mustFind(t, ev, EvacuationOrdered)
	if eo.Value != 1+evac || s.Ships[st].EvacuateAt != 1+evac {
		t.Fatalf("evacuation ordered %+v", *eo)
	}
	applyErr(t, s, order(Evacuate, Alliance, st), "already")
	applyErr(t, s, order(Sabotage, Alliance, st), "evacuated")
	apply(t, s, endPhase(Alliance))
	applyErr(t, s, targeted(Board, Dominion, jem, st), "shields")
	apply(t, s, endPhase(Dominion))

	// Turn by turn until the evacuation completes at the start of turn 1+EvacTurns.
	for s.Turn < 1+evac {
		if s.Ships[st].Evacuated {
			t.Fatalf("evacuated early on turn %d", s.Turn)
		}
		apply(t, s, endPhase(Alliance))
		ev = apply(t, s, endPhase(Dominion))
	}
	e := mustFind(t, ev, Evacuated)
	if e.Ship != st || !s.Ships[st].Evacuated || s.Ships[st].Garrison != 0 {
		t.Fatalf("evacuated %+v, station %+v", *e, s.Ships[st])
	}

	// Program Sisko 197 waits until every ship has left or been lost.
	applyErr(t, s, order(Sabotage, Alliance, st), "has not left")
	ev = apply(t, s, order(Withdraw, Alliance, def))
	mustFind(t, ev, Withdrew)
	if s.Ships[def].Status != Escaped || s.ShipAt(exit1) != nil {
		t.Fatalf("defiant %s", s.Ships[def].Status)
	}
	if s.Losses[Alliance] != 0 {
		t.Fatal("withdrawing counted as a loss")
	}
	applyErr(t, s, order(Sabotage, Alliance, st), "has not left")
	var dev []Event
	s.destroy(&s.Ships[bop], &dev)
	checkInvariants(t, s)

	ev = apply(t, s, order(Sabotage, Alliance, st))
	mustFind(t, ev, Sabotaged)
	mustFind(t, ev, MainPowerLost)
	stn := &s.Ships[st]
	if !stn.Sabotaged || !stn.Lost() || stn.MainPower || stn.Shields != 0 {
		t.Fatalf("station after sabotage %+v", *stn)
	}
	if s.StationStatus() != "sabotaged" || !s.Holds(cond("station_lost")) || !s.Holds(cond("station_sabotaged")) {
		t.Fatalf("station status %s", s.StationStatus())
	}
	applyErr(t, s, order(Evacuate, Alliance, st), "lost")
	if s.Holds(cond("station_captured")) {
		t.Fatal("sabotaged counts as captured before boarding")
	}
	apply(t, s, endPhase(Alliance))

	// Boarded without resistance.
	ev = apply(t, s, targeted(Board, Dominion, jem, st))
	bd := mustFind(t, ev, Boarded)
	if bd.Value != 0 || bd.Ship != jem || bd.Target != st {
		t.Fatalf("boarded %+v", *bd)
	}
	mustFind(t, ev, StationCaptured)
	if !stn.Captured || !s.Holds(cond("station_captured")) {
		t.Fatal("not captured")
	}
}

func TestBoardingAgainstGarrison(t *testing.T) {
	b := newBuilder(t)
	st := b.ship(clsStation, Alliance, stationAt)
	ring := hex.Ring(stationAt, 2)
	j1 := b.ship(clsJem, Dominion, ring[0])
	j2 := b.ship(clsJem, Dominion, ring[3])
	j3 := b.ship(clsJem, Dominion, ring[6])
	farJem := b.ship(clsJem, Dominion, step(stationAt, 0, 3))
	s := b.start()
	apply(t, s, endPhase(Alliance))

	applyErr(t, s, targeted(Board, Dominion, j1, st), "shields are up")
	s.Ships[st].Shields = 0 // knocked down
	applyErr(t, s, targeted(Board, Dominion, farJem, st), "contact")

	garrison := s.Classes[clsStation].Garrison
	troops := s.Classes[clsJem].Troops
	ev := apply(t, s, targeted(Board, Dominion, j1, st))
	bd := mustFind(t, ev, Boarded)
	if bd.Value != garrison-troops || s.Ships[st].Garrison != garrison-troops {
		t.Fatalf("boarded %+v, garrison %d", *bd, s.Ships[st].Garrison)
	}
	mustNotFind(t, ev, StationCaptured)
	if s.Ships[st].Captured {
		t.Fatal("captured with defenders left")
	}
	ev = apply(t, s, targeted(Board, Dominion, j2, st))
	c := mustFind(t, ev, StationCaptured)
	if c.Ship != st || c.Target != j2 {
		t.Fatalf("captured %+v", *c)
	}
	stn := &s.Ships[st]
	if !stn.Captured || stn.Garrison != 0 || stn.MainPower || s.StationStatus() != "captured" {
		t.Fatalf("station %+v", *stn)
	}
	applyErr(t, s, targeted(Board, Dominion, j3, st), "already taken")
	// A captured station is no target and gives no orders.
	applyErr(t, s, atk(Dominion, j3, 0, st, secHabitat), "not a target")
	apply(t, s, endPhase(Dominion))
	applyErr(t, s, order(Evacuate, Alliance, st), "lost")
	applyErr(t, s, atk(Alliance, st, 0, j1, 0), "lost")
}
