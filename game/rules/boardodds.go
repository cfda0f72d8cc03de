package rules

// BoardOdds are the chances of one boarding party against a station, as
// the side that sends it may know them: the same fight the engine rolls
// (BoardingFight over every roll of BoardMin..BoardMax, each as likely).
type BoardOdds struct {
	Troops   int     // the party's troops
	Garrison int     // the station's defenders left
	Killed   float64 // defenders the party kills, on average
	Capture  float64 // the chance the station falls to this party
	Repulse  float64 // the chance the party is thrown back (its ship takes RepulseDamage)
}

// BoardOdds gives the odds of ship boarding station now, after the checks
// Apply runs (an illegal boarding is its error).
func (v *View) BoardOdds(ship, station ShipID) (BoardOdds, error) {
	if err := v.Check(Order{Kind: Board, Side: v.Side, Ship: ship, Target: station}); err != nil {
		return BoardOdds{}, err
	}
	sh, t := v.Ship(ship), v.Ship(station)
	return boardOdds(v.Class(sh).Troops, t.Garrison, t.MainPower), nil
}

// boardOdds counts the fight's rolls.
func boardOdds(troops, garrison int, powered bool) BoardOdds {
	o := BoardOdds{Troops: troops, Garrison: garrison}
	if garrison <= 0 {
		o.Capture = 1 // no fight: the first party takes it
		return o
	}
	n := float64(BoardMax - BoardMin + 1)
	for r := BoardMin; r <= BoardMax; r++ {
		killed, back := BoardingFight(troops, r, powered)
		killed = min(killed, garrison)
		o.Killed += float64(killed) / n
		switch {
		case killed == garrison:
			o.Capture += 1 / n
		case back:
			o.Repulse += 1 / n
		}
	}
	return o
}
