package render

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/calltoarms/ds9/assets"
	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/scenarios"
)

func loadLooks(t *testing.T) *Looks {
	t.Helper()
	data, err := fs.ReadFile(assets.FS, "looks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	l, err := LoadLooks("assets/looks.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// Every ship class of every scenario has a look of its own, and a class the
// file does not know is drawn in its faction's look and colours.
func TestLooksCoverTheScenarios(t *testing.T) {
	l := loadLooks(t)
	all, err := scenario.All(scenarios.FS)
	if err != nil {
		t.Fatal(err)
	}
	own := map[string]bool{}
	for _, id := range l.Classes() {
		own[id] = true
	}
	for _, sc := range all {
		for _, c := range sc.Setup.Classes {
			if c.Station {
				continue // stations are drawn by the renderer
			}
			if !own[c.ID] {
				t.Errorf("%s: class %s (%s) has no look in assets/looks.yaml: it is drawn in its faction's", sc.ID, c.ID, c.Faction)
			}
		}
	}
	kl, kp := l.For("vorcha", "klingon")
	bop, _ := l.For("bird-of-prey", "klingon")
	if kl.Length != bop.Length || len(kl.Shapes) != len(bop.Shapes) || kp != l.factions["klingon"].palette {
		t.Errorf("an unknown Klingon class does not look like the Klingon fallback")
	}
	gl, gp := l.For("unknown", "nobody")
	if len(gl.Shapes) != len(l.generic.Shapes) || gp != l.factions[l.defaultFaction].palette {
		t.Errorf("an unknown class of an unknown faction is not drawn generic in the default palette")
	}
}

// A broken looks file is refused with the file and the line.
func TestLooksErrors(t *testing.T) {
	const good = `default_faction: f
factions:
  f: {hull: 0x112233, dark: 0x112233, trim: 0x112233, glow: 0x112233, look: generic}
classes:
  a:
    length: 1
    shapes:
      - {fill: hull, poly: [0, 0, 10, 0, 0, 10]}
generic:
  length: 1.4
  shapes:
    - {fill: glow, circle: [64, 64, 3]}
`
	if _, err := LoadLooks("looks.yaml", []byte(good)); err != nil {
		t.Fatalf("a good file: %v", err)
	}
	for _, c := range []struct{ name, from, to, want string }{
		{"unknown key", "    length: 1\n", "    length: 1\n    colour: red\n", `looks.yaml:7: unknown key "colour"`},
		{"bad fill", "fill: hull, poly", "fill: chrome, poly", `looks.yaml:8: class a: shape 1: fill "chrome"`},
		{"odd points", "[0, 0, 10, 0, 0, 10]", "[0, 0, 10, 0, 0]", "looks.yaml:8: class a: shape 1: 5 numbers"},
		{"two kinds", "poly: [0, 0, 10, 0, 0, 10]}", "poly: [0, 0, 10, 0, 0, 10], circle: [1, 1, 1]}", "looks.yaml:8: class a: shape 1: want exactly one"},
		{"outside", "[0, 0, 10, 0, 0, 10]", "[0, 0, 10, 0, 0, 200]", "looks.yaml:8: class a: shape 1: 200 is outside"},
		{"length", "    length: 1\n", "    length: 0\n", "looks.yaml:6: class a: length 0"},
		{"missing colour", "trim: 0x112233, ", "", "looks.yaml:3: faction f: no trim colour"},
		{"bad look", "look: generic}", "look: b}", `looks.yaml:3: faction f: look "b"`},
		{"bad default", "default_faction: f", "default_faction: g", `looks.yaml:1: default_faction "g"`},
		{"wrong type", "length: 1.4", "length: long", "looks.yaml:10: "},
		{"not yaml", "classes:", "classes: [", "looks.yaml:"},
	} {
		bad := strings.Replace(good, c.from, c.to, 1)
		if bad == good {
			t.Fatalf("%s: the test does not change the file", c.name)
		}
		_, err := LoadLooks("looks.yaml", []byte(bad))
		t.Logf("%s: %v", c.name, err)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: err %v, want one line starting %q", c.name, err, c.want)
		}
	}
}
