package ui

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"
	"log"
	"os"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/ui/input"
	"github.com/calltoarms/ds9/game/ui/saves"
	"github.com/calltoarms/ds9/game/ui/scene"
)

// Options are the game's command-line settings (see scene.Options).
type Options = scene.Options

// Game is the ebiten.Game: it runs the scene manager in Ebitengine's loop
// and adds what only a running program needs: the frame-time statistics,
// the screenshot mode, the window and the browser page's hooks.
type Game struct {
	m *scene.Manager

	stats    frameStats
	shotDone bool
	web      webPage // the browser page's hooks (web_js.go)
}

// NewGame prepares the game from its options.
func NewGame(o Options) (*Game, error) {
	g := &Game{}
	g.web.options(&o) // the browser page's part: its loading screen, the battle to resume (web_js.go)
	m, err := scene.New(o)
	if err != nil {
		return nil, err
	}
	g.m = m
	m.Input.Source = input.EbitenSource{PointerIn: g.web.pointerIn, Coarse: g.web.coarse}
	return g, nil
}

// Manager is the game's scene manager.
func (g *Game) Manager() *scene.Manager { return g.m }

// Update implements ebiten.Game.
func (g *Game) Update() error {
	if g.shotDone {
		return ebiten.Termination
	}
	t0 := time.Now()
	err := g.m.Update()
	g.stats.update(time.Since(t0))
	if err != nil {
		return err
	}
	g.web.update(g) // the browser page's hooks (web_js.go); nothing on the desktop
	if o := g.m.Opts; o.Screenshot == "" && o.Frames > 0 && g.m.Frame >= o.Frames {
		return ebiten.Termination
	}
	return nil
}

// Draw implements ebiten.Game.
func (g *Game) Draw(screen *ebiten.Image) {
	t0 := time.Now()
	g.m.Draw(screen)
	g.stats.frame(t0)
	if o := g.m.Opts; o.Screenshot != "" && !g.shotDone && g.m.Frame >= max(o.Frames, 1) {
		if err := writeScreenshot(o.Screenshot, screen); err != nil {
			log.Printf("screenshot: %v", err)
		}
		g.shotDone = true
	}
}

func writeScreenshot(path string, screen *ebiten.Image) error {
	b := screen.Bounds()
	img := image.NewRGBA(b)
	screen.ReadPixels(img.Pix)
	// The screen is premultiplied; the picture is opaque, so it reads as is.
	for i := 3; i < len(img.Pix); i += 4 {
		img.Pix[i] = 255
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return err
	}
	return saves.WritePath(path, buf.Bytes())
}

// LayoutF implements ebiten.LayoutFer.
func (g *Game) LayoutF(outsideW, outsideH float64) (float64, float64) {
	return g.m.LayoutF(outsideW, outsideH)
}

// Layout implements ebiten.Game (LayoutF is used instead).
func (g *Game) Layout(outsideW, outsideH int) (int, int) { return g.m.Layout(outsideW, outsideH) }

// The smallest window the desktop game allows: every screen is laid out
// for it (and for phones in the browser, smaller still).
const minWidth, minHeight = 800, 600

// Run opens the window and plays until the player quits.
func Run(o Options) error {
	g, err := NewGame(o)
	if err != nil {
		return err
	}
	ebiten.SetWindowTitle(g.m.WindowTitle())
	ebiten.SetWindowSize(g.m.Opts.Width, g.m.Opts.Height)
	if o.Screenshot == "" {
		// (A screenshot may be of any size: a phone's, to look at.)
		ebiten.SetWindowSizeLimits(minWidth, minHeight, -1, -1)
	}
	ebiten.SetWindowResizingMode(ebiten.WindowResizingModeEnabled)
	if o.Screenshot != "" {
		// Render as fast as possible; the picture is what counts.
		ebiten.SetVsyncEnabled(false)
	}
	ebiten.SetScreenClearedEveryFrame(false)
	err = ebiten.RunGameWithOptions(g, &ebiten.RunGameOptions{})
	if o.Stats {
		fmt.Fprintln(os.Stderr, g.stats.report())
	}
	if errors.Is(err, ebiten.Termination) {
		err = nil
	}
	return err
}
