package scene

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/game/replay"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/ui/input"
	"github.com/calltoarms/ds9/game/ui/play"
	"github.com/calltoarms/ds9/game/ui/render"
	"github.com/calltoarms/ds9/game/ui/saves"
)

// Sharing a battle, from the after-action report and from the battle's
// menu: its replay as a file (a download in the browser; on the desktop,
// written where the player says), and a link that opens it in the browser
// game (#replay= with the gzip'd file in base64url), copied to the
// clipboard (on the desktop, when a clipboard tool is installed; the link is
// also written to a file beside the replay and printed).

// DefaultShareURL is the page a desktop game's links open: the browser game
// as make serve serves it.
const DefaultShareURL = "http://127.0.0.1:8080/"

// replayFileName names a battle's replay file.
func replayFileName(s *play.Session) string {
	st := s.Public()
	end := fmt.Sprintf("turn-%d", max(st.Turn, 1))
	if st.Phase == rules.Over && st.Outcome != "" {
		end = st.Outcome
	}
	return fmt.Sprintf("replay-%s-%s-%d.json", s.Scenario.ID, end, s.Seed%100000)
}

func replayBytes(s *play.Session) ([]byte, error) { return replay.Marshal(s.File()) }

// exportDir is where the desktop offers to write replays.
func (g *Manager) exportDir() string {
	if g.Opts.ExportDir != "" {
		return g.Opts.ExportDir
	}
	return saves.DefaultExportDir()
}

// downloadReplay offers a battle's replay as a file. In the browser it is a
// download and the message says so; on the desktop the prompt returned asks
// where to write it.
func (g *Manager) downloadReplay(s *play.Session) (string, *promptDialog) {
	data, err := replayBytes(s)
	if err != nil {
		return "The replay could not be made: " + err.Error(), nil
	}
	name := replayFileName(s)
	if g.inBrowser() {
		if err := saves.Download(name, data); err != nil {
			return "Download failed: " + err.Error(), nil
		}
		return "Downloaded " + name, nil
	}
	return "", newPrompt(g, "Write the replay to", filepath.Join(g.exportDir(), name), "Write it", func(p string) (string, bool) {
		if p == "" {
			return "Type where to write the replay.", false
		}
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			p = filepath.Join(p, name)
		}
		if !strings.HasSuffix(strings.ToLower(p), ".json") {
			p += ".json"
		}
		if err := saves.WriteFile(p, data); err != nil {
			return "Could not write it: " + err.Error(), false
		}
		return "Wrote the replay to " + p, true
	})
}

// copyReplayLink copies a link that opens the battle's replay; it returns
// what to tell the player.
func (g *Manager) copyReplayLink(s *play.Session) string {
	data, err := replayBytes(s)
	if err != nil {
		return "The replay could not be made: " + err.Error()
	}
	base := saves.PageURL()
	if base == "" {
		base = g.Opts.ShareURL
	}
	if base == "" {
		base = DefaultShareURL
	}
	link, err := saves.ReplayLink(base, data)
	if err != nil {
		return err.Error()
	}
	copied := saves.CopyText(link)
	if g.inBrowser() {
		if copied != nil {
			return "Could not copy the link: " + copied.Error()
		}
		return fmt.Sprintf("Link copied (%d characters): paste it to share the battle", len(link))
	}
	// The desktop: a file beside the replays, and the game's output.
	p := filepath.Join(g.exportDir(), strings.TrimSuffix(replayFileName(s), ".json")+".link.txt")
	werr := saves.WriteFile(p, []byte(link+"\n"))
	fmt.Println("ds9: a link to the replay:", link)
	switch {
	case copied == nil && werr == nil:
		return "Link copied to the clipboard, and written to " + p
	case copied == nil:
		return "Link copied to the clipboard"
	case werr == nil:
		return "No clipboard tool here: the link is in " + p + " (and printed)"
	}
	return "No clipboard tool here, and " + werr.Error() + ": the link is printed"
}

// promptDialog asks the player for a line of text (where to write a file).
type promptDialog struct {
	g       *Manager
	title   string
	field   *textField
	buttons *menuList
	bt      *render.Batch
	box     rect
	msg     string
	submit  func(string) (msg string, ok bool)
	done    string // what to tell the player once done
}

func newPrompt(g *Manager, title, value, ok string, submit func(string) (string, bool)) *promptDialog {
	d := &promptDialog{g: g, title: title, field: newTextField(g.Kit, value, 400), buttons: newMenuList(g.Kit), bt: g.Kit.NewBatch(false), submit: submit}
	d.buttons.add(ok)
	d.buttons.add("Back")
	d.buttons.focus = -1
	d.layout(g)
	return d
}

func (d *promptDialog) layout(g *Manager) {
	u := g.U
	d.box = dialogBox(g, u(760), u(230))
	b := d.box
	d.field.r = rect{b.x + u(20), b.y + u(64), b.w - u(40), u(40)}
	bw := min(u(220), (b.w-u(60))/2)
	d.buttons.items[0].r = rect{b.x + b.w/2 - bw - u(8), b.y + u(120), bw, u(40)}
	d.buttons.items[1].r = rect{b.x + b.w/2 + u(8), b.y + u(120), bw, u(40)}
}

// update handles a frame; done when the dialog closes (d.done says what
// happened, "" when the player went back).
func (d *promptDialog) update(g *Manager) (done bool) {
	d.layout(g)
	in := &g.Input
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
		msg, ok := d.submit(d.field.text())
		if ok {
			d.done = msg
			return true
		}
		d.msg = msg
	}
	return false
}

func (d *promptDialog) draw(dst *ebiten.Image) {
	g := d.g
	u := g.U
	dialog(d.bt, g, d.box)
	d.bt.Flush(dst)
	g.Kit.Text(dst, d.title, g.Fonts.Head, g.W/2, d.box.y+u(18), render.ColAccent.RGBA(), render.Center)
	d.field.draw(dst, g)
	d.buttons.draw(dst, g)
	hint := d.msg
	if hint == "" {
		hint = "Type the path and press Enter (Ctrl+U clears it)."
	}
	g.Kit.Text(dst, fitText(hint, g.Fonts.Small, d.box.w-u(32)), g.Fonts.Small, g.W/2, d.box.y+d.box.h-u(36), render.ColDim.RGBA(), render.Center)
}
