package hex

// lineScale is the extra fixed-point factor used by Line. Line works in units
// of 1/(N*lineScale) where N is the hex distance. Every un-nudged cube
// coordinate along the line is a multiple of lineScale in those units, and
// every rounding boundary (k+1/2) is a multiple of lineScale/2, so a nudge of
// at most 3 units < lineScale/2 can only break exact ties and never moves a
// point across a boundary; it behaves exactly like Red Blob's infinitesimal
// epsilon (1e-6, 2e-6, -3e-6), but with exact integer arithmetic.
const lineScale = 8

// Cube nudges (sum to zero so the nudged point stays on the q+r+s=0 plane).
const (
	nudgeQ = 1
	nudgeR = 2
	nudgeS = -3
)

// Line returns the hexes on the straight line from a to b, inclusive of both
// ends (Distance(a,b)+1 hexes, each adjacent to the next).
//
// It is Red Blob's cube lerp + cube round done in integer fixed point: the
// i-th sample is a + (b-a)*i/N, scaled by N*lineScale, nudged by
// (+1, +2, -3) units to break ties deterministically when the line runs
// exactly along hex edges (see lineScale).
//
// Symmetry: the line is always computed from the lexicographically smaller
// endpoint (by Q, then R) to the larger one, so Line(b, a) is exactly the
// reverse of Line(a, b). Line of sight is therefore mutual.
func Line(a, b Hex) []Hex {
	if less(b, a) {
		out := lineFrom(b, a)
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
		return out
	}
	return lineFrom(a, b)
}

func lineFrom(a, b Hex) []Hex {
	n := Distance(a, b)
	out := make([]Hex, 0, n+1)
	if n == 0 {
		return append(out, a)
	}
	out = append(out, a)
	for i := 1; i < n; i++ {
		out = append(out, lerp(a, b, n, i))
	}
	return append(out, b)
}

// lerp returns the i-th of the n+1 hexes on the line from a to b
// (n = Distance(a, b) > 0), in fixed point with the tie-breaking nudge.
func lerp(a, b Hex, n, i int) Hex {
	x := (a.Q*n+(b.Q-a.Q)*i)*lineScale + nudgeQ
	y := (a.R*n+(b.R-a.R)*i)*lineScale + nudgeR
	z := (a.S()*n+(b.S()-a.S())*i)*lineScale + nudgeS
	return cubeRound(x, y, z, n*lineScale)
}

// cubeRound rounds the fractional cube coordinate (x/d, y/d, z/d) to a hex.
// d > 0. Callers guarantee no exact ties.
func cubeRound(x, y, z, d int) Hex {
	rq := roundDiv(x, d)
	rr := roundDiv(y, d)
	rs := roundDiv(z, d)
	eq := abs(x - rq*d)
	er := abs(y - rr*d)
	es := abs(z - rs*d)
	switch {
	case eq > er && eq > es:
		rq = -rr - rs
	case er > es:
		rr = -rq - rs
	}
	return Hex{rq, rr}
}

// roundDiv returns x/d rounded to the nearest integer (halves round up),
// d > 0.
func roundDiv(x, d int) int {
	return floorDiv(2*x+d, 2*d)
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// Visible reports whether b can be seen from a: true when no hex strictly
// between a and b on Line(a, b) blocks. Endpoints never block. blocks reports
// whether a hex blocks sight. Visible(a, b) == Visible(b, a).
func Visible(a, b Hex, blocks func(Hex) bool) bool {
	n := Distance(a, b)
	if n <= 1 {
		return true
	}
	if less(b, a) { // same hexes as Line(a, b), without allocating
		a, b = b, a
	}
	for i := 1; i < n; i++ {
		if blocks(lerp(a, b, n, i)) {
			return false
		}
	}
	return true
}

// FieldOfView returns the hexes within radius of center that are Visible
// from center (center included), sorted by Q then R. Blocking hexes that are
// themselves in view are included (you see the wall, not what's behind it).
func FieldOfView(center Hex, radius int, blocks func(Hex) bool) []Hex {
	all := Range(center, radius)
	out := all[:0]
	for _, h := range all {
		if Visible(center, h, blocks) {
			out = append(out, h)
		}
	}
	return out
}
