//go:build !js

package saves

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// Kept scenarios read back as kept, a catalogue beside one with it; the
// oldest goes when too many are kept; a file too large is refused.
func TestKeptScenarios(t *testing.T) {
	for _, c := range []struct {
		name  string
		keep  []KeptScenario
		want  []string // the ids read back, newest first
		err   string   // of the last KeepScenario
		cat   string   // the id whose catalogue reads back
		nocat string   // the id that reads back without one
	}{
		{name: "one", keep: []KeptScenario{{ID: "a", Data: []byte("id: a")}}, want: []string{"a"}, nocat: "a"},
		{name: "with its catalogue", keep: []KeptScenario{{ID: "a", Data: []byte("id: a"), CatalogueData: []byte("classes:")}}, want: []string{"a"}, cat: "a"},
		{name: "again without its catalogue", keep: []KeptScenario{{ID: "a", Data: []byte("id: a"), CatalogueData: []byte("classes:")}, {ID: "a", Data: []byte("id: a")}}, want: []string{"a"}, nocat: "a"},
		{name: "too large", keep: []KeptScenario{{ID: "a", Data: make([]byte, MaxKeptScenarioSize+1)}}, err: "larger than the limit"},
		{name: "a bad id", keep: []KeptScenario{{ID: "../a", Data: []byte("id: a")}}, err: "not a plain file name"},
		{name: "the oldest goes", keep: many(MaxKeptScenarios + 1), want: ids(MaxKeptScenarios+1, 1)},
		{name: "kept again stays", keep: append(many(MaxKeptScenarios), KeptScenario{ID: "s0", Data: []byte("id: s0")}, KeptScenario{ID: "new", Data: []byte("id: new")}),
			want: append([]string{"new", "s0"}, ids(MaxKeptScenarios, 2)...)},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, st := range []Storage{NewMemory(), NewDir(t.TempDir())} {
				var err error
				for _, k := range c.keep {
					err = KeepScenario(st, k)
					time.Sleep(2 * time.Millisecond) // the file system's times tell the order
				}
				if c.err != "" {
					if err == nil || !strings.Contains(err.Error(), c.err) {
						t.Errorf("%s: %v, want %q", st.Where(), err, c.err)
					}
					continue
				}
				if err != nil {
					t.Fatal(err)
				}
				got, err := KeptScenarios(st)
				if err != nil {
					t.Fatal(err)
				}
				var gotIDs []string
				for _, k := range got {
					gotIDs = append(gotIDs, k.ID)
					if string(k.Data) != "id: "+k.ID {
						t.Errorf("%s: %q", k.ID, k.Data)
					}
					if k.ID == c.cat && string(k.CatalogueData) != "classes:" || k.ID == c.nocat && k.CatalogueData != nil {
						t.Errorf("%s: catalogue %q", k.ID, k.CatalogueData)
					}
				}
				if fmt.Sprint(gotIDs) != fmt.Sprint(c.want) {
					t.Errorf("%s: kept %v, want %v", st.Where(), gotIDs, c.want)
				}
				if sl, _ := Slots(st); len(sl) != 0 {
					t.Errorf("kept scenarios listed as saves: %v", sl)
				}
			}
		})
	}
}

func many(n int) []KeptScenario {
	var out []KeptScenario
	for i := range n {
		out = append(out, KeptScenario{ID: fmt.Sprintf("s%d", i), Data: []byte(fmt.Sprintf("id: s%d", i))})
	}
	return out
}

// ids are s(n-1) down to s(from).
func ids(n, from int) []string {
	var out []string
	for i := n - 1; i >= from; i-- {
		out = append(out, fmt.Sprintf("s%d", i))
	}
	return out
}
