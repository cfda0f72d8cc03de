package rules

// A team aboard a station (a resistance cell) works against it from inside:
// each action an attempt to disable one of its sections, which succeeds
// Skill percent of the time, less the Alarm of each alarm section still
// standing (unless the attempt is on an alarm itself). A team that fails
// while an alarm stands is caught: apprehended, out of the battle.

// chanceAboard is a team's chance, in percent, against a section of the
// station it is aboard.
func (s *State) chanceAboard(team, st *Ship, section int) (chance int, alarmed bool) {
	c := s.Class(st)
	chance = s.Class(team).Skill
	target, _ := c.Section(section)
	for i, sec := range c.Sections {
		if sec.Alarm > 0 && st.Section[i] > 0 {
			alarmed = true
			if i != target {
				chance -= sec.Alarm
			}
		}
	}
	return min(max(chance, 0), 100), alarmed
}

// disable carries out a team's attempt on a section.
func (s *State) disable(o Order, ev *[]Event) {
	team := &s.Ships[o.Ship]
	st := &s.Ships[o.Target]
	team.Actions--
	chance, alarmed := s.chanceAboard(team, st, o.Section)
	e := Event{Side: team.Side, Ship: team.ID, Target: st.ID, Section: o.Section, To: st.Pos, Value: chance}
	if s.roll(100) < chance {
		e.Kind = TeamStruck
		s.emit(ev, e)
		si, _ := s.Class(st).Section(o.Section)
		st.Hull -= st.Section[si]
		st.Section[si] = 0
		s.sectionDown(st, si, ev)
		return
	}
	e.Kind = TeamFailed
	s.emit(ev, e)
	if alarmed {
		s.foresee(Event{Kind: TeamCaught, Ship: team.ID, Target: st.ID})
		team.Status, team.Actions = Apprehended, 0
		s.emit(ev, Event{Kind: TeamCaught, Side: team.Side, Ship: team.ID, Target: st.ID, To: st.Pos})
	}
}

// ChanceAboard is a team's chance, in percent, of disabling a section of the
// station it is aboard, as the engine will roll it; 0 when the team is not
// aboard that station.
func (v *View) ChanceAboard(team ShipID, section int) int {
	t := v.Ship(team)
	if t == nil || !t.IsAboard() || t.Side != v.Side {
		return 0
	}
	st := v.Ship(t.Aboard)
	if st == nil {
		return 0
	}
	c := &v.Classes[st.Class]
	chance := v.Classes[t.Class].Skill
	target, _ := c.Section(section)
	for i, sec := range c.Sections {
		if sec.Alarm > 0 && st.Section[i] > 0 && i != target {
			chance -= sec.Alarm
		}
	}
	return min(max(chance, 0), 100)
}
