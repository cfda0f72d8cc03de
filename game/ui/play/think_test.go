package play

import (
	"reflect"
	"testing"
	"time"

	"github.com/calltoarms/ds9/game/replay"
	"github.com/calltoarms/ds9/game/rules"
)

// The hard level thinks in the background: while it thinks ComputerOrder
// gives nothing and returns at once (the frames go on), and the orders that
// follow are the ones it gives thinking in the foreground.
func TestThinksInTheBackground(t *testing.T) {
	sc := loadFlagship(t)
	play := func(background bool) (orders []rules.Order, waits int, longest time.Duration) {
		s, err := NewSession(sc, 5, replay.Players{"normal", "hard"})
		if err != nil {
			t.Fatal(err)
		}
		s.Background = background
		for s.Public().Turn < 2 && s.Public().Phase != rules.Over {
			start := time.Now()
			a, err := s.ComputerOrder(false)
			longest = max(longest, time.Since(start))
			if err != nil {
				t.Fatal(err)
			}
			if a == nil {
				if !s.Thinking() {
					t.Fatalf("turn %d: no order and no thinking", s.Public().Turn)
				}
				waits++
				time.Sleep(time.Millisecond)
				continue
			}
			orders = append(orders, a.Order)
		}
		return orders, waits, longest
	}
	bg, waits, longest := play(true)
	fg, fgWaits, fgLongest := play(false)
	if waits == 0 || fgWaits != 0 {
		t.Fatalf("waited %d times thinking in the background, %d in the foreground", waits, fgWaits)
	}
	if !reflect.DeepEqual(bg, fg) {
		t.Fatalf("%d orders thinking in the background, %d in the foreground, not the same", len(bg), len(fg))
	}
	if longest*4 > fgLongest {
		t.Errorf("the longest ComputerOrder took %v thinking in the background, %v in the foreground", longest, fgLongest)
	}
	t.Logf("%d orders; %d waits; longest call %v in the background, %v in the foreground", len(bg), waits, longest, fgLongest)
}
