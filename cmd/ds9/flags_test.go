package main

import (
	"strings"
	"testing"
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
