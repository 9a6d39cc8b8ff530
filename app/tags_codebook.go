package app

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
)

// codebook is the tree of tags as last read, indexed so that the tree's
// callbacks and the detail's choices need no query.
type codebook struct {
	tags     []model.TagCount // tree order: parents first, siblings by name
	index    map[int64]int    // tag id → position in tags
	children map[int64][]int64
}

func newCodebook(tags []model.TagCount) codebook {
	b := codebook{tags: tags, index: make(map[int64]int, len(tags)), children: map[int64][]int64{}}
	for i, tc := range tags {
		b.index[tc.Tag.ID] = i
	}
	for _, tc := range tags {
		parent := tc.Tag.ParentID
		if _, ok := b.index[parent]; !ok {
			parent = 0 // a parent outside the list: show the tag at the top rather than lose it
		}
		b.children[parent] = append(b.children[parent], tc.Tag.ID)
	}
	return b
}

func (b codebook) tag(id int64) (model.TagCount, bool) {
	i, ok := b.index[id]
	if !ok {
		return model.TagCount{}, false
	}
	return b.tags[i], true
}

// lineage is the tag and its ancestors, the tag first. It stops at a
// repeated tag, so a damaged tree cannot hang the window.
func (b codebook) lineage(id int64) []int64 {
	var out []int64
	seen := map[int64]bool{}
	for id != 0 && !seen[id] {
		tc, ok := b.tag(id)
		if !ok {
			break
		}
		seen[id] = true
		out = append(out, id)
		id = tc.Tag.ParentID
	}
	return out
}

// path names a tag by where it sits, "Negotiations › Shipping corridor":
// sibling names are unique, so the path names one tag.
func (b codebook) path(id int64) string {
	line := b.lineage(id)
	names := make([]string, len(line))
	for i, t := range line {
		tc, _ := b.tag(t)
		names[len(line)-1-i] = tc.Tag.Name
	}
	return strings.Join(names, " › ")
}

// tagRow is one line of the tree: the tag's colour, its name and how many
// excerpts it marks.
type tagRow struct {
	widget.BaseWidget
	swatch *canvas.Rectangle
	name   *widget.Label
	count  *widget.Label
}

func newTagRow() *tagRow {
	r := &tagRow{swatch: newTagSwatch(), name: widget.NewLabel("Tag"), count: widget.NewLabel("0")}
	r.name.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

func (r *tagRow) set(tc model.TagCount) {
	r.name.SetText(tc.Tag.Name)
	r.count.SetText(strconv.Itoa(tc.Excerpts))
	paintTagSwatch(r.swatch, tc.Tag.Colour)
}

func (r *tagRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, container.NewCenter(r.swatch), r.count, r.name))
}

// newTagSwatch is the small square that shows a tag's colour.
func newTagSwatch() *canvas.Rectangle {
	s := canvas.NewRectangle(color.Transparent)
	s.SetMinSize(fyne.NewSquareSize(theme.IconInlineSize() * 0.75))
	s.CornerRadius = 3
	s.StrokeWidth = 1
	return s
}

// paintTagSwatch fills a swatch with a tag's colour; a tag without one shows
// an empty outline.
func paintTagSwatch(s *canvas.Rectangle, hex string) {
	c, ok := tagColour(hex)
	if ok {
		s.FillColor, s.StrokeColor = c, c
	} else {
		s.FillColor, s.StrokeColor = color.Transparent, theme.Color(theme.ColorNameDisabled)
	}
	s.Refresh()
}

// tagColour reads "#rrggbb", the form storage keeps.
func tagColour(hex string) (color.Color, bool) {
	if len(hex) != 7 || hex[0] != '#' {
		return nil, false
	}
	n, err := strconv.ParseUint(hex[1:], 16, 32)
	if err != nil {
		return nil, false
	}
	return color.NRGBA{R: uint8(n >> 16), G: uint8(n >> 8), B: uint8(n), A: 0xff}, true
}

// tagColourHex writes a colour as "#rrggbb"; transparency is dropped, as a tag
// colour is always drawn opaque.
func tagColourHex(c color.Color) string {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	return fmt.Sprintf("#%02x%02x%02x", n.R, n.G, n.B)
}
