package rules

import (
	"errors"
	"fmt"

	"github.com/calltoarms/ds9/game/hex"
)

// Check reports whether an order is legal now, without changing anything. It
// decides from what the ordering side knows: a ship that side cannot see never
// makes an order illegal (it stops a move on the way, or foils a mine), and
// an error names only what that side can see.
func (s *State) Check(o Order) error {
	if !o.Side.Valid() {
		if s.Phase == Over {
			return ErrOver
		}
		return fmt.Errorf("invalid side")
	}
	err := check(s.through(o.Side, nil), o)
	s.lens = sideOf{}
	return err
}

// Check reports whether the view's side may give an order now: the rules
// State.Check applies, read from the view, with the same answer.
func (v *View) Check(o Order) error {
	if o.Side != v.Side {
		return fmt.Errorf("the order is the %s's, this is the %s's view", v.SideIDs.Of(o.Side), v.SideIDs.Of(v.Side))
	}
	return check(v, o)
}

// check is the one statement of which orders are legal.
func check(k known, o Order) error {
	f := k.game()
	if f.Phase == Over {
		return ErrOver
	}
	if o.Side != f.Active {
		return fmt.Errorf("it is the %s's phase", f.SideIDs.Of(f.Active))
	}
	if o.Kind >= orderKindCount {
		return fmt.Errorf("unknown order kind %d", uint8(o.Kind))
	}
	if f.Phase == Parley {
		if o.Kind != AnswerTerms {
			return fmt.Errorf("the surrender terms must be answered first")
		}
		return nil
	}
	switch o.Kind {
	case AnswerTerms:
		return fmt.Errorf("no terms are on the table")
	case EndPhase:
		return nil
	case Command:
		return checkCommand(k, o)
	}
	sh, err := ownShip(k, o)
	if err != nil {
		return err
	}
	if so, ok := k.(*sideOf); ok {
		so.hint = sh // the ship that acts is the likeliest to see its target
	}
	switch o.Kind {
	case Move:
		return checkMove(k, sh, o.Path)
	case Attack:
		return checkAttack(k, sh, sh.Pos, o.Weapon, o.Target, o.Section)
	case LayMine:
		return checkLayMine(k, sh, o.At)
	case Cloak, Decloak:
		return checkCloak(f, sh, o.Kind)
	case Cover:
		return checkCover(k, sh, o.Target)
	case Evacuate:
		return checkEvacuate(f, sh)
	case Sabotage:
		return checkSabotage(k, sh)
	case Board:
		return checkBoard(k, sh, o.Target)
	case Withdraw:
		return checkWithdraw(f, sh)
	case Sweep:
		return checkSweep(k, sh, o.Weapon, o.At)
	case Disable:
		return checkDisable(k, sh, o.Target, o.Section)
	case Repair:
		return checkRepair(f, sh, o.Section)
	case Reroute:
		return checkReroute(f, sh, o.Section)
	}
	return nil
}

// checkSweep tests firing a sweeping weapon at a hex: an action, no cloak, the
// weapon ready and a sweeper, the hex on the map within its range and in line
// of fire. Whether there are mines there is not asked: a cloaked field cannot
// be seen.
func checkSweep(k known, sh *Ship, wi int, at hex.Hex) error {
	f := k.game()
	if err := needAction(sh); err != nil {
		return err
	}
	if sh.Cloaked {
		return fmt.Errorf("%s is cloaked and cannot fire", sh.Name)
	}
	c := f.class(sh)
	if err := weaponReady(c, sh, wi); err != nil {
		return err
	}
	w := &c.Weapons[wi]
	if w.Sweep <= 0 {
		return fmt.Errorf("the %s cannot sweep mines", w.Name)
	}
	if !f.Map.In(at) {
		return fmt.Errorf("%v is off the map", at)
	}
	if d := max(0, hex.Distance(sh.Pos, at)-c.Radius); d > w.Range {
		return fmt.Errorf("%v is at range %d, the %s reaches %d", at, d, w.Name, w.Range)
	}
	if !f.lineOfFire(sh.Pos, at) {
		return fmt.Errorf("no line of fire to %v", at)
	}
	return nil
}

