package scenario

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/calltoarms/ds9/game/rules"
	"go.yaml.in/yaml/v3"
)

// Limits on untrusted files; docs/scenarios.md lists them with the rules' bounds
// on every number.
const (
	MaxFileSize   = 1 << 20 // bytes of one scenario or catalogue file
	MaxWings      = 200
	MaxGroups     = 100 // groups of ships in one wing
	MaxGroup      = 500 // ships in one group of a wing
	MaxUnits      = 200
	MaxClasses    = 200
	MaxMinefields = 10   // minefields of one scenario
	MaxAreas      = 50   // named areas of one scenario
	MaxObjectives = 50   // objectives of one scenario
	MaxGuide      = 30   // steps of a scenario's guided first turns
	MaxIDLength   = 64   // characters of an id
	MaxBriefing   = 2000 // characters of a briefing (the scenario's, a side's)
)

// Error is a problem in a file, with the line where it was found (0 when unknown).
type Error struct {
	File string
	Line int
	Msg  string
}

// Error writes the problem on one line, "file:line: message" ("file: message"
// when the line is unknown); line breaks in the message (a name from the file,
// say) are written as spaces.
func (e *Error) Error() string {
	msg := oneLine(e.Msg)
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, msg)
	}
	return fmt.Sprintf("%s: %s", e.File, msg)
}

// oneLine replaces line and paragraph breaks with spaces.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
			return ' '
		}
		return r
	}, s)
}

// doc is a decoded file: its name for messages and its node tree for lines.
type doc struct {
	name  string
	root  *yaml.Node
	sides rules.SideIDs // a scenario's side ids, once read
	names rules.Names   // a scenario's names for conditions, once its forces are read
}

var lineRE = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
var fieldRE = regexp.MustCompile(`^field (.+) not found in type \S+$`)

// yamlError turns a YAML library error into a one-line Error with its line.
func yamlError(name string, err error) *Error {
	msg, more := err.Error(), 0
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg, more = te.Errors[0], len(te.Errors)-1
	}
	msg = strings.ReplaceAll(strings.TrimPrefix(msg, "yaml: "), "\n", " ")
	e := &Error{File: name, Msg: msg}
	if m := lineRE.FindStringSubmatch(msg); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		e.Msg = m[2]
	}
	if m := fieldRE.FindStringSubmatch(e.Msg); m != nil {
		e.Msg = fmt.Sprintf("unknown key %q", m[1])
	}
	e.Msg = strings.ReplaceAll(e.Msg, "scenario.", "")
	if more > 0 {
		e.Msg += fmt.Sprintf(" (and %d more)", more)
	}
	return e
}

// decode reads YAML strictly into v: every key must be known, every number a
// whole number within its bound (checkBounds).
func decode(name string, data []byte, v any, bounds []bound) (*doc, error) {
	if err := checkText(name, data); err != nil {
		return nil, err
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, yamlError(name, err)
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		return nil, &Error{File: name, Msg: "empty file"}
	}
	if root.Content[0].Kind != yaml.MappingNode {
		return nil, &Error{File: name, Line: root.Content[0].Line, Msg: "the file must be a mapping of keys (id: ..., name: ...)"}
	}
	if err := checkBounds(name, &root, bounds); err != nil {
		return nil, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		return nil, yamlError(name, err)
	}
	return &doc{name: name, root: root.Content[0]}, nil
}

// checkText checks that a file is text within the size limit, before any
// YAML is parsed.
func checkText(name string, data []byte) error {
	if len(data) > MaxFileSize {
		return &Error{File: name, Msg: fmt.Sprintf("file is %d bytes, the limit is %d", len(data), MaxFileSize)}
	}
	if !utf8.Valid(data) {
		return &Error{File: name, Msg: "not UTF-8 text"}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return &Error{File: name, Msg: "binary data (NUL byte) in a text file"}
	}
	return nil
}

// line finds the line of the node at a path of keys (string) and indexes (int),
// or of the deepest node found on the way.
func (d *doc) line(p ...any) int {
	n := d.root
	line := n.Line
	for _, step := range p {
		var next *yaml.Node
		switch s := step.(type) {
		case string:
			if n.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(n.Content); i += 2 {
					if n.Content[i].Value == s {
						next = n.Content[i+1]
						if next.Kind == yaml.ScalarNode || next.Line == 0 {
							next.Line = max(next.Line, n.Content[i].Line)
						}
						break
					}
				}
			}
		case int:
			if n.Kind == yaml.SequenceNode && s >= 0 && s < len(n.Content) {
				next = n.Content[s]
			}
		}
		if next == nil {
			break
		}
		n = next
		line = n.Line
	}
	return line
}

