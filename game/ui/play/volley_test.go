package play

import (
	"testing"

	"github.com/calltoarms/ds9/game/rules"
)

// TestVolley: a volley's line sums the shots that follow it, and stops at
// the next event that is not a shot.
func TestVolley(t *testing.T) {
	hit := func(d, s, h int) rules.Event {
		return rules.Event{Kind: rules.Hit, Damage: d, ShieldDamage: s, HullDamage: h}
	}
	miss := rules.Event{Kind: rules.Missed}
	for _, tc := range []struct {
		after []rules.Event
		want  string
	}{
		{nil, ""},
		{[]rules.Event{miss}, " Missed."},
		{[]rules.Event{miss, miss, miss}, " All 3 missed."},
		{[]rules.Event{hit(10, 10, 0), miss, hit(14, 0, 14)}, " 2 of 3 hit: 24 damage (shields 10, hull 14)."},
		{[]rules.Event{hit(5, 0, 5), {Kind: rules.ShipDestroyed}, hit(9, 9, 0)}, " 1 of 1 hit: 5 damage (shields 0, hull 5)."},
	} {
		if got := Volley(tc.after); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.after, got, tc.want)
		}
	}
}
