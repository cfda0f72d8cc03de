package scene

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/replay"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/ui/play"
)

// historicalFile is the flagship's historical replay, cut after n orders
// (all of them when n < 0), as a save of a person playing side.
func historicalFile(t *testing.T, n int, side rules.Side) *replay.File {
	t.Helper()
	data, err := os.ReadFile("../../../scenarios/replays/second-battle-of-ds9-historical.json")
	if err != nil {
		t.Fatal(err)
	}
	f, err := replay.Load("historical.json", data)
	if err != nil {
		t.Fatal(err)
	}
	if n < 0 {
		f.Players[side] = play.Human
		return f
	}
	out := replay.File{Version: f.Version, Scenario: f.Scenario, ScenarioHash: f.ScenarioHash, Seed: f.Seed, Sides: f.Sides, Players: f.Players}
	out.Players[side] = play.Human
	for _, tu := range f.Turns {
		if n <= 0 {
			break
		}
		if len(tu.Orders) <= n {
			out.Turns = append(out.Turns, tu)
			n -= len(tu.Orders)
			continue
		}
		out.Turns = append(out.Turns, replay.Turn{Turn: tu.Turn, Orders: tu.Orders[:n]}) // no checksum: the turn is not over
		n = 0
	}
	return &out
}

// panelText is the side panel's text, joined.
func panelText(h *hud) string {
	var s []string
	for _, l := range h.lines {
		s = append(s, l.text)
	}
	return strings.Join(s, " | ")
}

// TestSurrenderIsNotHeld: when the terms are accepted the report says the
// station was surrendered under them, not held.
func TestSurrenderIsNotHeld(t *testing.T) {
	p := newPlayer(t, Options{Scenario: "second-battle-of-ds9", Side: "alliance", Scene: "briefing", Seed: 8})
	p.run(2)
	p.tap(ebiten.KeyA)
	p.tap(ebiten.KeyY)
	p.until("the report", 2000, func() bool { return p.scene() == "report" })
	r := p.g.scene.(*reportScene)
	stats := strings.Join(r.stats, " | ")
	name := play.StationName(r.s.Scenario)
	if !strings.Contains(stats, name+": surrendered under the terms") || strings.Contains(stats, name+": held") {
		t.Errorf("the report after the terms were accepted: %s", stats)
	}
}

// TestStationPanelSaysWhatItCanDo: the station selected, the panel does not
// tell the player to click a blue hex (a station does not move) but what it
// can do; once its evacuation is ordered, the turns it has left.
func TestStationPanelSaysWhatItCanDo(t *testing.T) {
	p := battleAt(t, "alliance")
	b := p.battle()
	c := b.ctl
	var stn *rules.Ship
	for i := range c.View.Ships {
		if sh := &c.View.Ships[i]; sh.Side == c.Side && c.View.Class(sh).Station {
			stn = sh
		}
	}
	if stn == nil {
		t.Fatal("no station of the Alliance")
	}
	c.Select(stn.ID)
	p.run(2)
	text := panelText(b.hud)
	if strings.Contains(text, "blue hex") || !strings.Contains(text, "A station does not move") || !strings.Contains(text, "X: order the evacuation") {
		t.Errorf("the station's panel: %s", text)
	}
	// The evacuation: ordered (asked first), then counted down.
	turn := c.View.Turn
	p.tap(ebiten.KeyX)
	p.tap(ebiten.KeyY)
	p.run(2)
	evac := c.View.EvacTurns
	if evac < 2 {
		t.Fatalf("the flagship's evacuation takes %d turns", evac)
	}
	text = panelText(b.hud)
	want := "Evacuating: " + strconv.Itoa(evac) + " turns left (done on turn " + strconv.Itoa(turn+evac) + ")"
	if !strings.Contains(text, want) {
		t.Errorf("after the evacuation is ordered the panel says\n  %s\nwant %q", text, want)
	}
	p.endPhase()
	p.until("the player's next phase", 20000, p.myTurn)
	p.run(2)
	if text = panelText(b.hud); evac == 2 && !strings.Contains(text, "Evacuating: 1 turn left") {
		t.Errorf("a turn later the panel says\n  %s", text)
	}
}

// TestSabotageIsNotCapture: the historical battle ends with the station
// sabotaged and its hulk boarded: the log, the panel and the report say so,
// not that it was captured.
func TestSabotageIsNotCapture(t *testing.T) {
	f := historicalFile(t, -1, rules.SideA)
	p := newPlayer(t, Options{Scenario: "second-battle-of-ds9", Scene: "title", Seed: 1})
	p.run(2)
	// Watched from the Alliance's side, order by order, as the director
	// tells it.
	s, err := play.NewSession(p.g.Scenarios[0], f.Seed, replay.Players{"replay", "replay"})
	if err != nil {
		t.Fatal(err)
	}
	b := newBattleScene(p.g, s)
	for _, tu := range f.Turns {
		for _, o := range tu.Orders {
			a, err := s.Apply(o, false)
			if err != nil {
				t.Fatal(err)
			}
			b.ctl.Refresh()
			b.dir.show(a, 1, false)
		}
	}
	name := play.StationName(s.Scenario)
	for _, side := range rules.Sides {
		log := &b.logs[side]
		boarded, captured := false, false
		for i := 0; log.Last(i) != nil; i++ {
			l := log.Last(i).Text
			boarded = boarded || strings.HasPrefix(l, name+" is boarded without resistance")
			captured = captured || l == name+" is captured."
		}
		if !boarded || captured {
			t.Errorf("%v's log: boarded without resistance %v, captured %v", side, boarded, captured)
		}
	}
	b.hud.layout()
	b.hud.refresh()
	if text := panelText(b.hud); strings.Contains(text, "| captured |") || !strings.Contains(text, "sabotaged, then boarded without resistance") {
		t.Errorf("the panel at the end: %s", text)
	}
	r := newReportScene(p.g, s)
	if stats := strings.Join(r.stats, " | "); !strings.Contains(stats, name+": sabotaged, then boarded without resistance") {
		t.Errorf("the report: %s", stats)
	}
}

// TestResumedLogSaysWhereTheBattleStands: a battle loaded from a save opens
// with a log that says the turn and phase and what the side knows, not an
// empty one.
func TestResumedLogSaysWhereTheBattleStands(t *testing.T) {
	f := historicalFile(t, 400, rules.SideA)
	p := newPlayer(t, Options{Scenario: "second-battle-of-ds9", Scene: "title", Seed: 1})
	p.run(2)
	s, err := play.ResumeSession(p.g.Scenarios[0], f)
	if err != nil {
		t.Fatal(err)
	}
	b := newBattleScene(p.g, s)
	pub := s.Public()
	log := b.log()
	var lines []string
	for i := log.Len() - 1; i >= 0; i-- {
		lines = append(lines, log.Last(i).Text)
	}
	text := strings.Join(lines, " | ")
	for _, want := range []string{
		"The battle is resumed", "turn " + strconv.Itoa(pub.Turn) + " of", play.SideTitle(s.Scenario, pub.Active) + " phase",
		"What the Alliance knows:", "minefield", "ships destroyed", play.StationName(s.Scenario) + ":", "in sight",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the resumed log does not say %q:\n  %s", want, text)
		}
	}
	if strings.Contains(text, "The battle is joined") {
		t.Errorf("the resumed log says the battle is joined: %s", text)
	}
	t.Log(text)
}
