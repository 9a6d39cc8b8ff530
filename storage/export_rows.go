package storage

import (
	"context"
	"database/sql"
	"sort"
	"strings"
	"time"

	"dossier/model"
)

// An export reads every row of several tables from one snapshot: a single
// read transaction from the reader pool, so that the sheets agree with
// each other (an excerpt's link to its article's row, the counts of the
// summary) and the window's own reads and writes go on meanwhile (WAL).
// Rows stream from SQLite to the caller one at a time; nothing here holds
// a table in memory but the codebook of tags.

// ExportFilters narrow an export, each its table (Page is ignored: an
// export holds every row that passes).
type ExportFilters struct {
	Articles  model.ArticleFilter
	Excerpts  model.ExcerptFilter
	Actors    model.ActorFilter
	Documents model.DocumentFilter
	Mentions  model.MentionFilter
	// Relations and History narrow further what the actor and document
	// filters leave of those tables.
	Relations model.RelationFilter
	History   model.StatusEventFilter
	// LinkArticles says the Articles sheet is in the same export: excerpts
	// and mentions then carry the row of their article in it.
	LinkArticles bool
}

// ExportReader reads the rows of an export; it is valid only during the
// function given to ReadForExport.
type ExportReader struct {
	tx       *sql.Tx
	f        ExportFilters
	tagPaths map[int64]string
}

// ReadForExport runs fn with a reader over one snapshot of the workspace.
func (db *DB) ReadForExport(ctx context.Context, f ExportFilters, fn func(r *ExportReader) error) error {
	return db.view(ctx, "read for export", func(tx *sql.Tx) error {
		return fn(&ExportReader{tx: tx, f: f})
	})
}

// The rows of each table, with the names and counts a sheet shows beside
// the entity. Each mirrors the matching row type of the export package
// field by field, so that the workspace converts one into the other.

// ExportArticle is an article with its source and counts.
type ExportArticle struct {
	Article     model.Article
	Source      string
	Reliability model.Reliability
	Tags        []string
	Excerpts    int
	Mentions    int
}

// ExportExcerpt is an excerpt with its article and the names it links to.
type ExportExcerpt struct {
	Excerpt      model.Excerpt
	ArticleTitle string
	ArticleURL   string
	Published    time.Time
	Source       string
	Reliability  model.Reliability
	Speaker      string
	Actors       []string
	Documents    []string
	Tags         []string
	ArticleRow   int
}

// ExportActor is an actor with its aliases and what mentions it.
type ExportActor struct {
	Actor               model.Actor
	Affiliation         string
	Aliases             []string
	Mentions            int
	Spoken              int
	FirstSeen, LastSeen time.Time
}

// ExportRelation is a relation with its actors' names.
type ExportRelation struct {
	Relation model.Relation
	From, To string
	Evidence string
}

// ExportParty is a party by the actor's name.
type ExportParty struct {
	Actor string
	Role  model.PartyRole
}

// ExportDocument is a document with its aliases, parties and mentions.
type ExportDocument struct {
	Document            model.Document
	Aliases             []string
	Parties             []ExportParty
	StatusDate          time.Time
	Mentions            int
	FirstSeen, LastSeen time.Time
}

// ExportStatusEvent is a step of a document's history.
type ExportStatusEvent struct {
	Event    model.StatusEvent
	Document string
	Evidence string
}

// ExportMention is a mention with its article and what it names.
type ExportMention struct {
	Mention      model.Mention
	ArticleTitle string
	ArticleURL   string
	Published    time.Time
	Name         string
	ArticleRow   int
}

// ExportTag is a tag of the codebook with its place and use.
type ExportTag struct {
	Tag      model.Tag
	Path     string
	Parent   string
	Excerpts int
	Articles int
}

// listSep separates the items that group_concat gathers into one value.
const listSep = "\x1f"

func splitNames(s sql.NullString) []string {
	if !s.Valid || s.String == "" {
		return nil
	}
	return strings.Split(s.String, listSep)
}

// articleOrder is the order of the Articles sheet: by publication, undated
// ones last. Excerpts and mentions follow their articles in it.
const articleOrder = "a.published_at IS NULL, a.published_at, a.id"

