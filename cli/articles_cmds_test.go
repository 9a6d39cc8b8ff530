package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"dossier/model"
	"dossier/workspace"
)

// datedArticles adds two dated news pages to the sample workspace, as
// articles 2 (2025-11-28) and 3 (2025-12-02), the first from a source
// named "Geneva Wire" (source 1).
func datedArticles(t *testing.T, path string) {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.html": `<html><head><title>Ceasefire talks open in Geneva</title><meta property="article:published_time" content="2025-11-28T09:00:00Z"></head>` +
			`<body><article><p>Delegations met in Geneva on Friday.</p></article></body></html>`,
		"b.html": `<html><head><title>Sanctions list grows</title><meta property="article:published_time" content="2025-12-02T18:30:00Z"></head>` +
			`<body><article><p>The council added nine names.</p></article></body></html>`,
	})
	mustRun(t, "import", dir)
	withWorkspace(t, path, func(ctx context.Context, ws *workspace.Workspace) {
		src := model.Source{Name: "Geneva Wire", Kind: model.SourceAgency, Reliability: model.ReliabilityB}
		if err := ws.CreateSource(ctx, &src); err != nil {
			t.Fatal(err)
		}
		a, err := ws.Article(ctx, 2)
		if err != nil {
			t.Fatal(err)
		}
		a.SourceID = src.ID
		if err := ws.UpdateArticle(ctx, &a); err != nil {
			t.Fatal(err)
		}
	})
}

