// Package replay records battles as files and plays them back: the scenario id
// and a hash of its content, the seed, who commanded each side, every order in
// order, a checksum at the end of every turn, and the result. Verifying a replay
// re-plays every order through the rules engine and names the first turn and
// order where the run diverges. A save game is a replay that stops mid-battle;
// Resume picks it up at the saved turn and phase.
//
// Replay files are untrusted input: Load is strict (unknown fields, a wrong
// version, values out of range are errors), bounded (file size, nesting, turn,
// order and path limits), and its errors are one line naming the file and, where
// known, the turn and order.
package replay

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/rules"
	"github.com/calltoarms/ds9/game/scenario"
)

// Version is the replay format version this package reads and writes.
const Version = 1

// Limits on replay files.
const (
	MaxFileSize   = 16 << 20       // bytes of one replay file
	MaxTurns      = rules.MaxTurns // turn records in one replay
	MaxOrders     = 250_000        // orders in one replay
	MaxOrderBytes = 4096           // bytes of one order's JSON
	MaxPath       = rules.MaxPath  // steps of one move order
	MaxNesting    = 8              // depth of JSON arrays and objects
	MaxNameLen    = 64             // bytes of a player's name
	MaxIDLen      = 128            // bytes of a scenario id
	MaxPathLen    = 4096           // bytes of a replay file's path
	maxCoord      = 1 << 16        // |q|, |r| of a hex in an order
	maxWeapon     = 255            // weapon index in an order
	maxSection    = 1 << 16        // section id in an order
	maxShip       = rules.MaxShips // ship ids are 0..maxShip-1
	maxWing       = rules.MaxShips // wing indexes: every wing has a ship
	checksumLen   = 16             // hex digits of a checksum
	hashLen       = 64             // hex digits of a scenario hash
)

// Players says who commanded each side, by rules.Side: "human", or a computer
// commander's name ("baseline", "easy", "historical", …). A file writes them as
// an object keyed by the scenario's side ids.
type Players [2]string

// defaultSides are the side ids of a file that names none: version 1 files
// were all of the flagship, whose sides are these.
var defaultSides = rules.SideIDs{"alliance", "dominion"}

// wireOrder is an order as a file writes it: the side by the scenario's id.
type wireOrder struct {
	Kind    rules.OrderKind `json:"kind"`
	Side    string          `json:"side"`
	Ship    rules.ShipID    `json:"ship"`
	Path    []hex.Hex       `json:"path,omitempty"`
	Target  rules.ShipID    `json:"target,omitempty"`
	Weapon  int             `json:"weapon,omitempty"`
	Section int             `json:"section,omitempty"`
	At      hex.Hex         `json:"at,omitzero"`
	Accept  bool            `json:"accept,omitempty"`
	// A command order's wing and directive.
	Wing      int             `json:"wing,omitempty"`
	Directive rules.Directive `json:"directive,omitempty"`
}

// Turn is one turn's orders, in the order they were applied, and the state's
// checksum at the end of the turn (after its last EndPhase), or at the moment the
// battle ended within it. A save game's last turn may be unfinished: no checksum.
type Turn struct {
	Turn     int           `json:"turn"`
	Orders   []rules.Order `json:"orders"`
	Checksum string        `json:"checksum,omitempty"`
}

// File is a replay as stored on disk, as JSON.
type File struct {
	Version      int           `json:"version"`
	Scenario     string        `json:"scenario"`      // scenario id
	ScenarioHash string        `json:"scenario_hash"` // scenario.Scenario.Hash
	Seed         uint64        `json:"seed"`
	Sides        rules.SideIDs `json:"sides"` // the scenario's side ids, by rules.Side
	// Variant is what a campaign changed in the battle before it began; nil
	// for a battle played alone.
	Variant *scenario.Variant `json:"variant,omitempty"`
	Players Players           `json:"players"`
	Turns   []Turn            `json:"turns"`
	Result  *rules.Summary    `json:"result,omitempty"`
}

// Orders is the number of orders in the replay.
func (f *File) Orders() int {
	n := 0
	for i := range f.Turns {
		n += len(f.Turns[i].Orders)
	}
	return n
}

