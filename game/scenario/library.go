package scenario

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// entry is one scenario file of a folder: its scenario, or why it does not load.
type entry struct {
	name string
	id   string // the id the file claims, even when it does not load ("" if unreadable)
	sc   *Scenario
	err  error
}

// All loads every scenario in the top folder of fsys, in their order (the
// files' order:, then file names); the
// catalogues beside them are skipped. One broken file does not take the others
// down: All returns every scenario that loads, and, when some file does not, an
// error joining one *Error per such file (errors.Join: one line each, naming the
// file; errors.As and the Unwrap() []error method reach them). A file whose id
// an earlier file already took is such a file.
func All(fsys fs.FS) ([]*Scenario, error) {
	entries, err := scan(fsys)
	var out []*Scenario
	var errs []error
	if err != nil {
		errs = append(errs, err)
	}
	for _, e := range entries {
		if e.err != nil {
			errs = append(errs, e.err)
			continue
		}
		out = append(out, e.sc)
	}
	return out, errors.Join(errs...)
}

// scan loads every scenario file of the top folder of fsys.
func scan(fsys fs.FS) ([]entry, error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []entry
	ids := map[string]string{} // id: the file that has it
	for _, n := range names {
		data, err := readFile(fsys, n, n)
		if err != nil {
			out = append(out, entry{name: n, err: err})
			continue
		}
		if IsCatalogue(data) {
			continue
		}
		e := entry{name: n, id: peekID(data)}
		e.sc, e.err = Load(fsys, n)
		if e.err == nil {
			if first, dup := ids[e.sc.ID]; dup {
				e.sc, e.err = nil, e.sc.DuplicateError(first)
			} else {
				ids[e.sc.ID] = n
			}
		}
		out = append(out, e)
	}
	// In the order the files ask for; a file that does not load keeps its
	// place by name.
	slices.SortStableFunc(out, func(a, b entry) int { return cmp.Compare(a.order(), b.order()) })
	return out, nil
}

// DuplicateError is the error of a scenario whose id another file, named
// by other, already has: at the line of its id.
func (sc *Scenario) DuplicateError(other string) error {
	return &Error{File: sc.File, Line: sc.idLine, Msg: fmt.Sprintf("scenario id %q is already the id of %s", sc.ID, other)}
}

// DefaultOrder is the order of a scenario that names none; MaxOrder bounds it.
const (
	DefaultOrder = 100
	MaxOrder     = 1000
)

func orderOr(n int) int {
	if n == 0 {
		return DefaultOrder
	}
	return n
}

// order is where an entry lists.
func (e entry) order() int {
	if e.sc != nil {
		return e.sc.Order
	}
	return DefaultOrder
}

// peekID reads the id a scenario file claims, without checking anything else.
func peekID(data []byte) string {
	var top struct {
		ID string `yaml:"id"`
	}
	if yaml.Unmarshal(data, &top) != nil {
		return ""
	}
	return top.ID
}

// ByID loads the scenario of fsys with the given id, the one All would list.
// When no file with that id loads but one claims it, the error is that file's;
// when no file has it, the error lists the ids there are and the files that did
// not load.
func ByID(fsys fs.FS, id string) (*Scenario, error) {
	entries, err := scan(fsys)
	if err != nil {
		return nil, err
	}
	var ids, broken []string
	var claimed error
	for _, e := range entries {
		switch {
		case e.err == nil && e.sc.ID == id:
			return e.sc, nil
		case e.err == nil:
			ids = append(ids, e.sc.ID)
		case e.id == id && claimed == nil:
			claimed = e.err
		default:
			broken = append(broken, e.name)
		}
	}
	if claimed != nil {
		return nil, claimed
	}
	msg := fmt.Sprintf("unknown scenario %q (have: %s)", id, strings.Join(ids, ", "))
	if len(broken) > 0 {
		msg += fmt.Sprintf("; %s did not load", strings.Join(broken, ", "))
	}
	return nil, errors.New(msg)
}
