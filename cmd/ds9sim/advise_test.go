package main

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/calltoarms/ds9/game/replay"
)

const historical = "../../scenarios/replays/second-battle-of-ds9-historical.json"

// TestAdvise: advise's chances sum to 1; past the battle's end they are the
// recorded outcome, certain; bad flags are a usage error.
func TestAdvise(t *testing.T) {
	decode := func(out string) adviceReport {
		t.Helper()
		var r adviceReport
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("advise -json printed %q: %v", out, err)
		}
		return r
	}
	code, out, errOut := runCmd("advise", historical, "-turn", "1", "-n", "12", "-json")
	if code != 0 {
		t.Fatalf("advise: exit %d: %s", code, errOut)
	}
	r := decode(out)
	sum := 0.0
	for _, c := range r.Chances {
		sum += c.P
	}
	if math.Abs(sum-1) > 1e-9 || r.N != 12 || r.Over || r.Side != "alliance" {
		t.Fatalf("turn 1: %+v (sum %v)", r, sum)
	}
	f, err := replay.ReadFile(historical)
	if err != nil {
		t.Fatal(err)
	}
	last := f.Turns[len(f.Turns)-1].Turn
	code, out, errOut = runCmd("advise", historical, "-turn", "99", "-n", "3", "-json")
	if code != 0 {
		t.Fatalf("advise past the end: exit %d: %s", code, errOut)
	}
	r = decode(out)
	if !r.Over || len(r.Chances) != 1 || r.Chances[0].P != 1 || r.Chances[0].Outcome != f.Result.Outcome {
		t.Fatalf("past the end (turn %d was the last): %+v, recorded %s", last, r, f.Result.Outcome)
	}
	for _, bad := range [][]string{{"advise", historical}, {"advise", historical, "-turn", "0"}, {"advise", historical, "-turn", "2", "-n", "0"}, {"advise", "-turn", "2"}} {
		if code, _, errOut := runCmd(bad...); code != 2 || !strings.Contains(errOut, "advise") {
			t.Errorf("%v: exit %d, %q", bad, code, errOut)
		}
	}
}
