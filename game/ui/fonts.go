package ui

import (
	"bytes"
	"sync"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

var (
	fontOnce            sync.Once
	fontRegular, fontBd *text.GoTextFaceSource
)

// loadFonts creates the Go font sources once.
func loadFonts() {
	fontOnce.Do(func() {
		var err error
		if fontRegular, err = text.NewGoTextFaceSource(bytes.NewReader(goregular.TTF)); err != nil {
			panic(err)
		}
		if fontBd, err = text.NewGoTextFaceSource(bytes.NewReader(gobold.TTF)); err != nil {
			panic(err)
		}
	})
}

// Fonts are the faces of the HUD at the screen's scale.
type Fonts struct {
	scale                             float64
	Small, Body, Bold, Head, Title    *text.GoTextFace
	smallH, bodyH, boldH, headH, titH float64
}

func newFonts(scale float64) *Fonts {
	loadFonts()
	f := &Fonts{scale: scale}
	mk := func(src *text.GoTextFaceSource, size float64) *text.GoTextFace {
		return &text.GoTextFace{Source: src, Size: size * scale}
	}
	f.Small = mk(fontRegular, 12)
	f.Body = mk(fontRegular, 14)
	f.Bold = mk(fontBd, 14)
	f.Head = mk(fontBd, 20)
	f.Title = mk(fontBd, 52)
	f.smallH, f.bodyH, f.boldH, f.headH, f.titH = 12*scale*1.35, 14*scale*1.35, 14*scale*1.35, 20*scale*1.3, 52*scale*1.2
	return f
}

// Align of text against its anchor.
type Align uint8

// Alignments.
const (
	Left Align = iota
	Center
	Right
)

// textOp is reused by every text draw: no allocation per call.
var textOp text.DrawOptions

// drawText draws one line with its top at y.
func drawText(dst *ebiten.Image, s string, face *text.GoTextFace, x, y float64, c rgba, al Align) {
	if s == "" {
		return
	}
	textOp.GeoM.Reset()
	textOp.GeoM.Translate(x, y)
	textOp.ColorScale.Reset()
	textOp.ColorScale.Scale(c.R*c.A, c.G*c.A, c.B*c.A, c.A)
	textOp.LineSpacing = face.Size * 1.3
	switch al {
	case Center:
		textOp.PrimaryAlign = text.AlignCenter
	case Right:
		textOp.PrimaryAlign = text.AlignEnd
	default:
		textOp.PrimaryAlign = text.AlignStart
	}
	text.Draw(dst, s, face, &textOp)
}

// textWidth measures a line.
func textWidth(s string, face *text.GoTextFace) float64 {
	w, _ := text.Measure(s, face, 0)
	return w
}

// wrapText breaks s into lines no wider than w. It allocates: call it when
// the text changes, not every frame.
func wrapText(s string, face *text.GoTextFace, w float64) []string {
	var out []string
	for _, para := range splitLines(s) {
		if para == "" {
			out = append(out, "")
			continue
		}
		line := ""
		for _, word := range splitWords(para) {
			try := word
			if line != "" {
				try = line + " " + word
			}
			if textWidth(try, face) > w && line != "" {
				out = append(out, line)
				line = word
			} else {
				line = try
			}
		}
		out = append(out, line)
	}
	return out
}

func splitLines(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

func splitWords(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' || s[i] == '\t' {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	return out
}

// paragraphs joins a YAML block's hard-wrapped lines into paragraphs.
func paragraphs(s string) string {
	var b bytes.Buffer
	lines := splitLines(s)
	for i, l := range lines {
		if l == "" {
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			continue
		}
		if b.Len() > 0 && i > 0 && lines[i-1] != "" {
			b.WriteByte(' ')
		}
		b.WriteString(l)
	}
	return string(bytes.TrimSpace(b.Bytes()))
}
