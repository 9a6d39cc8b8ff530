package app

import (
	"sort"
	"sync"
	"unicode"

	"fyne.io/fyne/v2"
)

// Measuring a string with fyne.MeasureText shapes it, which costs tens of
// microseconds a call: far too slow to call per word of a long article. The
// reader therefore measures each rune once per font and size, keeps the
// advance, and lays lines out by adding advances. Kerning makes the rendered
// line a pixel or two narrower than the sum at most; positions stay
// consistent because every mapping in the reader uses the same sums.

// runeFont names one set of advances: the theme's font, the size and style.
type runeFont struct {
	font  string
	size  float32
	style fyne.TextStyle
}

// runeAdvances are the measured advances of one runeFont.
type runeAdvances struct {
	ascii [128]float32
	known [128]bool
	other map[rune]float32
}

var advanceCache = struct {
	sync.Mutex
	fonts map[runeFont]*runeAdvances
}{fonts: map[runeFont]*runeAdvances{}}

// advancesFor returns the advances of font, measuring each rune of runes
// that was never measured before, and fills adv with one advance per rune.
func advancesFor(font runeFont, runes []rune, adv []float32) {
	advanceCache.Lock()
	defer advanceCache.Unlock()
	a := advanceCache.fonts[font]
	if a == nil {
		a = &runeAdvances{other: map[rune]float32{}}
		advanceCache.fonts[font] = a
	}
	for i, r := range runes {
		adv[i] = a.advance(font, r)
	}
}

func (a *runeAdvances) advance(font runeFont, r rune) float32 {
	if r < 128 {
		if !a.known[r] {
			a.ascii[r], a.known[r] = measureRune(font, r), true
		}
		return a.ascii[r]
	}
	w, ok := a.other[r]
	if !ok {
		w = measureRune(font, r)
		a.other[r] = w
	}
	return w
}

// measureRune gives control characters no width (they are not drawn) and a
// tab the width of four spaces (it is drawn as four).
func measureRune(font runeFont, r rune) float32 {
	switch {
	case r == '\t':
		return 4 * fyne.MeasureText(" ", font.size, font.style).Width
	case unicode.IsControl(r):
		return 0
	}
	return fyne.MeasureText(string(r), font.size, font.style).Width
}

// readerLine is one line on screen: the code points [start, end) of the
// text, drawn at y from the top of the text. A line that wraps keeps its
// trailing spaces; the last line of a paragraph ends at the newline.
type readerLine struct {
	start, end int
	y          float32
	wrapped    bool // the paragraph goes on on the next line
}

// readerLayout is the text broken into lines for one width.
type readerLayout struct {
	runes      []rune
	adv        []float32 // advance of each rune
	width      float32   // the width lines were broken for
	lineHeight float32
	gap        float32 // extra space after a paragraph
	lines      []readerLine
	height     float32
}

// wrap breaks every paragraph into lines no wider than width.
func (l *readerLayout) wrap(width float32) {
	l.width = width
	l.lines = l.lines[:0]
	y := float32(0)
	start := 0
	for i := 0; i <= len(l.runes); i++ {
		if i < len(l.runes) && l.runes[i] != '\n' {
			continue
		}
		y = l.wrapParagraph(start, i, y)
		y += l.gap
		start = i + 1
	}
	l.height = y - l.gap
	if l.height < 0 {
		l.height = 0
	}
}

// wrapParagraph lays out [start, end) from y and returns the y below it.
// Spaces hang at the end of a line rather than start the next one.
func (l *readerLayout) wrapParagraph(start, end int, y float32) float32 {
	lineStart, lastBreak := start, -1
	x := float32(0)
	for i := start; i < end; i++ {
		r := l.runes[i]
		if unicode.IsSpace(r) {
			x += l.adv[i]
			continue
		}
		if i > lineStart && l.canBreakBefore(i) {
			lastBreak = i
		}
		if x+l.adv[i] > l.width && i > lineStart {
			next := i
			if lastBreak > lineStart {
				next = lastBreak
			}
			l.lines = append(l.lines, readerLine{start: lineStart, end: next, y: y, wrapped: true})
			y += l.lineHeight
			lineStart, lastBreak = next, -1
			x = sum(l.adv[next:i])
		}
		x += l.adv[i]
	}
	l.lines = append(l.lines, readerLine{start: lineStart, end: end, y: y})
	return y + l.lineHeight
}

