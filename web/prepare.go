package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
)

// Prepare writes the browser build's page files beside its game: from the
// templates in srcDir (assets/web) into dir, which holds ds9.wasm and
// wasm_exec.js already (make wasm builds them):
//
//	index.html             the page, with the game's size and the build's version
//	sw.js                  the service worker, with the version and the files it keeps
//	manifest.webmanifest   the web app manifest (installable)
//	icon-192.png, icon-512.png, icon-maskable-512.png
//
// The version is a hash of the game and the page: the service worker keeps
// each version's files apart, and the page asks for ds9.wasm?v=VERSION, so
// that a new build is never mixed with an old one. It returns the version.
func Prepare(srcDir, dir string) (string, error) {
	wasm, err := os.ReadFile(filepath.Join(dir, "ds9.wasm"))
	if err != nil {
		return "", fmt.Errorf("%v: build the game first (make wasm)", err)
	}
	wasmExec, err := os.ReadFile(filepath.Join(dir, "wasm_exec.js"))
	if err != nil {
		return "", fmt.Errorf("%v: copy wasm_exec.js first (make wasm)", err)
	}
	read := func(name string) ([]byte, error) { return os.ReadFile(filepath.Join(srcDir, name)) }
	page, err := read("index.html")
	if err != nil {
		return "", err
	}
	sw, err := read("sw.js")
	if err != nil {
		return "", err
	}
	manifest, err := read("manifest.webmanifest")
	if err != nil {
		return "", err
	}
	if !json.Valid(manifest) {
		return "", fmt.Errorf("%s: not valid JSON", filepath.Join(srcDir, "manifest.webmanifest"))
	}
	h := sha256.New()
	for _, b := range [][]byte{wasm, wasmExec, page, sw, manifest} {
		h.Write(b)
		h.Write([]byte{0})
	}
	version := hex.EncodeToString(h.Sum(nil))[:12]

	page = bytes.ReplaceAll(page, []byte("__WASM_SIZE__"), []byte(strconv.Itoa(len(wasm))))
	page = bytes.ReplaceAll(page, []byte("__VERSION__"), []byte(version))
	icons := map[string][]byte{
		"icon-192.png":          Icon(192, false),
		"icon-512.png":          Icon(512, false),
		"icon-maskable-512.png": Icon(512, true),
	}
	files := []string{"./", "index.html", "wasm_exec.js?v=" + version, "ds9.wasm?v=" + version, "manifest.webmanifest", "icon-192.png", "icon-512.png", "icon-maskable-512.png"}
	list, _ := json.Marshal(files)
	sw = bytes.ReplaceAll(sw, []byte("__VERSION__"), []byte(version))
	sw = bytes.ReplaceAll(sw, []byte("__FILES__"), list)
	out := map[string][]byte{"index.html": page, "sw.js": sw, "manifest.webmanifest": manifest}
	for n, b := range icons {
		out[n] = b
	}
	for name, data := range out {
		if err := writeAtomic(filepath.Join(dir, name), data); err != nil {
			return "", err
		}
	}
	return version, nil
}

// writeAtomic writes a file whole or not at all.
func writeAtomic(p string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(p), "."+filepath.Base(p)+".*.tmp")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(data)
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(tmp.Name(), 0o644)
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), p)
	}
	if werr != nil {
		os.Remove(tmp.Name())
	}
	return werr
}
