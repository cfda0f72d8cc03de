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
	"io/fs"
	"math"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/game/ui/input"
	"github.com/calltoarms/ds9/game/ui/render"
	"github.com/calltoarms/ds9/game/ui/saves"
	"github.com/calltoarms/ds9/game/ui/sound"
)

// Options are the game's command-line settings.
type Options struct {
	Scenario   string // scenario id to select (or start, with Autoplay), or a scenario file's path (scenario.IsPath)
	Side       string // alliance, dominion, hotseat or watch
	Difficulty string // easy, normal or hard
	Replay     string // a replay file to open in the viewer
	Screenshot string // write a PNG of frame Frames here and exit
	Frames     int    // with Screenshot: the frame to capture; alone: quit after this many frames
	Autoplay   bool   // the computer plays both sides, fast
	Stats      bool   // print frame-time statistics on exit
	Scene      string // with Screenshot: title, briefing, battle, report or campaign
	Seed       uint64
	Mute       bool
	Storage    saves.Storage // where saves go; saves.Default() when nil
	Zoom       float64       // with Scene battle: the camera's zoom on the selected ship
	Width      int           // window size in device-independent pixels
	Height     int
	Touch      bool // start as on a touch device (no key hints, the larger size), as a phone's screenshot
	// Advise is how many battles the advisor plays, in the background, from
	// the start of each of the player's phases to tell the chance of each
	// outcome (play.Advisor); 0: no advisor.
	Advise int
	// Progress, when set, is told what the game is loading as it starts (the
	// browser page's loading screen shows it).
	Progress func(stage string)
	// Lenient: a bad setting (an unknown scenario, side, level or scene) is
	// told on the title screen and its default kept, instead of failing New
	// (the browser, whose settings come from the page's address).
	Lenient bool
	// Notices are problems with the settings found before New (the page's
	// address), told on the title screen.
	Notices []string
	// Resume names an autosave to resume at the start, in place of the first
	// scene (the browser page reloaded, or restarted after its graphics were
	// lost); a save that does not resume is told on the title screen.
	Resume string
	// OnBattle, when set, is told the autosave of the battle in play whenever
	// it changes, and "" when no battle of the player's is in play (the
	// browser page keeps it, to resume it on a reload).
	OnBattle func(autosave string)
	// ExportDir is where the desktop game offers to write replays
	// (-save-dir); the user's home folder when empty.
	ExportDir string
	// ShareURL is the page a replay link opens: the page's own address in
	// the browser; on the desktop, -share-url (the page of make serve by
	// default).
	ShareURL string
	// OpenFiles, when set, lets the player pick scenario files (the
	// browser page's file picker): the title screen offers it, and the
	// files picked come back through Manager.OpenScenarioFiles.
	OpenFiles func()

	browser bool  // tests: play as the browser build does (Browser)
	scenFS  fs.FS // tests: the scenarios (scenarios.FS when nil)
	campFS  fs.FS // tests: the campaigns (campaigns.FS when nil)
}

// ErrUsage marks an error in the settings (Options): the desktop game says
// it in one line and exits with status 2.
var ErrUsage = errors.New("usage")

// usageError is a bad setting.
type usageError struct{ msg string }

func (e *usageError) Error() string        { return e.msg }
func (e *usageError) Is(target error) bool { return target == ErrUsage }

// Browser is true in the browser build: the game never ends there (Quit
// returns to the title), and files are offered as downloads.
const Browser = runtime.GOOS == "js"

// Scene is one screen of the game.
type Scene interface {
	Update(g *Manager) error
	Draw(screen *ebiten.Image)
}

// Settings are the player's choices, kept across games (saves.WriteSettings).
type Settings struct {
	Speed   int  `json:"speed"` // playback speed: an index into speedFactor, below numSpeeds
	Sound   bool `json:"sound"`
	UIScale int  `json:"ui_size"`  // the interface's size: an index into uiScale (0: Auto)
	NoGuide bool `json:"no_guide"` // the guided first turns are hidden (F2)
}

