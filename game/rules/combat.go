package rules

import "github.com/calltoarms/ds9/game/hex"

// HitChance is the percent chance that one shot hits: the weapon's accuracy, less
// RangePenalty per hex beyond the first, the target's evasion, the shelter of the
// hex it is in, and CoverPenalty when a covering ship protects it; between MinHit
// and MaxHit.
func HitChance(w *Weapon, dist, evasion, shelter int, covered bool) int {
	c := w.Accuracy - RangePenalty*max(0, dist-1) - evasion - shelter
	if covered {
		c -= CoverPenalty
	}
	return min(max(c, MinHit), MaxHit)
}

// coverer returns a ship of t's side covering t from within CoverRadius, or nil.
// The state counts the ships of each side in the battle covering one
// (covers): once it has looked at them all, no other is left to.
func (s *State) coverer(t *Ship) *Ship {
	left := s.covers[t.Side]
	for i := 0; i < len(s.Ships) && left > 0; i++ {
		c := &s.Ships[i]
		if c.Covering == NoShip || c.Side != t.Side || !c.Alive() {
			continue
		}
		if covers(c, t) {
			return c
		}
		left--
	}
	return nil
}

// chance is the hit chance of a's weapon w against t now.
func (s *State) chance(a *Ship, w *Weapon, t *Ship) int {
	return shotChance(s.Map, s.Classes, a, a.Pos, w, t, s.coverer(t) != nil)
}

// shotChance is the hit chance of one shot of a's weapon w, fired from from, at
// t: HitChance with the range between their nearest hexes, t's evasion (and
// CohesionPenalty more when a is Disordered) and the shelter of its hex (none
// for a station).
func shotChance(m *Map, cls []Class, a *Ship, from hex.Hex, w *Weapon, t *Ship, covered bool) int {
	tc := &cls[t.Class]
	shelter := 0
	if !tc.Station {
		shelter = m.At(t.Pos).Shelter()
	}
	evasion := tc.Evasion
	if a.Disordered {
		evasion += CohesionPenalty // the same as the target dodging better
	}
	return HitChance(w, rangeFrom(cls, a, from, t), evasion, shelter, covered)
}

// Split divides dmg points of damage, pierce percent of which bypasses
// shields, between shields holding shields points and the hull behind them:
// it returns what the shields absorb and what reaches the hull. Every hit is
// resolved by it; scaled by 100 it also splits expected damage.
func Split(dmg, pierce, shields int) (absorbed, hull int) {
	through := dmg * pierce / 100
	rest := dmg - through
	absorbed = min(max(shields, 0), rest)
	return absorbed, through + rest - absorbed
}

// attack fires a weapon at a target and resolves every shot; a ship covering the
// target fires back.
func (s *State) attack(a *Ship, wi int, t *Ship, section int, ev *[]Event) {
	s.volley(a, wi, t, section, ev)
	if cv := s.coverer(t); cv != nil && cv.Returns > 0 && a.Alive() {
		if bw := s.bestWeapon(cv, a); bw >= 0 {
			cv.Returns--
			s.emit(ev, Event{Kind: CoveringFire, Side: cv.Side, Ship: cv.ID, Target: a.ID, From: cv.Pos, To: a.Pos, Value: int(t.ID)})
			s.volley(cv, bw, a, 0, ev)
		}
	}
}

// bestWeapon is the ready weapon of a with the highest expected damage on t, or -1.
func (s *State) bestWeapon(a *Ship, t *Ship) int {
	best, bestVal := -1, 0
	c := s.Class(a)
	d := s.Range(a, t)
	if !s.lineOfSight(a.Pos, t.Pos) {
		return -1
	}
	for i := range c.Weapons {
		w := &c.Weapons[i]
		if d > w.Range || w.Sweep > 0 || weaponState(c, a, i, true) != nil {
			continue
		}
		if v := s.chance(a, w, t) * w.Damage * w.Shots; v > bestVal {
			best, bestVal = i, v
		}
	}
	return best
}

