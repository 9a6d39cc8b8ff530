package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// readerBar is the reader's scroll bar: the thumb shows which part of the
// text is in sight; dragging it scrolls, a tap beside it turns a page.
type readerBar struct {
	widget.BaseWidget
	r     *Reader
	thumb *canvas.Rectangle
}

var (
	_ fyne.Draggable = (*readerBar)(nil)
	_ fyne.Tappable  = (*readerBar)(nil)
)

func newReaderBar(r *Reader) *readerBar {
	b := &readerBar{r: r, thumb: canvas.NewRectangle(color.Transparent)}
	b.ExtendBaseWidget(b)
	return b
}

func (b *readerBar) CreateRenderer() fyne.WidgetRenderer {
	return &readerBarRenderer{b: b}
}

// Dragged scrolls the text by as much as the thumb moved.
func (b *readerBar) Dragged(ev *fyne.DragEvent) {
	view, whole := b.r.Size().Height, b.r.layout.height+2*b.r.padding()
	if view <= 0 || whole <= view {
		return
	}
	b.r.scrollTo(b.r.offset + ev.Dragged.DY*whole/view)
}

// DragEnd implements fyne.Draggable.
func (b *readerBar) DragEnd() {}

// Tapped turns a page towards the tap.
func (b *readerBar) Tapped(ev *fyne.PointEvent) {
	top, length := b.thumbSpan()
	page := b.r.Size().Height - b.r.layout.lineHeight
	switch {
	case ev.Position.Y < top:
		b.r.scrollTo(b.r.offset - page)
	case ev.Position.Y > top+length:
		b.r.scrollTo(b.r.offset + page)
	}
}

// thumbSpan is where the thumb is drawn: its top and length; a zero length
// when all the text is in sight.
func (b *readerBar) thumbSpan() (top, length float32) {
	view, whole := b.r.Size().Height, b.r.layout.height+2*b.r.padding()
	if view <= 0 || whole <= view {
		return 0, 0
	}
	length = max(view*view/whole, 2*b.r.barWidth())
	top = b.r.offset / (whole - view) * (view - length)
	return top, length
}

type readerBarRenderer struct{ b *readerBar }

func (br *readerBarRenderer) Destroy() {}

func (br *readerBarRenderer) MinSize() fyne.Size { return fyne.Size{} }

func (br *readerBarRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{br.b.thumb}
}

func (br *readerBarRenderer) Layout(fyne.Size) { br.Refresh() }

func (br *readerBarRenderer) Refresh() {
	b := br.b
	top, length := b.thumbSpan()
	th := b.Theme()
	w := th.Size(theme.SizeNameScrollBarSmall) * 2
	b.thumb.Hidden = length == 0
	b.thumb.FillColor = th.Color(theme.ColorNameScrollBar, fyne.CurrentApp().Settings().ThemeVariant())
	b.thumb.CornerRadius = w / 2
	b.thumb.Move(fyne.NewPos(b.Size().Width-w-2, top))
	b.thumb.Resize(fyne.NewSize(w, length))
	b.thumb.Refresh()
}
