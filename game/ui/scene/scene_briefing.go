package scene

import (
	"fmt"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
	"github.com/calltoarms/ds9/game/ui/input"
	"github.com/calltoarms/ds9/game/ui/play"
	"github.com/calltoarms/ds9/game/ui/render"
)

// briefingScene gives the briefing in the war's own words and, when the
// player commands the side that must answer, the terms to accept or refuse.
type briefingScene struct {
	g       *Manager
	sc      *scenario.Scenario
	s       *play.Session
	err     string
	menu    *menuList
	ask     *confirmBox // accepting the terms, asked first
	iRefuse int
	iAccept int
	iBegin  int
	iBack   int
	head    []string // the battle's name, wrapped
	text    string   // the briefing: the played side's own, else the scenario's
	lines   []string
	terms   []string
	sides   []string
	wrapW   float64
	wrapC   bool     // the text is wrapped for the compact layout
	labels  []string // the menu's labels, with their keys
	col     textCol  // the compact layout's one column of text
	bt      *render.Batch
	t       float64
}

// newBriefingScene starts a battle and briefs the player.
func newBriefingScene(g *Manager, sc *scenario.Scenario, side, level string) Scene {
	s, err := play.NewSession(sc, g.Opts.Seed, play.PlayersFor(sc, side, level))
	if err != nil {
		b := &briefingScene{g: g, sc: sc, text: sc.Briefing, err: err.Error(), menu: newMenuList(g.Kit), bt: g.Kit.NewBatch(false)}
		b.iBack = b.menu.add("Back to the title")
		return b
	}
	return newBriefingSceneFor(g, s)
}

// newBriefingSceneFor briefs the player on a battle in progress (at the terms).
func newBriefingSceneFor(g *Manager, s *play.Session) *briefingScene {
	b := &briefingScene{g: g, sc: s.Scenario, s: s, text: briefingOf(s), menu: newMenuList(g.Kit), bt: g.Kit.NewBatch(false)}
	b.iRefuse, b.iAccept, b.iBegin, b.iBack = -1, -1, -1, -1
	pub := s.Public()
	if pub.Phase == rules.Parley && s.Humans[pub.Active] {
		b.iRefuse = b.menu.add("Refuse the terms and fight   [R]")
		b.iAccept = b.menu.add("Accept the terms   [A]")
	} else {
		b.iBegin = b.menu.add("To battle stations   [Enter]")
	}
	b.iBack = b.menu.add("Back to the title   [Esc]")
	if r := g.campaignOf(s); r != nil {
		b.menu.items[b.iBack].label = "Back to the campaign   [Esc]"
	}
	for _, it := range b.menu.items {
		b.labels = append(b.labels, it.label)
	}
	return b
}

// briefingOf is the briefing of the side a person commands alone: its own,
// when the scenario gives it one, else the scenario's (hot-seat and watching
// have the scenario's).
func briefingOf(s *play.Session) string {
	for _, side := range rules.Sides {
		if s.Humans[side] && !s.Humans[side.Other()] {
			return s.Scenario.BriefingFor(side)
		}
	}
	return s.Scenario.Briefing
}

// briefingCompactW: a screen narrower than this, in interface units, has the
// briefing in one column that scrolls, the menu beside it or under it.
const briefingCompactW = 900

// panels are the briefing's two panels on a wide screen: the briefing at the
// left, the terms and the sides at the right, over the menu.
func (b *briefingScene) panels(g *Manager) (left, right rect) {
	u := g.U
	rw := min(u(500), (g.W-u(100))/2)
	right = rect{g.W - u(40) - rw, u(40), rw, g.H - u(80)}
	left = rect{u(40), u(40), min(g.W*0.5-u(60), right.x-u(60)), g.H - u(80)}
	return left, right
}

// layoutCompact places the compact briefing: its column of text, and the
// menu at the right of it (a phone on its side) or under it.
func (b *briefingScene) layoutCompact(g *Manager) {
	u := g.U
	m := u(12)
	n := float64(len(b.menu.items))
	if g.W >= u(640) {
		mw := min(u(300), g.W*0.38)
		mx := g.W - m - mw
		b.menu.layout(mx, g.H-u(16)-n*u(46)+u(6), mw, u(40), u(6))
		b.col.area = rect{m, m, mx - 2*m, g.H - 2*m}
		return
	}
	my := g.H - u(16) - n*u(46) + u(6)
	b.menu.layout(m, my, g.W-2*m, u(40), u(6))
	b.col.area = rect{m, m, g.W - 2*m, my - 2*m}
}

