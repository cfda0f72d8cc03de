package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/scenarios"
)

func runCmd(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestScenariosLists(t *testing.T) {
	code, out, _ := runCmd("scenarios")
	if code != 0 || !strings.Contains(out, "second-battle-of-ds9") {
		t.Fatalf("exit %d, output %q", code, out)
	}
}

func TestPlayJSON(t *testing.T) {
	var sums []rules.Summary
	for range 2 {
		code, out, errOut := runCmd("play", "-scenario", "second-battle-of-ds9", "-seed", "1", "-json")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var s rules.Summary
		if err := json.Unmarshal([]byte(out), &s); err != nil {
			t.Fatal(err)
		}
		sums = append(sums, s)
	}
	s := sums[0]
	if s.Forces[rules.SideB].N < 250 {
		t.Errorf("forces.dominion %d < 250", s.Forces[rules.SideB].N)
	}
	switch s.Outcome {
	case "dominion-pyrrhic-victory", "dominion-victory", "alliance-victory", "dominion-decisive-victory", "alliance-surrender":
	default:
		t.Errorf("outcome %q", s.Outcome)
	}
	if s.Checksum == "" || s.Checksum != sums[1].Checksum {
		t.Errorf("checksums %q and %q", s.Checksum, sums[1].Checksum)
	}
	for _, key := range []string{`"scenario"`, `"seed"`, `"turns"`, `"outcome"`, `"forces"`, `"losses"`, `"minefield"`, `"laid"`, `"total"`, `"active"`, `"station"`, `"checksum"`} {
		_, out, _ := runCmd("play", "-scenario", "second-battle-of-ds9", "-seed", "2", "-json")
		if !strings.Contains(out, key) {
			t.Errorf("summary lacks %s", key)
		}
	}
}

func TestPlayErrors(t *testing.T) {
	if code, _, e := runCmd("play", "-scenario", "third-battle-of-ds9"); code != 1 || !strings.Contains(e, "unknown scenario") {
		t.Errorf("unknown scenario: exit %d %q", code, e)
	}
	if code, _, _ := runCmd("play"); code != 2 {
		t.Errorf("missing -scenario: exit %d", code)
	}
	if code, _, _ := runCmd("frobnicate"); code != 2 {
		t.Errorf("unknown command: exit %d", code)
	}
}

// TestValidate: good files pass; broken, truncated and garbage files exit 1 with
// one line naming the file, and never panic.
func TestValidate(t *testing.T) {
	dir := t.TempDir()
	good, _ := scenarios.FS.ReadFile("second-battle-of-ds9.yaml")
	ships, _ := scenarios.FS.ReadFile("ships.yaml")
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("ships.yaml", ships)
	okPath := write("good.yaml", good)
	if code, out, e := runCmd("validate", okPath, filepath.Join(dir, "ships.yaml")); code != 0 {
		t.Fatalf("good files: exit %d %q %q", code, out, e)
	}
	bad := map[string][]byte{
		"broken.yaml":    bytes.Replace(good, []byte("turn_limit:"), []byte("turn_limitt:"), 1),
		"truncated.yaml": good[:len(good)/2],
		"garbage.yaml":   {0x89, 'P', 'N', 'G', 0, 0, 0xff, 0xfe, '{', '[', ':'},
		"missing.yaml":   nil,
	}
	for name, data := range bad {
		p := filepath.Join(dir, name)
		if data != nil {
			write(name, data)
		}
		code, _, e := runCmd("validate", p)
		if code != 1 {
			t.Errorf("%s: exit %d", name, code)
		}
		lines := strings.Split(strings.TrimSpace(e), "\n")
		if len(lines) != 1 || !strings.HasPrefix(lines[0], p) {
			t.Errorf("%s: want one line naming the file, got %q", name, e)
		}
	}
	if code, _, e := runCmd("validate", filepath.Join(dir, "broken.yaml")); !strings.Contains(e, "broken.yaml:") || code != 1 {
		t.Errorf("broken: want file:line, got %q", e)
	}
}

// TestScenariosReportsBrokenFiles: the good scenarios are listed on stdout, each
// broken file is one line on stderr naming it, and the exit is 1.
func TestScenariosReportsBrokenFiles(t *testing.T) {
	good, _ := scenarios.FS.ReadFile("second-battle-of-ds9.yaml")
	ships, _ := scenarios.FS.ReadFile("ships.yaml")
	fsys := fstest.MapFS{
		"good.yaml":   {Data: good},
		"broken.yaml": {Data: bytes.Replace(good, []byte("turn_limit: 10"), []byte("turn_limit: 2.5"), 1)},
		"ships.yaml":  {Data: ships},
	}
	var o, e bytes.Buffer
	err := listScenarios(fsys, &o, &e)
	if !errors.Is(err, errReported) {
		t.Errorf("error %v, want the exit status 1", err)
	}
	if !strings.HasPrefix(o.String(), "second-battle-of-ds9 ") || strings.Count(o.String(), "\n") != 1 {
		t.Errorf("stdout %q, want the good scenario alone", o.String())
	}
	line := 1 + bytes.Count(good[:bytes.Index(good, []byte("turn_limit: 10"))], []byte("\n"))
	want := fmt.Sprintf("broken.yaml:%d: turn_limit: want a whole number", line)
	lines := strings.Split(strings.TrimSpace(e.String()), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], want) {
		t.Errorf("stderr %q, want one line %q", e.String(), want)
	}
}

