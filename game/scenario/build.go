package scenario

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	ghex "github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/rules"
)

// Scenario is a battle read from a file, ready to start.
type Scenario struct {
	ID         string
	Name       string
	Date       string
	Order      int // where it lists among the others (lower first; ties by file name)
	Briefing   string
	File       string
	Sides      [2]SideInfo // by rules.Side
	Terms      *Terms
	Minefield  string   // what the first minefield is, for briefings
	Minefields []string // what each minefield is (those with a note)
	// Historical is the outcome the sources record for this battle, or "".
	Historical string
	Setup      rules.Setup
	Classes    map[string]ClassInfo
	// Hash is the SHA-256 of the scenario file and its catalogue: a replay names
	// it so that a changed scenario is noticed.
	Hash string
	// Variant is the campaign's changes applied to the scenario's battle
	// (Apply), or nil.
	Variant *Variant
	// Guide is the scenario's guided first turns, for each side's player.
	Guide []GuideStep

	idLine int // the line of the file's id, for DuplicateError
}

// SideInfo names a side and its commander in this battle.
type SideInfo struct {
	ID        string // the scenario's id for the side ("alliance", "klingon")
	Short     string // a short title for labels ("Alliance"); the id, capitalised, when the file gives none
	Name      string
	Commander string
	Goal      string
	// Briefing is the side's own briefing, in its point of view, or "" when
	// the scenario's briefing serves both sides (see BriefingFor).
	Briefing string
}

// Terms are the surrender terms offered before the battle.
type Terms struct {
	Side rules.Side // the side that answers
	From string
	Text string
}

// BriefingFor is the briefing of the side a player commands: the side's own
// when the file gives it one, else the scenario's.
func (sc *Scenario) BriefingFor(s rules.Side) string {
	if s.Valid() && sc.Sides[s].Briefing != "" {
		return sc.Sides[s].Briefing
	}
	return sc.Briefing
}

// checkBriefing checks a briefing's length (MaxBriefing characters).
func checkBriefing(d *doc, at []any, text string) error {
	if n := utf8.RuneCountInString(strings.TrimSpace(text)); n > MaxBriefing {
		return d.errf(at, "%s: %d characters, at most %d", at[len(at)-1], n, MaxBriefing)
	}
	return nil
}

// NewState starts a battle of this scenario with a seed.
func (sc *Scenario) NewState(seed uint64) (*rules.State, error) {
	st, err := rules.New(sc.Setup, seed)
	if err != nil {
		return nil, fmt.Errorf("scenario %s: %w", sc.ID, err)
	}
	return st, nil
}

// Catalogue reads a catalogue named by a scenario: its bytes, the name to show in
// messages, or an error.
type Catalogue func(ref string) (data []byte, name string, err error)

// mapLegend is the map text's vocabulary.
var mapLegend = map[byte]rules.Terrain{
	'.': rules.Open, '~': rules.Belt, '%': rules.Debris, 'W': rules.Wormhole,
	'S': rules.StationHex, '<': rules.Entry, '>': rules.Exit,
}

