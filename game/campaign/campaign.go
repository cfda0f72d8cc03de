// Package campaign plays the war's battles in order as data: a campaign file
// names its battles (scenarios of scenarios/), the notes each battle leaves
// (conditions that held at its end), and what later battles change because of
// them: units lost earlier stay out (or a stand-in takes their place), wings
// are reinforced, a battle is skipped, or the campaign ends.
package campaign

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
)

// Limits on a campaign file.
const (
	MaxBattles = 20
	MaxNotes   = 20 // notes of one battle; also rules ("if") of one battle
)

// The file format.
type fileFormat struct {
	ID    string   `yaml:"id"`
	Name  string   `yaml:"name"`
	Text  string   `yaml:"text"`
	Sides []string `yaml:"sides"`
	// SideNames name the campaign's sides for the player, by side.
	SideNames map[string]string `yaml:"side_names"`
	Battles   []battleFile      `yaml:"battles"`
}

type battleFile struct {
	Scenario string              `yaml:"scenario"`
	Sides    map[string]string   `yaml:"sides"`
	Notes    map[string][]string `yaml:"notes"`
	If       []ruleFile          `yaml:"if"`
	Lost     []string            `yaml:"lost"`
	StandIn  map[string]standIn  `yaml:"stand_in"`
}

type standIn struct {
	Name  string `yaml:"name"`
	Class string `yaml:"class"`
}

type ruleFile struct {
	When []string  `yaml:"when"`
	End  string    `yaml:"end"`
	Skip string    `yaml:"skip"`
	Wing *wingFile `yaml:"wing"`
}

type wingFile struct {
	ID  string      `yaml:"id"`
	Add []groupFile `yaml:"add"`
}

type groupFile struct {
	Class string `yaml:"class"`
	Count int    `yaml:"count"`
}

// Campaign is a campaign read from its file, its scenarios resolved.
type Campaign struct {
	ID, Name, Text string
	Sides          [2]string // the campaign's two sides
	SideNames      [2]string // what the player is told they are (side_names; the ids, capitalised, by default)
	Battles        []Battle
	File           string
}

// Battle is one battle of a campaign.
type Battle struct {
	Scenario *scenario.Scenario
	// Sides maps the campaign's sides onto the battle's: Sides[i] is the
	// battle's side for the campaign's side i.
	Sides   [2]rules.Side
	Notes   []Note
	Rules   []Rule
	Lost    []string          // unit keys that stay out when an earlier battle lost them
	StandIn map[string]string // unit key → the name its stand-in bears (it takes part all the same)
}

// Note is a fact a battle leaves: its conditions all held at the end.
type Note struct {
	Name string
	When []rules.Condition
}

// Rule changes a battle when earlier notes hold (a note prefixed "not " when
// it does not): it ends the campaign, skips the battle, or adds ships to a
// wing.
type Rule struct {
	When []string
	End  string
	Skip string
	Add  []scenario.WingAdd
}

// Load reads a campaign file of fsys; its scenarios are those of scen (a
// scenarios folder) by id.
func Load(fsys fs.FS, name string, scen []*scenario.Scenario) (*Campaign, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return Parse(path.Base(name), data, scen)
}

