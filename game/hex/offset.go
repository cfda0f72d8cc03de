package hex

// Offset coordinates: flat-top "odd-q" layout (odd columns shoved down), used
// for rectangular maps and for the map text in scenario files.
type Offset struct{ Col, Row int }

// ToOffset converts an axial hex to odd-q offset coordinates. Works for
// negative columns too (parity is taken with a bit mask, not %).
func ToOffset(h Hex) Offset {
	return Offset{Col: h.Q, Row: h.R + (h.Q-(h.Q&1))/2}
}

// FromOffset converts odd-q offset coordinates to an axial hex.
func FromOffset(o Offset) Hex {
	return Hex{Q: o.Col, R: o.Row - (o.Col-(o.Col&1))/2}
}
