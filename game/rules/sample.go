package rules

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/calltoarms/ds9/game/hex"
)

// Sample returns a battle consistent with what one side knows now: built from
// the scenario's setup (which both sides know) and the side's view alone,
// never from the battle itself, so that a search or an advisor that plans on
// it cannot cheat. What the view shows is copied: the phase, both sides'
// forces and losses, every own ship and wing, the enemy ships and wings in
// sight, the minefields as the side knows them. What it does not show is
// guessed, the guesses drawn from seed:
//
//   - the enemy's losses fall on enemy ships out of sight, drawn at random;
//   - the other enemy ships out of sight that were on the map at the start
//     stand where they started (cloaked, if they can), or on the nearest
//     free hex; those of waves already due are put back in reserve, to enter
//     again in their side's next phase (as arrivals, counted once);
//   - an enemy wing whose orders are unknown keeps the ones it was briefed;
//   - an enemy minefield's positions the side does not know of are laid
//     when the field is active; while it is being laid, as many as its
//     owner would have laid by laying one a phase since the start;
//   - the random generator is seeded anew.
//
// The result satisfies CheckInvariants; the error says why a view could not
// be turned into a battle (a setup that is not the view's battle).
func Sample(su Setup, v *View, seed uint64) (*State, error) {
	return sample(su, v, seed, nil, nil)
}

// SampleOver is Sample with lastSeen (nil: none) as View.SampleRemembering
// takes it, writing over old (nil: none), a battle sampled before that no
// one plays any more: the memory of its ships is reused, so that a search
// playing many sampled battles one after another allocates little. Its
// clones and views hold copies, and are left alone; old itself is no
// battle after the call, whatever it returns.
func SampleOver(old *State, su Setup, v *View, seed uint64, lastSeen LastSeen) (*State, error) {
	return sample(su, v, seed, lastSeen, old)
}

// LastSeen tells where a side last saw an enemy ship now out of its sight:
// what a commander remembers of its earlier views.
type LastSeen func(id ShipID) (hex.Hex, bool)

// SampleRemembering is View.Sample with what the side remembers: an enemy
// ship out of sight that it saw on the map (lastSeen) is guessed there, or
// on the nearest free hex, rather than where it started (or, for a wave's
// ship, back in reserve).
func (v *View) SampleRemembering(seed uint64, lastSeen LastSeen) (*State, error) {
	return v.SampleRememberingOver(nil, seed, lastSeen)
}

// SampleRememberingOver is SampleRemembering writing over old, as
// SampleOver does.
func (v *View) SampleRememberingOver(old *State, seed uint64, lastSeen LastSeen) (*State, error) {
	if v.setup == nil {
		return nil, fmt.Errorf("the view knows no setup to sample from")
	}
	return sample(*v.setup, v, seed, lastSeen, old)
}

