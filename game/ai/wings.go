package ai

import (
	"github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/rules"
)

// Wing command. A commander decides each wing's orders every phase and gives
// them as one command order where they change; the fleet's planner then
// carries out the orders of every wing, ship by ship. A person's wing orders
// are carried out by the same planner (Executor).

// command decides the orders of the side's wings with a ship on the map: the
// ones the scenario briefed while what they name is still in the fight (or
// remembered where it was last seen), else what
// matters most now (goalFor's choice for ships without a wing: the enemy's
// minelayer, the side's objectives, the enemy's station…). It appends a
// command order for every wing whose orders change, and leaves ws, the
// view's wings, as the orders leave them.
func (d *fleet) command(v *rules.View, ws []rules.Wing, out []rules.Order) []rules.Order {
	var fallback aim
	fell := false
	for i := range ws {
		w := &ws[i]
		if w.Side != v.Side || !d.onMap(v, w) {
			continue
		}
		b := w
		for k := range d.mem.briefed {
			if d.mem.briefed[k].Index == w.Index {
				b = &d.mem.briefed[k]
			}
		}
		o, ok := d.briefedOrder(v, b)
		if !ok {
			if !fell {
				fallback, fell = d.goalFor(v, nil), true
			}
			if o, ok = d.aimOrder(v, fallback); !ok {
				continue
			}
		}
		o.Wing = w.Index
		if w.Orders(o) || v.Check(o) != nil {
			continue
		}
		*w = w.Commanded(o)
		out = append(out, o)
	}
	return out
}

// onMap reports whether a wing has a ship on the map.
func (d *fleet) onMap(v *rules.View, w *rules.Wing) bool {
	for _, id := range w.Ships {
		if sh := v.Ship(id); sh != nil && sh.Alive() {
			return true
		}
	}
	return false
}

// briefedOrder is the command order of a wing's briefed orders, and whether
// they still hold: a hex to hold or make for always does; a target while it
// is in the fight.
func (d *fleet) briefedOrder(v *rules.View, b *rules.Wing) (rules.Order, bool) {
	o := rules.Order{Kind: rules.Command, Side: v.Side, Wing: b.Index, Directive: b.Directive, Target: b.Target, Section: b.Section, At: b.Hold}
	if b.Directive.Placed() {
		return o, true
	}
	if t := v.Ship(b.Target); t != nil {
		return o, t.Alive() && !t.Lost()
	}
	remembered := int(b.Target) >= 0 && int(b.Target) < len(d.mem.seenAt) && d.mem.seenAt[b.Target] > 0
	return o, remembered
}

// aimOrder is the command order that sends a wing after an aim: assault a
// station, intercept a ship, advance on a place.
func (d *fleet) aimOrder(v *rules.View, a aim) (rules.Order, bool) {
	o := rules.Order{Kind: rules.Command, Side: v.Side}
	switch {
	case !a.ok:
		return o, false
	case a.target != nil && v.Class(a.target).Station:
		o.Directive, o.Target = rules.Assault, a.target.ID
	case a.target != nil:
		o.Directive, o.Target = rules.Intercept, a.target.ID
	default:
		o.Directive, o.At = rules.Advance, d.g.hexes[a.at]
	}
	return o, true
}

// Executor carries out the standing orders of a person's wings: the ships of
// one wing given their moves and attacks by the fleet's planner, at the
// normal level, from the side's view alone. Keep one for a side's whole
// battle: like a commander it remembers what earlier views showed.
type Executor struct {
	c *commander
}

// NewExecutor returns an executor of wing orders.
func NewExecutor() *Executor { return &Executor{c: newCommander(Normal)} }

// Carry returns the orders that carry out the standing orders of the view's
// side's wing (its index in the battle): a move and attacks for each of its
// ships that can still move or act. They are planned from one view: give
// them in order, checking each (View.Check) against the battle as it is by
// then.
func (x *Executor) Carry(v *rules.View, wing int) []rules.Order {
	if v.Phase != rules.Battle || v.Active != v.Side {
		return nil
	}
	w := v.Wing(wing)
	if w == nil || w.Side != v.Side {
		return nil
	}
	c := x.c
	c.assign(v)
	for i := range v.Ships {
		if v.Ships[i].Wing != wing || c.roles[i] != fleetRole {
			c.roles[i] = noRole
		}
	}
	return append([]rules.Order(nil), c.fleet.plan(v, c.roles, nil, false)...)
}

// Lead is the hex a wing is gathered around: the position of its ship on the
// map nearest the middle of them all, and false when none is on the map.
func Lead(v *rules.View, wing int) (hex.Hex, bool) {
	w := v.Wing(wing)
	if w == nil {
		return hex.Hex{}, false
	}
	var sq, sr, n int
	for _, id := range w.Ships {
		if sh := v.Ship(id); sh != nil && sh.Alive() {
			sq, sr, n = sq+sh.Pos.Q, sr+sh.Pos.R, n+1
		}
	}
	if n == 0 {
		return hex.Hex{}, false
	}
	mid := hex.Hex{Q: sq / n, R: sr / n}
	best, bd := hex.Hex{}, -1
	for _, id := range w.Ships {
		if sh := v.Ship(id); sh != nil && sh.Alive() {
			if dd := hex.Distance(sh.Pos, mid); bd < 0 || dd < bd {
				best, bd = sh.Pos, dd
			}
		}
	}
	return best, true
}
