package ai

import (
	"github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/rules"
)

// Baseline is the plain baseline policy: no planning, no memory. Every ship heads
// for the nearest thing worth shooting (its wing's target first), fires its best
// weapon at what is in range, and the Alliance lays mines, covers the minelayer,
// evacuates when main power fails and runs Program Sisko 197 once its ships are
// gone. It refuses surrender terms. It exists to exercise the engine and as a
// yardstick for the real commanders.
type Baseline struct{}

// Name returns "baseline".
func (Baseline) Name() string { return "baseline" }

// Orders plans the phase.
func (b Baseline) Orders(v *rules.View) []rules.Order {
	p := &basePlan{v: v, taken: map[hex.Hex]bool{}}
	for i := range v.Ships {
		if sh := &v.Ships[i]; sh.Alive() {
			p.taken[sh.Pos] = true
		}
	}
	if v.Phase == rules.Parley {
		return []rules.Order{{Kind: rules.AnswerTerms, Side: v.Side, Accept: false}}
	}
	var out []rules.Order
	for i := range v.Ships {
		sh := &v.Ships[i]
		if sh.Side != v.Side || !sh.Alive() || sh.Lost() || (sh.MP == 0 && sh.Actions == 0) {
			continue
		}
		c := v.Class(sh)
		switch {
		case c.Station:
			out = append(out, p.stationOrders(sh)...)
		case c.Minelayer:
			out = append(out, p.minelayerOrders(sh)...)
		default:
			out = append(out, p.shipOrders(sh)...)
		}
	}
	return out
}

// basePlan is one phase's plan: the view, and the hexes ships stand on or
// are planned to end on.
type basePlan struct {
	v     *rules.View
	taken map[hex.Hex]bool
}

// goal is where a ship wants to be: its wing's target, or the nearest enemy.
func goal(v *rules.View, sh *rules.Ship) (*rules.Ship, hex.Hex, bool) {
	if sh.Wing >= 0 {
		if w := v.Wing(sh.Wing); w != nil {
			if t := v.Ship(w.Target); t != nil && t.Alive() && !t.Lost() {
				return t, t.Pos, true
			}
			if w.Directive == rules.Screen {
				return nil, w.Hold, true
			}
		}
	}
	if t := nearestEnemy(v, sh); t != nil {
		return t, t.Pos, true
	}
	return nil, hex.Hex{}, false
}

func nearestEnemy(v *rules.View, sh *rules.Ship) *rules.Ship {
	var best *rules.Ship
	bd := 1 << 30
	for i := range v.Ships {
		t := &v.Ships[i]
		if t.Side == v.Side || !t.Alive() || t.Lost() {
			continue
		}
		if d := v.Range(sh, t); d < bd {
			best, bd = t, d
		}
	}
	return best
}

// stepToward plans a greedy move toward a hex, stopping stop hexes short of it,
// through hexes no ship stands on or is planned to end on; it books the end.
func (p *basePlan) stepToward(sh *rules.Ship, to hex.Hex, stop int) []hex.Hex {
	v := p.v
	var path []hex.Hex
	at, mp := sh.Pos, sh.MP
	for mp > 0 && hex.Distance(at, to) > stop {
		best, bd := hex.Hex{}, hex.Distance(at, to)
		found := false
		for _, n := range at.Neighbors() {
			c := v.MoveCost(n)
			if c < 0 || c > mp || p.taken[n] {
				continue
			}
			if d := hex.Distance(n, to); d < bd {
				best, bd, found = n, d, true
			}
		}
		if !found {
			break
		}
		path = append(path, best)
		mp -= v.MoveCost(best)
		at = best
	}
	if len(path) > 0 {
		delete(p.taken, sh.Pos)
		p.taken[at] = true
	}
	return path
}

// fireOrders fires the ship's best weapon at the best target in range of
// where it stands (sh may be a copy moved to where its move ends), among the
// attacks the engine lists.
func (p *basePlan) fireOrders(sh *rules.Ship, prefer *rules.Ship, section int) []rules.Order {
	v := p.v
	var out []rules.Order
	c := v.Class(sh)
	opts := v.AppendTargets(nil, sh.ID, sh.Pos)
	for a := 0; a < sh.Actions; a++ {
		bestVal, bo := 0, rules.Order{}
		for _, op := range opts {
			t := v.Ship(op.Target)
			if tc := v.Class(t); tc.Station {
				want := section
				if want == 0 || !sectionUp(tc, t, want) {
					want = firstSection(tc, t)
				}
				if op.Section != want {
					continue
				}
			}
			val := op.Preview.Expected100
			if t == prefer {
				val *= 2
			}
			if val > bestVal {
				bestVal, bo = val, op.Order(v.Side, sh.ID)
			}
		}
		if bestVal == 0 {
			break
		}
		// A station spreads its actions over its weapons.
		out = append(out, bo)
		if !c.Station {
			break
		}
	}
	return out
}

func sectionUp(c *rules.Class, t *rules.Ship, id int) bool {
	i, ok := c.Section(id)
	return ok && t.Section[i] > 0
}

func firstSection(c *rules.Class, t *rules.Ship) int {
	for i, s := range c.Sections {
		if t.Section[i] > 0 {
			return s.ID
		}
	}
	return 0
}

