package ui

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
}

// statusScene is a scene that reports its part of the status.
type statusScene interface {
	fillStatus(st *Status)
}

// statusState fills the battle part of a status from a state.
func statusState(st *Status, s *rules.State, scenarioID string) {
	if s == nil {
		return
	}
	st.Scenario = scenarioID
	st.Turn = s.Turn
	st.TurnLimit = s.TurnLimit
	st.Phase = s.Phase.String()
	st.Active = s.Active.String()
	if s.Phase == rules.Over {
		st.Outcome = s.Outcome
	}
}

// statusTrack remembers when the battle or replay on screen came up.
var statusTrack struct {
	scene Scene
	from  int
}

// Status reports the game's state now.
func (g *Game) Status() Status {
	st := Status{Scene: "loading", Frames: g.Frame}
	sc := g.scene
	if r, ok := sc.(statusScene); ok {
		r.fillStatus(&st)
	}
	if st.Scene == "battle" || st.Scene == "replay" {
		if statusTrack.scene != sc {
			statusTrack.scene, statusTrack.from = sc, g.Frame
		}
		st.BattleFrames = g.Frame - statusTrack.from
	}
	return st
}

func (b *battleScene) fillStatus(st *Status) {
	statusState(st, b.s.State(), b.s.Scenario.ID)
	if b.rp != nil {
		st.Scene, st.Replay = "replay", true
		st.Busy = b.rp.playing
		st.Error = b.rp.broken
		return
	}
	st.Scene = "battle"
	st.HumanTurn = b.s.HumanTurn()
	st.Busy = !st.HumanTurn && st.Phase != "over" || b.curtain
}

func (r *reportScene) fillStatus(st *Status) {
	st.Scene = "report"
	if r.s != nil {
		statusState(st, r.s.State(), r.s.Scenario.ID)
	}
}

func (b *briefingScene) fillStatus(st *Status) {
	st.Scene = "briefing"
	if b.s == nil {
		if b.sc != nil {
			st.Scenario = b.sc.ID
		}
		st.Error = b.err
		return
	}
	statusState(st, b.s.State(), b.s.Scenario.ID)
	st.HumanTurn = b.s.HumanTurn()
	st.Error = b.err
}

func (t *titleScene) fillStatus(st *Status) {
	st.Scene = "title"
	st.Error = t.err
}
