package main

import (
	"fmt"
	"io"

	"github.com/calltoarms/ds9/game/replay"
	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/scenarios"
)

// cmdReplay verifies a replay by re-playing it and prints the battle's summary,
// as play does. Every failure is one line naming the file.
func cmdReplay(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("replay", stderr)
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	scFile := fs.String("scenario", "", "verify against this scenario file instead of the built-in scenario the replay names")
	var file string
	// FILE may come before or after the flags.
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		file, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch {
	case file == "" && fs.NArg() == 1:
		file = fs.Arg(0)
	case file == "" || fs.NArg() > 0:
		return fmt.Errorf("%w: replay needs exactly one FILE", errUsage)
	}
	f, err := replay.ReadFile(file)
	if err != nil {
		return err
	}
	var sc *scenario.Scenario
	if *scFile != "" {
		sc, err = scenario.LoadFile(*scFile)
	} else {
		// A replay's scenario field names a built-in scenario, never a file to read.
		sc, err = scenario.ByID(scenarios.FS, f.Scenario)
	}
	if err != nil {
		return fmt.Errorf("%s: %s", file, oneLine(err.Error()))
	}
	st, err := replay.Verify(f, sc)
	if err != nil {
		return fmt.Errorf("%s: %s", file, oneLine(err.Error()))
	}
	return printSummary(stdout, st.Summarize(), *asJSON)
}
