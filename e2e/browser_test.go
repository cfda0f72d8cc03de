// Package e2e tests the browser build of Call to Arms end to end: it serves
// dist/web (made by `make wasm`) in-process, drives Debian's Chromium headless
// through the DevTools protocol (github.com/chromedp/chromedp), and plays the
// game as a person would, with real mouse and key events: the first battle
// frame's time, clicks, keys, touch (tap, drag, pinch), the wheel (one notch
// one zoom step, whatever the wheel reports), a reload mid-battle (it asks
// first, and every order is kept), a lost WebGL context (no reload, no order
// lost), HiDPI, bad address parameters (told on the title, the page alive),
// sharing from the report (a download, a link that opens the replay), the
// saves list, replays from a link and a file, scenario files (dropped,
// picked), a phone's screen, and an offline start from the service worker.
//
// `make e2e` (part of `make test`) builds the game and runs it with
// DS9_E2E=1. Under CI=true or DS9_E2E=1 a missing browser or build is a
// failure; otherwise (a plain `go test ./...`) the test skips and says why.
//
// Environment: DS9_WEB_DIR (default ../dist/web), DS9_CHROMIUM (the browser
// to run; default chromium from PATH), DS9_E2E_SHOTS (a folder to keep the
// screenshots in), DS9_E2E_REPLAY (the historical replay to play, default
// scenarios/replays/second-battle-of-ds9-historical.json), DS9_E2E_ONLY (a
// comma-separated list of the parts to run after the battle, to debug one).
package e2e

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/base64"
	"fmt"
	"image"
	"image/png"
	"math"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	goruntime "runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/calltoarms/ds9/web"
)

const (
	scenarioID = "second-battle-of-ds9"
	// maxWasmGz is the budget for the compressed game.
	maxWasmGz = 6 << 20
	// firstFrameBudget is the time to the first battle frame in headless
	// Chromium (from the navigation's start, by performance.now), on a
	// machine shared with other work; firstFrameLimit is the bound on waiting
	// for any first frame.
	firstFrameBudget = 3 * time.Second
	firstFrameLimit  = 30 * time.Second
	// firstFrameHard fails the test whatever the machine's load: past it
	// something is wrong with the game, not the machine. Between the budget
	// and it, a machine whose load average is above its cores (other work)
	// gets a warning only.
	firstFrameHard   = 8 * time.Second
	historical       = "../scenarios/replays/second-battle-of-ds9-historical.json"
	historicalResult = "dominion-pyrrhic-victory"
)

// status is what window.ds9.status() returns.
type status struct {
	Scene              string  `json:"scene"`
	Scenario           string  `json:"scenario"`
	Turn               int     `json:"turn"`
	TurnLimit          int     `json:"turnLimit"`
	Phase              string  `json:"phase"`
	Active             string  `json:"active"`
	Outcome            string  `json:"outcome"`
	Frames             int     `json:"frames"`
	BattleFrames       int     `json:"battleFrames"`
	FirstBattleFrameMs float64 `json:"firstBattleFrameMs"`
	HumanTurn          bool    `json:"humanTurn"`
	Busy               bool    `json:"busy"`
	Replay             bool    `json:"replay"`
	Error              string  `json:"error"`
	Orders             int     `json:"orders"`
	Autosave           string  `json:"autosave"`
	InBattle           bool    `json:"inBattle"`
	Touch              bool    `json:"touch"`
	Screen             struct {
		W float64 `json:"w"`
		H float64 `json:"h"`
	} `json:"screen"`
	Boxes []box `json:"boxes"`
}

// box is a box of the battle HUD, in the page's pixels.
type box struct {
	Name       string
	X, Y, W, H float64
}

type shipPos struct {
	ID   int     `json:"id"`
	Name string  `json:"name"`
	X    float64 `json:"x"`
	Y    float64 `json:"y"`
}

type rect struct {
	X, Y, W, H float64
}

func required() bool { return os.Getenv("CI") == "true" || os.Getenv("DS9_E2E") == "1" }

// need fails the test when it is required, and skips it otherwise.
func need(t *testing.T, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if required() {
		t.Fatal("browser test: " + msg)
	}
	t.Skip("browser test skipped: " + msg + " (make e2e runs it)")
}

func findChromium() string {
	if p := os.Getenv("DS9_CHROMIUM"); p != "" {
		return p
	}
	for _, n := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	return ""
}

func webDir() string {
	if d := os.Getenv("DS9_WEB_DIR"); d != "" {
		return d
	}
	return filepath.Join("..", "dist", "web")
}

