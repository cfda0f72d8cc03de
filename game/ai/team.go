package ai

import "github.com/calltoarms/ds9/game/rules"

// teams plans the side's teams aboard enemy stations. Each works on the
// section that matters: one its objectives name (disabled(STATION, SECTION)),
// else the section carrying the station's mine-sweeping beam while an own
// minefield stands, else its main power. While an alarm of the station
// stands, the team with the best chance against it tries the alarm and the
// others wait, unless the battle is in its last turn.
func (c *commander) teams(v *rules.View, out []rules.Order) []rules.Order {
	type job struct {
		team    *rules.Ship
		station *rules.Ship
		target  int // section id
		alarm   int // section id of a standing alarm, or 0
	}
	var jobs []job
	for i := range v.Ships {
		sh := &v.Ships[i]
		if c.roles[i] != teamRole || sh.Actions <= 0 {
			continue
		}
		st := v.Ship(sh.Aboard)
		if st == nil {
			continue
		}
		j := job{team: sh, station: st, target: teamTarget(v, st)}
		sc := v.Class(st)
		for k, sec := range sc.Sections {
			if sec.Alarm > 0 && st.Section[k] > 0 {
				j.alarm = sec.ID
			}
		}
		if j.target != 0 {
			jobs = append(jobs, j)
		}
	}
	// Who tries the alarm: the best chance against it, per station.
	alarmBy := map[rules.ShipID]rules.ShipID{}
	for _, j := range jobs {
		if j.alarm == 0 {
			continue
		}
		best, ok := alarmBy[j.station.ID]
		if !ok || v.ChanceAboard(j.team.ID, j.alarm) > v.ChanceAboard(best, j.alarm) {
			alarmBy[j.station.ID] = j.team.ID
		}
	}
	late := v.Turn >= v.TurnLimit
	for _, j := range jobs {
		sec := j.target
		switch {
		case j.alarm == 0 || late:
		case alarmBy[j.station.ID] == j.team.ID:
			sec = j.alarm
		default:
			continue // wait for the alarm
		}
		o := rules.Order{Kind: rules.Disable, Side: v.Side, Ship: j.team.ID, Target: j.station.ID, Section: sec}
		if v.Check(o) == nil {
			out = append(out, o)
		}
	}
	return out
}

// teamTarget is the section of a station a team should disable, or 0.
func teamTarget(v *rules.View, st *rules.Ship) int {
	sc := v.Class(st)
	up := func(id int) bool {
		k, ok := sc.Section(id)
		return ok && st.Section[k] > 0
	}
	for i := range v.Objectives {
		o := &v.Objectives[i]
		if o.Side != v.Side || o.Points <= 0 {
			continue
		}
		for _, cd := range o.When {
			if cd.Name == "disabled" && len(cd.Units) > 0 && cd.Units[0] == st.ID && up(cd.Section) {
				return cd.Section
			}
		}
	}
	for _, w := range sc.Weapons {
		if w.Sweep > 0 && w.Section != 0 && up(w.Section) && ownFieldsStand(v) {
			return w.Section
		}
	}
	for _, sec := range sc.Sections {
		if sec.ID == st.PowerAt && up(sec.ID) {
			return sec.ID
		}
	}
	return 0
}

// ownFieldsStand reports whether the view's side has an active minefield.
func ownFieldsStand(v *rules.View) bool {
	for _, f := range v.Fields {
		if f.Owner == v.Side && f.Active {
			return true
		}
	}
	return false
}
