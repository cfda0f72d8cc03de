package scene

import (
	"io/fs"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/ui/play"
	"github.com/calltoarms/ds9/game/ui/saves"
)

// scriptedInput is a source of raw input for tests: keys held, the pointer
// and its buttons, as a script sets them frame by frame. The game reads it
// through the same Input mapping as Ebitengine's.
type scriptedInput struct {
	want    map[ebiten.Key]bool
	dur     map[ebiten.Key]int
	x, y    int
	btn     [3]bool // wanted
	cur     [3]bool // this frame
	prev    [3]bool
	wheel   float64
	present bool
	dropped fs.FS // files dropped on the game in the next frame
}

func newScriptedInput() *scriptedInput {
	return &scriptedInput{want: map[ebiten.Key]bool{}, dur: map[ebiten.Key]int{}, present: true}
}

func (s *scriptedInput) Poll() {
	for k := range s.dur {
		if !s.want[k] {
			delete(s.dur, k)
		}
	}
	for k, on := range s.want {
		if on {
			s.dur[k]++
		}
	}
	s.prev, s.cur = s.cur, s.btn
}

func (s *scriptedInput) KeyPressed(k ebiten.Key) bool      { return s.dur[k] > 0 }
func (s *scriptedInput) KeyJustPressed(k ebiten.Key) bool  { return s.dur[k] == 1 }
func (s *scriptedInput) KeyPressDuration(k ebiten.Key) int { return s.dur[k] }
func (s *scriptedInput) Cursor() (int, int)                { return s.x, s.y }
func (s *scriptedInput) Wheel() float64 {
	w := s.wheel
	s.wheel = 0
	return w
}
func (s *scriptedInput) MouseButton(b ebiten.MouseButton) (bool, bool, bool) {
	return s.cur[b], s.cur[b] && !s.prev[b], !s.cur[b] && s.prev[b]
}
func (s *scriptedInput) AppendTouchIDs(ids []ebiten.TouchID) []ebiten.TouchID { return ids }
func (s *scriptedInput) TouchPosition(ebiten.TouchID) (int, int)              { return 0, 0 }
func (s *scriptedInput) PointerPresent() bool                                 { return s.present }
func (s *scriptedInput) Focused() bool                                        { return true }

// DroppedFiles are the files the script dropped, once.
func (s *scriptedInput) DroppedFiles() fs.FS {
	d := s.dropped
	s.dropped = nil
	return d
}

// player plays the game through its input, one frame (Update) at a time,
// with no window: what it knows of the battle it reads from the screen's
// state (the scene, the controller's view, the HUD's layout), as a person
// reads the screen.
type player struct {
	t      *testing.T
	g      *Manager
	in     *scriptedInput
	frames int
	limit  int
	orders map[rules.OrderKind]int // orders given by the player, by kind
	inputs int                     // taps and clicks
	update func() error            // runs a frame: the game's Update, or a step of a real game loop
}

func newPlayer(t *testing.T, o Options) *player {
	t.Helper()
	if o.Storage == nil {
		o.Storage = saves.NewMemory()
	}
	o.Mute = true
	g, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	p := &player{t: t, g: g, in: newScriptedInput(), limit: 400000, orders: map[rules.OrderKind]int{}}
	g.Input.Source = p.in
	return p
}

// step runs one frame.
func (p *player) step() {
	p.t.Helper()
	p.frames++
	if p.frames > p.limit {
		p.t.Fatalf("still playing after %d frames: %+v", p.frames, p.g.Status())
	}
	before, human := -1, false
	if b := p.battle(); b != nil && b.rp == nil {
		before, human = b.s.OrderCount(), b.s.HumanTurn()
	}
	update := p.g.Update
	if p.update != nil {
		update = p.update
	}
	if err := update(); err != nil {
		p.t.Fatalf("frame %d: %v", p.frames, err)
	}
	// Count the orders the player's input gave (the computer's are not counted).
	if b := p.battle(); b != nil && human && b.s.OrderCount() == before+1 {
		if o, ok := lastOrder(b.s); ok && b.s.Humans[o.Side] {
			p.orders[o.Kind]++
		}
	}
}

func lastOrder(s *play.Session) (rules.Order, bool) {
	f := s.File()
	for i := len(f.Turns) - 1; i >= 0; i-- {
		if os := f.Turns[i].Orders; len(os) > 0 {
			return os[len(os)-1], true
		}
	}
	return rules.Order{}, false
}

func (p *player) run(n int) {
	p.t.Helper()
	for range n {
		p.step()
	}
}

// tap presses keys together for a frame and lets them go.
func (p *player) tap(keys ...ebiten.Key) {
	p.t.Helper()
	p.inputs++
	for _, k := range keys {
		p.in.want[k] = true
	}
	p.step()
	for _, k := range keys {
		p.in.want[k] = false
	}
	p.step()
}

// endPhase ends the player's phase with key (N or Enter) and, when the game
// asks first (ships can still fire or have not moved), says yes with the
// same key again: a keyboard player presses N twice.
func (p *player) endPhase(key ...ebiten.Key) {
	p.t.Helper()
	k := ebiten.KeyN
	if len(key) > 0 {
		k = key[0]
	}
	p.tap(k)
	if b := p.battle(); b != nil && b.ask != nil && b.asked == play.ActEndTurn {
		p.tap(k)
	}
}

