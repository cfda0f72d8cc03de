// Package saves keeps the player's save games (replay files with a card
// each, slots.go), the autosave of each battle and the player's settings,
// and reads replays from outside the game: the desktop's config folder or
// the browser's local storage, files named on the command line, and replays
// carried in a link.
package saves

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/calltoarms/ds9/game/replay"
)

// Storage keeps entries by name: save games (NAME.json), their cards
// (NAME.meta) and the settings. The desktop keeps them as files in the
// user's config folder; a browser build keeps them in its local storage.
type Storage interface {
	// Save writes an entry whole, or not at all.
	Save(name string, data []byte) error
	// Load reads an entry; ErrNotFound when there is none.
	Load(name string) ([]byte, error)
	// Delete deletes an entry; ErrNotFound when there is none.
	Delete(name string) error
	// List names the entries, newest first.
	List() ([]SaveInfo, error)
	// Where says where the saves are kept, for the player.
	Where() string
}

// maxSaveSize bounds what is read back.
const maxSaveSize = 16 << 20

// ErrNotFound is the error of loading or deleting an entry that is not there.
var ErrNotFound = errors.New("no such save")

// SaveInfo names a save game.
type SaveInfo struct {
	Name    string
	ModTime time.Time
}

// AutosaveName is the autosave of the game's first versions, one for every
// battle; it is still listed and continued. A battle now has its own
// (AutosaveFor).
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
		return nil, fmt.Errorf("%w named %q", ErrNotFound, name)
	}
	return d, nil
}

func (m *memStorage) Delete(name string) error {
	if _, ok := m.files[name]; !ok {
		return fmt.Errorf("%w named %q", ErrNotFound, name)
	}
	delete(m.files, name)
	delete(m.times, name)
	return nil
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

// sortSaves sorts newest first; names order entries saved at the same time.
func sortSaves(s []SaveInfo) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && (s[j].ModTime.After(s[j-1].ModTime) || s[j].ModTime.Equal(s[j-1].ModTime) && s[j].Name < s[j-1].Name); j-- {
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

// The player's settings are an entry of their own beside the saves.
const settingsName = "settings.prefs"

// maxSettings bounds the settings read back.
const maxSettings = 16 << 10

// ReadSettings reads the player's settings into v (JSON); it reports false
// when there are none, or they do not read.
func ReadSettings(st Storage, v any) bool {
	data, err := st.Load(settingsName)
	if err != nil || len(data) > maxSettings {
		return false
	}
	return json.Unmarshal(data, v) == nil
}

// WriteSettings keeps the player's settings.
func WriteSettings(st Storage, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return st.Save(settingsName, data)
}
