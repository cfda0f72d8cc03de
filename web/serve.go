// Package web is the browser build's page and server: Prepare writes the
// page files beside the game (dist/web, made by `make wasm` from the
// templates in assets/web: the page, the service worker, the manifest, and
// the icons drawn here), and Handler is the small static file server that
// serves them: `make serve` runs it through cmd/ds9serve, and the end-to-end
// test starts it in-process. Standard library only.
package web

import (
	"errors"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
)

// contentTypes are the types the page needs, set explicitly so that a
// machine's /etc/mime.types cannot change them.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".wasm":        "application/wasm",
	".json":        "application/json",
	".webmanifest": "application/manifest+json",
	".png":         "image/png",
	".svg":         "image/svg+xml",
	".ico":         "image/x-icon",
	".txt":         "text/plain; charset=utf-8",
}

// ContentType is the Content-Type the server gives a file name.
func ContentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// DecodedLengthHeader carries the size of a file served gzip-compressed
// before compression, so that the loading screen can show its progress in the
// bytes the page actually reads.
const DecodedLengthHeader = "X-Decoded-Content-Length"

// Handler serves the files of dir. For a file NAME with a NAME.gz beside it,
// a client that accepts gzip gets the compressed file with
// Content-Encoding: gzip. Every response must be revalidated
// (Cache-Control: no-cache, with Last-Modified), so a rebuilt game is never
// mixed with a stale one.
func Handler(dir string) http.Handler {
	return &server{dir: dir}
}

type server struct{ dir string }

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := path.Clean("/" + r.URL.Path)
	if strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	rel := strings.TrimPrefix(name, "/")
	if rel == "" {
		rel = "index.html"
	}
	if !fs.ValidPath(rel) || strings.HasPrefix(path.Base(rel), ".") {
		http.NotFound(w, r)
		return
	}

	root, err := os.OpenRoot(s.dir)
	if err != nil {
		http.Error(w, "the game is not built: run make wasm", http.StatusInternalServerError)
		return
	}
	defer root.Close()

	h := w.Header()
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Type", ContentType(rel))
	h.Add("Vary", "Accept-Encoding")

	serve := rel
	if acceptsGzip(r) && !strings.HasSuffix(rel, ".gz") {
		if fi, err := root.Stat(rel + ".gz"); err == nil && fi.Mode().IsRegular() {
			serve = rel + ".gz"
			h.Set("Content-Encoding", "gzip")
			if orig, err := root.Stat(rel); err == nil {
				h.Set(DecodedLengthHeader, strconv.FormatInt(orig.Size(), 10))
			}
		}
	}
	f, err := root.Open(serve)
	if err != nil {
		h.Del("Content-Encoding")
		h.Del(DecodedLengthHeader)
		if errors.Is(err, fs.ErrNotExist) {
			http.NotFound(w, r)
			return
		}
		http.Error(w, "cannot open "+rel, http.StatusForbidden)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		h.Del("Content-Encoding")
		h.Del(DecodedLengthHeader)
		http.NotFound(w, r)
		return
	}
	if serve != rel {
		// net/http leaves out Content-Length when Content-Encoding is set,
		// because of ranges; the compressed file is sent whole, with its size.
		r.Header.Del("Range")
		h.Set("Content-Length", strconv.FormatInt(fi.Size(), 10))
	}
	// ServeContent answers conditional requests (If-Modified-Since) and sets
	// Content-Length; the Content-Type set above is kept.
	http.ServeContent(w, r, rel, fi.ModTime(), f)
}

// acceptsGzip reports whether the request's Accept-Encoding allows gzip.
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		enc = strings.ToLower(strings.TrimSpace(enc))
		if enc != "gzip" && enc != "*" {
			continue
		}
		if q, ok := strings.CutPrefix(strings.ReplaceAll(params, " ", ""), "q="); ok {
			if v, err := strconv.ParseFloat(q, 64); err == nil && v == 0 {
				continue
			}
		}
		return true
	}
	return false
}
