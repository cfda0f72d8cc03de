package ai

import (
	"reflect"
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
	cmd := [2]Commander{New(rules.Alliance, Normal), New(rules.Dominion, Normal)}
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
	playUntil(t, st, func(s *rules.State) bool { return s.Phase == rules.Battle && s.Turn == 2 && s.Active == rules.Alliance })
	var bop *rules.Ship
	for i := range st.Ships {
		sh := &st.Ships[i]
		if sh.Side == rules.Alliance && sh.Alive() && st.Class(sh).Cloak && !st.Class(sh).Minelayer {
			bop = sh
		}
	}
	if bop == nil {
		t.Fatal("no cloaking escort")
	}
	a, b := st.Clone(), st.Clone()
	// a: the escort cloaks where it is; b: it moves first, then cloaks.
	mustApply(t, a, rules.Order{Kind: rules.Cloak, Side: rules.Alliance, Ship: bop.ID})
	v := b.View(rules.Alliance)
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
	mustApply(t, b, rules.Order{Kind: rules.Move, Side: rules.Alliance, Ship: bop.ID, Path: path})
	mustApply(t, b, rules.Order{Kind: rules.Cloak, Side: rules.Alliance, Ship: bop.ID})
	for _, s := range []*rules.State{a, b} {
		mustApply(t, s, rules.Order{Kind: rules.EndPhase, Side: rules.Alliance})
		if s.View(rules.Dominion).Ship(bop.ID) != nil {
			t.Fatal("the cloaked escort is in the Dominion's view; pick another position")
		}
	}
	if a.Ship(bop.ID).Pos == b.Ship(bop.ID).Pos {
		t.Fatal("the two states do not differ")
	}
	sameOrders(t, rules.Dominion, a, b, "the cloaked escort's position")
}

// The Dominion's orders do not depend on which cloaked mines of an active field
// are laid.
func TestNoCheatingCloakedMines(t *testing.T) {
	st := newBattle(t, 2)
	playUntil(t, st, func(s *rules.State) bool { return s.Mines.Active && s.Active == rules.Dominion })
	a, b := st.Clone(), st.Clone()
	for i := range b.Mines.Laid {
		b.Mines.Laid[i], b.Mines.Lost[i] = i%2 == 0, i%2 != 0
	}
	if reflect.DeepEqual(a.Mines.Laid, b.Mines.Laid) {
		t.Fatal("the two states do not differ")
	}
	sameOrders(t, rules.Dominion, a, b, "the cloaked mines")
}

// The Alliance's orders do not depend on Dominion ships beyond its sensors.
func TestNoCheatingUnseenEnemy(t *testing.T) {
	st := newBattle(t, 3)
	playUntil(t, st, func(s *rules.State) bool { return s.Turn == 1 && s.Active == rules.Dominion && s.Phase == rules.Battle })
	a, b := st.Clone(), st.Clone()
	// In b, a Dominion ship that the Alliance does not see moves.
	va := a.View(rules.Alliance)
	moved := false
	vd := b.View(rules.Dominion)
	for i := range vd.Ships {
		sh := &vd.Ships[i]
		if sh.Side != rules.Dominion || !sh.Alive() || va.Ship(sh.ID) != nil {
			continue
		}
		ends, all := vd.Reachable(sh.ID)
		for _, e := range ends {
			if e.Cost == 0 {
				continue
			}
			path, _ := hex.PathTo(all, sh.Pos, e.Hex)
			if _, err := b.Apply(rules.Order{Kind: rules.Move, Side: rules.Dominion, Ship: sh.ID, Path: path}); err != nil {
				continue
			}
			if b.View(rules.Alliance).Ship(sh.ID) == nil {
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
		mustApply(t, s, rules.Order{Kind: rules.EndPhase, Side: rules.Dominion})
	}
	if a.Checksum() == b.Checksum() {
		t.Fatal("the two states do not differ")
	}
	sameOrders(t, rules.Alliance, a, b, "an unseen Dominion ship's move")
}

// winsOver plays seeds 1..n and counts the Dominion's wins.
func dominionWins(t *testing.T, n int, alliance, dominion Level) int {
	sc := flagship(t)
	var mu sync.Mutex
	var wg sync.WaitGroup
	wins := 0
	next := make(chan uint64)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for seed := range next {
				st, err := sc.NewState(seed)
				if err != nil {
					t.Error(err)
					return
				}
				if err := Play(st, [2]Commander{New(rules.Alliance, alliance), New(rules.Dominion, dominion)}, nil); err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				if st.Winner == rules.Dominion {
					wins++
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
	return wins
}

// A hard Dominion against an easy Alliance wins clearly more often than normal
// against normal, by at least minMargin percent of the battles: the levels play
// differently well. (docs/balance.md: about 7 points over 1000 seeds.)
func TestDifficulty(t *testing.T) {
	if testing.Short() {
		t.Skip("plays 800 battles")
	}
	const n, minMargin = 400, 3
	normal := dominionWins(t, n, Normal, Normal)
	hard := dominionWins(t, n, Easy, Hard)
	t.Logf("Dominion wins over %d battles: normal vs normal %d, hard vs easy %d", n, normal, hard)
	if hard*100 < normal*100+minMargin*n {
		t.Errorf("hard Dominion vs easy Alliance won %d of %d, normal vs normal %d: want at least %d%% more", hard, n, normal, minMargin)
	}
}

// Commanders play whole battles at every level without the engine refusing
// many of their orders, and answer the surrender terms.
func TestCommandersPlayBattles(t *testing.T) {
	for _, l := range levels {
		st := newBattle(t, 11)
		cmd := [2]Commander{New(rules.Alliance, l), New(rules.Dominion, l)}
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
		c, err := Parse(rules.Dominion, name)
		if err != nil || c.Name() != name {
			t.Errorf("Parse(%q) = %v, %v", name, c, err)
		}
	}
	if _, err := Parse(rules.Alliance, "brutal"); err == nil {
		t.Error("Parse accepted an unknown level")
	}
}
