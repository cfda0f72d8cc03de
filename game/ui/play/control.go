package play

import (
	"slices"

	"github.com/calltoarms/ds9/game/hex"
	"github.com/calltoarms/ds9/game/rules"
)

// Mode is what a click on the map does for the selected ship.
type Mode uint8

// Modes of the battle controller.
const (
	ModeMove  Mode = iota // click a hex to move, an enemy to fire
	ModeFire              // click an enemy to fire
	ModeMine              // click a minefield position to lay a mine
	ModeCover             // click a friendly ship to cover it
	ModeBoard             // click an enemy station to board it
)

// Action is a command of the action bar; each has a hotkey.
type Action uint8

// The actions of the battle.
const (
	ActMove Action = iota
	ActFire
	ActMine
	ActCloak
	ActCover
	ActEvacuate
	ActSabotage
	ActBoard
	ActWithdraw
	ActUndo
	ActEndTurn
	ActWing     // command the selected ship's wing, or one ship of the wing selected
	ActCarryOn  // the selected wing carries out its orders
	ActHold     // the selected wing holds where it stands (screen)
	ActAllWings // every wing with ships that can still act carries out its orders
	ActRepair   // the selected station's damage control repairs a section
	ActReroute  // the selected station re-routes its main power through a section
	ActionCount
)

// Controller turns a player's clicks and keys into orders for one side. It
// holds the selection and the mode, and asks the engine, through the side's
// view, what is legal: the selected ship's options (View.Options: its moves,
// attacks with their previews, mine positions, wards, boardings and what else
// it may do), the path to a hex (View.Path) and any other order
// (View.Check). It works nothing out on its own, and gives orders through the
// Session. It needs no window.
type Controller struct {
	S    *Session
	Side rules.Side // the side whose view is shown and who gives orders
	View *rules.View

	Selected rules.ShipID
	// Wing is the selected attack wing (its index in the battle), -1 for none:
	// a click then gives the whole wing an order (wing.go).
	Wing    int
	Mode    Mode
	Weapon  int // chosen weapon, -1 for the best one in range
	Section int // station section to fire on, 0 for the default
	// OwnSection is the section of the side\'s own station chosen for its
	// damage control, 0 for the default (station.go).
	OwnSection int
	Cursor     hex.Hex

	// Opts is what the selected ship may do now, as the engine lists it
	// (empty when it is not the side's turn or no own ship is selected);
	// Ends are the hexes where its move may end, with their cost (its own
	// hex is not among them).
	Opts  rules.Options
	Ends  []hex.Reach
	Avail [ActionCount]bool

	// Msg is the last feedback line for the player (an order refused…).
	Msg   string
	stamp int

	hoverHex   hex.Hex
	hoverStamp int
	hover      Hover
	endsSet    map[hex.Hex]int

	pending []rules.Order // ship orders carrying out a wing's orders, still to give
	queue   []int         // wings still to carry out their orders, after pending
	carried map[int]int   // wing index: the phase (phaseKey) it last carried out its orders
}

// NewController returns a controller for side.
func NewController(s *Session, side rules.Side) *Controller {
	c := &Controller{S: s, Side: side, Selected: rules.NoShip, Wing: -1, Weapon: -1, stamp: -1, hoverStamp: -1}
	c.Refresh()
	return c
}

// SetSide shows another side's view (hot-seat, watching).
func (c *Controller) SetSide(side rules.Side) {
	if c.Side == side {
		return
	}
	c.Side = side
	c.Selected = rules.NoShip
	c.Wing = -1
	c.Stop()
	c.Mode = ModeMove
	c.stamp = -1
	c.Refresh()
}

// Refresh takes the side's view anew when the battle has changed.
func (c *Controller) Refresh() {
	if c.stamp == c.S.Changed && c.View != nil {
		return
	}
	c.stamp = c.S.Changed
	c.View = c.S.View(c.Side)
	if sh := c.View.Ship(c.Selected); sh == nil || !sh.Alive() {
		c.Selected = rules.NoShip
		if c.Mode != ModeMove {
			c.Mode = ModeMove
		}
	}
	if c.Wing >= 0 && c.WingSel() == nil {
		c.Wing = -1
	}
	if c.Wing >= 0 && c.Selected == rules.NoShip {
		c.Selected = c.leadShip(c.Wing)
	}
	c.recompute()
}

