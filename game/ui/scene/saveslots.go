package scene

import (
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/game/ui/input"
	"github.com/calltoarms/ds9/game/ui/play"
	"github.com/calltoarms/ds9/game/ui/render"
	"github.com/calltoarms/ds9/game/ui/saves"
	"github.com/calltoarms/ds9/game/ui/sound"
	"github.com/calltoarms/ds9/scenarios"
)

// The save slots as the player sees them: the lists to load a battle or
// watch a replay from (every save, scrolling, each with its scenario, side,
// turn, date and outcome, and a Delete button that asks first), and the
// dialog that saves a battle under a name (a new slot, or over one the
// player picks and confirms: never over one silently).

// slotTitle is a slot's title as listed.
func slotTitle(s saves.Slot) string {
	t := s.Title
	if t == "" {
		t = strings.TrimSuffix(s.Name, ".json")
	}
	if s.Kind == saves.KindAutosave && !strings.HasPrefix(strings.ToLower(t), "autosave") {
		t = "Autosave: " + t
	}
	return t
}

// slotLines are the lines under a slot's title: its scenario and side, then
// its turn, date and outcome.
func slotLines(g *Manager, s saves.Slot) (string, string) {
	var first, second []string
	sc := g.ScenarioByID(s.Scenario)
	name := s.ScenarioName
	if name == "" && sc != nil {
		name = sc.Name
	}
	if name == "" {
		name = s.Scenario
	}
	if name != "" {
		first = append(first, name)
	}
	side := s.SideName
	if side == "" && sc != nil && s.Side != "" {
		side = sideName(sc, s.Side)
	}
	if side != "" {
		first = append(first, side)
	}
	if s.Turn > 0 {
		t := fmt.Sprintf("Turn %d", s.Turn)
		if s.TurnLimit > 0 {
			t += fmt.Sprintf(" of %d", s.TurnLimit)
		}
		second = append(second, t)
	}
	if !s.Saved.IsZero() {
		second = append(second, s.Saved.Local().Format("2 Jan 2006 15:04"))
	}
	switch {
	case s.OutcomeTitle != "":
		second = append(second, s.OutcomeTitle)
	case s.Outcome != "":
		second = append(second, outcomeTitle(sc, s.Outcome))
	case s.Scenario != "":
		second = append(second, "in progress")
	}
	return strings.Join(first, " · "), strings.Join(second, " · ")
}

// outcomeTitle is an outcome's title in a scenario, or its id.
func outcomeTitle(sc *scenario.Scenario, id string) string {
	if sc != nil {
		for _, o := range sc.Setup.Outcomes {
			if o.ID == id {
				return o.Title
			}
		}
	}
	return id
}

// latestAutosave is the newest autosave of a battle not over, or "".
func (g *Manager) latestAutosave() string {
	for _, s := range g.slots() {
		if s.Kind == saves.KindAutosave && s.Outcome == "" && g.knowsScenario(s.Scenario) {
			return s.Name
		}
	}
	return ""
}

// quickSave saves the battle in play in a slot of its own (F5, or Save in
// the menu without a name typed): never over another save. It returns what
// to tell the player.
func (g *Manager) quickSave(b *battleScene) (string, string) {
	title := g.freshTitle(defaultSaveTitle(b.s))
	name := saves.NewName(g.Storage, title)
	if err := saves.WriteSlot(g.Storage, name, b.s.File(), sessionMeta(g, b.s, saves.KindSave, title)); err != nil {
		return "Save failed", err.Error()
	}
	return "Saved", title + " in " + g.Storage.Where()
}

// freshTitle is a title no save has: title, or title (2), (3), …
func (g *Manager) freshTitle(title string) string {
	taken := map[string]bool{}
	for _, s := range g.slots() {
		taken[s.Title] = true
	}
	t := title
	for i := 2; taken[t]; i++ {
		t = fmt.Sprintf("%s (%d)", title, i)
	}
	return t
}

