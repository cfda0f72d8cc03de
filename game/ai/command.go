package ai

import (
	"github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/rules"
)

// commander is the computer commander of either side of any battle. It reads
// what the scenario gives it, never side ids or ship names: each of its ships'
// role comes from its class and its place in the battle, and the goals from
// the wings' directives and the side's objectives.
//
//   - The crew: stations (fire, sweep enemy mines, evacuate, sabotage),
//     minelayers (lay the side's open minefields), and the ships that guard a
//     minelayer while it works, or that leave the battle when their station's
//     sabotage program waits for them to go. Planned by the crew's planner
//     (crew.go).
//   - The teams aboard enemy stations: they work on the sections that matter
//     (team.go).
//   - The fleet: every other ship, in wings or not, hunting the wing's target,
//     the open enemy minefield, the side's objectives, the enemy's stations.
//     Planned by the fleet's planner (fleet.go).
type commander struct {
	level   Level
	posture posture // what crew and fleet play when made again (ready)
	crew    *crew
	fleet   *fleet
	search  *search // the hard level's: which posture to play each phase
	roles   []role
}

// role is what a commander has a ship do.
type role uint8

const (
	noRole    role = iota // not the side's, or not in the battle
	crewRole              // a station, a minelayer, an escort, a ship leaving
	teamRole              // a team aboard an enemy station
	fleetRole             // the fighting ships
)

func newCommander(l Level) *commander {
	c := withPosture(normalPosture)
	c.level = l
	if l == Hard {
		c.search = newSearch()
	}
	return c
}

// withPosture is a normal-level commander that plays posture p.
func withPosture(p posture) *commander {
	return &commander{level: Normal, posture: p, crew: newCrew(p), fleet: newFleet(p)}
}

// ready makes the crew and the fleet again when a battle played out has
// released them (release): the battle is over, so they have nothing to
// remember.
func (c *commander) ready() {
	if c.crew == nil {
		c.crew, c.fleet = newCrew(c.posture), newFleet(c.posture)
	}
}

// hesitation is the share of the easy level's ships, in percent, that it
// gives no orders in a phase.
const hesitation = 40

// hesitates reports whether the easy level leaves a ship without orders this
// phase: two in five of its ships, drawn anew each turn.
func hesitates(v *rules.View, id rules.ShipID) bool {
	return mix(v.Turn, int(id), int(v.Side)+1)%100 < hesitation
}

// Thought reports whether v's phase has been thought about: always, but for
// the hard level's search (Thinker).
func (c *commander) Thought(v *rules.View) bool {
	return c.search == nil || v.Phase != rules.Battle || v.Active != v.Side || c.search.at == keyOf(v)
}

// Think has the hard level search v's phase (Thinker); the other levels do
// not think.
func (c *commander) Think(v *rules.View, yield func()) {
	if !c.Thought(v) {
		c.search.think(v, c, yield)
	}
}

// Name returns the level.
func (c *commander) Name() string { return c.level.String() }

// Orders plans the phase of the view's side.
func (c *commander) Orders(v *rules.View) []rules.Order {
	if v.Phase == rules.Parley {
		if v.Active == v.Side && v.Terms == rules.TermsPending {
			return []rules.Order{{Kind: rules.AnswerTerms, Side: v.Side, Accept: false}}
		}
		return nil
	}
	if v.Phase != rules.Battle || v.Active != v.Side {
		return nil
	}
	c.ready()
	if c.search != nil {
		p := c.search.choose(v, c, nil)
		c.crew.posture, c.fleet.posture = p, p
	}
	c.assign(v)
	crewOrders := c.crew.plan(v, c.roles)
	out := append(c.fleet.orders[:0], crewOrders...)
	out = append(out, c.fleet.plan(v, c.roles, crewOrders, true)...)
	out = c.teams(v, out)
	if c.level == Easy {
		kept := out[:0]
		for _, o := range out {
			if o.Kind == rules.Command || !hesitates(v, o.Ship) {
				kept = append(kept, o)
			}
		}
		out = kept
	}
	c.fleet.orders = out
	return out
}