// warmAfter is how many frames are drawn before the shaders are compiled
// (render.Kit.Warm): a software GPU takes a second over its first.
const warmAfter = 3

// soundAfter is how many frames the first frame is up before the sound
// device is opened (the player's first click opens it sooner).
const soundAfter = 45

// numSpeeds is how many playback speeds there are for the enemy's turn
// and for replays.
const numSpeeds = 6

// speedFactor is playback speed i as a factor.
func speedFactor(i int) float64 { return [numSpeeds]float64{0.5, 1, 2, 4, 8, 16}[i] }

// speedNames names the playback speeds.
func speedNames() []string { return []string{"½×", "1×", "2×", "4×", "8×", "16×"} }

// The interface's sizes: a factor on the device's pixel ratio. The first,
// Auto, is chosen from the screen (autoScale).
const (
	numUIScales    = 8
	defaultUIScale = 0
)

func uiScale(i int) float64 { return [numUIScales]float64{0, 0.6, 0.8, 1, 1.25, 1.5, 2, 3}[i] }
func uiScaleNames() []string {
	return []string{"Auto", "60%", "80%", "100%", "125%", "150%", "200%", "300%"}
}

// autoScale is the interface's size chosen from the screen: the screen (in
// device-independent pixels) against 1280×720, the size the interface is
// drawn for at 100%, within 80% and 300% (100% on a touch screen, where a
// finger needs the room), in steps of 5%.
func autoScale(w, h float64, touch bool) float64 {
	lo := 0.8
	if touch {
		lo = 1
	}
	f := min(max(min(w/1280, h/720), lo), 3)
	return math.Round(f*20) / 20
}

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
	Scale     float64 // screen pixels to a HUD unit: the device's pixel ratio times the interface's size
	DPR       float64 // the device's pixel ratio: screen pixels to a CSS (or window) pixel
	Frame     int
	Time      float64 // seconds since start (ticks / TPS)
	Scenarios []*scenario.Scenario

	quit      bool
	web       bool // the browser build (Browser), or a test playing it
	fadeBatch *render.Batch
	track     statusTrack
	notices   []string // told on the next title screen
	auto      autosaver
	scen      scenarioSet  // the scenarios found, loaded and still to load (scenarios.go)
	camp      *campaignRun // the campaign in play, if any (campaigns.go)
}

// New prepares the game from its options: it loads the art and the
// scenarios and picks the first scene. A bad option is an error marked
// ErrUsage, or, with Lenient, a notice on the title screen.
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
	g := &Manager{Opts: o, Storage: o.Storage, Settings: Settings{Speed: 2, Sound: true, UIScale: defaultUIScale}, web: Browser || o.browser}
	g.notices = append(g.notices, o.Notices...)
	if g.Storage == nil {
		g.Storage = saves.Default()
	}
	g.loadSettings()
	progress := func(stage string) {
		if o.Progress != nil {
			o.Progress(stage)
		}
	}
	progress("Loading the scenarios")
	// The sound device is opened once the first frame is up (Update).
	g.Sound = sound.NewLater(o.Mute || o.Screenshot != "")
	g.Sound.Enabled = g.Sound.Enabled && g.Settings.Sound && !o.Mute
	// A scenario file of the player's is opened once the built-in ones are
	// known; one that does not open is told on the title screen.
	userPath := ""
	if scenario.IsPath(o.Scenario) {
		userPath, g.Opts.Scenario = o.Scenario, ""
	}
	if err := g.loadScenarios(); err != nil {
		return nil, err
	}
	g.loadKeptScenarios()
	if userPath != "" {
		g.openScenarioPath(userPath)
	}
	if err := g.checkOptions(); err != nil {
		return nil, err
	}
	g.Input.Source = input.EbitenSource{}
	g.Input.TouchDevice = o.Touch
	g.W, g.H = float64(o.Width), float64(o.Height)
	g.DPR = 1
	g.Scale = g.scaleFor()
	progress("Loading the art")
	var err error
	if g.Kit, err = render.NewKit(render.KitOptions{DirectText: os.Getenv("DS9_DIRECTTEXT") != "", Skip: os.Getenv("DS9_SKIP")}); err != nil {
		return nil, err
	}
	g.Fonts = g.Kit.Fonts(g.Scale)
	g.fadeBatch = g.Kit.NewBatch(false)
	progress("Preparing the first screen")
	if err := g.firstScene(); err != nil {
		return nil, err
	}
	return g, nil
}

