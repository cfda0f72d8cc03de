package scene

import (
	"math"
	"strconv"

	"github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/ui/play"
	"github.com/calltoarms/ds9/game/ui/render"
	"github.com/calltoarms/ds9/game/ui/sound"
)

// maxMotion is how many waypoints a ship's move animation keeps.
const maxMotion = 24

// motion is a ship's move being animated.
type motion struct {
	t0, step float64
	n        int
	pts      [maxMotion][2]float32
}

func (m *motion) active(now float64) bool {
	return m.n > 1 && now < m.t0+m.step*float64(m.n-1)
}

// at returns the animated position and heading.
func (m *motion) at(now float64) (x, y, heading float32) {
	u := (now - m.t0) / m.step
	if u < 0 {
		u = 0
	}
	i := int(u)
	if i >= m.n-1 {
		p := m.pts[m.n-1]
		q := m.pts[m.n-2]
		return p[0], p[1], float32(math.Atan2(float64(p[1]-q[1]), float64(p[0]-q[0])))
	}
	f := float32(u - float64(i))
	f = f * f * (3 - 2*f)
	p, q := m.pts[i], m.pts[i+1]
	return p[0] + (q[0]-p[0])*f, p[1] + (q[1]-p[1])*f, float32(math.Atan2(float64(q[1]-p[1]), float64(q[0]-p[0])))
}

// timings of the effects at 1× speed, in seconds.
const (
	tStep    = 0.11
	tBeam    = 0.32
	tShot    = 0.09
	tTorpedo = 0.5
	tBoom    = 1.1
)

// director turns the events of an order into effects, sounds, log lines and
// banners, scheduled from the scene time now; it returns how long the order
// takes to show. It shows only what the viewing side was told of the order
// (rules.Told, redacted by the engine), names ships only from that side's
// views, and draws at the places the engine left in the events: a ship left
// out of an event (rules.NoShip) has no beam drawn from or to it.
type director struct {
	b *battleScene
}

func (d director) worldPos(h hex.Hex) (float32, float32) {
	x, y := play.WorldLayout().ToPixel(h)
	return float32(x), float32(y)
}

// shipWorld is where a ship is drawn now, for effects aimed at it: the end of
// its move being animated, else its hex h.
func (d director) shipWorld(id rules.ShipID, h hex.Hex) (float32, float32) {
	if id >= 0 && int(id) < len(d.b.motions) {
		if m := &d.b.motions[id]; m.n > 1 {
			p := m.pts[m.n-1]
			return p[0], p[1]
		}
	}
	return d.worldPos(h)
}

// show schedules an order as the viewing side was told it, and writes the
// other side's log from what that side was told. It returns the order's
// length in scene seconds.
func (d director) show(a *play.Applied, speed float64, animate bool) float64 {
	b := d.b
	side := b.ctl.Side
	for _, other := range rules.Sides {
		if other != side && a.After[other] != nil {
			b.logs[other].Tell(b.s.Scenario, a.Sight(other), a.Told[other], b.g.Frame)
			d.turnShips(other, a.Told[other])
		}
	}
	return d.showSide(a.Told[side], a.Sight(side), speed, animate)
}

// turnShips keeps the headings of another side's ships as that side was told
// they moved and fired, for when it is viewed.
func (d director) turnShips(side rules.Side, told []rules.Event) {
	hd := d.b.heading[side]
	for _, e := range told {
		p := play.PlaceOf(e)
		if (e.Kind == rules.Moved || e.Kind == rules.Fired) && p.HasFrom && p.HasTo && e.Ship >= 0 && int(e.Ship) < len(hd) {
			if e.Kind == rules.Fired && d.isStation(e.Ship) {
				continue
			}
			x0, y0 := d.worldPos(p.From)
			x1, y1 := d.worldPos(p.To)
			if x0 != x1 || y0 != y1 {
				hd[e.Ship] = float32(math.Atan2(float64(y1-y0), float64(x1-x0)))
			}
		}
	}
}

