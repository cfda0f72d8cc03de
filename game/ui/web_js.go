//go:build js

package ui

import (
	"errors"
	"fmt"
	"log"
	"os"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"syscall/js"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/inpututil"

	"github.com/calltoarms/ds9/game/replay"
	"github.com/calltoarms/ds9/game/ui/play"
	"github.com/calltoarms/ds9/game/ui/saves"
	"github.com/calltoarms/ds9/game/ui/scene"
)

// The bridge between the game and the page it runs in (assets/web/index.html).
//
// The game registers window.ds9 for the page, for tests and for embedding:
//
//	ds9.status()                 the Status, plus firstBattleFrameMs, keysHeld, orders
//	                             (of the battle in play), autosave (its save), inBattle
//	                             (a battle of the player's is in progress: leaving
//	                             warns) and touch (the player plays by touch)
//	ds9.openReplay(bytes, name)  opens a replay (JSON, or gzip'd JSON) in the viewer;
//	                             returns {ok: true} or {error: "..."}
//	ds9.openScenarioFiles(files) opens scenario files (a FileList or an array of File,
//	                             a scenario with its catalogue): they join the title's list,
//	                             or the title tells why not
//	ds9.releaseInput()           forgets held keys and buttons (the page lost the focus)
//	ds9.graphicsLost()           the page's WebGL context was lost: the game saves the
//	                             battle, stops, and asks the page to start it again
//	                             (ds9page.restartGame), which resumes the battle
//	ds9.debug.stop()             ends the game as a crash would (exit status 2), for the
//	                             test of the page restarting it after a graphics loss
//	ds9.debug.ownShips()         [{id, name, x, y}]: the human side's ships that can be
//	                             given orders now, at their centres in CSS pixels
//	ds9.debug.selected()         the selected ship's id, or -1
//	ds9.debug.button(name)       {x, y, w, h} in CSS pixels of a battle button
//	                             ("end-turn", …), or null
//	ds9.debug.camera()           {x, y, zoom}: the battle camera's target, or null
//	ds9.debug.moves()            [{x, y}]: where the selected ship can move, on screen
//	ds9.debug.menuItem(label)    {x, y, w, h, shown} of the item of the menu or list on
//	                             screen whose label begins with label (shown: not
//	                             scrolled out of its list), or null
//
// It calls window.ds9page.gameReady() once its first frame is drawn, so that
// the page takes its loading screen away; ds9page.stage(text) as it loads;
// ds9page.battle(autosave) when the battle in play changes (the page keeps
// it for the tab, and hands it back as ds9page.resume after a reload);
// ds9page.download and ds9page.copyText to share a replay (game/ui/saves). A replay in the page's URL
// fragment (#replay=<base64url of the JSON, or of the gzip'd JSON>) is opened
// at the start and whenever the fragment changes.
type webPage struct {
	mu       sync.Mutex
	g        *Game // set when the page's hooks are registered
	pending  []webReplay
	release  bool
	snap     play.Status
	keysHeld int
	keyBuf   []ebiten.Key
	ready    bool
	// firstBattleMs is performance.now() (milliseconds since the page's
	// navigation started) when the first frame of a battle or replay was drawn.
	firstBattleMs float64
	prevBattle    bool
	prevFrame     int
	mouseIn       atomic.Bool // the mouse is over the canvas
	lost          atomic.Bool // the WebGL context was lost
	gc            int         // the collector's percent before loading
	funcs         []js.Func
	extra         webExtra
	picker        js.Value           // the file picker for scenario files (webscen_js.go)
	scenFiles     [][]scene.UserFile // scenario files handed over, each pick or drop together
	scenErrs      []string           // files handed over that could not be read
}

// webExtra is the status the page reads beyond play.Status.
type webExtra struct {
	orders   int
	autosave string
	inBattle bool
	touch    bool
}

// options adds the page's part to the game's options: its loading screen,
// settings told (not fatal) on the title screen, and the battle to resume
// when the page was reloaded (or restarted) in one.
func (web *webPage) options(o *Options) {
	// Loading makes some tens of megabytes of garbage: the collector waits
	// until the first frame is up (update puts it back).
	web.gc = debug.SetGCPercent(-1)
	o.Lenient = true
	o.OpenFiles = web.pickScenarioFiles
	if o.Progress == nil {
		o.Progress = pageStage
	}
	page := js.Global().Get("ds9page")
	if !page.Truthy() {
		return
	}
	if r := page.Get("resume"); r.Type() == js.TypeString && o.Resume == "" {
		o.Resume = r.String()
	}
	o.OnBattle = func(autosave string) {
		if page.Get("battle").Type() == js.TypeFunction {
			page.Call("battle", autosave)
		}
	}
}

