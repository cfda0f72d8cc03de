package render

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Looks are how the ship classes look, read from assets/looks.yaml: a
// silhouette and a length per class id, a palette per faction, and for a
// class with no look of its own the look of its faction, so that a new
// scenario's class is drawn without code.
type Looks struct {
	classes        map[string]Look
	factions       map[string]factionLook
	defaultFaction string
	generic        Look
}

// Look is a ship's silhouette, drawn nose to the east into a sprite of
// ShipSprite pixels with its centre line at y = ShipSprite/2.
type Look struct {
	Length float32 // in hexes
	Shapes []Shape
}

// Shape is one filled shape of a look.
type Shape struct {
	Kind  ShapeKind
	Fill  Paint
	Alpha float32
	Pts   []float32 // poly, mirror: x, y pairs; circle: x, y, r; ellipse: x, y, rx, ry
}

// ShapeKind is what a shape is.
type ShapeKind uint8

// The kinds of shape.
const (
	Poly    ShapeKind = iota // a polygon
	Mirror                   // a polygon above the centre line and its reflection
	Circle                   // a disc
	Ellipse                  // an ellipse
)

// Paint is which of the palette's colours a shape fills with.
type Paint uint8

// The palette's colours.
const (
	Hull Paint = iota
	Dark
	Trim
	Glow
)

// Palette is a faction's colours.
type Palette struct{ Hull, Dark, Trim, Glow RGBA }

// Of is the colour of a paint.
func (p Palette) Of(c Paint) RGBA {
	switch c {
	case Dark:
		return p.Dark
	case Trim:
		return p.Trim
	case Glow:
		return p.Glow
	}
	return p.Hull
}

type factionLook struct {
	palette Palette
	look    string // a class id, or "generic"
}

// For is the look of a class and the palette it is drawn in: the class's own
// look, else its faction's, else the generic one; its faction's palette, else
// the default faction's.
func (l *Looks) For(classID, faction string) (Look, Palette) {
	f, ok := l.factions[faction]
	if !ok {
		f = l.factions[l.defaultFaction]
	}
	if lk, ok := l.classes[classID]; ok {
		return lk, f.palette
	}
	if lk, ok := l.classes[f.look]; ok {
		return lk, f.palette
	}
	return l.generic, f.palette
}