// checkCommand tests an order to a whole attack wing: one of the side's, with
// a ship still to fight (on the map or yet to arrive), a directive, and what
// it names: an enemy ship or station the side sees and that is still the
// enemy's (assault, intercept; a station and one of its sections for focus),
// or a hex on the map (screen, advance).
func checkCommand(k known, o Order) error {
	f := k.game()
	w := k.ownWing(o.Wing)
	if w == nil {
		return fmt.Errorf("wing %d is not one of the %s's", o.Wing, f.SideIDs.Of(o.Side))
	}
	fighting := false
	for _, id := range w.Ships {
		if sh := k.ship(id); sh != nil && (sh.Alive() || sh.Status == Reserve) {
			fighting = true
			break
		}
	}
	if !fighting {
		return fmt.Errorf("%s has no ship left in the battle", w.Name)
	}
	if w.Leaderless {
		return fmt.Errorf("%s has lost its leader: it carries on with the orders it had", w.Name)
	}
	if !o.Directive.Valid() {
		return fmt.Errorf("unknown directive %d", uint8(o.Directive))
	}
	if o.Directive.Placed() {
		if !f.Map.In(o.At) {
			return fmt.Errorf("%v is off the map", o.At)
		}
		return nil
	}
	t := k.ship(o.Target)
	if t == nil || t.Side == o.Side {
		return fmt.Errorf("ship %d is not an enemy the %s sees", o.Target, f.SideIDs.Of(o.Side))
	}
	if !t.Alive() || t.Lost() {
		return fmt.Errorf("%s is no longer in the fight", t.Name)
	}
	c := f.class(t)
	switch o.Directive {
	case Intercept:
		if c.Station {
			return fmt.Errorf("%s is a station: assault it, or focus on a section", t.Name)
		}
	case Focus:
		if _, ok := c.Section(o.Section); !c.Station || !ok {
			return fmt.Errorf("%s has no section %d", t.Name, o.Section)
		}
	}
	return nil
}

// ownShip finds the ship an order is for: one of the ordering side's, in the
// battle. Another side's ship is not named, seen or not.
func ownShip(k known, o Order) (*Ship, error) {
	sh := k.ship(o.Ship)
	if sh == nil || sh.Side != o.Side {
		return nil, fmt.Errorf("ship %d is not one of the %s's", o.Ship, k.game().SideIDs.Of(o.Side))
	}
	if !sh.Alive() {
		return nil, fmt.Errorf("%s is not in the battle (%s)", sh.Name, sh.Status)
	}
	if sh.Lost() {
		return nil, fmt.Errorf("%s has been lost", sh.Name)
	}
	return sh, nil
}

func needAction(sh *Ship) error {
	if sh.Actions <= 0 {
		return fmt.Errorf("%s has no action left this phase", sh.Name)
	}
	return nil
}

// checkMove tests a path from the mover's point of view: a hex it cannot know
// is occupied (a cloaked enemy) does not make the order illegal; it stops the
// move on the way.
func checkMove(k known, sh *Ship, path []hex.Hex) error {
	f := k.game()
	c := f.class(sh)
	if c.Station || c.Speed == 0 {
		return fmt.Errorf("%s cannot move", sh.Name)
	}
	if len(path) == 0 {
		return fmt.Errorf("empty path")
	}
	if len(path) > MaxPath {
		return fmt.Errorf("path of %d steps, at most %d", len(path), MaxPath)
	}
	prev, cost := sh.Pos, 0
	for i, h := range path {
		if hex.Distance(prev, h) != 1 {
			return fmt.Errorf("step %d: %v is not next to %v", i+1, h, prev)
		}
		if !f.Map.In(h) {
			return fmt.Errorf("step %d: %v is off the map", i+1, h)
		}
		mc := f.Map.At(h).MoveCost()
		if mc < 0 {
			return fmt.Errorf("step %d: %v cannot be entered", i+1, h)
		}
		cost += mc
		if o := k.shipAt(h); o != nil && o != sh {
			switch {
			case o.Side == sh.Side && i == len(path)-1:
				return fmt.Errorf("step %d: %v is taken by %s", i+1, h, o.Name)
			case o.Side != sh.Side:
				return fmt.Errorf("step %d: %v is held by the enemy %s", i+1, h, o.Name)
			}
		}
		prev = h
	}
	if cost > sh.MP {
		return fmt.Errorf("path costs %d movement points, %s has %d", cost, sh.Name, sh.MP)
	}
	return nil
}

