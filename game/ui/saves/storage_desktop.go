//go:build !js

package saves

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// fileStorage keeps saves as files in a folder.
type fileStorage struct{ dir string }

// Default is the saves folder in the user's config folder:
// calltoarms/saves. When there is none, saves are kept in memory.
func Default() Storage {
	base, err := os.UserConfigDir()
	if err != nil {
		return NewMemory()
	}
	return &fileStorage{dir: filepath.Join(base, "calltoarms", "saves")}
}

// NewDir keeps saves in dir.
func NewDir(dir string) Storage { return &fileStorage{dir: dir} }

func (f *fileStorage) Where() string { return f.dir }

func (f *fileStorage) Save(name string, data []byte) error {
	if err := validSaveName(name); err != nil {
		return err
	}
	if err := os.MkdirAll(f.dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(f.dir, ".save-*.tmp")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(data)
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(tmp.Name())
		return werr
	}
	if err := os.Rename(tmp.Name(), filepath.Join(f.dir, name)); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

func (f *fileStorage) Load(name string) ([]byte, error) {
	if err := validSaveName(name); err != nil {
		return nil, err
	}
	p := filepath.Join(f.dir, name)
	fi, err := os.Stat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w named %q in %s", ErrNotFound, name, f.dir)
	}
	if err != nil {
		return nil, err
	}
	if fi.Size() > maxSaveSize {
		return nil, fmt.Errorf("%s: %d bytes, more than the limit of %d", p, fi.Size(), maxSaveSize)
	}
	return os.ReadFile(p)
}

func (f *fileStorage) Delete(name string) error {
	if err := validSaveName(name); err != nil {
		return err
	}
	err := os.Remove(filepath.Join(f.dir, name))
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%w named %q in %s", ErrNotFound, name, f.dir)
	}
	return err
}

func (f *fileStorage) List() ([]SaveInfo, error) {
	ents, err := os.ReadDir(f.dir)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil
		}
		return nil, err
	}
	var out []SaveInfo
	for _, e := range ents {
		if !e.Type().IsRegular() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, SaveInfo{Name: e.Name(), ModTime: fi.ModTime()})
	}
	sortSaves(out)
	return out, nil
}

// ReadPath reads a file named on the command line (a replay).
func ReadPath(p string) ([]byte, error) {
	fi, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if fi.Size() > maxSaveSize {
		return nil, fmt.Errorf("%s: %d bytes, more than the limit of %d", p, fi.Size(), maxSaveSize)
	}
	return os.ReadFile(p)
}

// WritePath writes a file named on the command line (a screenshot).
func WritePath(p string, data []byte) error { return os.WriteFile(p, data, 0o644) }
