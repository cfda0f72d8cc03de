package scenario

import (
	"fmt"
	"strings"

	"github.com/calltoarms/ds9/game/rules"
)

// A scenario's guided first turns: hints shown, one at a time, to the person
// commanding a side, each until the player has done what it asks. They teach
// the battle's own rules (what decides it, which ship does what); the front
// end shows them and tells when each is done (game/ui/play.Guide).

// MaxGuideText is the length of a guide step's text, in bytes.
const MaxGuideText = 600

// GuideStep is one hint of a scenario's guide, for Side's player.
type GuideStep struct {
	Side rules.Side
	// Text is the hint for a player with a keyboard, Touch the same hint on
	// a touch device: the file's text with each {KEYS|TOUCH} read as KEYS or
	// as TOUCH ("{press L|tap Lay mine}").
	Text, Touch string
	Until       GuideUntil
}

// For returns the step's text for a touch device or for a keyboard.
func (g GuideStep) For(touch bool) string {
	if touch {
		return g.Touch
	}
	return g.Text
}

// guideTexts reads a guide text's {KEYS|TOUCH} alternatives: the text with
// a keyboard and on a touch device. Braces neither nest nor stand alone, and
// each pair holds one |.
func guideTexts(s string) (keys, touch string, err error) {
	var k, t strings.Builder
	for rest := s; rest != ""; {
		open := strings.IndexAny(rest, "{}|")
		if open < 0 {
			k.WriteString(rest)
			t.WriteString(rest)
			break
		}
		if rest[open] != '{' {
			return "", "", fmt.Errorf("a %q outside {KEYS|TOUCH}", rest[open])
		}
		k.WriteString(rest[:open])
		t.WriteString(rest[:open])
		alt, after, ok := strings.Cut(rest[open+1:], "}")
		a, b, two := strings.Cut(alt, "|")
		if !ok || !two || strings.ContainsAny(alt, "{") || strings.Contains(b, "|") {
			return "", "", fmt.Errorf("%q: want {KEYS|TOUCH}, one | between the braces", clip(rest[open:]))
		}
		k.WriteString(a)
		t.WriteString(b)
		rest = after
	}
	return k.String(), t.String(), nil
}

// clip is s cut to a few words, for an error.
func clip(s string) string {
	if r := []rune(s); len(r) > 24 {
		return string(r[:24]) + "…"
	}
	return s
}

// GuideUntil is when a guide step is done: Kind "selected" (the player has
// selected Unit), "wing" (a wing of theirs), or "order" (they have given an
// order of kind Order).
type GuideUntil struct {
	Kind  string
	Unit  rules.ShipID
	Order rules.OrderKind
}

// readGuide reads the guide: each step's side, its text and when it is done,
// written selected(UNIT), wing, or order(KIND) with KIND an order kind id
// (move, attack, lay-mine, cloak, cover, command, end-phase…).
func readGuide(d *doc, f *scenarioFile) ([]GuideStep, error) {
	var out []GuideStep
	for i, gf := range f.Guide {
		at := []any{"guide", i}
		side, err := d.side(sub(at, "side"), gf.Side)
		if err != nil {
			return nil, err
		}
		text := strings.TrimSpace(gf.Text)
		if text == "" || len(text) > MaxGuideText {
			return nil, d.errf(sub(at, "text"), "guide step %d: a text of 1..%d bytes (it has %d)", i+1, MaxGuideText, len(text))
		}
		keys, touch, err := guideTexts(text)
		if err != nil {
			return nil, d.errf(sub(at, "text"), "guide step %d: %v", i+1, err)
		}
		u, err := parseUntil(strings.TrimSpace(gf.Until), d.names)
		if err != nil {
			return nil, d.errf(sub(at, "until"), "guide step %d: %v", i+1, err)
		}
		out = append(out, GuideStep{Side: side, Text: keys, Touch: touch, Until: u})
	}
	return out, nil
}

func parseUntil(s string, names rules.Names) (GuideUntil, error) {
	if s == "wing" {
		return GuideUntil{Kind: "wing"}, nil
	}
	name, arg, ok := strings.Cut(s, "(")
	arg, closed := strings.CutSuffix(arg, ")")
	if !ok || !closed || arg == "" {
		return GuideUntil{}, fmt.Errorf("until %q: want selected(UNIT), wing or order(KIND)", s)
	}
	switch name {
	case "selected":
		id, ok := names.Units(arg)
		if !ok {
			return GuideUntil{}, fmt.Errorf("until %q: no unit %q", s, arg)
		}
		return GuideUntil{Kind: "selected", Unit: id}, nil
	case "order":
		var k rules.OrderKind
		if err := k.UnmarshalText([]byte(arg)); err != nil {
			return GuideUntil{}, fmt.Errorf("until %q: %v", s, err)
		}
		return GuideUntil{Kind: "order", Order: k}, nil
	}
	return GuideUntil{}, fmt.Errorf("until %q: want selected(UNIT), wing or order(KIND)", s)
}
