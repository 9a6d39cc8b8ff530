package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// readerRenderer draws the lines in sight and nothing else, so a long
// article costs no more to show than a short one. Its canvas objects are
// kept in pools and reused as the text scrolls.
type readerRenderer struct {
	r        *Reader
	texts    []*canvas.Text
	marks    []*canvas.Rectangle // highlights and selection, behind the text
	caret    *canvas.Rectangle
	bar      *readerBar
	tipBox   *canvas.Rectangle
	tipText  *canvas.Text
	objects  []fyne.CanvasObject
	usedText int
	usedMark int
}

func newReaderRenderer(r *Reader) *readerRenderer {
	rr := &readerRenderer{
		r:       r,
		caret:   canvas.NewRectangle(color.Transparent),
		bar:     newReaderBar(r),
		tipBox:  canvas.NewRectangle(color.Transparent),
		tipText: canvas.NewText("", color.Black),
	}
	rr.place()
	return rr
}

// IsClip keeps lines that are partly scrolled out inside the reader.
func (rr *readerRenderer) IsClip() {}

func (rr *readerRenderer) Destroy() {}

func (rr *readerRenderer) MinSize() fyne.Size { return rr.r.MinSize() }

func (rr *readerRenderer) Objects() []fyne.CanvasObject { return rr.objects }

func (rr *readerRenderer) Layout(fyne.Size) {
	rr.r.relayout(false)
	rr.r.clampOffset()
	rr.place()
}

func (rr *readerRenderer) Refresh() {
	rr.r.relayout(false)
	rr.place()
	canvas.Refresh(rr.r)
}

// place puts the pooled objects where the visible lines, highlights,
// selection and caret are.
func (rr *readerRenderer) place() {
	r := rr.r
	l := &r.layout
	rr.objects, rr.usedText, rr.usedMark = rr.objects[:0], 0, 0
	if len(l.lines) == 0 {
		rr.objects = append(rr.objects, rr.bar)
		return
	}
	th, v := r.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	pad := r.padding()
	first, last := l.visible(r.offset-pad, r.offset-pad+r.Size().Height)
	rr.placeHighlights(first, last)
	rr.placeSelection(first, last, th.Color(theme.ColorNameSelection, v))
	fg := th.Color(theme.ColorNameForeground, v)
	for k := first; k < last; k++ {
		rr.placeText(k, fg)
	}
	rr.placeCaret(th.Color(theme.ColorNamePrimary, v))
	rr.placeBar()
	rr.placeTip(th, v)
}

// top is where line k is drawn in the reader.
func (rr *readerRenderer) top(k int) float32 {
	return rr.r.padding() + rr.r.layout.lines[k].y - rr.r.offset
}

func (rr *readerRenderer) placeHighlights(first, last int) {
	l := &rr.r.layout
	from, to := l.lines[first].start, l.lines[last-1].end
	for _, h := range rr.r.highlights {
		if h.Span.End <= from || h.Span.Start > to || h.Span.Start >= h.Span.End {
			continue
		}
		rr.placeSpan(first, last, h.Span.Start, h.Span.End, h.Colour)
	}
}

func (rr *readerRenderer) placeSelection(first, last int, c color.Color) {
	s := rr.r.Selection()
	if s.Start == s.End {
		return
	}
	rr.placeSpan(first, last, s.Start, s.End, c)
}

// placeSpan draws one rectangle on each visible line that [start, end)
// crosses.
func (rr *readerRenderer) placeSpan(first, last, start, end int, c color.Color) {
	l := &rr.r.layout
	pad := rr.r.padding()
	right := l.width + pad
	for k := max(first, l.lineOf(start)); k < last; k++ {
		ln := l.lines[k]
		if ln.start >= end {
			break
		}
		x0 := pad + l.x(k, max(start, ln.start))
		x1 := pad + l.x(k, min(end, ln.end))
		if end > ln.end && !ln.wrapped {
			x1 += l.lineHeight / 4 // the newline is taken too: show a little of it
		}
		x1 = min(x1, right)
		if x1 <= x0 {
			continue
		}
		m := rr.mark()
		m.FillColor = c
		m.Move(fyne.NewPos(x0, rr.top(k)))
		m.Resize(fyne.NewSize(x1-x0, l.lineHeight))
	}
}

