package rules

import "github.com/calltoarms/ds9/game/hex"

// What each side is told of an order: the engine redacts the events centrally,
// as boardgame.io's playerView strips secrets, so that no front end, tool or
// commander decides on its own what a side may know.
//
// A side is told an event when it names something the side may know of. It
// may know of a ship when the ship is its own, or when its sensors show the
// ship at the moment of the event and the ship is in the side's view before
// or after the order (so a glimpse of a ship passing through and out of sight
// within one move is not a name it learns). Of an event with two ships, one
// unknown, the side is told with that ship left out (NoShip) and, except where
// the place is what it learned (a contact in the way, a foiled mine, a
// detection), with its position cleared. Turn, phase, the outcome and the
// station's fate are told to both sides; shields restored only to their own.

// glimpse is what each side saw of an event's ships when it happened.
type glimpse struct {
	ship, target [2]bool // by side: the event's Ship, Target was seen
	minesOpen    bool    // the minefield was uncloaked
}

// witness notes a glimpse of every event while ApplyRedacted runs.
type witness struct {
	seen []glimpse
	pre  glimpse
	held bool // pre is the glimpse of the next event, taken before its change
}

// roles says which of an event's fields name ships.
type roles struct {
	ship, target bool
	public       bool // told to both sides whatever it names
	keepPlace    bool // a hidden ship's position is what was learned: keep To
}

var eventRoles = [eventKindCount]roles{
	TermsRefusedEvent: {public: true}, TermsAcceptedEvent: {public: true},
	TurnBegan: {public: true}, PhaseBegan: {public: true}, TurnEnded: {public: true},
	OutcomeDecided: {public: true}, MinefieldActivated: {public: true},
	MinefieldCloaked: {public: true}, ReinforcementsBlocked: {public: true},
	MinefieldDown: {public: true}, MineSwept: {ship: true}, LeaderLost: {public: true},
	Moved: {ship: true}, ShieldsDown: {ship: true}, SectionDisabled: {ship: true},
	ShipDestroyed: {ship: true}, CloakEngaged: {ship: true}, CloakDropped: {ship: true},
	Withdrew: {ship: true}, MainPowerLost: {ship: true}, EvacuationOrdered: {ship: true},
	Evacuated: {ship: true}, Sabotaged: {ship: true}, MineLaid: {ship: true},
	Repaired: {ship: true}, PowerRerouted: {ship: true},
	MineDetonated:   {ship: true, target: true, keepPlace: true},
	MoveInterrupted: {ship: true, target: true, keepPlace: true},
	MineFoiled:      {ship: true, target: true, keepPlace: true},
	Detected:        {ship: true, target: true, keepPlace: true},
	Fired:           {ship: true, target: true}, Hit: {ship: true, target: true},
	Missed: {ship: true, target: true}, CoverBegan: {ship: true, target: true},
	CoveringFire: {ship: true, target: true}, PerimeterFire: {ship: true, target: true},
	Boarded: {ship: true, target: true}, StationCaptured: {ship: true, target: true},
	TeamStruck: {ship: true, target: true}, TeamFailed: {ship: true, target: true},
	TeamCaught: {ship: true, target: true},
}

// Told is an order's events as each side is told them.
type Told [2][]Event

// ApplyRedacted carries out an order like Apply, and also returns what each
// side is told of it. A refused order changes nothing and tells nothing.
func (s *State) ApplyRedacted(o Order) ([]Event, Told, error) {
	var before [2][]bool
	for _, side := range Sides {
		before[side] = s.inView(side, nil)
	}
	s.witness = &witness{}
	evs, err := s.Apply(o)
	w := s.witness
	s.witness = nil
	if err != nil {
		return nil, Told{}, err
	}
	var told Told
	for _, side := range Sides {
		after := s.inView(side, nil)
		told[side] = s.redact(evs, w.seen, side, before[side], after)
	}
	return evs, told, nil
}

// inView marks, by ship id, the ships in side's view now: its own, whatever
// their status, and the enemies its sensors show.
func (s *State) inView(side Side, buf []bool) []bool {
	buf = append(buf[:0], make([]bool, len(s.Ships))...)
	obs := s.observers(side)
	for i := range s.Ships {
		sh := &s.Ships[i]
		buf[i] = sh.Side == side || (sh.Alive() && s.seenBy(side, obs, sh))
	}
	return buf
}