// browser is one headless Chromium with the page's errors collected.
type browser struct {
	t        *testing.T
	ctx      context.Context // the browser's first tab
	base     string
	srv      *httptest.Server
	requests *counter // the requests the server answered

	mu      sync.Mutex
	errs    []string
	console []string
	dialogs []string // the JavaScript dialogs the page opened (accepted): "beforeunload: …"
}

func (b *browser) listen(ctx context.Context, tab string) {
	if err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			msg := d.Text
			if d.Exception != nil && d.Exception.Description != "" {
				msg += ": " + d.Exception.Description
			}
			b.mu.Lock()
			b.errs = append(b.errs, fmt.Sprintf("%s: uncaught exception at %s:%d: %s", tab, d.URL, d.LineNumber, msg))
			b.mu.Unlock()
		case *page.EventJavascriptDialogOpening:
			// Leaving a battle asks first (beforeunload): the test says yes.
			b.mu.Lock()
			b.dialogs = append(b.dialogs, string(ev.Type)+": "+ev.Message)
			b.mu.Unlock()
			go chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
				_, err := cdp.Call(ctx, t, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
				return err
			}))
		case *runtime.EventConsoleAPICalled:
			var parts []string
			for _, a := range ev.Args {
				if a.Value != nil {
					parts = append(parts, strings.Trim(string(a.Value), `"`))
				} else {
					parts = append(parts, a.Description)
				}
			}
			line := fmt.Sprintf("%s: console.%s: %s", tab, ev.Type, strings.Join(parts, " "))
			b.mu.Lock()
			b.console = append(b.console, line)
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				b.errs = append(b.errs, line)
			}
			b.mu.Unlock()
		}
	}); err != nil {
		b.t.Fatalf("listening to the page: %v", err)
	}
}

// checkErrors fails the test on any JavaScript error seen so far.
func (b *browser) checkErrors(when string) {
	b.t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, l := range b.console {
		b.t.Log(l)
	}
	b.console = nil
	if len(b.errs) > 0 {
		b.t.Fatalf("JavaScript errors %s:\n%s", when, strings.Join(b.errs, "\n"))
	}
}

func (b *browser) status(ctx context.Context) (status, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[status](`window.ds9 && typeof window.ds9.status === "function" ? window.ds9.status() : {scene: "loading"}`))
}

