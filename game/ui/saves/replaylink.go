package saves

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/calltoarms/ds9/game/replay"
)

// A replay in a link: the browser build opens the replay carried in its
// page's URL fragment, #replay=<base64url of the JSON file, or of the
// gzip'd file> (web_js.go). Make one with
//
//	gzip -9c replay.json | basenc --base64url -w0

// maxFragment bounds the replay carried in a URL fragment (base64 text).
const maxFragment = 8 << 20

// ReplayFromFragment reads #replay=<base64url> (other fragment parameters,
// separated by &, are ignored). ok is false when the fragment has no replay.
func ReplayFromFragment(hash string) (data []byte, ok bool, err error) {
	hash = strings.TrimPrefix(hash, "#")
	for _, part := range strings.Split(hash, "&") {
		v, found := strings.CutPrefix(part, "replay=")
		if !found {
			continue
		}
		if len(v) > maxFragment {
			return nil, false, fmt.Errorf("%d characters, more than the limit of %d", len(v), maxFragment)
		}
		if u, err := url.PathUnescape(v); err == nil {
			v = u
		}
		v = strings.TrimRight(strings.NewReplacer("+", "-", "/", "_").Replace(v), "=")
		data, err := base64.RawURLEncoding.DecodeString(v)
		if err != nil {
			return nil, false, fmt.Errorf("not base64url: %v", err)
		}
		return data, true, nil
	}
	return nil, false, nil
}

// GunzipReplay decompresses a gzip'd replay, within the replay size limit.
func GunzipReplay(data []byte) ([]byte, error) {
	if len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b {
		return data, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	out, err := io.ReadAll(io.LimitReader(zr, replay.MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("gzip: %v", err)
	}
	if len(out) > replay.MaxFileSize {
		return nil, fmt.Errorf("more than the limit of %d bytes uncompressed", replay.MaxFileSize)
	}
	return out, nil
}

// ReplayLink is a link that opens a replay in the browser game: base (the
// page's address) with #replay= and the base64url of the gzip'd file.
func ReplayLink(base string, data []byte) (string, error) {
	var b bytes.Buffer
	zw, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return "", err
	}
	zw.Write(data)
	if err := zw.Close(); err != nil {
		return "", err
	}
	enc := base64.RawURLEncoding.EncodeToString(b.Bytes())
	if len(enc) > maxFragment {
		return "", fmt.Errorf("the replay is too long for a link: %d characters, the limit is %d", len(enc), maxFragment)
	}
	if i := strings.IndexByte(base, '#'); i >= 0 {
		base = base[:i]
	}
	return base + "#replay=" + enc, nil
}
