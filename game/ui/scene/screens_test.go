package scene

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/rules"
)

// xHost runs the game in Ebitengine's real loop, one frame per step of a
// player scripted in another goroutine, and takes screenshots on request.
type xHost struct {
	g    *Manager
	req  chan struct{}
	done chan error
	dir  string

	mu    sync.Mutex
	shot  string
	taken chan string
	err   error
}

func (h *xHost) Update() error {
	if _, ok := <-h.req; !ok {
		return ebiten.Termination
	}
	err := h.g.Update()
	h.done <- err
	return nil
}

func (h *xHost) Draw(screen *ebiten.Image) {
	h.g.Draw(screen)
	h.mu.Lock()
	name := h.shot
	h.shot = ""
	h.mu.Unlock()
	if name == "" {
		return
	}
	b := screen.Bounds()
	img := image.NewRGBA(b)
	screen.ReadPixels(img.Pix)
	for i := 3; i < len(img.Pix); i += 4 {
		img.Pix[i] = 255
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err == nil {
		err = os.WriteFile(filepath.Join(h.dir, name+".png"), buf.Bytes(), 0o644)
		if err != nil {
			h.err = err
		}
	}
	h.taken <- name
}

func (h *xHost) Layout(w, hh int) (int, int) {
	sw, sh := h.g.LayoutF(float64(w), float64(hh))
	return int(sw), int(sh)
}

// shoot asks for a screenshot of the next frame drawn and runs frames
// until it is taken.
func (p *player) shoot(h *xHost, name string) {
	p.t.Helper()
	h.mu.Lock()
	h.shot = name
	h.mu.Unlock()
	for {
		select {
		case <-h.taken:
			p.t.Logf("screenshot %s.png", name)
			return
		default:
			p.step()
		}
	}
}

// TestScreensUnderX plays through the hot-seat curtain, the Esc menu and its
// load list, the enemy's playback and the replay viewer in the real game
// loop under Xvfb, with scripted input, and writes screenshots of each to
// $DS9_SHOTS (to look at). It runs when DS9_SHOTS is set, and under CI=true
// (into a temporary folder), where it never skips.
func TestScreensUnderX(t *testing.T) {
	dir := os.Getenv("DS9_SHOTS")
	if dir == "" && os.Getenv("CI") == "true" {
		dir = t.TempDir()
	}
	if dir == "" {
		t.Skip("set DS9_SHOTS=dir to take the screenshots")
	}
	if !underX(t, "TestScreensUnderX") {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := newPlayer(t, Options{Seed: 8, Scenario: "second-battle-of-ds9", Advise: 30})
	p.in.x, p.in.y = 500, 300
	runUnderX(t, p, dir, 1280, 720, func(h *xHost) { script(p, h) })
}

// runUnderX runs a script of p's in Ebitengine's real loop, in a window of
// w×h, a frame per step of the script; the screenshots go to dir.
func runUnderX(t *testing.T, p *player, dir string, w, hgt int, script func(h *xHost)) {
	h := &xHost{g: p.g, req: make(chan struct{}), done: make(chan error), dir: dir, taken: make(chan string, 1)}
	p.update = func() error {
		h.req <- struct{}{}
		return <-h.done
	}
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		defer close(h.req)
		script(h)
	}()
	ebiten.SetWindowSize(w, hgt)
	ebiten.SetTPS(240) // the game's time runs by frames: four times as fast as real time
	ebiten.SetVsyncEnabled(false)
	if err := ebiten.RunGame(h); err != nil {
		t.Fatal(err)
	}
	<-finished
	if h.err != nil {
		t.Fatal(h.err)
	}
}

// checkPlain fails when a part of a screenshot (r, in screen pixels) is not
// of one colour.
func checkPlain(t *testing.T, h *xHost, name string, r rect) {
	t.Helper()
	f, err := os.Open(filepath.Join(h.dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	first := img.At(int(r.x), int(r.y))
	odd := 0
	for y := int(r.y); y < int(r.y+r.h); y++ {
		for x := int(r.x); x < int(r.x+r.w); x++ {
			if img.At(x, y) != first {
				odd++
			}
		}
	}
	if odd > 0 {
		t.Errorf("%s: %d pixels of %.0fx%.0f at %.0f,%.0f differ from %v: what is under the dialog shows through", name, odd, r.w, r.h, r.x, r.y, first)
	}
}

func script(p *player, h *xHost) {
	t := p.t
	p.run(5)
	p.titleChoose("hotseat")
	p.shoot(h, "01-title-hotseat")
	p.tap(ebiten.KeyEnter)
	p.run(20)
	p.shoot(h, "02-briefing")
	p.tap(ebiten.KeyR)
	p.until("the battle", 10, func() bool { return p.scene() == "battle" })
	p.run(20)
	p.shoot(h, "03-curtain-first")
	p.tap(ebiten.KeyEnter)
	p.run(30)
	p.tap(ebiten.KeyTab)
	p.run(30)
	p.shoot(h, "04-hotseat-first-player")
	p.tap(ebiten.KeyN)
	if b := p.battle(); b.ask != nil {
		// Ships with orders left: the game asks first; N again ends the phase.
		p.run(5)
		p.shoot(h, "04b-end-phase-asked")
		p.tap(ebiten.KeyN)
	}
	p.run(30)
	p.shoot(h, "05-curtain-handover")
	p.click(600, 400)
	p.run(30)
	b := p.battle()
	if b.ctl.Side != rules.SideB && b.ctl.Side != rules.SideA {
		t.Fatal("no side")
	}
	p.shoot(h, "06-hotseat-second-player")
	if len(b.hud.secRows) > 3 {
		r := b.hud.secRows[3]
		p.point(r.r.x+r.r.w/2, r.r.y+r.r.h/2)
		p.click(r.r.x+r.r.w/2, r.r.y+r.r.h/2)
		p.run(5)
		p.shoot(h, "07-section-clicked")
	}
	p.tap(ebiten.KeyEscape)
	p.run(15)
	p.shoot(h, "08-menu")
	m := b.menu
	p.clickRect(m.list.items[m.iSave].r)
	p.run(5)
	p.shoot(h, "08b-menu-save")
	p.tap(ebiten.KeyEscape)
	p.clickRect(m.list.items[m.iLoad].r)
	p.run(15)
	p.shoot(h, "09-menu-load")
	if m.picker == nil {
		t.Fatal("no load list from the menu")
	}
	// Nothing under the load list (the menu, the HUD, the map) shows
	// through it: its margin is the dialog's colour alone.
	checkPlain(t, h, "09-menu-load", rect{m.picker.box.x + p.g.U(4), m.picker.box.y + p.g.U(4), p.g.U(10), m.picker.box.h - p.g.U(8)})
	p.tap(ebiten.KeyEscape)
	for m.list.focus != m.iTitle {
		p.tap(ebiten.KeyArrowDown)
	}
	p.tap(ebiten.KeyEnter)
	p.run(20)
	// Against the computer: the enemy's phase, played back.
	p.titleChoose("alliance")
	p.tap(ebiten.KeyEnter)
	p.tap(ebiten.KeyR)
	p.until("the battle", 10, func() bool { return p.scene() == "battle" })
	p.run(60)
	p.shoot(h, "10-alliance-phase")
	p.tap(ebiten.KeyF1)
	p.run(5)
	p.shoot(h, "10b-help")
	p.tap(ebiten.KeyF1)
	// Where the enemy can strike: R with no ship selected.
	p.battle().ctl.Deselect()
	p.tap(ebiten.KeyR)
	p.run(5)
	p.shoot(h, "10c-threat")
	p.tap(ebiten.KeyR)
	// What if: the pointer rests on a move of the minelayer.
	p.until("the Alliance's phase", 40000, p.myTurn)
	if b := p.battle(); b.ctl.MyTurn() {
		if ml := minelayer(b.ctl); ml != nil {
			b.ctl.Select(ml.ID)
			p.run(2)
			if to, ok := moveSpot(b.ctl, ml); ok {
				p.pointHex(to)
				p.run(400)
				p.shoot(h, "10d-what-if")
			}
		}
	}
	p.endPhase()
	p.run(400)
	p.shoot(h, "11-enemy-phase")
	p.run(500)
	p.shoot(h, "12-enemy-phase-later")
	p.tap(ebiten.KeyShift, ebiten.KeyL) // the log: combat alone
	p.run(5)
	p.shoot(h, "12b-log-combat")
	p.tap(ebiten.KeyShift, ebiten.KeyL) // orders and objectives
	p.run(5)
	p.shoot(h, "12c-log-orders")
	p.tap(ebiten.KeyShift, ebiten.KeyL) // all again
	p.tap(ebiten.KeyEscape)
	m = p.battle().menu
	for m.list.focus != m.iTitle {
		p.tap(ebiten.KeyArrowDown)
	}
	p.tap(ebiten.KeyEnter)
	p.run(20)
	// The replay viewer, from the title.
	ts := p.g.scene.(*titleScene)
	p.clickRect(ts.menu.items[ts.iRep].r)
	p.run(10)
	p.shoot(h, "13-replay-list")
	p.clickRect(ts.list.list.rowRect(0))
	p.until("the replay", 10, func() bool { return p.scene() == "replay" })
	p.run(30)
	p.shoot(h, "14-replay")
	p.tap(ebiten.KeySpace)
	p.run(600)
	p.shoot(h, "15-replay-playing")
	p.tap(ebiten.KeySpace)
	p.tap(ebiten.KeyEnter)
	p.tap(ebiten.KeyEnter)
	p.run(30)
	p.shoot(h, "16-replay-two-turns-on")
	p.tap(ebiten.KeyZ)
	p.run(30)
	p.shoot(h, "17-replay-turn-back")
	// The same moment as the Dominion sees it: its view and its log.
	p.tap(ebiten.KeyG)
	p.run(30)
	p.shoot(h, "18-replay-dominion-view")
	// The saves: the save dialog of a battle, the title's load list.
	p.tap(ebiten.KeyEscape)
	m = p.battle().menu
	p.clickRect(m.list.items[m.iTitle].r)
	p.run(20)
	p.titleChoose("alliance")
	p.tap(ebiten.KeyEnter)
	p.tap(ebiten.KeyR)
	p.until("the battle", 10, func() bool { return p.scene() == "battle" })
	p.run(30)
	for range 3 {
		p.tap(ebiten.KeyF5) // three saves, each in a slot of its own
	}
	p.tap(ebiten.KeyEscape)
	m = p.battle().menu
	p.clickRect(m.list.items[m.iSave].r)
	p.run(10)
	p.shoot(h, "19-save-dialog")
	p.tap(ebiten.KeyEscape)
	p.clickRect(m.list.items[m.iTitle].r)
	p.run(20)
	ts = p.g.scene.(*titleScene)
	p.clickRect(ts.menu.items[ts.iLoad].r)
	p.run(10)
	p.shoot(h, "20-load-list")
	p.tap(ebiten.KeyEscape)
	// The after-action report and its sharing.
	g, err := New(Options{Scenario: "second-battle-of-ds9", Scene: "report", Seed: 7, Mute: true, Storage: p.g.Storage})
	if err != nil {
		t.Fatal(err)
	}
	r := g.scene.(*reportScene)
	p.g.SetScene(newReportScene(p.g, r.s))
	p.run(20)
	rs := p.g.scene.(*reportScene)
	if rs.tc != nil {
		// The advisor's look back, once it is worked out.
		for k := 0; k < 4000; k++ {
			if done, all, err := rs.tc.Progress(); err != nil || done == all {
				break
			}
			p.run(1)
			time.Sleep(time.Millisecond)
		}
		p.run(2)
		p.shoot(h, "21a-report-chances")
	}
	p.clickRect(rs.menu.items[rs.iLink].r)
	p.run(5)
	p.shoot(h, "21-report-share")
	// A campaign: its page, and its first battle's briefing.
	p.g.SetScene(newTitleScene(p.g, p.g.Scenarios[0]))
	p.run(2)
	c := p.toCampaign()
	p.run(10)
	p.shoot(h, "22-campaign")
	p.clickRect(c.menu.items[c.iBegin].r)
	p.until("the briefing", 5, func() bool { return p.scene() == "briefing" })
	p.run(20)
	p.shoot(h, "23-campaign-briefing")
	// The Dominion's phase, by wing orders, in the real loop.
	bs, err := newBattle(p.g, p.g.Scenarios[0], "dominion", "normal", 8)
	if err != nil {
		t.Fatal(err)
	}
	p.g.SetScene(bs)
	p.until("the Dominion's phase", 600, p.myTurn)
	inputs, report := wingTurn(p, func(name string) { p.shoot(h, name) })
	t.Logf("under X: %s", report)
	if inputs > 40 {
		t.Errorf("the Dominion's phase took %d inputs, more than 40", inputs)
	}
}