// MyTurn reports whether the controller's side may give orders now.
func (c *Controller) MyTurn() bool {
	pub := c.S.Public()
	return pub.Phase != rules.Over && pub.Active == c.Side && c.S.Humans[c.Side]
}

func (c *Controller) recompute() {
	c.Opts, c.Ends = rules.Options{Ship: rules.NoShip}, nil
	clear(c.endsSet)
	c.hoverStamp = -1
	if sh := c.Sel(); sh != nil && c.MyTurn() {
		c.Opts = c.View.Options(sh.ID)
		c.Ends = c.Opts.Moves
		if c.endsSet == nil {
			c.endsSet = make(map[hex.Hex]int)
		}
		for _, r := range c.Ends {
			c.endsSet[r.Hex] = r.Cost
		}
	}
	c.computeAvail()
}

// Sel returns the selected ship if it is the player's own and in the battle.
func (c *Controller) Sel() *rules.Ship {
	sh := c.View.Ship(c.Selected)
	if sh == nil || sh.Side != c.Side || !sh.Alive() {
		return nil
	}
	return sh
}

// Select selects a ship (any ship in view, for its information).
func (c *Controller) Select(id rules.ShipID) {
	c.Selected = id
	c.Wing = -1
	c.Mode = ModeMove
	c.Weapon = -1
	if sh := c.View.Ship(id); sh != nil {
		c.Cursor = sh.Pos
	}
	c.recompute()
}

// Deselect drops the selection and goes back to moving (a right click).
func (c *Controller) Deselect() {
	c.Mode = ModeMove
	c.Selected = rules.NoShip
	c.Wing = -1
	c.stamp = -1
	c.Refresh()
}

// ToggleWeapon chooses the selected ship's weapon i, or, when it is chosen
// already, goes back to the best weapon in range.
func (c *Controller) ToggleWeapon(i int) {
	sh := c.Sel()
	if sh == nil || i < 0 || i >= len(c.View.Class(sh).Weapons) {
		return
	}
	if c.Weapon == i {
		c.Weapon = -1
	} else {
		c.Weapon = i
	}
	c.hoverStamp = -1
}

// AimAt chooses the station section that attacks aim at.
func (c *Controller) AimAt(section int) {
	c.Section = section
	c.hoverStamp = -1
}

// CanReach reports whether the selected ship can end a move at h, and its cost.
func (c *Controller) CanReach(h hex.Hex) (int, bool) {
	cost, ok := c.endsSet[h]
	return cost, ok
}

// Legal reports whether the side may give an order now, by the engine's own
// rule read from the side's view (View.Check).
func (c *Controller) Legal(o rules.Order) bool { return c.View.Check(o) == nil }

func (c *Controller) computeAvail() {
	c.Avail = [ActionCount]bool{}
	if !c.MyTurn() {
		return
	}
	c.Avail[ActEndTurn] = c.Legal(rules.Order{Kind: rules.EndPhase, Side: c.Side})
	c.Avail[ActUndo] = c.S.CanUndo()
	if stn := c.ownStation(); stn != nil {
		so := c.View.Options(stn.ID)
		c.Avail[ActEvacuate] = so.Evacuate
		c.Avail[ActSabotage] = so.Sabotage
	}
	c.wingAvail()
	if c.Sel() == nil {
		return
	}
	o := &c.Opts
	c.Avail[ActMove] = len(o.Moves) > 0
	c.Avail[ActCloak] = o.Cloak || o.Decloak
	c.Avail[ActWithdraw] = o.Withdraw
	c.Avail[ActMine] = len(o.Mines) > 0
	c.Avail[ActCover] = len(o.Wards) > 0
	c.Avail[ActBoard] = len(o.Boards) > 0
	c.Avail[ActRepair] = len(o.Repairs) > 0
	c.Avail[ActReroute] = len(o.Reroutes) > 0
	for _, a := range o.Attacks {
		if c.Weapon < 0 || a.Weapon == c.Weapon {
			c.Avail[ActFire] = true
			break
		}
	}
}

// attacksOf lists the attacks an own ship may make now (View.Options): the
// selected ship's from its options, another's asked for.
func (c *Controller) attacksOf(sh *rules.Ship) []rules.AttackOption {
	if sh == nil || sh.Side != c.Side {
		return nil
	}
	if sh.ID == c.Opts.Ship && sh.ID == c.Selected {
		return c.Opts.Attacks
	}
	if !c.MyTurn() {
		return nil
	}
	return c.View.Options(sh.ID).Attacks
}

