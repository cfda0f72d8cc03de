package main

import (
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestSmokeScreenshot starts the real game under Xvfb with the computer
// playing both sides, captures frame 300 and checks that the picture is the
// battle: big enough, not blank, with the map's colours in it. Without
// xvfb-run it is skipped, except in CI (CI=true), where it fails.
func TestSmokeScreenshot(t *testing.T) {
	if testing.Short() {
		if os.Getenv("CI") == "true" {
			t.Fatal("-short under CI=true: the smoke test must run")
		}
		t.Skip("starts the game")
	}
	xvfb, err := exec.LookPath("xvfb-run")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("xvfb-run is missing: install xvfb and xauth (scripts/deps.sh test)")
		}
		t.Skip("xvfb-run is not installed: install xvfb and xauth to run the smoke test")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "ds9")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	shot := filepath.Join(dir, "battle.png")
	cmd := exec.Command(xvfb, "-a", "-s", "-screen 0 1600x1000x24", bin,
		"-scenario", "second-battle-of-ds9", "-autoplay", "-seed", "1",
		"-screenshot", shot, "-frames", "300", "-stats")
	cmd.Env = append(os.Environ(), "DS9_NOSOUND=1")
	out, err := cmd.CombinedOutput()
	t.Logf("ds9:\n%s", out)
	if err != nil {
		t.Fatalf("the game failed: %v", err)
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	checkBattlePicture(t, img)
}

// checkBattlePicture checks size, that the picture is not blank, and that the
// battle's colours are there: the dark space, the HUD's amber, the plasma
// belt's glow, the Dominion's violet and the wormhole's blue.
func checkBattlePicture(t *testing.T, img image.Image) {
	t.Helper()
	b := img.Bounds()
	if b.Dx() < 1280 || b.Dy() < 720 {
		t.Fatalf("screenshot is %dx%d, want at least 1280x720", b.Dx(), b.Dy())
	}
	colours := map[uint32]bool{}
	var dark, amber, belt, violet, blue int
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			r, g, bl = r>>8, g>>8, bl>>8
			colours[r>>3<<10|g>>3<<5|bl>>3] = true
			switch {
			case r < 30 && g < 30 && bl < 45:
				dark++
			case r > 200 && g > 130 && g < 190 && bl < 90:
				amber++
			case r > 120 && g > 50 && g < 150 && bl < 120 && r > g+40:
				belt++
			case bl > 120 && r > 70 && g < r && g+30 < bl:
				violet++
			case bl > 180 && g > 100 && r < 160:
				blue++
			}
		}
	}
	total := b.Dx() * b.Dy()
	t.Logf("%dx%d, %d colours; dark %d, amber %d, belt %d, violet %d, blue %d", b.Dx(), b.Dy(), len(colours), dark, amber, belt, violet, blue)
	if len(colours) < 500 {
		t.Errorf("only %d colours: the picture looks blank", len(colours))
	}
	if dark < total/4 {
		t.Errorf("not a space scene: %d dark pixels of %d", dark, total)
	}
	for name, n := range map[string]int{"HUD amber": amber, "plasma belt": belt, "Dominion violet": violet, "wormhole blue": blue} {
		if n < 150 {
			t.Errorf("%s missing: %d pixels", name, n)
		}
	}
}
