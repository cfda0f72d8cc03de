package scenario

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// A scenario a player wrote is opened from outside the built-in folder: a
// file on disk (ds9 -scenario PATH, ds9sim's -scenario PATH), or files
// handed to the browser page together (its file picker, a drop). The
// catalogue it names is looked up beside it first (in the same folder on
// disk; among the other files handed over with it), then among the
// built-in catalogues. The one implementation is LoadUser; LoadPath reads
// from disk with it.

// IsPath reports whether a -scenario value names a file rather than a
// scenario id: it holds a path separator or ends in .yaml or .yml (an id
// never does: ids have no '/', and a scenario's id is not its file name).
func IsPath(v string) bool {
	lower := strings.ToLower(v)
	return strings.ContainsRune(v, '/') || strings.ContainsRune(v, filepath.Separator) ||
		strings.HasSuffix(lower, ".yaml") || strings.HasSuffix(lower, ".yml")
}

// Beside finds a file beside a scenario a player wrote by its file name:
// its bytes and the name to show in messages. A file it does not have is
// an error matching fs.ErrNotExist (and is then looked up elsewhere).
type Beside func(name string) (data []byte, shown string, err error)

// Source is what a scenario a player wrote was read from: its file, and the
// catalogue found beside it (none when the catalogue is a built-in one).
// Loading it again (Source.Load) gives the same scenario with the same
// hash, as long as a built-in catalogue it names has not changed.
type Source struct {
	File          string // the scenario file's name, as messages show it
	Data          []byte
	Catalogue     string // the catalogue's file name, when it was found beside the scenario; "" for a built-in one
	CatalogueData []byte
}

// ErrNotScenario is the error of opening a ship-class catalogue as a
// scenario.
var ErrNotScenario = errors.New("a ship-class catalogue, not a scenario: open the scenario that names it (catalogue:) with it")

// LoadUser reads a scenario a player wrote from its bytes; name is the
// file's name for messages. Its catalogue is looked up with beside (nil:
// nowhere), then among the catalogues of builtins (the built-in scenarios'
// folder; nil: none). It returns the scenario and what it was read from.
func LoadUser(name string, data []byte, beside Beside, builtins fs.FS) (*Scenario, *Source, error) {
	if err := checkText(name, data); err != nil {
		return nil, nil, err
	}
	if IsCatalogue(data) {
		return nil, nil, &Error{File: name, Msg: ErrNotScenario.Error()}
	}
	src := &Source{File: name, Data: data}
	cat := func(ref string) ([]byte, string, error) {
		if ref == "" || strings.Contains(ref, "..") || path.IsAbs(ref) || strings.ContainsAny(ref, `/\:`) || !fs.ValidPath(ref) {
			return nil, "", fmt.Errorf("catalogue %q must be a file name beside the scenario", ref)
		}
		if beside != nil {
			b, shown, err := beside(ref)
			switch {
			case err == nil:
				src.Catalogue, src.CatalogueData = ref, b
				return b, shown, nil
			case !errors.Is(err, fs.ErrNotExist):
				return nil, "", err
			}
		}
		return builtinCatalogue(builtins, ref)
	}
	sc, err := Parse(name, data, cat)
	if err != nil {
		return nil, nil, err
	}
	return sc, src, nil
}

// builtinCatalogue reads a built-in catalogue of builtins by its file name.
func builtinCatalogue(builtins fs.FS, ref string) ([]byte, string, error) {
	if builtins != nil {
		if _, err := fs.Stat(builtins, ref); err == nil {
			b, err := readFile(builtins, ref, ref)
			if err != nil {
				return nil, "", err
			}
			if !IsCatalogue(b) {
				return nil, "", fmt.Errorf("catalogue %q: the built-in %s is a scenario, not a catalogue", ref, ref)
			}
			return b, ref, nil
		}
	}
	have := BuiltinCatalogues(builtins)
	if len(have) == 0 {
		return nil, "", fmt.Errorf("catalogue %q is not beside the scenario", ref)
	}
	return nil, "", fmt.Errorf("catalogue %q is neither beside the scenario nor built in (built in: %s)", ref, strings.Join(have, ", "))
}

// BuiltinCatalogues names the catalogues in the top folder of builtins.
func BuiltinCatalogues(builtins fs.FS) []string {
	if builtins == nil {
		return nil
	}
	names, _ := fs.Glob(builtins, "*.yaml")
	sort.Strings(names)
	var out []string
	for _, n := range names {
		if b, err := readFile(builtins, n, n); err == nil && IsCatalogue(b) {
			out = append(out, n)
		}
	}
	return out
}

// LoadPath reads a scenario file a player wrote from the operating
// system's file system (p as given is the name messages show): its
// catalogue is looked up in the same folder, then among the catalogues of
// builtins.
func LoadPath(p string, builtins fs.FS) (*Scenario, *Source, error) {
	dir := filepath.Dir(p)
	fsys := os.DirFS(dir)
	data, err := readFile(fsys, filepath.Base(p), p)
	if err != nil {
		return nil, nil, err
	}
	beside := func(ref string) ([]byte, string, error) {
		shown := filepath.Join(dir, ref)
		if _, err := fs.Stat(fsys, ref); err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, shown, fs.ErrNotExist
			}
			return nil, shown, &Error{File: shown, Msg: cleanPathError(err)}
		}
		b, err := readFile(fsys, ref, shown)
		return b, shown, err
	}
	return LoadUser(p, data, beside, builtins)
}

// FilesBeside looks up the files handed over together with a scenario (the
// browser page's), by file name.
func FilesBeside(files map[string][]byte) Beside {
	return func(name string) ([]byte, string, error) {
		if b, ok := files[name]; ok {
			return b, name, nil
		}
		return nil, name, fs.ErrNotExist
	}
}

// Load reads the scenario again from what it was read from, its catalogue
// beside it or among the catalogues of builtins.
func (src *Source) Load(builtins fs.FS) (*Scenario, error) {
	var beside Beside
	if src.Catalogue != "" {
		beside = FilesBeside(map[string][]byte{src.Catalogue: src.CatalogueData})
	}
	sc, _, err := LoadUser(src.File, src.Data, beside, builtins)
	return sc, err
}

// ValidatePath checks a scenario or catalogue file on disk as the game
// opens a player's file (ds9sim validate): a catalogue alone, a scenario
// with its catalogue beside it or built in.
func ValidatePath(p string, builtins fs.FS) error {
	data, err := readFile(os.DirFS(filepath.Dir(p)), filepath.Base(p), p)
	if err != nil {
		return err
	}
	if IsCatalogue(data) {
		_, _, err := ParseCatalogue(p, data)
		return err
	}
	_, _, err = LoadPath(p, builtins)
	return err
}