// coarse reports whether the device's pointer is a finger (a phone, a
// tablet): the (pointer: coarse) media query.
func (web *webPage) coarse() bool {
	mm := js.Global().Get("matchMedia")
	if mm.Type() != js.TypeFunction {
		return false
	}
	return js.Global().Call("matchMedia", "(pointer: coarse)").Get("matches").Truthy()
}

type webReplay struct {
	name string
	data []byte
	err  error // the replay could not be read: say so
}

// update runs at the end of every Update: it registers the page's
// hooks on the first frame, opens replays handed over by the page, and keeps
// the status the page reads.
func (web *webPage) update(g *Game) {
	if web.g == nil {
		web.g = g
		web.register()
	}
	if web.lost.Load() {
		web.restart(g)
	}
	web.mu.Lock()
	pending, release := web.pending, web.release
	web.pending, web.release = nil, false
	web.mu.Unlock()
	for _, r := range pending {
		if r.err != nil {
			g.m.ShowError(r.err)
			continue
		}
		if err := g.m.OpenReplay(r.name, r.data); err != nil {
			log.Printf("replay %s: %v", r.name, err)
			g.m.ShowError(err)
		}
	}
	if release {
		g.m.Input.Cancel()
	}
	web.openScenarioFiles(g)
	st := g.m.Status()
	web.keyBuf = inpututil.AppendPressedKeys(web.keyBuf[:0])
	// The Draw after an Update draws the scene that Update left: when a
	// battle (or replay) was up at the end of the last Update and a frame has
	// been drawn since, the first battle frame is on screen.
	first := web.firstBattleMs == 0 && web.prevBattle && g.m.Frame > web.prevFrame
	web.prevBattle = st.Scene == "battle" || st.Scene == "replay"
	web.prevFrame = g.m.Frame
	extra := webExtra{orders: g.m.Orders(), autosave: g.m.Autosave(), inBattle: g.m.InBattle(), touch: g.m.Input.TouchDevice}
	web.mu.Lock()
	web.snap = st
	web.extra = extra
	web.keysHeld = len(web.keyBuf)
	if first {
		web.firstBattleMs = js.Global().Get("performance").Call("now").Float()
	}
	web.mu.Unlock()
	if !web.ready && g.m.Frame > 0 {
		web.ready = true
		debug.SetGCPercent(web.gc)
		if page := js.Global().Get("ds9page"); page.Truthy() && page.Get("gameReady").Type() == js.TypeFunction {
			page.Call("gameReady")
		}
	}
}

// pointerIn reports whether the mouse is over the game's canvas.
func (web *webPage) pointerIn() bool { return web.mouseIn.Load() }

