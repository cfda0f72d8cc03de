package scene

import (
	"fmt"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/rules"
)

// wingTurn plays the Dominion's first phase of the flagship by wing orders
// alone, through the input layer: Tab to each wing, G to carry out its
// orders; one wing is sent after an enemy with a click instead, another
// holds (U); then the phase ends. shot, when not nil, takes a screenshot.
// It returns the inputs the phase took (taps and clicks) and what it saw.
func wingTurn(p *player, shot func(name string)) (inputs int, report string) {
	t := p.t
	t.Helper()
	b := p.battle()
	c := b.ctl
	p.g.Settings.Speed = numSpeeds - 1
	turn := c.View.Turn
	start := p.inputs
	before := b.s.OrderCount()
	// The Dominion's ships that can act now, and how many wings they make.
	able := map[rules.ShipID]bool{}
	for i := range c.View.Ships {
		if sh := &c.View.Ships[i]; sh.Side == c.Side && sh.Alive() && (sh.MP > 0 || sh.Actions > 0) {
			able[sh.ID] = true
		}
	}
	seen := map[int]bool{}
	commanded, sent, held := 0, false, false
	for range 40 {
		if !p.myTurn() {
			break
		}
		p.tap(ebiten.KeyTab)
		w := c.WingSel()
		if w == nil {
			t.Fatalf("Tab selected no wing (selected %v, %s)", c.Selected, c.Msg)
		}
		if seen[w.Index] {
			break // every wing has had its turn
		}
		seen[w.Index] = true
		if shot != nil && len(seen) == 1 {
			p.run(10)
			shot("24-wing-selected")
		}
		switch {
		case !sent && w.Directive == rules.Intercept:
			// Send it after the nearest enemy it sees instead.
			lead := c.View.Ship(c.Selected)
			var tgt *rules.Ship
			for i := range c.View.Ships {
				if e := &c.View.Ships[i]; e.Side != c.Side && e.Alive() {
					if tgt == nil || hex.Distance(e.Pos, lead.Pos) < hex.Distance(tgt.Pos, lead.Pos) {
						tgt = e
					}
				}
			}
			if tgt == nil {
				p.tap(ebiten.KeyG)
				break
			}
			want := rules.Intercept
			if c.View.Class(tgt).Station {
				want = rules.Assault
			}
			p.pointHex(tgt.Pos)
			if hv := c.HoverAt(c.Cursor); !hv.Command || hv.CommandTo.Directive != want {
				t.Fatalf("hovering %s with %s selected offers %+v", tgt.Name, w.Name, hv)
			}
			if shot != nil {
				p.run(10)
				shot("25-wing-order-hover")
			}
			x, y := b.cam.HexCenter(tgt.Pos)
			p.click(x, y)
			if ww := c.View.Wing(w.Index); ww.Directive != want || ww.Target != tgt.ID {
				t.Fatalf("after the click %s's orders are %s %v", ww.Name, ww.Directive, ww.Target)
			}
			sent = true
		case !held && w.Directive == rules.Assault && len(seen) > 3:
			p.tap(ebiten.KeyU)
			if ww := c.View.Wing(w.Index); ww.Directive != rules.Screen {
				t.Fatalf("U: %s's orders are %s", ww.Name, ww.Directive)
			}
			held = true
		default:
			p.tap(ebiten.KeyG)
		}
		if !c.Busy() && c.Msg == "" {
			t.Fatalf("%s: no orders to carry out (%s)", w.Name, c.Msg)
		}
		if shot != nil && len(seen) == 1 {
			p.run(3)
			shot("26-wing-carrying-out")
		}
		p.until("the wing's orders carried out", 20000, func() bool { return !c.Busy() })
		commanded++
	}
	p.run(5)
	if shot != nil {
		shot("27-wings-done")
	}
	acted := 0
	for id := range able {
		sh := c.View.Ship(id)
		if sh == nil || !sh.Alive() || sh.MP < c.View.Class(sh).Speed || sh.Actions == 0 {
			acted++
		}
	}
	orders := b.s.OrderCount() - before
	p.endPhase()
	inputs = p.inputs - start
	if b.s.Public().Active == c.Side && b.s.Public().Turn == turn {
		t.Fatalf("the phase did not end")
	}
	if !sent || !held {
		t.Errorf("the wing orders tried: sent after an enemy %v, held %v", sent, held)
	}
	if acted < len(able)*9/10 {
		t.Errorf("%d of %d ships able to act were given orders", acted, len(able))
	}
	report = fmt.Sprintf("%d wings commanded, %d of %d ships given %d orders, in %d inputs", commanded, acted, len(able), orders, inputs)
	return inputs, report
}

// TestWingCommand: commanding the Dominion, a whole phase is played by wing
// orders through the input layer in at most 40 inputs, and every ship able
// to act is given orders; the command orders are in the replay, and the
// panel shows the selected wing's orders.
func TestWingCommand(t *testing.T) {
	p := battleAt(t, "dominion")
	b := p.battle()
	inputs, report := wingTurn(p, nil)
	t.Log(report)
	if inputs > 40 {
		t.Errorf("the phase took %d inputs, more than 40", inputs)
	}
	commands := 0
	for _, tn := range b.s.File().Turns {
		for _, o := range tn.Orders {
			if o.Kind == rules.Command && o.Side == rules.SideB {
				commands++
			}
		}
	}
	if commands < 2 {
		t.Errorf("%d command orders recorded", commands)
	}
}

