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
	Kind  LogKind    // what it tells of, for the log's filters
}

// LogKind is what a log line tells of.
type LogKind uint8

// The kinds of log lines.
const (
	// LogNote is the battle's course: the turns and phases, and the front
	// end's own lines (the battle joined, an order taken back, what the
	// enemy's phase did). Every filter shows them, to say when.
	LogNote LogKind = iota
	// LogCombat is fire, hits and misses, damage, mine strikes, ships
	// destroyed and sections put out of action.
	LogCombat
	// LogOrders is orders and objectives, moves aside: mines laid and the
	// minefield, cloaks, cover, boarding, the station (its power, its
	// evacuation, sabotage, capture), teams aboard, reinforcements, wing
	// orders, the terms and the outcome.
	LogOrders
)

// LogFilter is which lines a log shows.
type LogFilter uint8

// The log's filters, in the order the player switches them.
const (
	LogAll LogFilter = iota
	LogCombatOnly
	LogOrdersOnly
	LogFilters // how many
)

// Name is how the log's header names the filter.
func (f LogFilter) Name() string {
	switch f {
	case LogCombatOnly:
		return "combat"
	case LogOrdersOnly:
		return "orders & objectives"
	}
	return "all"
}

// Next is the filter after f, back to LogAll after the last.
func (f LogFilter) Next() LogFilter { return (f + 1) % LogFilters }

// Shows reports whether the filter shows a line of kind k.
func (f LogFilter) Shows(k LogKind) bool {
	switch f {
	case LogCombatOnly:
		return k == LogNote || k == LogCombat
	case LogOrdersOnly:
		return k == LogNote || k == LogOrders
	}
	return true
}

// KindOf is the kind of the log line an event is told in.
func KindOf(k rules.EventKind) LogKind {
	switch k {
	case rules.TurnBegan, rules.PhaseBegan:
		return LogNote
	case rules.MoveInterrupted, rules.Fired, rules.Hit, rules.Missed, rules.ShieldsDown, rules.SectionDisabled,
		rules.ShipDestroyed, rules.MineDetonated, rules.CoveringFire, rules.PerimeterFire, rules.MineSwept:
		return LogCombat
	}
	return LogOrders
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

// Add writes a note (LogNote): a line of the battle's course.
func (l *Log) Add(text string, side rules.Side, frame int) { l.AddKind(text, side, frame, LogNote) }

// AddKind writes a line of a kind.
func (l *Log) AddKind(text string, side rules.Side, frame int, kind LogKind) {
	l.lines[l.n%logSize] = LogLine{Text: text, Side: side, Frame: frame, Kind: kind}
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

// Count is how many of the lines the log keeps the filter shows.
func (l *Log) Count(f LogFilter) int {
	n := 0
	for i := 0; l.Last(i) != nil; i++ {
		if f.Shows(l.Last(i).Kind) {
			n++
		}
	}
	return n
}

// LastOf returns the i-th line from the end (0 is the newest) of those the
// filter shows, or nil.
func (l *Log) LastOf(i int, f LogFilter) *LogLine {
	for j := 0; ; j++ {
		line := l.Last(j)
		if line == nil {
			return nil
		}
		if f.Shows(line.Kind) {
			if i == 0 {
				return line
			}
			i--
		}
	}
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
		l.AddKind(line, who, frame, KindOf(e.Kind))
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
