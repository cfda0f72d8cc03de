package ai

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/calltoarms/ds9/game/rules"
)

// Level is how well a computer commander plays. The levels differ in judgement
// only, never in what the engine grants them: easy plays the normal
// commander's plans hesitantly (two in five of its ships are given no orders
// in a phase); normal plays them; hard searches, each phase, which of a
// portfolio of postures (ways of playing) does best in battles played out
// with the engine from samples of what its side knows (search.go).
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
// policy, a level (easy, normal, hard) for the side's computer commander, or
// "passive:N", the normal commander until turn N that from then on only ends
// its phases (a yardstick of how much the later turns matter).
func Parse(side rules.Side, name string) (Commander, error) {
	if name == "baseline" {
		return Baseline{}, nil
	}
	if rest, ok := strings.CutPrefix(name, "passive:"); ok {
		n, err := strconv.Atoi(rest)
		if err != nil || n < 1 || n > rules.MaxTurns {
			return nil, fmt.Errorf("commander %q: passive:N, N a turn 1..%d", name, rules.MaxTurns)
		}
		return &passive{Commander: New(side, Normal), from: n, name: name}, nil
	}
	l, err := ParseLevel(name)
	if err != nil {
		return nil, fmt.Errorf("unknown commander %q (want easy, normal, hard, baseline or passive:N)", name)
	}
	return New(side, l), nil
}

// passive plays like its commander until turn from, then gives no orders
// (the driver ends its phases).
type passive struct {
	Commander
	from int
	name string
}

func (p *passive) Name() string { return p.name }

func (p *passive) Orders(v *rules.View) []rules.Order {
	if v.Phase == rules.Battle && v.Turn >= p.from {
		return nil
	}
	return p.Commander.Orders(v)
}