func (c *Controller) ownStation() *rules.Ship {
	for i := range c.View.Ships {
		sh := &c.View.Ships[i]
		if sh.Side == c.Side && sh.Alive() && c.View.Class(sh).Station {
			return sh
		}
	}
	return nil
}

// SectionFor is the station section an attack on t aims at: the one chosen,
// else the section the ship's wing is told to focus on, else the main-power
// section while it stands, else the first that stands. A section stands when
// the engine lists an attack of the ship on it; when it lists none (no ship
// chosen, or the station out of reach) the panel still marks where the aim
// would go: a section the view shows with hull left.
func (c *Controller) SectionFor(sh, t *rules.Ship) int {
	tc := c.View.Class(t)
	if !tc.Station || len(tc.Sections) == 0 {
		return 0
	}
	attacks := c.attacksOf(sh)
	onT := false
	for _, a := range attacks {
		if a.Target == t.ID {
			onT = true
			break
		}
	}
	intact := func(id int) bool {
		if onT {
			for _, a := range attacks {
				if a.Target == t.ID && a.Section == id {
					return true
				}
			}
			return false
		}
		i, ok := tc.Section(id)
		return ok && i < len(t.Section) && t.Section[i] > 0
	}
	if c.Section != 0 && intact(c.Section) {
		return c.Section
	}
	if sh != nil && sh.Wing >= 0 {
		if w := c.View.Wing(sh.Wing); w != nil && w.Directive == rules.Focus && w.Target == t.ID && intact(w.Section) {
			return w.Section
		}
	}
	for _, s := range tc.Sections {
		if s.ID == t.PowerAt && intact(s.ID) {
			return s.ID
		}
	}
	for _, s := range tc.Sections {
		if intact(s.ID) {
			return s.ID
		}
	}
	return tc.Sections[0].ID
}

// CycleSection chooses the next station section to fire on.
func (c *Controller) CycleSection(t *rules.Ship, dir int) {
	tc := c.View.Class(t)
	n := len(tc.Sections)
	if n == 0 {
		return
	}
	cur := c.SectionFor(c.Sel(), t)
	i, _ := tc.Section(cur)
	i = ((i+dir)%n + n) % n
	c.Section = tc.Sections[i].ID
	c.hoverStamp = -1
}

// AttackOrder is the attack an own ship would make on t: of the attacks the
// engine lists for it, the one at the section SectionFor aims at, with the
// chosen weapon, or the weapon with the most expected damage.
func (c *Controller) AttackOrder(sh, t *rules.Ship) (rules.Order, bool) {
	a, ok := c.attackOn(sh, t)
	if !ok {
		return rules.Order{}, false
	}
	return a.Order(c.Side, sh.ID), true
}

// attackOn is the attack option AttackOrder gives, with its preview.
func (c *Controller) attackOn(sh, t *rules.Ship) (rules.AttackOption, bool) {
	if sh == nil || t == nil {
		return rules.AttackOption{}, false
	}
	attacks := c.attacksOf(sh)
	sec := c.SectionFor(sh, t)
	best := -1
	for i, a := range attacks {
		if a.Target != t.ID || a.Section != sec || (c.Weapon >= 0 && a.Weapon != c.Weapon) {
			continue
		}
		if best < 0 || a.Preview.Expected100 > attacks[best].Preview.Expected100 {
			best = i
		}
	}
	if best < 0 {
		return rules.AttackOption{}, false
	}
	return attacks[best], true
}

// Hover is what the pointer is over and what a click there would do.
type Hover struct {
	Hex     hex.Hex
	OnMap   bool
	Ship    *rules.Ship // the ship in view there
	Path    []hex.Hex   // a move there: the path (without the start) and its cost
	Cost    int
	Attack  bool // a click fires: Order and Preview tell how
	Order   rules.Order
	Preview rules.Preview
	Weapon  string
	Mine    bool            // a click lays a mine here
	Cover   bool            // a click covers this ship
	Board   bool            // a click boards this station
	Odds    rules.BoardOdds // with Board: the boarding's odds

	// With a wing selected: the command order a click gives (Command),
	// and what it tells the wing, for the tooltip.
	Command     bool
	CommandTo   rules.Order
	CommandText string
}

