package scene

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/scenarios"
)

// twoScenarios is a scenario folder with two battles (the flagship under two
// ids) and the catalogue.
func twoScenarios(t *testing.T) fstest.MapFS {
	t.Helper()
	read := func(n string) []byte {
		b, err := scenarios.FS.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	flag := string(read("second-battle-of-ds9.yaml"))
	as := func(id string) []byte {
		return []byte(strings.Replace(flag, "id: second-battle-of-ds9", "id: "+id, 1))
	}
	return fstest.MapFS{
		"a.yaml":     {Data: as("alpha")},
		"b.yaml":     {Data: as("beta")},
		"c.yaml":     {Data: as("alpha")}, // the id of a: left out, as scenario.All does
		"ships.yaml": {Data: read("ships.yaml")},
	}
}

// The chosen scenario loads before the first screen, the others after it,
// one a frame, in file order; one asked for loads the others at once.
func TestScenariosDeferred(t *testing.T) {
	fsys := twoScenarios(t)
	p := newPlayer(t, Options{Scenario: "beta", scenFS: fsys})
	if got := ids(p.g); got != "beta" {
		t.Fatalf("before the first screen: %s, want beta alone", got)
	}
	ts := p.g.scene.(*titleScene)
	p.g.Frame = warmAfter + 2 // frames drawn (the test runs Update alone)
	p.run(8)
	if got := ids(p.g); got != "alpha beta" {
		t.Fatalf("after the first frames: %s, want alpha beta", got)
	}
	if len(p.g.scen.errs) != 1 || !strings.Contains(p.g.scen.errs[0].Error(), "c.yaml") {
		t.Errorf("the duplicate id: %v", p.g.scen.errs)
	}
	it := ts.menu.items[ts.iScen]
	if len(it.values) != 2 || p.g.Scenarios[it.value].ID != "beta" {
		t.Errorf("the title lists %v with %d chosen", it.values, it.value)
	}
	// Asked for before it loads: loaded at once.
	q := newPlayer(t, Options{scenFS: fsys})
	if got := ids(q.g); got != "alpha" {
		t.Fatalf("no scenario chosen: %s, want the first (alpha)", got)
	}
	if sc := q.g.ScenarioByID("beta"); sc == nil || ids(q.g) != "alpha beta" {
		t.Fatalf("beta asked for: %v, %s", sc, ids(q.g))
	}
	// An unknown id: every scenario loaded, to say which there are.
	if _, err := New(Options{Scenario: "gamma", scenFS: fsys, Mute: true}); err == nil || !strings.Contains(err.Error(), "alpha, beta") {
		t.Errorf("an unknown scenario: %v", err)
	}
}

func ids(g *Manager) string {
	var s []string
	for _, sc := range g.Scenarios {
		s = append(s, sc.ID)
	}
	return strings.Join(s, " ")
}

func TestTopValue(t *testing.T) {
	data := []byte("# a comment\nname: X\nid: \"the-id\" # why\nnested:\n  id: no\n")
	if v, ok := topValue(data, "id"); !ok || v != "the-id" {
		t.Errorf("id: %q %v", v, ok)
	}
	if _, ok := topValue(data, "classes"); ok {
		t.Error("classes found")
	}
}

// The game's own scenarios: the title starts on the first as scenario.All
// lists them (their order:), and lists them all in that order.
func TestScenariosOrder(t *testing.T) {
	all, err := scenario.All(scenarios.FS)
	if err != nil {
		t.Fatal(err)
	}
	want := make([]string, len(all))
	for i, sc := range all {
		want[i] = sc.ID
	}
	p := newPlayer(t, Options{})
	if got := ids(p.g); got != want[0] {
		t.Fatalf("before the first screen: %s, want %s", got, want[0])
	}
	p.g.Frame = warmAfter + 2
	p.run(2 * len(all))
	if got := ids(p.g); got != strings.Join(want, " ") {
		t.Errorf("listed %s, want %s", got, strings.Join(want, " "))
	}
}
