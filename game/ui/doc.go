// Package ui is the Ebitengine front end of Call to Arms, and the thin top
// of it that cmd/ds9 runs: Game puts the scene manager in Ebitengine's loop
// and adds the window, the screenshot mode, frame-time statistics and the
// browser page's hooks. The rest lives in packages that say what they hold:
//
//	play    the window-free play model: Session, Controller, Camera, Status
//	        and the event log's text (it never imports Ebitengine)
//	input   the one input type: raw keys, mouse, wheel and touch into
//	        commands and gestures
//	render  the art, loaded once into one Kit: fonts and text, the effects
//	        atlas, shaders, ship looks and sprites; the map and the effects
//	sound   the synthesised sound effects
//	saves   save games, command-line files and replay links
//	scene   the scene manager and the scenes: title, briefing, battle (HUD,
//	        director, menu), after-action report, replay viewer
//
// It decides no rule. Everything drawn comes from rules.View of the side the
// player sees and from the events the engine returns; every order goes
// through the replay recorder's Apply.
package ui
