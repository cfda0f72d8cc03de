package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/calltoarms/ds9/game/ai"
	"github.com/calltoarms/ds9/game/replay"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/scenarios"
)

// maxAdvise bounds the battles one advice plays.
const maxAdvise = 100000

// adviceReport is what advise prints as JSON.
type adviceReport struct {
	File    string      `json:"file"`
	Turn    int         `json:"turn"`
	Side    string      `json:"side"` // the side to move, whose view the advice is from
	Over    bool        `json:"over"` // the battle was over by then: its outcome is certain
	N       int         `json:"n"`
	Chances []ai.Chance `json:"chances"`
}

func cmdAdvise(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("advise", stderr)
	turn := fs.Int("turn", 0, "advise at the start of turn `T` (1 or more; past the battle's end: its outcome)")
	n := fs.Int("n", 200, "battles to play from there (1.."+fmt.Sprint(maxAdvise)+")")
	seed := fs.Uint64("seed", 1, "the first seed of the sampled battles")
	asJSON := fs.Bool("json", false, "print the chances as JSON")
	file, err := parseWithFile(fs, "advise", args)
	if err != nil {
		return err
	}
	switch {
	case *turn < 1 || *turn > rules.MaxTurns:
		return fmt.Errorf("%w: -turn %d: want 1..%d", errUsage, *turn, rules.MaxTurns)
	case *n < 1 || *n > maxAdvise:
		return fmt.Errorf("%w: -n %d: want 1..%d", errUsage, *n, maxAdvise)
	}
	f, err := replay.ReadFile(file)
	if err != nil {
		return err
	}
	sc, err := scenario.ByID(scenarios.FS, f.Scenario)
	if err == nil {
		sc, err = replay.ScenarioOf(f, sc)
	}
	if err != nil {
		return fmt.Errorf("%s: %s", file, oneLine(err.Error()))
	}
	// The battle at the start of turn T: after the last order of turn T-1.
	var at *rules.State
	if *turn == 1 {
		if at, err = sc.NewState(f.Seed); err != nil {
			return err
		}
	}
	final, err := replay.VerifyTold(f, sc, func(t replay.Told) {
		if at == nil && (t.State.Turn >= *turn || t.State.Phase == rules.Over) {
			at = t.State.Clone()
		}
	})
	if err != nil {
		return fmt.Errorf("%s: %s", file, oneLine(err.Error()))
	}
	if at == nil {
		at = final // the replay stops before turn T
	}
	side := at.Active
	ch, err := ai.Advise(sc.Setup, at.View(side), *n, *seed)
	if err != nil {
		return fmt.Errorf("%s: turn %d: %w", file, *turn, err)
	}
	rep := adviceReport{File: file, Turn: *turn, Side: sc.Setup.SideIDs.Of(side), Over: at.Phase == rules.Over, N: ch.N, Chances: ch.Chance}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	fmt.Fprintf(stdout, "%s, turn %d, as the %s sees it (%d battles):\n", file, *turn, rep.Side, ch.N)
	for _, c := range ch.Chance {
		name := c.Outcome
		if name == "" {
			name = "(undecided)"
		}
		fmt.Fprintf(stdout, "  %-32s %5.1f%%  (%d)\n", name, 100*c.P, c.Battles)
	}
	return nil
}
