package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
	if s.Forces.Dominion < 250 {
		t.Errorf("forces.dominion %d < 250", s.Forces.Dominion)
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
