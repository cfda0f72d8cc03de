package scenario_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/scenarios"
)

func readEmbedded(t *testing.T, name string) string {
	t.Helper()
	b, err := scenarios.FS.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestFlagshipFacts checks the facts of DESIGN §2 in the flagship scenario.
func TestFlagshipFacts(t *testing.T) {
	sc, err := scenario.Load(scenarios.FS, "second-battle-of-ds9.yaml")
	if err != nil {
		t.Fatal(err)
	}
	st, err := sc.NewState(1)
	if err != nil {
		t.Fatal(err)
	}
	ds9, defiant, rotarran := st.ShipByKey("ds9"), st.ShipByKey("defiant"), st.ShipByKey("rotarran")
	if ds9 == nil || defiant == nil || rotarran == nil {
		t.Fatal("ds9, defiant and rotarran must be units")
	}
	dc := st.Class(ds9)
	if !dc.Station || ds9.Side != rules.SideA {
		t.Error("DS9 must be an Alliance station")
	}
	si, ok := dc.Section(17)
	if !ok || !dc.Sections[si].MainPower {
		t.Error("section 17 must carry main power")
	}
	perimeter := 0
	for _, w := range dc.Weapons {
		if w.Perimeter {
			perimeter++
		}
	}
	if perimeter == 0 || dc.ReactionVolleys == 0 {
		t.Error("DS9 needs perimeter defenses")
	}
	if c := st.Class(defiant); !c.Minelayer || !c.Cloak {
		t.Error("the Defiant lays mines and cloaks")
	}
	if c := st.Class(rotarran); c.Faction != "klingon" {
		t.Error("the Rotarran is Klingon")
	}
	laid, total := st.Fields[0].LaidCount(), len(st.Fields[0].Positions)
	if laid == 0 || laid >= total || st.Fields[0].Active {
		t.Errorf("minefield must be partly laid: %d of %d", laid, total)
	}
	dominion, intercept, dukatFocus, gamma := 0, 0, false, 0
	for _, sh := range st.Ships {
		if sh.Side == rules.SideB {
			dominion++
			if sh.Wing < 0 {
				t.Errorf("%s belongs to no wing", sh.Name)
			}
		}
	}
	for _, w := range st.Wings {
		if w.Directive == rules.Intercept && w.Target == defiant.ID && w.From == rules.FromEntry {
			intercept++
		}
		if w.Leader == "Gul Dukat" && w.Directive == rules.Focus && w.Section == 17 && w.Target == ds9.ID {
			dukatFocus = true
		}
		if w.From == rules.FromWormhole {
			gamma++
		}
	}
	if dominion < 250 {
		t.Errorf("%d Dominion ships, want at least 250", dominion)
	}
	if intercept != 5 {
		t.Errorf("%d wings intercept the Defiant, want 5", intercept)
	}
	if !dukatFocus {
		t.Error("Dukat's wing must focus section 17")
	}
	if gamma == 0 {
		t.Error("some waves must come through the wormhole")
	}
	if sc.Terms == nil || sc.Terms.Side != rules.SideA || st.Phase != rules.Parley {
		t.Error("Dukat's surrender offer must open the battle")
	}
	want := []string{"dominion-pyrrhic-victory", "dominion-victory", "alliance-victory", "dominion-decisive-victory", "alliance-surrender"}
	for _, id := range want {
		found := false
		for _, o := range st.Outcomes {
			found = found || o.ID == id
		}
		if !found {
			t.Errorf("outcome %s missing", id)
		}
	}
	if len(st.Outcomes) != len(want) {
		t.Errorf("%d outcomes, want exactly %d", len(st.Outcomes), len(want))
	}
	if st.EvacTurns < 1 {
		t.Error("the evacuation takes time")
	}
}

// TestBadScenarios: every broken file gets one error naming the file and line.
func TestBadScenarios(t *testing.T) {
	good := readEmbedded(t, "second-battle-of-ds9.yaml")
	ships := readEmbedded(t, "ships.yaml")
	lineOf := func(s, sub string) int {
		i := strings.Index(s, sub)
		if i < 0 {
			t.Fatalf("fixture: %q not found", sub)
		}
		return strings.Count(s[:i], "\n") + 1
	}
	// The Dominion's own briefing, given another value.
	const dominionBriefing = "    briefing: |\n      Every week the Dominion's"
	sideBriefing := func(value string) string {
		i, j := strings.Index(good, dominionBriefing), strings.Index(good, "\nterms:")
		if i < 0 || j < i {
			t.Fatal("fixture: the Dominion's briefing is not where it was")
		}
		return good[:i] + "    briefing: " + value + "\n" + good[j:]
	}
	cases := []struct {
		name, file, want string
		line             int
	}{
		{"unknown key", strings.Replace(good, "turn_limit:", "turn_limt:", 1), `unknown key "turn_limt"`, lineOf(good, "turn_limit:")},
		{"wrong type", strings.Replace(good, "evacuation_turns: 2", "evacuation_turns: soon", 1), `evacuation_turns: want a whole number in 0..20, not "soon"`, lineOf(good, "evacuation_turns:")},
		{"unknown class", strings.Replace(good, "class: defiant", "class: excelsior", 1), `unknown class "excelsior"`, lineOf(good, "class: defiant")},
		{"unknown target", strings.Replace(good, "target: defiant", "target: enterprise", 1), `no unit "enterprise"`, lineOf(good, "target: defiant")},
		{"bad directive", strings.Replace(good, "directive: focus", "directive: dance", 1), "unknown directive", lineOf(good, "directive: focus")},
		{"bad condition", strings.Replace(good, "[minefield_failed]", "[minefield_exploded]", 1), "unknown condition", lineOf(good, "[minefield_failed]")},
		{"bad terrain", strings.Replace(good, "<....................SSS", "<....................SQS", 1), "unknown terrain 'Q'", lineOf(good, "<....................SSS")},
		{"ragged map", strings.Replace(good, "<....................SSS", "<...................SSS", 1), "columns", lineOf(good, "<....................SSS")},
		{"side briefing of a wrong type", sideBriefing("[take, the, station]"), "cannot unmarshal !!seq into string", lineOf(good, dominionBriefing)},
		{"side briefing too long", sideBriefing(strings.Repeat("Take the station. ", 120)), "briefing: 2159 characters, at most 2000", lineOf(good, dominionBriefing)},
		{"off map", strings.Replace(good, "at: [43, 18]", "at: [100, 18]", 1), "off the", lineOf(good, "at: [43, 18]")},
		{"off every map", strings.Replace(good, "at: [43, 18]", "at: [430, 18]", 1), "at 430 out of range 0..127", lineOf(good, "at: [43, 18]")},
		{"guide: no such unit", strings.Replace(good, "until: selected(defiant)", "until: selected(enterprise)", 1), `no unit "enterprise"`, lineOf(good, "until: selected(defiant)")},
		{"guide: no such order", strings.Replace(good, "until: order(lay-mine)", "until: order(dance)", 1), `unknown order kind "dance"`, lineOf(good, "until: order(lay-mine)")},
		{"guide: braces not closed", strings.Replace(good, "Tab|tap\n      her}.", "Tab|tap\n      her.", 1), "want {KEYS|TOUCH}", lineOf(good, "    text: >-\n      The battle turns on the minefield")},
		{"guide: a bar outside braces", strings.Replace(good, "Select her:", "Select | her:", 1), `a '|' outside {KEYS|TOUCH}`, lineOf(good, "    text: >-\n      The battle turns on the minefield")},
		{"guide: three alternatives", strings.Replace(good, "Tab|tap\n      her}.", "Tab|tap|touch her}.", 1), "one | between the braces", lineOf(good, "    text: >-\n      The battle turns on the minefield")},
		{"guide: no such until", strings.Replace(good, "until: wing", "until: wings", 1), "want selected(UNIT), wing or order(KIND)", lineOf(good, "until: wing")},
		{"truncated", good[:len(good)/3], "", 0},
		{"garbage", "\x7fELF\x02\x01\x01 garbage {{{ ::: [[[", "", 0},
		{"not a mapping", "- just\n- a list\n", "mapping", 1},
		{"empty", "", "empty file", 0},
		{"binary", "id: x\x00\x01", "NUL", 0},
		{"tabs", "id: x\n\tname: y\n", "", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := fstest.MapFS{"s.yaml": {Data: []byte(c.file)}, "ships.yaml": {Data: []byte(ships)}}
			_, err := scenario.Load(fsys, "s.yaml")
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			if strings.Contains(msg, "\n") {
				t.Errorf("error spans lines: %q", msg)
			}
			if !strings.HasPrefix(msg, "s.yaml") {
				t.Errorf("error does not name the file: %q", msg)
			}
			if !strings.Contains(msg, c.want) {
				t.Errorf("error %q does not say %q", msg, c.want)
			}
			var se *scenario.Error
			if c.line > 0 && (!errors.As(err, &se) || se.Line != c.line) {
				t.Errorf("error %q: want line %d", msg, c.line)
			}
		})
	}
}

