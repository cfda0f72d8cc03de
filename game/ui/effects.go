package ui

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"github.com/calltoarms/ds9/game/ui/play"
	"github.com/calltoarms/ds9/game/ui/sound"
)

// fxKind is a kind of visual effect.
type fxKind uint8

const (
	fxNone      fxKind = iota
	fxBeam             // a beam weapon: a glowing line
	fxBolt             // a pulse cannon bolt travelling
	fxTorpedo          // a torpedo travelling, with a trail
	fxFlash            // a burst of light
	fxShield           // a shield bubble lighting up
	fxExplosion        // a ship blowing up
	fxRing             // an expanding ring (shockwave, sensor ping, ripple)
	fxSparkle          // a twinkle (mine laid)
	fxShimmer          // a cloak shimmer
	fxText             // a floating text
	fxWarp             // a warp streak
	fxLink             // a pulsing link between two points (cover)
)

// effect is one visual effect; effects live in a fixed pool.
type effect struct {
	kind     fxKind
	t0, dur  float64 // start and length in seconds of scene time
	x0, y0   float32 // world position (start)
	x1, y1   float32 // world position (end)
	size     float32 // world radius or width
	col      rgba
	text     string
	sound    sound.ID
	played   bool
	sprite   *ebiten.Image // explosions and shimmers draw the ship fading
	angle    float32
	fadeOut  bool // shimmer: the ship fades out (cloak) rather than in
	seed     float32
	weaponed bool
}

// maxEffects bounds the pool: the oldest effects give way.
const maxEffects = 2048

// effects is the pool of running effects and the batches that draw them.
type effects struct {
	pool  [maxEffects]effect
	next  int
	live  int
	glow  *batch // additive
	solid *batch // normal blending
	spOp  ebiten.DrawImageOptions
	sound *sound.Sound
	k     *Kit
}

func newEffects(k *Kit, snd *sound.Sound) *effects {
	return &effects{glow: k.newBatch(true), solid: k.newBatch(false), sound: snd, k: k}
}

// add starts an effect; it returns it for the caller to fill in.
func (f *effects) add(kind fxKind, t0, dur float64) *effect {
	// Take a free slot near the cursor, else the oldest.
	for range 64 {
		e := &f.pool[f.next]
		f.next = (f.next + 1) % maxEffects
		if e.kind == fxNone {
			*e = effect{kind: kind, t0: t0, dur: dur}
			f.live++
			return e
		}
	}
	e := &f.pool[f.next]
	f.next = (f.next + 1) % maxEffects
	if e.kind == fxNone {
		f.live++
	}
	*e = effect{kind: kind, t0: t0, dur: dur}
	return e
}

// clear removes every effect.
func (f *effects) clear() {
	for i := range f.pool {
		f.pool[i].kind = fxNone
	}
	f.live = 0
}

// busy reports whether an effect is still running or waiting at time now.
func (f *effects) busy(now float64) bool {
	if f.live == 0 {
		return false
	}
	for i := range f.pool {
		e := &f.pool[i]
		if e.kind != fxNone && e.t0+e.dur > now {
			return true
		}
	}
	return false
}

// update retires finished effects and plays sounds of those starting.
func (f *effects) update(now float64) {
	if f.live == 0 {
		return
	}
	for i := range f.pool {
		e := &f.pool[i]
		if e.kind == fxNone {
			continue
		}
		if now >= e.t0+e.dur {
			e.kind = fxNone
			f.live--
			continue
		}
		if !e.played && now >= e.t0 {
			e.played = true
			if e.sound != sound.None && f.sound != nil {
				f.sound.Play(e.sound)
			}
		}
	}
}

