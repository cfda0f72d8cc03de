package scene

import (
	"errors"
	"fmt"
	"io/fs"
	"log"
	"slices"
	"sort"
	"time"

	"github.com/calltoarms/ds9/campaigns"
	"github.com/calltoarms/ds9/game/campaign"
	"github.com/calltoarms/ds9/game/ui/play"
	"github.com/calltoarms/ds9/game/ui/saves"
)

// A campaign is played from the title: its battles one after the other, each
// readied by game/campaign from what the earlier ones left. What the player
// has done so far is kept in the saves storage (saves.CampaignName), with
// whom they command, the computer's level, the campaign's seed and the
// battle in play, whose autosave resumes it. A battle of the campaign is
// recorded when it ends (its report), whichever way it was resumed.

// campaignFile is a campaign file as the title lists it, by a quick look.
type campaignFile struct{ name, id, title string }

// campaignSave is what the storage keeps of a campaign in play.
type campaignSave struct {
	Progress *campaign.Progress `json:"progress"`
	Side     string             `json:"side"` // a campaign side's id, hotseat or watch
	Level    string             `json:"level"`
	Seed     uint64             `json:"seed"`             // battle i is fought with campaign.BattleSeed(Seed, i), as ds9sim campaign does
	Battle   string             `json:"battle,omitempty"` // the battle in play (saves.BattleID), whose autosave resumes it
}

// campaignRun is the campaign being played: the manager keeps it while a
// battle of it is fought.
type campaignRun struct {
	c    *campaign.Campaign
	save campaignSave
	s    *play.Session // the battle in play, once started or resumed
}

// campaignFS is where the campaigns are.
func (g *Manager) campaignFS() fs.FS {
	if g.Opts.campFS != nil {
		return g.Opts.campFS
	}
	return campaigns.FS
}

// campaignFiles lists the campaign files by their names and ids, without
// loading them (which needs every scenario).
func (g *Manager) campaignFiles() []campaignFile {
	names, err := fs.Glob(g.campaignFS(), "*.yaml")
	if err != nil {
		return nil
	}
	sort.Strings(names)
	var out []campaignFile
	for _, n := range names {
		data, err := fs.ReadFile(g.campaignFS(), n)
		if err != nil {
			continue
		}
		id, _ := topValue(data, "id")
		title, _ := topValue(data, "name")
		if id == "" || title == "" {
			continue
		}
		out = append(out, campaignFile{name: n, id: id, title: title})
	}
	return out
}

// loadCampaign loads a campaign file, every scenario with it.
func (g *Manager) loadCampaign(name string) (*campaign.Campaign, error) {
	g.loadPendingScenarios()
	return campaign.Load(g.campaignFS(), name, g.Scenarios)
}

// openCampaign readies the campaign of a file to play: the one in play, or a
// fresh one when the storage keeps none. A kept campaign that does not read
// is an error; the player may start it over.
func (g *Manager) openCampaign(name string) (*campaignRun, error) {
	if g.camp != nil && g.camp.c.File == name {
		return g.camp, nil
	}
	c, err := g.loadCampaign(name)
	if err != nil {
		return nil, err
	}
	run := &campaignRun{c: c}
	err = saves.ReadCampaign(g.Storage, c.ID, &run.save)
	switch {
	case errors.Is(err, saves.ErrNotFound):
		run.save = campaignSave{}
		err = nil
	case err == nil:
		err = run.check()
	}
	g.camp = run
	return run, err
}

// check refuses a kept campaign that this campaign file cannot go on with.
func (r *campaignRun) check() error {
	p := r.save.Progress
	if p == nil {
		return nil
	}
	if err := p.Check(r.c); err != nil {
		return err
	}
	if !slices.Contains(append(r.c.Sides[:], "hotseat", "watch"), r.save.Side) || !slices.Contains(levelIDs(), r.save.Level) {
		return fmt.Errorf("the saved campaign has side %q and level %q", r.save.Side, r.save.Level)
	}
	return nil
}

// started reports whether the campaign has begun.
func (r *campaignRun) started() bool { return r.save.Progress != nil }

// write keeps the campaign in the storage.
func (g *Manager) writeCampaign(r *campaignRun) error {
	if g.Opts.Screenshot != "" {
		return nil
	}
	return saves.WriteCampaign(g.Storage, r.c.ID, r.save)
}

// begin starts the campaign afresh: whom the player commands and the level.
func (g *Manager) beginCampaign(r *campaignRun, side, level string) error {
	r.save = campaignSave{Progress: r.c.Start(), Side: side, Level: level, Seed: g.Opts.Seed}
	r.s = nil
	return g.writeCampaign(r)
}

// players are who commands each side of battle i.
func (r *campaignRun) players(i int) (side string) {
	b := &r.c.Battles[i]
	for k, cs := range r.c.Sides {
		if cs == r.save.Side {
			return b.Scenario.Sides[b.Sides[k]].ID
		}
	}
	return r.save.Side // hotseat or watch
}

// fightNext readies the campaign's next battle and starts it; nil when the
// campaign is over (it may end, or skip battles, as it readies).
func (g *Manager) fightNext(r *campaignRun) (*play.Session, error) {
	p := r.save.Progress
	sc, err := p.Prepare(r.c)
	if err != nil {
		return nil, err
	}
	if sc == nil {
		r.save.Battle = ""
		return nil, g.writeCampaign(r)
	}
	seed := campaign.BattleSeed(r.save.Seed, p.Next)
	s, err := play.NewSession(sc, seed, play.PlayersFor(sc, r.players(p.Next), r.save.Level))
	if err != nil {
		return nil, err
	}
	r.save.Battle = saves.BattleID(sc.ID, seed, time.Now())
	g.auto.resumed(s, r.save.Battle)
	r.s = s
	return s, g.writeCampaign(r)
}

// inPlay is the autosave of the campaign's battle in play, if it has one
// and the battle is not over.
func (g *Manager) campaignAutosave(r *campaignRun) string {
	if r.save.Battle == "" {
		return ""
	}
	name := saves.AutosaveFor(r.save.Battle)
	if !saves.Exists(g.Storage, name) {
		return ""
	}
	return name
}

// attachCampaign makes a session resumed from a save the campaign's battle
// in play when its battle is: looked for in every campaign kept.
func (g *Manager) attachCampaign(s *play.Session, battle string) {
	if g.camp != nil && g.camp.save.Battle == battle {
		g.camp.s = s
		return
	}
	for _, f := range g.campaignFiles() {
		var cs campaignSave
		if saves.ReadCampaign(g.Storage, f.id, &cs) != nil || cs.Battle != battle {
			continue
		}
		r, err := g.openCampaign(f.name)
		if err != nil {
			log.Printf("campaign %s: %v", f.id, err)
			return
		}
		r.s = s
		return
	}
}

// campaignOf is the campaign whose battle s is, or nil.
func (g *Manager) campaignOf(s *play.Session) *campaignRun {
	if g.camp != nil && g.camp.s == s && s != nil {
		return g.camp
	}
	return nil
}

// recordCampaign records the battle s in its campaign once it is over; it
// returns the campaign (nil when s is none of a campaign's battles).
func (g *Manager) recordCampaign(s *play.Session) (*campaignRun, error) {
	r := g.campaignOf(s)
	if r == nil {
		return nil, nil
	}
	st, over := s.Final()
	if !over {
		return r, nil
	}
	if r.save.Battle == "" {
		return r, nil // recorded already
	}
	if err := r.save.Progress.Record(r.c, st); err != nil {
		return r, err
	}
	r.save.Battle = ""
	return r, g.writeCampaign(r)
}