// withArticleRows numbers the exported articles in the order of their
// sheet, for the links of excerpts and mentions. It returns the WITH
// clause, the column of the row number, the join that gives it, and the
// arguments: its own before args, as the WITH clause comes first.
func (r *ExportReader) withArticleRows(args []any) (with, column, join string, all []any) {
	if !r.f.LinkArticles {
		return "", "0", "", args
	}
	w := articleWhere(r.f.Articles)
	with = "WITH article_rows(id, n) AS (SELECT a.id, row_number() OVER (ORDER BY " + articleOrder +
		") FROM articles a" + w.String() + ") "
	return with, "ifnull(ar.n, 0)", " LEFT JOIN article_rows ar ON ar.id = a.id", append(w.args, args...)
}

// prefixed qualifies a list of columns with a table alias.
func prefixed(alias, columns string) string {
	cols := strings.Split(columns, ", ")
	for i, c := range cols {
		cols[i] = alias + "." + c
	}
	return strings.Join(cols, ", ")
}

// moreScanner scans a row into a scan function's destinations and then
// into more, so that the entity scanners serve rows with extra columns.
type moreScanner struct {
	r    scanner
	more []any
}

func (m moreScanner) Scan(dest ...any) error { return m.r.Scan(append(dest, m.more...)...) }

// stream runs a query and hands each row, scanned, to yield.
func stream[T any](ctx context.Context, q querier, query string, args []any, scan func(scanner) (T, error), yield func(*T) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return err
		}
		if err := yield(&v); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Articles yields the articles that pass the filter, with their text.
func (r *ExportReader) Articles(ctx context.Context, yield func(*ExportArticle) error) error {
	paths, err := r.paths(ctx)
	if err != nil {
		return err
	}
	w := articleWhere(r.f.Articles)
	query := "SELECT " + articleColumns + `, ifnull(s.name, ''), ifnull(s.reliability, ''),
		(SELECT count(*) FROM excerpts e WHERE e.article_id = a.id),
		(SELECT count(*) FROM mentions m WHERE m.article_id = a.id AND m.state <> 'rejected')
		FROM articles a LEFT JOIN sources s ON s.id = a.source_id` + w.String() + " ORDER BY " + articleOrder
	return stream(ctx, r.tx, query, w.args, func(sc scanner) (ExportArticle, error) {
		var x ExportArticle
		var err error
		x.Article, err = scanArticle(moreScanner{sc, []any{&x.Source, &x.Reliability, &x.Excerpts, &x.Mentions}})
		x.Tags = pathsOf(paths, x.Article.TagIDs)
		return x, err
	}, yield)
}

// Excerpts yields the excerpts that pass the filter, by article (in the
// order of the Articles sheet) and position.
func (r *ExportReader) Excerpts(ctx context.Context, yield func(*ExportExcerpt) error) error {
	paths, err := r.paths(ctx)
	if err != nil {
		return err
	}
	w := excerptWhere(r.f.Excerpts)
	with, rowExpr, join, args := r.withArticleRows(w.args)
	query := with + "SELECT " + excerptColumns + `, a.title, a.url, a.published_at, ifnull(s.name, ''),
		ifnull(s.reliability, ''), ifnull(sp.name, ''),
		(SELECT group_concat(x.name, char(31) ORDER BY x.name COLLATE NOCASE, x.id) FROM excerpt_actors ea
			JOIN actors x ON x.id = ea.actor_id WHERE ea.excerpt_id = e.id),
		(SELECT group_concat(d.title, char(31) ORDER BY d.title COLLATE NOCASE, d.id) FROM excerpt_documents ed
			JOIN documents d ON d.id = ed.document_id WHERE ed.excerpt_id = e.id), ` + rowExpr + `
		FROM ` + excerptsFrom + ` LEFT JOIN sources s ON s.id = a.source_id LEFT JOIN actors sp ON sp.id = e.speaker_id` +
		join + w.String() + " ORDER BY " + articleOrder + ", e.start_cp, e.end_cp, e.id"
	return stream(ctx, r.tx, query, args, func(sc scanner) (ExportExcerpt, error) {
		var x ExportExcerpt
		var published, actors, documents sql.NullString
		var err error
		x.Excerpt, err = scanExcerpt(moreScanner{sc, []any{&x.ArticleTitle, &x.ArticleURL, &published, &x.Source,
			&x.Reliability, &x.Speaker, &actors, &documents, &x.ArticleRow}})
		x.Published = parseTime(published)
		x.Actors, x.Documents = splitNames(actors), splitNames(documents)
		x.Tags = pathsOf(paths, x.Excerpt.TagIDs)
		return x, err
	}, yield)
}

