// Package historical plays the Second Battle of Deep Space Nine as the sources
// tell it, with a scripted commander for each side, and records it as the golden
// replay scenarios/replays/second-battle-of-ds9-historical.json.
//
// The plan is scripted, the battle is not: every order goes through the rules
// engine's Apply, each commander decides from its own side's View only, and the
// script reads the situation (mines laid, main power, the evacuation, losses)
// rather than turn numbers, so that it still tells the story when the scenario's
// numbers are re-balanced. Story checks that it did.
//
//	go run ./cmd/golden -o scenarios/replays/second-battle-of-ds9-historical.json
package historical

import (
	"fmt"
	"slices"
	"strings"

	"github.com/calltoarms/ds9/game/ai"
	"github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/replay"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
)

// ScenarioID is the scenario this plan is written for.
const ScenarioID = "second-battle-of-ds9"

// Seed is the seed of the golden replay.
const Seed = 1

// Stagings are the staging distances the plan tries, in order: the first with
// which the battle tells the story is kept. A re-balanced scenario may need
// another; the generator says so when none works.
var Stagings = []int{14, 12, 16, 10, 18, 9, 11, 13, 15, 17, 20}

// Generate plays the historical battle of sc with seed, trying the plan's
// staging distances in turn, and returns the replay of the first run that tells
// the story (CheckStory), with the staging distance it used.
func Generate(sc *scenario.Scenario, seed uint64) (*replay.File, int, error) {
	if sc.ID != ScenarioID {
		return nil, 0, fmt.Errorf("the historical plan is for %s, not %s", ScenarioID, sc.ID)
	}
	var errs []string
	for _, staging := range Stagings {
		f, err := play(sc, seed, Dukat{Price: PyrrhicLosses(sc), Staging: staging, Late: 4})
		if err == nil {
			return f, staging, nil
		}
		errs = append(errs, fmt.Sprintf("staging %d: %v", staging, err))
	}
	return nil, 0, fmt.Errorf("the historical plan no longer tells the story with seed %d: %s", seed, strings.Join(errs, "; "))
}

// play runs the battle once with the given Dominion plan.
func play(sc *scenario.Scenario, seed uint64, dukat Dukat) (*replay.File, error) {
	rec, err := replay.NewRecorder(sc, seed, replay.Players{Sisko{}.Name(), dukat.Name()})
	if err != nil {
		return nil, err
	}
	var events []rules.Event
	apply := func(o rules.Order) ([]rules.Event, error) {
		ev, err := rec.Apply(o)
		events = append(events, ev...)
		return ev, err
	}
	st := rec.State()
	if err := ai.Play(st, [2]ai.Commander{Sisko{}, dukat}, apply); err != nil {
		return nil, err
	}
	if err := CheckStory(st, events); err != nil {
		s := st.Summarize()
		return nil, fmt.Errorf("%w (%s after %d turns, dominion losses %d, station %s)", err, s.Outcome, s.Turns, s.Losses[rules.SideB].N, s.Station)
	}
	return rec.File(), nil
}

// PyrrhicLosses is the Dominion loss count the scenario's pyrrhic-victory outcome
// asks for (50 if it names none).
func PyrrhicLosses(sc *scenario.Scenario) int {
	for _, o := range sc.Setup.Outcomes {
		if o.ID != "dominion-pyrrhic-victory" {
			continue
		}
		for _, c := range o.When {
			if c.Name == "losses" && c.Side == rules.SideB {
				switch c.Op {
				case ">=":
					return c.N
				case ">":
					return c.N + 1
				}
			}
		}
	}
	return 50
}

// planner holds one phase's planning: hexes already promised to a ship this call.
type planner struct {
	v     *rules.View
	taken map[hex.Hex]bool
}

func newPlanner(v *rules.View) *planner { return &planner{v: v, taken: map[hex.Hex]bool{}} }

// moveToward plans a move that brings sh as close to goal as its movement allows,
// stopping once within stop hexes, and never ending nearer than floor. It
// returns the order and sh's new position.
func (p *planner) moveToward(sh *rules.Ship, goal hex.Hex, stop, floor int) (rules.Order, hex.Hex, bool) {
	v := p.v
	if sh.MP <= 0 || hex.Distance(sh.Pos, goal) <= stop {
		return rules.Order{}, sh.Pos, false
	}
	ends, all := v.Reachable(sh.ID)
	best, bestD, bestC := sh.Pos, hex.Distance(sh.Pos, goal), 0
	for _, r := range ends {
		if r.Hex == sh.Pos || p.taken[r.Hex] || hex.Distance(r.Hex, goal) < floor {
			continue
		}
		d := max(hex.Distance(r.Hex, goal), stop)
		if d < bestD || d == bestD && r.Cost < bestC {
			best, bestD, bestC = r.Hex, d, r.Cost
		}
	}
	if best == sh.Pos {
		return rules.Order{}, sh.Pos, false
	}
	path, ok := hex.PathTo(all, sh.Pos, best)
	if !ok || len(path) == 0 {
		return rules.Order{}, sh.Pos, false
	}
	if path[0] == sh.Pos {
		path = path[1:]
	}
	if len(path) == 0 {
		return rules.Order{}, sh.Pos, false
	}
	p.taken[best] = true
	return rules.Order{Kind: rules.Move, Side: v.Side, Ship: sh.ID, Path: path}, best, true
}

