package scene

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/ui/play"
	"github.com/calltoarms/ds9/game/ui/saves"
)

// allocHarness runs the real game for a while, then stops feeding it events
// and measures the heap allocations of the battle scene's Draw alone, onto an
// offscreen image, while effects keep running.
type allocHarness struct {
	g        *Manager
	off      *ebiten.Image
	frame    int
	warm     int // frames of play before measuring
	measure  int // frames measured
	measured int
	mallocs  uint64
	ships    int
	want     int
	effects  int
	before   map[[32]uintptr]int64
	err      error
}

func (h *allocHarness) Update() error {
	h.frame++
	b, ok := h.g.scene.(*battleScene)
	if !ok {
		h.err = errors.New("not in battle")
		return ebiten.Termination
	}
	if h.frame <= h.warm {
		err := h.g.Update()
		if h.frame == h.warm {
			// The Dominion sees all of its fleet: every ship on screen.
			b.ctl.SetSide(rules.SideB)
			b.cam.Fit()
			b.cam.Snap()
		}
		return err
	}
	// Steady state: time runs on and effects animate; every few frames a
	// volley of effects starts (from made-up events: the battle stands still).
	// The first volley comes at once, so that its floating texts have been
	// drawn (and cached) before the measurement starts.
	b.now += 1.0 / 60
	b.fx.Update(b.now)
	if h.frame == h.warm+1 || h.frame%10 == 0 {
		volley(b, h.frame)
	}
	if h.frame > h.warm+allocSettle+h.measure {
		return ebiten.Termination
	}
	return nil
}

func (h *allocHarness) Draw(screen *ebiten.Image) {
	b := h.g.scene.(*battleScene)
	if h.frame <= h.warm+allocSettle {
		h.g.Draw(screen)
		if h.frame > h.warm {
			b.Draw(h.off) // warm the offscreen path too
		}
		return
	}
	h.measured++
	if h.measured == 1 {
		h.before = drawProfile()
	}
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	b.Draw(h.off)
	runtime.ReadMemStats(&m1)
	h.mallocs += m1.Mallocs - m0.Mallocs
	h.ships = len(b.shipsNow)
	h.want = 0
	for i := range b.ctl.View.Ships {
		if sh := &b.ctl.View.Ships[i]; sh.Alive() && !b.ctl.View.Class(sh).Station {
			h.want++
		}
	}
	h.effects = b.fx.Live
	screen.DrawImage(h.off, nil)
}

func (h *allocHarness) Layout(w, hh int) (int, int) { return 1280, 720 }

// allocSettle is how many frames the offscreen drawing is warmed before it
// is measured: long enough for the first volley's effects, texts included,
// to have been drawn once (a volley's effects start within half a second).
const allocSettle = 60

// TestBattleDrawAllocs shows that drawing the battle, with every ship on
// screen and effects running, makes no heap allocation of its own per frame.
// It runs the real game under Xvfb (see underX).
func TestBattleDrawAllocs(t *testing.T) {
	if testing.Short() {
		if os.Getenv("CI") == "true" {
			t.Fatal("-short under CI=true: the test must run")
		}
		t.Skip("needs a display")
	}
	if !underX(t, "TestBattleDrawAllocs") {
		return
	}
	runtime.MemProfileRate = 1
	defer func() { runtime.MemProfileRate = 512 * 1024 }()
	g, err := New(Options{Scenario: "second-battle-of-ds9", Autoplay: true, Seed: 5, Mute: true, Storage: saves.NewMemory()})
	if err != nil {
		t.Fatal(err)
	}
	g.W, g.H = 1280, 720
	h := &allocHarness{g: g, off: ebiten.NewImage(1280, 720), warm: 300, measure: 240}
	ebiten.SetWindowSize(1280, 720)
	if err := ebiten.RunGame(h); err != nil {
		t.Fatal(err)
	}
	if h.err != nil {
		t.Fatal(h.err)
	}
	if h.measured < 10 {
		t.Fatal("too few frames measured")
	}
	// Allocations made with battleScene.Draw on the stack, from the memory
	// profiler sampling every allocation: other goroutines (Ebitengine's
	// rendering) do not count.
	// An allocation is the game's own when the code that asked for it is in
	// game/ui/...; else it is Ebitengine's (its pools refill after each GC, which
	// this test forces to read the profile).
	after := drawProfile()
	var own, lib int64
	for k, n := range after {
		d := n - h.before[k]
		if d <= 0 {
			continue
		}
		if allocSiteIsOurs(k) {
			own += d
			t.Logf("%d allocations by the game at:\n%s", d, stackText(k))
		} else {
			lib += d
		}
	}
	frames := float64(h.measured - 1)
	per := float64(own) / frames
	t.Logf("battle Draw: %d frames measured, %d ships drawn, %d effects running; heap allocations per frame: %.2f by the game's drawing code, %.2f inside Ebitengine under Draw (MemStats for the whole process, all goroutines: %.2f)",
		h.measured-1, h.ships, h.effects, per, float64(lib)/frames, float64(h.mallocs)/float64(h.measured))
	if h.ships != h.want || h.ships < 100 {
		t.Errorf("%d ships on screen of %d in view; the test wants every ship", h.ships, h.want)
	}
	if h.effects < 20 {
		t.Errorf("only %d effects running", h.effects)
	}
	if own > 0 {
		t.Errorf("the battle's Draw allocates %.2f times per frame, want 0", per)
	}
}

