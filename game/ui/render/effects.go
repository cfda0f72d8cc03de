package render

import (
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"github.com/calltoarms/ds9/game/ui/play"
	"github.com/calltoarms/ds9/game/ui/sound"
)

// FxKind is a kind of visual effect.
type FxKind uint8

const (
	fxNone      FxKind = iota
	FxBeam             // a beam weapon: a glowing line
	FxBolt             // a pulse cannon bolt travelling
	FxTorpedo          // a torpedo travelling, with a trail
	FxFlash            // a burst of light
	FxShield           // a shield bubble lighting up
	FxExplosion        // a ship blowing up
	FxRing             // an expanding ring (shockwave, sensor ping, ripple)
	FxSparkle          // a twinkle (mine laid)
	FxShimmer          // a cloak shimmer
	FxText             // a floating text
	FxWarp             // a warp streak
	FxLink             // a pulsing link between two points (cover)
)

// Effect is one visual effect; effects live in a fixed pool.
type Effect struct {
	kind    FxKind
	t0, dur float64 // start and length in seconds of scene time
	X0, Y0  float32 // world position (start)
	X1, Y1  float32 // world position (end)
	Size    float32 // world radius or width
	Col     RGBA
	Text    string
	Sound   sound.ID
	played  bool
	Sprite  *ebiten.Image // explosions and shimmers draw the ship fading
	Angle   float32
	FadeOut bool // shimmer: the ship fades out (cloak) rather than in
	Seed    float32
}

// maxEffects bounds the pool: the oldest effects give way.
const maxEffects = 2048

// Effects is the pool of running effects and the batches that draw them.
type Effects struct {
	pool  [maxEffects]Effect
	next  int
	Live  int
	glow  *Batch // additive
	solid *Batch // normal blending
	spOp  ebiten.DrawImageOptions
	sound *sound.Sound
	k     *Kit
}

func NewEffects(k *Kit, snd *sound.Sound) *Effects {
	return &Effects{glow: k.NewBatch(true), solid: k.NewBatch(false), sound: snd, k: k}
}

// Add starts an effect; it returns it for the caller to fill in.
func (f *Effects) Add(kind FxKind, t0, dur float64) *Effect {
	// Take a free slot near the cursor, else the oldest.
	for range 64 {
		e := &f.pool[f.next]
		f.next = (f.next + 1) % maxEffects
		if e.kind == fxNone {
			*e = Effect{kind: kind, t0: t0, dur: dur}
			f.Live++
			return e
		}
	}
	e := &f.pool[f.next]
	f.next = (f.next + 1) % maxEffects
	if e.kind == fxNone {
		f.Live++
	}
	*e = Effect{kind: kind, t0: t0, dur: dur}
	return e
}

// Kind is what kind of effect it is.
func (e *Effect) Kind() FxKind { return e.kind }

// Each calls fn for every effect running or waiting to start (tests read
// where the director put them).
func (f *Effects) Each(fn func(e *Effect)) {
	for i := range f.pool {
		if f.pool[i].kind != fxNone {
			fn(&f.pool[i])
		}
	}
}

// Clear removes every effect.
func (f *Effects) Clear() {
	for i := range f.pool {
		f.pool[i].kind = fxNone
	}
	f.Live = 0
}

