package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"testing"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// counter counts the requests a handler answers.
type counter struct{ n atomic.Int64 }

func (c *counter) count(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.n.Add(1)
		h.ServeHTTP(w, r)
	})
}

// loadAverage is the machine's load, for the log beside a time.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

// eval evaluates a JavaScript expression.
func eval[T any](b *browser, ctx context.Context, expr string) T {
	b.t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		b.t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// evalAwait evaluates a JavaScript expression and waits for its promise.
func evalAwait[T any](b *browser, ctx context.Context, expr string) T {
	b.t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// until polls a JavaScript condition.
func (b *browser) until(ctx context.Context, what, cond string, limit time.Duration) {
	b.t.Helper()
	deadline := time.Now().Add(limit)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { try { return !!(`+cond+`); } catch (e) { return false; } })()`))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			s, serr := b.status(ctx)
			if serr != nil {
				b.t.Logf("the page's status: %v", serr)
			}
			b.checkErrors("waiting for " + what)
			b.t.Fatalf("timed out after %s waiting for %s (%s); status %+v", limit, what, cond, s)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// mouse sends one mouse event at x, y (CSS pixels).
func (b *browser) mouse(ctx context.Context, p input.DispatchMouseEventParams) {
	b.t.Helper()
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, input.DispatchMouseEvent, p)
		return err
	}))
	if err != nil {
		b.t.Fatalf("mouse event: %v", err)
	}
}

// wheelParams are Input.dispatchMouseEvent's for a wheel: deltaX must be
// sent, even when it is 0 (cdproto's params leave a zero out).
type wheelParams struct {
	Type   string  `json:"type"`
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	DeltaX float64 `json:"deltaX"`
	DeltaY float64 `json:"deltaY"`
}

var dispatchWheel = cdp.Command[wheelParams, cdp.Empty]{Method: "Input.dispatchMouseEvent"}

// wheel turns the mouse wheel at x, y by deltaY CSS pixels (negative: away
// from the user, zoom in), as the browser reports it.
func (b *browser) wheel(ctx context.Context, x, y, deltaY float64) {
	b.t.Helper()
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, dispatchWheel, wheelParams{Type: "mouseWheel", X: x, Y: y, DeltaY: deltaY})
		return err
	}))
	if err != nil {
		b.t.Fatalf("wheel event: %v", err)
	}
}

// clickItem clicks the item of the menu or list on screen whose label
// begins with label.
func (b *browser) clickItem(ctx context.Context, label string) {
	b.t.Helper()
	var r *rect
	deadline := time.Now().Add(10 * time.Second)
	for {
		r, _ = chromedp.Run(ctx, chromedp.Evaluate[*rect](`window.ds9.debug.menuItem(`+jsString(label)+`)`))
		if r != nil && r.W > 0 {
			break
		}
		if time.Now().After(deadline) {
			s, _ := b.status(ctx)
			b.t.Fatalf("no %q on screen (status %+v)", label, s)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err := chromedp.Do(ctx, chromedp.MouseClickXY(r.X+r.W/2, r.Y+r.H/2)); err != nil {
		b.t.Fatal(err)
	}
	time.Sleep(150 * time.Millisecond)
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// testWheel: in the battle, one notch of the wheel is one zoom step,
// whatever the wheel reports: Chrome's 100 pixels a notch, several notches
// in a row, a touchpad's small fractional deltas, and Firefox's 48.
func testWheel(t *testing.T, b *browser) {
	ctx := b.ctx
	b.waitForHumanTurn(ctx, "the player's orders", 90*time.Second)
	const x, y = 560.0, 380.0 // the map, clear of the HUD
	b.mouse(ctx, input.DispatchMouseEventParams{Type: input.DispatchMouseEventTypeMouseMoved, X: x, Y: y})
	const step = 1.15 // the battle's zoom a step
	// zoom reads the camera's zoom once the game has seen the wheel: some
	// frames on, and the zoom still.
	zoom := func() float64 {
		t.Helper()
		s0, _ := b.status(ctx)
		last, still := -1.0, 0
		for i := 0; i < 100; i++ {
			time.Sleep(60 * time.Millisecond)
			s, _ := b.status(ctx)
			z := b.camera(ctx).Zoom
			if z == last && s.Frames >= s0.Frames+8 {
				if still++; still >= 3 {
					return z
				}
			} else {
				still = 0
			}
			last = z
		}
		t.Fatal("the zoom does not settle")
		return 0
	}
	check := func(what string, before, after float64, steps int) {
		t.Helper()
		want := before * math.Pow(step, float64(steps))
		if math.Abs(after/want-1) > 0.01 {
			t.Errorf("wheel, %s: zoom %.4f -> %.4f (×%.4f), want ×%.4f (%d steps)", what, before, after, after/before, want/before, steps)
		} else {
			t.Logf("wheel, %s: zoom %.3f -> %.3f: %d steps", what, before, after, steps)
		}
	}
	// Out a little first, so that the steps stay within the camera's range.
	for range 2 {
		b.wheel(ctx, x, y, 100)
		time.Sleep(150 * time.Millisecond)
	}
	z0 := zoom()
	b.wheel(ctx, x, y, -100)
	z1 := zoom()
	check("one notch (100 px)", z0, z1, 1)
	for range 3 {
		b.wheel(ctx, x, y, -100)
		time.Sleep(60 * time.Millisecond)
	}
	z2 := zoom()
	check("three notches", z1, z2, 3)
	b.wheel(ctx, x, y, 100)
	z3 := zoom()
	check("one notch back", z2, z3, -1)
	// A touchpad: a small delta every frame (sent from the page, a frame
	// apart, as a touchpad's are).
	touchpad := func(n int, d float64) {
		t.Helper()
		evalAwait[bool](b, ctx, `new Promise((done) => {
			const c = document.querySelector("body > canvas");
			let i = 0;
			const f = () => {
				c.dispatchEvent(new WheelEvent("wheel", {deltaY: `+jsNumber(d)+`, deltaMode: 0, clientX: `+jsNumber(x)+`, clientY: `+jsNumber(y)+`, bubbles: true, cancelable: true}));
				if (++i < `+itoa(n)+`) requestAnimationFrame(f); else done(true);
			};
			requestAnimationFrame(f);
		})`)
	}
	touchpad(25, -4)
	z4 := zoom()
	check("a touchpad's 25 frames of 4 px", z3, z4, 1)
	touchpad(2, 4.25)
	z5 := zoom()
	check("a touchpad's 2 frames of 4.25 px", z4, z5, 0)
	b.wheel(ctx, x, y, 48)
	z6 := zoom()
	check("Firefox's notch (48 px)", z5, z6, -1)
	b.checkErrors("turning the wheel")
}

// testReloadKeepsOrders: an order given mid-turn is saved at once; a reload
// asks first (beforeunload), and resumes the battle with the order.
func testReloadKeepsOrders(t *testing.T, b *browser) {
	ctx := b.ctx
	s := b.waitForHumanTurn(ctx, "the player's orders", 90*time.Second)
	// Fit the map, then a ship and a hex it can move to.
	b.key(ctx, "h")
	time.Sleep(400 * time.Millisecond)
	before := s.Orders
	moved := false
	ships, _ := chromedp.Run(ctx, chromedp.Evaluate[[]shipPos](`window.ds9.debug.ownShips()`))
	for _, sh := range ships {
		if err := chromedp.Do(ctx, chromedp.MouseClickXY(sh.X, sh.Y)); err != nil {
			t.Fatal(err)
		}
		time.Sleep(300 * time.Millisecond)
		type pt struct{ X, Y float64 }
		moves, _ := chromedp.Run(ctx, chromedp.Evaluate[[]pt](`window.ds9.debug.moves()`))
		if len(moves) == 0 {
			continue
		}
		m := moves[len(moves)/2]
		if err := chromedp.Do(ctx, chromedp.MouseClickXY(m.X, m.Y)); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(5 * time.Second)
		for time.Now().Before(deadline) {
			if st, err := b.status(ctx); err == nil && st.Orders > before {
				moved = true
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
		if moved {
			t.Logf("moved %s (ship %d)", sh.Name, sh.ID)
			break
		}
	}
	if !moved {
		t.Fatalf("no ship could be moved (%d ships)", len(ships))
	}
	s = b.waitFor(ctx, "the order to be played", 10*time.Second, func(s status) bool { return !s.Busy && s.Orders > before }, nil)
	orders, name := s.Orders, s.Autosave
	// Saved at once: the autosave's card has every order.
	b.until(ctx, "the autosave of the order", `JSON.parse(localStorage.getItem("calltoarms/saves/`+strings.TrimSuffix(name, ".json")+`.meta")).orders === `+itoa(orders), 5*time.Second)
	b.mu.Lock()
	dialogs := len(b.dialogs)
	b.mu.Unlock()
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatalf("reload: %v", err)
	}
	s = b.waitFor(ctx, "the battle resumed after the reload", firstFrameLimit, func(s status) bool {
		return s.Scene == "battle" && s.Orders > 0
	}, nil)
	if s.Orders != orders || s.Autosave != name || !s.HumanTurn {
		t.Fatalf("after the reload: %d orders in %s (my turn %v), want %d in %s", s.Orders, s.Autosave, s.HumanTurn, orders, name)
	}
	navType := eval[string](b, ctx, `performance.getEntriesByType("navigation")[0].type`)
	b.mu.Lock()
	asked := b.dialogs[dialogs:]
	b.mu.Unlock()
	t.Logf("reload (%s): the battle resumed with its %d orders, first frame %.2f s; the page asked first: %q", navType, s.Orders, s.FirstBattleFrameMs/1000, asked)
	if len(asked) == 0 || !strings.HasPrefix(asked[0], "beforeunload") {
		t.Errorf("leaving the battle did not ask first (beforeunload): dialogs %q", asked)
	}
	b.checkErrors("reloading mid-battle")
}

// testContextLoss: the graphics context lost (WEBGL_lose_context) neither
// reloads the page nor loses an order: the game restarts in the page and
// resumes the battle.
func testContextLoss(t *testing.T, b *browser) {
	ctx := b.ctx
	s := b.waitForHumanTurn(ctx, "the player's orders", 90*time.Second)
	orders := s.Orders
	eval[bool](b, ctx, `(window.__ds9Marker = "before the loss", true)`)
	navs := eval[int](b, ctx, `performance.getEntriesByType("navigation").length`)
	lost := eval[bool](b, ctx, `(() => {
		const gl = document.querySelector("body > canvas").getContext("webgl2");
		const ext = gl && gl.getExtension("WEBGL_lose_context");
		if (!ext) return false;
		ext.loseContext();
		return true;
	})()`)
	if !lost {
		t.Fatal("WEBGL_lose_context is not available")
	}
	start := time.Now()
	b.until(ctx, "the game restarted", `window.ds9page.restarts === 1 && window.ds9page.ready`, firstFrameLimit)
	s = b.waitFor(ctx, "the battle resumed after the context loss", firstFrameLimit, func(s status) bool {
		return s.Scene == "battle" && s.Orders > 0 && s.Frames > 2
	}, nil)
	if s.Orders != orders || !s.HumanTurn {
		t.Errorf("after the context loss: %d orders (my turn %v), want %d", s.Orders, s.HumanTurn, orders)
	}
	if m := eval[string](b, ctx, `String(window.__ds9Marker)`); m != "before the loss" {
		t.Errorf("the page was reloaded: marker %q", m)
	}
	if n := eval[int](b, ctx, `performance.getEntriesByType("navigation").length`); n != navs {
		t.Errorf("navigations %d -> %d", navs, n)
	}
	if n := eval[int](b, ctx, `document.querySelectorAll("body > canvas").length`); n != 1 {
		t.Errorf("%d canvases after the restart", n)
	}
	t.Logf("context loss: the game restarted in the page in %.1f s and resumed the battle with its %d orders", time.Since(start).Seconds(), s.Orders)
	checkMap(t, b.screenshot(ctx, "after-context-loss"))
	b.checkErrors("losing the graphics context")
}

// testContextLossStopped: the engine may stop on a call into the graphics
// already lost (a panic in its GL layer) before the page hears of the loss;
// the page restarts the game all the same, in the page, and the battle
// resumes with its orders.
func testContextLossStopped(t *testing.T, b *browser) {
	ctx := b.ctx
	s := b.waitForHumanTurn(ctx, "the player's orders", 90*time.Second)
	orders := s.Orders
	restarts := eval[int](b, ctx, `window.ds9page.restarts`)
	stopped := eval[bool](b, ctx, `(() => {
		const gl = document.querySelector("body > canvas").getContext("webgl2");
		const ext = gl && gl.getExtension("WEBGL_lose_context");
		if (!ext) return false;
		ext.loseContext();
		window.ds9.debug.stop(); // before the page's event for the loss
		return true;
	})()`)
	if !stopped {
		t.Fatal("WEBGL_lose_context is not available")
	}
	b.until(ctx, "the game restarted", fmt.Sprintf(`window.ds9page.restarts === %d && window.ds9page.ready`, restarts+1), firstFrameLimit)
	s = b.waitFor(ctx, "the battle resumed after the game stopped", firstFrameLimit, func(s status) bool {
		return s.Scene == "battle" && s.Orders > 0 && s.Frames > 2
	}, nil)
	if s.Orders != orders || !s.HumanTurn {
		t.Errorf("after the game stopped: %d orders (my turn %v), want %d", s.Orders, s.HumanTurn, orders)
	}
	if n := eval[int](b, ctx, `window.ds9page.restarts`); n != restarts+1 {
		t.Errorf("restarted %d times, want once", n-restarts)
	}
	if n := eval[int](b, ctx, `document.querySelectorAll("body > canvas").length`); n != 1 {
		t.Errorf("%d canvases after the restart", n)
	}
	if shown := eval[bool](b, ctx, `document.getElementById("err").classList.contains("shown")`); shown {
		t.Errorf("the page shows an error after the restart")
	}
	t.Logf("the game stopped with its graphics lost: restarted once, the battle resumed with its %d orders", s.Orders)
	b.checkErrors("the game stopping with its graphics lost")
}

// testBadParams: bad settings in the address are told on the title
// screen, their defaults kept, and the game runs on.
func testBadParams(t *testing.T, b *browser) {
	ctx := b.ctx
	if err := chromedp.Do(ctx, chromedp.Navigate(b.base+"/?scenario=nope&side=xyz&difficulty=insane&seed=abc&mute")); err != nil {
		t.Fatal(err)
	}
	b.until(ctx, "the title with a message", `window.ds9.status().scene === "title" && window.ds9.status().frames > 2 && window.ds9.status().error`, firstFrameLimit)
	s, _ := b.status(ctx)
	for _, want := range []string{`"nope"`, `"xyz"`, `"insane"`, `"abc"`} {
		if !strings.Contains(s.Error, want) {
			t.Errorf("the title's message %q does not mention %s", s.Error, want)
		}
	}
	t.Logf("bad parameters: %q", s.Error)
	b.screenshot(ctx, "title-bad-params")
	// Alive: it still draws, and a battle begins with the defaults.
	time.Sleep(500 * time.Millisecond)
	if s2, err := b.status(ctx); err != nil || s2.Frames <= s.Frames {
		t.Fatalf("the game stopped: %+v, %v", s2, err)
	}
	// The page's full-screen button.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("fullscreen"))); err != nil {
		t.Fatalf("the full-screen button: %v", err)
	}
	b.until(ctx, "full screen", `document.fullscreenElement !== null`, 5*time.Second)
	evalAwait[bool](b, ctx, `document.exitFullscreen().then(() => true)`)
	t.Logf("the page's Full screen button put the page in full screen")
	b.clickItem(ctx, "Begin the battle")
	b.waitFor(ctx, "the briefing", 10*time.Second, func(s status) bool { return s.Scene == "briefing" && s.Scenario == scenarioID }, nil)
	if gone := eval[bool](b, ctx, `document.getElementById("err").classList.contains("shown")`); gone {
		t.Errorf("the page shows an error")
	}
	b.checkErrors("bad parameters")
}

// testShare: from the after-action report, the replay is downloaded, and a
// link copied that opens it.
func testShare(t *testing.T, b *browser) {
	ctx := b.ctx
	dl := t.TempDir()
	yes := true
	if _, err := chromedp.CallBrowser(ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dl, EventsEnabled: &yes}); err != nil {
		t.Fatalf("downloads: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(b.base+"/?scene=report&seed=7&mute")); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	s := b.waitFor(ctx, "the report", 150*time.Second, func(s status) bool { return s.Scene == "report" && s.Frames > 2 }, nil)
	t.Logf("the report of a battle played to its end (%s, turn %d) in %.0f s", s.Outcome, s.Turn, time.Since(start).Seconds())
	b.clickItem(ctx, "Save the replay")
	b.clickItem(ctx, "Copy a link")
	b.until(ctx, "the link copied", `window.ds9page.lastCopied.includes("#replay=")`, 5*time.Second)
	link := eval[string](b, ctx, `window.ds9page.lastCopied`)
	if !strings.HasPrefix(link, b.base+"/#replay=") {
		t.Errorf("the link %.80q… does not open this page", link)
	}
	b.clickItem(ctx, "Download the replay")
	b.screenshot(ctx, "report-share")
	var file string
	deadline := time.Now().Add(15 * time.Second)
	for file == "" && time.Now().Before(deadline) {
		m, _ := filepath.Glob(filepath.Join(dl, "replay-*.json"))
		if len(m) > 0 {
			file = m[0]
		}
		time.Sleep(100 * time.Millisecond)
	}
	if file == "" {
		t.Fatal("no replay downloaded")
	}
	data, err := os.ReadFile(file)
	var f struct {
		Scenario string `json:"scenario"`
		Result   *struct {
			Outcome string `json:"outcome"`
		} `json:"result"`
	}
	if err != nil || json.Unmarshal(data, &f) != nil || f.Scenario != scenarioID || f.Result == nil || f.Result.Outcome != s.Outcome {
		t.Fatalf("the download %s: %v, %+v", file, err, f)
	}
	t.Logf("downloaded %s (%d bytes); link of %d characters", filepath.Base(file), len(data), len(link))
	// The link opens the replay, which ends as the battle did.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), chromedp.Navigate(link)); err != nil {
		t.Fatal(err)
	}
	r := b.playReplay(ctx, "the shared replay's outcome")
	if r.Outcome != s.Outcome || r.Scenario != scenarioID {
		t.Errorf("the shared replay ends %q in %s, want %q", r.Outcome, r.Scenario, s.Outcome)
	}
	b.checkErrors("sharing a replay")
}

// testSavesList: the title's load list shows every save with its scenario,
// side, turn, date and outcome, and scrolls.
func testSavesList(t *testing.T, b *browser) {
	ctx := b.ctx
	// Copies of the autosave as named saves, so that the list scrolls.
	n := eval[int](b, ctx, `(() => {
		const p = "calltoarms/saves/";
		const auto = Object.keys(localStorage).find((k) => k.startsWith(p + "autosave-") && k.endsWith(".json"));
		if (!auto) return 0;
		const card = JSON.parse(localStorage.getItem(auto.replace(/\.json$/, ".meta")));
		for (let i = 1; i <= 14; i++) {
			const name = p + "copy-" + i + ".json";
			localStorage.setItem(name, localStorage.getItem(auto));
			localStorage.setItem(name + "#time", new Date(Date.now() - i * 3600e3).toISOString());
			localStorage.setItem(p + "copy-" + i + ".meta", JSON.stringify(Object.assign({}, card, {title: "Before the attack " + i, kind: "save", saved: new Date(Date.now() - i * 3600e3).toISOString()})));
		}
		return Object.keys(localStorage).filter((k) => k.startsWith(p) && k.endsWith(".json")).length;
	})()`)
	if n < 15 {
		t.Fatalf("%d saves in storage", n)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), chromedp.Navigate(b.base+"/?mute")); err != nil {
		t.Fatal(err)
	}
	b.waitFor(ctx, "the title", firstFrameLimit, func(s status) bool { return s.Scene == "title" && s.Frames > 2 }, nil)
	b.clickItem(ctx, "Load a saved battle")
	b.screenshot(ctx, "saves")
	// The oldest save is out of sight at the bottom of the list: the wheel
	// scrolls to it.
	type item struct {
		X, Y, W, H float64
		Shown      bool
	}
	last := func() item {
		it, err := chromedp.Run(ctx, chromedp.Evaluate[*item](`window.ds9.debug.menuItem("Before the attack 14")`))
		if err != nil || it == nil {
			t.Fatalf("the list lacks the oldest save (%v)", err)
		}
		return *it
	}
	if last().Shown {
		t.Fatal("every save fits: no scrolling to test")
	}
	b.mouse(ctx, input.DispatchMouseEventParams{Type: input.DispatchMouseEventTypeMouseMoved, X: 640, Y: 360})
	for i := 0; !last().Shown; i++ {
		if i > 30 {
			t.Fatal("the wheel does not scroll the list to its end")
		}
		b.wheel(ctx, 640, 360, 100)
		time.Sleep(120 * time.Millisecond)
	}
	b.clickItem(ctx, "Before the attack 14")
	s := b.waitFor(ctx, "the save loaded", 20*time.Second, func(s status) bool { return s.Scene == "battle" }, nil)
	t.Logf("%d saves listed; the last loaded: %d orders, turn %d", n, s.Orders, s.Turn)
	b.checkErrors("the saves list")
}

// testPhone: the title with a message, the saves list and the report at a
// phone's size, by touch.
func testPhone(t *testing.T, b *browser) {
	ctx := b.ctx
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(3), chromedp.EmulateMobile, chromedp.EmulateTouch)); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), chromedp.EmulateViewport(1280, 720)); err != nil {
			t.Fatal(err)
		}
	}()
	if err := chromedp.Do(ctx, chromedp.Navigate(b.base+"/?side=xyz&mute")); err != nil {
		t.Fatal(err)
	}
	b.until(ctx, "the title on a phone", `window.ds9.status().scene === "title" && window.ds9.status().frames > 2`, firstFrameLimit)
	s, _ := b.status(ctx)
	if !s.Touch || s.Error == "" {
		t.Errorf("on a phone: touch %v, message %q", s.Touch, s.Error)
	}
	b.screenshot(ctx, "phone-title-bad-params")
	b.tapItem(ctx, "Load a saved battle")
	b.screenshot(ctx, "phone-saves")
	if err := chromedp.Do(ctx, chromedp.Navigate(b.base+"/?scene=report&seed=7&mute")); err != nil {
		t.Fatal(err)
	}
	b.waitFor(ctx, "the report on a phone", 150*time.Second, func(s status) bool { return s.Scene == "report" && s.Frames > 2 }, nil)
	b.screenshot(ctx, "phone-report")
	// The title, the briefing and the battle, upright and on its side: every box of the
	// HUD on the screen, none over another, and the map visible.
	for _, vp := range []struct {
		name string
		w, h int64
	}{{"phone", 390, 844}, {"phone-landscape", 844, 390}} {
		if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), chromedp.EmulateViewport(vp.w, vp.h, chromedp.EmulateScale(3), chromedp.EmulateMobile, chromedp.EmulateTouch)); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(b.base+"/?mute")); err != nil {
			t.Fatal(err)
		}
		b.waitFor(ctx, vp.name+": the title", firstFrameLimit, func(s status) bool { return s.Scene == "title" && s.Frames > 2 }, nil)
		b.screenshot(ctx, vp.name+"-title")
		if err := chromedp.Do(ctx, chromedp.Navigate(b.base+"/?scene=briefing&seed=2&mute")); err != nil {
			t.Fatal(err)
		}
		b.waitFor(ctx, vp.name+": the briefing", firstFrameLimit, func(s status) bool { return s.Scene == "briefing" && s.Frames > 2 }, nil)
		b.screenshot(ctx, vp.name+"-briefing")
		if err := chromedp.Do(ctx, chromedp.Navigate(b.base+"/?scene=battle&seed=2&mute")); err != nil {
			t.Fatal(err)
		}
		s := b.waitFor(ctx, vp.name+": the battle", firstFrameLimit, func(s status) bool { return s.Scene == "battle" && s.HumanTurn && s.BattleFrames > 5 }, nil)
		b.screenshot(ctx, vp.name+"-battle")
		for _, p := range layoutProblems(s) {
			t.Errorf("%s, %vx%v: %s", vp.name, s.Screen.W, s.Screen.H, p)
		}
	}
	b.checkErrors("a phone")
}

// layoutProblems checks the battle HUD's boxes, as the page's status tells
// them: each on the screen, none over another (the buttons lie in the action
// bar and the menu button in the top bar), and at least a third of the
// screen left to the map.
func layoutProblems(s status) []string {
	var out []string
	if len(s.Boxes) == 0 {
		return []string{"the status tells no HUD boxes"}
	}
	const eps = 0.5
	inside := func(b, in box) bool {
		return b.X >= in.X-eps && b.Y >= in.Y-eps && b.X+b.W <= in.X+in.W+eps && b.Y+b.H <= in.Y+in.H+eps
	}
	over := func(a, b box) bool {
		return a.X+eps < b.X+b.W && b.X+eps < a.X+a.W && a.Y+eps < b.Y+b.H && b.Y+eps < a.Y+a.H
	}
	screen := box{Name: "screen", W: s.Screen.W, H: s.Screen.H}
	parent := func(b box) string {
		switch {
		case b.Name == "button":
			return "bar"
		case b.Name == "menu":
			return "top"
		}
		return ""
	}
	covered := 0.0
	for i, a := range s.Boxes {
		if a.W <= 0 || a.H <= 0 {
			continue
		}
		if !inside(a, screen) {
			out = append(out, fmt.Sprintf("%s %+v leaves the screen", a.Name, a))
		}
		if parent(a) == "" {
			covered += a.W * a.H
		}
		for _, c := range s.Boxes[i+1:] {
			if c.W <= 0 || c.H <= 0 || parent(a) == c.Name || parent(c) == a.Name {
				continue
			}
			if over(a, c) {
				out = append(out, fmt.Sprintf("%s %+v overlaps %s %+v", a.Name, a, c.Name, c))
			}
		}
	}
	if free := 1 - covered/(s.Screen.W*s.Screen.H); free < 1.0/3 {
		out = append(out, fmt.Sprintf("the HUD covers %.0f%% of the screen", 100*(1-free)))
	}
	return out
}

// tapItem taps the item of the menu or list on screen whose label begins
// with label.
func (b *browser) tapItem(ctx context.Context, label string) {
	b.t.Helper()
	r, err := chromedp.Run(ctx, chromedp.Evaluate[*rect](`window.ds9.debug.menuItem(`+jsString(label)+`)`))
	if err != nil || r == nil {
		b.t.Fatalf("no %q on screen (%v)", label, err)
	}
	b.touch(ctx, input.DispatchTouchEventTypeTouchStart, [2]float64{r.X + r.W/2, r.Y + r.H/2})
	time.Sleep(80 * time.Millisecond)
	b.touch(ctx, input.DispatchTouchEventTypeTouchEnd)
	time.Sleep(300 * time.Millisecond)
}

// testOffline: once loaded, the game starts with no network at all: the
// service worker has its files.
func testOffline(t *testing.T, b *browser) {
	ctx := b.ctx
	if err := chromedp.Do(ctx, chromedp.Navigate(b.base+"/?mute")); err != nil {
		t.Fatal(err)
	}
	b.waitFor(ctx, "the title", firstFrameLimit, func(s status) bool { return s.Scene == "title" && s.Frames > 2 }, nil)
	deadline := time.Now().Add(120 * time.Second)
	for !eval[bool](b, ctx, `!!(window.ds9page.offlineReady && navigator.serviceWorker.controller)`) {
		if time.Now().After(deadline) {
			state := evalAwait[string](b, ctx, `navigator.serviceWorker.getRegistration().then(async (r) => JSON.stringify({
				registered: !!r, active: r && r.active && r.active.state, installing: r && r.installing && r.installing.state,
				waiting: !!(r && r.waiting), controller: !!navigator.serviceWorker.controller, ready: window.ds9page.offlineReady,
				caches: await caches.keys()}))`)
			b.checkErrors("waiting for the service worker")
			t.Fatalf("the service worker does not keep the game after 120 s: %s", state)
		}
		time.Sleep(250 * time.Millisecond)
	}
	manifest := eval[string](b, ctx, `document.querySelector('link[rel="manifest"]').href`)
	// Offline: the network emulated away, and the server closed too.
	yes := true
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		if _, err := cdp.Call(ctx, tg, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			EmulateOfflineServiceWorker: &yes,
			MatchedNetworkConditions:    []*network.Conditions{{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}},
		}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, tg, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: true, DownloadThroughput: -1, UploadThroughput: -1})
		return err
	}))
	if err != nil {
		t.Fatalf("going offline: %v", err)
	}
	b.srv.CloseClientConnections()
	b.srv.Close()
	served := b.requests.n.Load()
	start := time.Now()
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatalf("reload offline: %v", err)
	}
	s := b.waitFor(ctx, "the game offline", firstFrameLimit, func(s status) bool { return s.Scene == "title" && s.Frames > 2 }, nil)
	if online := eval[bool](b, ctx, `navigator.onLine`); online {
		t.Errorf("the page thinks it is online")
	}
	if n := b.requests.n.Load(); n != served {
		t.Errorf("offline, the server answered %d requests", n-served)
	}
	t.Logf("offline: the game started in %.1f s from the service worker's cache (%d frames); manifest %s", time.Since(start).Seconds(), s.Frames, manifest)
	b.screenshot(ctx, "offline")
	b.checkErrors("offline")
}

func jsNumber(f float64) string {
	b, _ := json.Marshal(f)
	return string(b)
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// testScenarioFile: a scenario file of the player's opens in the browser: a
// bad one dropped on the page is told on the title, file:line first; a good
// one picked with the title's "Open a scenario file…" joins the list, is
// begun, and is kept for the next visit.
func testScenarioFile(t *testing.T, b *browser) {
	ctx := b.ctx
	flagship, err := os.ReadFile("../scenarios/" + scenarioID + ".yaml")
	if err != nil {
		t.Fatal(err)
	}
	mine := strings.Replace(string(flagship), "id: "+scenarioID, "id: my-battle", 1)
	mine = strings.Replace(mine, "\nname: ", "\nname: My Battle — ", 1)
	bad := strings.Replace(mine, "turn_limit:", "turn_limitt:", 1)
	badLine := strings.Count(bad[:strings.Index(bad, "turn_limitt:")], "\n") + 1
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), chromedp.Navigate(b.base+"/?mute")); err != nil {
		t.Fatal(err)
	}
	b.waitFor(ctx, "the title screen", firstFrameLimit, func(s status) bool { return s.Scene == "title" && s.Frames > 2 }, nil)

	// Dropped on the page: a bad file.
	eval[bool](b, ctx, `(() => {
		const dt = new DataTransfer();
		dt.items.add(new File([`+jsString(bad)+`], "bad.yaml"));
		document.body.dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
		return true;
	})()`)
	want := "bad.yaml:" + strconv.Itoa(badLine) + ":"
	b.until(ctx, "the bad file's message", `(window.ds9.status().error || "").startsWith(`+jsString(want)+`)`, 10*time.Second)
	s, _ := b.status(ctx)
	t.Logf("a bad scenario file dropped: %q", s.Error)
	if s.Scene != "title" || strings.Contains(s.Error, "\n") || !strings.Contains(s.Error, "turn_limitt") {
		t.Errorf("the title after a bad file: %+v", s)
	}

	// Picked: a good one.
	p := filepath.Join(t.TempDir(), "mine.yaml")
	if err := os.WriteFile(p, []byte(mine), 0o644); err != nil {
		t.Fatal(err)
	}
	b.clickItem(ctx, "Open a scenario file")
	picker := `input[type=file][accept=".yaml,.yml"]`
	b.until(ctx, "the scenario file picker", `document.querySelector(`+jsString(picker)+`)`, 5*time.Second)
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.CSS(picker), []string{p})); err != nil {
		t.Fatalf("the scenario file picker: %v", err)
	}
	b.until(ctx, "the scenario picked", `window.ds9.status().error === undefined && Object.keys(localStorage).some((k) => k.endsWith("scenario-my-battle.yaml"))`, 10*time.Second)
	b.screenshot(ctx, "title-my-battle")
	b.clickItem(ctx, "Begin the battle")
	b.waitFor(ctx, "the briefing of the file's battle", 10*time.Second, func(s status) bool { return s.Scene == "briefing" && s.Scenario == "my-battle" }, nil)
	b.checkErrors("opening a scenario file")
}
