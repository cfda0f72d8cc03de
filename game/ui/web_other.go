//go:build !js

package ui

// platformUpdate is the browser build's bridge to its page (web_js.go); the
// desktop has none.
func (g *Game) platformUpdate() {}

// webPage is the browser build's bridge to its page; the desktop has none.
type webPage struct{}

// pointerIn reports whether the mouse is over the game; a desktop window
// always has the cursor's position.
func (g *Game) pointerIn() bool { return true }
