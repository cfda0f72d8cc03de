package rules

import (
	"fmt"

	"github.com/calltoarms/ds9/game/hex"
)

// Preview is what an attack promises before it is made.
type Preview struct {
	HitChance int // percent per shot
	Shots     int
	PerHit    int // damage of one hit
	Range     int
	Covered   bool // a covering ship protects the target (and will fire back)
	// Expected damage in hundredths of a point: in all, and what is expected to
	// get through to the hull.
	Expected100     int
	ExpectedHull100 int
}

// Preview foretells an attack from what this side sees: the same checks and hit
// chance the engine will use, without rolling a die.
func (v *View) Preview(attacker ShipID, weapon int, target ShipID, section int) (Preview, error) {
	a, t := v.Ship(attacker), v.Ship(target)
	if a == nil || a.Side != v.Side {
		return Preview{}, fmt.Errorf("ship %d is not yours", attacker)
	}
	if t == nil || t.Side == v.Side || !t.Alive() {
		return Preview{}, fmt.Errorf("no contact with ship %d", target)
	}
	ac, tc := v.Class(a), v.Class(t)
	if weapon < 0 || weapon >= len(ac.Weapons) {
		return Preview{}, fmt.Errorf("%s has no weapon %d", a.Name, weapon)
	}
	w := &ac.Weapons[weapon]
	covered := false
	for i := range v.Ships {
		c := &v.Ships[i]
		if c.Covering == t.ID && c.Alive() && !c.Cloaked && hex.Distance(c.Pos, t.Pos) <= CoverRadius {
			covered = true
		}
	}
	shelter := 0
	if !tc.Station {
		shelter = v.Map.At(t.Pos).Shelter()
	}
	p := Preview{Shots: w.Shots, PerHit: w.Damage, Range: v.Range(a, t), Covered: covered}
	p.HitChance = HitChance(w, p.Range, tc.Evasion, shelter, covered)
	p.Expected100 = w.Shots * p.HitChance * w.Damage
	through := p.Expected100 * w.Pierce / 100
	rest := p.Expected100 - through
	p.ExpectedHull100 = through + max(0, rest-100*t.Shields)
	if tc.Station {
		if si, ok := tc.Section(section); ok {
			p.ExpectedHull100 = min(p.ExpectedHull100, 100*t.Section[si])
		}
	} else {
		p.ExpectedHull100 = min(p.ExpectedHull100, 100*t.Hull)
	}
	return p, nil
}