// Classes lists the class ids with a look of their own.
func (l *Looks) Classes() []string {
	var out []string
	for id := range l.classes {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// The file format (assets/looks.yaml): every key is listed here, and any
// other key is an error.
type looksFile struct {
	DefaultFaction string                 `yaml:"default_faction"`
	Factions       map[string]factionFile `yaml:"factions"`
	Classes        map[string]lookFile    `yaml:"classes"`
	Generic        *lookFile              `yaml:"generic"`
}

type factionFile struct {
	Hull *uint32 `yaml:"hull"`
	Dark *uint32 `yaml:"dark"`
	Trim *uint32 `yaml:"trim"`
	Glow *uint32 `yaml:"glow"`
	Look string  `yaml:"look"`
}

type lookFile struct {
	Length float32     `yaml:"length"`
	Shapes []shapeFile `yaml:"shapes"`
}

type shapeFile struct {
	Fill    string    `yaml:"fill"`
	Alpha   *float32  `yaml:"alpha"`
	Poly    []float32 `yaml:"poly"`
	Mirror  []float32 `yaml:"mirror"`
	Circle  []float32 `yaml:"circle"`
	Ellipse []float32 `yaml:"ellipse"`
}

// Limits of the looks file.
const (
	maxLooksFile = 1 << 20
	maxLength    = 4 // hexes
	maxShapes    = 200
	maxPoints    = 64
)

// LooksError is a problem in the looks file, with its line (0 when unknown).
type LooksError struct {
	File string
	Line int
	Msg  string
}

func (e *LooksError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// LoadLooks reads a looks file strictly: an unknown key, a wrong type or a
// shape that makes no sense is an error naming the file and the line.
func LoadLooks(name string, data []byte) (*Looks, error) {
	errAt := func(line int, format string, a ...any) error {
		return &LooksError{File: name, Line: line, Msg: fmt.Sprintf(format, a...)}
	}
	if len(data) > maxLooksFile {
		return nil, errAt(0, "%d bytes, more than the limit of %d", len(data), maxLooksFile)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, yamlErr(name, err)
	}
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return nil, errAt(0, "not a mapping of default_faction, factions, classes and generic")
	}
	var f looksFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, yamlErr(name, err)
	}
	top := root.Content[0]
	line := func(path ...string) int { return nodeLine(top, path...) }

	l := &Looks{classes: map[string]Look{}, factions: map[string]factionLook{}, defaultFaction: f.DefaultFaction}
	if f.Generic == nil {
		return nil, errAt(top.Line, "no generic look (the look of a class with no other)")
	}
	var bad *lineError
	if l.generic, bad = f.Generic.look(func(p ...string) int { return line(append([]string{"generic"}, p...)...) }); bad != nil {
		return nil, errAt(bad.line, "generic: %s", bad.msg)
	}
	// In file order, so that the first problem is the one reported.
	for _, id := range keysInOrder(top, "classes") {
		lk, bad := f.Classes[id].look(func(p ...string) int { return line(append([]string{"classes", id}, p...)...) })
		if bad != nil {
			return nil, errAt(bad.line, "class %s: %s", id, bad.msg)
		}
		l.classes[id] = lk
	}
	if len(f.Factions) == 0 {
		return nil, errAt(top.Line, "no factions")
	}
	for _, id := range keysInOrder(top, "factions") {
		ff := f.Factions[id]
		at := line("factions", id)
		var p Palette
		for _, c := range []struct {
			key string
			v   *uint32
			to  *RGBA
		}{{"hull", ff.Hull, &p.Hull}, {"dark", ff.Dark, &p.Dark}, {"trim", ff.Trim, &p.Trim}, {"glow", ff.Glow, &p.Glow}} {
			if c.v == nil {
				return nil, errAt(at, "faction %s: no %s colour", id, c.key)
			}
			if *c.v > 0xffffff {
				return nil, errAt(line("factions", id, c.key), "faction %s: %s colour %#x is not 0xRRGGBB", id, c.key, *c.v)
			}
			*c.to = RGB(*c.v)
		}
		if _, ok := l.classes[ff.Look]; !ok && ff.Look != "generic" {
			return nil, errAt(line("factions", id, "look"), "faction %s: look %q is neither a class below nor generic", id, ff.Look)
		}
		l.factions[id] = factionLook{palette: p, look: ff.Look}
	}
	if _, ok := l.factions[l.defaultFaction]; !ok {
		return nil, errAt(line("default_faction"), "default_faction %q is not one of the factions", l.defaultFaction)
	}
	return l, nil
}

// lineError is a problem in a look, at a line.
type lineError struct {
	line int
	msg  string
}

// look checks a look; line finds the line of a path inside it.
func (lf lookFile) look(line func(p ...string) int) (Look, *lineError) {
	fail := func(at int, format string, a ...any) (Look, *lineError) {
		return Look{}, &lineError{line: at, msg: fmt.Sprintf(format, a...)}
	}
	if lf.Length <= 0 || lf.Length > maxLength {
		return fail(line("length"), "length %g: want more than 0 and at most %d hexes", lf.Length, maxLength)
	}
	if len(lf.Shapes) == 0 || len(lf.Shapes) > maxShapes {
		return fail(line("shapes"), "%d shapes: want 1 to %d", len(lf.Shapes), maxShapes)
	}
	lk := Look{Length: lf.Length}
	for i, sf := range lf.Shapes {
		at := line("shapes", strconv.Itoa(i))
		s := Shape{Alpha: 1}
		switch sf.Fill {
		case "hull":
			s.Fill = Hull
		case "dark":
			s.Fill = Dark
		case "trim":
			s.Fill = Trim
		case "glow":
			s.Fill = Glow
		default:
			return fail(at, "shape %d: fill %q: want hull, dark, trim or glow", i+1, sf.Fill)
		}
		if sf.Alpha != nil {
			if *sf.Alpha <= 0 || *sf.Alpha > 1 {
				return fail(at, "shape %d: alpha %g: want more than 0 and at most 1", i+1, *sf.Alpha)
			}
			s.Alpha = *sf.Alpha
		}
		n := 0
		for _, k := range []struct {
			kind ShapeKind
			pts  []float32
			name string
		}{{Poly, sf.Poly, "poly"}, {Mirror, sf.Mirror, "mirror"}, {Circle, sf.Circle, "circle"}, {Ellipse, sf.Ellipse, "ellipse"}} {
			if k.pts != nil {
				n++
				s.Kind, s.Pts = k.kind, k.pts
			}
		}
		if n != 1 {
			return fail(at, "shape %d: want exactly one of poly, mirror, circle or ellipse, not %d", i+1, n)
		}
		switch s.Kind {
		case Poly, Mirror:
			if len(s.Pts) < 6 || len(s.Pts)%2 != 0 || len(s.Pts) > 2*maxPoints {
				return fail(at, "shape %d: %d numbers: a polygon wants 3 to %d x, y pairs", i+1, len(s.Pts), maxPoints)
			}
		case Circle:
			if len(s.Pts) != 3 || s.Pts[2] <= 0 {
				return fail(at, "shape %d: a circle wants [x, y, r] with r > 0", i+1)
			}
		case Ellipse:
			if len(s.Pts) != 4 || s.Pts[2] <= 0 || s.Pts[3] <= 0 {
				return fail(at, "shape %d: an ellipse wants [x, y, rx, ry] with rx, ry > 0", i+1)
			}
		}
		for _, v := range s.Pts {
			if v < 0 || v > ShipSprite {
				return fail(at, "shape %d: %g is outside the sprite (0 to %d)", i+1, v, ShipSprite)
			}
		}
		lk.Shapes = append(lk.Shapes, s)
	}
	return lk, nil
}

// keysInOrder lists the keys of the mapping under key, in file order.
func keysInOrder(top *yaml.Node, key string) []string {
	var out []string
	for i := 0; i+1 < len(top.Content); i += 2 {
		if top.Content[i].Value != key || top.Content[i+1].Kind != yaml.MappingNode {
			continue
		}
		m := top.Content[i+1]
		for j := 0; j+1 < len(m.Content); j += 2 {
			out = append(out, m.Content[j].Value)
		}
	}
	return out
}

// nodeLine is the line of the node at a path of mapping keys and sequence
// indexes, or of the deepest node found on the way.
func nodeLine(n *yaml.Node, path ...string) int {
	line := n.Line
	for _, step := range path {
		var next *yaml.Node
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == step {
					next = n.Content[i+1]
					if next.Kind == yaml.ScalarNode {
						next = n.Content[i]
					}
					break
				}
			}
		case yaml.SequenceNode:
			if i, err := strconv.Atoi(step); err == nil && i >= 0 && i < len(n.Content) {
				next = n.Content[i]
			}
		}
		if next == nil {
			break
		}
		n, line = next, next.Line
	}
	return line
}

// yamlErr turns a YAML library error into one line with its line number.
func yamlErr(name string, err error) error {
	yamlLine := regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
	yamlUnkKey := regexp.MustCompile(`^field (.+) not found in type \S+$`)
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
		if len(te.Errors) > 1 {
			msg += fmt.Sprintf(" (and %d more)", len(te.Errors)-1)
		}
	}
	msg = strings.ReplaceAll(strings.TrimPrefix(msg, "yaml: "), "\n", " ")
	e := &LooksError{File: name, Msg: msg}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		e.Msg = m[2]
	}
	if m := yamlUnkKey.FindStringSubmatch(e.Msg); m != nil {
		e.Msg = fmt.Sprintf("unknown key %q", m[1])
	}
	e.Msg = strings.NewReplacer("render.", "", "looksFile", "the file", "lookFile", "a look", "shapeFile", "a shape", "factionFile", "a faction").Replace(e.Msg)
	return e
}