// actorExportWhere is ListActors' filter over "actors x".
func actorExportWhere(f model.ActorFilter) *where {
	var w where
	if key := aliasKey(f.Text); key != "" {
		w.add("(instr("+foldFunction+"(x.name), ?) > 0 OR x.id IN (SELECT actor_id FROM aliases WHERE instr(key, ?) > 0))", key, key)
	}
	if f.Kind != "" {
		w.add("x.kind = ?", f.Kind)
	}
	return &w
}

// Actors yields the actors that pass the filter, by id.
func (r *ExportReader) Actors(ctx context.Context, yield func(*ExportActor) error) error {
	w := actorExportWhere(r.f.Actors)
	query := "SELECT " + prefixed("x", actorColumns) + `, ifnull(af.name, ''),
		(SELECT group_concat(name, char(31) ORDER BY id) FROM aliases WHERE actor_id = x.id),
		(SELECT count(*) FROM mentions m WHERE m.actor_id = x.id AND m.state <> 'rejected'),
		(SELECT count(*) FROM excerpts e WHERE e.speaker_id = x.id),
		(SELECT min(a.published_at) FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.actor_id = x.id AND m.state <> 'rejected'),
		(SELECT max(a.published_at) FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.actor_id = x.id AND m.state <> 'rejected')
		FROM actors x LEFT JOIN actors af ON af.id = x.affiliation_id` + w.String() + " ORDER BY x.id"
	return stream(ctx, r.tx, query, w.args, func(sc scanner) (ExportActor, error) {
		var x ExportActor
		var aliases, first, last sql.NullString
		var err error
		x.Actor, err = scanActor(moreScanner{sc, []any{&x.Affiliation, &aliases, &x.Mentions, &x.Spoken, &first, &last}})
		x.Aliases = splitNames(aliases)
		x.FirstSeen, x.LastSeen = parseTime(first), parseTime(last)
		return x, err
	}, yield)
}

// relationExportWhere keeps the relations with an exported actor at either end.
func (r *ExportReader) relationExportWhere() *where {
	aw := actorExportWhere(r.f.Actors)
	var w where
	if len(aw.conds) > 0 {
		sub := "(SELECT x.id FROM actors x" + aw.String() + ")"
		w.add("(r.from_actor_id IN "+sub+" OR r.to_actor_id IN "+sub+")", append(append([]any{}, aw.args...), aw.args...)...)
	}
	if id := r.f.Relations.ActorID; id != 0 {
		w.add("(r.from_actor_id = ? OR r.to_actor_id = ?)", id, id)
	}
	return &w
}

// Relations yields the relations of the exported actors, by id.
func (r *ExportReader) Relations(ctx context.Context, yield func(*ExportRelation) error) error {
	w := r.relationExportWhere()
	query := "SELECT " + prefixed("r", relationColumns) + `, fa.name, ta.name, ifnull(ev.exact, '')
		FROM relations r JOIN actors fa ON fa.id = r.from_actor_id JOIN actors ta ON ta.id = r.to_actor_id
		LEFT JOIN excerpts ev ON ev.id = r.evidence_excerpt_id` + w.String() + " ORDER BY r.id"
	return stream(ctx, r.tx, query, w.args, func(sc scanner) (ExportRelation, error) {
		var x ExportRelation
		var err error
		x.Relation, err = scanRelation(moreScanner{sc, []any{&x.From, &x.To, &x.Evidence}})
		return x, err
	}, yield)
}

// documentExportWhere is ListDocuments' filter over "documents d".
func documentExportWhere(f model.DocumentFilter) *where {
	var w where
	if key := aliasKey(f.Text); key != "" {
		w.add("(instr("+foldFunction+"(d.title), ?) > 0 OR d.id IN (SELECT document_id FROM aliases WHERE instr(key, ?) > 0))", key, key)
	}
	if f.Kind != "" {
		w.add("d.kind = ?", f.Kind)
	}
	if f.Status != "" {
		w.add("d.status = ?", f.Status)
	}
	return &w
}

// partySep separates an actor's name from its role within one party.
const partySep = "\x1e"

