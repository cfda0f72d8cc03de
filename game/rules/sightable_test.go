package rules

import (
	"math/rand/v2"
	"testing"

	"github.com/calltoarms/ds9/game/hex"
)

// TestSightTable: the table finds belt in a box exactly when there is, and
// visible agrees with hex.Visible, on maps strewn with plasma belt, between
// hexes on and off them.
func TestSightTable(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for range 40 {
		cols, rows := 1+r.IntN(60), 1+r.IntN(40)
		m := &Map{Cols: cols, Rows: rows, Terrain: make([]Terrain, cols*rows)}
		for k := r.IntN(cols * rows / 8); k > 0; k-- {
			m.Terrain[r.IntN(len(m.Terrain))] = Belt
		}
		tab := newSightTable(m)
		for range 2000 {
			a := m.HexAt(r.IntN(len(m.Terrain)))
			b := m.HexAt(r.IntN(len(m.Terrain)))
			if r.IntN(10) == 0 {
				b = hex.Hex{Q: r.IntN(cols+8) - 4, R: r.IntN(rows+40) - 30}
			}
			want := hex.Visible(a, b, m.blocksSight)
			if got := visible(m, tab, a, b); got != want {
				t.Fatalf("%dx%d map, %v to %v: visible %v, want %v", cols, rows, a, b, got, want)
			}
			blocked := false // any belt in the box, counted hex by hex
			for i, tr := range m.Terrain {
				h := m.HexAt(i)
				if tr == Belt && h.Q >= min(a.Q, b.Q)-1 && h.Q <= max(a.Q, b.Q)+1 && h.R >= min(a.R, b.R)-1 && h.R <= max(a.R, b.R)+1 {
					blocked = true
				}
			}
			if tab.clear(a, b) == blocked {
				t.Fatalf("%dx%d map, %v to %v: clear %v, but belt in the box %v", cols, rows, a, b, !blocked, blocked)
			}
		}
	}
}
