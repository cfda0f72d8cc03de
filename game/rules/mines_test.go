package rules

import (
	"testing"

	"github.com/calltoarms/ds9/game/hex"
)

// mineRow is three minefield positions in a row from at(5,3).
func mineRow() []hex.Hex { return line(at(4, 3), 0, 3) }

func TestMineDetonation(t *testing.T) {
	pos := mineRow()
	tests := []struct {
		name       string
		laid       []hex.Hex
		path       func(start hex.Hex) []hex.Hex // from the ship's start, through pos[0]
		damage     int
		replicates bool // at the start of the owner's next phase
		destroyed  bool
	}{
		{
			name: "passes over a mine, another survives: replicates",
			laid: pos[:2], damage: 10, replicates: true,
			path: func(h hex.Hex) []hex.Hex { return []hex.Hex{pos[0], step(pos[0], 5, 1)} },
		},
		{
			name: "the only mine of an inactive field is lost: no replication",
			laid: pos[:1], damage: 10, replicates: false,
			path: func(h hex.Hex) []hex.Hex { return []hex.Hex{pos[0], step(pos[0], 5, 1)} },
		},
		{
			name: "enemy stays on the hex: no replication under it",
			laid: pos[:2], damage: 10, replicates: false,
			path: func(h hex.Hex) []hex.Hex { return []hex.Hex{pos[0]} },
		},
		{
			name: "mine destroys the ship and stops the move",
			laid: pos[:2], damage: 100, replicates: true, destroyed: true,
			path: func(h hex.Hex) []hex.Hex { return []hex.Hex{pos[0], step(pos[0], 5, 1)} },
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := newBuilder(t)
			b.mines(pos, tc.laid...)
			b.mineDamage = tc.damage
			start := step(pos[0], 3, 1)
			jem := b.ship(clsJem, SideB, start)
			b.ship(clsDefiant, SideA, at(15, 10))
			s := b.start()
			if n := len(s.View(SideB).Mines); n != len(tc.laid) {
				t.Fatalf("Dominion sees %d mines of an uncloaked field, want %d", n, len(tc.laid))
			}
			apply(t, s, endPhase(SideA))
			ev := apply(t, s, mv(SideB, jem, tc.path(start)...))
			d := mustFind(t, ev, MineDetonated)
			if d.Ship != jem || d.To != pos[0] || d.Damage != tc.damage || d.Side != SideA {
				t.Fatalf("detonation %+v", *d)
			}
			i := s.Fields[0].Index(pos[0])
			if s.Fields[0].Laid[i] || !s.Fields[0].Lost[i] {
				t.Fatalf("mine not lost: laid %v lost %v", s.Fields[0].Laid[i], s.Fields[0].Lost[i])
			}
			jm := &s.Ships[jem]
			if tc.destroyed {
				mustFind(t, ev, ShipDestroyed)
				if jm.Status != Destroyed || s.Losses[SideB] != 1 {
					t.Fatalf("status %s losses %v", jm.Status, s.Losses)
				}
				if count(ev, Moved) != 1 {
					t.Fatalf("destroyed ship moved on: %v", kinds(ev))
				}
			} else {
				// 10 damage, MinePierce (50%) of it through the shields: 5 absorbed, 5 to the hull.
				through := tc.damage * MinePierce / 100
				if jm.Shields != 8-(tc.damage-through) || jm.Hull != 12-through {
					t.Fatalf("after the mine: shields %d hull %d", jm.Shields, jm.Hull)
				}
				if d.ShieldDamage != tc.damage-through || d.HullDamage != through {
					t.Fatalf("event damage split %d/%d", d.ShieldDamage, d.HullDamage)
				}
				want := tc.path(start)
				if jm.Pos != want[len(want)-1] {
					t.Fatalf("the mine stopped the move at %v", jm.Pos)
				}
			}

			ev = apply(t, s, endPhase(SideB)) // turn 2: the Alliance phase begins
			if s.Turn != 2 || s.Active != SideA {
				t.Fatalf("turn %d active %s", s.Turn, s.Active)
			}
			if got := count(ev, MineReplicated) > 0; got != tc.replicates {
				t.Fatalf("replicated %v, want %v (%v)", got, tc.replicates, kinds(ev))
			}
			if s.Fields[0].Laid[i] != tc.replicates || s.Fields[0].Lost[i] == tc.replicates {
				t.Fatalf("after the owner's phase began: laid %v lost %v", s.Fields[0].Laid[i], s.Fields[0].Lost[i])
			}
			if tc.replicates {
				r := mustFind(t, ev, MineReplicated)
				if r.To != pos[0] || r.Value != len(tc.laid) || r.Count != len(pos) {
					t.Fatalf("replication %+v", *r)
				}
			}
		})
	}
}

