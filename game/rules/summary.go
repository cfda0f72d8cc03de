package rules

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
)

// SideCount is a number for one side, named by the battle's id for it.
type SideCount struct {
	Side string
	N    int
}

// SideCounts is a number for each side, in the battle's order of sides. Its JSON
// is an object keyed by the sides' ids, as summaries print it:
// {"alliance": 3, "dominion": 67}.
type SideCounts [2]SideCount

// Of returns the number of the side with the given id (0 when none has it).
func (c SideCounts) Of(id string) int {
	for _, x := range c {
		if x.Side == id {
			return x.N
		}
	}
	return 0
}

// MarshalJSON writes the counts as an object keyed by side id, in order.
func (c SideCounts) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for i, x := range c {
		if i > 0 {
			b = append(b, ',')
		}
		k, err := json.Marshal(x.Side)
		if err != nil {
			return nil, err
		}
		b = append(b, k...)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(x.N), 10)
	}
	return append(b, '}'), nil
}

// UnmarshalJSON reads an object of exactly two side ids and their numbers,
// keeping their order.
func (c *SideCounts) UnmarshalJSON(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return fmt.Errorf("side counts: want an object of two sides")
	}
	var out SideCounts
	for i := 0; dec.More(); i++ {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		k, _ := t.(string)
		var n int
		if err := dec.Decode(&n); err != nil {
			return fmt.Errorf("side counts: %s: %w", k, err)
		}
		if i >= 2 || k == "" || (i == 1 && k == out[0].Side) {
			return fmt.Errorf("side counts: want exactly two sides")
		}
		out[i] = SideCount{Side: k, N: n}
	}
	if out[1].Side == "" {
		return fmt.Errorf("side counts: want exactly two sides")
	}
	*c = out
	return nil
}

func (s *State) counts(n [2]int) SideCounts {
	return SideCounts{{s.SideID(SideA), n[SideA]}, {s.SideID(SideB), n[SideB]}}
}

// MinefieldSummary is the minefield at the end.
type MinefieldSummary struct {
	Laid   int  `json:"laid"`
	Total  int  `json:"total"`
	Active bool `json:"active"`
}

// Summary is the record of a battle that tools print (DESIGN §6).
type Summary struct {
	Scenario  string           `json:"scenario"`
	Seed      uint64           `json:"seed"`
	Turns     int              `json:"turns"`
	Phase     string           `json:"phase"`
	Outcome   string           `json:"outcome"`
	Winner    string           `json:"winner,omitempty"`
	Forces    SideCounts       `json:"forces"`
	Losses    SideCounts       `json:"losses"`
	Minefield MinefieldSummary `json:"minefield"` // the first minefield (zero without one)
	Station   string           `json:"station"`   // the guardian's first station: held, captured, sabotaged or none
	// Scores are each side's score (State.Score), 0..MaxScore.
	Scores SideCounts `json:"scores"`
	// Minefields are every minefield; Objectives, every objective and whether
	// it is done.
	Minefields []FieldSummary     `json:"minefields,omitempty"`
	Objectives []ObjectiveSummary `json:"objectives,omitempty"`
	Checksum   string             `json:"checksum"`
}

// FieldSummary is one minefield at the end.
type FieldSummary struct {
	ID     string `json:"id"`
	Laid   int    `json:"laid"`
	Total  int    `json:"total"`
	Active bool   `json:"active"`
	Down   bool   `json:"down,omitempty"`
}

// ObjectiveSummary is one objective at the end.
type ObjectiveSummary struct {
	ID   string `json:"id"`
	Side string `json:"side"`
	Done bool   `json:"done"`
}

// Equal reports whether two summaries say the same.
func (s Summary) Equal(o Summary) bool {
	return s.Scenario == o.Scenario && s.Seed == o.Seed && s.Turns == o.Turns && s.Phase == o.Phase &&
		s.Outcome == o.Outcome && s.Winner == o.Winner && s.Forces == o.Forces && s.Losses == o.Losses &&
		s.Minefield == o.Minefield && s.Station == o.Station && s.Scores == o.Scores &&
		slices.Equal(s.Minefields, o.Minefields) && slices.Equal(s.Objectives, o.Objectives) && s.Checksum == o.Checksum
}

// Summarize describes the battle as it stands.
func (s *State) Summarize() Summary {
	sum := Summary{
		Scenario: s.Scenario, Seed: s.Seed, Turns: s.Turn, Phase: s.Phase.String(), Outcome: s.Outcome,
		Forces:   s.counts(s.Forces),
		Losses:   s.counts(s.Losses),
		Station:  s.StationStatus(),
		Scores:   s.counts([2]int{s.Score(SideA), s.Score(SideB)}),
		Checksum: s.ChecksumHex(),
	}
	for fi := range s.Fields {
		m := &s.Fields[fi]
		fs := FieldSummary{ID: m.ID, Laid: m.LaidCount(), Total: len(m.Positions), Active: m.Active, Down: m.Down}
		if fi == 0 {
			sum.Minefield = MinefieldSummary{Laid: fs.Laid, Total: fs.Total, Active: fs.Active}
		}
		sum.Minefields = append(sum.Minefields, fs)
	}
	for i := range s.Objectives {
		o := &s.Objectives[i]
		sum.Objectives = append(sum.Objectives, ObjectiveSummary{ID: o.ID, Side: s.SideID(o.Side), Done: s.Done(o)})
	}
	if s.Phase == Over && s.Outcome != Undecided {
		sum.Winner = s.SideID(s.Winner)
	}
	return sum
}
