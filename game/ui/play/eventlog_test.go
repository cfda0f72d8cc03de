package play

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/calltoarms/ds9/game/replay"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/scenarios"
)

// silent are the events the log leaves out: moves (the map shows them),
// each shot (its volley's line sums them), shields restored and the end of
// a turn.
var silent = map[rules.EventKind]bool{rules.Moved: true, rules.Hit: true, rules.Missed: true, rules.ShieldsRestored: true, rules.TurnEnded: true}

// TestEveryEventIsTold plays every golden replay through a Session and
// checks that every event told to a side, but the silent ones, has its
// line in the log, of the kind its filter shows: the minefield brought down,
// a mine swept, a team's attempt aboard, a saboteur caught as much as a
// volley or a mine laid.
func TestEveryEventIsTold(t *testing.T) {
	files, _ := filepath.Glob("../../../scenarios/replays/*.json")
	if len(files) < 5 {
		t.Fatalf("%d golden replays", len(files))
	}
	seen := map[rules.EventKind]bool{}
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		f, err := replay.Load(filepath.Base(p), data)
		if err != nil {
			t.Fatal(err)
		}
		sc, err := scenario.Load(scenarios.FS, f.Scenario+".yaml")
		if err != nil {
			t.Fatal(err)
		}
		s, err := NewSession(sc, f.Seed, f.Players)
		if err != nil {
			t.Fatal(err)
		}
		for _, tu := range f.Turns {
			for _, o := range tu.Orders {
				a, err := s.Apply(o, false)
				if err != nil {
					t.Fatalf("%s: %v", p, err)
				}
				for _, side := range rules.Sides {
					k := a.Sight(side)
					for _, e := range a.Told[side] {
						seen[e.Kind] = true
						if silent[e.Kind] {
							continue
						}
						if Describe(sc, k, e) == "" {
							t.Errorf("%s: %v told to %v has no line in the log: %+v", f.Scenario, e.Kind, side, e)
						}
					}
				}
			}
		}
	}
	for _, kind := range []rules.EventKind{rules.MinefieldDown, rules.MineSwept, rules.TeamStruck, rules.TeamFailed} {
		if !seen[kind] {
			t.Logf("no golden replay tells of %v", kind)
		}
	}
	if t.Failed() {
		return
	}
	if !seen[rules.MineSwept] {
		t.Error("no golden replay sweeps a mine: the test proves little")
	}
}

// TestLogKinds: each filter shows the turns and phases and its own kind of
// line, and Count and LastOf count and find the lines it shows.
func TestLogKinds(t *testing.T) {
	for kind, want := range map[rules.EventKind]LogKind{
		rules.TurnBegan: LogNote, rules.PhaseBegan: LogNote,
		rules.Fired: LogCombat, rules.ShipDestroyed: LogCombat, rules.MineDetonated: LogCombat, rules.PerimeterFire: LogCombat,
		rules.MineLaid: LogOrders, rules.CloakEngaged: LogOrders, rules.Boarded: LogOrders, rules.ReinforcementsArrived: LogOrders,
		rules.Sabotaged: LogOrders, rules.OutcomeDecided: LogOrders, rules.TeamStruck: LogOrders,
	} {
		if got := KindOf(kind); got != want {
			t.Errorf("%v: kind %d, want %d", kind, got, want)
		}
	}
	var l Log
	l.Add("— Turn 1 —", rules.SideA, 0)
	l.AddKind("fire", rules.SideA, 0, LogCombat)
	l.AddKind("mine", rules.SideA, 0, LogOrders)
	l.AddKind("hit", rules.SideA, 0, LogCombat)
	if n := l.Count(LogCombatOnly); n != 3 {
		t.Errorf("combat: %d lines, want 3", n)
	}
	if n := l.Count(LogOrdersOnly); n != 2 {
		t.Errorf("orders: %d lines, want 2", n)
	}
	if n := l.Count(LogAll); n != 4 {
		t.Errorf("all: %d lines, want 4", n)
	}
	for _, c := range []struct {
		f    LogFilter
		i    int
		want string
	}{{LogCombatOnly, 0, "hit"}, {LogCombatOnly, 1, "fire"}, {LogCombatOnly, 2, "— Turn 1 —"}, {LogOrdersOnly, 0, "mine"}, {LogAll, 1, "mine"}} {
		if got := l.LastOf(c.i, c.f); got == nil || got.Text != c.want {
			t.Errorf("%s, %d back: %+v, want %q", c.f.Name(), c.i, got, c.want)
		}
	}
	if l.LastOf(3, LogCombatOnly) != nil {
		t.Error("a fourth combat line")
	}
}
