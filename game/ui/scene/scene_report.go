package scene

import (
	"fmt"
	"math"
	"strconv"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/ui/input"
	"github.com/calltoarms/ds9/game/ui/play"
	"github.com/calltoarms/ds9/game/ui/render"
	"github.com/calltoarms/ds9/game/ui/saves"
)

// reportScene is the after-action report.
type reportScene struct {
	g       *Manager
	s       *play.Session
	title   string
	text    []string
	stats   []string
	legend  [2]string // the chart's key: a side's colour and name
	turns   [][2]int
	menu    *menuList
	iReplay int
	iSave   int
	iFile   int
	iLink   int
	iTitle  int
	iCamp   int    // back to the campaign, -1 for a battle of none
	verdict string // whether the player won, in plain words, and the scores
	good    int    // +1 the player won, -1 lost, 0 neither or no one player
	camp    *campaignRun
	iQuit   int // -1 in the browser, where the game does not end
	prompt  *promptDialog
	// The advisor's look back: the chance of winning at each turn's start,
	// as the side played saw it (nil: no advisor).
	tc      *play.TurnChances
	chances []float64
	bt      *render.Batch
	msg     string
	wrapW   float64
	t       float64
}

// newReportScene reports on a battle: what every side knows alike once it is
// over (the outcome, the summary, the losses by turn).
func newReportScene(g *Manager, s *play.Session) *reportScene {
	r := &reportScene{g: g, s: s, menu: newMenuList(g.Kit), bt: g.Kit.NewBatch(false)}
	pub := s.Public()
	r.title = "The battle is over"
	if o, ok := s.Outcome(); ok {
		r.title = o.Title
	}
	r.verdict, r.good = verdict(s)
	r.turns = play.LossesByTurn(s.Scenario, s.File())
	if n := min(g.Opts.Advise, 10000); n > 0 && g.Opts.Screenshot == "" {
		side := rules.SideA
		for _, sd := range rules.Sides {
			if s.Humans[sd] && !s.Humans[sd.Other()] {
				side = sd
			}
		}
		r.tc = play.StartTurnChances(s, side, max(5, n/5))
	}
	sum := s.Summary()
	r.stats = nil
	for i, side := range rules.Sides {
		r.legend[i] = "■ " + play.SideTitle(s.Scenario, side)
	}
	goalSide, goal, goalOutcome, hasGoal := play.LossGoal(s.Scenario)
	for _, side := range rules.Sides {
		line := fmt.Sprintf("%s: %d ships brought, %d lost", play.SideTitle(s.Scenario, side), pub.Forces[side], pub.Losses[side])
		if hasGoal && side == goalSide {
			line += fmt.Sprintf(" (%d or more: %s)", goal, goalOutcome.Title)
		}
		r.stats = append(r.stats, line)
	}
	if sum.Minefield.Total > 0 {
		r.stats = append(r.stats, fmt.Sprintf("Minefield: %d of %d laid, %s", sum.Minefield.Laid, sum.Minefield.Total, map[bool]string{true: "active and cloaked", false: "not active"}[sum.Minefield.Active]))
	}
	if st, ok := s.StationAtEnd(); ok {
		r.stats = append(r.stats, play.StationName(s.Scenario)+": "+play.StationFate(&st, pub.Terms))
	}
	r.stats = append(r.stats, fmt.Sprintf("Turns played: %d of %d", sum.Turns, pub.TurnLimit))
	r.iReplay = r.menu.add("Watch the replay")
	r.iSave = r.menu.add("Save the replay")
	r.iFile = r.menu.add("Download the replay")
	if !g.inBrowser() {
		r.menu.items[r.iFile].label = "Write the replay to a file…"
	}
	r.iLink = r.menu.add("Copy a link to the replay")
	r.iCamp = -1
	if camp, err := g.recordCampaign(s); camp != nil {
		r.camp = camp
		r.iCamp = r.menu.add("Back to the campaign")
		if err != nil {
			r.msg = "The campaign could not record the battle: " + err.Error()
		}
	}
	r.iTitle = r.menu.add("Back to the title")
	r.iQuit = -1
	if g.CanQuit() {
		r.iQuit = r.menu.add("Quit")
	}
	return r
}