func (rr *readerRenderer) mark() *canvas.Rectangle {
	if rr.usedMark == len(rr.marks) {
		rr.marks = append(rr.marks, canvas.NewRectangle(color.Transparent))
	}
	m := rr.marks[rr.usedMark]
	rr.usedMark++
	rr.objects = append(rr.objects, m)
	m.Refresh()
	return m
}

func (rr *readerRenderer) placeText(k int, fg color.Color) {
	if rr.usedText == len(rr.texts) {
		rr.texts = append(rr.texts, canvas.NewText("", fg))
	}
	t := rr.texts[rr.usedText]
	rr.usedText++
	l := &rr.r.layout
	s := l.shown(k)
	changed := t.Text != s || t.Color != fg || t.TextSize != rr.r.font.size
	t.Text, t.Color, t.TextSize = s, fg, rr.r.font.size
	t.Move(fyne.NewPos(rr.r.padding(), rr.top(k)))
	t.Resize(fyne.NewSize(l.width, l.lineHeight))
	if changed {
		t.Refresh()
	}
	rr.objects = append(rr.objects, t)
}

func (rr *readerRenderer) placeCaret(c color.Color) {
	r := rr.r
	if !r.focused {
		return
	}
	p := r.PointOf(r.caret)
	rr.caret.FillColor = c
	rr.caret.Move(fyne.NewPos(p.X-1, p.Y))
	rr.caret.Resize(fyne.NewSize(2, r.layout.lineHeight))
	rr.caret.Refresh()
	rr.objects = append(rr.objects, rr.caret)
}

func (rr *readerRenderer) placeBar() {
	r := rr.r
	size := r.Size()
	w := r.barWidth()
	rr.bar.Move(fyne.NewPos(size.Width-w, 0))
	rr.bar.Resize(fyne.NewSize(w, size.Height))
	rr.bar.Refresh()
	rr.objects = append(rr.objects, rr.bar)
}

// placeTip shows the label of the highlight under the pointer next to it.
func (rr *readerRenderer) placeTip(th fyne.Theme, v fyne.ThemeVariant) {
	r := rr.r
	if r.hovered < 0 || r.hovered >= len(r.highlights) || r.highlights[r.hovered].Label == "" {
		return
	}
	pad := th.Size(theme.SizeNamePadding)
	rr.tipText.Text = r.highlights[r.hovered].Label
	rr.tipText.TextSize = th.Size(theme.SizeNameCaptionText)
	rr.tipText.Color = th.Color(theme.ColorNameForeground, v)
	ts := rr.tipText.MinSize()
	box := fyne.NewSize(ts.Width+2*pad, ts.Height+2*pad)
	at := r.hoverAt.Add(fyne.NewPos(12, 18))
	size := r.Size()
	at.X = max(min(at.X, size.Width-box.Width), 0)
	if at.Y+box.Height > size.Height {
		at.Y = r.hoverAt.Y - box.Height - 4
	}
	rr.tipBox.FillColor = th.Color(theme.ColorNameOverlayBackground, v)
	rr.tipBox.StrokeColor = th.Color(theme.ColorNameSeparator, v)
	rr.tipBox.StrokeWidth = 1
	rr.tipBox.CornerRadius = th.Size(theme.SizeNameInputRadius)
	rr.tipBox.Move(at)
	rr.tipBox.Resize(box)
	rr.tipText.Move(at.Add(fyne.NewPos(pad, pad)))
	rr.tipText.Resize(ts)
	rr.tipBox.Refresh()
	rr.tipText.Refresh()
	rr.objects = append(rr.objects, rr.tipBox, rr.tipText)
}
