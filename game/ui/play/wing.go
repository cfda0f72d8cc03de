package play

import (
	"fmt"
	"slices"

	"github.com/calltoarms/ds9/game/ai"
	"github.com/calltoarms/ds9/game/rules"
)

// Wing command in the controller: a wing is selected by a click on one of
// its ships (or Tab); a click then gives the whole wing an order (advance on
// a hex, intercept a ship, assault a station or focus on the section aimed
// at), and the wing's ships carry it out one order at a time, each given
// through the Session like a player's own (Step). A second click on a ship
// of the selected wing commands that ship alone.

// WingSel returns the selected wing if it is one of the side's own.
func (c *Controller) WingSel() *rules.Wing {
	if c.Wing < 0 {
		return nil
	}
	if w := c.View.Wing(c.Wing); w != nil && w.Side == c.Side {
		return w
	}
	return nil
}

// SelectWing selects one of the side's wings through one of its ships (the
// one clicked; NoShip: its ship nearest the middle of the wing), which
// becomes the selected ship, for the panel and the camera.
func (c *Controller) SelectWing(wing int, via rules.ShipID) {
	c.Selected = via
	if sh := c.View.Ship(via); sh == nil || sh.Wing != wing {
		c.Selected = c.leadShip(wing)
	}
	c.Wing = wing
	c.Mode = ModeMove
	c.Weapon = -1
	if sh := c.View.Ship(c.Selected); sh != nil {
		c.Cursor = sh.Pos
	}
	c.recompute()
}

// leadShip is the wing's ship nearest its middle, NoShip when none is on the
// map.
func (c *Controller) leadShip(wing int) rules.ShipID {
	at, ok := ai.Lead(c.View, wing)
	if !ok {
		return rules.NoShip
	}
	if sh := c.View.ShipAt(at); sh != nil {
		return sh.ID
	}
	return rules.NoShip
}

// WingReady counts the ships of a wing that can still move or act, and
// those on the map.
func (c *Controller) WingReady(wing int) (ready, onMap int) {
	w := c.View.Wing(wing)
	if w == nil {
		return 0, 0
	}
	for _, id := range w.Ships {
		if sh := c.View.Ship(id); sh != nil && sh.Alive() {
			onMap++
			if sh.MP > 0 || sh.Actions > 0 {
				ready++
			}
		}
	}
	return ready, onMap
}

// OrdersText says what a wing's standing orders are, as its side knows them.
func (c *Controller) OrdersText(w *rules.Wing) string {
	v := c.View
	if w.Side != c.Side && w.Ordered {
		return "orders unknown"
	}
	name := func() string {
		if t := v.Ship(w.Target); t != nil {
			return t.Name
		}
		return "a ship out of sight"
	}
	switch w.Directive {
	case rules.Screen:
		return fmt.Sprintf("hold %s", HexName(w.Hold))
	case rules.Advance:
		return fmt.Sprintf("advance on %s", HexName(w.Hold))
	case rules.Intercept:
		return "intercept " + name()
	case rules.Focus:
		return "focus fire on " + SectionName(v, w.Target, w.Section)
	}
	return "assault " + name()
}

func (c *Controller) wingAvail() {
	w := c.WingSel()
	if sh := c.Sel(); w != nil || (sh != nil && sh.Wing >= 0 && c.View.Wing(sh.Wing) != nil) {
		c.Avail[ActWing] = true
	}
	if w != nil {
		ready, _ := c.WingReady(w.Index)
		c.Avail[ActCarryOn] = ready > 0
		_, ok := c.holdOrder(w)
		c.Avail[ActHold] = ok && ready > 0
	}
	for i := range c.View.Wings {
		if ow := &c.View.Wings[i]; ow.Side == c.Side {
			if ready, _ := c.WingReady(ow.Index); ready > 0 {
				c.Avail[ActAllWings] = true
				break
			}
		}
	}
}

// holdOrder is the order that has a wing hold where its ships are gathered.
func (c *Controller) holdOrder(w *rules.Wing) (rules.Order, bool) {
	at, ok := ai.Lead(c.View, w.Index)
	o := rules.Order{Kind: rules.Command, Side: c.Side, Wing: w.Index, Directive: rules.Screen, At: at}
	return o, ok && c.Legal(o)
}

// hoverWing describes what a click on hv would tell the selected wing.
func (c *Controller) hoverWing(hv *Hover) {
	w := c.WingSel()
	if w == nil || !c.MyTurn() {
		return
	}
	o := rules.Order{Kind: rules.Command, Side: c.Side, Wing: w.Index}
	t := hv.Ship
	switch {
	case t != nil && t.Side == c.Side:
		return // a click selects
	case t != nil && c.View.Class(t).Station:
		o.Directive, o.Target = rules.Assault, t.ID
		hv.CommandText = "assault " + t.Name
		if c.Section != 0 {
			if _, ok := c.View.Class(t).Section(c.Section); ok {
				o.Directive, o.Section = rules.Focus, c.Section
				hv.CommandText = "focus fire on " + SectionName(c.View, t.ID, c.Section)
			}
		}
	case t != nil:
		o.Directive, o.Target = rules.Intercept, t.ID
		hv.CommandText = "intercept " + t.Name
	default:
		o.Directive, o.At = rules.Advance, hv.Hex
		hv.CommandText = "advance here"
	}
	if c.Legal(o) {
		hv.Command, hv.CommandTo = true, o
	} else {
		hv.CommandText = ""
	}
}

