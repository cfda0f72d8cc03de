package rules

import (
	"errors"
	"testing"

	"github.com/calltoarms/ds9/game/hex"
)

// cast names the ships of illegalBase.
type cast struct {
	st, def, friend, bop       ShipID // Alliance: station, Defiant, an uncloaked friend next to it, a cloaked Bird-of-Prey
	jem1, jem2, hidden, belted ShipID // Dominion: near the Defiant, touching the station, cloaked and unseen, behind the belt
	cell                       ShipID // a Dominion team aboard the Alliance's station
	d, wall                    hex.Hex
	mines                      []hex.Hex
}

func illegalBase(t *testing.T) (*State, cast) {
	b := newBuilder(t)
	var c cast
	c.d = at(12, 4)
	c.wall = step(c.d, 5, 1)
	c.mines = mineRow()
	b.mines(c.mines, c.mines[0])
	b.terrain(StationHex, c.wall)
	b.terrain(Exit, at(19, 0))
	b.terrain(Belt, step(c.d, 3, 1))
	c.st = b.ship(clsStation, SideA, stationAt)
	c.def = b.ship(clsDefiant, SideA, c.d)
	c.friend = b.ship(clsBoP, SideA, step(c.d, 4, 1))
	c.bop = b.cloaked(clsBoP, SideA, at(12, 10))
	c.jem1 = b.ship(clsJem, SideB, step(c.d, 0, 2))
	c.jem2 = b.ship(clsJem, SideB, hex.Ring(stationAt, 2)[0])
	c.hidden = b.cloaked(clsBoP, SideB, step(c.d, 2, 3))
	c.belted = b.ship(clsJem, SideB, step(c.d, 3, 2))
	b.ship(clsJem, SideB, c.mines[1])
	c.cell = b.team(SideB, c.st)
	b.wing(SideB, clsJem, 2, 5, FromEntry, hex.Hex{})
	return b.start(), c
}

