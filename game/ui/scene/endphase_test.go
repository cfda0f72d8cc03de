package scene

import (
	"strconv"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/ui/play"
)

// TestEndPhaseAsksFirst: ending the phase while own ships can still fire or
// have not moved asks first, with their numbers as the engine counts them
// (View.Options); "Not yet" and Esc keep the phase; N again, or Enter
// again, end it. With every ship's orders given, the phase ends at once.
func TestEndPhaseAsksFirst(t *testing.T) {
	p := battleAt(t, "alliance")
	b := p.battle()
	c := b.ctl
	fire, unmoved := c.Unfinished()
	if fire == 0 || unmoved == 0 {
		t.Fatalf("at the start of the phase %d ships can fire and %d have not moved", fire, unmoved)
	}
	turn, n := b.s.Public().Turn, b.s.OrderCount()
	kept := func(what string) {
		t.Helper()
		if b.ask != nil || !p.myTurn() || b.s.OrderCount() != n || b.s.Public().Turn != turn {
			t.Fatalf("%s: asked %v, my turn %v, orders %d → %d", what, b.ask != nil, p.myTurn(), n, b.s.OrderCount())
		}
	}
	asked := func(what string) {
		t.Helper()
		if b.ask == nil || b.asked != play.ActEndTurn || b.s.OrderCount() != n {
			t.Fatalf("%s: the end of the phase was not asked first (orders %d → %d)", what, n, b.s.OrderCount())
		}
		for _, want := range []string{strconv.Itoa(fire) + " ship", strconv.Itoa(unmoved) + " ha", "End the phase?"} {
			if !strings.Contains(b.ask.text, want) {
				t.Errorf("%s: the question %q does not say %q", what, b.ask.text, want)
			}
		}
	}
	p.tap(ebiten.KeyN)
	asked("N")
	p.clickRect(b.ask.list.items[1].r) // Not yet
	kept("Not yet")
	p.clickButton(play.ActEndTurn)
	asked("the End phase button")
	p.tap(ebiten.KeyEscape)
	kept("Esc")
	if b.menu != nil {
		t.Fatal("Esc on the question opened the menu")
	}
	p.tap(ebiten.KeyEnter)
	asked("Enter")
	p.tap(ebiten.KeyEnter)
	if o, ok := orderAt(b.s, n); b.ask != nil || !ok || o.Kind != rules.EndPhase || o.Side != c.Side {
		t.Fatalf("Enter twice: asked %v, the next order %+v", b.ask != nil, o)
	}

	// N twice, on the next phase.
	p.until("the player's next phase", 20000, p.myTurn)
	n = b.s.OrderCount()
	p.tap(ebiten.KeyN)
	if b.ask == nil {
		t.Fatal("N: not asked on the second phase")
	}
	p.tap(ebiten.KeyN)
	if o, ok := orderAt(b.s, n); b.ask != nil || !ok || o.Kind != rules.EndPhase || o.Side != c.Side {
		t.Fatalf("N twice: asked %v, the next order %+v", b.ask != nil, o)
	}

	// Every ship fires what it can and moves: nothing is asked.
	p.until("the player's next phase", 20000, p.myTurn)
	for guard := 0; guard < 200; guard++ {
		if f, u := c.Unfinished(); f == 0 && u == 0 {
			break
		}
		gave := false
		for i := range c.View.Ships {
			sh := &c.View.Ships[i]
			if sh.Side != c.Side || !sh.Alive() {
				continue
			}
			o := c.View.Options(sh.ID)
			var ord rules.Order
			switch {
			case len(o.Attacks) > 0:
				ord = o.Attacks[0].Order(c.Side, sh.ID)
			case len(o.Moves) > 0 && sh.MP == c.View.Class(sh).Speed:
				path, _ := c.View.Path(sh.ID, o.Moves[0].Hex)
				ord = rules.Order{Kind: rules.Move, Side: c.Side, Ship: sh.ID, Path: path}
			default:
				continue
			}
			if _, err := b.s.Apply(ord, true); err != nil {
				t.Fatalf("%s: %v", sh.Name, err)
			}
			c.Refresh()
			gave = true
			break
		}
		if !gave || !p.myTurn() {
			break
		}
	}
	if f, u := c.Unfinished(); f != 0 || u != 0 || !p.myTurn() {
		t.Fatalf("after every ship's orders %d can fire and %d have not moved (my turn %v)", f, u, p.myTurn())
	}
	n = b.s.OrderCount()
	p.tap(ebiten.KeyN)
	if o, ok := orderAt(b.s, n); b.ask != nil || !ok || o.Kind != rules.EndPhase || o.Side != c.Side {
		t.Fatalf("with nothing left to order, N asked %v; the next order %+v", b.ask != nil, o)
	}
}

// orderAt is the battle's order i (from 0), as the replay records it.
func orderAt(s *play.Session, i int) (rules.Order, bool) {
	for _, tn := range s.File().Turns {
		if i < len(tn.Orders) {
			return tn.Orders[i], true
		}
		i -= len(tn.Orders)
	}
	return rules.Order{}, false
}

// TestEndPhaseQuestion: the question counts ships in plain words.
func TestEndPhaseQuestion(t *testing.T) {
	for _, c := range []struct {
		fire, unmoved int
		want          string
	}{
		{12, 30, "12 ships can still fire and 30 have not moved. End the phase?"},
		{1, 1, "1 ship can still fire and 1 has not moved. End the phase?"},
		{3, 0, "3 ships can still fire. End the phase?"},
		{0, 1, "1 ship has not moved. End the phase?"},
		{0, 0, ""},
	} {
		if got := endPhaseQuestion(c.fire, c.unmoved); got != c.want {
			t.Errorf("%d, %d: %q, want %q", c.fire, c.unmoved, got, c.want)
		}
	}
}
