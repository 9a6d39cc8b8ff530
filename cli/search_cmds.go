package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"dossier/model"
	"dossier/workspace"
)

// The search engine marks matched words with private-use characters. On a
// terminal they become bold; anywhere else (a file, a pipe, a test) and
// under NO_COLOR they become [[ ]], which survives any encoding and any
// viewer and is easy to find with grep. --json keeps the markers as they are.
var (
	boldMarks    = strings.NewReplacer(model.HighlightStart, "\x1b[1m", model.HighlightEnd, "\x1b[22m")
	bracketMarks = strings.NewReplacer(model.HighlightStart, "[[", model.HighlightEnd, "]]")
)

// searchKinds names the kinds of hits in the order they are printed, and
// their plural for headings.
var searchKinds = []struct{ kind, plural string }{
	{model.HitArticle, "articles"},
	{model.HitExcerpt, "excerpts"},
	{model.HitActor, "actors"},
	{model.HitDocument, "documents"},
}

func searchCommand() *command {
	return &command{
		name:    "search",
		args:    "[--json] [--in KINDS] [filters] QUERY...",
		summary: "search articles, excerpts, actors and documents",
		help: `Finds the words of QUERY (all the arguments, joined by spaces) in articles, excerpts, actors
and documents, best first, with a snippet in which the matched words are marked: in bold on a
terminal, else between [[ and ]] (also when NO_COLOR is set).
QUERY syntax: words (all must occur), "a phrase", negotiat* (prefix), talks OR summit,
talks -Miami or talks NOT Miami (exclusion), and parentheses. Case and accents do not matter.
Put -- before a QUERY that starts with "-", as in: dossier search -- -Miami talks.
Filters narrow excerpts (all of them) and articles (--article, --tag, --source, --from, --to);
actors and documents are not filtered. --limit and --offset page each kind on its own.`,
		setup: func(fs *flag.FlagSet) runFunc {
			asJSON := fs.Bool("json", false, "print {query, totals, hits} as JSON, snippets with the engine's markers (U+E000 … U+E001)")
			in := fs.String("in", "", "search only these `KINDS`, comma-separated: article, excerpt, actor, document")
			filters := declareFilters(fs, excerptFilters)
			return func(ctx context.Context, e *env, args []string) error {
				if len(args) == 0 {
					return usageErrorf("missing argument QUERY; give the words to look for")
				}
				kinds, err := parseKinds(*in)
				if err != nil {
					return err
				}
				checked, err := filters.check()
				if err != nil {
					return err
				}
				return inWorkspace(e, func(ws *workspace.Workspace) error {
					f, err := checked.excerptFilter(ctx, ws)
					if err != nil {
						return err
					}
					q := model.SearchQuery{Text: strings.Join(args, " "), Kinds: kinds, Filter: f, Page: f.Page}
					return runSearch(ctx, e, ws, q, *asJSON)
				})
			}
		},
	}
}

// parseKinds reads --in: a comma-separated list of kinds, singular or plural.
func parseKinds(s string) ([]string, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var kinds []string
	for _, word := range strings.Split(s, ",") {
		word = strings.ToLower(strings.TrimSpace(word))
		found := ""
		for _, k := range searchKinds {
			if word == k.kind || word == k.plural {
				found = k.kind
			}
		}
		if found == "" {
			return nil, usageErrorf("--in %q: unknown kind %q; use article, excerpt, actor or document, separated by commas", s, word)
		}
		kinds = append(kinds, found)
	}
	return kinds, nil
}

// searchHit is a hit as --json prints it.
type searchHit struct {
	Kind      string  `json:"kind"`
	ID        int64   `json:"id"`
	Title     string  `json:"title"`
	Snippet   string  `json:"snippet"`
	Rank      float64 `json:"rank"`
	ArticleID int64   `json:"article_id,omitempty"`
}

// searchOutput is the --json output of a search.
type searchOutput struct {
	Query  string         `json:"query"`
	Totals map[string]int `json:"totals"`
	Hits   []searchHit    `json:"hits"`
}

func runSearch(ctx context.Context, e *env, ws *workspace.Workspace, q model.SearchQuery, asJSON bool) error {
	res, err := ws.Search(ctx, q)
	if err != nil {
		return err
	}
	if asJSON {
		out := searchOutput{Query: q.Text, Totals: res.Totals, Hits: []searchHit{}}
		for _, h := range res.Hits {
			out.Hits = append(out.Hits, searchHit{Kind: h.Kind, ID: h.ID, Title: h.Title, Snippet: h.Snippet, Rank: h.Rank, ArticleID: h.ArticleID})
		}
		return writeJSON(e.stdout, out)
	}
	marks := bracketMarks
	if terminal(e.stdout) && os.Getenv("NO_COLOR") == "" {
		marks = boldMarks
	}
	printSearch(e.stdout, q, res, marks)
	return nil
}

func printSearch(w io.Writer, q model.SearchQuery, res model.SearchResult, marks *strings.Replacer) {
	found := false
	for _, k := range searchKinds {
		total := res.Totals[k.kind]
		if total == 0 {
			continue
		}
		if found {
			fmt.Fprintln(w)
		}
		found = true
		hits := hitsOf(res.Hits, k.kind)
		fmt.Fprintf(w, "%s: %d found%s\n", k.plural, total, pageNote(q.Page.Normalized().Offset, len(hits), total))
		for _, h := range hits {
			fmt.Fprintf(w, "  %s\n", hitHeading(h))
			if h.Snippet != "" {
				fmt.Fprintf(w, "    %s\n", marks.Replace(strings.Join(strings.Fields(h.Snippet), " ")))
			}
		}
	}
	if !found {
		fmt.Fprintf(w, "nothing found for “%s”\n", q.Text)
	}
}

// pageNote says which hits of a kind are shown, when not all of them.
func pageNote(offset, shown, total int) string {
	switch {
	case shown == total:
		return ""
	case shown == 0:
		return fmt.Sprintf(", none shown (--offset %d is past the end)", offset)
	}
	return fmt.Sprintf(", showing %d–%d", offset+1, offset+shown)
}

func hitsOf(hits []model.SearchHit, kind string) []model.SearchHit {
	var out []model.SearchHit
	for _, h := range hits {
		if h.Kind == kind {
			out = append(out, h)
		}
	}
	return out
}

func hitHeading(h model.SearchHit) string {
	title := clip(oneLine(h.Title), titleWidth)
	if h.Kind == model.HitExcerpt {
		return fmt.Sprintf("excerpt %d in article %d: %s", h.ID, h.ArticleID, title)
	}
	return fmt.Sprintf("%s %d: %s", h.Kind, h.ID, title)
}