// canBreakBefore allows a break after a space, a hyphen or a slash, and
// between ideographs, which are written without spaces.
func (l *readerLayout) canBreakBefore(i int) bool {
	prev := l.runes[i-1]
	switch {
	case unicode.IsSpace(prev), prev == '-', prev == '/', prev == '—', prev == '–':
		return true
	}
	return isIdeograph(prev) || isIdeograph(l.runes[i])
}

func isIdeograph(r rune) bool {
	return r >= 0x2E80 && (unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul))
}

func sum(xs []float32) float32 {
	var s float32
	for _, x := range xs {
		s += x
	}
	return s
}

// lineOf is the index of the line that shows code point i; a position where
// a line wraps belongs to the line below.
func (l *readerLayout) lineOf(i int) int {
	n := sort.Search(len(l.lines), func(k int) bool { return l.lines[k].start > i })
	return max(n-1, 0)
}

// lineAt is the index of the line at y from the top of the text. Half a
// pixel of slack absorbs rounding when a point is converted between
// coordinates.
func (l *readerLayout) lineAt(y float32) int {
	n := sort.Search(len(l.lines), func(k int) bool { return l.lines[k].y > y+0.5 })
	return min(max(n-1, 0), len(l.lines)-1)
}

// x is the distance of code point i from the start of its line k.
func (l *readerLayout) x(k, i int) float32 {
	ln := l.lines[k]
	return sum(l.adv[ln.start:min(max(i, ln.start), ln.end)])
}

// positionIn is the caret position nearest to x on line k: a point in the
// left half of a rune is before it, in the right half after it. Past the
// end of a wrapped line it stops before the hanging space, so that a drag
// to the margin does not take the space.
func (l *readerLayout) positionIn(k int, x float32) int {
	ln := l.lines[k]
	acc := float32(0)
	for i := ln.start; i < ln.end; i++ {
		if x < acc+l.adv[i]/2 {
			return i
		}
		acc += l.adv[i]
	}
	return l.lineEnd(k)
}

// lineEnd is where End takes the caret on line k.
func (l *readerLayout) lineEnd(k int) int {
	ln := l.lines[k]
	if ln.wrapped && ln.end > ln.start && unicode.IsSpace(l.runes[ln.end-1]) {
		return ln.end - 1
	}
	return ln.end
}

// runeAt is the code point drawn under x on line k, or -1 past the end.
func (l *readerLayout) runeAt(k int, x float32) int {
	ln := l.lines[k]
	if x < 0 {
		return -1
	}
	acc := float32(0)
	for i := ln.start; i < ln.end; i++ {
		acc += l.adv[i]
		if x < acc {
			return i
		}
	}
	return -1
}

// visible is the range of lines [first, last) that meet [top, bottom).
func (l *readerLayout) visible(top, bottom float32) (first, last int) {
	first = sort.Search(len(l.lines), func(k int) bool { return l.lines[k].y+l.lineHeight > top })
	last = sort.Search(len(l.lines), func(k int) bool { return l.lines[k].y >= bottom })
	return first, max(first, last)
}

// shown is the string drawn for line k: tabs become spaces and other control
// characters are left out, as measureRune measured them.
func (l *readerLayout) shown(k int) string {
	ln := l.lines[k]
	plain := true
	for _, r := range l.runes[ln.start:ln.end] {
		if r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			plain = false
			break
		}
	}
	if plain {
		return string(l.runes[ln.start:ln.end])
	}
	out := make([]rune, 0, ln.end-ln.start)
	for _, r := range l.runes[ln.start:ln.end] {
		switch {
		case r == '\t':
			out = append(out, ' ', ' ', ' ', ' ')
		case unicode.IsControl(r):
		default:
			out = append(out, r)
		}
	}
	return string(out)
}
