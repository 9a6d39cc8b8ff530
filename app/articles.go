package app

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
	"dossier/workspace"
)

// articlesPage is how many article heads one read brings: enough to fill
// the list, few enough that a workspace of thousands opens at once.
const articlesPage = 100

// articlesView lists the workspace's articles and shows the one picked in
// the reader, with its excerpts and mentions highlighted and the
// extractor's suggestions beside it.
type articlesView struct {
	m   *MainWindow
	box fyne.CanvasObject

	filter  *widget.Entry
	list    *widget.List
	heads   []model.Article // the rows read so far, bodies left out
	page    int             // rows per read; articlesPage but in tests
	total   int             // how many rows the filter matches
	sources map[int64]model.Source
	// listAsked and readingAsked count the reads started, so that a late
	// answer to an older question is dropped rather than shown.
	listAsked, readingAsked int

	heading   *widget.Label
	byline    *widget.Label
	picked    *fyne.Container // what a tap on a highlight shows
	text      *fyne.Container // header over reader, laid out again as picked grows
	reader    *Reader
	excerptIt *widget.Button
	deleteIt  *widget.Button
	proposals *proposalsPanel
	editor    *excerptEditor // the editor last opened
	namesPage int            // actors and documents the editor offers; editorNamesPage but in tests

	reading workspace.Reading // the article open; Article.ID is 0 when none
	// pickedKind and pickedID name the excerpt or mention whose panel is
	// open, so that reading the article again can show it again.
	pickedKind string
	pickedID   int64
}

func newArticlesView(m *MainWindow) *articlesView {
	return &articlesView{m: m, sources: map[int64]model.Source{}, page: articlesPage, namesPage: editorNamesPage}
}

func (v *articlesView) title() string { return "Articles" }

func (v *articlesView) content() fyne.CanvasObject {
	if v.box == nil {
		v.box = v.build()
	}
	return v.box
}

func (v *articlesView) build() fyne.CanvasObject {
	v.filter = widget.NewEntry()
	v.filter.SetPlaceHolder("Filter by title")
	v.filter.OnChanged = func(string) {
		v.heads, v.total = nil, 0
		v.list.UnselectAll()
		v.readHeads(0, v.page)
	}
	v.list = widget.NewList(func() int { return v.rowCount() }, newArticleRow, v.fillRow)
	v.list.OnSelected = v.rowSelected

	v.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.heading.SizeName = theme.SizeNameSubHeadingText
	// One line each: a wrapped label in the header does not know its
	// height until laid out, and would overlap the text below.
	v.heading.Truncation = fyne.TextTruncateEllipsis
	v.byline = widget.NewLabel("")
	v.byline.Truncation = fyne.TextTruncateEllipsis
	v.picked = container.NewVBox()
	v.reader = NewReader()
	v.reader.OnHighlightTapped = v.highlightTapped
	v.excerptIt = widget.NewButtonWithIcon("Excerpt from selection", theme.ContentAddIcon(), v.newExcerpt)
	v.proposals = newProposalsPanel(v)

	v.deleteIt = widget.NewButtonWithIcon("Delete article…", theme.DeleteIcon(), func() { v.deleteSelected() })
	header := container.NewVBox(v.heading, v.byline, container.NewHBox(v.excerptIt, v.deleteIt), v.picked)
	v.text = container.NewBorder(header, nil, nil, nil, v.reader)
	v.showNothing()
	detail := container.NewHSplit(v.text, v.proposals.content())
	detail.Offset = 0.7
	articles := container.NewBorder(v.filter, nil, nil, nil, v.list)
	split := container.NewHSplit(articles, detail)
	split.Offset = 0.25
	return split
}

// reload reads the list again, keeping the pages already read, and the
// open article with its highlights and suggestions. The analyst stays
// where they were in the text, as every verdict on a suggestion and every
// background scan reloads.
func (v *articlesView) reload() {
	v.content()
	v.readHeads(0, max(len(v.heads), v.page))
	if v.reading.Article.ID != 0 {
		v.read(v.reading.Article.ID, v.showAgain)
	}
}

// show opens article id in the reader with span selected and in sight.
func (v *articlesView) show(id int64, span model.Span) {
	v.content()
	v.m.showViewOf(v)
	v.open(id, span)
}