// waitFor polls the status until ok accepts it.
func (b *browser) waitFor(ctx context.Context, what string, limit time.Duration, ok func(status) bool, each func(status)) status {
	b.t.Helper()
	deadline := time.Now().Add(limit)
	var s status
	var err error
	for {
		s, err = b.status(ctx)
		if err == nil && ok(s) {
			return s
		}
		if err == nil && s.Error != "" {
			b.checkErrors("while waiting for " + what)
			b.t.Fatalf("waiting for %s: the game reports an error: %s", what, s.Error)
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			b.checkErrors("while waiting for " + what)
			b.t.Fatalf("timed out after %s waiting for %s; last status %+v (err %v)", limit, what, s, err)
		}
		if err == nil && each != nil {
			each(s)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func TestBrowser(t *testing.T) {
	chrome := findChromium()
	if chrome == "" {
		need(t, "no Chromium found (install Debian's chromium package, or set DS9_CHROMIUM)")
	}
	dir := webDir()
	for _, f := range []string{"index.html", "wasm_exec.js", "ds9.wasm", "ds9.wasm.gz"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			need(t, "%s is not built: run make wasm (%v)", filepath.Join(dir, f), err)
		}
	}

	// Size of the download.
	raw, _ := os.Stat(filepath.Join(dir, "ds9.wasm"))
	gz, _ := os.Stat(filepath.Join(dir, "ds9.wasm.gz"))
	t.Logf("size: ds9.wasm %.2f MB, ds9.wasm.gz %.2f MB (budget %.0f MB)",
		float64(raw.Size())/(1<<20), float64(gz.Size())/(1<<20), float64(maxWasmGz)/(1<<20))
	if gz.Size() > maxWasmGz {
		t.Errorf("ds9.wasm.gz is %d bytes, more than the budget of %d", gz.Size(), maxWasmGz)
	}

	requests := &counter{}
	srv := httptest.NewServer(requests.count(web.Handler(dir)))
	defer srv.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.NoSandbox,
		chromedp.Flag("use-angle", "swiftshader"),
		chromedp.Flag("enable-unsafe-swiftshader", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("mute-audio", true),
		chromedp.WindowSize(1280, 720),
	)
	// The allocator starts Chromium with a fresh temporary profile, and
	// cancelling it kills the browser and every process it left.
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	defer acancel()
	bctx, bcancel := chromedp.NewContext(actx)
	defer bcancel()

	b := &browser{t: t, ctx: bctx, base: srv.URL, srv: srv, requests: requests}
	// The first action starts the browser; the page is 1280×720 CSS pixels.
	if err := chromedp.Do(bctx, chromedp.EmulateViewport(1280, 720)); err != nil {
		t.Fatalf("starting %s: %v", chrome, err)
	}
	b.listen(bctx, "battle")
	version, _ := chromedp.Run(bctx, chromedp.Evaluate[string](`navigator.userAgent`))
	t.Logf("browser: %s", version)

	// Each part runs only when those before it passed: they play on from
	// where the last one left the page.
	for _, part := range []struct {
		name string
		run  func(*testing.T, *browser)
	}{
		{"battle", testBattle},
		{"wheel", testWheel},
		{"reload", testReloadKeepsOrders},
		{"contextloss", testContextLoss},
		{"contextstop", testContextLossStopped},
		{"hidpi", testHiDPI},
		{"badparams", testBadParams},
		{"share", testShare},
		{"saves", testSavesList},
		{"replay", testReplay},
		{"scenariofile", testScenarioFile},
		{"phone", testPhone},
		{"offline", testOffline},
	} {
		if only := os.Getenv("DS9_E2E_ONLY"); only != "" && part.name != "battle" && !strings.Contains(","+only+",", ","+part.name+",") {
			continue // a debugging run of some parts (DS9_E2E_ONLY=wheel,offline); the battle always runs
		}
		if !t.Run(part.name, func(t *testing.T) { b.t = t; part.run(t, b) }) {
			break
		}
	}
}

// testBattle loads the game straight into the flagship battle as the
// Dominion (who moves first, so the battle view is the first thing shown;
// the Alliance, played by the computer, answers Dukat's terms), checks the
// first frame's time and the picture, then selects a ship with the mouse and
// ends the turn.
func testBattle(t *testing.T, b *browser) {
	ctx := b.ctx
	url := b.base + "/?scenario=" + scenarioID + "&side=dominion&scene=battle&seed=7"
	start := time.Now()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("navigating to %s: %v", url, err)
	}
	s := b.waitFor(ctx, "the first battle frame", firstFrameLimit, func(s status) bool {
		return s.FirstBattleFrameMs > 0 && s.Turn >= 1
	}, nil)
	seen := time.Since(start)
	first := time.Duration(s.FirstBattleFrameMs * float64(time.Millisecond))
	if first <= 0 {
		first = seen
	}
	load, cores := loadAverage(), goruntime.NumCPU()
	t.Logf("first battle frame, the browser just started: %.2f s after navigation start (performance.now), seen by the test after %.2f s; load average %s on %d cores",
		first.Seconds(), seen.Seconds(), load, cores)
	// The budget is for a first visit in a browser already running: a new
	// browser context (a fresh profile: no cache, no service worker), while
	// this tab's game is stopped so as not to slow it.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	cold := first
	first, load = b.freshFirstFrame(url)
	t.Logf("first battle frame: %.2f s in a fresh browser context (%.2f s when the browser had just started); budget %s; load average %s on %d cores",
		first.Seconds(), cold.Seconds(), firstFrameBudget, load, cores)
	l1, _ := strconv.ParseFloat(strings.Fields(load + " ?")[0], 64)
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	s = b.waitFor(ctx, "the first battle frame", firstFrameLimit, func(s status) bool { return s.FirstBattleFrameMs > 0 && s.Turn >= 1 }, nil)
	switch {
	case first > firstFrameHard:
		t.Errorf("the first battle frame took %.2f s, more than %s however loaded the machine", first.Seconds(), firstFrameHard)
	case first > firstFrameBudget && l1 <= float64(cores):
		t.Errorf("the first battle frame took %.2f s, more than the budget of %s (load %s on %d cores)", first.Seconds(), firstFrameBudget, load, cores)
	case first > firstFrameBudget:
		t.Logf("WARNING: the first battle frame took %.2f s, more than the budget of %s, on a machine overloaded by other work (load %s on %d cores): not failed", first.Seconds(), firstFrameBudget, load, cores)
	}
	if s.Scenario != scenarioID {
		t.Errorf("status scenario %q, want %q", s.Scenario, scenarioID)
	}
	timing, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`performance.getEntriesByType("mark").map(m => m.name + "=" + Math.round(m.startTime) + "ms").join(" ")`))
	t.Logf("page marks (this tab, loaded again): %s", timing)
	b.checkErrors("loading the battle")

	// The page has the focus on the game's canvas, and HiDPI is honoured.
	type canvasInfo struct {
		DPR  float64 `json:"dpr"`
		W    int     `json:"w"`
		CSSW int     `json:"cssW"`
	}
	ci, err := chromedp.Run(ctx, chromedp.Evaluate[canvasInfo](`(() => { const c = document.querySelector("body > canvas"); return {dpr: devicePixelRatio, w: c.width, cssW: c.clientWidth}; })()`))
	if err != nil {
		t.Fatal(err)
	}
	dpr, canvasW, cssW := ci.DPR, ci.W, ci.CSSW
	t.Logf("canvas: %d device pixels over %d CSS pixels at devicePixelRatio %.2f", canvasW, cssW, dpr)
	if cssW > 0 && math.Abs(float64(canvasW)-float64(cssW)*dpr) > 2 {
		t.Errorf("canvas has %d pixels for %d CSS pixels at devicePixelRatio %.2f: not sharp", canvasW, cssW, dpr)
	}

	// Play until it is the Dominion's turn to give orders.
	s = b.waitForHumanTurn(ctx, "the Dominion's first orders", 90*time.Second)
	startTurn := s.Turn

	// The map is drawn.
	shot := b.screenshot(ctx, "battle")
	checkMap(t, shot)

	// Click a ship of our own.
	ships, err := chromedp.Run(ctx, chromedp.Evaluate[[]shipPos](`window.ds9.debug.ownShips()`))
	if err != nil {
		t.Fatalf("ds9.debug.ownShips: %v", err)
	}
	if len(ships) == 0 {
		t.Fatalf("no own ship on screen to click (status %+v)", s)
	}
	ship := ships[0]
	t.Logf("clicking %s (ship %d) at %.0f,%.0f", ship.Name, ship.ID, ship.X, ship.Y)
	if err := chromedp.Do(ctx, chromedp.MouseClickXY(ship.X, ship.Y)); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		selected, err := chromedp.Run(ctx, chromedp.Evaluate[int](`window.ds9.debug.selected()`))
		if err != nil {
			t.Fatal(err)
		}
		if selected == ship.ID {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("clicked ship %d at %.0f,%.0f; selected is %d", ship.ID, ship.X, ship.Y, selected)
		}
		time.Sleep(50 * time.Millisecond)
	}
	focused, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.activeElement === document.querySelector("body > canvas")`))
	if !focused {
		t.Errorf("the canvas does not have the keyboard focus after a click")
	}

	// End the turn: the end-turn button with the mouse when the game shows
	// one, else its hotkey.
	btn, _ := chromedp.Run(ctx, chromedp.Evaluate[*rect](`window.ds9.debug.button("end-turn")`))
	if btn != nil && btn.W > 0 {
		t.Logf("clicking end turn at %.0f,%.0f", btn.X+btn.W/2, btn.Y+btn.H/2)
		if err := chromedp.Do(ctx, chromedp.MouseClickXY(btn.X+btn.W/2, btn.Y+btn.H/2)); err != nil {
			t.Fatal(err)
		}
	} else {
		t.Logf("no end-turn button reported; pressing N")
		b.key(ctx, "n")
	}
	b.confirmEndPhase(ctx, btn != nil && btn.W > 0)
	b.waitFor(ctx, "the Dominion's phase to end", 10*time.Second, func(s status) bool {
		return !s.HumanTurn || s.Turn > startTurn
	}, nil)
	s = b.waitForHumanTurn(ctx, "the next turn", 120*time.Second)
	if s.Turn <= startTurn {
		t.Fatalf("turn did not advance: was %d, now %d", startTurn, s.Turn)
	}
	t.Logf("turn advanced: %d -> %d", startTurn, s.Turn)

	// The battle was autosaved in the browser's storage, in its own autosave.
	saved, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`Object.keys(localStorage).some(k => k.startsWith("calltoarms/saves/autosave-"))`))
	if !saved || s.Autosave == "" || !s.InBattle {
		t.Errorf("no autosave in localStorage after a turn (status %+v)", s)
	}

	b.testTouch(ctx)

	// The page losing the focus releases held keys: hold Shift, blur the
	// window, and the game must not see it held any more.
	b.holdKey(ctx, input.DispatchKeyEventTypeRawKeyDown)
	b.waitKeys(ctx, "Shift held", func(n int) bool { return n > 0 })
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.dispatchEvent(new FocusEvent("blur"))`)); err != nil {
		t.Fatal(err)
	}
	b.waitKeys(ctx, "keys released on blur", func(n int) bool { return n == 0 })
	b.holdKey(ctx, input.DispatchKeyEventTypeKeyUp)
	b.checkErrors("playing a turn")
}

