package ai

import (
	"math"
	"slices"

	"github.com/calltoarms/ds9/game/rules"
)

// The hard level's search: portfolio search over whole battles played with
// the engine (after Churchill and Buro's portfolio greedy search, with the
// side's forces as one group). At the start of each of its phases it takes
// every posture of the portfolio (posture.go) that can matter to its side
// and plays each on the same battles sampled from its side's view and its
// memory (rules.View.SampleRemembering: what it sees, where it last saw the
// enemies now out of sight, and guesses for the rest — never the battle
// itself), its side playing that posture to the end and the enemy the
// normal commander, scored on the scenario's score.
//
// A few sampled battles are a noisy measure, and the real differences
// between postures are a few points: so the search carries its evidence
// from phase to phase. For each posture it keeps the differences between
// its battles' scores and the normal posture's on the same battles, summed
// over the battle's phases with the older phases' weight decaying by
// EvidenceDecay a phase, and plays the posture whose mean difference is the
// highest, provided it is above the normal posture's by more than its
// standard error. It keeps the posture it played last unless another's mean
// is SwitchMargin points above it: a plan changed back and forth plays worse
// than either.
//
// The search is deterministic: the sampled battles' seeds come from the turn
// and the sample's number alone, so the same view gives the same choice.

// SearchBattles is the hard level's budget: the battles it plays out to
// think about a phase, shared evenly by the postures that matter to its side
// (at least SearchMinSamples each). Counted in battles, not in time, so that
// its choice does not depend on how fast the machine is; a flagship phase at
// the start of the battle takes a quarter of a second on one core
// (BenchmarkHardPhase), a later one or a smaller battle less.
const (
	SearchBattles    = 24
	SearchMinSamples = 2
)

// SwitchMargin is by how much (in points of the scenario's score, 0..100)
// another posture's mean difference must beat that of the posture the side
// played last for the search to change.
const SwitchMargin = 3

// EvidenceDecay is the weight a phase's sampled battles keep in the
// search's evidence a phase later: the battle changes, and what was best
// at its start may not be at its end.
const EvidenceDecay = 0.8

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
	scores  []float64 // the mean score of each posture's battles there, by portfolio index; -1 not tried
	samples int       // the battles sampled there for each posture

	// The evidence, by portfolio index, over the battle's phases so far:
	// decayed sums of the differences between a posture's score and the
	// normal posture's on the same sampled battles, of their squares, and
	// of their weights.
	diff, diff2, weight []float64
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

func newSearch() *search {
	n := len(portfolio)
	return &search{at: phaseKey{turn: -1}, diff: make([]float64, n), diff2: make([]float64, n), weight: make([]float64, n)}
}

// choose returns the posture for v's phase, thinking first if it has not.
func (s *search) choose(v *rules.View, c *commander, yield func()) posture {
	if s.at != keyOf(v) {
		s.think(v, c, yield)
	}
	return s.chosen
}

// think plays out the portfolio's postures that matter from v on the same
// sampled battles, adds what they show to the evidence, and chooses.
func (s *search) think(v *rules.View, c *commander, yield func()) {
	c.fleet.recall(v) // what it remembers, up to v
	last := s.chosen
	if s.at.scenario != v.Scenario || s.at.side != v.Side || s.at.turn > v.Turn {
		last = normalPosture // a new battle: no evidence yet
		clear(s.diff)
		clear(s.diff2)
		clear(s.weight)
	}
	s.at, s.chosen, s.samples = keyOf(v), last, 0
	s.scores = s.scores[:0]
	for range portfolio {
		s.scores = append(s.scores, -1)
	}
	if v.Phase != rules.Battle || v.Active != v.Side {
		return
	}
	order := []int{0} // the normal posture, the yardstick
	for i, p := range portfolio[1:] {
		if matters(v, p) {
			order = append(order, i+1)
		}
	}
	if len(order) == 1 {
		s.chosen = normalPosture
		return // nothing to choose from
	}
	for i := range portfolio {
		s.diff[i] *= EvidenceDecay
		s.diff2[i] *= EvidenceDecay
		s.weight[i] *= EvidenceDecay
	}
	samples := max(SearchMinSamples, SearchBattles/len(order))
	total := make([]int, len(portfolio))
	count := make([]int, len(portfolio))
	for k := range samples {
		base, ok := playPosture(v, c, normalPosture, sampleSeed(v, k), yield)
		if !ok {
			continue // no battle could be sampled
		}
		total[0] += base
		count[0]++
		for _, i := range order[1:] {
			sc, ok := playPosture(v, c, portfolio[i], sampleSeed(v, k), yield)
			if !ok {
				continue
			}
			total[i] += sc
			count[i]++
			d := float64(sc - base)
			s.diff[i] += d
			s.diff2[i] += d * d
			s.weight[i]++
		}
	}
	s.samples = samples
	for _, i := range order {
		if count[i] > 0 {
			s.scores[i] = float64(total[i]) / float64(count[i])
		}
	}
	// The best posture whose gain over the normal one stands above its
	// standard error; the normal one when none does.
	best, bestGain := 0, 0.0
	for _, i := range order[1:] {
		if g, se := s.gain(i); g > se && g > bestGain {
			best, bestGain = i, g
		}
	}
	inc := slices.Index(portfolio, last)
	if inc >= 0 && slices.Contains(order, inc) {
		incGain, _ := s.gain(inc)
		if bestGain < incGain+SwitchMargin {
			return // keep the posture played last
		}
	}
	s.chosen = portfolio[best]
}

// gain is the evidence's mean difference between posture i's score and
// the normal posture's, and its standard error (0, 0 without evidence; the
// normal posture's gain is 0).
func (s *search) gain(i int) (mean, se float64) {
	w := s.weight[i]
	if i == 0 || w <= 0 {
		return 0, 0
	}
	mean = s.diff[i] / w
	if w <= 1 {
		return mean, math.Inf(1)
	}
	variance := max(0, s.diff2[i]/w-mean*mean) * w / (w - 1)
	return mean, math.Sqrt(variance / w)
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
	old, _ := spareStates.Get().(*rules.State)
	st, err := v.SampleRememberingOver(old, seed, c.fleet.lastSeen)
	if err != nil {
		return 0, false
	}
	defer spareStates.Put(st) // no one holds it once it is scored
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
