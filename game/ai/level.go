package ai

import (
	"fmt"

	"github.com/calltoarms/ds9/game/rules"
)

// Level is how well a computer commander plays. The levels differ in judgement
// only (targeting, paths, timing), never in what the engine grants them.
type Level uint8

// The difficulty levels.
const (
	Easy Level = iota
	Normal
	Hard
)

var levelNames = [...]string{"easy", "normal", "hard"}

// String returns the level's id.
func (l Level) String() string {
	if int(l) < len(levelNames) {
		return levelNames[l]
	}
	return fmt.Sprintf("level(%d)", uint8(l))
}

// ParseLevel reads a level id: easy, normal or hard.
func ParseLevel(s string) (Level, error) {
	for i, n := range levelNames {
		if n == s {
			return Level(i), nil
		}
	}
	return 0, fmt.Errorf("unknown level %q (want easy, normal or hard)", s)
}

// New returns a computer commander for one side of one battle: the same
// commander for either side of any battle, driven by the scenario. A
// commander remembers what its side's earlier views showed (the mines it has
// seen, where it last saw an enemy), so use a fresh one for every battle.
func New(side rules.Side, level Level) Commander { return newCommander(level) }

// Parse returns the commander a name asks for: "baseline" for the baseline
// policy, or a level (easy, normal, hard) for the side's computer commander.
func Parse(side rules.Side, name string) (Commander, error) {
	if name == "baseline" {
		return Baseline{}, nil
	}
	l, err := ParseLevel(name)
	if err != nil {
		return nil, fmt.Errorf("unknown commander %q (want easy, normal, hard or baseline)", name)
	}
	return New(side, l), nil
}
