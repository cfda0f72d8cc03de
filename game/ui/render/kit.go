// Package render draws the game: the Kit (the art, loaded once: fonts and the
// cache of rendered text, the effects atlas and its batches, the shaders from
// assets/shaders, ship sprites from their looks, the starfield), the palette,
// the battle map (World) and the pool of visual effects (Effects). It knows
// the play model's camera but no scene.
package render

import (
	"fmt"
	"image"
	"image/color"
	"io/fs"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/assets"
)

// Kit is the art the game draws with, made once when the game starts and
// owned by it: the Go fonts, the effects atlas, the shaders compiled from
// assets/shaders, the ship sprites drawn from their looks, the starfield and
// the cache of rendered text. Everything that draws is handed the kit; there
// is no drawing state outside it.
type Kit struct {
	fonts    fontSources
	text     textCache
	atlas    *ebiten.Image
	wormhole *ebiten.Shader // nil until Warm compiles it, or when it does not compile: the map is drawn without it
	belt     *ebiten.Shader
	warmed   int // how many of the shaders Warm has compiled
	looks    *Looks
	sprites  spriteSet
	stars    *background
	Space    color.Color // the clear colour, boxed once
	skip     string
}

// KitOptions are the kit's debugging switches.
type KitOptions struct {
	// DirectText draws every line of text with text.Draw, uncached, to
	// compare (DS9_DIRECTTEXT).
	DirectText bool
	// Skip leaves the named layers out of the battle's drawing, to measure
	// what each costs (DS9_SKIP=world,hud).
	Skip string
}

// NewKit loads the art.
func NewKit(o KitOptions) (*Kit, error) {
	k := &Kit{skip: o.Skip}
	var err error
	if k.fonts, err = loadFonts(); err != nil {
		return nil, err
	}
	k.text = textCache{lines: map[textKey]*textEntry{}, direct: o.DirectText}
	k.atlas = newAtlas()
	data, err := fs.ReadFile(assets.FS, "looks.yaml")
	if err != nil {
		return nil, fmt.Errorf("assets/looks.yaml: %v", err)
	}
	if k.looks, err = LoadLooks("assets/looks.yaml", data); err != nil {
		return nil, err
	}
	k.sprites = spriteSet{ships: map[string]*ebiten.Image{}}
	k.stars = newBackground()
	k.Space = spaceFill()
	return k, nil
}

// Warm compiles the next shader not compiled yet, and reports whether any
// is left. The first frame does not wait for the shaders: the game calls
// Warm once a frame after it, and until a shader is compiled what it draws
// is left out (the plasma belt's shimmer, the wormhole's mouth).
func (k *Kit) Warm() bool {
	switch k.warmed {
	case 0:
		k.wormhole = loadShader("shaders/wormhole.kage")
	case 1:
		k.belt = loadShader("shaders/belt.kage")
	default:
		return false
	}
	k.warmed++
	return k.warmed < 2
}

// Looks are the ship classes' looks.
func (k *Kit) Looks() *Looks { return k.looks }

// Wormhole is the shader of the wormhole's mouth, or nil.
func (k *Kit) Wormhole() *ebiten.Shader { return k.wormhole }

// SkipLayer reports whether a layer is left out (KitOptions.Skip).
func (k *Kit) SkipLayer(name string) bool {
	return k.skip != "" && strings.Contains(k.skip, name)
}

// background is the starfield and nebula behind every scene.
type background struct {
	stars *ebiten.Image
	op    ebiten.DrawImageOptions
}

const starTile = 512

func newBackground() *background {
	img := image.NewRGBA(image.Rect(0, 0, starTile, starTile))
	r := newRand(42)
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i+3] = 255
		img.Pix[i], img.Pix[i+1], img.Pix[i+2] = 5, 7, 13
	}
	for range 900 {
		x, y := r.IntN(starTile), r.IntN(starTile)
		b := 60 + r.IntN(150)
		if r.IntN(20) == 0 {
			b = 255
		}
		tint := r.IntN(3)
		o := (y*starTile + x) * 4
		cr, cg, cb := b, b, b
		switch tint {
		case 0:
			cb = min(255, b+40)
		case 1:
			cr = min(255, b+30)
		}
		img.Pix[o], img.Pix[o+1], img.Pix[o+2] = uint8(cr), uint8(cg), uint8(cb)
		if b > 200 {
			for _, d := range [4][2]int{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
				xx, yy := (x+d[0]+starTile)%starTile, (y+d[1]+starTile)%starTile
				oo := (yy*starTile + xx) * 4
				img.Pix[oo], img.Pix[oo+1], img.Pix[oo+2] = uint8(cr/3), uint8(cg/3), uint8(cb/3)
			}
		}
	}
	return &background{stars: ebiten.NewImageFromImage(img)}
}

// Stars tiles the starfield behind every scene, with a parallax offset.
func (k *Kit) Stars(dst *ebiten.Image, ox, oy float64) {
	k.stars.draw(dst, ox, oy)
}

func (b *background) draw(dst *ebiten.Image, ox, oy float64) {
	w, h := dst.Bounds().Dx(), dst.Bounds().Dy()
	ox = math.Mod(ox, starTile)
	oy = math.Mod(oy, starTile)
	if ox > 0 {
		ox -= starTile
	}
	if oy > 0 {
		oy -= starTile
	}
	for y := oy; y < float64(h); y += starTile {
		for x := ox; x < float64(w); x += starTile {
			b.op.GeoM.Reset()
			b.op.GeoM.Translate(x, y)
			dst.DrawImage(b.stars, &b.op)
		}
	}
}

// newRand is the seeded generator of the procedural art (the same picture
// every run).
func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)) }