// freshFirstFrame loads url in a new browser context (a fresh profile: no
// cache, no service worker) and returns the time to its first battle frame,
// and the load average then.
func (b *browser) freshFirstFrame(url string) (time.Duration, string) {
	b.t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithNewBrowserContext())
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 720)); err != nil {
		b.t.Fatalf("a fresh browser context: %v", err)
	}
	load := loadAverage()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		b.t.Fatalf("navigating to %s: %v", url, err)
	}
	s := b.waitFor(ctx, "the first battle frame (fresh)", firstFrameLimit, func(s status) bool { return s.FirstBattleFrameMs > 0 }, nil)
	marks, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`performance.getEntriesByType("mark").map(m => m.name + "=" + Math.round(m.startTime) + "ms").join(" ")`))
	b.t.Logf("page marks (fresh browser context): %s", marks)
	return time.Duration(s.FirstBattleFrameMs * float64(time.Millisecond)), load
}

// holdKey presses or releases Shift.
func (b *browser) holdKey(ctx context.Context, typ input.DispatchKeyEventType) {
	b.t.Helper()
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, input.DispatchKeyEvent, input.DispatchKeyEventParams{
			Type: typ, Key: "Shift", Code: "ShiftLeft", WindowsVirtualKeyCode: 16, Modifiers: 8, Location: 1,
		})
		return err
	}))
	if err != nil {
		b.t.Fatalf("key event: %v", err)
	}
}

