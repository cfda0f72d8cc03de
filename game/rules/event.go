package rules

import (
	"fmt"

	"github.com/calltoarms/ds9/game/hex"
)

// EventKind is what happened.
type EventKind uint8

// Everything the engine reports.
const (
	TermsRefusedEvent EventKind = iota
	TermsAcceptedEvent
	TurnBegan
	PhaseBegan
	Moved
	MoveInterrupted // a hidden ship barred the way
	Fired           // a weapon fired (Value shots)
	Hit             // one shot hit (Damage, ShieldDamage, HullDamage)
	Missed          // one shot missed
	ShieldsDown
	SectionDisabled // a station section's hull is gone (Section)
	ShipDestroyed
	MineLaid
	MinefieldActivated
	MinefieldCloaked
	MineDetonated // a mine at To struck Ship (Damage)
	MineReplicated
	CloakEngaged
	CloakDropped
	Detected // a cloaked ship (Ship) was detected by the other side
	CoverBegan
	CoveringFire  // Ship returns fire at Target on behalf of its ward
	PerimeterFire // station Ship's perimeter defenses open fire on Target
	MainPowerLost
	EvacuationOrdered
	Evacuated
	Withdrew
	Sabotaged // Program Sisko 197
	Boarded   // Ship's troops board station Target (Damage: defenders lost, Value: garrison left, HullDamage: to Ship when thrown back)
	StationCaptured
	ReinforcementsArrived // wing Value arrived (Count ships)
	ReinforcementsBlocked // wing Value was stopped by the minefield
	ShieldsRestored       // a side's shields regenerated (Value: total)
	TurnEnded
	OutcomeDecided // Text: outcome id
	MineFoiled     // Ship could not lay its mine at To: Target, unseen, holds the position
	MinefieldDown  // minefield Field was brought down: Value mines left of Count
	MineSwept      // Ship's sweeping weapon destroyed the mine at To of minefield Field (Value left)
	TeamStruck     // team Ship disabled Section of station Target (Value: its chance)
	TeamFailed     // team Ship's attempt on Section of station Target failed (Value: its chance)
	TeamCaught     // team Ship was caught aboard station Target
	WingOrdered    // wing Value of Side was given Text (a directive) at Target (Section) or To; told to Side only
	LeaderLost     // the leader (Text) of wing Value was lost with Ship: the wing loses cohesion
	Repaired       // station Ship's damage control restored Value hull to Section
	PowerRerouted  // station Ship's main power now runs through Section (Value: the hull it cost)
	eventKindCount
)

var eventKindNames = [eventKindCount]string{
	"terms-refused", "terms-accepted", "turn-began", "phase-began", "moved",
	"move-interrupted", "fired", "hit", "missed", "shields-down", "section-disabled",
	"destroyed", "mine-laid", "minefield-activated", "minefield-cloaked", "mine-detonated",
	"mine-replicated", "cloaked", "decloaked", "detected", "cover-began", "covering-fire",
	"perimeter-fire", "main-power-lost", "evacuation-ordered", "evacuated", "withdrew",
	"program-sisko-197", "boarded", "station-captured", "reinforcements-arrived",
	"reinforcements-blocked", "shields-restored", "turn-ended", "outcome-decided",
	"mine-foiled", "minefield-down", "mine-swept", "team-struck", "team-failed", "team-caught",
	"wing-ordered", "leader-lost", "repaired", "power-rerouted",
}

// String returns the event kind's id.
func (k EventKind) String() string {
	if k < eventKindCount {
		return eventKindNames[k]
	}
	return fmt.Sprintf("event(%d)", uint8(k))
}

// MarshalText writes the event kind's id.
func (k EventKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Event is one thing that happened. Which fields matter depends on Kind.
type Event struct {
	Kind         EventKind  `json:"kind"`
	Turn         int        `json:"turn"`
	Side         Side       `json:"side"`
	Ship         ShipID     `json:"ship"`
	Target       ShipID     `json:"target"`
	From         hex.Hex    `json:"from"`
	To           hex.Hex    `json:"to"`
	Weapon       int        `json:"weapon"`
	WeaponKind   WeaponKind `json:"weapon_kind"`
	Section      int        `json:"section,omitempty"`
	Field        int        `json:"field,omitempty"` // the minefield of a mine's event
	Damage       int        `json:"damage,omitempty"`
	ShieldDamage int        `json:"shield_damage,omitempty"`
	HullDamage   int        `json:"hull_damage,omitempty"`
	Value        int        `json:"value,omitempty"`
	Count        int        `json:"count,omitempty"`
	Text         string     `json:"text,omitempty"`
}

// Reveals reports whether the event tells its side something it did not know or
// draws on chance, so that the order which caused it cannot be taken back.
func (e Event) Reveals() bool {
	switch e.Kind {
	case Moved, CloakDropped, PhaseBegan, TurnBegan, TurnEnded, ShieldsRestored, WingOrdered:
		return false
	}
	return true
}
