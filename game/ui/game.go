package ui

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"
	"log"
	"math"
	"os"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/game/ui/input"
	"github.com/calltoarms/ds9/game/ui/render"
	"github.com/calltoarms/ds9/game/ui/saves"
	"github.com/calltoarms/ds9/game/ui/sound"
	"github.com/calltoarms/ds9/scenarios"
)

// Options are the game's command-line settings.
type Options struct {
	Scenario   string // scenario id to select (or start, with Autoplay)
	Side       string // alliance, dominion, hotseat or watch
	Difficulty string // easy, normal or hard
	Replay     string // a replay file to open in the viewer
	Screenshot string // write a PNG of frame Frames here and exit
	Frames     int    // with Screenshot: the frame to capture; alone: quit after this many frames
	Autoplay   bool   // the computer plays both sides, fast
	Stats      bool   // print frame-time statistics on exit
	Scene      string // with Screenshot: title, briefing, battle or report
	Seed       uint64
	Mute       bool
	Storage    saves.Storage // where saves go; saves.Default() when nil
	Zoom       float64       // with Scene battle: the camera's zoom on the selected ship
	Width      int           // window size in device-independent pixels
	Height     int
}

// Scene is one screen of the game.
type Scene interface {
	Update(g *Game) error
	Draw(screen *ebiten.Image)
}

// Settings are the player's choices kept while the game runs.
type Settings struct {
	Speed int // playback speed index into speeds
	Sound bool
}

// speeds are the playback speeds of the enemy's turn and of replays.
var speeds = [...]float64{0.5, 1, 2, 4, 8, 16}

var speedNames = [...]string{"½×", "1×", "2×", "4×", "8×", "16×"}

// Game is the ebiten.Game: it holds the scene in play, the input, the fonts
// and everything shared by the scenes.
type Game struct {
	Opts     Options
	Input    input.Input
	Kit      *render.Kit // the art, loaded once
	Fonts    *render.Fonts
	Sound    *sound.Sound
	Storage  saves.Storage
	Settings Settings

	scene     Scene
	next      Scene
	fade      int
	W, H      float64 // screen size in pixels
	Scale     float64 // device scale factor
	Frame     int
	Time      float64 // seconds since start (ticks / TPS)
	Scenarios []*scenario.Scenario

	stats     frameStats
	shotDone  bool
	quit      bool
	shotImage *ebiten.Image
	fadeFrom  *ebiten.Image
	lastErr   string
	fadeBatch *render.Batch
	track     statusTrack
	web       webPage // the browser page's hooks (web_js.go)
}

// ErrQuit ends the game normally.
var ErrQuit = ebiten.Termination

// NewGame prepares the game from its options: it loads the scenarios and
// picks the first scene.
func NewGame(o Options) (*Game, error) {
	if o.Width <= 0 {
		o.Width, o.Height = 1280, 720
	}
	if o.Difficulty == "" {
		o.Difficulty = "normal"
	}
	if o.Side == "" {
		o.Side = "alliance"
	}
	if o.Seed == 0 {
		o.Seed = uint64(time.Now().UnixNano()) | 1
	}
	g := &Game{Opts: o, Storage: o.Storage, Settings: Settings{Speed: 2, Sound: !o.Mute}}
	if g.Storage == nil {
		g.Storage = saves.Default()
	}
	g.Sound = sound.New(o.Mute || o.Screenshot != "")
	g.Sound.Enabled = g.Sound.Enabled && g.Settings.Sound
	var err error
	if g.Scenarios, err = scenario.All(scenarios.FS); err != nil {
		return nil, err
	}
	if len(g.Scenarios) == 0 {
		return nil, errors.New("no scenarios found")
	}
	if o.Scenario != "" && g.ScenarioByID(o.Scenario) == nil {
		return nil, fmt.Errorf("no scenario %q (have: %s)", o.Scenario, g.scenarioIDs())
	}
	switch o.Side {
	case "alliance", "dominion", "hotseat", "watch":
	default:
		return nil, fmt.Errorf("-side %q: want alliance, dominion, hotseat or watch", o.Side)
	}
	switch o.Difficulty {
	case "easy", "normal", "hard":
	default:
		return nil, fmt.Errorf("-difficulty %q: want easy, normal or hard", o.Difficulty)
	}
	g.Input.Source = input.EbitenSource{PointerIn: g.pointerIn}
	g.W, g.H = float64(o.Width), float64(o.Height)
	g.Scale = 1
	if g.Kit, err = render.NewKit(render.KitOptions{DirectText: os.Getenv("DS9_DIRECTTEXT") != "", Skip: os.Getenv("DS9_SKIP")}); err != nil {
		return nil, err
	}
	g.Fonts = g.Kit.Fonts(1)
	g.fadeBatch = g.Kit.NewBatch(false)
	if err := g.firstScene(); err != nil {
		return nil, err
	}
	return g, nil
}

