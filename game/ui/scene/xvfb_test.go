package scene

import (
	"os"
	"os/exec"
	"testing"
)

// underX runs the calling test in a child process under xvfb-run when there
// is no display. It returns true in the process that should do the work.
// Without xvfb-run the test is skipped, except in CI (CI=true), where it fails.
func underX(t *testing.T, name string) bool {
	t.Helper()
	if os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != "" {
		return true
	}
	if os.Getenv("DS9_UNDER_XVFB") != "" {
		t.Fatal("no display even under xvfb-run")
	}
	if _, err := exec.LookPath("xvfb-run"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("xvfb-run is missing: install xvfb and xauth (scripts/deps.sh test)")
		}
		t.Skip("no display and no xvfb-run: install xvfb and xauth to run this test")
	}
	cmd := exec.Command("xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", os.Args[0], "-test.run=^"+name+"$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), "DS9_UNDER_XVFB=1", "DS9_NOSOUND=1")
	out, err := cmd.CombinedOutput()
	t.Logf("under xvfb-run:\n%s", out)
	if err != nil {
		t.Fatalf("the test failed under xvfb-run: %v", err)
	}
	return false
}
