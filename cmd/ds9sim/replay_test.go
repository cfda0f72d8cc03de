package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/calltoarms/ds9/game/replay"
	"github.com/calltoarms/ds9/game/rules"
)

// TestPlayReplay: play -o writes a replay that replay verifies, printing the same
// summary as play.
func TestPlayReplay(t *testing.T) {
	path := filepath.Join(t.TempDir(), "battle.json")
	code, playOut, errOut := runCmd("play", "-scenario", "second-battle-of-ds9", "-seed", "5", "-o", path, "-json")
	if code != 0 {
		t.Fatalf("play: exit %d: %s", code, errOut)
	}
	code, replayOut, errOut := runCmd("replay", path, "-json")
	if code != 0 {
		t.Fatalf("replay: exit %d: %s", code, errOut)
	}
	if playOut != replayOut {
		t.Fatalf("play printed\n%s\nreplay printed\n%s", playOut, replayOut)
	}
	var sum rules.Summary
	if err := json.Unmarshal([]byte(replayOut), &sum); err != nil || sum.Checksum == "" {
		t.Fatalf("summary %q: %v", replayOut, err)
	}
	f, err := replay.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if f.Players[rules.SideA] == "" || f.Players[rules.SideB] == "" || f.Result == nil || !f.Result.Equal(sum) {
		t.Fatalf("players %+v, result %+v", f.Players, f.Result)
	}
	// Text output, flags before the file.
	if code, out, errOut := runCmd("replay", "-json=false", path); code != 0 || !strings.Contains(out, "outcome") {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
}

// TestReplayFailures: each failure exits non-zero with one line naming the file
// (and the turn and order where there is one).
func TestReplayFailures(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "battle.json")
	if code, _, errOut := runCmd("play", "-scenario", "second-battle-of-ds9", "-seed", "2", "-o", path); code != 0 {
		t.Fatalf("play: %s", errOut)
	}
	f, err := replay.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, mod func(f *replay.File)) string {
		g, _ := replay.ReadFile(path)
		mod(g)
		p := filepath.Join(dir, name)
		if err := replay.Save(p, g); err != nil {
			t.Fatal(err)
		}
		return p
	}
	raw := func(name, data string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(data), 0o644)
		return p
	}
	// The third order of turn 2 given to a ship that does not exist.
	illegal := write("illegal.json", func(g *replay.File) { g.Turns[1].Orders[2].Ship = 1999 })
	// A checksum that does not match.
	diverged := write("diverged.json", func(g *replay.File) { g.Turns[2].Checksum = "0000000000000000" })
	unknown := write("unknown.json", func(g *replay.File) { g.Scenario = "third-battle-of-ds9" })
	changed := write("changed.json", func(g *replay.File) { g.ScenarioHash = strings.Repeat("1", 64) })
	data, _ := os.ReadFile(path)
	cases := []struct{ file, want string }{
		{illegal, "turn 2, order 3: illegal order"},
		{diverged, "diverges at turn 3, order " + strconv.Itoa(len(f.Turns[2].Orders)) + ": checksum"},
		{unknown, `unknown scenario "third-battle-of-ds9"`},
		{changed, "has changed since the replay was recorded"},
		{raw("truncated.json", string(data[:len(data)/2])), "truncated"},
		{raw("garbage.json", "\x00\x01garbage"), "not valid JSON"},
		{raw("version.json", `{"version": 9}`), "version 9"},
		{filepath.Join(dir, "missing.json"), "no such file"},
	}
	for _, c := range cases {
		code, out, errOut := runCmd("replay", c.file)
		lines := strings.Split(strings.TrimRight(errOut, "\n"), "\n")
		if code != 1 || out != "" || len(lines) != 1 || !strings.Contains(errOut, c.file+": ") || !strings.Contains(errOut, c.want) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 1 and one line saying %q", filepath.Base(c.file), code, out, errOut, c.want)
		}
	}
	if code, _, _ := runCmd("replay"); code != 2 {
		t.Errorf("replay without FILE: exit %d, want 2", code)
	}
}
