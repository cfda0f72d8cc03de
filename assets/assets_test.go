package assets

import (
	"io/fs"
	"os"
	"strings"
	"testing"
)

func TestShadersEmbedded(t *testing.T) {
	for _, name := range []string{"shaders/wormhole.kage", "shaders/belt.kage"} {
		src, err := fs.ReadFile(FS, name)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(src), "//kage:unit pixels") || !strings.Contains(string(src), "func Fragment(") {
			t.Errorf("%s is not a pixel-unit Kage shader", name)
		}
	}
}

// The page template carries the placeholder `make wasm` fills in.
func TestPageTemplate(t *testing.T) {
	page, err := os.ReadFile("web/index.html")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "__WASM_SIZE__") {
		t.Error("web/index.html lacks the __WASM_SIZE__ placeholder the wasm build fills in")
	}
}
