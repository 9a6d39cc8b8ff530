package app

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
	"dossier/workspace"
)

func TestExcerptsTableShowsWorkspace(t *testing.T) {
	ws := excerptsDemo(t)
	_, v := openExcerpts(t, ws)
	ctx := context.Background()
	want := excerptsInWorkspace(t, ws, model.ExcerptFilter{})
	if rows, cols := v.Table.Length(); rows != len(want) || cols != len(excerptTableColumns) {
		t.Fatalf("table is %d×%d, want %d×%d", rows, cols, len(want), len(excerptTableColumns))
	}
	if got := v.Count.Text; got != "11 excerpts" {
		t.Errorf("count = %q, want 11 excerpts", got)
	}
	for i, e := range want {
		a, err := ws.Article(ctx, e.ArticleID)
		if err != nil {
			t.Fatal(err)
		}
		src := model.Source{}
		if a.SourceID != 0 {
			if src, err = ws.Source(ctx, a.SourceID); err != nil {
				t.Fatal(err)
			}
		}
		speaker := ""
		if e.SpeakerID != 0 {
			s, err := ws.Actor(ctx, e.SpeakerID)
			if err != nil {
				t.Fatal(err)
			}
			speaker = s.Name
		}
		var tags []string
		for _, id := range e.TagIDs {
			tag, err := ws.Tag(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			tags = append(tags, tag.Name)
		}
		slices.SortFunc(tags, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
		wantCells := []string{e.Selector.Exact, string(e.Kind), a.Title, src.Name, a.PublishedAt.Format("2006-01-02"),
			speaker, strings.Join(tags, ", "), string(src.Reliability) + e.Credibility.String(),
			e.CreatedAt.Local().Format("2006-01-02 15:04")}
		for col, w := range wantCells {
			if got := cellText(v, i, col); !cellShows(got, w) {
				t.Errorf("row %d, %s = %q, want %q", i, excerptTableColumns[col].title, got, w)
			}
		}
	}
	// What the screen shows is what the rows hold.
	shown := shownLabels(v.Table)
	for i, e := range want {
		if !slices.Contains(shown, cellText(v, i, 0)) {
			t.Errorf("the table on screen does not show %q", e.Selector.Exact)
		}
	}
}

// cellShows reports whether a cell shows text, or its start when the
// text is longer than the column.
func cellShows(cell, text string) bool {
	if cell == text {
		return true
	}
	start, cut := strings.CutSuffix(cell, "…")
	return cut && len(start) > 10 && strings.HasPrefix(text, start)
}

func TestExcerptsCutTextFitsItsColumn(t *testing.T) {
	test.NewTempApp(t)
	texts := []string{
		"Delegations from Valdoria and Kesteria sat down in the Lunemark port city of Aldercove on Monday",
		"WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
		"MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM",
		"mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm",
		"1,300 ATTACK DRONES, 1,200 GUIDED AERIAL BOMBS AND NINE MISSILES IN ONE WEEK, SAYS KYIV",
		"Переговоры в Майами прошли продуктивно и конструктивно, заявили Уиткофф и Умеров",
		"和平谈判在迈阿密举行，双方称会谈富有成效且具有建设性，但仍有分歧",
		"Inès Duvallon presented the draft Maritime Corridor Framework\nto both delegations.",
	}
	size := theme.TextSize()
	for _, c := range excerptTableColumns {
		for _, text := range texts {
			cut := cutToColumn(text, c.width)
			if w := fyne.MeasureText(cut, size, fyne.TextStyle{}).Width; w > c.width-2*theme.InnerPadding() {
				t.Errorf("column %s (%.0f): %q is %.0f wide", c.title, c.width, cut, w)
			}
			if strings.Contains(cut, "\n") {
				t.Errorf("column %s: %q is not on one line", c.title, cut)
			}
		}
	}
}

func TestExcerptsSortByHeader(t *testing.T) {
	ws := excerptsDemo(t)
	_, v := openExcerpts(t, ws)
	byPosition := excerptIDs(excerptsInWorkspace(t, ws, model.ExcerptFilter{}))
	if got := tableIDs(t, v); !slices.Equal(got, byPosition) {
		t.Fatalf("before any sort: rows %v, want by position %v", got, byPosition)
	}
	for col, c := range excerptTableColumns {
		t.Run(c.title, func(t *testing.T) {
			for _, desc := range []bool{false, true} {
				head := headerButton(t, v, col)
				test.Tap(head)
				want := excerptIDs(excerptsInWorkspace(t, ws, model.ExcerptFilter{Sort: c.sort, Desc: desc}))
				if got := tableIDs(t, v); !slices.Equal(got, want) {
					t.Errorf("desc=%v: rows %v, want %v", desc, got, want)
				}
				mark := " ▲"
				if desc {
					mark = " ▼"
				}
				if got := headerButton(t, v, col).Text; got != c.title+mark {
					t.Errorf("desc=%v: header %q, want %q", desc, got, c.title+mark)
				}
			}
		})
	}
	// The quotes column sorts by the text the analyst reads.
	test.Tap(headerButton(t, v, 0))
	rows, _ := v.Table.Length()
	var quotes []string
	for i := range rows {
		quotes = append(quotes, strings.ToLower(cellText(v, i, 0)))
	}
	if !slices.IsSorted(quotes) {
		t.Errorf("sorted by quote, the quotes read %q", quotes)
	}
}

// excerptsFilterCase sets the filter bar one way and says which rows must
// remain: those the workspace lists for the same filter, each of which
// holds must accept.
type excerptsFilterCase struct {
	name  string
	set   func(f *excerptFilters)
	query model.ExcerptFilter
	holds func(e model.Excerpt, a model.Article) bool
}

func TestExcerptsFilters(t *testing.T) {
	ws := excerptsDemo(t)
	_, v := openExcerpts(t, ws)
	ids := excerptsDemoIDs(t, ws)
	all := excerptIDs(excerptsInWorkspace(t, ws, model.ExcerptFilter{}))
	negotiationTree := []int64{ids["Negotiations"], ids["Security guarantees"], ids["Shipping corridor"]}
	cases := []excerptsFilterCase{
		{"kind", func(f *excerptFilters) { f.Kind.SetSelected("quote") }, model.ExcerptFilter{Kind: model.ExcerptQuote},
			func(e model.Excerpt, _ model.Article) bool { return e.Kind == model.ExcerptQuote }},
		{"credibility", func(f *excerptFilters) { f.Credibility.SetSelectedIndex(2) },
			model.ExcerptFilter{MinCredibility: 2, MaxCredibility: 2},
			func(e model.Excerpt, _ model.Article) bool { return e.Credibility == 2 }},
		{"tag and the tags below it", func(f *excerptFilters) { f.Tag.SetSelected("Negotiations") },
			model.ExcerptFilter{TagID: ids["Negotiations"]},
			func(e model.Excerpt, _ model.Article) bool {
				return slices.ContainsFunc(e.TagIDs, inList(negotiationTree))
			}},
		{"tag below another", func(f *excerptFilters) { f.Tag.SetSelected("Negotiations › Shipping corridor") },
			model.ExcerptFilter{TagID: ids["Shipping corridor"]},
			func(e model.Excerpt, _ model.Article) bool {
				return slices.Contains(e.TagIDs, ids["Shipping corridor"])
			}},
		{"actor, speaking or involved", func(f *excerptFilters) { f.Actor.SetSelected("Radomir Kestovan") },
			model.ExcerptFilter{ActorID: ids["Radomir Kestovan"]},
			func(e model.Excerpt, _ model.Article) bool {
				return e.SpeakerID == ids["Radomir Kestovan"] || slices.Contains(e.ActorIDs, ids["Radomir Kestovan"])
			}},
		{"document", func(f *excerptFilters) { f.Document.SetSelected("12-point ceasefire plan") },
			model.ExcerptFilter{DocumentID: ids["12-point ceasefire plan"]},
			func(e model.Excerpt, _ model.Article) bool {
				return slices.Contains(e.DocumentIDs, ids["12-point ceasefire plan"])
			}},
		{"source", func(f *excerptFilters) { f.Source.SetSelected("Coast Wire") },
			model.ExcerptFilter{SourceID: ids["Coast Wire"]},
			func(_ model.Excerpt, a model.Article) bool { return a.SourceID == ids["Coast Wire"] }},
		{"published from", func(f *excerptFilters) { test.Type(f.From, "2025-03-17") },
			model.ExcerptFilter{From: day("2025-03-17")},
			func(_ model.Excerpt, a model.Article) bool { return !a.PublishedAt.Before(day("2025-03-17")) }},
		{"published between", func(f *excerptFilters) { test.Type(f.From, "2025-03-05"); test.Type(f.To, "2025-03-17") },
			model.ExcerptFilter{From: day("2025-03-05"), To: day("2025-03-17")},
			func(_ model.Excerpt, a model.Article) bool {
				return !a.PublishedAt.Before(day("2025-03-05")) && a.PublishedAt.Before(day("2025-03-18"))
			}},
		{"kind and tag", func(f *excerptFilters) {
			f.Kind.SetSelected("event")
			f.Tag.SetSelected("Negotiations › Security guarantees")
		},
			model.ExcerptFilter{Kind: model.ExcerptEvent, TagID: ids["Security guarantees"]},
			func(e model.Excerpt, _ model.Article) bool {
				return e.Kind == model.ExcerptEvent && slices.Contains(e.TagIDs, ids["Security guarantees"])
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			test.Tap(v.filters.Clear)
			if got := tableIDs(t, v); !slices.Equal(got, all) {
				t.Fatalf("after Clear filters: rows %v, want all %v", got, all)
			}
			c.set(v.filters)
			want := excerptsInWorkspace(t, ws, c.query)
			got := tableIDs(t, v)
			if !slices.Equal(got, excerptIDs(want)) {
				t.Fatalf("rows %v, want %v", got, excerptIDs(want))
			}
			if len(got) == 0 || len(got) == len(all) {
				t.Fatalf("%d of %d rows: the filter does not narrow", len(got), len(all))
			}
			for _, e := range want {
				a, err := ws.Article(context.Background(), e.ArticleID)
				if err != nil {
					t.Fatal(err)
				}
				if !c.holds(e, a) {
					t.Errorf("excerpt %d (%q) does not belong", e.ID, e.Selector.Exact)
				}
			}
			if want := countText(len(got)); v.Count.Text != want {
				t.Errorf("count = %q, want %q", v.Count.Text, want)
			}
		})
	}
}

func TestExcerptsDateNotYetReadableFiltersNothing(t *testing.T) {
	ws := excerptsDemo(t)
	_, v := openExcerpts(t, ws)
	test.Type(v.filters.From, "2025-03")
	if rows, _ := v.Table.Length(); rows != 11 {
		t.Errorf("with a half-typed date: %d rows, want all 11", rows)
	}
	if v.filters.From.Validate() == nil {
		t.Error("a half-typed date is not marked as wrong")
	}
}

func TestExcerptsSearchBox(t *testing.T) {
	ws := excerptsDemo(t)
	_, v := openExcerpts(t, ws)
	all := excerptsInWorkspace(t, ws, model.ExcerptFilter{})
	// In quotes, in a note only, and across words, any case.
	for _, typed := range []string{"corridor", "Harbour Master", "the draft Maritime"} {
		v.filters.Search.SetText("")
		test.Type(v.filters.Search, typed)
		var want []int64
		for _, e := range all {
			if strings.Contains(strings.ToLower(e.Selector.Exact+"\n"+e.Note), strings.ToLower(typed)) {
				want = append(want, e.ID)
			}
		}
		if got := tableIDs(t, v); !slices.Equal(got, want) {
			t.Errorf("search %q: rows %v, want %v", typed, got, want)
		}
		if len(want) == 0 || len(want) == len(all) {
			t.Errorf("search %q: %d of %d rows; the case does not test narrowing", typed, len(want), len(all))
		}
	}
}

func TestExcerptsSelectShowsDetail(t *testing.T) {
	ws := excerptsDemo(t)
	m, v := openExcerpts(t, ws)
	if v.detail.Quote.Text != noExcerptChosen || !v.detail.Delete.Disabled() {
		t.Fatalf("before a choice the detail shows %q", v.detail.Quote.Text)
	}
	all := excerptsInWorkspace(t, ws, model.ExcerptFilter{})
	i := slices.IndexFunc(all, func(e model.Excerpt) bool { return e.SpeakerID != 0 && len(e.DocumentIDs) > 0 })
	e := all[i]
	v.Table.Select(widget.TableCellID{Row: i, Col: 2})
	ctx := context.Background()
	a, _ := ws.Article(ctx, e.ArticleID)
	speaker, _ := ws.Actor(ctx, e.SpeakerID)
	doc, _ := ws.Document(ctx, e.DocumentIDs[0])
	d := v.detail
	checks := []struct{ what, got, want string }{
		{"quote", d.Quote.Text, "“" + e.Selector.Exact + "”"},
		{"note", d.Note.Text, e.Note},
		{"article", d.Article.Text, a.Title},
		{"speaker", d.Speaker.Text, speaker.Name},
		{"heading", d.Heading.Text, string(e.Kind) + " · B" + e.Credibility.String()},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
		}
	}
	if !strings.Contains(d.Documents.Text, doc.Title) {
		t.Errorf("documents = %q, want it to name %q", d.Documents.Text, doc.Title)
	}
	if strings.Count(d.Actors.Text, ",") != len(e.ActorIDs)-1 {
		t.Errorf("actors = %q, want %d names", d.Actors.Text, len(e.ActorIDs))
	}
	if got := shownLabels(d.content()); !slices.Contains(got, a.Title) {
		t.Errorf("the detail on screen shows %q, not the article", got)
	}
	test.Tap(d.Open)
	if m.CurrentView() != "Articles" {
		t.Errorf("Open in article led to %q", m.CurrentView())
	}
}

func TestExcerptsDeleteAndUndo(t *testing.T) {
	ws := excerptsDemo(t)
	m, v := openExcerpts(t, ws)
	ctx := context.Background()
	all := excerptsInWorkspace(t, ws, model.ExcerptFilter{})
	gone := all[3]
	v.Table.Select(widget.TableCellID{Row: 3, Col: 0})
	test.Tap(v.detail.Delete)

	if _, err := ws.Excerpt(ctx, gone.ID); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("after Delete the workspace still has excerpt %d (err %v)", gone.ID, err)
	}
	if slices.Contains(tableIDs(t, v), gone.ID) || v.Count.Text != countText(len(all)-1) {
		t.Errorf("after Delete the table holds %v (%s)", tableIDs(t, v), v.Count.Text)
	}
	if v.detail.Quote.Text != noExcerptChosen {
		t.Errorf("after Delete the detail still shows %q", v.detail.Quote.Text)
	}

	keyTyped(m, &fyne.ShortcutUndo{})
	back, err := ws.Excerpt(ctx, gone.ID)
	if err != nil {
		t.Fatalf("after Ctrl+Z the workspace has no excerpt %d: %v (status %q)", gone.ID, err, m.Message.Text)
	}
	if back.Selector.Exact != gone.Selector.Exact || back.Span != gone.Span || !slices.Equal(back.TagIDs, gone.TagIDs) {
		t.Errorf("Ctrl+Z brought back %+v, want %+v", back, gone)
	}
	if !slices.Equal(tableIDs(t, v), excerptIDs(all)) || v.Count.Text != countText(len(all)) {
		t.Errorf("after Ctrl+Z the table holds %v (%s), want %v", tableIDs(t, v), v.Count.Text, excerptIDs(all))
	}
}

