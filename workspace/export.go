package workspace

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"dossier/export"
	"dossier/model"
	"dossier/storage"
)

// ExportOptions choose what an export holds. Each filter narrows its own
// table, as the listings do (their Page is ignored: an export holds every
// row that passes); relations follow the actors that pass, the document
// history the documents.
type ExportOptions struct {
	Articles  model.ArticleFilter
	Excerpts  model.ExcerptFilter
	Actors    model.ActorFilter
	Documents model.DocumentFilter
	Mentions  model.MentionFilter
	// Tables limits the export to these tables; nil means all of them.
	Tables []export.Table
	// SheetRows is the most rows a sheet holds, header included, before
	// the table goes on in "Excerpts (2)"; 0 means Excel's 1,048,576.
	SheetRows int
}

// ExportProgress reports an export under way.
type ExportProgress = export.Progress

// ExportReport says what an export wrote and what it had to cut.
type ExportReport = export.Report

// Summary lists, at most.
const (
	summaryTop      = 10 // actors and documents ranked by mentions
	summaryChartTop = 5  // actors drawn in the weekly chart
)

// ExportWorkbook writes the workbook of the workspace to w: a Summary
// sheet and a sheet per table. It reads one snapshot through the reader
// pool, so the window reads and writes meanwhile, streams the rows, and
// calls progress (when not nil) from this goroutine. Cancelling ctx stops
// it before anything is written to w.
func (ws *Workspace) ExportWorkbook(ctx context.Context, w io.Writer, opts ExportOptions, progress func(ExportProgress)) (ExportReport, error) {
	var rep ExportReport
	err := ws.readForExport(ctx, opts, inExport(opts.Tables, export.Articles), func(src *exportSource) error {
		var err error
		rep, err = export.Workbook(ctx, w, src, export.Options{SheetRows: opts.SheetRows, Tables: opts.Tables}, progress)
		return err
	})
	return rep, err
}

// ExportWorkbookFile writes the workbook to path, through a temporary
// file beside it that takes its name only when complete: a failed or
// cancelled export leaves no half-written workbook.
func (ws *Workspace) ExportWorkbookFile(ctx context.Context, path string, opts ExportOptions, progress func(ExportProgress)) (ExportReport, error) {
	var rep ExportReport
	err := WriteFileWhole(path, func(w io.Writer) error {
		var err error
		rep, err = ws.ExportWorkbook(ctx, w, opts, progress)
		return err
	})
	return rep, err
}

// ExportCSV writes a CSV file per table into dir (articles.csv,
// excerpts.csv, …), from one snapshot, as ExportWorkbook does.
func (ws *Workspace) ExportCSV(ctx context.Context, dir string, opts ExportOptions, progress func(ExportProgress)) (ExportReport, error) {
	var rep ExportReport
	err := ws.readForExport(ctx, opts, false, func(src *exportSource) error {
		var err error
		rep, err = export.CSVFiles(ctx, dir, src, export.Options{Tables: opts.Tables}, progress)
		return err
	})
	return rep, err
}

// ExportView writes one table, narrowed by the filter of its listing, as
// a workbook of one sheet (format "xlsx") or as CSV ("csv"). The filter is
// a model.ArticleFilter for articles, ExcerptFilter for excerpts,
// ActorFilter for actors, RelationFilter for relations, DocumentFilter for
// documents, StatusEventFilter for the document history, MentionFilter for
// mentions, and nil for tags (nil is every row of any table).
func (ws *Workspace) ExportView(ctx context.Context, table string, filter any, format string, w io.Writer) (ExportReport, error) {
	t, err := export.ParseTable(table)
	if err != nil {
		return ExportReport{}, err
	}
	opts, rel, hist, err := viewOptions(t, filter)
	if err != nil {
		return ExportReport{}, err
	}
	format = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(format)), ".")
	if format != "xlsx" && format != "csv" {
		return ExportReport{}, model.Invalidf("unknown export format %q; use xlsx or csv", format)
	}
	var rep ExportReport
	f := opts.filters(false)
	f.Relations, f.History = rel, hist
	err = ws.ReadForExport(ctx, f, func(r *storage.ExportReader) error {
		src := &exportSource{ws: ws, r: r, opts: opts}
		if format == "csv" {
			rep, err = export.CSV(ctx, w, src, t)
		} else {
			rep, err = export.View(ctx, w, src, t, export.Options{})
		}
		return err
	})
	return rep, err
}

