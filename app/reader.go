package app

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
)

// Highlight marks a span of the text in the reader: an excerpt in its tag's
// colour or a mention in its entity's.
type Highlight struct {
	Span   model.Span // code points of the text
	Colour color.Color
	Kind   string // "excerpt" or "mention"
	ID     int64
	Label  string // shown when pointed at
}

// Reader shows an article's text with highlights and lets the analyst
// select any span with the mouse or the keyboard.
//
// A word-wrapped Entry freezes on a long article, so the reader lays the
// text out itself: it breaks lines with cached rune widths, scrolls on its
// own and draws only the lines in sight. Every position is a code point of
// the text, as spans are stored.
type Reader struct {
	widget.BaseWidget
	// OnSelectionChanged sees every change of the selection the analyst
	// makes; Select and SetText do not call it.
	OnSelectionChanged func(model.Span)
	// OnHighlightTapped sees a tap on a highlight.
	OnHighlightTapped func(Highlight)
	// OnHighlightHovered sees the pointer come onto a highlight, and nil
	// when it leaves every highlight.
	OnHighlightHovered func(*Highlight)

	text       string
	highlights []Highlight
	layout     readerLayout
	font       runeFont
	offset     float32 // how far the text is scrolled up

	anchor, caret int     // the selection runs between them
	goalX         float32 // where Up and Down aim, kept while moving vertically
	focused       bool
	shift         bool // a Shift key is held
	reveal        bool // Select came before the first layout: show the selection then

	pointer pointerState
	hovered int // index in highlights, or -1
	hoverAt fyne.Position
	now     func() time.Time // a test may stop the clock
}

// NewReader returns an empty reader.
func NewReader() *Reader {
	r := &Reader{hovered: -1, now: time.Now}
	r.ExtendBaseWidget(r)
	return r
}

// SetText shows text with its highlights, from the top, and clears the
// selection.
func (r *Reader) SetText(text string, hs []Highlight) {
	r.text = text
	r.highlights = hs
	r.layout.runes = []rune(text)
	r.layout.adv = make([]float32, len(r.layout.runes))
	r.font = runeFont{}
	r.anchor, r.caret, r.offset, r.goalX = 0, 0, 0, -1
	r.hovered, r.reveal = -1, false
	r.relayout(true)
	r.Refresh()
}

// Text is the text shown.
func (r *Reader) Text() string { return r.text }

// Highlights are the highlights shown.
func (r *Reader) Highlights() []Highlight { return r.highlights }

// Selection is the selected span in code points; empty when none.
func (r *Reader) Selection() model.Span {
	if r.anchor == r.caret {
		return model.Span{}
	}
	return model.Span{Start: min(r.anchor, r.caret), End: max(r.anchor, r.caret)}
}

// SelectedText is the text of the selection.
func (r *Reader) SelectedText() string {
	s := r.Selection()
	return string(r.layout.runes[s.Start:s.End])
}

// Select selects span and brings it into sight. A span out of the text is
// cut to it.
func (r *Reader) Select(span model.Span) {
	n := len(r.layout.runes)
	start, end := min(max(span.Start, 0), n), min(max(span.End, 0), n)
	r.anchor, r.caret = min(start, end), max(start, end)
	r.goalX = -1
	r.relayout(false)
	r.reveal = len(r.layout.lines) == 0
	r.scrollToSee(r.anchor, r.caret)
	r.Refresh()
}

// PositionAt is the caret position nearest to p, in the reader's
// coordinates: the code point before which a click at p puts the caret.
func (r *Reader) PositionAt(p fyne.Position) int {
	if len(r.layout.lines) == 0 {
		return 0
	}
	pad := r.padding()
	k := r.layout.lineAt(p.Y - pad + r.offset)
	return r.layout.positionIn(k, p.X-pad)
}

// PointOf is the top-left corner of code point i in the reader's
// coordinates.
func (r *Reader) PointOf(i int) fyne.Position {
	if len(r.layout.lines) == 0 {
		return fyne.Position{}
	}
	i = min(max(i, 0), len(r.layout.runes))
	k := r.layout.lineOf(i)
	pad := r.padding()
	return fyne.NewPos(pad+r.layout.x(k, i), pad+r.layout.lines[k].y-r.offset)
}

