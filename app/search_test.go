package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
)

// searchPauses stands in for the clock of the typing pause: it keeps the
// search waiting to run, which the test runs when it likes.
type searchPauses struct {
	waiting   func()
	cancelled int
}

func (p *searchPauses) after(_ time.Duration, f func()) func() {
	p.waiting = f
	return func() { p.cancelled++; p.waiting = nil }
}

// searchTestWindow opens the Search view on a workspace filled with the
// demo, with the typing pause under the test's control.
func searchTestWindow(t *testing.T) (*MainWindow, *searchView, *searchPauses) {
	t.Helper()
	a := test.NewTempApp(t)
	ws := newDemoWorkspace(t, "search")
	m := openTestWindow(t, a, ws)
	pauses := &searchPauses{}
	m.search.after = pauses.after
	test.Tap(navRow(t, m, "Search"))
	return m, m.search, pauses
}

// searchFor types text in the box and presses Enter.
func searchFor(v *searchView, text string) {
	v.entry.SetText("")
	test.Type(v.entry, text)
	v.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

// searchShown reads the results as the analyst sees them: each heading
// with the titles under it.
func searchShown(v *searchView) (headings []string, rows map[string][]*searchResult) {
	rows = map[string][]*searchResult{}
	heading := ""
	for _, o := range v.results.Objects {
		switch w := o.(type) {
		case *widget.Label:
			heading = w.Text
			headings = append(headings, heading)
		case *searchResult:
			rows[heading] = append(rows[heading], w)
		}
	}
	return headings, rows
}

func searchMarked(r *searchResult) []string {
	var marked []string
	for _, s := range r.snippet.Segments {
		if ts, ok := s.(*widget.TextSegment); ok && ts.Style.TextStyle.Bold {
			marked = append(marked, ts.Text)
		}
	}
	return marked
}

func TestSearchFindsDemoGroupedByKind(t *testing.T) {
	m, v, _ := searchTestWindow(t)
	searchFor(v, "corridor")

	want, err := m.ws.Search(context.Background(), model.SearchQuery{Text: "corridor"})
	if err != nil {
		t.Fatal(err)
	}
	var wantHeadings []string
	for _, g := range searchGroups {
		if n := want.Totals[g.kind]; n > 0 {
			wantHeadings = append(wantHeadings, fmt.Sprintf("%s (%d)", g.heading, n))
		}
	}
	if len(wantHeadings) != 4 {
		t.Fatalf("the demo should match corridor in every kind; totals %v", want.Totals)
	}
	headings, rows := searchShown(v)
	if !slices.Equal(headings, wantHeadings) {
		t.Errorf("headings = %q, want %q", headings, wantHeadings)
	}
	for _, h := range want.Hits {
		heading := ""
		for _, g := range searchGroups {
			if g.kind == h.Kind {
				heading = fmt.Sprintf("%s (%d)", g.heading, want.Totals[g.kind])
			}
		}
		if !slices.ContainsFunc(rows[heading], func(r *searchResult) bool { return r.hit.ID == h.ID && r.title.Text == h.Title }) {
			t.Errorf("%s %d %q is not shown under %q", h.Kind, h.ID, h.Title, heading)
		}
	}
	if v.summary.Text != fmt.Sprintf("%d hits for “corridor”.", len(want.Hits)) {
		t.Errorf("summary = %q", v.summary.Text)
	}
}

func TestSearchHighlightsMatchedWord(t *testing.T) {
	_, v, _ := searchTestWindow(t)
	searchFor(v, "Duvallon")
	_, rows := searchShown(v)
	if len(rows) == 0 {
		t.Fatal("nothing found for Duvallon")
	}
	for heading, rs := range rows {
		for _, r := range rs {
			marked := searchMarked(r)
			if len(marked) == 0 {
				t.Errorf("%s: %q has no highlighted word", heading, r.title.Text)
			}
			for _, w := range marked {
				if w != "Duvallon" {
					t.Errorf("%s: highlighted %q, want Duvallon", heading, w)
				}
			}
			for _, s := range r.snippet.Segments {
				if strings.ContainsAny(s.Textual(), model.HighlightStart+model.HighlightEnd) {
					t.Errorf("a marker shows in the snippet: %q", s.Textual())
				}
			}
		}
	}
}

func TestSearchRunsAfterTypingPause(t *testing.T) {
	_, v, pauses := searchTestWindow(t)
	test.Type(v.entry, "grain")
	if pauses.waiting == nil {
		t.Fatal("typing did not wait for a pause")
	}
	if pauses.cancelled != len("grain")-1 {
		t.Errorf("each key restarts the pause: %d cancelled, want %d", pauses.cancelled, len("grain")-1)
	}
	if len(v.results.Objects) != 0 {
		t.Error("the search ran before the pause")
	}
	pauses.waiting()
	headings, rows := searchShown(v)
	if !slices.Equal(headings, []string{"Articles (1)"}) || len(rows["Articles (1)"]) != 1 {
		t.Errorf("after the pause: headings %q", headings)
	}
}

func TestSearchMalformedQueryShowsMessageUnderBox(t *testing.T) {
	tests := []struct{ text, want string }{
		{"AND", "The search “AND” has AND at position 1 without a word on each side"},
		{`"peace talks`, "has an unbalanced quote at position 1"},
		{"-Miami", "only excludes words"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			m, v, _ := searchTestWindow(t)
			searchFor(v, tt.text)
			if !v.problem.Visible() || !strings.Contains(v.problem.Text, tt.want) {
				t.Errorf("message under the box = %q (shown %v), want %q", v.problem.Text, v.problem.Visible(), tt.want)
			}
			if top := m.Window.Canvas().Overlays().Top(); top != nil {
				t.Errorf("a dialog opened: %q", textsIn(top))
			}
			searchFor(v, "grain")
			if v.problem.Visible() {
				t.Errorf("the message stays after a good search: %q", v.problem.Text)
			}
		})
	}
}

