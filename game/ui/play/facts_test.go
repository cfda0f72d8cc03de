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
	s, err := NewSession(sc, 1, PlayersFor(sc, "alliance", "easy"))
	if err != nil {
		t.Fatal(err)
	}
	side, n, o, ok := LossGoal(sc)
	if !ok || side != rules.SideB || n != 50 || o.ID != "dominion-pyrrhic-victory" {
		t.Errorf("LossGoal = %v %d %q %v, want the Dominion's 50 of dominion-pyrrhic-victory", side, n, o.ID, ok)
	}
	if got, ok := OutcomeByID(sc, o.ID); !ok || got.Title != o.Title {
		t.Errorf("OutcomeByID(%q) = %+v, %v", o.ID, got, ok)
	}
	if got := TermsRefused(sc); !strings.Contains(got, sc.Sides[sc.Terms.Side].Commander) || !strings.Contains(got, sc.Terms.From) {
		t.Errorf("TermsRefused = %q: want the commander who answers and who offered them", got)
	}
	st := s.state()
	stn := st.Station(st.Guardian())
	if stn == nil || StationName(sc) != stn.Name {
		t.Fatalf("StationName = %q", StationName(sc))
	}
	var main string
	for _, s := range st.Class(stn).Sections {
		if s.MainPower {
			main = s.Name
		}
	}
	v := s.View(rules.SideA)
	if got := MainPowerSection(v.Class(v.Ship(stn.ID))); main == "" || got != main {
		t.Errorf("MainPowerSection = %q, want %q", got, main)
	}
	if sh := OpeningShip(v, rules.SideA); sh == nil || !v.Class(sh).Minelayer {
		t.Errorf("OpeningShip = %v, want the Alliance's minelayer", sh)
	}
	if OpeningShip(s.View(rules.SideB), rules.SideB) != nil {
		t.Error("the Dominion has no minelayer, yet an opening ship")
	}
	if !HasWormhole(v.Map) {
		t.Error("the flagship's map has a wormhole")
	}
	if got := CommandLabel(sc, rules.SideA); got != "Alliance — "+sc.Sides[rules.SideA].Commander {
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

// The fire tooltip gives the engine's preview: the hit chance and shots, the
// target's shields and hull, the damage expected and the kill chance.
func TestPreviewLines(t *testing.T) {
	p := rules.Preview{HitChance: 70, Shots: 3, PerHit: 10, Range: 2, TargetShields: 12, TargetHull: 30,
		Expected100: 1400, ExpectedHull100: 650, KillChance: 35}
	got := strings.Join(PreviewLines(p, false), "\n")
	want := "Hit 70% ×3, 10 each · range 2\nTarget shields 12, hull 30\nExpected 14 (to hull 6.5) · destroys it 35%"
	if got != want {
		t.Errorf("PreviewLines =\n%s\nwant\n%s", got, want)
	}
	p.Covered = true
	lines := PreviewLines(p, true)
	if len(lines) != 4 || !strings.Contains(lines[1], "section hull 30") || !strings.Contains(lines[2], "disables the section 35%") || !strings.Contains(lines[3], "Covered") {
		t.Errorf("a covered station's section: %q", lines)
	}
}
