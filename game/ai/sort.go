package ai

import "slices"

// shipSort puts a plan's ships in the order the fleet commands them: nearest
// their goal first, then in view order. It sorts keys, score and place,
// rather than the ships themselves, which hold pointers and are slow to move.
type shipSort struct {
	keys []uint64
	buf  []planned
}

// sort returns ships in order; ships (in view order, as the plan lists them)
// becomes the sorter's scratch.
func (s *shipSort) sort(ships []planned) []planned {
	s.keys = s.keys[:0]
	for k := range ships {
		if ships[k].score < 0 || k > 1<<31 {
			slices.SortFunc(ships, func(a, b planned) int {
				if a.score != b.score {
					return int(a.score - b.score)
				}
				return a.vi - b.vi
			})
			return ships
		}
		s.keys = append(s.keys, uint64(ships[k].score)<<32|uint64(k))
	}
	slices.Sort(s.keys)
	out := s.buf[:0]
	for _, key := range s.keys {
		out = append(out, ships[uint32(key)])
	}
	s.buf = ships[:0]
	return out
}
