package scenario

import (
	"fmt"
	"strings"

	ghex "github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/rules"
)

// buildForces turns the named units and the attack wings into ships: units first,
// then each wing's ships in order. Wings on the map at the start fill their
// deployment area row by row; later waves wait in reserve.
func buildForces(d *doc, f *scenarioFile, su *rules.Setup) error {
	if len(f.Units) > MaxUnits {
		return d.errf([]any{"units"}, "%d units, at most %d", len(f.Units), MaxUnits)
	}
	if len(f.Wings) > MaxWings {
		return d.errf([]any{"wings"}, "%d wings, at most %d", len(f.Wings), MaxWings)
	}
	taken := map[ghex.Hex]bool{}
	mines := map[ghex.Hex]bool{}
	for _, m := range su.Minefields {
		for _, h := range m.Positions {
			mines[h] = true
		}
	}
	keys := map[string]rules.ShipID{}
	for i, u := range f.Units {
		at := []any{"units", i}
		if u.ID == "" {
			return d.errf(at, "unit without an id")
		}
		if err := checkID(d, sub(at, "id"), u.ID); err != nil {
			return err
		}
		if _, dup := keys[u.ID]; dup {
			return d.errf(append(at, "id"), "unit %q defined twice", u.ID)
		}
		ci, err := classIndex(su.Classes, u.Class)
		if err != nil {
			return d.errf(append(at, "class"), "unit %s: %v", u.ID, err)
		}
		side, err := d.sides.Parse(u.Side)
		if err != nil {
			return d.errf(append(at, "side"), "unit %s: %v", u.ID, err)
		}
		c := &su.Classes[ci]
		if c.Team || u.Aboard != "" {
			// A team stands aboard a station listed before it, on no hex of its own.
			st, ok := keys[u.Aboard]
			switch {
			case !c.Team:
				return d.errf(sub(at, "aboard"), "unit %s: only a team (a class with team: true) is aboard a station", u.ID)
			case u.Aboard == "":
				return d.errf(at, "unit %s: a team needs aboard: the station unit it is aboard", u.ID)
			case !ok || !su.Classes[su.Ships[st].Class].Station:
				return d.errf(sub(at, "aboard"), "unit %s: aboard %q, which is no station unit listed before it", u.ID, u.Aboard)
			case len(u.At) != 0:
				return d.errf(sub(at, "at"), "unit %s: a team aboard a station has no hex of its own (leave out at)", u.ID)
			}
			name := u.Name
			if name == "" {
				name = c.Name
			}
			keys[u.ID] = rules.ShipID(len(su.Ships))
			su.Ships = append(su.Ships, rules.Ship{Key: u.ID, Name: name, Class: ci, Side: side, Wing: -1, Status: rules.OnMap, Pos: su.Ships[st].Pos, Aboard: st})
			continue
		}
		h, err := offset(d, append(at, "at"), u.At, &su.Map)
		if err != nil {
			return err
		}
		if u.Cloaked && !c.Cloak {
			return d.errf(sub(at, "cloaked"), "unit %s: cloaked, but a %s has no cloaking device", u.ID, c.Name)
		}
		if u.Sabotage != nil && !c.Station {
			return d.errf(sub(at, "sabotage"), "unit %s: only a station has a sabotage program", u.ID)
		}
		foot := []ghex.Hex{h}
		if c.Radius > 0 {
			foot = ghex.Range(h, c.Radius)
		}
		for _, fh := range foot {
			if !su.Map.In(fh) {
				return d.errf(sub(at, "at"), "unit %s: the station's structure reaches off the map", u.ID)
			}
			t := su.Map.At(fh)
			if big := c.Radius > 0; big != (t == rules.StationHex) {
				if big {
					return d.errf(append(at, "at"), "unit %s: the station's hex %v must be drawn S on the map", u.ID, ghex.ToOffset(fh))
				}
				return d.errf(append(at, "at"), "unit %s: a ship cannot start on station structure", u.ID)
			}
			if taken[fh] {
				return d.errf(append(at, "at"), "unit %s: hex %v is taken", u.ID, ghex.ToOffset(fh))
			}
			taken[fh] = true
		}
		name := u.Name
		if name == "" {
			name = c.Name
		}
		keys[u.ID] = rules.ShipID(len(su.Ships))
		sh := rules.Ship{Key: u.ID, Name: name, Class: ci, Side: side, Wing: -1, Status: rules.OnMap, Pos: h, Cloaked: u.Cloaked}
		if p := u.Sabotage; p != nil {
			if strings.TrimSpace(p.Name) == "" {
				return d.errf(sub(at, "sabotage"), "unit %s: a sabotage program needs a name", u.ID)
			}
			sh.Program = rules.Program{Name: strings.TrimSpace(p.Name), By: strings.TrimSpace(p.By),
				NeedsEvacuated: p.NeedsEvacuated == nil || *p.NeedsEvacuated, NeedsAlone: p.NeedsShipsGone == nil || *p.NeedsShipsGone}
		}
		su.Ships = append(su.Ships, sh)
	}
	wingIDs := map[string]bool{}
	for wi, wf := range f.Wings {
		at := []any{"wings", wi}
		if _, unit := keys[wf.ID]; wf.ID == "" || wingIDs[wf.ID] || unit {
			return d.errf(at, "wing ids must be present and unique (%q)", wf.ID)
		}
		if err := checkID(d, sub(at, "id"), wf.ID); err != nil {
			return err
		}
		wingIDs[wf.ID] = true
		w, err := buildWing(d, at, wf, su, keys)
		if err != nil {
			return err
		}
		var spots []ghex.Hex
		if w.Arrive == 0 {
			if len(wf.Deploy) != 4 {
				return d.errf(append(at, "deploy"), "wing %s: a wing on the map at the start needs deploy: [col0, row0, col1, row1]", wf.ID)
			}
			a, err := offset(d, append(at, "deploy"), wf.Deploy[:2], &su.Map)
			if err != nil {
				return err
			}
			b, err := offset(d, append(at, "deploy"), wf.Deploy[2:], &su.Map)
			if err != nil {
				return err
			}
			oa, ob := ghex.ToOffset(a), ghex.ToOffset(b)
			for r := min(oa.Row, ob.Row); r <= max(oa.Row, ob.Row); r++ {
				for c := min(oa.Col, ob.Col); c <= max(oa.Col, ob.Col); c++ {
					h := ghex.FromOffset(ghex.Offset{Col: c, Row: r})
					if !taken[h] && su.Map.At(h).MoveCost() > 0 && !mines[h] {
						spots = append(spots, h)
					}
				}
			}
		} else if len(wf.Deploy) != 0 {
			return d.errf(append(at, "deploy"), "wing %s arrives on turn %d; deploy is only for wings on the map at the start", wf.ID, w.Arrive)
		}
		if len(wf.Ships) == 0 {
			return d.errf(at, "wing %s has no ships", wf.ID)
		}
		n := 0
		for gi, g := range wf.Ships {
			gat := append(at, "ships", gi)
			ci, err := classIndex(su.Classes, g.Class)
			if err != nil {
				return d.errf(append(gat, "class"), "wing %s: %v", wf.ID, err)
			}
			if su.Classes[ci].Station {
				return d.errf(append(gat, "class"), "wing %s: a station cannot fly in a wing", wf.ID)
			}
			if g.Count < 1 || g.Count > MaxGroup {
				return d.errf(append(gat, "count"), "wing %s: count %d out of 1..%d", wf.ID, g.Count, MaxGroup)
			}
			if len(su.Ships)+g.Count > rules.MaxShips {
				return d.errf(append(gat, "count"), "more than %d ships in the scenario", rules.MaxShips)
			}
			for k := 0; k < g.Count; k++ {
				n++
				name := g.Name
				if name == "" || g.Count > 1 {
					name = fmt.Sprintf("%s %s-%d", su.Classes[ci].Name, wf.ID, n)
				}
				// Every ship has a unit key: a wing's are its id and number.
				key := fmt.Sprintf("%s-%d", wf.ID, n)
				if _, dup := keys[key]; dup {
					return d.errf(at, "wing %s: its ship %s has the id of a unit", wf.ID, key)
				}
				sh := rules.Ship{Key: key, Name: name, Class: ci, Side: w.Side, Wing: wi, Status: rules.Reserve}
				if w.Arrive == 0 {
					if len(spots) == 0 {
						return d.errf(append(at, "deploy"), "wing %s: its deployment area has room for only %d ships", wf.ID, n-1)
					}
					sh.Pos, spots = spots[0], spots[1:]
					sh.Status = rules.OnMap
					taken[sh.Pos] = true
				}
				if w.Leader != "" && w.Flagship == rules.NoShip {
					// The leader flies in the wing's first ship.
					w.Flagship = rules.ShipID(len(su.Ships))
				}
				su.Ships = append(su.Ships, sh)
			}
		}
		su.Wings = append(su.Wings, w)
	}
	return nil
}

