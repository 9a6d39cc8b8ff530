package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
)

// searchGroup is how one kind of hit is headed in the results, in the
// order storage returns the kinds.
type searchGroup struct {
	kind, heading, noun string
}

var searchGroups = []searchGroup{
	{model.HitArticle, "Articles", "article"},
	{model.HitExcerpt, "Excerpts", "excerpt"},
	{model.HitActor, "Actors", "actor"},
	{model.HitDocument, "Documents", "document"},
}

// render draws the shown search: a line that sums it up, then each kind
// that has hits under its heading, with a button for more when the page
// does not hold them all.
func (v *searchView) render() {
	var objs []fyne.CanvasObject
	found := 0
	for _, g := range searchGroups {
		total := v.totals[g.kind]
		if total == 0 {
			continue
		}
		found += total
		objs = append(objs, v.group(g, v.hits[g.kind], total)...)
	}
	v.summary.SetText(searchSummary(v.query, found))
	v.results.Objects = objs
	v.results.Refresh()
}

func (v *searchView) group(g searchGroup, hits []model.SearchHit, total int) []fyne.CanvasObject {
	heading := widget.NewLabelWithStyle(fmt.Sprintf("%s (%d)", g.heading, total), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameSubHeadingText
	objs := []fyne.CanvasObject{heading}
	for _, h := range hits {
		objs = append(objs, newSearchResult(h, v.open))
	}
	if len(hits) < total {
		label := fmt.Sprintf("More %ss (%d of %d shown)", g.noun, len(hits), total)
		objs = append(objs, container.NewHBox(widget.NewButton(label, func() { v.more(g.kind) })))
	}
	return append(objs, widget.NewSeparator())
}

func searchSummary(query string, found int) string {
	switch {
	case query == "":
		return "Type what to look for and press Enter."
	case found == 0:
		return "Nothing found for “" + query + "”."
	default:
		return counted(found, "hit", "hits") + " for “" + query + "”."
	}
}

// searchResult is one hit: its title, and the passage that matched with
// the matched words highlighted. Tapping it opens the hit.
type searchResult struct {
	widget.BaseWidget
	hit      model.SearchHit
	onTapped func(model.SearchHit)

	title   *widget.Label
	snippet *widget.RichText
	hover   *canvas.Rectangle
}

func newSearchResult(h model.SearchHit, tapped func(model.SearchHit)) *searchResult {
	r := &searchResult{hit: h, onTapped: tapped}
	r.title = widget.NewLabelWithStyle(h.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.snippet = widget.NewRichText(snippetSegments(h.Snippet)...)
	r.snippet.Wrapping = fyne.TextWrapWord
	r.hover = canvas.NewRectangle(theme.Color(theme.ColorNameHover))
	r.hover.CornerRadius = theme.SelectionRadiusSize()
	r.hover.Hide()
	r.ExtendBaseWidget(r)
	return r
}

func (r *searchResult) CreateRenderer() fyne.WidgetRenderer {
	// The snippet sits close under its title, so that each hit reads as one.
	lines := container.New(layout.NewCustomPaddedVBoxLayout(-theme.InnerPadding()), r.title, r.snippet)
	return widget.NewSimpleRenderer(container.NewStack(r.hover, lines))
}

func (r *searchResult) Tapped(*fyne.PointEvent) {
	if r.onTapped != nil {
		r.onTapped(r.hit)
	}
}

// Cursor, MouseIn and MouseOut tell the analyst that a hit can be opened.
func (r *searchResult) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (r *searchResult) MouseIn(*desktop.MouseEvent) { r.hover.Show() }

func (r *searchResult) MouseMoved(*desktop.MouseEvent) {}

func (r *searchResult) MouseOut() { r.hover.Hide() }

// snippetSegments turns a snippet's highlight markers into rich text: the
// matched words bold and in the primary colour, the rest plain. A marker
// left open by the snippet's cut highlights to the end; a stray closing
// one is dropped. Line breaks become spaces, as a snippet is one passage.
func snippetSegments(snippet string) []widget.RichTextSegment {
	snippet = strings.Join(strings.Fields(snippet), " ")
	var segs []widget.RichTextSegment
	marked := false
	for snippet != "" {
		marker, stray := model.HighlightStart, model.HighlightEnd
		if marked {
			marker, stray = stray, marker
		}
		part, rest, found := strings.Cut(snippet, marker)
		if part = strings.ReplaceAll(part, stray, ""); part != "" {
			segs = append(segs, snippetSegment(part, marked))
		}
		snippet = rest
		if found {
			marked = !marked
		}
	}
	return segs
}

func snippetSegment(text string, marked bool) *widget.TextSegment {
	style := widget.RichTextStyleInline
	if marked {
		style.TextStyle = fyne.TextStyle{Bold: true}
		style.ColorName = theme.ColorNamePrimary
	}
	return &widget.TextSegment{Text: text, Style: style}
}