func TestSearchNothingFound(t *testing.T) {
	_, v, _ := searchTestWindow(t)
	searchFor(v, "zeppelin")
	if v.summary.Text != "Nothing found for “zeppelin”." || len(v.results.Objects) != 0 {
		t.Errorf("summary %q with %d results", v.summary.Text, len(v.results.Objects))
	}
}

func TestSearchTapOpensHit(t *testing.T) {
	tests := []struct{ heading, view string }{
		{"Articles", "Articles"},
		{"Excerpts", "Articles"},
		{"Actors", "Actors"},
		{"Documents", "Documents"},
	}
	for _, tt := range tests {
		t.Run(tt.heading, func(t *testing.T) {
			m, v, _ := searchTestWindow(t)
			searchFor(v, "corridor")
			_, rows := searchShown(v)
			var row *searchResult
			for h, rs := range rows {
				if strings.HasPrefix(h, tt.heading+" (") && len(rs) > 0 {
					row = rs[0]
				}
			}
			if row == nil {
				t.Fatalf("no %s hit for corridor", tt.heading)
			}
			test.Tap(row)
			if got := m.CurrentView(); got != tt.view {
				t.Errorf("after tapping a hit under %s the view is %q, want %q", tt.heading, got, tt.view)
			}
			if top := m.Window.Canvas().Overlays().Top(); top != nil {
				t.Errorf("opening the hit showed a dialog: %q", textsIn(top))
			}
		})
	}
}

func TestSearchMoreResults(t *testing.T) {
	m, v, _ := searchTestWindow(t)
	v.pageSize = 2
	searchFor(v, "corridor")
	_, rows := searchShown(v)
	if n := len(rows["Articles (4)"]); n != 2 {
		t.Fatalf("first page shows %d articles, want 2", n)
	}
	tagsTapButton(t, v.content(), "More articles (2 of 4 shown)")
	_, rows = searchShown(v)
	var ids []int64
	for _, r := range rows["Articles (4)"] {
		ids = append(ids, r.hit.ID)
	}
	want, _ := m.ws.Search(context.Background(), model.SearchQuery{Text: "corridor", Kinds: []string{model.HitArticle}})
	var wantIDs []int64
	for _, h := range want.Hits {
		wantIDs = append(wantIDs, h.ID)
	}
	if !slices.Equal(ids, wantIDs) {
		t.Errorf("after More the articles are %v, want %v in rank order", ids, wantIDs)
	}
	for _, o := range test.LaidOutObjects(v.content()) {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, "More articles") {
			t.Errorf("%q is still offered with every article shown", b.Text)
		}
	}
}

func TestSearchCtrlFFocusesBox(t *testing.T) {
	m, v, _ := searchTestWindow(t)
	v.entry.SetText("an old search")
	test.Tap(navRow(t, m, "Actors"))
	m.Window.Canvas().(fyne.Shortcutable).TypedShortcut(ctrl(fyne.KeyF))
	if got := m.CurrentView(); got != "Search" {
		t.Errorf("view after Ctrl+F = %q, want Search", got)
	}
	if got := m.Window.Canvas().Focused(); got != v.entry {
		t.Errorf("focus after Ctrl+F is on %T, want the search box", got)
	}
	// The old search is selected, so that typing replaces it.
	test.Type(m.Window.Canvas().Focused(), "grain")
	if v.entry.Text != "grain" {
		t.Errorf("typing after Ctrl+F gave %q in the box, want the old search replaced", v.entry.Text)
	}
}

func TestSearchReloadKeepsResultsFresh(t *testing.T) {
	m, v, _ := searchTestWindow(t)
	searchFor(v, "Saltmere")
	before := v.totals[model.HitArticle]
	if _, err := m.ws.ImportText(context.Background(), "note", "Saltmere Strait traffic resumed at dawn."); err != nil {
		t.Fatal(err)
	}
	m.changed()
	if got := v.totals[model.HitArticle]; got != before+1 {
		t.Errorf("after an import the search shows %d articles, want %d", got, before+1)
	}
}

func TestSnippetSegments(t *testing.T) {
	s, e := model.HighlightStart, model.HighlightEnd
	tests := []struct {
		name, snippet string
		want          []string // plain text, with marked parts in [brackets]
	}{
		{"one word", "talks in " + s + "Aldercove" + e + " on Monday", []string{"talks in ", "[Aldercove]", " on Monday"}},
		{"two words", s + "peace" + e + " " + s + "talks" + e, []string{"[peace]", " ", "[talks]"}},
		{"cut while marked", "the " + s + "corri", []string{"the ", "[corri]"}},
		{"stray end", "ships" + e + " wait", []string{"ships wait"}},
		{"line breaks", "first\n\nsecond " + s + "word" + e, []string{"first second ", "[word]"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, seg := range snippetSegments(tt.snippet) {
			ts := seg.(*widget.TextSegment)
			if ts.Style.TextStyle.Bold {
				got = append(got, "["+ts.Text+"]")
			} else {
				got = append(got, ts.Text)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: segments = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestSearchProblemSentence(t *testing.T) {
	err := model.Invalidf("the search “AND” has AND at position 1")
	if got := searchProblem(err); got != "The search “AND” has AND at position 1." {
		t.Errorf("searchProblem = %q", got)
	}
}
