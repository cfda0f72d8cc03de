package rules

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// testNames resolve a test battle's names: units st (0) and def (1), area
// yard, minefield field.
var testNames = Names{
	Sides:  testSides,
	Units:  func(k string) (ShipID, bool) { id, ok := map[string]ShipID{"st": 0, "def": 1}[k]; return id, ok },
	Areas:  func(k string) (int, bool) { return 0, k == "yard" },
	Fields: func(k string) (int, bool) { return 0, k == "field" },
}

func TestParseCondition(t *testing.T) {
	tests := []struct {
		in   string
		want Condition
		str  string // String(), when it differs from in
		err  string
	}{
		{in: "terms_accepted", want: Condition{Name: "terms_accepted"}},
		{in: "  turn_limit ", want: Condition{Name: "turn_limit"}, str: "turn_limit"},
		{in: "minefield_active", want: Condition{Name: "minefield_active"}},
		{in: "minefield_active(field)", want: Condition{Name: "minefield_active"}},
		{in: "minefield_inactive", want: Condition{Name: "minefield_inactive"}},
		{in: "minefield_failed", want: Condition{Name: "minefield_failed"}},
		{in: "minefield_down(field)", want: Condition{Name: "minefield_down"}},
		{in: "station_lost", want: Condition{Name: "station_lost"}},
		{in: "station_held", want: Condition{Name: "station_held"}},
		{in: "station_sabotaged", want: Condition{Name: "station_sabotaged"}},
		{in: "station_captured", want: Condition{Name: "station_captured"}},
		{in: "fleet_gone(alliance)", want: Condition{Name: "fleet_gone", Side: SideA}},
		{in: "losses(dominion) >= 50", want: Condition{Name: "losses", Side: SideB, Op: ">=", N: 50}},
		{in: "losses( alliance )<3", want: Condition{Name: "losses", Side: SideA, Op: "<", N: 3}, str: "losses(alliance) < 3"},
		{in: "losses(dominion) > 0", want: Condition{Name: "losses", Side: SideB, Op: ">", N: 0}},
		{in: "losses(dominion) <= 49", want: Condition{Name: "losses", Side: SideB, Op: "<=", N: 49}},
		{in: "turn == 5", want: Condition{Name: "turn", Op: "==", N: 5}},
		{in: "withdrawn(alliance) >= 2", want: Condition{Name: "withdrawn", Side: SideA, Op: ">=", N: 2}},
		{in: "destroyed(st,def)", want: Condition{Name: "destroyed", Units: []ShipID{0, 1}}, str: "destroyed(st, def)"},
		{in: "destroyed(st, def) >= 1", want: Condition{Name: "destroyed", Units: []ShipID{0, 1}, Op: ">=", N: 1}},
		{in: "alive(def)", want: Condition{Name: "alive", Units: []ShipID{1}}},
		{in: "escaped(def)", want: Condition{Name: "escaped", Units: []ShipID{1}}},
		{in: "disabled(st, 17)", want: Condition{Name: "disabled", Units: []ShipID{0}, Section: 17}},
		{in: "captured(st)", want: Condition{Name: "captured", Units: []ShipID{0}}},
		{in: "held(st)", want: Condition{Name: "held", Units: []ShipID{0}}},
		{in: "in_area(dominion, yard) >= 3", want: Condition{Name: "in_area", Side: SideB, Op: ">=", N: 3}},
		{in: "holds(alliance, yard)", want: Condition{Name: "holds", Side: SideA}},

		{in: "", err: "unknown condition"},
		{in: "bogus", err: "unknown condition"},
		{in: "station_lost >= 1", err: "takes no comparison"},
		{in: "losses(dominion)", err: "needs a comparison"},
		{in: "turn", err: "needs a comparison"},
		{in: "turn>=-1", err: "out of 0..200"},
		{in: "losses >= 5", err: "takes 1 argument"},
		{in: "fleet_gone", err: "takes 1 argument"},
		{in: "turn_limit(alliance)", err: "takes no arguments"},
		{in: "losses(klingon) >= 1", err: "unknown side"},
		{in: "losses(dominion >= 1", err: "missing )"},
		{in: "turn >= x", err: "not a number"},
		{in: "turn >= ", err: "not a number"},
		{in: "turn => 5", err: "unknown condition"},
		{in: "bogus(dominion) >= 1", err: "unknown condition"},
		{in: "destroyed(st, nobody)", err: "no unit"},
		{in: "destroyed(st) >= 2", err: "out of 0..1"},
		{in: "disabled(st, x)", err: "not a section id"},
		{in: "holds(alliance, moon)", err: "no area"},
		{in: "minefield_down(sea)", err: "no minefield"},
		{in: "destroyed(st, )", err: "empty argument"},
	}
	for _, tc := range tests {
		c, err := ParseCondition(tc.in, testNames)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("ParseCondition(%q) = %+v, %v; want error %q", tc.in, c, err, tc.err)
			}
			continue
		}
		str := tc.str
		if str == "" {
			str = strings.TrimSpace(tc.in)
		}
		tc.want.Text = str
		if err != nil || !reflect.DeepEqual(c, tc.want) {
			t.Errorf("ParseCondition(%q) = %+v, %v; want %+v", tc.in, c, err, tc.want)
			continue
		}
		if back, err := ParseCondition(c.String(), testNames); err != nil || !reflect.DeepEqual(back, c) {
			t.Errorf("round trip of %q: %+v, %v", c.String(), back, err)
		}
	}
}

