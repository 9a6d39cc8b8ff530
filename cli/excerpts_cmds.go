package cli

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"dossier/model"
	"dossier/workspace"
)

// quoteWidth is how much of an excerpt's text a line shows.
const quoteWidth = 60

// stringList is a flag that may be given several times: --tag a --tag b.
type stringList []string

func (l *stringList) String() string { return strings.Join(*l, ", ") }

func (l *stringList) Set(s string) error {
	*l = append(*l, s)
	return nil
}

// excerptInput is `excerpts add` as typed, checked before the workspace is
// opened.
type excerptInput struct {
	article, quote, span, kind, note, speaker, credibility string
	occurrence                                             int
	tags, actors, documents                                stringList
}

// excerptPlan is what excerptInput says, once read.
type excerptPlan struct {
	articleID  int64
	quote      string
	occurrence int
	span       model.Span
	bySpan     bool
	kind       model.ExcerptKind
	grade      model.Credibility
}

func excerptsAddCommand() *command {
	return &command{
		name:    "excerpts add",
		args:    "--article ID (--quote TEXT [--occurrence N] | --span START:END) [--kind K] [--note TEXT] [--tag TAG]... [--speaker ACTOR] [--credibility N]",
		summary: "mark an excerpt of an article",
		help: `Marks the text given by --quote (its first occurrence, or the N-th with --occurrence) or by
--span (code points from START to END, as 'articles show --json' counts them) as an excerpt.
--tag takes a tag's id, name or path (parent/child) and may be repeated; the tag must exist.
--speaker, --actor and --document take an id, a name or an alias. The kind is "other" unless
--kind says otherwise.`,
		setup: func(fs *flag.FlagSet) runFunc {
			in := &excerptInput{}
			fs.StringVar(&in.article, "article", "", "the article's `ID` (required)")
			fs.StringVar(&in.quote, "quote", "", "the exact `TEXT` to mark, as it is in the article")
			fs.IntVar(&in.occurrence, "occurrence", 0, "mark the `N`-th occurrence of the quote (default 1)")
			fs.StringVar(&in.span, "span", "", "mark the code points `START:END` instead of a quote")
			fs.StringVar(&in.kind, "kind", "", "the `KIND` of excerpt: "+kindList()+" (default other)")
			fs.StringVar(&in.note, "note", "", "the analyst's note, as `TEXT`")
			fs.Var(&in.tags, "tag", "tag it with `TAG` (repeatable)")
			fs.StringVar(&in.speaker, "speaker", "", "the `ACTOR` who says it")
			fs.Var(&in.actors, "actor", "an `ACTOR` involved (repeatable)")
			fs.Var(&in.documents, "document", "a tracked document `DOC` it concerns (repeatable)")
			fs.StringVar(&in.credibility, "credibility", "", "grade it `N` from 1 (confirmed) to 6 (cannot be judged)")
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args); err != nil {
					return err
				}
				plan, err := in.check()
				if err != nil {
					return err
				}
				return inWorkspace(e, func(ws *workspace.Workspace) error {
					ex, err := buildExcerpt(ctx, ws, in, plan)
					if err != nil {
						return err
					}
					if err := ws.CreateExcerpt(ctx, &ex); err != nil {
						return err
					}
					fmt.Fprintf(e.stdout, "added excerpt %d: \"%s\" (span %d:%d)\n", ex.ID, shortQuote(ex.Selector.Exact), ex.Span.Start, ex.Span.End)
					return nil
				})
			}
		},
	}
}

func (in *excerptInput) check() (excerptPlan, error) {
	var p excerptPlan
	if in.article == "" {
		return p, usageErrorf("missing --article ID; say which article the excerpt is in")
	}
	var err error
	if p.articleID, err = parseID("--article", in.article); err != nil {
		return p, err
	}
	if err := in.checkPlace(&p); err != nil {
		return p, err
	}
	p.kind = model.ExcerptOther
	if in.kind != "" {
		if p.kind, err = model.ParseExcerptKind(in.kind); err != nil {
			return p, usageErrorf("--kind: %v", err)
		}
	}
	p.grade, err = parseGrade("--credibility", in.credibility)
	return p, err
}

