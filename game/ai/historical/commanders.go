package historical

import (
	"github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/rules"
)

// Sisko commands the Alliance as Captain Sisko did: he refuses Dukat's terms; the
// Defiant finishes the minefield while the Rotarran covers her; the station's
// guns and perimeter defenses make the Dominion pay; once main power is cut he
// orders the evacuation, the Defiant and the Rotarran slip away under cloak, and
// Major Kira runs Program Sisko 197 when they are gone.
type Sisko struct{}

// Name returns "historical".
func (Sisko) Name() string { return "historical" }

// Orders plans the Alliance phase from the Alliance's view.
func (Sisko) Orders(v *rules.View) []rules.Order {
	if v.Phase == rules.Parley {
		return []rules.Order{{Kind: rules.AnswerTerms, Side: v.Side, Accept: false}}
	}
	p := newPlanner(v)
	st := station(v, v.Side)
	var out []rules.Order
	leaving := st == nil || st.EvacuateAt > 0 || st.Lost()
	for i := range v.Ships {
		sh := &v.Ships[i]
		if sh.Side != v.Side || !sh.Alive() || sh.Lost() {
			continue
		}
		c := v.Class(sh)
		switch {
		case c.Station:
			out = append(out, p.stationOrders(sh)...)
		case !v.MinefieldActive && c.Minelayer:
			out = append(out, p.layMines(sh)...)
		case !v.MinefieldActive:
			out = append(out, p.coverLayer(sh)...)
		default:
			out = append(out, p.slipAway(sh, leaving)...)
		}
	}
	return out
}

func (p *planner) stationOrders(sh *rules.Ship) []rules.Order {
	v := p.v
	if sh.Evacuated && !sh.Sabotaged && sh.Actions > 0 {
		// Kira waits until the ships have left: the engine says when.
		if o := (rules.Order{Kind: rules.Sabotage, Side: v.Side, Ship: sh.ID}); v.Check(o) == nil {
			return []rules.Order{o}
		}
		return nil
	}
	if !sh.MainPower {
		if sh.EvacuateAt == 0 && sh.Actions > 0 {
			return []rules.Order{{Kind: rules.Evacuate, Side: v.Side, Ship: sh.ID}}
		}
		return nil
	}
	if sh.Actions <= 0 {
		return nil
	}
	// One shot per call: the driver asks again, and the next shot is aimed with
	// the first one's result known.
	if o, ok := p.fire(sh, sh.Pos, func(t *rules.Ship) (int, int) { return 0, 1 }); ok {
		return []rules.Order{o}
	}
	return nil
}

// layMines: the Defiant lays the nearest open position.
func (p *planner) layMines(sh *rules.Ship) []rules.Order {
	v := p.v
	var out []rules.Order
	if sh.Cloaked {
		out = append(out, rules.Order{Kind: rules.Decloak, Side: v.Side, Ship: sh.ID})
	}
	best, bd := hex.Hex{}, 1<<30
	for _, m := range v.OpenMines(nil) {
		if d := hex.Distance(sh.Pos, m); d < bd {
			best, bd = m, d
		}
	}
	if bd == 1<<30 || sh.Actions <= 0 {
		return out
	}
	at := sh.Pos
	if bd > rules.LayReach {
		o, to, ok := p.moveToward(sh, best, rules.LayReach, 0)
		if ok {
			out = append(out, o)
			at = to
		}
	}
	if hex.Distance(at, best) <= rules.LayReach {
		out = append(out, rules.Order{Kind: rules.LayMine, Side: v.Side, Ship: sh.ID, At: best})
	}
	return out
}

