package hex

import (
	"slices"
	"testing"
)

func TestLineProperties(t *testing.T) {
	grid := Range(Hex{0, 0}, 5)
	for _, a := range grid {
		for _, b := range grid {
			l := Line(a, b)
			if len(l) != Distance(a, b)+1 {
				t.Fatalf("Line(%v,%v) has %d hexes, want %d", a, b, len(l), Distance(a, b)+1)
			}
			if l[0] != a || l[len(l)-1] != b {
				t.Fatalf("Line(%v,%v) endpoints %v %v", a, b, l[0], l[len(l)-1])
			}
			for i := 1; i < len(l); i++ {
				if Distance(l[i-1], l[i]) != 1 {
					t.Fatalf("Line(%v,%v) not contiguous: %v", a, b, l)
				}
			}
			r := Line(b, a)
			slices.Reverse(r)
			if !slices.Equal(l, r) {
				t.Fatalf("Line(%v,%v) != reverse Line(%v,%v): %v vs %v", a, b, b, a, l, r)
			}
		}
	}
}

func TestLineTable(t *testing.T) {
	tests := []struct {
		a, b Hex
		want []Hex
	}{
		{Hex{0, 0}, Hex{0, 0}, []Hex{{0, 0}}},
		{Hex{0, 0}, Hex{3, 0}, []Hex{{0, 0}, {1, 0}, {2, 0}, {3, 0}}},
		{Hex{0, 0}, Hex{0, -2}, []Hex{{0, 0}, {0, -1}, {0, -2}}},
		// along an edge (a "diagonal" between two hexes): nudge picks one side consistently
		{Hex{0, 0}, Hex{2, -1}, []Hex{{0, 0}, {1, 0}, {2, -1}}},
		{Hex{0, 0}, Hex{1, 1}, []Hex{{0, 0}, {0, 1}, {1, 1}}},
	}
	for _, tc := range tests {
		if got := Line(tc.a, tc.b); !slices.Equal(got, tc.want) {
			t.Errorf("Line(%v,%v) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestVisibleAndFOV(t *testing.T) {
	// A wall of blockers at q = 2, r in [-3, 1] (straight N-S wall east of center).
	wall := map[Hex]bool{}
	for r := -3; r <= 1; r++ {
		wall[Hex{2, r}] = true
	}
	blocks := func(h Hex) bool { return wall[h] }
	c := Hex{0, 0}

	tests := []struct {
		to   Hex
		want bool
	}{
		{Hex{1, 0}, true},   // adjacent
		{Hex{2, -1}, true},  // wall itself is seen
		{Hex{3, -1}, false}, // right behind the wall
		{Hex{4, -2}, false}, // further behind
		{Hex{-3, 0}, true},  // other side, open
		{Hex{0, 3}, true},   // south, open
	}
	for _, tc := range tests {
		if got := Visible(c, tc.to, blocks); got != tc.want {
			t.Errorf("Visible(%v,%v) = %v, want %v (line %v)", c, tc.to, got, tc.want, Line(c, tc.to))
		}
		if Visible(tc.to, c, blocks) != Visible(c, tc.to, blocks) {
			t.Errorf("Visible not symmetric for %v", tc.to)
		}
	}
	// (2,0) is strictly between and blocks; endpoints never block.
	if Visible(Hex{2, -1}, Hex{2, 1}, blocks) {
		t.Error("hex between two wall hexes should block")
	}
	if !Visible(Hex{2, -1}, Hex{2, 0}, blocks) {
		t.Error("blocking endpoints must not block")
	}

	fov := FieldOfView(c, 4, blocks)
	if !slices.IsSortedFunc(fov, cmpHex) {
		t.Error("FOV not sorted")
	}
	in := map[Hex]bool{}
	for _, h := range fov {
		in[h] = true
		if Distance(c, h) > 4 {
			t.Errorf("FOV contains %v beyond radius", h)
		}
	}
	if !in[c] {
		t.Error("FOV must include center")
	}
	for _, h := range Range(c, 4) {
		if in[h] != Visible(c, h, blocks) {
			t.Errorf("FOV and Visible disagree on %v", h)
		}
	}
	for _, h := range []Hex{{3, -1}, {4, -2}, {3, -2}, {4, -1}} {
		if in[h] {
			t.Errorf("FOV should not contain %v (behind wall)", h)
		}
	}
	for _, h := range []Hex{{2, -1}, {2, 0}, {-4, 0}, {0, 4}} {
		if !in[h] {
			t.Errorf("FOV should contain %v", h)
		}
	}
	// open field: everything visible
	if got := FieldOfView(c, 3, func(Hex) bool { return false }); len(got) != 37 {
		t.Errorf("open FOV size %d, want 37", len(got))
	}
}