// defaultSaveTitle names a save of a battle: its scenario and turn.
func defaultSaveTitle(s *play.Session) string {
	st := s.Public()
	return fmt.Sprintf("%s, turn %d", s.Scenario.Name, max(st.Turn, 1))
}

// pickItem is a row of a picker: what it opens, and the save it is (to
// delete), if it is one.
type pickItem struct {
	row  listRow
	slot string
	open func() error
}

// slotPicker is a dialog listing saves (or replays) to open.
type slotPicker struct {
	g       *Manager
	title   string
	items   []pickItem
	list    *scrollList
	buttons *menuList
	bt      *render.Batch
	ask     *confirmBox // a delete waiting for the player's yes
	asking  int
	msg     string
	box     rect
	refresh func() []pickItem
}

func newSlotPicker(g *Manager, title string, items func() []pickItem) *slotPicker {
	p := &slotPicker{g: g, title: title, list: newScrollList(g.Kit), buttons: newMenuList(g.Kit), bt: g.Kit.NewBatch(false), refresh: items}
	p.buttons.add("Back")
	p.buttons.focus = -1
	p.reload()
	p.layout(g)
	return p
}

func (p *slotPicker) reload() {
	p.items = p.refresh()
	p.list.rows = p.list.rows[:0]
	for _, it := range p.items {
		p.list.rows = append(p.list.rows, it.row)
	}
	if len(p.items) == 0 {
		p.list.rows = append(p.list.rows, listRow{title: "(nothing here yet)"})
	}
	p.list.clamp()
}

// dialogBox is a centred dialog's box: w wide at most, fitting the screen.
func dialogBox(g *Manager, w, h float64) rect {
	u := g.U
	inset := g.pageInset()
	w = min(w, g.W-u(16))
	h = min(h, g.H-u(16)-inset)
	return rect{(g.W - w) / 2, (g.H - inset - h) / 2, w, h}
}

func (p *slotPicker) layout(g *Manager) {
	u := g.U
	rowH, gap := u(64), u(6)
	want := float64(max(len(p.list.rows), 3))*(rowH+gap) + u(150)
	p.box = dialogBox(g, u(680), want)
	b := p.box
	area := rect{b.x + u(20), b.y + u(64), b.w - u(48), b.h - u(64) - u(86)}
	p.list.layout(area, rowH, gap, u(72))
	p.buttons.layout(b.x+b.w/2-u(110), b.y+b.h-u(62), u(220), u(40), u(6))
}

// update handles a frame: done when the picker is closed; pick is what was
// picked, to run once it is.
func (p *slotPicker) update(g *Manager) (done bool, pick func()) {
	p.layout(g)
	in := &g.Input
	if p.ask != nil {
		if answered, yes := p.ask.update(g); answered {
			p.ask = nil
			if yes {
				it := p.items[p.asking]
				if err := saves.DeleteSlot(g.Storage, it.slot); err != nil {
					p.msg = "Could not delete: " + err.Error()
				} else {
					p.msg = "Deleted " + it.row.title
				}
				p.reload()
			}
		}
		return false, nil
	}
	if in.Just(input.CmdBack) || in.RightClicked {
		return true, nil
	}
	if i, ok := p.buttons.clicked(in, g.Sound); ok && i == 0 {
		return true, nil
	}
	pk, del := p.list.update(in, g.Sound)
	if len(p.items) == 0 {
		return false, nil
	}
	if del >= 0 && p.items[del].slot != "" {
		p.asking = del
		p.ask = newConfirm(g, fmt.Sprintf("Delete %s?", p.items[del].row.title), "Delete it", "Keep it")
		return false, nil
	}
	if pk >= 0 {
		it := p.items[pk]
		return true, func() {
			if err := it.open(); err != nil {
				g.ShowError(err)
				p.msg = err.Error()
			}
		}
	}
	return false, nil
}

