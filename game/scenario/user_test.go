package scenario_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/scenarios"
)

// userBattle is a player's scenario: the flagship under another id and name.
func userBattle(t *testing.T) string {
	t.Helper()
	good := readEmbedded(t, "second-battle-of-ds9.yaml")
	s := strings.Replace(good, "id: second-battle-of-ds9", "id: my-battle", 1)
	s = strings.Replace(s, "\nname: ", "\nname: My Battle — ", 1)
	if s == good {
		t.Fatal("the flagship's id line is not where the test expects it")
	}
	return s
}

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestIsPath(t *testing.T) {
	for v, want := range map[string]bool{
		"second-battle-of-ds9": false, "my.battle": false, "": false,
		"my.yaml": true, "MY.YML": true, "./x": true, "/tmp/x": true, "dir/battle": true,
	} {
		if got := scenario.IsPath(v); got != want {
			t.Errorf("IsPath(%q) = %v, want %v", v, got, want)
		}
	}
}

// A scenario on disk reads its catalogue from beside it first, then from
// the built-in catalogues.
func TestLoadPathCatalogue(t *testing.T) {
	battle := userBattle(t)
	// No catalogue beside it: the built-in ships.yaml.
	dir := t.TempDir()
	p := writeFile(t, dir, "mine.yaml", battle)
	sc, src, err := scenario.LoadPath(p, scenarios.FS)
	if err != nil {
		t.Fatal(err)
	}
	if sc.ID != "my-battle" || !strings.HasPrefix(sc.Name, "My Battle") || sc.File != p {
		t.Errorf("loaded %s %q from %s", sc.ID, sc.Name, sc.File)
	}
	if src.Catalogue != "" || src.File != p || string(src.Data) != battle {
		t.Errorf("source: %q %q, want the file and no catalogue beside it", src.File, src.Catalogue)
	}
	// Without the built-ins it has none.
	if _, _, err := scenario.LoadPath(p, nil); err == nil || !strings.Contains(err.Error(), `catalogue "ships.yaml" is not beside the scenario`) {
		t.Errorf("no built-ins: %v", err)
	}
	// A catalogue beside it wins over the built-in one of its name.
	ships := strings.Replace(readEmbedded(t, "ships.yaml"), "hull: 50", "hull: 51", 1)
	writeFile(t, dir, "ships.yaml", ships)
	sc2, src2, err := scenario.LoadPath(p, scenarios.FS)
	if err != nil {
		t.Fatal(err)
	}
	if src2.Catalogue != "ships.yaml" || string(src2.CatalogueData) != ships || sc2.Hash == sc.Hash {
		t.Errorf("the catalogue beside it: %q, hash %s (built-in's %s)", src2.Catalogue, sc2.Hash, sc.Hash)
	}
	// What it was read from reads the same scenario again.
	for _, c := range []struct {
		src *scenario.Source
		sc  *scenario.Scenario
	}{{src, sc}, {src2, sc2}} {
		again, err := c.src.Load(scenarios.FS)
		if err != nil || again.Hash != c.sc.Hash || again.ID != c.sc.ID {
			t.Errorf("loaded again: %v, %v", again, err)
		}
	}
	// A broken catalogue beside it is that file's error, not a fall back.
	writeFile(t, dir, "ships.yaml", strings.Replace(ships, "shield_regen: 10", "shield_regn: 10", 1))
	_, _, err = scenario.LoadPath(p, scenarios.FS)
	var se *scenario.Error
	if err == nil || !errors.As(err, &se) || se.File != filepath.Join(dir, "ships.yaml") || se.Line == 0 || !strings.Contains(err.Error(), `unknown key "shield_regn"`) {
		t.Errorf("a broken catalogue beside it: %v", err)
	}
	// A catalogue of the war's battles, built in.
	war := readEmbedded(t, "archanis.yaml")
	p3 := writeFile(t, dir, "war.yaml", strings.Replace(war, "id: archanis", "id: my-archanis", 1))
	if sc, src, err := scenario.LoadPath(p3, scenarios.FS); err != nil || src.Catalogue != "" || sc.ID != "my-archanis" {
		t.Errorf("ships-war.yaml built in: %v", err)
	}
}

