package render

import (
	"bytes"
	"fmt"
	"math"

	"github.com/hajimehoshi/ebiten/v2"
	"github.com/hajimehoshi/ebiten/v2/text/v2"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// fontSources are the Go fonts, parsed once by the kit.
type fontSources struct{ regular, bold *text.GoTextFaceSource }

func loadFonts() (fontSources, error) {
	var f fontSources
	var err error
	if f.regular, err = text.NewGoTextFaceSource(bytes.NewReader(goregular.TTF)); err != nil {
		return f, fmt.Errorf("the Go regular font: %v", err)
	}
	if f.bold, err = text.NewGoTextFaceSource(bytes.NewReader(gobold.TTF)); err != nil {
		return f, fmt.Errorf("the Go bold font: %v", err)
	}
	return f, nil
}

// Fonts are the faces of the HUD at the screen's scale.
type Fonts struct {
	scale                                   float64
	Small, Body, Bold, Head, Big, Title     *text.GoTextFace
	SmallH, BodyH, BoldH, HeadH, BigH, TitH float64
}

// Fonts returns the HUD's faces at a screen scale.
func (k *Kit) Fonts(scale float64) *Fonts {
	fontRegular, fontBd := k.fonts.regular, k.fonts.bold
	f := &Fonts{scale: scale}
	mk := func(src *text.GoTextFaceSource, size float64) *text.GoTextFace {
		return &text.GoTextFace{Source: src, Size: size * scale}
	}
	f.Small = mk(fontRegular, 12)
	f.Body = mk(fontRegular, 14)
	f.Bold = mk(fontBd, 14)
	f.Head = mk(fontBd, 20)
	f.Big = mk(fontBd, 34)
	f.BigH = 34 * scale * 1.25
	f.Title = mk(fontBd, 52)
	f.SmallH, f.BodyH, f.BoldH, f.HeadH, f.TitH = 12*scale*1.35, 14*scale*1.35, 14*scale*1.35, 20*scale*1.3, 52*scale*1.2
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

// Text is drawn from a cache of pre-rendered lines: a line is laid out and
// rasterised once into a small image (white, so any colour can tint it), and
// every frame after that is one DrawImage, with no allocation. Rendering a
// line into its image switches the GPU's target twice (to the line, and
// back), which a software GPU pays dearly for; so the first frame draws its
// text straight onto the screen, and each frame after caches a few new
// lines (textPerFrame) and draws the rest straight.
type textKey struct {
	s    string
	face *text.GoTextFace
}

type textEntry struct {
	img  *ebiten.Image
	w    float64
	used int
}

// textCache keeps the rendered lines.
type textCache struct {
	lines  map[textKey]*textEntry
	op     text.DrawOptions
	imgOp  ebiten.DrawImageOptions
	frame  int
	direct bool // draw every line with text.Draw, uncached (DS9_DIRECTTEXT, to compare)
	budget int  // new lines still to cache this frame
}

// textPerFrame is how many new lines a frame caches (none in the first).
const textPerFrame = 24

const textPad = 2

func (c *textCache) cached(s string, face *text.GoTextFace) *textEntry {
	k := textKey{s, face}
	e := c.lines[k]
	if e == nil {
		textOp := &c.op
		w, h := text.Measure(s, face, face.Size*1.3)
		img := ebiten.NewImage(int(math.Ceil(w))+2*textPad, int(math.Ceil(h))+2*textPad)
		textOp.GeoM.Reset()
		textOp.GeoM.Translate(textPad, textPad)
		textOp.ColorScale.Reset()
		textOp.LineSpacing = face.Size * 1.3
		textOp.PrimaryAlign = text.AlignStart
		text.Draw(img, s, face, textOp)
		e = &textEntry{img: img, w: w}
		c.lines[k] = e
		c.budget--
	}
	e.used = c.frame
	return e
}

// TextTick ages the text cache once a frame and drops lines unused for a while.
func (k *Kit) TextTick() {
	c := &k.text
	c.frame++
	c.budget = textPerFrame
	if c.frame%600 != 0 {
		return
	}
	for key, e := range c.lines {
		if c.frame-e.used > 600 {
			e.img.Deallocate()
			delete(c.lines, key)
		}
	}
}

// Text draws one line with its top at y.
func (k *Kit) Text(dst *ebiten.Image, s string, face *text.GoTextFace, x, y float64, c RGBA, al Align) {
	if s == "" {
		return
	}
	tc := &k.text
	textOp := &tc.op
	if tc.direct || tc.lines[textKey{s, face}] == nil && tc.budget <= 0 {
		textOp.GeoM.Reset()
		textOp.GeoM.Translate(math.Round(x), math.Round(y))
		textOp.ColorScale.Reset()
		textOp.ColorScale.Scale(c.R*c.A, c.G*c.A, c.B*c.A, c.A)
		textOp.LineSpacing = face.Size * 1.3
		textOp.PrimaryAlign = [...]text.Align{text.AlignStart, text.AlignCenter, text.AlignEnd}[al]
		text.Draw(dst, s, face, textOp)
		return
	}
	e := tc.cached(s, face)
	switch al {
	case Center:
		x -= e.w / 2
	case Right:
		x -= e.w
	}
	op := &tc.imgOp
	op.GeoM.Reset()
	op.GeoM.Translate(math.Round(x)-textPad, math.Round(y)-textPad)
	op.ColorScale.Reset()
	op.ColorScale.Scale(c.R*c.A, c.G*c.A, c.B*c.A, c.A)
	dst.DrawImage(e.img, op)
}

// TextWidth measures a line.
func TextWidth(s string, face *text.GoTextFace) float64 {
	w, _ := text.Measure(s, face, 0)
	return w
}

// WrapText breaks s into lines no wider than w. It allocates: call it when
// the text changes, not every frame.
func WrapText(s string, face *text.GoTextFace, w float64) []string {
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
			if TextWidth(try, face) > w && line != "" {
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

// Paragraphs joins a YAML block's hard-wrapped lines into paragraphs.
func Paragraphs(s string) string {
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
