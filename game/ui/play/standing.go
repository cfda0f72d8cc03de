package play

import (
	"fmt"
	"strings"

	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
)

// Standing is where the battle stands as side knows it, for its log when a
// saved battle is resumed (the log of what it was told is not in the save):
// the turn and phase, the minefield, the losses, the stations, what its
// sensors show and its objectives done. Everything comes from the side's
// view and the objectives it may know of.
func Standing(s *Session, side rules.Side) []string {
	sc := s.Scenario
	v := s.View(side)
	pub := s.Public()
	phase := SideTitle(sc, pub.Active) + " phase"
	switch pub.Phase {
	case rules.Parley:
		phase = "the surrender terms"
	case rules.Over:
		phase = "the battle is over"
	}
	out := []string{fmt.Sprintf("The battle is resumed: %s, turn %d of %d, %s.", pub.Name, max(pub.Turn, 1), pub.TurnLimit, phase)}
	known := "What the " + SideTitle(sc, side) + " knows:"
	var facts []string
	if v.MinesTotal > 0 {
		state := "being laid"
		if v.MinefieldActive {
			state = "active"
		}
		facts = append(facts, fmt.Sprintf("the minefield %d of %d laid, %s", v.MinesLaid, v.MinesTotal, state))
	}
	lost := fmt.Sprintf("ships destroyed: %s %d, %s %d", SideTitle(sc, rules.SideA), v.Losses[rules.SideA], SideTitle(sc, rules.SideB), v.Losses[rules.SideB])
	if ls, n, o, ok := LossGoal(sc); ok {
		lost += fmt.Sprintf(" (%d %s or more: %s)", n, SideTitle(sc, ls), o.Title)
	}
	facts = append(facts, lost)
	own, enemy := 0, 0
	for i := range v.Ships {
		sh := &v.Ships[i]
		if !sh.Alive() {
			continue
		}
		c := v.Class(sh)
		if c.Station {
			facts = append(facts, sh.Name+": "+stationState(sc, v, sh, pub.Terms))
			continue
		}
		if c.Team || c.Structure {
			continue
		}
		if sh.Side == side {
			own++
		} else {
			enemy++
		}
	}
	facts = append(facts, fmt.Sprintf("%d of your ships in the battle, %d of the enemy's in sight", own, enemy))
	out = append(out, known+" "+strings.Join(facts, "; ")+".")
	var done []string
	for _, o := range s.Objectives(side, false) {
		if o.Known && o.Done {
			done = append(done, o.Text)
		}
	}
	if len(done) > 0 {
		out = append(out, "Objectives done: "+strings.Join(done, "; ")+".")
	}
	return out
}

// stationState is a station's state as a side sees it, for Standing.
func stationState(sc *scenario.Scenario, v *rules.View, sh *rules.Ship, terms rules.Terms) string {
	var parts []string
	switch {
	case terms == rules.TermsAccepted || sh.Lost():
		parts = append(parts, StationFate(sh, terms))
	case !sh.MainPower:
		parts = append(parts, "main power lost")
	default:
		parts = append(parts, fmt.Sprintf("main power online, shields %d of %d", sh.Shields, v.Class(sh).Shields))
	}
	if ev := Evacuation(sc, v, sh); ev != "" && !sh.Lost() {
		parts = append(parts, strings.ToLower(ev[:1])+ev[1:])
	}
	return strings.Join(parts, ", ")
}