func (web *webPage) register() {
	fn := func(f func(args []js.Value) any) js.Value {
		jf := js.FuncOf(func(this js.Value, args []js.Value) any { return f(args) })
		web.funcs = append(web.funcs, jf)
		return jf.Value
	}
	debug := js.Global().Get("Object").New()
	debug.Set("ownShips", fn(func([]js.Value) any { return web.jsOwnShips() }))
	// stop ends the game as a crash would (exit status 2): the page's
	// restart after a graphics loss the engine stopped on is tested with it.
	debug.Set("stop", fn(func([]js.Value) any { os.Exit(2); return nil }))
	debug.Set("selected", fn(func([]js.Value) any { return web.jsSelected() }))
	debug.Set("camera", fn(func([]js.Value) any {
		if web.g == nil {
			return js.Null()
		}
		x, y, z, ok := web.g.m.DebugCamera()
		if !ok {
			return js.Null()
		}
		return map[string]any{"x": x, "y": y, "zoom": z}
	}))
	debug.Set("moves", fn(func([]js.Value) any {
		out := []any{}
		if web.g == nil {
			return out
		}
		s := web.cssScale()
		for _, p := range web.g.m.DebugMoves() {
			out = append(out, map[string]any{"x": p[0] / s, "y": p[1] / s})
		}
		return out
	}))
	debug.Set("menuItem", fn(func(args []js.Value) any {
		if web.g == nil || len(args) < 1 || args[0].Type() != js.TypeString {
			return js.Null()
		}
		x, y, w, h, shown, ok := web.g.m.DebugMenuItem(args[0].String())
		if !ok {
			return js.Null()
		}
		s := web.cssScale()
		return map[string]any{"x": x / s, "y": y / s, "w": w / s, "h": h / s, "shown": shown}
	}))
	debug.Set("button", fn(func(args []js.Value) any {
		if len(args) < 1 || args[0].Type() != js.TypeString {
			return js.Null()
		}
		return web.jsButton(args[0].String())
	}))

	api := js.Global().Get("Object").New()
	api.Set("status", fn(func([]js.Value) any { return web.jsStatus() }))
	api.Set("openReplay", fn(func(args []js.Value) any {
		name := "replay.json"
		if len(args) > 1 && args[1].Type() == js.TypeString && args[1].String() != "" {
			name = args[1].String()
		}
		if len(args) < 1 || !args[0].InstanceOf(js.Global().Get("Uint8Array")) {
			return jsResult(errors.New("openReplay wants a Uint8Array"))
		}
		n := args[0].Get("length").Int()
		if n > replay.MaxFileSize {
			return jsResult(fmt.Errorf("%s: %d bytes, more than the limit of %d", name, n, replay.MaxFileSize))
		}
		data := make([]byte, n)
		js.CopyBytesToGo(data, args[0])
		err := web.queueReplay(name, data)
		if err != nil {
			web.mu.Lock()
			web.pending = append(web.pending, webReplay{err: err})
			web.mu.Unlock()
		}
		return jsResult(err)
	}))
	api.Set("openScenarioFiles", fn(func(args []js.Value) any {
		if len(args) < 1 {
			return jsResult(errors.New("openScenarioFiles wants a list of files"))
		}
		web.readScenarioFiles(args[0])
		return jsResult(nil)
	}))
	api.Set("releaseInput", fn(func([]js.Value) any {
		web.mu.Lock()
		web.release = true
		web.mu.Unlock()
		return nil
	}))
	api.Set("graphicsLost", fn(func([]js.Value) any {
		web.lost.Store(true)
		return nil
	}))
	api.Set("debug", debug)
	js.Global().Set("ds9", api)

	// Until the mouse has been over the canvas, Ebitengine reports the cursor
	// at 0,0, and once it has left, where it left: the game must not read
	// either as a pointer resting on the screen's edge (which pans the map).
	if canvas := js.Global().Get("document").Call("querySelector", "body > canvas"); canvas.Truthy() {
		in := fn(func([]js.Value) any { web.mouseIn.Store(true); return nil })
		for _, ev := range []string{"mousemove", "mousedown", "mouseenter", "wheel"} {
			canvas.Call("addEventListener", ev, in, map[string]any{"passive": true})
		}
		canvas.Call("addEventListener", "mouseleave", fn(func([]js.Value) any { web.mouseIn.Store(false); return nil }))
	}

	// A replay, or scenario files, the page was handed before the game was up.
	if page := js.Global().Get("ds9page"); page.Truthy() {
		if p := page.Get("pendingScenarioFiles"); p.Truthy() {
			page.Set("pendingScenarioFiles", js.Null())
			web.readScenarioFiles(p)
		}
		if p := page.Get("pendingReplay"); p.Truthy() {
			page.Set("pendingReplay", js.Null())
			if b := p.Get("bytes"); b.Truthy() {
				data := make([]byte, b.Get("length").Int())
				js.CopyBytesToGo(data, b)
				name := p.Get("name").String()
				if err := web.queueReplay(name, data); err != nil {
					log.Printf("%v", err)
				}
			}
		}
	}

	// A replay in the URL fragment, now and when the fragment changes.
	fragment := func() {
		hash := js.Global().Get("location").Get("hash").String()
		data, ok, err := saves.ReplayFromFragment(hash)
		if err == nil && ok {
			err = web.queueReplay("the replay in the link", data)
		} else if err != nil {
			err = fmt.Errorf("the replay in the link: %v", err)
		}
		if err != nil {
			log.Printf("%v", err)
			web.mu.Lock()
			web.pending = append(web.pending, webReplay{err: err})
			web.mu.Unlock()
		}
	}
	fragment()
	js.Global().Call("addEventListener", "hashchange", fn(func([]js.Value) any {
		fragment()
		return nil
	}))
}

