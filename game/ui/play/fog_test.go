package play

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/replay"
	"github.com/calltoarms/ds9/game/rules"
)

// The fog of war in the play model: what the front end writes in a side's
// log and where it may draw come only from what the engine told that side.
// These tests read the battle itself (the Session's state, a replay's
// states) to know what the side must not learn.

func historical(t *testing.T) *replay.File {
	t.Helper()
	data, err := os.ReadFile("../../../scenarios/replays/second-battle-of-ds9-historical.json")
	if err != nil {
		t.Fatal(err)
	}
	f, err := replay.Load("second-battle-of-ds9-historical.json", data)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// truncated is a save of a replay's first n orders, for other players.
func truncated(f *replay.File, n int, players replay.Players) *replay.File {
	out := &replay.File{Version: f.Version, Scenario: f.Scenario, ScenarioHash: f.ScenarioHash, Seed: f.Seed, Sides: f.Sides, Players: players}
	for _, tu := range f.Turns {
		if n <= 0 {
			break
		}
		if len(tu.Orders) <= n {
			out.Turns = append(out.Turns, replay.Turn{Turn: tu.Turn, Orders: tu.Orders, Checksum: tu.Checksum})
			n -= len(tu.Orders)
			continue
		}
		out.Turns = append(out.Turns, replay.Turn{Turn: tu.Turn, Orders: tu.Orders[:n]})
		n = 0
	}
	return out
}

// inSight reports whether a side's sight of an order holds a ship.
func inSight(k Sight, id rules.ShipID) bool { return k.Ship(id) != nil }

// hidden lists the hexes of the ships on the map that side's sight of an
// order holds neither before nor after it, where they stood before (was) and
// stand now (st).
func hidden(k Sight, was map[rules.ShipID]hex.Hex, st *rules.State) map[hex.Hex]string {
	out := map[hex.Hex]string{}
	for i := range st.Ships {
		sh := &st.Ships[i]
		if sh.Side == k.Side() || inSight(k, sh.ID) {
			continue
		}
		if sh.Alive() {
			out[sh.Pos] = sh.Name
		}
		if h, ok := was[sh.ID]; ok {
			out[h] = sh.Name
		}
	}
	return out
}

// positions are where the ships on the map stand now.
func positions(st *rules.State) map[rules.ShipID]hex.Hex {
	out := map[rules.ShipID]hex.Hex{}
	for i := range st.Ships {
		if sh := &st.Ships[i]; sh.Alive() {
			out[sh.ID] = sh.Pos
		}
	}
	return out
}

// namesOnlySeen checks a side's new log lines of an order: every ship of
// the battle a line names is in the side's sight of the order.
func namesOnlySeen(t *testing.T, where string, lines []string, k Sight, st *rules.State) {
	t.Helper()
	for _, l := range lines {
		for i := range st.Ships {
			sh := &st.Ships[i]
			if sh.Name == "" || !strings.Contains(l, sh.Name) || inSight(k, sh.ID) {
				continue
			}
			// A name within a longer one the side sees ("ship 1" in
			// "ship 12") is that one.
			longer := false
			for j := range st.Ships {
				o := &st.Ships[j]
				if j != i && len(o.Name) > len(sh.Name) && strings.Contains(o.Name, sh.Name) && strings.Contains(l, o.Name) && inSight(k, o.ID) {
					longer = true
				}
			}
			if !longer {
				t.Errorf("%s: the %v's log says %q, naming %s, which is in neither its view before nor after the order", where, k.Side(), l, sh.Name)
			}
		}
	}
}

// placesOnlySeen checks where an order's events told to a side may be drawn
// (PlaceOf): each place is the hex of a ship the side sees, the acting
// ship's (From) or its target's (To; of an event of one ship, that ship's),
// but where the engine tells the place itself (a contact in the way, a
// foiled mine, a detection, a mine). hide holds the hexes of the ships the
// side does not see, to name them.
func placesOnlySeen(t *testing.T, where string, told []rules.Event, k Sight, hide map[hex.Hex]string) {
	t.Helper()
	for _, e := range told {
		p := PlaceOf(e)
		ship, target := e.Named()
		// Whose hex an event's To is: a place the side is told as such
		// (place), its target's, its ship's, or none.
		const place, none = rules.ShipID(-2), rules.ShipID(-3)
		to := none
		switch e.Kind {
		case rules.MoveInterrupted, rules.MineFoiled, rules.Detected, rules.MineDetonated, rules.MineLaid, rules.MineReplicated:
			to = place
		case rules.Fired, rules.Hit, rules.Missed, rules.CoverBegan, rules.CoveringFire, rules.PerimeterFire, rules.Boarded:
			to = target
		case rules.Moved, rules.ShieldsDown, rules.SectionDisabled, rules.ShipDestroyed, rules.CloakEngaged, rules.CloakDropped,
			rules.MainPowerLost, rules.EvacuationOrdered, rules.Sabotaged, rules.Withdrew, rules.StationCaptured:
			to = ship
		}
		if p.HasTo && to != place && (to == none || !inSight(k, to)) {
			t.Errorf("%s: %v told to the %v may be drawn at %v (hidden: %q), though it is no hex of a ship the side sees (%d)", where, e.Kind, k.Side(), p.To, hide[p.To], to)
		}
		if p.HasFrom && !inSight(k, ship) {
			t.Errorf("%s: %v told to the %v may be drawn from %v (hidden: %q), though it is no hex of a ship the side sees (%d)", where, e.Kind, k.Side(), p.From, hide[p.From], ship)
		}
		if !p.HasFrom && e.From != (hex.Hex{}) {
			if name, ok := hide[e.From]; ok {
				t.Errorf("%s: %v told to the %v keeps the hex %v of %s, which it does not see", where, e.Kind, k.Side(), e.From, name)
			}
		}
	}
}

// newLines returns the lines a log gained since it had n.
func newLines(l *Log, n int) []string {
	var out []string
	for i := l.Len() - n - 1; i >= 0; i-- {
		if ln := l.Last(i); ln != nil {
			out = append(out, ln.Text)
		}
	}
	return out
}

// TestFogCoverOfACloakedDefiant: the Defiant cloaks out of the Dominion's
// sight and the Rotarran, which the Dominion sees, covers her. The Dominion's
// log tells of the cover without naming the Defiant, and nothing of it may
// be drawn at her hex; the Alliance's log names her. The moment is found in
// the historical battle: the first phase of the Alliance at which both
// orders are legal and the engine leaves the Defiant out of what the
// Dominion is told of the cover.
func TestFogCoverOfACloakedDefiant(t *testing.T) {
	sc := loadFlagship(t)
	f := historical(t)
	at, n := -1, 0
	if _, err := replay.VerifyTold(f, sc, func(tt replay.Told) {
		n++
		st := tt.State
		if at >= 0 || st.Phase != rules.Battle || st.Active != rules.SideA {
			return
		}
		c := st.Clone()
		def, rot := c.ShipByKey("defiant"), c.ShipByKey("rotarran")
		if def == nil || rot == nil || def.Cloaked || !c.Sees(rules.SideB, rot, nil) {
			return
		}
		if _, _, err := c.ApplyRedacted(rules.Order{Kind: rules.Cloak, Side: rules.SideA, Ship: def.ID}); err != nil || c.Sees(rules.SideB, c.Ship(def.ID), nil) {
			return
		}
		_, told, err := c.ApplyRedacted(rules.Order{Kind: rules.Cover, Side: rules.SideA, Ship: rot.ID, Target: def.ID})
		if err != nil {
			return
		}
		for _, e := range told[rules.SideB] {
			if e.Kind == rules.CoverBegan && e.Ship == rot.ID && e.Target == rules.NoShip {
				at = n
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	if at < 0 {
		t.Fatal("no moment in the historical battle when the Defiant can cloak out of the Dominion's sight and the Rotarran, in sight, cover her: the test proves nothing; find another")
	}
	s, err := ResumeSession(sc, truncated(f, at, replay.Players{Human, "normal"}))
	if err != nil {
		t.Fatal(err)
	}
	st := s.state()
	def, rot := st.ShipByKey("defiant"), st.ShipByKey("rotarran")
	var logs [2]Log
	for _, o := range []rules.Order{
		{Kind: rules.Cloak, Side: rules.SideA, Ship: def.ID},
		{Kind: rules.Cover, Side: rules.SideA, Ship: rot.ID, Target: def.ID},
	} {
		was := positions(st)
		var had [2]int
		for _, side := range rules.Sides {
			had[side] = logs[side].Len()
		}
		a, err := s.Apply(o, true)
		if err != nil {
			t.Fatalf("order %d of the battle, %v: %v", at+1, o, err)
		}
		for _, side := range rules.Sides {
			logs[side].Tell(sc, a.Sight(side), a.Told[side], 0)
		}
		k := a.Sight(rules.SideB)
		lines := newLines(&logs[rules.SideB], had[rules.SideB])
		where := "after " + o.Kind.String()
		t.Logf("%s: the Dominion's log %q, the Alliance's %q", where, lines, newLines(&logs[rules.SideA], had[rules.SideA]))
		namesOnlySeen(t, where, lines, k, st)
		placesOnlySeen(t, where, a.Told[rules.SideB], k, hidden(k, was, st))
		if o.Kind != rules.Cover {
			continue
		}
		if inSight(k, def.ID) {
			t.Fatal("the Dominion sees the cloaked Defiant: the moment proves nothing")
		}
		want := rot.Name + " covers " + Unseen + "."
		if len(lines) != 1 || lines[0] != want {
			t.Errorf("the Dominion's log of the cover: %q, want [%q]", lines, want)
		}
		for _, l := range newLines(&logs[rules.SideA], had[rules.SideA]) {
			if l == rot.Name+" covers "+def.Name+"." {
				want = ""
			}
		}
		if want != "" {
			t.Errorf("the Alliance's log does not tell that %s covers %s", rot.Name, def.Name)
		}
	}
}

// TestFogOverTheHistoricalBattle plays the whole historical battle through
// a Session and watches it from the Dominion's side, as the front end does:
// every line of its log names only ships in its view before or after the
// order, and nothing it is told may be drawn at the hex of a ship it does not
// see. The same for the Alliance's side, whose cloaked ships the Dominion
// must not learn of, and which in turn must not learn of Dominion ships out
// of its sensors' reach.
func TestFogOverTheHistoricalBattle(t *testing.T) {
	sc := loadFlagship(t)
	f := historical(t)
	s, err := NewSession(sc, f.Seed, f.Players)
	if err != nil {
		t.Fatal(err)
	}
	st := s.state()
	var logs [2]Log
	unseen := 0 // events told to the Dominion with a ship left out
	orders := 0
	for _, tu := range f.Turns {
		for i, o := range tu.Orders {
			was := positions(st)
			var had [2]int
			for _, side := range rules.Sides {
				had[side] = logs[side].Len()
			}
			a, err := s.Apply(o, false)
			if err != nil {
				t.Fatalf("turn %d order %d: %v", tu.Turn, i+1, err)
			}
			orders++
			where := fmt.Sprintf("turn %d order %d (%v)", tu.Turn, i+1, o.Kind)
			for _, side := range rules.Sides {
				k := a.Sight(side)
				logs[side].Tell(sc, k, a.Told[side], 0)
				namesOnlySeen(t, where, newLines(&logs[side], had[side]), k, st)
				placesOnlySeen(t, where, a.Told[side], k, hidden(k, was, st))
			}
			for _, e := range a.Told[rules.SideB] {
				switch e.Kind {
				case rules.Fired, rules.Hit, rules.Missed, rules.CoverBegan, rules.CoveringFire, rules.PerimeterFire,
					rules.Boarded, rules.StationCaptured, rules.MoveInterrupted, rules.MineFoiled, rules.Detected:
					if sh, tg := e.Named(); sh == rules.NoShip || tg == rules.NoShip {
						unseen++
					}
				}
			}
			if t.Failed() {
				t.FailNow()
			}
		}
	}
	if st.Phase != rules.Over || orders < 1000 {
		t.Fatalf("the battle stops after %d orders, %v", orders, st.Phase)
	}
	if unseen == 0 {
		t.Fatal("the Dominion was never told of an event with an unseen ship: the test proves nothing")
	}
	t.Logf("%d orders; %d events told to the Dominion with one of their ships left out; %d and %d log lines", orders, unseen, logs[0].Len(), logs[1].Len())
}