// readHeads reads limit rows from offset under the filter; rows from 0
// replace the list, later ones extend it.
func (v *articlesView) readHeads(offset, limit int) {
	v.listAsked++
	asked := v.listAsked
	f := model.ArticleFilter{Text: strings.TrimSpace(v.filter.Text), Page: model.Page{Offset: offset, Limit: limit}}
	v.m.background("list the articles", func(ctx context.Context) (func(), error) {
		heads, total, err := v.m.ws.ListArticleHeads(ctx, f)
		if err != nil {
			return nil, err
		}
		sources, err := sourcesOf(ctx, v.m.ws, heads)
		if err != nil {
			return nil, err
		}
		return func() {
			if asked != v.listAsked {
				return
			}
			if offset == 0 {
				v.heads = nil
			}
			v.heads, v.total = append(v.heads, heads...), total
			for id, s := range sources {
				v.sources[id] = s
			}
			v.list.Refresh()
			v.openFirstAtStart()
		}, nil
	})
}

// openFirstAtStart opens the newest article the first time the list is
// read, so that the view starts on something to read rather than empty.
func (v *articlesView) openFirstAtStart() {
	if v.readingAsked == 0 && len(v.heads) > 0 {
		v.list.Select(0)
	}
}

// sourcesOf reads the sources of a page of articles, each once.
func sourcesOf(ctx context.Context, ws *workspace.Workspace, heads []model.Article) (map[int64]model.Source, error) {
	out := map[int64]model.Source{}
	for _, a := range heads {
		if _, ok := out[a.SourceID]; ok || a.SourceID == 0 {
			continue
		}
		s, err := ws.Source(ctx, a.SourceID)
		if err != nil && !errors.Is(err, model.ErrNotFound) {
			return nil, err
		}
		out[a.SourceID] = s
	}
	return out, nil
}

// rowCount adds a 'More' row while the filter matches more than is read.
func (v *articlesView) rowCount() int {
	if len(v.heads) < v.total {
		return len(v.heads) + 1
	}
	return len(v.heads)
}

func newArticleRow() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("Article title", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	line := widget.NewLabel("Source · date")
	line.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(title, line)
}

func (v *articlesView) fillRow(id widget.ListItemID, o fyne.CanvasObject) {
	labels := o.(*fyne.Container).Objects
	title, line := labels[0].(*widget.Label), labels[1].(*widget.Label)
	switch {
	case id >= 0 && id < len(v.heads):
		a := v.heads[id]
		title.SetText(a.Title)
		line.SetText(joinParts(v.sources[a.SourceID].Name, articleDate(a)))
	case id == len(v.heads):
		title.SetText("More…")
		line.SetText(fmt.Sprintf("%d of %d shown — the next %d", len(v.heads), v.total, min(v.page, v.total-len(v.heads))))
	}
}

func (v *articlesView) rowSelected(id widget.ListItemID) {
	if id >= len(v.heads) {
		v.list.Unselect(id)
		v.readHeads(len(v.heads), v.page)
		return
	}
	v.open(v.heads[id].ID, model.Span{})
}

// open reads article id with everything marked in it and shows it from
// the top, then selects span when it is not empty.
func (v *articlesView) open(id int64, span model.Span) {
	v.read(id, func(r workspace.Reading, runes int) {
		v.clearPicked()
		v.showReading(r)
		if span.Len() > 0 && span.End <= runes {
			v.reader.Select(span)
		}
	})
}

// read reads article id with everything marked in it, then hands it and
// its length in code points to show, unless a later read was started
// meanwhile. An article gone meanwhile empties the detail.
func (v *articlesView) read(id int64, show func(r workspace.Reading, runes int)) {
	v.readingAsked++
	asked := v.readingAsked
	ws := v.m.ws
	v.m.background("open the article", func(ctx context.Context) (func(), error) {
		r, err := ws.Reading(ctx, id)
		if errors.Is(err, model.ErrNotFound) {
			return func() {
				if asked == v.readingAsked {
					v.showNothing()
				}
			}, nil
		}
		if err != nil {
			return nil, err
		}
		runes := utf8.RuneCountInString(r.Article.Body)
		return func() {
			if asked == v.readingAsked {
				show(r, runes)
			}
		}, nil
	})
}

// showAgain shows r, read again after a change, keeping the place in the
// text, the selection and the open panel when its excerpt or mention is
// still there. Another article is shown from the top.
func (v *articlesView) showAgain(r workspace.Reading, runes int) {
	if r.Article.ID != v.reading.Article.ID {
		v.clearPicked()
		v.showReading(r)
		return
	}
	offset, sel := v.reader.ScrollOffset(), v.reader.Selection()
	v.showReading(r)
	// The panel first: it takes room from the reader, which bounds how
	// far the text can scroll.
	if !v.pick(v.pickedKind, v.pickedID) {
		v.clearPicked()
	}
	if sel.Len() > 0 && sel.End <= runes {
		v.reader.Select(sel)
	}
	// The reader offers no setter for its scroll offset yet; scrollTo is
	// the one Select and the scroll bar use.
	v.reader.SetScrollOffset(offset)
}

