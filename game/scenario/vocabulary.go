package scenario

import (
	"strings"

	ghex "github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/rules"
)

// field is a minefield read from the file, before the map gives its positions.
type field struct {
	setup  rules.FieldSetup
	letter string // its map letter, upper case
	note   string
	at     []any // where the file writes it
}

// readFields reads the minefields: one under minefield (drawn M and m), or a
// list under minefields, each with its own map letter. It returns them with
// their letters, in order.
func readFields(d *doc, f *scenarioFile) ([]field, []byte, error) {
	if f.Minefield != nil && len(f.Minefields) > 0 {
		return nil, nil, d.errf([]any{"minefields"}, "minefield and minefields: write one field under minefield, or all of them under minefields")
	}
	var files []minefieldFile
	var paths [][]any
	if f.Minefield != nil {
		files = []minefieldFile{*f.Minefield}
		paths = [][]any{{"minefield"}}
	}
	for i := range f.Minefields {
		files = append(files, f.Minefields[i])
		paths = append(paths, []any{"minefields", i})
	}
	var out []field
	var letters []byte
	ids := map[string]bool{}
	for i, mf := range files {
		at := paths[i]
		id := mf.ID
		if id == "" && f.Minefield != nil {
			id = "minefield"
		}
		if err := checkID(d, sub(at, "id"), id); err != nil {
			return nil, nil, err
		}
		if ids[id] {
			return nil, nil, d.errf(sub(at, "id"), "minefield %s defined twice", id)
		}
		ids[id] = true
		owner, err := d.side(sub(at, "owner"), mf.Owner)
		if err != nil {
			return nil, nil, err
		}
		if mf.Damage < 1 || mf.Damage > rules.MaxMineDamage {
			return nil, nil, d.errf(sub(at, "damage"), "minefield %s: damage %d out of 1..%d", id, mf.Damage, rules.MaxMineDamage)
		}
		letter := mf.Letter
		if letter == "" && i == 0 {
			letter = "M"
		}
		if len(letter) != 1 || letter[0] < 'A' || letter[0] > 'Z' || strings.ContainsAny(letter, "SW") {
			return nil, nil, d.errf(sub(at, "letter"), "minefield %s: letter %q: one capital letter, not S or W (the map's own)", id, letter)
		}
		for _, l := range letters {
			if l == letter[0] {
				return nil, nil, d.errf(sub(at, "letter"), "minefield %s: letter %s is another field's", id, letter)
			}
		}
		letters = append(letters, letter[0])
		seals := mf.SealsWormhole == nil || *mf.SealsWormhole
		name := mf.Name
		if name == "" {
			name = "the minefield"
		}
		out = append(out, field{
			setup:  rules.FieldSetup{ID: id, Name: name, Owner: owner, Damage: mf.Damage, FailsBelow: mf.FailsBelow, Seals: seals},
			letter: letter, note: strings.TrimSpace(mf.Note), at: at,
		})
	}
	return out, letters, nil
}

// readAreas reads the named areas: hexes listed, a rectangle, or both.
func readAreas(d *doc, f *scenarioFile, m *rules.Map) ([]rules.Area, error) {
	var out []rules.Area
	ids := map[string]bool{}
	for i, af := range f.Areas {
		at := []any{"areas", i}
		if err := checkID(d, sub(at, "id"), af.ID); err != nil {
			return nil, err
		}
		if ids[af.ID] {
			return nil, d.errf(sub(at, "id"), "area %s defined twice", af.ID)
		}
		ids[af.ID] = true
		a := rules.Area{ID: af.ID, Name: af.Name}
		if a.Name == "" {
			a.Name = af.ID
		}
		seen := map[ghex.Hex]bool{}
		add := func(h ghex.Hex) {
			if !seen[h] {
				seen[h] = true
				a.Hexes = append(a.Hexes, h)
			}
		}
		for j, v := range af.Hexes {
			h, err := offset(d, sub(at, "hexes", j), v, m)
			if err != nil {
				return nil, err
			}
			add(h)
		}
		if len(af.Rect) > 0 {
			if len(af.Rect) != 4 {
				return nil, d.errf(sub(at, "rect"), "area %s: rect is [col0, row0, col1, row1]", af.ID)
			}
			p, err := offset(d, sub(at, "rect"), af.Rect[:2], m)
			if err != nil {
				return nil, err
			}
			q, err := offset(d, sub(at, "rect"), af.Rect[2:], m)
			if err != nil {
				return nil, err
			}
			op, oq := ghex.ToOffset(p), ghex.ToOffset(q)
			for r := min(op.Row, oq.Row); r <= max(op.Row, oq.Row); r++ {
				for c := min(op.Col, oq.Col); c <= max(op.Col, oq.Col); c++ {
					add(ghex.FromOffset(ghex.Offset{Col: c, Row: r}))
				}
			}
		}
		if len(a.Hexes) == 0 {
			return nil, d.errf(at, "area %s has no hexes (give hexes or rect)", af.ID)
		}
		out = append(out, a)
	}
	return out, nil
}

// readObjectives reads the sides' objectives.
func readObjectives(d *doc, f *scenarioFile) ([]rules.Objective, error) {
	var out []rules.Objective
	ids := map[string]bool{}
	for i, of := range f.Objectives {
		at := []any{"objectives", i}
		if err := checkID(d, sub(at, "id"), of.ID); err != nil {
			return nil, err
		}
		if ids[of.ID] {
			return nil, d.errf(sub(at, "id"), "objective %s defined twice", of.ID)
		}
		ids[of.ID] = true
		side, err := d.side(sub(at, "side"), of.Side)
		if err != nil {
			return nil, err
		}
		if len(of.When) == 0 {
			return nil, d.errf(at, "objective %s has no conditions (when)", of.ID)
		}
		cs, err := conditions(d, sub(at, "when"), of.When)
		if err != nil {
			return nil, err
		}
		text := strings.TrimSpace(of.Text)
		if text == "" {
			return nil, d.errf(at, "objective %s has no text", of.ID)
		}
		out = append(out, rules.Objective{ID: of.ID, Side: side, Text: text, When: cs, Points: of.Points})
	}
	return out, nil
}

// namesOf is how a scenario's conditions name its sides, units (by unit key),
// areas and minefields.
func namesOf(su *rules.Setup) rules.Names {
	units := map[string]rules.ShipID{}
	for i, sh := range su.Ships {
		if sh.Key != "" {
			units[sh.Key] = rules.ShipID(i)
		}
	}
	areas, fields := map[string]int{}, map[string]int{}
	for i, a := range su.Areas {
		areas[a.ID] = i
	}
	for i, m := range su.Minefields {
		fields[m.ID] = i
	}
	return rules.Names{
		Sides:  su.SideIDs,
		Units:  func(k string) (rules.ShipID, bool) { id, ok := units[k]; return id, ok },
		Areas:  func(k string) (int, bool) { i, ok := areas[k]; return i, ok },
		Fields: func(k string) (int, bool) { i, ok := fields[k]; return i, ok },
	}
}
