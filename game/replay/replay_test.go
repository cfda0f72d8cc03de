package replay_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/calltoarms/ds9/game/ai"
	"github.com/calltoarms/ds9/game/ai/historical"
	"github.com/calltoarms/ds9/game/replay"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/scenarios"
)

// builtIn loads the embedded scenario with the given id.
func builtIn(t testing.TB, id string) *scenario.Scenario {
	t.Helper()
	names, err := fs.Glob(scenarios.FS, "*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		data, _ := fs.ReadFile(scenarios.FS, n)
		if scenario.IsCatalogue(data) {
			continue
		}
		sc, err := scenario.Load(scenarios.FS, n)
		if err != nil {
			t.Fatal(err)
		}
		if sc.ID == id {
			return sc
		}
	}
	t.Fatalf("no built-in scenario %q", id)
	return nil
}

// golden loads an embedded golden replay and its scenario, and fails with the
// remedy when the scenario has changed since it was recorded.
func golden(t testing.TB, name string) (*replay.File, *scenario.Scenario) {
	t.Helper()
	data, err := fs.ReadFile(scenarios.FS, name)
	if err != nil {
		t.Fatal(err)
	}
	f, err := replay.Load(name, data)
	if err != nil {
		t.Fatal(err)
	}
	sc := builtIn(t, f.Scenario)
	if sc.Hash != f.ScenarioHash {
		t.Fatalf("%s: scenario %s has changed since the replay was recorded (hash %.12s…, replay %.12s…): run make golden",
			name, sc.ID, sc.Hash, f.ScenarioHash)
	}
	return f, sc
}

const historicalName = "replays/second-battle-of-ds9-historical.json"

// TestGolden re-plays every golden replay: every turn's checksum and the result
// must match. It logs the final checksums; make wasm-test compares the native
// and the WASM logs.
func TestGolden(t *testing.T) {
	names, err := fs.Glob(scenarios.FS, "replays/*.json")
	if err != nil || len(names) == 0 {
		t.Fatalf("no golden replays (%v)", err)
	}
	for _, name := range names {
		t.Run(filepath.Base(name), func(t *testing.T) {
			f, sc := golden(t, name)
			st, err := replay.Verify(f, sc)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if f.Result == nil || st.Phase != rules.Over {
				t.Fatalf("%s: a golden replay must play a battle to its end", name)
			}
			last := f.Turns[len(f.Turns)-1].Checksum
			if sum := st.Summarize(); sum.Checksum != f.Result.Checksum || last != sum.Checksum {
				t.Fatalf("%s: final checksum %s, result %s, last turn %s", name, sum.Checksum, f.Result.Checksum, last)
			}
			t.Logf("golden %s: %d turns, %d orders, %s, final checksum %s", filepath.Base(name), len(f.Turns), f.Orders(), f.Result.Outcome, st.ChecksumHex())
		})
	}
}

// TestHistorical: the historical replay ends as the sources say, and its events
// tell the story in order.
func TestHistorical(t *testing.T) {
	f, sc := golden(t, historicalName)
	st, err := sc.NewState(f.Seed)
	if err != nil {
		t.Fatal(err)
	}
	var events []rules.Event
	for _, turn := range f.Turns {
		for i, o := range turn.Orders {
			ev, err := st.Apply(o)
			if err != nil {
				t.Fatalf("turn %d, order %d: %v", turn.Turn, i+1, err)
			}
			events = append(events, ev...)
		}
	}
	if err := historical.CheckStory(st, events); err != nil {
		t.Fatal(err)
	}
	sum := st.Summarize()
	if sum.Outcome != "dominion-pyrrhic-victory" || !sum.Minefield.Active || sum.Station != "sabotaged" || sum.Losses[rules.SideB].N < 50 {
		t.Fatalf("summary %+v", sum)
	}
	if f.Players[rules.SideA] != "historical" || f.Players[rules.SideB] != "historical" {
		t.Fatalf("players %+v", f.Players)
	}
}

// TestHistoricalRegenerates: the generator, run on the scenario as it is now,
// produces the committed replay byte for byte.
func TestHistoricalRegenerates(t *testing.T) {
	f, sc := golden(t, historicalName)
	g, _, err := historical.Generate(sc, f.Seed)
	if err != nil {
		t.Fatalf("%v: the plan in game/replay/historical needs work", err)
	}
	want, _ := fs.ReadFile(scenarios.FS, historicalName)
	got, err := replay.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("the generator no longer produces the committed historical replay: run make golden")
	}
}

