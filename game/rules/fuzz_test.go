package rules_test

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/calltoarms/ds9/game/ai"
	"github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/scenarios"
)

// The flagship battle, loaded once: the fuzzer starts every input from it.
var (
	flagshipOnce sync.Once
	flagshipSc   *scenario.Scenario
	flagshipErr  error
)

func flagship(t testing.TB) *scenario.Scenario {
	t.Helper()
	flagshipOnce.Do(func() { flagshipSc, flagshipErr = scenario.Load(scenarios.FS, "second-battle-of-ds9.yaml") })
	if flagshipErr != nil {
		t.Fatal(flagshipErr)
	}
	return flagshipSc
}

// orderDecoder turns fuzz bytes into orders of every kind, for either side,
// legal and not: ships, targets, weapons, sections, paths and mine positions
// are mostly drawn from the state (so that many orders are legal and the
// battle goes on), and otherwise raw (out of range, negative, off the map,
// not adjacent). Past the end of its bytes it reads zeros.
//
// A kind byte below commanderBelow asks the baseline commander (game/ai) for
// the active side's next order instead, and fastForward has it play the rest
// of the phase at once, so that a few bytes play far into the battle, with
// random orders in between.
type orderDecoder struct {
	data []byte
	i    int

	queue        []rules.Order // the commander's orders for the phase
	qTurn        int
	qSide        rules.Side
	qPhase       rules.Phase
	commanderFed bool
}

const (
	commanderBelow = 96
	fastForward    = commanderBelow - 1
)

// playPhase has the baseline commander play the rest of the active side's
// phase, its orders applied without the per-order checks, and closes it.
func (d *orderDecoder) playPhase(t *testing.T, st *rules.State) {
	t.Helper()
	turn, side, phase := st.Turn, st.Active, st.Phase
	for round := 0; round < 4 && st.Turn == turn && st.Active == side && st.Phase == phase; round++ {
		applied := 0
		for _, o := range (ai.Baseline{}).Orders(st.View(side)) {
			if _, err := st.Apply(o); err == nil {
				applied++
			}
		}
		if applied == 0 {
			break
		}
	}
	if st.Turn == turn && st.Active == side && st.Phase == phase {
		closing := rules.Order{Kind: rules.EndPhase, Side: side}
		if phase == rules.Parley {
			closing.Kind = rules.AnswerTerms
		}
		if _, err := st.Apply(closing); err != nil {
			t.Fatalf("turn %d: closing the %s's phase: %v", turn, side, err)
		}
	}
	d.commanderFed = false
	if err := st.CheckInvariants(); err != nil {
		t.Fatalf("turn %d, after the %s's phase played by the commander: %v", turn, side, err)
	}
}

// commander returns the baseline commander's next order for the active side,
// or the phase's closing order when it has none left.
func (d *orderDecoder) commander(st *rules.State) rules.Order {
	if !d.commanderFed || d.qTurn != st.Turn || d.qSide != st.Active || d.qPhase != st.Phase {
		d.queue = ai.Baseline{}.Orders(st.View(st.Active))
		d.qTurn, d.qSide, d.qPhase, d.commanderFed = st.Turn, st.Active, st.Phase, true
	}
	if len(d.queue) == 0 {
		d.commanderFed = false
		if st.Phase == rules.Parley {
			return rules.Order{Kind: rules.AnswerTerms, Side: st.Active}
		}
		return rules.Order{Kind: rules.EndPhase, Side: st.Active}
	}
	o := d.queue[0]
	d.queue = d.queue[1:]
	return o
}

func (d *orderDecoder) more() bool { return d.i < len(d.data) }

func (d *orderDecoder) byte() int {
	if d.i >= len(d.data) {
		return 0
	}
	b := d.data[d.i]
	d.i++
	return int(b)
}

// raw is a signed 16-bit number: ids and indexes far out of range, negative.
func (d *orderDecoder) raw() int { return int(int16(uint16(d.byte())<<8 | uint16(d.byte()))) }

func (d *orderDecoder) pick(n int) int {
	if n == 0 {
		return 0
	}
	return d.byte() % n
}

