package rules

import (
	"encoding/binary"
	"fmt"
)

// hasher is FNV-1a, 64 bits, fed fixed-width integers.
type hasher uint64

func (h *hasher) u64(v uint64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], v)
	for _, c := range b {
		*h = (*h ^ hasher(c)) * 1099511628211
	}
}

func (h *hasher) int(v int) { h.u64(uint64(int64(v))) }

func (h *hasher) bool(v bool) {
	if v {
		h.u64(1)
	} else {
		h.u64(0)
	}
}

func (h *hasher) str(s string) {
	h.int(len(s))
	for i := 0; i < len(s); i++ {
		*h = (*h ^ hasher(s[i])) * 1099511628211
	}
}

// Checksum is a hash of everything in the state that can change, and the random
// generator's position: two states with the same checksum play on identically.
func (s *State) Checksum() uint64 {
	h := hasher(14695981039346656037)
	h.str(s.Scenario)
	h.u64(s.Seed)
	h.int(s.Turn)
	h.int(int(s.Active))
	h.int(int(s.Phase))
	h.int(int(s.Terms))
	h.str(s.Outcome)
	h.int(int(s.Winner))
	h.bool(s.turnEnded)
	for _, v := range [...]int{s.Forces[0], s.Forces[1], s.Losses[0], s.Losses[1], s.cloaked[0], s.cloaked[1], s.covers[0], s.covers[1]} {
		h.int(v)
	}
	rng, _ := s.pcg.MarshalBinary()
	for _, c := range rng {
		h = (h ^ hasher(c)) * 1099511628211
	}
	for i := range s.Ships {
		sh := &s.Ships[i]
		for _, v := range [...]int{int(sh.Status), sh.Pos.Q, sh.Pos.R, sh.Hull, sh.Shields, sh.MP, sh.Actions, int(sh.Covering), sh.Returns, sh.Volleys, sh.Garrison, sh.EvacuateAt, sh.PowerAt} {
			h.int(v)
		}
		for _, b := range [...]bool{sh.Cloaked, sh.MainPower, sh.Evacuated, sh.Sabotaged, sh.Captured, sh.Disordered, sh.Rerouted} {
			h.bool(b)
		}
		for _, v := range sh.Section {
			h.int(v)
		}
	}
	for i := range s.Wings {
		w := &s.Wings[i]
		for _, v := range [...]int{int(w.Directive), int(w.Target), w.Section, w.Hold.Q, w.Hold.R} {
			h.int(v)
		}
		h.bool(w.Ordered)
		h.bool(w.Leaderless)
	}
	for fi := range s.Fields {
		m := &s.Fields[fi]
		h.bool(m.Active)
		h.bool(m.Cloaked)
		h.bool(m.Down)
		for i := range m.Positions {
			h.bool(m.Laid[i])
			h.bool(m.Lost[i])
		}
	}
	for _, o := range s.occ {
		h.int(int(o))
	}
	return uint64(h)
}

// ChecksumHex is the checksum as 16 hex digits, as tools print it.
func (s *State) ChecksumHex() string { return fmt.Sprintf("%016x", s.Checksum()) }
