package play

import (
	"testing"

	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/ui/saves"
)

// A save is a replay file; loading it resumes the battle where it was.
func TestSaveLoadResumes(t *testing.T) {
	s, c := allianceTurn(t)
	c.NextShip(1)
	if _, err := c.Do(ActEndTurn); err != nil {
		t.Fatal(err)
	}
	st := s.Public()
	want := s.Summary().Checksum
	for _, dir := range []saves.Storage{saves.NewMemory()} {
		if err := saves.Write(dir, saves.AutosaveName, s.File()); err != nil {
			t.Fatal(err)
		}
		list, err := dir.List()
		if err != nil || len(list) != 1 || list[0].Name != saves.AutosaveName {
			t.Fatalf("List = %v, %v", list, err)
		}
		f, err := saves.Read(dir, saves.AutosaveName)
		if err != nil {
			t.Fatal(err)
		}
		r, err := ResumeSession(s.Scenario, f)
		if err != nil {
			t.Fatal(err)
		}
		got := r.Public()
		if sum := r.Summary(); sum.Checksum != want || got.Turn != st.Turn || got.Active != st.Active {
			t.Fatalf("resumed at turn %d %v checksum %s, want turn %d %v %s", got.Turn, got.Active, sum.Checksum, st.Turn, st.Active, want)
		}
		if !r.Humans[rules.SideA] || r.Humans[rules.SideB] || r.OrderCount() != s.OrderCount() {
			t.Fatalf("resumed players %v, orders %d of %d", r.Humans, r.OrderCount(), s.OrderCount())
		}
	}
}
