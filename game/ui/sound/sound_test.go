package sound

import "testing"

// A muted game has a silent Sound that plays nothing and never fails.
func TestMuted(t *testing.T) {
	s := New(true)
	if s.Available() || s.Enabled {
		t.Fatal("a muted sound has a device")
	}
	for id := None; id <= soundCount; id++ {
		s.Play(id)
	}
	var none *Sound
	none.Play(Click)
}

// Every effect synthesises to 16-bit stereo samples.
func TestSynth(t *testing.T) {
	for id := None + 1; id < soundCount; id++ {
		pcm := synth(id)
		if len(pcm) == 0 || len(pcm)%4 != 0 {
			t.Errorf("sound %d: %d bytes", id, len(pcm))
		}
	}
	if synth(None) != nil {
		t.Error("None has samples")
	}
}
