package ai

import (
	"github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/rules"
)

// mark is what a side expects to be left of an enemy as its phase's attacks are
// planned, in hundredths of a point: the bookkeeping that keeps a commander from
// firing on ships it has already as good as destroyed.
type mark struct {
	ship    *rules.Ship
	class   *rules.Class
	shields int   // expected shields left ×100
	hull    int   // ships: expected hull left ×100
	section []int // stations: expected section hull left ×100
	covered bool
	worth   int // how much the commander wants it gone (percent)
}

// marks lists the enemies in view with their expected state.
func marks(v *rules.View, buf []mark) []mark {
	buf = buf[:0]
	for i := range v.Ships {
		t := &v.Ships[i]
		if t.Side == v.Side || !t.Alive() {
			continue
		}
		c := v.Class(t)
		m := mark{ship: t, class: c, shields: 100 * t.Shields, hull: 100 * t.Hull, worth: 100}
		if c.Station {
			m.section = make([]int, len(t.Section))
			for k, h := range t.Section {
				m.section[k] = 100 * h
			}
		}
		for j := range v.Ships {
			cv := &v.Ships[j]
			if cv.Side == t.Side && cv.Covering == t.ID && cv.Alive() && !cv.Cloaked && hex.Distance(cv.Pos, t.Pos) <= rules.CoverRadius {
				m.covered = true
			}
		}
		buf = append(buf, m)
	}
	return buf
}

// dead reports whether the bookkeeping expects the target gone (a station: the
// given section disabled).
func (m *mark) dead(secIdx int) bool {
	if m.class.Station {
		return secIdx < 0 || m.section[secIdx] <= 0
	}
	return m.hull <= 0
}

// left is the expected shields and hull still to be beaten down.
func (m *mark) left(secIdx int) int {
	if m.class.Station {
		if secIdx < 0 {
			return 0
		}
		return m.shields + m.section[secIdx]
	}
	return m.shields + m.hull
}

// expect is the expected damage (×100) of weapon w fired from pos at m, or -1
// when it cannot be fired (out of range, no line).
func expect(g *grid, w *rules.Weapon, reach int, pos hex.Hex, m *mark) (total int) {
	d := max(0, hex.Distance(pos, m.ship.Pos)-reach-m.class.Radius)
	if d > w.Range {
		return -1
	}
	if !g.visible(pos, m.ship.Pos) {
		return -1
	}
	shelter := 0
	if !m.class.Station {
		shelter = g.m.At(m.ship.Pos).Shelter()
	}
	p := rules.HitChance(w, d, m.class.Evasion, shelter, m.covered)
	return w.Shots * p * w.Damage
}

// book records an attack's expected damage e (×100) with pierce percent.
func (m *mark) book(e, pierce, secIdx int) {
	through := e * pierce / 100
	rest := e - through
	abs := min(m.shields, rest)
	m.shields -= abs
	hull := through + rest - abs
	if m.class.Station {
		if secIdx >= 0 {
			m.section[secIdx] -= hull
		}
		return
	}
	m.hull -= hull
}

// weaponSilenced reports whether a station weapon is silent (its section gone or
// the power cut) as far as the bookkeeping knows.
func stationWeaponDown(m *mark, wi int) bool {
	w := &m.class.Weapons[wi]
	if !m.ship.MainPower || m.ship.Lost() {
		return true
	}
	if w.Section == 0 {
		return false
	}
	si, ok := m.class.Section(w.Section)
	return !ok || m.section[si] <= 0
}

// mainPowerDown reports whether the bookkeeping expects the station's power cut.
func mainPowerDown(m *mark) bool {
	if !m.ship.MainPower {
		return true
	}
	for k, s := range m.class.Sections {
		if s.MainPower && m.section[k] <= 0 {
			return true
		}
	}
	return false
}
