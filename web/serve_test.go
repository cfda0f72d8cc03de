package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func testDir(t *testing.T) (string, []byte) {
	t.Helper()
	dir := t.TempDir()
	wasm := bytes.Repeat([]byte("\x00asm wasm body "), 4000)
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(wasm)
	zw.Close()
	files := map[string][]byte{
		"index.html":   []byte("<!DOCTYPE html><title>t</title>"),
		"wasm_exec.js": []byte("globalThis.Go = class {};"),
		"ds9.wasm":     wasm,
		"ds9.wasm.gz":  gz.Bytes(),
		".hidden":      []byte("secret"),
	}
	for n, d := range files {
		if err := os.WriteFile(filepath.Join(dir, n), d, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, wasm
}

func get(t *testing.T, h http.Handler, method, path, accept string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, path, nil)
	if accept != "" {
		req.Header.Set("Accept-Encoding", accept)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func TestContentTypes(t *testing.T) {
	dir, _ := testDir(t)
	h := Handler(dir)
	for path, want := range map[string]string{
		"/":             "text/html; charset=utf-8",
		"/index.html":   "text/html; charset=utf-8",
		"/wasm_exec.js": "text/javascript; charset=utf-8",
		"/ds9.wasm":     "application/wasm",
	} {
		res := get(t, h, "GET", path, "")
		if res.StatusCode != 200 {
			t.Errorf("%s: status %d", path, res.StatusCode)
		}
		if got := res.Header.Get("Content-Type"); got != want {
			t.Errorf("%s: Content-Type %q, want %q", path, got, want)
		}
		if got := res.Header.Get("Cache-Control"); got != "no-cache" {
			t.Errorf("%s: Cache-Control %q, want no-cache", path, got)
		}
	}
}

func TestGzip(t *testing.T) {
	dir, wasm := testDir(t)
	h := Handler(dir)

	res := get(t, h, "GET", "/ds9.wasm", "gzip, deflate, br")
	if res.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("Content-Encoding %q, want gzip", res.Header.Get("Content-Encoding"))
	}
	if res.Header.Get("Content-Type") != "application/wasm" {
		t.Errorf("Content-Type %q", res.Header.Get("Content-Type"))
	}
	if !strings.Contains(res.Header.Get("Vary"), "Accept-Encoding") {
		t.Errorf("Vary %q lacks Accept-Encoding", res.Header.Get("Vary"))
	}
	if res.Header.Get("Content-Length") == "" || res.Header.Get("Content-Length") == "60000" {
		t.Errorf("Content-Length %q, want the compressed size", res.Header.Get("Content-Length"))
	}
	if got, want := res.Header.Get(DecodedLengthHeader), "60000"; got != want {
		t.Errorf("%s %q, want %q", DecodedLengthHeader, got, want)
	}
	zr, err := gzip.NewReader(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(zr)
	if !bytes.Equal(body, wasm) {
		t.Errorf("decompressed body differs from ds9.wasm")
	}

	// No gzip: the plain file.
	for _, ae := range []string{"", "identity", "gzip;q=0", "br"} {
		res = get(t, h, "GET", "/ds9.wasm", ae)
		if res.Header.Get("Content-Encoding") != "" {
			t.Errorf("Accept-Encoding %q: got Content-Encoding %q", ae, res.Header.Get("Content-Encoding"))
		}
		body, _ = io.ReadAll(res.Body)
		if !bytes.Equal(body, wasm) {
			t.Errorf("Accept-Encoding %q: body differs from ds9.wasm", ae)
		}
	}
	// The .gz itself is served as a plain file.
	res = get(t, h, "GET", "/ds9.wasm.gz", "gzip")
	if res.Header.Get("Content-Encoding") != "" {
		t.Errorf("ds9.wasm.gz: Content-Encoding %q", res.Header.Get("Content-Encoding"))
	}
}

func TestRefused(t *testing.T) {
	dir, _ := testDir(t)
	h := Handler(dir)
	for _, path := range []string{"/nothing", "/.hidden", "/../serve.go", "/%2e%2e/serve.go"} {
		if res := get(t, h, "GET", path, "gzip"); res.StatusCode != 404 {
			t.Errorf("%s: status %d, want 404", path, res.StatusCode)
		}
	}
	if res := get(t, h, "POST", "/", ""); res.StatusCode != 405 {
		t.Errorf("POST: status %d, want 405", res.StatusCode)
	}
	if res := get(t, h, "HEAD", "/ds9.wasm", "gzip"); res.StatusCode != 200 {
		t.Errorf("HEAD: status %d", res.StatusCode)
	}
}

func TestNotModified(t *testing.T) {
	dir, _ := testDir(t)
	h := Handler(dir)
	res := get(t, h, "GET", "/ds9.wasm", "gzip")
	lm := res.Header.Get("Last-Modified")
	if lm == "" {
		t.Fatal("no Last-Modified")
	}
	req := httptest.NewRequest("GET", "/ds9.wasm", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	req.Header.Set("If-Modified-Since", lm)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusNotModified {
		t.Errorf("If-Modified-Since: status %d, want 304", rec.Code)
	}
}
