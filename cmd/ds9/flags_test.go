package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/game/ui/saves"
	"github.com/calltoarms/ds9/game/ui/scene"
)

// The browser's settings come from the page's address: every bad one is a
// notice and its default stays; the desktop's are strict.
func TestParseLenient(t *testing.T) {
	o, notices, err := parse([]string{"-scenario", "nope", "-side", "xyz", "-seed", "abc", "-difficulty", "insane", "-mute", "-frames", "x", "-bogus", "1", "-zoom"}, true)
	if err != nil {
		t.Fatal(err)
	}
	if o.Scenario != "nope" || o.Side != "xyz" || o.Difficulty != "insane" || !o.Mute {
		t.Errorf("values that parse are kept for the game to check: %+v", o)
	}
	if o.Seed != 0 || o.Frames != 0 {
		t.Errorf("values that do not parse keep their defaults: seed %d, frames %d", o.Seed, o.Frames)
	}
	all := strings.Join(notices, "\n")
	for _, want := range []string{`seed "abc" is not a whole number`, `frames "x"`, `unknown setting "-bogus"`, "zoom: no value"} {
		if !strings.Contains(all, want) {
			t.Errorf("notices %q lack %q", all, want)
		}
	}
	if _, _, err := parse([]string{"-seed", "abc"}, false); err == nil || strings.Contains(err.Error(), "\n") {
		t.Errorf("strict: a bad seed gives %v, want one line", err)
	}
	if _, _, err := parse([]string{"extra"}, false); err == nil {
		t.Error("strict: an argument was accepted")
	}
	if o, _, err := parse([]string{"-seed=7", "-side", "dominion"}, false); err != nil || o.Seed != 7 || o.Side != "dominion" {
		t.Errorf("strict: %+v, %v", o, err)
	}
}

// TestParseScenarioPath: -scenario takes a scenario file's path as well as
// an id, on the desktop and in the browser; a file that does not open is no
// usage error: the game starts, and its title tells the file:line.
func TestParseScenarioPath(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("id: bad\nname: Bad\nturn_limitt: 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args    []string
		lenient bool
		want    string
		path    bool
	}{
		{[]string{"-scenario", bad}, false, bad, true},
		{[]string{"-scenario=mine.yml"}, false, "mine.yml", true},
		{[]string{"-scenario", "./battle"}, true, "./battle", true},
		{[]string{"-scenario", "second-battle-of-ds9"}, false, "second-battle-of-ds9", false},
	} {
		o, notices, err := parse(c.args, c.lenient)
		if err != nil || len(notices) > 0 || o.Scenario != c.want || scenario.IsPath(o.Scenario) != c.path {
			t.Errorf("%q: scenario %q (a path: %v), %v %v; want %q", c.args, o.Scenario, scenario.IsPath(o.Scenario), notices, err, c.want)
		}
	}
	o, _, _ := parse([]string{"-scenario", bad, "-scene", "battle"}, false)
	o.Storage, o.Mute = saves.NewMemory(), true
	m, err := scene.New(o)
	if err != nil {
		t.Fatalf("a bad scenario file stopped the game: %v", err)
	}
	if st := m.Status(); st.Scene != "title" || !strings.HasPrefix(st.Error, bad+":3: ") || strings.Contains(st.Error, "\n") {
		t.Errorf("scene %q, message %q: want the title telling %s:3", st.Scene, st.Error, bad)
	}
}
