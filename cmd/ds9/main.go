// Command ds9 is the desktop (and browser) game of Call to Arms, drawn with
// Ebitengine: the battles of scenarios/ in the front end of game/ui.
//
//	ds9 [-scenario ID] [-side alliance|dominion|hotseat|watch] [-difficulty easy|normal|hard]
//	ds9 -replay FILE
//	ds9 -screenshot out.png -frames N [-autoplay] [-scene title|briefing|battle|report]
//	ds9 -stats
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/calltoarms/ds9/game/ui"
)

func main() {
	var o ui.Options
	flag.StringVar(&o.Scenario, "scenario", "", "scenario `id` to play (default: the first)")
	flag.StringVar(&o.Side, "side", "", "who you command: one of the battle's side ids (the first by default), hotseat or watch")
	flag.StringVar(&o.Difficulty, "difficulty", "normal", "the computer's level: easy, normal or hard")
	flag.StringVar(&o.Replay, "replay", "", "open a replay `file` in the viewer")
	flag.StringVar(&o.Screenshot, "screenshot", "", "write a PNG of frame -frames to `file` and exit")
	flag.IntVar(&o.Frames, "frames", 0, "with -screenshot: the frame to capture; alone: quit after `n` frames")
	flag.BoolVar(&o.Autoplay, "autoplay", false, "the computer plays both sides, fast")
	flag.BoolVar(&o.Stats, "stats", false, "print frame-time p50/p99 and the average FPS on exit")
	flag.StringVar(&o.Scene, "scene", "", "with -screenshot: the scene to capture: title, briefing, battle or report")
	flag.Uint64Var(&o.Seed, "seed", 0, "battle seed (0: from the clock)")
	flag.BoolVar(&o.Mute, "mute", false, "no sound")
	flag.Float64Var(&o.Zoom, "zoom", 0, "with -scene battle: the camera's zoom on the selected ship")
	flag.IntVar(&o.Width, "width", 1280, "window width")
	flag.IntVar(&o.Height, "height", 720, "window height")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "ds9: unexpected argument %q\n", flag.Arg(0))
		os.Exit(2)
	}
	if err := ui.Run(o); err != nil {
		fmt.Fprintf(os.Stderr, "ds9: %v\n", err)
		os.Exit(1)
	}
}