// A slow read of the row chosen first must not replace the detail of the
// row chosen after it, nor turn Delete on the wrong excerpt.
func TestExcerptsDetailFollowsTheLastChoice(t *testing.T) {
	ws := excerptsDemo(t)
	m, v := openExcerpts(t, ws)
	all := excerptsInWorkspace(t, ws, model.ExcerptFilter{})
	first, second := all[1], all[2]
	var queued []func()
	m.spawn = func(f func()) { queued = append(queued, f) }
	v.Table.Select(widget.TableCellID{Row: 1, Col: 0})
	v.Table.Select(widget.TableCellID{Row: 2, Col: 0})
	m.spawn = func(f func()) { f() }
	if len(queued) != 2 {
		t.Fatalf("two choices started %d reads, want 2", len(queued))
	}
	queued[1]() // the second read ends first
	queued[0]()
	if want := "“" + second.Selector.Exact + "”"; v.detail.Quote.Text != want {
		t.Fatalf("the detail shows %q, want the row chosen last, %q", v.detail.Quote.Text, want)
	}
	test.Tap(v.detail.Delete)
	ctx := context.Background()
	if _, err := ws.Excerpt(ctx, second.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("Delete left the chosen excerpt %d (err %v)", second.ID, err)
	}
	if _, err := ws.Excerpt(ctx, first.ID); err != nil {
		t.Errorf("Delete removed excerpt %d, chosen before: %v", first.ID, err)
	}
}