// volley starts effects as if ships fired on each other: beams and torpedoes
// of every kind, shield flashes, hull hits, explosions and mines.
func volley(b *battleScene, frame int) {
	v := b.ctl.View
	var ids []rules.ShipID
	for i := range v.Ships {
		if sh := &v.Ships[i]; sh.Alive() {
			ids = append(ids, sh.ID)
		}
	}
	if len(ids) < 2 {
		return
	}
	var evs []rules.Event
	for k := range 12 {
		a := v.Ship(ids[(frame*7+k*13)%len(ids)])
		t := v.Ship(ids[(frame*3+k*29+1)%len(ids)])
		wk := rules.WeaponKind(k % 6)
		evs = append(evs,
			rules.Event{Kind: rules.Fired, Side: a.Side, Ship: a.ID, Target: t.ID, From: a.Pos, To: t.Pos, WeaponKind: wk, Value: 2},
			rules.Event{Kind: rules.Hit, Side: a.Side, Ship: a.ID, Target: t.ID, From: a.Pos, To: t.Pos, WeaponKind: wk, Damage: 9, ShieldDamage: 6, HullDamage: 3},
			rules.Event{Kind: rules.Missed, Side: a.Side, Ship: a.ID, Target: t.ID, From: a.Pos, To: t.Pos, WeaponKind: wk})
		if k%6 == 0 {
			evs = append(evs, rules.Event{Kind: rules.ShipDestroyed, Side: t.Side, Ship: t.ID, To: t.Pos})
		}
		if k%8 == 0 {
			evs = append(evs, rules.Event{Kind: rules.MineDetonated, Side: rules.SideA, Ship: t.ID, Target: t.ID, To: t.Pos, Damage: 30})
		}
	}
	// The logs keep their lines: new text is new content, not steady state.
	keep := b.logs
	a := &play.Applied{Before: [2]*rules.View{v, v}, After: [2]*rules.View{v, v}}
	a.Told[v.Side] = evs
	b.dir.show(a, 2, true)
	b.logs = keep
}

// drawProfile returns the allocations so far of every stack that passes
// through battleScene.Draw.
func drawProfile() map[[32]uintptr]int64 {
	runtime.GC()
	runtime.GC()
	n, _ := runtime.MemProfile(nil, true)
	recs := make([]runtime.MemProfileRecord, n+512)
	n, _ = runtime.MemProfile(recs, true)
	out := map[[32]uintptr]int64{}
	for _, r := range recs[:n] {
		for _, pc := range r.Stack() {
			if f := runtime.FuncForPC(pc); f != nil && strings.HasSuffix(f.Name(), "/scene.(*battleScene).Draw") {
				out[r.Stack0] = r.AllocObjects
				break
			}
		}
	}
	return out
}

// allocSiteIsOurs reports whether the first frame outside the runtime is the game's.
func allocSiteIsOurs(st [32]uintptr) bool {
	for _, pc := range st {
		if pc == 0 {
			break
		}
		f := runtime.FuncForPC(pc)
		if f == nil {
			continue
		}
		name := f.Name()
		if strings.HasPrefix(name, "runtime.") {
			continue
		}
		return strings.Contains(name, "calltoarms/ds9/game/ui.") || strings.Contains(name, "calltoarms/ds9/game/ui/")
	}
	return false
}

func stackText(st [32]uintptr) string {
	var b strings.Builder
	for _, pc := range st {
		if pc == 0 {
			break
		}
		if f := runtime.FuncForPC(pc); f != nil {
			file, line := f.FileLine(pc)
			fmt.Fprintf(&b, "    %s %s:%d\n", f.Name(), file, line)
		}
	}
	return b.String()
}
