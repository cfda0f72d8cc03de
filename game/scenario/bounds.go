package scenario

import (
	"fmt"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/calltoarms/ds9/game/rules"
)

// bound is the range of one number a file may hold, or of the length of one of
// its lists. path names it from the top of the file: keys joined by dots, "[]"
// for the items of a list ("classes[].weapons[].damage"). Every number and list
// of the file formats has one (TestBoundsCoverTheFormats), and docs/scenarios.md
// lists them all (TestBoundsAreDocumented).
type bound struct {
	path     string
	min, max int
	list     bool // the bound is on the list's length
}

// catalogueBounds are the bounds of a ship-class catalogue; most are the rules'.
var catalogueBounds = []bound{
	{path: "classes", min: 1, max: MaxClasses, list: true},
	{path: "classes[].hull", min: 0, max: rules.MaxHull},
	{path: "classes[].shields", min: 0, max: rules.MaxShields},
	{path: "classes[].shield_regen", min: 0, max: rules.MaxShields},
	{path: "classes[].speed", min: 0, max: rules.MaxSpeed},
	{path: "classes[].evasion", min: 0, max: rules.MaxEvasion},
	{path: "classes[].sensors", min: 0, max: rules.MaxSensorRange},
	{path: "classes[].detect", min: 0, max: rules.MaxSensorRange},
	{path: "classes[].troops", min: 0, max: rules.MaxTroops},
	{path: "classes[].skill", min: 0, max: 100},
	{path: "classes[].garrison", min: 0, max: rules.MaxTroops},
	{path: "classes[].actions", min: 0, max: rules.MaxActions}, // 0: the default, 1
	{path: "classes[].radius", min: 0, max: rules.MaxRadius},
	{path: "classes[].reaction_volleys", min: 0, max: rules.MaxReactionVolleys},
	{path: "classes[].repair", min: 0, max: rules.MaxHull},
	{path: "classes[].weapons", min: 0, max: rules.MaxWeapons, list: true},
	{path: "classes[].weapons[].range", min: 1, max: rules.MaxWeaponRange},
	{path: "classes[].weapons[].accuracy", min: 0, max: 100},
	{path: "classes[].weapons[].damage", min: 0, max: rules.MaxDamage},
	{path: "classes[].weapons[].shots", min: 1, max: rules.MaxShots},
	{path: "classes[].weapons[].pierce", min: 0, max: 100},
	{path: "classes[].weapons[].section", min: 0, max: rules.MaxSectionID},
	{path: "classes[].weapons[].sweep", min: 0, max: rules.MaxRadius},
	{path: "classes[].sections", min: 0, max: rules.MaxSections, list: true},
	{path: "classes[].sections[].id", min: 1, max: rules.MaxSectionID},
	{path: "classes[].sections[].hull", min: 1, max: rules.MaxHull},
	{path: "classes[].sections[].alarm", min: 0, max: 100},
}

// scenarioBounds are the bounds of a scenario. Coordinates are also checked
// against the map's own size, a wing's arrival against the turn limit.
var scenarioBounds = []bound{
	{path: "sides", min: 0, max: 2, list: true},
	{path: "order", min: 0, max: MaxOrder},
	{path: "turn_limit", min: 1, max: rules.MaxTurns},
	{path: "evacuation_turns", min: 0, max: rules.MaxEvacTurns},
	{path: "minefield.damage", min: 0, max: rules.MaxMineDamage}, // 0: no minefield
	{path: "minefield.fails_below", min: 0, max: rules.MaxMapSide * rules.MaxMapSide},
	{path: "minefields", min: 0, max: MaxMinefields, list: true},
	{path: "minefields[].damage", min: 0, max: rules.MaxMineDamage},
	{path: "minefields[].fails_below", min: 0, max: rules.MaxMapSide * rules.MaxMapSide},
	{path: "areas", min: 0, max: MaxAreas, list: true},
	{path: "areas[].hexes", min: 0, max: rules.MaxMapSide * rules.MaxMapSide, list: true},
	{path: "areas[].hexes[]", min: 2, max: 2, list: true},
	{path: "areas[].hexes[][]", min: 0, max: rules.MaxMapSide - 1},
	{path: "areas[].rect", min: 0, max: 4, list: true},
	{path: "areas[].rect[]", min: 0, max: rules.MaxMapSide - 1},
	{path: "objectives", min: 0, max: MaxObjectives, list: true},
	{path: "guide", min: 0, max: MaxGuide, list: true},
	{path: "objectives[].when", min: 1, max: rules.MaxConditions, list: true},
	{path: "objectives[].points", min: -rules.MaxScore, max: rules.MaxScore},
	{path: "outcomes[].score.*", min: 0, max: rules.MaxScore},
	{path: "units", min: 0, max: MaxUnits, list: true},
	{path: "units[].at", min: 2, max: 2, list: true},
	{path: "units[].at[]", min: 0, max: rules.MaxMapSide - 1},
	{path: "wings", min: 0, max: MaxWings, list: true},
	{path: "wings[].section", min: 0, max: rules.MaxSectionID},
	{path: "wings[].hold", min: 0, max: 2, list: true},
	{path: "wings[].hold[]", min: 0, max: rules.MaxMapSide - 1},
	{path: "wings[].arrive", min: 0, max: rules.MaxTurns + 1},
	{path: "wings[].deploy", min: 0, max: 4, list: true},
	{path: "wings[].deploy[]", min: 0, max: rules.MaxMapSide - 1},
	{path: "wings[].ships", min: 1, max: MaxGroups, list: true},
	{path: "wings[].ships[].count", min: 1, max: MaxGroup},
	{path: "end_when", min: 0, max: rules.MaxEndGroups, list: true},
	{path: "end_when[]", min: 1, max: rules.MaxConditions, list: true},
	{path: "outcomes", min: 1, max: rules.MaxEndGroups, list: true},
	{path: "outcomes[].when", min: 0, max: rules.MaxConditions, list: true},
}