func TestBadCatalogue(t *testing.T) {
	good := readEmbedded(t, "ships.yaml")
	cases := []struct{ name, file, want string }{
		{"unknown key", strings.Replace(good, "shield_regen: 10", "shield_regn: 10", 1), `unknown key "shield_regn"`},
		{"bad kind", strings.Replace(good, "kind: polaron", "kind: tachyon", 1), "unknown weapon kind"},
		{"negative", strings.Replace(good, "speed: 6", "speed: -6", 1), "speed -6 out of range"},
		{"duplicate", good + "\n  - {id: galor, name: x, faction: cardassian, hull: 1}\n", "defined twice"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := scenario.ParseCatalogue("ships.yaml", []byte(c.file))
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "ships.yaml:") {
				t.Fatalf("got %v, want ships.yaml:LINE: ...%s", err, c.want)
			}
		})
	}
}

func TestOversized(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(p, []byte(strings.Repeat("# padding\n", scenario.MaxFileSize/10+10)), 0o644); err != nil {
		t.Fatal(err)
	}
	err := scenario.ValidateFile(p)
	if err == nil || !strings.Contains(err.Error(), "limit") || !strings.HasPrefix(err.Error(), p) {
		t.Fatalf("got %v", err)
	}
}

func TestHashFollowsContent(t *testing.T) {
	good := readEmbedded(t, "second-battle-of-ds9.yaml")
	ships := readEmbedded(t, "ships.yaml")
	load := func(s, c string) string {
		sc, err := scenario.Load(fstest.MapFS{"s.yaml": {Data: []byte(s)}, "ships.yaml": {Data: []byte(c)}}, "s.yaml")
		if err != nil {
			t.Fatal(err)
		}
		return sc.Hash
	}
	a := load(good, ships)
	if b := load(good+"\n# comment\n", ships); a == b {
		t.Error("hash ignores the scenario's bytes")
	}
	if b := load(good, strings.Replace(ships, "hull: 50", "hull: 51", 1)); a == b {
		t.Error("hash ignores the catalogue")
	}
}

