package app

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
	"dossier/workspace"
)

// excerptsDemo is the demo workspace and one more article from a second
// source, so that the source and date filters have something to tell
// apart.
func excerptsDemo(t *testing.T) *workspace.Workspace {
	t.Helper()
	ctx := context.Background()
	ws := newDemoWorkspace(t, "excerpts")
	src := model.Source{Name: "Coast Wire", Kind: model.SourceAgency, Reliability: model.ReliabilityD}
	if err := ws.CreateSource(ctx, &src); err != nil {
		t.Fatal(err)
	}
	a := model.Article{Title: "Strait reopens to grain ships", SourceID: src.ID,
		PublishedAt: time.Date(2025, 4, 20, 9, 0, 0, 0, time.UTC),
		Body:        "Grain ships crossed the strait at dawn. Port officials counted 42 vessels by noon."}
	if err := ws.CreateArticle(ctx, &a); err != nil {
		t.Fatal(err)
	}
	e, err := ws.ExcerptOfQuote(ctx, a.ID, "Port officials counted 42 vessels", 1)
	if err != nil {
		t.Fatal(err)
	}
	e.Kind, e.Credibility, e.Note = model.ExcerptFigure, 4, "Not confirmed by the harbour master."
	if err := ws.CreateExcerpt(ctx, &e); err != nil {
		t.Fatal(err)
	}
	return ws
}

// openExcerpts opens the window on ws and shows the excerpts view.
func openExcerpts(t *testing.T, ws *workspace.Workspace) (*MainWindow, *excerptsView) {
	t.Helper()
	m := openTestWindow(t, test.NewTempApp(t), ws)
	m.showViewOf(m.excerpts)
	if m.CurrentView() != "Excerpts" {
		t.Fatalf("view = %q, want Excerpts", m.CurrentView())
	}
	return m, m.excerpts
}

// excerptsInWorkspace lists what the workspace holds for a query, every
// page of it.
func excerptsInWorkspace(t *testing.T, ws *workspace.Workspace, f model.ExcerptFilter) []model.Excerpt {
	t.Helper()
	var all []model.Excerpt
	for {
		f.Page = model.Page{Limit: model.MaxPageSize, Offset: len(all)}
		page, total, err := ws.ListExcerpts(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, page...)
		if len(page) == 0 || len(all) >= total {
			return all
		}
	}
}

// excerptIDs returns the ids of excerpts, in order.
func excerptIDs(es []model.Excerpt) []int64 {
	ids := make([]int64, len(es))
	for i, e := range es {
		ids[i] = e.ID
	}
	return ids
}

// tableIDs returns the excerpt of every row of the table, in order,
// reading each row as the table does.
func tableIDs(t *testing.T, v *excerptsView) []int64 {
	t.Helper()
	rows, _ := v.Table.Length()
	ids := make([]int64, rows)
	for i := range ids {
		row, ok := v.rowAt(i)
		if !ok {
			t.Fatalf("row %d of %d is not there", i, rows)
		}
		ids[i] = row.excerpt.ID
	}
	return ids
}

// cellText is what the table shows in a cell: its UpdateCell run on a
// fresh cell.
func cellText(v *excerptsView, row, col int) string {
	cell := newExcerptCell()
	v.Table.UpdateCell(widget.TableCellID{Row: row, Col: col}, cell)
	return cell.(*excerptCell).Text()
}

// headerButton brings a column into sight and finds its header on screen.
func headerButton(t *testing.T, v *excerptsView, col int) *widget.Button {
	t.Helper()
	title := excerptTableColumns[col].title
	v.Table.ScrollTo(widget.TableCellID{Row: 0, Col: col})
	for _, o := range shownObjects(v.Table) {
		if b, ok := o.(*widget.Button); ok && (b.Text == title || strings.HasPrefix(b.Text, title+" ")) {
			return b
		}
	}
	t.Fatalf("the table has no header %q", title)
	return nil
}

// excerptsBulk is what the fast bulk path of the workspace offers for
// articles and excerpts. The load functions below take ws.Bulk and let
// the compiler name the type it hands over, since the window's package
// never names storage.
type excerptsBulk interface {
	AddArticle(*model.Article) error
	AddExcerpt(*model.Excerpt) error
}

