package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/scenarios"
)

// findScenario loads a built-in scenario by id, or a scenario file by path.
func findScenario(id string) (*scenario.Scenario, error) {
	if id == "" {
		return nil, fmt.Errorf("%w: -scenario is required", errUsage)
	}
	if strings.HasSuffix(id, ".yaml") || strings.ContainsRune(id, '/') {
		return scenario.LoadFile(id)
	}
	return scenario.ByID(scenarios.FS, id)
}

func cmdScenarios(args []string, stdout io.Writer) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: scenarios takes no arguments", errUsage)
	}
	all, err := scenario.All(scenarios.FS)
	if err != nil {
		return err
	}
	for _, sc := range all {
		fmt.Fprintf(stdout, "%-28s %s (%s)\n", sc.ID, sc.Name, sc.Date)
	}
	return nil
}

func cmdValidate(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: validate needs at least one FILE", errUsage)
	}
	bad := 0
	for _, p := range args {
		if err := scenario.ValidateFile(p); err != nil {
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
