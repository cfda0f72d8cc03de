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
			out = append(out, stationOrders(v, sh)...)
		case c.Minelayer:
			out = append(out, minelayerOrders(v, sh)...)
		default:
			out = append(out, shipOrders(v, sh)...)
		}
	}
	return out
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

// stepToward plans a greedy move toward a hex, stopping stop hexes short of it.
func stepToward(v *rules.View, sh *rules.Ship, to hex.Hex, stop int) []hex.Hex {
	var path []hex.Hex
	at, mp := sh.Pos, sh.MP
	for mp > 0 && hex.Distance(at, to) > stop {
		best, bd := hex.Hex{}, hex.Distance(at, to)
		found := false
		for _, n := range at.Neighbors() {
			c := v.MoveCost(n)
			if c < 0 || c > mp || v.ShipAt(n) != nil {
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
	return path
}

// fireOrders fires the ship's best weapon at the best target in range.
func fireOrders(v *rules.View, sh *rules.Ship, prefer *rules.Ship, section int) []rules.Order {
	var out []rules.Order
	c := v.Class(sh)
	for a := 0; a < sh.Actions; a++ {
		bestVal, bo := 0, rules.Order{}
		for i := range v.Ships {
			t := &v.Ships[i]
			if t.Side == v.Side || !t.Alive() || t.Lost() {
				continue
			}
			sec := 0
			tc := v.Class(t)
			if tc.Station {
				sec = section
				if sec == 0 || !sectionUp(tc, t, sec) {
					sec = firstSection(tc, t)
				}
			}
			for wi := range c.Weapons {
				p, err := v.Preview(sh.ID, wi, t.ID, sec)
				if err != nil || p.Range > c.Weapons[wi].Range {
					continue
				}
				val := p.Expected100
				if t == prefer {
					val *= 2
				}
				if val > bestVal {
					bestVal = val
					bo = rules.Order{Kind: rules.Attack, Side: v.Side, Ship: sh.ID, Weapon: wi, Target: t.ID, Section: sec}
				}
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

func shipOrders(v *rules.View, sh *rules.Ship) []rules.Order {
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
		if v.Range(sh, t) <= 1 && sh.Actions > 0 {
			return append(out, rules.Order{Kind: rules.Board, Side: v.Side, Ship: sh.ID, Target: t.ID})
		}
	}
	if sh.MP > 0 {
		if p := stepToward(v, sh, to, stop); len(p) > 0 {
			out = append(out, rules.Order{Kind: rules.Move, Side: v.Side, Ship: sh.ID, Path: p})
			moved := *sh
			moved.Pos = p[len(p)-1]
			sh = &moved
		}
	}
	if sh.Actions > 0 {
		// The Alliance's escort covers the minelayer when it is near.
		if v.Side == v.MineOwner {
			if ml := minelayer(v); ml != nil && ml != sh && hex.Distance(sh.Pos, ml.Pos) <= rules.CoverRadius && !v.MinefieldActive {
				return append(out, rules.Order{Kind: rules.Cover, Side: v.Side, Ship: sh.ID, Target: ml.ID})
			}
		}
		out = append(out, fireOrders(v, sh, t, section)...)
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
func minelayerOrders(v *rules.View, sh *rules.Ship) []rules.Order {
	var out []rules.Order
	if sh.Cloaked {
		out = append(out, rules.Order{Kind: rules.Decloak, Side: v.Side, Ship: sh.ID})
	}
	if v.MinefieldActive {
		return append(out, leave(v, sh)...)
	}
	var open []hex.Hex
	for _, m := range v.Mines {
		if !m.Laid {
			open = append(open, m.Pos)
		}
	}
	best, bd := hex.Hex{}, 1<<30
	for _, p := range open {
		if d := hex.Distance(sh.Pos, p); d < bd {
			best, bd = p, d
		}
	}
	if bd == 1<<30 {
		return append(out, fireOrders(v, sh, nil, 0)...)
	}
	at := sh.Pos
	if bd > 1 && sh.MP > 0 {
		if p := stepToward(v, sh, best, 1); len(p) > 0 {
			out = append(out, rules.Order{Kind: rules.Move, Side: v.Side, Ship: sh.ID, Path: p})
			at = p[len(p)-1]
		}
	}
	if hex.Distance(at, best) <= 1 && sh.Actions > 0 {
		return append(out, rules.Order{Kind: rules.LayMine, Side: v.Side, Ship: sh.ID, At: best})
	}
	return append(out, fireOrders(v, sh, nil, 0)...)
}

// leave heads for the nearest exit hex and withdraws there.
func leave(v *rules.View, sh *rules.Ship) []rules.Order {
	if v.Map.At(sh.Pos) == rules.Exit {
		return []rules.Order{{Kind: rules.Withdraw, Side: v.Side, Ship: sh.ID}}
	}
	best, bd := hex.Hex{}, 1<<30
	for _, e := range v.Map.Hexes(rules.Exit) {
		if d := hex.Distance(sh.Pos, e); d < bd && v.ShipAt(e) == nil {
			best, bd = e, d
		}
	}
	if bd == 1<<30 || sh.MP == 0 {
		return nil
	}
	p := stepToward(v, sh, best, 0)
	if len(p) == 0 {
		return nil
	}
	out := []rules.Order{{Kind: rules.Move, Side: v.Side, Ship: sh.ID, Path: p}}
	if p[len(p)-1] == best {
		out = append(out, rules.Order{Kind: rules.Withdraw, Side: v.Side, Ship: sh.ID})
	}
	return out
}

// stationOrders: fire; evacuate when main power is gone; run Program Sisko 197
// once evacuated and alone.
func stationOrders(v *rules.View, sh *rules.Ship) []rules.Order {
	if sh.Evacuated && !sh.Sabotaged {
		alone := true
		for i := range v.Ships {
			s := &v.Ships[i]
			if s.Side == v.Side && s.Alive() && !v.Class(s).Station {
				alone = false
			}
		}
		if alone {
			return []rules.Order{{Kind: rules.Sabotage, Side: v.Side, Ship: sh.ID}}
		}
	}
	if !sh.MainPower {
		if sh.EvacuateAt == 0 {
			return []rules.Order{{Kind: rules.Evacuate, Side: v.Side, Ship: sh.ID}}
		}
		return nil
	}
	return fireOrders(v, sh, nil, 0)
}