func bulkLoad[B excerptsBulk](ctx context.Context, load func(context.Context, func(B) error) error, fill func(excerptsBulk) error) error {
	return load(ctx, func(b B) error { return fill(b) })
}

// excerptsCast is what synthetic excerpts may name: sources for their
// articles, speakers and tags. Any may be empty.
type excerptsCast struct {
	sources, speakers, tags []int64
}

// fillExcerpts adds articles with perArticle excerpts each, n in all, in
// one bulk load. Quotes are numbered so that a row tells which it is;
// kinds, grades, dates, sources, speakers and tags vary with the number.
func fillExcerpts(ws *workspace.Workspace, n, perArticle int, cast excerptsCast) error {
	return bulkLoad(context.Background(), ws.Bulk, func(b excerptsBulk) error {
		for first := 0; first < n; first += perArticle {
			count := min(perArticle, n-first)
			a := syntheticArticle(first, count, cast)
			if err := b.AddArticle(&a); err != nil {
				return err
			}
			if err := addSyntheticExcerpts(b, a, first, count, cast); err != nil {
				return err
			}
		}
		return nil
	})
}

// syntheticSentence is the text of excerpt i: one sentence per excerpt,
// so that spans are easy to compute.
func syntheticSentence(i int) string {
	return fmt.Sprintf("Excerpt %07d reports that delegates met again at the strait. ", i)
}

func syntheticArticle(first, count int, cast excerptsCast) model.Article {
	var body strings.Builder
	for i := first; i < first+count; i++ {
		body.WriteString(syntheticSentence(i))
	}
	return model.Article{
		Title:       fmt.Sprintf("Dispatch from excerpt %07d", first),
		SourceID:    pick(cast.sources, first/max(count, 1)),
		PublishedAt: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, first%365),
		Body:        body.String(), Language: "en",
	}
}

func addSyntheticExcerpts(b excerptsBulk, a model.Article, first, count int, cast excerptsCast) error {
	text := model.NewText(a.Body)
	kinds := model.ExcerptKinds()
	start := 0
	for i := first; i < first+count; i++ {
		n := len([]rune(syntheticSentence(i)))
		span := model.Span{Start: start, End: start + n - 1}
		start += n
		sel, err := text.Selector(span)
		if err != nil {
			return err
		}
		e := model.Excerpt{ArticleID: a.ID, Span: span, Selector: sel, Kind: kinds[i%len(kinds)],
			Credibility: model.Credibility(i % 7)}
		if i%3 == 0 {
			e.SpeakerID = pick(cast.speakers, i/3)
		}
		if tag := pick(cast.tags, i); tag != 0 {
			e.TagIDs = []int64{tag}
		}
		if err := b.AddExcerpt(&e); err != nil {
			return err
		}
	}
	return nil
}

// pick returns ids[i] round the list, or 0 when there are none.
func pick(ids []int64, i int) int64 {
	if len(ids) == 0 {
		return 0
	}
	return ids[i%len(ids)]
}

// keyTyped sends a shortcut to the window, as a key press would.
func keyTyped(m *MainWindow, s fyne.Shortcut) {
	m.Window.Canvas().(fyne.Shortcutable).TypedShortcut(s)
}

// shownObjects walks what is on screen under o, through the renderers the
// canvas uses. (test.LaidOutObjects makes new renderers, which a table
// does not survive: it would swap its cells for empty ones.)
func shownObjects(o fyne.CanvasObject) []fyne.CanvasObject {
	if o == nil || !o.Visible() {
		return nil
	}
	out := []fyne.CanvasObject{o}
	switch c := o.(type) {
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(c).Objects() {
			out = append(out, shownObjects(child)...)
		}
	case *fyne.Container:
		for _, child := range c.Objects {
			out = append(out, shownObjects(child)...)
		}
	}
	return out
}

// shownLabels returns the text of every label and table cell on screen
// under o.
func shownLabels(o fyne.CanvasObject) []string {
	var texts []string
	for _, obj := range shownObjects(o) {
		switch l := obj.(type) {
		case *widget.Label:
			texts = append(texts, l.Text)
		case *excerptCell:
			texts = append(texts, l.Text())
		}
	}
	return texts
}