// point moves the pointer.
func (p *player) point(x, y float64) {
	p.t.Helper()
	p.in.x, p.in.y = int(x), int(y)
	p.step()
}

// click moves the pointer to a point and clicks there.
func (p *player) click(x, y float64) {
	p.t.Helper()
	p.inputs++
	p.point(x, y)
	p.in.btn[ebiten.MouseButtonLeft] = true
	p.step()
	p.in.btn[ebiten.MouseButtonLeft] = false
	p.step()
}

func (p *player) clickRect(r rect) { p.t.Helper(); p.click(r.x+r.w/2, r.y+r.h/2) }

// drag drags the map with the left button by dx, dy screen pixels from x, y.
func (p *player) drag(x, y, dx, dy float64) {
	p.t.Helper()
	p.inputs++
	p.point(x, y)
	p.in.btn[ebiten.MouseButtonLeft] = true
	p.step()
	const n = 8
	for i := 1; i <= n; i++ {
		p.point(x+dx*float64(i)/n, y+dy*float64(i)/n)
	}
	p.in.btn[ebiten.MouseButtonLeft] = false
	p.step()
}

// until runs frames until cond holds.
func (p *player) until(what string, max int, cond func() bool) {
	p.t.Helper()
	for i := 0; !cond(); i++ {
		if i >= max {
			p.t.Fatalf("%s: not after %d frames (status %+v)", what, max, p.g.Status())
		}
		p.step()
	}
}

func (p *player) scene() string { return p.g.Status().Scene }

func (p *player) battle() *battleScene {
	b, _ := p.g.scene.(*battleScene)
	if p.g.next != nil {
		return nil
	}
	return b
}

// myTurn reports whether the player may give orders now on the battle screen.
func (p *player) myTurn() bool {
	b := p.battle()
	return b != nil && b.menu == nil && !b.curtain && b.ctl.MyTurn() && b.rp == nil
}

// settled waits for the camera to stop gliding (what is under the pointer
// is then what a person sees).
func (p *player) settled() {
	p.t.Helper()
	b := p.battle()
	p.until("the camera settles", 600, func() bool {
		return b.cam.X == b.cam.TX && b.cam.Y == b.cam.TY && b.cam.Zoom == b.cam.TZoom
	})
}

// hexDir is the neighbour direction of each cursor key (see updateHuman).
var hexDirKeys = [6]ebiten.Key{ebiten.KeyD, ebiten.KeyE, ebiten.KeyW, ebiten.KeyQ, ebiten.KeyA, ebiten.KeyS}

// cursorTo walks the keyboard cursor to h with Q W E A S D.
func (p *player) cursorTo(h hex.Hex) {
	p.t.Helper()
	b := p.battle()
	for guard := 0; b.ctl.Cursor != h; guard++ {
		if guard > 80 {
			p.t.Fatalf("the cursor does not reach %v (at %v)", h, b.ctl.Cursor)
		}
		cur := b.ctl.Cursor
		best, bestD := -1, hex.Distance(cur, h)
		for d := range 6 {
			if n := cur.Neighbor(d); b.ctl.View.Map.In(n) && hex.Distance(n, h) < bestD {
				best, bestD = d, hex.Distance(n, h)
			}
		}
		if best < 0 {
			p.t.Fatalf("no key brings the cursor from %v nearer to %v", cur, h)
		}
		p.tap(hexDirKeys[best])
	}
}

// minelayer is the player's live minelayer, if any.
func minelayer(c *play.Controller) *rules.Ship {
	for i := range c.View.Ships {
		sh := &c.View.Ships[i]
		if sh.Side == c.Side && sh.Alive() && c.View.Class(sh).Minelayer {
			return sh
		}
	}
	return nil
}

// mineSpot is a minefield position the ship can lay a mine at now.
func mineSpot(c *play.Controller, sh *rules.Ship) (hex.Hex, bool) {
	for _, m := range c.View.Mines {
		if !m.Laid && c.Legal(rules.Order{Kind: rules.LayMine, Side: c.Side, Ship: sh.ID, At: m.Pos}) {
			return m.Pos, true
		}
	}
	return hex.Hex{}, false
}

// moveSpot is the hex the selected ship can reach nearest to an unlaid
// mine position (not further than it is now).
func moveSpot(c *play.Controller, sh *rules.Ship) (hex.Hex, bool) {
	var best hex.Hex
	bestD := 1 << 30
	for _, m := range c.View.Mines {
		if m.Laid {
			continue
		}
		bestD = min(bestD, hex.Distance(sh.Pos, m.Pos))
	}
	found := false
	for _, r := range c.Ends {
		if r.Hex == sh.Pos || c.View.ShipAt(r.Hex) != nil {
			continue
		}
		for _, m := range c.View.Mines {
			if !m.Laid {
				if d := hex.Distance(r.Hex, m.Pos); d < bestD {
					best, bestD, found = r.Hex, d, true
				}
			}
		}
	}
	return best, found
}