// viewOptions puts a view's filter where its table reads it.
func viewOptions(t export.Table, filter any) (ExportOptions, model.RelationFilter, model.StatusEventFilter, error) {
	var o ExportOptions
	var rel model.RelationFilter
	var hist model.StatusEventFilter
	ok := true
	switch f := deref(filter).(type) {
	case nil:
	case model.ArticleFilter:
		o.Articles, ok = f, t == export.Articles
	case model.ExcerptFilter:
		o.Excerpts, ok = f, t == export.Excerpts
	case model.ActorFilter:
		o.Actors, ok = f, t == export.Actors || t == export.Relations
	case model.RelationFilter:
		rel, ok = f, t == export.Relations
	case model.DocumentFilter:
		o.Documents, ok = f, t == export.Documents || t == export.History
	case model.StatusEventFilter:
		hist, ok = f, t == export.History
	case model.MentionFilter:
		o.Mentions, ok = f, t == export.Mentions
	default:
		ok = false
	}
	if !ok {
		return o, rel, hist, model.Invalidf("the %s view cannot be narrowed by a %T", t, filter)
	}
	return o, rel, hist, nil
}

// deref accepts a filter or a pointer to one.
func deref(filter any) any {
	switch f := filter.(type) {
	case *model.ArticleFilter:
		return derefOrNil(f)
	case *model.ExcerptFilter:
		return derefOrNil(f)
	case *model.ActorFilter:
		return derefOrNil(f)
	case *model.RelationFilter:
		return derefOrNil(f)
	case *model.DocumentFilter:
		return derefOrNil(f)
	case *model.StatusEventFilter:
		return derefOrNil(f)
	case *model.MentionFilter:
		return derefOrNil(f)
	}
	return filter
}