// Parse reads a scenario from its bytes; name is used in messages.
func Parse(name string, data []byte, cat Catalogue) (*Scenario, error) {
	var f scenarioFile
	d, err := decode(name, data, &f, scenarioBounds)
	if err != nil {
		return nil, err
	}
	need := func(key, v string) error {
		if strings.TrimSpace(v) == "" {
			return d.errf([]any{key}, "missing %s", key)
		}
		return nil
	}
	for _, kv := range [][2]string{{"id", f.ID}, {"name", f.Name}, {"catalogue", f.Catalogue}, {"first", f.First}} {
		if err := need(kv[0], kv[1]); err != nil {
			return nil, err
		}
	}
	if err := checkID(d, []any{"id"}, f.ID); err != nil {
		return nil, err
	}
	if err := checkBriefing(d, []any{"briefing"}, f.Briefing); err != nil {
		return nil, err
	}
	catData, catName, err := cat(f.Catalogue)
	if err != nil {
		if _, ok := err.(*Error); ok {
			return nil, err
		}
		return nil, d.errf([]any{"catalogue"}, "%v", err)
	}
	classes, info, err := ParseCatalogue(catName, catData)
	if err != nil {
		return nil, err
	}
	sum := sha256.New()
	sum.Write(data)
	sum.Write([]byte{0})
	sum.Write(catData)
	sc := &Scenario{
		ID: f.ID, Name: f.Name, Date: f.Date, Order: orderOr(f.Order), Briefing: strings.TrimSpace(f.Briefing), File: name,
		Classes: info,
		Hash:    hex.EncodeToString(sum.Sum(nil)),
		idLine:  d.line("id"),
	}
	su := &sc.Setup
	su.Scenario, su.Name, su.Classes = f.ID, f.Name, classes
	// The sides first: every other side the file names is one of theirs.
	if len(f.Sides) != 2 {
		return nil, d.errf([]any{"sides"}, "sides: a battle has two sides, this lists %d", len(f.Sides))
	}
	for i, sf := range f.Sides {
		if err := checkID(d, []any{"sides", i, "id"}, sf.ID); err != nil {
			return nil, err
		}
		if i == 1 && sf.ID == f.Sides[0].ID {
			return nil, d.errf([]any{"sides", i, "id"}, "side %s listed twice", sf.ID)
		}
		d.sides[i] = sf.ID
		short := strings.TrimSpace(sf.Short)
		if short == "" {
			short = strings.ToUpper(sf.ID[:1]) + sf.ID[1:]
		}
		if err := checkBriefing(d, []any{"sides", i, "briefing"}, sf.Briefing); err != nil {
			return nil, err
		}
		sc.Sides[i] = SideInfo{ID: sf.ID, Short: short, Name: sf.Name, Commander: sf.Commander, Goal: strings.TrimSpace(sf.Goal), Briefing: strings.TrimSpace(sf.Briefing)}
	}
	su.SideIDs = d.sides
	if su.First, err = d.side([]any{"first"}, f.First); err != nil {
		return nil, err
	}
	if f.TurnLimit < 1 || f.TurnLimit > rules.MaxTurns {
		return nil, d.errf([]any{"turn_limit"}, "turn_limit %d out of 1..%d", f.TurnLimit, rules.MaxTurns)
	}
	su.TurnLimit = f.TurnLimit
	if f.EvacuationTurns < 0 || f.EvacuationTurns > rules.MaxEvacTurns {
		return nil, d.errf([]any{"evacuation_turns"}, "evacuation_turns %d out of 0..%d", f.EvacuationTurns, rules.MaxEvacTurns)
	}
	su.EvacTurns = f.EvacuationTurns
	if f.Terms != nil {
		side, err := d.side([]any{"terms", "side"}, f.Terms.Side)
		if err != nil {
			return nil, err
		}
		sc.Terms = &Terms{Side: side, From: f.Terms.From, Text: strings.TrimSpace(f.Terms.Text)}
		su.Terms, su.TermsSide = true, side
	}
	fields, letters, err := readFields(d, &f)
	if err != nil {
		return nil, err
	}
	rows, err := parseMap(d, f.Map.Rows, &su.Map, letters)
	if err != nil {
		return nil, err
	}
	for i := range fields {
		fields[i].setup.Positions, fields[i].setup.Laid = rows.mines[i], rows.laid[i]
		if len(rows.mines[i]) == 0 {
			return nil, d.errf(fields[i].at, "minefield %s: the map draws none of its positions (%s or %s)", fields[i].setup.ID, fields[i].letter, strings.ToLower(fields[i].letter))
		}
		su.Minefields = append(su.Minefields, fields[i].setup)
		if fields[i].note != "" {
			sc.Minefields = append(sc.Minefields, fields[i].note)
		}
	}
	if len(sc.Minefields) > 0 {
		sc.Minefield = sc.Minefields[0]
	}
	if su.Areas, err = readAreas(d, &f, &su.Map); err != nil {
		return nil, err
	}
	if err := buildForces(d, &f, su); err != nil {
		return nil, err
	}
	d.names = namesOf(su)
	if err := checkStations(d, su, rows); err != nil {
		return nil, err
	}
	if err := checkMinelayer(d, su, fields); err != nil {
		return nil, err
	}
	for i, group := range f.EndWhen {
		cs, err := conditions(d, []any{"end_when", i}, group)
		if err != nil {
			return nil, err
		}
		su.EndWhen = append(su.EndWhen, cs)
	}
	if len(f.Outcomes) == 0 {
		return nil, d.errf(nil, "no outcomes")
	}
	seen := map[string]bool{}
	for i, of := range f.Outcomes {
		at := []any{"outcomes", i}
		if of.ID == "" || seen[of.ID] {
			return nil, d.errf(at, "outcome ids must be present and unique (%q)", of.ID)
		}
		if err := checkID(d, sub(at, "id"), of.ID); err != nil {
			return nil, err
		}
		seen[of.ID] = true
		w, err := d.side(sub(at, "winner"), of.Winner)
		if err != nil {
			return nil, err
		}
		cs, err := conditions(d, sub(at, "when"), of.When)
		if err != nil {
			return nil, err
		}
		o := rules.Outcome{ID: of.ID, Winner: w, Title: of.Title, Text: strings.TrimSpace(of.Text), When: cs}
		for id, v := range of.Score {
			side, err := d.side(sub(at, "score"), id)
			if err != nil {
				return nil, err
			}
			o.Score[side] = v
		}
		su.Outcomes = append(su.Outcomes, o)
	}
	if f.Historical != "" && !seen[f.Historical] {
		return nil, d.errf([]any{"historical"}, "historical outcome %q is none of the outcomes", f.Historical)
	}
	sc.Historical = f.Historical
	if su.Objectives, err = readObjectives(d, &f); err != nil {
		return nil, err
	}
	if sc.Guide, err = readGuide(d, &f); err != nil {
		return nil, err
	}
	if _, err := rules.New(*su, 1); err != nil {
		return nil, d.errf(setupPath(err, &f, su), "%v", err)
	}
	return sc, nil
}