// selectByTab presses Tab until the ship is selected.
func (p *player) selectByTab(id rules.ShipID) bool {
	b := p.battle()
	for range 40 {
		if b.ctl.Selected == id {
			return true
		}
		p.tap(ebiten.KeyTab)
		if !p.myTurn() {
			return false
		}
	}
	return b.ctl.Selected == id
}

// keyboardPhase plays one of the player's phases with the keyboard alone:
// the minelayer lays mines (moving toward the field when it has to), every
// other ship fires on a target in range, and the phase ends.
func (p *player) keyboardPhase() {
	p.t.Helper()
	b := p.battle()
	c := b.ctl
	if ml := minelayer(c); ml != nil && (ml.MP > 0 || ml.Actions > 0) && p.selectByTab(ml.ID) {
		for range 4 {
			sh := c.Sel()
			if sh == nil || !p.myTurn() {
				break
			}
			if sh.Cloaked && c.Avail[play.ActCloak] {
				p.tap(ebiten.KeyC) // decloak to lay mines
				continue
			}
			if at, ok := mineSpot(c, sh); ok && c.Avail[play.ActMine] {
				p.tap(ebiten.KeyL)
				if c.Mode != play.ModeMine {
					p.t.Fatalf("L did not choose the lay-mine mode")
				}
				p.cursorTo(at)
				laid := c.View.MinesLaid
				p.tap(ebiten.KeySpace)
				if c.View.MinesLaid != laid+1 {
					p.t.Fatalf("Space on %v laid no mine: %s", at, c.Msg)
				}
				continue
			}
			if to, ok := moveSpot(c, sh); ok && sh.MP > 0 {
				p.cursorTo(to)
				from := sh.Pos
				p.tap(ebiten.KeySpace)
				if sh := c.Sel(); sh == nil || sh.Pos == from {
					break // the move was interrupted or refused: go on
				}
				continue
			}
			break
		}
	}
	// Every other ship: Tab to it, T for a target in range, Space to fire.
	fired := map[rules.ShipID]bool{}
	for range 30 {
		if !p.myTurn() {
			return
		}
		p.tap(ebiten.KeyTab)
		sh := c.Sel()
		if sh == nil || fired[sh.ID] {
			break
		}
		fired[sh.ID] = true
		if sh.Actions <= 0 {
			continue
		}
		p.tap(ebiten.KeyT)
		if hv := c.HoverAt(c.Cursor); hv.Attack {
			p.tap(ebiten.KeySpace)
		}
	}
	if p.myTurn() {
		p.endPhase()
	}
}

// TestKeyboardAlone plays the flagship battle from the title screen to the
// after-action report with the keyboard alone, commanding the Alliance
// against the normal computer.
func TestKeyboardAlone(t *testing.T) {
	start := time.Now()
	p := newPlayer(t, Options{Seed: testSeed(), Scenario: "second-battle-of-ds9"})
	// The pointer rests in the middle of the window, untouched.
	p.in.x, p.in.y = 500, 300
	p.run(3)
	if p.scene() != "title" {
		t.Fatalf("the game opens on %q", p.scene())
	}
	ts := p.g.scene.(*titleScene)
	sc := p.g.Scenarios[ts.menu.items[ts.iScen].value]
	if got := ts.menu.items[ts.iSide].value; sideIDs(sc)[got] != "alliance" || levelIDs()[ts.menu.items[ts.iLevel].value] != "normal" {
		t.Fatalf("title: command %s, opponent %s", sideIDs(sc)[got], levelIDs()[ts.menu.items[ts.iLevel].value])
	}
	p.tap(ebiten.KeyEnter) // Begin the battle
	if p.scene() != "briefing" {
		t.Fatalf("Enter on the title gave %q", p.scene())
	}
	p.tap(ebiten.KeyR) // refuse Dukat's terms
	p.until("the battle", 10, func() bool { return p.scene() == "battle" })
	phases := 0
	for p.scene() == "battle" {
		if p.myTurn() {
			phases++
			p.keyboardPhase()
			continue
		}
		if b := p.battle(); b != nil && !b.s.HumanTurn() && b.s.Public().Phase == rules.Battle && p.frames%30 == 0 {
			p.tap(ebiten.KeyK) // skip the enemy's playback
			continue
		}
		p.step()
	}
	p.until("the report", 600, func() bool { return p.scene() == "report" })
	st := p.g.Status()
	t.Logf("%s after %d frames (%v): %d phases commanded; outcome %q on turn %d; orders given by key: %v",
		st.Scene, p.frames, time.Since(start).Round(time.Millisecond), phases, st.Outcome, st.Turn, p.orders)
	if st.Outcome == "" {
		t.Fatal("the report has no outcome")
	}
	if phases < 2 || p.orders[rules.LayMine] == 0 || p.orders[rules.EndPhase] < phases-1 {
		t.Fatalf("the player's keys gave too few orders: %v in %d phases", p.orders, phases)
	}
}

// free is the part of the screen where the map shows, clear of the panels.
func (p *player) free() rect {
	g := p.g
	return rect{60, 70, g.W - 420, g.H - 72 - 220 - 70}
}

