// Package sound synthesises the game's sound effects in code and plays them;
// a machine with no sound device plays silently.
package sound

import (
	"log"
	"math"
	"math/rand/v2"
	"os"
	"runtime"
	"strconv"
	"time"

	"github.com/hajimehoshi/ebiten/v2/audio"
)

// soundID names a synthesised sound effect.
type ID uint8

const (
	None ID = iota
	Phaser
	Pulse
	Disruptor
	Polaron
	Torpedo
	Explosion
	Shield
	Mine
	Cloak
	Alarm
	Click
	Warp
	soundCount
)

const sampleRate = 44100

// Sound plays the synthesised effects. When there is no sound device, or
// anything about sound fails, the game is silent and carries on.
type Sound struct {
	ctx     *audio.Context
	data    [soundCount][]byte
	last    [soundCount]time.Time
	Enabled bool
	Volume  float64
	later   bool // NewLater: the device is opened by Start
}

// New returns the game's sound. mute, or no usable sound device, gives a
// silent Sound. Ebitengine has one audio context a process: a second game in
// the same process (tests) shares the first one's.
func New(mute bool) *Sound {
	s := &Sound{Volume: 0.5}
	if mute || !soundDevicePresent() {
		return s
	}
	s.ctx = audio.CurrentContext()
	if s.ctx == nil {
		func() {
			defer func() {
				if r := recover(); r != nil {
					log.Printf("sound disabled: %v", r)
					s.ctx = nil
				}
			}()
			s.ctx = audio.NewContext(sampleRate)
		}()
	}
	s.Enabled = s.ctx != nil
	return s
}

// NewLater is New without opening the sound device yet: Start opens it.
// Opening it takes a browser a good part of a second, which the first
// frame need not wait for (and a browser plays nothing before the player's
// first click or key anyway). Until then the sound is Available, and silent.
func NewLater(mute bool) *Sound {
	s := &Sound{Volume: 0.5}
	if mute || !soundDevicePresent() {
		return s
	}
	s.later, s.Enabled = true, true
	return s
}

// Start opens the sound device of a NewLater sound; nothing otherwise.
func (s *Sound) Start() {
	if s == nil || !s.later {
		return
	}
	s.later = false
	enabled := s.Enabled
	started := New(false)
	s.ctx = started.ctx
	s.Enabled = enabled && s.ctx != nil
}

// Available reports whether there is a sound device to play on.
func (s *Sound) Available() bool { return s != nil && (s.ctx != nil || s.later) }

// soundDevicePresent guesses whether the audio driver will find a device, so
// that a machine without one never has the audio back end fail the game.
func soundDevicePresent() bool {
	if os.Getenv("DS9_NOSOUND") != "" {
		return false
	}
	switch runtime.GOOS {
	case "linux", "freebsd", "netbsd", "openbsd":
	default:
		return true
	}
	// PulseAudio (or PipeWire's Pulse server) first, as the driver tries it first.
	if os.Getenv("PULSE_SERVER") != "" {
		return true
	}
	for _, dir := range []string{os.Getenv("XDG_RUNTIME_DIR"), "/run/user/" + strconv.Itoa(os.Getuid()), "/var/run"} {
		if dir == "" {
			continue
		}
		if _, err := os.Stat(dir + "/pulse/native"); err == nil {
			return true
		}
	}
	if data, err := os.ReadFile("/proc/asound/cards"); err == nil && len(data) > 0 && string(data[:min(len(data), 3)]) != "---" {
		return hasLib("libasound.so.2")
	}
	return false
}

func hasLib(name string) bool {
	for _, dir := range []string{"/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib/x86_64-linux-gnu", "/lib64", "/lib"} {
		if _, err := os.Stat(dir + "/" + name); err == nil {
			return true
		}
	}
	return false
}

// Play starts a sound effect; it never fails loudly.
func (s *Sound) Play(id ID) {
	if s == nil || s.ctx == nil || !s.Enabled || id == None || id >= soundCount {
		return
	}
	now := time.Now()
	if now.Sub(s.last[id]) < 45*time.Millisecond {
		return // a volley does not need one sound per shot
	}
	s.last[id] = now
	defer func() {
		if r := recover(); r != nil {
			s.Enabled = false
		}
	}()
	if s.data[id] == nil {
		s.data[id] = synth(id)
	}
	p := s.ctx.NewPlayerFromBytes(s.data[id])
	p.SetVolume(s.Volume)
	p.Play()
}

