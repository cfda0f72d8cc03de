// Package rules is the rules engine of Call to Arms: the state of a battle, the
// orders that change it and the events each order yields. It knows nothing of
// rendering, clocks, files or the network; it uses integer arithmetic only and one
// seeded PCG owned by the state, so the same scenario, seed and orders give the same
// checksum on every platform.
package rules

import "fmt"

// Side is one of the two sides of a battle, in the order its scenario lists
// them. The engine knows them by place only; the scenario names them
// (Setup.SideIDs: "alliance" and "dominion", "federation" and "klingon").
type Side uint8

// The two sides.
const (
	SideA Side = iota // the side a scenario lists first
	SideB             // the side it lists second
)

// Sides lists both sides in a fixed order.
var Sides = [2]Side{SideA, SideB}

// String returns the side's place, "A" or "B": a scenario's id for it is
// State.SideID.
func (s Side) String() string {
	switch s {
	case SideA:
		return "A"
	case SideB:
		return "B"
	}
	return fmt.Sprintf("side(%d)", uint8(s))
}

// Other returns the opposing side.
func (s Side) Other() Side { return 1 - s }

// Valid reports whether s is one of the two sides.
func (s Side) Valid() bool { return s == SideA || s == SideB }

// SideIDs are a battle's names for its two sides, by Side.
type SideIDs [2]string

// Parse returns the side a name names.
func (ids SideIDs) Parse(name string) (Side, error) {
	for i, id := range ids {
		if id == name {
			return Side(i), nil
		}
	}
	return 0, fmt.Errorf("unknown side %q (want %s or %s)", name, ids[0], ids[1])
}

// Of returns the name of a side, or its place when it has none.
func (ids SideIDs) Of(s Side) string {
	if s.Valid() && ids[s] != "" {
		return ids[s]
	}
	return s.String()
}
