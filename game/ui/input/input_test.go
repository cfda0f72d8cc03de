package input

import (
	"testing"

	"github.com/hajimehoshi/ebiten/v2"
)

// script is a Source a test sets frame by frame.
type script struct {
	keys    map[ebiten.Key]int // how long each key has been held
	want    map[ebiten.Key]bool
	x, y    int
	btn     bool
	cur     bool
	prev    bool
	present bool
}

func newScript() *script {
	return &script{keys: map[ebiten.Key]int{}, want: map[ebiten.Key]bool{}, present: true}
}

func (s *script) Poll() {
	for k := range s.keys {
		if !s.want[k] {
			delete(s.keys, k)
		}
	}
	for k, on := range s.want {
		if on {
			s.keys[k]++
		}
	}
	s.prev, s.cur = s.cur, s.btn
}
func (s *script) KeyPressed(k ebiten.Key) bool      { return s.keys[k] > 0 }
func (s *script) KeyJustPressed(k ebiten.Key) bool  { return s.keys[k] == 1 }
func (s *script) KeyPressDuration(k ebiten.Key) int { return s.keys[k] }
func (s *script) Cursor() (int, int)                { return s.x, s.y }
func (s *script) Wheel() float64                    { return 0 }
func (s *script) MouseButton(b ebiten.MouseButton) (bool, bool, bool) {
	if b != ebiten.MouseButtonLeft {
		return false, false, false
	}
	return s.cur, s.cur && !s.prev, !s.cur && s.prev
}
func (s *script) AppendTouchIDs(ids []ebiten.TouchID) []ebiten.TouchID { return ids }
func (s *script) TouchPosition(ebiten.TouchID) (int, int)              { return 0, 0 }
func (s *script) PointerPresent() bool                                 { return s.present }
func (s *script) Focused() bool                                        { return true }

func TestClickAndDrag(t *testing.T) {
	s := newScript()
	in := &Input{Source: s}
	s.x, s.y = 100, 100
	in.Update()
	s.btn = true
	in.Update()
	s.btn = false
	in.Update()
	if !in.Clicked || in.ClickX != 100 || in.ClickY != 100 {
		t.Fatalf("a press and release: clicked %v at %v,%v", in.Clicked, in.ClickX, in.ClickY)
	}
	// A press that moves further than the threshold drags, and is no click.
	s.btn = true
	in.Update()
	dragged := false
	for i := 1; i <= 5; i++ {
		s.x = 100 + i*5
		in.Update()
		dragged = dragged || in.Dragging
	}
	s.btn = false
	in.Update()
	if !dragged || in.Clicked {
		t.Fatalf("a drag: dragging %v, clicked %v", dragged, in.Clicked)
	}
	// A press the window lost the focus over is no click when it comes back.
	s.btn = true
	in.Update()
	in.Cancel()
	s.btn = false
	in.Update()
	if in.Clicked {
		t.Fatal("a cancelled press clicked")
	}
}

func TestKeysAsCommands(t *testing.T) {
	s := newScript()
	in := &Input{Source: s}
	tap := func(keys ...ebiten.Key) {
		for _, k := range keys {
			s.want[k] = true
		}
		in.Update()
	}
	release := func() {
		clear(s.want)
		in.Update()
	}
	tap(ebiten.KeyTab)
	if !in.Just(CmdNextShip) || in.Just(CmdPrevShip) {
		t.Error("Tab is not the next ship")
	}
	release()
	tap(ebiten.KeyShift, ebiten.KeyTab)
	if !in.Just(CmdPrevShip) || in.Just(CmdNextShip) {
		t.Error("Shift+Tab is not the previous ship")
	}
	release()
	tap(ebiten.KeyControl, ebiten.KeyS)
	if !in.Just(CmdSave) || in.Just(CmdCurS) {
		t.Error("Ctrl+S does not save, or moves the cursor")
	}
	release()
	tap(ebiten.KeyS)
	if !in.Just(CmdCurS) || in.Just(CmdSave) {
		t.Error("S does not move the cursor south")
	}
	// Held keys repeat after a while.
	repeats := 0
	for range 40 {
		in.Update()
		if in.Repeat(CmdCurS) {
			repeats++
		}
	}
	if repeats < 3 {
		t.Errorf("a held key repeated %d times in 40 frames", repeats)
	}
	release()
	in.Inject(CmdFit)
	if !in.Just(CmdFit) {
		t.Error("an injected command is not seen")
	}
}
