package play

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestNoWindow: the play model builds without Ebitengine, so that tests and
// tools can drive it with no window.
func TestNoWindow(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("go list: %v\n%s", err, out)
		}
		t.Skipf("go list: %v\n%s", err, out)
	}
	for _, p := range strings.Fields(string(out)) {
		if strings.Contains(p, "hajimehoshi/ebiten") || strings.HasPrefix(p, "github.com/calltoarms/ds9/game/ui/") && p != "github.com/calltoarms/ds9/game/ui/play" {
			t.Errorf("game/ui/play depends on %s", p)
		}
	}
}