// Documents yields the documents that pass the filter, by id, with their
// parties in the order of roles (author first) and names.
func (r *ExportReader) Documents(ctx context.Context, yield func(*ExportDocument) error) error {
	w := documentExportWhere(r.f.Documents)
	query := "SELECT " + prefixed("d", documentColumns) + `,
		(SELECT group_concat(name, char(31) ORDER BY id) FROM aliases WHERE document_id = d.id),
		(SELECT group_concat(x.name || char(30) || p.role, char(31) ORDER BY
			CASE p.role WHEN 'author' THEN 1 WHEN 'proposer' THEN 2 WHEN 'signatory' THEN 3 WHEN 'guarantor' THEN 4 ELSE 5 END,
			x.name COLLATE NOCASE, p.id)
			FROM parties p JOIN actors x ON x.id = p.actor_id WHERE p.document_id = d.id),
		(SELECT date FROM status_events WHERE document_id = d.id ORDER BY date DESC, id DESC LIMIT 1),
		(SELECT count(*) FROM mentions m WHERE m.document_id = d.id AND m.state <> 'rejected'),
		(SELECT min(a.published_at) FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.document_id = d.id AND m.state <> 'rejected'),
		(SELECT max(a.published_at) FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.document_id = d.id AND m.state <> 'rejected')
		FROM documents d` + w.String() + " ORDER BY d.id"
	return stream(ctx, r.tx, query, w.args, func(sc scanner) (ExportDocument, error) {
		var x ExportDocument
		var aliases, parties, since, first, last sql.NullString
		var err error
		x.Document, err = scanDocument(moreScanner{sc, []any{&aliases, &parties, &since, &x.Mentions, &first, &last}})
		x.Aliases = splitNames(aliases)
		for _, p := range splitNames(parties) {
			name, role, _ := strings.Cut(p, partySep)
			x.Parties = append(x.Parties, ExportParty{Actor: name, Role: model.PartyRole(role)})
		}
		x.StatusDate, x.FirstSeen, x.LastSeen = parseTime(since), parseTime(first), parseTime(last)
		return x, err
	}, yield)
}

// historyExportWhere keeps the events of the exported documents.
func (r *ExportReader) historyExportWhere() *where {
	dw := documentExportWhere(r.f.Documents)
	var w where
	if len(dw.conds) > 0 {
		w.add("se.document_id IN (SELECT d.id FROM documents d"+dw.String()+")", dw.args...)
	}
	if id := r.f.History.DocumentID; id != 0 {
		w.add("se.document_id = ?", id)
	}
	return &w
}

// History yields the status events of the exported documents, by
// document and date.
func (r *ExportReader) History(ctx context.Context, yield func(*ExportStatusEvent) error) error {
	w := r.historyExportWhere()
	query := "SELECT " + prefixed("se", statusEventColumns) + `, d.title, ifnull(ev.exact, '')
		FROM status_events se JOIN documents d ON d.id = se.document_id
		LEFT JOIN excerpts ev ON ev.id = se.evidence_excerpt_id` + w.String() + " ORDER BY se.document_id, se.date, se.id"
	return stream(ctx, r.tx, query, w.args, func(sc scanner) (ExportStatusEvent, error) {
		var x ExportStatusEvent
		var err error
		x.Event, err = scanStatusEvent(moreScanner{sc, []any{&x.Document, &x.Evidence}})
		return x, err
	}, yield)
}

// mentionExportWhere is ListMentions' filter over "mentions m".
func mentionExportWhere(f model.MentionFilter) *where {
	var w where
	if f.ArticleID != 0 {
		w.add("m.article_id = ?", f.ArticleID)
	}
	if f.ActorID != 0 {
		w.add("m.actor_id = ?", f.ActorID)
	}
	if f.DocumentID != 0 {
		w.add("m.document_id = ?", f.DocumentID)
	}
	if f.State != "" {
		w.add("m.state = ?", f.State)
	}
	return &w
}

const mentionsFrom = "mentions m JOIN articles a ON a.id = m.article_id"

