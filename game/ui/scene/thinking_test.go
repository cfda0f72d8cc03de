package scene

import (
	"strings"
	"testing"
	"time"
)

// TestHardThinksWhileFramesRun: against the hard level, the computer's phase
// is played by a commander that thinks in the background; frames keep coming
// meanwhile (none of them waits for it), the action bar says it is thinking,
// and the player's phase comes once it has played.
func TestHardThinksWhileFramesRun(t *testing.T) {
	p := newPlayer(t, Options{Scenario: "second-battle-of-ds9", Side: "alliance", Difficulty: "hard", Scene: "battle", Seed: 8})
	p.run(2)
	b := p.battle()
	if p.myTurn() {
		p.endPhase()
	}
	thinking, longest := 0, time.Duration(0)
	for !b.s.HumanTurn() {
		start := time.Now()
		p.step()
		longest = max(longest, time.Since(start))
		if b.s.Thinking() {
			thinking++
			if !strings.Contains(b.hud.movingLn, "thinking") {
				t.Fatalf("the action bar says %q while the computer thinks", b.hud.movingLn)
			}
		}
		time.Sleep(time.Millisecond) // a frame's pause, so the background work runs
	}
	if thinking == 0 {
		t.Fatal("the hard level never thought in the background")
	}
	if longest > 200*time.Millisecond {
		t.Errorf("a frame took %v while the computer thought", longest)
	}
	t.Logf("%d frames while it thought; the longest frame %v", thinking, longest)
}
