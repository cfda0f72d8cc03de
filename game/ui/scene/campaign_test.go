package scene

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/calltoarms/ds9/campaigns"
	"github.com/calltoarms/ds9/game/ai"
	"github.com/calltoarms/ds9/game/campaign"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/game/ui/saves"
	"github.com/calltoarms/ds9/scenarios"
)

// toCampaign opens the title's first campaign.
func (p *player) toCampaign() *campaignScene {
	p.t.Helper()
	ts, ok := p.g.scene.(*titleScene)
	if !ok {
		p.t.Fatalf("not on the title: %s", p.scene())
	}
	if ts.iCamp < 0 {
		p.t.Fatal("the title lists no campaign")
	}
	p.clickRect(ts.menu.items[ts.iCamp].r)
	p.run(2)
	c, ok := p.g.scene.(*campaignScene)
	if !ok {
		p.t.Fatalf("the campaign item opened %s", p.scene())
	}
	return c
}

// campaignPage is the campaign scene, after a frame has laid it out.
func (p *player) campaignPage() *campaignScene {
	p.t.Helper()
	p.run(1)
	c, ok := p.g.scene.(*campaignScene)
	if !ok {
		p.t.Fatalf("not on the campaign's page: %s", p.scene())
	}
	return c
}

// fightCampaignBattle goes from the briefing of a campaign's battle through
// the battle, played out by the computer, to its report.
func (p *player) fightCampaignBattle() *reportScene {
	p.t.Helper()
	p.until("the briefing", 5, func() bool { return p.scene() == "briefing" })
	p.run(2)
	b := p.g.scene.(*briefingScene)
	p.clickRect(b.menu.items[b.iBegin].r)
	p.until("the battle", 5, func() bool { return p.scene() == "battle" })
	if err := p.battle().s.PlayOut(); err != nil {
		p.t.Fatal(err)
	}
	p.until("the report", 2000, func() bool { return p.scene() == "report" })
	return p.g.scene.(*reportScene)
}

// TestCampaignFromTheTitle: a campaign begun from the title and watched to
// its end fights the same battles to the same outcomes, in the same order,
// as campaign.Play (ds9sim campaign) at its seed; each battle is recorded
// once, and the page says the campaign is over.
func TestCampaignFromTheTitle(t *testing.T) {
	const seed = 3
	store := saves.NewMemory()
	p := newPlayer(t, Options{Seed: seed, Storage: store, Difficulty: "normal"})
	p.run(2)
	c := p.toCampaign()
	if c.err != "" || c.iBegin < 0 {
		t.Fatalf("a new campaign: err %q, begin item %d", c.err, c.iBegin)
	}
	c.menu.items[c.iSide].value = len(c.r.c.Sides) + 1 // watch
	p.clickRect(c.menu.items[c.iBegin].r)

	all, err := scenario.All(scenarios.FS)
	if err != nil {
		t.Fatal(err)
	}
	want, err := campaign.Play(mustCampaign(t, all), seed, func(side rules.Side) ai.Commander {
		cmd, err := ai.Parse(side, "normal")
		if err != nil {
			t.Fatal(err)
		}
		return cmd
	})
	if err != nil {
		t.Fatal(err)
	}
	fought := 0
	for range 20 {
		r := p.fightCampaignBattle()
		fought++
		if r.iCamp < 0 {
			t.Fatal("the report of a campaign's battle has no way back to the campaign")
		}
		// The report again (a reload of the scene) records nothing more.
		p.g.SetScene(newReportScene(p.g, r.s))
		p.run(1)
		r = p.g.scene.(*reportScene)
		if r.msg != "" || len(c.r.save.Progress.Results) != fought+skippedBefore(c.r.save.Progress.Results) {
			t.Fatalf("the report shown again: %q, %d results", r.msg, len(c.r.save.Progress.Results))
		}
		p.clickRect(r.menu.items[r.iCamp].r)
		c = p.campaignPage()
		if c.iNext < 0 {
			break
		}
		p.clickRect(c.menu.items[c.iNext].r)
		p.run(2)
		if cs, still := p.g.scene.(*campaignScene); still && cs.r.save.Progress.Done(cs.r.c) {
			// The next battle was not fought (its conditions did not
			// come about): the page says so, and the campaign is over.
			c = p.campaignPage()
			break
		}
	}
	got := c.r.save.Progress
	if len(got.Results) != len(want.Results) {
		t.Fatalf("the game recorded %d results, ds9sim %d:\n%+v\n%+v", len(got.Results), len(want.Results), got.Results, want.Results)
	}
	played := 0
	for i := range want.Results {
		g, w := got.Results[i], want.Results[i]
		if g.Scenario != w.Scenario || g.Outcome != w.Outcome || g.Checksum != w.Checksum || g.Skipped != w.Skipped {
			t.Errorf("battle %d: the game %s %s %s, ds9sim %s %s %s", i+1, g.Scenario, g.Outcome, g.Checksum, w.Scenario, w.Outcome, w.Checksum)
		}
		if w.Skipped == "" {
			played++
		}
	}
	if fought != played || played < 4 {
		t.Errorf("fought %d battles through the screens, %d in ds9sim (want at least 4)", fought, played)
	}
	if !got.Done(c.r.c) {
		t.Errorf("the campaign is not over after its last battle")
	}
	var text []string
	for _, l := range c.lines {
		text = append(text, l.text)
	}
	if !slices.Contains(text, "THE CAMPAIGN IS OVER") {
		t.Errorf("the page does not say the campaign is over:\n%s", strings.Join(text, "\n"))
	}
	// What the storage keeps is what the page shows.
	var kept campaignSave
	if err := saves.ReadCampaign(store, c.r.c.ID, &kept); err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(kept.Progress)
	b, _ := json.Marshal(got)
	if string(a) != string(b) {
		t.Errorf("the storage keeps\n%s\nthe page shows\n%s", a, b)
	}
}