// weaponReady reports whether a ship's weapon can fire: a station's needs main
// power and its section intact.
func weaponReady(c *Class, sh *Ship, wi int) error { return weaponState(c, sh, wi, false) }

// errQuiet is the refusal of a check asked only whether something may be
// done (the enumerations of legal orders), which formats no message: the
// rules that decide are the same, and the reason is left unsaid.
var errQuiet = errors.New("refused")

// weaponState is weaponReady; quiet returns errQuiet for a refusal.
func weaponState(c *Class, sh *Ship, wi int, quiet bool) error {
	if wi < 0 || wi >= len(c.Weapons) {
		if quiet {
			return errQuiet
		}
		return fmt.Errorf("%s has no weapon %d", sh.Name, wi)
	}
	if !c.Station {
		return nil
	}
	if !sh.MainPower || sh.Lost() {
		if quiet {
			return errQuiet
		}
		return fmt.Errorf("%s has no main power", sh.Name)
	}
	if w := &c.Weapons[wi]; w.Section != 0 {
		if si, _ := c.Section(w.Section); sh.Section[si] <= 0 {
			if quiet {
				return errQuiet
			}
			return fmt.Errorf("%s: the %s is silent, its section is disabled", sh.Name, w.Name)
		}
	}
	return nil
}

// checkAttack tests an attack order by a standing at from (its own hex).
func checkAttack(k known, a *Ship, from hex.Hex, wi int, tid ShipID, section int) error {
	if err := needAction(a); err != nil {
		return err
	}
	return checkFire(k, a, from, wi, tid, section)
}

// checkFire tests whether a could fire weapon wi at a target standing at from,
// its actions aside: cloak, readiness, contact, section, range and line of
// fire. A preview asks it for any hex.
func checkFire(k known, a *Ship, from hex.Hex, wi int, tid ShipID, section int) error {
	return fireState(k, a, from, wi, tid, section, false)
}

// fireState is checkFire; quiet returns errQuiet for a refusal (errQuiet).
func fireState(k known, a *Ship, from hex.Hex, wi int, tid ShipID, section int, quiet bool) error {
	f := k.game()
	if a.Cloaked {
		if quiet {
			return errQuiet
		}
		return fmt.Errorf("%s is cloaked and cannot fire", a.Name)
	}
	if err := weaponState(f.class(a), a, wi, quiet); err != nil {
		return err
	}
	t := k.ship(tid)
	if t != nil && t.Side == a.Side {
		if quiet {
			return errQuiet
		}
		return fmt.Errorf("%s is on the same side", t.Name)
	}
	if t == nil || !t.Alive() {
		if quiet {
			return errQuiet
		}
		return fmt.Errorf("no contact with ship %d", tid)
	}
	if t.Lost() {
		if quiet {
			return errQuiet
		}
		return fmt.Errorf("%s is not a target now", t.Name)
	}
	if err := sectionState(f, t, section, quiet); err != nil {
		return err
	}
	w := &f.class(a).Weapons[wi]
	if w.Sweep > 0 {
		if quiet {
			return errQuiet
		}
		return fmt.Errorf("the %s sweeps mines; it cannot fire at ships", w.Name)
	}
	if d := f.distance(a, from, t); d > w.Range {
		if quiet {
			return errQuiet
		}
		return fmt.Errorf("%s is at range %d, the %s reaches %d", t.Name, d, w.Name, w.Range)
	}
	if !f.lineOfFire(from, t.Pos) {
		if quiet {
			return errQuiet
		}
		return fmt.Errorf("no line of fire to %s", t.Name)
	}
	return nil
}

func checkSection(f *frame, t *Ship, section int) error { return sectionState(f, t, section, false) }

