package rules

import (
	"strings"
	"testing"
)

// TestInvariantsCatchOccupancy breaks the occupancy grid in each way it can
// disagree with the ships and asks CheckInvariants to say so.
func TestInvariantsCatchOccupancy(t *testing.T) {
	tests := []struct {
		name    string
		corrupt func(s *State, st, a, b ShipID)
		want    string
	}{
		{"ship's hex empty", func(s *State, st, a, b ShipID) {
			s.occ[s.Map.Index(s.Ships[a].Pos)] = 0
		}, "the ships say"},
		{"station hex empty", func(s *State, st, a, b ShipID) {
			s.occ[s.Map.Index(step(s.Ships[st].Pos, 2, 1))] = 0
		}, "the ships say"},
		{"stray occupant", func(s *State, st, a, b ShipID) {
			s.occ[s.Map.Index(at(1, 1))] = int32(a) + 1
		}, "the ships say 0"},
		{"occupant of no ship", func(s *State, st, a, b ShipID) {
			s.occ[s.Map.Index(at(1, 1))] = int32(len(s.Ships)) + 5
		}, "the ships say 0"},
		{"ship moved, grid not", func(s *State, st, a, b ShipID) {
			s.Ships[a].Pos = at(2, 2)
		}, "occupancy"},
		{"two ships on one hex", func(s *State, st, a, b ShipID) {
			s.occ[s.Map.Index(s.Ships[b].Pos)] = 0
			s.Ships[b].Pos = s.Ships[a].Pos
		}, "share"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bb := newBuilder(t)
			st := bb.ship(clsStation, SideA, at(10, 10))
			a := bb.ship(clsJem, SideB, at(5, 5))
			b := bb.ship(clsJem, SideB, at(6, 8))
			s := bb.start()
			if err := s.CheckInvariants(); err != nil {
				t.Fatalf("before: %v", err)
			}
			tt.corrupt(s, st, a, b)
			err := s.CheckInvariants()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("CheckInvariants = %v, want an error with %q", err, tt.want)
			}
		})
	}
}