// Mentions yields the mentions that pass the filter, by article (in the
// order of the Articles sheet) and position.
func (r *ExportReader) Mentions(ctx context.Context, yield func(*ExportMention) error) error {
	w := mentionExportWhere(r.f.Mentions)
	with, rowExpr, join, args := r.withArticleRows(w.args)
	query := with + "SELECT " + prefixed("m", mentionColumns) + `, a.title, a.url, a.published_at,
		coalesce(x.name, d.title, ''), ` + rowExpr + `
		FROM ` + mentionsFrom + ` LEFT JOIN actors x ON x.id = m.actor_id LEFT JOIN documents d ON d.id = m.document_id` +
		join + w.String() + " ORDER BY " + articleOrder + ", m.start_cp, m.end_cp, m.id"
	return stream(ctx, r.tx, query, args, func(sc scanner) (ExportMention, error) {
		var x ExportMention
		var published sql.NullString
		var err error
		x.Mention, err = scanMention(moreScanner{sc, []any{&x.ArticleTitle, &x.ArticleURL, &published, &x.Name, &x.ArticleRow}})
		x.Published = parseTime(published)
		return x, err
	}, yield)
}

// Tags yields the whole codebook, parents before children, siblings by name.
func (r *ExportReader) Tags(ctx context.Context, yield func(*ExportTag) error) error {
	paths, err := r.paths(ctx)
	if err != nil {
		return err
	}
	rows, err := r.tx.QueryContext(ctx, "SELECT "+tagColumns+`, ifnull(p.name, ''),
		(SELECT count(*) FROM excerpt_tags x WHERE x.tag_id = t.id),
		(SELECT count(*) FROM article_tags x WHERE x.tag_id = t.id)
		FROM tags t LEFT JOIN tags p ON p.id = t.parent_id`)
	if err != nil {
		return err
	}
	tags, err := collect(rows, func(sc scanner) (ExportTag, error) {
		var x ExportTag
		var err error
		x.Tag, err = scanTag(moreScanner{sc, []any{&x.Parent, &x.Excerpts, &x.Articles}})
		x.Path = paths[x.Tag.ID]
		return x, err
	})
	if err != nil {
		return err
	}
	sort.SliceStable(tags, func(i, j int) bool { return pathLess(tags[i], tags[j]) })
	for i := range tags {
		if err := yield(&tags[i]); err != nil {
			return err
		}
	}
	return nil
}

// pathLess orders tags as the codebook shows them: by their path, folded,
// each level before the levels below it.
func pathLess(a, b ExportTag) bool {
	pa := strings.Split(strings.ToLower(a.Path), tagPathSep)
	pb := strings.Split(strings.ToLower(b.Path), tagPathSep)
	for i := 0; i < len(pa) && i < len(pb); i++ {
		if pa[i] != pb[i] {
			return pa[i] < pb[i]
		}
	}
	if len(pa) != len(pb) {
		return len(pa) < len(pb)
	}
	return a.Tag.ID < b.Tag.ID
}

// tagPathSep joins the names of a tag's path: "Talks / Miami".
const tagPathSep = " / "

// paths loads the path of every tag once: the codebook is small, and
// excerpts and articles name their tags by it.
func (r *ExportReader) paths(ctx context.Context) (map[int64]string, error) {
	if r.tagPaths != nil {
		return r.tagPaths, nil
	}
	rows, err := r.tx.QueryContext(ctx, "SELECT "+tagColumns+" FROM tags t")
	if err != nil {
		return nil, err
	}
	tags, err := collect(rows, scanTag)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]model.Tag, len(tags))
	for _, t := range tags {
		byID[t.ID] = t
	}
	r.tagPaths = make(map[int64]string, len(tags))
	for _, t := range tags {
		r.tagPaths[t.ID] = tagPath(byID, t)
	}
	return r.tagPaths, nil
}

// tagPath names a tag by its ancestors and itself, stopping at a loop.
func tagPath(byID map[int64]model.Tag, t model.Tag) string {
	names := []string{t.Name}
	seen := map[int64]bool{t.ID: true}
	for p, ok := byID[t.ParentID]; ok && !seen[p.ID]; p, ok = byID[p.ParentID] {
		seen[p.ID] = true
		names = append([]string{p.Name}, names...)
	}
	return strings.Join(names, tagPathSep)
}

func pathsOf(paths map[int64]string, ids []int64) []string {
	if len(ids) == 0 {
		return nil
	}
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		out = append(out, paths[id])
	}
	sort.Strings(out)
	return out
}

// ExportCounts is how many rows each table of the export has.
type ExportCounts struct {
	Articles, Excerpts, Actors, Relations, Documents, History, Mentions, Tags int
}