// checkPlace reads where the excerpt is: exactly one of --quote and --span.
func (in *excerptInput) checkPlace(p *excerptPlan) error {
	switch {
	case in.quote != "" && in.span != "":
		return usageErrorf("give either --quote or --span, not both")
	case in.quote == "" && in.span == "":
		return usageErrorf("say what to mark with --quote TEXT or --span START:END")
	case in.span != "" && in.occurrence != 0:
		return usageErrorf("--occurrence goes with --quote; a span is one place already")
	case in.occurrence < 0:
		return usageErrorf("--occurrence %d is not a position; count occurrences from 1", in.occurrence)
	}
	if in.quote != "" {
		p.quote, p.occurrence = in.quote, max(in.occurrence, 1)
		return nil
	}
	span, err := parseSpan(in.span)
	p.span, p.bySpan = span, true
	return err
}

// parseSpan reads START:END, two code-point offsets.
func parseSpan(s string) (model.Span, error) {
	a, b, ok := strings.Cut(s, ":")
	start, err1 := strconv.Atoi(strings.TrimSpace(a))
	end, err2 := strconv.Atoi(strings.TrimSpace(b))
	if !ok || err1 != nil || err2 != nil {
		return model.Span{}, usageErrorf("--span %q is not START:END; give two offsets in characters, as in 120:184", s)
	}
	if start < 0 || end <= start {
		return model.Span{}, usageErrorf("--span %q is not a range; START must be 0 or more and END greater than START", s)
	}
	return model.Span{Start: start, End: end}, nil
}

// buildExcerpt anchors the excerpt in its article and resolves the names
// given for its tags, speaker, actors and documents.
func buildExcerpt(ctx context.Context, ws *workspace.Workspace, in *excerptInput, p excerptPlan) (model.Excerpt, error) {
	var ex model.Excerpt
	var err error
	if p.bySpan {
		ex, err = ws.ExcerptAt(ctx, p.articleID, p.span)
	} else {
		ex, err = ws.ExcerptOfQuote(ctx, p.articleID, p.quote, p.occurrence)
	}
	if err != nil {
		return ex, err
	}
	ex.Kind, ex.Note, ex.Credibility = p.kind, in.note, p.grade
	if ex.TagIDs, err = tagIDs(ctx, ws, in.tags); err != nil {
		return ex, err
	}
	if ex.SpeakerID, err = optionalRef(ctx, ws, in.speaker, resolveActor); err != nil {
		return ex, err
	}
	if ex.ActorIDs, err = refIDs(ctx, ws, in.actors, resolveActor); err != nil {
		return ex, err
	}
	ex.DocumentIDs, err = refIDs(ctx, ws, in.documents, resolveDocument)
	return ex, err
}

func tagIDs(ctx context.Context, ws *workspace.Workspace, refs []string) ([]int64, error) {
	if len(refs) == 0 {
		return nil, nil
	}
	book, err := loadCodebook(ctx, ws)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(refs))
	for i, ref := range refs {
		t, err := book.find(ref)
		if err != nil {
			return nil, err
		}
		ids[i] = t.ID
	}
	return ids, nil
}