// showNothing empties the detail, as before any article is picked or
// after the open one is deleted.
func (v *articlesView) showNothing() {
	v.reading = workspace.Reading{}
	v.heading.SetText("No article open")
	v.byline.SetText("Pick an article on the left to read it.")
	v.reader.SetText("", nil)
	v.excerptIt.Disable()
	v.deleteIt.Disable()
	v.clearPicked()
	v.proposals.show(v.reading)
}

func (v *articlesView) showReading(r workspace.Reading) {
	v.reading = r
	v.heading.SetText(r.Article.Title)
	v.byline.SetText(articleByline(r))
	v.reader.SetText(r.Article.Body, articleHighlights(r))
	v.excerptIt.Enable()
	v.deleteIt.Enable()
	v.proposals.show(r)
}

// articleByline says where the article comes from, when, and how far its
// source is to be trusted.
func articleByline(r workspace.Reading) string {
	a, s := r.Article, r.Source
	var grade string
	if s.Reliability != "" {
		grade = fmt.Sprintf("reliability %s (%s)", s.Reliability, s.Reliability.Meaning())
	}
	by := ""
	if a.Author != "" {
		by = "by " + a.Author
	}
	return joinParts(s.Name, by, articleDate(a), grade)
}

func articleDate(a model.Article) string {
	if a.PublishedAt.IsZero() {
		return "undated"
	}
	return a.PublishedAt.Format("2 January 2006")
}

// Highlight colours: translucent, so the text stays readable under them.
var (
	excerptColour   = color.NRGBA{R: 0xe0, G: 0xa8, B: 0x00, A: 0x60} // an excerpt without a coloured tag
	actorColour     = color.NRGBA{R: 0xc2, G: 0x18, B: 0x5b, A: 0x40}
	documentColour  = color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0x40}
	confirmedOpaque = uint8(0x80) // a confirmed mention shows stronger than a proposed one
)

// articleHighlights marks the excerpts in their first tag's colour and
// the mentions in their entity's.
func articleHighlights(r workspace.Reading) []Highlight {
	var hs []Highlight
	for _, e := range r.Excerpts {
		c := excerptColour
		if len(e.TagIDs) > 0 {
			c = highlightColour(r.Tags[e.TagIDs[0]].Colour, excerptColour)
		}
		hs = append(hs, Highlight{Span: e.Span, Colour: c, Kind: "excerpt", ID: e.ID, Label: excerptHeadline(r, e)})
	}
	for _, m := range r.Mentions {
		c, label := actorColour, "Actor "+r.Actors[m.ActorID]
		if m.DocumentID != 0 {
			c, label = documentColour, "Document "+r.Documents[m.DocumentID]
		}
		if m.State == model.MentionConfirmed {
			c.A = confirmedOpaque
		}
		hs = append(hs, Highlight{Span: m.Span, Colour: c, Kind: "mention", ID: m.ID, Label: label})
	}
	return hs
}

// highlightColour reads a tag's #rrggbb colour, translucent like the rest.
func highlightColour(hex string, fallback color.NRGBA) color.NRGBA {
	var c color.NRGBA
	if _, err := fmt.Sscanf(hex, "#%02x%02x%02x", &c.R, &c.G, &c.B); err != nil || len(hex) != 7 {
		return fallback
	}
	c.A = excerptColour.A
	return c
}

// excerptHeadline sums an excerpt up in a line: kind, grading, tags.
func excerptHeadline(r workspace.Reading, e model.Excerpt) string {
	kind := string(e.Kind)
	if kind != "" {
		kind = strings.ToUpper(kind[:1]) + kind[1:]
	}
	var tags []string
	for _, id := range e.TagIDs {
		tags = append(tags, r.Tags[id].Name)
	}
	return joinParts(kind, model.Grading(r.Source.Reliability, e.Credibility), strings.Join(tags, ", "))
}

func (v *articlesView) clearPicked() {
	v.pickedKind, v.pickedID = "", 0
	v.picked.Objects = nil
	v.text.Refresh()
}

// highlightTapped shows the excerpt or mention under the tap.
func (v *articlesView) highlightTapped(h Highlight) {
	v.pick(h.Kind, h.ID)
}

