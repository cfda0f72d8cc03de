// Package rules is the rules engine of Call to Arms: the state of a battle, the
// orders that change it and the events each order yields. It knows nothing of
// rendering, clocks, files or the network; it uses integer arithmetic only and one
// seeded PCG owned by the state, so the same scenario, seed and orders give the same
// checksum on every platform.
package rules

import "fmt"

// Side is one of the two sides of the war.
type Side uint8

// The two sides.
const (
	Alliance Side = iota // the Federation, Klingon and Bajoran defenders
	Dominion             // the Dominion and the Cardassian Union
)

// Sides lists both sides in a fixed order.
var Sides = [2]Side{Alliance, Dominion}

// String returns the side's id as used in files and summaries.
func (s Side) String() string {
	switch s {
	case Alliance:
		return "alliance"
	case Dominion:
		return "dominion"
	}
	return fmt.Sprintf("side(%d)", uint8(s))
}

// Other returns the opposing side.
func (s Side) Other() Side { return 1 - s }

// Valid reports whether s is one of the two sides.
func (s Side) Valid() bool { return s == Alliance || s == Dominion }

// ParseSide reads a side id.
func ParseSide(name string) (Side, error) {
	switch name {
	case "alliance":
		return Alliance, nil
	case "dominion":
		return Dominion, nil
	}
	return 0, fmt.Errorf("unknown side %q (want alliance or dominion)", name)
}

// MarshalText writes the side's id.
func (s Side) MarshalText() ([]byte, error) {
	if !s.Valid() {
		return nil, fmt.Errorf("invalid side %d", uint8(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText reads a side id.
func (s *Side) UnmarshalText(b []byte) error {
	v, err := ParseSide(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
