package ai

import (
	"slices"

	"github.com/calltoarms/ds9/game/rules"
)

// The hard level's search: portfolio search over whole battles played with
// the engine (after Churchill and Buro's portfolio greedy search, with the
// side's forces as one group). At the start of each of its phases it takes
// every posture of the portfolio (posture.go) that can matter to its side,
// plays each against the same battles sampled from its side's view and its
// memory (rules.View.SampleRemembering: what it sees, where it last saw the
// enemies now out of sight, and guesses for the rest — never the battle
// itself), its side playing that posture to the end and the enemy
// the normal commander, and plays the phase with the posture whose battles
// scored best for its side on the scenario's score. The posture it played
// last (the normal one in its first phase) is kept unless another beats it
// by SwitchMargin.
//
// The search is deterministic: the sampled battles' seeds come from the turn
// and the sample's number alone, so the same view gives the same choice.

// SearchBattles is the hard level's budget: the battles it plays out to
// think about a phase. Every posture that matters to its side plays
// SearchMinSamples of them; the rest go to the posture it played last and its
// best challenger. Counted in battles, not in time, so that
// its choice does not depend on how fast the machine is; a flagship phase at
// the start of the battle takes a quarter of a second on one core
// (BenchmarkHardPhase), a later one or a smaller battle less.
const (
	SearchBattles    = 24
	SearchMinSamples = 2
)

// SwitchMargin is by how much (in points of the scenario's score, 0..100)
// another posture's battles must beat those of the posture the side played
// last for the search to change: a few sampled battles are a noisy measure,
// and a plan changed back and forth plays worse than either.
const SwitchMargin = 10

// Thinker is a commander that thinks before it plans a phase. Think does
// the thinking from the side's view; it may take a while, and calls yield
// (when not nil) between orders of the battles it plays, so that a front end
// can run it in the background and keep drawing. Orders for a phase already
// thought about is quick; for one not, Orders thinks first.
type Thinker interface {
	Commander
	// Thought reports whether v's phase has been thought about.
	Thought(v *rules.View) bool
	// Think thinks about v's phase.
	Think(v *rules.View, yield func())
}

// search chooses the hard level's posture phase by phase.
type search struct {
	at      phaseKey  // the phase last thought about
	chosen  posture   // what it chose there
	scores  []float64 // the mean score of each posture on its first battles there, by portfolio index; -1 not tried
	samples int       // the battles sampled there for the posture played last
}

// phaseKey names a phase of a battle.
type phaseKey struct {
	scenario string
	turn     int
	side     rules.Side
	phase    rules.Phase
}

func keyOf(v *rules.View) phaseKey {
	return phaseKey{scenario: v.Scenario, turn: v.Turn, side: v.Side, phase: v.Phase}
}

func newSearch() *search { return &search{at: phaseKey{turn: -1}} }

// choose returns the posture for v's phase, thinking first if it has not.
func (s *search) choose(v *rules.View, c *commander, yield func()) posture {
	if s.at != keyOf(v) {
		s.think(v, c, yield)
	}
	return s.chosen
}