func (p *slotPicker) draw(dst *ebiten.Image) {
	g := p.g
	u := g.U
	dialog(p.bt, g, p.box)
	p.bt.Flush(dst)
	g.Kit.Text(dst, p.title, g.Fonts.Head, g.W/2, p.box.y+u(18), render.ColAccent.RGBA(), render.Center)
	p.list.draw(dst, g)
	p.buttons.draw(dst, g)
	hint := p.msg
	if hint == "" && !g.Input.TouchDevice {
		hint = "↑ ↓ choose   Enter open   Delete delete   Esc back"
	}
	if hint != "" {
		g.Kit.Text(dst, fitText(hint, g.Fonts.Small, p.box.w-u(32)), g.Fonts.Small, g.W/2, p.box.y+p.box.h-u(82), render.ColDim.RGBA(), render.Center)
	}
	if p.ask != nil {
		p.ask.draw(dst, g)
	}
}

// slotItems lists the saves as rows: kinds picks which (nil: all).
func slotItems(g *Manager, open func(name string) error, kinds ...string) []pickItem {
	var out []pickItem
	for _, s := range g.slots() {
		if len(kinds) > 0 && !slices.Contains(kinds, s.Kind) {
			continue
		}
		name := s.Name
		sub, sub2 := slotLines(g, s)
		out = append(out, pickItem{
			row:  listRow{title: slotTitle(s), sub: sub, sub2: sub2, enabled: true, deletable: true},
			slot: name,
			open: func() error { return open(name) },
		})
	}
	return out
}

// newLoadPicker lists the saves to resume a battle from.
func newLoadPicker(g *Manager) *slotPicker {
	return newSlotPicker(g, "Load a saved battle", func() []pickItem {
		return slotItems(g, func(name string) error {
			s, err := g.openSaved(name)
			if err != nil {
				return err
			}
			g.SetScene(newBattleScene(g, s))
			return nil
		})
	})
}

// newReplayPicker lists the replays shipped with the game and every save,
// to watch.
func newReplayPicker(g *Manager) *slotPicker {
	return newSlotPicker(g, "Watch a replay", func() []pickItem {
		var items []pickItem
		golden, _ := fs.Glob(scenarios.FS, "replays/*.json")
		g.sortReplays(golden)
		for _, n := range golden {
			title := "• " + strings.TrimSuffix(n[len("replays/"):], ".json")
			items = append(items, pickItem{
				row: listRow{title: title, sub: "A replay shipped with the game", enabled: true},
				open: func() error {
					data, err := fs.ReadFile(scenarios.FS, n)
					if err != nil {
						return err
					}
					s, err := newReplayScene(g, n, data)
					if err != nil {
						return err
					}
					g.SetScene(s)
					return nil
				},
			})
		}
		return append(items, slotItems(g, func(name string) error {
			data, err := g.Storage.Load(name)
			if err != nil {
				return err
			}
			s, err := newReplayScene(g, name, data)
			if err != nil {
				return err
			}
			g.SetScene(s)
			return nil
		})...)
	})
}

// sortReplays puts the shipped replays in their scenarios' order (a
// replay's file is named for its scenario's id), then by name.
func (g *Manager) sortReplays(names []string) {
	rank := func(n string) int {
		base := strings.TrimSuffix(n[strings.LastIndex(n, "/")+1:], ".json")
		best, at := -1, len(g.scen.files)
		for i, f := range g.scen.files {
			if strings.HasPrefix(base, f.id) && len(f.id) > best {
				best, at = len(f.id), i
			}
		}
		return at
	}
	sort.SliceStable(names, func(i, j int) bool {
		if ri, rj := rank(names[i]), rank(names[j]); ri != rj {
			return ri < rj
		}
		return names[i] < names[j]
	})
}

// confirmBox asks the player yes or no.
type confirmBox struct {
	text  string
	lines []string // text wrapped to the box (at most confirmLines)
	wrapW float64
	list  *menuList
	bt    *render.Batch
	box   rect
	again input.Cmd // the command that asked: pressed again, it says yes (0: none)
}

