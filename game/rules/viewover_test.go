package rules_test

import (
	"reflect"
	"testing"

	"github.com/calltoarms/ds9/game/ai"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/scenarios"
)

// TestViewOver: a view written over another, phase after phase of battles,
// is the view View gives, and answers alike.
func TestViewOver(t *testing.T) {
	for _, file := range []string{"second-battle-of-ds9.yaml", "way-of-the-warrior.yaml"} {
		sc, err := scenario.Load(scenarios.FS, file)
		if err != nil {
			t.Fatal(err)
		}
		st, err := sc.NewState(3)
		if err != nil {
			t.Fatal(err)
		}
		cmd := [2]ai.Commander{ai.New(rules.SideA, ai.Normal), ai.New(rules.SideB, ai.Normal)}
		var old [2]*rules.View
		for st.Phase != rules.Over {
			for _, side := range rules.Sides {
				want := st.View(side)
				got := st.ViewOver(old[side], side)
				sameView(t, want, got)
				old[side] = got
			}
			if _, err := ai.PlayPhase(st, cmd[st.Active], st.Apply); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// sameView compares two views' exported fields and their answers.
func sameView(t *testing.T, want, got *rules.View) {
	t.Helper()
	vw, vg := reflect.ValueOf(want).Elem(), reflect.ValueOf(got).Elem()
	for i := range vw.NumField() {
		if f := vw.Type().Field(i); f.IsExported() && !reflect.DeepEqual(vw.Field(i).Interface(), vg.Field(i).Interface()) {
			t.Fatalf("turn %d, %s's view: %s differs", want.Turn, want.Side, f.Name)
		}
	}
	for i := range want.Map.Terrain {
		h := want.Map.HexAt(i)
		if !reflect.DeepEqual(want.ShipAt(h), got.ShipAt(h)) {
			t.Fatalf("turn %d, %s's view: ShipAt(%v) differs", want.Turn, want.Side, h)
		}
	}
	for id := range len(want.Ships) + 5 {
		if !reflect.DeepEqual(want.Ship(rules.ShipID(id)), got.Ship(rules.ShipID(id))) {
			t.Fatalf("turn %d, %s's view: Ship(%d) differs", want.Turn, want.Side, id)
		}
	}
	for _, sh := range want.Ships {
		if sh.Side == want.Side && !reflect.DeepEqual(want.Options(sh.ID), got.Options(sh.ID)) {
			t.Fatalf("turn %d, %s's view: Options(%d) differs", want.Turn, want.Side, sh.ID)
		}
	}
}
