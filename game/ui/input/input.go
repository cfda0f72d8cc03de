// Package input is the one place raw input becomes the game's: Input maps
// keys (through the bindings), mouse buttons, the wheel and touches to
// commands and pointer gestures (click, drag, pinch) once a frame. Its raw
// input comes from a Source: Ebitengine in the game, a script in tests.
package input

import (
	"io/fs"
	"math"
	"runtime"
	"slices"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"
)

// Cmd is what a key means to the game. The Input maps raw keys, mouse and
// touch to commands and pointer gestures; scenes ask for commands, never keys.
type Cmd uint8

// The commands.
const (
	CmdNone Cmd = iota
	CmdUp
	CmdDown
	CmdLeft
	CmdRight
	CmdConfirm // Enter
	CmdBack    // Escape
	CmdAct     // Space: act on the cursor hex
	CmdEndTurn
	CmdUndo
	CmdMove
	CmdFire
	CmdMine
	CmdCloak
	CmdCover
	CmdEvacuate
	CmdSabotage
	CmdBoard
	CmdWithdraw
	CmdNextShip
	CmdPrevShip
	CmdNextTarget
	CmdRanges
	CmdIntent
	CmdFit
	CmdZoomIn
	CmdZoomOut
	CmdCurN
	CmdCurNE
	CmdCurSE
	CmdCurS
	CmdCurSW
	CmdCurNW
	CmdWeapon1
	CmdWeapon2
	CmdWeapon3
	CmdWeapon4
	CmdSectionNext
	CmdSectionPrev
	CmdSkip
	CmdFaster
	CmdSlower
	CmdToggleView
	CmdAccept
	CmdRefuse
	CmdSave
	CmdLoad
	CmdHelp
	CmdPanel     // J: fold the battle's side panel out or away (a small screen)
	CmdCarryOn   // G: the selected wing carries out its orders
	CmdAllWings  // Shift+G: every wing carries out its orders
	CmdHold      // U: the selected wing holds where it stands
	CmdWing      // Y: command the selected ship's wing, or one ship of it
	CmdRepair    // Shift+R: the selected station's damage control repairs a section
	CmdReroute   // Shift+O: the selected station re-routes its main power
	CmdGuide     // F2: hide or show the guided first turns
	CmdLogFilter // Shift+L: the event log's next filter (all, combat, orders and objectives)
	cmdCount
)

// binding is a key for a command; shift requires the modifier (Tab). A key
// with a Shift binding (Tab, G, L) means its other command only without
// Shift.
type binding struct {
	key   ebiten.Key
	cmd   Cmd
	shift bool
}

