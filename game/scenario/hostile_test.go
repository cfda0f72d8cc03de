package scenario_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/calltoarms/ds9/game/scenario"
)

// fixture is a hostile file of testdata/hostile: what it tries, and either the
// error it must get (its line and a part of its message) or, when the value is
// acceptable, that its battle plays to the end.
type fixture struct {
	name, tries string
	data        []byte
	line        int    // the error's line; 0: the battle must play
	want        string // part of the error's message
}

// hostileFixtures reads testdata/hostile. Each file opens with the comments
//
//	# tries: what the hostile value tries to break
//	# want: LINE: part of the error      or      # want: plays
func hostileFixtures(t testing.TB) []fixture {
	paths, err := filepath.Glob("testdata/hostile/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var out []fixture
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		f := fixture{name: filepath.Base(p), data: data}
		lines := strings.SplitN(string(data), "\n", 3)
		tries, ok1 := strings.CutPrefix(lines[0], "# tries: ")
		want, ok2 := strings.CutPrefix(lines[min(1, len(lines)-1)], "# want: ")
		if !ok1 || !ok2 || tries == "" {
			t.Fatalf("%s: must open with # tries: and # want: lines", p)
		}
		f.tries = tries
		if want != "plays" {
			n, msg, ok := strings.Cut(want, ": ")
			if f.line, err = strconv.Atoi(n); !ok || err != nil || f.line < 1 {
				t.Fatalf("%s: # want: LINE: MESSAGE, or # want: plays", p)
			}
			f.want = msg
		}
		out = append(out, f)
	}
	return out
}

// fixtureFS is a folder holding the fixture and what it needs beside it: the
// base catalogue for a scenario, the base battle for a catalogue.
func fixtureFS(t testing.TB, f fixture) (fsys fstest.MapFS, battle string) {
	ships, err := os.ReadFile("testdata/base/ships.yaml")
	if err != nil {
		t.Fatal(err)
	}
	base, err := os.ReadFile("testdata/base/battle.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fsys = fstest.MapFS{f.name: {Data: f.data}}
	if scenario.IsCatalogue(f.data) {
		b := strings.Replace(string(base), "catalogue: ships.yaml", "catalogue: "+f.name, 1)
		fsys["battle.yaml"] = &fstest.MapFile{Data: []byte(b)}
		return fsys, "battle.yaml"
	}
	fsys["ships.yaml"] = &fstest.MapFile{Data: ships}
	return fsys, f.name
}

// TestHostileFixtures: every hostile file is refused with one line naming the
// file and the line of the hostile value, or, where the value is acceptable, its
// battle plays to the end with the normal computer commanders, within bounds on
// orders and time, and with the invariants holding after every order.
func TestHostileFixtures(t *testing.T) {
	fixtures := hostileFixtures(t)
	if len(fixtures) < 25 {
		t.Fatalf("%d hostile fixtures, want at least 25", len(fixtures))
	}
	for _, f := range fixtures {
		t.Run(strings.TrimSuffix(f.name, ".yaml"), func(t *testing.T) {
			fsys, battle := fixtureFS(t, f)
			err := scenario.Validate(fsys, f.name)
			if f.line == 0 {
				if err != nil {
					t.Fatalf("%s (%s): %v, want it accepted", f.name, f.tries, err)
				}
				sc, err := scenario.Load(fsys, battle)
				if err != nil {
					t.Fatal(err)
				}
				st, err := sc.NewState(1)
				if err != nil {
					t.Fatal(err)
				}
				if err := playOut(st, 200000, time.Minute); err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil {
				t.Fatalf("%s (%s) is accepted", f.name, f.tries)
			}
			msg := err.Error()
			prefix := fmt.Sprintf("%s:%d: ", f.name, f.line)
			if !strings.HasPrefix(msg, prefix) || !strings.Contains(msg, f.want) || strings.Contains(msg, "\n") {
				t.Errorf("%s (%s):\n got %q\nwant %q...%q on one line", f.name, f.tries, msg, prefix, f.want)
			}
			var se *scenario.Error
			if !errors.As(err, &se) || se.Line != f.line {
				t.Errorf("%v is not a *scenario.Error at line %d", err, f.line)
			}
		})
	}
}
