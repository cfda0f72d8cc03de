package scenario

import (
	"fmt"

	ghex "github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/rules"
)

// checkStations refuses station structure (S) that no station stands on: it
// would be a wall no scenario writer meant, and a station hex without a station.
func checkStations(d *doc, su *rules.Setup, rows *mapRows) error {
	covered := map[ghex.Hex]bool{}
	for _, sh := range su.Ships {
		c := &su.Classes[sh.Class]
		if c.Radius > 0 && sh.Status == rules.OnMap && !c.Team {
			for _, h := range ghex.Range(sh.Pos, c.Radius) {
				covered[h] = true
			}
		}
	}
	for i, t := range su.Map.Terrain {
		if t != rules.StationHex {
			continue
		}
		h := su.Map.HexAt(i)
		if !covered[h] {
			o := ghex.ToOffset(h)
			return &Error{File: d.name, Line: rows.line[o.Row], Msg: fmt.Sprintf("map row %d column %d: station structure (S) where no station stands", o.Row, o.Col)}
		}
	}
	return nil
}

// checkMinelayer refuses a minefield that can never be finished: positions left
// to lay and no minelayer of its owner in the battle, on the map at the start or
// arriving by the turn limit. A minelayer of the owner due after the turn limit
// is refused too: it would wait in reserve and keep minefield_failed from ever
// holding.
func checkMinelayer(d *doc, su *rules.Setup, fields []field) error {
	for fi, m := range su.Minefields {
		timely := false
		for _, sh := range su.Ships {
			if sh.Side != m.Owner || !su.Classes[sh.Class].Minelayer {
				continue
			}
			if sh.Wing >= 0 && su.Wings[sh.Wing].Arrive > su.TurnLimit {
				return d.errf([]any{"wings", sh.Wing, "arrive"}, "wing %s brings a minelayer of a minefield's owner after the turn limit (%d): it would never lay a mine, yet keep the minefield from failing", su.Wings[sh.Wing].Key, su.TurnLimit)
			}
			timely = true
		}
		if !timely && len(m.Laid) < len(m.Positions) {
			return d.errf(sub(fields[fi].at, "owner"), "the %s owns minefield %s (%d of %d positions laid) but has no minelayer in the battle to finish it", su.SideIDs.Of(m.Owner), m.ID, len(m.Laid), len(m.Positions))
		}
	}
	return nil
}