// showSide schedules the events told to the viewing side, named from its
// sight k.
func (d director) showSide(told []rules.Event, k play.Sight, speed float64, animate bool) float64 {
	b := d.b
	fx := b.fx
	now := b.now
	side := k.Side()
	heading := b.heading[side]
	after := k.After
	sc := b.s.Scenario
	t := 0.0    // offset of the next thing in the order
	lastT := 0. // end of the last effect
	shotN := 0
	var moving rules.ShipID = rules.NoShip
	var mv *motion
	sp := 1 / speed
	b.action.n = 0
	b.logs[side].Tell(sc, k, told, b.g.Frame)
	for i, e := range told {
		p := play.PlaceOf(e)
		ship, target := e.Named()
		d.where(e.Kind, p)
		switch e.Kind {
		case rules.TurnBegan:
			b.banner(bannerTurn(e.Turn, after.TurnLimit), "")
			b.turnBegan(e.Turn)
		case rules.PhaseBegan:
			b.phaseBanner(e.Side)
			b.camMoved = false // the camera follows the new phase's action
			// What the enemy's phase did, told when the player's begins.
			dg := &b.digest[side]
			if e.Side == side && b.s.Humans[side] && !b.watch {
				if text := dg.Text(sc, side); text != "" {
					b.logs[side].Add(text, side, b.g.Frame)
				}
			}
			*dg = play.Digest{}
		default:
			if e.Kind != rules.TurnEnded && e.Kind != rules.ShieldsRestored {
				b.digest[side].Add(told[i : i+1])
			}
		}
		if !animate {
			continue
		}
		at := now + t*sp
		switch e.Kind {
		case rules.Moved:
			if !p.HasFrom || !p.HasTo || ship < 0 || int(ship) >= len(b.motions) {
				continue
			}
			if ship != moving {
				moving = ship
				mv = &b.motions[ship]
				mv.t0, mv.step, mv.n = at, tStep*sp, 0
				x, y := d.worldPos(p.From)
				mv.pts[0] = [2]float32{x, y}
				mv.n = 1
			}
			if mv.n < maxMotion {
				x, y := d.worldPos(p.To)
				mv.pts[mv.n] = [2]float32{x, y}
				mv.n++
			} else {
				x, y := d.worldPos(p.To)
				mv.pts[maxMotion-1] = [2]float32{x, y}
			}
			t += tStep
			lastT = t
			if mv.n >= 2 {
				p, q := mv.pts[mv.n-2], mv.pts[mv.n-1]
				heading[ship] = float32(math.Atan2(float64(q[1]-p[1]), float64(q[0]-p[0])))
			}
		case rules.Fired:
			shotN = 0
			if !p.HasFrom {
				continue // fired from a ship the side does not see: no flash there
			}
			x0, y0 := d.shipWorld(ship, p.From)
			e2 := fx.Add(render.FxFlash, at, 0.25*sp)
			e2.X0, e2.Y0, e2.Size, e2.Col = x0, y0, 10, render.WeaponColor(e.WeaponKind)
			e2.Sound = weaponSound(e.WeaponKind)
			if p.HasTo {
				d.face(k, heading, ship, x0, y0, p.To)
			}
		case rules.Hit, rules.Missed:
			ts := at + float64(shotN)*tShot*sp
			shotN++
			if !p.HasTo {
				continue // at a ship the side does not see: nothing to show
			}
			x1, y1 := d.shipWorld(target, p.To)
			r := d.targetRadius(k, target)
			if !p.HasFrom {
				// From a ship the side does not see: no beam, only the hit.
				if e.Kind == rules.Hit {
					d.impact(e, ts, x1, y1, x1, y1, r, sp)
				}
				lastT = max(lastT, (ts-now)/sp+0.3)
				continue
			}
			x0, y0 := d.shipWorld(ship, p.From)
			if e.Kind == rules.Missed {
				a := float64(shotN)*2.1 + float64(target)
				x1 += float32(math.Cos(a)) * r * 1.6
				y1 += float32(math.Sin(a)) * r * 1.6
			}
			travel := tBeam
			kind := render.FxBeam
			size := float32(2.2)
			switch e.WeaponKind {
			case rules.PhotonTorpedo, rules.QuantumTorpedo:
				kind, travel, size = render.FxTorpedo, tTorpedo, 3.5
			case rules.PulseCannon:
				kind, travel, size = render.FxBolt, 0.28, 2.4
			case rules.Disruptor:
				size = 2.8
			}
			s := fx.Add(kind, ts, travel*sp)
			s.X0, s.Y0, s.X1, s.Y1, s.Size, s.Col = x0, y0, x1, y1, size, render.WeaponColor(e.WeaponKind)
			arrive := ts + travel*0.8*sp
			if kind == render.FxBeam {
				arrive = ts + 0.05*sp
			}
			if e.Kind == rules.Hit {
				d.impact(e, arrive, x0, y0, x1, y1, r, sp)
			}
			lastT = max(lastT, (arrive-now)/sp+0.3)
		case rules.ShieldsDown:
			if !p.HasTo {
				continue
			}
			x, y := d.shipWorld(ship, p.To)
			r := d.targetRadius(k, ship)
			s := fx.Add(render.FxRing, now+lastT*sp, 0.6*sp)
			s.X0, s.Y0, s.Size, s.Col = x, y, r*2.2, render.RGB(0x7fc8ff)
			d.text(x, y-r, "Shields down", render.ColWarn.RGBA(), now+lastT*sp, sp)
		case rules.SectionDisabled:
			if !p.HasTo {
				continue
			}
			x, y := d.shipWorld(ship, p.To)
			s := fx.Add(render.FxExplosion, now+lastT*sp, tBoom*sp)
			s.X0, s.Y0, s.Size, s.Col, s.Seed = x+float32(e.Section%5-2)*18, y+float32(e.Section%3-1)*18, 26, render.RGB(0xff8a3a), float32(e.Section)
			s.Sound = sound.Explosion
			d.text(x, y-60, k.SectionName(ship, e.Section)+" out of action", render.ColBad.RGBA(), now+lastT*sp, sp)
			lastT += 0.3
		case rules.ShipDestroyed:
			if !p.HasTo {
				continue
			}
			x, y := d.shipWorld(ship, p.To)
			s := fx.Add(render.FxExplosion, now+lastT*sp, tBoom*sp)
			s.X0, s.Y0, s.Size, s.Col, s.Seed = x, y, d.targetRadius(k, ship)*1.1, render.RGB(0xffa040), float32(ship)*0.37
			s.Sound = sound.Explosion
			if sh := k.Ship(ship); sh != nil {
				c := k.Class(sh)
				s.Sprite = d.b.g.Kit.ShipImage(c.ID, c.Faction)
				s.Angle = heading[ship]
				s.Size = d.b.g.Kit.ShipLength(c.ID, c.Faction) / 2
			}
			lastT += 0.35
		case rules.MineLaid:
			x, y := d.worldPos(p.To)
			s := fx.Add(render.FxSparkle, at, 0.8*sp)
			s.X0, s.Y0, s.Size, s.Col = x, y, 18, render.ColMine.RGBA()
			s.Sound = sound.Click
			s = fx.Add(render.FxRing, at, 0.7*sp)
			s.X0, s.Y0, s.Size, s.Col = x, y, 40, render.ColMine.RGBA()
			t += 0.3
			lastT = t
		case rules.MineFoiled:
			x, y := d.worldPos(p.To)
			s := fx.Add(render.FxRing, at, 0.6*sp)
			s.X0, s.Y0, s.Size, s.Col = x, y, 50, render.ColBad.RGBA()
			d.text(x, y-24, "Contact!", render.ColBad.RGBA(), at, sp)
			t += 0.3
			lastT = t
		case rules.MinefieldActivated, rules.MinefieldCloaked:
			for i, m := range after.Mines {
				x, y := d.worldPos(m.Pos)
				s := fx.Add(render.FxRing, at+float64(i)*0.04*sp, 0.9*sp)
				s.X0, s.Y0, s.Size, s.Col = x, y, 60, render.ColMine.RGBA()
				if e.Kind == rules.MinefieldCloaked {
					s.Col = render.RGB(0x9fc8ff)
				}
			}
			if e.Kind == rules.MinefieldActivated {
				sub := ""
				if play.HasWormhole(after.Map) {
					sub = play.SideTitle(b.s.Scenario, after.MineOwner.Other()) + " reinforcements through the wormhole are stopped"
				}
				b.banner("The minefield is active", sub)
			}
			lastT = max(lastT, t+1)
		case rules.MineDetonated:
			x, y := d.worldPos(p.To)
			s := fx.Add(render.FxExplosion, at, 0.9*sp)
			s.X0, s.Y0, s.Size, s.Col, s.Seed = x, y, 22, render.ColMine.RGBA(), float32(p.To.Q)
			s.Sound = sound.Mine
			s = fx.Add(render.FxRing, at, 0.7*sp)
			s.X0, s.Y0, s.Size, s.Col = x, y, 70, render.ColMine.RGBA()
			d.text(x, y-20, strconv.Itoa(e.Damage), render.ColMine.RGBA(), at, sp)
			lastT = max(lastT, t+0.6)
		case rules.MineReplicated:
			x, y := d.worldPos(p.To)
			s := fx.Add(render.FxSparkle, at, 0.9*sp)
			s.X0, s.Y0, s.Size, s.Col = x, y, 16, render.ColMine.RGBA()
		case rules.CloakEngaged, rules.CloakDropped:
			sh := k.Ship(ship)
			if !p.HasTo || sh == nil {
				continue
			}
			x, y := d.shipWorld(ship, p.To)
			s := fx.Add(render.FxShimmer, at, 0.9*sp)
			c := k.Class(sh)
			s.X0, s.Y0, s.Size, s.Col = x, y, d.b.g.Kit.ShipLength(c.ID, c.Faction)/2, render.RGB(0x9fe0c0)
			if int(ship) < len(heading) {
				s.Angle = heading[ship]
			}
			s.FadeOut = e.Kind == rules.CloakEngaged
			if s.FadeOut && sh.Side != side {
				s.Sprite = d.b.g.Kit.ShipImage(c.ID, c.Faction)
			}
			s.Sound = sound.Cloak
			t += 0.5
			lastT = t
		case rules.Detected:
			x, y := d.worldPos(p.To)
			s := fx.Add(render.FxRing, at, 0.8*sp)
			s.X0, s.Y0, s.Size, s.Col = x, y, 70, render.ColWarn.RGBA()
			d.text(x, y-24, "Detected", render.ColWarn.RGBA(), at, sp)
		case rules.MoveInterrupted:
			x, y := d.worldPos(p.To)
			s := fx.Add(render.FxRing, at, 0.6*sp)
			s.X0, s.Y0, s.Size, s.Col = x, y, 50, render.ColBad.RGBA()
			d.text(x, y-24, "Contact!", render.ColBad.RGBA(), at, sp)
		case rules.CoverBegan, rules.CoveringFire:
			if !p.HasFrom || !p.HasTo {
				continue // a link to a ship the side does not see is not drawn
			}
			x0, y0 := d.shipWorld(ship, p.From)
			x1, y1 := d.shipWorld(target, p.To)
			if e.Kind == rules.CoverBegan {
				// The ships as they stand now (the coverer may have moved on).
				if sh := k.Ship(ship); sh != nil && after.Ship(ship) != nil {
					x0, y0 = d.shipWorld(ship, sh.Pos)
				}
				if tg := k.Ship(target); tg != nil && after.Ship(target) != nil {
					x1, y1 = d.shipWorld(target, tg.Pos)
				}
			}
			s := fx.Add(render.FxLink, at, 0.9*sp)
			s.X0, s.Y0, s.X1, s.Y1, s.Size, s.Col = x0, y0, x1, y1, 5, render.RGB(0x8fff9a)
		case rules.PerimeterFire:
			if !p.HasFrom {
				continue
			}
			x, y := d.shipWorld(ship, p.From)
			s := fx.Add(render.FxRing, at, 0.5*sp)
			s.X0, s.Y0, s.Size, s.Col = x, y, 140, render.RGB(0xffb060)
		case rules.MainPowerLost:
			b.powerLost(ship)
			name := k.ShipName(ship)
			down := name + ": shields and weapons are down"
			if sh := k.Ship(ship); sh != nil {
				if sec := play.MainPowerSection(k.Class(sh)); sec != "" {
					down = sec + " is gone: " + name + "'s shields and weapons are down"
				}
			}
			b.banner("Main power lost", down)
			if b.g.Sound != nil {
				b.g.Sound.Play(sound.Alarm)
			}
		case rules.EvacuationOrdered:
			b.banner("Evacuation ordered", "")
		case rules.Sabotaged:
			b.banner("Sabotage", k.ShipName(ship)+"'s computers and power are sabotaged")
			b.powerLost(ship)
		case rules.StationCaptured:
			if play.Hulk(k, ship) {
				b.banner(k.ShipName(ship)+" is boarded", "Its computers and power were sabotaged: it is taken as a hulk")
			} else {
				b.banner(k.ShipName(ship)+" is captured", "")
			}
		case rules.Boarded:
			if !p.HasTo {
				continue
			}
			x, y := d.worldPos(p.To)
			s := fx.Add(render.FxSparkle, at, 1*sp)
			s.X0, s.Y0, s.Size, s.Col = x, y, 40, render.RGB(0xd0b0ff)
		case rules.Withdrew:
			if !p.HasTo {
				continue
			}
			x, y := d.shipWorld(ship, p.To)
			s := fx.Add(render.FxWarp, at, 0.6*sp)
			s.X0, s.Y0, s.X1, s.Y1, s.Size, s.Col = x, y, x+260, y, 6, render.RGB(0xa0d0ff)
			s.Sound = sound.Warp
		case rules.ReinforcementsArrived:
			if w := after.Wing(e.Value); w != nil {
				for i, id := range w.Ships {
					if sh := after.Ship(id); sh != nil && sh.Alive() {
						x, y := d.worldPos(sh.Pos)
						s := fx.Add(render.FxWarp, at+float64(i%8)*0.05*sp, 0.5*sp)
						s.X0, s.Y0, s.X1, s.Y1, s.Size, s.Col = x-200, y, x, y, 4, render.RGB(0xc0a0ff)
						if i == 0 {
							s.Sound = sound.Warp
						}
					}
				}
				b.banner("Reinforcements", w.Name)
			}
		case rules.ReinforcementsBlocked:
			b.banner("The minefield holds", play.WingName(sc, k, e.Value)+" is stopped at the wormhole")
			wx, wy := b.world.WormX, b.world.WormY
			for i := range 6 {
				s := fx.Add(render.FxExplosion, at+float64(i)*0.15*sp, 0.9*sp)
				a := float64(i) * 1.05
				s.X0, s.Y0, s.Size, s.Col, s.Seed = float32(wx+math.Cos(a)*50), float32(wy+math.Sin(a)*50), 20, render.ColMine.RGBA(), float32(i)
				if i == 0 {
					s.Sound = sound.Mine
				}
			}
		case rules.OutcomeDecided:
			if o, ok := play.OutcomeByID(sc, e.Text); ok {
				b.banner(o.Title, "")
			}
		case rules.TermsRefusedEvent:
			b.banner("Terms refused", play.TermsRefused(sc)+" "+play.StationName(sc)+" will fight.")
		}
	}
	return lastT * sp
}