// ScrollOffset is how far the text is scrolled up, in pixels.
func (r *Reader) ScrollOffset() float32 { return r.offset }

// MinSize lets the reader shrink to a few lines; it scrolls the rest.
func (r *Reader) MinSize() fyne.Size {
	h := r.lineHeight()
	return fyne.NewSize(10*h, 3*h+2*r.padding())
}

// CreateRenderer implements fyne.Widget.
func (r *Reader) CreateRenderer() fyne.WidgetRenderer {
	r.ExtendBaseWidget(r)
	return newReaderRenderer(r)
}

func (r *Reader) padding() float32 { return r.Theme().Size(theme.SizeNameInnerPadding) }

func (r *Reader) lineHeight() float32 {
	th := r.Theme()
	return fyne.MeasureText("M", th.Size(theme.SizeNameText), fyne.TextStyle{}).Height
}

// textWidth is the width lines are broken to.
func (r *Reader) textWidth() float32 {
	return r.Size().Width - 2*r.padding() - r.barWidth()
}

func (r *Reader) barWidth() float32 { return r.Theme().Size(theme.SizeNameScrollBar) }

// relayout measures the runes when the font changed and breaks lines again
// when the width or the font changed (or always, when force is set). The
// code point at the top stays at the top.
func (r *Reader) relayout(force bool) {
	th := r.Theme()
	font := runeFont{font: th.Font(fyne.TextStyle{}).Name(), size: th.Size(theme.SizeNameText)}
	width := r.textWidth()
	if width <= 0 {
		return
	}
	l := &r.layout
	if font != r.font {
		r.font, force = font, true
		advancesFor(font, l.runes, l.adv)
		l.lineHeight = r.lineHeight()
		l.gap = l.lineHeight / 2
	}
	if !force && width == l.width && l.lines != nil {
		return
	}
	top := -1
	if len(l.lines) > 0 && r.offset > 0 {
		top = l.lines[l.lineAt(r.offset)].start
	}
	l.wrap(width)
	if top >= 0 {
		r.offset = l.lines[l.lineOf(top)].y
	}
	r.clampOffset()
	if r.reveal {
		r.reveal = false
		r.scrollToSee(r.anchor, r.caret)
	}
}

// scrollTo scrolls so that offset pixels of the text are above the top.
// SetScrollOffset scrolls to an offset ScrollOffset gave, kept within the
// text, so that a view showing the same article again keeps its place.
func (r *Reader) SetScrollOffset(offset float32) { r.scrollTo(offset) }

func (r *Reader) scrollTo(offset float32) {
	old := r.offset
	r.offset = offset
	r.clampOffset()
	if r.offset != old {
		r.Refresh()
	}
}

func (r *Reader) clampOffset() {
	r.offset = min(r.offset, r.maxOffset())
	r.offset = max(r.offset, 0)
}

func (r *Reader) maxOffset() float32 {
	return max(r.layout.height+2*r.padding()-r.Size().Height, 0)
}

// scrollToSee scrolls as little as needed to show code points from..to,
// or the start of them when they do not fit.
func (r *Reader) scrollToSee(from, to int) {
	l := &r.layout
	if len(l.lines) == 0 {
		return
	}
	view := r.Size().Height - 2*r.padding()
	top := l.lines[l.lineOf(from)].y
	bottom := l.lines[l.lineOf(to)].y + l.lineHeight
	switch {
	case bottom-top > view || top < r.offset:
		r.offset = top
	case bottom > r.offset+view:
		r.offset = bottom - view
	}
	r.clampOffset()
}

// setSelection moves the selection at the analyst's hand and tells
// OnSelectionChanged when it changed.
func (r *Reader) setSelection(anchor, caret int) {
	before := r.Selection()
	r.anchor, r.caret = anchor, caret
	r.Refresh()
	if after := r.Selection(); after != before && r.OnSelectionChanged != nil {
		r.OnSelectionChanged(after)
	}
}
