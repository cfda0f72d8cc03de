package rules_test

// Tests of the side's-eye API over whole battles of the flagship scenario:
// legality read from a State and from the side's View agree, errors name only
// what the side sees, every enumerated option is legal, and the events a side
// is told name only ships it may know.

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/calltoarms/ds9/game/ai"
	"github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/scenarios"
)

func flagship(t testing.TB, seed uint64) *rules.State {
	t.Helper()
	sc, err := scenario.Load(scenarios.FS, "second-battle-of-ds9.yaml")
	if err != nil {
		t.Fatal(err)
	}
	st, err := sc.NewState(seed)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// battle plays a flagship battle with normal commanders, calling each before
// every order is given (the order is the commander's) and applying it with
// apply.
func battle(t testing.TB, seed uint64, each func(st *rules.State, o rules.Order), apply func(st *rules.State, o rules.Order) error) *rules.State {
	t.Helper()
	st := flagship(t, seed)
	cmd := [2]ai.Commander{ai.New(rules.Alliance, ai.Normal), ai.New(rules.Dominion, ai.Normal)}
	for st.Phase != rules.Over {
		p := &ai.Phase{Cmd: cmd[st.Active], Side: st.Active}
		for {
			o, ok := p.Next(st)
			if !ok {
				break
			}
			each(st, o)
			err := apply(st, o)
			if p.Ended() {
				if err != nil {
					t.Fatal(err)
				}
				break
			}
			p.Done(err == nil)
		}
	}
	return st
}

func plainApply(st *rules.State, o rules.Order) error { _, err := st.Apply(o); return err }

// candidates makes orders of every kind for the active side around a real one:
// its own ships and the enemy's, hidden or not, real and made-up targets, mine
// positions near and far, paths that are legal and not.
var hiddenCandidates int

func candidates(st *rules.State, o rules.Order, r *rand.Rand) []rules.Order {
	side := st.Active
	out := []rules.Order{o}
	n := len(st.Ships)
	for range 24 {
		c := o
		c.Side = side
		c.Kind = rules.OrderKind(r.IntN(int(rules.EndPhase) + 1))
		c.Ship = rules.ShipID(r.IntN(n+2) - 1)
		c.Target = rules.ShipID(r.IntN(n+2) - 1)
		c.Weapon = r.IntN(4) - 1
		c.Section = []int{0, 1, 2, 17, 4, 5, 99}[r.IntN(7)]
		c.Accept = r.IntN(2) == 0
		if sh := st.Ship(c.Ship); sh != nil {
			// A path of up to 8 steps, mostly adjacent.
			h := sh.Pos
			c.Path = nil
			for range 1 + r.IntN(8) {
				h = h.Neighbor(r.IntN(6))
				c.Path = append(c.Path, h)
			}
			c.At = sh.Pos.Neighbor(r.IntN(7) % 6)
		}
		if len(st.Mines.Positions) > 0 && r.IntN(3) == 0 {
			c.At = st.Mines.Positions[r.IntN(len(st.Mines.Positions))]
		}
		out = append(out, c)
	}
	// Orders that run into ships the side cannot see: fire at them, lay a mine
	// where they are, move through them.
	v := st.View(side)
	var mine []*rules.Ship
	for i := range v.Ships {
		if sh := &v.Ships[i]; sh.Side == side && sh.Alive() {
			mine = append(mine, sh)
		}
	}
	for i := range st.Ships {
		h := &st.Ships[i]
		if h.Side == side || !h.Alive() || v.Ship(h.ID) != nil || len(mine) == 0 {
			continue
		}
		own := mine[r.IntN(len(mine))]
		base := rules.Order{Side: side, Ship: own.ID}
		a, m, mv := base, base, base
		a.Kind, a.Target = rules.Attack, h.ID
		m.Kind, m.At = rules.LayMine, h.Pos
		mv.Kind = rules.Move
		line := hex.Line(own.Pos, h.Pos)
		mv.Path = line[1:min(len(line), 10)]
		if len(mv.Path) > 0 {
			out = append(out, a, m, mv)
			hiddenCandidates++
		}
	}
	return out
}

// unseenNames is a matcher of the names of ships side does not see now.
func unseenNames(st *rules.State, v *rules.View) *regexp.Regexp {
	var alts []string
	for i := range st.Ships {
		sh := &st.Ships[i]
		if v.Ship(sh.ID) == nil {
			alts = append(alts, regexp.QuoteMeta(sh.Name))
		}
	}
	if len(alts) == 0 {
		return nil
	}
	// A name ends where no letter or digit follows ("…jh-1-1" is not "…jh-1-10").
	return regexp.MustCompile(`(?:` + joinAlt(alts) + `)(?:[^\pL\pN]|$)`)
}

func joinAlt(s []string) string {
	// Longest first, so that a longer name wins over its prefix.
	slices.SortFunc(s, func(a, b string) int { return len(b) - len(a) })
	return strings.Join(s, "|")
}
