// Command golden regenerates the golden historical replay and the corrupted copy the
// tests must catch (make golden), from the repository's root:
//
//	go run ./cmd/golden
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/calltoarms/ds9/game/ai/historical"
	"github.com/calltoarms/ds9/game/replay"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
)

func main() {
	out := flag.String("o", "scenarios/replays/second-battle-of-ds9-historical.json", "replay file to write")
	corrupt := flag.String("corrupt", "game/replay/testdata/corrupted-historical.json", "where to write a copy with one order changed, for the tests (empty: none)")
	seed := flag.Uint64("seed", historical.Seed, "random seed")
	scFile := flag.String("scenario", "scenarios/"+historical.ScenarioID+".yaml", "scenario file")
	flag.Parse()
	if err := run(*out, *corrupt, *seed, *scFile); err != nil {
		fmt.Fprintln(os.Stderr, "golden:", err)
		os.Exit(1)
	}
}

func run(out, corrupt string, seed uint64, scFile string) error {
	// From disk, not the embedded copy: this program writes the files that
	// package scenarios embeds.
	sc, err := scenario.LoadFile(scFile)
	if err != nil {
		return err
	}
	f, staging, err := historical.Generate(sc, seed)
	if err != nil {
		return err
	}
	if _, err := replay.Verify(f, sc); err != nil {
		return fmt.Errorf("the new replay does not verify: %w", err)
	}
	if err := replay.Save(out, f); err != nil {
		return err
	}
	if corrupt != "" {
		c, at, err := historical.Corrupt(f)
		if err != nil {
			return err
		}
		if err := replay.Save(corrupt, c); err != nil {
			return err
		}
		fmt.Printf("%s: turn %d, order %d changed\n", corrupt, at.Turn, at.Order)
	}
	r := f.Result
	fmt.Printf("%s: seed %d, staging %d: %d turns, %d orders, %s, dominion losses %d, station %s, checksum %s\n",
		out, seed, staging, len(f.Turns), f.Orders(), r.Outcome, r.Losses[rules.SideB].N, r.Station, r.Checksum)
	return nil
}
