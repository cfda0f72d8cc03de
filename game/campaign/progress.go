package campaign

import (
	"fmt"
	"slices"
	"strings"

	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
)

// Progress is a campaign in play: what its battles have left so far. It is
// plain data, saved as JSON with the campaign's id.
type Progress struct {
	Campaign string          `json:"campaign"`
	Next     int             `json:"next"`            // the battle to fight next
	Notes    map[string]bool `json:"notes"`           // every note left so far
	Lost     []string        `json:"lost,omitempty"`  // unit keys destroyed in a battle so far
	Ended    string          `json:"ended,omitempty"` // why the campaign ended early, or ""
	// Pending is what the campaign changed in the battle Prepare readied.
	Pending *scenario.Variant `json:"pending,omitempty"`
	Results []Result          `json:"results"`
}

// Result is one battle of a campaign: fought, or skipped.
type Result struct {
	Scenario string            `json:"scenario"`
	Skipped  string            `json:"skipped,omitempty"` // why it was not fought
	Outcome  string            `json:"outcome,omitempty"`
	Winner   string            `json:"winner,omitempty"` // the campaign side that won, or ""
	Scores   [2]int            `json:"scores"`           // by the campaign's sides
	Checksum string            `json:"checksum,omitempty"`
	Notes    []string          `json:"notes,omitempty"` // the notes the battle left
	Variant  *scenario.Variant `json:"variant,omitempty"`
}

// BattleSeed is the seed battle i (from 0) of a campaign begun with seed
// first is fought with: in the game as in Play.
func BattleSeed(first uint64, i int) uint64 { return first + uint64(i) }

// Check refuses progress that the campaign c cannot go on with (a kept
// campaign read back, perhaps from another version of its file): another
// campaign's, a battle out of range, results that are not its battles'.
func (p *Progress) Check(c *Campaign) error {
	switch {
	case p.Campaign != c.ID:
		return fmt.Errorf("the saved campaign is %q, not %q", p.Campaign, c.ID)
	case p.Next < 0 || p.Next > len(c.Battles) || len(p.Results) != p.Next:
		return fmt.Errorf("the saved campaign is at battle %d of %d, with %d results", p.Next+1, len(c.Battles), len(p.Results))
	}
	for i, res := range p.Results {
		if res.Scenario != c.Battles[i].Scenario.ID {
			return fmt.Errorf("the saved campaign's battle %d is %s, not %s: the campaign has changed", i+1, res.Scenario, c.Battles[i].Scenario.ID)
		}
	}
	if p.Notes == nil {
		p.Notes = map[string]bool{}
	}
	return nil
}

// Start begins a campaign.
func (c *Campaign) Start() *Progress {
	return &Progress{Campaign: c.ID, Notes: map[string]bool{}}
}

// Done reports whether the campaign is over: every battle fought or skipped,
// or ended early.
func (p *Progress) Done(c *Campaign) bool { return p.Ended != "" || p.Next >= len(c.Battles) }

func (p *Progress) holds(when []string) bool {
	for _, w := range when {
		if n, not := strings.CutPrefix(w, "not "); not {
			if p.Notes[n] {
				return false
			}
		} else if !p.Notes[w] {
			return false
		}
	}
	return true
}

// Prepare readies the next battle to fight: it applies the rules whose notes
// hold (ending the campaign, or skipping battles, which are recorded as such)
// and returns the battle's scenario with what the campaign changes in it,
// or nil when the campaign is over.
func (p *Progress) Prepare(c *Campaign) (*scenario.Scenario, error) {
	for !p.Done(c) {
		b := &c.Battles[p.Next]
		var v scenario.Variant
		skip := ""
		for _, r := range b.Rules {
			if !p.holds(r.When) {
				continue
			}
			if r.End != "" {
				p.Ended = r.End
				return nil, nil
			}
			if r.Skip != "" && skip == "" {
				skip = r.Skip
			}
			v.Add = append(v.Add, r.Add...)
		}
		if skip != "" {
			p.Results = append(p.Results, Result{Scenario: b.Scenario.ID, Skipped: skip})
			p.Next++
			continue
		}
		for _, k := range b.Lost {
			if !slices.Contains(p.Lost, k) {
				continue
			}
			if name, ok := b.StandIn[k]; ok {
				if v.Names == nil {
					v.Names = map[string]string{}
				}
				v.Names[k] = name
			} else {
				v.Absent = append(v.Absent, k)
			}
		}
		sc, err := b.Scenario.Apply(v)
		if err != nil {
			return nil, fmt.Errorf("campaign %s, battle %d: %w", c.ID, p.Next+1, err)
		}
		p.Pending = sc.Variant
		return sc, nil
	}
	return nil, nil
}

// Record notes the end of the battle Prepare readied: the notes it leaves,
// the named units it lost, its outcome and scores; the campaign moves on.
func (p *Progress) Record(c *Campaign, st *rules.State) error {
	if p.Done(c) || st.Phase != rules.Over {
		return fmt.Errorf("campaign %s: no battle to record (or it is not over)", c.ID)
	}
	b := &c.Battles[p.Next]
	if st.Scenario != b.Scenario.ID {
		return fmt.Errorf("campaign %s: battle %d is %s, not %s", c.ID, p.Next+1, b.Scenario.ID, st.Scenario)
	}
	r := Result{Scenario: st.Scenario, Outcome: st.Outcome, Checksum: st.ChecksumHex(), Variant: p.Pending}
	p.Pending = nil
	for i, side := range b.Sides {
		r.Scores[i] = st.Score(side)
		if st.Outcome != rules.Undecided && st.Winner == side {
			r.Winner = c.Sides[i]
		}
	}
	for _, n := range b.Notes {
		held := true
		for _, cd := range n.When {
			held = held && st.Holds(cd)
		}
		p.Notes[n.Name] = held
		if held {
			r.Notes = append(r.Notes, n.Name)
		}
	}
	for i := range st.Ships {
		sh := &st.Ships[i]
		if sh.Status == rules.Destroyed && sh.Key != "" && !slices.Contains(p.Lost, sh.Key) {
			p.Lost = append(p.Lost, sh.Key)
		}
	}
	p.Results = append(p.Results, r)
	p.Next++
	return nil
}

// Score is a campaign side's score so far: the mean of its battle scores.
func (p *Progress) Score(side int) int {
	n, sum := 0, 0
	for _, r := range p.Results {
		if r.Skipped == "" {
			n++
			sum += r.Scores[side]
		}
	}
	if n == 0 {
		return 0
	}
	return (sum + n/2) / n
}
