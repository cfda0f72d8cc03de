// Package saves keeps the player's save games (replay files) and reads replays
// from outside the game: the desktop's config folder or the browser's local
// storage, files named on the command line, and replays carried in a link.
package saves

import (
	"fmt"
	"strings"
	"time"

	"github.com/calltoarms/ds9/game/replay"
)

// Storage keeps save games (replay files) by name. The desktop keeps them as
// files in the user's config folder; a browser build keeps them in its local
// storage.
type Storage interface {
	// Save writes a save game whole, or not at all.
	Save(name string, data []byte) error
	// Load reads a save game.
	Load(name string) ([]byte, error)
	// List names the save games, newest first.
	List() ([]SaveInfo, error)
	// Where says where the saves are kept, for the player.
	Where() string
}

// SaveInfo names a save game.
type SaveInfo struct {
	Name    string
	ModTime time.Time
}

// AutosaveName is the name of the save written at every turn.
const AutosaveName = "autosave.json"

// memStorage keeps saves in memory.
type memStorage struct {
	files map[string][]byte
	times map[string]time.Time
}

// NewMemory keeps saves in memory: for tests, and when nothing else works.
func NewMemory() Storage {
	return &memStorage{files: map[string][]byte{}, times: map[string]time.Time{}}
}

func (m *memStorage) Save(name string, data []byte) error {
	m.files[name] = append([]byte(nil), data...)
	m.times[name] = time.Now()
	return nil
}

func (m *memStorage) Load(name string) ([]byte, error) {
	d, ok := m.files[name]
	if !ok {
		return nil, fmt.Errorf("no save named %q", name)
	}
	return d, nil
}

func (m *memStorage) List() ([]SaveInfo, error) {
	var out []SaveInfo
	for n, t := range m.times {
		out = append(out, SaveInfo{Name: n, ModTime: t})
	}
	sortSaves(out)
	return out, nil
}

func (m *memStorage) Where() string { return "memory" }

func sortSaves(s []SaveInfo) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].ModTime.After(s[j-1].ModTime); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// validSaveName keeps names to a plain file name.
func validSaveName(name string) error {
	if name == "" || len(name) > 100 || strings.ContainsAny(name, `/\:`) || strings.HasPrefix(name, ".") {
		return fmt.Errorf("bad save name %q", name)
	}
	return nil
}

// Write writes a replay file to storage.
func Write(st Storage, name string, f *replay.File) error {
	data, err := replay.Marshal(f)
	if err != nil {
		return err
	}
	return st.Save(name, data)
}

// Read reads a replay file from storage.
func Read(st Storage, name string) (*replay.File, error) {
	data, err := st.Load(name)
	if err != nil {
		return nil, err
	}
	return replay.Load(name, data)
}
