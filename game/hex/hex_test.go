package hex

import (
	"slices"
	"testing"
)

func TestDistanceProperties(t *testing.T) {
	grid := Range(Hex{1, -2}, 3)
	for _, a := range grid {
		if a.Distance(a) != 0 {
			t.Fatalf("Distance(%v,%v) != 0", a, a)
		}
		for _, b := range grid {
			d := Distance(a, b)
			if d != Distance(b, a) || d != a.Distance(b) {
				t.Fatalf("distance not symmetric for %v %v", a, b)
			}
			if a != b && d <= 0 {
				t.Fatalf("Distance(%v,%v) = %d", a, b, d)
			}
			for _, c := range grid {
				if Distance(a, c) > d+Distance(b, c) {
					t.Fatalf("triangle inequality fails for %v %v %v", a, b, c)
				}
			}
		}
	}
}

func TestDistanceTable(t *testing.T) {
	tests := []struct {
		a, b Hex
		want int
	}{
		{Hex{0, 0}, Hex{0, 0}, 0},
		{Hex{0, 0}, Hex{3, 0}, 3},
		{Hex{0, 0}, Hex{2, -1}, 2},
		{Hex{0, 0}, Hex{-3, 5}, 5},
		{Hex{-1, 2}, Hex{4, -3}, 5},
		{Hex{0, 0}, Hex{2, 2}, 4},
	}
	for _, tc := range tests {
		if got := Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("Distance(%v,%v) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestBasicOps(t *testing.T) {
	a, b := Hex{2, -5}, Hex{-1, 3}
	if a.S() != 3 {
		t.Errorf("S = %d", a.S())
	}
	if a.Add(b) != (Hex{1, -2}) || a.Sub(b) != (Hex{3, -8}) {
		t.Errorf("Add/Sub wrong: %v %v", a.Add(b), a.Sub(b))
	}
	if a.Neighbor(6) != a.Neighbor(0) || a.Neighbor(-1) != a.Neighbor(5) {
		t.Error("Neighbor does not wrap")
	}
}

func TestNeighbors(t *testing.T) {
	want := [6]Hex{{1, 0}, {1, -1}, {0, -1}, {-1, 0}, {-1, 1}, {0, 1}}
	if Directions != want {
		t.Fatalf("Directions = %v", Directions)
	}
	for _, c := range []Hex{{0, 0}, {5, -3}, {-7, 2}} {
		ns := c.Neighbors()
		for i, n := range ns {
			if Distance(c, n) != 1 {
				t.Errorf("neighbour %v of %v at distance %d", n, c, Distance(c, n))
			}
			if c.Neighbor(i) != n {
				t.Errorf("Neighbor(%d) != Neighbors()[%d]", i, i)
			}
			// consecutive directions are adjacent to each other
			if Distance(n, ns[(i+1)%6]) != 1 {
				t.Errorf("directions %d and %d not adjacent", i, (i+1)%6)
			}
		}
	}
}

func TestRingSpiralRange(t *testing.T) {
	center := Hex{3, -1}
	for n := range 7 {
		ring := Ring(center, n)
		wantRing := 6 * n
		if n == 0 {
			wantRing = 1
		}
		if len(ring) != wantRing {
			t.Errorf("len(Ring(%d)) = %d, want %d", n, len(ring), wantRing)
		}
		seen := map[Hex]bool{}
		for i, h := range ring {
			if Distance(center, h) != n {
				t.Errorf("ring %d: %v at distance %d", n, h, Distance(center, h))
			}
			if seen[h] {
				t.Errorf("ring %d: duplicate %v", n, h)
			}
			seen[h] = true
			if n > 0 && Distance(h, ring[(i+1)%len(ring)]) != 1 {
				t.Errorf("ring %d: walk not contiguous at %d", n, i)
			}
		}

		rng := Range(center, n)
		if len(rng) != 3*n*(n+1)+1 {
			t.Errorf("len(Range(%d)) = %d", n, len(rng))
		}
		if !slices.IsSortedFunc(rng, func(a, b Hex) int {
			if a.Q != b.Q {
				return a.Q - b.Q
			}
			return a.R - b.R
		}) {
			t.Errorf("Range(%d) not sorted", n)
		}
		for _, h := range rng {
			if Distance(center, h) > n {
				t.Errorf("Range(%d) contains %v", n, h)
			}
		}

		sp := Spiral(center, n)
		if len(sp) != len(rng) || sp[0] != center {
			t.Errorf("Spiral(%d) len %d, first %v", n, len(sp), sp[0])
		}
		for i := 1; i < len(sp); i++ {
			if Distance(center, sp[i-1]) > Distance(center, sp[i]) {
				t.Errorf("Spiral(%d) not ordered by ring at %d", n, i)
			}
		}
		a, b := slices.Clone(sp), slices.Clone(rng)
		slices.SortFunc(a, cmpHex)
		if !slices.Equal(a, b) {
			t.Errorf("Spiral(%d) and Range(%d) differ as sets", n, n)
		}
	}
	if Ring(center, -1) != nil || Range(center, -1) != nil || Spiral(center, -1) != nil {
		t.Error("negative radius should give nil")
	}
}

func cmpHex(a, b Hex) int {
	if a.Q != b.Q {
		return a.Q - b.Q
	}
	return a.R - b.R
}

func TestOffsetRoundTrip(t *testing.T) {
	seen := map[Hex]bool{}
	for col := range 60 {
		for row := range 40 {
			o := Offset{col, row}
			h := FromOffset(o)
			if seen[h] {
				t.Fatalf("duplicate hex %v", h)
			}
			seen[h] = true
			if got := ToOffset(h); got != o {
				t.Fatalf("ToOffset(FromOffset(%v)) = %v", o, got)
			}
		}
	}
	// negative coordinates, too
	for _, h := range Range(Hex{0, 0}, 6) {
		if got := FromOffset(ToOffset(h)); got != h {
			t.Fatalf("FromOffset(ToOffset(%v)) = %v", h, got)
		}
	}
}

func TestOffsetOddQ(t *testing.T) {
	tests := []struct {
		o    Offset
		want Hex
	}{
		{Offset{0, 0}, Hex{0, 0}},
		{Offset{1, 0}, Hex{1, 0}},
		{Offset{2, 0}, Hex{2, -1}},
		{Offset{3, 0}, Hex{3, -1}},
		{Offset{3, 2}, Hex{3, 1}},
		{Offset{-1, 0}, Hex{-1, 1}},
	}
	for _, tc := range tests {
		if got := FromOffset(tc.o); got != tc.want {
			t.Errorf("FromOffset(%v) = %v, want %v", tc.o, got, tc.want)
		}
	}
	// odd column shoved down: (1,0) is below-right of (0,0), i.e. its SE neighbour
	if FromOffset(Offset{1, 0}) != (Hex{0, 0}).Neighbor(0) {
		t.Error("odd-q: (1,0) should be SE of (0,0)")
	}
}