func (p *basePlan) shipOrders(sh *rules.Ship) []rules.Order {
	v := p.v
	var out []rules.Order
	t, to, ok := goal(v, sh)
	if !ok {
		return nil
	}
	c := v.Class(sh)
	if sh.Cloaked {
		out = append(out, rules.Order{Kind: rules.Decloak, Side: v.Side, Ship: sh.ID})
	}
	section := 0
	if sh.Wing >= 0 {
		if w := v.Wing(sh.Wing); w != nil && w.Directive == rules.Focus {
			section = w.Section
		}
	}
	stop := 1
	if t != nil {
		stop = max(1, c.MaxRange()-1) + v.Class(t).Radius
	}
	if v.Side != v.MineOwner && t != nil && v.Class(t).Station && t.Shields == 0 && c.Troops > 0 {
		stop = 1 + v.Class(t).Radius
		if v.Range(sh, t) <= rules.BoardReach && sh.Actions > 0 {
			return append(out, rules.Order{Kind: rules.Board, Side: v.Side, Ship: sh.ID, Target: t.ID})
		}
	}
	if sh.MP > 0 {
		if path := p.stepToward(sh, to, stop); len(path) > 0 {
			out = append(out, rules.Order{Kind: rules.Move, Side: v.Side, Ship: sh.ID, Path: path})
			moved := *sh
			moved.Pos = path[len(path)-1]
			sh = &moved
		}
	}
	if sh.Actions > 0 {
		// The Alliance's escort covers the minelayer when it is near.
		if v.Side == v.MineOwner {
			if ml := minelayer(v); ml != nil && ml.ID != sh.ID && rules.CoverReaches(sh.Pos, ml.Pos) && !v.MinefieldActive {
				return append(out, rules.Order{Kind: rules.Cover, Side: v.Side, Ship: sh.ID, Target: ml.ID})
			}
		}
		out = append(out, p.fireOrders(sh, t, section)...)
	}
	return out
}

func minelayer(v *rules.View) *rules.Ship {
	for i := range v.Ships {
		s := &v.Ships[i]
		if s.Side == v.Side && s.Alive() && v.Class(s).Minelayer {
			return s
		}
	}
	return nil
}

// minelayerOrders: lay the nearest open position, or, once the field is active,
// make for the exit and leave.
func (p *basePlan) minelayerOrders(sh *rules.Ship) []rules.Order {
	v := p.v
	var out []rules.Order
	if sh.Cloaked {
		out = append(out, rules.Order{Kind: rules.Decloak, Side: v.Side, Ship: sh.ID})
	}
	if v.MinefieldActive {
		return append(out, p.leave(sh)...)
	}
	open := v.OpenMines(nil)
	best, bd := hex.Hex{}, 1<<30
	for _, p := range open {
		if d := hex.Distance(sh.Pos, p); d < bd {
			best, bd = p, d
		}
	}
	if bd == 1<<30 {
		return append(out, p.fireOrders(sh, nil, 0)...)
	}
	at := sh.Pos
	if bd > 1 && sh.MP > 0 {
		if path := p.stepToward(sh, best, 1); len(path) > 0 {
			out = append(out, rules.Order{Kind: rules.Move, Side: v.Side, Ship: sh.ID, Path: path})
			at = path[len(path)-1]
		}
	}
	if hex.Distance(at, best) <= rules.LayReach && sh.Actions > 0 {
		return append(out, rules.Order{Kind: rules.LayMine, Side: v.Side, Ship: sh.ID, At: best})
	}
	return append(out, p.fireOrders(sh, nil, 0)...)
}

// leave heads for the nearest exit hex and withdraws there.
func (p *basePlan) leave(sh *rules.Ship) []rules.Order {
	v := p.v
	if v.Map.At(sh.Pos) == rules.Exit {
		return []rules.Order{{Kind: rules.Withdraw, Side: v.Side, Ship: sh.ID}}
	}
	best, bd := hex.Hex{}, 1<<30
	for _, e := range v.Map.Hexes(rules.Exit) {
		if d := hex.Distance(sh.Pos, e); d < bd && !p.taken[e] {
			best, bd = e, d
		}
	}
	if bd == 1<<30 || sh.MP == 0 {
		return nil
	}
	path := p.stepToward(sh, best, 0)
	if len(path) == 0 {
		return nil
	}
	out := []rules.Order{{Kind: rules.Move, Side: v.Side, Ship: sh.ID, Path: path}}
	if path[len(path)-1] == best {
		out = append(out, rules.Order{Kind: rules.Withdraw, Side: v.Side, Ship: sh.ID})
	}
	return out
}

// stationOrders: fire; evacuate when main power is gone; run Program Sisko 197
// once evacuated and alone.
func (p *basePlan) stationOrders(sh *rules.Ship) []rules.Order {
	v := p.v
	if o := (rules.Order{Kind: rules.Sabotage, Side: v.Side, Ship: sh.ID}); v.Check(o) == nil {
		return []rules.Order{o}
	}
	if !sh.MainPower {
		if sh.EvacuateAt == 0 {
			return []rules.Order{{Kind: rules.Evacuate, Side: v.Side, Ship: sh.ID}}
		}
		return nil
	}
	return p.fireOrders(sh, nil, 0)
}