// skippedBefore counts the battles skipped among results.
func skippedBefore(results []campaign.Result) int {
	n := 0
	for _, r := range results {
		if r.Skipped != "" {
			n++
		}
	}
	return n
}

func mustCampaign(t *testing.T, all []*scenario.Scenario) *campaign.Campaign {
	t.Helper()
	c, err := campaign.Load(campaigns.FS, "dominion-war.yaml", all)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestCampaignResumes: a campaign's battle left midway is resumed after a
// restart (a new Manager on the same storage) from the campaign's page,
// and recorded in the campaign when it ends.
func TestCampaignResumes(t *testing.T) {
	store := saves.NewMemory()
	p := newPlayer(t, Options{Seed: 4, Storage: store})
	p.run(2)
	c := p.toCampaign()
	c.menu.items[c.iSide].value = 0 // the campaign's first side
	p.clickRect(c.menu.items[c.iBegin].r)
	p.until("the briefing", 5, func() bool { return p.scene() == "briefing" })
	p.run(2)
	b := p.g.scene.(*briefingScene)
	p.clickRect(b.menu.items[b.iBegin].r)
	p.until("the battle", 5, func() bool { return p.scene() == "battle" })
	p.run(5)
	p.endPhase() // end a phase: an order, autosaved
	orders := p.battle().s.OrderCount()
	if orders == 0 {
		t.Fatal("no order was given")
	}
	if p.g.camp.save.Battle == "" {
		t.Fatal("the campaign keeps no battle in play")
	}

	// A restart: the same storage, a new game.
	q := newPlayer(t, Options{Seed: 99, Storage: store})
	q.run(2)
	c = q.toCampaign()
	if c.iCont < 0 || c.cont == "" {
		t.Fatalf("the campaign's page offers no way back into its battle (err %q)", c.err)
	}
	q.clickRect(c.menu.items[c.iCont].r)
	q.until("the battle", 5, func() bool { return q.scene() == "battle" })
	s := q.battle().s
	if s.OrderCount() == 0 || s.OrderCount() > orders {
		// The player's orders are saved at once, the computer's two
		// seconds apart (they come again from the same battle).
		t.Fatalf("resumed at order %d, left at %d", s.OrderCount(), orders)
	}
	if q.g.campaignOf(s) == nil {
		t.Fatal("the resumed battle is not the campaign's")
	}
	if err := s.PlayOut(); err != nil {
		t.Fatal(err)
	}
	q.until("the report", 2000, func() bool { return q.scene() == "report" })
	var kept campaignSave
	if err := saves.ReadCampaign(store, "dominion-war", &kept); err != nil {
		t.Fatal(err)
	}
	if kept.Progress == nil || len(kept.Progress.Results) == 0 || kept.Battle != "" {
		t.Fatalf("the resumed battle is not recorded: %+v", kept)
	}
	if kept.Seed != 4 {
		t.Errorf("the campaign's seed became %d, want 4 (the seed it began with)", kept.Seed)
	}
}

// TestCampaignBrokenSave: a kept campaign that does not read is told on the
// campaign's page, which offers to start over; starting over begins it
// afresh and the storage keeps the new one.
func TestCampaignBrokenSave(t *testing.T) {
	store := saves.NewMemory()
	if err := store.Save(saves.CampaignName("dominion-war"), []byte(`{"progress": {"campaign": "dominion-war", "next": 3, "results": []}, "side": "watch", "level": "normal"}`)); err != nil {
		t.Fatal(err)
	}
	p := newPlayer(t, Options{Seed: 5, Storage: store})
	p.run(2)
	c := p.toCampaign()
	if c.err == "" || c.iOver < 0 || c.iNext >= 0 || c.iCont >= 0 {
		t.Fatalf("a broken campaign save: err %q, start-over %d, next %d, continue %d", c.err, c.iOver, c.iNext, c.iCont)
	}
	p.clickRect(c.menu.items[c.iOver].r)
	p.until("the briefing", 5, func() bool { return p.scene() == "briefing" })
	var kept campaignSave
	if err := saves.ReadCampaign(store, "dominion-war", &kept); err != nil {
		t.Fatal(err)
	}
	if kept.Progress == nil || kept.Progress.Next != 0 || len(kept.Progress.Results) != 0 {
		t.Fatalf("starting over kept %+v", kept.Progress)
	}
	// The campaign's file is no save slot of the load list.
	slots, err := saves.Slots(store)
	if err != nil {
		t.Fatal(err)
	}
	for _, sl := range slots {
		if strings.HasPrefix(sl.Name, "campaign-") {
			t.Errorf("the load list offers %s", sl.Name)
		}
	}
}
