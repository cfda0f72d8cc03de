package scenario

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"github.com/calltoarms/ds9/game/rules"
)

// Variant is how a campaign changes a battle before its first order, carrying
// forward what earlier battles decided: units that are gone, stand-ins that
// take their place, ships added to a wing. A replay of a campaign's battle
// records its variant, so that it is re-played on the same setup.
type Variant struct {
	Absent []string          `json:"absent,omitempty"` // unit keys of units that do not take part
	Names  map[string]string `json:"names,omitempty"`  // unit key → the name a stand-in bears
	Add    []WingAdd         `json:"add,omitempty"`    // ships added to wings
}

// WingAdd adds Count ships of Class to the wing Wing; to a wing on the map
// at the start, as a relief wave with its orders arriving on turn 2.
type WingAdd struct {
	Wing  string `json:"wing"`
	Class string `json:"class"`
	Count int    `json:"count"`
}

// Empty reports whether the variant changes nothing.
func (v Variant) Empty() bool { return len(v.Absent) == 0 && len(v.Names) == 0 && len(v.Add) == 0 }

// Apply returns the scenario with a variant applied: a copy, with its own
// hash (the scenario's and the variant's), whose setup rules.New accepts.
func (sc *Scenario) Apply(v Variant) (*Scenario, error) {
	if v.Empty() {
		return sc, nil
	}
	out := *sc
	su := &out.Setup
	su.Ships = slices.Clone(sc.Setup.Ships)
	su.Wings = slices.Clone(sc.Setup.Wings)
	key := map[string]int{}
	for i, sh := range su.Ships {
		if sh.Key != "" {
			key[sh.Key] = i
		}
	}
	for _, k := range v.Absent {
		i, ok := key[k]
		if !ok {
			return nil, fmt.Errorf("scenario %s: no unit %q to leave out", sc.ID, k)
		}
		su.Ships[i].Status = rules.Absent
	}
	for k, name := range v.Names {
		i, ok := key[k]
		if !ok || name == "" {
			return nil, fmt.Errorf("scenario %s: no unit %q to rename", sc.ID, k)
		}
		su.Ships[i].Name = name
	}
	for _, a := range v.Add {
		wi := slices.IndexFunc(su.Wings, func(w rules.Wing) bool { return w.Key == a.Wing })
		if wi < 0 {
			return nil, fmt.Errorf("scenario %s: no wing %q to reinforce", sc.ID, a.Wing)
		}
		if su.Wings[wi].Arrive == 0 {
			// A wing on the map at the start is followed by a relief wave of
			// the same orders, through the entry edge on turn 2.
			if len(su.Map.Hexes(rules.Entry)) == 0 {
				return nil, fmt.Errorf("scenario %s: wing %s is on the map at the start and the map has no entry edge for its relief", sc.ID, a.Wing)
			}
			relief := su.Wings[wi]
			relief.Key, relief.Name = relief.Key+"-relief", relief.Name+" (relief)"
			relief.Arrive, relief.From, relief.Ships = min(2, su.TurnLimit), rules.FromEntry, nil
			relief.Leader, relief.Flagship = "", rules.NoShip // the leader stays with the wing
			if k := slices.IndexFunc(su.Wings, func(w rules.Wing) bool { return w.Key == relief.Key }); k >= 0 {
				wi = k
			} else {
				su.Wings = append(su.Wings, relief)
				wi = len(su.Wings) - 1
			}
		}
		ci, err := classIndex(su.Classes, a.Class)
		if err != nil {
			return nil, fmt.Errorf("scenario %s: wing %s: %w", sc.ID, a.Wing, err)
		}
		if a.Count < 1 || a.Count > MaxGroup || len(su.Ships)+a.Count > rules.MaxShips {
			return nil, fmt.Errorf("scenario %s: wing %s: %d ships to add, 1..%d and at most %d in all", sc.ID, a.Wing, a.Count, MaxGroup, rules.MaxShips)
		}
		n := 0
		for _, sh := range su.Ships {
			if sh.Wing == wi {
				n++
			}
		}
		for range a.Count {
			n++
			su.Ships = append(su.Ships, rules.Ship{Key: fmt.Sprintf("%s-%d", a.Wing, n), Name: fmt.Sprintf("%s %s-%d", su.Classes[ci].Name, a.Wing, n),
				Class: ci, Side: su.Wings[wi].Side, Wing: wi, Status: rules.Reserve})
		}
	}
	if _, err := rules.New(*su, 1); err != nil {
		return nil, fmt.Errorf("scenario %s with its campaign's changes: %w", sc.ID, err)
	}
	b, _ := json.Marshal(v)
	h := sha256.Sum256(append([]byte(sc.Hash+"|"), b...))
	out.Hash = hex.EncodeToString(h[:])
	out.Variant = &v
	return &out, nil
}

// Describe says in words what a variant changes in the scenario sc (the
// scenario as its file has it): one line for each unit left out, each
// stand-in and each wing reinforced, for a briefing.
func (sc *Scenario) Describe(v Variant) []string {
	name := func(k string) string {
		for _, sh := range sc.Setup.Ships {
			if sh.Key == k {
				return sh.Name
			}
		}
		return k
	}
	var out []string
	for _, k := range v.Absent {
		out = append(out, name(k)+" does not take part: lost in an earlier battle.")
	}
	keys := slices.Sorted(maps.Keys(v.Names))
	for _, k := range keys {
		out = append(out, v.Names[k]+" takes the place of "+name(k)+", lost in an earlier battle.")
	}
	for _, a := range v.Add {
		wing, class := a.Wing, a.Class
		for _, w := range sc.Setup.Wings {
			if w.Key == a.Wing && w.Name != "" {
				wing = w.Name
			}
		}
		for _, c := range sc.Setup.Classes {
			if c.ID == a.Class && c.Name != "" {
				class = c.Name
			}
		}
		out = append(out, fmt.Sprintf("%s is reinforced by %d × %s.", wing, a.Count, class))
	}
	return out
}
