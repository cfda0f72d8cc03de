//go:build !js

package saves

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/calltoarms/ds9/game/replay"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/scenarios"
)

func battleFile(t *testing.T, players replay.Players) *replay.File {
	t.Helper()
	sc, err := scenario.Load(scenarios.FS, "second-battle-of-ds9.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rec, err := replay.NewRecorder(sc, 7, players)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rec.Apply(rules.Order{Kind: rules.AnswerTerms, Side: rec.State().Active}); err != nil {
		t.Fatal(err)
	}
	return rec.File()
}

// Slots: named saves with their cards, newest first, every one of them;
// deleted with their cards; a save without a card is read to make one.
func TestSlots(t *testing.T) {
	f := battleFile(t, replay.Players{Human, "easy"})
	for _, st := range []Storage{NewMemory(), NewDir(t.TempDir())} {
		base := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
		const n = 40 // more than any list used to show
		for i := range n {
			m := Meta{Title: "Battle " + string(rune('A'+i%26)), Kind: KindSave, Scenario: f.Scenario, Side: "alliance", Turn: i, Saved: base.Add(time.Duration(i) * time.Minute)}
			name := NewName(st, m.Title)
			if err := WriteSlot(st, name, f, m); err != nil {
				t.Fatal(err)
			}
		}
		slots, err := Slots(st)
		if err != nil {
			t.Fatal(err)
		}
		if len(slots) != n {
			t.Fatalf("%s: %d slots listed, want %d", st.Where(), len(slots), n)
		}
		if slots[0].Turn != n-1 || slots[n-1].Turn != 0 {
			t.Errorf("%s: not newest first: turns %d … %d", st.Where(), slots[0].Turn, slots[n-1].Turn)
		}
		names := map[string]bool{}
		for _, s := range slots {
			if names[s.Name] {
				t.Errorf("%s: two saves named %s", st.Where(), s.Name)
			}
			names[s.Name] = true
			if !strings.HasSuffix(s.Name, ".json") || s.Scenario != f.Scenario || s.Side != "alliance" {
				t.Errorf("%s: slot %+v", st.Where(), s)
			}
		}
		if !names["battle-a.json"] || !names["battle-a-2.json"] {
			t.Errorf("%s: a title used twice did not get a second name: %v", st.Where(), names)
		}
		// Delete: the save and its card.
		if err := DeleteSlot(st, "battle-a.json"); err != nil {
			t.Fatal(err)
		}
		if Exists(st, "battle-a.json") || Exists(st, "battle-a.meta") {
			t.Errorf("%s: a deleted save is still there", st.Where())
		}
		if err := DeleteSlot(st, "battle-a.json"); !errors.Is(err, ErrNotFound) {
			t.Errorf("%s: deleting a missing save: %v", st.Where(), err)
		}
		if _, err := st.Load("nothing.json"); !errors.Is(err, ErrNotFound) {
			t.Errorf("%s: loading a missing save: %v", st.Where(), err)
		}
		// A save with no card (one of the old kind) is listed from its file.
		if err := Write(st, AutosaveName, f); err != nil {
			t.Fatal(err)
		}
		slots, _ = Slots(st)
		var old *Slot
		for i := range slots {
			if slots[i].Name == AutosaveName {
				old = &slots[i]
			}
		}
		if old == nil || old.Kind != KindAutosave || old.Scenario != f.Scenario || old.Side != "alliance" || old.Turn != 1 || old.Saved.IsZero() {
			t.Errorf("%s: the old autosave is listed as %+v", st.Where(), old)
		}
		// A save that is no replay is listed, to be deleted.
		if err := st.Save("broken.json", []byte("not json")); err != nil {
			t.Fatal(err)
		}
		slots, _ = Slots(st)
		found := false
		for _, s := range slots {
			if s.Name == "broken.json" {
				found = strings.Contains(s.Title, "unreadable")
			}
		}
		if !found {
			t.Errorf("%s: a broken save is not listed as unreadable", st.Where())
		}
	}
}

func TestBattleIDsAndNames(t *testing.T) {
	start := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	a := BattleID("second-battle-of-ds9", 7, start)
	b := BattleID("second-battle-of-ds9", 7, start.Add(time.Millisecond))
	if a == b {
		t.Errorf("two battles begun a moment apart have one id %s", a)
	}
	for _, id := range []string{a, BattleID(strings.Repeat("x", 300), 1<<63, start)} {
		name := AutosaveFor(id)
		if err := validSaveName(name); err != nil || !strings.HasPrefix(name, "autosave-") {
			t.Errorf("autosave name %q: %v", name, err)
		}
	}
	for title, want := range map[string]string{
		"Second Battle of DS9, turn 3": "second-battle-of-ds9-turn-3.json",
		"../../etc/passwd":             "etc-passwd.json",
		"":                             "save.json",
		"Ça va — ½":                    "a-va.json",
	} {
		if got := NewName(NewMemory(), title); got != want {
			t.Errorf("NewName(%q) = %q, want %q", title, got, want)
		}
	}
	ids := rules.SideIDs{"klingon", "federation"}
	for _, c := range []struct {
		p    replay.Players
		want string
	}{
		{replay.Players{Human, Human}, "hotseat"},
		{replay.Players{"easy", "hard"}, "watch"},
		{replay.Players{Human, "hard"}, "klingon"},
		{replay.Players{"easy", Human}, "federation"},
	} {
		if got := SideOf(c.p, ids); got != c.want {
			t.Errorf("SideOf(%q) = %s, want %s", c.p, got, c.want)
		}
	}
}

func TestSettings(t *testing.T) {
	type prefs struct {
		Speed int
		Sound bool
	}
	st := NewDir(t.TempDir())
	var p prefs
	if ReadSettings(st, &p) {
		t.Fatal("settings read from nothing")
	}
	if err := WriteSettings(st, prefs{Speed: 4, Sound: true}); err != nil {
		t.Fatal(err)
	}
	if !ReadSettings(st, &p) || p.Speed != 4 || !p.Sound {
		t.Fatalf("settings read back: %+v", p)
	}
	if slots, _ := Slots(st); len(slots) != 0 {
		t.Errorf("the settings are listed as a save: %v", slots)
	}
}
