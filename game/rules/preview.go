package rules

import (
	"github.com/calltoarms/ds9/game/hex"
)

// Preview is what an attack promises before it is made.
type Preview struct {
	HitChance int // percent per shot
	Shots     int
	PerHit    int // damage of one hit
	Pierce    int // percent of each hit that bypasses shields
	Range     int
	Covered   bool // a covering ship the attacker's side sees protects the target (and will fire back)
	// What the target has now: its shields, and its hull (a station: the
	// aimed section's).
	TargetShields int
	TargetHull    int
	// Expected damage in hundredths of a point: in all, and what is expected to
	// get through to the hull.
	Expected100     int
	ExpectedHull100 int
	// KillChance is the chance, in percent, that the attack destroys the
	// target (a station: disables the aimed section), rounded down; 100 only
	// when it is certain.
	KillChance int
}

// Preview foretells an attack by a ship of the view's side from where it
// stands. See PreviewFrom.
func (v *View) Preview(attacker ShipID, weapon int, target ShipID, section int) (Preview, error) {
	a := v.Ship(attacker)
	if a == nil {
		return Preview{}, ownErr(v, attacker)
	}
	return v.PreviewFrom(attacker, a.Pos, weapon, target, section)
}

// PreviewFrom foretells an attack by a ship of the view's side as if it stood
// at from: the checks Apply makes of an attack (cloak, weapon readiness,
// contact, the section, range and line of fire; not whether the attacker has
// an action left, so that a phase can be planned ahead) and the hit chance
// the engine will use, without rolling a die. A covering ship the side cannot
// see is not counted.
func (v *View) PreviewFrom(attacker ShipID, from hex.Hex, weapon int, target ShipID, section int) (Preview, error) {
	return preview(v, attacker, from, weapon, target, section)
}

// Preview foretells an attack by a ship of side as that side knows the
// battle: the same answer as side's View.PreviewFrom, without building the
// view.
func (s *State) Preview(side Side, attacker ShipID, from hex.Hex, weapon int, target ShipID, section int) (Preview, error) {
	p, err := preview(s.through(side, s.Ship(attacker)), attacker, from, weapon, target, section)
	s.lens = sideOf{}
	return p, err
}

func ownErr(k known, id ShipID) error {
	_, err := ownShip(k, Order{Side: k.viewer(), Ship: id})
	return err
}

func preview(k known, attacker ShipID, from hex.Hex, wi int, target ShipID, section int) (Preview, error) {
	a, err := ownShip(k, Order{Side: k.viewer(), Ship: attacker})
	if err != nil {
		return Preview{}, err
	}
	if err := checkFire(k, a, from, wi, target, section); err != nil {
		return Preview{}, err
	}
	f := k.game()
	t := k.ship(target)
	return forecast(f, a, from, &f.class(a).Weapons[wi], t, section, k.coverer(t) != nil), nil
}

// forecast works out an attack's numbers; the attack has passed checkAttack.
func forecast(f *frame, a *Ship, from hex.Hex, w *Weapon, t *Ship, section int, covered bool) Preview {
	tc := f.class(t)
	p := Preview{
		Shots: w.Shots, PerHit: w.Damage, Pierce: w.Pierce, Range: f.distance(a, from, t), Covered: covered,
		TargetShields: t.Shields, TargetHull: t.Hull,
		HitChance: shotChance(f.Map, f.Classes, a, from, w, t, covered),
	}
	if tc.Station {
		si, _ := tc.Section(section)
		p.TargetHull = t.Section[si]
	}
	p.Expected100 = w.Shots * p.HitChance * w.Damage
	_, p.ExpectedHull100 = Split(p.Expected100, w.Pierce, 100*t.Shields)
	p.ExpectedHull100 = min(p.ExpectedHull100, 100*p.TargetHull)
	p.KillChance = killChance(w.Shots, p.HitChance, w.Damage, w.Pierce, t.Shields, p.TargetHull)
	return p
}

// killChance is the chance in percent (rounded down, 100 only when certain)
// that shots shots of p percent each, of dmg damage with pierce percent
// through shields, take hull points of hull behind shields points of shields:
// the chance of at least the number of hits that does it, from the binomial
// distribution in fixed point.
func killChance(shots, p, dmg, pierce, shields, hull int) int {
	need := 0
	for hits := 1; hits <= shots; hits++ {
		a, h := Split(dmg, pierce, shields)
		shields -= a
		hull -= h
		if hull <= 0 {
			need = hits
			break
		}
	}
	if need == 0 {
		return 0
	}
	const one = 1_000_000_000
	shots = min(shots, MaxShots)
	var dist [MaxShots + 1]int64 // dist[k]: chance of k hits so far, in billionths
	dist[0] = one
	for n := 1; n <= shots; n++ {
		for k := n; k >= 0; k-- {
			v := dist[k] * int64(100-p) / 100
			if k > 0 {
				v += dist[k-1] * int64(p) / 100
			}
			dist[k] = v
		}
	}
	var tail int64
	for k := need; k <= shots; k++ {
		tail += dist[k]
	}
	return int(tail * 100 / one)
}
