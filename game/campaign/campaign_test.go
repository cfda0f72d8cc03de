package campaign_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/calltoarms/ds9/game/ai"
	"github.com/calltoarms/ds9/game/campaign"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/scenarios"
)

// A two-battle campaign of the flagship: the second is fought without the
// units the first lost (the Defiant by a stand-in), with a wing reinforced
// when the first left its minefield standing, or skipped when the station
// fell whole.
const twice = `
id: twice
name: The battle twice
sides: [defenders, attackers]
battles:
  - scenario: second-battle-of-ds9
    sides: {defenders: alliance, attackers: dominion}
    notes:
      held: [minefield_active]
      lost-her: ["destroyed(rotarran)"]
  - scenario: second-battle-of-ds9
    sides: {defenders: alliance, attackers: dominion}
    lost: [defiant, rotarran]
    stand_in: {defiant: {name: USS Valiant, class: defiant}}
    if:
      - when: [held]
        wing: {id: gq-1, add: [{class: jemhadar-attack-ship, count: 4}]}
      - when: [not held]
        skip: The wormhole stayed open.
`

func load(t *testing.T, text string) *campaign.Campaign {
	t.Helper()
	all, err := scenario.All(scenarios.FS)
	if err != nil {
		t.Fatal(err)
	}
	c, err := campaign.Parse("twice.yaml", []byte(text), all)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func normal(side rules.Side) ai.Commander { return ai.New(side, ai.Normal) }

func TestCampaignCarriesForward(t *testing.T) {
	c := load(t, twice)
	p, err := campaign.Play(c, 3, normal)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Results) != 2 || !p.Done(c) {
		t.Fatalf("results %+v", p.Results)
	}
	first, second := p.Results[0], p.Results[1]
	t.Logf("first %+v; second %+v; notes %v", first, second, p.Notes)
	if p.Notes["held"] {
		if second.Skipped != "" || second.Variant == nil || len(second.Variant.Add) != 1 {
			t.Fatalf("the minefield held, so the second battle is fought with gq-1 reinforced: %+v", second)
		}
		if p.Notes["lost-her"] != strings.Contains(strings.Join(second.Variant.Absent, ","), "rotarran") {
			t.Fatalf("the Rotarran lost %v, absent %v", p.Notes["lost-her"], second.Variant.Absent)
		}
	} else if second.Skipped == "" {
		t.Fatalf("the minefield failed, so the second battle is skipped: %+v", second)
	}
	if first.Outcome == "" || p.Score(0) < 0 {
		t.Fatalf("first %+v", first)
	}
	// The same on every run.
	again, err := campaign.Play(c, 3, normal)
	if err != nil || !reflect.DeepEqual(p, again) {
		t.Fatalf("a second run differs: %v", err)
	}
}

// A unit left out is absent from the battle; a stand-in keeps the unit under
// its own name; the variant changes the scenario's hash.
func TestVariant(t *testing.T) {
	sc, err := scenario.ByID(scenarios.FS, "second-battle-of-ds9")
	if err != nil {
		t.Fatal(err)
	}
	v, err := sc.Apply(scenario.Variant{Absent: []string{"rotarran"}, Names: map[string]string{"defiant": "USS Valiant"}})
	if err != nil {
		t.Fatal(err)
	}
	st, err := v.NewState(1)
	if err != nil {
		t.Fatal(err)
	}
	if r := st.ShipByKey("rotarran"); r.Status != rules.Absent || st.Forces[rules.SideA] != 2 {
		t.Fatalf("the Rotarran %s, forces %d", r.Status, st.Forces[rules.SideA])
	}
	if d := st.ShipByKey("defiant"); d.Name != "USS Valiant" || !d.Alive() {
		t.Fatalf("the stand-in %+v", d)
	}
	if v.Hash == sc.Hash || sc.Variant != nil {
		t.Fatal("the variant's hash is the scenario's, or the scenario changed")
	}
	if err := st.CheckInvariants(); err != nil {
		t.Fatal(err)
	}
}

// TestSideNames: side_names names the campaign's sides; a side it leaves
// out is its id, capitalised.
func TestSideNames(t *testing.T) {
	all, _ := scenario.All(scenarios.FS)
	c, err := campaign.Parse("twice.yaml", []byte(twice+"\nside_names: {defenders: The station's defenders}\n"), all)
	if err != nil {
		t.Fatal(err)
	}
	if c.SideNames != [2]string{"The station's defenders", "Attackers"} {
		t.Fatalf("side names %q", c.SideNames)
	}
}

func TestBadCampaigns(t *testing.T) {
	all, _ := scenario.All(scenarios.FS)
	for _, tc := range []struct{ text, want string }{
		{strings.Replace(twice, "scenario: second-battle-of-ds9\n    sides: {defenders: alliance, attackers: dominion}\n    lost", "scenario: nowhere\n    sides: {defenders: alliance, attackers: dominion}\n    lost", 1), "no scenario"},
		{strings.Replace(twice, "when: [held]", "when: [nothing]", 1), "left by no earlier battle"},
		{strings.Replace(twice, "destroyed(rotarran)", "destroyed(nobody)", 1), "no unit"},
		{strings.Replace(twice, "id: gq-1", "id: nowhere", 1), "no wing"},
		{strings.Replace(twice, "attackers: dominion}\n    notes", "attackers: klingon}\n    notes", 1), "unknown side"},
		{twice + "\nbogus: 1\n", "unknown key"},
		{twice + "\nside_names: {nobody: Nobody}\n", "no campaign side"},
	} {
		_, err := campaign.Parse("twice.yaml", []byte(tc.text), all)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "twice.yaml") {
			t.Errorf("got %v, want %q", err, tc.want)
		}
	}
}
