package rules

import (
	"testing"

	"github.com/calltoarms/ds9/game/hex"
)

func TestTerrainNumbers(t *testing.T) {
	tests := []struct {
		t       Terrain
		cost    int
		shelter int
		blocks  bool
	}{
		{Open, 1, 0, false},
		{Belt, 2, 15, true},
		{Debris, 2, 10, false},
		{Wormhole, 1, 0, false},
		{StationHex, -1, 0, false},
		{Entry, 1, 0, false},
		{Exit, 1, 0, false},
	}
	for _, tc := range tests {
		if tc.t.MoveCost() != tc.cost || tc.t.Shelter() != tc.shelter || tc.t.BlocksSight() != tc.blocks {
			t.Errorf("%s: cost %d shelter %d blocks %v", tc.t, tc.t.MoveCost(), tc.t.Shelter(), tc.t.BlocksSight())
		}
	}
}

func TestMoveCosts(t *testing.T) {
	home := at(4, 4)
	tests := []struct {
		name    string
		belt    []int // steps along direction 0 that are belt
		debris  []int
		steps   int
		mpLeft  int
		illegal string
	}{
		{"open: 1 per hex", nil, nil, 4, 2, ""},
		{"belt costs 2", []int{1}, nil, 3, 2, ""},
		{"debris costs 2", nil, []int{2}, 3, 2, ""},
		{"all six MP", []int{1}, nil, 5, 0, ""},
		{"over budget", []int{1, 2}, nil, 5, 0, "movement points"},
		{"open over budget", nil, nil, 7, 0, "movement points"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := newBuilder(t)
			def := b.ship(clsDefiant, SideA, home)
			for _, k := range tc.belt {
				b.terrain(Belt, step(home, 0, k))
			}
			for _, k := range tc.debris {
				b.terrain(Debris, step(home, 0, k))
			}
			s := b.start()
			path := line(home, 0, tc.steps)
			if tc.illegal != "" {
				applyErr(t, s, mv(SideA, def, path...), tc.illegal)
				return
			}
			ev := apply(t, s, mv(SideA, def, path...))
			if count(ev, Moved) != tc.steps {
				t.Fatalf("%d moved events", count(ev, Moved))
			}
			m := ev[len(ev)-1]
			if m.Kind != Moved || m.To != path[len(path)-1] {
				t.Fatalf("last event %+v", m)
			}
			sh := &s.Ships[def]
			if sh.Pos != path[len(path)-1] || sh.MP != tc.mpLeft {
				t.Fatalf("at %v with %d MP, want %v with %d", sh.Pos, sh.MP, path[len(path)-1], tc.mpLeft)
			}
			if got := s.Map.PathCost(path); got != 6-tc.mpLeft {
				t.Fatalf("PathCost %d", got)
			}
			if s.Ships[def].Actions != 1 {
				t.Fatal("moving took the action")
			}
		})
	}
}

func TestMovePaths(t *testing.T) {
	home := at(4, 4)
	friendAt := step(home, 0, 1)
	enemyAt := step(home, 1, 2)
	wall := step(home, 5, 1)
	tests := []struct {
		name    string
		path    []hex.Hex
		illegal string
		end     hex.Hex
	}{
		{"not adjacent", []hex.Hex{step(home, 0, 2)}, "not next to", hex.Hex{}},
		{"gap in the middle", []hex.Hex{step(home, 2, 1), step(home, 2, 3)}, "not next to", hex.Hex{}},
		{"standing still", []hex.Hex{home}, "not next to", hex.Hex{}},
		{"empty", nil, "empty path", hex.Hex{}},
		{"ends on a friend", []hex.Hex{friendAt}, "taken by", hex.Hex{}},
		{"passes a friend", []hex.Hex{friendAt, step(home, 0, 2)}, "", step(home, 0, 2)},
		{"into a seen enemy", []hex.Hex{step(home, 1, 1), enemyAt}, "enemy", hex.Hex{}},
		{"into station structure", []hex.Hex{wall}, "cannot be entered", hex.Hex{}},
		{"off the map", []hex.Hex{at(4, 4).Add(hex.Hex{Q: 0, R: -1}), at(4, 2), at(4, 1), at(4, 0), at(4, -1)}, "off the map", hex.Hex{}},
		{"doubling back", []hex.Hex{step(home, 2, 1), home, step(home, 3, 1)}, "", step(home, 3, 1)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := newBuilder(t)
			b.terrain(StationHex, wall)
			def := b.ship(clsDefiant, SideA, home)
			b.ship(clsBoP, SideA, friendAt)
			b.ship(clsJem, SideB, enemyAt)
			s := b.start()
			if tc.illegal != "" {
				applyErr(t, s, mv(SideA, def, tc.path...), tc.illegal)
				return
			}
			apply(t, s, mv(SideA, def, tc.path...))
			if s.Ships[def].Pos != tc.end {
				t.Fatalf("ended at %v, want %v", s.Ships[def].Pos, tc.end)
			}
		})
	}
}

