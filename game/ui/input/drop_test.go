package input

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

// dropScript is a script that drops files in one frame.
type dropScript struct {
	*script
	drop fs.FS
}

func (s *dropScript) DroppedFiles() fs.FS {
	d := s.drop
	s.drop = nil
	return d
}

// Files dropped on the game are the input's for the frame they came in,
// touch or mouse.
func TestDroppedFiles(t *testing.T) {
	files := fstest.MapFS{"mine.yaml": {Data: []byte("id: mine")}}
	s := &dropScript{script: newScript()}
	in := &Input{Source: s}
	in.Update()
	if in.Dropped != nil {
		t.Fatal("files before any were dropped")
	}
	s.drop = files
	in.Update()
	if b, err := fs.ReadFile(in.Dropped, "mine.yaml"); err != nil || string(b) != "id: mine" {
		t.Fatalf("dropped: %q, %v", b, err)
	}
	in.Update()
	if in.Dropped != nil {
		t.Error("the files dropped are still there a frame later")
	}
	// A source without drops has none.
	plain := &Input{Source: newScript()}
	plain.Update()
	if plain.Dropped != nil {
		t.Error("a source without drops dropped files")
	}
}
