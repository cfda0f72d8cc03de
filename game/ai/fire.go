package ai

import (
	"github.com/calltoarms/ds9/game/rules"
)

// mark is what a side expects to be left of an enemy as its phase's attacks are
// planned, in hundredths of a point: the bookkeeping that keeps a commander from
// firing on ships it has already as good as destroyed. The numbers come from the
// engine's previews and its damage split; the commander only adds them up.
type mark struct {
	ship    *rules.Ship
	class   *rules.Class
	shields int   // expected shields left ×100
	hull    int   // ships: expected hull left ×100
	section []int // stations: expected section hull left ×100
}

// marks lists the enemies in view with their expected state, and indexes them
// by ship id in byID (index + 1).
func marks(v *rules.View, buf []mark, byID []int32) ([]mark, []int32) {
	buf = buf[:0]
	n := 0
	if len(v.Ships) > 0 {
		n = int(v.Ships[len(v.Ships)-1].ID) + 1
	}
	if cap(byID) < n {
		byID = make([]int32, n)
	}
	byID = byID[:n]
	clear(byID)
	for i := range v.Ships {
		t := &v.Ships[i]
		if t.Side == v.Side || !t.Alive() {
			continue
		}
		c := v.Class(t)
		m := mark{ship: t, class: c, shields: 100 * t.Shields, hull: 100 * t.Hull}
		if c.Station {
			m.section = make([]int, len(t.Section))
			for k, h := range t.Section {
				m.section[k] = 100 * h
			}
		}
		buf = append(buf, m)
		byID[t.ID] = int32(len(buf))
	}
	return buf, byID
}

// markOf returns the mark of a ship id, or nil.
func markOf(ms []mark, byID []int32, id rules.ShipID) *mark {
	if id < 0 || int(id) >= len(byID) || byID[id] == 0 {
		return nil
	}
	return &ms[byID[id]-1]
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

// book records an attack's expected damage e (×100) with pierce percent, split
// between shields and hull as the engine splits every hit.
func (m *mark) book(e, pierce, secIdx int) {
	abs, hull := rules.Split(e, pierce, m.shields)
	m.shields -= abs
	if m.class.Station {
		if secIdx >= 0 {
			m.section[secIdx] -= hull
		}
		return
	}
	m.hull -= hull
}

// mainPowerDown reports whether the bookkeeping expects the station's power cut.
func mainPowerDown(m *mark) bool {
	if !m.ship.MainPower {
		return true
	}
	for k, s := range m.class.Sections {
		if s.ID == m.ship.PowerAt && m.section[k] <= 0 {
			return true
		}
	}
	return false
}