// confirmLines is how many lines of text a confirmation shows.
const confirmLines = 3

func newConfirm(g *Manager, text, yes, no string) *confirmBox {
	c := &confirmBox{text: text, list: newMenuList(g.Kit), bt: g.Kit.NewBatch(false)}
	c.list.add(yes)
	c.list.add(no)
	c.list.focus = 1 // no, unless the player says yes
	c.layout(g)
	return c
}

// newConfirmAgain asks to confirm an order given by a command: the same
// command again (N for N) says yes, as do Enter and the yes button, which
// has the focus; Esc and the no button say no.
func newConfirmAgain(g *Manager, text, yes, no string, cmd input.Cmd) *confirmBox {
	c := newConfirm(g, text, yes, no)
	c.again = cmd
	c.list.focus = 0
	return c
}

func (c *confirmBox) layout(g *Manager) {
	u := g.U
	w := min(u(520), g.W-u(16))
	if w != c.wrapW {
		c.wrapW = w
		c.lines = render.WrapText(c.text, g.Fonts.Bold, w-u(32))
		if len(c.lines) > confirmLines {
			c.lines = append(c.lines[:confirmLines-1], fitText(strings.Join(c.lines[confirmLines-1:], " "), g.Fonts.Bold, w-u(32)))
		}
	}
	more := float64(max(len(c.lines), 1)-1) * g.Fonts.BoldH
	c.box = dialogBox(g, w, u(200)+more)
	bw := min(u(300), c.box.w-u(40))
	c.list.layout(g.W/2-bw/2, c.box.y+u(72)+more, bw, u(40), u(8))
}

// update reports whether the player answered, and the answer. Esc is no.
func (c *confirmBox) update(g *Manager) (answered, yes bool) {
	c.layout(g)
	if g.Input.Just(input.CmdBack) || g.Input.RightClicked {
		return true, false
	}
	if j, _ := g.Input.Key(ebiten.KeyY); j {
		return true, true
	}
	if c.again != input.CmdNone && g.Input.Just(c.again) && !g.Input.Just(input.CmdConfirm) {
		return true, true // (Enter chooses the button it is on)
	}
	if j, _ := g.Input.Key(ebiten.KeyN); j {
		return true, false
	}
	i, ok := c.list.update(&g.Input, g.Sound)
	if !ok {
		return false, false
	}
	return true, i == 0
}

func (c *confirmBox) draw(dst *ebiten.Image, g *Manager) {
	u := g.U
	dialog(c.bt, g, c.box)
	c.bt.Flush(dst)
	for i, l := range c.lines {
		g.Kit.Text(dst, l, g.Fonts.Bold, g.W/2, c.box.y+u(26)+float64(i)*g.Fonts.BoldH, render.ColText.RGBA(), render.Center)
	}
	c.list.draw(dst, g)
}

// saveDialog saves the battle in play under a name the player types (or
// the one offered): in a new slot, or over a save the player picks and
// confirms.
type saveDialog struct {
	g       *Manager
	b       *battleScene
	field   *textField
	list    *scrollList
	slots   []saves.Slot
	buttons *menuList
	bt      *render.Batch
	ask     *confirmBox
	asking  int
	box     rect
	msg     string
}

func newSaveDialog(g *Manager, b *battleScene) *saveDialog {
	d := &saveDialog{g: g, b: b, field: newTextField(g.Kit, g.freshTitle(defaultSaveTitle(b.s)), 60), list: newScrollList(g.Kit), buttons: newMenuList(g.Kit), bt: g.Kit.NewBatch(false)}
	d.buttons.add("Save in a new slot")
	d.buttons.add("Back")
	d.buttons.focus = -1
	for _, s := range g.slots() {
		if s.Kind == saves.KindSave {
			d.slots = append(d.slots, s)
			sub, sub2 := slotLines(g, s)
			d.list.rows = append(d.list.rows, listRow{title: "Save over: " + slotTitle(s), sub: sub, sub2: sub2, enabled: true})
		}
	}
	d.layout(g)
	return d
}

