package ai

import (
	"os"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"testing"

	"github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/scenarios"
)

func flagship(t testing.TB) *scenario.Scenario {
	t.Helper()
	sc, err := scenario.Load(scenarios.FS, "second-battle-of-ds9.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func newBattle(t testing.TB, seed uint64) *rules.State {
	t.Helper()
	st, err := flagship(t).NewState(seed)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func mustApply(t testing.TB, st *rules.State, o rules.Order) {
	t.Helper()
	if _, err := st.Apply(o); err != nil {
		t.Fatal(err)
	}
}

// playUntil plays a battle with normal commanders until stop says so at the
// start of a phase.
func playUntil(t testing.TB, st *rules.State, stop func(*rules.State) bool) {
	t.Helper()
	cmd := [2]Commander{New(rules.SideA, Normal), New(rules.SideB, Normal)}
	for st.Phase != rules.Over && !stop(st) {
		if _, err := PlayPhase(st, cmd[st.Active], st.Apply); err != nil {
			t.Fatal(err)
		}
	}
	if st.Phase == rules.Over {
		t.Fatalf("the battle ended (%s) before the state wanted", st.Outcome)
	}
}

var levels = []Level{Easy, Normal, Hard}

// sameOrders asks fresh commanders of every level for orders from two views and
// wants them equal.
func sameOrders(t *testing.T, side rules.Side, a, b *rules.State, what string) {
	t.Helper()
	for _, l := range levels {
		oa := New(side, l).Orders(a.View(side))
		ob := New(side, l).Orders(b.View(side))
		if len(oa) == 0 {
			t.Fatalf("%s %s: no orders at all; the test proves nothing", side, l)
		}
		if !reflect.DeepEqual(oa, ob) {
			t.Errorf("%s %s: orders changed with %s, which the side cannot see", side, l, what)
		}
	}
}

// The Dominion's orders do not depend on where a cloaked Alliance ship is, out
// of its detection range.
func TestNoCheatingCloakedShip(t *testing.T) {
	st := newBattle(t, 7)
	playUntil(t, st, func(s *rules.State) bool { return s.Phase == rules.Battle && s.Turn == 2 && s.Active == rules.SideA })
	var bop *rules.Ship
	for i := range st.Ships {
		sh := &st.Ships[i]
		if sh.Side == rules.SideA && sh.Alive() && st.Class(sh).Cloak && !st.Class(sh).Minelayer {
			bop = sh
		}
	}
	if bop == nil {
		t.Fatal("no cloaking escort")
	}
	a, b := st.Clone(), st.Clone()
	// a: the escort cloaks where it is; b: it moves first, then cloaks.
	mustApply(t, a, rules.Order{Kind: rules.Cloak, Side: rules.SideA, Ship: bop.ID})
	v := b.View(rules.SideA)
	_, all := v.Reachable(bop.ID)
	var to hex.Hex
	for _, r := range all {
		if v.ShipAt(r.Hex) == nil && r.Cost >= 3 {
			to = r.Hex
			break
		}
	}
	path, ok := hex.PathTo(all, bop.Pos, to)
	if !ok || len(path) == 0 {
		t.Fatal("no move for the escort")
	}
	mustApply(t, b, rules.Order{Kind: rules.Move, Side: rules.SideA, Ship: bop.ID, Path: path})
	mustApply(t, b, rules.Order{Kind: rules.Cloak, Side: rules.SideA, Ship: bop.ID})
	for _, s := range []*rules.State{a, b} {
		mustApply(t, s, rules.Order{Kind: rules.EndPhase, Side: rules.SideA})
		if s.View(rules.SideB).Ship(bop.ID) != nil {
			t.Fatal("the cloaked escort is in the Dominion's view; pick another position")
		}
	}
	if a.Ship(bop.ID).Pos == b.Ship(bop.ID).Pos {
		t.Fatal("the two states do not differ")
	}
	sameOrders(t, rules.SideB, a, b, "the cloaked escort's position")
}

// The Dominion's orders do not depend on which cloaked mines of an active field
// are laid.
func TestNoCheatingCloakedMines(t *testing.T) {
	st := newBattle(t, 2)
	playUntil(t, st, func(s *rules.State) bool { return s.Fields[0].Active && s.Active == rules.SideB })
	a, b := st.Clone(), st.Clone()
	for i := range b.Fields[0].Laid {
		b.Fields[0].Laid[i], b.Fields[0].Lost[i] = i%2 == 0, i%2 != 0
	}
	if reflect.DeepEqual(a.Fields[0].Laid, b.Fields[0].Laid) {
		t.Fatal("the two states do not differ")
	}
	sameOrders(t, rules.SideB, a, b, "the cloaked mines")
}

// The Alliance's orders do not depend on Dominion ships beyond its sensors.
func TestNoCheatingUnseenEnemy(t *testing.T) {
	st := newBattle(t, 3)
	playUntil(t, st, func(s *rules.State) bool { return s.Turn == 1 && s.Active == rules.SideB && s.Phase == rules.Battle })
	a, b := st.Clone(), st.Clone()
	// In b, a Dominion ship that the Alliance does not see moves.
	va := a.View(rules.SideA)
	moved := false
	vd := b.View(rules.SideB)
	for i := range vd.Ships {
		sh := &vd.Ships[i]
		if sh.Side != rules.SideB || !sh.Alive() || va.Ship(sh.ID) != nil {
			continue
		}
		ends, all := vd.Reachable(sh.ID)
		for _, e := range ends {
			if e.Cost == 0 {
				continue
			}
			path, _ := hex.PathTo(all, sh.Pos, e.Hex)
			if _, err := b.Apply(rules.Order{Kind: rules.Move, Side: rules.SideB, Ship: sh.ID, Path: path}); err != nil {
				continue
			}
			if b.View(rules.SideA).Ship(sh.ID) == nil {
				moved = true
			}
			break
		}
		if moved {
			break
		}
		b = st.Clone()
	}
	if !moved {
		t.Fatal("no unseen Dominion ship could move unseen")
	}
	for _, s := range []*rules.State{a, b} {
		mustApply(t, s, rules.Order{Kind: rules.EndPhase, Side: rules.SideB})
	}
	if a.Checksum() == b.Checksum() {
		t.Fatal("the two states do not differ")
	}
	sameOrders(t, rules.SideA, a, b, "an unseen Dominion ship's move")
}

// The difficulty ladder. Each level of a side plays a scenario against the
// other side's commander held at normal; the side's mean score (the
// scenario's own: its outcome's score plus its objectives' points, State.Score)
// must rise from easy to normal to hard. The fast version (make test) plays
// fastSeeds seeds a pairing of the battles in fastLadder; DS9_SOAK=1 (make
// soak) plays soakSeeds of every scenario; DS9_LADDER_SEEDS=N plays N.
const (
	fastSeeds = 10
	soakSeeds = 300
)

// fastLadder are the battles make test climbs the ladder of: the flagship,
// the smallest other battle whose ladder climbs with a margin, and the
// battle whose hard level is 20 points above normal on both sides.
var fastLadder = []string{"second-battle-of-ds9", "way-of-the-warrior", "archanis"}

// rung is one comparison of the ladder: side at lower scores less than side
// at upper, the opponent at normal in both.
type rung struct {
	side         rules.Side
	lower, upper Level
}

var ladder = []rung{
	{rules.SideA, Easy, Normal}, {rules.SideA, Normal, Hard},
	{rules.SideB, Easy, Normal}, {rules.SideB, Normal, Hard},
}

// rungName names a rung of a scenario's ladder: "archanis klingon easy < normal".
func rungName(sc *scenario.Scenario, r rung) string {
	return sc.ID + " " + sc.Setup.SideIDs.Of(r.side) + " " + r.lower.String() + " < " + r.upper.String()
}

// knownInverted names the rungs that today's commanders fail over the
// ladder's seeds (docs/balance.md, "The difficulty ladder"); they are
// measured and logged, not asserted (issue 12's remainder).
var knownInverted = map[string]string{
	"operation-return dominion normal < hard": "72.8 against 73.8 over 300 seeds: moving as the crow flies gains 5 when played from the start, but the battles sampled from the Dominion's view misjudge it",
}

// narrowRungs climb over the ladder's seeds by too little for the fast
// version's few seeds to tell (docs/balance.md): the fast version logs them,
// the soak asserts them.
var narrowRungs = map[string]string{
	"second-battle-of-ds9 alliance normal < hard": "+0.3 over 300 seeds",
	"way-of-the-warrior federation normal < hard": "+7.3 over 300 seeds",
	"archanis federation easy < normal":           "+0.7 over 300 seeds",
}

// wideRungs are the hard-over-normal rungs that climb by at least
// wideMargin points over the ladder's seeds (issue 12's target, met on the
// sides named here: docs/balance.md). The soak asserts the margin; the fast
// version, over too few seeds to measure it within a few points, half of it.
var wideRungs = map[string]bool{
	"second-battle-of-ds9 dominion normal < hard": true,
	"way-of-the-warrior klingon normal < hard":    true,
	"archanis klingon normal < hard":              true,
	"archanis federation normal < hard":           true,
}

// wideMargin is by how much a wide rung climbs, in points of the score.
const wideMargin = 20

// ladderStats is what a set of battles measured.
type ladderStats struct {
	battles int
	score   [2]int // each side's summed score
	wins    [2]int
}

// mean is the side's mean score per battle.
func (s ladderStats) mean(side rules.Side) float64 {
	return float64(s.score[side]) / float64(s.battles)
}

// playSet plays seeds 1..n of a scenario with the two levels on two workers.
func playSet(t *testing.T, sc *scenario.Scenario, n int, a, b Level) ladderStats {
	t.Helper()
	var mu sync.Mutex
	var wg sync.WaitGroup
	st := ladderStats{battles: n}
	next := make(chan uint64)
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for seed := range next {
				bt, err := sc.NewState(seed)
				if err == nil {
					err = Play(bt, [2]Commander{New(rules.SideA, a), New(rules.SideB, b)}, nil)
				}
				mu.Lock()
				if err != nil {
					t.Errorf("%s seed %d: %v", sc.ID, seed, err)
				} else {
					for _, side := range rules.Sides {
						st.score[side] += bt.Score(side)
					}
					if bt.Winner.Valid() {
						st.wins[bt.Winner]++
					}
				}
				mu.Unlock()
			}
		}()
	}
	for s := range uint64(n) {
		next <- s + 1
	}
	close(next)
	wg.Wait()
	return st
}