// ship picks a ship: mostly a live one of the side (or of the other side),
// sometimes any id at all.
func (d *orderDecoder) ship(st *rules.State, side rules.Side) rules.ShipID {
	mode := d.byte()
	switch mode % 8 {
	case 6:
		side = 1 - side
	case 7:
		return rules.ShipID(d.raw())
	}
	var ids []rules.ShipID
	for i := range st.Ships {
		if sh := &st.Ships[i]; sh.Side == side && (sh.Alive() || mode%8 == 5) {
			ids = append(ids, sh.ID)
		}
	}
	if len(ids) == 0 {
		return rules.ShipID(d.raw())
	}
	return ids[d.pick(len(ids))]
}

// target picks a target for a ship: mostly one of the nearest ships of the
// side that the ship's side sees, otherwise as ship does.
func (d *orderDecoder) target(st *rules.State, from rules.ShipID, side rules.Side) rules.ShipID {
	a := st.Ship(from)
	if a == nil || d.byte()%4 == 0 {
		return d.ship(st, side)
	}
	v := st.View(a.Side)
	var near []*rules.Ship
	for i := range v.Ships {
		if sh := &v.Ships[i]; sh.Side == side && sh.Alive() && sh.ID != from {
			near = append(near, sh)
		}
	}
	if len(near) == 0 {
		return d.ship(st, side)
	}
	slices.SortFunc(near, func(x, y *rules.Ship) int {
		return cmp.Or(hex.Distance(x.Pos, a.Pos)-hex.Distance(y.Pos, a.Pos), int(x.ID-y.ID))
	})
	return near[d.pick(min(len(near), 4))].ID
}

// hexNear is a hex near h, or anywhere (off the map too).
func (d *orderDecoder) hexNear(h hex.Hex) hex.Hex {
	if d.byte()%4 == 0 {
		return hex.Hex{Q: d.raw(), R: d.raw()}
	}
	return h.Add(hex.Hex{Q: int(int8(d.byte())) % 8, R: int(int8(d.byte())) % 8})
}

// path is a path from the ship's position: a reachable end by the engine's own
// path finding, adjacent steps in drawn directions, or anything.
func (d *orderDecoder) path(st *rules.State, o rules.Order) []hex.Hex {
	from := hex.Hex{}
	if sh := st.Ship(o.Ship); sh != nil {
		from = sh.Pos
	}
	mode := d.byte()
	if mode%3 == 0 && st.Ship(o.Ship) != nil && o.Side.Valid() {
		v := st.View(o.Side)
		if v.Ship(o.Ship) != nil {
			ends, all := v.Reachable(o.Ship)
			if len(ends) > 0 {
				if p, ok := hex.PathTo(all, from, ends[d.pick(len(ends))].Hex); ok {
					return p
				}
			}
		}
	}
	n := d.byte() % 9
	if n == 8 {
		n = 8 + d.byte() // long paths, up to 263 steps
	}
	p := make([]hex.Hex, n)
	at := from
	for i := range p {
		b := d.byte()
		if b >= 224 {
			at = d.hexNear(at) // not adjacent, maybe off the map
		} else {
			at = at.Add(hex.Directions[b%6])
		}
		p[i] = at
	}
	return p
}

