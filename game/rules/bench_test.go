package rules

import (
	"testing"

	"github.com/calltoarms/ds9/game/hex"
)

// benchBattle is a 60x40 map with a station, a cloaked Defiant, a Bird-of-Prey
// and 297 Jem'Hadar ships: the size of the flagship battle. It is the
// Dominion's phase.
type benchIDs struct {
	st, def, bop, mover, shooter ShipID
	path                         []hex.Hex
}

func benchBattle(b *testing.B) (*State, benchIDs) {
	bb := newBuilder(b)
	const cols, rows = 60, 40
	bb.Map = Map{Cols: cols, Rows: rows, Terrain: make([]Terrain, cols*rows)}
	for row := 5; row < 35; row++ {
		bb.terrain(Belt, at(20, row)) // the plasma belt: sight lines to test
	}
	bb.First = SideB
	var ids benchIDs
	ids.st = bb.ship(clsStation, SideA, at(8, 20))
	ids.def = bb.cloaked(clsDefiant, SideA, at(14, 8))
	ids.bop = bb.ship(clsBoP, SideA, at(30, 20))
	ids.shooter = bb.ship(clsJem, SideB, step(at(30, 20), 0, 2))
	n := 0
	for col := 36; col < cols && n < 295; col++ {
		for row := 0; row < rows && n < 295; row += 2 {
			bb.ship(clsJem, SideB, at(col, row))
			n++
		}
	}
	// The mover: in a clear lane, five steps of open space towards the station.
	start := at(26, 30)
	ids.mover = bb.ship(clsJem, SideB, start)
	ids.path = line(start, 3, 5)
	s := bb.start()
	if len(s.Ships) != 300 {
		b.Fatalf("%d ships", len(s.Ships))
	}
	if err := s.Check(mv(SideB, ids.mover, ids.path...)); err != nil {
		b.Fatal(err)
	}
	if err := s.Check(atk(SideB, ids.shooter, 0, ids.bop, 0)); err != nil {
		b.Fatal(err)
	}
	return s, ids
}

// BenchmarkApplyMove measures one five-step Move; between iterations the mover
// is put back by a few field writes (no Apply, no allocation).
func BenchmarkApplyMove(b *testing.B) {
	s, ids := benchBattle(b)
	sh := &s.Ships[ids.mover]
	start, mp := sh.Pos, sh.MP
	o := mv(SideB, ids.mover, ids.path...)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Apply(o); err != nil {
			b.Fatal(err)
		}
		s.occ[s.Map.Index(sh.Pos)] = 0
		sh.Pos, sh.MP = start, mp
		s.occ[s.Map.Index(start)] = int32(sh.ID) + 1
	}
}

// BenchmarkApplyAttack measures one Attack (two shots); the target's hull and
// shields and the attacker's action are restored between iterations.
func BenchmarkApplyAttack(b *testing.B) {
	s, ids := benchBattle(b)
	a, t := &s.Ships[ids.shooter], &s.Ships[ids.bop]
	hull, shields := t.Hull, t.Shields
	o := atk(SideB, ids.shooter, 0, ids.bop, 0)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Apply(o); err != nil {
			b.Fatal(err)
		}
		a.Actions, t.Hull, t.Shields = 1, hull, shields
	}
}

func BenchmarkView(b *testing.B) {
	s, _ := benchBattle(b)
	for _, side := range Sides {
		b.Run(side.String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if v := s.View(side); len(v.Ships) == 0 {
					b.Fatal("empty view")
				}
			}
		})
	}
}

func BenchmarkChecksum(b *testing.B) {
	s, _ := benchBattle(b)
	b.ReportAllocs()
	var sum uint64
	for b.Loop() {
		sum ^= s.Checksum()
	}
	_ = sum
}

func BenchmarkClone(b *testing.B) {
	s, _ := benchBattle(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = s.Clone()
	}
}
