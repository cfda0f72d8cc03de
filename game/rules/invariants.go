package rules

import (
	"fmt"

	"github.com/calltoarms/ds9/game/hex"
)

// claims reports whether ship i, when there is one, is on the map and
// occupies map index k.
func (s *State) claims(i, k int) bool {
	if i < 0 || i >= len(s.Ships) {
		return false
	}
	sh := &s.Ships[i]
	if !sh.Alive() || sh.IsAboard() {
		return false
	}
	return hex.Distance(sh.Pos, s.Map.HexAt(k)) <= s.Class(sh).Radius
}

// CheckInvariants verifies that the state is self-consistent: the occupancy grid
// matches the ships, numbers are within their bounds, counts match what they
// count. Tests call it after every order; it returns the first violation.
func (s *State) CheckInvariants() error {
	claimed := 0 // hexes the ships on the map occupy: each must hold its ship in s.occ
	var losses, cloaked, covers [2]int
	for i := range s.Ships {
		sh := &s.Ships[i]
		c := &s.Classes[sh.Class]
		if sh.ID != ShipID(i) {
			return fmt.Errorf("ship %d has id %d", i, sh.ID)
		}
		if sh.Status == Destroyed {
			losses[sh.Side]++
		}
		if sh.Shields < 0 || sh.Shields > c.Shields {
			return fmt.Errorf("%s: shields %d out of 0..%d", sh.Name, sh.Shields, c.Shields)
		}
		if sh.MP < 0 || sh.Actions < 0 || sh.Returns < 0 || sh.Volleys < 0 || sh.Garrison < 0 {
			return fmt.Errorf("%s: negative counter", sh.Name)
		}
		if c.Station {
			sum := 0
			for j, h := range sh.Section {
				if h < 0 || h > c.Sections[j].Hull {
					return fmt.Errorf("%s: section %d hull %d out of range", sh.Name, c.Sections[j].ID, h)
				}
				sum += h
			}
			if sum != sh.Hull {
				return fmt.Errorf("%s: hull %d is not the sum of its sections %d", sh.Name, sh.Hull, sum)
			}
			if (sh.Sabotaged || sh.Captured) && (sh.MainPower || sh.Shields != 0) {
				return fmt.Errorf("%s: lost station still powered", sh.Name)
			}
			if !sh.MainPower && sh.Shields != 0 {
				return fmt.Errorf("%s: shields up without main power", sh.Name)
			}
		} else if sh.Alive() && (sh.Hull <= 0 || sh.Hull > c.Hull) {
			return fmt.Errorf("%s: hull %d out of 1..%d on the map", sh.Name, sh.Hull, c.Hull)
		}
		if !sh.Alive() {
			if sh.Cloaked || sh.Covering != NoShip {
				return fmt.Errorf("%s: %s but still cloaked or covering", sh.Name, sh.Status)
			}
			continue
		}
		if sh.Cloaked {
			cloaked[sh.Side]++
			if !c.Cloak {
				return fmt.Errorf("%s: cloaked without a cloaking device", sh.Name)
			}
		}
		if sh.Covering != NoShip {
			covers[sh.Side]++
		}
		if sh.IsAboard() {
			if st := s.Ship(sh.Aboard); st == nil || sh.Pos != st.Pos || !c.Team {
				return fmt.Errorf("%s: aboard ship %d, but not at its position or not a team", sh.Name, sh.Aboard)
			}
			continue // a team occupies no hex
		}
		var one [1]hex.Hex
		for _, h := range s.footprint(sh, &one) {
			k := s.Map.Index(h)
			if k < 0 {
				return fmt.Errorf("%s: off the map at %v", sh.Name, h)
			}
			if o := s.occ[k]; o != int32(i)+1 {
				if s.claims(int(o)-1, k) {
					return fmt.Errorf("%s and ship %d share %v", sh.Name, o-1, h)
				}
				return fmt.Errorf("occupancy of %v is %d, the ships say %d", h, o, i+1)
			}
			claimed++
			if s.Map.Terrain[k] == StationHex && !c.Fixed() {
				return fmt.Errorf("%s: inside station structure at %v", sh.Name, h)
			}
		}
	}
	// Every hex a ship claims holds it; so the occupancy is the ships' when
	// no other hex holds one.
	occupied := 0
	for _, o := range s.occ {
		if o != 0 {
			occupied++
		}
	}
	if occupied != claimed {
		for k, o := range s.occ {
			if o != 0 && !s.claims(int(o)-1, k) {
				return fmt.Errorf("occupancy of %v is %d, the ships say 0", s.Map.HexAt(k), o)
			}
		}
	}
	if losses != s.Losses {
		return fmt.Errorf("losses %v, destroyed ships %v", s.Losses, losses)
	}
	if cloaked != s.cloaked || covers != s.covers {
		return fmt.Errorf("cloak/cover counts %v/%v, ships say %v/%v", s.cloaked, s.covers, cloaked, covers)
	}
	for fi := range s.Fields {
		m := &s.Fields[fi]
		for i := range m.Positions {
			if m.Laid[i] && m.Lost[i] {
				return fmt.Errorf("minefield %s: mine %v both laid and lost", m.ID, m.Positions[i])
			}
		}
		if m.Active != m.Cloaked || (m.Down && m.Active) {
			return fmt.Errorf("minefield %s: active %v, cloaked %v, down %v", m.ID, m.Active, m.Cloaked, m.Down)
		}
	}
	if s.Phase == Over && s.Outcome == "" {
		return fmt.Errorf("battle over without an outcome")
	}
	if s.Turn < 1 || s.Turn > s.TurnLimit {
		return fmt.Errorf("turn %d out of 1..%d", s.Turn, s.TurnLimit)
	}
	return nil
}