func TestFriendlyShipsDoNotTriggerMines(t *testing.T) {
	pos := mineRow()
	b := newBuilder(t)
	b.mines(pos, pos...)
	def := b.ship(clsDefiant, SideA, step(pos[0], 3, 1))
	s := b.start()
	ev := apply(t, s, mv(SideA, def, pos...))
	mustNotFind(t, ev, MineDetonated)
	if s.Fields[0].LaidCount() != 3 {
		t.Fatal("a mine was lost")
	}
}

func TestMinefieldActivation(t *testing.T) {
	pos := mineRow()
	b := newBuilder(t)
	b.mines(pos, pos[0], pos[1])
	def := b.ship(clsDefiant, SideA, step(pos[2], 5, 1))
	b.ship(clsJem, SideB, at(15, 10))
	s := b.start()

	if s.Fields[0].Active || s.Fields[0].Cloaked {
		t.Fatal("field active before it is complete")
	}
	if v := s.View(SideB); len(v.Mines) != 2 || v.MinesLaid != 2 || v.MinefieldActive {
		t.Fatalf("Dominion view before activation: %d mines, %d laid, active %v", len(v.Mines), v.MinesLaid, v.MinefieldActive)
	}
	ev := apply(t, s, Order{Kind: LayMine, Side: SideA, Ship: def, At: pos[2]})
	l := mustFind(t, ev, MineLaid)
	if l.To != pos[2] || l.Value != 3 || l.Count != 3 {
		t.Fatalf("mine laid %+v", *l)
	}
	mustFind(t, ev, MinefieldActivated)
	mustFind(t, ev, MinefieldCloaked)
	if !s.Fields[0].Active || !s.Fields[0].Cloaked {
		t.Fatal("field not active and cloaked")
	}
	if s.Ships[def].Actions != 0 {
		t.Fatal("laying a mine did not take the action")
	}
	v := s.View(SideB)
	if len(v.Mines) != 0 {
		t.Fatalf("Dominion still sees %d mines of a cloaked field", len(v.Mines))
	}
	if !v.MinefieldActive || v.MinesTotal != 3 {
		t.Fatalf("Dominion view: active %v total %d", v.MinefieldActive, v.MinesTotal)
	}
	own := s.View(SideA)
	if len(own.Mines) != 3 || own.MinesLaid != 3 {
		t.Fatalf("Alliance view: %d mines, %d laid", len(own.Mines), own.MinesLaid)
	}
}

func TestMinefieldActiveAtStart(t *testing.T) {
	pos := mineRow()
	b := newBuilder(t)
	b.mines(pos, pos...)
	s := b.start()
	if !s.Fields[0].Active || !s.Fields[0].Cloaked {
		t.Fatal("a field fully laid at the start is not active and cloaked")
	}
}