// sectionState is checkSection; quiet returns errQuiet for a refusal.
func sectionState(f *frame, t *Ship, section int, quiet bool) error {
	tc := f.class(t)
	if !tc.Station {
		if section != 0 {
			if quiet {
				return errQuiet
			}
			return fmt.Errorf("%s has no sections", t.Name)
		}
		return nil
	}
	si, ok := tc.Section(section)
	if !ok {
		if quiet {
			return errQuiet
		}
		return fmt.Errorf("%s has no section %d", t.Name, section)
	}
	if t.Section[si] <= 0 {
		if quiet {
			return errQuiet
		}
		return fmt.Errorf("%s: %s is already disabled", t.Name, tc.Sections[si].Name)
	}
	return nil
}

// checkLayMine tests laying a mine at a position. A position held by an enemy
// the layer's side cannot see is legal: the attempt is foiled when made.
func checkLayMine(k known, sh *Ship, at hex.Hex) error {
	f := k.game()
	if !f.class(sh).Minelayer {
		return fmt.Errorf("%s cannot lay mines", sh.Name)
	}
	if err := needAction(sh); err != nil {
		return err
	}
	if sh.Cloaked {
		return fmt.Errorf("%s must decloak to lay mines", sh.Name)
	}
	if err := openMine(k, at, sh.Side); err != nil {
		return err
	}
	if d := hex.Distance(sh.Pos, at); d > LayReach {
		return fmt.Errorf("%v is %d hexes from %s; mines are laid in or next to the layer's hex", at, d, sh.Name)
	}
	return nil
}

// openMine tests whether a minelayer of side may lay a mine at a position,
// from wherever it lays it: a position of one of side's fields, not laid,
// not held by an enemy the side sees.
func openMine(k known, at hex.Hex, side Side) error {
	switch why, occ := mineClosed(k, at, side); why {
	case notPosition:
		return fmt.Errorf("%v is not a minefield position", at)
	case notSide:
		return fmt.Errorf("the minefield at %v is not the %s's", at, k.game().SideIDs.Of(side))
	case alreadyLaid:
		return fmt.Errorf("a mine is already laid at %v", at)
	case heldByEnemy:
		return fmt.Errorf("%v is held by %s", at, occ.Name)
	}
	return nil
}

// Why a position is not open to a side's minelayer (mineClosed).
const (
	mineOpen = iota
	notPosition
	notSide
	alreadyLaid
	heldByEnemy
)

// mineClosed is openMine's test, without the error: why the position is
// not open (mineOpen when it is), and the enemy holding it.
func mineClosed(k known, at hex.Hex, side Side) (why int, occ *Ship) {
	fi, pos, laid := k.mine(at)
	if !pos {
		return notPosition, nil
	}
	if f := k.game(); f.Owners[fi] != side {
		return notSide, nil
	}
	if laid {
		return alreadyLaid, nil
	}
	if occ := k.shipAt(at); occ != nil && occ.Side != k.viewer() {
		return heldByEnemy, occ
	}
	return mineOpen, nil
}

func checkCloak(f *frame, sh *Ship, kind OrderKind) error {
	if !f.class(sh).Cloak {
		return fmt.Errorf("%s has no cloaking device", sh.Name)
	}
	if kind == Decloak {
		if !sh.Cloaked {
			return fmt.Errorf("%s is not cloaked", sh.Name)
		}
		return nil
	}
	if sh.Cloaked {
		return fmt.Errorf("%s is already cloaked", sh.Name)
	}
	return needAction(sh)
}

func checkCover(k known, sh *Ship, tid ShipID) error {
	if c := k.game().class(sh); !c.Vessel() {
		return fmt.Errorf("%s cannot cover: it is not a ship that sails", sh.Name)
	}
	if err := needAction(sh); err != nil {
		return err
	}
	if sh.Cloaked {
		return fmt.Errorf("%s is cloaked and cannot cover", sh.Name)
	}
	t := k.ship(tid)
	if t == nil || t == sh || t.Side != sh.Side || !t.Alive() {
		return fmt.Errorf("ship %d is not a friendly ship in the battle", tid)
	}
	if d := hex.Distance(sh.Pos, t.Pos); !CoverReaches(sh.Pos, t.Pos) {
		return fmt.Errorf("%s is %d hexes away, cover reaches %d", t.Name, d, CoverRadius)
	}
	return nil
}

