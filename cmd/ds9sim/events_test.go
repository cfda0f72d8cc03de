package main

import (
	"bufio"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestReplayEvents: `replay -events SIDE` gives one JSON line per order, and no
// event names a unit that is absent from SIDE's sees both before and after its
// order; the two sides' streams differ. On the historical replay and on a
// battle of the normal commanders.
func TestReplayEvents(t *testing.T) {
	played := filepath.Join(t.TempDir(), "normal.json")
	if code, _, errOut := runCmd("play", "-scenario", "second-battle-of-ds9", "-seed", "3", "-o", played); code != 0 {
		t.Fatalf("play: %s", errOut)
	}
	for _, file := range []string{"../../scenarios/replays/second-battle-of-ds9-historical.json", played} {
		var streams [2]string
		for i, side := range []string{"alliance", "dominion"} {
			code, out, errOut := runCmd("replay", file, "-events", side)
			if code != 0 {
				t.Fatalf("%s -events %s: exit %d: %s", file, side, code, errOut)
			}
			streams[i] = out
			checkTold(t, file+" as "+side, out)
		}
		if streams[0] == streams[1] {
			t.Fatalf("%s: both sides were told the same", file)
		}
	}
	if code, _, errOut := runCmd("replay", played, "-events", "romulans"); code != 2 || !strings.Contains(errOut, "romulans") {
		t.Fatalf("a bad side: exit %d, %q", code, errOut)
	}
}

// checkTold reads a stream of told lines and checks every name against sees.
func checkTold(t *testing.T, what, out string) {
	t.Helper()
	var before []string
	lines, names := 0, 0
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var l toldLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("%s: line %d: %v", what, lines+1, err)
		}
		lines++
		if l.Turn < 1 || l.Order < 1 || (l.Side != "alliance" && l.Side != "dominion") || len(l.Sees) == 0 {
			t.Fatalf("%s: line %d: %+v", what, lines, l)
		}
		for _, e := range l.Events {
			for _, k := range []string{e.Ship, e.Target, e.Ward} {
				if k == "" {
					continue
				}
				names++
				if !slices.Contains(before, k) && !slices.Contains(l.Sees, k) {
					t.Fatalf("%s: turn %d order %d: %s names %q, in sees neither before nor after", what, l.Turn, l.Order, e.Kind, k)
				}
			}
		}
		before = l.Sees
	}
	if lines == 0 || names == 0 {
		t.Fatalf("%s: %d lines naming %d units", what, lines, names)
	}
}
