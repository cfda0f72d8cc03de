// Package assets holds the game's original art as data, apart from the code
// that draws it:
//
//	shaders/*.kage   the Kage shaders (the wormhole's mouth, the plasma belt),
//	                 compiled once by game/ui/render
//	looks.yaml       how each ship class looks: silhouette, length and the
//	                 palette of its faction, keyed by class id, with a fallback
//	                 look per faction (read by game/ui/render)
//	web/index.html   the browser build's page and loading screen: `make wasm`
//	                 writes it to dist/web/index.html with the game's size filled in
//
// FS embeds what the game loads at run time; the page template is not
// embedded (the build copies it beside the game).
package assets

import "embed"

// FS holds shaders/*.kage and looks.yaml.
//
//go:embed shaders/*.kage looks.yaml
var FS embed.FS
