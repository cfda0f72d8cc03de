package rules

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/calltoarms/ds9/game/hex"
)

// battle is a small battle with something of everything, and a script of orders.
func battle(t testing.TB) (*builder, []Order) {
	b := newBuilder(t)
	pos := mineRow()
	b.mines(pos, pos[0], pos[1])
	st := b.ship(clsStation, SideA, stationAt)
	def := b.ship(clsDefiant, SideA, step(stationAt, 1, 4))
	bop := b.ship(clsBoP, SideA, step(stationAt, 0, 4))
	ring := hex.Ring(stationAt, 2)
	var jems []ShipID
	for i := range 4 {
		jems = append(jems, b.ship(clsJem, SideB, ring[i*3]))
	}
	hunterA := b.ship(clsJem, SideB, step(step(stationAt, 1, 4), 0, 2))
	hunterB := b.ship(clsJem, SideB, step(step(stationAt, 0, 4), 0, 2))
	runner := b.ship(clsJem, SideB, step(pos[0], 3, 1))

	var script []Order
	for turn := range 3 {
		script = append(script,
			atk(SideA, def, 0, hunterA, 0),
			atk(SideA, bop, 0, hunterB, 0),
			atk(SideA, st, 1, jems[turn], 0),
			atk(SideA, st, 0, jems[turn+1], 0),
			endPhase(SideA),
			atk(SideB, hunterA, 0, def, 0),
			atk(SideB, hunterB, 0, bop, 0),
		)
		for _, j := range jems {
			script = append(script, atk(SideB, j, 0, st, secHabitat))
		}
		if turn == 0 {
			script = append(script, mv(SideB, runner, pos[0], step(pos[0], 5, 1)))
		}
		script = append(script, endPhase(SideB))
	}
	return b, script
}

type run struct {
	sums   []uint64
	events [][]Event
	errs   []string
	hulls  []int
}

func play(t testing.TB, seed uint64) run {
	b, script := battle(t)
	s := b.startSeed(seed)
	var r run
	for _, o := range script {
		ev, err := s.Apply(o)
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		r.errs = append(r.errs, msg)
		r.events = append(r.events, ev)
		r.sums = append(r.sums, s.Checksum())
	}
	for i := range s.Ships {
		r.hulls = append(r.hulls, s.Ships[i].Hull, s.Ships[i].Shields)
		r.hulls = append(r.hulls, s.Ships[i].Section...)
	}
	return r
}

// shots is the hit/miss sequence of a run: one letter a shot, H or M.
func (r run) shots() string {
	var b strings.Builder
	for _, ev := range r.events {
		for _, e := range ev {
			switch e.Kind {
			case Hit:
				b.WriteByte('H')
			case Missed:
				b.WriteByte('M')
			}
		}
	}
	return b.String()
}

// TestDeterminism: the same seed and orders give the same events, errors and
// checksums; other seeds give other hit/miss sequences and other damage. The
// checksum hashes the seed in, so comparing checksums across seeds would prove
// nothing: this compares what the dice decide.
func TestDeterminism(t *testing.T) {
	for _, seed := range []uint64{42, 1, 2} {
		a, b := play(t, seed), play(t, seed)
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("seed %d: same seed and orders gave different results", seed)
		}
	}
	a := play(t, 42)
	for i, e := range a.errs {
		if e != "" && i < 4 {
			t.Fatalf("script order %d illegal: %s", i, e)
		}
	}
	if n := len(a.shots()); n < 40 {
		t.Fatalf("only %d shots: the script does too little", n)
	}
	seqs := map[string]uint64{}
	damage := map[string]bool{}
	const seeds = 8
	for seed := uint64(1); seed <= seeds; seed++ {
		r := play(t, seed)
		sh := r.shots()
		if !strings.Contains(sh, "H") || !strings.Contains(sh, "M") {
			t.Errorf("seed %d: shots %s: all hits or all misses", seed, sh)
		}
		if other, ok := seqs[sh]; ok {
			t.Errorf("seeds %d and %d gave the same hit/miss sequence %s", other, seed, sh)
		} else {
			seqs[sh] = seed
		}
		damage[fmt.Sprint(r.hulls)] = true
	}
	if len(damage) < seeds/2 {
		t.Errorf("%d seeds left only %d different states of damage", seeds, len(damage))
	}
}

