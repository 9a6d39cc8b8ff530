package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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
// select any span with the mouse or the keyboard. (Placeholder rendering
// until the widget of our own lands.)
type Reader struct {
	widget.BaseWidget
	// OnSelectionChanged sees every change of the selection.
	OnSelectionChanged func(model.Span)
	// OnHighlightTapped sees a tap on a highlight.
	OnHighlightTapped func(Highlight)

	text       string
	highlights []Highlight
	selection  model.Span
	label      *widget.Label
}

// NewReader returns an empty reader.
func NewReader() *Reader {
	r := &Reader{label: widget.NewLabel("")}
	r.label.Wrapping = fyne.TextWrapWord
	r.ExtendBaseWidget(r)
	return r
}

// SetText shows text with its highlights and clears the selection.
func (r *Reader) SetText(text string, hs []Highlight) {
	r.text, r.highlights, r.selection = text, hs, model.Span{}
	r.label.SetText(text)
}

// Text is the text shown.
func (r *Reader) Text() string { return r.text }

// Highlights are the highlights shown.
func (r *Reader) Highlights() []Highlight { return r.highlights }

// Selection is the selected span in code points; empty when none.
func (r *Reader) Selection() model.Span { return r.selection }

// Select selects span and brings it into sight.
func (r *Reader) Select(span model.Span) {
	r.selection = span
	if r.OnSelectionChanged != nil {
		r.OnSelectionChanged(span)
	}
}

// CreateRenderer implements fyne.Widget.
func (r *Reader) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVScroll(r.label))
}