func TestExcerptsReadPagesNearTheRowsShown(t *testing.T) {
	ws := newTestWorkspace(t, "many")
	const n = 2500
	if err := fillExcerpts(ws, n, 50, excerptsCast{}); err != nil {
		t.Fatal(err)
	}
	_, v := openExcerpts(t, ws)
	if rows, _ := v.Table.Length(); rows != n || v.Count.Text != "2,500 excerpts" {
		t.Fatalf("table has %d rows (%q), want %d", rows, v.Count.Text, n)
	}
	if got := cachedPages(v); !slices.Equal(got, []int{0}) {
		t.Fatalf("on opening, pages %v are read, want only the first", got)
	}
	for _, row := range []int{300, 900, 1500, 1800, 2100, 2350, 2499} {
		v.Table.ScrollTo(widget.TableCellID{Row: row, Col: 0})
		pages := cachedPages(v)
		if len(pages) > excerptPagesKept {
			t.Fatalf("at row %d, %d pages are kept: %v", row, len(pages), pages)
		}
		if !slices.Contains(pages, row/excerptPageSize) {
			t.Errorf("at row %d, its page is not kept: %v", row, pages)
		}
		want, _, err := ws.ListExcerpts(context.Background(), model.ExcerptFilter{Page: model.Page{Offset: row, Limit: 1}})
		if err != nil || len(want) != 1 {
			t.Fatalf("row %d of the workspace: %v", row, err)
		}
		if !slices.ContainsFunc(shownLabels(v.Table), func(l string) bool { return cellShows(l, want[0].Selector.Exact) }) {
			t.Errorf("at row %d the screen does not show %q", row, want[0].Selector.Exact)
		}
	}
	if slices.Contains(cachedPages(v), 0) {
		t.Error("the first page is still kept at the end of the table")
	}

	// A search from the end of the table brings it back to the top, with
	// the new count.
	test.Type(v.filters.Search, "Excerpt 00012")
	if rows, _ := v.Table.Length(); rows != 100 || v.Count.Text != "100 excerpts" {
		t.Fatalf("after the search the table has %d rows (%q), want 100", rows, v.Count.Text)
	}
	if got := cellText(v, 0, 0); !strings.HasPrefix(got, "Excerpt 0001200 ") {
		t.Errorf("after the search the first row shows %q", got)
	}
	if !slices.Contains(shownLabels(v.Table), cellText(v, 0, 0)) {
		t.Errorf("after the search the screen does not show the first row")
	}
}

func cachedPages(v *excerptsView) []int {
	var pages []int
	for p := range v.pages.rows {
		pages = append(pages, p)
	}
	slices.Sort(pages)
	return pages
}

// excerptsDemoIDs names the demo's tags, actors, documents and sources.
func excerptsDemoIDs(t *testing.T, ws *workspace.Workspace) map[string]int64 {
	t.Helper()
	lists, err := readFilterLists(context.Background(), ws)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, l := range []namedIDs{lists.actors, lists.documents, lists.sources} {
		for name, id := range l.ids {
			ids[name] = id
		}
	}
	tags, _, err := ws.ListTags(context.Background(), model.TagFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tags {
		ids[tc.Tag.Name] = tc.Tag.ID
	}
	return ids
}

func inList(ids []int64) func(int64) bool {
	return func(id int64) bool { return slices.Contains(ids, id) }
}

func day(s string) time.Time {
	t, _ := time.ParseInLocation("2006-01-02", s, time.UTC)
	return t
}