// checkOptions checks the settings against the scenarios: a bad one fails,
// or, with Lenient, is told and replaced by its default.
func (g *Manager) checkOptions() error {
	o := &g.Opts
	bad := func(msg string, fix func()) error {
		if !o.Lenient {
			return &usageError{msg}
		}
		g.notices = append(g.notices, msg)
		fix()
		return nil
	}
	if o.Scenario != "" && g.ScenarioByID(o.Scenario) == nil {
		if err := bad(fmt.Sprintf("no scenario %q (have: %s)", o.Scenario, g.scenarioIDs())+describeKept(o.Lenient, g.Scenarios[0].ID), func() { o.Scenario = "" }); err != nil {
			return err
		}
	}
	first := g.Scenarios[0]
	if sc := g.ScenarioByID(o.Scenario); sc != nil {
		first = sc
	}
	if o.Side == "" {
		o.Side = first.Sides[0].ID
	}
	if ids := sideIDs(first); !slices.Contains(ids, o.Side) {
		if err := bad(fmt.Sprintf("side %q: want %s", o.Side, strings.Join(ids, ", "))+describeKept(o.Lenient, ids[0]), func() { o.Side = ids[0] }); err != nil {
			return err
		}
	}
	if !slices.Contains(levelIDs(), o.Difficulty) {
		if err := bad(fmt.Sprintf("difficulty %q: want easy, normal or hard", o.Difficulty)+describeKept(o.Lenient, "normal"), func() { o.Difficulty = "normal" }); err != nil {
			return err
		}
	}
	switch o.Scene {
	case "", "title", "briefing", "battle", "report", "campaign":
	default:
		if err := bad(fmt.Sprintf("scene %q: want title, briefing, battle, report or campaign", o.Scene)+describeKept(o.Lenient, "title"), func() { o.Scene = "" }); err != nil {
			return err
		}
	}
	return nil
}

// describeKept says which default a lenient game keeps.
func describeKept(lenient bool, def string) string {
	if !lenient {
		return ""
	}
	return "; kept " + def
}

func (g *Manager) firstScene() error {
	sc := g.ScenarioByID(g.Opts.Scenario)
	if sc == nil {
		sc = g.Scenarios[0]
	}
	if g.Opts.Resume != "" && g.Opts.Replay == "" {
		if s, err := g.openSaved(g.Opts.Resume); err == nil {
			g.scene = newBattleScene(g, s)
			return nil
		} else {
			g.notices = append(g.notices, "The battle in progress could not be resumed: "+err.Error())
		}
	}
	switch {
	case len(g.notices) > 0 && g.Opts.Screenshot == "":
		// What was wrong is told on the title screen, where the settings
		// are chosen again.
		g.scene = newTitleScene(g, sc)
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
	case g.Opts.Scene == "campaign":
		files := g.campaignFiles()
		if len(files) == 0 {
			g.scene = newTitleScene(g, sc)
			break
		}
		g.scene = newCampaignScene(g, files[0].name)
	default:
		g.scene = newTitleScene(g, sc)
	}
	return nil
}