// clickWing acts on a click with a wing selected: a ship of the side's
// selects (a ship of this wing alone, or another wing), anything else gives
// the wing the order the hover describes and has it carried out.
func (c *Controller) clickWing(hv *Hover) (*Applied, error) {
	if t := hv.Ship; t != nil && t.Side == c.Side {
		if t.Wing >= 0 && t.Wing != c.Wing {
			c.SelectWing(t.Wing, t.ID)
		} else {
			c.Select(t.ID)
		}
		return nil, nil
	}
	if !hv.Command {
		c.Deselect()
		return nil, nil
	}
	return c.command(hv.CommandTo)
}

// command gives a wing an order and has its ships carry it out.
func (c *Controller) command(o rules.Order) (*Applied, error) {
	wing := c.Wing
	a, err := c.give(o)
	if err != nil {
		return nil, err
	}
	c.Wing = wing
	c.carry(wing)
	return a, nil
}

// doWing carries out the wing actions of the action bar.
func (c *Controller) doWing(a Action) (*Applied, error) {
	w := c.WingSel()
	switch a {
	case ActWing:
		if w != nil {
			sh := c.Sel()
			c.Wing = -1
			if sh != nil {
				c.Select(sh.ID)
			}
			return nil, nil
		}
		if sh := c.Sel(); sh != nil && sh.Wing >= 0 {
			c.SelectWing(sh.Wing, sh.ID)
		}
	case ActCarryOn:
		if w != nil {
			c.carry(w.Index)
		}
	case ActHold:
		if w != nil {
			if o, ok := c.holdOrder(w); ok {
				return c.command(o)
			}
		}
	case ActAllWings:
		c.queue = c.queue[:0]
		for i := range c.View.Wings {
			if ow := &c.View.Wings[i]; ow.Side == c.Side {
				if ready, _ := c.WingReady(ow.Index); ready > 0 {
					c.queue = append(c.queue, ow.Index)
				}
			}
		}
		c.next()
	}
	return nil, nil
}

// phaseKey tells the phases of a battle apart.
func (c *Controller) phaseKey() int { return c.View.Turn*2 + int(c.View.Active) }

// Carried reports whether a wing has carried out its orders this phase.
func (c *Controller) Carried(wing int) bool {
	k, ok := c.carried[wing]
	return ok && k == c.phaseKey()
}

func (c *Controller) markCarried(wing int) {
	if c.carried == nil {
		c.carried = map[int]int{}
	}
	c.carried[wing] = c.phaseKey()
}

// carry plans the orders that carry out a wing's orders, to give by Step.
func (c *Controller) carry(wing int) {
	c.markCarried(wing)
	c.pending = append(c.pending[:0], c.S.Carry(c.Side, wing)...)
	if len(c.pending) == 0 {
		if w := c.View.Wing(wing); w != nil {
			c.Msg = w.Name + ": nothing to do where it is."
		}
	}
}

// next plans the next queued wing's orders once the last are given.
func (c *Controller) next() {
	for len(c.pending) == 0 && len(c.queue) > 0 {
		w := c.queue[0]
		c.queue = c.queue[1:]
		c.markCarried(w)
		c.pending = append(c.pending[:0], c.S.Carry(c.Side, w)...)
	}
}

// Busy reports whether wing orders are being carried out: Step has orders
// to give.
func (c *Controller) Busy() bool { return len(c.pending) > 0 || len(c.queue) > 0 }

// Stop drops the wing orders not yet carried out.
func (c *Controller) Stop() { c.pending, c.queue = c.pending[:0], c.queue[:0] }

// Step gives the next order carrying out a wing's orders: it is checked
// against the side's view now, and one that no longer holds (a target
// destroyed, a hex taken) is passed over. It returns the order as the sides
// were told it, or nil when none was left to give.
func (c *Controller) Step() (*Applied, error) {
	for {
		c.next()
		if len(c.pending) == 0 || !c.MyTurn() {
			c.Stop()
			return nil, nil
		}
		o := c.pending[0]
		c.pending = c.pending[1:]
		c.Refresh()
		if !c.Legal(o) {
			continue
		}
		a, err := c.S.Apply(o, true)
		if err != nil {
			continue
		}
		c.Refresh()
		return a, nil
	}
}

// NextWing selects the next of the side's wings (dir +1 or -1, in the
// battle's order) with a ship that can still move or act. It reports false,
// selecting nothing, when the side has no such wing: then Tab goes from
// ship to ship.
func (c *Controller) NextWing(dir int) bool {
	// The wings yet to carry out their orders this phase, else every wing
	// with a ship that can still move or act.
	var ready, fresh []int
	for i := range c.View.Wings {
		if w := &c.View.Wings[i]; w.Side == c.Side {
			if n, _ := c.WingReady(w.Index); n > 0 {
				ready = append(ready, w.Index)
				if !c.Carried(w.Index) {
					fresh = append(fresh, w.Index)
				}
			}
		}
	}
	if len(fresh) > 0 && (c.Wing < 0 || !slices.Contains(fresh, c.Wing) || len(fresh) > 1) {
		if c.Wing >= 0 && !slices.Contains(fresh, c.Wing) {
			fresh = append(fresh, c.Wing) // a start to go on from
			slices.Sort(fresh)
		}
		ready = fresh
	}
	if len(ready) == 0 {
		return false
	}
	at := -1
	for k, wi := range ready {
		if wi == c.Wing {
			at = k
		}
	}
	switch {
	case at < 0 && dir < 0:
		at = len(ready) - 1
	case at < 0:
		at = 0
	default:
		at = ((at+dir)%len(ready) + len(ready)) % len(ready)
	}
	c.SelectWing(ready[at], rules.NoShip)
	return true
}
