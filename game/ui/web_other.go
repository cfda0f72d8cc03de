//go:build !js

package ui

// webPage is the browser build's bridge to its page (web_js.go); the
// desktop has none.
type webPage struct{}

// update is the page's part of a frame: nothing on the desktop.
func (*webPage) update(*Game) {}

// pointerIn reports whether the mouse is over the game; a desktop window
// always has the cursor's position.
func (*webPage) pointerIn() bool { return true }

// coarse reports whether the pointer is a finger: a desktop's is a mouse.
func (*webPage) coarse() bool { return false }

// options adds the page's part to the options: nothing on the desktop.
func (*webPage) options(*Options) {}
