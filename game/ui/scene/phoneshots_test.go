package scene

import (
	"os"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/ui/play"
)

// TestPhoneScreensUnderX takes screenshots of the screens on a phone, held
// upright (390x844) and on its side (844x390), by touch: the title, the
// briefing, the battle with its panel and log folded and not (the panel
// scrolled too), the question before the phase ends, the Esc menu,
// the save dialog and the load list; into $DS9_SHOTS (to look at). It runs
// only when DS9_SHOTS is set.
func TestPhoneScreensUnderX(t *testing.T) {
	dir := os.Getenv("DS9_SHOTS")
	if dir == "" {
		t.Skip("set DS9_SHOTS=dir to take the screenshots")
	}
	if !underX(t, "TestPhoneScreensUnderX") {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := newPlayer(t, Options{Seed: 2, Scenario: "second-battle-of-ds9", Touch: true, Width: 390, Height: 844})
	p.in.x, p.in.y = 200, 300
	runUnderX(t, p, dir, 390, 844, func(h *xHost) {
		phoneScript(p, h, "phone")
		ebiten.SetWindowSize(844, 390)
		p.run(10)
		phoneScript(p, h, "phone-landscape")
	})
}

// phoneScript plays from the title to the load list and back, taking the
// screenshots, named with the prefix.
func phoneScript(p *player, h *xHost, prefix string) {
	touch := func() { p.g.Input.TouchDevice = true } // the keys the script taps made it a keyboard's
	p.run(5)
	touch()
	p.run(2)
	p.shoot(h, prefix+"-title")
	p.titleChoose("alliance")
	p.tap(ebiten.KeyEnter)
	touch()
	p.run(10)
	p.shoot(h, prefix+"-briefing")
	p.tap(ebiten.KeyR)
	p.until("the battle", 10, func() bool { return p.scene() == "battle" })
	touch()
	p.run(240)
	p.shoot(h, prefix+"-battle")
	b := p.battle()
	b.hud.panelOpen = true
	p.run(2)
	p.shoot(h, prefix+"-battle-panel")
	p.point(b.hud.panel.x+b.hud.panel.w/2, b.hud.panel.y+b.hud.panel.h/2)
	for range 20 {
		p.in.wheel = -1
		p.step()
	}
	p.shoot(h, prefix+"-battle-panel-scrolled")
	b.hud.panelOpen, b.hud.logOpen = false, true
	p.run(2)
	p.shoot(h, prefix+"-battle-log")
	b.hud.logOpen = false
	if !p.myTurn() {
		p.tap(ebiten.KeyK) // skip the enemy's playback
		p.until("the player's phase", 100000, p.myTurn)
	}
	touch()
	p.run(2)
	p.clickButton(play.ActEndTurn) // ships have orders left: asked first
	p.run(5)
	p.shoot(h, prefix+"-end-phase-asked")
	if b.ask != nil {
		p.clickRect(b.ask.list.items[1].r) // Not yet
	}
	p.tap(ebiten.KeyF5)
	p.tap(ebiten.KeyF5)
	p.tap(ebiten.KeyEscape)
	touch()
	p.run(15)
	p.shoot(h, prefix+"-menu")
	p.clickRect(b.menu.list.items[b.menu.iHelp].r) // the help, which has no key here
	touch()
	p.run(5)
	p.shoot(h, prefix+"-help")
	p.tap(ebiten.KeyEscape) // closes the help
	p.tap(ebiten.KeyEscape) // the menu again
	touch()
	p.run(5)
	m := b.menu
	p.clickRect(m.list.items[m.iSave].r)
	p.run(10)
	p.shoot(h, prefix+"-save-dialog")
	p.tap(ebiten.KeyEscape)
	p.clickRect(m.list.items[m.iTitle].r)
	p.run(20)
	ts := p.g.scene.(*titleScene)
	p.clickRect(ts.menu.items[ts.iLoad].r)
	touch()
	p.run(10)
	p.shoot(h, prefix+"-load-list")
	p.tap(ebiten.KeyEscape)
	p.run(10)
}