// coverLayer: the Rotarran stays by the Defiant and covers her.
func (p *planner) coverLayer(sh *rules.Ship) []rules.Order {
	v := p.v
	var out []rules.Order
	if sh.Cloaked {
		out = append(out, rules.Order{Kind: rules.Decloak, Side: v.Side, Ship: sh.ID})
	}
	var layer *rules.Ship
	for i := range v.Ships {
		if s := &v.Ships[i]; s.Side == v.Side && s.Alive() && v.Class(s).Minelayer {
			layer = s
		}
	}
	if layer == nil || sh.Actions <= 0 || sh.Covering == layer.ID {
		return out
	}
	at := sh.Pos
	if hex.Distance(at, layer.Pos) > 1 {
		if o, to, ok := p.moveToward(sh, layer.Pos, 1, 0); ok {
			out = append(out, o)
			at = to
		}
	}
	if rules.CoverReaches(at, layer.Pos) {
		out = append(out, rules.Order{Kind: rules.Cover, Side: v.Side, Ship: sh.ID, Target: layer.ID})
	}
	return out
}

// slipAway: with the minefield active, a ship cloaks, makes for an exit and waits
// there; once the evacuation is ordered it leaves.
func (p *planner) slipAway(sh *rules.Ship, leaving bool) []rules.Order {
	v := p.v
	var out []rules.Order
	onExit := v.Map.At(sh.Pos) == rules.Exit
	if leaving && onExit && sh.Actions > 0 {
		return []rules.Order{{Kind: rules.Withdraw, Side: v.Side, Ship: sh.ID}}
	}
	if !sh.Cloaked && v.Class(sh).Cloak && sh.Actions > 0 && !leaving {
		out = append(out, rules.Order{Kind: rules.Cloak, Side: v.Side, Ship: sh.ID})
	}
	if !onExit {
		if e, ok := nearestFree(v, sh.Pos, v.Map.Hexes(rules.Exit), p.taken); ok {
			if o, to, ok := p.moveToward(sh, e, 0, 0); ok {
				out = append(out, o)
				if leaving && v.Map.At(to) == rules.Exit {
					out = append(out, rules.Order{Kind: rules.Withdraw, Side: v.Side, Ship: sh.ID})
				}
			}
		}
	}
	return out
}

// Dukat commands the Dominion as Gul Dukat did: five Jem'Hadar wings go for the
// Defiant, the rest close on the station under its perimeter fire, and his own
// wing holds its fire on section 17, out of the perimeter's reach, until the
// minefield is done and the assault has paid its price (Price Dominion losses)
// or time runs short (Late turns before the end); then main power falls, and
// the troops board once the station is a lifeless hulk.
type Dukat struct {
	Price   int // the Dominion losses after which Dukat cuts the station's power
	Staging int // how far from the Defiant the intercept wings form up before they strike together
	Late    int // turns before the last at which Dukat cuts the power, whatever his losses
}

// Name returns "historical".
func (Dukat) Name() string { return "historical" }