func sample(su Setup, v *View, seed uint64, lastSeen LastSeen, old *State) (*State, error) {
	if v == nil {
		return nil, fmt.Errorf("no view to sample")
	}
	var sight *sightTable // the view's, when it is of the setup's map
	if vm := v.Map; vm != nil && vm.Cols == su.Map.Cols && vm.Rows == su.Map.Rows && slices.Equal(vm.Terrain, su.Map.Terrain) {
		sight = v.sight
	}
	s, err := newState(su, seed, old, sight)
	if err != nil {
		return nil, err
	}
	if len(s.Ships) != len(su.Ships) || s.Scenario != v.Scenario {
		return nil, fmt.Errorf("the setup is not the view's battle")
	}
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	me, enemy := v.Side, v.Side.Other()
	s.Turn, s.Active, s.Phase, s.Terms = v.Turn, v.Active, v.Phase, v.Terms
	s.Outcome, s.Winner, s.Forces, s.Losses = v.Outcome, v.Winner, v.Forces, v.Losses
	s.turnEnded = false
	clear(s.occ)
	s.cloaked, s.covers = [2]int{}, [2]int{}

	// Wings: the side's own as it knows them, the enemy's seen ones too
	// unless their orders have changed unseen.
	for i := range s.Wings {
		if w := v.Wing(i); w != nil && (w.Side == me || !w.Ordered) {
			ships := s.Wings[i].Ships
			s.Wings[i] = *w
			s.Wings[i].Ships = ships
		} else if w != nil {
			s.Wings[i].Leaderless = w.Leaderless
		}
	}

	// Ships: those in view copied; the enemy's others guessed.
	var unseen []ShipID
	for i := range s.Ships {
		sh := &s.Ships[i]
		if vs := v.Ship(sh.ID); vs != nil {
			c := *vs
			c.Section = slices.Clone(vs.Section)
			if c.Side == enemy {
				// Its counters are its own secret: full, as at the start of
				// a phase.
				cl := s.Class(&c)
				c.MP, c.Actions, c.Volleys = cl.Speed, cl.Actions, cl.ReactionVolleys
			}
			*sh = c
			continue
		}
		if sh.Side == me {
			return nil, fmt.Errorf("the view does not show %s, one of its own side's ships", sh.Name)
		}
		if sh.Status == Absent || sh.IsAboard() {
			continue // not in this battle; a team aboard stays where it was set
		}
		if due(s, sh) {
			unseen = append(unseen, sh.ID)
		}
	}
	// The enemy's losses, on ships out of sight.
	rng.Shuffle(len(unseen), func(i, j int) { unseen[i], unseen[j] = unseen[j], unseen[i] })
	lost := min(v.Losses[enemy], len(unseen))
	for _, id := range unseen[:lost] {
		sh := &s.Ships[id]
		sh.Status, sh.Hull, sh.Shields, sh.Cloaked, sh.Covering = Destroyed, 0, 0, false, NoShip
	}
	at := make(map[ShipID]hex.Hex)
	for _, id := range unseen[lost:] {
		sh := &s.Ships[id]
		if lastSeen != nil {
			if h, ok := lastSeen(id); ok && s.Map.Index(h) >= 0 {
				at[id] = h // where the side saw it last (arrived: the view's forces count it)
				sh.Status, sh.Pos = OnMap, h
				sh.Cloaked = s.Class(sh).Cloak
				continue
			}
		}
		if w := sh.Wing; w >= 0 && s.Wings[w].Arrive > 0 {
			// A wave's ship: in reserve again, to arrive anew.
			if sh.Status == OnMap {
				s.Forces[enemy]--
			}
			sh.Status, sh.Cloaked = Reserve, false
			continue
		}
		sh.Status = OnMap
		sh.Cloaked = s.Class(sh).Cloak
	}

	// Place every ship on the map: those in view where they are, the guessed
	// ones where they started or nearest.
	for pass := range 2 {
		for i := range s.Ships {
			sh := &s.Ships[i]
			if seen := v.Ship(sh.ID) != nil; seen != (pass == 0) {
				continue // the ships in view first, then the guessed ones
			}
			start := su.Ships[i].Pos
			if h, ok := at[sh.ID]; ok {
				start = h
			}
			if err := s.place(sh, start, pass == 0); err != nil {
				return nil, err
			}
		}
	}
	for i := range s.Ships {
		sh := &s.Ships[i]
		if !sh.Alive() {
			continue
		}
		if sh.Cloaked {
			s.cloaked[sh.Side]++
		}
		if sh.Covering != NoShip {
			if t := s.Ship(sh.Covering); t == nil || !t.Alive() {
				sh.Covering = NoShip
			} else {
				s.covers[sh.Side]++
			}
		}
	}
	s.sampleFields(su, v, rng)
	if err := s.CheckInvariants(); err != nil {
		return nil, fmt.Errorf("a battle sampled from the %s's view: %w", s.SideIDs.Of(me), err)
	}
	return s, nil
}

