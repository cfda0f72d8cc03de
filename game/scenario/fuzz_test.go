package scenario_test

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/calltoarms/ds9/game/ai"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/scenarios"
)

// FuzzParse: for any scenario file and catalogue, Parse either refuses them with
// one line that starts with the file's name, or returns a scenario whose battle
// starts (rules.New), holds its invariants, and plays to its end within a bound on
// orders: a turn of the normal computer commanders, then a few random orders and
// the end of each phase, with the invariants checked after every order.
//
// The seeds are the flagship scenario and catalogue, the base battle and every
// hostile fixture; go test runs them, go test -fuzz FuzzParse searches further.
func FuzzParse(f *testing.F) {
	flagship, _ := scenarios.FS.ReadFile("second-battle-of-ds9.yaml")
	ships, _ := scenarios.FS.ReadFile("ships.yaml")
	f.Add(flagship, ships)
	battle, err := os.ReadFile("testdata/base/battle.yaml")
	if err != nil {
		f.Fatal(err)
	}
	baseShips, err := os.ReadFile("testdata/base/ships.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(battle, baseShips)
	for _, fx := range hostileFixtures(f) {
		if scenario.IsCatalogue(fx.data) {
			f.Add(battle, fx.data)
		} else if len(fx.data) < 8<<10 { // the biggest battle is too slow to mutate
			f.Add(fx.data, baseShips)
		}
	}
	f.Fuzz(fuzzOne)
}

// FuzzNumbers rewrites up to three numbers of the base battle and its catalogue
// (the k-th number of the two files, counted through both) and checks the result
// as FuzzParse does: where FuzzParse mostly finds broken YAML, this one walks the
// accepted battles at and around the bounds.
func FuzzNumbers(f *testing.F) {
	f.Add(uint16(0), int64(1), uint16(1), int64(2), uint16(2), int64(3))
	f.Add(uint16(50), int64(20), uint16(70), int64(10000), uint16(90), int64(100))
	f.Add(uint16(9), int64(200), uint16(120), int64(0), uint16(130), int64(-1))
	f.Fuzz(func(t *testing.T, k1 uint16, v1 int64, k2 uint16, v2 int64, k3 uint16, v3 int64) {
		battle, err := os.ReadFile("testdata/base/battle.yaml")
		if err != nil {
			t.Fatal(err)
		}
		ships, err := os.ReadFile("testdata/base/ships.yaml")
		if err != nil {
			t.Fatal(err)
		}
		nb := len(numberRE.FindAllIndex(battle, -1))
		n := nb + len(numberRE.FindAllIndex(ships, -1))
		for _, kv := range []struct {
			k uint16
			v int64
		}{{k1, v1}, {k2, v2}, {k3, v3}} {
			k, v := int(kv.k)%n, kv.v
			if v >= 0 && v < int64(2*len(edges)) {
				v = edges[v/2] // small numbers stand for the values at the edges of bounds
			}
			if k < nb {
				battle = setNumber(battle, k, v)
			} else {
				ships = setNumber(ships, k-nb, v)
			}
		}
		fuzzOne(t, battle, ships)
	})
}

// edges are the numbers at and around the bounds of docs/scenarios.md.
var edges = []int64{-1, 0, 1, 2, 3, 4, 9, 19, 20, 21, 99, 100, 101, 127, 128, 199, 200, 201, 255, 256, 257,
	499, 500, 501, 999, 1000, 1001, 1999, 2000, 2001, 9999, 10000, 10001, math.MaxInt64, math.MinInt64}

// numberRE finds the numbers of a file: after a colon, a bracket or a comma (not
// the digits of an id such as jh-1).
var numberRE = regexp.MustCompile(`[:\[,] ?(-?[0-9]+)\b`)

// setNumber writes v as the k-th number of data.
func setNumber(data []byte, k int, v int64) []byte {
	m := numberRE.FindAllSubmatchIndex(data, -1)[k]
	return slices.Concat(data[:m[2]], []byte(strconv.FormatInt(v, 10)), data[m[3]:])
}

// fuzzOne checks one scenario file and catalogue: refused with one line starting
// with the file's name, or a battle that starts and plays out cleanly.
func fuzzOne(t *testing.T, scn, cat []byte) {
	catalogue := func(string) ([]byte, string, error) { return cat, "ships.yaml", nil }
	sc, err := scenario.Parse("s.yaml", scn, catalogue)
	if err != nil {
		msg := err.Error()
		if !strings.HasPrefix(msg, "s.yaml:") && !strings.HasPrefix(msg, "ships.yaml:") {
			t.Fatalf("error does not start with the file's name: %q", msg)
		}
		if strings.ContainsAny(msg, "\n\r") {
			t.Fatalf("error spans lines: %q", msg)
		}
		return
	}
	h := fnv.New64a()
	h.Write(scn)
	h.Write(cat)
	seed := h.Sum64()
	st, err := rules.New(sc.Setup, seed)
	if err != nil {
		t.Fatalf("Parse accepted a setup New refuses: %v", err)
	}
	if st.Phase == rules.Over {
		t.Fatal("the battle is over before its first order")
	}
	if err := st.CheckInvariants(); err != nil {
		t.Fatalf("at the start: %v", err)
	}
	if err := fuzzBattle(st, rand.New(rand.NewPCG(seed, 1))); err != "" {
		t.Fatal(err)
	}
}

// fuzzBattle plays a battle to its end: the normal commanders for the first
// turn, then up to a few random orders per phase before it ends. It returns what
// went wrong, or "".
func fuzzBattle(st *rules.State, rng *rand.Rand) string {
	var cmd [2]ai.Commander
	for _, side := range rules.Sides {
		cmd[side], _ = ai.Parse(side, "normal")
	}
	orders := 0
	apply := func(o rules.Order) ([]rules.Event, error) {
		orders++
		ev, err := st.Apply(o)
		if ierr := st.CheckInvariants(); ierr != nil {
			return ev, &invariantError{o, ierr}
		}
		return ev, err
	}
	// The commanders' first turn, then at most 7 orders a phase.
	maxOrders := 50000 + 7*(2*st.TurnLimit+1)
	for st.Phase != rules.Over {
		if orders > maxOrders {
			return "the battle does not end"
		}
		if st.Turn == 1 {
			p := &ai.Phase{Cmd: cmd[st.Active], Side: st.Active}
			for {
				o, ok := p.Next(st)
				if !ok {
					break
				}
				_, err := apply(o)
				if ie, ok := err.(*invariantError); ok {
					return ie.Error()
				}
				p.Done(err == nil)
			}
			continue
		}
		side := st.Active
		if st.Phase == rules.Parley {
			if _, err := apply(rules.Order{Kind: rules.AnswerTerms, Side: side, Accept: rng.IntN(8) == 0}); err != nil {
				return err.Error()
			}
			continue
		}
		for range rng.IntN(6) {
			if _, err := apply(randomOrder(st, rng)); err != nil {
				if ie, ok := err.(*invariantError); ok {
					return ie.Error()
				}
			}
			if st.Phase == rules.Over || st.Active != side {
				break
			}
		}
		if st.Phase != rules.Over && st.Active == side {
			if _, err := apply(rules.Order{Kind: rules.EndPhase, Side: side}); err != nil {
				return err.Error()
			}
		}
	}
	return ""
}

type invariantError struct {
	o   rules.Order
	err error
}

func (e *invariantError) Error() string { return "after " + e.o.String() + ": " + e.err.Error() }

// randomOrder is an order for a random ship of the active side, legal or not.
func randomOrder(st *rules.State, rng *rand.Rand) rules.Order {
	side := st.Active
	sh := &st.Ships[rng.IntN(len(st.Ships))]
	o := rules.Order{Side: side, Ship: sh.ID, Target: rules.ShipID(rng.IntN(len(st.Ships)))}
	c := st.Class(sh)
	switch rng.IntN(8) {
	case 0, 1, 2:
		o.Kind = rules.Move
		at := sh.Pos
		for range 1 + rng.IntN(max(1, c.Speed)) {
			at = at.Neighbor(rng.IntN(6))
			o.Path = append(o.Path, at)
		}
	case 3, 4:
		o.Kind = rules.Attack
		if n := len(c.Weapons); n > 0 {
			o.Weapon = rng.IntN(n)
		}
		if tc := st.Class(&st.Ships[o.Target]); tc.Station && len(tc.Sections) > 0 {
			o.Section = tc.Sections[rng.IntN(len(tc.Sections))].ID
		}
	case 5:
		o.Kind = rules.LayMine
		if n := len(st.Fields[0].Positions); n > 0 {
			o.At = st.Fields[0].Positions[rng.IntN(n)]
		}
	case 6:
		o.Kind = rules.Board
	default:
		o.Kind = []rules.OrderKind{rules.Cloak, rules.Decloak, rules.Cover, rules.Evacuate, rules.Sabotage, rules.Withdraw}[rng.IntN(6)]
	}
	if o.Kind == rules.Move && len(o.Path) > rules.MaxPath {
		o.Path = o.Path[:rules.MaxPath]
	}
	return o
}
