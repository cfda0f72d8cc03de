// Command ds9 is the desktop (and browser) game of Call to Arms, drawn with
// Ebitengine: the battles of scenarios/ in the front end of game/ui.
//
//	ds9 [-scenario ID|FILE] [-side alliance|dominion|hotseat|watch] [-difficulty easy|normal|hard]
//	ds9 -replay FILE
//	ds9 -screenshot out.png -frames N [-autoplay] [-scene title|briefing|battle|report|campaign]
//	ds9 -stats
//	ds9 -save-dir DIR -share-url URL   # where replays are written; the page links open
//
// -scenario FILE (a value with a '/' or ending in .yaml or .yml) opens a
// scenario file of the player's, its catalogue beside it or built in; a
// file that does not open is told on the title screen, file:line first, and
// the game runs on. Files dropped on the window open the same way.
//
// On the desktop a bad flag or value is one line on stderr and exit status
// 2. In the browser the flags come from the page's address (its query), and
// a bad one is told on the title screen, its default kept: the game runs on.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"github.com/calltoarms/ds9/game/ui"
	"github.com/calltoarms/ds9/game/ui/scene"
)

// browser: the flags come from the page's address, and the game never exits.
const browser = runtime.GOOS == "js"

func main() {
	o, notices, err := parse(os.Args[1:], browser)
	if err != nil {
		fmt.Fprintf(os.Stderr, "ds9: %v\n", err)
		os.Exit(2)
	}
	o.Notices = notices
	if err := ui.Run(o); err != nil {
		fmt.Fprintf(os.Stderr, "ds9: %v\n", err)
		if errors.Is(err, scene.ErrUsage) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

// flags are the game's command-line flags over o.
func flags(o *ui.Options) *flag.FlagSet {
	fs := flag.NewFlagSet("ds9", flag.ContinueOnError)
	fs.StringVar(&o.Scenario, "scenario", "", "scenario `id` to play (default: the first), or a scenario file to open (a path: with a / or ending in .yaml)")
	fs.StringVar(&o.Side, "side", "", "who you command: one of the battle's side ids (the first by default), hotseat or watch")
	fs.StringVar(&o.Difficulty, "difficulty", "normal", "the computer's level: easy, normal or hard")
	fs.StringVar(&o.Replay, "replay", "", "open a replay `file` in the viewer")
	fs.StringVar(&o.Screenshot, "screenshot", "", "write a PNG of frame -frames to `file` and exit")
	fs.IntVar(&o.Frames, "frames", 0, "with -screenshot: the frame to capture; alone: quit after `n` frames")
	fs.BoolVar(&o.Autoplay, "autoplay", false, "the computer plays both sides, fast")
	fs.BoolVar(&o.Stats, "stats", false, "print frame-time p50/p99 and the average FPS on exit")
	fs.StringVar(&o.Scene, "scene", "", "with -screenshot: the scene to capture: title, briefing, battle, report or campaign (the first campaign's page)")
	fs.Uint64Var(&o.Seed, "seed", 0, "battle seed (0: from the clock)")
	fs.BoolVar(&o.Mute, "mute", false, "no sound")
	advise := 100
	if scene.Browser {
		advise = 0 // the browser's one thread: asked for with ?advise=N
	}
	fs.IntVar(&o.Advise, "advise", advise, "battles the advisor plays from the start of each of your phases to tell the chance of each outcome (0: no advisor)")
	fs.BoolVar(&o.Touch, "touch", false, "start as on a touch device: no key hints, the interface at 100% at least (a phone's screenshot)")
	fs.Float64Var(&o.Zoom, "zoom", 0, "with -scene battle: the camera's zoom on the selected ship")
	fs.IntVar(&o.Width, "width", 1280, "window width")
	fs.IntVar(&o.Height, "height", 720, "window height")
	fs.StringVar(&o.ExportDir, "save-dir", "", "the folder replays are offered to be written to (default: ~/Downloads, or home)")
	fs.StringVar(&o.ShareURL, "share-url", scene.DefaultShareURL, "the browser game's `address`, which replay links open")
	return fs
}

// parse reads the flags. Strictly (the desktop), a bad one is an error.
// Leniently (the browser), every flag is read on its own: a bad or unknown
// one is a notice for the title screen and its default stays.
func parse(args []string, lenient bool) (ui.Options, []string, error) {
	var o ui.Options
	fs := flags(&o)
	fs.SetOutput(io.Discard)
	if !lenient {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.SetOutput(os.Stdout)
				fmt.Println("usage: ds9 [flags]")
				fs.PrintDefaults()
				os.Exit(0)
			}
			return o, nil, errors.New(firstLine(err.Error()))
		}
		if fs.NArg() > 0 {
			return o, nil, fmt.Errorf("unexpected argument %q", fs.Arg(0))
		}
		return o, nil, nil
	}
	var notices []string
	for i := 0; i < len(args); i++ {
		name, value, hasValue := strings.Cut(strings.TrimLeft(args[i], "-"), "=")
		f := fs.Lookup(name)
		if f == nil || !strings.HasPrefix(args[i], "-") {
			notices = append(notices, fmt.Sprintf("unknown setting %q", args[i]))
			continue
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() && !hasValue {
			value, hasValue = "true", true
		}
		if !hasValue {
			if i+1 >= len(args) {
				notices = append(notices, fmt.Sprintf("%s: no value", name))
				continue
			}
			i++
			value = args[i]
		}
		if err := fs.Set(name, value); err != nil {
			notices = append(notices, fmt.Sprintf("%s %q is not a %s; kept %s", name, value, kind(f), describe(f.DefValue)))
		}
	}
	return o, notices, nil
}

// kind says what a flag takes, for a notice.
func kind(f *flag.Flag) string {
	switch f.Value.(type) {
	case interface{ IsBoolFlag() bool }:
		return "yes or no"
	}
	switch fmt.Sprintf("%T", f.Value) {
	case "*flag.uint64Value", "*flag.intValue":
		return "whole number"
	case "*flag.float64Value":
		return "number"
	}
	return "valid value"
}

func describe(def string) string {
	switch def {
	case "", "0":
		return "the default"
	}
	return def
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}
