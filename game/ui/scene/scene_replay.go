package scene

import (
	"fmt"

	"github.com/calltoarms/ds9/game/replay"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/game/ui/input"
	"github.com/calltoarms/ds9/game/ui/play"
)

// replayState is the replay viewer's place in a replay file. The viewer is the
// battle view with the file's orders in place of the players: stepping
// forward applies them, stepping back re-simulates from the start.
type replayState struct {
	f         *replay.File
	sc        *scenario.Scenario
	orders    []rules.Order
	turnStart []int // index of the first order of each turn
	playing   bool
	broken    string // why the replay stops early, if it does
}

// Replay viewer actions, beyond the battle's.
const (
	ActRpStart play.Action = play.ActionCount + iota
	ActRpPrev
	ActRpPlay
	ActRpNext
	ActRpSlower
	ActRpFaster
	ActRpView
	ActPbSkip // skip the playback of the computer's phase
)

var replayButtons = [...]actionInfo{
	{ActRpStart, "Start", "Ctrl+H", "Back to the start of the battle.", "Start"},
	{ActRpPrev, "‹ Turn", "Z", "Back one turn (the battle is re-simulated from the start).", "‹ Turn"},
	{ActRpPlay, "Play", "Space", "Play the orders one by one, or pause.", "Play"},
	{ActRpNext, "Turn ›", "Enter", "Forward one turn.", "Turn ›"},
	{ActRpSlower, "Slower", ",", "Slow the playback down.", "Slow"},
	{ActRpFaster, "Faster", ".", "Speed the playback up.", "Fast"},
	{ActRpView, "Switch view", "G", "See the battle as the other side sees it.", "View"},
}

// playbackButtons are the action bar while the computer plays a phase: its
// speed, and skipping it.
var playbackButtons = [...]actionInfo{
	{ActRpSlower, "Slower", ",", "Slow the playback of the enemy's phase down.", "Slow"},
	{ActRpFaster, "Faster", ".", "Speed the playback of the enemy's phase up.", "Fast"},
	{ActPbSkip, "Skip", "K", "Skip to the end of the enemy's phase.", "Skip"},
	{ActRpView, "Switch view", "G", "See the battle as the other side sees it.", "View"},
}

// newReplayScene opens a replay file's bytes in the viewer.
func newReplayScene(g *Manager, name string, data []byte) (*battleScene, error) {
	f, err := replay.Load(name, data)
	if err != nil {
		return nil, err
	}
	sc := g.ScenarioByID(f.Scenario)
	if sc == nil {
		return nil, fmt.Errorf("%s: unknown scenario %q", name, f.Scenario)
	}
	sc, err = replay.ScenarioOf(f, sc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return newReplaySceneFile(g, sc, f)
}

// newReplaySceneFile opens a replay in the viewer.
func newReplaySceneFile(g *Manager, sc *scenario.Scenario, f *replay.File) (*battleScene, error) {
	rp := &replayState{f: f, sc: sc}
	for _, t := range f.Turns {
		rp.turnStart = append(rp.turnStart, len(rp.orders))
		rp.orders = append(rp.orders, t.Orders...)
	}
	if _, err := replay.Verify(f, sc); err != nil {
		rp.broken = err.Error()
	}
	s, err := play.NewSession(sc, f.Seed, replay.Players{"replay", "replay"})
	if err != nil {
		return nil, err
	}
	b := newBattleScene(g, s)
	b.rp = rp
	b.watch = true
	if rp.broken != "" {
		b.logAll("This replay diverges: "+rp.broken, 0)
	}
	b.banner("Replay", f.Players[rules.SideA]+" ("+play.SideTitle(s.Scenario, rules.SideA)+") against "+f.Players[rules.SideB]+" ("+play.SideTitle(s.Scenario, rules.SideB)+")")
	return b, nil
}

// pos is the number of orders applied so far.
func (b *battleScene) rpPos() int { return b.s.OrderCount() }

// rpTurn is the index of the turn holding the next order.
func (rp *replayState) turnOf(pos int) int {
	t := 0
	for i, s := range rp.turnStart {
		if s <= pos {
			t = i
		}
	}
	return t
}

// rpApply applies the next order of the replay; false at the end.
func (b *battleScene) rpApply(animate bool) bool {
	rp := b.rp
	pos := b.rpPos()
	if pos >= len(rp.orders) || b.s.Public().Phase == rules.Over {
		return false
	}
	a, err := b.s.Apply(rp.orders[pos], false)
	if err != nil {
		rp.broken = err.Error()
		b.logAll("The replay stops: "+err.Error(), b.g.Frame)
		return false
	}
	b.ctl.Refresh()
	d := b.dir.show(a, b.g.Speed(), animate)
	if animate {
		b.busyUntil = b.now + d*0.55
		b.follow()
	}
	return true
}

// rpSeek re-simulates the battle from the start up to order pos.
func (b *battleScene) rpSeek(pos int) {
	rp := b.rp
	s, err := play.NewSession(rp.sc, rp.f.Seed, replay.Players{"replay", "replay"})
	if err != nil {
		return
	}
	side := b.ctl.Side
	b.s = s
	b.ctl = play.NewController(s, side)
	b.fx.Clear()
	b.resetMotions()
	b.resetLights()
	for b.rpPos() < pos && b.rpApply(false) {
	}
	b.resetLights()
	b.intentStamp, b.rangeStamp = -1, -1
}

// rpDo carries out a replay control.
func (b *battleScene) rpDo(a play.Action) {
	rp := b.rp
	g := b.g
	switch a {
	case ActRpStart:
		rp.playing = false
		b.rpSeek(0)
	case ActRpPrev:
		rp.playing = false
		pos := b.rpPos()
		t := rp.turnOf(max(pos-1, 0))
		target := rp.turnStart[t]
		if target == pos && t > 0 {
			target = rp.turnStart[t-1]
		}
		b.rpSeek(target)
	case ActRpNext:
		rp.playing = false
		pos := b.rpPos()
		t := rp.turnOf(pos)
		end := len(rp.orders)
		if t+1 < len(rp.turnStart) {
			end = rp.turnStart[t+1]
		}
		for b.rpPos() < end && b.rpApply(false) {
		}
		b.fx.Clear()
		b.resetMotions()
	case ActRpPlay:
		rp.playing = !rp.playing
	case ActRpSlower:
		if g.Settings.Speed > 0 {
			g.Settings.Speed--
		}
	case ActRpFaster:
		if g.Settings.Speed < numSpeeds-1 {
			g.Settings.Speed++
		}
	case ActRpView:
		b.viewSide(b.ctl.Side.Other())
	}
}

// updateReplay handles the viewer's controls and plays the replay.
func (b *battleScene) updateReplay(in *input.Input) {
	switch {
	case in.Just(input.CmdAct):
		b.rpDo(ActRpPlay)
	case in.Just(input.CmdUndo):
		b.rpDo(ActRpPrev)
	case in.Just(input.CmdEndTurn):
		b.rpDo(ActRpNext)
	case in.Just(input.CmdFit) && in.Ctrl():
		b.rpDo(ActRpStart)
	}
	if in.Clicked {
		if a, ok := b.hud.buttonAt(in.ClickX, in.ClickY); ok {
			b.rpDo(a)
		}
	}
	if b.rp.playing {
		for n := 0; n < 200 && b.now >= b.busyUntil; n++ {
			if !b.rpApply(true) {
				b.rp.playing = false
				break
			}
		}
	}
}
