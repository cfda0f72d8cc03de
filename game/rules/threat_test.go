package rules

import (
	"testing"

	"github.com/calltoarms/ds9/game/hex"
)

// Threat: on open space an enemy threatens every hex within its speed plus
// its range, and no other; a second enemy counts where both reach; a station
// threatens only its weapons' reach; WeaponReach is that reach.
func TestThreat(t *testing.T) {
	b := newBuilder(t)
	st := b.ship(clsStation, SideA, stationAt)
	def := b.ship(clsDefiant, SideA, at(19, 13))
	j1 := b.ship(clsJem, SideB, at(1, 1))
	j2 := b.ship(clsJem, SideB, at(3, 1))
	s := b.start()
	jc := s.Class(&s.Ships[j1])
	reach := jc.Speed + jc.MaxRange()
	v := s.View(SideA)
	count := v.Threat()
	for k, n := range count {
		h := v.Map.HexAt(k)
		if v.Map.At(h).MoveCost() != 1 {
			continue // terrain of the test map: not open space
		}
		want := 0
		for _, id := range []ShipID{j1, j2} {
			if hex.Distance(h, s.Ships[id].Pos) <= reach {
				want++
			}
		}
		if n != want {
			t.Fatalf("hex %v: threatened by %d, want %d", h, n, want)
		}
	}
	if n := count[v.Map.Index(s.Ships[def].Pos)]; n != 0 {
		t.Errorf("the Defiant, far off, is threatened by %d", n)
	}
	// The Dominion's view of the station's threat: its reach only.
	vd := s.View(SideB)
	sc := s.Class(&s.Ships[st])
	threat := vd.Threat()
	r := strikeRange(sc) + sc.Radius // the sweeping beam fires at mines, not ships
	for _, h := range hex.Range(stationAt, r+2) {
		k := vd.Map.Index(h)
		if k < 0 {
			continue
		}
		if in := hex.Distance(h, stationAt) <= r; in != (threat[k] > 0) {
			t.Fatalf("hex %v at %d from the station: threat %d (its reach %d)", h, hex.Distance(h, stationAt), threat[k], r)
		}
	}
	if got, want := len(vd.WeaponReach(st)), len(hex.Range(stationAt, r)); got > want || got == 0 {
		t.Errorf("WeaponReach of the station: %d hexes, at most %d", got, want)
	}
}