func (d *orderDecoder) order(st *rules.State) rules.Order {
	var o rules.Order
	k := d.byte()
	if k < commanderBelow {
		return d.commander(st)
	}
	o.Kind = rules.OrderKind(k % 18) // 17: one past the last kind
	if k >= 250 {
		o.Kind = rules.OrderKind(k)
	}
	switch s := d.byte(); {
	case s < 200:
		o.Side = st.Active
	case s < 250:
		o.Side = 1 - st.Active
	default:
		o.Side = rules.Side(s) // invalid
	}
	side := o.Side
	if !side.Valid() {
		side = st.Active
	}
	o.Ship = d.ship(st, side)
	switch o.Kind {
	case rules.Move:
		o.Path = d.path(st, o)
	case rules.Attack, rules.Cover, rules.Board:
		tside := 1 - side
		if o.Kind == rules.Cover {
			tside = side
		}
		o.Target = d.target(st, o.Ship, tside)
		if o.Kind == rules.Attack {
			o.Weapon = d.raw()
			if a := st.Ship(o.Ship); a != nil && d.byte() < 224 {
				o.Weapon = d.pick(max(len(st.Class(a).Weapons), 1))
			}
			if t := st.Ship(o.Target); t != nil && d.byte() < 224 {
				if secs := st.Class(t).Sections; len(secs) > 0 {
					o.Section = secs[d.pick(len(secs))].ID
				}
			} else {
				o.Section = d.raw()
			}
		}
	case rules.LayMine:
		if pos := st.Fields[0].Positions; len(pos) > 0 && d.byte()%4 != 0 {
			o.At = pos[d.pick(len(pos))]
		} else if sh := st.Ship(o.Ship); sh != nil {
			o.At = d.hexNear(sh.Pos)
		} else {
			o.At = d.hexNear(hex.Hex{})
		}
	case rules.AnswerTerms:
		o.Accept = d.byte()%16 == 0
	case rules.Repair, rules.Reroute:
		if sh := st.Ship(o.Ship); sh != nil && d.byte() < 224 {
			if secs := st.Class(sh).Sections; len(secs) > 0 {
				o.Section = secs[d.pick(len(secs))].ID
			}
		} else {
			o.Section = d.raw()
		}
	case rules.Command:
		o.Wing = d.pick(len(st.Wings) + 1)
		if d.byte()%8 == 0 {
			o.Wing = d.raw()
		}
		o.Directive = rules.Directive(d.byte() % 6) // 5: one past the last
		o.Target = d.target(st, o.Ship, 1-side)
		if t := st.Ship(o.Target); t != nil {
			if secs := st.Class(t).Sections; len(secs) > 0 {
				o.Section = secs[d.pick(len(secs))].ID
			}
		}
		o.At = d.hexNear(hex.Hex{Q: 18, R: 18})
	default:
		// Fields that the kind ignores, set anyway now and then.
		if d.byte()%8 == 0 {
			o.Target, o.Weapon, o.Section = rules.ShipID(d.raw()), d.raw(), d.raw()
			o.Path = []hex.Hex{{Q: d.raw(), R: d.raw()}}
			o.At = hex.Hex{Q: d.raw(), R: d.raw()}
			o.Accept = true
		}
	}
	return o
}

// applyChecked applies one order and checks what the engine promises: Check
// and Apply agree; a refused order returns no events and leaves the state
// exactly as it was, deeply and by its checksum; the invariants hold after
// every order. (Apply runs Check first, so a Check that changed the state
// would show as a refused order that changed it.) sum caches the state's
// checksum between orders (0: not known).
func applyChecked(t *testing.T, st *rules.State, o rules.Order, n int, sum *uint64) error {
	t.Helper()
	before := st.Clone()
	checkErr := st.Check(o)
	ev, err := st.Apply(o)
	if (checkErr == nil) != (err == nil) {
		t.Fatalf("order %d, %s: Check says %v, Apply says %v", n, o, checkErr, err)
	}
	if err != nil {
		if ev != nil {
			t.Fatalf("order %d, %s: refused (%v) but returned %d events", n, o, err, len(ev))
		}
		if !reflect.DeepEqual(before, st) {
			t.Fatalf("order %d, %s: refused (%v) but the state changed: %s", n, o, err, stateDiff(before, st))
		}
		if *sum == 0 {
			*sum = before.Checksum() // a clone has its original's checksum (TestChecksum)
		}
		if got := st.Checksum(); got != *sum {
			t.Fatalf("order %d, %s: refused (%v) but the checksum changed %016x -> %016x", n, o, err, *sum, got)
		}
	} else {
		*sum = 0
	}
	if ierr := st.CheckInvariants(); ierr != nil {
		t.Fatalf("order %d, %s (err %v): invariants: %v", n, o, err, ierr)
	}
	return err
}

// stateDiff names the exported fields, or the ships, in which two states differ.
func stateDiff(a, b *rules.State) string {
	va, vb := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	var out []string
	for i := range va.NumField() {
		f := va.Type().Field(i)
		if !f.IsExported() {
			continue
		}
		if f.Name == "Ships" {
			for j := range min(len(a.Ships), len(b.Ships)) {
				if !reflect.DeepEqual(a.Ships[j], b.Ships[j]) {
					out = append(out, fmt.Sprintf("ship %d: %+v -> %+v", j, a.Ships[j], b.Ships[j]))
				}
			}
			continue
		}
		if !reflect.DeepEqual(va.Field(i).Interface(), vb.Field(i).Interface()) {
			out = append(out, f.Name)
		}
	}
	if len(out) == 0 {
		return "unexported fields only"
	}
	return fmt.Sprint(out)
}

// maxFuzzOrders bounds the checked orders of one input, and so the time one
// input takes (the fuzzer calls a worker that takes seconds hung).
const maxFuzzOrders = 400

