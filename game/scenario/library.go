package scenario

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

// All loads every scenario in the top folder of fsys, in file-name order; the
// catalogues beside them are skipped.
func All(fsys fs.FS) ([]*Scenario, error) {
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []*Scenario
	for _, n := range names {
		data, err := readFile(fsys, n, n)
		if err != nil {
			return nil, err
		}
		if IsCatalogue(data) {
			continue
		}
		sc, err := Load(fsys, n)
		if err != nil {
			return nil, err
		}
		out = append(out, sc)
	}
	return out, nil
}

// ByID loads the scenario of fsys with the given id; the error lists the ids
// there are.
func ByID(fsys fs.FS, id string) (*Scenario, error) {
	all, err := All(fsys)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, sc := range all {
		if sc.ID == id {
			return sc, nil
		}
		ids = append(ids, sc.ID)
	}
	return nil, fmt.Errorf("unknown scenario %q (have: %s)", id, strings.Join(ids, ", "))
}
