// Package scene holds the scene manager and the scenes of the game: title,
// briefing, battle (with its HUD, the director that turns events into
// effects, the Esc menu and the widgets), the after-action report and the
// replay viewer. The Manager owns the scene in play and what the scenes
// share (the input, the art, the sound, the saves, the settings, the
// scenarios); a scene asks the input for commands, the play model for
// orders and the render kit for pictures.
package scene

import (
	"errors"
	"fmt"
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
	Update(g *Manager) error
	Draw(screen *ebiten.Image)
}

// Settings are the player's choices kept while the game runs.
type Settings struct {
	Speed int // playback speed: an index into speedFactor, below numSpeeds
	Sound bool
}

// numSpeeds is how many playback speeds there are for the enemy's turn
// and for replays.
const numSpeeds = 6

// speedFactor is playback speed i as a factor.
func speedFactor(i int) float64 { return [numSpeeds]float64{0.5, 1, 2, 4, 8, 16}[i] }

// speedNames names the playback speeds.
func speedNames() []string { return []string{"½×", "1×", "2×", "4×", "8×", "16×"} }

// Manager owns the scenes and what they share: the scene in play and the
// next one (it cross-fades between them), the input, the art (one Kit), the
// fonts at the screen's scale, the sound, the saves, the settings and the
// scenarios. The game (game/ui) runs it in Ebitengine's loop; tests run it
// frame by frame.
type Manager struct {
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

	quit      bool
	fadeBatch *render.Batch
	track     statusTrack
}

// New prepares the game from its options: it loads the art and the
// scenarios and picks the first scene.
func New(o Options) (*Manager, error) {
	if o.Width <= 0 {
		o.Width, o.Height = 1280, 720
	}
	if o.Difficulty == "" {
		o.Difficulty = "normal"
	}
	if o.Seed == 0 {
		o.Seed = uint64(time.Now().UnixNano()) | 1
	}
	g := &Manager{Opts: o, Storage: o.Storage, Settings: Settings{Speed: 2, Sound: !o.Mute}}
	if g.Storage == nil {
		g.Storage = saves.Default()
	}
	g.Sound = sound.New(o.Mute || o.Screenshot != "")
	g.Sound.Enabled = g.Sound.Enabled && g.Settings.Sound
	var err error
	if g.Scenarios, err = scenario.All(scenarios.FS); err != nil {
		log.Print(err) // the scenarios that load are still played
	}
	if len(g.Scenarios) == 0 {
		return nil, errors.New("no scenarios found")
	}
	if o.Scenario != "" && g.ScenarioByID(o.Scenario) == nil {
		return nil, fmt.Errorf("no scenario %q (have: %s)", o.Scenario, g.scenarioIDs())
	}
	first := g.Scenarios[0]
	if o.Scenario != "" {
		first = g.ScenarioByID(o.Scenario)
	}
	if g.Opts.Side == "" {
		g.Opts.Side = first.Sides[0].ID
	}
	switch g.Opts.Side {
	case first.Sides[0].ID, first.Sides[1].ID, "hotseat", "watch":
	default:
		return nil, fmt.Errorf("-side %q: want %s, %s, hotseat or watch", g.Opts.Side, first.Sides[0].ID, first.Sides[1].ID)
	}
	switch o.Difficulty {
	case "easy", "normal", "hard":
	default:
		return nil, fmt.Errorf("-difficulty %q: want easy, normal or hard", o.Difficulty)
	}
	g.Input.Source = input.EbitenSource{}
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

func (g *Manager) firstScene() error {
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
func (g *Manager) ScenarioByID(id string) *scenario.Scenario {
	for _, sc := range g.Scenarios {
		if sc.ID == id {
			return sc
		}
	}
	return nil
}

func (g *Manager) scenarioIDs() string {
	var ids []string
	for _, sc := range g.Scenarios {
		ids = append(ids, sc.ID)
	}
	return strings.Join(ids, ", ")
}

// SetScene changes the scene with a short cross-fade.
func (g *Manager) SetScene(s Scene) {
	g.next = s
	g.fade = 0
}

// Speed is the playback speed factor.
func (g *Manager) Speed() float64 { return speedFactor(g.Settings.Speed) }

// Update reads the input and updates the scene in play: one frame. It
// returns ebiten.Termination once the player has quit.
func (g *Manager) Update() error {
	if g.quit {
		return ebiten.Termination
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
	return g.scene.Update(g)
}

// Draw draws the scene in play, fading in a new one.
func (g *Manager) Draw(screen *ebiten.Image) {
	g.scene.Draw(screen)
	if g.fade > 0 {
		a := float32(g.fade) / 12
		g.fadeBatch.Rect(0, 0, float32(screen.Bounds().Dx()), float32(screen.Bounds().Dy()), render.ColSpace.WithA(a))
		g.fadeBatch.Flush(screen)
	}
	g.Frame++
	g.Kit.TextTick()
}

// LayoutF implements ebiten.LayoutFer: the screen has as many pixels as the
// window has device pixels, so everything is sharp on HiDPI screens.
func (g *Manager) LayoutF(outsideW, outsideH float64) (float64, float64) {
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
func (g *Manager) Layout(outsideW, outsideH int) (int, int) {
	w, h := g.LayoutF(float64(outsideW), float64(outsideH))
	return int(w), int(h)
}

// U converts HUD units (pixels at scale 1) to screen pixels.
func (g *Manager) U(v float64) float64 { return v * g.Scale }

// Quit ends the game.
func (g *Manager) Quit() { g.quit = true }

// Current is the scene in play.
func (g *Manager) Current() Scene { return g.scene }

// WindowTitle is the window's title: the game's name and the battle
// chosen to start with.
func (g *Manager) WindowTitle() string {
	sc := g.ScenarioByID(g.Opts.Scenario)
	if sc == nil {
		sc = g.Scenarios[0]
	}
	return "Call to Arms — " + sc.Name
}

// OpenReplay opens a replay file's bytes in the viewer and plays it (a
// replay the browser page hands over: a link, the file picker, a drop); the
// viewer's controls pause and step it.
func (g *Manager) OpenReplay(name string, data []byte) error {
	v, err := newReplayScene(g, name, data)
	if err != nil {
		return err
	}
	if v.rp != nil && v.rp.broken == "" {
		v.rp.playing = true
	}
	g.SetScene(v)
	return nil
}

// ShowError tells the player why something from outside the game (a replay
// in a link) did not open: on the title screen, in its message line.
func (g *Manager) ShowError(err error) {
	if t, ok := g.scene.(*titleScene); ok {
		t.err = err.Error()
	}
}