func TestOutcomeSelection(t *testing.T) {
	type setup func(s *State, st, jem ShipID)
	active := func(s *State, _, _ ShipID) { s.Fields[0].Active, s.Fields[0].Cloaked = true, true }
	captured := func(s *State, st, _ ShipID) { s.Ships[st].Captured = true }
	sabotaged := func(s *State, st, _ ShipID) { s.Ships[st].Sabotaged = true }
	losses := func(n int) setup { return func(s *State, _, _ ShipID) { s.Losses[SideB] = n } }
	turnEnded := func(s *State, _, _ ShipID) { s.turnEnded = true }
	terms := func(s *State, _, _ ShipID) { s.Terms = TermsAccepted }

	tests := []struct {
		name    string
		endWhen [][]Condition
		setups  []setup
		over    bool
		want    string
	}{
		{"nothing has happened", nil, nil, false, ""},
		{"terms accepted comes first", nil, []setup{terms}, true, "alliance-surrender"},
		{"wormhole open at the turn limit", nil, []setup{turnEnded}, true, "dominion-decisive-victory"},
		{"historical result", nil, []setup{turnEnded, active, sabotaged, losses(50)}, true, "dominion-pyrrhic-victory"},
		{"station captured, 49 losses", nil, []setup{turnEnded, active, captured, losses(49)}, true, "dominion-victory"},
		{"station held", nil, []setup{turnEnded, active, losses(120)}, true, "alliance-victory"},
		{"end condition: station lost", [][]Condition{conds("station_lost")}, []setup{active, captured, losses(60)}, true, "dominion-pyrrhic-victory"},
		{"end condition not met", [][]Condition{conds("station_lost")}, []setup{active}, false, ""},
		{"end conditions are and-ed", [][]Condition{conds("station_lost", "losses(dominion) >= 10")}, []setup{active, captured}, false, ""},
		{"end conditions are or-ed", [][]Condition{conds("turn >= 7"), conds("minefield_active")}, []setup{active, captured}, true, "dominion-victory"},
		{"no outcome matches", [][]Condition{conds("minefield_active")}, []setup{active}, true, "undecided"},
		{"an empty end condition never ends", [][]Condition{{}}, nil, false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := newBuilder(t)
			b.mines(mineRow())
			st := b.ship(clsStation, SideA, stationAt)
			jem := b.ship(clsJem, SideB, at(15, 3))
			b.EndWhen = tc.endWhen
			s := b.start()
			for _, f := range tc.setups {
				f(s, st, jem)
			}
			var ev []Event
			s.checkEnd(&ev)
			if (s.Phase == Over) != tc.over {
				t.Fatalf("phase %s, want over %v", s.Phase, tc.over)
			}
			if !tc.over {
				if len(ev) != 0 {
					t.Fatalf("events %v", kinds(ev))
				}
				return
			}
			if s.Outcome != tc.want {
				t.Fatalf("outcome %q, want %q", s.Outcome, tc.want)
			}
			o := mustFind(t, ev, OutcomeDecided)
			if o.Text != tc.want || o.Side != s.Winner {
				t.Fatalf("outcome event %+v", *o)
			}
			info, ok := s.OutcomeInfo()
			if tc.want == "undecided" {
				if ok {
					t.Fatalf("OutcomeInfo found %+v", info)
				}
				return
			}
			if !ok || info.ID != tc.want {
				t.Fatalf("OutcomeInfo %+v %v", info, ok)
			}
		})
	}
}

func TestUndecidedOutcome(t *testing.T) {
	b := newBuilder(t)
	b.Outcomes = []Outcome{{ID: "never", When: conds("turn == 99")}}
	b.TurnLimit = 1
	s := b.start()
	apply(t, s, endPhase(SideA))
	ev := apply(t, s, endPhase(SideB))
	if s.Phase != Over || s.Outcome != "undecided" {
		t.Fatalf("phase %s outcome %q", s.Phase, s.Outcome)
	}
	mustFind(t, ev, OutcomeDecided)
	if _, ok := s.OutcomeInfo(); ok {
		t.Fatal("OutcomeInfo found an undecided outcome")
	}
	if w := s.Summarize().Winner; w != "" {
		t.Fatalf("an undecided battle names a winner: %q", w)
	}
	if e := mustFind(t, ev, OutcomeDecided); e.Sided() {
		t.Fatal("the undecided outcome's event has a side")
	}
}

