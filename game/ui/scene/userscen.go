package scene

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/game/ui/saves"
)

// Scenarios a player wrote: opened from a file (ds9 -scenario PATH, a
// file dropped on the game, the browser page's file picker), they join the
// title's list after the built-in ones, chosen, and are kept beside the
// saves (saves.KeepScenario) so that the saves of their battles reload
// after a restart: the game loads the kept ones as it starts. A file that
// does not open is told on the title screen in one line (file:line:
// message), and nothing else changes.

// UserFile is a file a player handed the game: dropped on it or picked.
type UserFile struct {
	Name string // its name, as messages show it
	Data []byte
	// Path is its path on disk, when it has one (a file dropped on the
	// desktop's window): its catalogue is looked up in its folder then,
	// as for -scenario PATH.
	Path string
}

// maxUserFiles bounds the files read from one drop or pick.
const maxUserFiles = 32

// isScenarioFile reports whether a file's name is a scenario's or a
// catalogue's (.yaml or .yml).
func isScenarioFile(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}

// OpenScenarioFiles opens the scenarios among files a player handed the
// game together: each is looked up its catalogue among the others, then
// among the built-in ones. Those that open join the list (the last one
// chosen on the title screen); the error, one line, says why each other
// did not, and is shown on the title screen.
func (g *Manager) OpenScenarioFiles(files []UserFile) error {
	err := g.openScenarioFiles(files)
	if err != nil {
		g.ShowError(err)
	}
	return err
}

func (g *Manager) openScenarioFiles(files []UserFile) error {
	beside := map[string][]byte{}
	var msgs []string
	for _, f := range files {
		if !isScenarioFile(f.Name) {
			msgs = append(msgs, fmt.Sprintf("%s: not a scenario file (.yaml or .yml)", f.Name))
			continue
		}
		key := path.Base(f.Name)
		if f.Path != "" {
			key = filepath.Base(f.Path)
		}
		beside[key] = f.Data
	}
	var scens []UserFile // the scenarios among them; a catalogue alone is refused as a scenario
	for _, f := range files {
		if isScenarioFile(f.Name) && !scenario.IsCatalogue(f.Data) {
			scens = append(scens, f)
		}
	}
	if len(scens) == 0 {
		for _, f := range files {
			if isScenarioFile(f.Name) {
				scens = append(scens, f)
				break
			}
		}
	}
	var opened *scenario.Scenario
	for _, f := range scens {
		var sc *scenario.Scenario
		var src *scenario.Source
		var err error
		if f.Path != "" {
			sc, src, err = scenario.LoadPath(f.Path, g.scenarioFS())
		} else {
			sc, src, err = scenario.LoadUser(f.Name, f.Data, scenario.FilesBeside(beside), g.scenarioFS())
		}
		if err == nil {
			err = g.addUserScenario(sc, src, true)
		}
		if err != nil {
			msgs = append(msgs, oneLine(err.Error()))
			continue
		}
		opened = sc
	}
	if opened != nil {
		if t, ok := g.scene.(*titleScene); ok {
			t.relist(g, opened)
			t.err = ""
		}
	}
	if len(msgs) > 0 {
		return errors.New(strings.Join(msgs, "; "))
	}
	if opened == nil {
		return errors.New("no scenario file (.yaml or .yml) to open")
	}
	return nil
}

