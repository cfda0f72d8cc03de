package play

import (
	"testing"

	"github.com/calltoarms/ds9/game/rules"
)

func TestStatusOfABattle(t *testing.T) {
	sc := loadFlagship(t)
	s, err := NewSession(sc, 1, PlayersFor(sc, "dominion", "easy"))
	if err != nil {
		t.Fatal(err)
	}
	var st Status
	FillStatus(&st, s)
	if st.Scenario != sc.ID || st.Turn < 1 || st.TurnLimit < st.Turn || st.Phase != "parley" || st.Outcome != "" {
		t.Errorf("status at the start: %+v", st)
	}
	// The Alliance (the computer) answers the terms; then the Dominion acts.
	if _, err := s.Apply(rules.Order{Kind: rules.AnswerTerms, Side: rules.SideA}, false); err != nil {
		t.Fatal(err)
	}
	FillStatus(&st, s)
	if st.Phase != "battle" || st.Active != "dominion" || !s.HumanTurn() {
		t.Errorf("status after the terms: %+v (human turn %v)", st, s.HumanTurn())
	}
}