// think plays out the portfolio's postures from v: every one that matters
// on SearchMinSamples battles, then the posture of the side's last phase and
// the best of the others on more, battle for battle, until SearchBattles
// have been played. The challenger is played only when it beats the last
// posture by SwitchMargin on those later battles (the first ones chose it,
// and would flatter it).
func (s *search) think(v *rules.View, c *commander, yield func()) {
	c.fleet.recall(v) // what it remembers, up to v
	last := s.chosen
	if s.at.scenario != v.Scenario || s.at.side != v.Side || s.at.turn > v.Turn {
		last = normalPosture // a new battle
	}
	s.at, s.chosen, s.samples = keyOf(v), last, 0
	s.scores = s.scores[:0]
	for range portfolio {
		s.scores = append(s.scores, -1)
	}
	if v.Phase != rules.Battle || v.Active != v.Side {
		return
	}
	var order []int
	for i, p := range portfolio {
		switch {
		case !matters(v, p):
		case p == last:
			order = append([]int{i}, order...)
		default:
			order = append(order, i)
		}
	}
	total := make([]int, len(portfolio))
	count := make([]int, len(portfolio))
	play := func(i, k int) {
		sc, ok := playPosture(v, c, portfolio[i], sampleSeed(v, k), yield)
		if ok {
			total[i] += sc
			count[i]++
		}
	}
	mean := func(i int) float64 { return float64(total[i]) / float64(max(1, count[i])) }
	// First every posture on the same few battles…
	battles := 0
	for k := range SearchMinSamples {
		for _, i := range order {
			play(i, k)
			battles++
		}
	}
	// …then the rest of the budget on the most promising challenger and the
	// posture played last, battle for battle.
	inc := order[0]
	ch := -1
	for _, i := range order[1:] {
		if count[i] > 0 && (ch < 0 || mean(i) > mean(ch)) {
			ch = i
		}
	}
	for _, i := range order {
		if count[i] > 0 {
			s.scores[i] = mean(i)
		}
	}
	if ch < 0 {
		s.samples = SearchMinSamples
		return // nothing to choose from, or no battle could be sampled
	}
	// Judged on these battles alone: the first ones chose the challenger,
	// and would flatter it.
	clear(total)
	clear(count)
	k := SearchMinSamples
	for ; battles+2 <= SearchBattles; k++ {
		play(inc, k)
		play(ch, k)
		battles += 2
	}
	s.samples = k
	if count[ch] > 0 && count[ch] == count[inc] && mean(ch) >= mean(inc)+SwitchMargin {
		s.chosen = portfolio[ch]
	}
}

// sampleSeed is the seed of a phase's k-th sampled battle: from what the
// side knows (the turn) and k, the same for every posture, so that the
// postures are compared on the same battles.
func sampleSeed(v *rules.View, k int) uint64 {
	return uint64(v.Turn)<<32 | uint64(v.Side)<<16 | uint64(k) + 1
}

// playPosture plays a battle sampled from v and c's memory to its end, v's
// side playing posture p and the enemy a normal commander (both fresh:
// a commander that remembered the real battle's views would plan for
// what the sample only guesses), and returns v's side's score. ok is false
// when no battle could be sampled or played.
func playPosture(v *rules.View, c *commander, p posture, seed uint64, yield func()) (score int, ok bool) {
	st, err := v.SampleRemembering(seed, c.fleet.lastSeen)
	if err != nil {
		return 0, false
	}
	var cmd [2]Commander
	cmd[v.Side] = withPosture(p) // fresh: it starts from the sampled battle
	cmd[v.Side.Other()] = New(v.Side.Other(), Normal)
	defer release(cmd)
	apply := func(o rules.Order) ([]rules.Event, error) {
		if yield != nil {
			yield()
		}
		return nil, st.Do(o) // its events are told to no one
	}
	if err := Play(st, cmd, apply); err != nil {
		return 0, false
	}
	return st.Score(v.Side), true
}

// matters reports whether a posture can play differently from the normal
// one for v's side: evacuating early needs a station of its own whose
// program wants it evacuated and that is not evacuating yet; moving as the
// crow flies, ships of its fleet; hunting, a wing with a ship on the map
// (whether or not an enemy is in sight yet: a posture chosen before contact
// is kept unless another beats it, and hunting pays from the first sight).
// The normal posture and sharp judgement always may.
func matters(v *rules.View, p posture) bool {
	own := func(ok func(sh *rules.Ship, c *rules.Class) bool) bool {
		for i := range v.Ships {
			if sh := &v.Ships[i]; sh.Side == v.Side && sh.Alive() && !sh.Lost() && ok(sh, v.Class(sh)) {
				return true
			}
		}
		return false
	}
	if p.evacuate && !own(func(sh *rules.Ship, c *rules.Class) bool {
		return c.Station && sh.Program.NeedsEvacuated && sh.EvacuateAt == 0
	}) {
		return false
	}
	if p.direct && !own(func(_ *rules.Ship, c *rules.Class) bool {
		return !c.Station && !c.Structure && !c.Team && !c.Minelayer
	}) {
		return false
	}
	if p.hunt && !slices.ContainsFunc(v.Wings, func(w rules.Wing) bool { return w.Side == v.Side && wingOnMap(v, &w) }) {
		return false
	}
	return true
}