// HoverAt describes the hex under the pointer; it is cached until the hex or
// the battle changes.
func (c *Controller) HoverAt(h hex.Hex) *Hover {
	if c.hoverStamp == c.S.Changed && c.hoverHex == h {
		return &c.hover
	}
	c.hoverStamp, c.hoverHex = c.S.Changed, h
	c.hover = Hover{Hex: h, OnMap: c.View.Map.In(h)}
	hv := &c.hover
	if !hv.OnMap {
		return hv
	}
	hv.Ship = c.View.ShipAt(h)
	if c.Wing >= 0 {
		c.hoverWing(hv)
		return hv
	}
	sh := c.Sel()
	if sh == nil || !c.MyTurn() {
		return hv
	}
	t := hv.Ship
	switch c.Mode {
	case ModeMine:
		hv.Mine = slices.Contains(c.Opts.Mines, h)
		return hv
	case ModeCover:
		hv.Cover = t != nil && slices.Contains(c.Opts.Wards, t.ID)
		return hv
	case ModeBoard:
		hv.Board = t != nil && slices.Contains(c.Opts.Boards, t.ID)
		if hv.Board {
			hv.Odds, _ = c.View.BoardOdds(sh.ID, t.ID)
		}
		return hv
	}
	if t != nil && t.Side != c.Side {
		if a, ok := c.attackOn(sh, t); ok {
			hv.Attack, hv.Order, hv.Preview = true, a.Order(c.Side, sh.ID), a.Preview
			if ws := c.View.Class(sh).Weapons; a.Weapon >= 0 && a.Weapon < len(ws) {
				hv.Weapon = ws[a.Weapon].Name
			}
		}
		return hv
	}
	if c.Mode == ModeMove && t == nil {
		if cost, ok := c.CanReach(h); ok {
			if p, ok := c.View.Path(sh.ID, h); ok {
				hv.Path, hv.Cost = p, cost
			}
		}
	}
	return hv
}

// Click acts on a hex: selects a ship, or gives the order the hover
// describes. It returns the order as the sides were told it when one was
// given.
func (c *Controller) Click(h hex.Hex) (*Applied, error) {
	c.Cursor = h
	hv := c.HoverAt(h)
	if !hv.OnMap {
		return nil, nil
	}
	sh := c.Sel()
	if c.Wing >= 0 {
		return c.clickWing(hv)
	}
	var o rules.Order
	switch {
	case hv.Mine:
		o = rules.Order{Kind: rules.LayMine, Side: c.Side, Ship: sh.ID, At: h}
	case hv.Cover:
		o = rules.Order{Kind: rules.Cover, Side: c.Side, Ship: sh.ID, Target: hv.Ship.ID}
	case hv.Board:
		o = rules.Order{Kind: rules.Board, Side: c.Side, Ship: sh.ID, Target: hv.Ship.ID}
	case hv.Attack:
		o = hv.Order
	case hv.Path != nil:
		o = rules.Order{Kind: rules.Move, Side: c.Side, Ship: sh.ID, Path: append([]hex.Hex(nil), hv.Path...)}
	case hv.Ship != nil:
		if t := hv.Ship; t.ID != c.Selected {
			if cur := c.View.Ship(c.Selected); t.Side == c.Side && t.Wing >= 0 && (cur == nil || cur.Side != c.Side || cur.Wing != t.Wing) && c.MyTurn() {
				// A ship of another wing: the wing is selected; a second
				// click on it commands that ship alone.
				c.SelectWing(t.Wing, t.ID)
				return nil, nil
			}
			c.Select(t.ID)
		}
		return nil, nil
	default:
		if c.Mode != ModeMove {
			c.Mode = ModeMove
			c.hoverStamp = -1
			return nil, nil
		}
		c.Selected = rules.NoShip
		c.recompute()
		return nil, nil
	}
	return c.give(o)
}

