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
// takes to show.
type director struct {
	b *battleScene
}

func (d director) worldPos(h hex.Hex) (float32, float32) {
	x, y := play.WorldLayout().ToPixel(h)
	return float32(x), float32(y)
}

// shipPosNow is where a ship is drawn now, for effects aimed at it.
func (d director) shipWorld(st *rules.State, id rules.ShipID, h hex.Hex) (float32, float32) {
	if id >= 0 && int(id) < len(d.b.motions) {
		if m := &d.b.motions[id]; m.n > 1 {
			p := m.pts[m.n-1]
			return p[0], p[1]
		}
	}
	return d.worldPos(h)
}

// show schedules the events of one order. before is the viewer's view before
// the order. It returns the order's length in scene seconds.
func (d director) show(evs []rules.Event, before, after *rules.View, speed float64, animate bool) float64 {
	b := d.b
	st := b.s.State()
	fx := b.fx
	now := b.now
	side := after.Side
	t := 0.0    // offset of the next thing in the order
	lastT := 0. // end of the last effect
	shotN := 0
	var moving rules.ShipID = rules.NoShip
	var mv *motion
	sp := 1 / speed
	b.action.n = 0
	for _, e := range evs {
		if !play.EventVisible(e, side, before, after) {
			continue
		}
		d.where(e)
		if line := play.Describe(b.s.Scenario, st, e); line != "" && e.Kind != rules.Hit {
			b.log.add(line, e.Side, b.g.Frame)
		}
		switch e.Kind {
		case rules.TurnBegan:
			b.banner(bannerTurn(e.Turn, st.TurnLimit), "")
			b.turnBegan(e.Turn)
		case rules.PhaseBegan:
			b.phaseBanner(e.Side)
			b.camMoved = false // the camera follows the new phase's action
		}
		if !animate {
			continue
		}
		at := now + t*sp
		switch e.Kind {
		case rules.Moved:
			if e.Ship != moving {
				moving = e.Ship
				mv = &b.motions[e.Ship]
				mv.t0, mv.step, mv.n = at, tStep*sp, 0
				x, y := d.worldPos(e.From)
				mv.pts[0] = [2]float32{x, y}
				mv.n = 1
			}
			if mv.n < maxMotion {
				x, y := d.worldPos(e.To)
				mv.pts[mv.n] = [2]float32{x, y}
				mv.n++
			} else {
				x, y := d.worldPos(e.To)
				mv.pts[maxMotion-1] = [2]float32{x, y}
			}
			t += tStep
			lastT = t
			if mv.n >= 2 {
				p, q := mv.pts[mv.n-2], mv.pts[mv.n-1]
				b.heading[e.Ship] = float32(math.Atan2(float64(q[1]-p[1]), float64(q[0]-p[0])))
			}
		case rules.Fired:
			x0, y0 := d.shipWorld(st, e.Ship, e.From)
			e2 := fx.Add(render.FxFlash, at, 0.25*sp)
			e2.X0, e2.Y0, e2.Size, e2.Col = x0, y0, 10, render.WeaponColor(e.WeaponKind)
			e2.Sound = weaponSound(e.WeaponKind)
			shotN = 0
			d.face(e.Ship, x0, y0, e.To)
		case rules.Hit, rules.Missed:
			x0, y0 := d.shipWorld(st, e.Ship, e.From)
			x1, y1 := d.shipWorld(st, e.Target, e.To)
			ts := at + float64(shotN)*tShot*sp
			shotN++
			r := d.targetRadius(st, e.Target)
			if e.Kind == rules.Missed {
				a := float64(shotN)*2.1 + float64(e.Target)
				x1 += float32(math.Cos(a)) * r * 1.6
				y1 += float32(math.Sin(a)) * r * 1.6
			}
			travel := tBeam
			k := render.FxBeam
			size := float32(2.2)
			switch e.WeaponKind {
			case rules.PhotonTorpedo, rules.QuantumTorpedo:
				k, travel, size = render.FxTorpedo, tTorpedo, 3.5
			case rules.PulseCannon:
				k, travel, size = render.FxBolt, 0.28, 2.4
			case rules.Disruptor:
				size = 2.8
			}
			s := fx.Add(k, ts, travel*sp)
			s.X0, s.Y0, s.X1, s.Y1, s.Size, s.Col = x0, y0, x1, y1, size, render.WeaponColor(e.WeaponKind)
			arrive := ts + travel*0.8*sp
			if k == render.FxBeam {
				arrive = ts + 0.05*sp
			}
			if e.Kind == rules.Hit {
				d.impact(e, arrive, x0, y0, x1, y1, r, sp)
			}
			lastT = max(lastT, (arrive-now)/sp+0.3)
		case rules.ShieldsDown:
			x, y := d.shipWorld(st, e.Ship, e.To)
			r := d.targetRadius(st, e.Ship)
			s := fx.Add(render.FxRing, now+lastT*sp, 0.6*sp)
			s.X0, s.Y0, s.Size, s.Col = x, y, r*2.2, render.RGB(0x7fc8ff)
			d.text(x, y-r, "Shields down", render.ColWarn.RGBA(), now+lastT*sp, sp)
		case rules.SectionDisabled:
			x, y := d.shipWorld(st, e.Ship, e.To)
			s := fx.Add(render.FxExplosion, now+lastT*sp, tBoom*sp)
			s.X0, s.Y0, s.Size, s.Col, s.Seed = x+float32(e.Section%5-2)*18, y+float32(e.Section%3-1)*18, 26, render.RGB(0xff8a3a), float32(e.Section)
			s.Sound = sound.Explosion
			d.text(x, y-60, play.SectionName(st, e.Ship, e.Section)+" out of action", render.ColBad.RGBA(), now+lastT*sp, sp)
			lastT += 0.3
		case rules.ShipDestroyed:
			x, y := d.shipWorld(st, e.Ship, e.To)
			s := fx.Add(render.FxExplosion, now+lastT*sp, tBoom*sp)
			s.X0, s.Y0, s.Size, s.Col, s.Seed = x, y, d.targetRadius(st, e.Ship)*1.1, render.RGB(0xffa040), float32(e.Ship)*0.37
			s.Sound = sound.Explosion
			if sh := st.Ship(e.Ship); sh != nil {
				c := st.Class(sh)
				s.Sprite = d.b.g.Kit.ShipImage(c.ID, c.Faction)
				s.Angle = b.heading[e.Ship]
				s.Size = d.b.g.Kit.ShipLength(c.ID, c.Faction) / 2
			}
			lastT += 0.35
		case rules.MineLaid:
			x, y := d.worldPos(e.To)
			s := fx.Add(render.FxSparkle, at, 0.8*sp)
			s.X0, s.Y0, s.Size, s.Col = x, y, 18, render.ColMine.RGBA()
			s.Sound = sound.Click
			s = fx.Add(render.FxRing, at, 0.7*sp)
			s.X0, s.Y0, s.Size, s.Col = x, y, 40, render.ColMine.RGBA()
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
				if play.HasWormhole(st.Map) {
					sub = play.SideTitle(b.s.Scenario, st.Fields[e.Field].Owner.Other()) + " reinforcements through the wormhole are stopped"
				}
				b.banner("The minefield is active", sub)
			}
			lastT = max(lastT, t+1)
		case rules.MineDetonated:
			x, y := d.worldPos(e.To)
			s := fx.Add(render.FxExplosion, at, 0.9*sp)
			s.X0, s.Y0, s.Size, s.Col, s.Seed = x, y, 22, render.ColMine.RGBA(), float32(e.To.Q)
			s.Sound = sound.Mine
			s = fx.Add(render.FxRing, at, 0.7*sp)
			s.X0, s.Y0, s.Size, s.Col = x, y, 70, render.ColMine.RGBA()
			d.text(x, y-20, strconv.Itoa(e.Damage), render.ColMine.RGBA(), at, sp)
			lastT = max(lastT, t+0.6)
		case rules.MineReplicated:
			x, y := d.worldPos(e.To)
			s := fx.Add(render.FxSparkle, at, 0.9*sp)
			s.X0, s.Y0, s.Size, s.Col = x, y, 16, render.ColMine.RGBA()
		case rules.CloakEngaged, rules.CloakDropped:
			x, y := d.shipWorld(st, e.Ship, e.To)
			if sh := st.Ship(e.Ship); sh != nil {
				s := fx.Add(render.FxShimmer, at, 0.9*sp)
				c := st.Class(sh)
				s.X0, s.Y0, s.Size, s.Col = x, y, d.b.g.Kit.ShipLength(c.ID, c.Faction)/2, render.RGB(0x9fe0c0)
				if e.Ship < rules.ShipID(len(b.heading)) {
					s.Angle = b.heading[e.Ship]
				}
				s.FadeOut = e.Kind == rules.CloakEngaged
				if s.FadeOut && sh.Side != side {
					s.Sprite = d.b.g.Kit.ShipImage(c.ID, c.Faction)
				}
				s.Sound = sound.Cloak
			}
			t += 0.5
			lastT = t
		case rules.Detected:
			x, y := d.worldPos(e.To)
			s := fx.Add(render.FxRing, at, 0.8*sp)
			s.X0, s.Y0, s.Size, s.Col = x, y, 70, render.ColWarn.RGBA()
			d.text(x, y-24, "Detected", render.ColWarn.RGBA(), at, sp)
		case rules.MoveInterrupted:
			x, y := d.worldPos(e.To)
			s := fx.Add(render.FxRing, at, 0.6*sp)
			s.X0, s.Y0, s.Size, s.Col = x, y, 50, render.ColBad.RGBA()
			d.text(x, y-24, "Contact!", render.ColBad.RGBA(), at, sp)
		case rules.CoverBegan, rules.CoveringFire:
			x0, y0 := d.shipWorld(st, e.Ship, e.From)
			x1, y1 := d.shipWorld(st, e.Target, e.To)
			if e.Kind == rules.CoverBegan {
				if sh := st.Ship(e.Ship); sh != nil {
					x0, y0 = d.shipWorld(st, e.Ship, sh.Pos)
				}
				if tg := st.Ship(e.Target); tg != nil {
					x1, y1 = d.shipWorld(st, e.Target, tg.Pos)
				}
			}
			s := fx.Add(render.FxLink, at, 0.9*sp)
			s.X0, s.Y0, s.X1, s.Y1, s.Size, s.Col = x0, y0, x1, y1, 5, render.RGB(0x8fff9a)
		case rules.PerimeterFire:
			x, y := d.shipWorld(st, e.Ship, e.From)
			s := fx.Add(render.FxRing, at, 0.5*sp)
			s.X0, s.Y0, s.Size, s.Col = x, y, 140, render.RGB(0xffb060)
		case rules.MainPowerLost:
			b.powerLost(e.Ship)
			down := play.ShipName(st, e.Ship) + ": shields and weapons are down"
			if sec := play.MainPowerSection(st, e.Ship); sec != "" {
				down = sec + " is gone: " + play.ShipName(st, e.Ship) + "'s shields and weapons are down"
			}
			b.banner("Main power lost", down)
			if b.g.Sound != nil {
				b.g.Sound.Play(sound.Alarm)
			}
		case rules.EvacuationOrdered:
			b.banner("Evacuation ordered", "")
		case rules.Sabotaged:
			b.banner("Sabotage", play.ShipName(st, e.Ship)+"'s computers and power are sabotaged")
			b.powerLost(e.Ship)
		case rules.StationCaptured:
			b.banner(play.ShipName(st, e.Ship)+" is captured", "")
		case rules.Boarded:
			x, y := d.worldPos(e.To)
			s := fx.Add(render.FxSparkle, at, 1*sp)
			s.X0, s.Y0, s.Size, s.Col = x, y, 40, render.RGB(0xd0b0ff)
		case rules.Withdrew:
			x, y := d.shipWorld(st, e.Ship, e.From)
			s := fx.Add(render.FxWarp, at, 0.6*sp)
			s.X0, s.Y0, s.X1, s.Y1, s.Size, s.Col = x, y, x+260, y, 6, render.RGB(0xa0d0ff)
			s.Sound = sound.Warp
		case rules.ReinforcementsArrived:
			if w := after.Wing(e.Value); w != nil {
				for i, id := range w.Ships {
					if sh := after.Ship(id); sh != nil {
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
			b.banner("The minefield holds", play.WingName(st, e.Value)+" is stopped at the wormhole")
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
			if o, ok := st.OutcomeInfo(); ok {
				b.banner(o.Title, "")
			}
		case rules.TermsRefusedEvent:
			b.banner("Terms refused", play.TermsRefused(b.s.Scenario)+" "+play.StationName(st)+" will fight.")
		}
	}
	return lastT * sp
}

// where adds the place of an event to the order's action box (the camera
// follows it during the computer's phases).
func (d director) where(e rules.Event) {
	a := &d.b.action
	switch e.Kind {
	case rules.Moved, rules.MineLaid, rules.MineDetonated, rules.ShipDestroyed, rules.SectionDisabled, rules.Boarded, rules.Detected, rules.MoveInterrupted:
		x, y := play.WorldLayout().ToPixel(e.To)
		a.add(x, y)
	case rules.Fired, rules.Hit, rules.Missed:
		x, y := play.WorldLayout().ToPixel(e.From)
		a.add(x, y)
		x, y = play.WorldLayout().ToPixel(e.To)
		a.add(x, y)
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

func (d director) face(id rules.ShipID, x, y float32, to hex.Hex) {
	if id < 0 || int(id) >= len(d.b.heading) {
		return
	}
	st := d.b.s.State()
	if sh := st.Ship(id); sh != nil && st.Class(sh).Station {
		return
	}
	tx, ty := d.worldPos(to)
	if tx != x || ty != y {
		d.b.heading[id] = float32(math.Atan2(float64(ty-y), float64(tx-x)))
	}
}

func (d director) targetRadius(st *rules.State, id rules.ShipID) float32 {
	sh := st.Ship(id)
	if sh == nil {
		return 20
	}
	c := st.Class(sh)
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