// Busy reports whether an effect is still running or waiting at time now.
func (f *Effects) Busy(now float64) bool {
	if f.Live == 0 {
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

// Update retires finished effects and plays sounds of those starting.
func (f *Effects) Update(now float64) {
	if f.Live == 0 {
		return
	}
	for i := range f.pool {
		e := &f.pool[i]
		if e.kind == fxNone {
			continue
		}
		if now >= e.t0+e.dur {
			e.kind = fxNone
			f.Live--
			continue
		}
		if !e.played && now >= e.t0 {
			e.played = true
			if e.Sound != sound.None && f.sound != nil {
				f.sound.Play(e.Sound)
			}
		}
	}
}

// Draw draws every running effect.
func (f *Effects) Draw(dst *ebiten.Image, cam *play.Camera, now float64, face *text.GoTextFace) {
	if f.Live == 0 {
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
		sx0, sy0 := cam.ToScreen(float64(e.X0), float64(e.Y0))
		sx1, sy1 := cam.ToScreen(float64(e.X1), float64(e.Y1))
		x0, y0, x1, y1 := float32(sx0), float32(sy0), float32(sx1), float32(sy1)
		switch e.kind {
		case FxBeam:
			a := 1 - t*t
			w := e.Size * z
			f.glow.Line(x0, y0, x1, y1, max(w*3, 5), texGlowLn, e.Col.Mul(0.7*a))
			f.glow.Line(x0, y0, x1, y1, max(w, 1.6), TexLine, RGBA{1, 1, 1, a * 0.9})
			f.glow.Sprite(x1, y1, max(w*4, 6), TexGlow, e.Col.Mul(a))
			f.glow.Sprite(x0, y0, max(w*2.5, 4), TexGlow, e.Col.Mul(a*0.8))
		case FxBolt, FxTorpedo:
			// Travel in the first 80%, then burst.
			u := min(t/0.8, 1)
			px, py := x0+(x1-x0)*u, y0+(y1-y0)*u
			if t < 0.8 {
				tail := float32(0.18)
				if e.kind == FxBolt {
					tail = 0.1
				}
				u0 := max(0, u-tail)
				tx, ty := x0+(x1-x0)*u0, y0+(y1-y0)*u0
				w := e.Size * z
				f.glow.Line(tx, ty, px, py, max(w*2, 3), texGlowLn, e.Col.Mul(0.8))
				f.glow.Sprite(px, py, max(w*2.2, 4), TexGlow, e.Col)
				f.glow.Sprite(px, py, max(w*0.9, 2), TexGlow, RGBA{1, 1, 1, 0.9})
			} else {
				k := (t - 0.8) / 0.2
				f.glow.Sprite(x1, y1, max(e.Size*z*(3+4*k), 6), TexGlow, e.Col.Mul(1-k))
			}
		case FxFlash:
			k := t
			r := e.Size * z * (0.6 + 0.8*k)
			f.glow.Sprite(x0, y0, max(r, 3), TexGlow, e.Col.Mul(1-k))
		case FxShield:
			a := (1 - t) * 0.9
			r := e.Size * z * (1 + 0.08*t)
			f.glow.Sprite(x0, y0, r, TexRing, e.Col.Mul(a))
			f.glow.Sprite(x0, y0, r*0.95, TexGlow, e.Col.Mul(a*0.35))
			// The bright spot where the shot struck.
			f.glow.Sprite(x1, y1, r*0.35, TexGlow, RGBA{1, 1, 1, a})
		case FxExplosion:
			if e.Sprite != nil && t < 0.35 {
				f.drawSprite(dst, e.Sprite, x0, y0, 2*e.Size*z/(ShipSprite*0.68), e.Angle, 1-t/0.35)
			}
			r := e.Size * z
			k := t
			f.glow.Sprite(x0, y0, r*(0.8+2.2*k), TexGlow, RGB(0xffb050).Mul(1-k))
			f.glow.Sprite(x0, y0, r*(0.5+1.2*k), TexGlow, RGBA{1, 1, 0.85, (1 - k) * (1 - k)})
			f.glow.Sprite(x0, y0, r*(0.5+3.5*k), TexRing, e.Col.Mul((1-k)*0.8))
			for j := range 8 {
				a := float64(j)*0.785 + float64(e.Seed)
				d := r * (0.3 + 2.6*k) * (0.7 + 0.3*float32(math.Sin(float64(j)*2.7+float64(e.Seed))))
				px, py := x0+d*float32(math.Cos(a)), y0+d*float32(math.Sin(a))
				f.glow.Sprite(px, py, max(r*0.25*(1-k), 1.5), TexGlow, RGB(0xffd27a).Mul(1-k))
			}
		case FxRing:
			r := e.Size * z * (0.2 + 0.8*t)
			f.glow.Sprite(x0, y0, max(r, 2), TexRing, e.Col.Mul(1-t))
		case FxSparkle:
			r := e.Size * z * (0.6 + 0.4*float32(math.Sin(float64(t)*math.Pi)))
			f.glow.SpriteRot(x0, y0, r, r, t*2, texStar, e.Col.Mul(float32(math.Sin(float64(t)*math.Pi))))
		case FxShimmer:
			a := t
			if !e.FadeOut {
				a = 1 - t
			}
			if e.Sprite != nil {
				wob := 1 + 0.06*float32(math.Sin(float64(t)*40))
				f.drawSprite(dst, e.Sprite, x0, y0, 2*e.Size*z/(ShipSprite*0.68)*wob, e.Angle, 1-a)
			}
			for j := range 6 {
				ang := float64(j)*1.047 + float64(t)*4
				d := e.Size * z * (0.7 + 0.3*float32(math.Sin(float64(t)*9+float64(j))))
				px, py := x0+d*float32(math.Cos(ang)), y0+d*float32(math.Sin(ang))
				f.glow.Sprite(px, py, max(e.Size*z*0.22, 2), texStar, e.Col.Mul(float32(math.Sin(float64(t)*math.Pi))))
			}
		case FxText:
			y := y0 - 28*t*float32(cam.Zoom+0.5)
			a := min(1, 3*(1-t))
			f.k.Text(dst, e.Text, face, float64(x0), float64(y), e.Col.Mul(a), Center)
		case FxWarp:
			a := float32(math.Sin(float64(t) * math.Pi))
			f.glow.Line(x0, y0, x1, y1, max(e.Size*z, 2), texGlowLn, e.Col.Mul(a))
			f.glow.Sprite(x1, y1, max(e.Size*z*2, 4), texStar, RGBA{1, 1, 1, a})
		case FxLink:
			a := float32(math.Sin(float64(t)*math.Pi)) * 0.8
			f.glow.Line(x0, y0, x1, y1, max(e.Size*z, 2), texGlowLn, e.Col.Mul(a))
		}
	}
	f.glow.Flush(dst)
}

func (f *Effects) drawSprite(dst, img *ebiten.Image, x, y, scale, angle, alpha float32) {
	if alpha <= 0 {
		return
	}
	op := &f.spOp
	op.GeoM.Reset()
	op.GeoM.Translate(-ShipSprite/2, -ShipSprite/2)
	op.GeoM.Rotate(float64(angle))
	op.GeoM.Scale(float64(scale), float64(scale))
	op.GeoM.Translate(float64(x), float64(y))
	op.ColorScale.Reset()
	op.ColorScale.ScaleAlpha(alpha)
	op.Filter = ebiten.FilterLinear
	dst.DrawImage(img, op)
}
