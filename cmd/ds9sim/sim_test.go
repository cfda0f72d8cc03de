package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// The results of a sim run depend on the seeds only, not on how many workers
// play them.
func TestSimDeterministicAcrossWorkers(t *testing.T) {
	sc, err := findScenario("second-battle-of-ds9")
	if err != nil {
		t.Fatal(err)
	}
	var reps []simReport
	for _, w := range []int{1, 3} {
		r, err := simulate(sc, simOptions{n: 12, seed: 5, workers: w, commanders: [2]string{"normal", "normal"}})
		if err != nil {
			t.Fatal(err)
		}
		r.MsPerBattle, r.Workers, r.Elapsed = 0, 0, 0
		reps = append(reps, r)
	}
	a, _ := json.Marshal(reps[0])
	b, _ := json.Marshal(reps[1])
	if !bytes.Equal(a, b) {
		t.Errorf("results depend on the workers:\n%s\n%s", a, b)
	}
	n := 0
	for _, c := range reps[0].Outcomes {
		n += c
	}
	if n != 12 {
		t.Errorf("outcomes count %d battles, want 12", n)
	}
}

func TestSimJSON(t *testing.T) {
	var out, errb bytes.Buffer
	code := run([]string{"sim", "-scenario", "second-battle-of-ds9", "-n", "6", "-seed", "1", "-j", "2", "-json", "-dominion", "hard", "-alliance", "easy"}, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if errb.Len() != 0 {
		t.Errorf("stderr is not a terminal, yet got %q", errb.String())
	}
	var rep map[string]any
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"battles", "outcomes", "dominion_losses", "alliance_losses", "turns", "ms_per_battle"} {
		if _, ok := rep[k]; !ok {
			t.Errorf("sim -json lacks %q", k)
		}
	}
	if rep["battles"].(float64) != 6 {
		t.Errorf("battles = %v", rep["battles"])
	}
	for _, k := range []string{"p10", "median", "p90"} {
		if _, ok := rep["dominion_losses"].(map[string]any)[k]; !ok {
			t.Errorf("dominion_losses lacks %q", k)
		}
	}
}

func TestSimTable(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"sim", "-scenario", "second-battle-of-ds9", "-n", "3", "-j", "1"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, want := range []string{"outcome", "dominion losses", "alliance losses", "turns", "ms per battle"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, out.String())
		}
	}
}

func TestSimBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"sim", "-scenario", "second-battle-of-ds9", "-n", "0"},
		{"sim", "-scenario", "second-battle-of-ds9", "-j", "0"},
		{"sim", "-scenario", "second-battle-of-ds9", "-dominion", "brutal"},
		{"sim", "-n", "3"},
	} {
		var out, errb bytes.Buffer
		if code := run(args, &out, &errb); code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, errb.String())
		}
	}
}

func TestPlayCommanderFlags(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"play", "-scenario", "second-battle-of-ds9", "-seed", "2", "-alliance", "hard", "-dominion", "baseline"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if code := run([]string{"play", "-scenario", "second-battle-of-ds9", "-alliance", "nobody"}, &out, &errb); code != 2 {
		t.Errorf("unknown commander: exit %d, want 2", code)
	}
}
