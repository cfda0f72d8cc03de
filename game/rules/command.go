package rules

// Wing command: one order to a whole attack wing. The engine keeps each
// wing's standing orders (its directive, and the target, section or hex it
// names) and tells only the wing's side of them; the ships of the wing are
// then ordered one by one, each order checked and carried out like any
// other, so that a replay records every ship's move. Who turns a wing's
// orders into its ships' orders is the commander's affair: a computer
// commander does it for itself, and for a player who asks it to carry them
// out (game/ai).

// command gives a wing its standing orders.
func (s *State) command(o Order, ev *[]Event) {
	w := &s.Wings[o.Wing]
	*w = w.Commanded(o)
	s.emit(ev, Event{Kind: WingOrdered, Side: w.Side, Ship: NoShip, Target: w.Target, To: w.Hold,
		Section: w.Section, Value: w.Index, Text: w.Directive.String()})
}

// leaderLost breaks the cohesion of the wing whose leader flew in t, now
// destroyed: the wing takes no new orders, and its ships, those still to
// arrive too, shoot less well (Disordered). Both sides are told.
func (s *State) leaderLost(t *Ship, ev *[]Event) {
	for i := range s.Wings {
		w := &s.Wings[i]
		if w.Flagship != t.ID || w.Leaderless {
			continue
		}
		w.Leaderless = true
		for _, id := range w.Ships {
			s.Ships[id].Disordered = true
		}
		s.emit(ev, Event{Kind: LeaderLost, Side: w.Side, Ship: t.ID, To: t.Pos, Value: w.Index, Text: w.Leader})
	}
}
