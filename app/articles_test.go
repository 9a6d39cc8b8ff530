package app

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
	"dossier/workspace"
)

// articlesDemo opens the window on the demo workspace with the Articles
// view in the centre.
func articlesDemo(t *testing.T) (*MainWindow, *workspace.Workspace) {
	t.Helper()
	ws := newDemoWorkspace(t, "demo")
	m := openTestWindow(t, test.NewTempApp(t), ws)
	m.showViewOf(m.articles)
	if m.CurrentView() != "Articles" {
		t.Fatalf("current view = %q", m.CurrentView())
	}
	return m, ws
}

// articlesOpen picks in the list the article whose title holds words.
func articlesOpen(t *testing.T, m *MainWindow, words string) model.Article {
	t.Helper()
	v := m.articles
	for i, a := range v.heads {
		if strings.Contains(a.Title, words) {
			v.list.Select(i)
			full, err := m.ws.Article(context.Background(), a.ID)
			if err != nil {
				t.Fatal(err)
			}
			return full
		}
	}
	t.Fatalf("no article titled %q in the list", words)
	return model.Article{}
}

// articlesButton finds the button showing text among what o lays out.
func articlesButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, obj := range test.LaidOutObjects(o) {
		if b, ok := obj.(*widget.Button); ok && b.Visible() && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q in %q", text, textsIn(o))
	return nil
}

// articlesSpan is the span of the first occurrence of quote in body.
func articlesSpan(t *testing.T, body, quote string) model.Span {
	t.Helper()
	span, err := model.NewText(body).FindQuote(quote, 1)
	if err != nil {
		t.Fatal(err)
	}
	return span
}

