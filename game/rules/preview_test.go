package rules

import (
	"strings"
	"testing"

	"github.com/calltoarms/ds9/game/hex"
)

// killChance against hand-worked binomial tails.
func TestKillChance(t *testing.T) {
	tests := []struct {
		name                                 string
		shots, p, dmg, pierce, shields, hull int
		want                                 int
	}{
		{"one shot, enough", 1, 80, 10, 0, 0, 10, 80},
		{"one shot, not enough", 1, 80, 9, 0, 0, 10, 0},
		{"two hits needed of two", 2, 50, 5, 0, 0, 10, 25},
		{"one hit of two", 2, 50, 10, 0, 0, 10, 75},
		{"shields soak the first hit", 2, 50, 10, 0, 10, 10, 25},
		{"pierce gets through", 1, 60, 10, 100, 50, 10, 60},
		{"three of five at 50%", 5, 50, 4, 0, 0, 12, 50},
		{"never", 3, 95, 1, 0, 100, 100, 0},
	}
	for _, tc := range tests {
		if got := killChance(tc.shots, tc.p, tc.dmg, tc.pierce, tc.shields, tc.hull); got != tc.want && got != tc.want-1 {
			// Fixed-point rounding may take one percent off an exact tail.
			t.Errorf("%s: killChance = %d, want %d", tc.name, got, tc.want)
		}
	}
}

// The preview's hit chance and kill chance are what the dice do: over many
// seeds, the share of attacks that destroy the target is the kill chance, and
// the share of shots that hit is the hit chance.
func TestPreviewForetellsTheDice(t *testing.T) {
	const n = 3000
	kills, hits, shots := 0, 0, 0
	var p Preview
	for seed := uint64(1); seed <= n; seed++ {
		b := newBuilder(t)
		home := at(5, 5)
		def := b.ship(clsDefiant, SideA, home)
		jem := b.ship(clsJem, SideB, step(home, 0, 2))
		s := b.startSeed(seed)
		// A damaged target, so that the attack may or may not finish it.
		s.Ships[jem].Shields, s.Ships[jem].Hull = 2, 8
		var err error
		p, err = s.View(SideA).Preview(def, 0, jem, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range apply(t, s, atk(SideA, def, 0, jem, 0)) {
			switch e.Kind {
			case Hit:
				hits++
				shots++
			case Missed:
				shots++
			case ShipDestroyed:
				kills++
			}
		}
	}
	if p.TargetShields != 2 || p.TargetHull != 8 || p.Shots != 2 {
		t.Fatalf("preview %+v", p)
	}
	// Three standard deviations of a binomial share over n trials is under 3%.
	if got := kills * 100 / n; abs(got-p.KillChance) > 3 {
		t.Errorf("destroyed in %d%% of attacks, preview said %d%%", got, p.KillChance)
	}
	if got := hits * 100 / shots; abs(got-p.HitChance) > 3 {
		t.Errorf("%d%% of shots hit, preview said %d%%", got, p.HitChance)
	}
	t.Logf("kill chance %d%%, hit chance %d%%: %d of %d destroyed, %d of %d shots hit", p.KillChance, p.HitChance, kills, n, hits, shots)
}

func abs(x int) int { return max(x, -x) }

// A preview from another hex runs the engine's checks from there: out of
// range from where the ship stands, in range one step closer; never through
// the belt; a cloaked attacker may not fire from anywhere.
func TestPreviewFrom(t *testing.T) {
	b := newBuilder(t)
	home := at(5, 5)
	def := b.ship(clsDefiant, SideA, home)
	jem := b.ship(clsJem, SideB, step(home, 0, 4))
	b.terrain(Belt, step(step(home, 0, 4), 2, 1))
	s := b.start()
	v := s.View(SideA)
	if _, err := v.Preview(def, 0, jem, 0); err == nil || !strings.Contains(err.Error(), "range") {
		t.Fatalf("out of range: %v", err)
	}
	if _, err := v.PreviewFrom(def, step(step(home, 0, 4), 2, 2), 0, jem, 0); err == nil || !strings.Contains(err.Error(), "line of fire") {
		t.Fatalf("through the belt: %v", err)
	}
	p, err := v.PreviewFrom(def, step(home, 0, 3), 0, jem, 0)
	if err != nil || p.Range != 1 {
		t.Fatalf("from next to it: %+v, %v", p, err)
	}
	if sp, err := s.Preview(SideA, def, step(home, 0, 3), 0, jem, 0); err != nil || sp != p {
		t.Fatalf("State.Preview %+v, %v; the view's %+v", sp, err, p)
	}
	s.Ships[def].Cloaked = true
	s.cloaked[SideA]++
	if _, err := s.View(SideA).PreviewFrom(def, step(home, 0, 3), 0, jem, 0); err == nil || !strings.Contains(err.Error(), "cloaked") {
		t.Fatalf("cloaked attacker: %v", err)
	}
}

// A mine position held by a ship the layer's side cannot see is a legal order,
// and the attempt is foiled: no mine, the action spent, the ship found.
func TestMineFoiledByAHiddenShip(t *testing.T) {
	b := newBuilder(t)
	home := at(6, 6)
	pos := step(home, 0, 1)
	b.mines([]hex.Hex{pos, step(home, 3, 1)})
	def := b.ship(clsDefiant, SideA, home)
	hidden := b.cloaked(clsBoP, SideB, pos)
	b.Classes[clsDefiant].Detect = 0 // the layer cannot detect it
	s := b.start()
	if s.View(SideA).Ship(hidden) != nil {
		t.Fatal("the cloaked ship is seen")
	}
	o := Order{Kind: LayMine, Side: SideA, Ship: def, At: pos}
	if err := s.Check(o); err != nil {
		t.Fatalf("refused: %v", err)
	}
	ev := apply(t, s, o)
	f := mustFind(t, ev, MineFoiled)
	if f.Target != hidden || f.To != pos {
		t.Fatalf("foiled %+v", *f)
	}
	mustFind(t, ev, Detected)
	mustNotFind(t, ev, MineLaid)
	if s.Fields[0].LaidCount() != 0 || s.Ships[def].Actions != 0 {
		t.Fatalf("laid %d, actions %d", s.Fields[0].LaidCount(), s.Ships[def].Actions)
	}
	// Seen, the same position is refused, naming the ship.
	s2 := b.start()
	s2.Ships[hidden].Cloaked = false
	s2.cloaked[SideB]--
	if err := s2.Check(o); err == nil || !strings.Contains(err.Error(), s2.Ships[hidden].Name) {
		t.Fatalf("a seen ship on the position: %v", err)
	}
}