func refIDs(ctx context.Context, ws *workspace.Workspace, refs []string, resolve resolver) ([]int64, error) {
	ids := make([]int64, 0, len(refs))
	for _, ref := range refs {
		id, err := resolveRef(ctx, ws, ref, resolve)
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// shortQuote puts an excerpt's text on one line, shortened.
func shortQuote(s string) string {
	return clip(strings.Join(strings.Fields(s), " "), quoteWidth)
}

func excerptsListCommand() *command {
	return &command{
		name:    "excerpts list",
		args:    "[--json] [filters]",
		summary: "list the excerpts, by article and position",
		help:    "Shows a page of excerpts (id, article, span, kind, grading, speaker, text) and which page it is.",
		setup: func(fs *flag.FlagSet) runFunc {
			asJSON := fs.Bool("json", false, "print {total, offset, excerpts} as JSON")
			filters := declareFilters(fs, excerptFilters)
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args); err != nil {
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
					return listExcerpts(ctx, e, ws, f, *asJSON)
				})
			}
		},
	}
}

// excerptPage is the --json output of `excerpts list`.
type excerptPage struct {
	Total    int             `json:"total"`
	Offset   int             `json:"offset"`
	Excerpts []model.Excerpt `json:"excerpts"`
}

func listExcerpts(ctx context.Context, e *env, ws *workspace.Workspace, f model.ExcerptFilter, asJSON bool) error {
	excerpts, total, err := ws.ListExcerpts(ctx, f)
	if err != nil {
		return err
	}
	if asJSON {
		if excerpts == nil {
			excerpts = []model.Excerpt{}
		}
		return writeJSON(e.stdout, excerptPage{Total: total, Offset: f.Offset, Excerpts: excerpts})
	}
	if len(excerpts) > 0 {
		if err := printExcerpts(ctx, e, ws, excerpts); err != nil {
			return err
		}
	}
	printShowing(e.stdout, "excerpts", f.Offset, len(excerpts), total)
	return nil
}

func printExcerpts(ctx context.Context, e *env, ws *workspace.Workspace, excerpts []model.Excerpt) error {
	look := newExcerptLookups(ws)
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tARTICLE\tSPAN\tKIND\tGRADE\tSPEAKER\tTEXT")
	for _, x := range excerpts {
		grade, err := look.grading(ctx, x)
		if err != nil {
			return err
		}
		speaker, err := look.speaker(ctx, x.SpeakerID)
		if err != nil {
			return err
		}
		text := shortQuote(x.Selector.Exact)
		if x.Orphaned {
			text = "(orphaned) " + text
		}
		fmt.Fprintf(tw, "%d\t%d\t%d:%d\t%s\t%s\t%s\t%s\n", x.ID, x.ArticleID, x.Span.Start, x.Span.End, x.Kind, grade, speaker, text)
	}
	return tw.Flush()
}

// excerptLookups reads the speakers and sources of a page of excerpts once
// each.
type excerptLookups struct {
	ws       *workspace.Workspace
	sources  *sourceNames
	articles map[int64]int64 // article → source
	actors   map[int64]string
}

func newExcerptLookups(ws *workspace.Workspace) *excerptLookups {
	return &excerptLookups{ws: ws, sources: newSourceNames(ws), articles: map[int64]int64{}, actors: map[int64]string{}}
}

// grading combines the source's reliability and the excerpt's
// credibility, as in "B2"; "-" when neither is graded.
func (l *excerptLookups) grading(ctx context.Context, x model.Excerpt) (string, error) {
	sourceID, ok := l.articles[x.ArticleID]
	if !ok {
		a, err := l.ws.Article(ctx, x.ArticleID)
		if err != nil {
			return "", err
		}
		sourceID, l.articles[x.ArticleID] = a.SourceID, a.SourceID
	}
	src, err := l.sources.source(ctx, sourceID)
	if err != nil {
		return "", err
	}
	if g := model.Grading(src.Reliability, x.Credibility); g != "" {
		return g, nil
	}
	return "-", nil
}

func (l *excerptLookups) speaker(ctx context.Context, id int64) (string, error) {
	if id == 0 {
		return "-", nil
	}
	if name, ok := l.actors[id]; ok {
		return name, nil
	}
	a, err := l.ws.Actor(ctx, id)
	if err != nil {
		return "", err
	}
	l.actors[id] = a.Name
	return a.Name, nil
}