// synth renders a sound effect as 16-bit stereo PCM.
func synth(id ID) []byte {
	var dur float64
	var f func(t, u float64) float64 // t seconds, u 0..1 of the sound
	rng := rand.New(rand.NewPCG(uint64(id), 7))
	noise := func() float64 { return rng.Float64()*2 - 1 }
	lp := 0.0
	switch id {
	case Phaser:
		dur = 0.38
		f = func(t, u float64) float64 {
			fr := 1400 - 600*u + 30*math.Sin(t*90)
			return 0.35 * math.Sin(2*math.Pi*fr*t) * (1 - u) * math.Min(1, t*200)
		}
	case Pulse:
		dur = 0.32
		f = func(t, u float64) float64 {
			k := math.Mod(t, 0.1) / 0.1
			return 0.45 * math.Copysign(1, math.Sin(2*math.Pi*180*(1-0.5*k)*t)) * math.Exp(-k*6) * (1 - u*0.5)
		}
	case Disruptor:
		dur = 0.28
		f = func(t, u float64) float64 {
			fr := 320 - 140*u
			saw := 2*math.Mod(fr*t, 1) - 1
			return 0.3 * saw * math.Exp(-u*3) * math.Min(1, t*300)
		}
	case Polaron:
		dur = 0.34
		f = func(t, u float64) float64 {
			return 0.35 * math.Sin(2*math.Pi*520*t+4*math.Sin(2*math.Pi*37*t)) * (1 - u) * math.Min(1, t*200)
		}
	case Torpedo:
		dur = 0.55
		f = func(t, u float64) float64 {
			lp += (noise() - lp) * 0.08
			return (0.6*lp + 0.25*math.Sin(2*math.Pi*(140+260*u)*t)) * math.Exp(-u*2.5) * math.Min(1, t*80)
		}
	case Explosion:
		dur = 1.1
		f = func(t, u float64) float64 {
			lp += (noise() - lp) * (0.05 + 0.1*(1-u))
			return 1.6 * lp * math.Exp(-u*4) * math.Min(1, t*400)
		}
	case Shield:
		dur = 0.25
		f = func(t, u float64) float64 {
			return 0.22 * (math.Sin(2*math.Pi*1900*t) + 0.5*math.Sin(2*math.Pi*2630*t)) * math.Exp(-u*5)
		}
	case Mine:
		dur = 0.7
		f = func(t, u float64) float64 {
			lp += (noise() - lp) * 0.12
			return (0.7*math.Sin(2*math.Pi*(70-30*u)*t) + 0.8*lp) * math.Exp(-u*4)
		}
	case Cloak:
		dur = 0.6
		f = func(t, u float64) float64 {
			return 0.25 * math.Sin(2*math.Pi*(900-600*u)*t) * (0.6 + 0.4*math.Sin(2*math.Pi*24*t)) * math.Sin(math.Pi*u)
		}
	case Alarm:
		dur = 0.9
		f = func(t, u float64) float64 {
			fr := 660.0
			if math.Mod(t, 0.3) > 0.15 {
				fr = 880
			}
			return 0.25 * math.Sin(2*math.Pi*fr*t) * (1 - u*0.4)
		}
	case Click:
		dur = 0.04
		f = func(t, u float64) float64 { return 0.25 * math.Sin(2*math.Pi*1800*t) * (1 - u) }
	case Warp:
		dur = 0.5
		f = func(t, u float64) float64 {
			return 0.25 * math.Sin(2*math.Pi*(200+1400*u*u)*t) * math.Sin(math.Pi*u)
		}
	default:
		return nil
	}
	n := int(dur * sampleRate)
	out := make([]byte, n*4)
	for i := range n {
		t := float64(i) / sampleRate
		v := f(t, float64(i)/float64(n))
		v = math.Max(-1, math.Min(1, v))
		s := int16(v * 32000)
		out[4*i], out[4*i+1] = byte(s), byte(s>>8)
		out[4*i+2], out[4*i+3] = byte(s), byte(s>>8)
	}
	return out
}
