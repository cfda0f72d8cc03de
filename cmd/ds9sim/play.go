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
	sc, err := loadForFlags(args)
	if err != nil {
		return err
	}
	names := sideFlags(fs, sc)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	_ = *id // read by loadForFlags
	cmd, err := commanders(sc, *names)
	if err != nil {
		return err
	}
	rec, err := replay.NewRecorder(sc, *seed, replay.Players{cmd[rules.SideA].Name(), cmd[rules.SideB].Name()})
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
	fmt.Fprintf(w, "forces     %s %d, %s %d\n", s.Forces[0].Side, s.Forces[0].N, s.Forces[1].Side, s.Forces[1].N)
	fmt.Fprintf(w, "losses     %s %d, %s %d\n", s.Losses[0].Side, s.Losses[0].N, s.Losses[1].Side, s.Losses[1].N)
	fmt.Fprintf(w, "minefield  %d of %d laid, active %v\n", s.Minefield.Laid, s.Minefield.Total, s.Minefield.Active)
	fmt.Fprintf(w, "station    %s\n", s.Station)
	fmt.Fprintf(w, "checksum   %s\n", s.Checksum)
	return nil
}
