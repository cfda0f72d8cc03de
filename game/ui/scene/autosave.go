package scene

import (
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/calltoarms/ds9/game/replay"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/game/ui/play"
	"github.com/calltoarms/ds9/game/ui/saves"
)

// The autosave: every battle a person plays has one save of its own, keyed
// by the battle (saves.BattleID: its scenario, seed and the time it began),
// written after every order the player gives (and, while the computer
// plays, two seconds apart: its orders come again from the same battle), so that no order is lost when the window or
// the page goes: the browser resumes it on a reload. Watching a battle or a
// replay never writes one.

// autosaveEvery is how many frames apart the computer's orders are saved.
const autosaveEvery = 120

// autosaver follows the battle in play.
type autosaver struct {
	s       *play.Session
	battle  string // the battle's id
	name    string // its autosave
	changed int    // s.Changed when last saved
	frame   int    // the frame it was last saved at
	told    string // what OnBattle was last told
	toldAny bool   // OnBattle has been told anything
	err     string // the last failure, told once in the battle's log
	// ids are the battles of sessions resumed from saves, which keep the
	// battle's id (and so its autosave).
	ids map[*play.Session]string
}

// playersBattle is the battle scene in play if a person plays it.
func playersBattle(sc Scene) *battleScene {
	b, ok := sc.(*battleScene)
	if !ok || b.rp != nil || b.watch {
		return nil
	}
	return b
}

// track runs after every frame's update: it saves the battle in play when it
// changed, and tells the page which battle that is.
func (a *autosaver) track(g *Manager) {
	b := playersBattle(g.scene)
	if g.next != nil {
		b = playersBattle(g.next)
	}
	if b == nil || g.Opts.Screenshot != "" {
		a.tell(g, "")
		return
	}
	s := b.s
	if s != a.s {
		a.follow(s) // a new battle is saved at once
		a.changed, a.frame = -1, g.Frame-autosaveEvery
	}
	if s.Changed != a.changed && (s.HumanTurn() || s.Public().Phase == rules.Over || g.Frame-a.frame >= autosaveEvery) {
		a.save(g, b)
	}
	a.tell(g, a.name)
}

// follow starts following a session: a resumed one keeps its battle's id.
func (a *autosaver) follow(s *play.Session) {
	a.s = s
	id, ok := a.ids[s]
	if !ok {
		id = saves.BattleID(s.Scenario.ID, s.Seed, time.Now())
	}
	a.battle, a.name = id, saves.AutosaveFor(id)
}

// resumed records the battle a session resumed from a save belongs to.
func (a *autosaver) resumed(s *play.Session, battle string) {
	if a.ids == nil {
		a.ids = map[*play.Session]string{}
	}
	a.ids[s] = battle
}

func (a *autosaver) save(g *Manager, b *battleScene) {
	a.changed, a.frame = b.s.Changed, g.Frame
	m := sessionMeta(g, b.s, saves.KindAutosave, "Autosave")
	m.Battle = a.battle
	if err := saves.WriteSlot(g.Storage, a.name, b.s.File(), m); err != nil {
		if msg := "Autosave failed: " + err.Error(); msg != a.err {
			a.err = msg
			log.Print(msg)
			b.log().Add(msg, b.ctl.Side, g.Frame)
		}
		return
	}
	a.err = ""
}

// now saves the battle in play at once (the page is going away, or its
// graphics were lost).
func (a *autosaver) now(g *Manager) {
	if b := playersBattle(g.scene); b != nil && g.Opts.Screenshot == "" {
		if b.s != a.s {
			a.follow(b.s)
		}
		a.save(g, b)
	}
}

func (a *autosaver) tell(g *Manager, name string) {
	if name == a.told && a.toldAny {
		return
	}
	a.told, a.toldAny = name, true
	if g.Opts.OnBattle != nil {
		g.Opts.OnBattle(name)
	}
}

// SaveNow saves the battle in play at once, if a person plays one.
func (g *Manager) SaveNow() { g.auto.now(g) }

