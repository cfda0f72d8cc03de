package web

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Prepare writes the page, the service worker, the manifest and the icons
// beside the game, stamped with the game's size and the build's version; a
// new game is a new version.
func TestPrepare(t *testing.T) {
	dir, wasm := testDir(t)
	src := filepath.Join("..", "assets", "web")
	v1, err := Prepare(src, dir)
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^[0-9a-f]{12}$`).MatchString(v1) {
		t.Fatalf("version %q", v1)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	page := read("index.html")
	for _, want := range []string{`content="` + v1 + `"`, `content="` + itoa(len(wasm)) + `"`, `wasm_exec.js?v=` + v1, `rel="manifest" href="manifest.webmanifest"`, `"sw.js"`, `beforeunload`, `webglcontextlost`} {
		if !strings.Contains(page, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	if strings.Contains(page, "__") {
		t.Errorf("index.html keeps a placeholder: %s", regexp.MustCompile(`__[A-Z_]+__`).FindString(page))
	}
	sw := read("sw.js")
	m := regexp.MustCompile(`const FILES = (\[.*\]);`).FindStringSubmatch(sw)
	if m == nil || !strings.Contains(sw, `const VERSION = "`+v1+`"`) {
		t.Fatalf("sw.js is not stamped:\n%s", sw)
	}
	var files []string
	if err := json.Unmarshal([]byte(m[1]), &files); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"./", "index.html", "ds9.wasm?v=" + v1, "wasm_exec.js?v=" + v1, "manifest.webmanifest", "icon-192.png", "icon-512.png"} {
		found := false
		for _, f := range files {
			found = found || f == want
		}
		if !found {
			t.Errorf("the service worker does not keep %s: %v", want, files)
		}
	}
	var man struct {
		Name     string
		StartURL string `json:"start_url"`
		Display  string
		Icons    []struct{ Src, Sizes string }
	}
	if err := json.Unmarshal([]byte(read("manifest.webmanifest")), &man); err != nil || man.Name == "" || man.StartURL == "" || len(man.Icons) < 2 {
		t.Fatalf("manifest: %+v, %v", man, err)
	}
	for _, ic := range man.Icons {
		img, err := png.Decode(bytes.NewReader([]byte(read(ic.Src))))
		if err != nil {
			t.Fatalf("%s: %v", ic.Src, err)
		}
		if got := itoa(img.Bounds().Dx()) + "x" + itoa(img.Bounds().Dy()); got != ic.Sizes {
			t.Errorf("%s is %s, the manifest says %s", ic.Src, got, ic.Sizes)
		}
	}
	// The server gives the manifest its type.
	if ct := ContentType("manifest.webmanifest"); ct != "application/manifest+json" {
		t.Errorf("manifest content type %q", ct)
	}
	// A new game, a new version.
	if err := os.WriteFile(filepath.Join(dir, "ds9.wasm"), append(wasm, 1), 0o644); err != nil {
		t.Fatal(err)
	}
	v2, err := Prepare(src, dir)
	if err != nil || v2 == v1 {
		t.Errorf("a rebuilt game has version %q (was %q), %v", v2, v1, err)
	}
	// Without a game there is nothing to prepare.
	if _, err := Prepare(src, t.TempDir()); err == nil {
		t.Error("prepared a folder with no game")
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
