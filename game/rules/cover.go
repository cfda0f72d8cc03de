package rules

import (
	"fmt"

	"github.com/calltoarms/ds9/game/hex"
)

func (s *State) checkCover(sh *Ship, tid ShipID) error {
	if s.Class(sh).Station {
		return fmt.Errorf("a station cannot cover")
	}
	if err := s.needAction(sh); err != nil {
		return err
	}
	if sh.Cloaked {
		return fmt.Errorf("%s is cloaked and cannot cover", sh.Name)
	}
	t := s.Ship(tid)
	if t == nil || t == sh || t.Side != sh.Side || !t.Alive() {
		return fmt.Errorf("ship %d is not a friendly ship in the battle", tid)
	}
	if d := hex.Distance(sh.Pos, t.Pos); d > CoverRadius {
		return fmt.Errorf("%s is %d hexes away, cover reaches %d", t.Name, d, CoverRadius)
	}
	return nil
}

// cover makes a ship cover another until its next phase: attacks on the ward lose
// CoverPenalty, and the covering ship fires back at attackers CoverReturns times.
func (s *State) cover(o Order, ev *[]Event) {
	sh := &s.Ships[o.Ship]
	sh.Actions--
	s.setCovering(sh, o.Target)
	sh.Returns = CoverReturns
	s.emit(ev, Event{Kind: CoverBegan, Side: sh.Side, Ship: sh.ID, Target: o.Target, From: sh.Pos, To: s.Ships[o.Target].Pos})
}

// setCovering changes whom a ship covers and keeps the count of covering ships.
func (s *State) setCovering(sh *Ship, t ShipID) {
	if (sh.Covering == NoShip) != (t == NoShip) {
		if t == NoShip {
			s.covers[sh.Side]--
		} else {
			s.covers[sh.Side]++
		}
	}
	sh.Covering = t
	if t == NoShip {
		sh.Returns = 0
	}
}