// clone returns a deep copy.
func (f *File) clone() *File {
	c := *f
	c.Turns = make([]Turn, len(f.Turns))
	for i, t := range f.Turns {
		t.Orders = cloneOrders(t.Orders)
		c.Turns[i] = t
	}
	if f.Result != nil {
		r := *f.Result
		c.Result = &r
	}
	return &c
}

func cloneOrders(os []rules.Order) []rules.Order {
	out := make([]rules.Order, len(os))
	for i, o := range os {
		if o.Path != nil {
			o.Path = append(o.Path[:0:0], o.Path...)
		}
		out[i] = o
	}
	return out
}

// Error is a problem with a replay file: one line naming the file and, where
// known, the turn and the order (1-based within the turn).
type Error struct {
	File  string
	Turn  int // 0 when unknown
	Order int // 0 when unknown
	Msg   string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	b.WriteString(": ")
	if e.Turn > 0 {
		fmt.Fprintf(&b, "turn %d, ", e.Turn)
		if e.Order > 0 {
			fmt.Fprintf(&b, "order %d: ", e.Order)
		}
	}
	b.WriteString(oneLine(e.Msg))
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// wire is the file's top level as read: orders stay raw until each is checked
// for size, so that one hostile order cannot claim much memory.
type wire struct {
	Version      int               `json:"version"`
	Scenario     string            `json:"scenario"`
	ScenarioHash string            `json:"scenario_hash"`
	Seed         uint64            `json:"seed"`
	Sides        *[2]string        `json:"sides"`
	Variant      *scenario.Variant `json:"variant"`
	Players      map[string]string `json:"players"`
	Turns        []wireTurn        `json:"turns"`
	Result       *rules.Summary    `json:"result,omitempty"`
}

type wireTurn struct {
	Turn     int               `json:"turn"`
	Orders   []json.RawMessage `json:"orders"`
	Checksum string            `json:"checksum,omitempty"`
}

// Load reads a replay from its bytes; name is the file's name for messages.
func Load(name string, data []byte) (*File, error) {
	name = shortName(name)
	fail := func(format string, args ...any) error {
		return &Error{File: name, Msg: fmt.Sprintf(format, args...)}
	}
	if len(data) > MaxFileSize {
		return nil, fail("file is %d bytes, the limit is %d", len(data), MaxFileSize)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fail("empty file")
	}
	if t := bytes.TrimSpace(data); t[0] != '{' {
		if utf8.Valid(t) && (t[0] == '[' || t[0] == '"' || t[0] == '-' || t[0] >= '0' && t[0] <= '9' || bytes.HasPrefix(t, []byte("true")) || bytes.HasPrefix(t, []byte("false")) || bytes.HasPrefix(t, []byte("null"))) {
			return nil, fail("no version: not a replay file (a replay is a JSON object)")
		}
		return nil, fail("not valid JSON at line 1, column 1: a replay is a JSON object, this file starts with %q", firstRune(t))
	}
	if err := scan(data); err != nil {
		return nil, fail("%v", err)
	}
	// The version first, so that another version's layout is named as such.
	var head struct {
		Version *int `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, fail("%s", jsonError(data, err))
	}
	if head.Version == nil {
		return nil, fail("no version: not a replay file")
	}
	if *head.Version != Version {
		return nil, fail("replay format version %d, this program reads version %d", *head.Version, Version)
	}
	var w wire
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return nil, fail("%s", jsonError(data, err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fail("data after the replay's closing brace")
	}
	f := &File{Version: w.Version, Scenario: w.Scenario, ScenarioHash: w.ScenarioHash, Seed: w.Seed, Sides: defaultSides, Variant: w.Variant, Result: w.Result}
	if w.Sides != nil {
		f.Sides = *w.Sides
	}
	if err := f.readPlayers(w.Players); err != nil {
		return nil, fail("%v", err)
	}
	if err := f.checkHead(); err != nil {
		return nil, fail("%v", err)
	}
	if len(w.Turns) > MaxTurns {
		return nil, fail("%d turns, the limit is %d", len(w.Turns), MaxTurns)
	}
	total := 0
	for _, t := range w.Turns {
		total += len(t.Orders)
	}
	if total > MaxOrders {
		return nil, fail("%d orders, the limit is %d", total, MaxOrders)
	}
	f.Turns = make([]Turn, len(w.Turns))
	for i, wt := range w.Turns {
		if wt.Turn < 1 || wt.Turn > MaxTurns {
			return nil, fail("turn record %d: turn %d out of 1..%d", i+1, wt.Turn, MaxTurns)
		}
		if i > 0 && wt.Turn <= w.Turns[i-1].Turn {
			return nil, &Error{File: name, Turn: wt.Turn, Msg: fmt.Sprintf("turn %d follows turn %d: turns must increase", wt.Turn, w.Turns[i-1].Turn)}
		}
		if len(wt.Orders) == 0 {
			return nil, &Error{File: name, Turn: wt.Turn, Msg: "a turn record with no orders"}
		}
		switch {
		case wt.Checksum == "" && i < len(w.Turns)-1:
			return nil, &Error{File: name, Turn: wt.Turn, Msg: "no checksum (only the last turn of a save may be unfinished)"}
		case wt.Checksum != "" && !isHex(wt.Checksum, checksumLen):
			return nil, &Error{File: name, Turn: wt.Turn, Msg: fmt.Sprintf("checksum %.40q is not %d hex digits", wt.Checksum, checksumLen)}
		}
		t := Turn{Turn: wt.Turn, Checksum: wt.Checksum, Orders: make([]rules.Order, len(wt.Orders))}
		for j, raw := range wt.Orders {
			o, err := decodeOrder(raw, f.Sides)
			if err != nil {
				return nil, &Error{File: name, Turn: wt.Turn, Order: j + 1, Msg: err.Error()}
			}
			t.Orders[j] = o
		}
		f.Turns[i] = t
	}
	if f.Result != nil && (len(f.Turns) == 0 || f.Turns[len(f.Turns)-1].Checksum == "") {
		return nil, fail("a result, but the last turn has no checksum")
	}
	return f, nil
}

// checkHead checks everything but the turns.
func (f *File) checkHead() error {
	switch {
	case f.Scenario == "":
		return errors.New("no scenario id")
	case len(f.Scenario) > MaxIDLen || !printable(f.Scenario):
		return fmt.Errorf("scenario id %.40q is not a scenario id (printable, at most %d bytes)", f.Scenario, MaxIDLen)
	case !isHex(f.ScenarioHash, hashLen):
		return fmt.Errorf("scenario_hash %.40q is not %d hex digits", f.ScenarioHash, hashLen)
	}
	for i, id := range f.Sides {
		if id == "" || len(id) > MaxIDLen || !printable(id) || (i == 1 && id == f.Sides[0]) {
			return fmt.Errorf("sides %.40q must be two different side ids of 1..%d printable bytes", f.Sides, MaxIDLen)
		}
	}
	for i, name := range f.Players {
		if name == "" || len(name) > MaxNameLen || !printable(name) {
			return fmt.Errorf("players.%s %.40q must be a name of 1..%d printable bytes", f.Sides[i], name, MaxNameLen)
		}
	}
	return nil
}

// readPlayers takes the players object of a file: one name for each side.
func (f *File) readPlayers(m map[string]string) error {
	for k := range m {
		if _, err := f.Sides.Parse(k); err != nil {
			return fmt.Errorf("players: %.40q is not one of the replay's sides %s and %s", k, f.Sides[0], f.Sides[1])
		}
	}
	for i, id := range f.Sides {
		f.Players[i] = m[id]
	}
	return nil
}

// decodeOrder reads one order strictly and checks its numbers.
func decodeOrder(raw json.RawMessage, sides rules.SideIDs) (rules.Order, error) {
	var o rules.Order
	if len(raw) > MaxOrderBytes {
		return o, fmt.Errorf("order is %d bytes, the limit is %d", len(raw), MaxOrderBytes)
	}
	var w wireOrder
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return o, errors.New(jsonError(raw, err))
	}
	if !bytes.Contains(raw, []byte(`"kind"`)) || !bytes.Contains(raw, []byte(`"side"`)) {
		return o, errors.New(`an order needs "kind" and "side"`)
	}
	side, err := sides.Parse(w.Side)
	if err != nil {
		return o, fmt.Errorf("side %.40q is not one of the replay's sides %s and %s", w.Side, sides[0], sides[1])
	}
	o = rules.Order{Kind: w.Kind, Side: side, Ship: w.Ship, Path: w.Path, Target: w.Target, Weapon: w.Weapon, Section: w.Section, At: w.At, Accept: w.Accept, Wing: w.Wing, Directive: w.Directive}
	switch {
	case !o.Kind.Valid():
		return o, fmt.Errorf("unknown order kind %d", o.Kind)
	case o.Ship < 0 || o.Ship >= maxShip:
		return o, fmt.Errorf("ship %d out of 0..%d", o.Ship, maxShip-1)
	case o.Target < rules.NoShip || o.Target >= maxShip:
		return o, fmt.Errorf("target %d out of -1..%d", o.Target, maxShip-1)
	case o.Weapon < 0 || o.Weapon > maxWeapon:
		return o, fmt.Errorf("weapon %d out of 0..%d", o.Weapon, maxWeapon)
	case o.Section < 0 || o.Section > maxSection:
		return o, fmt.Errorf("section %d out of 0..%d", o.Section, maxSection)
	case o.Wing < 0 || o.Wing >= maxWing:
		return o, fmt.Errorf("wing %d out of 0..%d", o.Wing, maxWing-1)
	case len(o.Path) > MaxPath:
		return o, fmt.Errorf("path of %d steps, the limit is %d", len(o.Path), MaxPath)
	case o.Kind == rules.Move && len(o.Path) == 0:
		return o, errors.New("a move order with no path")
	}
	for _, h := range append(o.Path, o.At) {
		if h.Q < -maxCoord || h.Q > maxCoord || h.R < -maxCoord || h.R > maxCoord {
			return o, fmt.Errorf("hex [%d,%d] out of range ±%d", h.Q, h.R, maxCoord)
		}
	}
	return o, nil
}

// scan checks the raw JSON's nesting depth and its number of objects before it
// is decoded, so that hostile input is turned away cheaply.
func scan(data []byte) error {
	depth, objects, inStr, esc := 0, 0, false, false
	for i, c := range data {
		if inStr {
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				inStr = false
			}
			continue
		}
		switch c {
		case '"':
			inStr = true
		case '{', '[':
			depth++
			if depth > MaxNesting {
				line, col := position(data, int64(i))
				return fmt.Errorf("line %d, column %d: nesting deeper than %d levels", line, col, MaxNesting)
			}
			if c == '{' {
				objects++
				if objects > MaxOrders+MaxTurns+16 {
					return fmt.Errorf("more than %d objects: the limit is %d orders and %d turns", MaxOrders+MaxTurns+16, MaxOrders, MaxTurns)
				}
			}
		case '}', ']':
			depth--
		}
	}
	return nil
}

// jsonError describes a decoding error in one line, with the line and column
// where the reader stopped.
func jsonError(data []byte, err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) || strings.Contains(err.Error(), "unexpected end of JSON input"):
		return "truncated: the JSON ends before the replay does"
	case errors.As(err, &se):
		line, col := position(data, se.Offset)
		return fmt.Sprintf("not valid JSON at line %d, column %d: %s", line, col, strings.TrimPrefix(se.Error(), "json: "))
	case errors.As(err, &te):
		line, col := position(data, te.Offset)
		field := te.Field
		if field == "" {
			field = "value"
		}
		return fmt.Sprintf("line %d, column %d: %s: %s is not a valid %s", line, col, field, te.Value, te.Type)
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if len(msg) > 200 {
		msg = msg[:200] + "…"
	}
	return msg
}

// position turns a byte offset into a line and column.
func position(data []byte, off int64) (line, col int) {
	off = min(max(off, 0), int64(len(data)))
	line = 1 + bytes.Count(data[:off], []byte{'\n'})
	col = int(off) - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}

func firstRune(b []byte) string {
	r, _ := utf8.DecodeRune(b)
	if r == utf8.RuneError || r < ' ' {
		return fmt.Sprintf("\\x%02x", b[0])
	}
	return string(r)
}

func isHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

func printable(s string) bool {
	for _, r := range s {
		if r < ' ' || r == 0x7f || r == 0xfffd {
			return false
		}
	}
	return true
}

// shortName keeps messages one readable line when a path is enormous.
func shortName(name string) string {
	name = strings.ToValidUTF8(name, "?")
	name = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return '?'
		}
		return r
	}, name)
	if len(name) > 200 {
		return name[:100] + "…" + name[len(name)-60:]
	}
	return name
}

// ReadFile reads a replay file, refusing more than MaxFileSize bytes, and loads it.
func ReadFile(path string) (*File, error) {
	name := shortName(path)
	if len(path) > MaxPathLen {
		return nil, &Error{File: name, Msg: fmt.Sprintf("path is %d bytes, the limit is %d", len(path), MaxPathLen)}
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, &Error{File: name, Msg: pathError(err)}
	}
	defer fh.Close()
	if st, err := fh.Stat(); err == nil {
		if st.IsDir() {
			return nil, &Error{File: name, Msg: "is a directory"}
		}
		if st.Mode().IsRegular() && st.Size() > MaxFileSize {
			return nil, &Error{File: name, Msg: fmt.Sprintf("file is %d bytes, the limit is %d", st.Size(), MaxFileSize)}
		}
	}
	data, err := io.ReadAll(io.LimitReader(fh, MaxFileSize+1))
	if err != nil {
		return nil, &Error{File: name, Msg: pathError(err)}
	}
	if len(data) > MaxFileSize {
		return nil, &Error{File: name, Msg: fmt.Sprintf("file is larger than the limit of %d bytes", MaxFileSize)}
	}
	return Load(path, data)
}

func pathError(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Marshal writes a replay as compact, readable JSON: one turn header and one
// order per line.
func Marshal(f *File) ([]byte, error) {
	var b bytes.Buffer
	put := func(v any) error {
		j, err := json.Marshal(v)
		if err != nil {
			return err
		}
		b.Write(j)
		return nil
	}
	fmt.Fprintf(&b, "{\n  \"version\": %d,\n  \"scenario\": ", f.Version)
	if err := put(f.Scenario); err != nil {
		return nil, err
	}
	b.WriteString(",\n  \"scenario_hash\": ")
	put(f.ScenarioHash)
	fmt.Fprintf(&b, ",\n  \"seed\": %d,\n  \"sides\": ", f.Seed)
	if err := put(f.Sides); err != nil {
		return nil, err
	}
	if f.Variant != nil {
		b.WriteString(",\n  \"variant\": ")
		if err := put(f.Variant); err != nil {
			return nil, err
		}
	}
	b.WriteString(",\n  \"players\": {")
	for i, id := range f.Sides {
		if i > 0 {
			b.WriteString(", ")
		}
		put(id)
		b.WriteString(": ")
		put(f.Players[i])
	}
	b.WriteByte('}')
	b.WriteString(",\n  \"turns\": [")
	for i, t := range f.Turns {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "\n    {\"turn\": %d", t.Turn)
		if t.Checksum != "" {
			fmt.Fprintf(&b, ", \"checksum\": %q", t.Checksum)
		}
		b.WriteString(", \"orders\": [")
		for j, o := range t.Orders {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString("\n      ")
			w := wireOrder{Kind: o.Kind, Side: f.Sides.Of(o.Side), Ship: o.Ship, Path: o.Path, Target: o.Target, Weapon: o.Weapon, Section: o.Section, At: o.At, Accept: o.Accept, Wing: o.Wing, Directive: o.Directive}
			if err := put(w); err != nil {
				return nil, fmt.Errorf("turn %d, order %d: %w", t.Turn, j+1, err)
			}
		}
		b.WriteString("\n    ]}")
	}
	b.WriteString("\n  ]")
	if f.Result != nil {
		b.WriteString(",\n  \"result\": ")
		j, err := json.MarshalIndent(f.Result, "  ", "  ")
		if err != nil {
			return nil, err
		}
		b.Write(j)
	}
	b.WriteString("\n}\n")
	return b.Bytes(), nil
}

// Save writes a replay to path through a temporary file in the same folder and a
// rename, so that a crash never leaves half a file.
func Save(path string, f *File) error {
	data, err := Marshal(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// ScenarioOf returns the scenario a replay was played on: base (the scenario
// its id names) with the replay's campaign variant applied, if any.
func ScenarioOf(f *File, base *scenario.Scenario) (*scenario.Scenario, error) {
	if f.Variant == nil {
		return base, nil
	}
	return base.Apply(*f.Variant)
}
