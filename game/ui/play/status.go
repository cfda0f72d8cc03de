package play

import (
	"github.com/calltoarms/ds9/game/rules"
)

// Status is the game's state as a page embedding the game, or a test, sees
// it: which scene is up and, in a battle or a replay, the scenario, turn,
// phase, side to act and the outcome once decided. The browser build exposes
// it to JavaScript as window.ds9.status() (see web_js.go).
type Status struct {
	Scene     string `json:"scene"` // title, briefing, battle, report, replay
	Scenario  string `json:"scenario"`
	Turn      int    `json:"turn"`
	TurnLimit int    `json:"turnLimit"`
	Phase     string `json:"phase"`  // parley, battle, over
	Active    string `json:"active"` // alliance or dominion
	Outcome   string `json:"outcome"`
	Frames    int    `json:"frames"` // frames drawn since the start
	// BattleFrames counts the frames drawn since the current battle or
	// replay came up.
	BattleFrames int  `json:"battleFrames"`
	HumanTurn    bool `json:"humanTurn"` // a person gives the orders now
	Busy         bool `json:"busy"`      // the enemy's turn is being played back
	Replay       bool `json:"replay"`    // a replay is shown
	// Error is the last problem the game reported to the player, if any.
	Error string `json:"error,omitempty"`
	// Screen is the screen's size and Boxes the battle HUD's boxes as
	// drawn, in the page's pixels (device-independent): what a layout
	// check reads (none overlaps another or leaves the screen).
	Screen Size  `json:"screen"`
	Boxes  []Box `json:"boxes,omitempty"`
}

// Size is a width and a height.
type Size struct {
	W float64 `json:"w"`
	H float64 `json:"h"`
}

// Box is a named rectangle of the screen.
type Box struct {
	Name string  `json:"name"`
	X    float64 `json:"x"`
	Y    float64 `json:"y"`
	W    float64 `json:"w"`
	H    float64 `json:"h"`
}

// FillStatus fills the battle part of a status from a session: what every
// side knows alike.
func FillStatus(st *Status, s *Session) {
	if s == nil {
		return
	}
	pub := s.Public()
	if s.Scenario != nil {
		st.Scenario = s.Scenario.ID
	}
	st.Turn = pub.Turn
	st.TurnLimit = pub.TurnLimit
	st.Phase = pub.Phase.String()
	var ids rules.SideIDs
	if s.Scenario != nil {
		ids = s.Scenario.Setup.SideIDs
	}
	st.Active = ids.Of(pub.Active)
	if pub.Phase == rules.Over {
		st.Outcome = pub.Outcome
	}
}