func buildWing(d *doc, at []any, wf wingFile, su *rules.Setup, keys map[string]rules.ShipID) (rules.Wing, error) {
	w := rules.Wing{Key: wf.ID, Name: wf.Name, Leader: wf.Leader, Arrive: wf.Arrive, Target: rules.NoShip, Section: wf.Section, Flagship: rules.NoShip}
	if w.Name == "" {
		w.Name = wf.ID
	}
	var err error
	if w.Side, err = d.sides.Parse(wf.Side); err != nil {
		return w, d.errf(append(at, "side"), "wing %s: %v", wf.ID, err)
	}
	if w.Directive, err = rules.ParseDirective(wf.Directive); err != nil {
		return w, d.errf(append(at, "directive"), "wing %s: %v", wf.ID, err)
	}
	if wf.Arrive < 0 || wf.Arrive > su.TurnLimit+1 {
		return w, d.errf(sub(at, "arrive"), "wing %s: arrive %d out of 0..%d (a wing due the turn after the turn limit never arrives; later ones are mistakes)", wf.ID, wf.Arrive, su.TurnLimit+1)
	}
	arrival := rules.Entry
	switch wf.From {
	case "", "entry":
		w.From = rules.FromEntry
	case "wormhole":
		w.From, arrival = rules.FromWormhole, rules.Wormhole
	default:
		return w, d.errf(sub(at, "from"), "wing %s: from %q (want entry or wormhole)", wf.ID, wf.From)
	}
	if wf.Arrive > 0 && len(su.Map.Hexes(arrival)) == 0 {
		return w, d.errf(sub(at, "from"), "wing %s arrives from the %s, but the map has no %s hex", wf.ID, arrival, arrival)
	}
	if wf.Target != "" {
		id, ok := keys[wf.Target]
		if !ok {
			return w, d.errf(append(at, "target"), "wing %s: no unit %q", wf.ID, wf.Target)
		}
		w.Target = id
		if su.Ships[id].Side == w.Side {
			return w, d.errf(append(at, "target"), "wing %s: %s is on its own side", wf.ID, wf.Target)
		}
	}
	switch w.Directive {
	case rules.Assault, rules.Intercept:
		if w.Target == rules.NoShip {
			return w, d.errf(at, "wing %s: %s needs a target", wf.ID, w.Directive)
		}
	case rules.Focus:
		if w.Target == rules.NoShip {
			return w, d.errf(at, "wing %s: focus needs a target station", wf.ID)
		}
		c := &su.Classes[su.Ships[w.Target].Class]
		if _, ok := c.Section(wf.Section); !c.Station || !ok {
			return w, d.errf(append(at, "section"), "wing %s: %s has no section %d", wf.ID, wf.Target, wf.Section)
		}
	case rules.Screen, rules.Advance:
		h, err := offset(d, append(at, "hold"), wf.Hold, &su.Map)
		if err != nil {
			return w, err
		}
		w.Hold = h
	}
	if w.Directive != rules.Focus && wf.Section != 0 {
		return w, d.errf(append(at, "section"), "wing %s: section is only for focus", wf.ID)
	}
	return w, nil
}
