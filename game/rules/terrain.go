package rules

import (
	"fmt"

	"github.com/calltoarms/ds9/game/hex"
)

// Terrain is what fills a hex of the map.
type Terrain uint8

// The terrain vocabulary. Scenario maps are drawn with one character per terrain.
const (
	Open       Terrain = iota // open space
	Belt                      // the Denorios plasma belt: slows ships, blocks sensors and fire, shelters ships inside
	Debris                    // debris field: slows ships, shelters ships inside
	Wormhole                  // the Bajoran wormhole's mouth: Gamma Quadrant reinforcements arrive here
	StationHex                // a hex of a station's structure: no ship may enter
	Entry                     // an entry edge: reinforcements from Dominion-held space arrive here
	Exit                      // an exit edge: Alliance ships may withdraw from the battle here
	terrainCount
)

var terrainNames = [terrainCount]string{"open", "belt", "debris", "wormhole", "station", "entry", "exit"}

// String returns the terrain's name.
func (t Terrain) String() string {
	if t < terrainCount {
		return terrainNames[t]
	}
	return fmt.Sprintf("terrain(%d)", uint8(t))
}

// MoveCost is the number of movement points it takes to enter a hex of this
// terrain, or -1 when no ship may enter it.
func (t Terrain) MoveCost() int {
	switch t {
	case Belt, Debris:
		return 2
	case StationHex:
		return -1
	}
	return 1
}

// BlocksSight reports whether the terrain blocks sensors and fire passing through it.
func (t Terrain) BlocksSight() bool { return t == Belt }

// Shelter is the hit-chance penalty (percentage points) for attacks on a ship inside
// this terrain.
func (t Terrain) Shelter() int {
	switch t {
	case Belt:
		return 15
	case Debris:
		return 10
	}
	return 0
}

// Map is the battle's hex map: a rectangle of Cols by Rows hexes in flat-top odd-q
// offset layout, stored row by row.
type Map struct {
	Cols, Rows int
	Terrain    []Terrain
}

// Index returns the position of h in Terrain, or -1 when h is off the map.
func (m *Map) Index(h hex.Hex) int {
	o := hex.ToOffset(h)
	if o.Col < 0 || o.Row < 0 || o.Col >= m.Cols || o.Row >= m.Rows {
		return -1
	}
	return o.Row*m.Cols + o.Col
}

// In reports whether h is on the map.
func (m *Map) In(h hex.Hex) bool { return m.Index(h) >= 0 }

// At returns the terrain of h; hexes off the map read as StationHex (impassable).
func (m *Map) At(h hex.Hex) Terrain {
	i := m.Index(h)
	if i < 0 {
		return StationHex
	}
	return m.Terrain[i]
}

// HexAt returns the hex at a position of Terrain.
func (m *Map) HexAt(i int) hex.Hex {
	return hex.FromOffset(hex.Offset{Col: i % m.Cols, Row: i / m.Cols})
}

// Hexes returns every hex of the given terrain, in row order.
func (m *Map) Hexes(t Terrain) []hex.Hex {
	var out []hex.Hex
	for i, tt := range m.Terrain {
		if tt == t {
			out = append(out, m.HexAt(i))
		}
	}
	return out
}
