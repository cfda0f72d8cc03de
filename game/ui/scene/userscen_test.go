package scene

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/ui/saves"
	"github.com/calltoarms/ds9/scenarios"
)

// myBattle is a scenario a player wrote: the flagship under another id.
func myBattle(t *testing.T) string {
	t.Helper()
	b, err := scenarios.FS.ReadFile("second-battle-of-ds9.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), "id: second-battle-of-ds9", "id: my-battle", 1)
	s = strings.Replace(s, "\nname: ", "\nname: My Battle — ", 1)
	if s == string(b) {
		t.Fatal("the flagship's id line is not where the test expects it")
	}
	return s
}

func scenarioIDsOf(g *Manager) []string {
	var ids []string
	for _, sc := range g.Scenarios {
		ids = append(ids, sc.ID)
	}
	return ids
}

// focusTitle moves the title's focus to an item with the keyboard.
func (p *player) focusTitle(item int) {
	p.t.Helper()
	ts := p.g.scene.(*titleScene)
	for range len(ts.menu.items) * 2 {
		if ts.menu.focus == item {
			return
		}
		p.tap(ebiten.KeyArrowDown)
	}
	p.t.Fatalf("the title's focus never reached item %d", item)
}

// TestOpenScenarioFiles: a scenario file dropped on the title, or picked
// with its "Open a scenario file…" (the browser's), joins the list chosen
// and can be begun; a bad one is told on the title in one line, file:line
// first, and the list is as it was.
func TestOpenScenarioFiles(t *testing.T) {
	battle := myBattle(t)
	ships, _ := scenarios.FS.ReadFile("ships.yaml")
	bad := strings.Replace(battle, "turn_limit:", "turn_limitt:", 1)
	badLine := strings.Count(bad[:strings.Index(bad, "turn_limitt:")], "\n") + 1
	for _, c := range []struct {
		name  string
		pick  bool // through the title's item, not a drop
		files map[string]string
		want  string // the id added, or "" for none
		err   string // the title's message begins with it
	}{
		{name: "dropped", files: map[string]string{"mine.yaml": battle}, want: "my-battle"},
		{name: "picked", pick: true, files: map[string]string{"mine.yml": battle}, want: "my-battle"},
		{name: "with its catalogue", files: map[string]string{"mine.yaml": battle, "ships.yaml": strings.Replace(string(ships), "hull: 50", "hull: 51", 1)}, want: "my-battle"},
		{name: "bad YAML", files: map[string]string{"mine.yaml": bad}, err: "mine.yaml:" + itoa(badLine) + `: unknown key "turn_limitt"`},
		{name: "bad YAML picked", pick: true, files: map[string]string{"mine.yaml": bad}, err: "mine.yaml:" + itoa(badLine) + ":"},
		{name: "a catalogue alone", files: map[string]string{"ships.yaml": string(ships)}, err: "ships.yaml: a ship-class catalogue, not a scenario"},
		{name: "a built-in's id", files: map[string]string{"mine.yaml": strings.Replace(battle, "id: my-battle", "id: second-battle-of-ds9", 1)}, err: `mine.yaml:`},
		{name: "not YAML", files: map[string]string{"notes.txt": "hello"}, err: "notes.txt: not a scenario file"},
		{name: "too large", files: map[string]string{"big.yaml": strings.Repeat("# padding\n", 110000)}, err: "big.yaml: file is"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var p *player
			var files []UserFile
			drop := fstest.MapFS{}
			for n, text := range c.files {
				files = append(files, UserFile{Name: n, Data: []byte(text)})
				drop[n] = &fstest.MapFile{Data: []byte(text)}
			}
			st := saves.NewMemory()
			p = newPlayer(t, Options{Storage: st, OpenFiles: func() { p.g.OpenScenarioFiles(files) }})
			p.run(12) // every built-in scenario loaded
			before := scenarioIDsOf(p.g)
			ts := p.g.scene.(*titleScene)
			if ts.iOpen < 0 {
				t.Fatal("no item to open a scenario file")
			}
			if c.pick {
				p.focusTitle(ts.iOpen)
				p.tap(ebiten.KeyEnter)
			} else {
				p.in.dropped = drop
				p.run(1)
			}
			st2 := p.g.Status()
			after := scenarioIDsOf(p.g)
			if c.want == "" {
				if !strings.HasPrefix(st2.Error, c.err) || strings.Contains(st2.Error, "\n") {
					t.Errorf("the title says %q, want one line beginning %q", st2.Error, c.err)
				}
				if !slices.Equal(before, after) {
					t.Errorf("the list changed: %v, was %v", after, before)
				}
				if kept, _ := saves.KeptScenarios(st); len(kept) != 0 {
					t.Errorf("a bad file was kept: %d", len(kept))
				}
				return
			}
			if st2.Error != "" {
				t.Fatalf("the title says %q", st2.Error)
			}
			if want := append(before, c.want); !slices.Equal(after, want) {
				t.Errorf("the list: %v, want %v", after, want)
			}
			if ts.art.sc.ID != c.want || p.g.Scenarios[ts.menu.items[ts.iScen].value].ID != c.want {
				t.Errorf("chosen: %s", ts.art.sc.ID)
			}
			if kept, _ := saves.KeptScenarios(st); len(kept) != 1 || kept[0].ID != c.want || (c.files["ships.yaml"] != "") != (kept[0].CatalogueData != nil) {
				t.Errorf("kept: %+v", kept)
			}
			p.focusTitle(ts.iBegin)
			p.tap(ebiten.KeyEnter)
			p.until("the briefing", 30, func() bool { return p.scene() == "briefing" })
			if got := p.g.Status().Scenario; got != c.want {
				t.Errorf("the briefing is of %q", got)
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestScenarioPath: -scenario PATH opens a player's file, chosen (a battle
// straight away with -scene battle); a bad one does not stop the game: the
// title tells its file:line, the list is the built-in one. A battle on it
// autosaves, and resumes after a restart, the kept scenario listed again.
func TestScenarioPath(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "mine.yaml")
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(good, []byte(myBattle(t)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte(strings.Replace(myBattle(t), "turn_limit:", "turn_limitt:", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	builtin := newPlayer(t, Options{})
	builtin.g.loadPendingScenarios()
	for _, c := range []struct {
		name, path, scene string
		want              string // the scene
		scenario          string // the title's chosen, or the battle's
		err               string
	}{
		{name: "good", path: good, want: "title", scenario: "my-battle"},
		{name: "good, to battle", path: good, scene: "battle", want: "battle", scenario: "my-battle"},
		{name: "bad", path: bad, want: "title", scenario: "second-battle-of-ds9", err: bad + ":"},
		{name: "bad, to battle", path: bad, scene: "battle", want: "title", scenario: "second-battle-of-ds9", err: bad + ":"},
		{name: "missing", path: filepath.Join(dir, "nope.yaml"), want: "title", scenario: "second-battle-of-ds9", err: filepath.Join(dir, "nope.yaml") + ": no such file"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := newPlayer(t, Options{Scenario: c.path, Scene: c.scene, Seed: 8})
			p.run(2)
			st := p.g.Status()
			if st.Scene != c.want || !strings.HasPrefix(st.Error, c.err) || (c.err == "") != (st.Error == "") || strings.Contains(st.Error, "\n") {
				t.Fatalf("scene %q, message %q; want %q and %q", st.Scene, st.Error, c.want, c.err)
			}
			if c.err != "" && !strings.Contains(st.Error, "turn_limitt") && !strings.Contains(st.Error, "no such file") {
				t.Errorf("the message %q says not why", st.Error)
			}
			got := st.Scenario
			if ts, ok := p.g.scene.(*titleScene); ok {
				got = ts.art.sc.ID
			}
			if got != c.scenario {
				t.Errorf("the scenario %q, want %q", got, c.scenario)
			}
			if c.err != "" {
				p.g.loadPendingScenarios()
				if !slices.Equal(scenarioIDsOf(p.g), scenarioIDsOf(builtin.g)) {
					t.Errorf("the list %v, want the built-in %v", scenarioIDsOf(p.g), scenarioIDsOf(builtin.g))
				}
			}
		})
	}

	// Kept: a restart lists it and resumes the battle's autosave.
	st := saves.NewMemory()
	p := newPlayer(t, Options{Storage: st, Scenario: good, Scene: "battle", Seed: 8})
	p.run(2)
	auto := p.g.Autosave()
	if auto == "" || p.g.Status().Scenario != "my-battle" {
		t.Fatalf("no autosave of the battle on the file: %q, %+v", auto, p.g.Status())
	}
	again := newPlayer(t, Options{Storage: st, Resume: auto})
	again.run(2)
	if st := again.g.Status(); st.Scene != "battle" || st.Scenario != "my-battle" || st.Error != "" {
		t.Errorf("after a restart: %+v", st)
	}
	if ids := scenarioIDsOf(again.g); ids[len(ids)-1] != "my-battle" {
		t.Errorf("the kept scenario is not listed: %v", ids)
	}
	// Without it kept, the save says which scenario it needs.
	if err := st.Delete(saves.KeptScenarioName("my-battle")); err != nil {
		t.Fatal(err)
	}
	gone := newPlayer(t, Options{Storage: st, Resume: auto})
	gone.run(2)
	if st := gone.g.Status(); st.Scene != "title" || !strings.Contains(st.Error, `"my-battle"`) || !strings.Contains(st.Error, "open its file again") {
		t.Errorf("the scenario gone: %+v", st)
	}
}

// absFS is a folder on disk whose entries know their path there, as the
// files dropped on the desktop's window do (ebiten.AbsPather); only the
// names given are in it.
type absFS struct {
	dir   string
	names []string
}

type absEntry struct {
	fs.DirEntry
	abs string
}

func (e absEntry) AbsPath() string { return e.abs }

func (a absFS) Open(name string) (fs.File, error) { return os.DirFS(a.dir).Open(name) }

func (a absFS) ReadDir(name string) ([]fs.DirEntry, error) {
	ents, err := fs.ReadDir(os.DirFS(a.dir), name)
	if err != nil {
		return nil, err
	}
	var out []fs.DirEntry
	for _, e := range ents {
		if slices.Contains(a.names, e.Name()) {
			out = append(out, absEntry{e, filepath.Join(a.dir, e.Name())})
		}
	}
	return out, nil
}

// TestDropFromDisk: a file dropped on the desktop's window opens as
// -scenario PATH does: its catalogue from its folder on disk (not dropped
// with it), and a bad one told by its path.
func TestDropFromDisk(t *testing.T) {
	dir := t.TempDir()
	ships, _ := scenarios.FS.ReadFile("ships.yaml")
	mine := myBattle(t)
	for name, text := range map[string]string{
		"mine.yaml":  mine,
		"ships.yaml": strings.Replace(string(ships), "hull: 50", "hull: 51", 1),
		"bad.yaml":   strings.Replace(mine, "turn_limit:", "turn_limitt:", 1),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		drop, err string
		cat       bool
	}{
		{drop: "mine.yaml", cat: true},
		{drop: "bad.yaml", err: filepath.Join(dir, "bad.yaml") + ":"},
	} {
		st := saves.NewMemory()
		p := newPlayer(t, Options{Storage: st})
		p.run(2)
		p.in.dropped = absFS{dir: dir, names: []string{c.drop}}
		p.run(1)
		msg := p.g.Status().Error
		if c.err != "" {
			if !strings.HasPrefix(msg, c.err) || !strings.Contains(msg, "turn_limitt") {
				t.Errorf("%s: the title says %q, want %q…", c.drop, msg, c.err)
			}
			continue
		}
		kept, _ := saves.KeptScenarios(st)
		if msg != "" || len(kept) != 1 || (kept[0].CatalogueData != nil) != c.cat {
			t.Errorf("%s: the title says %q; kept %d, with its catalogue from disk: %v", c.drop, msg, len(kept), len(kept) == 1 && kept[0].CatalogueData != nil)
		}
	}
}
