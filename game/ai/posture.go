package ai

// posture is a way of playing: a commander's judgement and habits. The normal
// level plays the normal posture; the easy level too, hesitantly (level.go);
// the hard level searches a portfolio of postures with the engine, phase by
// phase (search.go).
type posture struct {
	name string
	// sharp is the sharper judgement: a station's fire weighs what its
	// target is about to do, wings fire on the section carrying a station's
	// main power, a minelayer that has laid stays put, a ship cloaks sooner.
	sharp bool
	// direct moves the fleet as the crow flies toward its goal rather than
	// along the distance field: onto whatever lies between, such as the
	// positions of an enemy minefield still being laid.
	direct bool
	// evacuate has a station evacuated as soon as it loses main power.
	evacuate bool
	// hunt sends each wing after the enemy ship nearest it, whatever its
	// orders.
	hunt bool
}

// normalPosture is the normal level's.
var normalPosture = posture{name: "normal"}

// portfolio is what the hard level chooses from each phase, the normal
// posture first (kept on a tie).
var portfolio = []posture{
	normalPosture,
	{name: "sharp", sharp: true},
	{name: "direct", direct: true},
	{name: "hunt", hunt: true},
	{name: "evacuate", evacuate: true},
}
