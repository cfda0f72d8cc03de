package ui

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"strings"
	"testing"

	"github.com/calltoarms/ds9/game/replay"
	"github.com/calltoarms/ds9/game/rules"
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
		data, ok, err := replayFromFragment(c.hash)
		if err != nil || !ok {
			t.Errorf("%s: ok %v, err %v", c.name, ok, err)
			continue
		}
		data, err = gunzipReplay(data)
		if err != nil || !bytes.Equal(data, js) {
			t.Errorf("%s: got %q, %v", c.name, data, err)
		}
	}
	for _, h := range []string{"", "#", "#side=watch", "#replayx=abc"} {
		if _, ok, err := replayFromFragment(h); ok || err != nil {
			t.Errorf("%q: ok %v, err %v; want no replay", h, ok, err)
		}
	}
	if _, _, err := replayFromFragment("#replay=***"); err == nil {
		t.Errorf("garbage: no error")
	}
	if _, _, err := replayFromFragment("#replay=" + strings.Repeat("A", maxFragment+1)); err == nil {
		t.Errorf("oversized fragment: no error")
	}
}

func TestGunzipReplayLimits(t *testing.T) {
	// A gzip bomb: more than the replay limit once decompressed.
	big := gz(t, bytes.Repeat([]byte{' '}, replay.MaxFileSize+10))
	if _, err := gunzipReplay(big); err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("oversized replay: err %v", err)
	}
	if _, err := gunzipReplay([]byte{0x1f, 0x8b, 1, 2, 3}); err == nil {
		t.Errorf("broken gzip: no error")
	}
}

func TestStatusOfABattle(t *testing.T) {
	sc := loadFlagship(t)
	s, err := NewSession(sc, 1, playersFor("dominion", "easy"))
	if err != nil {
		t.Fatal(err)
	}
	var st Status
	statusState(&st, s.State(), sc.ID)
	if st.Scenario != sc.ID || st.Turn < 1 || st.TurnLimit < st.Turn || st.Phase != "parley" || st.Outcome != "" {
		t.Errorf("status at the start: %+v", st)
	}
	// The Alliance (the computer) answers the terms; then the Dominion acts.
	if _, err := s.Apply(rules.Order{Kind: rules.AnswerTerms, Side: rules.Alliance}, false); err != nil {
		t.Fatal(err)
	}
	statusState(&st, s.State(), sc.ID)
	if st.Phase != "battle" || st.Active != "dominion" || !s.HumanTurn() {
		t.Errorf("status after the terms: %+v (human turn %v)", st, s.HumanTurn())
	}
}
