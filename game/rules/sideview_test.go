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
)

func flagshipBattle(t testing.TB, seed uint64) *rules.State {
	t.Helper()
	st, err := flagship(t).NewState(seed)
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
	st := flagshipBattle(t, seed)
	cmd := [2]ai.Commander{ai.New(rules.SideA, ai.Normal), ai.New(rules.SideB, ai.Normal)}
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
		if len(st.Fields[0].Positions) > 0 && r.IntN(3) == 0 {
			c.At = st.Fields[0].Positions[r.IntN(len(st.Fields[0].Positions))]
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

// The engine's own check (State.Check) and the side's View.Check are one rule:
// they agree on every order, legal or not, with the same words; and no error
// names a ship the side does not see.
func TestCheckFromTheSidesView(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	checked, refused := 0, 0
	step := 0
	battle(t, 3, func(st *rules.State, o rules.Order) {
		step++
		if step%5 != 0 {
			return
		}
		v := st.View(st.Active)
		hidden := unseenNames(st, v)
		for _, c := range candidates(st, o, r) {
			e1, e2 := st.Check(c), v.Check(c)
			checked++
			if (e1 == nil) != (e2 == nil) || (e1 != nil && e1.Error() != e2.Error()) {
				t.Fatalf("turn %d, %v: State.Check %v, View.Check %v", st.Turn, c, e1, e2)
			}
			if e1 == nil {
				continue
			}
			refused++
			if hidden != nil && hidden.MatchString(e1.Error()) {
				t.Fatalf("turn %d: the %s is told %q, naming a ship it does not see", st.Turn, st.Active, e1)
			}
		}
	}, plainApply)
	t.Logf("%d orders checked both ways, %d refused; %d sets about hidden ships", checked, refused, hiddenCandidates)
	if refused == 0 || refused == checked {
		t.Fatalf("the candidates were all legal or all refused: %d of %d", refused, checked)
	}
}

// Every option the engine enumerates is a legal order, and every legal order
// a ship could be given (among many candidates) is among its options.
func TestOptionsAreTheLegalOrders(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	step, options, found := 0, 0, 0
	battle(t, 5, func(st *rules.State, o rules.Order) {
		step++
		if step%7 != 0 || st.Phase != rules.Battle {
			return
		}
		v := st.View(st.Active)
		opts := map[rules.ShipID]rules.Options{}
		for i := range v.Ships {
			sh := &v.Ships[i]
			// Every ship of a small side; of a large one, the ship that acts
			// and a few others.
			if sh.Side != v.Side || (sh.ID != o.Ship && i%23 != step%23 && len(v.Ships) > 40) {
				continue
			}
			op := v.Options(sh.ID)
			opts[sh.ID] = op
			for _, ord := range optionOrders(v, &op) {
				options++
				if err := st.Check(ord); err != nil {
					t.Fatalf("turn %d: option %v refused: %v", st.Turn, ord, err)
				}
			}
		}
		for _, c := range candidates(st, o, r) {
			if c.Kind == rules.EndPhase || st.Check(c) != nil {
				continue
			}
			op, ok := opts[c.Ship]
			if !ok {
				continue
			}
			if !hasOption(v, &op, c) {
				t.Fatalf("turn %d: legal order %v is not among the options %+v", st.Turn, c, op)
			}
			found++
		}
	}, plainApply)
	t.Logf("%d options, all legal; %d legal candidates, all among the options", options, found)
	if options == 0 || found == 0 {
		t.Fatal("nothing was compared")
	}
}

// optionOrders writes a ship's options as orders.
func optionOrders(v *rules.View, op *rules.Options) []rules.Order {
	base := rules.Order{Side: v.Side, Ship: op.Ship}
	var out []rules.Order
	for _, m := range op.Moves {
		p, ok := v.Path(op.Ship, m.Hex)
		if !ok {
			panic("no path to an option's hex")
		}
		o := base
		o.Kind, o.Path = rules.Move, p
		out = append(out, o)
	}
	for _, a := range op.Attacks {
		out = append(out, a.Order(v.Side, op.Ship))
	}
	for _, h := range op.Mines {
		o := base
		o.Kind, o.At = rules.LayMine, h
		out = append(out, o)
	}
	for _, w := range op.Wards {
		o := base
		o.Kind, o.Target = rules.Cover, w
		out = append(out, o)
	}
	for _, b := range op.Boards {
		o := base
		o.Kind, o.Target = rules.Board, b
		out = append(out, o)
	}
	for k, ok := range map[rules.OrderKind]bool{rules.Cloak: op.Cloak, rules.Decloak: op.Decloak, rules.Evacuate: op.Evacuate, rules.Sabotage: op.Sabotage, rules.Withdraw: op.Withdraw} {
		if ok {
			o := base
			o.Kind = k
			out = append(out, o)
		}
	}
	return out
}

func hasOption(v *rules.View, op *rules.Options, o rules.Order) bool {
	switch o.Kind {
	case rules.Move:
		end := o.Path[len(o.Path)-1]
		if end == v.Ship(o.Ship).Pos {
			return true // a loop back to where it stands: no move worth listing
		}
		return slices.ContainsFunc(op.Moves, func(r hex.Reach) bool { return r.Hex == end })
	case rules.Attack:
		return slices.ContainsFunc(op.Attacks, func(a rules.AttackOption) bool {
			return a.Weapon == o.Weapon && a.Target == o.Target && a.Section == o.Section
		})
	case rules.LayMine:
		return slices.Contains(op.Mines, o.At)
	case rules.Cover:
		return slices.Contains(op.Wards, o.Target)
	case rules.Board:
		return slices.Contains(op.Boards, o.Target)
	case rules.Cloak:
		return op.Cloak
	case rules.Decloak:
		return op.Decloak
	case rules.Evacuate:
		return op.Evacuate
	case rules.Sabotage:
		return op.Sabotage
	case rules.Withdraw:
		return op.Withdraw
	}
	return true
}

// What a side is told of each order names only ships in its view before or
// after the order (or its own); both sides are told something, and not the
// same things.
func TestToldNamesOnlyWhatTheSideSees(t *testing.T) {
	var told [2]int
	differ := 0
	for _, seed := range []uint64{1, 2} {
		var before [2][]rules.ShipID
		battle(t, seed, func(st *rules.State, o rules.Order) {
			for _, side := range rules.Sides {
				before[side] = st.InView(side)
			}
		}, func(st *rules.State, o rules.Order) error {
			all, tl, err := st.ApplyRedacted(o)
			if err != nil {
				return err
			}
			for _, side := range rules.Sides {
				after := st.InView(side)
				for _, e := range tl[side] {
					for _, id := range named(e) {
						if !slices.Contains(before[side], id) && !slices.Contains(after, id) {
							t.Fatalf("turn %d, order %v: the %s is told %+v, naming ship %d (%s) it never saw", st.Turn, o, side, e, id, st.Ship(id).Name)
						}
					}
				}
				told[side] += len(tl[side])
			}
			if len(tl[0]) != len(tl[1]) || len(tl[0]) != len(all) {
				differ++
			}
			return nil
		})
	}
	t.Logf("told: alliance %d events, dominion %d; %d orders told differently", told[0], told[1], differ)
	if told[0] == 0 || told[1] == 0 || differ == 0 {
		t.Fatal("the redaction told one side nothing, or both sides everything")
	}
}

// named lists the ships an event names.
func named(e rules.Event) []rules.ShipID {
	var out []rules.ShipID
	ship, target := e.Named()
	for _, id := range []rules.ShipID{ship, target} {
		if id != rules.NoShip {
			out = append(out, id)
		}
	}
	return out
}
