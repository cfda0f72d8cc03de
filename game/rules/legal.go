package rules

import "github.com/calltoarms/ds9/game/hex"

// Options are the orders one ship or station of the view's side may be given
// now. Each is checked by the rules Check applies, so every option is a legal
// order; together they are every legal order of the ship but moves along
// other paths to the same hexes.
type Options struct {
	Ship ShipID
	// Moves are the hexes where a move may end, with their cost; the ship's
	// own hex is not among them. Path gives the cheapest legal way there.
	Moves []hex.Reach
	// Attacks are the ship's weapons and the targets each may fire at now,
	// with their previews.
	Attacks                                      []AttackOption
	Mines                                        []hex.Hex // minefield positions it may lay a mine at
	Wards                                        []ShipID  // friendly ships it may cover
	Boards                                       []ShipID  // enemy stations it may board
	Cloak, Decloak, Evacuate, Sabotage, Withdraw bool
	// Repairs and Reroutes are the station's sections its damage control
	// may repair, or route its main power through.
	Repairs, Reroutes []int
}

// AttackOption is one attack a ship may make: a weapon at a target (a station:
// at one of its sections).
type AttackOption struct {
	Weapon  int
	Target  ShipID
	Section int
	Preview Preview
}

// Order returns the attack as an order of side.
func (a AttackOption) Order(side Side, ship ShipID) Order {
	return Order{Kind: Attack, Side: side, Ship: ship, Weapon: a.Weapon, Target: a.Target, Section: a.Section}
}

// Any reports whether the ship has anything it may still do.
func (o *Options) Any() bool {
	return len(o.Moves) > 0 || len(o.Attacks) > 0 || len(o.Mines) > 0 || len(o.Wards) > 0 ||
		len(o.Boards) > 0 || o.Cloak || o.Decloak || o.Evacuate || o.Sabotage || o.Withdraw ||
		len(o.Repairs) > 0 || len(o.Reroutes) > 0
}

// Options lists what a ship of the view's side may be ordered to do now; a
// ship that is not the side's, or may not act now, has none.
func (v *View) Options(id ShipID) Options {
	out := Options{Ship: id}
	sh := v.Ship(id)
	if sh == nil || sh.Side != v.Side {
		return out
	}
	try := func(o Order) bool {
		o.Side, o.Ship = v.Side, id
		return v.Check(o) == nil
	}
	if !try(Order{Kind: EndPhase}) || v.Phase != Battle {
		return out
	}
	if _, err := ownShip(v, Order{Side: v.Side, Ship: id}); err != nil {
		return out
	}
	ends, _ := v.Reachable(id)
	for _, r := range ends {
		if r.Hex != sh.Pos {
			out.Moves = append(out.Moves, r)
		}
	}
	if sh.Actions > 0 {
		out.Attacks = v.AppendTargets(nil, id, sh.Pos)
	}
	for _, h := range hex.Range(sh.Pos, 1) {
		if try(Order{Kind: LayMine, At: h}) {
			out.Mines = append(out.Mines, h)
		}
	}
	for i := range v.Ships {
		o := &v.Ships[i]
		if o.Side == v.Side && try(Order{Kind: Cover, Target: o.ID}) {
			out.Wards = append(out.Wards, o.ID)
		}
		if o.Side != v.Side && v.Class(o).Station && try(Order{Kind: Board, Target: o.ID}) {
			out.Boards = append(out.Boards, o.ID)
		}
	}
	out.Cloak = try(Order{Kind: Cloak})
	out.Decloak = try(Order{Kind: Decloak})
	out.Evacuate = try(Order{Kind: Evacuate})
	out.Sabotage = try(Order{Kind: Sabotage})
	out.Withdraw = try(Order{Kind: Withdraw})
	for _, sec := range v.Class(sh).Sections {
		if try(Order{Kind: Repair, Section: sec.ID}) {
			out.Repairs = append(out.Repairs, sec.ID)
		}
		if try(Order{Kind: Reroute, Section: sec.ID}) {
			out.Reroutes = append(out.Reroutes, sec.ID)
		}
	}
	return out
}

// AppendTargets appends to buf every attack a ship of the view's side could
// make if it stood at from: each ready weapon at each enemy in view (a
// station: each of its sections still standing) within range and line of
// fire, with its preview. Whether the ship has an action left is not asked, so
// that a phase can be planned ahead.
func (v *View) AppendTargets(buf []AttackOption, id ShipID, from hex.Hex) []AttackOption {
	a := v.Ship(id)
	if a == nil || a.Side != v.Side {
		return buf
	}
	f := v.game()
	c := f.class(a)
	for wi := range c.Weapons {
		if a.Cloaked || weaponState(c, a, wi, true) != nil {
			continue
		}
		w := &c.Weapons[wi]
		for _, i := range v.aliveOf(v.Side.Other()) {
			t := &v.Ships[i]
			if t.Lost() || f.distance(a, from, t) > w.Range {
				continue
			}
			tc := f.class(t)
			if !tc.Station {
				if fireState(v, a, from, wi, t.ID, 0, true) == nil {
					buf = append(buf, AttackOption{Weapon: wi, Target: t.ID, Preview: forecast(f, a, from, w, t, 0, v.coverer(t) != nil)})
				}
				continue
			}
			for _, sec := range tc.Sections {
				if fireState(v, a, from, wi, t.ID, sec.ID, true) == nil {
					buf = append(buf, AttackOption{Weapon: wi, Target: t.ID, Section: sec.ID, Preview: forecast(f, a, from, w, t, sec.ID, v.coverer(t) != nil)})
				}
			}
		}
	}
	return buf
}

// Path returns the cheapest legal path for a ship of the view's side to h, as
// the side knows the map (hidden ships may still stop it), or false when h is
// not among its moves.
func (v *View) Path(id ShipID, h hex.Hex) ([]hex.Hex, bool) {
	sh := v.Ship(id)
	if sh == nil {
		return nil, false
	}
	ends, all := v.Reachable(id)
	for _, r := range ends {
		if r.Hex == h && h != sh.Pos {
			return hex.PathTo(all, sh.Pos, h)
		}
	}
	return nil, false
}

// OpenMines appends to buf the minefield positions a minelayer of the view's
// side could lay a mine at from next to it: its own fields' positions not laid
// and not held by an enemy it sees.
func (v *View) OpenMines(buf []hex.Hex) []hex.Hex {
	for _, m := range v.Mines {
		if why, _ := mineClosed(v, m.Pos, v.Side); why == mineOpen {
			buf = append(buf, m.Pos)
		}
	}
	return buf
}
