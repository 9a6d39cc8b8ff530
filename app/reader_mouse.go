package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// The reader counts clicks itself, on MouseDown: the driver reports a
// double tap only after a delay and a triple one not at all.
const (
	readerClickInterval = 500 * time.Millisecond
	readerClickSlack    = 4 // pixels the pointer may move between clicks
)

// pointerState follows the mouse between events.
type pointerState struct {
	clicks   int // clicks in a row at one spot
	lastDown time.Time
	lastAt   fyne.Position
	pressed  bool // MouseDown seen and set the anchor of a coming drag
	handled  bool // MouseDown already did what the coming tap would do
	dragging bool
}

var (
	_ fyne.Tappable       = (*Reader)(nil)
	_ fyne.DoubleTappable = (*Reader)(nil)
	_ fyne.Draggable      = (*Reader)(nil)
	_ fyne.Scrollable     = (*Reader)(nil)
	_ desktop.Mouseable   = (*Reader)(nil)
	_ desktop.Hoverable   = (*Reader)(nil)
	_ desktop.Cursorable  = (*Reader)(nil)
)

// MouseDown places the caret, extends the selection with Shift, and selects
// a word on the second click and a paragraph on the third.
func (r *Reader) MouseDown(ev *desktop.MouseEvent) {
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	r.requestFocus()
	r.countClick(ev.Position)
	r.pointer.pressed, r.pointer.handled = true, true
	r.goalX = -1
	switch {
	case r.pointer.clicks == 2:
		r.selectWordAt(ev.Position)
	case r.pointer.clicks >= 3:
		r.selectParagraphAt(ev.Position)
	case ev.Modifier&fyne.KeyModifierShift != 0:
		r.setSelection(r.anchor, r.PositionAt(ev.Position))
	default:
		at := r.PositionAt(ev.Position)
		r.setSelection(at, at)
	}
}

// MouseUp ends a press.
func (r *Reader) MouseUp(*desktop.MouseEvent) { r.pointer.pressed = false }

func (r *Reader) countClick(at fyne.Position) {
	p := &r.pointer
	now := r.now()
	near := abs32(at.X-p.lastAt.X) <= readerClickSlack && abs32(at.Y-p.lastAt.Y) <= readerClickSlack
	if near && now.Sub(p.lastDown) <= readerClickInterval {
		p.clicks++
	} else {
		p.clicks = 1
	}
	p.lastDown, p.lastAt = now, at
}

func abs32(f float32) float32 {
	if f < 0 {
		return -f
	}
	return f
}

// Tapped places the caret when no MouseDown came first (a touch screen, a
// test), then reports a tap on a highlight.
func (r *Reader) Tapped(ev *fyne.PointEvent) {
	if !r.pointer.handled {
		r.requestFocus()
		at := r.PositionAt(ev.Position)
		r.setSelection(at, at)
		r.pointer.clicks = 1
	}
	r.pointer.handled = false
	if r.pointer.clicks > 1 || r.anchor != r.caret || r.OnHighlightTapped == nil {
		return
	}
	if h := r.highlightAt(r.runeUnder(ev.Position)); h >= 0 {
		r.OnHighlightTapped(r.highlights[h])
	}
}

// DoubleTapped selects the word under the pointer, unless MouseDown did.
func (r *Reader) DoubleTapped(ev *fyne.PointEvent) {
	if r.pointer.handled {
		r.pointer.handled = false
		return
	}
	r.requestFocus()
	r.selectWordAt(ev.Position)
}

// Dragged moves the end of the selection with the pointer and scrolls when
// the pointer leaves the reader above or below.
func (r *Reader) Dragged(ev *fyne.DragEvent) {
	if !r.pointer.dragging {
		r.pointer.dragging = true
		if !r.pointer.pressed { // no MouseDown: the drag began where it came from
			at := r.PositionAt(ev.Position.Subtract(ev.Dragged))
			r.anchor, r.caret = at, at
		}
	}
	h := r.Size().Height
	switch {
	case ev.Position.Y < 0:
		r.scrollTo(r.offset + ev.Position.Y)
	case ev.Position.Y > h:
		r.scrollTo(r.offset + ev.Position.Y - h)
	}
	r.goalX = -1
	r.setSelection(r.anchor, r.PositionAt(ev.Position))
}

// DragEnd ends a drag.
func (r *Reader) DragEnd() {
	r.pointer.dragging, r.pointer.pressed, r.pointer.handled = false, false, false
}

// Scrolled scrolls the text.
func (r *Reader) Scrolled(ev *fyne.ScrollEvent) {
	r.scrollTo(r.offset - ev.Scrolled.DY)
}

// Cursor shows the text cursor over the reader.
func (r *Reader) Cursor() desktop.Cursor { return desktop.TextCursor }

// MouseIn starts following the pointer for highlights.
func (r *Reader) MouseIn(ev *desktop.MouseEvent) { r.hover(ev.Position) }

// MouseMoved shows the label of the highlight under the pointer.
func (r *Reader) MouseMoved(ev *desktop.MouseEvent) { r.hover(ev.Position) }

// MouseOut hides the label.
func (r *Reader) MouseOut() { r.setHovered(-1, fyne.Position{}) }

func (r *Reader) hover(p fyne.Position) {
	r.setHovered(r.highlightAt(r.runeUnder(p)), p)
}

// setHovered changes the highlight pointed at; its label stays where the
// pointer met it rather than follow every move.
func (r *Reader) setHovered(h int, at fyne.Position) {
	if h == r.hovered {
		return
	}
	r.hovered, r.hoverAt = h, at
	r.Refresh()
	if r.OnHighlightHovered == nil {
		return
	}
	if h < 0 {
		r.OnHighlightHovered(nil)
		return
	}
	hl := r.highlights[h]
	r.OnHighlightHovered(&hl)
}

// HoveredLabel is the label shown for the highlight under the pointer, or
// "" when there is none.
func (r *Reader) HoveredLabel() string {
	if r.hovered < 0 || r.hovered >= len(r.highlights) {
		return ""
	}
	return r.highlights[r.hovered].Label
}

// runeUnder is the code point drawn under p, or -1 when p is off the text.
func (r *Reader) runeUnder(p fyne.Position) int {
	l := &r.layout
	if len(l.lines) == 0 {
		return -1
	}
	pad := r.padding()
	y := p.Y - pad + r.offset
	k := l.lineAt(y)
	if y < 0 || y >= l.lines[k].y+l.lineHeight {
		return -1
	}
	return l.runeAt(k, p.X-pad)
}

// highlightAt is the index of the narrowest highlight over code point i, so
// that a mention inside an excerpt can still be pointed at; -1 if none.
func (r *Reader) highlightAt(i int) int {
	best := -1
	if i < 0 {
		return best
	}
	for k, h := range r.highlights {
		if h.Span.Start <= i && i < h.Span.End &&
			(best < 0 || h.Span.End-h.Span.Start < r.highlights[best].Span.End-r.highlights[best].Span.Start) {
			best = k
		}
	}
	return best
}

func (r *Reader) requestFocus() {
	if r.focused {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(r); c != nil {
		c.Focus(r)
	}
}