// TestCorrupted: the fixture differs from the golden replay in one order, and
// verification names exactly that turn and order.
func TestCorrupted(t *testing.T) {
	good, sc := golden(t, historicalName)
	bad, err := replay.ReadFile("testdata/corrupted-historical.json")
	if err != nil {
		t.Fatal(err)
	}
	if bad.ScenarioHash != sc.Hash {
		t.Fatal("testdata/corrupted-historical.json is of another version of the scenario: run make golden")
	}
	turn, order, n := 0, 0, 0
	for i := range good.Turns {
		for j := range good.Turns[i].Orders {
			if !reflect.DeepEqual(good.Turns[i].Orders[j], bad.Turns[i].Orders[j]) {
				turn, order = good.Turns[i].Turn, j+1
				n++
			}
		}
	}
	if n != 1 {
		t.Fatalf("the fixture differs from the golden replay in %d orders, want 1", n)
	}
	_, err = replay.Verify(bad, sc)
	var d *replay.Divergence
	if !errors.As(err, &d) {
		t.Fatalf("corrupted replay: %v, want a divergence", err)
	}
	if d.Turn != turn || d.Order != order {
		t.Fatalf("divergence at turn %d, order %d (%v); the change is at turn %d, order %d", d.Turn, d.Order, err, turn, order)
	}
	t.Logf("caught: %v", err)
}

// legalVariants returns orders that differ from o, that the engine accepts in
// st, and that leave the battle in another state than o does (compared field
// by field, not by checksum): a move cut short by a hex, the same attack with
// another weapon or at another target in sight. (Two identical weapons, or two
// volleys that both miss, leave equal states: no checksum could tell them
// apart, nor need to.)
func legalVariants(st *rules.State, o rules.Order) []rules.Order {
	var out []rules.Order
	after := st.Clone()
	if _, err := after.Apply(o); err != nil {
		return nil
	}
	try := func(v rules.Order) {
		if reflect.DeepEqual(v, o) || st.Check(v) != nil {
			return
		}
		s := st.Clone()
		if _, err := s.Apply(v); err == nil && !reflect.DeepEqual(s, after) {
			out = append(out, v)
		}
	}
	switch o.Kind {
	case rules.Move:
		if len(o.Path) > 1 {
			v := o
			v.Path = o.Path[:len(o.Path)-1]
			try(v)
		}
	case rules.Attack:
		for w := range st.Class(st.Ship(o.Ship)).Weapons {
			v := o
			v.Weapon = w
			try(v)
		}
		view := st.View(o.Side)
		for i := range view.Ships {
			if sh := &view.Ships[i]; sh.Side != o.Side && sh.Alive() && !st.Class(sh).Station {
				v := o
				v.Target, v.Section = sh.ID, 0
				try(v)
			}
		}
	}
	return out
}

// TestChecksumMismatch: an order of the golden replay changed into another
// legal one (a move to another hex; another weapon or target) is caught by the
// turn's checksum, at that turn, with every order of the turn still legal.
func TestChecksumMismatch(t *testing.T) {
	f, sc := golden(t, historicalName)
	st, err := sc.NewState(f.Seed)
	if err != nil {
		t.Fatal(err)
	}
	caught := map[rules.OrderKind]bool{}
	tried := 0
	for ti, turn := range f.Turns {
		for oi, o := range turn.Orders {
			if !caught[o.Kind] && tried < 200 {
				for _, v := range legalVariants(st, o) {
					tried++
					c, _ := replay.Load("copy", mustMarshal(t, f))
					c.Turns[ti].Orders[oi] = v
					_, err := replay.Verify(c, sc)
					var d *replay.Divergence
					if !errors.As(err, &d) {
						t.Fatalf("turn %d, order %d changed to %s: %v, want a divergence", turn.Turn, oi+1, v, err)
					}
					if d.Turn < turn.Turn || d.Turn == turn.Turn && d.Order <= oi {
						t.Fatalf("turn %d, order %d changed to %s: divergence reported earlier, at turn %d, order %d", turn.Turn, oi+1, v, d.Turn, d.Order)
					}
					if d.Turn != turn.Turn || !strings.Contains(d.Reason, "checksum") {
						continue // the change made a later order illegal; try another
					}
					if d.Order != len(turn.Orders) {
						t.Fatalf("checksum divergence at order %d, want the turn's last, %d", d.Order, len(turn.Orders))
					}
					t.Logf("turn %d, order %d: %s changed to %s: %v", turn.Turn, oi+1, o, v, err)
					caught[o.Kind] = true
					break
				}
			}
			if _, err := st.Apply(o); err != nil {
				t.Fatalf("turn %d, order %d: %v", turn.Turn, oi+1, err)
			}
		}
	}
	for _, k := range []rules.OrderKind{rules.Move, rules.Attack} {
		if !caught[k] {
			t.Errorf("no %s order of the golden replay could be changed into another legal one that only the checksum catches (%d tried)", k, tried)
		}
	}

	// A turn's checksum changed in the file is caught at that turn.
	c, _ := replay.Load("copy", mustMarshal(t, f))
	c.Turns[1].Checksum = "0123456789abcdef"
	_, err = replay.Verify(c, sc)
	var d *replay.Divergence
	if !errors.As(err, &d) || d.Turn != c.Turns[1].Turn || d.Order != len(c.Turns[1].Orders) || !strings.Contains(err.Error(), "checksum") {
		t.Fatalf("got %v", err)
	}
	// The same scenario id with other content is refused before any order.
	sc2 := *sc
	sc2.Hash = strings.Repeat("0", 64)
	if _, err := replay.Verify(f, &sc2); err == nil || !strings.Contains(err.Error(), "changed") {
		t.Fatalf("changed scenario: %v", err)
	}
	sc2 = *sc
	sc2.ID = "another"
	if _, err := replay.Verify(f, &sc2); err == nil || !strings.Contains(err.Error(), "another") {
		t.Fatalf("another scenario: %v", err)
	}
}

