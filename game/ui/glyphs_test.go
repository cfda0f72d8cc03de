package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// TestGlyphsInFonts: every character in the front end's string literals
// (game/ui and its packages) is in the Go fonts, so no label draws as an
// empty box.
func TestGlyphsInFonts(t *testing.T) {
	var fonts []*sfnt.Font
	for _, data := range [][]byte{goregular.TTF, gobold.TTF} {
		f, err := sfnt.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		fonts = append(fonts, f)
	}
	fset := token.NewFileSet()
	var buf sfnt.Buffer
	for _, name := range goFiles(t) {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				return true
			}
			for _, r := range s {
				if r < 0x80 {
					continue
				}
				for _, f := range fonts {
					if i, _ := f.GlyphIndex(&buf, r); i == 0 {
						t.Errorf("%s: %q is not in the Go fonts", fset.Position(lit.Pos()), r)
						break
					}
				}
			}
			return true
		})
	}
}

// goFiles lists the non-test Go files of game/ui and its packages, whatever
// their build tags.
func goFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 20 {
		t.Fatalf("only %d files found under game/ui", len(files))
	}
	return files
}
