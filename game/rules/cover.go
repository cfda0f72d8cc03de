package rules

// cover makes a ship cover another until its next phase: attacks on the ward lose
// CoverPenalty, and the covering ship fires back at attackers CoverReturns times.
func (s *State) cover(o Order, ev *[]Event) {
	sh := &s.Ships[o.Ship]
	sh.Actions--
	s.setCovering(sh, o.Target)
	sh.Returns = CoverReturns
	s.emit(ev, Event{Kind: CoverBegan, Side: sh.Side, Ship: sh.ID, Target: o.Target, From: sh.Pos, To: s.Ships[o.Target].Pos})
}

// setCovering changes whom a ship covers and keeps the count of covering ships.
func (s *State) setCovering(sh *Ship, t ShipID) {
	if (sh.Covering == NoShip) != (t == NoShip) {
		if t == NoShip {
			s.covers[sh.Side]--
		} else {
			s.covers[sh.Side]++
		}
	}
	sh.Covering = t
	if t == NoShip {
		sh.Returns = 0
	}
}