// show drags the map until a hex is in the free part of the screen.
func (p *player) show(h hex.Hex) {
	p.t.Helper()
	b := p.battle()
	p.settled()
	fr := p.free()
	for range 6 {
		x, y := b.cam.HexCenter(h)
		if fr.in(x, y) {
			return
		}
		cx, cy := fr.x+fr.w/2, fr.y+fr.h/2
		dx := play.Clamp(cx-x, -fr.w/2+10, fr.w/2-10)
		dy := play.Clamp(cy-y, -fr.h/2+10, fr.h/2-10)
		p.drag(cx-dx/2, cy-dy/2, dx, dy)
	}
	x, y := b.cam.HexCenter(h)
	if !fr.in(x, y) {
		p.t.Fatalf("dragging does not bring %v on screen (at %.0f,%.0f)", h, x, y)
	}
}

// clickHex clicks on a hex of the map, dragging it into view first.
func (p *player) clickHex(h hex.Hex) {
	p.t.Helper()
	p.show(h)
	x, y := p.battle().cam.HexCenter(h)
	p.click(x, y)
}

// pointHex puts the pointer on a hex.
func (p *player) pointHex(h hex.Hex) {
	p.t.Helper()
	p.show(h)
	x, y := p.battle().cam.HexCenter(h)
	p.point(x, y)
	p.point(x+1, y)
}

// clickButton clicks an action bar button.
func (p *player) clickButton(a play.Action) {
	p.t.Helper()
	h := p.battle().hud
	for i, bi := range h.btns {
		if bi.act == a {
			p.clickRect(h.buttons[i])
			return
		}
	}
	p.t.Fatalf("no button for action %d on the bar", a)
}

// mousePhase plays one of the player's phases with the mouse alone, as
// keyboardPhase does with keys.
func (p *player) mousePhase() {
	p.t.Helper()
	b := p.battle()
	c := b.ctl
	if ml := minelayer(c); ml != nil && (ml.MP > 0 || ml.Actions > 0) {
		p.clickHex(ml.Pos)
		if c.Selected != ml.ID {
			p.t.Fatalf("clicking %s at %v selected %v", ml.Name, ml.Pos, c.Selected)
		}
		for range 4 {
			sh := c.Sel()
			if sh == nil || !p.myTurn() {
				break
			}
			if sh.Cloaked && c.Avail[play.ActCloak] {
				p.clickButton(play.ActCloak)
				continue
			}
			if at, ok := mineSpot(c, sh); ok && c.Avail[play.ActMine] {
				p.clickButton(play.ActMine)
				if c.Mode != play.ModeMine {
					p.t.Fatalf("the Lay mine button did not choose the mode")
				}
				laid := c.View.MinesLaid
				p.clickHex(at)
				if c.View.MinesLaid != laid+1 {
					p.t.Fatalf("a click on %v laid no mine: %s", at, c.Msg)
				}
				continue
			}
			if to, ok := moveSpot(c, sh); ok && sh.MP > 0 {
				from := sh.Pos
				p.clickHex(to)
				if sh := c.Sel(); sh == nil || sh.Pos == from {
					break
				}
				continue
			}
			break
		}
	}
	// Every other ship: click it, hover enemies near it, click one the
	// tooltip says it can fire on.
	var own []rules.ShipID
	for i := range c.View.Ships {
		if sh := &c.View.Ships[i]; sh.Side == c.Side && sh.Alive() && sh.Actions > 0 && !c.View.Class(sh).Minelayer {
			own = append(own, sh.ID)
		}
	}
	for _, id := range own {
		sh := c.View.Ship(id)
		if !p.myTurn() || sh == nil || !sh.Alive() || sh.Actions <= 0 {
			continue
		}
		p.clickHex(sh.Pos)
		if c.Selected != id {
			p.t.Fatalf("clicking %s at %v selected %v", sh.Name, sh.Pos, c.Selected)
		}
		tried := 0
		for i := range c.View.Ships {
			t := &c.View.Ships[i]
			if t.Side == c.Side || !t.Alive() || hex.Distance(t.Pos, sh.Pos) > 5 || tried >= 3 {
				continue
			}
			tried++
			pos := t.Pos
			p.pointHex(pos)
			if hv := c.HoverAt(c.Cursor); hv.Attack && c.Cursor == pos {
				n := b.s.OrderCount()
				p.click(float64(p.in.x), float64(p.in.y))
				if b.s.OrderCount() != n+1 {
					p.t.Fatalf("a click on a target gave no order: %s", c.Msg)
				}
				break
			}
		}
	}
	if p.myTurn() {
		p.clickButton(play.ActEndTurn)
		if b.ask != nil && b.asked == play.ActEndTurn {
			p.clickRect(b.ask.list.items[0].r) // "End phase"
		}
	}
}