// A player's file that does not load says which file and line, and why.
func TestLoadPathErrors(t *testing.T) {
	battle := userBattle(t)
	dir := t.TempDir()
	cases := []struct {
		name, file, want string
		line             int
	}{
		{"bad value", strings.Replace(battle, "turn_limit: 10", "turn_limit: 2.5", 1), "turn_limit", lineOf(battle, "turn_limit: 10")},
		{"unknown catalogue", strings.Replace(battle, "catalogue: ships.yaml", "catalogue: nope.yaml", 1),
			`catalogue "nope.yaml" is neither beside the scenario nor built in (built in: ships-war.yaml, ships.yaml)`, lineOf(battle, "catalogue: ships.yaml")},
		{"catalogue in a folder", strings.Replace(battle, "catalogue: ships.yaml", "catalogue: sub/ships.yaml", 1), "must be a file name beside the scenario", lineOf(battle, "catalogue: ships.yaml")},
		{"catalogue up", strings.Replace(battle, "catalogue: ships.yaml", "catalogue: ../ships.yaml", 1), "must be a file name beside the scenario", lineOf(battle, "catalogue: ships.yaml")},
		{"a built-in scenario as its catalogue", strings.Replace(battle, "catalogue: ships.yaml", "catalogue: archanis.yaml", 1), "the built-in archanis.yaml is a scenario", lineOf(battle, "catalogue: ships.yaml")},
		{"a catalogue", readEmbedded(t, "ships.yaml"), "a ship-class catalogue, not a scenario", 0},
		{"binary", "\x7fELF\x02\x01\x01\x00\x00garbage", "NUL", 0},
		{"not text", "id: \xff\xfe", "not UTF-8", 0},
		{"too big", strings.Repeat("# padding\n", scenario.MaxFileSize/10+10), "limit", 0},
		{"empty", "", "empty file", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := writeFile(t, dir, "broken.yaml", c.file)
			_, _, err := scenario.LoadPath(p, scenarios.FS)
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, p+":") || strings.Contains(msg, "\n") || !strings.Contains(msg, c.want) {
				t.Errorf("got %q, want one line %s:...%s", msg, p, c.want)
			}
			var se *scenario.Error
			if !errors.As(err, &se) || se.Line != c.line {
				t.Errorf("%q: want line %d", msg, c.line)
			}
		})
	}
	// A file that is not there, or a folder.
	missing := filepath.Join(dir, "missing.yaml")
	if _, _, err := scenario.LoadPath(missing, scenarios.FS); err == nil || err.Error() != missing+": no such file or directory" {
		t.Errorf("missing file: %v", err)
	}
	if err := os.Mkdir(filepath.Join(dir, "d.yaml"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, _, err := scenario.LoadPath(filepath.Join(dir, "d.yaml"), scenarios.FS); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("a folder: %v", err)
	}
}

// Files handed over together (the browser's): the catalogue among them
// first, then built in.
func TestLoadUserFiles(t *testing.T) {
	battle := userBattle(t)
	ships := strings.Replace(readEmbedded(t, "ships.yaml"), "hull: 50", "hull: 51", 1)
	files := map[string][]byte{"mine.yaml": []byte(battle), "ships.yaml": []byte(ships)}
	sc, src, err := scenario.LoadUser("mine.yaml", files["mine.yaml"], scenario.FilesBeside(files), scenarios.FS)
	if err != nil || src.Catalogue != "ships.yaml" || sc.File != "mine.yaml" {
		t.Fatalf("with its catalogue: %v, %+v", err, src)
	}
	sc2, src2, err := scenario.LoadUser("mine.yaml", files["mine.yaml"], scenario.FilesBeside(nil), scenarios.FS)
	if err != nil || src2.Catalogue != "" || sc2.Hash == sc.Hash {
		t.Fatalf("alone: %v, %+v", err, src2)
	}
	if _, err := fs.Stat(scenarios.FS, "ships.yaml"); err != nil {
		t.Fatal(err)
	}
}

// A scenario whose id another file has is refused at the line of its id.
func TestDuplicateError(t *testing.T) {
	battle := "# my battle\n\n" + strings.Replace(userBattle(t), "id: my-battle", "id: second-battle-of-ds9", 1)
	p := writeFile(t, t.TempDir(), "mine.yaml", battle)
	sc, _, err := scenario.LoadPath(p, scenarios.FS)
	if err != nil {
		t.Fatal(err)
	}
	want := p + ":" + strconv.Itoa(lineOf(battle, "id: second")) + `: scenario id "second-battle-of-ds9" is already the id of the built-in second-battle-of-ds9.yaml`
	if got := sc.DuplicateError("the built-in second-battle-of-ds9.yaml").Error(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// lineOf is the line of the first occurrence of sub in s.
func lineOf(s, sub string) int {
	i := strings.Index(s, sub)
	if i < 0 {
		return 0
	}
	return strings.Count(s[:i], "\n") + 1
}