// TestHitRateFollowsChance: over many seeds, shots hit as often as the hit
// chance says (within four standard deviations), so the generator is neither
// stuck nor biased.
func TestHitRateFollowsChance(t *testing.T) {
	b := newBuilder(t)
	d := at(8, 6)
	def := b.ship(clsDefiant, SideA, d)
	jem := b.ship(clsJem, SideB, step(d, 0, 1))
	w := &b.Classes[clsDefiant].Weapons[0]
	p := HitChance(w, 1, b.Classes[clsJem].Evasion, 0, false)
	if p <= MinHit || p >= MaxHit {
		t.Fatalf("hit chance %d: pick a shot whose chance is not at a bound", p)
	}
	const seeds = 500
	hits, shots := 0, 0
	for seed := uint64(1); seed <= seeds; seed++ {
		s := b.startSeed(seed)
		ev := apply(t, s, atk(SideA, def, 0, jem, 0))
		hits += count(ev, Hit)
		shots += count(ev, Hit) + count(ev, Missed)
	}
	if shots != seeds*w.Shots {
		t.Fatalf("%d shots, want %d", shots, seeds*w.Shots)
	}
	want := float64(p) / 100
	got := float64(hits) / float64(shots)
	sd := math.Sqrt(want * (1 - want) / float64(shots))
	t.Logf("%d of %d shots hit (%.3f); the hit chance is %d%%", hits, shots, got, p)
	if math.Abs(got-want) > 4*sd {
		t.Errorf("%d of %d shots hit (%.3f), the hit chance is %d%%: off by more than 4 standard deviations (%.3f)", hits, shots, got, p, 4*sd)
	}
}

// TestChecksum: two different legal orders from the same state lead to
// different checksums, the same order to the same one.
func TestChecksum(t *testing.T) {
	b, _ := battle(t)
	s := b.start()
	c := s.Clone()
	if s.Checksum() != c.Checksum() || len(s.ChecksumHex()) != 16 {
		t.Fatal("clone checksum")
	}
	if b.start().Checksum() != s.Checksum() {
		t.Fatal("a fresh state of the same setup and seed has another checksum")
	}
	def, st := ShipID(1), ShipID(0)
	if !s.Classes[s.Ships[def].Class].Minelayer || !s.Classes[s.Ships[st].Class].Station {
		t.Fatal("the battle's ships are not where the test expects")
	}

	// differ applies two legal orders to two copies of base and wants their
	// checksums to differ; the same order twice must give equal ones.
	differ := func(what string, base *State, o1, o2 Order) {
		t.Helper()
		if reflect.DeepEqual(o1, o2) {
			t.Fatalf("%s: the two orders are the same", what)
		}
		a, b, a2 := base.Clone(), base.Clone(), base.Clone()
		apply(t, a, o1)
		apply(t, b, o2)
		apply(t, a2, o1)
		if a.Checksum() == b.Checksum() {
			t.Errorf("%s: %s and %s give the same checksum %s", what, o1, o2, a.ChecksumHex())
		}
		if a.Checksum() != a2.Checksum() {
			t.Errorf("%s: %s twice from the same state gives checksums %s and %s", what, o1, a.ChecksumHex(), a2.ChecksumHex())
		}
		if a.Checksum() == base.Checksum() {
			t.Errorf("%s: %s left the checksum as it was", what, o1)
		}
	}
	// hitting is a state of the battle, of some seed, where o hits: two attacks
	// that both miss leave two equal states, whatever they fired at.
	hitting := func(o Order) *State {
		t.Helper()
		for seed := uint64(1); seed <= 50; seed++ {
			st := b.startSeed(seed)
			if ev := apply(t, st.Clone(), o); count(ev, Hit) > 0 {
				return st
			}
		}
		t.Fatalf("%s never hits", o)
		return nil
	}

	// Another legal destination: the Defiant moves one hex one way or another.
	var moves []Order
	for dir := range 6 {
		if o := mv(SideA, def, step(s.Ships[def].Pos, dir, 1)); s.Check(o) == nil {
			moves = append(moves, o)
		}
	}
	if len(moves) < 2 {
		t.Fatalf("the Defiant has %d legal one-hex moves, want two", len(moves))
	}
	differ("destination", s, moves[0], moves[1])
	// A longer path the same way: two hexes instead of one.
	two := mv(SideA, def, moves[0].Path[0], step(moves[0].Path[0], 5, 1))
	if err := s.Check(two); err != nil {
		t.Fatalf("%s: %v", two, err)
	}
	differ("path length", s, moves[0], two)
	// Another target, and another weapon on the same target.
	jemA, jemB := ShipID(3), ShipID(4)
	torpA := atk(SideA, st, 1, jemA, 0)
	differ("target", hitting(torpA), torpA, atk(SideA, st, 1, jemB, 0))
	phaser := atk(SideA, st, 0, jemA, 0)
	if err := s.Check(phaser); err != nil {
		t.Fatalf("%s: %v", phaser, err)
	}
	differ("weapon", hitting(phaser), phaser, torpA)
	// An action spent: cloaking, against doing nothing.
	cl := s.Clone()
	apply(t, cl, order(Cloak, SideA, def))
	apply(t, cl, order(Decloak, SideA, def))
	if cl.Checksum() == s.Checksum() {
		t.Fatal("cloak and decloak left the checksum as it was though the action is spent")
	}
	// The seed is hashed in: the same setup with another seed, before any die is
	// rolled, has another checksum.
	if b.startSeed(2).Checksum() == s.Checksum() {
		t.Fatal("seed not in the checksum")
	}
}
