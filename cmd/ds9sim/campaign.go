package main

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"

	"github.com/calltoarms/ds9/campaigns"
	"github.com/calltoarms/ds9/game/ai"
	"github.com/calltoarms/ds9/game/campaign"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/scenarios"
)

// loadCampaign reads a built-in campaign by id.
func loadCampaign(id string) (*campaign.Campaign, error) {
	all, err := scenario.All(scenarios.FS)
	if err != nil && len(all) == 0 {
		return nil, err
	}
	names, _ := fs.Glob(campaigns.FS, "*.yaml")
	var ids []string
	for _, n := range names {
		c, err := campaign.Load(campaigns.FS, n, all)
		if err != nil {
			return nil, err
		}
		if c.ID == id {
			return c, nil
		}
		ids = append(ids, c.ID)
	}
	return nil, fmt.Errorf("%w: unknown campaign %q (have: %v)", errUsage, id, ids)
}

// cmdCampaign plays a campaign headless and prints each battle's scenario and
// outcome, the notes it left, and the campaign's scores.
func cmdCampaign(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("campaign", stderr)
	id := fs.String("id", "", "campaign id")
	seed := fs.Uint64("seed", 1, "seed of the first battle (then seed+1, …)")
	level := fs.String("level", "normal", "both sides' commanders: easy, normal, hard or baseline")
	asJSON := fs.Bool("json", false, "print the campaign's progress as JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *id == "" || fs.NArg() > 0 {
		return fmt.Errorf("%w: campaign needs -id ID", errUsage)
	}
	c, err := loadCampaign(*id)
	if err != nil {
		return err
	}
	if _, err := ai.Parse(rules.SideA, *level); err != nil {
		return fmt.Errorf("%w: -level: %v", errUsage, err)
	}
	p, err := campaign.Play(c, *seed, func(side rules.Side) ai.Commander {
		cmd, _ := ai.Parse(side, *level)
		return cmd
	})
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			*campaign.Progress
			Sides  [2]string `json:"sides"`
			Scores [2]int    `json:"scores"`
		}{p, c.Sides, [2]int{p.Score(0), p.Score(1)}})
	}
	fmt.Fprintf(stdout, "campaign   %s (seed %d)\n\n", c.Name, *seed)
	for i, r := range p.Results {
		switch {
		case r.Skipped != "":
			fmt.Fprintf(stdout, "%d. %-24s skipped: %s\n", i+1, r.Scenario, r.Skipped)
		default:
			fmt.Fprintf(stdout, "%d. %-24s %-28s %s %d, %s %d; notes %v\n", i+1, r.Scenario, r.Outcome, c.Sides[0], r.Scores[0], c.Sides[1], r.Scores[1], r.Notes)
		}
	}
	if p.Ended != "" {
		fmt.Fprintf(stdout, "\nthe campaign ends: %s\n", p.Ended)
	}
	fmt.Fprintf(stdout, "\nscores     %s %d, %s %d\n", c.Sides[0], p.Score(0), c.Sides[1], p.Score(1))
	return nil
}
