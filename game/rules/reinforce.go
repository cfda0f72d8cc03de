package rules

import (
	"slices"

	"github.com/calltoarms/ds9/game/hex"
)

// reinforce brings in the side's waves that are due: through the entry edge, or
// through the wormhole unless an active minefield stops them. Ships that find no
// free hex wait for the next phase.
func (s *State) reinforce(side Side, ev *[]Event) {
	for wi := range s.Wings {
		w := &s.Wings[wi]
		if w.Side != side || w.Arrive == 0 || w.Arrive > s.Turn {
			continue
		}
		pending := 0
		for _, id := range w.Ships {
			if s.Ships[id].Status == Reserve {
				pending++
			}
		}
		if pending == 0 {
			continue
		}
		if w.From == FromWormhole && s.sealed(side) {
			for _, id := range w.Ships {
				if s.Ships[id].Status == Reserve {
					s.Ships[id].Status = Blocked
				}
			}
			s.emit(ev, Event{Kind: ReinforcementsBlocked, Side: side, Value: wi, Count: pending, Text: w.Name})
			continue
		}
		spots := s.arrivalHexes(w)
		placed, next := 0, 0
		for _, id := range w.Ships {
			sh := &s.Ships[id]
			if sh.Status != Reserve {
				continue
			}
			for next < len(spots) && s.ShipAt(spots[next]) != nil {
				next++
			}
			if next == len(spots) {
				break
			}
			sh.Pos = spots[next]
			sh.Status = OnMap
			s.occ[s.Map.Index(sh.Pos)] = int32(sh.ID) + 1
			placed++
		}
		if placed > 0 {
			s.Forces[side] += placed
			s.emit(ev, Event{Kind: ReinforcementsArrived, Side: side, Value: wi, Count: placed, Text: w.Name})
		}
	}
}

// arrivalHexes lists where a wing's ships may appear, nearest to its target
// first: the entry edge, or the wormhole's mouth, a narrow gate that lets only a
// few ships through each phase.
func (s *State) arrivalHexes(w *Wing) []hex.Hex {
	t := Entry
	if w.From == FromWormhole {
		t = Wormhole
	}
	spots := s.Map.Hexes(t)
	goal := w.Hold
	if w.Target != NoShip {
		goal = s.Ships[w.Target].Pos
	}
	slices.SortStableFunc(spots, func(a, b hex.Hex) int {
		if da, db := hex.Distance(a, goal), hex.Distance(b, goal); da != db {
			return da - db
		}
		return cmpHex(a, b)
	})
	return spots
}

// sealed reports whether an active minefield of the other side seals the
// wormhole against side's waves.
func (s *State) sealed(side Side) bool {
	for fi := range s.Fields {
		if m := &s.Fields[fi]; m.Seals && m.Active && m.Owner != side {
			return true
		}
	}
	return false
}