// waitKeys waits until the number of keys the game sees held passes ok.
func (b *browser) waitKeys(ctx context.Context, what string, ok func(int) bool) {
	b.t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`window.ds9.status().keysHeld`))
		if err != nil {
			b.t.Fatalf("%s: %v", what, err)
		}
		if ok(n) {
			return
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("%s: the game sees %d keys held", what, n)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitForHumanTurn plays the game forward until the human gives orders:
// skipping the enemy's playback and refusing Dukat's terms.
func (b *browser) waitForHumanTurn(ctx context.Context, what string, limit time.Duration) status {
	last := time.Time{}
	return b.waitFor(ctx, what, limit, func(s status) bool {
		return s.Scene == "battle" && s.HumanTurn && !s.Busy && s.Phase != "parley" && s.Outcome == ""
	}, func(s status) {
		if time.Since(last) < 400*time.Millisecond {
			return
		}
		last = time.Now()
		switch {
		case s.Phase == "parley" && s.HumanTurn && !s.Busy:
			b.key(ctx, "r") // refuse the terms
		case !s.HumanTurn || s.Busy:
			b.key(ctx, "k") // skip the enemy's playback
		}
	})
}

// confirmEndPhase answers the question the game asks when the phase is
// ended while ships can still fire or have not moved: its "End phase"
// button with the mouse, or N again.
func (b *browser) confirmEndPhase(ctx context.Context, mouse bool) {
	b.t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for {
		s, err := b.status(ctx)
		if err == nil && (!s.HumanTurn || s.Busy) {
			return // the phase ended at once: nothing was asked
		}
		r, _ := chromedp.Run(ctx, chromedp.Evaluate[*rect](`window.ds9.debug.menuItem("End phase")`))
		if r != nil && r.W > 0 {
			b.t.Logf("the game asks before ending the phase: confirming (mouse %v)", mouse)
			if !mouse {
				b.key(ctx, "n")
				return
			}
			if err := chromedp.Do(ctx, chromedp.MouseClickXY(r.X+r.W/2, r.Y+r.H/2)); err != nil {
				b.t.Fatal(err)
			}
			return
		}
		if time.Now().After(deadline) {
			return // not asked: the wait for the phase's end says what went wrong
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (b *browser) key(ctx context.Context, k string) {
	if err := chromedp.Do(ctx, chromedp.KeyEvent(k)); err != nil {
		b.t.Fatalf("key %q: %v", k, err)
	}
}

func (b *browser) screenshot(ctx context.Context, name string) image.Image {
	b.t.Helper()
	buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		b.t.Fatalf("screenshot: %v", err)
	}
	if d := os.Getenv("DS9_E2E_SHOTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err == nil {
			p := filepath.Join(d, "e2e-"+name+".png")
			if err := os.WriteFile(p, buf, 0o644); err == nil {
				b.t.Logf("screenshot: %s", p)
			}
		}
	}
	img, err := png.Decode(bytes.NewReader(buf))
	if err != nil {
		b.t.Fatalf("screenshot: %v", err)
	}
	return img
}

// checkMap checks that a screenshot shows the battle map: not blank, many
// colours, and the map's own colours present (the hex grid's blue, the
// Alliance's blue, the Dominion's violet, the dark of space).
func checkMap(t *testing.T, img image.Image) {
	t.Helper()
	bd := img.Bounds()
	if bd.Dx() < 640 || bd.Dy() < 360 {
		t.Errorf("screenshot is %dx%d, too small", bd.Dx(), bd.Dy())
	}
	type want struct {
		name    string
		r, g, b int
		tol     int
		min     int // pixels
	}
	wants := []want{
		{"space", 0x05, 0x07, 0x0d, 10, bd.Dx() * bd.Dy() / 20},
		{"grid", 0x6d, 0x8f, 0xbf, 60, 200},
		{"alliance", 0x5a, 0xa8, 0xff, 50, 0},
		{"dominion", 0xb0, 0x6c, 0xff, 50, 0},
	}
	counts := make([]int, len(wants))
	colours := map[uint32]bool{}
	for y := bd.Min.Y; y < bd.Max.Y; y++ {
		for x := bd.Min.X; x < bd.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			r8, g8, b8 := int(r>>8), int(g>>8), int(bl>>8)
			if len(colours) < 5000 {
				colours[uint32(r8)<<16|uint32(g8)<<8|uint32(b8)] = true
			}
			for i, w := range wants {
				if abs(r8-w.r) <= w.tol && abs(g8-w.g) <= w.tol && abs(b8-w.b) <= w.tol {
					counts[i]++
				}
			}
		}
	}
	t.Logf("screenshot %dx%d: %d+ distinct colours", bd.Dx(), bd.Dy(), len(colours))
	// Ships in their side's colours: one side may have left the field.
	if n := counts[2] + counts[3]; n < 50 {
		t.Errorf("the sides' colours are on %d pixels, want at least 50: no ships drawn?", n)
	}
	if len(colours) < 50 {
		t.Errorf("screenshot has only %d colours: blank?", len(colours))
	}
	for i, w := range wants {
		t.Logf("  %s colour: %d pixels", w.name, counts[i])
		if counts[i] < w.min {
			t.Errorf("the map's %s colour (#%02x%02x%02x) is on %d pixels, want at least %d", w.name, w.r, w.g, w.b, counts[i], w.min)
		}
	}
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// testReplay opens the historical replay from a link (the replay, gzip'd, in
// the URL fragment), plays it in the page to the end and checks the outcome;
// then opens it again through the page's file picker.
func testReplay(t *testing.T, b *browser) {
	path := historical
	if p := os.Getenv("DS9_E2E_REPLAY"); p != "" {
		path = p // a historical replay regenerated elsewhere
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("the historical replay: %v", err)
	}
	var z bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
	zw.Write(data)
	zw.Close()
	frag := base64.RawURLEncoding.EncodeToString(z.Bytes())
	t.Logf("replay link: %d bytes of JSON, %d bytes in the fragment", len(data), len(frag))

	// The same tab, emptied first so that the game of the battle test stops.
	ctx := b.ctx
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), chromedp.Navigate(b.base+"/?mute#replay="+frag)); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	s := b.playReplay(ctx, "the replay's outcome (link)")
	t.Logf("replay from the link: outcome %q at turn %d, %.1f s after navigation (first replay frame at %.2f s)",
		s.Outcome, s.Turn, time.Since(start).Seconds(), s.FirstBattleFrameMs/1000)
	if s.Outcome != historicalResult {
		t.Errorf("replay outcome %q, want %q", s.Outcome, historicalResult)
	}
	if !s.Replay {
		t.Errorf("status does not report a replay: %+v", s)
	}
	checkMap(t, b.screenshot(ctx, "replay"))
	b.checkErrors("playing the replay from a link")

	// The same replay through the file picker.
	abs, _ := filepath.Abs(path)
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), chromedp.Navigate(b.base+"/?mute")); err != nil {
		t.Fatal(err)
	}
	b.waitFor(ctx, "the title screen", firstFrameLimit, func(s status) bool { return s.Scene == "title" && s.Frames > 0 }, nil)
	b.screenshot(ctx, "title")
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID("replay-file"), []string{abs})); err != nil {
		t.Fatalf("file picker: %v", err)
	}
	b.waitFor(ctx, "the replay from the file picker", 60*time.Second, func(s status) bool { return s.Replay }, nil)
	s = b.playReplay(ctx, "the replay's outcome (file picker)")
	t.Logf("replay from the file picker: outcome %q", s.Outcome)
	if s.Outcome != historicalResult {
		t.Errorf("replay (file picker) outcome %q, want %q", s.Outcome, historicalResult)
	}
	b.checkErrors("playing the replay from the file picker")

	// A broken link is refused with a message on the title screen, and no
	// JavaScript error.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), chromedp.Navigate(b.base+"/?mute#replay=bm90IGEgcmVwbGF5")); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(firstFrameLimit)
	for {
		s, err := b.status(ctx)
		if err == nil && s.Scene == "title" && s.Error != "" {
			t.Logf("broken replay link: %q", s.Error)
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("broken replay link: no message on the title screen; status %+v (%v)", s, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	b.checkErrors("opening a broken replay link")
}

// playReplay steps the replay viewer forward a turn at a time with its
// hotkey (Enter) until the battle's outcome is decided.
func (b *browser) playReplay(ctx context.Context, what string) status {
	last := time.Time{}
	return b.waitFor(ctx, what, 150*time.Second, func(s status) bool {
		return s.Replay && s.Outcome != ""
	}, func(s status) {
		if s.Replay && time.Since(last) > 300*time.Millisecond {
			last = time.Now()
			b.key(ctx, "\r")
		}
	})
}

type camera struct {
	X    float64 `json:"x"`
	Y    float64 `json:"y"`
	Zoom float64 `json:"zoom"`
}

func (b *browser) camera(ctx context.Context) camera {
	b.t.Helper()
	c, err := chromedp.Run(ctx, chromedp.Evaluate[camera](`window.ds9.debug.camera()`))
	if err != nil {
		b.t.Fatalf("ds9.debug.camera: %v", err)
	}
	return c
}

// touch sends one touch event; points are CSS pixels, ids 1, 2, ….
func (b *browser) touch(ctx context.Context, typ input.DispatchTouchEventType, pts ...[2]float64) {
	b.t.Helper()
	p := input.DispatchTouchEventParams{Type: typ, TouchPoints: []*input.TouchPoint{}}
	for i, xy := range pts {
		id := float64(i + 1)
		p.TouchPoints = append(p.TouchPoints, &input.TouchPoint{X: xy[0], Y: xy[1], ID: &id})
	}
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, input.DispatchTouchEvent, p)
		return err
	}))
	if err != nil {
		b.t.Fatalf("touch event: %v", err)
	}
}

