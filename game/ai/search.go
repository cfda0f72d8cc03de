package ai

import (
	"github.com/calltoarms/ds9/game/rules"
)

// The hard level's search: portfolio search over whole battles played with
// the engine (after Churchill and Buro's portfolio greedy search, with the
// side's forces as one group). At the start of each of its phases it takes
// every posture of the portfolio (posture.go) that can matter to its side,
// plays each against the same battles sampled from its side's view
// (rules.View.Sample: what it sees, and guesses for what it does not — never
// the battle itself), its side playing that posture to the end and the enemy
// the normal commander, and plays the phase with the posture whose battles
// scored best for its side on the scenario's score. The posture it played
// last is kept on a tie (the normal posture in its first phase).
//
// The search is deterministic: the sampled battles' seeds come from the turn
// and the sample's number alone, so the same view gives the same choice.

// SearchSamples is how many battles the hard level samples for each posture
// of a phase: its budget. The whole search of a phase plays at most
// len(portfolio) × SearchSamples battles.
const SearchSamples = 4

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
	samples int
	at      phaseKey  // the phase last thought about
	chosen  posture   // what it chose there
	scores  []float64 // the mean score of each posture tried there, by portfolio index; -1 not tried
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

func newSearch() *search { return &search{samples: SearchSamples, at: phaseKey{turn: -1}} }

// choose returns the posture for v's phase, thinking first if it has not.
func (s *search) choose(v *rules.View, yield func()) posture {
	if s.at != keyOf(v) {
		s.think(v, yield)
	}
	return s.chosen
}

// think plays out the portfolio's postures from v and keeps the best. The
// posture of the side's last phase is tried first and kept on a tie (a plan
// is kept until another does better), then the others in the portfolio's
// order.
func (s *search) think(v *rules.View, yield func()) {
	last := s.chosen
	if s.at.scenario != v.Scenario || s.at.side != v.Side || s.at.turn > v.Turn {
		last = normalPosture // a new battle
	}
	s.at, s.chosen = keyOf(v), last
	s.scores = s.scores[:0]
	for range portfolio {
		s.scores = append(s.scores, -1)
	}
	if v.Phase != rules.Battle || v.Active != v.Side {
		return
	}
	order := make([]int, 0, len(portfolio))
	for i, p := range portfolio {
		if p == last {
			order = append([]int{i}, order...)
		} else {
			order = append(order, i)
		}
	}
	best := -1.0
	for _, i := range order {
		p := portfolio[i]
		if !matters(v, p) {
			continue
		}
		total, n := 0, 0
		for k := range s.samples {
			sc, ok := playPosture(v, p, sampleSeed(v, k), yield)
			if ok {
				total += sc
				n++
			}
		}
		if n == 0 {
			continue // no battle could be sampled: the view knows no setup
		}
		mean := float64(total) / float64(n)
		s.scores[i] = mean
		if mean > best {
			best, s.chosen = mean, p
		}
	}
}

// sampleSeed is the seed of a phase's k-th sampled battle: from what the
// side knows (the turn) and k, the same for every posture, so that the
// postures are compared on the same battles.
func sampleSeed(v *rules.View, k int) uint64 {
	return uint64(v.Turn)<<32 | uint64(v.Side)<<16 | uint64(k) + 1
}

// playPosture plays a battle sampled from v to its end, v's side playing
// posture p and the enemy the normal commander, and returns v's side's
// score. ok is false when no battle could be sampled or played.
func playPosture(v *rules.View, p posture, seed uint64, yield func()) (score int, ok bool) {
	st, err := v.Sample(seed)
	if err != nil {
		return 0, false
	}
	var cmd [2]Commander
	cmd[v.Side] = withPosture(p)
	cmd[v.Side.Other()] = New(v.Side.Other(), Normal)
	var apply Applier
	if yield != nil {
		apply = func(o rules.Order) ([]rules.Event, error) {
			yield()
			return st.Apply(o)
		}
	}
	if err := Play(st, cmd, apply); err != nil {
		return 0, false
	}
	return st.Score(v.Side), true
}

// matters reports whether a posture can play differently from the normal
// one for v's side: evacuating early needs a station of its own whose
// program wants it evacuated and that is not evacuating yet; moving as the
// crow flies, ships of its fleet. The normal posture and sharp judgement
// always may.
func matters(v *rules.View, p posture) bool {
	if p.evacuate {
		found := false
		for i := range v.Ships {
			sh := &v.Ships[i]
			if sh.Side == v.Side && sh.Alive() && !sh.Lost() && v.Class(sh).Station && sh.Program.NeedsEvacuated && sh.EvacuateAt == 0 {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	if p.direct {
		found := false
		for i := range v.Ships {
			sh := &v.Ships[i]
			if sh.Side == v.Side && sh.Alive() && !sh.Lost() && !v.Class(sh).Station && !v.Class(sh).Structure && !v.Class(sh).Team && !v.Class(sh).Minelayer {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}
