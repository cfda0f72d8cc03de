package play

import (
	"sync"

	"github.com/calltoarms/ds9/game/ai"
	"github.com/calltoarms/ds9/game/rules"
)

// TurnChances is the advisor's look back over a battle: the chance a side
// had of winning at the start of each turn, as that side saw it then
// (ai.PlayOut: battles sampled from its view at that moment, played out by
// the normal commanders). It is worked out in the background, turn after
// turn; P says how far it has come.
type TurnChances struct {
	Side rules.Side
	N    int // battles a turn

	mu  sync.Mutex
	p   []float64 // by turn from 1: the chance of winning, for the turns done
	all int       // turns to do
	err error
}

// StartTurnChances begins the look back over a session's battle for side.
func StartTurnChances(s *Session, side rules.Side, n int) *TurnChances {
	tc := &TurnChances{Side: side, N: n}
	sc := s.Scenario
	views, err := s.TurnStartViews(side)
	if err != nil {
		tc.err = err
		return tc
	}
	tc.all = len(views)
	wins := map[string]bool{}
	for _, o := range sc.Setup.Outcomes {
		wins[o.ID] = o.Winner == side
	}
	su := sc.Setup
	go func() {
		yield := pacer()
		for ti, v := range views {
			won := 0
			for k := range n {
				outcome, err := ai.PlayOut(su, v, s.Seed*7919+uint64(ti*n+k), yield)
				if err != nil {
					tc.mu.Lock()
					tc.err = err
					tc.mu.Unlock()
					return
				}
				if wins[outcome] {
					won++
				}
			}
			tc.mu.Lock()
			tc.p = append(tc.p, float64(won)/float64(n))
			tc.mu.Unlock()
		}
	}()
	return tc
}

// Len is how many turns are worked out so far; it allocates nothing.
func (tc *TurnChances) Len() int {
	tc.mu.Lock()
	defer tc.mu.Unlock()
	return len(tc.p)
}

// Progress is how many turns are worked out, of how many, and the error
// that stopped the work; it allocates nothing.
func (tc *TurnChances) Progress() (done, all int, err error) {
	tc.mu.Lock()
	defer tc.mu.Unlock()
	return len(tc.p), tc.all, tc.err
}

// P returns the chances of winning worked out so far, by turn from 1 (a
// copy), the number of turns in all, and the error that stopped the work.
func (tc *TurnChances) P() ([]float64, int, error) {
	tc.mu.Lock()
	defer tc.mu.Unlock()
	return append([]float64(nil), tc.p...), tc.all, tc.err
}
