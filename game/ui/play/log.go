package play

import (
	"fmt"

	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
)

// LogLine is one line of an event log.
type LogLine struct {
	Text  string
	Side  rules.Side // whose doing it tells of, for its colour
	Frame int        // the frame it was written in
}

// logSize is how many lines a Log keeps.
const logSize = 128

// Log is one side's event log: the last lines of what that side was told. A
// front end keeps one for each side, so that a player is never shown the
// lines of the other side's log (hot-seat, switching views while watching)
// and never loses their own.
type Log struct {
	lines [logSize]LogLine
	n     int
}

// Add writes a line.
func (l *Log) Add(text string, side rules.Side, frame int) {
	l.lines[l.n%logSize] = LogLine{Text: text, Side: side, Frame: frame}
	l.n++
}

// Len is how many lines have been written (the log keeps the last 128).
func (l *Log) Len() int { return l.n }

// Last returns the i-th line from the end (0 is the newest), or nil.
func (l *Log) Last(i int) *LogLine {
	if i < 0 || i >= l.n || i >= logSize {
		return nil
	}
	return &l.lines[(l.n-1-i)%logSize]
}

// Tell writes the lines of an order's events as a side was told them (told,
// with the side's sight of the order to name them; see Describe). A volley
// is one line, with its hits, misses and damage after it (Volley); its shots
// have none of their own.
func (l *Log) Tell(sc *scenario.Scenario, k Sight, told []rules.Event, frame int) {
	side := k.Side()
	for i, e := range told {
		if e.Kind == rules.Hit || e.Kind == rules.Missed {
			continue
		}
		line := Describe(sc, k, e)
		if line == "" {
			continue
		}
		if e.Kind == rules.Fired {
			line += Volley(told[i+1:])
		}
		who := side
		if e.Sided() {
			who = e.Side
		}
		l.Add(line, who, frame)
	}
}

// Volley sums the shots that follow a Fired event (its Hit and Missed
// events, up to the next other event): " 2 of 3 hit: 24 damage (shields 10,
// hull 14)." or " All 3 missed.", to follow the volley's line.
func Volley(after []rules.Event) string {
	hits, shots, dmg, sh, hull := 0, 0, 0, 0, 0
	for _, e := range after {
		switch e.Kind {
		case rules.Hit:
			hits++
			dmg, sh, hull = dmg+e.Damage, sh+e.ShieldDamage, hull+e.HullDamage
		case rules.Missed:
		default:
			return volleyText(hits, shots, dmg, sh, hull)
		}
		shots++
	}
	return volleyText(hits, shots, dmg, sh, hull)
}

func volleyText(hits, shots, dmg, sh, hull int) string {
	switch {
	case shots == 0:
		return ""
	case hits == 0 && shots == 1:
		return " Missed."
	case hits == 0:
		return fmt.Sprintf(" All %d missed.", shots)
	}
	return fmt.Sprintf(" %d of %d hit: %d damage (shields %d, hull %d).", hits, shots, dmg, sh, hull)
}
