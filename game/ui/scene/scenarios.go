package scene

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"io/fs"
	"log"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/scenarios"
)

// The scenarios, loaded as the first screen needs them: the one chosen (or
// the first) before it, the others one a frame after it (or at once, when
// something asks for one of them). The list ends as scenario.All's: every
// scenario that loads, in their order (order:, then file name), a file whose id an earlier file
// has left out. A quick look at each file's top-level lines finds which is
// which; when it finds nothing to go on, scenario.All loads them all.

// scenarioFile is a scenario file found by the quick look: its name, and the
// id its top-level id line claims.
type scenarioFile struct {
	name, id string
	order    int // where it lists (scenario.Scenario.Order, by a look)
}

// scenarioSet is what the manager knows of the scenarios.
type scenarioSet struct {
	files   []scenarioFile
	loaded  map[string]*scenario.Scenario // by file name
	pending []scenarioFile                // not loaded yet, in file order
	errs    []error
	user    []*scenario.Scenario // a player's, opened from files, after the built-in ones (userscen.go)
}

// topValue is the value of a top-level key of a YAML file ("" when the file
// has no such line), found without parsing the file.
func topValue(data []byte, key string) (string, bool) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		v, ok := strings.CutPrefix(line, key+":")
		if !ok {
			continue
		}
		if i := strings.Index(v, " #"); i >= 0 {
			v = v[:i]
		}
		return strings.Trim(strings.TrimSpace(v), `"'`), true
	}
	return "", false
}

// quickScan lists the scenario files of fsys (catalogues left out).
func quickScan(fsys fs.FS) ([]scenarioFile, error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []scenarioFile
	for _, n := range names {
		data, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		if _, cat := topValue(data, "classes"); cat {
			continue
		}
		id, _ := topValue(data, "id")
		f := scenarioFile{name: n, id: id, order: scenario.DefaultOrder}
		if v, ok := topValue(data, "order"); ok {
			if k, err := strconv.Atoi(v); err == nil && k > 0 && k <= scenario.MaxOrder {
				f.order = k
			}
		}
		out = append(out, f)
	}
	// As scenario.All lists them.
	slices.SortStableFunc(out, func(a, b scenarioFile) int { return cmp.Compare(a.order, b.order) })
	return out, nil
}

// scenarioFS is where the scenarios are.
func (g *Manager) scenarioFS() fs.FS {
	if g.Opts.scenFS != nil {
		return g.Opts.scenFS
	}
	return scenarios.FS
}

// loadScenarios loads the scenario the game starts with; the others wait.
func (g *Manager) loadScenarios() error {
	set := &g.scen
	set.loaded = map[string]*scenario.Scenario{}
	files, err := quickScan(g.scenarioFS())
	if err != nil || len(files) == 0 {
		return g.loadAllScenarios()
	}
	set.files = files
	first := 0
	if g.Opts.Scenario != "" {
		first = -1
		for i, f := range files {
			if f.id == g.Opts.Scenario {
				first = i
				break
			}
		}
		if first < 0 {
			// Not a quick find: every scenario, to say which there are.
			return g.loadAllScenarios()
		}
	}
	sc, err := scenario.Load(g.scenarioFS(), files[first].name)
	if err != nil || sc.ID != files[first].id {
		return g.loadAllScenarios()
	}
	set.loaded[files[first].name] = sc
	for i, f := range files {
		if i != first {
			set.pending = append(set.pending, f)
		}
	}
	g.listScenarios()
	return nil
}

// loadAllScenarios loads every scenario now, as scenario.All does.
func (g *Manager) loadAllScenarios() error {
	all, err := scenario.All(g.scenarioFS())
	if err != nil {
		log.Print(err) // the scenarios that load are still played
	}
	set := &g.scen
	set.files, set.pending, set.loaded = nil, nil, map[string]*scenario.Scenario{}
	for _, sc := range all {
		set.files = append(set.files, scenarioFile{name: sc.File, id: sc.ID, order: sc.Order})
		set.loaded[sc.File] = sc
	}
	g.listScenarios()
	if len(all) == 0 {
		return errors.New("no scenarios found")
	}
	return nil
}

// loadNextScenario loads one scenario that waits; it reports whether any
// waits still.
func (g *Manager) loadNextScenario() bool {
	set := &g.scen
	if len(set.pending) == 0 {
		return false
	}
	f := set.pending[0]
	set.pending = set.pending[1:]
	sc, err := scenario.Load(g.scenarioFS(), f.name)
	if err == nil {
		for name, other := range set.loaded {
			if other.ID == sc.ID && name < f.name {
				err = sc.DuplicateError(name)
			}
		}
	}
	if err != nil {
		log.Print(err)
		set.errs = append(set.errs, err)
	} else {
		set.loaded[f.name] = sc
	}
	g.listScenarios()
	return len(set.pending) > 0
}

// loadPendingScenarios loads every scenario that waits.
func (g *Manager) loadPendingScenarios() {
	for g.loadNextScenario() {
	}
}

// listScenarios puts the loaded scenarios in file order, then the
// player's.
func (g *Manager) listScenarios() {
	set := &g.scen
	g.Scenarios = g.Scenarios[:0]
	for _, f := range set.files {
		if sc, ok := set.loaded[f.name]; ok {
			g.Scenarios = append(g.Scenarios, sc)
		}
	}
	g.Scenarios = append(g.Scenarios, set.user...)
}

// knowsScenario reports whether a scenario of that id is loaded or waits
// to be (by the quick look), without loading it.
func (g *Manager) knowsScenario(id string) bool {
	for _, sc := range g.Scenarios {
		if sc.ID == id {
			return true
		}
	}
	for _, f := range g.scen.pending {
		if f.id == id {
			return true
		}
	}
	return false
}
