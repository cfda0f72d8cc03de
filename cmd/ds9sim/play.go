package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/calltoarms/ds9/game/ai"
	"github.com/calltoarms/ds9/game/replay"
	"github.com/calltoarms/ds9/game/rules"
)

func cmdPlay(args []string, stdout io.Writer) error {
	fs := newFlags("play", stdout)
	id := fs.String("scenario", "", "scenario id or file")
	seed := fs.Uint64("seed", 1, "random seed")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	out := fs.String("o", "", "write a replay of the battle to this file")
	allianceName := fs.String("alliance", "normal", "Alliance commander: easy, normal, hard or baseline")
	dominionName := fs.String("dominion", "normal", "Dominion commander: easy, normal, hard or baseline")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	sc, err := findScenario(*id)
	if err != nil {
		return err
	}
	cmd, err := commanders(*allianceName, *dominionName)
	if err != nil {
		return err
	}
	rec, err := replay.NewRecorder(sc, *seed, replay.Players{Alliance: cmd[rules.Alliance].Name(), Dominion: cmd[rules.Dominion].Name()})
	if err != nil {
		return err
	}
	st := rec.State()
	if err := ai.Play(st, cmd, rec.Apply); err != nil {
		return err
	}
	if *out != "" {
		if err := replay.Save(*out, rec.File()); err != nil {
			return err
		}
	}
	return printSummary(stdout, st.Summarize(), *asJSON)
}

func printSummary(w io.Writer, s rules.Summary, asJSON bool) error {
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	}
	fmt.Fprintf(w, "scenario   %s (seed %d)\n", s.Scenario, s.Seed)
	fmt.Fprintf(w, "outcome    %s after %d turns\n", s.Outcome, s.Turns)
	fmt.Fprintf(w, "forces     alliance %d, dominion %d\n", s.Forces.Alliance, s.Forces.Dominion)
	fmt.Fprintf(w, "losses     alliance %d, dominion %d\n", s.Losses.Alliance, s.Losses.Dominion)
	fmt.Fprintf(w, "minefield  %d of %d laid, active %v\n", s.Minefield.Laid, s.Minefield.Total, s.Minefield.Active)
	fmt.Fprintf(w, "station    %s\n", s.Station)
	fmt.Fprintf(w, "checksum   %s\n", s.Checksum)
	return nil
}

// commanders builds the two sides' commanders from their flag values.
func commanders(alliance, dominion string) ([2]ai.Commander, error) {
	var cmd [2]ai.Commander
	var err error
	if cmd[rules.Alliance], err = ai.Parse(rules.Alliance, alliance); err != nil {
		return cmd, fmt.Errorf("%w: -alliance: %v", errUsage, err)
	}
	if cmd[rules.Dominion], err = ai.Parse(rules.Dominion, dominion); err != nil {
		return cmd, fmt.Errorf("%w: -dominion: %v", errUsage, err)
	}
	return cmd, nil
}
