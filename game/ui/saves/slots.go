package saves

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/calltoarms/ds9/game/replay"
	"github.com/calltoarms/ds9/game/rules"
)

// Save slots: a save game is a replay file (NAME.json) with a small card
// beside it (NAME.meta) that says what the list shows without reading the
// battle: the slot's title, the battle it belongs to, the scenario, whom the
// player commands, the turn, when it was saved and the outcome once decided.
// A save without a card (an older one, or one copied in by hand) is read
// whole once to make one.

// The kinds of save.
const (
	KindSave     = "save"     // saved by the player, under a name
	KindAutosave = "autosave" // the battle's own, written after every order
	KindReplay   = "replay"   // a finished battle's replay, saved from the report
)

// Meta is a save slot's card.
type Meta struct {
	Title string `json:"title"` // the slot's name, as the player sees it
	Kind  string `json:"kind"`  // KindSave, KindAutosave or KindReplay
	// Battle identifies the battle the save belongs to (BattleID): a battle
	// has one autosave, and a battle resumed from a save keeps its id.
	Battle       string    `json:"battle,omitempty"`
	Scenario     string    `json:"scenario"`                // scenario id
	ScenarioName string    `json:"scenario_name,omitempty"` // its name, for the list
	Side         string    `json:"side"`                    // a side's id, hotseat or watch
	SideName     string    `json:"side_name,omitempty"`     // whom the player commands, for the list
	Turn         int       `json:"turn"`
	TurnLimit    int       `json:"turn_limit,omitempty"`
	Orders       int       `json:"orders"`
	Outcome      string    `json:"outcome,omitempty"`       // the outcome's id, once decided
	OutcomeTitle string    `json:"outcome_title,omitempty"` // and its title
	Saved        time.Time `json:"saved"`
}

// Slot is a save game as the lists show it: its name in storage and its card.
type Slot struct {
	Name string // the entry in storage, NAME.json
	Meta
}

const (
	saveExt = ".json"
	metaExt = ".meta"
	// maxMeta bounds a card read back.
	maxMeta = 64 << 10
)

// metaName is the name of a save's card.
func metaName(name string) string { return strings.TrimSuffix(name, saveExt) + metaExt }

// BattleID names a battle: its scenario, its seed and when it began, so that
// two battles of a scenario with the same seed still differ.
func BattleID(scenario string, seed uint64, start time.Time) string {
	return fmt.Sprintf("%s-%s-%s", slug(scenario, 40), strconv.FormatUint(seed, 36), strconv.FormatInt(start.UnixNano(), 36))
}

// AutosaveFor is the autosave entry of a battle.
func AutosaveFor(battle string) string { return "autosave-" + slug(battle, 80) + saveExt }

// WriteSlot writes a save game and its card: the replay first, whole or not
// at all, then the card. Saved is set to now when it is zero.
func WriteSlot(st Storage, name string, f *replay.File, m Meta) error {
	if !strings.HasSuffix(name, saveExt) {
		return fmt.Errorf("bad save name %q: a save is a %s file", name, saveExt)
	}
	data, err := replay.Marshal(f)
	if err != nil {
		return err
	}
	if m.Saved.IsZero() {
		m.Saved = time.Now()
	}
	if err := st.Save(name, data); err != nil {
		return err
	}
	card, err := json.Marshal(m)
	if err != nil {
		return err
	}
	if err := st.Save(metaName(name), card); err != nil {
		// The save is there; the list reads it whole instead.
		_ = st.Delete(metaName(name))
	}
	return nil
}

// DeleteSlot deletes a save game and its card.
func DeleteSlot(st Storage, name string) error {
	if err := st.Delete(name); err != nil {
		return err
	}
	if err := st.Delete(metaName(name)); err != nil && !errors.Is(err, ErrNotFound) {
		return err
	}
	return nil
}

// Exists reports whether a save game of that name is in storage.
func Exists(st Storage, name string) bool {
	list, err := st.List()
	if err != nil {
		return false
	}
	for _, s := range list {
		if s.Name == name {
			return true
		}
	}
	return false
}

