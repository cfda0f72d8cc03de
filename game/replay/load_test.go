package replay_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/calltoarms/ds9/game/replay"
)

// TestBadInput: every bad file gets a one-line error naming it (and the turn and
// order where known), quickly, without a panic.
func TestBadInput(t *testing.T) {
	cases := []struct{ file, want string }{
		{"truncated.json", "truncated"},
		{"garbage.bin", "not valid JSON at line 1"},
		{"wrong-version.json", "version 2, this program reads version 1"},
		{"hostile-nesting.json", "nesting deeper than 8"},
		{"hostile-huge-number.json", "turn 1, order 1: hex: coordinate 1e400"},
		{"hostile-negative-id.json", "turn 1, order 1: ship -7 out of 0..1999"},
		{"hostile-long-path.json", "turn 1, order 1: order is"},
		{"hostile-billion-turn.json", "turn 1000000000 out of 1..200"},
		{"hostile-unknown-field.json", `unknown field "orders_count"`},
		{"hostile-seed.json", "seed"},
		{"does-not-exist.json", "no such file"},
		{".", "is a directory"},
	}
	for _, c := range cases {
		path := filepath.Join("testdata", c.file)
		start := time.Now()
		_, err := replay.ReadFile(path)
		checkErr(t, path, err, c.want)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s: took %v", path, d)
		}
	}
}

func checkErr(t *testing.T, name string, err error, want string) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: no error", name)
		return
	}
	msg := err.Error()
	if strings.ContainsAny(msg, "\n\r") || !strings.HasPrefix(msg, name+": ") || !strings.Contains(strings.ToLower(msg), strings.ToLower(want)) || len(msg) > 400 {
		t.Errorf("%s: error %q, want one line naming the file and saying %q", name, msg, want)
	}
}

// TestOversized: files over the size limit are refused before they are read.
func TestOversized(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.json")
	fh, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := fh.Truncate(replay.MaxFileSize + 1); err != nil {
		t.Fatal(err)
	}
	fh.Close()
	_, err = replay.ReadFile(path)
	checkErr(t, path, err, fmt.Sprintf("the limit is %d", replay.MaxFileSize))
	_, err = replay.Load("big.json", make([]byte, replay.MaxFileSize+1))
	checkErr(t, "big.json", err, "the limit is")
	// An enormous path is refused by length, and named briefly.
	long := strings.Repeat("x/", 5000) + "r.json"
	_, err = replay.ReadFile(long)
	if err == nil || !strings.Contains(err.Error(), "path is 10006 bytes, the limit is 4096") || len(err.Error()) > 400 {
		t.Errorf("long path: %v", err)
	}
}

// TestLoadRules: the strict checks on well-formed JSON.
func TestLoadRules(t *testing.T) {
	hash := strings.Repeat("ab", 32)
	head := func(extra string) string {
		return `{"version":1,"scenario":"s","scenario_hash":"` + hash + `","seed":1,"players":{"alliance":"human","dominion":"easy"}` + extra + `}`
	}
	turn := func(n int, sum, orders string) string {
		return fmt.Sprintf(`{"turn":%d,"checksum":%q,"orders":[%s]}`, n, sum, orders)
	}
	end := `{"kind":"end-phase","side":"dominion"}`
	cases := []struct{ data, want string }{
		{``, "empty file"},
		{`[]`, "no version"},
		{`{"version":1}`, "no scenario id"},
		{head(`,"turns":[` + turn(1, "0123456789abcdef", end) + `]`), ""},
		{head(`,"turns":[` + turn(2, "0123456789abcdef", end) + `,` + turn(1, "0123456789abcdef", end) + `]`), "turn 1, turn 1 follows turn 2"},
		{head(`,"turns":[` + turn(1, "", end) + `,` + turn(2, "", end) + `]`), "turn 1, no checksum"},
		{head(`,"turns":[` + turn(1, "XYZ", end) + `]`), "not 16 hex digits"},
		{head(`,"turns":[` + turn(1, "0123456789abcdef", `{"kind":"warp","side":"dominion"}`) + `]`), `turn 1, order 1: unknown order kind "warp"`},
		{head(`,"turns":[` + turn(1, "0123456789abcdef", `{"kind":"end-phase","side":"borg"}`) + `]`), `side "borg" is not one of the replay's sides`},
		{head(`,"turns":[` + turn(1, "0123456789abcdef", `{"kind":"move","side":"dominion","ship":1}`) + `]`), "move order with no path"},
		{head(`,"turns":[` + turn(1, "0123456789abcdef", `{"kind":"end-phase","side":"dominion","x":1}`) + `]`), `unknown field "x"`},
		{head(`,"turns":[` + turn(1, "0123456789abcdef", `{"kind":"attack","side":"dominion","ship":1,"weapon":99999999999999999999}`) + `]`), "order 1"},
		{head(`,"turns":[]} {"again":1`), "after top-level value"},
		{strings.Replace(head(`,"turns":[]`), `"human"`, `""`, 1), "players.alliance"},
	}
	for i, c := range cases {
		name := fmt.Sprintf("case%d.json", i)
		f, err := replay.Load(name, []byte(c.data))
		if c.want == "" {
			if err != nil || f.Orders() != 1 {
				t.Errorf("%s: %v", name, err)
			}
			continue
		}
		checkErr(t, name, err, c.want)
	}
}

// FuzzLoad: no input makes Load panic, hang or return a multi-line error, and
// whatever it accepts survives a round trip.
func FuzzLoad(f *testing.F) {
	for _, name := range []string{"truncated.json", "wrong-version.json", "hostile-negative-id.json", "hostile-huge-number.json", "hostile-billion-turn.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"version":1,"scenario":"s","scenario_hash":"` + strings.Repeat("0", 64) + `","seed":1,"players":{"alliance":"a","dominion":"b"},"turns":[{"turn":1,"checksum":"0123456789abcdef","orders":[{"kind":"move","side":"alliance","ship":1,"path":[[1,2],[2,2]]}]}]}`))
	f.Add([]byte(`{"version":1,"turns":[[[[[[[[[[]]]]]]]]]]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := replay.Load("fuzz.json", data)
		if err != nil {
			if strings.ContainsAny(err.Error(), "\n\r") {
				t.Fatalf("multi-line error %q", err)
			}
			return
		}
		b, err := replay.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		r2, err := replay.Load("again.json", b)
		if err != nil {
			t.Fatalf("accepted input does not round-trip: %v", err)
		}
		if !bytes.Equal(mustMarshal(t, r2), b) {
			t.Fatal("round trip changed the replay")
		}
	})
}
