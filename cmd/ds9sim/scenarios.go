package main

import (
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/scenarios"
)

// findScenario loads a built-in scenario by id, or a scenario file by path
// (scenario.IsPath): a player's file, its catalogue beside it or built in.
func findScenario(id string) (*scenario.Scenario, error) {
	if id == "" {
		return nil, fmt.Errorf("%w: -scenario is required", errUsage)
	}
	if scenario.IsPath(id) {
		sc, _, err := scenario.LoadPath(id, scenarios.FS)
		return sc, err
	}
	return scenario.ByID(scenarios.FS, id)
}

// cmdScenarios lists the built-in scenarios. A scenario file that does not load
// is reported on stderr, one line naming its file and line, and the exit status
// is then 1; the others are still listed.
func cmdScenarios(args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: scenarios takes no arguments", errUsage)
	}
	return listScenarios(scenarios.FS, stdout, stderr)
}

func listScenarios(fsys fs.FS, stdout, stderr io.Writer) error {
	all, err := scenario.All(fsys)
	for _, sc := range all {
		fmt.Fprintf(stdout, "%-28s %s (%s)\n", sc.ID, sc.Name, sc.Date)
	}
	if err == nil {
		return nil
	}
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	for _, e := range errs {
		fmt.Fprintln(stderr, oneLine(e.Error()))
	}
	return errReported
}

func cmdValidate(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: validate needs at least one FILE", errUsage)
	}
	bad := 0
	for _, p := range args {
		if err := scenario.ValidatePath(p, scenarios.FS); err != nil {
			fmt.Fprintln(stderr, oneLine(err.Error()))
			bad++
			continue
		}
		fmt.Fprintf(stdout, "%s: ok\n", p)
	}
	if bad > 0 {
		return errReported
	}
	return nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
