package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/calltoarms/ds9/game/ai"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
)

// maxSimBattles bounds one sim run.
const maxSimBattles = 1_000_000

// spread is the 10th percentile, the median and the 90th percentile of a number
// over the battles.
type spread struct {
	P10    int `json:"p10"`
	Median int `json:"median"`
	P90    int `json:"p90"`
}

// simReport is what `ds9sim sim` prints (DESIGN §6). Its JSON names the sides
// by the scenario's ids: "commanders": {"alliance": "normal", …},
// "wins": {"dominion": 900, …}, and for each side "<id>_losses" and
// "<id>_forces".
type simReport struct {
	Scenario    string
	Seed        uint64
	Battles     int
	Sides       rules.SideIDs
	Commanders  [2]string
	Outcomes    map[string]int // outcome id → battles
	Wins        map[string]int // winner side id → battles
	Losses      [2]spread
	Forces      [2]spread
	Turns       spread
	Scores      [2]float64 // each side's mean score (0..100)
	Historical  string     // the outcome the sources record, or ""
	MsPerBattle float64
	Workers     int
	Elapsed     time.Duration
}

// MarshalJSON writes the report with its per-side figures keyed by side id.
func (r simReport) MarshalJSON() ([]byte, error) {
	m := map[string]any{
		"scenario": r.Scenario, "seed": r.Seed, "battles": r.Battles,
		"sides":      r.Sides,
		"commanders": map[string]string{r.Sides[0]: r.Commanders[0], r.Sides[1]: r.Commanders[1]},
		"outcomes":   r.Outcomes, "wins": r.Wins, "turns": r.Turns, "ms_per_battle": r.MsPerBattle,
		"scores": map[string]float64{r.Sides[0]: r.Scores[0], r.Sides[1]: r.Scores[1]},
	}
	if r.Historical != "" {
		m["historical"] = map[string]any{"outcome": r.Historical, "battles": r.Outcomes[r.Historical], "most_frequent": r.historicalLeads()}
	}
	for _, side := range rules.Sides {
		m[r.Sides[side]+"_losses"] = r.Losses[side]
		m[r.Sides[side]+"_forces"] = r.Forces[side]
	}
	return json.Marshal(m)
}

// historicalLeads reports whether the historical outcome is the most frequent
// (ties count).
func (r simReport) historicalLeads() bool {
	h := r.Outcomes[r.Historical]
	for _, n := range r.Outcomes {
		if n > h {
			return false
		}
	}
	return h > 0
}

// battleResult is one battle of a sim run.
type battleResult struct {
	outcome string
	scores  [2]int
	winner  string
	losses  [2]int
	forces  [2]int
	turns   int
	dur     time.Duration
	err     error
}

// simOptions says what to simulate.
type simOptions struct {
	n          int
	seed       uint64
	workers    int
	commanders [2]string             // by side
	progress   func(done, total int) // may be nil; called from one goroutine at a time
}