// fill puts the briefing's text in the compact layout's column.
func (b *briefingScene) fill(g *Manager, w float64) {
	f := g.Fonts
	c := &b.col
	b.fillLeft(g) // the name, the date and the briefing, then the rest
	c.gap(f.BodyH)
	if b.sc.Terms != nil && b.s != nil && b.s.Public().Phase == rules.Parley {
		c.add("A MESSAGE FROM "+strings.ToUpper(b.sc.Terms.From), f.Head, render.ColDominion.RGBA(), w, f.HeadH)
		c.gap(f.HeadH * 0.2)
		for _, l := range b.terms {
			c.lines = append(c.lines, textLine{l, f.Body, render.ColText.RGBA(), f.BodyH})
		}
		c.gap(f.BodyH)
		if b.iRefuse >= 0 {
			c.lines = append(c.lines, textLine{"The choice is yours.", f.Bold, render.ColAccent.RGBA(), f.BodyH * 1.8})
		} else {
			c.lines = append(c.lines, textLine{"The " + play.SideTitle(b.sc, b.sc.Terms.Side) + " will answer.", f.Bold, render.ColDim.RGBA(), f.BodyH * 1.8})
		}
	}
	c.lines = append(c.lines, textLine{"THE SIDES", f.Head, render.ColAccent.RGBA(), f.HeadH * 1.1})
	for _, l := range b.sides {
		if strings.HasPrefix(l, "•") {
			c.add(l[len("•"):], f.Bold, render.ColText.RGBA(), w, f.BoldH)
			continue
		}
		c.lines = append(c.lines, textLine{l, f.Small, render.ColDim.RGBA(), f.SmallH})
	}
}

// fillLeft puts the wide layout's left panel in the column: the battle's
// name, its date and the briefing, which scrolls when it is longer than the
// panel.
func (b *briefingScene) fillLeft(g *Manager) {
	f := g.Fonts
	c := &b.col
	c.lines = c.lines[:0]
	for _, l := range b.head {
		c.lines = append(c.lines, textLine{l, f.Head, render.ColAccent.RGBA(), f.HeadH})
	}
	c.lines = append(c.lines, textLine{b.sc.Date, f.Small, render.ColDim.RGBA(), f.SmallH * 1.6})
	for _, l := range b.lines {
		c.lines = append(c.lines, textLine{l, f.Body, render.ColText.RGBA(), f.BodyH})
	}
}

func (b *briefingScene) Update(g *Manager) error {
	b.t += 1.0 / 60
	u := g.U
	in := &g.Input
	for i := range b.menu.items {
		b.menu.items[i].label = b.labels[i]
		if g.Input.TouchDevice {
			b.menu.items[i].label, _, _ = strings.Cut(b.labels[i], "   [") // no keys on a touch device
		}
	}
	compact := g.W < u(briefingCompactW)
	// The widths the text is wrapped to: the left panel's and the right's,
	// or the column's.
	var w, rw float64
	if compact {
		b.layoutCompact(g)
		w = b.col.area.w - u(48)
		rw = w
	} else {
		left, right := b.panels(g)
		b.menu.layout(right.x+u(20), g.H-u(60)-float64(len(b.menu.items))*u(46), right.w-u(40), u(40), u(6))
		w, rw = left.w-u(40), right.w-u(60)
	}
	if w != b.wrapW || compact != b.wrapC {
		b.wrapW, b.wrapC = w, compact
		b.head = render.WrapText(strings.ToUpper(b.sc.Name), g.Fonts.Head, w)
		b.lines = render.WrapText(render.Paragraphs(b.text), g.Fonts.Body, w)
		b.terms, b.sides = nil, nil
		if b.sc.Terms != nil {
			b.terms = render.WrapText(render.Paragraphs(b.sc.Terms.Text), g.Fonts.Body, rw)
		}
		if r := g.campaignOf(b.s); r != nil && r.save.Progress != nil && !r.save.Progress.Done(r.c) {
			p := r.save.Progress
			b.sides = append(b.sides, fmt.Sprintf("•%s: battle %d of %d", r.c.Name, p.Next+1, len(r.c.Battles)))
			changes := []string{"The war so far changes nothing here."}
			if p.Pending != nil && !p.Pending.Empty() {
				changes = r.c.Battles[p.Next].Scenario.Describe(*p.Pending)
			}
			for _, l := range changes {
				b.sides = append(b.sides, render.WrapText(l, g.Fonts.Small, rw)...)
			}
			b.sides = append(b.sides, "")
		}
		for i, si := range b.sc.Sides {
			head := play.SideTitle(b.sc, rules.Sides[i]) + ": " + si.Name
			for _, l := range render.WrapText(head, g.Fonts.Bold, rw) {
				b.sides = append(b.sides, "•"+l) // a long name wrapped, each line bold
			}
			b.sides = append(b.sides, render.WrapText("Commander: "+si.Commander+". "+si.Goal, g.Fonts.Small, rw)...)
			b.sides = append(b.sides, "")
		}
		if compact {
			b.fill(g, w)
		} else {
			b.fillLeft(g)
		}
	}
	if !compact {
		b.col.area, _ = b.panels(g)
	}
	b.col.update(in, u(20), g.Fonts.BodyH*3)
	if b.ask != nil {
		// Accepting the terms ends the battle: asked first.
		if answered, yes := b.ask.update(g); answered {
			b.ask = nil
			if yes {
				b.answer(true)
			}
		}
		return nil
	}
	if in.Just(input.CmdBack) {
		b.back()
		return nil
	}
	choice := -1
	if b.iRefuse >= 0 && in.Just(input.CmdRefuse) {
		choice = b.iRefuse
	} else if b.iAccept >= 0 && in.Just(input.CmdAccept) {
		choice = b.iAccept
	} else if i, ok := b.menu.update(in, g.Sound); ok {
		choice = i
	}
	switch choice {
	case -1:
	case b.iBack:
		b.back()
	case b.iBegin:
		g.SetScene(newBattleScene(g, b.s))
	case b.iRefuse:
		b.answer(false)
	case b.iAccept:
		b.ask = newConfirm(g, "Accept the terms? The battle ends at once, as the terms say; it cannot be taken back.", "Accept the terms", "Not yet")
	}
	return nil
}

