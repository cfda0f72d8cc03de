//go:build !js

package saves

import (
	"bytes"
	"testing"

	"github.com/calltoarms/ds9/game/replay"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/scenarios"
)

// A save is a replay file: written and read back, it is the same battle.
func TestWriteRead(t *testing.T) {
	sc, err := scenario.Load(scenarios.FS, "second-battle-of-ds9.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rec, err := replay.NewRecorder(sc, 7, replay.Players{"human", "easy"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rec.Apply(rules.Order{Kind: rules.AnswerTerms, Side: rec.State().Active}); err != nil {
		t.Fatal(err)
	}
	want, _ := replay.Marshal(rec.File())
	for _, st := range []Storage{NewMemory(), NewDir(t.TempDir())} {
		if err := Write(st, AutosaveName, rec.File()); err != nil {
			t.Fatal(err)
		}
		list, err := st.List()
		if err != nil || len(list) != 1 || list[0].Name != AutosaveName {
			t.Fatalf("%s: List = %v, %v", st.Where(), list, err)
		}
		f, err := Read(st, AutosaveName)
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := replay.Marshal(f); !bytes.Equal(got, want) {
			t.Fatalf("%s: the save read back differs", st.Where())
		}
		if _, err := st.Load("missing.json"); err == nil {
			t.Fatalf("%s: loading a missing save did not fail", st.Where())
		}
	}
	if err := NewDir(t.TempDir()).Save("../escape.json", []byte("{}")); err == nil {
		t.Fatal("a save name with a path was accepted")
	}
}
