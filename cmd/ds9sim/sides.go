package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/calltoarms/ds9/game/ai"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
)

// scenarioArg finds the -scenario flag's value among the arguments before they
// are parsed: the commanders' flags are named by the scenario's sides.
func scenarioArg(args []string) string {
	for i, a := range args {
		name, val, eq := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "scenario" {
			continue
		}
		if eq {
			return val
		}
		if i+1 < len(args) {
			return args[i+1]
		}
	}
	return ""
}

// sideFlags defines one flag per side of sc, named by the side's id
// (-alliance, -klingon …), for the commander of that side.
func sideFlags(fs *flag.FlagSet, sc *scenario.Scenario) *[2]string {
	var names [2]string
	for _, side := range rules.Sides {
		id := sc.Setup.SideIDs.Of(side)
		fs.StringVar(&names[side], id, "normal", fmt.Sprintf("the %s's commander: easy, normal, hard or baseline", id))
	}
	return &names
}

// loadForFlags loads the scenario the arguments name, so that its sides'
// flags can be defined; with none, or a scenario that does not load, the
// error waits for the flags to be parsed.
func loadForFlags(args []string) (*scenario.Scenario, error) {
	return findScenario(scenarioArg(args))
}

// commanders builds the two sides' commanders from their flag values.
func commanders(sc *scenario.Scenario, names [2]string) ([2]ai.Commander, error) {
	var cmd [2]ai.Commander
	for _, side := range rules.Sides {
		c, err := ai.Parse(side, names[side])
		if err != nil {
			return cmd, fmt.Errorf("%w: -%s: %v", errUsage, sc.Setup.SideIDs.Of(side), err)
		}
		cmd[side] = c
	}
	return cmd, nil
}