// TestHUDLayoutWings: with a Dominion wing selected, at every screen size,
// the HUD keeps the rules TestHUDLayout checks: the wing bar's buttons, the
// panel's wing and the compact summary fit, and nothing covers anything.
func TestHUDLayoutWings(t *testing.T) {
	for _, sz := range hudSizes {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			p := newPlayer(t, Options{Scenario: "second-battle-of-ds9", Side: "dominion", Scene: "battle", Seed: 2, Width: sz.w, Height: sz.h, Touch: sz.touch})
			p.run(2)
			b := p.battle()
			p.tap(ebiten.KeyTab)
			p.g.Input.TouchDevice = sz.touch
			if b.ctl.WingSel() == nil {
				t.Fatal("Tab selected no wing")
			}
			if len(b.hud.btns) != len(wingButtons) {
				t.Fatalf("the bar has %d buttons with a wing selected", len(b.hud.btns))
			}
			for _, open := range []bool{false, true} {
				for _, logOpen := range []bool{false, true} {
					b.hud.panelOpen, b.hud.logOpen = open, logOpen
					p.run(1)
					checkHUD(t, p, fmt.Sprintf("wing selected, panel %v, log %v", open, logOpen), !open && !logOpen || !b.hud.compact)
				}
			}
			// Nothing selected: the panel lists the wings.
			b.ctl.Deselect()
			for _, open := range []bool{false, true} {
				b.hud.panelOpen, b.hud.logOpen = open, false
				p.run(1)
				checkHUD(t, p, fmt.Sprintf("the wing list, panel %v", open), !open || !b.hud.compact)
			}
		})
	}
}

// TestWingList: with nothing selected, the panel lists the side's wings on
// the map with their orders, and a click on a row selects that wing.
func TestWingList(t *testing.T) {
	p := battleAt(t, "dominion")
	b := p.battle()
	b.ctl.Deselect()
	p.run(2)
	rows := b.hud.wingRows
	if len(rows) < 3 {
		t.Fatalf("%d wings listed", len(rows))
	}
	r := rows[2]
	p.clickRect(r.r)
	if b.ctl.Wing != r.wing {
		t.Fatalf("a click on the row of wing %d selected wing %d", r.wing, b.ctl.Wing)
	}
	if sh := b.ctl.View.Ship(b.ctl.Selected); sh == nil || sh.Wing != r.wing {
		t.Errorf("the wing selected from the list has ship %v selected", b.ctl.Selected)
	}
}

// TestWingOrderByTouch: on a touch screen a wing's order takes two taps: the
// first shows where it would go, the second gives it.
func TestWingOrderByTouch(t *testing.T) {
	p := newPlayer(t, Options{Scenario: "second-battle-of-ds9", Side: "dominion", Scene: "battle", Seed: 8, Touch: true})
	p.run(2)
	b := p.battle()
	c := b.ctl
	if c.WingSel() == nil {
		t.Fatal("no wing selected at the start")
	}
	// A hex far from the wing, on open space.
	lead := c.View.Ship(c.Selected)
	var to hex.Hex
	found := false
	for _, h := range hex.Ring(lead.Pos, 3) {
		if c.View.Map.In(h) && c.View.ShipAt(h) == nil && c.HoverAt(h).Command {
			to, found = h, true
			break
		}
	}
	if !found {
		t.Fatal("no hex to send the wing to")
	}
	n := b.s.OrderCount()
	p.g.Input.TouchDevice = true
	p.clickHex(to)
	if b.s.OrderCount() != n {
		t.Fatal("the first tap gave the order")
	}
	p.g.Input.TouchDevice = true
	x, y := b.cam.HexCenter(to)
	p.click(x, y)
	if b.s.OrderCount() == n {
		t.Fatal("the second tap gave no order")
	}
}

// TestHUDLayoutStation: with the side's own station selected (its bar of
// damage control), at every screen size, the HUD keeps TestHUDLayout's
// rules.
func TestHUDLayoutStation(t *testing.T) {
	for _, sz := range hudSizes {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			p := newPlayer(t, Options{Scenario: "second-battle-of-ds9", Side: "alliance", Scene: "battle", Seed: 2, Width: sz.w, Height: sz.h, Touch: sz.touch})
			p.run(2)
			b := p.battle()
			c := b.ctl
			for i := range c.View.Ships {
				if sh := &c.View.Ships[i]; sh.Side == c.Side && c.View.Class(sh).Station {
					c.Select(sh.ID)
				}
			}
			p.run(1)
			if len(b.hud.btns) != len(stationButtons) {
				t.Fatalf("the bar has %d buttons with the station selected", len(b.hud.btns))
			}
			for _, open := range []bool{false, true} {
				b.hud.panelOpen, b.hud.logOpen = open, false
				p.run(1)
				checkHUD(t, p, fmt.Sprintf("the station selected, panel %v", open), !open || !b.hud.compact)
			}
		})
	}
}
