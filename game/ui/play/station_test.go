package play

import (
	"testing"

	"github.com/calltoarms/ds9/game/rules"
)

// The player's own station: once a section is damaged the controller offers
// a repair (of the section chosen, else the one carrying main power), and
// once main power is lost, a re-route through the section chosen.
func TestStationDamageControl(t *testing.T) {
	s, c := allianceTurn(t)
	station := func() *rules.Ship { return c.ownStation() }
	repaired, rerouted := false, false
	for turn := 0; turn < 12 && !(repaired && rerouted) && s.Public().Phase != rules.Over; turn++ {
		st := station()
		if st == nil || st.Lost() {
			break
		}
		c.Select(st.ID)
		cl := c.View.Class(st)
		if c.Avail[ActReroute] && !rerouted {
			id := c.RerouteChoice()
			for _, other := range c.Opts.Reroutes {
				if other != id {
					c.ChooseOwnSection(other)
					id = other
					break
				}
			}
			if c.RerouteChoice() != id {
				t.Fatalf("chose section %d to re-route through, the choice is %d", id, c.RerouteChoice())
			}
			if _, err := c.Do(ActReroute); err != nil {
				t.Fatal(err)
			}
			st = station()
			if !st.MainPower || st.PowerAt != id {
				t.Fatalf("after the re-route: power %v at %d, want at %d", st.MainPower, st.PowerAt, id)
			}
			rerouted = true
		}
		if c.Avail[ActRepair] && !repaired {
			id := c.RepairChoice()
			si, _ := cl.Section(id)
			before := st.Section[si]
			if pk, ok := cl.Section(st.PowerAt); ok && st.MainPower && id != st.PowerAt && st.Section[pk] > 0 && st.Section[pk] < cl.Sections[pk].Hull {
				t.Errorf("the repair proposed is section %d, not the damaged power section %d", id, st.PowerAt)
			}
			if _, err := c.Do(ActRepair); err != nil {
				t.Fatal(err)
			}
			st = station()
			if st.Section[si] != min(before+cl.Repair, cl.Sections[si].Hull) {
				t.Fatalf("section %d: %d after a repair, %d before", id, st.Section[si], before)
			}
			repaired = true
		}
		if _, err := c.Do(ActEndTurn); err != nil {
			t.Fatal(err)
		}
		playComputer(t, s)
		c.Refresh()
	}
	if !repaired {
		t.Error("no repair was ever offered")
	}
	t.Logf("repaired %v, re-routed %v", repaired, rerouted)
}