// reportLayout is where the report's parts go: the text and the chart side
// by side on a wide screen, one above the other on a narrow one, the menu
// under the chart.
type reportLayout struct {
	main, chart, chartPanel rect
	menuX, menuY, menuW     float64
	wide                    bool
}

// textHeight is the height the report's text takes in a panel w wide.
func (r *reportScene) textHeight(g *Manager, w float64) float64 {
	f := g.Fonts
	txt := ""
	if o, ok := r.s.Outcome(); ok {
		txt = o.Text
	}
	lines := len(render.WrapText(render.Paragraphs(txt), f.Body, w-g.U(56)))
	stats := 0
	for _, s := range r.stats {
		stats += len(render.WrapText(s, f.Body, w-g.U(56)))
	}
	return g.U(24) + f.BoldH*1.3 + f.BigH*1.3 + float64(lines+1)*f.BodyH + f.BoldH*1.3 + float64(stats)*f.BodyH*1.15 + g.U(24)
}

func (r *reportScene) layout(g *Manager) reportLayout {
	u := g.U
	n := float64(len(r.menu.items))
	var l reportLayout
	l.wide = g.W >= u(900)
	if l.wide {
		// The menu in two columns under the chart.
		l.main = rect{u(40), u(40), g.W * 0.55, g.H - u(80)}
		l.menuX, l.menuW = g.W*0.55+u(50), g.W*0.45-u(70)
		l.menuY = g.H - max(u(60), g.pageInset()+u(20)) - math.Ceil(n/2)*u(46)
		top := u(90)
		l.chart = rect{g.W*0.55 + u(70), top, g.W*0.45 - u(110), max(u(60), min(g.H*0.45, l.menuY-u(70)-top))}
	} else {
		m := u(12)
		l.menuW = g.W - 2*m
		l.menuY = g.H - max(u(40), g.pageInset()+u(16)) - n*u(46)
		l.menuX = m
		l.main = rect{m, m, g.W - 2*m, l.menuY - 3*m}
		if l.main.h < u(220) && g.W >= u(600) {
			// A short screen (a phone on its side): the menu at the right.
			l.menuW = min(u(300), g.W*0.38)
			l.menuX = g.W - m - l.menuW
			l.main = rect{m, m, l.menuX - 2*m, g.H - 2*m}
			l.chartPanel = rect{}
			return l
		}
		// The chart too, when the screen is tall enough for both.
		if chartH := min(g.H*0.22, u(220)); l.main.h-chartH-u(110) > r.textHeight(g, l.main.w) {
			l.chart = rect{m + u(20), l.menuY - u(50) - chartH, g.W - 2*m - u(40), chartH}
			l.main.h = l.chart.y - u(50) - 2*m
		}
	}
	l.chartPanel = rect{l.chart.x - u(20), l.chart.y - u(50), l.chart.w + u(40), l.chart.h + u(100)}
	return l
}

func (r *reportScene) Update(g *Manager) error {
	r.t += 1.0 / 60
	if r.tc != nil && r.tc.Len() != len(r.chances) {
		r.chances, _, _ = r.tc.P()
	}
	u := g.U
	l := r.layout(g)
	r.menu.layout(l.menuX, l.menuY, l.menuW, u(40), u(6))
	if l.wide {
		w := (l.menuW - u(8)) / 2
		for i := range r.menu.items {
			r.menu.items[i].r = rect{l.menuX + float64(i%2)*(w+u(8)), l.menuY + float64(i/2)*u(46), w, u(40)}
		}
	}
	if r.prompt != nil {
		if r.prompt.update(g) {
			r.msg = r.prompt.done
			r.prompt = nil
		}
		return nil
	}
	if w := l.main.w - u(56); w != r.wrapW {
		r.wrapW = w
		txt := ""
		if o, ok := r.s.Outcome(); ok {
			txt = o.Text
		}
		r.text = render.WrapText(render.Paragraphs(txt), g.Fonts.Body, w)
	}
	if g.Input.Just(input.CmdBack) {
		g.SetScene(newTitleScene(g, r.s.Scenario))
		return nil
	}
	i, ok := r.menu.update(&g.Input, g.Sound)
	if !ok {
		return nil
	}
	switch i {
	case r.iReplay:
		rs, err := newReplaySceneFile(g, r.s.Scenario, r.s.File())
		if err != nil {
			r.msg = err.Error()
			return nil
		}
		g.SetScene(rs)
	case r.iSave:
		title := r.s.Scenario.Name + ": " + r.title
		name := saves.NewName(g.Storage, title)
		if err := saves.WriteSlot(g.Storage, name, r.s.File(), sessionMeta(g, r.s, saves.KindReplay, title)); err != nil {
			r.msg = "Save failed: " + err.Error()
		} else {
			r.msg = "Saved the replay in " + g.Storage.Where() + " (Watch a replay, on the title)"
		}
	case r.iFile:
		r.msg, r.prompt = g.downloadReplay(r.s)
	case r.iLink:
		r.msg = g.copyReplayLink(r.s)
	case r.iCamp:
		g.SetScene(newCampaignScene(g, r.camp.c.File))
	case r.iTitle:
		g.SetScene(newTitleScene(g, r.s.Scenario))
	case r.iQuit:
		g.Quit()
	}
	return nil
}