func TestTurnLimit(t *testing.T) {
	b := newBuilder(t)
	b.TurnLimit = 2
	b.ship(clsDefiant, SideA, at(4, 4))
	s := b.start()
	var last []Event
	for range 2 * b.TurnLimit {
		if s.Phase == Over {
			t.Fatalf("over early on turn %d", s.Turn)
		}
		last = apply(t, s, endPhase(s.Active))
	}
	if s.Phase != Over || s.Turn != b.TurnLimit {
		t.Fatalf("phase %s turn %d", s.Phase, s.Turn)
	}
	mustFind(t, last, TurnEnded)
	o := mustFind(t, last, OutcomeDecided)
	if o.Text != "dominion-decisive-victory" {
		t.Fatalf("outcome %q", o.Text)
	}
	for _, side := range Sides {
		err := applyErr(t, s, endPhase(side), "over")
		if !errors.Is(err, ErrOver) {
			t.Fatalf("error %v is not ErrOver", err)
		}
	}
}

func TestTurnStructure(t *testing.T) {
	b := newBuilder(t)
	b.First = SideB
	def := b.ship(clsDefiant, SideA, at(4, 4))
	s := b.start()
	if s.Turn != 1 || s.Active != SideB || s.Phase != Battle {
		t.Fatalf("turn %d active %s phase %s", s.Turn, s.Active, s.Phase)
	}
	ev := apply(t, s, endPhase(SideB))
	if s.Turn != 1 || s.Active != SideA {
		t.Fatalf("turn %d active %s", s.Turn, s.Active)
	}
	pb := mustFind(t, ev, PhaseBegan)
	if pb.Side != SideA {
		t.Fatalf("phase began %+v", *pb)
	}
	if s.Ships[def].MP != 6 || s.Ships[def].Actions != 1 {
		t.Fatal("not readied")
	}
	ev = apply(t, s, endPhase(SideA))
	if s.Turn != 2 || s.Active != SideB {
		t.Fatalf("turn %d active %s", s.Turn, s.Active)
	}
	if got := kinds(ev); len(got) < 3 || got[0] != "turn-ended" || got[1] != "turn-began" || got[2] != "phase-began" {
		t.Fatalf("events %v", got)
	}
	if ev[1].Turn != 2 || ev[0].Turn != 1 {
		t.Fatalf("event turns %d %d", ev[0].Turn, ev[1].Turn)
	}
}

func TestSurrenderTerms(t *testing.T) {
	tests := []struct {
		name   string
		accept bool
	}{
		{"accepted", true},
		{"refused", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := newBuilder(t)
			b.Terms = true
			b.TermsSide = SideA
			b.First = SideB
			def := b.ship(clsDefiant, SideA, at(4, 4))
			s := b.start()
			if s.Phase != Parley || s.Terms != TermsPending || s.Active != SideA {
				t.Fatalf("phase %s terms %d active %s", s.Phase, s.Terms, s.Active)
			}
			applyErr(t, s, Order{Kind: AnswerTerms, Side: SideB, Accept: true}, "phase")
			applyErr(t, s, mv(SideA, def, step(at(4, 4), 0, 1)), "terms")
			applyErr(t, s, endPhase(SideA), "terms")

			ev := apply(t, s, Order{Kind: AnswerTerms, Side: SideA, Accept: tc.accept})
			if tc.accept {
				mustFind(t, ev, TermsAcceptedEvent)
				o := mustFind(t, ev, OutcomeDecided)
				if s.Phase != Over || s.Outcome != "alliance-surrender" || o.Text != "alliance-surrender" || s.Winner != SideB {
					t.Fatalf("phase %s outcome %q winner %s", s.Phase, s.Outcome, s.Winner)
				}
				err := applyErr(t, s, endPhase(SideA), "")
				if !errors.Is(err, ErrOver) {
					t.Fatalf("%v is not ErrOver", err)
				}
				return
			}
			mustFind(t, ev, TermsRefusedEvent)
			mustFind(t, ev, TurnBegan)
			mustNotFind(t, ev, OutcomeDecided)
			if s.Phase != Battle || s.Terms != TermsRefused || s.Turn != 1 || s.Active != SideB {
				t.Fatalf("phase %s terms %d turn %d active %s", s.Phase, s.Terms, s.Turn, s.Active)
			}
			applyErr(t, s, Order{Kind: AnswerTerms, Side: SideB, Accept: true}, "no terms")
		})
	}
}

func TestMinefieldFailedAndFleetGone(t *testing.T) {
	b := newBuilder(t)
	b.mines(mineRow())
	def := b.ship(clsDefiant, SideA, at(12, 4))
	s := b.start()
	if s.Holds(cond("minefield_failed")) || s.Holds(cond("fleet_gone(alliance)")) || !s.Holds(cond("fleet_gone(dominion)")) {
		t.Fatal("before")
	}
	var ev []Event
	s.destroy(&s.Ships[def], &ev)
	if !s.Holds(cond("minefield_failed")) || !s.Holds(cond("fleet_gone(alliance)")) || !s.Holds(cond("losses(alliance) == 1")) {
		t.Fatal("after")
	}
}