// assign gives each of the side's ships its role.
func (c *commander) assign(v *rules.View) {
	c.roles = c.roles[:0]
	layer := ownMinelayer(v) != nil && ownFieldsOpen(v)
	leaving := mustLeave(v)
	for i := range v.Ships {
		sh := &v.Ships[i]
		r := noRole
		if sh.Side == v.Side && sh.Alive() && !sh.Lost() {
			cl := v.Class(sh)
			switch {
			case cl.Team:
				r = teamRole
			case cl.Station || cl.Minelayer:
				r = crewRole
			case cl.Structure:
				r = crewRole // it fires where it stands
			case sh.Wing >= 0 && v.Wing(sh.Wing) != nil:
				r = fleetRole
			case layer || leaving:
				r = crewRole
			default:
				r = fleetRole
			}
		}
		c.roles = append(c.roles, r)
	}
}

// ownMinelayer is a minelayer of the view's side in the battle, or nil.
func ownMinelayer(v *rules.View) *rules.Ship {
	for i := range v.Ships {
		if sh := &v.Ships[i]; sh.Side == v.Side && sh.Alive() && v.Class(sh).Minelayer {
			return sh
		}
	}
	return nil
}

// ownFieldsOpen reports whether the view's side has a minefield still to
// finish.
func ownFieldsOpen(v *rules.View) bool {
	for _, f := range v.Fields {
		if f.Owner == v.Side && !f.Active && !f.Down {
			return true
		}
	}
	return false
}

// enemyFieldOpen reports whether the other side has a minefield still to
// finish: the thing to stop first.
func enemyFieldOpen(v *rules.View) bool {
	for _, f := range v.Fields {
		if f.Owner != v.Side && !f.Active && !f.Down {
			return true
		}
	}
	return false
}

// enemyFieldStanding reports whether the other side has an active minefield
// that seals the wormhole: one to bring down, when the side can.
func enemyFieldStanding(v *rules.View) bool {
	for _, f := range v.Fields {
		if f.Owner != v.Side && f.Active && f.Seals {
			return true
		}
	}
	return false
}

// mustLeave reports whether the side's ships should leave the battle once
// their work is done: its station's sabotage program waits for them to go,
// or its objectives want them out.
func mustLeave(v *rules.View) bool {
	if ownFieldsOpen(v) {
		return false
	}
	for i := range v.Ships {
		sh := &v.Ships[i]
		if sh.Side == v.Side && v.Class(sh).Station && sh.Program.NeedsAlone && !sh.Lost() {
			return true
		}
	}
	for i := range v.Objectives {
		o := &v.Objectives[i]
		if o.Side != v.Side {
			continue
		}
		for _, cd := range o.When {
			if cd.Name == "withdrawn" || cd.Name == "escaped" {
				return true
			}
		}
	}
	return false
}

// objectiveAim finds, among the view's side's objectives, where its free
// ships should head: an enemy unit to destroy, a station to take, an area to
// reach or hold. ok is false when no objective names one.
func objectiveAim(v *rules.View, seen func(id rules.ShipID) (hex.Hex, bool)) (target *rules.Ship, at hex.Hex, ok bool) {
	for i := range v.Objectives {
		o := &v.Objectives[i]
		if o.Side != v.Side || o.Points <= 0 {
			continue
		}
		for _, cd := range o.When {
			switch cd.Name {
			case "destroyed", "captured", "disabled", "sabotaged":
				for _, id := range cd.Units {
					if t := v.Ship(id); t != nil && t.Side != v.Side && t.Alive() && !t.Captured {
						return t, t.Pos, true
					}
					if h, ok := seen(id); ok {
						return nil, h, true
					}
				}
			case "in_area", "holds":
				if cd.Side == v.Side && cd.Area >= 0 && cd.Area < len(v.Areas) && len(v.Areas[cd.Area].Hexes) > 0 {
					hs := v.Areas[cd.Area].Hexes
					return nil, hs[len(hs)/2], true
				}
			}
		}
	}
	return nil, hex.Hex{}, false
}