// FuzzApply plays random orders of every kind, from both sides, on the
// flagship battle: the first byte picks the seed, the rest are decoded into
// orders (orderDecoder). See applyChecked for what must hold.
func FuzzApply(f *testing.F) {
	sc := flagship(f)
	// Seeds: the baseline commanders playing the first phases order by order;
	// whole phases fast-forwarded with random orders and commander orders in
	// between, to the end of the battle; the terms accepted; random bytes.
	f.Add(append([]byte{1}, make([]byte, 300)...))
	r := rand.New(rand.NewPCG(1, 2))
	for seed := range byte(2) {
		mixed := []byte{2 + seed}
		for range 24 {
			mixed = append(mixed, fastForward)
			for range 6 {
				if r.IntN(2) == 0 {
					mixed = append(mixed, 0)
				} else {
					mixed = append(mixed, byte(commanderBelow+r.IntN(256-commanderBelow)))
				}
			}
		}
		f.Add(mixed)
	}
	f.Add([]byte{4, 104, 0, 0, 0, 0}) // answer-terms (104 % 13), the active side, its first ship, accepted
	for range 3 {
		b := make([]byte, 300)
		for i := range b {
			b[i] = byte(r.Uint32())
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRun(t, sc, data, nil) })
}

// fuzzRun plays one input: the first byte picks the seed, the rest are
// decoded into orders, each checked by applyChecked, or fast-forwarded phases.
// legal, when not nil, counts the legal orders by kind.
func fuzzRun(t *testing.T, sc *scenario.Scenario, data []byte, legal map[rules.OrderKind]int) *rules.State {
	t.Helper()
	if len(data) == 0 {
		return nil
	}
	st, err := sc.NewState(uint64(data[0]))
	if err != nil {
		t.Fatal(err)
	}
	d := &orderDecoder{data: data[1:]}
	var sum uint64
	for n := 1; n <= maxFuzzOrders && d.more() && st.Phase != rules.Over; n++ {
		if d.data[d.i] == fastForward {
			d.i++
			d.playPhase(t, st)
			looks(st)
			sum = 0
			continue
		}
		o := d.order(st)
		if applyChecked(t, st, o, n, &sum) == nil && legal != nil {
			legal[o.Kind]++
		}
	}
	looks(st)
	return st
}

// looks asks for both sides' views and the summary: none may fail.
func looks(st *rules.State) {
	for _, side := range rules.Sides {
		_ = st.View(side)
	}
	_ = st.Summarize()
}

// TestFuzzDecoderReachesTheBattle: random inputs give legal orders of the
// main kinds and get past the first turn, commander orders alone play on, and
// fast-forwarded phases reach the end of the battle: the fuzzer starts from
// more than refusals.
func TestFuzzDecoderReachesTheBattle(t *testing.T) {
	sc := flagship(t)
	r := rand.New(rand.NewPCG(3, 4))
	legal := map[rules.OrderKind]int{}
	turns := 0
	for range 6 {
		data := make([]byte, 1+maxFuzzOrders*4)
		for i := range data {
			data[i] = byte(r.Uint32())
		}
		binary.LittleEndian.PutUint16(data[1:], 0) // answer the terms, active side
		turns = max(turns, fuzzRun(t, sc, data, legal).Turn)
	}
	t.Logf("random bytes: legal orders by kind %v; furthest turn %d", legal, turns)
	for _, k := range []rules.OrderKind{rules.AnswerTerms, rules.Move, rules.Attack, rules.EndPhase} {
		if legal[k] == 0 {
			t.Errorf("no legal %s order decoded", k)
		}
	}
	if turns < 2 {
		t.Errorf("the decoded orders never got past turn %d", turns)
	}
	// Zeros: the baseline commander's orders, one by one.
	if st := fuzzRun(t, sc, make([]byte, 1+maxFuzzOrders), nil); st.Turn < 2 {
		t.Errorf("%d commander orders did not get past turn %d", maxFuzzOrders, st.Turn)
	}
	// Fast-forwarded phases: the whole battle.
	ff := []byte{1}
	for range 2 * 30 {
		ff = append(ff, fastForward)
	}
	st := fuzzRun(t, sc, ff, nil)
	if st.Phase != rules.Over {
		t.Errorf("fast-forwarded phases did not end the battle: turn %d", st.Turn)
	}
	t.Logf("fast-forwarded: %s after %d turns", st.Outcome, st.Turn)
}