// look takes the glimpse of an event now.
func (s *State) look(e Event) glimpse {
	g := glimpse{minesOpen: e.Field >= 0 && e.Field < len(s.Fields) && !s.Fields[e.Field].Cloaked}
	r := eventRoles[e.Kind]
	for _, side := range Sides {
		if r.ship {
			g.ship[side] = s.seenNow(side, e.Ship)
		}
		if r.target {
			g.target[side] = s.seenNow(side, e.Target)
		}
	}
	return g
}

func (s *State) seenNow(side Side, id ShipID) bool {
	sh := s.Ship(id)
	return sh != nil && (sh.Side == side || s.Sees(side, sh, nil))
}

// foresee takes the glimpse of the next event before the change it reports
// (a ship destroyed, gone, cloaked is no longer seen once it has happened).
func (s *State) foresee(e Event) {
	if w := s.witness; w != nil {
		w.pre, w.held = s.look(e), true
	}
}

// redact writes what side is told of evs.
func (s *State) redact(evs []Event, seen []glimpse, side Side, before, after []bool) []Event {
	out := make([]Event, 0, len(evs))
	may := func(id ShipID, saw bool) bool {
		sh := s.Ship(id)
		return sh != nil && (sh.Side == side || (saw && (before[id] || after[id])))
	}
	for i, e := range evs {
		r := eventRoles[e.Kind]
		g := seen[i]
		switch e.Kind {
		case ShieldsRestored, WingOrdered:
			if e.Side == side {
				out = append(out, e)
			}
			continue
		case MineReplicated:
			if side == s.fieldOwner(e.Field) || g.minesOpen {
				out = append(out, e)
			}
			continue
		case ReinforcementsArrived:
			if e.Side == side {
				out = append(out, e)
			} else if n := s.arrivedInView(e, after); n > 0 {
				e.Count = n
				out = append(out, e)
			}
			continue
		}
		nameShip := r.ship && may(e.Ship, g.ship[side])
		nameTarget := r.target && may(e.Target, g.target[side])
		if e.Kind == CoveringFire && !may(ShipID(e.Value), true) {
			e.Value = int(NoShip)
		}
		mineSeen := (e.Kind == MineLaid || e.Kind == MineDetonated || e.Kind == MineSwept) && (side == s.fieldOwner(e.Field) || g.minesOpen)
		if !r.public && !nameShip && !nameTarget && !mineSeen {
			continue
		}
		if r.ship && !nameShip {
			e.Ship, e.Weapon = NoShip, -1
			e.From = hex.Hex{}
			if !r.target && !mineSeen && !r.keepPlace {
				e.To = hex.Hex{}
			}
		}
		if r.target && !nameTarget {
			e.Target = NoShip
			if !r.keepPlace {
				e.To = hex.Hex{}
			}
		}
		out = append(out, e)
	}
	return out
}

// arrivedInView counts the ships of an arriving wing that the side sees after
// the order.
func (s *State) arrivedInView(e Event, after []bool) int {
	if e.Value < 0 || e.Value >= len(s.Wings) {
		return 0
	}
	n := 0
	for _, id := range s.Wings[e.Value].Ships {
		if after[id] && s.Ships[id].Alive() {
			n++
		}
	}
	return min(n, e.Count)
}

// InView lists the ships in side's view now, by id: its own, whatever their
// status, and the enemy ships its sensors show. It is the set a View holds.
func (s *State) InView(side Side) []ShipID {
	var out []ShipID
	for id, in := range s.inView(side, nil) {
		if in {
			out = append(out, ShipID(id))
		}
	}
	return out
}

// Named returns the ships an event names in its Ship and Target fields, by
// its kind: NoShip where a field names none (a turn's beginning names no
// ship, whatever its Ship field holds) or names one left out for a side.
func (e Event) Named() (ship, target ShipID) {
	ship, target = NoShip, NoShip
	if e.Kind >= eventKindCount {
		return
	}
	r := eventRoles[e.Kind]
	if r.ship {
		ship = e.Ship
	}
	if r.target {
		target = e.Target
	}
	return ship, target
}

// Sided reports whether an event's Side field means something: the side that
// acted or suffered, the winner of a decided battle. A turn's beginning and
// end belong to no side, and an undecided battle has no winner.
func (e Event) Sided() bool {
	switch e.Kind {
	case TurnBegan, TurnEnded:
		return false
	case OutcomeDecided:
		return e.Text != Undecided
	}
	return true
}

// fieldOwner is the owner of minefield fi, or an invalid side.
func (s *State) fieldOwner(fi int) Side {
	if fi < 0 || fi >= len(s.Fields) {
		return Side(255)
	}
	return s.Fields[fi].Owner
}
