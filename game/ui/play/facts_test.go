package play

import (
	"strings"
	"testing"

	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
)

// The facts the front end shows are read from the scenario and the views.
func TestFactsFromTheScenario(t *testing.T) {
	sc := loadFlagship(t)
	s, err := NewSession(sc, 1, PlayersFor("alliance", "easy"))
	if err != nil {
		t.Fatal(err)
	}
	side, n, o, ok := LossGoal(sc)
	if !ok || side != rules.Dominion || n != 50 || o.ID != "dominion-pyrrhic-victory" {
		t.Errorf("LossGoal = %v %d %q %v, want the Dominion's 50 of dominion-pyrrhic-victory", side, n, o.ID, ok)
	}
	if got, ok := OutcomeByID(sc, o.ID); !ok || got.Title != o.Title {
		t.Errorf("OutcomeByID(%q) = %+v, %v", o.ID, got, ok)
	}
	if got := TermsRefused(sc); !strings.Contains(got, sc.Sides[sc.Terms.Side].Commander) || !strings.Contains(got, sc.Terms.From) {
		t.Errorf("TermsRefused = %q: want the commander who answers and who offered them", got)
	}
	st := s.state()
	stn := st.Station(st.Mines.Owner)
	if stn == nil || StationName(sc) != stn.Name {
		t.Fatalf("StationName = %q", StationName(sc))
	}
	var main string
	for _, s := range st.Class(stn).Sections {
		if s.MainPower {
			main = s.Name
		}
	}
	v := s.View(rules.Alliance)
	if got := MainPowerSection(v.Class(v.Ship(stn.ID))); main == "" || got != main {
		t.Errorf("MainPowerSection = %q, want %q", got, main)
	}
	if sh := OpeningShip(v, rules.Alliance); sh == nil || !v.Class(sh).Minelayer {
		t.Errorf("OpeningShip = %v, want the Alliance's minelayer", sh)
	}
	if OpeningShip(s.View(rules.Dominion), rules.Dominion) != nil {
		t.Error("the Dominion has no minelayer, yet an opening ship")
	}
	if !HasWormhole(v.Map) {
		t.Error("the flagship's map has a wormhole")
	}
	if got := CommandLabel(sc, rules.Alliance); got != "Alliance — "+sc.Sides[rules.Alliance].Commander {
		t.Errorf("CommandLabel = %q", got)
	}
	// A battle whose outcomes count no losses has no loss goal.
	other := *sc
	other.Setup.Outcomes = []rules.Outcome{{ID: "x", When: []rules.Condition{{Name: "station_held"}}}}
	if _, _, _, ok := LossGoal(&other); ok {
		t.Error("a loss goal without a losses condition")
	}
	if _, _, _, ok := LossGoal((*scenario.Scenario)(nil)); ok {
		t.Error("a loss goal without a scenario")
	}
}
