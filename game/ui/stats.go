package ui

import (
	"fmt"
	"slices"
	"time"
)

// frameStats measures frame times: the time between the starts of successive
// frames, as a player feels them.
type frameStats struct {
	last    time.Time
	first   time.Time
	n       int
	samples []float32 // milliseconds, preallocated
	drawNS  []float32 // time spent in Draw itself, milliseconds
	upd     []float32 // time spent in Update, milliseconds
}

func (s *frameStats) update(d time.Duration) {
	if s.upd == nil {
		s.upd = make([]float32, 0, statsMax)
	}
	if s.n > statsWarmup && len(s.upd) < statsMax {
		s.upd = append(s.upd, float32(d.Seconds()*1000))
	}
}

const (
	statsWarmup = 30
	statsMax    = 1 << 17
)

func (s *frameStats) frame(drawStart time.Time) {
	now := time.Now()
	if s.samples == nil {
		s.samples = make([]float32, 0, statsMax)
		s.drawNS = make([]float32, 0, statsMax)
	}
	s.n++
	if s.n == statsWarmup {
		s.first = drawStart
	}
	if s.n > statsWarmup && len(s.samples) < statsMax {
		s.samples = append(s.samples, float32(drawStart.Sub(s.last).Seconds()*1000))
		s.drawNS = append(s.drawNS, float32(now.Sub(drawStart).Seconds()*1000))
	}
	s.last = drawStart
}

func percentile(v []float32, p float64) float32 {
	if len(v) == 0 {
		return 0
	}
	c := slices.Clone(v)
	slices.Sort(c)
	i := int(p * float64(len(c)-1))
	return c[i]
}

// report is the line -stats prints on exit.
func (s *frameStats) report() string {
	if len(s.samples) == 0 {
		return "stats: too few frames to measure"
	}
	el := s.last.Sub(s.first).Seconds()
	fps := 0.0
	if el > 0 {
		fps = float64(len(s.samples)) / el
	}
	return fmt.Sprintf("stats: %d frames; frame time p50 %.2f ms, p99 %.2f ms; average %.1f FPS; Draw (CPU) p50 %.2f ms, p99 %.2f ms; Update p50 %.2f ms, p99 %.2f ms",
		len(s.samples), percentile(s.samples, 0.5), percentile(s.samples, 0.99), fps,
		percentile(s.drawNS, 0.5), percentile(s.drawNS, 0.99), percentile(s.upd, 0.5), percentile(s.upd, 0.99))
}
