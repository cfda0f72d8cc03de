package rules

// SideCounts is a number for each side, as summaries print it.
type SideCounts struct {
	Alliance int `json:"alliance"`
	Dominion int `json:"dominion"`
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
	Minefield MinefieldSummary `json:"minefield"`
	Station   string           `json:"station"`
	Checksum  string           `json:"checksum"`
}

// Summarize describes the battle as it stands.
func (s *State) Summarize() Summary {
	sum := Summary{
		Scenario: s.Scenario, Seed: s.Seed, Turns: s.Turn, Phase: s.Phase.String(), Outcome: s.Outcome,
		Forces:    SideCounts{s.Forces[Alliance], s.Forces[Dominion]},
		Losses:    SideCounts{s.Losses[Alliance], s.Losses[Dominion]},
		Minefield: MinefieldSummary{Laid: s.Mines.LaidCount(), Total: len(s.Mines.Positions), Active: s.Mines.Active},
		Station:   s.StationStatus(),
		Checksum:  s.ChecksumHex(),
	}
	if s.Phase == Over && s.Outcome != Undecided {
		sum.Winner = s.Winner.String()
	}
	return sum
}