// bindings maps keys to commands. Arrows pan; Q W E / A S D move the hex
// cursor, the classic hex keyboard.
var bindings = []binding{
	{key: ebiten.KeyArrowUp, cmd: CmdUp}, {key: ebiten.KeyArrowDown, cmd: CmdDown},
	{key: ebiten.KeyArrowLeft, cmd: CmdLeft}, {key: ebiten.KeyArrowRight, cmd: CmdRight},
	{key: ebiten.KeyEnter, cmd: CmdConfirm}, {key: ebiten.KeyNumpadEnter, cmd: CmdConfirm},
	{key: ebiten.KeyEscape, cmd: CmdBack},
	{key: ebiten.KeySpace, cmd: CmdAct},
	{key: ebiten.KeyEnter, cmd: CmdEndTurn}, {key: ebiten.KeyN, cmd: CmdEndTurn},
	{key: ebiten.KeyZ, cmd: CmdUndo}, {key: ebiten.KeyBackspace, cmd: CmdUndo},
	{key: ebiten.KeyM, cmd: CmdMove}, {key: ebiten.KeyF, cmd: CmdFire},
	{key: ebiten.KeyL, cmd: CmdLogFilter, shift: true}, {key: ebiten.KeyL, cmd: CmdMine},
	{key: ebiten.KeyC, cmd: CmdCloak},
	{key: ebiten.KeyV, cmd: CmdCover}, {key: ebiten.KeyX, cmd: CmdEvacuate},
	{key: ebiten.KeyP, cmd: CmdSabotage}, {key: ebiten.KeyB, cmd: CmdBoard},
	{key: ebiten.KeyO, cmd: CmdWithdraw},
	{key: ebiten.KeyTab, cmd: CmdPrevShip, shift: true}, {key: ebiten.KeyTab, cmd: CmdNextShip},
	{key: ebiten.KeyT, cmd: CmdNextTarget},
	{key: ebiten.KeyR, cmd: CmdRanges}, {key: ebiten.KeyI, cmd: CmdIntent},
	{key: ebiten.KeyHome, cmd: CmdFit}, {key: ebiten.KeyH, cmd: CmdFit},
	{key: ebiten.KeyEqual, cmd: CmdZoomIn}, {key: ebiten.KeyNumpadAdd, cmd: CmdZoomIn},
	{key: ebiten.KeyMinus, cmd: CmdZoomOut}, {key: ebiten.KeyNumpadSubtract, cmd: CmdZoomOut},
	{key: ebiten.KeyW, cmd: CmdCurN}, {key: ebiten.KeyE, cmd: CmdCurNE}, {key: ebiten.KeyD, cmd: CmdCurSE},
	{key: ebiten.KeyS, cmd: CmdCurS}, {key: ebiten.KeyA, cmd: CmdCurSW}, {key: ebiten.KeyQ, cmd: CmdCurNW},
	{key: ebiten.Key1, cmd: CmdWeapon1}, {key: ebiten.Key2, cmd: CmdWeapon2},
	{key: ebiten.Key3, cmd: CmdWeapon3}, {key: ebiten.Key4, cmd: CmdWeapon4},
	{key: ebiten.KeyBracketRight, cmd: CmdSectionNext}, {key: ebiten.KeyBracketLeft, cmd: CmdSectionPrev},
	{key: ebiten.KeyK, cmd: CmdSkip},
	{key: ebiten.KeyPeriod, cmd: CmdFaster}, {key: ebiten.KeyComma, cmd: CmdSlower},
	{key: ebiten.KeyG, cmd: CmdToggleView},
	{key: ebiten.KeyA, cmd: CmdAccept}, {key: ebiten.KeyR, cmd: CmdRefuse},
	{key: ebiten.KeyF5, cmd: CmdSave}, {key: ebiten.KeyF9, cmd: CmdLoad},
	{key: ebiten.KeyF1, cmd: CmdHelp}, {key: ebiten.KeySlash, cmd: CmdHelp},
	{key: ebiten.KeyJ, cmd: CmdPanel},
	{key: ebiten.KeyG, cmd: CmdAllWings, shift: true}, {key: ebiten.KeyG, cmd: CmdCarryOn},
	{key: ebiten.KeyU, cmd: CmdHold}, {key: ebiten.KeyY, cmd: CmdWing},
	{key: ebiten.KeyR, cmd: CmdRepair, shift: true}, {key: ebiten.KeyO, cmd: CmdReroute, shift: true},
	{key: ebiten.KeyF2, cmd: CmdGuide},
}