// Parse reads a campaign from its bytes.
func Parse(name string, data []byte, scen []*scenario.Scenario) (*Campaign, error) {
	var f fileFormat
	file, err := scenario.DecodeFile(name, data, &f)
	if err != nil {
		return nil, err
	}
	c := &Campaign{ID: f.ID, Name: f.Name, Text: strings.TrimSpace(f.Text), File: name}
	if f.ID == "" || f.Name == "" {
		return nil, file.Errorf(nil, "a campaign needs an id and a name")
	}
	if len(f.Sides) != 2 || f.Sides[0] == "" || f.Sides[0] == f.Sides[1] {
		return nil, file.Errorf([]any{"sides"}, "a campaign has two sides with different names")
	}
	c.Sides = [2]string{f.Sides[0], f.Sides[1]}
	for k := range f.SideNames {
		if !slices.Contains(f.Sides, k) {
			return nil, file.Errorf([]any{"side_names", k}, "no campaign side %q (have %s and %s)", k, f.Sides[0], f.Sides[1])
		}
	}
	for i, id := range c.Sides {
		c.SideNames[i] = strings.TrimSpace(f.SideNames[id])
		if c.SideNames[i] == "" {
			c.SideNames[i] = strings.ToUpper(id[:1]) + id[1:]
		}
	}
	if len(f.Battles) == 0 || len(f.Battles) > MaxBattles {
		return nil, file.Errorf([]any{"battles"}, "%d battles, want 1..%d", len(f.Battles), MaxBattles)
	}
	notes := map[string]bool{}
	for bi, bf := range f.Battles {
		at := []any{"battles", bi}
		var sc *scenario.Scenario
		for _, s := range scen {
			if s.ID == bf.Scenario {
				sc = s
			}
		}
		if sc == nil {
			return nil, file.Errorf(append(at, "scenario"), "no scenario %q", bf.Scenario)
		}
		b := Battle{Scenario: sc, StandIn: map[string]string{}}
		for i, cs := range c.Sides {
			id, ok := bf.Sides[cs]
			if !ok {
				return nil, file.Errorf(append(at, "sides"), "battle %s: which of its sides is the campaign's %s?", sc.ID, cs)
			}
			side, err := sc.Setup.SideIDs.Parse(id)
			if err != nil {
				return nil, file.Errorf(append(at, "sides"), "battle %s: %v", sc.ID, err)
			}
			b.Sides[i] = side
		}
		if b.Sides[0] == b.Sides[1] || len(bf.Sides) != 2 {
			return nil, file.Errorf(append(at, "sides"), "battle %s: map the campaign's two sides onto its two sides", sc.ID)
		}
		if len(bf.Notes) > MaxNotes || len(bf.If) > MaxNotes {
			return nil, file.Errorf(at, "battle %s: at most %d notes and %d rules", sc.ID, MaxNotes, MaxNotes)
		}
		for _, r := range bf.If {
			for _, w := range r.When {
				n := strings.TrimPrefix(w, "not ")
				if !notes[n] {
					return nil, file.Errorf(append(at, "if"), "battle %s: note %q is left by no earlier battle", sc.ID, n)
				}
			}
		}
		for ri, rf := range bf.If {
			r := Rule{When: rf.When, End: strings.TrimSpace(rf.End), Skip: strings.TrimSpace(rf.Skip)}
			if rf.Wing != nil {
				for _, g := range rf.Wing.Add {
					r.Add = append(r.Add, scenario.WingAdd{Wing: rf.Wing.ID, Class: g.Class, Count: g.Count})
				}
				if _, err := sc.Apply(scenario.Variant{Add: r.Add}); err != nil {
					return nil, file.Errorf(append(at, "if", ri, "wing"), "%v", err)
				}
			}
			if (r.End != "") == (r.Skip != "") && len(r.Add) == 0 || (r.End != "" && r.Skip != "") {
				return nil, file.Errorf(append(at, "if", ri), "battle %s: a rule ends the campaign, skips the battle, or reinforces a wing", sc.ID)
			}
			b.Rules = append(b.Rules, r)
		}
		for k, si := range bf.StandIn {
			if !slices.Contains(bf.Lost, k) {
				return nil, file.Errorf(append(at, "stand_in"), "battle %s: a stand-in for %s, which is not among the units it loses (lost)", sc.ID, k)
			}
			if _, err := sc.Apply(scenario.Variant{Names: map[string]string{k: si.Name}}); err != nil {
				return nil, file.Errorf(append(at, "stand_in"), "%v", err)
			}
			b.StandIn[k] = si.Name
		}
		for _, k := range bf.Lost {
			if _, ok := b.StandIn[k]; !ok {
				// Without a stand-in the battle must still be a battle without it.
				if _, err := sc.Apply(scenario.Variant{Absent: []string{k}}); err != nil {
					return nil, file.Errorf(append(at, "lost"), "%v (give it a stand_in)", err)
				}
			}
			b.Lost = append(b.Lost, k)
		}
		for nm, texts := range bf.Notes {
			n := Note{Name: nm}
			for _, t := range texts {
				cd, err := sc.Condition(t)
				if err != nil {
					return nil, file.Errorf(append(at, "notes", nm), "battle %s: %v", sc.ID, err)
				}
				n.When = append(n.When, cd)
			}
			b.Notes = append(b.Notes, n)
			notes[nm] = true
		}
		slices.SortFunc(b.Notes, func(a, b Note) int { return strings.Compare(a.Name, b.Name) })
		c.Battles = append(c.Battles, b)
	}
	return c, nil
}