func TestHiddenEnemyInterruptsMove(t *testing.T) {
	tests := []struct {
		name      string
		friend    bool // a friend stands on the hex before the hidden ship
		wantStart bool // then the mover falls back to its start
	}{
		{"stops before the hidden ship", false, false},
		{"falls back off a friend's hex", true, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := newBuilder(t)
			home := at(4, 4)
			hidden := step(home, 0, 2)
			jem := b.ship(clsJem, SideB, home)
			// A cloaked ship with detection range 0 on the other side cannot be
			// seen even next to it: make the mover blind to cloaks.
			b.Classes[clsJem].Detect = 0
			bop := b.cloaked(clsBoP, SideA, hidden)
			if tc.friend {
				b.ship(clsJem, SideB, step(home, 0, 1))
			}
			s := b.start()
			apply(t, s, endPhase(SideA))
			path := line(home, 0, 4)
			ev := apply(t, s, mv(SideB, jem, path...))
			mi := mustFind(t, ev, MoveInterrupted)
			if mi.Ship != jem || mi.Target != bop || mi.To != hidden || mi.From != path[0] {
				t.Fatalf("interrupted %+v", *mi)
			}
			d := mustFind(t, ev, Detected)
			if d.Ship != bop {
				t.Fatalf("detected %+v", *d)
			}
			want := path[0]
			if tc.wantStart {
				want = home
			}
			if s.Ships[jem].Pos != want || s.Ships[jem].MP != 0 {
				t.Fatalf("mover at %v with %d MP, want %v with 0", s.Ships[jem].Pos, s.Ships[jem].MP, want)
			}
			if s.Ships[bop].Pos != hidden || !s.Ships[bop].Cloaked {
				t.Fatal("the hidden ship was disturbed")
			}
		})
	}
}

func TestViewReachable(t *testing.T) {
	b := newBuilder(t)
	home := at(4, 4)
	def := b.ship(clsDefiant, SideA, home)
	friend := step(home, 0, 1)
	b.ship(clsBoP, SideA, friend)
	b.terrain(Belt, step(home, 2, 1))
	s := b.start()
	ends, all := s.View(SideA).Reachable(def)
	for _, r := range ends {
		if r.Hex == friend {
			t.Fatal("a friend's hex listed as a move end")
		}
		path, ok := hex.PathTo(all, home, r.Hex)
		if !ok || s.Map.PathCost(path) != r.Cost || r.Cost > 6 {
			t.Fatalf("path to %v: ok %v cost %d/%d", r.Hex, ok, s.Map.PathCost(path), r.Cost)
		}
		if r.Hex != home {
			c := s.Clone()
			if _, err := c.Apply(mv(SideA, def, path...)); err != nil {
				t.Fatalf("reachable %v refused: %v", r.Hex, err)
			}
		}
	}
	if len(ends) < 50 {
		t.Fatalf("only %d ends", len(ends))
	}
}