// Autosave is the autosave of the battle in play, or "".
func (g *Manager) Autosave() string { return g.auto.told }

// InBattle reports whether a person is playing a battle that is not over:
// leaving now leaves a battle (the browser page warns before it goes).
func (g *Manager) InBattle() bool {
	b := playersBattle(g.scene)
	return b != nil && b.s.Public().Phase != rules.Over
}

// Orders is the number of orders of the battle or replay in play.
func (g *Manager) Orders() int {
	if b, ok := g.scene.(*battleScene); ok {
		return b.s.OrderCount()
	}
	return 0
}

// sessionMeta is the card of a save of a battle.
func sessionMeta(g *Manager, s *play.Session, kind, title string) saves.Meta {
	st := s.Public()
	m := saves.MetaOf(s.File())
	m.Title, m.Kind = title, kind
	if r := g.campaignOf(s); r != nil && kind == saves.KindAutosave {
		m.Title = fmt.Sprintf("%s, battle %d", r.c.Name, r.save.Progress.Next+1)
	}
	m.ScenarioName = s.Scenario.Name
	m.Turn, m.TurnLimit = max(st.Turn, 1), st.TurnLimit
	m.SideName = sideName(s.Scenario, m.Side)
	if st.Phase == rules.Over {
		m.Outcome = st.Outcome
		if o, ok := s.Outcome(); ok {
			m.OutcomeTitle = o.Title
		}
	}
	if id, ok := g.auto.ids[s]; ok {
		m.Battle = id
	} else if s == g.auto.s {
		m.Battle = g.auto.battle
	}
	return m
}

// sideName names whom a player commands in a scenario (a choice of
// sideIDs), for a save's card.
func sideName(sc *scenario.Scenario, side string) string {
	for i, id := range sideIDs(sc) {
		if id == side {
			return sideLabels(sc)[i]
		}
	}
	return side
}

// openSaved reads a save from storage and resumes its battle, which keeps its
// id (and autosave).
func (g *Manager) openSaved(name string) (*play.Session, error) {
	f, err := saves.Read(g.Storage, name)
	if err != nil {
		return nil, err
	}
	sc := g.ScenarioByID(f.Scenario)
	if sc == nil {
		return nil, fmt.Errorf("%s: unknown scenario %q (a scenario opened from a file? open its file again)", name, f.Scenario)
	}
	sc, err = replay.ScenarioOf(f, sc) // a campaign's variant of it
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	s, err := play.ResumeSession(sc, f)
	if err != nil {
		return nil, err
	}
	battle := ""
	for _, sl := range g.slots() {
		if sl.Name == name {
			battle = sl.Battle
		}
	}
	if battle == "" {
		if id, ok := strings.CutPrefix(strings.TrimSuffix(name, ".json"), "autosave-"); ok {
			battle = id
		} else {
			battle = saves.BattleID(sc.ID, f.Seed, time.Now())
		}
	}
	g.auto.resumed(s, battle)
	g.attachCampaign(s, battle)
	return s, nil
}

// slots lists the save games, or none when the storage fails.
func (g *Manager) slots() []saves.Slot {
	sl, err := saves.Slots(g.Storage)
	if err != nil {
		log.Printf("saves: %v", err)
	}
	return sl
}

// loadSettings reads the player's settings, kept from an earlier game.
func (g *Manager) loadSettings() {
	var s Settings
	if g.Opts.Screenshot != "" || !saves.ReadSettings(g.Storage, &s) {
		return
	}
	g.Settings.Speed = min(max(s.Speed, 0), numSpeeds-1)
	g.Settings.Sound = s.Sound
	g.Settings.UIScale = min(max(s.UIScale, 0), numUIScales-1)
}

// SaveSettings keeps the player's settings for the next game.
func (g *Manager) SaveSettings() {
	if g.Opts.Screenshot != "" {
		return
	}
	if err := saves.WriteSettings(g.Storage, g.Settings); err != nil {
		log.Printf("settings: %v", err)
	}
}
