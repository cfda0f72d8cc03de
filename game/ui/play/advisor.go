package play

import (
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/calltoarms/ds9/game/ai"
	"github.com/calltoarms/ds9/game/rules"
)

// Advisor tells a player the chance of each outcome from the start of their
// phase, as their side sees it (ai.PlayOut: battles sampled from the side's
// view, never from the battle itself, played out by the normal commanders).
// It thinks in the background, a battle at a time, letting the game's
// frames run between orders, and its answer grows as it plays: Chances says
// how many battles it rests on. Start it again for a new phase; a phase's
// work that is no longer wanted stops at its next order.
type Advisor struct {
	// N is how many battles an answer plays, at most.
	N int

	mu      sync.Mutex
	key     int // the phase the answer is for
	count   map[string]int
	played  int
	running bool
	err     error
	stop    chan struct{}
}

// NewAdvisor returns an advisor that plays n battles for each answer.
func NewAdvisor(n int) *Advisor { return &Advisor{N: n} }

// Start begins the answer for a phase (key: any number that tells the
// phases apart), from a view that the advisor keeps to itself (it must not
// be used elsewhere: the session's FreshView gives one); nothing happens
// when that answer is under way or done.
func (a *Advisor) Start(s *Session, side rules.Side, key int) { a.StartAfter(s, side, key, key, nil) }

// StartAfter is Start for what-if advice: the chances if the side gave the
// order first (nil: as the battle stands). key tells this answer from
// others; the battles are drawn from the phase's seeds (phase: the key of
// its own advice), so that the two answers differ by the order alone.
func (a *Advisor) StartAfter(s *Session, side rules.Side, key, phase int, first *rules.Order) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.key == key && (a.running || a.played > 0) {
		return
	}
	if a.stop != nil {
		close(a.stop)
	}
	a.key, a.count, a.played, a.err, a.running = key, map[string]int{}, 0, nil, true
	stop := make(chan struct{})
	a.stop = stop
	v := s.FreshView(side)
	su := s.Scenario.Setup
	seed := s.Seed*1_000_003 + uint64(phase)
	var o *rules.Order
	if first != nil {
		c := *first
		c.Path = slices.Clone(first.Path)
		o = &c
	}
	go a.run(su, v, o, seed, key, stop)
}

func (a *Advisor) run(su rules.Setup, v *rules.View, first *rules.Order, seed uint64, key int, stop chan struct{}) {
	stopped := false
	pause := pacer()
	yield := func() {
		select {
		case <-stop:
			stopped = true
			runtime.Goexit()
		default:
		}
		pause()
	}
	defer func() {
		if !stopped {
			a.mu.Lock()
			if a.key == key {
				a.running = false
			}
			a.mu.Unlock()
		}
	}()
	for k := range a.N {
		outcome, err := ai.PlayOutAfter(su, v, first, seed+uint64(k), yield)
		a.mu.Lock()
		if a.key != key {
			a.mu.Unlock()
			return
		}
		if err != nil {
			a.err = err
			a.mu.Unlock()
			return
		}
		a.count[outcome]++
		a.played++
		a.mu.Unlock()
	}
}

// Chances is the answer for a phase so far (Chances.N battles, 0 when none
// is played yet), and whether it is complete.
func (a *Advisor) Chances(key int) (ai.Chances, bool, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.key != key {
		return ai.Chances{}, false, nil
	}
	return ai.Tally(a.count), !a.running, a.err
}

// Played is how many battles the answer for a phase rests on so far, and
// whether it is complete; it allocates nothing (a frame may ask).
func (a *Advisor) Played(key int) (int, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.key != key {
		return 0, false
	}
	return a.played, !a.running
}

// Stop ends the work under way.
func (a *Advisor) Stop() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.stop != nil {
		close(a.stop)
		a.stop = nil
	}
	a.key = -1
}

// pacer returns what background thinking calls between orders: a pause of a
// millisecond every few milliseconds of work. The browser runs one thread,
// and only a goroutine that sleeps gives it back its frames.
func pacer() func() {
	last := time.Now()
	return func() {
		if time.Since(last) > 4*time.Millisecond {
			time.Sleep(time.Millisecond)
			last = time.Now()
		}
	}
}
