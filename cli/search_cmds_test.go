package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"dossier/model"
)

func TestSearch(t *testing.T) {
	excerptsWorkspace(t)
	heading := "Diplomatic Push Intensifies: US, Europe, and Ukraine Seek Common Ground on Peac…"
	search := func(args ...string) []string { return append([]string{"search"}, args...) }
	runCases(t, []cmdCase{
		{"words joined", search("productive", "constructive"), ExitOK,
			"articles: 1 found\n" +
				"  article 1: " + heading + "\n" +
				"    …While the talks were described as “[[productive]] and [[constructive]]” by key participants, a definitive breakthrough remains…\n" +
				"\n" +
				"excerpts: 2 found\n" + // the shorter text ranks first
				"  excerpt 2 in article 1: " + heading + "\n" +
				"    [[productive]] and [[constructive]]\n" +
				"  excerpt 1 in article 1: " + heading + "\n" +
				"    “[[productive]] and [[constructive]]”\n", ""},
		{"one kind, paged", search("--in", "excerpts", "--limit", "1", "--offset", "1", "productive"), ExitOK,
			"excerpts: 2 found, showing 2–2\n" +
				"  excerpt 1 in article 1: " + heading + "\n" +
				"    “[[productive]] and constructive”\n", ""},
		{"filters narrow excerpts", search("--kind", "claim", "--in", "excerpt", "productive"), ExitOK,
			"nothing found for “productive”\n", ""},
		{"a note is searched", search("--speaker", "Witkoff", "--in", "excerpt", "umerov"), ExitOK,
			"excerpts: 1 found\n  excerpt 1 in article 1: " + heading + "\n    Witkoff and [[Umerov]], on X\n", ""},
		{"actors by alias", search("--in", "actor", "zelenskyy"), ExitOK,
			"actors: 1 found\n  actor 1: Volodymyr Zelensky\n    [[Zelenskyy]]\n", ""},
		{"documents", search("--in", "document", "20-point"), ExitOK,
			"documents: 1 found\n  document 1: 20-point plan\n    [[20-point]] plan\n", ""},
		{"nothing", search("Geneva"), ExitOK, "nothing found for “Geneva”\n", ""},
		{"malformed", search(`"peace talks`), ExitFailure, "",
			"dossier: the search “\"peace talks” has an unbalanced quote at position 1; add the closing \"\n"},
		{"only exclusions", search("--", "-Witkoff"), ExitFailure, "",
			"dossier: the search “-Witkoff” only excludes words; add a word to look for, as in: talks -Miami\n"},
		{"field filter", search("title:peace"), ExitFailure, "",
			"dossier: the search “title:peace” has a field filter \"title:\" at position 1, which is not supported; search for the words alone\n"},
		{"no query", search("--in", "article"), ExitUsage, "",
			"dossier: missing argument QUERY; give the words to look for; run 'dossier search --help' for usage\n"},
		{"unknown kind", search("--in", "articles,tweets", "peace"), ExitUsage, "",
			"dossier: --in \"articles,tweets\": unknown kind \"tweets\"; use article, excerpt, actor or document, separated by commas; run 'dossier search --help' for usage\n"},
	})

	var res struct {
		Query  string
		Totals map[string]int
		Hits   []struct {
			Kind      string
			ID        int64
			Title     string
			Snippet   string
			Rank      float64
			ArticleID int64 `json:"article_id"`
		}
	}
	out := mustRun(t, "search", "--json", "productive", "constructive")
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Query != "productive constructive" || res.Totals["article"] != 1 || res.Totals["excerpt"] != 2 || len(res.Hits) != 3 {
		t.Fatalf("--json %+v", res)
	}
	h := res.Hits[2]
	if h.Kind != "excerpt" || h.ID != 1 || h.ArticleID != 1 || h.Title != sampleTitle || h.Rank >= 0 ||
		h.Snippet != "“"+model.HighlightStart+"productive"+model.HighlightEnd+" and "+model.HighlightStart+"constructive"+model.HighlightEnd+"”" {
		t.Fatalf("--json hit %+v", h)
	}
	if out := mustRun(t, "search", "--json", "Geneva"); !strings.Contains(out, `"hits": []`) {
		t.Fatalf("no hits is not []: %s", out)
	}
}

func TestSearchHighlightOnTerminal(t *testing.T) {
	excerptsWorkspace(t)
	fakeTerminal(t)
	t.Setenv("NO_COLOR", "")
	out := mustRun(t, "search", "--in", "excerpt", "--limit", "1", "productive")
	if !strings.HasSuffix(out, "    \x1b[1mproductive\x1b[22m and constructive\n") {
		t.Fatalf("terminal: %q", out)
	}
	t.Setenv("NO_COLOR", "1")
	out = mustRun(t, "search", "--in", "excerpt", "--limit", "1", "productive")
	if !strings.HasSuffix(out, "    [[productive]] and constructive\n") {
		t.Fatalf("terminal under NO_COLOR: %q", out)
	}
}