func TestWormholeReinforcements(t *testing.T) {
	pos := mineRow()
	mouth := []hex.Hex{at(16, 6), at(16, 7), at(17, 7)}
	edge := []hex.Hex{at(19, 12), at(19, 13)}
	tests := []struct {
		name    string
		from    Arrival
		finish  bool // lay the last mine first
		arrives bool
	}{
		{"field inactive: the wave comes through", FromWormhole, false, true},
		{"field active: the wave is blocked", FromWormhole, true, false},
		{"field active: the entry edge is open", FromEntry, true, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := newBuilder(t)
			b.terrain(Wormhole, mouth...)
			b.terrain(Entry, edge...)
			b.mines(pos, pos[0], pos[1])
			def := b.ship(clsDefiant, SideA, step(pos[2], 5, 1))
			wi, ids := b.wing(SideB, clsJem, 2, 1, tc.from, at(10, 7))
			s := b.start()
			if tc.finish {
				apply(t, s, Order{Kind: LayMine, Side: SideA, Ship: def, At: pos[2]})
			}
			ev := apply(t, s, endPhase(SideA))
			if tc.arrives {
				a := mustFind(t, ev, ReinforcementsArrived)
				if a.Value != wi || a.Count != 2 || a.Side != SideB {
					t.Fatalf("arrival %+v", *a)
				}
				want := mouth
				if tc.from == FromEntry {
					want = edge
				}
				for _, id := range ids {
					sh := &s.Ships[id]
					if sh.Status != OnMap || s.Map.At(sh.Pos) != s.Map.At(want[0]) {
						t.Fatalf("%s: %s at %v (%s)", sh.Name, sh.Status, sh.Pos, s.Map.At(sh.Pos))
					}
				}
				if s.Forces[SideB] != 2 {
					t.Fatalf("forces %v", s.Forces)
				}
				return
			}
			bl := mustFind(t, ev, ReinforcementsBlocked)
			if bl.Value != wi || bl.Count != 2 {
				t.Fatalf("blocked %+v", *bl)
			}
			mustNotFind(t, ev, ReinforcementsArrived)
			for _, id := range ids {
				if s.Ships[id].Status != Blocked {
					t.Fatalf("ship %d is %s", id, s.Ships[id].Status)
				}
			}
			if s.Forces[SideB] != 0 {
				t.Fatalf("forces %v", s.Forces)
			}
		})
	}
}

// A wave due on turn 1 for the side that moves first arrives while New sets up
// the battle, before any event list exists.
func TestWaveArrivingOnTurnOneForFirstSide(t *testing.T) {
	b := newBuilder(t)
	b.terrain(Entry, at(19, 12), at(19, 13))
	b.First = SideB
	_, ids := b.wing(SideB, clsJem, 2, 1, FromEntry, at(10, 7))
	s := b.start()
	for _, id := range ids {
		if s.Ships[id].Status != OnMap {
			t.Fatalf("ship %d is %s", id, s.Ships[id].Status)
		}
	}
	if s.Forces[SideB] != 2 {
		t.Fatalf("forces %v", s.Forces)
	}
	checkInvariants(t, s)
}

// TestActiveFieldRebuilds: an active field replicates even its last lost mine.
func TestActiveFieldRebuilds(t *testing.T) {
	pos := mineRow()
	b := newBuilder(t)
	b.mines(pos, pos...)
	b.mineDamage = 5
	jem := b.ship(clsJem, SideB, step(pos[0], 3, 1))
	b.ship(clsDefiant, SideA, at(15, 10))
	s := b.start()
	if !s.Fields[0].Active {
		t.Fatal("a fully laid field starts active")
	}
	for i := range s.Fields[0].Laid {
		s.Fields[0].Laid[i], s.Fields[0].Lost[i] = false, true // every mine spent
	}
	s.Fields[0].Laid[0], s.Fields[0].Lost[0] = true, false
	apply(t, s, endPhase(SideA))
	ev := apply(t, s, mv(SideB, jem, pos[0], step(pos[0], 5, 1)))
	mustFind(t, ev, MineDetonated)
	if s.Fields[0].LaidCount() != 0 {
		t.Fatalf("%d mines left, want 0", s.Fields[0].LaidCount())
	}
	ev = apply(t, s, endPhase(SideB))
	if n := count(ev, MineReplicated); n != len(pos) || s.Fields[0].LaidCount() != len(pos) {
		t.Fatalf("%d replicated, %d laid; want all %d", n, s.Fields[0].LaidCount(), len(pos))
	}
}
