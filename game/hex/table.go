package hex

// table is a small open-addressing hash table from Hex to rec, used as the
// search state of Path and Reachable. It beats a Go map here (cheap hash, no
// interface, no per-search clearing thanks to generation stamps) and, like the
// map it replaces, is only ever read by key, never iterated.
type table struct {
	slots []slot
	n     int
	gen   uint32
}

type slot struct {
	key Hex
	rec
	gen uint32 // slot is live iff gen == table.gen
}

const minTableSize = 512

func (t *table) reset() {
	if t.slots == nil {
		t.slots = make([]slot, minTableSize)
	}
	t.n = 0
	t.gen++
	if t.gen == 0 { // wrapped: stale stamps could look live
		clear(t.slots)
		t.gen = 1
	}
}

func hashHex(h Hex) uint64 {
	x := uint64(h.Q)*0x9E3779B97F4A7C15 ^ uint64(h.R)*0xC2B2AE3D27D4EB4F
	return x ^ x>>29
}

// lookup returns the slot for h and whether it is live. When not live, the
// slot is where h would be inserted (call put, which may grow the table).
func (t *table) lookup(h Hex) (*slot, bool) {
	mask := uint64(len(t.slots) - 1)
	for i := hashHex(h) & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.gen != t.gen {
			return s, false
		}
		if s.key == h {
			return s, true
		}
	}
}

func (t *table) get(h Hex) (rec, bool) {
	s, ok := t.lookup(h)
	return s.rec, ok
}

// set stores r under h.
func (t *table) set(h Hex, r rec) {
	s, ok := t.lookup(h)
	if !ok {
		if 2*(t.n+1) > len(t.slots) {
			t.grow()
			s, _ = t.lookup(h)
		}
		t.n++
		s.key, s.gen = h, t.gen
	}
	s.rec = r
}

func (t *table) grow() {
	old := t.slots
	oldGen := t.gen
	t.slots = make([]slot, 2*len(old))
	t.gen = 1
	for i := range old {
		if o := &old[i]; o.gen == oldGen {
			s, _ := t.lookup(o.key)
			*s = slot{key: o.key, rec: o.rec, gen: 1}
		}
	}
}