// KeysFor names the keys bound to a command, "F1 or /" style.
func KeysFor(c Cmd) string {
	var names []string
	for _, b := range bindings {
		if b.cmd != c {
			continue
		}
		n := keyName(b.key)
		if b.shift {
			n = "Shift+" + n
		}
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return strings.Join(names, " or ")
}

// keyName is how the help names a key.
func keyName(k ebiten.Key) string {
	switch k {
	case ebiten.KeySlash:
		return "/"
	case ebiten.KeyEqual:
		return "+"
	case ebiten.KeyMinus:
		return "−"
	case ebiten.KeyPeriod:
		return "."
	case ebiten.KeyComma:
		return ","
	case ebiten.KeyBracketLeft:
		return "["
	case ebiten.KeyBracketRight:
		return "]"
	case ebiten.KeyNumpadEnter, ebiten.KeyNumpadAdd, ebiten.KeyNumpadSubtract:
		return "Numpad " + strings.TrimPrefix(k.String(), "Numpad")
	}
	return strings.TrimPrefix(k.String(), "Arrow")
}

// Input is the player's input for one frame: commands and the pointer,
// whether mouse or touch. Coordinates are screen pixels.
type Input struct {
	just, held [cmdCount]bool
	repeat     [cmdCount]bool

	X, Y    float64 // pointer
	Moved   bool    // the pointer moved this frame
	Present bool    // the pointer is over the window (mouse) or touching

	EverMoved bool // the pointer has moved since the game started

	Clicked      bool // a press and release without a drag: at ClickX, ClickY
	ClickX       float64
	ClickY       float64
	RightClicked bool
	Pressed      bool // the primary button went down this frame
	Down         bool // the primary button is held

	Dragging bool // the pointer is dragging: DX, DY this frame
	DX, DY   float64
	// Wheel is the whole zoom steps of the mouse wheel this frame: one a
	// notch, whatever the device reports (wheel.go); positive zooms in.
	Wheel          float64
	Pinch          float64 // zoom factor of a two-finger pinch this frame (1 = none)
	PinchX, PinchY float64

	pressX, pressY float64
	lastX, lastY   float64
	dragged        bool
	touches        []ebiten.TouchID
	pinchDist      float64
	touchOwn       ebiten.TouchID
	touching       bool
	seen           bool
	ctrlHeld       bool
	shiftHeld      bool

	// TouchDevice reports that the player plays by touch: a finger has
	// touched the screen (or the browser says its pointer is a finger) and no
	// key has been pressed since. Scenes leave keyboard hints out then.
	TouchDevice bool
	// Typed is the text typed this frame (for a name field).
	Typed []rune
	// Dropped holds the files dropped on the game this frame, or is nil.
	Dropped fs.FS

	wheel wheel

	// Focused reports whether the window has the keyboard focus.
	Focused bool
	// Source is where raw input comes from: Ebitengine (EbitenSource), a
	// script in tests (the same mapping to commands and gestures applies).
	Source Source
}

// InputSource is the raw input of one frame: keys, mouse buttons, wheel,
// pointer and touches. Ebitengine is the source of a running game; tests
// drive the game through a scripted one.
type Source interface {
	Poll() // a new frame begins
	KeyPressed(k ebiten.Key) bool
	KeyJustPressed(k ebiten.Key) bool
	KeyPressDuration(k ebiten.Key) int
	Cursor() (x, y int)
	Wheel() float64
	MouseButton(b ebiten.MouseButton) (pressed, justPressed, justReleased bool)
	AppendTouchIDs(ids []ebiten.TouchID) []ebiten.TouchID
	TouchPosition(id ebiten.TouchID) (x, y int)
	PointerPresent() bool
	Focused() bool
}

// The optional parts of a Source, found by type assertion.
type (
	// PixelWheel is a Source whose Wheel is in pixels (a browser's), not
	// in notches.
	PixelWheel interface{ WheelInPixels() bool }
	// TouchScreen is a Source that knows whether the device's pointer is a
	// finger before any touch.
	TouchScreen interface{ TouchScreen() bool }
	// TextSource is a Source of typed text.
	TextSource interface{ AppendInputChars(r []rune) []rune }
	// FileDrop is a Source of files dropped on the game: nil in a frame
	// when none were.
	FileDrop interface{ DroppedFiles() fs.FS }
)

// EbitenSource is Ebitengine's input: the source of a running game.
type EbitenSource struct {
	// PointerIn reports whether the mouse is over the game (in a browser:
	// over its canvas); nil means always (a desktop window).
	PointerIn func() bool
	// Coarse reports whether the device's pointer is a finger (in a
	// browser: the (pointer: coarse) media query); nil means no.
	Coarse func() bool
}

// WheelInPixels reports whether Ebitengine's wheel is in pixels: in a
// browser it is the wheel event's delta as it comes.
func (EbitenSource) WheelInPixels() bool { return runtime.GOOS == "js" }

// TouchScreen reports whether the device's pointer is a finger.
func (s EbitenSource) TouchScreen() bool { return s.Coarse != nil && s.Coarse() }

// AppendInputChars appends the text typed this frame.
func (EbitenSource) AppendInputChars(r []rune) []rune { return ebiten.AppendInputChars(r) }

// DroppedFiles are the files dropped on the window this frame. In a browser
// they are none: the page hands dropped files to the game itself (its drop
// handler reads them, game/ui/web_js.go).
func (EbitenSource) DroppedFiles() fs.FS {
	if runtime.GOOS == "js" {
		return nil
	}
	return ebiten.DroppedFiles()
}

func (EbitenSource) Poll()                                      {}
func (EbitenSource) KeyPressed(k ebiten.Key) bool               { return ebiten.IsKeyPressed(k) }
func (EbitenSource) KeyJustPressed(k ebiten.Key) bool           { return inpututil.IsKeyJustPressed(k) }
func (EbitenSource) KeyPressDuration(k ebiten.Key) int          { return inpututil.KeyPressDuration(k) }
func (EbitenSource) Cursor() (int, int)                         { return ebiten.CursorPosition() }
func (EbitenSource) TouchPosition(id ebiten.TouchID) (int, int) { return ebiten.TouchPosition(id) }
func (EbitenSource) Focused() bool                              { return ebiten.IsFocused() }
func (s EbitenSource) PointerPresent() bool                     { return s.PointerIn == nil || s.PointerIn() }
func (EbitenSource) Wheel() float64 {
	_, y := ebiten.Wheel()
	return y
}
func (EbitenSource) MouseButton(b ebiten.MouseButton) (bool, bool, bool) {
	return ebiten.IsMouseButtonPressed(b), inpututil.IsMouseButtonJustPressed(b), inpututil.IsMouseButtonJustReleased(b)
}
func (EbitenSource) AppendTouchIDs(ids []ebiten.TouchID) []ebiten.TouchID {
	return ebiten.AppendTouchIDs(ids)
}

// dragThreshold is how far a press may move and still be a click.
const dragThreshold = 6

// Update reads this frame's input.
func (in *Input) Update() {
	src := in.Source
	if src == nil {
		src = EbitenSource{}
	}
	src.Poll()
	if !in.seen {
		if ts, ok := src.(TouchScreen); ok && ts.TouchScreen() {
			in.TouchDevice = true
		}
	}
	in.Focused = src.Focused()
	in.Typed = in.Typed[:0]
	if ts, ok := src.(TextSource); ok {
		in.Typed = ts.AppendInputChars(in.Typed)
	}
	in.Dropped = nil
	if fd, ok := src.(FileDrop); ok {
		in.Dropped = fd.DroppedFiles()
	}
	in.shiftHeld = src.KeyPressed(ebiten.KeyShift)
	in.ctrlHeld = src.KeyPressed(ebiten.KeyControl) || src.KeyPressed(ebiten.KeyMeta)
	for i := range in.just {
		in.just[i], in.held[i], in.repeat[i] = false, false, false
	}
	for _, b := range bindings {
		if b.shift != in.shiftHeld && shifted(b.key) {
			continue
		}
		if src.KeyPressed(b.key) {
			in.held[b.cmd] = true
		}
		if src.KeyJustPressed(b.key) {
			in.just[b.cmd] = true
			in.TouchDevice = false // a keyboard is in use
		}
		if d := src.KeyPressDuration(b.key); d == 1 || (d > 18 && d%4 == 0) {
			in.repeat[b.cmd] = true
		}
	}
	if in.ctrlHeld && src.KeyJustPressed(ebiten.KeyS) {
		in.just[CmdSave] = true
		in.just[CmdCurS] = false
	}

	in.Clicked, in.RightClicked, in.Pressed, in.Moved = false, false, false, false
	in.Dragging, in.DX, in.DY, in.Wheel, in.Pinch = false, 0, 0, 0, 1

	in.touches = src.AppendTouchIDs(in.touches[:0])
	if len(in.touches) > 0 || in.touching {
		in.TouchDevice = true
		in.seen = true
		in.updateTouch(src)
		return
	}
	mx, my := src.Cursor()
	x, y := float64(mx), float64(my)
	in.Moved = (x != in.X || y != in.Y) && in.seen
	in.seen = true
	in.EverMoved = in.EverMoved || in.Moved
	in.X, in.Y = x, y
	in.Present = src.PointerPresent() // in a browser: the mouse is over the canvas (web_js.go)
	pw, ok := src.(PixelWheel)
	in.Wheel = float64(in.wheel.steps(src.Wheel(), ok && pw.WheelInPixels()))
	down, pressed, released := src.MouseButton(ebiten.MouseButtonLeft)
	if pressed {
		in.press(x, y)
	}
	in.Down = down
	if in.Down {
		in.drag(x, y)
	}
	if released {
		in.release()
	}
	if _, rp, _ := src.MouseButton(ebiten.MouseButtonRight); rp {
		in.RightClicked = true
	}
	// The middle button pans too.
	if md, mp, _ := src.MouseButton(ebiten.MouseButtonMiddle); md {
		if mp {
			in.lastX, in.lastY = x, y
		}
		in.Dragging, in.DX, in.DY = true, x-in.lastX, y-in.lastY
		in.lastX, in.lastY = x, y
	}
}

func (in *Input) press(x, y float64) {
	in.Pressed = true
	in.pressX, in.pressY = x, y
	in.lastX, in.lastY = x, y
	in.dragged = false
}

func (in *Input) drag(x, y float64) {
	if !in.dragged && math.Hypot(x-in.pressX, y-in.pressY) > dragThreshold {
		in.dragged = true
	}
	if in.dragged {
		in.Dragging, in.DX, in.DY = true, x-in.lastX, y-in.lastY
	}
	in.lastX, in.lastY = x, y
}

func (in *Input) release() {
	in.Down = false
	if !in.dragged {
		in.Clicked, in.ClickX, in.ClickY = true, in.pressX, in.pressY
	}
	in.dragged = false
}

func (in *Input) updateTouch(src Source) {
	switch len(in.touches) {
	case 0:
		if in.touching {
			in.release()
		}
		in.touching, in.pinchDist = false, 0
	case 1:
		id := in.touches[0]
		tx, ty := src.TouchPosition(id)
		x, y := float64(tx), float64(ty)
		in.Moved = x != in.X || y != in.Y
		in.EverMoved = true
		in.X, in.Y, in.Present = x, y, true
		if !in.touching || id != in.touchOwn {
			in.touching, in.touchOwn = true, id
			in.press(x, y)
		} else {
			in.drag(x, y)
		}
		in.Down = true
		in.pinchDist = 0
	default:
		ax, ay := src.TouchPosition(in.touches[0])
		bx, by := src.TouchPosition(in.touches[1])
		d := math.Hypot(float64(ax-bx), float64(ay-by))
		mx, my := float64(ax+bx)/2, float64(ay+by)/2
		if in.pinchDist > 0 && d > 0 {
			in.Pinch = d / in.pinchDist
			in.PinchX, in.PinchY = mx, my
			in.Dragging, in.DX, in.DY = true, mx-in.lastX, my-in.lastY
		}
		in.pinchDist = d
		in.lastX, in.lastY = mx, my
		in.dragged = true // a pinch is never a tap
		in.touching = true
	}
}

// Just reports whether a command's key went down this frame.
func (in *Input) Just(c Cmd) bool { return in.just[c] }

// Held reports whether a command's key is held.
func (in *Input) Held(c Cmd) bool { return in.held[c] }

// Repeat reports a command with key repeat.
func (in *Input) Repeat(c Cmd) bool { return in.repeat[c] }

// Ctrl reports whether a control key is held.
func (in *Input) Ctrl() bool { return in.ctrlHeld }

// Key reports whether a raw key went down this frame, and whether it
// repeats (held): for text fields, which read keys, not commands.
func (in *Input) Key(k ebiten.Key) (just, repeat bool) {
	if in.Source == nil {
		return false, false
	}
	d := in.Source.KeyPressDuration(k)
	return d == 1, d == 1 || (d > 18 && d%3 == 0)
}

// Inject sets a command as pressed this frame (scripted input, tests).
func (in *Input) Inject(c Cmd) { in.just[c], in.held[c], in.repeat[c] = true, true, true }

// shifted reports whether a key means another command with Shift held: then
// each of its bindings needs Shift held, or not, as it says.
func shifted(k ebiten.Key) bool {
	for _, b := range bindings {
		if b.key == k && b.shift {
			return true
		}
	}
	return false
}