// Do carries out an action of the action bar.
func (c *Controller) Do(a Action) (*Applied, error) {
	if a != ActUndo && !c.Avail[a] {
		return nil, nil
	}
	sh := c.Sel()
	setMode := func(m Mode) (*Applied, error) {
		if c.Mode == m {
			m = ModeMove
		}
		c.Mode = m
		c.hoverStamp = -1
		return nil, nil
	}
	switch a {
	case ActMove:
		return setMode(ModeMove)
	case ActFire:
		return setMode(ModeFire)
	case ActMine:
		return setMode(ModeMine)
	case ActCover:
		return setMode(ModeCover)
	case ActBoard:
		return setMode(ModeBoard)
	case ActCloak:
		kind := rules.Cloak
		if c.Opts.Decloak {
			kind = rules.Decloak
		}
		return c.give(rules.Order{Kind: kind, Side: c.Side, Ship: sh.ID})
	case ActWithdraw:
		return c.give(rules.Order{Kind: rules.Withdraw, Side: c.Side, Ship: sh.ID})
	case ActEvacuate:
		return c.give(rules.Order{Kind: rules.Evacuate, Side: c.Side, Ship: c.ownStation().ID})
	case ActSabotage:
		return c.give(rules.Order{Kind: rules.Sabotage, Side: c.Side, Ship: c.ownStation().ID})
	case ActEndTurn:
		c.Mode = ModeMove
		c.Stop()
		return c.give(rules.Order{Kind: rules.EndPhase, Side: c.Side})
	case ActWing, ActCarryOn, ActHold, ActAllWings:
		return c.doWing(a)
	case ActRepair:
		return c.give(rules.Order{Kind: rules.Repair, Side: c.Side, Ship: sh.ID, Section: c.RepairChoice()})
	case ActReroute:
		return c.give(rules.Order{Kind: rules.Reroute, Side: c.Side, Ship: sh.ID, Section: c.RerouteChoice()})
	case ActUndo:
		c.Stop()
		if err := c.S.Undo(); err != nil {
			c.Msg = err.Error()
			return nil, err
		}
		c.Msg = "Order taken back."
		c.Refresh()
		return nil, nil
	}
	return nil, nil
}

// AnswerTerms accepts or refuses the surrender terms.
func (c *Controller) AnswerTerms(accept bool) (*Applied, error) {
	return c.give(rules.Order{Kind: rules.AnswerTerms, Side: c.Side, Accept: accept})
}

func (c *Controller) give(o rules.Order) (*Applied, error) {
	a, err := c.S.Apply(o, true)
	if err != nil {
		c.Msg = err.Error()
		return nil, err
	}
	c.Msg = ""
	if o.Kind != rules.Move {
		c.Mode = ModeMove
	}
	c.Refresh()
	return a, nil
}

// Unfinished counts the side's ships (stations too) that could still do
// something this phase, as the engine lists their orders (View.Options):
// fire, those with an attack they may make now; unmoved, those that may
// still move and have not moved at all (their movement points are whole).
// Both are 0 when it is not the side's turn.
func (c *Controller) Unfinished() (fire, unmoved int) {
	if !c.MyTurn() {
		return 0, 0
	}
	v := c.View
	for i := range v.Ships {
		sh := &v.Ships[i]
		if sh.Side != c.Side || !sh.Alive() {
			continue
		}
		o := v.Options(sh.ID)
		if len(o.Attacks) > 0 {
			fire++
		}
		if len(o.Moves) > 0 && sh.MP == v.Class(sh).Speed {
			unmoved++
		}
	}
	return fire, unmoved
}

// NextShip selects the next own ship (dir +1 or -1) that can still move or act.
func (c *Controller) NextShip(dir int) bool {
	n := len(c.View.Ships)
	if n == 0 {
		return false
	}
	start := -1
	for i := range c.View.Ships {
		if c.View.Ships[i].ID == c.Selected {
			start = i
		}
	}
	if start < 0 && dir < 0 {
		start = 0
	}
	for k := 1; k <= n; k++ {
		i := ((start+dir*k)%n + n) % n
		sh := &c.View.Ships[i]
		if sh.Side == c.Side && sh.Alive() && (sh.MP > 0 || sh.Actions > 0) {
			c.Select(sh.ID)
			return true
		}
	}
	return false
}

// NextTarget puts the cursor on the next enemy the selected ship can fire on.
func (c *Controller) NextTarget(dir int) (*rules.Ship, bool) {
	sh := c.Sel()
	if sh == nil {
		return nil, false
	}
	n := len(c.View.Ships)
	start := -1
	if t := c.View.ShipAt(c.Cursor); t != nil {
		for i := range c.View.Ships {
			if c.View.Ships[i].ID == t.ID {
				start = i
			}
		}
	}
	for k := 1; k <= n; k++ {
		i := ((start+dir*k)%n + n) % n
		t := &c.View.Ships[i]
		if t.Side == c.Side || !t.Alive() {
			continue
		}
		if _, ok := c.AttackOrder(sh, t); ok {
			c.Cursor = t.Pos
			return t, true
		}
	}
	return nil, false
}