// Counts counts the rows each table will yield, for progress.
func (r *ExportReader) Counts(ctx context.Context) (ExportCounts, error) {
	var c ExportCounts
	counts := []struct {
		n    *int
		from string
		w    *where
	}{
		{&c.Articles, "articles a", articleWhere(r.f.Articles)},
		{&c.Excerpts, excerptsFrom, excerptWhere(r.f.Excerpts)},
		{&c.Actors, "actors x", actorExportWhere(r.f.Actors)},
		{&c.Relations, "relations r", r.relationExportWhere()},
		{&c.Documents, "documents d", documentExportWhere(r.f.Documents)},
		{&c.History, "status_events se", r.historyExportWhere()},
		{&c.Mentions, mentionsFrom, mentionExportWhere(r.f.Mentions)},
		{&c.Tags, "tags t", &where{}},
	}
	for _, q := range counts {
		var err error
		if *q.n, err = count(ctx, r.tx, q.from, q.w); err != nil {
			return c, err
		}
	}
	return c, nil
}

// ExportRanked is an actor or document with its number of mentions.
type ExportRanked struct {
	ID       int64
	Name     string
	Mentions int
}

// ExportWeek is one actor's mentions in one week (from Monday).
type ExportWeek struct {
	ActorID  int64
	Week     time.Time
	Mentions int
}

// ExportSummary is what the Summary sheet shows of the mentions.
type ExportSummary struct {
	TopActors    []ExportRanked
	TopDocuments []ExportRanked
	// Weekly counts the mentions of the top actors (at most chartTop of
	// them) per week, by the publication of the article.
	Weekly []ExportWeek
}

// Summary ranks the actors and documents most mentioned among the
// mentions that pass the filter (rejected ones left out unless the filter
// asks for them), top of each, and counts the mentions of the first
// chartTop actors per week.
func (r *ExportReader) Summary(ctx context.Context, top, chartTop int) (ExportSummary, error) {
	var s ExportSummary
	var err error
	if s.TopActors, err = r.ranking(ctx, "actors", "x.name", "m.actor_id", top); err != nil {
		return s, err
	}
	if s.TopDocuments, err = r.ranking(ctx, "documents", "x.title", "m.document_id", top); err != nil {
		return s, err
	}
	var ids []int64
	for i, a := range s.TopActors {
		if i < chartTop {
			ids = append(ids, a.ID)
		}
	}
	s.Weekly, err = r.weekly(ctx, ids)
	return s, err
}

// summaryWhere is the mentions filter, without the rejected ones unless
// the filter asks for a state.
func (r *ExportReader) summaryWhere() *where {
	w := mentionExportWhere(r.f.Mentions)
	if r.f.Mentions.State == "" {
		w.add("m.state <> 'rejected'")
	}
	return w
}

func (r *ExportReader) ranking(ctx context.Context, table, name, col string, top int) ([]ExportRanked, error) {
	w := r.summaryWhere()
	rows, err := r.tx.QueryContext(ctx, "SELECT x.id, "+name+", count(*) AS n FROM mentions m JOIN "+table+
		" x ON x.id = "+col+w.String()+" GROUP BY x.id ORDER BY n DESC, "+name+" COLLATE NOCASE, x.id LIMIT ?",
		append(w.args, top)...)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(sc scanner) (ExportRanked, error) {
		var x ExportRanked
		return x, sc.Scan(&x.ID, &x.Name, &x.Mentions)
	})
}

func (r *ExportReader) weekly(ctx context.Context, actors []int64) ([]ExportWeek, error) {
	if len(actors) == 0 {
		return nil, nil
	}
	w := r.summaryWhere()
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(actors)), ", ")
	args := make([]any, len(actors))
	for i, id := range actors {
		args[i] = id
	}
	w.add("m.actor_id IN ("+marks+")", args...)
	w.add("a.published_at IS NOT NULL")
	// date(…, 'weekday 0', '-6 days') is the Monday of the date's week.
	rows, err := r.tx.QueryContext(ctx, "SELECT m.actor_id, date(a.published_at, 'weekday 0', '-6 days') AS week, count(*) FROM "+
		mentionsFrom+w.String()+" GROUP BY m.actor_id, week ORDER BY week, m.actor_id", w.args...)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(sc scanner) (ExportWeek, error) {
		var x ExportWeek
		var week sql.NullString
		err := sc.Scan(&x.ActorID, &week, &x.Mentions)
		x.Week = parseTime(week)
		return x, err
	})
}
