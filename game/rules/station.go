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

// Damage control: a station whose class has Repair restores hull to a
// damaged section still standing, an action at a time; one with Reroute
// may, once, bring its main power back through another standing section
// when the section carrying it is gone, at the cost of all its actions that
// phase and half of that section's hull. Its shields then come back as they
// regenerate.

// checkRepair tests a damage-control repair of one of a station's sections.
func checkRepair(f *frame, sh *Ship, section int) error {
	c := f.class(sh)
	if !c.Station || c.Repair <= 0 {
		return fmt.Errorf("%s has no damage control", sh.Name)
	}
	if sh.Evacuated {
		return fmt.Errorf("%s is evacuated: no one is left for damage control", sh.Name)
	}
	if err := needAction(sh); err != nil {
		return err
	}
	si, ok := c.Section(section)
	if !ok {
		return fmt.Errorf("%s has no section %d", sh.Name, section)
	}
	switch hp := sh.Section[si]; {
	case hp <= 0:
		return fmt.Errorf("%s is gone: damage control cannot bring it back", c.Sections[si].Name)
	case hp >= c.Sections[si].Hull:
		return fmt.Errorf("%s is not damaged", c.Sections[si].Name)
	}
	return nil
}

// checkReroute tests routing a station's main power through a section.
func checkReroute(f *frame, sh *Ship, section int) error {
	c := f.class(sh)
	switch {
	case !c.Station || !c.Reroute:
		return fmt.Errorf("%s cannot re-route its main power", sh.Name)
	case sh.MainPower:
		return fmt.Errorf("%s has main power", sh.Name)
	case sh.Rerouted:
		return fmt.Errorf("%s has re-routed its main power once already", sh.Name)
	case sh.Evacuated:
		return fmt.Errorf("%s is evacuated: no one is left to re-route its power", sh.Name)
	}
	if err := needAction(sh); err != nil {
		return err
	}
	si, ok := c.Section(section)
	if !ok {
		return fmt.Errorf("%s has no section %d", sh.Name, section)
	}
	if sh.Section[si] <= 0 {
		return fmt.Errorf("%s is gone", c.Sections[si].Name)
	}
	return nil
}

// repair restores hull to a station's section.
func (s *State) repair(o Order, ev *[]Event) {
	sh := &s.Ships[o.Ship]
	c := s.Class(sh)
	si, _ := c.Section(o.Section)
	sh.Actions--
	n := min(c.Repair, c.Sections[si].Hull-sh.Section[si])
	sh.Section[si] += n
	sh.Hull += n
	s.emit(ev, Event{Kind: Repaired, Side: sh.Side, Ship: sh.ID, To: sh.Pos, Section: o.Section, Value: n, Text: c.Sections[si].Name})
}

// reroute brings a station's main power back through a section.
func (s *State) reroute(o Order, ev *[]Event) {
	sh := &s.Ships[o.Ship]
	c := s.Class(sh)
	si, _ := c.Section(o.Section)
	sh.Actions = 0
	cost := sh.Section[si] / 2
	sh.Section[si] -= cost
	sh.Hull -= cost
	sh.MainPower, sh.PowerAt, sh.Rerouted = true, o.Section, true
	s.emit(ev, Event{Kind: PowerRerouted, Side: sh.Side, Ship: sh.ID, To: sh.Pos, Section: o.Section, Value: cost, Text: c.Sections[si].Name})
}