// oneLine joins the lines of a message.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// openDropped opens the scenario files dropped on the game (Input.Dropped).
func (g *Manager) openDropped(fsys fs.FS) {
	var files []UserFile
	var msgs []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			msgs = append(msgs, oneLine(err.Error()))
			return nil
		}
		top := !strings.Contains(p, "/")
		switch {
		case d.IsDir():
			if p != "." && !top {
				return fs.SkipDir // a dropped folder's own files, no deeper
			}
			return nil
		case !isScenarioFile(p):
			if top {
				files = append(files, UserFile{Name: p}) // told: not a scenario file
			}
			return nil // a folder's other files
		case len(files) >= maxUserFiles:
			return fs.SkipAll
		}
		data, err := readBounded(fsys, p)
		if err != nil {
			msgs = append(msgs, fmt.Sprintf("%s: %s", p, oneLine(err.Error())))
			return nil
		}
		f := UserFile{Name: p, Data: data}
		if a, ok := d.(ebiten.AbsPather); ok && a.AbsPath() != "" {
			f.Name, f.Path = a.AbsPath(), a.AbsPath()
		}
		files = append(files, f)
		return nil
	})
	if err != nil {
		msgs = append(msgs, oneLine(err.Error()))
	}
	if len(msgs) > 0 {
		g.ShowError(errors.New(strings.Join(msgs, "; ")))
		return
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	if err := g.OpenScenarioFiles(files); err != nil {
		log.Printf("dropped files: %v", err)
	}
}

// readBounded reads a file of fsys, at most a byte over the scenario
// file's limit (scenario.LoadUser says it is too large).
func readBounded(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, scenario.MaxFileSize+1))
}

// builtinFileWithID is the built-in scenario file that claims id, or "".
func (g *Manager) builtinFileWithID(id string) string {
	for _, f := range g.scen.files {
		if f.id == id {
			return f.name
		}
	}
	return ""
}

// addUserScenario adds a player's scenario to the list: after the built-in
// ones, in place of one of its id opened before. A built-in scenario's id
// is refused. keep: kept beside the saves as well.
func (g *Manager) addUserScenario(sc *scenario.Scenario, src *scenario.Source, keep bool) error {
	if f := g.builtinFileWithID(sc.ID); f != "" {
		return sc.DuplicateError("the built-in " + f)
	}
	set := &g.scen
	replaced := false
	for i, other := range set.user {
		if other.ID == sc.ID {
			set.user[i], replaced = sc, true
		}
	}
	if !replaced {
		set.user = append(set.user, sc)
	}
	g.listScenarios()
	if keep {
		k := saves.KeptScenario{ID: sc.ID, Data: src.Data}
		if src.Catalogue != "" {
			k.CatalogueData = src.CatalogueData
		}
		if err := saves.KeepScenario(g.Storage, k); err != nil {
			// It is played this session all the same.
			log.Printf("%v", err)
		}
	}
	return nil
}

// loadKeptScenarios adds the scenarios kept beside the saves to the list,
// in the order they were opened; one that no longer loads (a built-in
// catalogue it names has changed) is left out, and logged.
func (g *Manager) loadKeptScenarios() {
	kept, err := saves.KeptScenarios(g.Storage)
	if err != nil {
		log.Printf("%v", err)
	}
	for i := len(kept) - 1; i >= 0; i-- {
		k := kept[i]
		var beside scenario.Beside
		if k.CatalogueData != nil {
			beside = func(string) ([]byte, string, error) {
				return k.CatalogueData, "scenario-" + k.ID + ".catalogue.yaml", nil
			}
		}
		name := saves.KeptScenarioName(k.ID)
		sc, src, err := scenario.LoadUser(name, k.Data, beside, g.scenarioFS())
		if err == nil && sc.ID != k.ID {
			err = fmt.Errorf("%s: the scenario's id is %q", name, sc.ID)
		}
		if err == nil {
			err = g.addUserScenario(sc, src, false)
		}
		if err != nil {
			log.Printf("a kept scenario: %v", err)
		}
	}
}

// openScenarioPath opens the scenario file of -scenario PATH: chosen at
// the start when it opens, and told on the title screen when it does not.
func (g *Manager) openScenarioPath(p string) {
	sc, src, err := scenario.LoadPath(p, g.scenarioFS())
	if err == nil {
		err = g.addUserScenario(sc, src, true)
	}
	if err != nil {
		g.notices = append(g.notices, oneLine(err.Error()))
		return
	}
	g.Opts.Scenario = sc.ID
}
