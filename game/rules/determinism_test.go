package rules

import (
	"reflect"
	"testing"

	"github.com/calltoarms/ds9/game/hex"
)

// battle is a small battle with something of everything, and a script of orders.
func battle(t testing.TB) (*builder, []Order) {
	b := newBuilder(t)
	pos := mineRow()
	b.mines(pos, pos[0], pos[1])
	st := b.ship(clsStation, Alliance, stationAt)
	def := b.ship(clsDefiant, Alliance, step(stationAt, 1, 4))
	bop := b.ship(clsBoP, Alliance, step(stationAt, 0, 4))
	ring := hex.Ring(stationAt, 2)
	var jems []ShipID
	for i := range 4 {
		jems = append(jems, b.ship(clsJem, Dominion, ring[i*3]))
	}
	hunterA := b.ship(clsJem, Dominion, step(step(stationAt, 1, 4), 0, 2))
	hunterB := b.ship(clsJem, Dominion, step(step(stationAt, 0, 4), 0, 2))
	runner := b.ship(clsJem, Dominion, step(pos[0], 3, 1))

	var script []Order
	for turn := range 3 {
		script = append(script,
			atk(Alliance, def, 0, hunterA, 0),
			atk(Alliance, bop, 0, hunterB, 0),
			atk(Alliance, st, 1, jems[turn], 0),
			atk(Alliance, st, 0, jems[turn+1], 0),
			endPhase(Alliance),
			atk(Dominion, hunterA, 0, def, 0),
			atk(Dominion, hunterB, 0, bop, 0),
		)
		for _, j := range jems {
			script = append(script, atk(Dominion, j, 0, st, secHabitat))
		}
		if turn == 0 {
			script = append(script, mv(Dominion, runner, pos[0], step(pos[0], 5, 1)))
		}
		script = append(script, endPhase(Dominion))
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

func TestDeterminism(t *testing.T) {
	a, b := play(t, 42), play(t, 42)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same seed and orders gave different results")
	}
	for i, e := range a.errs {
		if e != "" && i < 4 {
			t.Fatalf("script order %d illegal: %s", i, e)
		}
	}
	nFired := 0
	for _, ev := range a.events {
		nFired += count(ev, Fired)
	}
	if nFired < 20 {
		t.Fatalf("only %d volleys: the script does too little", nFired)
	}
	differ := 0
	for seed := uint64(1); seed <= 5; seed++ {
		c := play(t, seed)
		if c.sums[len(c.sums)-1] == a.sums[len(a.sums)-1] {
			t.Fatalf("seed %d gave the same final checksum as seed 42", seed)
		}
		if !reflect.DeepEqual(c.hulls, a.hulls) {
			differ++
		}
	}
	if differ == 0 {
		t.Fatal("five other seeds all gave seed 42's damage")
	}
}

func TestChecksum(t *testing.T) {
	b, _ := battle(t)
	s := b.start()
	c := s.Clone()
	if s.Checksum() != c.Checksum() || len(s.ChecksumHex()) != 16 {
		t.Fatal("clone checksum")
	}
	apply(t, c, order(Cloak, Alliance, 1))
	if s.Checksum() == c.Checksum() {
		t.Fatal("cloaking did not change the checksum")
	}
	apply(t, c, order(Decloak, Alliance, 1))
	if s.Checksum() == c.Checksum() {
		t.Fatal("cloak and decloak left the checksum as it was though the action is spent")
	}
	// The same seed in a fresh state gives the same checksum.
	if b.start().Checksum() != s.Checksum() {
		t.Fatal("fresh state")
	}
	if b.startSeed(2).Checksum() == s.Checksum() {
		t.Fatal("seed not in the checksum")
	}
}