// simulate plays n battles, seeds seed..seed+n-1, across workers. Every result
// but the timing depends only on the seeds, never on the number of workers.
func simulate(sc *scenario.Scenario, o simOptions) (simReport, error) {
	if o.n < 1 || o.n > maxSimBattles {
		return simReport{}, fmt.Errorf("%w: -n %d out of 1..%d", errUsage, o.n, maxSimBattles)
	}
	if o.workers < 1 {
		o.workers = runtime.NumCPU()
	}
	o.workers = min(o.workers, o.n)
	// Check the commander names once, up front.
	if _, err := commanders(sc, o.commanders); err != nil {
		return simReport{}, err
	}
	results := make([]battleResult, o.n)
	var next, done atomic.Int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := time.Now()
	for range o.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= o.n {
					return
				}
				results[i] = playOne(sc, o.seed+uint64(i), o.commanders)
				d := int(done.Add(1))
				if o.progress != nil {
					mu.Lock()
					o.progress(d, o.n)
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	rep := simReport{
		Scenario: sc.ID, Seed: o.seed, Battles: o.n, Sides: sc.Setup.SideIDs, Commanders: o.commanders,
		Outcomes: map[string]int{}, Wins: map[string]int{}, Workers: o.workers, Elapsed: time.Since(start),
		Historical: sc.Historical,
	}
	var losses, forces [2][]int
	var tu []int
	var total time.Duration
	for i, r := range results {
		if r.err != nil {
			return simReport{}, fmt.Errorf("seed %d: %w", o.seed+uint64(i), r.err)
		}
		rep.Outcomes[r.outcome]++
		if r.winner != "" {
			rep.Wins[r.winner]++
		}
		for _, side := range rules.Sides {
			rep.Scores[side] += float64(r.scores[side]) / float64(o.n)
			losses[side] = append(losses[side], r.losses[side])
			forces[side] = append(forces[side], r.forces[side])
		}
		tu = append(tu, r.turns)
		total += r.dur
	}
	for _, side := range rules.Sides {
		rep.Losses[side], rep.Forces[side] = spreadOf(losses[side]), spreadOf(forces[side])
	}
	rep.Turns = spreadOf(tu)
	for side := range rep.Scores {
		rep.Scores[side] = float64(int(rep.Scores[side]*10+0.5)) / 10
	}
	rep.MsPerBattle = float64(total.Microseconds()) / 1000 / float64(o.n)
	rep.MsPerBattle = float64(int(rep.MsPerBattle*100+0.5)) / 100
	return rep, nil
}

func playOne(sc *scenario.Scenario, seed uint64, names [2]string) battleResult {
	t0 := time.Now()
	st, err := sc.NewState(seed)
	if err != nil {
		return battleResult{err: err}
	}
	cmd, err := commanders(sc, names)
	if err != nil {
		return battleResult{err: err}
	}
	if err := ai.Play(st, cmd, nil); err != nil {
		return battleResult{err: err}
	}
	r := battleResult{outcome: st.Outcome, losses: st.Losses, forces: st.Forces, turns: st.Turn, dur: time.Since(t0),
		scores: [2]int{st.Score(rules.SideA), st.Score(rules.SideB)}}
	if st.Phase == rules.Over && st.Outcome != rules.Undecided {
		r.winner = st.SideID(st.Winner)
	}
	return r
}

// spreadOf takes the nearest-rank 10th, 50th and 90th percentiles.
func spreadOf(xs []int) spread {
	if len(xs) == 0 {
		return spread{}
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	at := func(p int) int { return s[(len(s)-1)*p/100] }
	return spread{P10: at(10), Median: at(50), P90: at(90)}
}

func cmdSim(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("sim", stderr)
	id := fs.String("scenario", "", "scenario id or file")
	n := fs.Int("n", 100, "number of battles")
	seed := fs.Uint64("seed", 1, "seed of the first battle (then seed+1, …)")
	workers := fs.Int("j", runtime.NumCPU(), "battles played at once")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	sc, err := loadForFlags(args)
	if err != nil {
		return err
	}
	names := sideFlags(fs, sc)
	if err := fs.Parse(args); err != nil {
		return err
	}
	_ = *id // read by loadForFlags
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	if *workers < 1 {
		return fmt.Errorf("%w: -j %d: need at least one worker", errUsage, *workers)
	}
	o := simOptions{n: *n, seed: *seed, workers: *workers, commanders: *names}
	if isTerminal(stderr) {
		o.progress = progressBar(stderr)
	}
	rep, err := simulate(sc, o)
	if o.progress != nil {
		fmt.Fprint(stderr, "\r\033[K")
	}
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	printReport(stdout, rep)
	return nil
}

// isTerminal reports whether w is a terminal (a character device).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// progressBar draws a bar that redraws itself at most every 1% of the battles.
func progressBar(w io.Writer) func(done, total int) {
	last := -1
	return func(done, total int) {
		pct := done * 100 / total
		if pct == last && done != total {
			return
		}
		last = pct
		const width = 40
		fill := done * width / total
		bar := make([]byte, width)
		for i := range bar {
			bar[i] = '.'
			if i < fill {
				bar[i] = '#'
			}
		}
		fmt.Fprintf(w, "\r[%s] %d/%d battles", bar, done, total)
	}
}

func printReport(w io.Writer, r simReport) {
	fmt.Fprintf(w, "scenario   %s\n", r.Scenario)
	fmt.Fprintf(w, "battles    %d (seeds %d..%d), %s %s, %s %s\n", r.Battles, r.Seed, r.Seed+uint64(r.Battles)-1, r.Sides[0], r.Commanders[0], r.Sides[1], r.Commanders[1])
	fmt.Fprintln(w)
	ids := make([]string, 0, len(r.Outcomes))
	for id := range r.Outcomes {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if r.Outcomes[ids[i]] != r.Outcomes[ids[j]] {
			return r.Outcomes[ids[i]] > r.Outcomes[ids[j]]
		}
		return ids[i] < ids[j]
	})
	fmt.Fprintf(w, "%-28s %8s %7s\n", "outcome", "battles", "share")
	for _, id := range ids {
		fmt.Fprintf(w, "%-28s %8d %6.1f%%\n", id, r.Outcomes[id], 100*float64(r.Outcomes[id])/float64(r.Battles))
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "%-28s %6s %6s %6s\n", "", "p10", "median", "p90")
	for _, row := range []struct {
		name string
		s    spread
	}{{r.Sides[1] + " losses", r.Losses[1]}, {r.Sides[0] + " losses", r.Losses[0]}, {r.Sides[1] + " forces", r.Forces[1]}, {r.Sides[0] + " forces", r.Forces[0]}, {"turns", r.Turns}} {
		fmt.Fprintf(w, "%-28s %6d %6d %6d\n", row.name, row.s.P10, row.s.Median, row.s.P90)
	}
	fmt.Fprintf(w, "%-28s %6.1f %6.1f\n", "mean score "+r.Sides[0]+", "+r.Sides[1], r.Scores[0], r.Scores[1])
	if r.Historical != "" {
		lead := "the most frequent"
		if !r.historicalLeads() {
			lead = "not the most frequent"
		}
		fmt.Fprintf(w, "historical outcome %s: %d battles, %s\n", r.Historical, r.Outcomes[r.Historical], lead)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "ms per battle %.2f (%d workers, %.1f s in all)\n", r.MsPerBattle, r.Workers, r.Elapsed.Seconds())
}