// TestMouseAlone plays the flagship battle from the title screen to the
// after-action report with the mouse alone, commanding the Alliance against
// the normal computer.
func TestMouseAlone(t *testing.T) {
	start := time.Now()
	p := newPlayer(t, Options{Seed: testSeed(), Scenario: "second-battle-of-ds9"})
	p.run(3)
	if p.scene() != "title" {
		t.Fatalf("the game opens on %q", p.scene())
	}
	ts := p.g.scene.(*titleScene)
	p.clickRect(ts.menu.items[ts.iBegin].r)
	p.until("the briefing", 3, func() bool { return p.scene() == "briefing" })
	bs := p.g.scene.(*briefingScene)
	p.run(1)
	p.clickRect(bs.menu.items[bs.iRefuse].r)
	p.until("the battle", 10, func() bool { return p.scene() == "battle" })
	phases, skips := 0, 0
	lastSkip := -1
	for p.scene() == "battle" {
		if p.myTurn() {
			phases++
			p.mousePhase()
			continue
		}
		b := p.battle()
		if b != nil && b.menu == nil && !b.s.HumanTurn() && b.s.Public().Phase == rules.Battle && !b.skipping && p.frames-lastSkip > 120 {
			// Watch the enemy's phase for two seconds, then skip the rest.
			if lastSkip < 0 || p.frames-lastSkip > 240 {
				lastSkip = p.frames
			} else {
				p.clickButton(ActPbSkip)
				skips++
				lastSkip = p.frames
				continue
			}
		}
		p.step()
	}
	p.until("the report", 600, func() bool { return p.scene() == "report" })
	st := p.g.Status()
	t.Logf("%s after %d frames (%v): %d phases commanded, %d skips; outcome %q on turn %d; orders given by clicks: %v",
		st.Scene, p.frames, time.Since(start).Round(time.Millisecond), phases, skips, st.Outcome, st.Turn, p.orders)
	if st.Outcome == "" {
		t.Fatal("the report has no outcome")
	}
	if phases < 2 || p.orders[rules.LayMine] == 0 || p.orders[rules.EndPhase] < phases-1 {
		t.Fatalf("the player's clicks gave too few orders: %v in %d phases", p.orders, phases)
	}
}

func testSeed() uint64 {
	if s := os.Getenv("DS9_PLAY_SEED"); s != "" {
		n, _ := strconv.ParseUint(s, 10, 64)
		return n
	}
	return 8 // a battle of nine turns with the players' simple strategies
}

// battleAt starts the game on the player's first battle phase.
func battleAt(t *testing.T, side string) *player {
	t.Helper()
	p := newPlayer(t, Options{Scenario: "second-battle-of-ds9", Side: side, Scene: "battle", Seed: 8})
	p.in.x, p.in.y = 500, 300
	p.run(2)
	if !p.myTurn() {
		t.Fatalf("not the player's turn: %+v", p.g.Status())
	}
	return p
}

// TestCameraFollowsTheEnemy: during the computer's phase the camera glides
// toward what happens off screen, gently; once the player moves the camera
// it stays where the player put it until the next phase.
func TestCameraFollowsTheEnemy(t *testing.T) {
	p := battleAt(t, "alliance")
	b := p.battle()
	p.endPhase()
	if b.s.HumanTurn() {
		t.Fatal("N did not end the phase")
	}
	followed, frames, maxStep := 0, 0, 0.0
	for !b.s.HumanTurn() {
		x, y, tx, ty := b.cam.X, b.cam.Y, b.cam.TX, b.cam.TY
		p.step()
		frames++
		if b.cam.TX != tx || b.cam.TY != ty {
			followed++
		}
		maxStep = max(maxStep, math.Hypot(b.cam.X-x, b.cam.Y-y)*b.cam.Zoom)
	}
	if followed == 0 {
		t.Fatal("the camera never followed the enemy's phase")
	}
	// Smooth: no jump of more than a tenth of the screen in a frame, and
	// no more than one new place to look at a second.
	if maxStep > p.g.W/10 {
		t.Errorf("the camera jumped %.0f pixels in a frame", maxStep)
	}
	if secs := float64(frames) / 60; float64(followed) > secs {
		t.Errorf("the camera went after the action %d times in %.0f s", followed, secs)
	}
	t.Logf("the camera went after the action %d times in the enemy's phase of %d frames; largest step %.1f px a frame", followed, frames, maxStep)

	// The player drags the map during the enemy's phase: the camera stays.
	p.until("the player's phase", 20000, p.myTurn)
	p.endPhase()
	p.drag(500, 300, 80, 40)
	tx, ty := b.cam.TX, b.cam.TY
	for range 1200 {
		if b.s.HumanTurn() {
			break
		}
		p.step()
		if b.cam.TX != tx || b.cam.TY != ty {
			t.Fatalf("the camera moved after the player dragged it: %.0f,%.0f to %.0f,%.0f", tx, ty, b.cam.TX, b.cam.TY)
		}
	}
}

