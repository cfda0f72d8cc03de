// Package hex holds flat-top hexagon grid math: axial coordinates, cube
// algorithms, after Red Blob Games' hexagon guide.
//
// Everything except the pixel layout (layout.go) is integer-only and
// deterministic: no floating point, no dependence on map iteration order.
package hex

// Hex is an axial coordinate (q, r); s = -q-r is implied.
type Hex struct{ Q, R int }

// S returns the implied third cube coordinate, -q-r.
func (h Hex) S() int { return -h.Q - h.R }

// Add returns h + o.
func (h Hex) Add(o Hex) Hex { return Hex{h.Q + o.Q, h.R + o.R} }

// Sub returns h - o.
func (h Hex) Sub(o Hex) Hex { return Hex{h.Q - o.Q, h.R - o.R} }

// Scale returns h multiplied by k.
func (h Hex) Scale(k int) Hex { return Hex{h.Q * k, h.R * k} }

// Distance returns the number of steps between h and o (cube distance).
func (h Hex) Distance(o Hex) int { return Distance(h, o) }

// Distance returns the number of steps between a and b (cube distance).
func Distance(a, b Hex) int {
	dq := abs(a.Q - b.Q)
	dr := abs(a.R - b.R)
	ds := abs(a.Q + a.R - b.Q - b.R)
	return max(dq, dr, ds)
}

// Directions for flat-top hexes, index 0..5, starting at "south-east" (+1,0)
// and going counter-clockwise (with screen y pointing down) as in Red Blob:
// SE, NE, N, NW, SW, S.
var Directions = [6]Hex{{1, 0}, {1, -1}, {0, -1}, {-1, 0}, {-1, 1}, {0, 1}}

// Neighbor returns the adjacent hex in direction dir (taken modulo 6, so
// negative or large values wrap).
func (h Hex) Neighbor(dir int) Hex {
	dir %= 6
	if dir < 0 {
		dir += 6
	}
	return h.Add(Directions[dir])
}

// Neighbors returns the six adjacent hexes in Directions order.
func (h Hex) Neighbors() [6]Hex {
	var n [6]Hex
	for i, d := range Directions {
		n[i] = Hex{h.Q + d.Q, h.R + d.R}
	}
	return n
}

// Ring returns the hexes at exactly radius steps from center: radius 0 gives
// [center], negative radius gives nil. The order is fixed: it starts at
// center + Directions[4]*radius and walks counter-clockwise along
// Directions[0], Directions[1], ... (Red Blob's ring walk).
func Ring(center Hex, radius int) []Hex {
	if radius < 0 {
		return nil
	}
	if radius == 0 {
		return []Hex{center}
	}
	out := make([]Hex, 0, 6*radius)
	return appendRing(out, center, radius)
}

func appendRing(out []Hex, center Hex, radius int) []Hex {
	h := center.Add(Directions[4].Scale(radius))
	for i := range 6 {
		d := Directions[i]
		for range radius {
			out = append(out, h)
			h = Hex{h.Q + d.Q, h.R + d.R}
		}
	}
	return out
}

// Spiral returns center, then ring 1, ring 2, ... up to radius, each ring in
// Ring order. Negative radius gives nil.
func Spiral(center Hex, radius int) []Hex {
	if radius < 0 {
		return nil
	}
	out := make([]Hex, 0, rangeSize(radius))
	out = append(out, center)
	for k := 1; k <= radius; k++ {
		out = appendRing(out, center, k)
	}
	return out
}

// Range returns all hexes within n steps of center (3n(n+1)+1 of them),
// sorted by Q then R. Negative n gives nil.
func Range(center Hex, n int) []Hex {
	if n < 0 {
		return nil
	}
	out := make([]Hex, 0, rangeSize(n))
	for dq := -n; dq <= n; dq++ {
		lo := max(-n, -dq-n)
		hi := min(n, -dq+n)
		for dr := lo; dr <= hi; dr++ {
			out = append(out, Hex{center.Q + dq, center.R + dr})
		}
	}
	return out
}

func rangeSize(n int) int { return 3*n*(n+1) + 1 }

// less orders hexes lexicographically by (Q, R).
func less(a, b Hex) bool {
	if a.Q != b.Q {
		return a.Q < b.Q
	}
	return a.R < b.R
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
