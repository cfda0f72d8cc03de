package rules

import (
	"fmt"

	"github.com/calltoarms/ds9/game/hex"
)

func (s *State) checkLayMine(sh *Ship, o Order) error {
	if !s.Class(sh).Minelayer {
		return fmt.Errorf("%s cannot lay mines", sh.Name)
	}
	if sh.Side != s.Mines.Owner {
		return fmt.Errorf("the minefield is not the %s's", sh.Side)
	}
	if err := s.needAction(sh); err != nil {
		return err
	}
	if sh.Cloaked {
		return fmt.Errorf("%s must decloak to lay mines", sh.Name)
	}
	i := s.Mines.Index(o.At)
	if i < 0 {
		return fmt.Errorf("%v is not a minefield position", o.At)
	}
	if s.Mines.Laid[i] {
		return fmt.Errorf("a mine is already laid at %v", o.At)
	}
	if d := hex.Distance(sh.Pos, o.At); d > 1 {
		return fmt.Errorf("%v is %d hexes from %s; mines are laid in or next to the layer's hex", o.At, d, sh.Name)
	}
	if occ := s.ShipAt(o.At); occ != nil && occ.Side != sh.Side {
		return fmt.Errorf("%v is held by %s", o.At, occ.Name)
	}
	return nil
}

// layMine lays one mine; the field activates and cloaks when every position holds one.
func (s *State) layMine(o Order, ev *[]Event) {
	sh := &s.Ships[o.Ship]
	sh.Actions--
	i := s.Mines.Index(o.At)
	s.Mines.Laid[i], s.Mines.Lost[i] = true, false
	s.emit(ev, Event{Kind: MineLaid, Side: sh.Side, Ship: sh.ID, From: sh.Pos, To: o.At, Value: s.Mines.LaidCount(), Count: len(s.Mines.Positions)})
	s.activate(ev)
}

// activate turns the minefield on, and cloaks it, once every position is laid.
func (s *State) activate(ev *[]Event) {
	m := &s.Mines
	if m.Active || len(m.Positions) == 0 || m.LaidCount() < len(m.Positions) {
		return
	}
	m.Active, m.Cloaked = true, true
	s.emit(ev, Event{Kind: MinefieldActivated, Side: m.Owner, Value: len(m.Positions), Count: len(m.Positions)})
	s.emit(ev, Event{Kind: MinefieldCloaked, Side: m.Owner})
}

// mineStrike detonates a mine under an enemy ship that has entered its hex. It
// reports whether the ship was destroyed.
func (s *State) mineStrike(sh *Ship, ev *[]Event) bool {
	m := &s.Mines
	if sh.Side == m.Owner || len(m.Positions) == 0 {
		return false
	}
	i := m.Index(sh.Pos)
	if i < 0 || !m.Laid[i] {
		return false
	}
	m.Laid[i], m.Lost[i] = false, true
	s.damage(sh, 0, m.Damage, MinePierce, Event{Kind: MineDetonated, Side: m.Owner, Ship: sh.ID, Target: sh.ID, To: sh.Pos}, ev)
	return !sh.Alive()
}

// replicate restores lost mines at the start of the owner's phase. Before the
// field is active a mine must survive to build them; an active field, hundreds of
// mines linked together, always rebuilds its positions. A mine cannot form under
// an enemy ship.
func (s *State) replicate(ev *[]Event) {
	m := &s.Mines
	if m.LaidCount() == 0 && !m.Active {
		return
	}
	for i, lost := range m.Lost {
		if !lost {
			continue
		}
		if occ := s.ShipAt(m.Positions[i]); occ != nil && occ.Side != m.Owner {
			continue
		}
		m.Laid[i], m.Lost[i] = true, false
		s.emit(ev, Event{Kind: MineReplicated, Side: m.Owner, To: m.Positions[i], Value: m.LaidCount(), Count: len(m.Positions)})
	}
	s.activate(ev)
}