// gesture moves touch points from one place to another in steps, a frame or
// two apart, as a finger does.
func (b *browser) gesture(ctx context.Context, from, to [][2]float64) {
	b.touch(ctx, input.DispatchTouchEventTypeTouchStart, from...)
	time.Sleep(60 * time.Millisecond)
	const steps = 8
	for i := 1; i <= steps; i++ {
		pts := make([][2]float64, len(from))
		for j := range from {
			f := float64(i) / steps
			pts[j] = [2]float64{from[j][0] + (to[j][0]-from[j][0])*f, from[j][1] + (to[j][1]-from[j][1])*f}
		}
		b.touch(ctx, input.DispatchTouchEventTypeTouchMove, pts...)
		time.Sleep(40 * time.Millisecond)
	}
	time.Sleep(60 * time.Millisecond)
	b.touch(ctx, input.DispatchTouchEventTypeTouchEnd)
	time.Sleep(100 * time.Millisecond)
}

// testTouch taps a ship to select it, drags to pan and pinches to zoom.
func (b *browser) testTouch(ctx context.Context) {
	t := b.t
	t.Helper()
	ships, err := chromedp.Run(ctx, chromedp.Evaluate[[]shipPos](`window.ds9.debug.ownShips()`))
	if err != nil || len(ships) == 0 {
		t.Fatalf("touch: no own ship to tap (%v)", err)
	}
	sel, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`window.ds9.debug.selected()`))
	ship := ships[len(ships)-1]
	for _, sh := range ships {
		if sh.ID != sel {
			ship = sh
			break
		}
	}
	// Tap.
	b.touch(ctx, input.DispatchTouchEventTypeTouchStart, [2]float64{ship.X, ship.Y})
	time.Sleep(80 * time.Millisecond)
	b.touch(ctx, input.DispatchTouchEventTypeTouchEnd)
	deadline := time.Now().Add(5 * time.Second)
	for {
		got, err := chromedp.Run(ctx, chromedp.Evaluate[int](`window.ds9.debug.selected()`))
		if err != nil {
			t.Fatal(err)
		}
		if got == ship.ID {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("touch: tapped ship %d at %.0f,%.0f; selected is %d", ship.ID, ship.X, ship.Y, got)
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("touch: a tap selected %s (ship %d)", ship.Name, ship.ID)

	// Drag to pan: the world follows the finger, so the camera moves the
	// other way.
	c0 := b.camera(ctx)
	b.gesture(ctx, [][2]float64{{500, 300}}, [][2]float64{{620, 360}})
	c1 := b.camera(ctx)
	if !(c1.X < c0.X-10 && c1.Y < c0.Y-5) {
		t.Errorf("touch: dragging right and down moved the camera from %+v to %+v", c0, c1)
	}
	if got, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`window.ds9.debug.selected()`)); got != ship.ID {
		t.Errorf("touch: a drag changed the selection from %d to %d", ship.ID, got)
	}
	// Pinch out to zoom in.
	b.gesture(ctx, [][2]float64{{460, 330}, {560, 330}}, [][2]float64{{380, 330}, {640, 330}})
	c2 := b.camera(ctx)
	if !(c2.Zoom > c1.Zoom*1.2) {
		t.Errorf("touch: pinching out changed the zoom from %.3f to %.3f", c1.Zoom, c2.Zoom)
	}
	t.Logf("touch: drag panned the camera %.0f,%.0f -> %.0f,%.0f; pinch zoomed %.2f -> %.2f", c0.X, c0.Y, c1.X, c1.Y, c1.Zoom, c2.Zoom)
}