func checkEvacuate(f *frame, sh *Ship) error {
	if !f.class(sh).Station {
		return fmt.Errorf("only a station can be evacuated")
	}
	if sh.EvacuateAt > 0 {
		return fmt.Errorf("the evacuation of %s is already ordered", sh.Name)
	}
	return needAction(sh)
}

// checkSabotage tests a station's sabotage program (Program Sisko 197): the
// station has one, and what it waits for is done: the evacuation, every ship
// of its side gone from the battle.
func checkSabotage(k known, sh *Ship) error {
	f := k.game()
	if !f.class(sh).Station {
		return fmt.Errorf("only a station can be sabotaged")
	}
	p := sh.Program
	if p.Name == "" {
		return fmt.Errorf("%s has no sabotage program", sh.Name)
	}
	if sh.Sabotaged {
		return fmt.Errorf("%s has already run", p.Name)
	}
	if p.NeedsEvacuated && !sh.Evacuated {
		return fmt.Errorf("%s must be evacuated first", sh.Name)
	}
	if p.NeedsAlone {
		var stays *Ship
		k.ships(sh.Side, func(o *Ship) bool {
			if o.Alive() && f.class(o).Vessel() {
				stays = o
			}
			return stays == nil
		})
		if stays != nil {
			return fmt.Errorf("%s has not left yet", stays.Name)
		}
	}
	return needAction(sh)
}

// checkDisable tests a team's attempt on a section of the station it is
// aboard.
func checkDisable(k known, sh *Ship, tid ShipID, section int) error {
	f := k.game()
	if !f.class(sh).Team || !sh.IsAboard() {
		return fmt.Errorf("%s is not a team aboard a station", sh.Name)
	}
	if err := needAction(sh); err != nil {
		return err
	}
	t := k.ship(tid)
	if t == nil || t.ID != sh.Aboard {
		return fmt.Errorf("%s is not aboard ship %d", sh.Name, tid)
	}
	return checkSection(f, t, section)
}

func checkBoard(k known, sh *Ship, tid ShipID) error {
	f := k.game()
	if f.class(sh).Troops == 0 {
		return fmt.Errorf("%s carries no troops", sh.Name)
	}
	if err := needAction(sh); err != nil {
		return err
	}
	if sh.Cloaked {
		return fmt.Errorf("%s must decloak to board", sh.Name)
	}
	t := k.ship(tid)
	if t == nil || !f.class(t).Station || t.Side == sh.Side || !t.Alive() {
		return fmt.Errorf("ship %d is not an enemy station", tid)
	}
	if t.Captured {
		return fmt.Errorf("%s is already taken", t.Name)
	}
	if d := f.distance(sh, sh.Pos, t); d > BoardReach {
		return fmt.Errorf("%s is %d hexes from %s; boarding needs contact", sh.Name, d, t.Name)
	}
	if t.Shields > 0 {
		return fmt.Errorf("%s's shields are up (%d)", t.Name, t.Shields)
	}
	return nil
}

func checkWithdraw(f *frame, sh *Ship) error {
	if f.class(sh).Fixed() {
		return fmt.Errorf("%s cannot withdraw: it does not move", sh.Name)
	}
	if f.Map.At(sh.Pos) != Exit {
		return fmt.Errorf("%s is not on an exit hex", sh.Name)
	}
	return needAction(sh)
}

// CoverReaches reports whether a ship at coverer protects a ward at ward.
func CoverReaches(coverer, ward hex.Hex) bool { return hex.Distance(coverer, ward) <= CoverRadius }

// covers reports whether c covers t now: its ward, within reach, uncloaked.
func covers(c, t *Ship) bool {
	return c.Covering == t.ID && c.Side == t.Side && c.Alive() && !c.Cloaked && CoverReaches(c.Pos, t.Pos)
}