// pageStage tells the page's loading screen what the game is doing, and
// lets the browser paint it before the game goes on.
func pageStage(text string) {
	page := js.Global().Get("ds9page")
	if !page.Truthy() || page.Get("stage").Type() != js.TypeFunction {
		return
	}
	page.Call("stage", text)
	// The page is painted after an animation frame's callbacks: a task
	// queued from one runs after the paint.
	painted := make(chan struct{})
	done := js.FuncOf(func(js.Value, []js.Value) any { close(painted); return nil })
	frame := js.FuncOf(func(js.Value, []js.Value) any {
		js.Global().Call("setTimeout", done, 0)
		return nil
	})
	js.Global().Call("requestAnimationFrame", frame)
	<-painted
	frame.Release()
	done.Release()
}

// queueReplay checks a replay and has the game open it on its next update.
func (web *webPage) queueReplay(name string, data []byte) error {
	data, err := saves.GunzipReplay(data)
	if err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	if _, err := replay.Load(name, data); err != nil {
		return err
	}
	web.mu.Lock()
	web.pending = append(web.pending, webReplay{name: name, data: data})
	web.mu.Unlock()
	return nil
}

func jsResult(err error) any {
	if err != nil {
		return map[string]any{"error": err.Error()}
	}
	return map[string]any{"ok": true}
}

func (web *webPage) jsStatus() any {
	web.mu.Lock()
	st, first, keys, x := web.snap, web.firstBattleMs, web.keysHeld, web.extra
	web.mu.Unlock()
	m := map[string]any{
		"scene":              st.Scene,
		"scenario":           st.Scenario,
		"turn":               st.Turn,
		"turnLimit":          st.TurnLimit,
		"phase":              st.Phase,
		"active":             st.Active,
		"outcome":            st.Outcome,
		"frames":             st.Frames,
		"battleFrames":       st.BattleFrames,
		"humanTurn":          st.HumanTurn,
		"busy":               st.Busy,
		"replay":             st.Replay,
		"firstBattleFrameMs": first,
		"keysHeld":           keys,
		"orders":             x.orders,
		"autosave":           x.autosave,
		"inBattle":           x.inBattle,
		"touch":              x.touch,
	}
	if st.Error != "" {
		m["error"] = st.Error
	}
	m["screen"] = map[string]any{"w": st.Screen.W, "h": st.Screen.H}
	if len(st.Boxes) > 0 {
		boxes := make([]any, len(st.Boxes))
		for i, b := range st.Boxes {
			boxes[i] = map[string]any{"name": b.Name, "x": b.X, "y": b.Y, "w": b.W, "h": b.H}
		}
		m["boxes"] = boxes
	}
	return m
}

// cssScale converts screen pixels to CSS pixels.
func (web *webPage) cssScale() float64 {
	if web.g == nil || web.g.m.DPR <= 0 {
		return 1
	}
	return web.g.m.DPR
}

// restart: the page's graphics are gone, and Ebitengine cannot bring them
// back in this game. The battle is saved (it is after every order; once
// more for the order of this frame), the page is asked to start the game
// again in a new canvas (ds9page.restartGame, which resumes the battle), and
// this game stops here for good: its update never returns, so nothing more
// is drawn on the lost context, and its handlers stay callable.
func (web *webPage) restart(g *Game) {
	g.m.SaveNow()
	resume := g.m.Autosave()
	if page := js.Global().Get("ds9page"); page.Truthy() && page.Get("restartGame").Type() == js.TypeFunction {
		page.Call("restartGame", resume)
	}
	select {}
}

func (web *webPage) jsOwnShips() any {
	out := []any{}
	if web.g == nil {
		return out
	}
	s := web.cssScale()
	for _, p := range web.g.m.DebugOwnShips() {
		out = append(out, map[string]any{"id": p.ID, "name": p.Name, "x": p.X / s, "y": p.Y / s})
	}
	return out
}

func (web *webPage) jsSelected() any {
	if web.g == nil {
		return -1
	}
	return web.g.m.DebugSelected()
}

func (web *webPage) jsButton(name string) any {
	if web.g == nil {
		return js.Null()
	}
	x, y, w, h, ok := web.g.m.DebugButton(name)
	if !ok {
		return js.Null()
	}
	s := web.cssScale()
	return map[string]any{"x": x / s, "y": y / s, "w": w / s, "h": h / s}
}
