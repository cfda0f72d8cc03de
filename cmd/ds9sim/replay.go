package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/replay"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/scenarios"
)

// parseWithFile parses a command's flags around its one FILE argument,
// which may come before or after them.
func parseWithFile(fs *flag.FlagSet, name string, args []string) (string, error) {
	var file string
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		file, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return "", err
	}
	switch {
	case file == "" && fs.NArg() == 1:
		file = fs.Arg(0)
	case file == "" || fs.NArg() > 0:
		return "", fmt.Errorf("%w: %s needs exactly one FILE", errUsage, name)
	}
	return file, nil
}

// cmdReplay verifies a replay by re-playing it and prints the battle's summary,
// as play does. Every failure is one line naming the file.
func cmdReplay(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("replay", stderr)
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	scFile := fs.String("scenario", "", "verify against this scenario file instead of the built-in scenario the replay names")
	events := fs.String("events", "", "print the battle as `SIDE` saw it: one JSON object per order, then no summary")
	file, err := parseWithFile(fs, "replay", args)
	if err != nil {
		return err
	}
	f, err := replay.ReadFile(file)
	if err != nil {
		return err
	}
	var sc *scenario.Scenario
	if *scFile != "" {
		sc, _, err = scenario.LoadPath(*scFile, scenarios.FS)
	} else {
		// A replay's scenario field names a built-in scenario, never a file to read.
		sc, err = scenario.ByID(scenarios.FS, f.Scenario)
	}
	if err == nil {
		sc, err = replay.ScenarioOf(f, sc)
	}
	if err != nil {
		return fmt.Errorf("%s: %s", file, oneLine(err.Error()))
	}
	if *events != "" {
		side, err := sc.Setup.SideIDs.Parse(*events)
		if err != nil {
			return fmt.Errorf("%w: -events: %v", errUsage, err)
		}
		return printTold(stdout, file, f, sc, side)
	}
	st, err := replay.Verify(f, sc)
	if err != nil {
		return fmt.Errorf("%s: %s", file, oneLine(err.Error()))
	}
	return printSummary(stdout, st.Summarize(), *asJSON)
}

// toldLine is one order of a battle as a side saw it.
type toldLine struct {
	Turn   int         `json:"turn"`
	Order  int         `json:"order"`
	Side   string      `json:"side"` // who gave it
	Events []toldEvent `json:"events"`
	Sees   []string    `json:"sees"` // unit keys of every unit in the side's view after the order
}

// toldEvent is an event as the side was told it, naming ships by unit key.
type toldEvent struct {
	Kind    string   `json:"kind"`
	Side    string   `json:"side,omitempty"`
	Ship    string   `json:"ship,omitempty"`
	Target  string   `json:"target,omitempty"`
	Ward    string   `json:"ward,omitempty"` // covering fire: the ship covered
	Wing    string   `json:"wing,omitempty"` // reinforcements: the wing's id
	From    *hex.Hex `json:"from,omitempty"`
	To      *hex.Hex `json:"to,omitempty"`
	Section int      `json:"section,omitempty"`
	Damage  int      `json:"damage,omitempty"`
	Shields int      `json:"shield_damage,omitempty"`
	Hull    int      `json:"hull_damage,omitempty"`
	Value   int      `json:"value,omitempty"`
	Count   int      `json:"count,omitempty"`
	Text    string   `json:"text,omitempty"`
}

// printTold re-plays a replay and prints, per order, what side was told.
func printTold(w io.Writer, file string, f *replay.File, sc *scenario.Scenario, side rules.Side) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	var encErr error
	_, err := replay.VerifyTold(f, sc, func(t replay.Told) {
		if encErr != nil {
			return
		}
		st := t.State
		key := func(id rules.ShipID) string {
			if sh := st.Ship(id); sh != nil {
				return sh.Key
			}
			return ""
		}
		line := toldLine{Turn: t.Turn, Order: t.Order, Side: st.SideID(t.Given.Side), Events: []toldEvent{}, Sees: []string{}}
		for _, e := range t.Told[side] {
			ship, target := e.Named()
			te := toldEvent{Kind: e.Kind.String(), Ship: key(ship), Target: key(target),
				Section: e.Section, Damage: e.Damage, Shields: e.ShieldDamage, Hull: e.HullDamage, Count: e.Count, Text: e.Text}
			if e.Sided() {
				te.Side = st.SideID(e.Side)
			}
			switch e.Kind {
			case rules.CoveringFire:
				te.Ward = key(rules.ShipID(e.Value))
			case rules.ReinforcementsArrived, rules.ReinforcementsBlocked:
				if e.Value >= 0 && e.Value < len(st.Wings) {
					te.Wing = st.Wings[e.Value].Key
				}
			default:
				te.Value = e.Value
			}
			if ship != rules.NoShip || e.Kind == rules.MineLaid || e.Kind == rules.MineReplicated {
				from, to := e.From, e.To
				te.From, te.To = &from, &to
			} else if target != rules.NoShip || e.Kind == rules.Detected || e.Kind == rules.MoveInterrupted || e.Kind == rules.MineFoiled {
				to := e.To
				te.To = &to
			}
			line.Events = append(line.Events, te)
		}
		for _, id := range st.InView(side) {
			line.Sees = append(line.Sees, key(id))
		}
		encErr = enc.Encode(line)
	})
	if err != nil {
		return fmt.Errorf("%s: %s", file, oneLine(err.Error()))
	}
	if encErr != nil {
		return encErr
	}
	return bw.Flush()
}