// draw draws every running effect.
func (f *effects) draw(dst *ebiten.Image, cam *play.Camera, now float64, face *text.GoTextFace) {
	if f.live == 0 {
		return
	}
	z := float32(cam.Zoom)
	for i := range f.pool {
		e := &f.pool[i]
		if e.kind == fxNone || now < e.t0 {
			continue
		}
		t := float32((now - e.t0) / e.dur) // 0..1
		if t > 1 {
			continue
		}
		sx0, sy0 := cam.ToScreen(float64(e.x0), float64(e.y0))
		sx1, sy1 := cam.ToScreen(float64(e.x1), float64(e.y1))
		x0, y0, x1, y1 := float32(sx0), float32(sy0), float32(sx1), float32(sy1)
		switch e.kind {
		case fxBeam:
			a := 1 - t*t
			w := e.size * z
			f.glow.Line(x0, y0, x1, y1, max(w*3, 5), texGlowLn, e.col.Mul(0.7*a))
			f.glow.Line(x0, y0, x1, y1, max(w, 1.6), texLine, rgba{1, 1, 1, a * 0.9})
			f.glow.Sprite(x1, y1, max(w*4, 6), texGlow, e.col.Mul(a))
			f.glow.Sprite(x0, y0, max(w*2.5, 4), texGlow, e.col.Mul(a*0.8))
		case fxBolt, fxTorpedo:
			// Travel in the first 80%, then burst.
			u := min(t/0.8, 1)
			px, py := x0+(x1-x0)*u, y0+(y1-y0)*u
			if t < 0.8 {
				tail := float32(0.18)
				if e.kind == fxBolt {
					tail = 0.1
				}
				u0 := max(0, u-tail)
				tx, ty := x0+(x1-x0)*u0, y0+(y1-y0)*u0
				w := e.size * z
				f.glow.Line(tx, ty, px, py, max(w*2, 3), texGlowLn, e.col.Mul(0.8))
				f.glow.Sprite(px, py, max(w*2.2, 4), texGlow, e.col)
				f.glow.Sprite(px, py, max(w*0.9, 2), texGlow, rgba{1, 1, 1, 0.9})
			} else {
				k := (t - 0.8) / 0.2
				f.glow.Sprite(x1, y1, max(e.size*z*(3+4*k), 6), texGlow, e.col.Mul(1-k))
			}
		case fxFlash:
			k := t
			r := e.size * z * (0.6 + 0.8*k)
			f.glow.Sprite(x0, y0, max(r, 3), texGlow, e.col.Mul(1-k))
		case fxShield:
			a := (1 - t) * 0.9
			r := e.size * z * (1 + 0.08*t)
			f.glow.Sprite(x0, y0, r, texRing, e.col.Mul(a))
			f.glow.Sprite(x0, y0, r*0.95, texGlow, e.col.Mul(a*0.35))
			// The bright spot where the shot struck.
			f.glow.Sprite(x1, y1, r*0.35, texGlow, rgba{1, 1, 1, a})
		case fxExplosion:
			if e.sprite != nil && t < 0.35 {
				f.drawSprite(dst, e.sprite, x0, y0, 2*e.size*z/(shipSprite*0.68), e.angle, 1-t/0.35)
			}
			r := e.size * z
			k := t
			f.glow.Sprite(x0, y0, r*(0.8+2.2*k), texGlow, rgb(0xffb050).Mul(1-k))
			f.glow.Sprite(x0, y0, r*(0.5+1.2*k), texGlow, rgba{1, 1, 0.85, (1 - k) * (1 - k)})
			f.glow.Sprite(x0, y0, r*(0.5+3.5*k), texRing, e.col.Mul((1-k)*0.8))
			for j := range 8 {
				a := float64(j)*0.785 + float64(e.seed)
				d := r * (0.3 + 2.6*k) * (0.7 + 0.3*float32(math.Sin(float64(j)*2.7+float64(e.seed))))
				px, py := x0+d*float32(math.Cos(a)), y0+d*float32(math.Sin(a))
				f.glow.Sprite(px, py, max(r*0.25*(1-k), 1.5), texGlow, rgb(0xffd27a).Mul(1-k))
			}
		case fxRing:
			r := e.size * z * (0.2 + 0.8*t)
			f.glow.Sprite(x0, y0, max(r, 2), texRing, e.col.Mul(1-t))
		case fxSparkle:
			r := e.size * z * (0.6 + 0.4*float32(math.Sin(float64(t)*math.Pi)))
			f.glow.SpriteRot(x0, y0, r, r, t*2, texStar, e.col.Mul(float32(math.Sin(float64(t)*math.Pi))))
		case fxShimmer:
			a := t
			if !e.fadeOut {
				a = 1 - t
			}
			if e.sprite != nil {
				wob := 1 + 0.06*float32(math.Sin(float64(t)*40))
				f.drawSprite(dst, e.sprite, x0, y0, 2*e.size*z/(shipSprite*0.68)*wob, e.angle, 1-a)
			}
			for j := range 6 {
				ang := float64(j)*1.047 + float64(t)*4
				d := e.size * z * (0.7 + 0.3*float32(math.Sin(float64(t)*9+float64(j))))
				px, py := x0+d*float32(math.Cos(ang)), y0+d*float32(math.Sin(ang))
				f.glow.Sprite(px, py, max(e.size*z*0.22, 2), texStar, e.col.Mul(float32(math.Sin(float64(t)*math.Pi))))
			}
		case fxText:
			y := y0 - 28*t*float32(cam.Zoom+0.5)
			a := min(1, 3*(1-t))
			f.k.Text(dst, e.text, face, float64(x0), float64(y), e.col.Mul(a), Center)
		case fxWarp:
			a := float32(math.Sin(float64(t) * math.Pi))
			f.glow.Line(x0, y0, x1, y1, max(e.size*z, 2), texGlowLn, e.col.Mul(a))
			f.glow.Sprite(x1, y1, max(e.size*z*2, 4), texStar, rgba{1, 1, 1, a})
		case fxLink:
			a := float32(math.Sin(float64(t)*math.Pi)) * 0.8
			f.glow.Line(x0, y0, x1, y1, max(e.size*z, 2), texGlowLn, e.col.Mul(a))
		}
	}
	f.glow.Flush(dst)
}

func (f *effects) drawSprite(dst, img *ebiten.Image, x, y, scale, angle, alpha float32) {
	if alpha <= 0 {
		return
	}
	op := &f.spOp
	op.GeoM.Reset()
	op.GeoM.Translate(-shipSprite/2, -shipSprite/2)
	op.GeoM.Rotate(float64(angle))
	op.GeoM.Scale(float64(scale), float64(scale))
	op.GeoM.Translate(float64(x), float64(y))
	op.ColorScale.Reset()
	op.ColorScale.ScaleAlpha(alpha)
	op.Filter = ebiten.FilterLinear
	dst.DrawImage(img, op)
}
