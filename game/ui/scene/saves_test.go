package scene

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/replay"
	"github.com/calltoarms/ds9/game/ui/saves"
)

// autosaves lists the autosaves in storage.
func autosaves(p *player) []saves.Slot {
	var out []saves.Slot
	for _, s := range p.g.slots() {
		if s.Kind == saves.KindAutosave {
			out = append(out, s)
		}
	}
	return out
}

// TestAutosaveEveryOrder: a battle is saved after every order the player
// gives, from the first turn, in an autosave of its own; a second battle
// has another; resuming a save keeps writing its battle's; watching writes
// none.
func TestAutosaveEveryOrder(t *testing.T) {
	p := battleAt(t, "alliance")
	b := p.battle()
	if got := autosaves(p); len(got) != 1 || got[0].Turn != 1 || got[0].Orders != b.s.OrderCount() {
		t.Fatalf("turn 1, before any order of the player's: autosaves %+v, %d orders", got, b.s.OrderCount())
	}
	first := autosaves(p)[0]
	if !strings.HasPrefix(first.Name, "autosave-second-battle-of-ds9-") || first.Battle == "" || first.Side != "alliance" || first.ScenarioName == "" {
		t.Errorf("the autosave's card: %+v", first)
	}
	// An order: saved at once.
	for range 20 {
		p.tap(ebiten.KeyTab)
		before := b.s.OrderCount()
		p.tap(ebiten.KeyV) // cover, if the ship can; else nothing
		if b.s.OrderCount() > before {
			break
		}
	}
	b.ctl.NextShip(1)
	if sh := b.ctl.Sel(); sh != nil {
		if h, ok := moveSpot(b.ctl, sh); ok {
			p.clickHex(h)
			p.clickHex(h)
		}
	}
	p.run(1)
	n := b.s.OrderCount()
	if n == first.Orders {
		t.Fatal("no order given")
	}
	if got := autosaves(p); len(got) != 1 || got[0].Orders != n || got[0].Name != first.Name {
		t.Fatalf("after %d orders: autosaves %+v", n, got)
	}
	// The saved battle resumes with every order.
	s, err := p.g.openSaved(first.Name)
	if err != nil || s.OrderCount() != n {
		t.Fatalf("resumed %v orders, want %d (%v)", s, n, err)
	}
	// A second battle: an autosave of its own; the first is kept.
	p.tap(ebiten.KeyEscape)
	m := b.menu
	p.clickRect(m.list.items[m.iTitle].r)
	p.run(2)
	ts := p.g.scene.(*titleScene)
	if ts.cont != first.Name || !ts.menu.items[ts.iCont].enabled {
		t.Fatalf("the title continues %q, want %q", ts.cont, first.Name)
	}
	p.tap(ebiten.KeyEnter) // begin: the briefing
	p.tap(ebiten.KeyR)     // refuse the terms
	p.until("the second battle", 100, func() bool { return p.battle() != nil && p.battle() != b })
	p.run(3)
	if got := autosaves(p); len(got) != 2 || got[0].Name == got[1].Name {
		t.Fatalf("two battles: autosaves %+v", got)
	}
	// Continue the first from the title: it keeps writing its own autosave.
	p.tap(ebiten.KeyEscape)
	p.clickRect(p.battle().menu.list.items[p.battle().menu.iTitle].r)
	p.run(2)
	ts = p.g.scene.(*titleScene)
	p.clickRect(ts.menu.items[ts.iLoad].r)
	pick := -1
	for i, it := range ts.list.items {
		if it.slot == first.Name {
			pick = i
		}
	}
	if pick < 0 {
		t.Fatalf("the load list lacks %s", first.Name)
	}
	ts.list.list.show(pick)
	p.clickRect(ts.list.list.rowRect(pick))
	p.run(2)
	rb := p.battle()
	if rb == nil || rb.s.OrderCount() != n {
		t.Fatalf("loaded %+v", p.g.Status())
	}
	p.endPhase() // end the phase: more orders
	p.until("the player's phase", 100000, p.myTurn)
	got := autosaves(p)
	if len(got) != 2 {
		t.Fatalf("resumed and played on: autosaves %+v", got)
	}
	for _, a := range got {
		if a.Name == first.Name && a.Orders <= n {
			t.Errorf("the resumed battle's autosave has %d orders, want more than %d", a.Orders, n)
		}
	}
	if p.g.Autosave() != first.Name {
		t.Errorf("the battle in play's autosave is %q, want %q", p.g.Autosave(), first.Name)
	}
}

// TestWatchingWritesNoAutosave: a battle the computer plays on both sides is
// no battle of the player's.
func TestWatchingWritesNoAutosave(t *testing.T) {
	p := newPlayer(t, Options{Scenario: "second-battle-of-ds9", Side: "watch", Scene: "battle", Seed: 8})
	p.run(300)
	if got := autosaves(p); len(got) != 0 {
		t.Fatalf("watching wrote %+v", got)
	}
}

