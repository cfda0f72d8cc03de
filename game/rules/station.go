package rules

// powerLoss cuts a station's main power: shields fall and stay down, and its
// weapons go silent.
func (s *State) powerLoss(st *Ship, ev *[]Event) {
	if !st.MainPower {
		return
	}
	st.MainPower = false
	had := st.Shields > 0
	st.Shields = 0
	s.emit(ev, Event{Kind: MainPowerLost, Side: st.Side, Ship: st.ID, To: st.Pos})
	if had {
		s.emit(ev, Event{Kind: ShieldsDown, Side: st.Side, Ship: st.ID, To: st.Pos})
	}
}

// evacuate orders a station evacuated; it completes EvacTurns turns later, at the
// start of the owner's phase, and leaves no garrison.
func (s *State) evacuate(o Order, ev *[]Event) {
	sh := &s.Ships[o.Ship]
	sh.Actions--
	sh.EvacuateAt = s.Turn + s.EvacTurns
	s.emit(ev, Event{Kind: EvacuationOrdered, Side: sh.Side, Ship: sh.ID, To: sh.Pos, Value: sh.EvacuateAt})
	if s.EvacTurns == 0 {
		sh.Evacuated = true
		sh.Garrison = 0
		s.emit(ev, Event{Kind: Evacuated, Side: sh.Side, Ship: sh.ID, To: sh.Pos})
	}
}

// sabotage runs Program Sisko 197: the station's computer and power systems are
// wrecked, and the station is abandoned to whoever boards it.
func (s *State) sabotage(o Order, ev *[]Event) {
	sh := &s.Ships[o.Ship]
	sh.Actions = 0
	sh.Sabotaged = true
	s.emit(ev, Event{Kind: Sabotaged, Side: sh.Side, Ship: sh.ID, To: sh.Pos})
	s.powerLoss(sh, ev)
}

// BoardingFight is the outcome of one boarding fight: a party of troops with a
// fight roll (BoardMin..BoardMax percent) kills troops × roll % defenders,
// rounded, with the roll cut to BoardPowered percent (rounded down) while the
// station still has main power; a party whose roll ends below RepulseBelow is
// thrown back. The garrison never loses more defenders than it has.
func BoardingFight(troops, roll int, powered bool) (killed int, repulsed bool) {
	if powered {
		roll = roll * BoardPowered / 100
	}
	return (troops*roll + 50) / 100, roll < RepulseBelow
}

// board lands a ship's troops on a station whose shields are down. Against a
// garrison it is a fight (BoardingFight, one roll): the garrison loses
// defenders, and a party that is thrown back while defenders remain costs its
// ship RepulseDamage of hull, shields or not. The station falls when no
// defender is left; one without a garrison (evacuated or sabotaged) falls to
// the first party, without a fight or a roll.
func (s *State) board(o Order, ev *[]Event) {
	sh := &s.Ships[o.Ship]
	t := &s.Ships[o.Target]
	sh.Actions--
	e := Event{Kind: Boarded, Side: sh.Side, Ship: sh.ID, Target: t.ID, From: sh.Pos, To: t.Pos}
	repulsed := false
	if t.Garrison > 0 {
		killed, back := BoardingFight(s.Class(sh).Troops, BoardMin+s.roll(BoardMax-BoardMin+1), t.MainPower)
		e.Damage = min(t.Garrison, killed)
		t.Garrison -= e.Damage
		if repulsed = back && t.Garrison > 0; repulsed {
			e.HullDamage = RepulseDamage
		}
	}
	e.Value = t.Garrison
	s.emit(ev, e)
	if repulsed {
		sh.Hull -= e.HullDamage
		if sh.Hull <= 0 {
			s.destroy(sh, ev)
		}
	}
	if t.Garrison == 0 {
		t.Captured = true
		t.MainPower = false
		t.Shields = 0
		s.setCovering(t, NoShip)
		s.emit(ev, Event{Kind: StationCaptured, Side: sh.Side, Ship: t.ID, Target: sh.ID, To: t.Pos})
	}
}

// withdraw takes a ship out of the battle.
func (s *State) withdraw(o Order, ev *[]Event) {
	sh := &s.Ships[o.Ship]
	s.foresee(Event{Kind: Withdrew, Ship: sh.ID})
	s.vacate(sh)
	s.setCloak(sh, false)
	s.setCovering(sh, NoShip)
	sh.Status = Escaped
	sh.Actions, sh.MP = 0, 0
	s.emit(ev, Event{Kind: Withdrew, Side: sh.Side, Ship: sh.ID, To: sh.Pos})
}