func (d *saveDialog) layout(g *Manager) {
	u := g.U
	rowH, gap := u(64), u(6)
	want := float64(min(max(len(d.slots), 1), 5))*(rowH+gap) + u(250)
	d.box = dialogBox(g, u(680), want)
	b := d.box
	d.field.r = rect{b.x + u(20), b.y + u(64), b.w - u(40), u(40)}
	bw := min(u(250), (b.w-u(60))/2)
	d.buttons.items[0].r = rect{b.x + b.w/2 - bw - u(8), b.y + u(116), bw, u(40)}
	d.buttons.items[1].r = rect{b.x + b.w/2 + u(8), b.y + u(116), bw, u(40)}
	area := rect{b.x + u(20), b.y + u(172), b.w - u(48), max(0, b.h-u(172)-u(44))}
	d.list.layout(area, rowH, gap, 0)
}

// update handles a frame; done when the dialog is closed.
func (d *saveDialog) update(g *Manager) (done bool) {
	d.layout(g)
	in := &g.Input
	if d.ask != nil {
		if answered, yes := d.ask.update(g); answered {
			d.ask = nil
			if yes {
				s := d.slots[d.asking]
				return d.write(s.Name, slotTitle(s))
			}
		}
		return false
	}
	if in.Just(input.CmdBack) || in.RightClicked {
		return true
	}
	submit := d.field.update(in)
	if i, ok := d.buttons.clicked(in, g.Sound); ok {
		if i == 1 {
			return true
		}
		submit = true
	}
	if submit {
		title := d.field.text()
		if title == "" {
			title = defaultSaveTitle(d.b.s)
		}
		return d.write(saves.NewName(g.Storage, title), title)
	}
	// The list picks with the pointer only: the keys are the name's.
	if in.Clicked {
		for i := range d.slots {
			if d.list.visible(d.list.rowRect(i), in.ClickX, in.ClickY) {
				d.asking = i
				d.ask = newConfirm(g, "Save over "+slotTitle(d.slots[i])+"?", "Save over it", "Keep it")
				g.Sound.Play(sound.Click)
				return false
			}
		}
	}
	if in.Wheel != 0 || in.Dragging {
		d.list.update(&input.Input{Wheel: in.Wheel, X: in.X, Y: in.Y, Dragging: in.Dragging, DY: in.DY, Down: in.Down, Pressed: in.Pressed}, g.Sound)
	}
	return false
}

// write saves the battle; it tells the menu what happened.
func (d *saveDialog) write(name, title string) bool {
	g := d.g
	if err := saves.WriteSlot(g.Storage, name, d.b.s.File(), sessionMeta(g, d.b.s, saves.KindSave, title)); err != nil {
		d.msg = "Save failed: " + err.Error()
		return false
	}
	d.msg = "Saved " + title + " in " + g.Storage.Where()
	return true
}

func (d *saveDialog) draw(dst *ebiten.Image) {
	g := d.g
	u := g.U
	dialog(d.bt, g, d.box)
	d.bt.Flush(dst)
	g.Kit.Text(dst, "Save the battle", g.Fonts.Head, g.W/2, d.box.y+u(18), render.ColAccent.RGBA(), render.Center)
	d.field.draw(dst, g)
	d.buttons.draw(dst, g)
	if len(d.slots) > 0 {
		d.list.draw(dst, g)
	}
	hint := d.msg
	if hint == "" {
		hint = "Type a name and press Enter, or save over a save below (you are asked first)."
		if g.Input.TouchDevice {
			hint = "Save in a new slot, or tap a save below to save over it (you are asked first)."
		}
	}
	g.Kit.Text(dst, fitText(hint, g.Fonts.Small, d.box.w-u(32)), g.Fonts.Small, g.W/2, d.box.y+d.box.h-u(32), render.ColDim.RGBA(), render.Center)
	if d.ask != nil {
		d.ask.draw(dst, g)
	}
}
