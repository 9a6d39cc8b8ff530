package workspace

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"testing"
	"testing/fstest"

	"dossier/model"
)

// demoDir holds the articles the binary embeds; the test reads them from
// disk, as this package may not import the assets package (it uses Fyne).
const demoDir = "../assets/demo"

// TestSeedDemo seeds one workspace and reads it back from every side a
// newcomer would look at; seeding is the slow part, so it is done once.
func TestSeedDemo(t *testing.T) {
	ws := mustCreate(t)
	if err := ws.SeedDemo(context.Background(), os.DirFS(demoDir)); err != nil {
		t.Fatal(err)
	}
	t.Run("counts", func(t *testing.T) { checkDemoCounts(t, ws) })
	t.Run("excerpts quote their spans", func(t *testing.T) { checkDemoExcerpts(t, ws) })
	t.Run("articles", func(t *testing.T) { checkDemoArticles(t, ws) })
	t.Run("document status", func(t *testing.T) { checkDemoDocuments(t, ws) })
	t.Run("proposals", func(t *testing.T) { checkDemoProposals(t, ws) })
	t.Run("check", func(t *testing.T) { mustBeSound(t, ws) })
}

func checkDemoCounts(t *testing.T, ws *Workspace) {
	info, err := ws.Info(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]int64{}
	for _, tc := range info.Tables {
		rows[tc.Table] = tc.Rows
	}
	want := map[string]int64{
		"sources": 1, "articles": 4, "article_revisions": 0, "excerpts": 10, "tags": 5,
		"actors": 6, "aliases": 12, "relations": 2, "documents": 2, "parties": 5, "status_events": 5,
	}
	for table, n := range want {
		if rows[table] != n {
			t.Errorf("%s: %d rows, want %d", table, rows[table], n)
		}
	}
	for _, table := range []string{"mentions", "proposals"} {
		if rows[table] == 0 {
			t.Errorf("%s: none; the extractor should have run over the articles", table)
		}
	}
}

func mustBeSound(t *testing.T, ws *Workspace) {
	t.Helper()
	problems, err := ws.Check(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("check: %s", p)
	}
}

// Every excerpt quotes its article exactly where its span says, and is
// graded and tagged.
func checkDemoExcerpts(t *testing.T, ws *Workspace) {
	ctx := context.Background()
	excerpts, _, err := ws.ListExcerpts(ctx, model.ExcerptFilter{Page: model.Page{Limit: model.MaxPageSize}})
	if err != nil {
		t.Fatal(err)
	}
	if len(excerpts) != len(demoExcerpts) {
		t.Fatalf("%d excerpts, want %d", len(excerpts), len(demoExcerpts))
	}
	for _, e := range excerpts {
		a, err := ws.Article(ctx, e.ArticleID)
		if err != nil {
			t.Fatal(err)
		}
		body := []rune(a.Body)
		if e.Span.End > len(body) || e.Span.Len() <= 0 {
			t.Errorf("excerpt %d: span %v outside article %d of %d characters", e.ID, e.Span, a.ID, len(body))
			continue
		}
		if got := string(body[e.Span.Start:e.Span.End]); got != e.Selector.Exact {
			t.Errorf("excerpt %d: span reads %q, selector says %q", e.ID, got, e.Selector.Exact)
		}
		if e.Credibility == 0 || len(e.TagIDs) == 0 {
			t.Errorf("excerpt %d %q: credibility %d, tags %v; want it graded and tagged", e.ID, e.Selector.Exact, e.Credibility, e.TagIDs)
		}
		if e.Kind == model.ExcerptQuote && e.SpeakerID == 0 {
			t.Errorf("quote %d %q has no speaker", e.ID, e.Selector.Exact)
		}
	}
}

