package rules

import "fmt"

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

func (s *State) checkEvacuate(sh *Ship) error {
	if !s.Class(sh).Station {
		return fmt.Errorf("only a station can be evacuated")
	}
	if sh.EvacuateAt > 0 {
		return fmt.Errorf("the evacuation of %s is already ordered", sh.Name)
	}
	return s.needAction(sh)
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

func (s *State) checkSabotage(sh *Ship) error {
	if !s.Class(sh).Station {
		return fmt.Errorf("only a station can run Program Sisko 197")
	}
	if !sh.Evacuated {
		return fmt.Errorf("%s must be evacuated first", sh.Name)
	}
	for i := range s.Ships {
		o := &s.Ships[i]
		if o.Side == sh.Side && o.Alive() && !s.Classes[o.Class].Station {
			return fmt.Errorf("%s has not left yet", o.Name)
		}
	}
	return s.needAction(sh)
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

func (s *State) checkBoard(sh *Ship, tid ShipID) error {
	if s.Class(sh).Troops == 0 {
		return fmt.Errorf("%s carries no troops", sh.Name)
	}
	if err := s.needAction(sh); err != nil {
		return err
	}
	if sh.Cloaked {
		return fmt.Errorf("%s must decloak to board", sh.Name)
	}
	t := s.Ship(tid)
	if t == nil || !s.Classes[t.Class].Station || t.Side == sh.Side || !t.Alive() {
		return fmt.Errorf("ship %d is not an enemy station", tid)
	}
	if t.Captured {
		return fmt.Errorf("%s is already taken", t.Name)
	}
	if d := s.Range(sh, t); d > 1 {
		return fmt.Errorf("%s is %d hexes from %s; boarding needs contact", sh.Name, d, t.Name)
	}
	if t.Shields > 0 {
		return fmt.Errorf("%s's shields are up (%d)", t.Name, t.Shields)
	}
	return nil
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

func (s *State) checkWithdraw(sh *Ship) error {
	if s.Class(sh).Station {
		return fmt.Errorf("a station cannot withdraw")
	}
	if s.Map.At(sh.Pos) != Exit {
		return fmt.Errorf("%s is not on an exit hex", sh.Name)
	}
	return s.needAction(sh)
}

// withdraw takes a ship out of the battle.
func (s *State) withdraw(o Order, ev *[]Event) {
	sh := &s.Ships[o.Ship]
	s.vacate(sh)
	s.setCloak(sh, false)
	s.setCovering(sh, NoShip)
	sh.Status = Escaped
	sh.Actions, sh.MP = 0, 0
	s.emit(ev, Event{Kind: Withdrew, Side: sh.Side, Ship: sh.ID, To: sh.Pos})
}
