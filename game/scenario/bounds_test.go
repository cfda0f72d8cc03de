package scenario

import (
	"reflect"
	"strings"
	"testing"
)

// formatPaths lists the numbers and lists of a file format by bound path.
func formatPaths(t reflect.Type, prefix string, numbers, lists map[string]bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		key, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		p := key
		if prefix != "" {
			p = prefix + "." + key
		}
		walkType(f.Type, p, numbers, lists)
	}
}

func walkType(ft reflect.Type, p string, numbers, lists map[string]bool) {
	switch ft.Kind() {
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint, reflect.Float64:
		numbers[p] = true
	case reflect.Slice:
		lists[p] = true
		walkType(ft.Elem(), p+"[]", numbers, lists)
	case reflect.Pointer:
		walkType(ft.Elem(), p, numbers, lists)
	case reflect.Struct:
		formatPaths(ft, p, numbers, lists)
	}
}

// TestBoundsCoverTheFormats: every number and every list of both file formats
// has a bound, and every bound names a key of the formats.
func TestBoundsCoverTheFormats(t *testing.T) {
	for _, c := range []struct {
		name  string
		typ   reflect.Type
		table []bound
	}{
		{"catalogue", reflect.TypeFor[catalogueFile](), catalogueBounds},
		{"scenario", reflect.TypeFor[scenarioFile](), scenarioBounds},
	} {
		numbers, lists := map[string]bool{}, map[string]bool{}
		formatPaths(c.typ, "", numbers, lists)
		have := map[string]bool{}
		for _, b := range c.table {
			k := b.path
			if b.list {
				k += " (list)"
				if !lists[b.path] {
					t.Errorf("%s: bound on the list %s, which is not a list of the format", c.name, b.path)
				}
			} else if !numbers[b.path] {
				t.Errorf("%s: bound on the number %s, which is not a number of the format", c.name, b.path)
			}
			if have[k] {
				t.Errorf("%s: %s bounded twice", c.name, k)
			}
			have[k] = true
			if b.min > b.max {
				t.Errorf("%s: %s: empty range %d..%d", c.name, b.path, b.min, b.max)
			}
		}
		for p := range numbers {
			if !have[p] {
				t.Errorf("%s: the number %s has no bound", c.name, p)
			}
		}
		for p := range lists {
			if !have[p+" (list)"] {
				t.Errorf("%s: the list %s has no bound", c.name, p)
			}
		}
	}
}
