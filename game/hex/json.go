package hex

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// MarshalJSON writes a hex as a compact [q, r] pair, as replays store paths.
func (h Hex) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 12)
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(h.Q), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(h.R), 10)
	return append(b, ']'), nil
}

// UnmarshalJSON reads a [q, r] pair; anything else (an object, a pair of the
// wrong length, a number that is not an integer) is an error.
func (h *Hex) UnmarshalJSON(b []byte) error {
	var v []json.Number
	if err := json.Unmarshal(b, &v); err != nil {
		return fmt.Errorf("hex: want [q, r], got %.40s", b)
	}
	if len(v) != 2 {
		return fmt.Errorf("hex: want [q, r], got %d numbers", len(v))
	}
	var out [2]int
	for i, n := range v {
		x, err := strconv.ParseInt(string(n), 10, 32)
		if err != nil {
			return fmt.Errorf("hex: coordinate %.24s is not a 32-bit integer", string(n))
		}
		out[i] = int(x)
	}
	h.Q, h.R = out[0], out[1]
	return nil
}