// Slots lists the save games, newest first, each with its card. Every save
// is listed: there is no cap. A save without a readable card is read whole
// to make one; one that does not read as a replay is still listed, with its
// problem as its title, so that it can be deleted.
func Slots(st Storage) ([]Slot, error) {
	list, err := st.List()
	if err != nil {
		return nil, err
	}
	var out []Slot
	for _, e := range list {
		if !strings.HasSuffix(e.Name, saveExt) {
			continue
		}
		s := Slot{Name: e.Name}
		if m, ok := readMeta(st, e.Name); ok {
			s.Meta = m
		} else {
			s.Meta = metaFromStorage(st, e.Name)
		}
		if s.Saved.IsZero() {
			s.Saved = e.ModTime
		}
		out = append(out, s)
	}
	sortSlots(out)
	return out, nil
}

func sortSlots(s []Slot) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].Saved.After(s[j-1].Saved); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func readMeta(st Storage, name string) (Meta, bool) {
	data, err := st.Load(metaName(name))
	if err != nil || len(data) > maxMeta {
		return Meta{}, false
	}
	var m Meta
	if json.Unmarshal(data, &m) != nil || m.Scenario == "" {
		return Meta{}, false
	}
	return m, true
}

// metaFromStorage makes the card of a save that has none, from the save.
func metaFromStorage(st Storage, name string) Meta {
	f, err := Read(st, name)
	if err != nil {
		return Meta{Title: strings.TrimSuffix(name, saveExt) + " (unreadable: " + err.Error() + ")", Kind: KindSave}
	}
	m := MetaOf(f)
	m.Title = strings.TrimSuffix(name, saveExt)
	m.Kind = KindSave
	switch {
	case name == AutosaveName || strings.HasPrefix(name, "autosave-"):
		m.Kind = KindAutosave
	case f.Result != nil:
		m.Kind = KindReplay
	}
	return m
}

// MetaOf is what a replay file alone says of a save: its scenario, whom a
// person commands, its turn, its orders and its outcome. The scene that
// writes a save fills in the names too.
func MetaOf(f *replay.File) Meta {
	m := Meta{Scenario: f.Scenario, Orders: f.Orders(), Side: SideOf(f.Players, f.Sides)}
	if n := len(f.Turns); n > 0 {
		m.Turn = f.Turns[n-1].Turn
	}
	if f.Result != nil {
		m.Outcome = f.Result.Outcome
		m.Turn = max(m.Turn, f.Result.Turns)
	}
	return m
}

// Human is how a replay names a side a person played.
const Human = "human"

// SideOf is whom a person commands in a battle: a side's id (of ids, the
// battle's sides), hotseat (both) or watch (neither).
func SideOf(p replay.Players, ids rules.SideIDs) string {
	a, b := p[rules.SideA] == Human, p[rules.SideB] == Human
	switch {
	case a && b:
		return "hotseat"
	case a:
		return ids.Of(rules.SideA)
	case b:
		return ids.Of(rules.SideB)
	}
	return "watch"
}

// NewName is a save name for a title that no save has yet: the title in
// plain letters, then -2, -3, … when that is taken. Saving never writes
// over a save silently: a new name, or the player says so.
func NewName(st Storage, title string) string {
	base := slug(title, 60)
	if base == "" {
		base = "save"
	}
	taken := map[string]bool{}
	if list, err := st.List(); err == nil {
		for _, s := range list {
			taken[s.Name] = true
		}
	}
	name := base + saveExt
	for i := 2; taken[name]; i++ {
		name = base + "-" + strconv.Itoa(i) + saveExt
	}
	return name
}

// slug keeps letters and digits of s, lower case, with dashes between
// words, at most n bytes.
func slug(s string, n int) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
		if b.Len() >= n {
			break
		}
	}
	return strings.TrimRight(b.String()[:min(b.Len(), n)], "-")
}
