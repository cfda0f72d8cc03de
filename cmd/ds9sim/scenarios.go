package main

import (
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"

	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/scenarios"
)

// builtIn lists the embedded scenarios.
func builtIn() ([]*scenario.Scenario, error) {
	names, err := fs.Glob(scenarios.FS, "*.yaml")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []*scenario.Scenario
	for _, n := range names {
		data, err := fs.ReadFile(scenarios.FS, n)
		if err != nil {
			return nil, err
		}
		if scenario.IsCatalogue(data) {
			continue
		}
		sc, err := scenario.Load(scenarios.FS, n)
		if err != nil {
			return nil, err
		}
		out = append(out, sc)
	}
	return out, nil
}

// findScenario loads a built-in scenario by id, or a scenario file by path.
func findScenario(id string) (*scenario.Scenario, error) {
	if id == "" {
		return nil, fmt.Errorf("%w: -scenario is required", errUsage)
	}
	if strings.HasSuffix(id, ".yaml") || strings.ContainsRune(id, '/') {
		return scenario.LoadFile(id)
	}
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

func cmdScenarios(args []string, stdout io.Writer) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: scenarios takes no arguments", errUsage)
	}
	all, err := builtIn()
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