// TestClickStationSection: commanding the Dominion, a click on a section's
// row in the panel aims the attacks on Deep Space Nine at it; [ and ] still
// cycle the sections.
func TestClickStationSection(t *testing.T) {
	p := battleAt(t, "dominion")
	b := p.battle()
	c := b.ctl
	var stn *rules.Ship
	for i := range c.View.Ships {
		if sh := &c.View.Ships[i]; sh.Side != c.Side && c.View.Class(sh).Station {
			stn = sh
		}
	}
	if stn == nil {
		t.Fatal("the Dominion does not see the station")
	}
	rows := b.hud.secRows
	if len(rows) < 3 {
		t.Fatalf("%d section rows to click", len(rows))
	}
	// A ship that can fire on the station, if one can already (the
	// attack preview then aims at the section chosen).
	var shooter rules.ShipID = rules.NoShip
	for i := range c.View.Ships {
		sh := &c.View.Ships[i]
		if sh.Side == c.Side && sh.Alive() {
			if _, ok := c.AttackOrder(sh, stn); ok {
				shooter = sh.ID
				break
			}
		}
	}
	stn = c.View.Ship(stn.ID)
	if shooter != rules.NoShip {
		p.clickHex(c.View.Ship(shooter).Pos)
		if c.Selected != shooter {
			t.Fatalf("clicking the shooter selected %v", c.Selected)
		}
	}
	if len(b.hud.secRows) < 3 {
		s := c.View.Ship(stn.ID)
		t.Fatalf("%d section rows after selecting %v (status %+v); station %+v myturn %v", len(b.hud.secRows), shooter, p.g.Status(), s, c.MyTurn())
	}
	for _, r := range []secRow{b.hud.secRows[2], b.hud.secRows[len(b.hud.secRows)-1]} {
		p.clickRect(r.r)
		p.run(1) // the next frame shows it
		if c.Section != r.id {
			t.Fatalf("clicking the row of section %d chose %d", r.id, c.Section)
		}
		if got := c.SectionFor(c.Sel(), stn); got != r.id {
			t.Fatalf("attacks aim at section %d, want %d", got, r.id)
		}
		found := false
		for _, l := range b.hud.lines {
			if strings.HasPrefix(l.text, "› ") && strings.Contains(l.text, play.SectionName(c.View, stn.ID, r.id)) {
				found = true
			}
		}
		if !found {
			t.Errorf("the panel does not mark section %d as the target", r.id)
		}
		if shooter != rules.NoShip {
			if hv := c.HoverAt(stn.Pos); !hv.Attack || hv.Order.Section != r.id {
				t.Errorf("the attack on the station aims at section %d, want %d", hv.Order.Section, r.id)
			}
		}
	}
	before := c.Section
	p.tap(ebiten.KeyBracketRight)
	if c.Section == before {
		t.Error("] did not choose another section")
	}
	p.tap(ebiten.KeyBracketLeft)
	if c.Section != before {
		t.Errorf("[ after ] gave section %d, want %d", c.Section, before)
	}
	t.Logf("%d section rows; shooter %v", len(rows), shooter)
}

// titleChoose sets the title screen's "Command" option with the keyboard.
func (p *player) titleChoose(side string) {
	p.t.Helper()
	ts := p.g.scene.(*titleScene)
	const most = 40 // taps: a loop that never gets there fails, not hangs
	for n := 0; ts.menu.focus != ts.iSide; n++ {
		if n == most {
			p.t.Fatalf("titleChoose: the side row is never focused")
		}
		p.tap(ebiten.KeyArrowUp)
	}
	for n := 0; sideIDs(p.g.Scenarios[ts.menu.items[ts.iScen].value])[ts.menu.items[ts.iSide].value] != side; n++ {
		if n == most {
			p.t.Fatalf("titleChoose: %s has no side %q", p.g.Scenarios[ts.menu.items[ts.iScen].value].ID, side)
		}
		p.tap(ebiten.KeyArrowRight)
	}
	for n := 0; ts.menu.focus != ts.iBegin; n++ {
		if n == most {
			p.t.Fatalf("titleChoose: Begin is never focused")
		}
		p.tap(ebiten.KeyArrowDown)
	}
}

// TestHotSeatCurtain: two players share the keyboard; between their phases
// a curtain hides the battle, and the one taking the controls sees only
// their own side's view and log: the log of what their side was told, kept
// whole from their last phase (never the other player's, never cleared).
func TestHotSeatCurtain(t *testing.T) {
	p := newPlayer(t, Options{Seed: 8, Scenario: "second-battle-of-ds9"})
	p.in.x, p.in.y = 500, 300
	p.run(2)
	p.titleChoose("hotseat")
	p.tap(ebiten.KeyEnter)
	p.tap(ebiten.KeyR) // Sisko refuses the terms
	p.until("the battle", 10, func() bool { return p.scene() == "battle" })
	b := p.battle()
	var had [2]int // each side's log length when its player last had the controls
	for phase := 0; phase < 4; phase++ {
		st := b.s.Public()
		if !b.curtain {
			t.Fatalf("phase %d (%v): no curtain before the %v player takes the controls", phase, st.Phase, st.Active)
		}
		if len(p.g.DebugOwnShips()) != 0 {
			t.Fatal("ships can be clicked through the curtain")
		}
		n := b.s.OrderCount()
		p.tap(ebiten.KeyN) // keys do nothing behind the curtain
		p.tap(ebiten.KeyTab)
		if b.s.OrderCount() != n || !b.curtain {
			t.Fatal("a key acted behind the curtain")
		}
		if phase%2 == 0 {
			p.tap(ebiten.KeyEnter)
		} else {
			p.click(500, 300)
		}
		if b.curtain || b.ctl.Side != st.Active || !p.myTurn() {
			t.Fatalf("after the curtain: curtain %v, view %v, active %v", b.curtain, b.ctl.Side, st.Active)
		}
		log := b.log()
		if log != &b.logs[st.Active] {
			t.Fatalf("the %v player is shown another side's log", st.Active)
		}
		if log.Len() <= had[st.Active] {
			t.Errorf("the %v player's log lost lines: %d, had %d", st.Active, log.Len(), had[st.Active])
		}
		if l := log.Last(0); l == nil || !strings.Contains(l.Text, "your orders") {
			t.Errorf("the %v player's log does not hand over the controls: %+v", st.Active, l)
		}
		had[st.Active] = log.Len()
		p.tap(ebiten.KeyTab)
		p.endPhase()
		p.run(1)
	}
}