// volley fires all shots of one weapon.
func (s *State) volley(a *Ship, wi int, t *Ship, section int, ev *[]Event) {
	w := &s.Class(a).Weapons[wi]
	p := s.chance(a, w, t)
	s.emit(ev, Event{Kind: Fired, Side: a.Side, Ship: a.ID, Target: t.ID, From: a.Pos, To: t.Pos, Weapon: wi, WeaponKind: w.Kind, Section: section, Value: w.Shots})
	for range w.Shots {
		if !t.Alive() {
			break
		}
		if s.roll(100) >= p {
			s.emit(ev, Event{Kind: Missed, Side: a.Side, Ship: a.ID, Target: t.ID, From: a.Pos, To: t.Pos, Weapon: wi, WeaponKind: w.Kind, Section: section})
			continue
		}
		s.damage(t, section, w.Damage, w.Pierce, Event{Kind: Hit, Side: a.Side, Ship: a.ID, Target: t.ID, From: a.Pos, To: t.Pos, Weapon: wi, WeaponKind: w.Kind, Section: section}, ev)
	}
}

// damage applies one hit: the piercing part and what the shields cannot hold go
// to the hull (a station's: the section's). hit is the event to report, with the
// damage filled in.
func (s *State) damage(t *Ship, section, dmg, pierce int, hit Event, ev *[]Event) {
	absorbed, hull := Split(dmg, pierce, t.Shields)
	t.Shields -= absorbed
	tc := s.Class(t)
	si := -1
	if tc.Station {
		si, _ = tc.Section(section)
		if si < 0 {
			hull = 0
		} else {
			hull = min(hull, t.Section[si])
			t.Section[si] -= hull
		}
	}
	t.Hull -= hull
	hit.Damage, hit.ShieldDamage, hit.HullDamage = dmg, absorbed, hull
	s.emit(ev, hit)
	if absorbed > 0 && t.Shields == 0 {
		s.emit(ev, Event{Kind: ShieldsDown, Side: t.Side, Ship: t.ID, To: t.Pos})
	}
	switch {
	case si >= 0 && hull > 0 && t.Section[si] == 0:
		s.sectionDown(t, si, ev)
	case !tc.Station && t.Hull <= 0:
		s.destroy(t, ev)
	}
}

// destroy removes a ship from the battle and counts the loss.
func (s *State) destroy(t *Ship, ev *[]Event) {
	s.foresee(Event{Kind: ShipDestroyed, Ship: t.ID})
	t.Hull = 0
	s.vacate(t)
	s.setCloak(t, false)
	s.setCovering(t, NoShip)
	t.Status = Destroyed
	s.Losses[t.Side]++
	s.emit(ev, Event{Kind: ShipDestroyed, Side: t.Side, Ship: t.ID, To: t.Pos})
	s.leaderLost(t, ev)
}

// perimeter lets enemy stations' perimeter defenses fire on a ship that has just
// entered their range, unless it is cloaked and undetected by the station's side.
// It reports whether the ship was destroyed.
func (s *State) perimeter(sh *Ship, prev hex.Hex, ev *[]Event) bool {
	for _, id := range s.stations {
		st := &s.Ships[id]
		c := &s.Classes[st.Class]
		if !c.Station || st.Side == sh.Side || !st.Alive() || st.Lost() || !st.MainPower || st.Volleys <= 0 {
			continue
		}
		if sh.Cloaked && !s.Sees(st.Side, sh, st) {
			continue // an undetected cloaked ship draws no fire
		}
		fired := false
		for wi := range c.Weapons {
			w := &c.Weapons[wi]
			if !w.Perimeter || w.Sweep > 0 || weaponState(c, st, wi, true) != nil {
				continue
			}
			r := w.Range + c.Radius
			if hex.Distance(st.Pos, sh.Pos) > r || hex.Distance(st.Pos, prev) <= r || !s.lineOfSight(st.Pos, sh.Pos) {
				continue
			}
			if !fired {
				st.Volleys--
				s.emit(ev, Event{Kind: PerimeterFire, Side: st.Side, Ship: st.ID, Target: sh.ID, From: st.Pos, To: sh.Pos})
				fired = true
			}
			s.volley(st, wi, sh, 0, ev)
			if !sh.Alive() {
				return true
			}
		}
	}
	return false
}

// sectionDown reports a station section whose hull is gone: its weapons fall
// silent, and with main power the station's shields and weapons.
func (s *State) sectionDown(t *Ship, si int, ev *[]Event) {
	tc := s.Class(t)
	s.emit(ev, Event{Kind: SectionDisabled, Side: t.Side, Ship: t.ID, Section: tc.Sections[si].ID, To: t.Pos, Text: tc.Sections[si].Name})
	if tc.Sections[si].ID == t.PowerAt {
		s.powerLoss(t, ev)
	}
}
