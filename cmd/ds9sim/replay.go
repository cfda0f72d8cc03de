package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/calltoarms/ds9/game/replay"
	"github.com/calltoarms/ds9/game/scenario"
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
		sc, err = builtInByID(f.Scenario)
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

// builtInByID finds an embedded scenario by id only: a replay's scenario field
// never names a file to read.
func builtInByID(id string) (*scenario.Scenario, error) {
	all, err := builtIn()
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, sc := range all {
		if sc.ID == id {
			return sc, nil
		}
		ids = append(ids, sc.ID)
	}
	return nil, fmt.Errorf("unknown scenario %q (have: %s)", id, strings.Join(ids, ", "))
}