// TestEscapeMenu: Esc (or the Menu button) opens the menu; resume, save,
// the playback speed, load and quit to the title work from it.
func TestEscapeMenu(t *testing.T) {
	p := battleAt(t, "alliance")
	b := p.battle()
	p.tap(ebiten.KeyEscape)
	if b.menu == nil {
		t.Fatal("Esc opened no menu")
	}
	p.tap(ebiten.KeyEscape)
	if b.menu != nil {
		t.Fatal("Esc did not close the menu")
	}
	p.clickRect(b.hud.menuBtn)
	if b.menu == nil {
		t.Fatal("the Menu button opened no menu")
	}
	m := b.menu
	p.clickRect(m.list.items[m.iRes].r)
	if b.menu != nil {
		t.Fatal("Resume did not close the menu")
	}
	// The help, from the menu (a touch device's only way to it).
	p.tap(ebiten.KeyEscape)
	p.clickRect(b.menu.list.items[b.menu.iHelp].r)
	if b.menu != nil || b.help == nil || len(b.help.lines) == 0 {
		t.Fatal("the menu's help item opened no help")
	}
	p.tap(ebiten.KeyEscape)
	if b.help != nil {
		t.Fatal("Esc did not close the help")
	}
	// The guide's switch (F2's), which the flagship's guide has.
	p.tap(ebiten.KeyEscape)
	m = b.menu
	if m.iGuide < 0 || p.g.Settings.NoGuide {
		t.Fatal("no guide to switch off in the menu")
	}
	for m.list.focus != m.iGuide {
		p.tap(ebiten.KeyArrowDown)
	}
	p.tap(ebiten.KeyArrowLeft)
	if !p.g.Settings.NoGuide {
		t.Error("the menu's guide switch did not hide the guide")
	}
	p.tap(ebiten.KeyArrowRight)
	if p.g.Settings.NoGuide {
		t.Error("the menu's guide switch did not show the guide again")
	}
	p.tap(ebiten.KeyEscape)
	// Save with the keyboard: the save dialog, and Enter on the name it offers.
	p.tap(ebiten.KeyEscape)
	m = b.menu
	for m.list.focus != m.iSave {
		p.tap(ebiten.KeyArrowDown)
	}
	p.tap(ebiten.KeyEnter)
	if m.saver == nil {
		t.Fatal("Save the battle opened no save dialog")
	}
	p.tap(ebiten.KeyEnter)
	slots, _ := saves.Slots(p.g.Storage)
	var saved string
	for _, s := range slots {
		if s.Kind == saves.KindSave {
			saved = s.Name
		}
	}
	if saved == "" || m.saver != nil {
		t.Fatalf("Save the battle wrote nothing: %v (%s)", slots, m.msg)
	}
	savedOrders := b.s.OrderCount()
	// Playback speed: → speeds up.
	for m.list.focus != m.iSpeed {
		p.tap(ebiten.KeyArrowDown)
	}
	sp := p.g.Settings.Speed
	p.tap(ebiten.KeyArrowRight)
	if p.g.Settings.Speed != sp+1 {
		t.Errorf("→ on the playback speed: %d, want %d", p.g.Settings.Speed, sp+1)
	}
	p.tap(ebiten.KeyEscape)
	// Play on: an order and the end of the phase, so that the battle differs from the save.
	p.tap(ebiten.KeyTab)
	p.endPhase()
	p.until("the player's phase", 100000, p.myTurn)
	if b.s.OrderCount() == savedOrders {
		t.Fatal("the battle did not go on")
	}
	// Load the save with the mouse.
	p.clickRect(b.hud.menuBtn)
	m = b.menu
	p.clickRect(m.list.items[m.iLoad].r)
	if m.picker == nil {
		t.Fatal("Load opened no list")
	}
	pick := -1
	for i, it := range m.picker.items {
		if it.slot == saved {
			pick = i
		}
	}
	if pick < 0 {
		t.Fatalf("the list %v lacks %s", m.picker.items, saved)
	}
	p.run(1)
	m.picker.list.show(pick)
	p.clickRect(m.picker.list.rowRect(pick))
	p.run(2)
	nb := p.battle()
	if nb == nil || nb == b {
		t.Fatalf("loading gave no new battle: %+v", p.g.Status())
	}
	if nb.s.OrderCount() != savedOrders || !p.myTurn() {
		t.Fatalf("the loaded battle has %d orders, want %d; my turn %v", nb.s.OrderCount(), savedOrders, p.myTurn())
	}
	// Quit to the title with the keyboard.
	p.tap(ebiten.KeyEscape)
	m = nb.menu
	for m.list.focus != m.iTitle {
		p.tap(ebiten.KeyArrowDown)
	}
	p.tap(ebiten.KeyEnter)
	p.run(1)
	if p.scene() != "title" {
		t.Fatalf("Quit to the title gave %q", p.scene())
	}
	// The title continues the autosave.
	ts := p.g.scene.(*titleScene)
	if !ts.menu.items[ts.iCont].enabled {
		t.Error("no autosave to continue")
	}
}

