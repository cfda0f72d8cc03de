package scenario_test

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/scenarios"
)

// library is a folder of one good scenario, one broken, one that reuses the good
// one's id, a catalogue, and a file that is not YAML.
func library(t *testing.T) fstest.MapFS {
	good := readEmbedded(t, "second-battle-of-ds9.yaml")
	return fstest.MapFS{
		"a-good.yaml":   {Data: []byte(good)},
		"b-broken.yaml": {Data: []byte(strings.Replace(good, "turn_limit: 10", "turn_limit: 2.5", 1))},
		"c-again.yaml":  {Data: []byte(good)},
		"ships.yaml":    {Data: []byte(readEmbedded(t, "ships.yaml"))},
		"notes.txt":     {Data: []byte("not a scenario")},
	}
}

// TestAllSkipsBrokenFiles: a broken file is reported by name and line, and the
// others still load.
func TestAllSkipsBrokenFiles(t *testing.T) {
	all, err := scenario.All(library(t))
	if len(all) != 1 || all[0].ID != "second-battle-of-ds9" || all[0].File != "a-good.yaml" {
		t.Fatalf("loaded %v, want the good scenario alone", all)
	}
	j, ok := err.(interface{ Unwrap() []error })
	if !ok {
		t.Fatalf("error %v does not list the files", err)
	}
	errs := j.Unwrap()
	if len(errs) != 2 {
		t.Fatalf("%d errors, want 2: %v", len(errs), err)
	}
	for i, want := range []string{"b-broken.yaml:", "c-again.yaml:4: scenario id \"second-battle-of-ds9\" is already the id of a-good.yaml"} {
		var se *scenario.Error
		if !errors.As(errs[i], &se) || !strings.HasPrefix(errs[i].Error(), want) || strings.Contains(errs[i].Error(), "\n") || se.Line == 0 {
			t.Errorf("error %d: %q, want one line starting %q", i, errs[i], want)
		}
	}
	if all, err := scenario.All(fstest.MapFS{"ships.yaml": {Data: []byte("classes: []")}}); len(all) != 0 || err != nil {
		t.Errorf("a folder of catalogues: %v, %v", all, err)
	}
}

// TestByID: the scenario with an id loads though another file is broken; an id
// whose file is broken gets that file's error; an unknown id names the ids there
// are and the files that did not load.
func TestByID(t *testing.T) {
	fsys := library(t)
	if sc, err := scenario.ByID(fsys, "second-battle-of-ds9"); err != nil || sc.File != "a-good.yaml" {
		t.Fatalf("ByID: %v, %v", sc, err)
	}
	fsys["a-good.yaml"] = fsys["b-broken.yaml"]
	if sc, err := scenario.ByID(fsys, "second-battle-of-ds9"); err != nil || sc.File != "c-again.yaml" {
		t.Fatalf("ByID when the first file with the id is broken: %v, %v", sc, err)
	}
	delete(fsys, "c-again.yaml")
	if _, err := scenario.ByID(fsys, "second-battle-of-ds9"); err == nil || !strings.HasPrefix(err.Error(), "a-good.yaml:") || !strings.Contains(err.Error(), "2.5") {
		t.Fatalf("ByID of a broken file: %v", err)
	}
	_, err := scenario.ByID(library(t), "third-battle-of-ds9")
	if err == nil || !strings.Contains(err.Error(), "have: second-battle-of-ds9") || !strings.Contains(err.Error(), "b-broken.yaml") {
		t.Fatalf("ByID of an unknown id: %v", err)
	}
}

// TestAllOrder: a file's order: lists it ahead of files named before it;
// files without one keep their names' order after it.
func TestAllOrder(t *testing.T) {
	good := readEmbedded(t, "second-battle-of-ds9.yaml")
	as := func(id string, order int) []byte {
		s := strings.Replace(good, "id: second-battle-of-ds9", "id: "+id, 1)
		s = regexp.MustCompile(`(?m)^order: \d+\n`).ReplaceAllString(s, "")
		if order > 0 {
			s = "order: " + strconv.Itoa(order) + "\n" + s
		}
		return []byte(s)
	}
	fsys := fstest.MapFS{
		"a.yaml":     {Data: as("alpha", 0)},
		"b.yaml":     {Data: as("beta", 0)},
		"z.yaml":     {Data: as("zulu", 7)},
		"y.yaml":     {Data: as("yankee", 300)},
		"ships.yaml": {Data: []byte(readEmbedded(t, "ships.yaml"))},
	}
	all, err := scenario.All(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, sc := range all {
		got = append(got, sc.ID)
	}
	if strings.Join(got, " ") != "zulu alpha beta yankee" {
		t.Errorf("listed %v, want zulu alpha beta yankee", got)
	}
	embedded, err := scenario.All(scenarios.FS)
	if err != nil || embedded[0].ID != "second-battle-of-ds9" {
		t.Errorf("the game's scenarios do not list the flagship first: %v", err)
	}
}

// TestGuidesForTouch: every guide step of the game's scenarios, as a touch
// device shows it, names no key nor the mouse ({KEYS|TOUCH}), and as a
// keyboard shows it holds no markup; the flagship's guide has steps that
// differ.
func TestGuidesForTouch(t *testing.T) {
	all, err := scenario.All(scenarios.FS)
	if err != nil {
		t.Fatal(err)
	}
	keyish := regexp.MustCompile(`(?i:\b(press|click|hover)\b)|\b(Tab|Enter|Shift|F1|F2)\b|\([A-Z]\)|\b[A-Z], then`)
	differ := 0
	for _, sc := range all {
		for i, st := range sc.Guide {
			if m := keyish.FindString(st.For(true)); m != "" {
				t.Errorf("%s: guide step %d names %q on a touch device: %s", sc.ID, i+1, m, st.For(true))
			}
			if strings.ContainsAny(st.For(false), "{|}") {
				t.Errorf("%s: guide step %d keeps its markup: %s", sc.ID, i+1, st.For(false))
			}
			if st.For(true) != st.For(false) {
				differ++
			}
		}
	}
	if differ == 0 {
		t.Error("no guide step reads differently on a touch device")
	}
}