func derefOrNil[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

func inExport(tables []export.Table, t export.Table) bool {
	if tables == nil {
		return true
	}
	for _, x := range tables {
		if x == t {
			return true
		}
	}
	return false
}

func (o ExportOptions) filters(linkArticles bool) storage.ExportFilters {
	return storage.ExportFilters{Articles: o.Articles, Excerpts: o.Excerpts, Actors: o.Actors,
		Documents: o.Documents, Mentions: o.Mentions, LinkArticles: linkArticles}
}

func (ws *Workspace) readForExport(ctx context.Context, opts ExportOptions, linkArticles bool, fn func(*exportSource) error) error {
	return ws.ReadForExport(ctx, opts.filters(linkArticles), func(r *storage.ExportReader) error {
		return fn(&exportSource{ws: ws, r: r, opts: opts})
	})
}

// WriteFileWhole writes a file under a temporary name beside it and gives
// it its name only when write succeeds: an interrupted export leaves no
// half-written file.
func WriteFileWhole(path string, write func(io.Writer) error) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err = write(f); err != nil {
		return err
	}
	if err = f.Chmod(0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// exportSource hands the rows of one snapshot to the export package.
type exportSource struct {
	ws     *Workspace
	r      *storage.ExportReader
	opts   ExportOptions
	counts *storage.ExportCounts
}

func (s *exportSource) Count(ctx context.Context, t export.Table) (int, error) {
	if s.counts == nil {
		c, err := s.r.Counts(ctx)
		if err != nil {
			return 0, err
		}
		s.counts = &c
	}
	c := s.counts
	n := map[export.Table]int{export.Articles: c.Articles, export.Excerpts: c.Excerpts, export.Actors: c.Actors,
		export.Relations: c.Relations, export.Documents: c.Documents, export.History: c.History,
		export.Mentions: c.Mentions, export.Tags: c.Tags}
	return n[t], nil
}

// The storage rows mirror the export rows field by field, so each is a
// conversion; documents name their parties in a type of each package.

func (s *exportSource) Articles(ctx context.Context, yield func(*export.ArticleRow) error) error {
	return s.r.Articles(ctx, func(x *storage.ExportArticle) error { row := export.ArticleRow(*x); return yield(&row) })
}

func (s *exportSource) Excerpts(ctx context.Context, yield func(*export.ExcerptRow) error) error {
	return s.r.Excerpts(ctx, func(x *storage.ExportExcerpt) error { row := export.ExcerptRow(*x); return yield(&row) })
}

func (s *exportSource) Actors(ctx context.Context, yield func(*export.ActorRow) error) error {
	return s.r.Actors(ctx, func(x *storage.ExportActor) error { row := export.ActorRow(*x); return yield(&row) })
}

func (s *exportSource) Relations(ctx context.Context, yield func(*export.RelationRow) error) error {
	return s.r.Relations(ctx, func(x *storage.ExportRelation) error { row := export.RelationRow(*x); return yield(&row) })
}

func (s *exportSource) Documents(ctx context.Context, yield func(*export.DocumentRow) error) error {
	return s.r.Documents(ctx, func(x *storage.ExportDocument) error {
		row := export.DocumentRow{Document: x.Document, Aliases: x.Aliases, StatusDate: x.StatusDate,
			Mentions: x.Mentions, FirstSeen: x.FirstSeen, LastSeen: x.LastSeen}
		for _, p := range x.Parties {
			row.Parties = append(row.Parties, export.Party(p))
		}
		return yield(&row)
	})
}

func (s *exportSource) History(ctx context.Context, yield func(*export.StatusEventRow) error) error {
	return s.r.History(ctx, func(x *storage.ExportStatusEvent) error { row := export.StatusEventRow(*x); return yield(&row) })
}

func (s *exportSource) Mentions(ctx context.Context, yield func(*export.MentionRow) error) error {
	return s.r.Mentions(ctx, func(x *storage.ExportMention) error { row := export.MentionRow(*x); return yield(&row) })
}

func (s *exportSource) Tags(ctx context.Context, yield func(*export.TagRow) error) error {
	return s.r.Tags(ctx, func(x *storage.ExportTag) error { row := export.TagRow(*x); return yield(&row) })
}

func (s *exportSource) Summary(ctx context.Context) (export.Summary, error) {
	sum, err := s.r.Summary(ctx, summaryTop, summaryChartTop)
	if err != nil {
		return export.Summary{}, err
	}
	out := export.Summary{Workspace: Name(s.ws.Path()), ExportedAt: s.ws.DB.Now().UTC(), Filters: s.describeFilters(ctx)}
	for _, r := range sum.TopActors {
		out.TopActors = append(out.TopActors, export.Ranked(r))
	}
	for _, r := range sum.TopDocuments {
		out.TopDocuments = append(out.TopDocuments, export.Ranked(r))
	}
	for _, w := range sum.Weekly {
		out.Weekly = append(out.Weekly, export.WeeklyMentions(w))
	}
	return out, nil
}

// describeFilters says in words which filters narrowed the export, one
// sentence per table, naming what the IDs stand for.
func (s *exportSource) describeFilters(ctx context.Context) []string {
	n := &namer{ctx: ctx, ws: s.ws}
	o := s.opts
	var out []string
	add := func(table string, parts []string) {
		if len(parts) > 0 {
			out = append(out, table+": "+strings.Join(parts, "; "))
		}
	}
	add("Articles", n.articleFilter(o.Articles))
	add("Excerpts", n.excerptFilter(o.Excerpts))
	add("Actors", n.textKind("name or alias", o.Actors.Text, string(o.Actors.Kind), ""))
	add("Documents", n.textKind("title or alias", o.Documents.Text, string(o.Documents.Kind), string(o.Documents.Status)))
	add("Mentions", n.mentionFilter(o.Mentions))
	if o.Tables != nil {
		names := make([]string, len(o.Tables))
		for i, t := range o.Tables {
			names[i] = t.Sheet()
		}
		out = append(out, "Sheets: only "+strings.Join(names, ", "))
	}
	return out
}

// namer names the things a filter points at by ID.
type namer struct {
	ctx   context.Context
	ws    *Workspace
	parts []string
}

func (n *namer) add(format string, args ...any) {
	n.parts = append(n.parts, fmt.Sprintf(format, args...))
}

func (n *namer) take() []string {
	p := n.parts
	n.parts = nil
	return p
}

func (n *namer) actor(id int64) string {
	if a, err := n.ws.Actor(n.ctx, id); err == nil {
		return fmt.Sprintf("%q", a.Name)
	}
	return fmt.Sprintf("actor %d", id)
}

func (n *namer) document(id int64) string {
	if d, err := n.ws.Document(n.ctx, id); err == nil {
		return fmt.Sprintf("%q", d.Title)
	}
	return fmt.Sprintf("document %d", id)
}

func (n *namer) article(id int64) string {
	if a, err := n.ws.Article(n.ctx, id); err == nil {
		return fmt.Sprintf("%d %q", id, a.Title)
	}
	return fmt.Sprint(id)
}

func (n *namer) tag(id int64) string {
	if t, err := n.ws.Tag(n.ctx, id); err == nil {
		return fmt.Sprintf("%q", t.Name)
	}
	return fmt.Sprintf("tag %d", id)
}

func (n *namer) source(id int64) string {
	if s, err := n.ws.Source(n.ctx, id); err == nil {
		return fmt.Sprintf("%q", s.Name)
	}
	return fmt.Sprintf("source %d", id)
}

func (n *namer) dates(from, to time.Time) {
	if !from.IsZero() {
		n.add("published from %s", from.UTC().Format(time.DateOnly))
	}
	if !to.IsZero() {
		n.add("published until %s", to.UTC().Format(time.DateOnly))
	}
}

func (n *namer) articleFilter(f model.ArticleFilter) []string {
	if f.Text != "" {
		n.add("title contains %q", f.Text)
	}
	if f.SourceID != 0 {
		n.add("source %s", n.source(f.SourceID))
	}
	if f.TagID != 0 {
		n.add("tag %s or a tag below it", n.tag(f.TagID))
	}
	n.dates(f.From, f.To)
	return n.take()
}

func (n *namer) excerptFilter(f model.ExcerptFilter) []string {
	if f.ArticleID != 0 {
		n.add("article %s", n.article(f.ArticleID))
	}
	if f.TagID != 0 {
		n.add("tag %s or a tag below it", n.tag(f.TagID))
	}
	if f.Kind != "" {
		n.add("kind %s", f.Kind)
	}
	if f.SpeakerID != 0 {
		n.add("speaker %s", n.actor(f.SpeakerID))
	}
	if f.ActorID != 0 {
		n.add("%s speaks or is involved", n.actor(f.ActorID))
	}
	if f.DocumentID != 0 {
		n.add("concerning %s", n.document(f.DocumentID))
	}
	if f.SourceID != 0 {
		n.add("source %s", n.source(f.SourceID))
	}
	n.dates(f.From, f.To)
	if f.MinCredibility != 0 {
		n.add("credibility %d or worse", f.MinCredibility)
	}
	if f.MaxCredibility != 0 {
		n.add("credibility %d or better", f.MaxCredibility)
	}
	if f.OrphansOnly {
		n.add("orphans only")
	}
	return n.take()
}

func (n *namer) textKind(what, text, kind, status string) []string {
	if text != "" {
		n.add("%s contains %q", what, text)
	}
	if kind != "" {
		n.add("kind %s", kind)
	}
	if status != "" {
		n.add("status %s", status)
	}
	return n.take()
}

func (n *namer) mentionFilter(f model.MentionFilter) []string {
	if f.ArticleID != 0 {
		n.add("article %s", n.article(f.ArticleID))
	}
	if f.ActorID != 0 {
		n.add("of %s", n.actor(f.ActorID))
	}
	if f.DocumentID != 0 {
		n.add("of %s", n.document(f.DocumentID))
	}
	if f.State != "" {
		n.add("state %s", f.State)
	}
	return n.take()
}