// TestReplayViewer opens the historical replay and works its controls with
// keys and clicks: play and pause, a turn forward and back, the start, the
// speed and the view.
func TestReplayViewer(t *testing.T) {
	st := saves.NewMemory()
	p := newPlayer(t, Options{Replay: "../../../scenarios/replays/second-battle-of-ds9-historical.json", Storage: st, Seed: 1})
	p.in.x, p.in.y = 500, 300
	p.run(2)
	if s := p.g.Status(); s.Scene != "replay" || s.Error != "" {
		t.Fatalf("status %+v", s)
	}
	b := p.battle()
	rp := b.rp
	if b.rpPos() != 0 || len(rp.turnStart) < 5 {
		t.Fatalf("at order %d of %d turns", b.rpPos(), len(rp.turnStart))
	}
	button := func(a play.Action) rect {
		for i, bi := range b.hud.btns {
			if bi.act == a {
				return b.hud.buttons[i]
			}
		}
		t.Fatalf("no replay button %d", a)
		return rect{}
	}
	// Space plays, the orders go by, Space pauses.
	p.tap(ebiten.KeySpace)
	if !rp.playing {
		t.Fatal("Space did not play")
	}
	p.run(300)
	p.tap(ebiten.KeySpace)
	played := b.rpPos()
	if rp.playing || played == 0 {
		t.Fatalf("playing %v after %d orders", rp.playing, played)
	}
	p.run(60)
	if b.rpPos() != played {
		t.Fatal("the replay goes on while paused")
	}
	// Enter: a turn forward; Z: back; the buttons the same.
	turn := rp.turnOf(b.rpPos())
	p.tap(ebiten.KeyEnter)
	if b.rpPos() != rp.turnStart[turn+1] {
		t.Fatalf("Enter: at order %d, want the start of turn %d at %d", b.rpPos(), turn+1, rp.turnStart[turn+1])
	}
	p.clickRect(button(ActRpNext))
	if b.rpPos() != rp.turnStart[turn+2] {
		t.Fatalf("Turn ›: at order %d, want %d", b.rpPos(), rp.turnStart[turn+2])
	}
	p.tap(ebiten.KeyZ)
	if b.rpPos() != rp.turnStart[turn+1] {
		t.Fatalf("Z: at order %d, want %d", b.rpPos(), rp.turnStart[turn+1])
	}
	p.clickRect(button(ActRpPrev))
	if b.rpPos() != rp.turnStart[turn] {
		t.Fatalf("‹ Turn: at order %d, want %d", b.rpPos(), rp.turnStart[turn])
	}
	p.clickRect(button(ActRpStart))
	if b.rpPos() != 0 {
		t.Fatalf("Start: at order %d", b.rpPos())
	}
	p.clickRect(button(ActRpPlay))
	if !rp.playing {
		t.Fatal("Play did not play")
	}
	// Speed, by key and by click.
	sp := p.g.Settings.Speed
	p.tap(ebiten.KeyPeriod)
	p.clickRect(button(ActRpFaster))
	if p.g.Settings.Speed != min(sp+2, numSpeeds-1) {
		t.Errorf("faster twice: speed %d from %d", p.g.Settings.Speed, sp)
	}
	p.tap(ebiten.KeyComma)
	p.clickRect(button(ActRpSlower))
	if p.g.Settings.Speed != sp {
		t.Errorf("slower twice: speed %d, want %d", p.g.Settings.Speed, sp)
	}
	side := b.ctl.Side
	p.tap(ebiten.KeyG)
	if b.ctl.Side == side {
		t.Error("G did not switch the view")
	}
	p.clickRect(button(ActRpView))
	if b.ctl.Side != side {
		t.Error("Switch view did not switch back")
	}
	// To the end: the whole replay plays without error, and the player's
	// autosave is left alone.
	for range len(rp.turnStart) + 1 {
		p.tap(ebiten.KeyEnter)
	}
	if s := p.g.Status(); s.Phase != "over" || s.Error != "" || s.Outcome == "" {
		t.Fatalf("at the end of the replay: %+v", s)
	}
	if sl, _ := saves.Slots(st); len(sl) > 0 {
		t.Errorf("watching a replay wrote saves: %v", sl)
	}
	// The menu quits to the title.
	p.clickRect(b.hud.menuBtn)
	if b.menu == nil || b.menu.list.items[b.menu.iSave].enabled {
		t.Fatal("no menu, or a replay can be saved as a battle")
	}
	p.clickRect(b.menu.list.items[b.menu.iTitle].r)
	p.run(1)
	if p.scene() != "title" {
		t.Fatalf("Quit to the title gave %q", p.scene())
	}
}