// place puts a ship of a sampled battle on the map: where it is when the
// side sees it (seen), else at start or on the nearest free hex (else in
// reserve).
func (s *State) place(sh *Ship, start hex.Hex, seen bool) error {
	if !sh.Alive() || sh.IsAboard() {
		sh.Cloaked, sh.Covering = false, NoShip
		return nil
	}
	err := s.occupy(sh)
	if err == nil {
		return nil
	}
	if seen {
		return fmt.Errorf("%s: %w", sh.Name, err)
	}
	at, ok := s.freeNear(sh, start)
	if !ok {
		sh.Status, sh.Cloaked = Reserve, false
		return nil
	}
	sh.Pos = at
	return s.occupy(sh)
}

// sampleFields sets a sampled battle's minefields as the view's side knows
// them, and guesses what it does not: an enemy field still being laid has,
// at the positions the side knows nothing of (and where no ship stands), as
// many mines laid at random as its owner would have laid had it laid one a
// phase since the start.
func (s *State) sampleFields(su Setup, v *View, rng *rand.Rand) {
	for fi := range s.Fields {
		m := &s.Fields[fi]
		if fi < len(v.Fields) {
			fv := v.Fields[fi]
			m.Active, m.Cloaked, m.Down = fv.Active, fv.Cloaked, fv.Down
		}
		var unknown []int
		for pi, p := range m.Positions {
			m.Lost[pi] = false
			if k, ok := slices.BinarySearchFunc(v.Mines, p, func(mv MineView, h hex.Hex) int { return cmpHex(mv.Pos, h) }); ok {
				m.Laid[pi] = v.Mines[k].Laid
			} else if m.Active {
				m.Laid[pi] = true
			} else if i := s.Map.Index(p); !m.Laid[pi] && i >= 0 && s.occ[i] == 0 {
				unknown = append(unknown, pi)
			}
		}
		if m.Active || m.Down || m.Owner == v.Side || fi >= len(su.Minefields) {
			continue
		}
		want := min(len(m.Positions), len(su.Minefields[fi].Laid)+s.phasesPlayed(m.Owner))
		rng.Shuffle(len(unknown), func(i, j int) { unknown[i], unknown[j] = unknown[j], unknown[i] })
		for n := m.LaidCount(); n < want && len(unknown) > 0; n++ {
			m.Laid[unknown[0]] = true
			unknown = unknown[1:]
		}
	}
}

// phasesPlayed is how many battle phases side has played so far: one a
// turn, this turn's once it has moved.
func (s *State) phasesPlayed(side Side) int {
	n := s.Turn - 1
	if s.Phase == Battle && s.First == side && s.Active != side || s.Phase == Over {
		n++
	}
	return max(n, 0)
}

// due reports whether an enemy ship has entered the battle by now, as both
// sides can tell: on the map from the start, or of a wave whose turn has come.
func due(s *State, sh *Ship) bool {
	if sh.Wing < 0 || s.Wings[sh.Wing].Arrive == 0 {
		return true
	}
	w := &s.Wings[sh.Wing]
	return w.Arrive < s.Turn || w.Arrive == s.Turn && (s.Active == w.Side || s.First == w.Side)
}

// freeNear finds the free hex nearest to h where sh may stand.
func (s *State) freeNear(sh *Ship, h hex.Hex) (hex.Hex, bool) {
	for r := 0; r <= 12; r++ {
		for _, c := range hex.Ring(h, r) {
			if i := s.Map.Index(c); i >= 0 && s.occ[i] == 0 && s.Map.Terrain[i] != StationHex && s.Map.Terrain[i].MoveCost() >= 0 {
				return c, true
			}
		}
	}
	return hex.Hex{}, false
}

// Sample returns a battle consistent with what the view's side knows now,
// built from the battle's setup (which both sides know) and the view alone:
// Sample(setup, v, seed). A view made by State.View knows its battle's
// setup; one built by hand does not, and is an error.
func (v *View) Sample(seed uint64) (*State, error) {
	if v.setup == nil {
		return nil, fmt.Errorf("the view knows no setup to sample from")
	}
	return Sample(*v.setup, v, seed)
}