// sub is a path of the document: p followed by more steps, in a new slice.
func sub(p []any, more ...any) []any {
	return append(append(make([]any, 0, len(p)+len(more)), p...), more...)
}

var idRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]*$`)

// checkID checks an id of the file: letters, digits, '-', '_' and '.', starting
// with a letter or digit, at most MaxIDLength long.
func checkID(d *doc, at []any, id string) error {
	if len(id) > MaxIDLength || !idRE.MatchString(id) {
		return d.errf(at, "id %.80q: ids are letters, digits, '-', '_' and '.', starting with a letter or digit, at most %d long", id, MaxIDLength)
	}
	return nil
}

// errf makes an Error at a path of the document.
func (d *doc) errf(p []any, format string, args ...any) error {
	return &Error{File: d.name, Line: d.line(p...), Msg: fmt.Sprintf(format, args...)}
}

// readFile reads a file of fsys with the size limit.
func readFile(fsys fs.FS, name, display string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, &Error{File: display, Msg: cleanPathError(err)}
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, &Error{File: display, Msg: "is a directory"}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, &Error{File: display, Msg: cleanPathError(err)}
	}
	if len(data) > MaxFileSize {
		return nil, &Error{File: display, Msg: fmt.Sprintf("file is larger than the limit of %d bytes", MaxFileSize)}
	}
	return data, nil
}

func cleanPathError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Load reads the scenario file name from fsys, and the catalogue it names from the
// same folder.
func Load(fsys fs.FS, name string) (*Scenario, error) {
	return load(fsys, name, name)
}

// LoadFile reads a scenario from the operating system's file system.
func LoadFile(p string) (*Scenario, error) {
	return load(os.DirFS(filepath.Dir(p)), filepath.Base(p), p)
}

func load(fsys fs.FS, name, display string) (*Scenario, error) {
	data, err := readFile(fsys, name, display)
	if err != nil {
		return nil, err
	}
	cat := func(ref string) ([]byte, string, error) {
		if ref == "" || strings.Contains(ref, "..") || path.IsAbs(ref) || strings.ContainsAny(ref, `\:`) {
			return nil, "", fmt.Errorf("catalogue %q must be a file name beside the scenario", ref)
		}
		p := path.Join(path.Dir(name), ref)
		shown := filepath.Join(filepath.Dir(display), ref)
		b, err := readFile(fsys, p, shown)
		return b, shown, err
	}
	return Parse(display, data, cat)
}

// IsCatalogue reports whether a file's top level holds classes (a catalogue)
// rather than a scenario; a file that is not text within the size limit is
// neither.
func IsCatalogue(data []byte) bool {
	if checkText("", data) != nil {
		return false
	}
	var top map[string]yaml.Node
	if yaml.Unmarshal(data, &top) != nil {
		return false
	}
	_, ok := top["classes"]
	return ok
}

// ValidateFile checks a scenario or catalogue file on disk, as ds9sim validate
// does.
func ValidateFile(p string) error {
	return validate(os.DirFS(filepath.Dir(p)), filepath.Base(p), p)
}

// Validate checks the scenario or catalogue file name of fsys: a catalogue is
// read alone, a scenario with the catalogue it names.
func Validate(fsys fs.FS, name string) error {
	return validate(fsys, name, name)
}

func validate(fsys fs.FS, name, display string) error {
	data, err := readFile(fsys, name, display)
	if err != nil {
		return err
	}
	if IsCatalogue(data) {
		_, _, err := ParseCatalogue(display, data)
		return err
	}
	_, err = load(fsys, name, display)
	return err
}

// File is a strictly read YAML file of another format (a campaign): its
// messages name the file and the line, as a scenario's do.
type File struct{ d *doc }

// DecodeFile reads a YAML file strictly into v (every key known, no aliases or
// merge keys, at most MaxFileSize bytes), reporting errors at their lines.
func DecodeFile(name string, data []byte, v any) (*File, error) {
	d, err := decode(name, data, v, nil)
	if err != nil {
		return nil, err
	}
	return &File{d: d}, nil
}

// Errorf makes an error at a path of the file (keys and list indexes).
func (f *File) Errorf(path []any, format string, args ...any) error {
	return f.d.errf(path, format, args...)
}

// Condition reads a condition of the scenario's vocabulary, naming its
// sides, units, areas and minefields.
func (sc *Scenario) Condition(text string) (rules.Condition, error) {
	return rules.ParseCondition(text, namesOf(&sc.Setup))
}