// ScenarioByID returns a scenario, loading the others first when it is not
// loaded yet.
func (g *Manager) ScenarioByID(id string) *scenario.Scenario {
	for _, sc := range g.Scenarios {
		if sc.ID == id {
			return sc
		}
	}
	if len(g.scen.pending) > 0 && id != "" {
		g.loadPendingScenarios()
		return g.ScenarioByID(id)
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
	if g.Input.Dropped != nil {
		g.openDropped(g.Input.Dropped)
	}
	if g.Frame > 0 && (g.Frame >= soundAfter || g.Input.Pressed || g.Input.Clicked) {
		g.Sound.Start()
	}
	if g.Frame >= warmAfter {
		if !g.Kit.Warm() && g.Frame >= warmAfter+2 { // the shaders, one a frame once the first frames are up,
			g.loadNextScenario() // then the other scenarios, one a frame
		}
	}
	g.Time += 1.0 / float64(ebiten.TPS())
	if g.next != nil {
		g.scene = g.next
		g.next = nil
		g.fade = 12
	}
	if g.fade > 0 {
		g.fade--
	}
	err := g.scene.Update(g)
	g.auto.track(g)
	return err
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
	g.DPR = s
	g.W, g.H = w, h
	g.setScale()
	return w, h
}

// setScale sets the scale of the interface: the device's pixel ratio times
// the size the player chose.
func (g *Manager) setScale() {
	if s := g.scaleFor(); s != g.Scale || g.Fonts == nil {
		g.Scale = s
		g.Fonts = g.Kit.Fonts(s)
	}
}

// scaleFor is the interface's scale for the screen and the size chosen.
func (g *Manager) scaleFor() float64 {
	dpr := max(g.DPR, 0.25)
	f := uiScale(g.Settings.UIScale)
	if f == 0 {
		f = autoScale(g.W/dpr, g.H/dpr, g.Input.TouchDevice)
	}
	return dpr * f
}

// Layout implements ebiten.Game (LayoutF is used instead).
func (g *Manager) Layout(outsideW, outsideH int) (int, int) {
	w, h := g.LayoutF(float64(outsideW), float64(outsideH))
	return int(w), int(h)
}

// U converts HUD units (pixels at scale 1) to screen pixels.
func (g *Manager) U(v float64) float64 { return v * g.Scale }

// CanQuit reports whether the game can end: not in the browser, where it
// is the page.
func (g *Manager) CanQuit() bool { return !g.web }

// inBrowser reports whether the game plays in a browser page.
func (g *Manager) inBrowser() bool { return g.web }

// pageInset is the height at the bottom of the screen the browser page's
// own buttons (full screen, open a replay) take on the title and the
// report, in screen pixels: those screens keep clear of it.
func (g *Manager) pageInset() float64 {
	if !g.web {
		return 0
	}
	return 48 * max(g.DPR, 1)
}

// Quit ends the game; in the browser, where the game never ends, it goes
// back to the title.
func (g *Manager) Quit() {
	if !g.CanQuit() {
		if _, ok := g.scene.(*titleScene); !ok {
			g.SetScene(newTitleScene(g, g.titleScenario()))
		}
		return
	}
	g.quit = true
}

// titleScenario is the scenario the title shows: the one in play, or the
// one chosen at the start.
func (g *Manager) titleScenario() *scenario.Scenario {
	switch s := g.scene.(type) {
	case *battleScene:
		return s.s.Scenario
	case *reportScene:
		return s.s.Scenario
	}
	if sc := g.ScenarioByID(g.Opts.Scenario); sc != nil {
		return sc
	}
	return g.Scenarios[0]
}

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
// in a link) did not open: on the title screen, in its message line, or on
// the next one.
func (g *Manager) ShowError(err error) {
	if t, ok := g.scene.(*titleScene); ok {
		t.err = err.Error()
		return
	}
	g.notices = append(g.notices, err.Error())
}

// takeNotices returns the problems to tell on the title screen, once.
func (g *Manager) takeNotices() string {
	n := strings.Join(g.notices, "; ")
	g.notices = nil
	return n
}