// TestDifficulty: for each side of each battle, easy < normal < hard on the
// side's score, the opponent held at normal. The rungs in knownInverted are
// logged only, and so are the narrowRungs in the fast version.
func TestDifficulty(t *testing.T) {
	n, ids, soak := fastSeeds, fastLadder, os.Getenv("DS9_SOAK") == "1"
	if soak {
		n, ids = soakSeeds, nil
	}
	if v, err := strconv.Atoi(os.Getenv("DS9_LADDER_SEEDS")); err == nil && v > 0 {
		n = v // to measure the ladder over another number of seeds
	}
	margin := wideMargin / 2
	if soak {
		margin = wideMargin
	}
	all, err := scenario.All(scenarios.FS)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, sc := range all {
		for _, r := range ladder {
			names[rungName(sc, r)] = true
		}
	}
	for k := range knownInverted {
		if !names[k] {
			t.Errorf("knownInverted names %q, which is no rung of any ladder", k)
		}
	}
	for k := range narrowRungs {
		if !names[k] {
			t.Errorf("narrowRungs names %q, which is no rung of any ladder", k)
		}
	}
	for k := range wideRungs {
		if !names[k] {
			t.Errorf("wideRungs names %q, which is no rung of any ladder", k)
		}
	}
	for _, sc := range all {
		if ids != nil && !slices.Contains(ids, sc.ID) {
			continue
		}
		t.Run(sc.ID, func(t *testing.T) {
			// stats[side][level]: the side at level, the other side at normal.
			var stats [2][3]ladderStats
			nn := playSet(t, sc, n, Normal, Normal)
			for _, side := range rules.Sides {
				for _, l := range levels {
					switch {
					case l == Normal:
						stats[side][l] = nn
					case side == rules.SideA:
						stats[side][l] = playSet(t, sc, n, l, Normal)
					default:
						stats[side][l] = playSet(t, sc, n, Normal, l)
					}
					id := sc.Setup.SideIDs.Of(side)
					t.Logf("%-10s %-6s vs normal, %d seeds: score %.2f (the other side %.2f), %d wins", id, l, n, stats[side][l].mean(side), stats[side][l].mean(side.Other()), stats[side][l].wins[side])
				}
			}
			for _, r := range ladder {
				lo, hi := stats[r.side][r.lower].mean(r.side), stats[r.side][r.upper].mean(r.side)
				name := rungName(sc, r)
				holds := lo < hi
				why, known := knownInverted[name]
				narrow, isNarrow := narrowRungs[name]
				switch {
				case isNarrow && !soak:
					t.Logf("%s: %.2f, %.2f over %d seeds (narrow: %s; the soak asserts it)", name, lo, hi, n, narrow)
				case known && holds:
					t.Logf("%s: %.2f < %.2f holds over %d seeds (known not to hold over 300: %s)", name, lo, hi, n, why)
				case known:
					t.Logf("%s: %.2f, %.2f: known (%s)", name, lo, hi, why)
				case !holds:
					t.Errorf("%s: %.2f at %s and %.2f at %s against normal over %d seeds: the ladder is inverted", name, lo, r.lower, hi, r.upper, n)
				case wideRungs[name] && hi < lo+float64(margin):
					t.Errorf("%s: %.2f at %s and %.2f at %s against normal over %d seeds: less than %d points apart", name, lo, r.lower, hi, r.upper, n, margin)
				}
			}
		})
	}
}