// where adds the place of an event, as the engine told it, to the order's
// action box (the camera follows it during the computer's phases).
func (d director) where(kind rules.EventKind, p play.Place) {
	a := &d.b.action
	switch kind {
	case rules.Moved, rules.MineLaid, rules.MineDetonated, rules.ShipDestroyed, rules.SectionDisabled, rules.Boarded, rules.Detected, rules.MoveInterrupted, rules.MineFoiled:
		if p.HasTo {
			x, y := play.WorldLayout().ToPixel(p.To)
			a.add(x, y)
		}
	case rules.Fired, rules.Hit, rules.Missed:
		if p.HasFrom {
			x, y := play.WorldLayout().ToPixel(p.From)
			a.add(x, y)
		}
		if p.HasTo {
			x, y := play.WorldLayout().ToPixel(p.To)
			a.add(x, y)
		}
	}
}

// impact shows a hit: shield flash or hull sparks, and the damage.
func (d director) impact(e rules.Event, at float64, x0, y0, x1, y1, r float32, sp float64) {
	fx := d.b.fx
	if e.ShieldDamage > 0 {
		s := fx.Add(render.FxShield, at, 0.45*sp)
		// The flash sits on the side facing the shot.
		dx, dy := x0-x1, y0-y1
		l := float32(math.Hypot(float64(dx), float64(dy)))
		if l > 0 {
			dx, dy = dx/l, dy/l
		}
		s.X0, s.Y0, s.Size, s.Col = x1, y1, r*1.25, render.RGB(0x6fc0ff)
		s.X1, s.Y1 = x1+dx*r*1.1, y1+dy*r*1.1
		s.Sound = sound.Shield
	}
	if e.HullDamage > 0 {
		s := fx.Add(render.FxFlash, at, 0.5*sp)
		s.X0, s.Y0, s.Size, s.Col = x1, y1, r*0.9, render.RGB(0xffa050)
	}
	if e.Damage > 0 {
		col := render.ColWarn.RGBA()
		if e.HullDamage > 0 {
			col = render.ColBad.RGBA()
		}
		d.text(x1+r*0.6, y1-r, strconv.Itoa(e.Damage), col, at, sp)
	}
}