// testHiDPI checks the game draws at the device's pixel density: loaded at
// devicePixelRatio 2, the canvas has twice the CSS pixels in each direction.
// (Ebitengine reads the ratio once, at the start.)
func testHiDPI(t *testing.T, b *browser) {
	ctx := b.ctx
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), chromedp.EmulateViewport(960, 540, chromedp.EmulateScale(2))); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), chromedp.EmulateViewport(1280, 720)); err != nil {
			t.Fatal(err)
		}
	}()
	if err := chromedp.Do(ctx, chromedp.Navigate(b.base+"/?scenario="+scenarioID+"&side=dominion&scene=battle&seed=7&mute")); err != nil {
		t.Fatal(err)
	}
	b.waitFor(ctx, "the battle at devicePixelRatio 2", firstFrameLimit, func(s status) bool { return s.FirstBattleFrameMs > 0 }, nil)
	type size struct {
		DPR  float64 `json:"dpr"`
		W    int     `json:"w"`
		H    int     `json:"h"`
		CSSW int     `json:"cssW"`
		CSSH int     `json:"cssH"`
	}
	var sz size
	deadline := time.Now().Add(10 * time.Second)
	for {
		var err error
		sz, err = chromedp.Run(ctx, chromedp.Evaluate[size](`(() => { const c = document.querySelector("body > canvas"); return {dpr: devicePixelRatio, w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight}; })()`))
		if err != nil {
			t.Fatal(err)
		}
		if sz.DPR == 2 && sz.W == 2*sz.CSSW && sz.H == 2*sz.CSSH {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("HiDPI: at devicePixelRatio %.1f the canvas is %dx%d for %dx%d CSS pixels", sz.DPR, sz.W, sz.H, sz.CSSW, sz.CSSH)
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Logf("HiDPI: at devicePixelRatio %.0f the canvas is %dx%d for %dx%d CSS pixels", sz.DPR, sz.W, sz.H, sz.CSSW, sz.CSSH)
	b.screenshot(ctx, "hidpi")
	// The hooks speak CSS pixels whatever the density.
	ships, _ := chromedp.Run(ctx, chromedp.Evaluate[[]shipPos](`window.ds9.debug.ownShips()`))
	for _, sh := range ships {
		if sh.X > float64(sz.CSSW) || sh.Y > float64(sz.CSSH) {
			t.Errorf("HiDPI: ship %d reported at %.0f,%.0f, outside the %dx%d CSS page", sh.ID, sh.X, sh.Y, sz.CSSW, sz.CSSH)
			break
		}
	}
}
