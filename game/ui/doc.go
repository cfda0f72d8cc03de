// Package ui is the Ebitengine front end of Call to Arms: scenes (title,
// briefing, battle, after-action report, replay viewer), the camera, input,
// the HUD, effects, sprites drawn from vector paths and synthesised sound.
//
// It decides no rule. Everything it draws comes from rules.View of the side
// the player sees and from the events the engine returns; every order goes
// through the replay recorder's Apply. The logic that needs no window
// (camera, hex picking, selection, clicks into orders, undo) lives in plain Go
// types (Camera, Session, Controller) that tests drive without a game loop.
package ui