func mustMarshal(t testing.TB, f *replay.File) []byte {
	t.Helper()
	b, err := replay.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// record plays a battle with the baseline commanders through a recorder.
func record(t testing.TB, sc *scenario.Scenario, seed uint64) *replay.Recorder {
	t.Helper()
	rec, err := replay.NewRecorder(sc, seed, replay.Players{"baseline", "baseline"})
	if err != nil {
		t.Fatal(err)
	}
	if err := ai.Play(rec.State(), [2]ai.Commander{ai.Baseline{}, ai.Baseline{}}, rec.Apply); err != nil {
		t.Fatal(err)
	}
	return rec
}

// TestRecordSaveVerify: a recorded battle survives Save and ReadFile and
// verifies to the same result.
func TestRecordSaveVerify(t *testing.T) {
	sc := builtIn(t, "second-battle-of-ds9")
	rec := record(t, sc, 7)
	f := rec.File()
	if f.Result == nil || f.Result.Checksum != rec.State().ChecksumHex() {
		t.Fatalf("result %+v", f.Result)
	}
	path := filepath.Join(t.TempDir(), "r.json")
	if err := replay.Save(path, f); err != nil {
		t.Fatal(err)
	}
	g, err := replay.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(f, g) {
		t.Fatal("the replay changed on its way through a file")
	}
	st, err := replay.Verify(g, sc)
	if err != nil {
		t.Fatal(err)
	}
	if !st.Summarize().Equal(*f.Result) {
		t.Fatalf("verified %+v, recorded %+v", st.Summarize(), *f.Result)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Fatalf("Save left %d files behind", len(entries))
	}
}

// cut returns the first n orders of a replay as a save game.
func cut(f *replay.File, n int) *replay.File {
	c := *f
	c.Result = nil
	c.Turns = nil
	for _, t := range f.Turns {
		if n == 0 {
			break
		}
		k := min(n, len(t.Orders))
		nt := replay.Turn{Turn: t.Turn, Orders: t.Orders[:k:k]}
		if k == len(t.Orders) {
			nt.Checksum = t.Checksum
		}
		c.Turns = append(c.Turns, nt)
		n -= k
	}
	return &c
}

// TestResume: a save taken mid-battle (mid-phase, and at a phase boundary
// mid-turn) resumes at the saved turn and phase and continues exactly as the
// uninterrupted battle did.
func TestResume(t *testing.T) {
	sc := builtIn(t, "second-battle-of-ds9")
	full := record(t, sc, 3).File()
	all := full.Orders()

	// Mid-phase: feed the rest of the orders to the resumed recorder.
	for _, n := range []int{1, all / 3, all / 2, all - 1} {
		save := cut(full, n)
		data := mustMarshal(t, save)
		loaded, err := replay.Load("save.json", data)
		if err != nil {
			t.Fatalf("cut at %d: %v", n, err)
		}
		rec, err := replay.Resume(loaded, sc)
		if err != nil {
			t.Fatalf("cut at %d: %v", n, err)
		}
		k := 0
		for _, turn := range full.Turns {
			for _, o := range turn.Orders {
				k++
				if k <= n {
					continue
				}
				if _, err := rec.Apply(o); err != nil {
					t.Fatalf("cut at %d: order %d after resuming: %v", n, k, err)
				}
			}
		}
		if got := rec.File(); !reflect.DeepEqual(got, full) {
			t.Fatalf("cut at %d: resumed battle differs (checksum %s, want %s)", n, rec.State().ChecksumHex(), full.Result.Checksum)
		}
	}

	// At a phase boundary inside a turn: the commanders take over again.
	n, k := 0, 0
	for _, turn := range full.Turns[1:] {
		for i, o := range turn.Orders {
			if o.Kind == rules.EndPhase && i < len(turn.Orders)-1 {
				n = k + i + 1
				break
			}
		}
		if n > 0 {
			break
		}
		k += len(turn.Orders)
	}
	n += len(full.Turns[0].Orders)
	save := cut(full, n)
	rec, err := replay.Resume(save, sc)
	if err != nil {
		t.Fatal(err)
	}
	st := rec.State()
	if st.Phase != rules.Battle || st.Active == st.First {
		t.Fatalf("resumed at turn %d, %s's phase, %s", st.Turn, st.Active, st.Phase)
	}
	if err := ai.Play(st, [2]ai.Commander{ai.Baseline{}, ai.Baseline{}}, rec.Apply); err != nil {
		t.Fatal(err)
	}
	if got := rec.File(); !reflect.DeepEqual(got, full) {
		t.Fatalf("resumed and played on: checksum %s, the uninterrupted battle %s", st.ChecksumHex(), full.Result.Checksum)
	}
}
