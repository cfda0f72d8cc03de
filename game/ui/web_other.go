//go:build !js

package ui

// platformUpdate is the browser build's bridge to its page (web_js.go); the
// desktop has none.
func (g *Game) platformUpdate() {}