// TestErrorsStayOnOneLine: a name from the file with line breaks in it does not
// split the error that quotes it.
func TestErrorsStayOnOneLine(t *testing.T) {
	good := readEmbedded(t, "second-battle-of-ds9.yaml")
	ships := strings.Replace(readEmbedded(t, "ships.yaml"), "name: Deep Space Nine (Terok Nor-type station)", `name: "Deep Space\nNine\r\u2028station"`, 1)
	file := strings.Replace(good, "class: terok-nor\n    at: [22, 18]\n", "class: terok-nor\n    at: [22, 18]\n    cloaked: true\n", 1)
	if file == good {
		t.Fatal("the flagship's station unit is not where the test expects it")
	}
	_, err := scenario.Load(fstest.MapFS{"s.yaml": {Data: []byte(file)}, "ships.yaml": {Data: []byte(ships)}}, "s.yaml")
	if err == nil || !strings.HasPrefix(err.Error(), "s.yaml:") || strings.ContainsAny(err.Error(), "\n\r\u2028") || !strings.Contains(err.Error(), "Deep Space Nine") {
		t.Fatalf("got %q, want one line naming the class", err)
	}
}

// TestDescribe: a variant is told in the scenario's own names.
func TestDescribe(t *testing.T) {
	sc, err := scenario.Load(scenarios.FS, "operation-return.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got := sc.Describe(scenario.Variant{
		Absent: []string{"rotarran"},
		Names:  map[string]string{"defiant": "USS Valiant"},
		Add:    []scenario.WingAdd{{Wing: "jh-screen", Class: "galor", Count: 2}},
	})
	want := []string{
		"IKS Rotarran does not take part: lost in an earlier battle.",
		"USS Valiant takes the place of USS Defiant, lost in an earlier battle.",
		"Jem'Hadar screen before the station is reinforced by 2 × Galor-class warship.",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("got %q\nwant %q", got, want)
	}
}
