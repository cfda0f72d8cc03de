package render

import (
	"io/fs"
	"log"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/calltoarms/ds9/assets"
)

// The shaders' sources are art, kept as data in assets/shaders: the
// wormhole's mouth and the plasma belt.

func loadShader(name string) *ebiten.Shader {
	src, err := fs.ReadFile(assets.FS, name)
	if err != nil {
		log.Printf("assets/%s: %v", name, err)
		return nil
	}
	s, err := ebiten.NewShader(src)
	if err != nil {
		log.Printf("assets/%s: %v", name, err)
		return nil
	}
	return s
}
