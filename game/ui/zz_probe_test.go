package ui

import "testing"

func TestZZProbe(t *testing.T) {
	g, err := NewGame(Options{Scenario: "second-battle-of-ds9", Seed: 5, Mute: true, Storage: newMemStorage()})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 100; i++ {
		if err := g.Update(); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%+v", g.Status())
}
