package scene

import (
	"fmt"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/ui/input"
	"github.com/calltoarms/ds9/game/ui/play"
	"github.com/calltoarms/ds9/game/ui/render"
)

// campaignScene is a campaign's page: its battles, what each has left so
// far, the scores, and the way into the next battle.
type campaignScene struct {
	g      *Manager
	file   string
	r      *campaignRun
	err    string // a campaign that does not load or read, or a battle that does not start
	menu   *menuList
	iSide  int
	iLevel int
	iBegin int // begin the campaign
	iNext  int // fight the next battle
	iCont  int // continue the battle in play
	iOver  int // start over
	iBack  int
	ask    *confirmBox
	cont   string // the autosave iCont resumes
	lines  []campaignLine
	wrapW  float64
	bt     *render.Batch
	t      float64
}

// newCampaignScene opens the campaign of a file.
func newCampaignScene(g *Manager, file string) *campaignScene {
	c := &campaignScene{g: g, file: file, bt: g.Kit.NewBatch(false)}
	r, err := g.openCampaign(file)
	c.r = r
	if err != nil {
		c.err = err.Error()
	}
	c.build()
	return c
}

// build lays out the menu for where the campaign stands.
func (c *campaignScene) build() {
	g := c.g
	c.menu = newMenuList(g.Kit)
	c.iSide, c.iLevel, c.iBegin, c.iNext, c.iCont, c.iOver = -1, -1, -1, -1, -1, -1
	c.wrapW = 0
	r := c.r
	switch {
	case r == nil:
	case !r.started() || c.err != "":
		labels := append(r.c.SideNames[:], "Hot-seat: two players", "Watch: computer vs computer")
		c.iSide = c.menu.add("Command", labels...)
		c.iLevel = c.menu.add("Opponent", levelNames()...)
		c.menu.items[c.iLevel].value = 1
		for i, id := range levelIDs() {
			if id == g.Opts.Difficulty {
				c.menu.items[c.iLevel].value = i
			}
		}
		if r.started() {
			c.iOver = c.menu.add("Start the campaign over")
		} else {
			c.iBegin = c.menu.add("Begin the campaign")
		}
	default:
		p := r.save.Progress
		c.cont = g.campaignAutosave(r)
		if !p.Done(r.c) {
			name := r.c.Battles[p.Next].Scenario.Name
			if c.cont != "" {
				c.iCont = c.menu.add("Continue the battle: " + name)
			} else {
				c.iNext = c.menu.add("Fight the next battle: " + name)
			}
		}
		c.iOver = c.menu.add("Start the campaign over")
	}
	c.iBack = c.menu.add("Back to the title")
	c.menu.focus = 0
}

// describe writes the campaign's page.
func (c *campaignScene) describe(w float64) {
	g := c.g
	f := g.Fonts
	c.lines = c.lines[:0]
	add := func(kind int, s string) { c.lines = addLines(c.lines, f, w, kind, s) }
	r := c.r
	if r == nil {
		return
	}
	cp := r.c
	add(lineBody, render.Paragraphs(cp.Text))
	c.lines = append(c.lines, campaignLine{"", lineGap})
	p := r.save.Progress
	for i, b := range cp.Battles {
		sc := b.Scenario
		add(lineBold, fmt.Sprintf("%d. %s (%s)", i+1, sc.Name, sc.Date))
		switch {
		case p != nil && i < len(p.Results):
			res := p.Results[i]
			if res.Skipped != "" {
				add(lineDim, "Not fought: "+res.Skipped)
				break
			}
			title := res.Outcome
			if o, ok := play.OutcomeByID(sc, res.Outcome); ok {
				title = o.Title
			}
			kind := lineDim
			switch {
			case res.Winner != "" && res.Winner == r.save.Side:
				kind = lineGood
			case res.Winner != "" && (r.save.Side == cp.Sides[0] || r.save.Side == cp.Sides[1]):
				kind = lineBad
			}
			add(kind, fmt.Sprintf("%s: %s %d, %s %d", title,
				play.SideTitle(sc, b.Sides[0]), res.Scores[0], play.SideTitle(sc, b.Sides[1]), res.Scores[1]))
		case p != nil && p.Ended != "":
			add(lineDim, "Not fought: the campaign ended.")
		case p != nil && i == p.Next:
			if c.cont != "" {
				add(lineBody, "In progress.")
			} else {
				add(lineBody, "Next.")
			}
			if p.Pending != nil {
				for _, l := range sc.Describe(*p.Pending) {
					add(lineDim, l)
				}
			}
		default:
			add(lineDim, "To come.")
		}
	}
	if p == nil {
		return
	}
	c.lines = append(c.lines, campaignLine{"", lineGap})
	if p.Done(cp) {
		add(lineHead, "THE CAMPAIGN IS OVER")
		if p.Ended != "" {
			add(lineBody, p.Ended)
		}
	}
	add(lineBold, fmt.Sprintf("Campaign score: %s %d, %s %d", cp.SideNames[0], p.Score(0), cp.SideNames[1], p.Score(1)))
	who := r.save.Side
	for i, cs := range cp.Sides {
		if cs == who {
			who = cp.SideNames[i]
		}
	}
	switch who {
	case "hotseat":
		who = "both sides (hot-seat)"
	case "watch":
		who = "neither side (watching)"
	}
	add(lineDim, fmt.Sprintf("You command %s; the computer plays at %s.", who, strings.ToLower(levelName(r.save.Level))))
}