// pick shows the panel of the excerpt or mention id of the open article,
// as it now is, and reports whether the article has it.
func (v *articlesView) pick(kind string, id int64) bool {
	switch kind {
	case "excerpt":
		for _, e := range v.reading.Excerpts {
			if e.ID == id {
				v.showPicked(kind, id, v.excerptPanel(e))
				return true
			}
		}
	case "mention":
		for _, m := range v.reading.Mentions {
			if m.ID == id {
				v.showPicked(kind, id, v.mentionPanel(m))
				return true
			}
		}
	}
	return false
}

func (v *articlesView) showPicked(kind string, id int64, panel fyne.CanvasObject) {
	v.pickedKind, v.pickedID = kind, id
	v.picked.Objects = []fyne.CanvasObject{widget.NewSeparator(), panel, widget.NewSeparator()}
	v.text.Refresh()
}

func (v *articlesView) excerptPanel(e model.Excerpt) fyne.CanvasObject {
	head := widget.NewLabelWithStyle(excerptHeadline(v.reading, e), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	lines := []fyne.CanvasObject{head}
	if name := v.reading.Actors[e.SpeakerID]; name != "" {
		lines = append(lines, widget.NewLabel("Said by "+name))
	}
	if e.Note != "" {
		note := widget.NewLabel(shortened(strings.ReplaceAll(e.Note, "\n", " "), 300))
		note.Truncation = fyne.TextTruncateEllipsis
		lines = append(lines, note)
	}
	label := fmt.Sprintf("excerpt %d", e.ID)
	lines = append(lines, container.NewHBox(
		widget.NewButtonWithIcon("Open", theme.DocumentCreateIcon(), func() { v.editExcerpt(e) }),
		widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() {
			v.m.deleteItem(workspace.KindExcerpt, e.ID, label, v.clearPicked)
		}),
		widget.NewButton("Close", v.clearPicked),
	))
	return container.NewVBox(lines...)
}

func (v *articlesView) mentionPanel(m model.Mention) fyne.CanvasObject {
	what, name, open := "Actor", v.reading.Actors[m.ActorID], func() { v.m.actors.show(m.ActorID) }
	if m.DocumentID != 0 {
		what, name, open = "Document", v.reading.Documents[m.DocumentID], func() { v.m.documents.show(m.DocumentID) }
	}
	head := widget.NewLabelWithStyle(fmt.Sprintf("%s %s", what, name), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	said := widget.NewLabel(fmt.Sprintf("Mentioned as “%s” (%s)", m.Text, m.State))
	buttons := container.NewHBox(widget.NewButtonWithIcon("Open", theme.NavigateNextIcon(), open))
	if m.State == model.MentionProposed {
		buttons.Add(widget.NewButtonWithIcon("Confirm", theme.ConfirmIcon(), func() { v.proposals.decideMention(m, model.MentionConfirmed) }))
	}
	buttons.Add(widget.NewButtonWithIcon("Reject", theme.CancelIcon(), func() { v.proposals.decideMention(m, model.MentionRejected) }))
	buttons.Add(widget.NewButton("Close", v.clearPicked))
	return container.NewVBox(head, said, buttons)
}

// newExcerpt opens the excerpt editor on the reader's selection.
func (v *articlesView) newExcerpt() {
	v.content()
	span := v.reader.Selection()
	if v.m.CurrentView() != v.title() {
		// The reader is out of sight: its old selection is not what the
		// analyst is looking at.
		v.m.showViewOf(v)
		v.m.SetMessage("Select some text in the article, then press Ctrl+E")
		return
	}
	if v.reading.Article.ID == 0 || span.Len() == 0 {
		v.m.SetMessage("Select some text in the article first")
		return
	}
	found := v.reading.Within(span)
	e := model.Excerpt{ArticleID: v.reading.Article.ID, Span: span, Kind: found.Kind,
		SpeakerID: found.SpeakerID, ActorIDs: found.ActorIDs, DocumentIDs: found.DocumentIDs}
	if e.Kind == "" {
		e.Kind = model.ExcerptOther
	}
	v.editExcerpt(e)
}

// deleteSelected deletes the open article with its excerpts, mentions and
// suggestions, on the analyst's word; Ctrl+Z brings it all back.
func (v *articlesView) deleteSelected() bool {
	r := v.reading
	if r.Article.ID == 0 {
		return false
	}
	touches := fmt.Sprintf("Its %s, %s and %s go with it; Ctrl+Z brings them back.",
		counted(len(r.Excerpts), "excerpt", "excerpts"), counted(len(r.Mentions), "mention", "mentions"),
		counted(len(r.Proposals), "suggestion", "suggestions"))
	v.m.confirmDelete(workspace.KindArticle, r.Article.ID, r.Article.Title,
		func(context.Context) (string, error) { return touches, nil }, v.showNothing)
	return true
}