func TestArticlesListShowsWorkspace(t *testing.T) {
	m, ws := articlesDemo(t)
	want, total, err := ws.ListArticleHeads(context.Background(), model.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	v := m.articles
	if len(v.heads) != total || total != 4 {
		t.Fatalf("list holds %d articles, the workspace %d", len(v.heads), total)
	}
	shown := textsIn(v.list)
	for i, a := range want {
		if v.heads[i].ID != a.ID {
			t.Errorf("row %d is article %d, want %d", i, v.heads[i].ID, a.ID)
		}
		if !slices.Contains(shown, a.Title) {
			t.Errorf("the list does not show %q", a.Title)
		}
	}
	if !slices.Contains(shown, "Harbour Ledger · 24 March 2025") {
		t.Errorf("the list does not show source and date: %q", shown)
	}
}

func TestArticlesStartOnTheNewest(t *testing.T) {
	m, ws := articlesDemo(t)
	heads, _, err := ws.ListArticleHeads(context.Background(), model.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	newest, err := ws.Article(context.Background(), heads[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := m.articles.reading.Article.ID; got != newest.ID {
		t.Errorf("the view opened article %d, want the newest, %d", got, newest.ID)
	}
	if m.articles.reader.Text() != newest.Body {
		t.Error("the reader does not show the newest article's text")
	}
}

func TestArticlesFilterAndMore(t *testing.T) {
	m, ws := articlesDemo(t)
	v := m.articles
	v.page = 3
	v.heads = nil
	v.reload()
	if len(v.heads) != 3 || v.rowCount() != 4 {
		t.Fatalf("first page: %d rows read, %d rows shown; want 3 and a More row", len(v.heads), v.rowCount())
	}
	if !slices.Contains(textsIn(v.list), "More…") {
		t.Errorf("no More row: %q", textsIn(v.list))
	}
	v.list.Select(3)
	if len(v.heads) != 4 || v.rowCount() != 4 {
		t.Errorf("after More: %d rows read, %d shown; want 4 and 4", len(v.heads), v.rowCount())
	}

	test.Type(v.filter, "corridor")
	want, _, _ := ws.ListArticleHeads(context.Background(), model.ArticleFilter{Text: "corridor"})
	if len(want) == 0 || len(v.heads) != len(want) {
		t.Fatalf("filtered list has %d articles, the workspace %d", len(v.heads), len(want))
	}
	for i, a := range v.heads {
		if a.ID != want[i].ID || !strings.Contains(strings.ToLower(a.Title), "corridor") {
			t.Errorf("filtered row %d = %q", i, a.Title)
		}
	}
}

func TestArticlesOpenShowsArticle(t *testing.T) {
	m, ws := articlesDemo(t)
	v := m.articles
	a := articlesOpen(t, m, "tables 12-point")
	if v.heading.Text != a.Title {
		t.Errorf("heading = %q, want %q", v.heading.Text, a.Title)
	}
	for _, part := range []string{"Harbour Ledger", "10 March 2025", "reliability B (usually reliable)"} {
		if !strings.Contains(v.byline.Text, part) {
			t.Errorf("byline %q lacks %q", v.byline.Text, part)
		}
	}
	if v.reader.Text() != a.Body {
		t.Errorf("reader text differs from the article body")
	}

	ctx := context.Background()
	excerpts, _, _ := ws.ListExcerpts(ctx, model.ExcerptFilter{ArticleID: a.ID})
	mentions, _, _ := ws.ListMentions(ctx, model.MentionFilter{ArticleID: a.ID})
	var wantSpans, gotSpans []string
	for _, e := range excerpts {
		tag, _ := ws.Tag(ctx, e.TagIDs[0])
		wantSpans = append(wantSpans, "excerpt "+spanKey(e.Span)+" "+tag.Colour)
	}
	for _, mn := range mentions {
		wantSpans = append(wantSpans, "mention "+spanKey(mn.Span))
	}
	for _, h := range v.reader.Highlights() {
		key := h.Kind + " " + spanKey(h.Span)
		if h.Kind == "excerpt" {
			key += " " + hexOf(h.Colour)
		}
		gotSpans = append(gotSpans, key)
	}
	slices.Sort(wantSpans)
	slices.Sort(gotSpans)
	if !slices.Equal(gotSpans, wantSpans) {
		t.Errorf("highlights = %q\nwant %q", gotSpans, wantSpans)
	}
}

func spanKey(s model.Span) string { return fmt.Sprintf("%d:%d", s.Start, s.End) }

func hexOf(c color.Color) string {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	const digits = "0123456789abcdef"
	return "#" + string([]byte{digits[n.R>>4], digits[n.R&15], digits[n.G>>4], digits[n.G&15], digits[n.B>>4], digits[n.B&15]})
}

func TestArticlesTapOnExcerptShowsAndDeletes(t *testing.T) {
	m, ws := articlesDemo(t)
	v := m.articles
	a := articlesOpen(t, m, "tables 12-point")
	ctx := context.Background()
	var h Highlight
	for _, hl := range v.reader.Highlights() {
		if hl.Kind == "excerpt" && strings.HasPrefix(hl.Label, "Quote") {
			h = hl
		}
	}
	if h.ID == 0 {
		t.Fatal("no quote excerpt highlighted")
	}
	v.reader.OnHighlightTapped(h)
	texts := strings.Join(textsIn(v.picked), "\n")
	e, err := ws.Excerpt(ctx, h.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Quote · B" + e.Credibility.String(), "Said by Tomas Reyhaven"} {
		if !strings.Contains(texts, want) {
			t.Errorf("picked panel %q lacks %q", texts, want)
		}
	}

	test.Tap(articlesButton(t, v.picked, "Delete"))
	if _, err := ws.Excerpt(ctx, h.ID); err == nil {
		t.Fatal("the excerpt is still in the workspace after Delete")
	}
	for _, hl := range v.reader.Highlights() {
		if hl.Kind == "excerpt" && hl.ID == h.ID {
			t.Error("the deleted excerpt is still highlighted")
		}
	}
	// Ctrl+Z hands the delete back to the workspace's Restore.
	if n := len(m.undo.done); n == 0 || m.undo.done[n-1].label != "delete excerpt "+fmt.Sprint(h.ID) {
		t.Errorf("the delete was not kept for Ctrl+Z")
	}
	if e.ArticleID != a.ID {
		t.Errorf("excerpt %d belongs to article %d, want %d", e.ID, e.ArticleID, a.ID)
	}
}

func TestArticlesShowOpensAtSpan(t *testing.T) {
	m, ws := articlesDemo(t)
	m.selectView(2)
	heads, _, _ := ws.ListArticleHeads(context.Background(), model.ArticleFilter{Text: "aid convoy"})
	a, err := ws.Article(context.Background(), heads[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	span := articlesSpan(t, a.Body, "Saltmere Relief Alliance")
	m.articles.show(a.ID, span)
	if m.CurrentView() != "Articles" {
		t.Errorf("view = %q, want Articles", m.CurrentView())
	}
	v := m.articles
	if v.reading.Article.ID != a.ID || v.reader.Text() != a.Body {
		t.Errorf("open article = %d, want %d", v.reading.Article.ID, a.ID)
	}
	if v.reader.Selection() != span {
		t.Errorf("selection = %v, want %v", v.reader.Selection(), span)
	}
}

func TestExcerptShortcutFromAnotherViewOpensTheReader(t *testing.T) {
	m, _ := articlesDemo(t)
	a := articlesOpen(t, m, "corridor")
	m.articles.reader.Select(articlesSpan(t, a.Body, "corridor"))
	m.showViewOf(m.tags)
	m.articles.newExcerpt()
	if m.CurrentView() != "Articles" {
		t.Errorf("view after Ctrl+E elsewhere = %q, want Articles", m.CurrentView())
	}
	if top := m.Window.Canvas().Overlays().Top(); top != nil {
		t.Errorf("Ctrl+E from the Tags view opened %q on a selection out of sight", textsIn(top))
	}
}

// articlesScrolledDown opens the article titled words in a short window
// and selects a span near its end, so that the text is scrolled down.
func articlesScrolledDown(t *testing.T, m *MainWindow, words string) (model.Span, float32) {
	t.Helper()
	m.Window.Resize(fyne.NewSize(1100, 480))
	a := articlesOpen(t, m, words)
	n := len([]rune(a.Body))
	span := model.Span{Start: n - 40, End: n - 20}
	r := m.articles.reader
	r.Select(span)
	// Then a turn of the wheel up: the selection stays low in sight.
	r.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: 2 * r.lineHeight()}})
	offset := r.ScrollOffset()
	if offset <= 0 {
		t.Fatalf("selecting near the end left the text at the top (reader %v)", r.Size())
	}
	return span, offset
}

// articlesPlaceKept checks that the reader still shows the text where it
// was, with span selected.
func articlesPlaceKept(t *testing.T, v *articlesView, after string, span model.Span, offset float32) {
	t.Helper()
	if got := v.reader.ScrollOffset(); got != offset {
		t.Errorf("after %s the text is scrolled to %v, want %v", after, got, offset)
	}
	if got := v.reader.Selection(); got != span {
		t.Errorf("after %s the selection is %v, want %v", after, got, span)
	}
}

func TestArticlesKeepThePlaceAfterChanges(t *testing.T) {
	m, ws := articlesDemo(t)
	v := m.articles
	span, offset := articlesScrolledDown(t, m, "tables 12-point")
	var quote Highlight
	for _, h := range v.reader.Highlights() {
		if h.Kind == "excerpt" && strings.HasPrefix(h.Label, "Quote") {
			quote = h
		}
	}
	v.reader.OnHighlightTapped(quote)

	proposalsTap(t, m, "Saltmere Shipping Council", "Accept")
	articlesPlaceKept(t, v, "accepting a suggestion", span, offset)
	if len(v.picked.Objects) == 0 || !slices.Contains(textsIn(v.picked), "Said by Tomas Reyhaven") {
		t.Errorf("after accepting a suggestion the excerpt's panel shows %q", textsIn(v.picked))
	}

	// A background scan that ends reads the article again.
	m.rescanStep(ws, workspace.Progress{Done: 4, Total: 4})
	articlesPlaceKept(t, v, "a background scan", span, offset)
	if len(v.picked.Objects) == 0 {
		t.Errorf("after a background scan the panel shows %q", textsIn(v.picked))
	}
}

func TestArticlesMentionPanelFollowsItsVerdict(t *testing.T) {
	m, ws := articlesDemo(t)
	v := m.articles
	span, offset := articlesScrolledDown(t, m, "tables 12-point")
	i := slices.IndexFunc(v.reading.Mentions, func(mn model.Mention) bool {
		return mn.Text == "Kesterian Federation" && mn.State == model.MentionProposed
	})
	if i < 0 {
		t.Fatal("no proposed mention of the Kesterian Federation")
	}
	mention := v.reading.Mentions[i]
	v.reader.OnHighlightTapped(Highlight{Kind: "mention", ID: mention.ID})
	test.Tap(articlesButton(t, v.picked, "Confirm"))
	if got, _ := ws.Mention(context.Background(), mention.ID); got.State != model.MentionConfirmed {
		t.Fatalf("mention after Confirm is %s", got.State)
	}
	articlesPlaceKept(t, v, "confirming a mention", span, offset)
	shown := strings.Join(textsIn(v.picked), "\n")
	if !strings.Contains(shown, "(confirmed)") {
		t.Errorf("after Confirm the panel shows %q", shown)
	}
	test.Tap(articlesButton(t, v.picked, "Reject"))
	if len(v.picked.Objects) != 0 {
		t.Errorf("the panel of the rejected mention stays open: %q", textsIn(v.picked))
	}
	articlesPlaceKept(t, v, "rejecting a mention", span, offset)
}

func TestArticlesOpeningAnotherArticleStartsAtTheTop(t *testing.T) {
	m, _ := articlesDemo(t)
	v := m.articles
	articlesScrolledDown(t, m, "tables 12-point")
	v.reader.OnHighlightTapped(v.reader.Highlights()[0])
	articlesOpen(t, m, "Lunemark presents")
	if v.reader.ScrollOffset() != 0 || v.reader.Selection().Len() != 0 || len(v.picked.Objects) != 0 {
		t.Errorf("another article opens at %v with selection %v and panel %q",
			v.reader.ScrollOffset(), v.reader.Selection(), textsIn(v.picked))
	}
}

func TestArticlesDeleteAndUndo(t *testing.T) {
	m, ws := articlesDemo(t)
	ctx := context.Background()
	a := articlesOpen(t, m, "corridor")
	excerpts, _, err := ws.ListExcerpts(ctx, model.ExcerptFilter{ArticleID: a.ID})
	if err != nil || len(excerpts) == 0 {
		t.Fatalf("the demo article has %d excerpts (%v), want some", len(excerpts), err)
	}
	m.Window.Canvas().(fyne.Shortcutable).TypedShortcut(ctrl(fyne.KeyDelete))
	text := profilesDialogText(t, m)
	want := fmt.Sprintf("Its %s", counted(len(excerpts), "excerpt", "excerpts"))
	if !strings.Contains(text, "Delete the article “"+a.Title+"”?") || !strings.Contains(text, want) {
		t.Errorf("confirmation = %q, want the title and %q", text, want)
	}
	profilesTapDialogButton(t, m, "Delete")
	if _, err := ws.Article(ctx, a.ID); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("the article is still there: %v", err)
	}
	if m.articles.reading.Article.ID != 0 {
		t.Error("the reader still shows the deleted article")
	}
	m.undoLast()
	if _, err := ws.Article(ctx, a.ID); err != nil {
		t.Fatalf("Ctrl+Z did not bring the article back: %v", err)
	}
	back, _, err := ws.ListExcerpts(ctx, model.ExcerptFilter{ArticleID: a.ID})
	if err != nil || len(back) != len(excerpts) {
		t.Errorf("after Ctrl+Z the article has %d excerpts (%v), want %d", len(back), err, len(excerpts))
	}
}

func TestDeleteWithNothingChosenSaysSo(t *testing.T) {
	m, _ := articlesDemo(t)
	m.showViewOf(m.search)
	m.deleteSelected()
	if !strings.HasPrefix(m.Message.Text, "Nothing here to delete") {
		t.Errorf("status = %q", m.Message.Text)
	}
	if m.Window.Canvas().Overlays().Top() != nil {
		t.Error("a dialog opened with nothing to delete")
	}
}