// Commanders play whole battles at every level without the engine refusing
// many of their orders, and answer the surrender terms.
func TestCommandersPlayBattles(t *testing.T) {
	for _, l := range levels {
		st := newBattle(t, 11)
		cmd := [2]Commander{New(rules.SideA, l), New(rules.SideB, l)}
		refused, orders := 0, 0
		for st.Phase != rules.Over {
			r, err := PlayPhase(st, cmd[st.Active], func(o rules.Order) ([]rules.Event, error) {
				orders++
				return st.Apply(o)
			})
			if err != nil {
				t.Fatal(err)
			}
			refused += r
		}
		if st.Terms != rules.TermsRefused {
			t.Errorf("%s: terms %v, want refused", l, st.Terms)
		}
		if refused*10 > orders {
			t.Errorf("%s: %d of %d orders refused", l, refused, orders)
		}
		if cmd[0].Name() != l.String() {
			t.Errorf("Name() = %q", cmd[0].Name())
		}
		t.Logf("%s: %s after %d turns, %d orders, %d refused", l, st.Outcome, st.Turn, orders, refused)
	}
}

func TestParse(t *testing.T) {
	for _, name := range []string{"easy", "normal", "hard", "baseline"} {
		c, err := Parse(rules.SideB, name)
		if err != nil || c.Name() != name {
			t.Errorf("Parse(%q) = %v, %v", name, c, err)
		}
	}
	if _, err := Parse(rules.SideA, "brutal"); err == nil {
		t.Error("Parse accepted an unknown level")
	}
}