func (r *reportScene) Draw(screen *ebiten.Image) {
	g := r.g
	u := g.U
	f := g.Fonts
	screen.Fill(g.Kit.Space)
	g.Kit.Stars(screen, -r.t*3, 0)
	l := r.layout(g)
	main := l.main
	panel(r.bt, main, u)
	// The chart of losses per turn.
	ch := l.chart
	n := len(r.turns)
	if ch.w <= 0 {
		n = 0
	} else {
		panel(r.bt, l.chartPanel, u)
	}
	maxPer := 1
	var prev [2]int
	for _, t := range r.turns {
		maxPer = max(maxPer, t[0]-prev[0], t[1]-prev[1])
		prev = t
	}
	prev = [2]int{}
	if n > 0 {
		slot := ch.w / float64(n)
		bw := slot * 0.36
		for i, t := range r.turns {
			x := ch.x + float64(i)*slot + slot*0.12
			for s := range 2 {
				d := t[s] - prev[s]
				hgt := ch.h * float64(d) / float64(maxPer)
				col := render.SideColor(rules.Sides[s])
				r.bt.Rect(float32(x+float64(s)*bw), float32(ch.y+ch.h-hgt), float32(bw*0.9), float32(hgt), col.WithA(0.85))
			}
			prev = t
		}
	}
	if ch.w > 0 {
		r.bt.Rect(float32(ch.x), float32(ch.y+ch.h), float32(ch.w), float32(u(1.5)), render.ColDim.RGBA())
	}
	// The chance of winning at each turn's start, over the bars (0 at the
	// axis, 100% at the top).
	if n > 0 && len(r.chances) > 0 {
		slot := ch.w / float64(n)
		var px, py float32
		for i, p := range r.chances {
			if i >= n {
				break
			}
			x := float32(ch.x + float64(i)*slot + slot/2)
			y := float32(ch.y + ch.h*(1-p))
			if i > 0 {
				r.bt.Line(px, py, x, y, float32(u(2)), render.TexLine, render.ColAccent.RGBA())
			}
			r.bt.Sprite(x, y, float32(u(3.5)), render.TexDisc, render.ColAccent.RGBA())
			px, py = x, y
		}
	}
	r.bt.Flush(screen)

	x, y := main.x+u(28), main.y+u(24)
	g.Kit.Text(screen, "AFTER-ACTION REPORT", f.Bold, x, y, render.ColDim.RGBA(), render.Left)
	y += f.BoldH * 1.3
	col := render.ColAccent.RGBA()
	switch r.good {
	case 1:
		col = render.ColGood.RGBA()
	case -1:
		col = render.ColBad.RGBA()
	}
	// The title, smaller on a narrow screen, shortened if still too long.
	tface := f.Big
	if render.TextWidth(r.title, tface) > main.w-u(56) {
		tface = f.Head
	}
	g.Kit.Text(screen, fitText(r.title, tface, main.w-u(56)), tface, x, y, col, render.Left)
	y += f.BigH * 1.3
	// The text, down to the panel's bottom: what does not fit is left out,
	// an ellipsis says so.
	bottom := main.y + main.h - u(12)
	cut := false
	line := func(s string, face *text.GoTextFace, col render.RGBA, dy float64) {
		switch {
		case cut:
		case y+2*f.BodyH > bottom:
			g.Kit.Text(screen, "…", f.Body, x, y, render.ColDim.RGBA(), render.Left)
			cut = true
		default:
			g.Kit.Text(screen, s, face, x, y, col, render.Left)
			y += dy
		}
	}
	for _, l := range render.WrapText(r.verdict, f.Bold, main.w-u(56)) {
		line(l, f.Bold, col, f.BoldH*1.15)
	}
	y += f.BodyH * 0.4
	for _, l := range r.text {
		line(l, f.Body, render.ColText.RGBA(), f.BodyH)
	}
	y += f.BodyH
	line("LOSSES AND OBJECTIVES", f.Bold, render.ColAccent.RGBA(), f.BoldH*1.3)
	for _, stat := range r.stats {
		for _, l := range render.WrapText(stat, f.Body, main.w-u(56)) {
			line(l, f.Body, render.ColText.RGBA(), f.BodyH*1.15)
		}
	}
	if ch.w > 0 {
		g.Kit.Text(screen, "Ships lost per turn", f.Head, ch.x, ch.y-u(40), render.ColAccent.RGBA(), render.Left)
		for i, side := range rules.Sides {
			g.Kit.Text(screen, r.legend[i], f.Small, ch.x+ch.w, ch.y-u(38)+float64(i)*u(16), render.SideColor(side), render.Right)
		}
		if r.tc != nil {
			if done, all, err := r.tc.Progress(); err == nil {
				key := fmt.Sprintf("● chance of winning, as the %s saw it (%d battles a turn)", play.SideTitle(r.s.Scenario, r.tc.Side), r.tc.N)
				if done < all {
					key = fmt.Sprintf("● the %s's chance of winning: turn %d of %d…", play.SideTitle(r.s.Scenario, r.tc.Side), done+1, all)
				}
				g.Kit.Text(screen, fitText(key, f.Small, ch.w), f.Small, ch.x, ch.y+ch.h+u(40), render.ColAccent.RGBA(), render.Left)
				g.Kit.Text(screen, "100%", f.Small, ch.x+ch.w+u(4), ch.y-u(6), render.ColAccent.RGBA(), render.Left)
			}
		}
	}
	if n > 0 {
		slot := ch.w / float64(n)
		for i := range n {
			if n > 16 && i%2 == 1 {
				continue
			}
			g.Kit.Text(screen, strconv.Itoa(i+1), f.Small, ch.x+float64(i)*slot+slot/2, ch.y+ch.h+u(6), render.ColDim.RGBA(), render.Center)
		}
		g.Kit.Text(screen, strconv.Itoa(maxPer), f.Small, ch.x-u(6), ch.y-u(6), render.ColDim.RGBA(), render.Right)
		g.Kit.Text(screen, "turn", f.Small, ch.x+ch.w, ch.y+ch.h+u(24), render.ColDim.RGBA(), render.Right)
	}
	r.menu.draw(screen, g)
	if r.msg != "" {
		for i, line := range render.WrapText(r.msg, f.Small, l.menuW) {
			g.Kit.Text(screen, line, f.Small, l.menuX, g.H-u(34)+float64(i)*f.SmallH, render.ColDim.RGBA(), render.Left)
		}
	}
	if r.prompt != nil {
		r.prompt.draw(screen)
	}
}

// verdict says plainly how the battle ended for whoever played it: won or
// lost for a side a person commanded alone, the winner otherwise; then both
// scores. good is +1 for a person's win, -1 for a loss, else 0.
func verdict(s *play.Session) (text string, good int) {
	sc := s.Scenario
	sum := s.Summary()
	scores := fmt.Sprintf("Scores: %s %d, %s %d.", play.SideTitle(sc, rules.SideA), sum.Scores[rules.SideA].N, play.SideTitle(sc, rules.SideB), sum.Scores[rules.SideB].N)
	o, ok := s.Outcome()
	if !ok {
		return scores, 0
	}
	alone := s.Humans[rules.SideA] != s.Humans[rules.SideB] // one person, against the computer
	human := rules.SideA
	if s.Humans[rules.SideB] {
		human = rules.SideB
	}
	switch {
	case !o.Winner.Valid():
		return "Neither side won. " + scores, 0
	case !alone:
		return "The " + play.SideTitle(sc, o.Winner) + " won. " + scores, 0
	case o.Winner == human:
		return "You won: the " + play.SideTitle(sc, human) + " is this outcome's winner. " + scores, 1
	}
	return "You lost: the " + play.SideTitle(sc, o.Winner) + " won. " + scores, -1
}
