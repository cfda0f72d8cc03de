package rules

import (
	"strings"
	"testing"

	"github.com/calltoarms/ds9/game/hex"
)

// A sweeping beam destroys the enemy mines around the hex it hits; an active
// field left with fewer than its fails_below is brought down for good: it
// uncloaks, stops sealing the wormhole and builds no more mines.
func TestSweepBringsAFieldDown(t *testing.T) {
	b := newBuilder(t)
	pos := line(at(10, 6), 0, 4)
	st := b.ship(clsStation, SideB, stationAt) // the enemy's station, with the beam
	b.ship(clsDefiant, SideA, at(15, 10))
	b.mines(pos, pos...)
	b.First = SideB
	su := b.setup()
	su.Minefields[0].FailsBelow = 3
	_, gq := b.wing(SideB, clsJem, 3, 3, FromWormhole, hex.Hex{})
	_ = gq
	su.Ships, su.Wings = b.Ships, b.Wings
	b.terrain(Wormhole, at(14, 2))
	su.Map = b.Map
	s, err := New(su, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !s.Fields[0].Active || !s.sealed(SideB) {
		t.Fatal("the field should start active, sealing the wormhole")
	}
	fired, swept := 0, 0
	for s.Turn < 3 && !s.Fields[0].Down {
		if s.Active == SideB && s.Ships[st].Actions > 0 {
			o := Order{Kind: Sweep, Side: SideB, Ship: st, Weapon: 2, At: pos[1]}
			if err := s.Check(o); err != nil {
				t.Fatalf("turn %d: %v", s.Turn, err)
			}
			for _, e := range apply(t, s, o) {
				switch e.Kind {
				case Fired:
					fired++
				case MineSwept:
					swept++
				}
			}
			continue
		}
		apply(t, s, endPhase(s.Active))
	}
	m := &s.Fields[0]
	if !m.Down || m.Active || m.Cloaked || s.sealed(SideB) {
		t.Fatalf("after %d volleys, %d mines swept: active %v down %v laid %d", fired, swept, m.Active, m.Down, m.LaidCount())
	}
	laid := m.LaidCount()
	for s.Active != SideA {
		apply(t, s, endPhase(s.Active))
	}
	if m.LaidCount() != laid {
		t.Fatalf("a field brought down replicated: %d → %d", laid, m.LaidCount())
	}
	if !s.Holds(cond("minefield_down")) || s.Holds(cond("minefield_active")) || !s.Holds(cond("minefield_failed")) {
		t.Fatal("conditions do not see the field down")
	}
	if err := s.CheckInvariants(); err != nil {
		t.Fatal(err)
	}
	// A field that cannot be brought down only loses its mines for a while.
	b2 := newBuilder(t)
	st2 := b2.ship(clsStation, SideB, stationAt)
	b2.mines(pos, pos...)
	b2.First = SideB
	s2 := b2.start()
	for range 3 {
		if s2.Ships[st2].Actions > 0 {
			apply(t, s2, Order{Kind: Sweep, Side: SideB, Ship: st2, Weapon: 2, At: pos[1]})
		}
	}
	if s2.Fields[0].Down || !s2.Fields[0].Active {
		t.Fatal("a field without fails_below was brought down")
	}
}

// Two minefields of two owners: each side lays only its own; a ship is struck
// only by the other side's; laid mines name their field.
func TestTwoMinefields(t *testing.T) {
	b := newBuilder(t)
	mineA, mineB := at(6, 6), at(12, 6)
	def := b.ship(clsDefiant, SideA, mineA.Neighbor(0))
	jem := b.ship(clsJem, SideB, mineA.Neighbor(3))
	su := b.setup()
	su.Minefields = []FieldSetup{
		{ID: "a", Owner: SideA, Damage: 5, Positions: []hex.Hex{mineA, at(2, 2)}},
		{ID: "b", Owner: SideB, Damage: 7, Positions: []hex.Hex{mineB, at(3, 3)}, Laid: []hex.Hex{mineB}},
	}
	su.Classes[clsJem].Minelayer = true
	s, err := New(su, 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Check(Order{Kind: LayMine, Side: SideA, Ship: def, At: mineA.Neighbor(1)}); err == nil {
		t.Fatal("laid a mine where no field is")
	}
	ev := apply(t, s, Order{Kind: LayMine, Side: SideA, Ship: def, At: mineA})
	if e := mustFind(t, ev, MineLaid); e.Field != 0 || !s.Fields[0].Laid[s.Fields[0].Index(mineA)] {
		t.Fatalf("laid %+v", *e)
	}
	apply(t, s, endPhase(SideA))
	if err := s.Check(Order{Kind: LayMine, Side: SideB, Ship: jem, At: mineA}); err == nil || !strings.Contains(err.Error(), "not the") {
		t.Fatalf("the Dominion lays in the Alliance's field: %v", err)
	}
	ev = apply(t, s, mv(SideB, jem, hex.Line(s.Ships[jem].Pos, mineA)[1:]...))
	if e := mustFind(t, ev, MineDetonated); e.Field != 0 || e.Damage != 5 {
		t.Fatalf("struck by %+v", *e)
	}
	apply(t, s, endPhase(SideB))
	ev = apply(t, s, mv(SideA, def, hex.Line(s.Ships[def].Pos, mineB)[1:]...))
	if e := mustFind(t, ev, MineDetonated); e.Field != 1 || e.Damage != 7 {
		t.Fatalf("struck by %+v", *e)
	}
	if v := s.View(SideA); len(v.Fields) != 2 || v.Fields[1].Owner != SideB || v.MineOwner != SideA {
		t.Fatalf("the view's fields: %+v", v.Fields)
	}
	if err := s.CheckInvariants(); err != nil {
		t.Fatal(err)
	}
}

// The conditions about units, sections, areas and exits hold when they should.
func TestConditionsOfTheWar(t *testing.T) {
	b := newBuilder(t)
	b.terrain(Exit, at(19, 5))
	st := b.ship(clsStation, SideA, stationAt)
	def := b.ship(clsDefiant, SideA, at(19, 5))
	jem := b.ship(clsJem, SideB, at(10, 10))
	jem2 := b.ship(clsJem, SideB, at(11, 10))
	b.Areas = []Area{{ID: "yard", Hexes: []hex.Hex{at(10, 10), at(11, 10), at(12, 10)}}}
	s := b.start()
	u := func(text string, want bool) {
		t.Helper()
		c, err := ParseCondition(text, Names{Sides: testSides,
			Units: func(k string) (ShipID, bool) {
				id, ok := map[string]ShipID{"st": st, "def": def, "jem": jem, "jem2": jem2}[k]
				return id, ok
			},
			Areas: func(k string) (int, bool) { return 0, k == "yard" }})
		if err != nil {
			t.Fatal(err)
		}
		if got := s.Holds(c); got != want {
			t.Errorf("%s = %v, want %v", text, got, want)
		}
	}
	u("alive(def, jem)", true)
	u("destroyed(jem, jem2) >= 1", false)
	u("holds(dominion, yard)", true)
	u("in_area(dominion, yard) >= 2", true)
	u("holds(alliance, yard)", false)
	u("held(st)", true)
	u("disabled(st, 17)", false)
	s.destroy(&s.Ships[jem], nil)
	s.Ships[st].Section[2] = 0 // section 17
	s.Ships[st].Hull -= 30
	apply(t, s, order(Withdraw, SideA, def))
	u("destroyed(jem, jem2) >= 1", true)
	u("destroyed(jem, jem2)", false)
	u("alive(def)", true)
	u("escaped(def)", true)
	u("withdrawn(alliance) >= 1", true)
	u("in_area(dominion, yard) >= 2", false)
	u("disabled(st, 17)", true)
}

// A side's score is its outcome's score plus its objectives' points, within
// 0..MaxScore; objectives count only when they hold.
func TestScores(t *testing.T) {
	b := newBuilder(t)
	b.ship(clsDefiant, SideA, at(4, 4))
	jem := b.ship(clsJem, SideB, at(10, 10))
	b.TurnLimit = 1
	b.Outcomes = []Outcome{{ID: "draw", Winner: SideA, When: conds("turn_limit"), Score: [2]int{40, 60}}}
	b.Objectives = []Objective{
		{ID: "kill", Side: SideA, When: conds("losses(dominion) >= 1"), Points: 30},
		{ID: "live", Side: SideB, When: conds("losses(dominion) < 1"), Points: 50},
		{ID: "price", Side: SideA, When: conds("turn >= 1"), Points: -100},
	}
	s := b.start()
	if s.Score(SideA) != 0 || s.Score(SideB) != 50 {
		t.Fatalf("before the end: %d, %d", s.Score(SideA), s.Score(SideB))
	}
	s.destroy(&s.Ships[jem], nil)
	apply(t, s, endPhase(SideA))
	apply(t, s, endPhase(SideB))
	if s.Phase != Over {
		t.Fatal("not over")
	}
	// A: 40 + 30 − 100 → 0; B: 60 + 0.
	if a, d := s.Score(SideA), s.Score(SideB); a != 0 || d != 60 {
		t.Fatalf("scores %d, %d", a, d)
	}
	sum := s.Summarize()
	if sum.Scores.Of("alliance") != 0 || sum.Scores.Of("dominion") != 60 || len(sum.Objectives) != 3 || !sum.Objectives[0].Done {
		t.Fatalf("summary %+v", sum)
	}
}

// A structure does not move and is destroyed like a ship; it is not counted in
// a side's fleet.
func TestStructure(t *testing.T) {
	b := newBuilder(t)
	b.Classes = append(b.Classes, Class{ID: "yard", Name: "Shipyard", Structure: true, Hull: 10, Actions: 1})
	yard := b.ship(len(b.Classes)-1, SideB, at(8, 8))
	jem := b.ship(clsJem, SideB, at(2, 2))
	def := b.ship(clsDefiant, SideA, at(8, 6))
	s := b.start()
	if err := s.Check(endPhase(SideA)); err != nil {
		t.Fatal(err)
	}
	apply(t, s, endPhase(SideA))
	if err := s.Check(mv(SideB, yard, at(8, 9))); err == nil {
		t.Fatal("a structure moved")
	}
	if err := s.Check(targeted(Cover, SideB, yard, jem)); err == nil {
		t.Fatal("a structure covered")
	}
	apply(t, s, endPhase(SideB))
	s.destroy(&s.Ships[jem], nil)
	if !s.Holds(cond("fleet_gone(dominion)")) {
		t.Fatal("the structure counts as a fleet")
	}
	for range 6 {
		if s.Ships[yard].Alive() && s.Ships[def].Actions > 0 {
			apply(t, s, atk(SideA, def, 0, yard, 0))
		}
		s.Ships[def].Actions = 1
	}
	if s.Ships[yard].Status != Destroyed {
		t.Fatalf("the yard stands: hull %d", s.Ships[yard].Hull)
	}
}

// A team aboard the other side's station disables a section at its skill
// less the alarms' while they stand; caught when it fails under the alarms.
// It is never seen by the station's side, and the events it is told name
// it only once it is caught.
func TestTeamAboard(t *testing.T) {
	build := func(seed uint64, alarm int) (*State, ShipID, ShipID) {
		b := newBuilder(t)
		b.Classes[clsStation].Sections = append(b.Classes[clsStation].Sections, Section{ID: 9, Name: "alarms", Hull: 1, Alarm: alarm})
		st := b.ship(clsStation, SideA, stationAt)
		cell := b.team(SideB, st)
		b.First = SideB
		return b.startSeed(seed), st, cell
	}
	s, st, cell := build(1, 40)
	if s.View(SideA).Ship(cell) != nil {
		t.Fatal("the station's side sees the team")
	}
	if c, _ := s.chanceAboard(&s.Ships[cell], &s.Ships[st], secOps); c != 20 || s.View(SideB).ChanceAboard(cell, secOps) != 20 {
		t.Fatalf("chance under the alarms %d, want 60 − 40", c)
	}
	if c, _ := s.chanceAboard(&s.Ships[cell], &s.Ships[st], 9); c != 60 {
		t.Fatalf("chance against the alarms themselves %d, want 60", c)
	}
	// The share of successes over many seeds follows the chance; every
	// failure under the alarms is caught.
	struck, caught, n := 0, 0, 600
	for seed := uint64(1); seed <= uint64(n); seed++ {
		s, st, cell := build(seed, 40)
		_, told, err := s.ApplyRedacted(Order{Kind: Disable, Side: SideB, Ship: cell, Target: st, Section: secOps})
		if err != nil {
			t.Fatal(err)
		}
		switch s.Ships[cell].Status {
		case Apprehended:
			caught++
		case OnMap:
			struck++
			si, _ := s.Class(&s.Ships[st]).Section(secOps)
			if s.Ships[st].Section[si] != 0 {
				t.Fatal("struck, but the section stands")
			}
		}
		for _, e := range told[SideA] {
			if ship, _ := e.Named(); ship == cell && e.Kind != TeamCaught {
				t.Fatalf("the station's side is told the team's name: %+v", e)
			}
		}
		if err := s.CheckInvariants(); err != nil {
			t.Fatal(err)
		}
	}
	if struck+caught != n || abs(struck*100/n-20) > 5 {
		t.Fatalf("%d struck, %d caught of %d; want about 20%% struck", struck, caught, n)
	}
	// With the alarms down, a failure is only a failure.
	s, st, cell = build(3, 40)
	s.Ships[st].Section[3], s.Ships[st].Hull = 0, s.Ships[st].Hull-1
	for range 1 {
		apply(t, s, Order{Kind: Disable, Side: SideB, Ship: cell, Target: st, Section: secOps})
	}
	if s.Ships[cell].Status != OnMap {
		t.Fatal("caught with the alarms down")
	}
}
