package rules

// layMine lays one mine; the field activates and cloaks when every position
// holds one. A ship the layer's side could not see, holding the position,
// foils the attempt: the action is spent, and the ship is found.
func (s *State) layMine(o Order, ev *[]Event) {
	sh := &s.Ships[o.Ship]
	sh.Actions--
	if occ := s.ShipAt(o.At); occ != nil && occ.Side != sh.Side {
		s.emit(ev, Event{Kind: MineFoiled, Side: sh.Side, Ship: sh.ID, Target: occ.ID, From: sh.Pos, To: o.At})
		if occ.Cloaked {
			s.emit(ev, Event{Kind: Detected, Side: occ.Side, Ship: occ.ID, Target: sh.ID, To: occ.Pos})
		}
		return
	}
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