func levelName(id string) string {
	for i, l := range levelIDs() {
		if l == id {
			return levelNames()[i]
		}
	}
	return id
}

// layout places the page and the menu: side by side on a wide screen, the
// menu under the page on a narrow one.
func (c *campaignScene) layout(g *Manager) (page rect, menuX, menuY, menuW float64) {
	u := g.U
	n := float64(len(c.menu.items))
	if g.W >= u(900) {
		page = rect{u(40), u(40), g.W*0.58 - u(40), g.H - u(80)}
		menuW = min(u(460), g.W*0.42-u(70))
		menuX = g.W - u(40) - menuW
		menuY = g.H - max(u(60), g.pageInset()+u(20)) - n*u(46)
		return
	}
	m := u(12)
	menuW, menuX = g.W-2*m, m
	menuY = g.H - max(u(40), g.pageInset()+u(16)) - n*u(46)
	page = rect{m, m, g.W - 2*m, menuY - 2*m}
	if page.h < u(220) && g.W >= u(600) {
		// A short screen (a phone on its side): the menu at the right.
		menuW = min(u(300), g.W*0.38)
		menuX = g.W - m - menuW
		page = rect{m, m, menuX - 2*m, g.H - 2*m}
	}
	return
}

func (c *campaignScene) Update(g *Manager) error {
	c.t += 1.0 / 60
	u := g.U
	page, mx, my, mw := c.layout(g)
	c.menu.layout(mx, my, mw, u(40), u(6))
	if w := page.w - u(48); w != c.wrapW {
		c.wrapW = w
		c.describe(w)
	}
	if c.ask != nil {
		answered, yes := c.ask.update(g)
		if answered {
			c.ask = nil
			if yes {
				c.startOver()
			}
		}
		return nil
	}
	if g.Input.Just(input.CmdBack) {
		g.SetScene(newTitleScene(g, g.Scenarios[0]))
		return nil
	}
	i, ok := c.menu.update(&g.Input, g.Sound)
	if !ok {
		return nil
	}
	switch i {
	case c.iBack:
		g.SetScene(newTitleScene(g, g.Scenarios[0]))
	case c.iBegin:
		c.begin()
	case c.iOver:
		if c.r.started() && c.err == "" {
			c.ask = newConfirm(g, "Start "+c.r.c.Name+" over? What it has so far is lost.", "Start over", "Keep it")
		} else {
			c.startOver()
		}
	case c.iNext:
		c.fight()
	case c.iCont:
		s, err := g.openSaved(c.cont)
		if err != nil {
			c.err = err.Error()
			return nil
		}
		g.SetScene(newBattleScene(g, s))
	}
	return nil
}

// begin starts the campaign with the side and level chosen, and its first
// battle.
func (c *campaignScene) begin() {
	g := c.g
	r := c.r
	side := append(r.c.Sides[:], "hotseat", "watch")[c.menu.items[c.iSide].value]
	level := levelIDs()[c.menu.items[c.iLevel].value]
	if err := g.beginCampaign(r, side, level); err != nil {
		c.err = err.Error()
		return
	}
	c.err = ""
	c.fight()
}

// startOver forgets the campaign so far: the side and level are chosen again.
func (c *campaignScene) startOver() {
	if c.iSide >= 0 {
		c.begin()
		return
	}
	c.r.save.Progress = nil
	c.r.save.Battle = ""
	c.r.s = nil
	c.err = ""
	c.build()
}

// fight starts the next battle, at its briefing.
func (c *campaignScene) fight() {
	g := c.g
	s, err := g.fightNext(c.r)
	if err != nil {
		c.err = err.Error()
		c.build()
		return
	}
	if s == nil {
		c.build() // the campaign is over
		return
	}
	g.SetScene(newBriefingSceneFor(g, s))
}

func (c *campaignScene) Draw(screen *ebiten.Image) {
	g := c.g
	u := g.U
	f := g.Fonts
	screen.Fill(g.Kit.Space)
	g.Kit.Stars(screen, -c.t*4, -c.t*2)
	page, _, _, _ := c.layout(g)
	panel(c.bt, page, u)
	c.bt.Flush(screen)
	x, y := page.x+u(24), page.y+u(20)
	title := "A CAMPAIGN"
	if c.r != nil {
		title = strings.ToUpper(c.r.c.Name)
	}
	g.Kit.Text(screen, fitText(title, f.Head, page.w-u(48)), f.Head, x, y, render.ColAccent.RGBA(), render.Left)
	y += f.HeadH * 1.2
	bottom := page.y + page.h - u(16)
	for _, l := range c.lines {
		face, h, col := lineStyle(f, l.kind)
		if y+h > bottom {
			g.Kit.Text(screen, "…", f.Body, x, y, render.ColDim.RGBA(), render.Left)
			break
		}
		g.Kit.Text(screen, l.text, face, x, y, col.RGBA(), render.Left)
		y += h
	}
	c.menu.draw(screen, g)
	if c.err != "" {
		_, mx, my, mw := c.layout(g)
		lines := render.WrapText(c.err, f.Body, mw)
		ey := my - float64(len(lines))*f.BodyH - u(8)
		for _, l := range lines {
			g.Kit.Text(screen, l, f.Body, mx, ey, render.ColBad.RGBA(), render.Left)
			ey += f.BodyH
		}
	}
	if c.ask != nil {
		c.ask.draw(screen, g)
	}
}
