package hex

import (
	"encoding/json"
	"testing"
)

func TestJSON(t *testing.T) {
	b, err := json.Marshal([]Hex{{3, -4}, {0, 0}})
	if err != nil || string(b) != "[[3,-4],[0,0]]" {
		t.Fatalf("marshal: %s %v", b, err)
	}
	var got []Hex
	if err := json.Unmarshal(b, &got); err != nil || len(got) != 2 || got[0] != (Hex{3, -4}) {
		t.Fatalf("unmarshal: %v %v", got, err)
	}
	for _, bad := range []string{`[1]`, `[1,2,3]`, `{"Q":1,"R":2}`, `[1.5,2]`, `[1e3,2]`, `[99999999999,0]`, `"x"`, `[null,1]`} {
		var h Hex
		if err := json.Unmarshal([]byte(bad), &h); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}
