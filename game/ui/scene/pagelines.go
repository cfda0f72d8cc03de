package scene

import (
	"github.com/hajimehoshi/ebiten/v2/text/v2"

	"github.com/calltoarms/ds9/game/ui/render"
)

// A page of styled lines (the campaign's page, the battle's help): text
// wrapped to a width, each line with its kind.

// campaignLine is a line of a page of text.
type campaignLine struct {
	text string
	kind int // lineHead, lineBold, lineBody, lineDim, lineGood, lineBad, lineGap
}

const (
	lineHead = iota
	lineBold
	lineBody
	lineDim
	lineGood
	lineBad
	lineGap
)

// addLines wraps s to w in the face of its kind and appends its lines.
func addLines(dst []campaignLine, f *render.Fonts, w float64, kind int, s string) []campaignLine {
	face, _, _ := lineStyle(f, kind)
	for _, l := range render.WrapText(s, face, w) {
		dst = append(dst, campaignLine{l, kind})
	}
	return dst
}

// lineStyle is how a line of a kind is drawn: its face, its height and its
// colour.
func lineStyle(f *render.Fonts, kind int) (*text.GoTextFace, float64, render.Color) {
	switch kind {
	case lineHead:
		return f.Bold, f.BoldH, render.ColAccent
	case lineBold:
		return f.Bold, f.BoldH, render.ColText
	case lineDim:
		return f.Body, f.BodyH, render.ColDim
	case lineGood:
		return f.Body, f.BodyH, render.ColGood
	case lineBad:
		return f.Body, f.BodyH, render.ColBad
	case lineGap:
		return f.Body, f.BodyH * 0.5, render.ColText
	}
	return f.Body, f.BodyH, render.ColText
}