func TestIllegalOrders(t *testing.T) {
	dominionPhase := func(s *State, c cast) { apply(t, s, endPhase(SideA)) }
	noAction := func(id func(c cast) ShipID) func(*State, cast) {
		return func(s *State, c cast) { s.Ships[id(c)].Actions = 0 }
	}
	def := func(c cast) ShipID { return c.def }
	station := func(c cast) ShipID { return c.st }
	zigzag := func(from hex.Hex, n int) []hex.Hex {
		p := make([]hex.Hex, n)
		for i := range p {
			p[i] = step(from, 0, (i+1)%2)
		}
		return p
	}

	tests := []struct {
		name  string
		prep  func(*State, cast)
		order func(c cast) Order
		want  string
	}{
		// Any order.
		{"wrong side", nil, func(c cast) Order { return endPhase(SideB) }, "phase"},
		{"wrong side moving its own ship", nil, func(c cast) Order { return mv(SideB, c.jem1, step(c.d, 0, 1)) }, "phase"},
		{"unknown order kind", nil, func(c cast) Order { return Order{Kind: 200, Side: SideA} }, "unknown order kind"},
		{"invalid side", nil, func(c cast) Order { return Order{Kind: EndPhase, Side: 7} }, "invalid side"},
		{"ship id too large", nil, func(c cast) Order { return mv(SideA, 9999, step(c.d, 0, 1)) }, "not one of the alliance's"},
		{"ship id negative", nil, func(c cast) Order { return order(Cloak, SideA, -1) }, "not one of the alliance's"},
		{"ship id huge", nil, func(c cast) Order { return order(Withdraw, SideA, 1<<30) }, "not one of the alliance's"},
		{"enemy's ship", nil, func(c cast) Order { return mv(SideA, c.jem1, step(c.d, 0, 1)) }, "ship 4 is not one of the alliance's"},
		{"destroyed ship", func(s *State, c cast) { s.destroy(&s.Ships[c.friend], nil) },
			func(c cast) Order { return mv(SideA, c.friend, step(c.d, 3, 1)) }, "not in the battle"},
		{"escaped ship", func(s *State, c cast) { s.vacate(&s.Ships[c.friend]); s.Ships[c.friend].Status = Escaped },
			func(c cast) Order { return order(Cloak, SideA, c.friend) }, "not in the battle"},

		// AnswerTerms.
		{"answer terms in battle", nil, func(c cast) Order { return Order{Kind: AnswerTerms, Side: SideA, Accept: true} }, "no terms"},
		{"refuse terms in battle", nil, func(c cast) Order { return Order{Kind: AnswerTerms, Side: SideA} }, "no terms"},

		// Move.
		{"move: empty path", nil, func(c cast) Order { return mv(SideA, c.def) }, "empty path"},
		{"move: not adjacent", nil, func(c cast) Order { return mv(SideA, c.def, step(c.d, 0, 2)) }, "not next to"},
		{"move: off the map", nil, func(c cast) Order { return mv(SideA, c.def, line(c.d, 2, 5)...) }, "off the map"},
		{"move: station structure", nil, func(c cast) Order { return mv(SideA, c.def, c.wall) }, "cannot be entered"},
		{"move: ends on a friend", nil, func(c cast) Order { return mv(SideA, c.def, step(c.d, 4, 1)) }, "taken by"},
		{"move: into a seen enemy", nil, func(c cast) Order { return mv(SideA, c.def, line(c.d, 0, 2)...) }, "enemy"},
		{"move: too costly", nil, func(c cast) Order {
			return mv(SideA, c.def, line(c.d, 0, 1)[0], step(c.d, 1, 1), step(step(c.d, 1, 1), 0, 1), step(step(c.d, 1, 1), 0, 2), step(step(c.d, 1, 1), 0, 3), step(step(c.d, 1, 1), 0, 4), step(step(c.d, 1, 1), 0, 5))
		}, "movement points"},
		{"move: one step over MaxPath", nil, func(c cast) Order { return mv(SideA, c.def, zigzag(c.d, MaxPath+1)...) }, "at most"},
		{"move: huge path", nil, func(c cast) Order { return mv(SideA, c.def, zigzag(c.d, 1_000_000)...) }, "at most"},
		{"move: a station", nil, func(c cast) Order { return mv(SideA, c.st, step(stationAt, 0, 2)) }, "cannot move"},
		{"move: no MP left", func(s *State, c cast) { s.Ships[c.def].MP = 0 }, func(c cast) Order { return mv(SideA, c.def, step(c.d, 1, 1)) }, "movement points"},

		// Attack.
		{"attack: cloaked attacker", nil, func(c cast) Order { return atk(SideA, c.bop, 0, c.jem1, 0) }, "cloaked"},
		{"attack: negative weapon", nil, func(c cast) Order { return atk(SideA, c.def, -1, c.jem1, 0) }, "no weapon"},
		{"attack: weapon index too large", nil, func(c cast) Order { return atk(SideA, c.def, 5, c.jem1, 0) }, "no weapon"},
		{"attack: own side", nil, func(c cast) Order { return atk(SideA, c.def, 0, c.friend, 0) }, "same side"},
		{"attack: target id too large", nil, func(c cast) Order { return atk(SideA, c.def, 0, 9999, 0) }, "no contact"},
		{"attack: target id negative", nil, func(c cast) Order { return atk(SideA, c.def, 0, -3, 0) }, "no contact"},
		{"attack: out of range", nil, func(c cast) Order { return atk(SideA, c.def, 0, c.jem2, 0) }, "range"},
		{"attack: hidden target", nil, func(c cast) Order { return atk(SideA, c.def, 0, c.hidden, 0) }, "no contact"},
		{"attack: section of a ship", nil, func(c cast) Order { return atk(SideA, c.def, 0, c.jem1, 3) }, "no sections"},
		{"attack: no action left", noAction(def), func(c cast) Order { return atk(SideA, c.def, 0, c.jem1, 0) }, "no action"},
		{"attack: behind the belt", nil, func(c cast) Order { return atk(SideA, c.def, 0, c.belted, 0) }, ""},
		{"attack: station without main power", func(s *State, c cast) { s.powerLoss(&s.Ships[c.st], nil) },
			func(c cast) Order { return atk(SideA, c.st, 0, c.jem2, 0) }, "main power"},
		{"attack: weapon on a disabled section", func(s *State, c cast) { s.Ships[c.st].Section[0] = 0 },
			func(c cast) Order { return atk(SideA, c.st, 0, c.jem2, 0) }, "silent"},
		{"attack: station section 0", dominionPhase, func(c cast) Order { return atk(SideB, c.jem2, 1, c.st, 0) }, "no section 0"},
		{"attack: station section 99", dominionPhase, func(c cast) Order { return atk(SideB, c.jem2, 1, c.st, 99) }, "no section 99"},
		{"attack: destroyed target", func(s *State, c cast) { s.destroy(&s.Ships[c.jem1], nil) },
			func(c cast) Order { return atk(SideA, c.def, 0, c.jem1, 0) }, "no contact"},

		// LayMine.
		{"lay mine: not a minelayer", nil, func(c cast) Order { return Order{Kind: LayMine, Side: SideA, Ship: c.friend, At: c.mines[2]} }, "cannot lay"},
		{"lay mine: not a position", nil, func(c cast) Order { return Order{Kind: LayMine, Side: SideA, Ship: c.def, At: step(c.d, 0, 1)} }, "not a minefield position"},
		{"lay mine: already laid", nil, func(c cast) Order { return Order{Kind: LayMine, Side: SideA, Ship: c.def, At: c.mines[0]} }, "already laid"},
		{"lay mine: too far", nil, func(c cast) Order { return Order{Kind: LayMine, Side: SideA, Ship: c.def, At: c.mines[2]} }, "hexes from"},
		{"lay mine: cloaked", func(s *State, c cast) { s.setCloak(&s.Ships[c.def], true) },
			func(c cast) Order { return Order{Kind: LayMine, Side: SideA, Ship: c.def, At: c.mines[2]} }, "decloak"},
		{"lay mine: under an enemy", func(s *State, c cast) {
			sh := &s.Ships[c.def]
			s.vacate(sh)
			sh.Pos = step(c.mines[1], 5, 1)
			if err := s.occupy(sh); err != nil {
				t.Fatal(err)
			}
		}, func(c cast) Order { return Order{Kind: LayMine, Side: SideA, Ship: c.def, At: c.mines[1]} }, "held by"},
		{"lay mine: no action left", noAction(def), func(c cast) Order { return Order{Kind: LayMine, Side: SideA, Ship: c.def, At: c.mines[2]} }, "no action"},

		// Cloak and Decloak.
		{"cloak: no device", nil, func(c cast) Order { return order(Cloak, SideA, c.st) }, "no cloaking device"},
		{"cloak: already cloaked", nil, func(c cast) Order { return order(Cloak, SideA, c.bop) }, "already cloaked"},
		{"cloak: no action left", noAction(def), func(c cast) Order { return order(Cloak, SideA, c.def) }, "no action"},
		{"decloak: not cloaked", nil, func(c cast) Order { return order(Decloak, SideA, c.def) }, "not cloaked"},
		{"decloak: no device", nil, func(c cast) Order { return order(Decloak, SideA, c.st) }, "no cloaking device"},

		// Cover.
		{"cover: by a station", nil, func(c cast) Order { return targeted(Cover, SideA, c.st, c.def) }, "cannot cover"},
		{"cover: itself", nil, func(c cast) Order { return targeted(Cover, SideA, c.def, c.def) }, "not a friendly"},
		{"cover: an enemy", nil, func(c cast) Order { return targeted(Cover, SideA, c.def, c.jem1) }, "not a friendly"},
		{"cover: target id too large", nil, func(c cast) Order { return targeted(Cover, SideA, c.def, 4242) }, "not a friendly"},
		{"cover: too far", nil, func(c cast) Order { return targeted(Cover, SideA, c.def, c.st) }, "cover reaches"},
		{"cover: cloaked", nil, func(c cast) Order { return targeted(Cover, SideA, c.bop, c.def) }, "cloaked"},
		{"cover: no action left", noAction(def), func(c cast) Order { return targeted(Cover, SideA, c.def, c.friend) }, "no action"},

		// Evacuate.
		{"evacuate: a ship", nil, func(c cast) Order { return order(Evacuate, SideA, c.def) }, "only a station"},
		{"evacuate: already ordered", func(s *State, c cast) { s.Ships[c.st].EvacuateAt = 3 },
			func(c cast) Order { return order(Evacuate, SideA, c.st) }, "already ordered"},
		{"evacuate: no action left", noAction(station), func(c cast) Order { return order(Evacuate, SideA, c.st) }, "no action"},
		{"evacuate: the enemy's station", dominionPhase, func(c cast) Order { return order(Evacuate, SideB, c.st) }, "not one of the dominion's"},

		// Sabotage.
		{"sabotage: a ship", nil, func(c cast) Order { return order(Sabotage, SideA, c.def) }, "only a station"},
		{"sabotage: not evacuated", nil, func(c cast) Order { return order(Sabotage, SideA, c.st) }, "evacuated first"},
		{"sabotage: ships still here", func(s *State, c cast) { s.Ships[c.st].Evacuated = true },
			func(c cast) Order { return order(Sabotage, SideA, c.st) }, "has not left"},

		// Board.
		{"board: shields up", dominionPhase, func(c cast) Order { return targeted(Board, SideB, c.jem2, c.st) }, "shields"},
		{"board: too far", dominionPhase, func(c cast) Order { return targeted(Board, SideB, c.jem1, c.st) }, "contact"},
		{"board: not a station", dominionPhase, func(c cast) Order { return targeted(Board, SideB, c.jem1, c.def) }, "not an enemy station"},
		{"board: target id negative", dominionPhase, func(c cast) Order { return targeted(Board, SideB, c.jem1, -1) }, "not an enemy station"},
		{"board: no troops", nil, func(c cast) Order { return targeted(Board, SideA, c.def, c.st) }, "no troops"},
		{"board: no action left", func(s *State, c cast) { dominionPhase(s, c); s.Ships[c.jem2].Actions = 0; s.Ships[c.st].Shields = 0 },
			func(c cast) Order { return targeted(Board, SideB, c.jem2, c.st) }, "no action"},

		// Withdraw.
		{"withdraw: not on an exit", nil, func(c cast) Order { return order(Withdraw, SideA, c.def) }, "exit"},
		{"withdraw: a station", nil, func(c cast) Order { return order(Withdraw, SideA, c.st) }, "cannot withdraw"},

		// Sweep.
		{"sweep: not a sweeper", nil, func(c cast) Order { return Order{Kind: Sweep, Side: SideA, Ship: c.st, Weapon: 0, At: c.mines[0]} }, "cannot sweep"},
		{"sweep: a ship's", nil, func(c cast) Order { return Order{Kind: Sweep, Side: SideA, Ship: c.def, Weapon: 0, At: c.mines[0]} }, "cannot sweep"},
		{"sweep: out of range", nil, func(c cast) Order { return Order{Kind: Sweep, Side: SideA, Ship: c.st, Weapon: 2, At: at(19, 13)} }, "range"},
		{"sweep: off the map", nil, func(c cast) Order { return Order{Kind: Sweep, Side: SideA, Ship: c.st, Weapon: 2, At: at(-3, 4)} }, "off the map"},
		{"sweep: no action", noAction(station), func(c cast) Order { return Order{Kind: Sweep, Side: SideA, Ship: c.st, Weapon: 2, At: stationAt} }, "no action"},
		{"attack: with a sweeper", nil, func(c cast) Order { return atk(SideA, c.st, 2, c.jem2, 0) }, "sweeps mines"},

		// Disable.
		{"disable: not a team", nil, func(c cast) Order {
			return Order{Kind: Disable, Side: SideA, Ship: c.def, Target: c.st, Section: secOps}
		}, "not a team"},
		{"disable: not its station", dominionPhase, func(c cast) Order {
			return Order{Kind: Disable, Side: SideB, Ship: c.cell, Target: c.def, Section: secOps}
		}, "not aboard"},
		{"disable: no such section", dominionPhase, func(c cast) Order {
			return Order{Kind: Disable, Side: SideB, Ship: c.cell, Target: c.st, Section: 99}
		}, "no section 99"},
		{"disable: already disabled", func(s *State, c cast) { dominionPhase(s, c); s.Ships[c.st].Section[1] = 0; s.Ships[c.st].Hull -= 40 },
			func(c cast) Order {
				return Order{Kind: Disable, Side: SideB, Ship: c.cell, Target: c.st, Section: secOps}
			}, "already disabled"},
		{"disable: no action", func(s *State, c cast) { dominionPhase(s, c); s.Ships[c.cell].Actions = 0 },
			func(c cast) Order {
				return Order{Kind: Disable, Side: SideB, Ship: c.cell, Target: c.st, Section: secOps}
			}, "no action"},

		// Command.
		{"command: no such wing", nil, func(c cast) Order { return Order{Kind: Command, Side: SideA, Wing: 7, Directive: Advance, At: c.d} }, "wing 7 is not one of"},
		{"command: the other side's wing", nil, func(c cast) Order { return Order{Kind: Command, Side: SideA, Wing: 0, Directive: Advance, At: c.d} }, "wing 0 is not one of"},
		{"command: off the map", dominionPhase, func(c cast) Order {
			return Order{Kind: Command, Side: SideB, Wing: 0, Directive: Screen, At: at(-3, 4)}
		}, "off the map"},
		{"command: unknown directive", dominionPhase, func(c cast) Order { return Order{Kind: Command, Side: SideB, Wing: 0, Directive: 9, At: c.d} }, "unknown directive"},
		{"command: an unseen target", dominionPhase, func(c cast) Order {
			return Order{Kind: Command, Side: SideB, Wing: 0, Directive: Intercept, Target: c.bop}
		}, "not an enemy the dominion sees"},
		{"command: an own target", dominionPhase, func(c cast) Order {
			return Order{Kind: Command, Side: SideB, Wing: 0, Directive: Assault, Target: c.jem1}
		}, "not an enemy"},
		{"command: intercept a station", dominionPhase, func(c cast) Order {
			return Order{Kind: Command, Side: SideB, Wing: 0, Directive: Intercept, Target: c.st}
		}, "is a station"},
		{"command: focus on no section", dominionPhase, func(c cast) Order {
			return Order{Kind: Command, Side: SideB, Wing: 0, Directive: Focus, Target: c.st, Section: 99}
		}, "no section 99"},
		{"command: focus on a ship", dominionPhase, func(c cast) Order {
			return Order{Kind: Command, Side: SideB, Wing: 0, Directive: Focus, Target: c.def, Section: secOps}
		}, "no section"},
		{"command: a wing with no ship left", func(s *State, c cast) {
			dominionPhase(s, c)
			for _, id := range s.Wings[0].Ships {
				s.Ships[id].Status = Destroyed
			}
		}, func(c cast) Order { return Order{Kind: Command, Side: SideB, Wing: 0, Directive: Advance, At: c.d} }, "no ship left"},

		// Repair and Reroute.
		{"repair: not a station", nil, func(c cast) Order { return Order{Kind: Repair, Side: SideA, Ship: c.def, Section: secOps} }, "no damage control"},
		{"repair: no such section", func(s *State, c cast) { s.Ships[c.st].Section[1] -= 10 }, func(c cast) Order { return Order{Kind: Repair, Side: SideA, Ship: c.st, Section: 99} }, "no section 99"},
		{"repair: not damaged", nil, func(c cast) Order { return Order{Kind: Repair, Side: SideA, Ship: c.st, Section: secOps} }, "not damaged"},
		{"repair: gone", func(s *State, c cast) { s.Ships[c.st].Section[1] = 0; s.Ships[c.st].Hull -= 40 }, func(c cast) Order { return Order{Kind: Repair, Side: SideA, Ship: c.st, Section: secOps} }, "cannot bring it back"},
		{"repair: no action", func(s *State, c cast) {
			s.Ships[c.st].Section[1] -= 10
			s.Ships[c.st].Hull -= 10
			s.Ships[c.st].Actions = 0
		},
			func(c cast) Order { return Order{Kind: Repair, Side: SideA, Ship: c.st, Section: secOps} }, "no action"},
		{"repair: evacuated", func(s *State, c cast) {
			s.Ships[c.st].Section[1] -= 10
			s.Ships[c.st].Hull -= 10
			s.Ships[c.st].Evacuated = true
		},
			func(c cast) Order { return Order{Kind: Repair, Side: SideA, Ship: c.st, Section: secOps} }, "evacuated"},
		{"reroute: with main power", nil, func(c cast) Order { return Order{Kind: Reroute, Side: SideA, Ship: c.st, Section: secOps} }, "has main power"},
		{"reroute: not a station", nil, func(c cast) Order { return Order{Kind: Reroute, Side: SideA, Ship: c.def, Section: secOps} }, "cannot re-route"},
		{"reroute: twice", func(s *State, c cast) {
			s.Ships[c.st].MainPower, s.Ships[c.st].Shields, s.Ships[c.st].Rerouted = false, 0, true
		},
			func(c cast) Order { return Order{Kind: Reroute, Side: SideA, Ship: c.st, Section: secOps} }, "once already"},
		{"reroute: through a section gone", func(s *State, c cast) {
			s.Ships[c.st].MainPower, s.Ships[c.st].Shields = false, 0
			s.Ships[c.st].Section[1] = 0
			s.Ships[c.st].Hull -= 40
		}, func(c cast) Order { return Order{Kind: Reroute, Side: SideA, Ship: c.st, Section: secOps} }, "is gone"},

		// EndPhase.
		{"end phase: the other side's", nil, func(c cast) Order { return endPhase(SideB) }, "alliance's phase"},
		{"end phase: during the parley", func(s *State, c cast) { s.Phase, s.Terms = Parley, TermsPending },
			func(c cast) Order { return endPhase(SideA) }, "terms"},
	}

	covered := map[OrderKind]bool{}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, c := illegalBase(t)
			if tc.prep != nil {
				tc.prep(s, c)
			}
			o := tc.order(c)
			covered[o.Kind] = true
			applyErr(t, s, o, tc.want)
		})
	}
	for k := range orderKindCount {
		if !covered[k] {
			t.Errorf("no illegal case for %s", k)
		}
	}
}

