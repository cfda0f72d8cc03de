// Command ds9serve serves the browser build of Call to Arms (dist/web, made
// by `make wasm`) on http://127.0.0.1:8080: `make serve`.
//
//	go run ./cmd/ds9serve [-addr 127.0.0.1:8080] [-dir dist/web]
//	go run ./cmd/ds9serve -prepare [-dir dist/web] [-templates assets/web]
//
// -prepare writes the page files beside a built game (web.Prepare: the
// page, the service worker, the manifest and the icons) and exits; make
// wasm runs it.
//
// It sets the content types the page needs (application/wasm,
// text/javascript, text/html), serves ds9.wasm.gz with Content-Encoding: gzip
// to browsers that accept it, and asks browsers to revalidate every file so a
// rebuilt game is picked up on reload. Standard library only.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/calltoarms/ds9/web"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	dir := flag.String("dir", "dist/web", "folder of the browser build (made by make wasm)")
	quiet := flag.Bool("q", false, "do not log requests")
	prepare := flag.Bool("prepare", false, "write the page files into -dir from -templates, and exit")
	templates := flag.String("templates", "assets/web", "with -prepare: the folder of the page's templates")
	flag.Parse()
	if *prepare {
		v, err := web.Prepare(*templates, *dir)
		if err != nil {
			fmt.Fprintln(os.Stderr, "ds9serve:", err)
			os.Exit(1)
		}
		fmt.Printf("ds9serve: %s prepared, version %s\n", *dir, v)
		return
	}
	if err := run(*addr, *dir, *quiet); err != nil {
		fmt.Fprintln(os.Stderr, "ds9serve:", err)
		os.Exit(1)
	}
}

func run(addr, dir string, quiet bool) error {
	if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
		return fmt.Errorf("%s has no index.html: run make wasm first", dir)
	}
	if _, err := os.Stat(filepath.Join(dir, "ds9.wasm")); err != nil {
		return fmt.Errorf("%s has no ds9.wasm: run make wasm first", dir)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	var h http.Handler = web.Handler(dir)
	if !quiet {
		h = logRequests(h)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	fmt.Printf("ds9serve: serving %s on http://%s/ (Ctrl-C to stop)\n", dir, ln.Addr())

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return nil
}

type statusWriter struct {
	http.ResponseWriter
	code int
}

func (s *statusWriter) WriteHeader(code int) {
	s.code = code
	s.ResponseWriter.WriteHeader(code)
}

func logRequests(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
		t := time.Now()
		h.ServeHTTP(sw, r)
		enc := w.Header().Get("Content-Encoding")
		if enc != "" {
			enc = " (" + enc + ")"
		}
		log.Printf("%s %s %d%s %s", r.Method, r.URL.Path, sw.code, enc, time.Since(t).Round(time.Millisecond))
	})
}
