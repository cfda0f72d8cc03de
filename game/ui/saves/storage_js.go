//go:build js

package saves

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strings"
	"syscall/js"
	"time"
)

// webStorage keeps saves in the browser's local storage: each entry under
// calltoarms/saves/NAME, with NAME#time beside it. A save game of more than
// a few kilobytes is kept gzip'd in base64 (gz64:…): a battle's replay is a
// fifth of its size so, and the storage's few megabytes hold many battles.
type webStorage struct{ ls js.Value }

const (
	webPrefix = "calltoarms/saves/"
	webTime   = "#time"
	webGzip   = "gz64:"
	// webGzipFrom is the size from which an entry is kept gzip'd.
	webGzipFrom = 2048
)

// Default is the browser's local storage, or memory when it is missing.
func Default() Storage {
	ls := js.Global().Get("localStorage")
	if ls.IsUndefined() || ls.IsNull() {
		return NewMemory()
	}
	return &webStorage{ls: ls}
}

func (w *webStorage) Where() string { return "this browser's storage" }

// call calls a method of local storage; a JavaScript exception (the
// storage is full, or forbidden) is an error.
func (w *webStorage) call(what, method string, args ...any) (v js.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			msg := fmt.Sprint(r)
			if e, ok := r.(js.Error); ok {
				msg = e.Error()
			}
			if strings.Contains(strings.ToLower(msg), "quota") {
				msg = "the browser's storage is full: delete some saves"
			}
			err = fmt.Errorf("%s: %s", what, msg)
		}
	}()
	return w.ls.Call(method, args...), nil
}

func (w *webStorage) Save(name string, data []byte) error {
	if err := validSaveName(name); err != nil {
		return err
	}
	text := string(data)
	if len(data) >= webGzipFrom {
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestSpeed) // saved after every order: quick first
		zw.Write(data)
		zw.Close()
		text = webGzip + base64.StdEncoding.EncodeToString(b.Bytes())
	}
	if _, err := w.call("saving "+name, "setItem", webPrefix+name, text); err != nil {
		return err
	}
	_, err := w.call("saving "+name, "setItem", webPrefix+name+webTime, time.Now().Format(time.RFC3339Nano))
	return err
}

func (w *webStorage) Load(name string) ([]byte, error) {
	v, err := w.call("loading "+name, "getItem", webPrefix+name)
	if err != nil {
		return nil, err
	}
	if v.IsNull() || v.IsUndefined() {
		return nil, fmt.Errorf("%w named %q", ErrNotFound, name)
	}
	text := v.String()
	if len(text) > 2*maxSaveSize {
		return nil, fmt.Errorf("%s: %d characters, more than the limit of %d", name, len(text), 2*maxSaveSize)
	}
	enc, ok := strings.CutPrefix(text, webGzip)
	if !ok {
		return []byte(text), nil
	}
	z, err := base64.StdEncoding.DecodeString(enc)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(z))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	data, err := io.ReadAll(io.LimitReader(zr, maxSaveSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if len(data) > maxSaveSize {
		return nil, fmt.Errorf("%s: more than the limit of %d bytes", name, maxSaveSize)
	}
	return data, nil
}

func (w *webStorage) Delete(name string) error {
	v, err := w.call("deleting "+name, "getItem", webPrefix+name)
	if err != nil {
		return err
	}
	if v.IsNull() || v.IsUndefined() {
		return fmt.Errorf("%w named %q", ErrNotFound, name)
	}
	if _, err := w.call("deleting "+name, "removeItem", webPrefix+name); err != nil {
		return err
	}
	_, err = w.call("deleting "+name, "removeItem", webPrefix+name+webTime)
	return err
}

func (w *webStorage) List() ([]SaveInfo, error) {
	var out []SaveInfo
	n := w.ls.Get("length").Int()
	for i := range n {
		kv := w.ls.Call("key", i)
		if kv.Type() != js.TypeString {
			continue
		}
		k := kv.String()
		if !strings.HasPrefix(k, webPrefix) || strings.HasSuffix(k, webTime) {
			continue
		}
		name := strings.TrimPrefix(k, webPrefix)
		var t time.Time
		if tv := w.ls.Call("getItem", k+webTime); tv.Type() == js.TypeString {
			t, _ = time.Parse(time.RFC3339Nano, tv.String())
		}
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