// Once the battle is decided every order, of every kind and side, is refused
// with ErrOver.
func TestOrdersAfterTheEnd(t *testing.T) {
	s, c := illegalBase(t)
	s.TurnLimit = 1
	apply(t, s, endPhase(SideA))
	apply(t, s, endPhase(SideB))
	if s.Phase != Over {
		t.Fatal("not over")
	}
	for _, side := range Sides {
		for k := range orderKindCount {
			o := Order{Kind: k, Side: side, Ship: c.def, Target: c.jem1, Path: []hex.Hex{step(c.d, 1, 1)}}
			err := applyErr(t, s, o, "")
			if !errors.Is(err, ErrOver) {
				t.Errorf("%s: %v is not ErrOver", o, err)
			}
		}
	}
}

// A legal order leaves Check's verdict and Apply's in agreement on a copy.
func TestCheckAgreesWithApply(t *testing.T) {
	s, c := illegalBase(t)
	orders := []Order{
		atk(SideA, c.def, 0, c.jem1, 0),
		mv(SideA, c.friend, step(c.d, 3, 1)),
		targeted(Cover, SideA, c.friend, c.def),
		order(Decloak, SideA, c.bop),
		order(Evacuate, SideA, c.st),
		endPhase(SideA),
	}
	for _, o := range orders {
		if err := s.Check(o); err != nil {
			t.Fatalf("Check(%s): %v", o, err)
		}
		apply(t, s, o)
	}
}
