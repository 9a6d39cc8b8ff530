package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// excerptCell is one cell of the excerpts table: a line of text that
// measures nothing when it changes. A label measures its text on every
// change and again on every resize, as cells move between columns while
// the table scrolls; over a screenful of new rows that costs more than a
// frame. The text comes cut to about its column's width (cutToColumn).
type excerptCell struct {
	widget.BaseWidget
	text *canvas.Text
}

func newExcerptCell() fyne.CanvasObject {
	c := &excerptCell{text: canvas.NewText("", theme.Color(theme.ColorNameForeground))}
	c.ExtendBaseWidget(c)
	return c
}

// Text is what the cell shows.
func (c *excerptCell) Text() string { return c.text.Text }

// SetText shows s; the same text again costs nothing.
func (c *excerptCell) SetText(s string) {
	if c.text.Text == s {
		return
	}
	c.text.Text = s
	c.text.Refresh()
}

func (c *excerptCell) CreateRenderer() fyne.WidgetRenderer {
	return &excerptCellRenderer{cell: c}
}

type excerptCellRenderer struct {
	cell *excerptCell
}

func (r *excerptCellRenderer) Layout(size fyne.Size) {
	pad := r.cell.Theme().Size(theme.SizeNameInnerPadding)
	r.cell.text.Move(fyne.NewPos(pad, pad))
	r.cell.text.Resize(fyne.NewSize(max(size.Width-2*pad, 0), max(size.Height-2*pad, 0)))
}

// MinSize is a label's height, measured on one short text that the
// painter's cache keeps, and a few characters' width.
func (r *excerptCellRenderer) MinSize() fyne.Size {
	th := r.cell.Theme()
	pad := th.Size(theme.SizeNameInnerPadding)
	line := fyne.MeasureText("Mg", th.Size(theme.SizeNameText), fyne.TextStyle{})
	return fyne.NewSize(4*line.Width+2*pad, line.Height+2*pad)
}

// Refresh follows the theme: colour and size.
func (r *excerptCellRenderer) Refresh() {
	th := r.cell.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.cell.text.Color = th.Color(theme.ColorNameForeground, v)
	r.cell.text.TextSize = th.Size(theme.SizeNameText)
	r.cell.text.Refresh()
}

func (r *excerptCellRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.cell.text} }

func (r *excerptCellRenderer) Destroy() {}
