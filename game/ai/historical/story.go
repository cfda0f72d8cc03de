package historical

import (
	"fmt"

	"github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/rules"
)

// CheckStory reports whether a battle's events tell the story of the sources, in
// this order: the Rotarran covers the Defiant while she completes the minefield,
// which activates and cloaks; each of the five intercept wings closes on the
// Defiant before that; the perimeter defenses destroy Dominion ships; fire from
// Gul Dukat's wing disables section 17 and main power fails; the evacuation is
// ordered; the Defiant and the Rotarran withdraw; Program Sisko 197 runs; the
// station is boarded and captured; the Dominion loses at least the pyrrhic price
// and the outcome is dominion-pyrrhic-victory with the minefield active and the
// station sabotaged. st is the final state; events are every event of the battle
// in order.
func CheckStory(st *rules.State, events []rules.Event) error {
	defiant, rotarran := st.ShipByKey("defiant"), st.ShipByKey("rotarran")
	if defiant == nil || rotarran == nil {
		return fmt.Errorf("the scenario has no defiant or no rotarran")
	}
	intercept := map[int]bool{} // wing index → closed on the Defiant
	dukat := -1
	for _, w := range st.Wings {
		if w.Side == rules.SideB && w.Directive == rules.Intercept && w.Target == defiant.ID && w.Arrive == 0 {
			intercept[w.Index] = false
		}
		if w.Leader == "Gul Dukat" {
			dukat = w.Index
		}
	}
	if len(intercept) != 5 {
		return fmt.Errorf("%d wings on the map intercept the Defiant, want 5", len(intercept))
	}
	if dukat < 0 {
		return fmt.Errorf("no wing led by Gul Dukat")
	}
	// Where the Defiant is, event by event.
	defPos := st.Ships[defiant.ID].Pos
	for _, e := range events {
		if e.Kind == rules.Moved && e.Ship == defiant.ID {
			defPos = e.From
			break
		}
	}

	// The milestones: the first event of each, in the sources' order.
	type milestone struct {
		what string
		at   int
	}
	first := func(what string, ok func(i int, e rules.Event) bool) milestone {
		for i, e := range events {
			if ok(i, e) {
				return milestone{what, i}
			}
		}
		return milestone{what, -1}
	}
	lastHit := func(i int) (rules.Event, bool) {
		for j := i - 1; j >= 0; j-- {
			if events[j].Kind == rules.Hit {
				return events[j], true
			}
		}
		return rules.Event{}, false
	}
	withdrew := func(id rules.ShipID) milestone {
		return first("the "+st.Ships[id].Name+" withdraws", func(_ int, e rules.Event) bool { return e.Kind == rules.Withdrew && e.Ship == id })
	}
	cover := first("the Rotarran covers the Defiant", func(_ int, e rules.Event) bool {
		return e.Kind == rules.CoverBegan && e.Ship == rotarran.ID && e.Target == defiant.ID
	})
	active := first("the minefield activates", func(_ int, e rules.Event) bool { return e.Kind == rules.MinefieldActivated })
	cloaked := first("the minefield cloaks", func(_ int, e rules.Event) bool { return e.Kind == rules.MinefieldCloaked })
	perimeter := first("perimeter defenses destroy a Dominion ship", func(i int, e rules.Event) bool {
		return e.Kind == rules.PerimeterFire && perimeterKill(events, i)
	})
	section := first("Dukat's wing disables section 17", func(i int, e rules.Event) bool {
		h, ok := lastHit(i)
		return e.Kind == rules.SectionDisabled && e.Section == 17 && ok && h.Section == 17 && st.Ships[h.Ship].Wing == dukat
	})
	power := first("main power is lost", func(_ int, e rules.Event) bool { return e.Kind == rules.MainPowerLost })
	evac := first("the evacuation is ordered", func(_ int, e rules.Event) bool { return e.Kind == rules.EvacuationOrdered })
	wDef, wRot := withdrew(defiant.ID), withdrew(rotarran.ID)
	sab := first("Program Sisko 197 runs", func(_ int, e rules.Event) bool { return e.Kind == rules.Sabotaged })
	captured := first("the station is captured", func(_ int, e rules.Event) bool { return e.Kind == rules.StationCaptured })
	outcome := first("the battle ends in dominion-pyrrhic-victory", func(_ int, e rules.Event) bool {
		return e.Kind == rules.OutcomeDecided && e.Text == "dominion-pyrrhic-victory"
	})
	for _, m := range []milestone{cover, active, cloaked, perimeter, section, power, evac, wDef, wRot, sab, captured, outcome} {
		if m.at < 0 {
			return fmt.Errorf("%s: never", m.what)
		}
	}
	for _, pair := range [][2]milestone{
		{cover, active}, {active, cloaked}, {cloaked, section}, {perimeter, section}, {section, power},
		{power, evac}, {evac, wDef}, {evac, wRot}, {wDef, sab}, {wRot, sab}, {sab, captured}, {captured, outcome},
	} {
		if pair[0].at > pair[1].at {
			return fmt.Errorf("%s after %s", pair[0].what, pair[1].what)
		}
	}
	if events[section.at+1].Kind != rules.MainPowerLost {
		return fmt.Errorf("section 17 fell, but main power was not lost with it")
	}
	// The intercept wings close on the Defiant while she completes the field.
	for _, e := range events[:active.at] {
		if e.Kind != rules.Moved {
			continue
		}
		if e.Ship == defiant.ID {
			defPos = e.To
		} else if done, ok := intercept[st.Ships[e.Ship].Wing]; ok && !done && hex.Distance(e.To, defPos) < hex.Distance(e.From, defPos) {
			intercept[st.Ships[e.Ship].Wing] = true
		}
	}
	for w, done := range intercept {
		if !done {
			return fmt.Errorf("the %s never closed on the Defiant while she laid the minefield", st.Wings[w].Name)
		}
	}
	sum := st.Summarize()
	switch {
	case sum.Outcome != "dominion-pyrrhic-victory":
		return fmt.Errorf("outcome %s", sum.Outcome)
	case !sum.Minefield.Active:
		return fmt.Errorf("the minefield is not active")
	case sum.Station != "sabotaged":
		return fmt.Errorf("station %s, want sabotaged", sum.Station)
	case sum.Losses[rules.SideB].N < 50:
		return fmt.Errorf("%d Dominion ships lost, fewer than 50", sum.Losses[rules.SideB].N)
	}
	return nil
}

// perimeterKill reports whether the perimeter fire at events[i] destroyed its target.
func perimeterKill(events []rules.Event, i int) bool {
	t := events[i].Target
	for _, e := range events[i+1:] {
		switch {
		case e.Kind == rules.ShipDestroyed && e.Ship == t:
			return true
		case e.Kind == rules.PerimeterFire || e.Kind == rules.PhaseBegan || e.Kind == rules.Moved && e.Ship != t:
			return false
		}
	}
	return false
}
