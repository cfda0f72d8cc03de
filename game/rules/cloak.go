package rules

// cloak engages (taking the ship's action and ending any cover) or drops (free) a
// cloaking device.
func (s *State) cloak(o Order, ev *[]Event) {
	sh := &s.Ships[o.Ship]
	if o.Kind == Cloak {
		s.foresee(Event{Kind: CloakEngaged, Ship: sh.ID})
		sh.Actions--
		s.setCovering(sh, NoShip)
		s.setCloak(sh, true)
		s.emit(ev, Event{Kind: CloakEngaged, Side: sh.Side, Ship: sh.ID, To: sh.Pos})
		return
	}
	s.setCloak(sh, false)
	s.emit(ev, Event{Kind: CloakDropped, Side: sh.Side, Ship: sh.ID, To: sh.Pos})
}

// setCloak changes a ship's cloak and keeps the count of cloaked ships.
func (s *State) setCloak(sh *Ship, on bool) {
	if sh.Cloaked == on {
		return
	}
	sh.Cloaked = on
	if on {
		s.cloaked[sh.Side]++
	} else {
		s.cloaked[sh.Side]--
	}
}
