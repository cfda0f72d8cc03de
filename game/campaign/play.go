package campaign

import (
	"fmt"

	"github.com/calltoarms/ds9/game/ai"
	"github.com/calltoarms/ds9/game/rules"
)

// Play plays a whole campaign headless: battle i with seed seed+i, each side
// commanded by a fresh commander from cmd (given the battle's side).
func Play(c *Campaign, seed uint64, cmd func(side rules.Side) ai.Commander) (*Progress, error) {
	p := c.Start()
	for i := 0; !p.Done(c); i++ {
		sc, err := p.Prepare(c)
		if err != nil {
			return p, err
		}
		if sc == nil {
			break
		}
		st, err := sc.NewState(BattleSeed(seed, p.Next))
		if err != nil {
			return p, err
		}
		if err := ai.Play(st, [2]ai.Commander{cmd(rules.SideA), cmd(rules.SideB)}, nil); err != nil {
			return p, fmt.Errorf("campaign %s, %s: %w", c.ID, sc.ID, err)
		}
		if err := p.Record(c, st); err != nil {
			return p, err
		}
	}
	return p, nil
}