// withWorkspace opens the workspace for what the command line cannot do.
func withWorkspace(t *testing.T, path string, fn func(ctx context.Context, ws *workspace.Workspace)) {
	t.Helper()
	ws, err := workspace.Open(path, workspace.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	fn(context.Background(), ws)
}

func TestArticlesList(t *testing.T) {
	path := sampleWorkspace(t)
	datedArticles(t, path)
	sampleRow := "1   -           Diplomatic Push Intensifies: US, Europe, and Ukraine Seek Common Ground on Peac…  -\n"
	runCases(t, []cmdCase{
		{"all, newest first", []string{"articles", "list"}, ExitOK,
			"ID  DATE        TITLE                                                                             SOURCE\n" +
				"3   2025-12-02  Sanctions list grows                                                              -\n" +
				"2   2025-11-28  Ceasefire talks open in Geneva                                                    Geneva Wire\n" +
				sampleRow +
				"showing 1–3 of 3\n", ""},
		{"second page", []string{"articles", "list", "--limit", "1", "--offset", "1"}, ExitOK,
			"ID  DATE        TITLE                           SOURCE\n" +
				"2   2025-11-28  Ceasefire talks open in Geneva  Geneva Wire\n" +
				"showing 2–2 of 3\n", ""},
		{"past the end", []string{"articles", "list", "--offset", "5"}, ExitOK, "showing none of 3 (--offset 5 is past the end)\n", ""},
		{"from a day on", []string{"articles", "list", "--from", "2025-12-01"}, ExitOK,
			"ID  DATE        TITLE                 SOURCE\n3   2025-12-02  Sanctions list grows  -\nshowing 1–1 of 1\n", ""},
		{"up to a whole day", []string{"articles", "list", "--to", "2025-11-28"}, ExitOK,
			"ID  DATE        TITLE                           SOURCE\n2   2025-11-28  Ceasefire talks open in Geneva  Geneva Wire\nshowing 1–1 of 1\n", ""},
		{"by source name", []string{"articles", "list", "--source", "geneva wire"}, ExitOK,
			"ID  DATE        TITLE                           SOURCE\n2   2025-11-28  Ceasefire talks open in Geneva  Geneva Wire\nshowing 1–1 of 1\n", ""},
		{"by title", []string{"articles", "list", "--title", "sanctions"}, ExitOK, "-", ""},
		{"nothing matches", []string{"articles", "list", "--from", "2030-01-01"}, ExitOK, "no articles\n", ""},
		{"unknown source", []string{"articles", "list", "--source", "Reuters"}, ExitFailure, "",
			"dossier: no source is called \"Reuters\"; check the spelling, or give its id\n"},
		{"filter not offered", []string{"articles", "list", "--speaker", "Witkoff"}, ExitUsage, "",
			"dossier: flag provided but not defined: -speaker; run 'dossier articles list --help' for usage\n"},
		{"extra argument", []string{"articles", "list", "peace"}, ExitUsage, "",
			"dossier: unexpected argument \"peace\"; run 'dossier articles list --help' for usage\n"},
	})

	var page struct {
		Total, Offset int
		Articles      []model.Article
	}
	out := mustRun(t, "articles", "list", "--json", "--limit", "2")
	if err := json.Unmarshal([]byte(out), &page); err != nil {
		t.Fatal(err)
	}
	if page.Total != 3 || page.Offset != 0 || len(page.Articles) != 2 || page.Articles[0].ID != 3 || page.Articles[1].SourceID != 1 {
		t.Fatalf("--json page %+v", page)
	}
	if strings.Contains(out, `"body"`) {
		t.Fatal("a listing carries the articles' text")
	}
	if out := mustRun(t, "articles", "list", "--json", "--from", "2030-01-01"); !strings.Contains(out, `"articles": []`) {
		t.Fatalf("an empty listing is not []: %s", out)
	}
}

func TestArticlesShow(t *testing.T) {
	path := sampleWorkspace(t)
	datedArticles(t, path)
	mustRun(t, "tags", "add", "geneva")
	withWorkspace(t, path, func(ctx context.Context, ws *workspace.Workspace) {
		a, _ := ws.Article(ctx, 2)
		a.TagIDs, a.Notes = []int64{1}, "Check with the wire."
		if err := ws.UpdateArticle(ctx, &a); err != nil {
			t.Fatal(err)
		}
	})
	mustRun(t, "excerpts", "add", "--article", "2", "--quote", "Geneva")

	code, out, _ := run("articles", "show", "2")
	wantHead := "article:   2\n" +
		"title:     Ceasefire talks open in Geneva\n" +
		"source:    Geneva Wire\n" +
		"published: 2025-11-28\n"
	wantTail := "revision:  1\n" +
		"tags:      geneva\n" +
		"excerpts:  1\n" +
		"notes:     Check with the wire.\n" +
		"\nDelegations met in Geneva on Friday.\n"
	if code != ExitOK || !strings.HasPrefix(out, wantHead) || !strings.HasSuffix(out, wantTail) || !strings.Contains(out, "\nretrieved: ") {
		t.Fatalf("show: %d\n%s", code, out)
	}

	var shown struct {
		model.Article
		Source   string
		Tags     []string
		Excerpts int
	}
	if err := json.Unmarshal([]byte(mustRun(t, "articles", "show", "2", "--json")), &shown); err != nil {
		t.Fatal(err)
	}
	if shown.ID != 2 || shown.Body != "Delegations met in Geneva on Friday." || shown.Source != "Geneva Wire" ||
		len(shown.Tags) != 1 || shown.Tags[0] != "geneva" || shown.Excerpts != 1 {
		t.Fatalf("--json %+v", shown)
	}
	if out := mustRun(t, "articles", "show", "3", "--json"); !strings.Contains(out, `"tags": []`) {
		t.Fatalf("no tags is not []: %s", out)
	}

	runCases(t, []cmdCase{
		{"missing", []string{"articles", "show", "99"}, ExitFailure, "", "dossier: read article: article 99 does not exist\n"},
		{"not a number", []string{"articles", "show", "first"}, ExitUsage, "",
			"dossier: article \"first\" is not an id; give the number that the listings show, as in 12; run 'dossier articles show --help' for usage\n"},
		{"no id", []string{"articles", "show"}, ExitUsage, "",
			"dossier: missing argument ID; run 'dossier articles show --help' for usage\n"},
		{"no verb", []string{"articles"}, ExitUsage, "",
			"dossier: articles needs a subcommand: list, show; run 'dossier help articles VERB' for one of them\n"},
	})
}