// checkBounds walks a file's node tree before it is decoded: every number with a
// bound must be a whole number (not 2.5, 1e3, "7" or true) within it, every
// bounded list short enough, and no value may be an alias (*name), which could
// multiply a small file into a huge one, nor a merge key (<<), which would slip
// keys past these checks. A null is the key's default.
func checkBounds(name string, root *yaml.Node, table []bound) error {
	values, lists := map[string]bound{}, map[string]bound{}
	for _, b := range table {
		if b.list {
			lists[b.path] = b
		} else {
			values[b.path] = b
		}
	}
	var walk func(n *yaml.Node, p, ctx string) error
	walk = func(n *yaml.Node, p, ctx string) error {
		switch n.Kind {
		case yaml.AliasNode:
			return &Error{File: name, Line: n.Line, Msg: fmt.Sprintf("alias *%s: aliases are not supported, write the value out", n.Value)}
		case yaml.DocumentNode:
			for _, c := range n.Content {
				if err := walk(c, p, ctx); err != nil {
					return err
				}
			}
		case yaml.MappingNode:
			ctx += itemLabel(n, p)
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if k.Kind == yaml.AliasNode {
					return walk(k, p, ctx)
				}
				if k.ShortTag() == "!!merge" {
					return &Error{File: name, Line: k.Line, Msg: "merge keys (<<) are not supported, write the keys out"}
				}
				q := k.Value
				if p != "" {
					q = p + "." + q
				}
				if err := walk(v, q, ctx); err != nil {
					return err
				}
			}
		case yaml.SequenceNode:
			if b, ok := lists[p]; ok && (len(n.Content) < b.min || len(n.Content) > b.max) {
				return &Error{File: name, Line: n.Line, Msg: fmt.Sprintf("%s%s: %d items, want %s", ctx, keyName(p), len(n.Content), span(b))}
			}
			for _, c := range n.Content {
				if err := walk(c, p+"[]", ctx); err != nil {
					return err
				}
			}
		case yaml.ScalarNode:
			b, ok := values[p]
			if i := strings.LastIndexByte(p, '.'); !ok && i >= 0 {
				b, ok = values[p[:i+1]+"*"] // the values of a map keyed by ids
			}
			if ok {
				return checkNumber(name, n, ctx, p, b)
			}
		}
		return nil
	}
	return walk(root, "", "")
}

// itemLabels name the items of the lists whose messages say which item they are
// about, and the key that names each.
var itemLabels = map[string][2]string{
	"classes[]":            {"class", "id"},
	"classes[].weapons[]":  {"weapon", "name"},
	"classes[].sections[]": {"section", "id"},
	"units[]":              {"unit", "id"},
	"wings[]":              {"wing", "id"},
	"wings[].ships[]":      {"group", "class"},
	"outcomes[]":           {"outcome", "id"},
	"minefields[]":         {"minefield", "id"},
	"areas[]":              {"area", "id"},
	"objectives[]":         {"objective", "id"},
	"sides[]":              {"side", "id"},
}

// itemLabel is the "class defiant: " that prefixes messages about a list item.
func itemLabel(n *yaml.Node, p string) string {
	l, ok := itemLabels[p]
	if !ok {
		return ""
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k, v := n.Content[i], n.Content[i+1]; k.Value == l[1] && v.Kind == yaml.ScalarNode {
			if l[1] != "name" && len(v.Value) <= MaxIDLength && idRE.MatchString(v.Value) {
				return fmt.Sprintf("%s %s: ", l[0], v.Value)
			}
			return fmt.Sprintf("%s %.40q: ", l[0], v.Value)
		}
	}
	return ""
}

var wholeRE = regexp.MustCompile(`^[-+]?[0-9][0-9_]*$`)

// checkNumber checks one bounded number.
func checkNumber(name string, n *yaml.Node, ctx, p string, b bound) error {
	key := ctx + keyName(p)
	fail := func(format string, args ...any) error {
		return &Error{File: name, Line: n.Line, Msg: fmt.Sprintf(format, args...)}
	}
	switch tag := n.ShortTag(); {
	case tag == "!!null":
		return nil
	case tag == "!!float" && wholeRE.MatchString(n.Value): // too large for an int64
		return fail("%s %s out of range %d..%d", key, n.Value, b.min, b.max)
	case tag != "!!int":
		return fail("%s: want a whole number in %d..%d, not %q", key, b.min, b.max, n.Value)
	}
	var v int64
	if err := n.Decode(&v); err != nil {
		return fail("%s %s out of range %d..%d", key, n.Value, b.min, b.max)
	}
	if v < int64(b.min) || v > int64(b.max) {
		return fail("%s %d out of range %d..%d", key, v, b.min, b.max)
	}
	return nil
}

// keyName is the last key of a path: "damage" for "classes[].weapons[].damage".
func keyName(p string) string {
	p = strings.TrimRight(p, "[]")
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		p = p[i+1:]
	}
	if p == "" {
		return "the file"
	}
	return p
}

// span writes a bound's range for messages and the docs: "1..200", or "2" when
// it admits one value.
func span(b bound) string {
	if b.min == b.max {
		return fmt.Sprint(b.min)
	}
	return fmt.Sprintf("%d..%d", b.min, b.max)
}