// answer answers the surrender terms and goes to the battle.
func (b *briefingScene) answer(accept bool) {
	side := b.s.Public().Active
	if _, err := b.s.Apply(rules.Order{Kind: rules.AnswerTerms, Side: side, Accept: accept}, true); err != nil {
		b.err = err.Error()
		return
	}
	b.g.SetScene(newBattleScene(b.g, b.s))
}

// back leaves the briefing: for the campaign's page when the battle is a
// campaign's, or the title.
func (b *briefingScene) back() {
	if r := b.g.campaignOf(b.s); r != nil {
		b.g.SetScene(newCampaignScene(b.g, r.c.File))
		return
	}
	b.g.SetScene(newTitleScene(b.g, b.sc))
}

func (b *briefingScene) Draw(screen *ebiten.Image) {
	g := b.g
	u := g.U
	f := g.Fonts
	screen.Fill(g.Kit.Space)
	g.Kit.Stars(screen, -b.t*4, -b.t*2)
	if b.wrapC {
		panel(b.bt, b.col.area, u)
		b.bt.Flush(screen)
		b.col.draw(screen, g, b.col.area.x+u(24), u(20))
		b.drawEnd(screen)
		return
	}
	left, right := b.panels(g)
	panel(b.bt, left, u)
	panel(b.bt, right, u)
	b.bt.Flush(screen)
	b.col.draw(screen, g, left.x+u(24), u(20))
	x, y := right.x+u(24), right.y+u(20)
	// The right panel's text ends over the menu.
	bottom := b.menu.items[0].r.y - u(10)
	if b.sc.Terms != nil && b.s != nil && b.s.Public().Phase == rules.Parley {
		g.Kit.Text(screen, "A MESSAGE FROM "+strings.ToUpper(b.sc.Terms.From), f.Head, x, y, render.ColDominion.RGBA(), render.Left)
		y += f.HeadH * 1.2
		for _, l := range b.terms {
			g.Kit.Text(screen, l, f.Body, x, y, render.ColText.RGBA(), render.Left)
			y += f.BodyH
		}
		y += f.BodyH
		if b.iRefuse >= 0 {
			g.Kit.Text(screen, "The choice is yours.", f.Bold, x, y, render.ColAccent.RGBA(), render.Left)
		} else {
			g.Kit.Text(screen, "The "+play.SideTitle(b.sc, b.sc.Terms.Side)+" will answer.", f.Bold, x, y, render.ColDim.RGBA(), render.Left)
		}
		y += f.BodyH * 1.8
	}
	g.Kit.Text(screen, "THE SIDES", f.Head, x, y, render.ColAccent.RGBA(), render.Left)
	y += f.HeadH * 1.1
	for _, l := range b.sides {
		if y+2*f.BoldH > bottom {
			g.Kit.Text(screen, "…", f.Body, x, y, render.ColDim.RGBA(), render.Left)
			break
		}
		if strings.HasPrefix(l, "•") {
			g.Kit.Text(screen, l[len("•"):], f.Bold, x, y, render.ColText.RGBA(), render.Left)
			y += f.BoldH
			continue
		}
		g.Kit.Text(screen, l, f.Small, x, y, render.ColDim.RGBA(), render.Left)
		y += f.SmallH
	}
	b.drawEnd(screen)
}

// drawEnd draws the menu and the error, if any.
func (b *briefingScene) drawEnd(screen *ebiten.Image) {
	g := b.g
	b.menu.draw(screen, g)
	if b.err != "" {
		g.Kit.Text(screen, b.err, g.Fonts.Body, g.W/2, g.H-g.U(30), render.ColBad.RGBA(), render.Center)
	}
	if b.ask != nil {
		b.ask.draw(screen, g)
	}
}