func (g *Game) firstScene() error {
	sc := g.ScenarioByID(g.Opts.Scenario)
	if sc == nil {
		sc = g.Scenarios[0]
	}
	switch {
	case g.Opts.Replay != "":
		data, err := saves.ReadPath(g.Opts.Replay)
		if err != nil {
			return err
		}
		v, err := newReplayScene(g, g.Opts.Replay, data)
		if err != nil {
			return err
		}
		g.scene = v
	case g.Opts.Autoplay || g.Opts.Scene == "battle" || g.Opts.Scene == "report":
		side := g.Opts.Side
		if g.Opts.Autoplay {
			side = "watch"
			g.Settings.Speed = 4
		}
		b, err := newBattle(g, sc, side, g.Opts.Difficulty, g.Opts.Seed)
		if err != nil {
			return err
		}
		if g.Opts.Scene == "report" {
			if err := b.playToEnd(); err != nil {
				return err
			}
			g.scene = newReportScene(g, b.s)
			return nil
		}
		if !g.Opts.Autoplay {
			b.toHumanTurn()
		}
		g.scene = b
	case g.Opts.Scene == "briefing":
		g.scene = newBriefingScene(g, sc, g.Opts.Side, g.Opts.Difficulty)
	default:
		g.scene = newTitleScene(g, sc)
	}
	return nil
}

// ScenarioByID returns a loaded scenario.
func (g *Game) ScenarioByID(id string) *scenario.Scenario {
	for _, sc := range g.Scenarios {
		if sc.ID == id {
			return sc
		}
	}
	return nil
}

func (g *Game) scenarioIDs() string {
	var ids []string
	for _, sc := range g.Scenarios {
		ids = append(ids, sc.ID)
	}
	return strings.Join(ids, ", ")
}

// SetScene changes the scene with a short cross-fade.
func (g *Game) SetScene(s Scene) {
	g.next = s
	g.fade = 0
}

// Speed is the playback speed factor.
func (g *Game) Speed() float64 { return speeds[g.Settings.Speed] }

// Update implements ebiten.Game.
func (g *Game) Update() error {
	if g.quit {
		return ErrQuit
	}
	if g.shotDone {
		return ErrQuit
	}
	g.Input.Update()
	g.Time += 1.0 / float64(ebiten.TPS())
	if g.next != nil {
		g.scene = g.next
		g.next = nil
		g.fade = 12
	}
	if g.fade > 0 {
		g.fade--
	}
	t0 := time.Now()
	err := g.scene.Update(g)
	g.stats.update(time.Since(t0))
	if err != nil {
		if errors.Is(err, ErrQuit) {
			return err
		}
		return err
	}
	g.platformUpdate() // the browser page's hooks (web_js.go); nothing on the desktop
	if g.Opts.Screenshot == "" && g.Opts.Frames > 0 && g.Frame >= g.Opts.Frames {
		return ErrQuit
	}
	return nil
}

// Draw implements ebiten.Game.
func (g *Game) Draw(screen *ebiten.Image) {
	t0 := time.Now()
	g.scene.Draw(screen)
	if g.fade > 0 {
		a := float32(g.fade) / 12
		g.fadeBatch.Rect(0, 0, float32(screen.Bounds().Dx()), float32(screen.Bounds().Dy()), render.ColSpace.WithA(a))
		g.fadeBatch.Flush(screen)
	}
	g.Frame++
	g.Kit.TextTick()
	g.stats.frame(t0)
	if g.Opts.Screenshot != "" && !g.shotDone && g.Frame >= max(g.Opts.Frames, 1) {
		if err := g.writeScreenshot(screen); err != nil {
			log.Printf("screenshot: %v", err)
		}
		g.shotDone = true
	}
}

func (g *Game) writeScreenshot(screen *ebiten.Image) error {
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
	return saves.WritePath(g.Opts.Screenshot, buf.Bytes())
}

// LayoutF implements ebiten.LayoutFer: the screen has as many pixels as the
// window has device pixels, so everything is sharp on HiDPI screens.
func (g *Game) LayoutF(outsideW, outsideH float64) (float64, float64) {
	s := 1.0
	if m := ebiten.Monitor(); m != nil {
		s = m.DeviceScaleFactor()
	}
	if s <= 0 || math.IsNaN(s) {
		s = 1
	}
	w, h := math.Ceil(outsideW*s), math.Ceil(outsideH*s)
	if s != g.Scale {
		g.Scale = s
		g.Fonts = g.Kit.Fonts(s)
	}
	g.W, g.H = w, h
	return w, h
}

// Layout implements ebiten.Game (LayoutF is used instead).
func (g *Game) Layout(outsideW, outsideH int) (int, int) {
	w, h := g.LayoutF(float64(outsideW), float64(outsideH))
	return int(w), int(h)
}

// U converts HUD units (pixels at scale 1) to screen pixels.
func (g *Game) U(v float64) float64 { return v * g.Scale }

// Quit ends the game.
func (g *Game) Quit() { g.quit = true }

// Run opens the window and plays until the player quits.
func Run(o Options) error {
	g, err := NewGame(o)
	if err != nil {
		return err
	}
	ebiten.SetWindowTitle("Call to Arms — The Second Battle of Deep Space Nine")
	ebiten.SetWindowSize(g.Opts.Width, g.Opts.Height)
	ebiten.SetWindowSizeLimits(1280, 720, -1, -1)
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

// logf reports a problem that does not stop the game.
func logf(format string, args ...any) { log.Printf(format, args...) }