func (d director) text(x, y float32, s string, c render.RGBA, at, sp float64) {
	e := d.b.fx.Add(render.FxText, at, 1.1*sp)
	e.X0, e.Y0, e.Text, e.Col = x, y, s, c
}

// face turns a ship toward the hex it fires at (a station does not turn).
func (d director) face(k play.Sight, heading []float32, id rules.ShipID, x, y float32, to hex.Hex) {
	if id < 0 || int(id) >= len(heading) || d.isStation(id) {
		return
	}
	tx, ty := d.worldPos(to)
	if tx != x || ty != y {
		heading[id] = float32(math.Atan2(float64(ty-y), float64(tx-x)))
	}
}

// isStation reports whether a ship is a station, by its class in the
// scenario (public: what class each ship is).
func (d director) isStation(id rules.ShipID) bool {
	su := &d.b.s.Scenario.Setup
	if id < 0 || int(id) >= len(su.Ships) {
		return false
	}
	c := su.Ships[id].Class
	return c >= 0 && c < len(su.Classes) && su.Classes[c].Station
}

// targetRadius is how big a ship the side knows of is drawn, for effects on
// it.
func (d director) targetRadius(k play.Sight, id rules.ShipID) float32 {
	sh := k.Ship(id)
	if sh == nil {
		return 20
	}
	c := k.Class(sh)
	if c.Station {
		return float32(play.HexSize) * 2.4
	}
	return d.b.g.Kit.ShipLength(c.ID, c.Faction) * 0.45
}

func weaponSound(k rules.WeaponKind) sound.ID {
	switch k {
	case rules.Phaser:
		return sound.Phaser
	case rules.PulseCannon:
		return sound.Pulse
	case rules.Disruptor:
		return sound.Disruptor
	case rules.Polaron:
		return sound.Polaron
	case rules.PhotonTorpedo, rules.QuantumTorpedo:
		return sound.Torpedo
	}
	return sound.None
}

func bannerTurn(turn, limit int) string {
	return "Turn " + strconv.Itoa(turn) + " of " + strconv.Itoa(limit)
}
