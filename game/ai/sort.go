package ai

import "slices"

// shipSort puts a plan's ships in the order the fleet commands them: nearest
// their goal first, then in view order. It sorts keys, score and place,
// rather than the ships themselves, which hold pointers and are slow to move;
// when the scores are small (distances on the map, or unreached) it counts
// them instead.
type shipSort struct {
	keys   []uint64
	counts []int32
	buf    []planned
}

// maxCounted bounds the scores shipSort counts rather than sorts.
const maxCounted = 1 << 12

// sort returns ships in order; ships (in view order, as the plan lists them)
// becomes the sorter's scratch.
func (s *shipSort) sort(ships []planned) []planned {
	top := int32(0) // the highest score but unreached
	for k := range ships {
		sc := ships[k].score
		if sc < 0 || k > 1<<31 {
			slices.SortFunc(ships, func(a, b planned) int {
				if a.score != b.score {
					return int(a.score - b.score)
				}
				return a.vi - b.vi
			})
			return ships
		}
		if sc != unreached {
			top = max(top, sc)
		}
	}
	out := s.buf[:0]
	if top < maxCounted {
		out = s.count(ships, out, top)
	} else {
		s.keys = s.keys[:0]
		for k := range ships {
			s.keys = append(s.keys, uint64(ships[k].score)<<32|uint64(k))
		}
		slices.Sort(s.keys)
		for _, key := range s.keys {
			out = append(out, ships[uint32(key)])
		}
	}
	s.buf = ships[:0]
	return out
}

// count is sort by counting: each score in 0..top, and unreached after
// them, keeps its ships in the order they come.
func (s *shipSort) count(ships, out []planned, top int32) []planned {
	bucket := func(sc int32) int32 {
		if sc == unreached {
			return top + 1
		}
		return sc
	}
	s.counts = slices.Grow(s.counts[:0], int(top)+3)[:top+3]
	counts := s.counts
	clear(counts)
	for k := range ships {
		counts[bucket(ships[k].score)+1]++
	}
	for b := 1; b < len(counts); b++ {
		counts[b] += counts[b-1] // counts[b]: where bucket b begins
	}
	out = slices.Grow(out, len(ships))[:len(ships)]
	for k := range ships {
		b := bucket(ships[k].score)
		out[counts[b]] = ships[k]
		counts[b]++
	}
	return out
}