// TestValidateHostile: validate refuses a hostile scenario and a hostile
// catalogue with exit status 1 and one line naming the file and the line of the
// hostile value.
func TestValidateHostile(t *testing.T) {
	dir := t.TempDir()
	copyFile := func(from, to string) string {
		data, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, to)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	const fixtures = "../../game/scenario/testdata/"
	copyFile(fixtures+"base/ships.yaml", "ships.yaml")
	for _, c := range []struct{ file, want string }{
		{"turn-limit-float.yaml", `:12: turn_limit: want a whole number in 1..200, not "2.5"`},
		{"speed-maxint.yaml", `:33: class defiant: speed 9223372036854775807 out of range 0..20`},
		{"end-turn-1.yaml", `:45: end group 3 (turn >= 1) already holds at the start`},
	} {
		p := copyFile(fixtures+"hostile/"+c.file, c.file)
		code, out, e := runCmd("validate", p)
		if code != 1 || out != "" {
			t.Errorf("%s: exit %d, stdout %q", c.file, code, out)
		}
		if lines := strings.Split(strings.TrimSuffix(e, "\n"), "\n"); len(lines) != 1 || !strings.HasPrefix(lines[0], p+c.want) {
			t.Errorf("%s: stderr %q, want one line %q", c.file, e, p+c.want)
		}
	}
}

// TestScenarioPath: -scenario takes a player's file as well as an id, its
// catalogue beside it or built in; a bad one is its file:line.
func TestScenarioPath(t *testing.T) {
	dir := t.TempDir()
	good, _ := scenarios.FS.ReadFile("second-battle-of-ds9.yaml")
	mine := bytes.Replace(good, []byte("id: second-battle-of-ds9"), []byte("id: my-battle"), 1)
	p := filepath.Join(dir, "mine.yaml") // no ships.yaml beside it: the built-in one
	if err := os.WriteFile(p, mine, 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, bytes.Replace(mine, []byte("turn_limit:"), []byte("turn_limitt:"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		args []string
		code int
		want string // in stdout, or else in stderr
	}{
		{"play a path", []string{"play", "-scenario", p, "-seed", "1"}, 0, "my-battle"},
		{"sim a path", []string{"sim", "-scenario", p, "-n", "2", "-seed", "1"}, 0, "my-battle"},
		{"validate with a built-in catalogue", []string{"validate", p}, 0, p + ": ok"},
		{"an id still", []string{"play", "-scenario", "second-battle-of-ds9", "-seed", "1"}, 0, "second-battle-of-ds9"},
		{"a bad file", []string{"play", "-scenario", bad, "-seed", "1"}, 1, bad + ":"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, out, e := runCmd(c.args...)
			if code != c.code || !strings.Contains(out+e, c.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d and %q", code, out, e, c.code, c.want)
			}
			if c.code != 0 && (strings.Count(strings.TrimSpace(e), "\n") != 0 || !strings.Contains(e, "unknown key")) {
				t.Errorf("stderr %q: want one file:line line", e)
			}
		})
	}
}
