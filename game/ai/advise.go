package ai

import (
	"fmt"
	"sort"

	"github.com/calltoarms/ds9/game/rules"
)

// The win-probability advisor: the chance of each outcome of a battle from
// here, as one side sees it. It plays battles sampled from the side's view
// (rules.Sample: what it sees, and guesses drawn for what it does not) to
// their end with the normal commanders on both sides, and counts the
// outcomes. It never reads the battle itself, so it tells a side nothing its
// view does not.

// Chance is the share of one outcome in an advisor's battles.
type Chance struct {
	Outcome string  `json:"outcome"` // the outcome's id; "" for a battle left undecided
	P       float64 `json:"p"`
	Battles int     `json:"battles"`
}

// Chances are an advisor's answer: the chances of the outcomes, most likely
// first, over N battles; they sum to 1.
type Chances struct {
	N      int      `json:"n"`
	Chance []Chance `json:"chances"`
}

// Advise plays n battles sampled from v, seeds seed+1..seed+n, and returns
// the chances of their outcomes. A battle already decided has its outcome
// with certainty.
func Advise(su rules.Setup, v *rules.View, n int, seed uint64) (Chances, error) {
	if n < 1 {
		return Chances{}, fmt.Errorf("advise: %d battles, at least 1", n)
	}
	count := map[string]int{}
	for k := range n {
		outcome, err := PlayOut(su, v, seed+uint64(k)+1, nil)
		if err != nil {
			return Chances{}, err
		}
		count[outcome]++
	}
	return Tally(count), nil
}

// PlayOut plays one battle sampled from v (rules.Sample with seed) to its
// end with the normal commanders and returns its outcome. yield, when not
// nil, is called before every order: a front end thinking in the
// background lets its frames run there.
func PlayOut(su rules.Setup, v *rules.View, seed uint64, yield func()) (string, error) {
	return PlayOutAfter(su, v, nil, seed, yield)
}

// PlayOutAfter is PlayOut with first an order of the view's side given in
// the sampled battle (nil: none): what the battle would become if the side
// gave it now. An order the sampled battle refuses is an error.
func PlayOutAfter(su rules.Setup, v *rules.View, first *rules.Order, seed uint64, yield func()) (string, error) {
	if v.Phase == rules.Over {
		return v.Outcome, nil
	}
	old, _ := spareStates.Get().(*rules.State)
	st, err := rules.SampleOver(old, su, v, seed, nil)
	if err != nil {
		return "", err
	}
	defer spareStates.Put(st) // no one holds it once it is over
	if first != nil {
		if _, err := st.Apply(*first); err != nil {
			return "", err
		}
	}
	var apply Applier
	if yield != nil {
		apply = func(o rules.Order) ([]rules.Event, error) {
			yield()
			return nil, st.Do(o)
		}
	}
	cmd := [2]Commander{New(rules.SideA, Normal), New(rules.SideB, Normal)}
	defer release(cmd)
	if err := Play(st, cmd, apply); err != nil {
		return "", err
	}
	return st.Outcome, nil
}

// Tally turns the outcomes of battles (outcome id: battles) into chances.
func Tally(count map[string]int) Chances {
	var out Chances
	for _, c := range count {
		out.N += c
	}
	for id, c := range count {
		out.Chance = append(out.Chance, Chance{Outcome: id, Battles: c, P: float64(c) / float64(out.N)})
	}
	sort.Slice(out.Chance, func(i, j int) bool {
		a, b := out.Chance[i], out.Chance[j]
		if a.Battles != b.Battles {
			return a.Battles > b.Battles
		}
		return a.Outcome < b.Outcome
	})
	return out
}
