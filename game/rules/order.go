package rules

import (
	"fmt"

	"github.com/calltoarms/ds9/game/hex"
)

// OrderKind is what an order asks for.
type OrderKind uint8

// The orders a side can give.
const (
	AnswerTerms OrderKind = iota // accept or refuse the surrender terms (Accept)
	Move                         // move Ship along Path
	Attack                       // Ship fires Weapon at Target (a station: at Section)
	LayMine                      // Ship lays a mine at At
	Cloak                        // Ship engages its cloaking device
	Decloak                      // Ship drops its cloak
	Cover                        // Ship covers Target: interference and return fire
	Evacuate                     // station Ship orders the evacuation
	Sabotage                     // station Ship runs Program Sisko 197
	Board                        // Ship's troops board the station Target
	Withdraw                     // Ship leaves the battle from an exit hex
	EndPhase                     // the side ends its phase
	Sweep                        // Ship fires its sweeping Weapon at the mines around hex At
	Disable                      // team Ship tries to disable Section of the station Target it is aboard
	Command                      // the side's attack wing Wing is given Directive: at Target (Section), or At
	Repair                       // station Ship's damage control restores hull to its Section
	Reroute                      // station Ship routes its main power through its Section
	orderKindCount
)

var orderKindNames = [orderKindCount]string{
	"answer-terms", "move", "attack", "lay-mine", "cloak", "decloak", "cover",
	"evacuate", "sabotage", "board", "withdraw", "end-phase", "sweep", "disable", "command", "repair", "reroute",
}

// String returns the order kind's id.
func (k OrderKind) String() string {
	if k < orderKindCount {
		return orderKindNames[k]
	}
	return fmt.Sprintf("order(%d)", uint8(k))
}

// Valid reports whether k is one of the order kinds.
func (k OrderKind) Valid() bool { return k < orderKindCount }

// MarshalText writes the order kind's id.
func (k OrderKind) MarshalText() ([]byte, error) {
	if k >= orderKindCount {
		return nil, fmt.Errorf("invalid order kind %d", uint8(k))
	}
	return []byte(k.String()), nil
}

// UnmarshalText reads an order kind id.
func (k *OrderKind) UnmarshalText(b []byte) error {
	for i, n := range orderKindNames {
		if n == string(b) {
			*k = OrderKind(i)
			return nil
		}
	}
	return fmt.Errorf("unknown order kind %q", b)
}

// Order is one command from a side. Which fields matter depends on Kind.
type Order struct {
	Kind    OrderKind `json:"kind"`
	Side    Side      `json:"side"`
	Ship    ShipID    `json:"ship"`
	Path    []hex.Hex `json:"path,omitempty"`
	Target  ShipID    `json:"target,omitempty"`
	Weapon  int       `json:"weapon,omitempty"`
	Section int       `json:"section,omitempty"`
	At      hex.Hex   `json:"at,omitzero"`
	Accept  bool      `json:"accept,omitempty"`
	// Command: the wing (its index in the battle's wings) and its directive.
	Wing      int       `json:"wing,omitempty"`
	Directive Directive `json:"directive,omitempty"`
}

// String describes the order briefly, with its side by place; Format names
// the side as the battle does.
func (o Order) String() string { return o.Format(SideIDs{}) }

// Format describes the order briefly, naming its side by the battle's ids.
func (o Order) Format(ids SideIDs) string {
	side := ids.Of(o.Side)
	switch o.Kind {
	case Move:
		if n := len(o.Path); n > 0 {
			return fmt.Sprintf("%s %s ship %d to %v (%d steps)", side, o.Kind, o.Ship, o.Path[n-1], n)
		}
	case Attack:
		return fmt.Sprintf("%s %s ship %d weapon %d at ship %d section %d", side, o.Kind, o.Ship, o.Weapon, o.Target, o.Section)
	case LayMine:
		return fmt.Sprintf("%s %s ship %d at %v", side, o.Kind, o.Ship, o.At)
	case Cover, Board:
		return fmt.Sprintf("%s %s ship %d target %d", side, o.Kind, o.Ship, o.Target)
	case AnswerTerms:
		return fmt.Sprintf("%s %s accept=%v", side, o.Kind, o.Accept)
	case EndPhase:
		return fmt.Sprintf("%s %s", side, o.Kind)
	case Command:
		if o.Directive.Placed() {
			return fmt.Sprintf("%s %s wing %d %s at %v", side, o.Kind, o.Wing, o.Directive, o.At)
		}
		return fmt.Sprintf("%s %s wing %d %s ship %d section %d", side, o.Kind, o.Wing, o.Directive, o.Target, o.Section)
	}
	return fmt.Sprintf("%s %s ship %d", side, o.Kind, o.Ship)
}
