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
	Side  rules.Side
	Text  string
	Until GuideUntil
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
		u, err := parseUntil(strings.TrimSpace(gf.Until), d.names)
		if err != nil {
			return nil, d.errf(sub(at, "until"), "guide step %d: %v", i+1, err)
		}
		out = append(out, GuideStep{Side: side, Text: text, Until: u})
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