// setupPath finds the part of the file that a rules.SetupError names.
func setupPath(err error, f *scenarioFile, su *rules.Setup) []any {
	var se *rules.SetupError
	if !errors.As(err, &se) {
		return nil
	}
	switch se.Part {
	case "end_when":
		return []any{"end_when", se.Index}
	case "wing":
		return []any{"wings", se.Index}
	case "ship":
		if se.Index < len(f.Units) {
			return []any{"units", se.Index}
		}
		if se.Index < len(su.Ships) && su.Ships[se.Index].Wing >= 0 {
			return []any{"wings", su.Ships[se.Index].Wing}
		}
	}
	return nil
}

func conditions(d *doc, at []any, texts []string) ([]rules.Condition, error) {
	var out []rules.Condition
	for j, t := range texts {
		c, err := rules.ParseCondition(t, d.names)
		if err == nil {
			err = c.Validate()
		}
		if err != nil {
			return nil, d.errf(sub(at, j), "%v", err)
		}
		out = append(out, c)
	}
	return out, nil
}

// mapRows is what parseMap finds besides the terrain.
type mapRows struct {
	mines, laid [][]ghex.Hex // by minefield: its positions; those laid at the start
	line        []int        // the file's line of each row
}

// parseMap reads the map text: one character per hex, one line per row.
// letters are the minefields' letters, in their order: the upper case draws a
// position of the field, the lower case one laid at the start.
func parseMap(d *doc, text string, m *rules.Map, letters []byte) (*mapRows, error) {
	base := d.line("map", "rows")
	var rows []string
	first := -1
	for i, l := range strings.Split(text, "\n") {
		l = strings.TrimRight(l, " \t\r")
		if l == "" && len(rows) == 0 {
			continue
		}
		if first < 0 {
			first = i
		}
		rows = append(rows, l)
	}
	for len(rows) > 0 && rows[len(rows)-1] == "" {
		rows = rows[:len(rows)-1]
	}
	if len(rows) == 0 {
		return nil, d.errf([]any{"map"}, "the map has no rows")
	}
	if len(rows) > rules.MaxMapSide {
		return nil, d.errf([]any{"map"}, "the map has %d rows, at most %d", len(rows), rules.MaxMapSide)
	}
	m.Cols, m.Rows = len(rows[0]), len(rows)
	if m.Cols > rules.MaxMapSide {
		return nil, d.errf([]any{"map"}, "the map has %d columns, at most %d", m.Cols, rules.MaxMapSide)
	}
	out := &mapRows{mines: make([][]ghex.Hex, len(letters)), laid: make([][]ghex.Hex, len(letters))}
	field := map[byte]int{}
	for i, l := range letters {
		field[l] = i + 1
		field[l+'a'-'A'] = -(i + 1)
	}
	m.Terrain = make([]rules.Terrain, 0, m.Cols*m.Rows)
	for r, l := range rows {
		line := base + 1 + first + r
		out.line = append(out.line, line)
		if len(l) != m.Cols {
			return nil, &Error{File: d.name, Line: line, Msg: fmt.Sprintf("map row %d has %d columns, the first has %d", r, len(l), m.Cols)}
		}
		for c := 0; c < len(l); c++ {
			h := ghex.FromOffset(ghex.Offset{Col: c, Row: r})
			if fi := field[l[c]]; fi != 0 {
				m.Terrain = append(m.Terrain, rules.Open)
				k := max(fi, -fi) - 1
				out.mines[k] = append(out.mines[k], h)
				if fi < 0 {
					out.laid[k] = append(out.laid[k], h)
				}
				continue
			}
			t, ok := mapLegend[l[c]]
			if !ok {
				return nil, &Error{File: d.name, Line: line, Msg: fmt.Sprintf("map row %d column %d: unknown terrain %q (legend: . open, ~ belt, %% debris, W wormhole, S station, < entry, > exit, and each minefield's letter: M mine position, m laid mine)", r, c, l[c])}
			}
			m.Terrain = append(m.Terrain, t)
		}
	}
	return out, nil
}

// offset reads [col, row] within the map.
func offset(d *doc, at []any, v []int, m *rules.Map) (ghex.Hex, error) {
	if len(v) != 2 {
		return ghex.Hex{}, d.errf(at, "want [column, row]")
	}
	if v[0] < 0 || v[1] < 0 || v[0] >= m.Cols || v[1] >= m.Rows {
		return ghex.Hex{}, d.errf(at, "[%d, %d] is off the %dx%d map", v[0], v[1], m.Cols, m.Rows)
	}
	return ghex.FromOffset(ghex.Offset{Col: v[0], Row: v[1]}), nil
}

// side reads a side id of the scenario at a path of the file.
func (d *doc) side(at []any, id string) (rules.Side, error) {
	s, err := d.sides.Parse(id)
	if err != nil {
		return 0, d.errf(at, "%v", err)
	}
	return s, nil
}