// Orders plans the Dominion phase from the Dominion's view.
func (d Dukat) Orders(v *rules.View) []rules.Order {
	if v.Phase == rules.Parley {
		return []rules.Order{{Kind: rules.AnswerTerms, Side: v.Side, Accept: false}}
	}
	p := newPlanner(v)
	st := station(v, v.Side.Other())
	strike := v.MinefieldActive && (v.Losses[v.Side] >= d.Price || v.Turn >= v.TurnLimit-d.Late)
	wormhole := sortedWormhole(v)
	assembled := d.interceptAssembled(v)
	perimeter := 0
	if st != nil {
		perimeter = perimeterReach(v.Class(st))
	}
	var out []rules.Order
	// The focus wing gives its orders last, so that its fire falls on
	// section 17 once the others have worn the station down.
	order := make([]*rules.Ship, 0, len(v.Ships))
	for pass := 0; pass < 2; pass++ {
		for i := range v.Ships {
			sh := &v.Ships[i]
			w := v.Wing(sh.Wing)
			if focus := w != nil && w.Directive == rules.Focus; focus == (pass == 1) {
				order = append(order, sh)
			}
		}
	}
	for _, sh := range order {
		if sh.Side != v.Side || !sh.Alive() || (sh.MP == 0 && sh.Actions == 0) {
			continue
		}
		c := v.Class(sh)
		if sh.Cloaked {
			out = append(out, rules.Order{Kind: rules.Decloak, Side: v.Side, Ship: sh.ID})
		}
		w := v.Wing(sh.Wing)
		// Boarding: once the station is an abandoned hulk (or at the very end).
		if st != nil && !st.Captured && c.Troops > 0 && st.Shields == 0 && (st.Sabotaged || v.Turn >= v.TurnLimit) {
			sc := v.Class(st)
			if v.Range(sh, st) <= rules.BoardReach {
				if sh.Actions > 0 {
					out = append(out, rules.Order{Kind: rules.Board, Side: v.Side, Ship: sh.ID, Target: st.ID})
				}
				continue
			}
			if o, to, ok := p.moveToward(sh, st.Pos, rules.BoardReach+sc.Radius, 0); ok {
				out = append(out, o)
				if v.RangeFrom(sh, to, st) <= rules.BoardReach && sh.Actions > 0 {
					out = append(out, rules.Order{Kind: rules.Board, Side: v.Side, Ship: sh.ID, Target: st.ID})
				}
			}
			continue
		}
		goal, stop, floor := sh.Pos, 0, 0
		var target *rules.Ship
		directive := rules.Assault
		if w != nil {
			directive = w.Directive
			target = v.Ship(w.Target)
		}
		switch directive {
		case rules.Intercept:
			// Hunt the target; when she cannot be seen, make for where she works.
			if target != nil && target.Alive() {
				goal, stop = target.Pos, 1
				if !assembled {
					stop = d.Staging
				}
			} else {
				goal, stop = wormhole, 1
			}
		case rules.Screen:
			goal, stop = w.Hold, 1
		default:
			if st != nil && !st.Lost() {
				goal, stop = st.Pos, max(1, c.MaxRange()-1)+v.Class(st).Radius
				if directive == rules.Focus && !strike {
					// Dukat keeps his wing out of the perimeter's reach.
					stop = max(stop, perimeter+1)
					floor = stop
				}
			} else if target != nil {
				goal, stop = target.Pos, 1
			}
		}
		pos := sh.Pos
		if o, to, ok := p.moveToward(sh, goal, stop, floor); ok {
			out = append(out, o)
			pos = to
		}
		if sh.Actions <= 0 {
			continue
		}
		want := func(t *rules.Ship) (int, int) {
			tc := v.Class(t)
			if !tc.Station {
				if directive == rules.Intercept && target != nil && t.ID == target.ID {
					return 0, 3
				}
				return 0, 2
			}
			if directive == rules.Intercept {
				return 0, 0
			}
			if directive == rules.Focus && strike {
				sec := w.Section
				if sec == 0 {
					sec = mainPowerSection(tc)
				}
				if sec != 0 && sectionUp(tc, t, sec) {
					return sec, 1
				}
			}
			if sec := harmlessSection(tc, t); sec != 0 {
				return sec, 1
			}
			if strike {
				// Once Dukat strikes, the others wear the shields down on any
				// section but his, and when none is left, join his fire.
				for _, sec := range tc.Sections {
					if !sec.MainPower && sectionUp(tc, t, sec.ID) {
						return sec.ID, 1
					}
				}
				if sec := mainPowerSection(tc); sec != 0 && sectionUp(tc, t, sec) {
					return sec, 1
				}
			}
			return 0, 0
		}
		if o, ok := p.fire(sh, pos, want); ok {
			out = append(out, o)
		}
	}
	return out
}

// interceptAssembled reports whether every ship of every intercept wing on the
// map has formed up within the staging distance of its target (give or take a
// hex): then they strike together.
func (d Dukat) interceptAssembled(v *rules.View) bool {
	for i := range v.Wings {
		w := &v.Wings[i]
		if w.Side != v.Side || w.Directive != rules.Intercept {
			continue
		}
		t := v.Ship(w.Target)
		if t == nil || !t.Alive() {
			continue
		}
		for _, id := range w.Ships {
			sh := v.Ship(id)
			if sh != nil && sh.Alive() && hex.Distance(sh.Pos, t.Pos) > d.Staging+1 {
				return false
			}
		}
	}
	return true
}

// perimeterReach is the distance from a station's centre at which its perimeter
// defenses open fire.
func perimeterReach(c *rules.Class) int {
	r := 0
	for _, w := range c.Weapons {
		if w.Perimeter {
			r = max(r, w.Range+c.Radius)
		}
	}
	return r
}