// fire picks sh's best shot from pos, among the attacks the engine lists for
// it there: the highest expected damage on a target accepted by want
// (section: which station section to aim at, 0 for ships).
func (p *planner) fire(sh *rules.Ship, pos hex.Hex, want func(t *rules.Ship) (section int, weight int)) (rules.Order, bool) {
	v := p.v
	bestVal, best := 0, rules.Order{}
	for _, op := range v.AppendTargets(nil, sh.ID, pos) {
		t := v.Ship(op.Target)
		sec, weight := want(t)
		if weight <= 0 || op.Section != sec {
			continue
		}
		// Prefer shots that finish a ship: expected damage against what is left.
		val := op.Preview.Expected100 * weight
		if !v.Class(t).Station {
			val = val * 100 / max(1, t.Hull+t.Shields)
		}
		if val > bestVal {
			bestVal, best = val, op.Order(v.Side, sh.ID)
		}
	}
	return best, bestVal > 0
}

func station(v *rules.View, side rules.Side) *rules.Ship {
	for i := range v.Ships {
		if s := &v.Ships[i]; s.Side == side && v.Class(s).Station {
			return s
		}
	}
	return nil
}

func mainPowerSection(c *rules.Class) int {
	for _, s := range c.Sections {
		if s.MainPower {
			return s.ID
		}
	}
	return 0
}

// sectionUp reports whether the station's section id still has hull.
func sectionUp(c *rules.Class, st *rules.Ship, id int) bool {
	i, ok := c.Section(id)
	return ok && st.Section[i] > 0
}

// harmlessSection is a section of the station whose loss silences no perimeter
// weapon and keeps the power on: where the other wings' fire goes while Dukat
// waits for his moment.
func harmlessSection(c *rules.Class, st *rules.Ship) int {
	for _, s := range c.Sections {
		if s.MainPower || !sectionUp(c, st, s.ID) {
			continue
		}
		armed := false
		for _, w := range c.Weapons {
			if w.Section == s.ID {
				armed = true
			}
		}
		if !armed {
			return s.ID
		}
	}
	return 0
}

func nearestFree(v *rules.View, from hex.Hex, hexes []hex.Hex, taken map[hex.Hex]bool) (hex.Hex, bool) {
	best, bd := hex.Hex{}, 1<<30
	for _, h := range hexes {
		if o := v.ShipAt(h); o != nil || taken[h] {
			continue
		}
		if d := hex.Distance(from, h); d < bd {
			best, bd = h, d
		}
	}
	return best, bd < 1<<30
}

func sortedWormhole(v *rules.View) hex.Hex {
	w := v.Map.Hexes(rules.Wormhole)
	if len(w) == 0 {
		return hex.Hex{}
	}
	slices.SortFunc(w, func(a, b hex.Hex) int {
		if a.Q != b.Q {
			return a.Q - b.Q
		}
		return a.R - b.R
	})
	return w[len(w)/2]
}

// Corrupt returns a copy of a replay with one order changed, for the tests that
// prove verification catches it: the first move of turn 3 with two or more steps
// has its path reversed. It says which turn and order it changed.
func Corrupt(f *replay.File) (*replay.File, replay.Divergence, error) {
	b, err := replay.Marshal(f)
	if err != nil {
		return nil, replay.Divergence{}, err
	}
	c, err := replay.Load("copy", b)
	if err != nil {
		return nil, replay.Divergence{}, err
	}
	for ti := range c.Turns {
		t := &c.Turns[ti]
		if t.Turn < 3 {
			continue
		}
		for oi := range t.Orders {
			o := &t.Orders[oi]
			if o.Kind == rules.Move && len(o.Path) >= 2 {
				slices.Reverse(o.Path)
				return c, replay.Divergence{Turn: t.Turn, Order: oi + 1}, nil
			}
		}
	}
	return nil, replay.Divergence{}, fmt.Errorf("no move order to corrupt")
}
