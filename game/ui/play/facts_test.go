package play

import (
	"strings"
	"testing"

	"github.com/calltoarms/ds9/game/rules"
)

// The facts the front end shows are read from the scenario and the state.
func TestFactsFromTheScenario(t *testing.T) {
	sc := loadFlagship(t)
	st, err := sc.NewState(1)
	if err != nil {
		t.Fatal(err)
	}
	side, n, o, ok := LossGoal(st)
	if !ok || side != rules.SideB || n != 50 || o.ID != "dominion-pyrrhic-victory" {
		t.Errorf("LossGoal = %v %d %q %v, want the Dominion's 50 of dominion-pyrrhic-victory", side, n, o.ID, ok)
	}
	if got := TermsRefused(sc); !strings.Contains(got, sc.Sides[sc.Terms.Side].Commander) || !strings.Contains(got, sc.Terms.From) {
		t.Errorf("TermsRefused = %q: want the commander who answers and who offered them", got)
	}
	stn := st.Station(st.Guardian())
	if stn == nil || StationName(st) != stn.Name {
		t.Fatalf("StationName = %q", StationName(st))
	}
	var main string
	for _, s := range st.Class(stn).Sections {
		if s.MainPower {
			main = s.Name
		}
	}
	if main == "" || MainPowerSection(st, stn.ID) != main {
		t.Errorf("MainPowerSection = %q, want %q", MainPowerSection(st, stn.ID), main)
	}
	v := st.View(rules.SideA)
	if sh := OpeningShip(v, rules.SideA); sh == nil || !v.Class(sh).Minelayer {
		t.Errorf("OpeningShip = %v, want the Alliance's minelayer", sh)
	}
	if OpeningShip(st.View(rules.SideB), rules.SideB) != nil {
		t.Error("the Dominion has no minelayer, yet an opening ship")
	}
	if !HasWormhole(st.Map) {
		t.Error("the flagship's map has a wormhole")
	}
	if got := CommandLabel(sc, rules.SideA); got != "Alliance — "+sc.Sides[rules.SideA].Commander {
		t.Errorf("CommandLabel = %q", got)
	}
	// A battle whose outcomes count no losses has no loss goal.
	st.Outcomes = []rules.Outcome{{ID: "x", When: []rules.Condition{{Name: "station_held"}}}}
	if _, _, _, ok := LossGoal(st); ok {
		t.Error("a loss goal without a losses condition")
	}
}
