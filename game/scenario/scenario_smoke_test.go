package scenario_test

import (
	"testing"

	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/scenarios"
)

func TestFlagshipLoads(t *testing.T) {
	sc, err := scenario.Load(scenarios.FS, "second-battle-of-ds9.yaml")
	if err != nil {
		t.Fatal(err)
	}
	st, err := sc.NewState(1)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range st.Ships {
		if s.Side == 1 {
			n++
		}
	}
	t.Logf("ships %d dominion %d forces %v mines %d/%d", len(st.Ships), n, st.Forces, st.Mines.LaidCount(), len(st.Mines.Positions))
}
