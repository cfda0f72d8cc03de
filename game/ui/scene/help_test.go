package scene

import (
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/ui/input"
)

// TestHelp: F1 opens the battle's help, which reads this scenario's
// outcomes and the side's objectives (every battle's own), and the keys
// from the bindings; F1 again closes it.
func TestHelp(t *testing.T) {
	for _, id := range []string{"second-battle-of-ds9", "way-of-the-warrior", "operation-return"} {
		t.Run(id, func(t *testing.T) {
			p := newPlayer(t, Options{Scenario: id, Scene: "battle", Seed: 2})
			p.run(2)
			b := p.battle()
			p.tap(ebiten.KeyF1)
			if b.help == nil {
				t.Fatal("F1 opened no help")
			}
			var all []string
			for _, l := range b.help.lines {
				all = append(all, l.text)
			}
			text := strings.Join(all, " ")
			for _, o := range b.s.Scenario.Setup.Outcomes {
				if !strings.Contains(text, o.Title) {
					t.Errorf("the help leaves out the outcome %q", o.Title)
				}
			}
			for _, o := range b.s.Objectives(b.ctl.Side, false) {
				if !strings.Contains(text, o.Text) {
					t.Errorf("the help leaves out the objective %q", o.Text)
				}
			}
			if !strings.Contains(text, input.KeysFor(input.CmdEndTurn)+": end your phase") {
				t.Errorf("the help's keys: %q", text)
			}
			p.tap(ebiten.KeyF1)
			if b.help != nil {
				t.Fatal("F1 again does not close the help")
			}
		})
	}
	if got := input.KeysFor(input.CmdHelp); got != "F1 or /" {
		t.Errorf("KeysFor(help) = %q", got)
	}
}