// TestBadSettings: leniently (the browser), bad settings are told on the
// title screen and their defaults kept; strictly (the desktop), New fails
// with ErrUsage.
func TestBadSettings(t *testing.T) {
	p := newPlayer(t, Options{Lenient: true, Scenario: "nope", Side: "xyz", Difficulty: "insane", Scene: "battle", Notices: []string{`seed "abc" is not a whole number`}})
	p.run(2)
	st := p.g.Status()
	if st.Scene != "title" {
		t.Fatalf("bad settings: scene %q, want the title", st.Scene)
	}
	for _, want := range []string{`"nope"`, `"xyz"`, `"insane"`, `"abc"`} {
		if !strings.Contains(st.Error, want) {
			t.Errorf("the title's message %q does not mention %s", st.Error, want)
		}
	}
	ts := p.g.scene.(*titleScene)
	if sideIDs(ts.art.sc)[ts.menu.items[ts.iSide].value] != "alliance" || levelIDs()[ts.menu.items[ts.iLevel].value] != "normal" {
		t.Errorf("the defaults are not kept")
	}
	for _, o := range []Options{{Scenario: "nope"}, {Side: "xyz"}, {Difficulty: "insane"}, {Scene: "nowhere"}} {
		o.Mute = true
		o.Storage = saves.NewMemory()
		if _, err := New(o); !errors.Is(err, ErrUsage) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%+v: %v, want one line of ErrUsage", o, err)
		}
	}
}

// TestBrowserNeverQuits: in the browser Quit is no item of the title, Esc
// there does nothing, and the battle's menu has no Quit the game.
func TestBrowserNeverQuits(t *testing.T) {
	p := newPlayer(t, Options{browser: true})
	p.run(2)
	ts := p.g.scene.(*titleScene)
	for _, it := range ts.menu.items {
		if it.label == "Quit" {
			t.Fatal("the browser's title has Quit")
		}
	}
	p.tap(ebiten.KeyEscape)
	if err := p.g.Update(); err != nil {
		t.Fatalf("Esc on the browser's title: %v", err)
	}
	p.g.Quit() // as anything else might
	p.run(2)
	if p.g.quit || p.scene() != "title" {
		t.Fatalf("Quit in the browser ended the game, or left the title: %v %s", p.g.quit, p.scene())
	}
	p.tap(ebiten.KeyEnter)
	p.tap(ebiten.KeyR)
	p.until("the battle", 100, func() bool { return p.battle() != nil })
	p.tap(ebiten.KeyEscape)
	if m := p.battle().menu; m == nil || m.iQuit != -1 {
		t.Fatal("the browser's battle menu can quit the game")
	}
}

// TestSaveSlots: the save dialog never writes over a save without a yes;
// the lists scroll through more saves than fit, with no cap, and delete a
// save when the player says so.
func TestSaveSlots(t *testing.T) {
	p := battleAt(t, "alliance")
	b := p.battle()
	save := func() {
		p.tap(ebiten.KeyEscape)
		m := b.menu
		p.clickRect(m.list.items[m.iSave].r)
		if m.saver == nil {
			t.Fatal("no save dialog")
		}
		p.tap(ebiten.KeyEnter) // the name offered
		p.tap(ebiten.KeyEscape)
	}
	const n = 30
	for range n {
		save()
	}
	var named []saves.Slot
	for _, s := range p.g.slots() {
		if s.Kind == saves.KindSave {
			named = append(named, s)
		}
	}
	if len(named) != n {
		t.Fatalf("%d saves of the same name made %d slots, want %d", n, len(named), n)
	}
	// Saving over a save asks first; no leaves it, yes writes it.
	p.tap(ebiten.KeyEscape)
	m := b.menu
	p.clickRect(m.list.items[m.iSave].r)
	d := m.saver
	p.clickRect(d.list.rowRect(0))
	if d.ask == nil {
		t.Fatal("saving over a save did not ask")
	}
	p.tap(ebiten.KeyEscape) // no
	if m.saver == nil || len(p.g.slots()) != n+1 {
		t.Fatalf("no: the dialog closed, or the saves changed")
	}
	p.clickRect(d.list.rowRect(0))
	p.clickRect(d.ask.list.items[0].r) // yes
	if m.saver != nil {
		t.Fatal("yes: the dialog stayed")
	}
	if len(p.g.slots()) != n+1 {
		t.Fatalf("saving over a save made a new one")
	}
	// The load list: every save, scrolled to the last with the keys and the wheel.
	p.clickRect(m.list.items[m.iLoad].r)
	pk := m.picker
	if len(pk.items) != n+1 {
		t.Fatalf("the load list has %d rows, want %d", len(pk.items), n+1)
	}
	last := len(pk.items) - 1
	if r := pk.list.rowRect(last); pk.list.area.in(r.x+1, r.y+r.h-1) {
		t.Fatal("all the rows fit: no scrolling tested")
	}
	p.in.x, p.in.y = int(pk.list.area.x+20), int(pk.list.area.y+20)
	for range n {
		p.in.wheel = -1
		p.run(1)
	}
	if r := pk.list.rowRect(last); !pk.list.area.in(r.x+1, r.y+r.h-1) {
		t.Fatalf("the wheel did not scroll to the last row: scroll %.0f of %.0f", pk.list.scroll, pk.list.maxScroll())
	}
	// Delete the last: it asks; yes deletes it.
	victim := pk.items[last].slot
	p.clickRect(pk.list.deleteRect(last))
	if pk.ask == nil {
		t.Fatal("Delete did not ask")
	}
	p.clickRect(pk.ask.list.items[0].r)
	if saves.Exists(p.g.Storage, victim) || len(pk.items) != n {
		t.Fatalf("Delete: %s still there, %d rows", victim, len(pk.items))
	}
}

