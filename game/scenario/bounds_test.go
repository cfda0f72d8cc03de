package scenario

import (
	"os"
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
	case reflect.Map:
		walkType(ft.Elem(), p+".*", numbers, lists) // keyed by ids
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

// TestBoundsAreDocumented: docs/scenarios.md gives every bound, with the range the
// loader checks, in a table row of its own.
func TestBoundsAreDocumented(t *testing.T) {
	data, err := os.ReadFile("../../docs/scenarios.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]string{} // key: range
	for _, l := range strings.Split(string(data), "\n") {
		cells := strings.Split(l, "|")
		if len(cells) < 4 || !strings.HasPrefix(strings.TrimSpace(cells[1]), "`") {
			continue
		}
		rows[strings.Trim(strings.TrimSpace(cells[1]), "`")] = strings.TrimSpace(cells[2])
	}
	for _, table := range [][]bound{catalogueBounds, scenarioBounds} {
		for _, b := range table {
			key := strings.TrimPrefix(b.path, "classes[].")
			want := span(b)
			if b.list {
				want += " items"
			}
			got, ok := rows[key]
			switch {
			case !ok:
				t.Errorf("docs/scenarios.md has no row for `%s`", key)
			case got != want:
				t.Errorf("docs/scenarios.md gives `%s` the range %q, the loader %q", key, got, want)
			}
		}
	}
}
