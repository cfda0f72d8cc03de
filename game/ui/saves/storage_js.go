//go:build js

package saves

import (
	"errors"
	"fmt"
	"strings"
	"syscall/js"
	"time"
)

// webStorage keeps saves in the browser's local storage.
type webStorage struct{ ls js.Value }

const webPrefix = "calltoarms/saves/"

// Default is the browser's local storage, or memory when it is missing.
func Default() Storage {
	ls := js.Global().Get("localStorage")
	if ls.IsUndefined() || ls.IsNull() {
		return NewMemory()
	}
	return &webStorage{ls: ls}
}

func (w *webStorage) Where() string { return "browser storage" }

func (w *webStorage) Save(name string, data []byte) (err error) {
	if err := validSaveName(name); err != nil {
		return err
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("saving %s: %v", name, r)
		}
	}()
	w.ls.Call("setItem", webPrefix+name, string(data))
	w.ls.Call("setItem", webPrefix+name+"#time", time.Now().Format(time.RFC3339))
	return nil
}

func (w *webStorage) Load(name string) ([]byte, error) {
	v := w.ls.Call("getItem", webPrefix+name)
	if v.IsNull() {
		return nil, fmt.Errorf("no save named %q", name)
	}
	return []byte(v.String()), nil
}

func (w *webStorage) List() ([]SaveInfo, error) {
	var out []SaveInfo
	n := w.ls.Get("length").Int()
	for i := range n {
		k := w.ls.Call("key", i).String()
		if !strings.HasPrefix(k, webPrefix) || strings.HasSuffix(k, "#time") {
			continue
		}
		name := strings.TrimPrefix(k, webPrefix)
		t, _ := time.Parse(time.RFC3339, w.ls.Call("getItem", k+"#time").String())
		out = append(out, SaveInfo{Name: name, ModTime: t})
	}
	sortSaves(out)
	return out, nil
}

func ReadPath(p string) ([]byte, error) {
	return nil, errors.New("reading files is not available in the browser: " + p)
}

func WritePath(p string, data []byte) error {
	if p == "" {
		return nil // nothing named, nothing to write
	}
	return errors.New("writing files is not available in the browser: " + p)
}
