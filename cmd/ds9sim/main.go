// Command ds9sim is the headless side of Call to Arms: it lists and validates
// scenarios and plays whole battles without a window. It never imports
// Ebitengine: it is the proof that rules and rendering are apart.
//
//	ds9sim scenarios
//	ds9sim validate FILE...
//	ds9sim play -scenario ID -seed N [-o FILE] [-json]
//	ds9sim replay FILE [-json] [-events SIDE]
//	ds9sim advise FILE -turn T [-n N] [-seed S] [-json]
//	ds9sim sim -scenario ID -n N -seed S [-j W] [-json]
//	ds9sim campaign -id ID -seed N [-json]
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// errReported marks a failure whose messages are already printed: exit 1, no more.
var errReported = errors.New("reported")

// errUsage marks a command-line mistake: the usage is printed and the exit code is 2.
var errUsage = errors.New("usage")

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage:
  ds9sim scenarios                                  list the scenarios (a file that does not
                                                    load is reported on stderr, exit status 1)
  ds9sim validate FILE...                           check scenario or catalogue files
  ds9sim play -scenario ID -seed N [-o FILE] [-json]
                                                    play a battle with computer commanders;
                                                    -o writes a replay of it
  ds9sim replay FILE [-json] [-events SIDE]         verify a replay and print its summary;
                                                    -events: one JSON line per order, as SIDE was told it
  ds9sim advise FILE -turn T [-n N] [-seed S] [-json]
                                                    the chance of each outcome from the start of turn T
                                                    of a replay, as the side to move sees it (N battles
                                                    sampled from its view, played out by the normal
                                                    commanders); a battle over by then: its outcome
  ds9sim sim -scenario ID -n N -seed S [-j W] [-json] [-alliance L] [-dominion L]
                                                    play N battles (seeds S..S+N-1) and report;
                                                    L is easy, normal, hard or baseline
  ds9sim campaign -id ID -seed N [-level L] [-json] play a campaign's battles in order, carrying
                                                    their results forward
`

// run is main without the exit, for tests.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "scenarios":
		err = cmdScenarios(args[1:], stdout, stderr)
	case "validate":
		err = cmdValidate(args[1:], stdout, stderr)
	case "play":
		err = cmdPlay(args[1:], stdout)
	case "sim":
		err = cmdSim(args[1:], stdout, stderr)
	case "replay":
		err = cmdReplay(args[1:], stdout, stderr)
	case "advise":
		err = cmdAdvise(args[1:], stdout, stderr)
	case "campaign":
		err = cmdCampaign(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "ds9sim: unknown command %q\n%s", args[0], usage)
		return 2
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errReported):
		return 1
	case errors.Is(err, errUsage), errors.Is(err, flag.ErrHelp):
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(stderr, "ds9sim %s: %v\n", args[0], err)
		}
		return 2
	default:
		fmt.Fprintf(stderr, "ds9sim %s: %v\n", args[0], err)
		return 1
	}
}

func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}
