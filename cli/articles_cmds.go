package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"dossier/model"
	"dossier/workspace"
)

// titleWidth keeps a listing's rows on one line of a wide terminal.
const titleWidth = 80

func articlesListCommand() *command {
	return &command{
		name:    "articles list",
		args:    "[--json] [filters]",
		summary: "list the articles, newest first",
		help:    "Shows a page of articles (id, publication date, title, source) and which page it is.",
		setup: func(fs *flag.FlagSet) runFunc {
			asJSON := fs.Bool("json", false, "print {total, offset, articles} as JSON (articles without their text)")
			title := fs.String("title", "", "only articles whose title contains `WORDS`")
			filters := declareFilters(fs, articleFilters)
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args); err != nil {
					return err
				}
				checked, err := filters.check()
				if err != nil {
					return err
				}
				return inWorkspace(e, func(ws *workspace.Workspace) error {
					f, err := checked.articleFilter(ctx, ws)
					if err != nil {
						return err
					}
					f.Text = *title
					return listArticles(ctx, e, ws, f, *asJSON)
				})
			}
		},
	}
}

// articlePage is the --json output of `articles list`.
type articlePage struct {
	Total    int             `json:"total"`
	Offset   int             `json:"offset"`
	Articles []model.Article `json:"articles"`
}

func listArticles(ctx context.Context, e *env, ws *workspace.Workspace, f model.ArticleFilter, asJSON bool) error {
	articles, total, err := ws.ListArticleHeads(ctx, f)
	if err != nil {
		return err
	}
	if asJSON {
		if articles == nil {
			articles = []model.Article{}
		}
		return writeJSON(e.stdout, articlePage{Total: total, Offset: f.Offset, Articles: articles})
	}
	sources := newSourceNames(ws)
	if len(articles) > 0 {
		tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tDATE\tTITLE\tSOURCE")
		for _, a := range articles {
			src, err := sources.name(ctx, a.SourceID)
			if err != nil {
				return err
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", a.ID, day(a.PublishedAt), clip(oneLine(a.Title), titleWidth), src)
		}
		tw.Flush()
	}
	printShowing(e.stdout, "articles", f.Offset, len(articles), total)
	return nil
}

// printShowing says which slice of a listing was printed.
func printShowing(w io.Writer, what string, offset, shown, total int) {
	switch {
	case total == 0:
		fmt.Fprintf(w, "no %s\n", what)
	case shown == 0:
		fmt.Fprintf(w, "showing none of %d (--offset %d is past the end)\n", total, offset)
	default:
		fmt.Fprintf(w, "showing %d–%d of %d\n", offset+1, offset+shown, total)
	}
}

// day prints a date as the analyst writes it, or "-" when unknown.
func day(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format(time.DateOnly)
}

// sourceNames looks up source names once each for a listing.
type sourceNames struct {
	ws    *workspace.Workspace
	known map[int64]model.Source
}

func newSourceNames(ws *workspace.Workspace) *sourceNames {
	return &sourceNames{ws: ws, known: map[int64]model.Source{}}
}

func (s *sourceNames) source(ctx context.Context, id int64) (model.Source, error) {
	if id == 0 {
		return model.Source{}, nil
	}
	if src, ok := s.known[id]; ok {
		return src, nil
	}
	src, err := s.ws.Source(ctx, id)
	if err != nil {
		return src, err
	}
	s.known[id] = src
	return src, nil
}

func (s *sourceNames) name(ctx context.Context, id int64) (string, error) {
	src, err := s.source(ctx, id)
	if err != nil || src.Name == "" {
		return "-", err
	}
	return src.Name, nil
}

func articlesShowCommand() *command {
	return &command{
		name:    "articles show",
		args:    "ID [--json]",
		summary: "show an article: its fields, tags, number of excerpts, then its text",
		setup: func(fs *flag.FlagSet) runFunc {
			asJSON := fs.Bool("json", false, "print the article as a JSON object, with its tags and number of excerpts")
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args, "ID"); err != nil {
					return err
				}
				id, err := parseID("article", args[0])
				if err != nil {
					return err
				}
				return inWorkspace(e, func(ws *workspace.Workspace) error {
					shown, err := readArticleShown(ctx, ws, id)
					if err != nil {
						return err
					}
					if *asJSON {
						return writeJSON(e.stdout, shown)
					}
					printArticle(e.stdout, shown)
					return nil
				})
			}
		},
	}
}

// articleShown is an article with what `articles show` adds to it.
type articleShown struct {
	model.Article
	Source   string   `json:"source,omitempty"`
	Tags     []string `json:"tags"` // paths in the codebook
	Excerpts int      `json:"excerpts"`
}

func readArticleShown(ctx context.Context, ws *workspace.Workspace, id int64) (articleShown, error) {
	a, err := ws.Article(ctx, id)
	if err != nil {
		return articleShown{}, err
	}
	shown := articleShown{Article: a, Tags: []string{}}
	if a.SourceID != 0 {
		src, err := ws.Source(ctx, a.SourceID)
		if err != nil {
			return shown, err
		}
		shown.Source = src.Name
	}
	if len(a.TagIDs) > 0 {
		book, err := loadCodebook(ctx, ws)
		if err != nil {
			return shown, err
		}
		for _, t := range a.TagIDs {
			shown.Tags = append(shown.Tags, book.pathOf(t))
		}
	}
	_, shown.Excerpts, err = ws.ListExcerpts(ctx, model.ExcerptFilter{ArticleID: id, Page: model.Page{Limit: 1}})
	return shown, err
}

func printArticle(w io.Writer, a articleShown) {
	tw := tabwriter.NewWriter(w, 0, 0, 1, ' ', 0)
	field := func(name, value string) {
		if value != "" {
			fmt.Fprintf(tw, "%s:\t%s\n", name, value)
		}
	}
	field("article", fmt.Sprint(a.ID))
	field("title", oneLine(a.Title))
	field("source", a.Source)
	field("author", a.Author)
	field("url", a.URL)
	field("published", day(a.PublishedAt))
	field("retrieved", day(a.RetrievedAt))
	field("language", a.Language)
	field("revision", fmt.Sprint(a.Revision))
	field("tags", strings.Join(a.Tags, ", "))
	field("excerpts", fmt.Sprint(a.Excerpts))
	field("notes", oneLine(a.Notes))
	tw.Flush()
	fmt.Fprintf(w, "\n%s\n", strings.TrimRight(a.Body, "\n"))
}
