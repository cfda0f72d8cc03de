package play

import "slices"

// Damage control of the side's own station, when it is selected: the engine
// lists the sections it may repair and those it may route its main power
// through (rules.Options.Repairs, Reroutes); the player chooses one (a click
// on its row in the panel, or [ ]), else the controller proposes one.

// RepairChoice is the section a repair mends: the one chosen, else the
// section carrying main power, else the most damaged. 0 when none may be.
func (c *Controller) RepairChoice() int {
	sh := c.Sel()
	if sh != nil && slices.Contains(c.Opts.Repairs, sh.PowerAt) && !slices.Contains(c.Opts.Repairs, c.OwnSection) {
		return sh.PowerAt
	}
	return c.ownChoice(c.Opts.Repairs, func(hull, left int) int { return hull - left })
}

// RerouteChoice is the section main power would be routed through: the one
// chosen, else the one with the most hull. 0 when it cannot be.
func (c *Controller) RerouteChoice() int {
	return c.ownChoice(c.Opts.Reroutes, func(_, left int) int { return left })
}

// ownChoice is the section of the selected own station among ids that
// damage control works on: the one chosen, else the one that scores most
// (score of a section's full hull and hull left). 0 for none.
func (c *Controller) ownChoice(ids []int, score func(hull, left int) int) int {
	if len(ids) == 0 {
		return 0
	}
	if slices.Contains(ids, c.OwnSection) {
		return c.OwnSection
	}
	sh := c.Sel()
	if sh == nil {
		return 0
	}
	cl := c.View.Class(sh)
	best, most := ids[0], -1
	for _, id := range ids {
		if i, ok := cl.Section(id); ok {
			if v := score(cl.Sections[i].Hull, sh.Section[i]); v > most {
				best, most = id, v
			}
		}
	}
	return best
}

// DamageControl reports whether the selected ship is the side's own station
// with damage control to give now.
func (c *Controller) DamageControl() bool {
	return len(c.Opts.Repairs) > 0 || len(c.Opts.Reroutes) > 0
}

// ChooseOwnSection chooses the section of the side's own station that damage
// control works on.
func (c *Controller) ChooseOwnSection(id int) { c.OwnSection = id }

// CycleOwnSection chooses the next (dir +1) or previous section of the
// selected own station that damage control may work on.
func (c *Controller) CycleOwnSection(dir int) {
	var ids []int
	for _, id := range append(slices.Clone(c.Opts.Repairs), c.Opts.Reroutes...) {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return
	}
	cur := c.RepairChoice()
	if len(c.Opts.Repairs) == 0 {
		cur = c.RerouteChoice()
	}
	k := slices.Index(ids, cur)
	k = ((k+dir)%len(ids) + len(ids)) % len(ids)
	c.OwnSection = ids[k]
}
