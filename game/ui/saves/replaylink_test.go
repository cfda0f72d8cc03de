package saves

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"strings"
	"testing"

	"github.com/calltoarms/ds9/game/replay"
)

func gz(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	zw.Write(data)
	zw.Close()
	return b.Bytes()
}

func TestReplayFromFragment(t *testing.T) {
	js := []byte(`{"version":1,"scenario":"x"}`)
	enc := base64.RawURLEncoding.EncodeToString
	for _, c := range []struct {
		name, hash string
	}{
		{"plain", "#replay=" + enc(js)},
		{"gzip", "#replay=" + enc(gz(t, js))},
		{"padded standard base64", "#replay=" + base64.StdEncoding.EncodeToString(gz(t, js))},
		{"other parameters", "#side=watch&replay=" + enc(js) + "&x=1"},
		{"no hash sign", "replay=" + enc(js)},
	} {
		data, ok, err := ReplayFromFragment(c.hash)
		if err != nil || !ok {
			t.Errorf("%s: ok %v, err %v", c.name, ok, err)
			continue
		}
		data, err = GunzipReplay(data)
		if err != nil || !bytes.Equal(data, js) {
			t.Errorf("%s: got %q, %v", c.name, data, err)
		}
	}
	for _, h := range []string{"", "#", "#side=watch", "#replayx=abc"} {
		if _, ok, err := ReplayFromFragment(h); ok || err != nil {
			t.Errorf("%q: ok %v, err %v; want no replay", h, ok, err)
		}
	}
	if _, _, err := ReplayFromFragment("#replay=***"); err == nil {
		t.Errorf("garbage: no error")
	}
	if _, _, err := ReplayFromFragment("#replay=" + strings.Repeat("A", maxFragment+1)); err == nil {
		t.Errorf("oversized fragment: no error")
	}
}

func TestGunzipReplayLimits(t *testing.T) {
	// A gzip bomb: more than the replay limit once decompressed.
	big := gz(t, bytes.Repeat([]byte{' '}, replay.MaxFileSize+10))
	if _, err := GunzipReplay(big); err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("oversized replay: err %v", err)
	}
	if _, err := GunzipReplay([]byte{0x1f, 0x8b, 1, 2, 3}); err == nil {
		t.Errorf("broken gzip: no error")
	}
}

// A link made by ReplayLink opens the replay it carries.
func TestReplayLinkRoundTrip(t *testing.T) {
	js := []byte(`{"version":1,"scenario":"x","turns":[]}`)
	link, err := ReplayLink("https://example.org/ds9/?scene=battle#old", js)
	if err != nil {
		t.Fatal(err)
	}
	base, frag, ok := strings.Cut(link, "#")
	if !ok || base != "https://example.org/ds9/?scene=battle" || strings.Count(link, "#") != 1 {
		t.Fatalf("link %q", link)
	}
	data, ok, err := ReplayFromFragment("#" + frag)
	if err != nil || !ok {
		t.Fatalf("the link's fragment: %v %v", ok, err)
	}
	if data, err = GunzipReplay(data); err != nil || !bytes.Equal(data, js) {
		t.Fatalf("round trip: %q, %v", data, err)
	}
}