// TestShareDesktop: on the desktop the report writes the replay where the
// player says (a path prompt, in -save-dir), and a link that opens it,
// beside it in a file (there is no clipboard tool under test).
func TestShareDesktop(t *testing.T) {
	dir := t.TempDir()
	p := newPlayer(t, Options{Scenario: "second-battle-of-ds9", Scene: "report", Seed: 7, ExportDir: dir, ShareURL: "http://example.org/ds9/"})
	p.run(2)
	r, ok := p.g.scene.(*reportScene)
	if !ok {
		t.Fatalf("scene %s", p.scene())
	}
	p.clickRect(r.menu.items[r.iFile].r)
	if r.prompt == nil {
		t.Fatal("no prompt for where to write the replay")
	}
	want := filepath.Join(dir, replayFileName(r.s))
	if got := r.prompt.field.text(); got != want {
		t.Errorf("the prompt offers %q, want %q", got, want)
	}
	p.tap(ebiten.KeyEnter)
	if r.prompt != nil || !strings.Contains(r.msg, want) {
		t.Fatalf("after Enter: prompt %v, message %q", r.prompt != nil, r.msg)
	}
	data, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	if f, err := replay.Load(want, data); err != nil || f.Result == nil {
		t.Fatalf("the written replay: %v", err)
	}
	p.clickRect(r.menu.items[r.iLink].r)
	links, _ := filepath.Glob(filepath.Join(dir, "*.link.txt"))
	if len(links) != 1 || !strings.Contains(r.msg, links[0]) {
		t.Fatalf("link files %v, message %q", links, r.msg)
	}
	link, _ := os.ReadFile(links[0])
	frag, ok := strings.CutPrefix(strings.TrimSpace(string(link)), "http://example.org/ds9/#")
	if !ok {
		t.Fatalf("the link %.60q… does not open the page given", link)
	}
	z, _, err := saves.ReplayFromFragment(frag)
	if err == nil {
		z, err = saves.GunzipReplay(z)
	}
	if err != nil || string(z) != string(data) {
		t.Fatalf("the link's replay differs from the file (%v)", err)
	}
}

// TestSettingsKept: the playback speed and the interface's size chosen in
// the menu are there in the next game.
func TestSettingsKept(t *testing.T) {
	st := saves.NewMemory()
	p := newPlayer(t, Options{Scenario: "second-battle-of-ds9", Side: "alliance", Scene: "battle", Seed: 8, Storage: st})
	p.run(2)
	b := p.battle()
	p.tap(ebiten.KeyEscape)
	m := b.menu
	for m.list.focus != m.iSpeed {
		p.tap(ebiten.KeyArrowDown)
	}
	p.tap(ebiten.KeyArrowRight)
	for m.list.focus != m.iUIScale {
		p.tap(ebiten.KeyArrowDown)
	}
	p.tap(ebiten.KeyArrowLeft)
	want := p.g.Settings
	if want.Speed == 2 || want.UIScale == defaultUIScale {
		t.Fatalf("the menu did not change the settings: %+v", want)
	}
	next := newPlayer(t, Options{Storage: st})
	if next.g.Settings != want {
		t.Fatalf("the next game's settings %+v, want %+v", next.g.Settings, want)
	}
	if got := next.g.Scale; got != next.g.scaleFor() || got == autoScale(1280, 720, false) {
		t.Errorf("the next game's interface scale %.2f, want %.2f (not Auto's)", got, uiScale(want.UIScale))
	}
}