// The articles carry what an analyst sees in a list: title, source, date,
// author, tags.
func checkDemoArticles(t *testing.T, ws *Workspace) {
	articles, _, err := ws.ListArticles(context.Background(), model.ArticleFilter{Page: model.Page{Limit: model.MaxPageSize}})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range articles {
		if a.SourceID == 0 || a.PublishedAt.IsZero() || a.Author == "" || len(a.TagIDs) == 0 || a.Title == "" {
			t.Errorf("article %d %q: source %d, published %v, author %q, tags %v", a.ID, a.Title, a.SourceID, a.PublishedAt, a.Author, a.TagIDs)
		}
	}
}

// A document's status is that of the latest event of its history.
func checkDemoDocuments(t *testing.T, ws *Workspace) {
	want := map[string]model.DocumentStatus{
		"Maritime Corridor Framework": model.StatusUnderRevision,
		"12-point ceasefire plan":     model.StatusRejected,
	}
	docs, _, err := ws.ListDocuments(context.Background(), model.DocumentFilter{Page: model.Page{Limit: model.MaxPageSize}})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != len(want) {
		t.Fatalf("%d documents, want %d", len(docs), len(want))
	}
	for _, d := range docs {
		if d.Status != want[d.Title] {
			t.Errorf("%q is %q, want %q", d.Title, d.Status, want[d.Title])
		}
	}
}

// Every kind of proposal is open, so that the review of suggestions has
// something of each kind to show; those the demo's excerpts took up are
// accepted into them.
func checkDemoProposals(t *testing.T, ws *Workspace) {
	ctx := context.Background()
	for _, kind := range []model.ProposalKind{model.ProposeActor, model.ProposeQuote, model.ProposeDocument, model.ProposeFigure} {
		_, n, err := ws.ListProposals(ctx, model.ProposalFilter{Kind: kind, State: model.ProposalOpen, Page: model.Page{Limit: 1}})
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			t.Errorf("no open %s proposal", kind)
		}
	}
	accepted, _, err := ws.ListProposals(ctx, model.ProposalFilter{State: model.ProposalAccepted, Page: model.Page{Limit: model.MaxPageSize}})
	if err != nil {
		t.Fatal(err)
	}
	if len(accepted) == 0 {
		t.Error("no proposal is marked as taken up by a demo excerpt")
	}
	for _, p := range accepted {
		e, err := ws.Excerpt(ctx, p.ResultID)
		if err != nil {
			t.Fatalf("proposal %d %q accepted into %d: %v", p.ID, p.Text, p.ResultID, err)
		}
		if e.ArticleID != p.ArticleID || e.Span != p.Span {
			t.Errorf("proposal %d at %d:%v accepted into excerpt %d at %d:%v", p.ID, p.ArticleID, p.Span, e.ID, e.ArticleID, e.Span)
		}
	}
	_, n, err := ws.ListMentions(ctx, model.MentionFilter{State: model.MentionProposed, Page: model.Page{Limit: 1}})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Error("no proposed mention of a known actor or document")
	}
}

func TestSeedDemoRefuses(t *testing.T) {
	demo := os.DirFS(demoDir)
	first := "01-corridor-talks-open.md"
	short := fstest.MapFS{first: mustFile(t, demoDir+"/"+first)}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	cases := []struct {
		name      string
		ctx       context.Context
		files     fs.FS
		seedFirst bool
		want      error
	}{
		{"a second time", context.Background(), demo, true, model.ErrConflict},
		{"no articles", context.Background(), fstest.MapFS{}, false, model.ErrInvalid},
		{"an annotated article missing", context.Background(), short, false, model.ErrInvalid},
		{"cancelled", cancelled, demo, false, context.Canceled},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ws := mustCreate(t)
			if c.seedFirst {
				if err := ws.SeedDemo(context.Background(), demo); err != nil {
					t.Fatal(err)
				}
			}
			err := ws.SeedDemo(c.ctx, c.files)
			if err == nil {
				t.Fatal("SeedDemo succeeded")
			}
			if !errors.Is(err, c.want) {
				t.Fatalf("error %v, want %v", err, c.want)
			}
			ws.WaitRescans()
			mustBeSound(t, ws)
		})
	}
}

func mustFile(t *testing.T, path string) *fstest.MapFile {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return &fstest.MapFile{Data: b}
}
