package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode/utf8"

	"dossier/model"
)

var excerptColumns = "e.id, e.uid, e.created_at, e.updated_at, e.article_id, e.start_cp, e.end_cp, e.exact, e.prefix, " +
	"e.suffix, e.kind, e.note, e.stance, e.speaker_id, e.credibility, e.orphaned, " +
	excerptTags.ids("e.id") + ", " + excerptActors.ids("e.id") + ", " + excerptDocuments.ids("e.id")

// CreateExcerpt stores a new excerpt with its tags, actors and documents,
// and fills its id, uid and times. The span must lie within the article's
// text; the selector is saved as given.
func (db *DB) CreateExcerpt(ctx context.Context, e *model.Excerpt) error {
	if err := e.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "create excerpt", func(tx *sql.Tx) error {
		return db.insertExcerpt(ctx, tx, e, nil)
	})
}

// insertExcerpt is shared by CreateExcerpt and the bulk path; lengths may
// remember the articles' lengths across calls.
func (db *DB) insertExcerpt(ctx context.Context, q querier, e *model.Excerpt, lengths textLengths) error {
	if err := excerptFits(ctx, q, *e, lengths); err != nil {
		return err
	}
	normalLinks(e)
	if err := checkExcerptLinks(ctx, q, *e); err != nil {
		return err
	}
	db.stamp(&e.Meta)
	res, err := q.ExecContext(ctx, `INSERT INTO excerpts (uid, created_at, updated_at, article_id, start_cp, end_cp,
		exact, prefix, suffix, kind, note, stance, speaker_id, credibility, orphaned)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.UID, timeText(e.CreatedAt), timeText(e.UpdatedAt), e.ArticleID, e.Span.Start, e.Span.End,
		e.Selector.Exact, e.Selector.Prefix, e.Selector.Suffix, e.Kind, e.Note, e.Stance,
		nullID(e.SpeakerID), e.Credibility, e.Orphaned)
	if err != nil {
		return missingRef(err, "the speaker, actor %d, does not exist", e.SpeakerID)
	}
	if e.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	return saveExcerptLinks(ctx, q, *e, false)
}

// textLengths remembers the length in code points of articles' texts. A
// nil value remembers nothing and reads every time.
type textLengths map[int64]int

// of returns the length of an article's text, as the span check counts it.
func (l textLengths) of(ctx context.Context, q querier, articleID int64) (int, error) {
	if n, ok := l[articleID]; ok {
		return n, nil
	}
	var body string
	err := q.QueryRowContext(ctx, "SELECT body FROM articles WHERE id = ?", articleID).Scan(&body)
	if err == sql.ErrNoRows {
		return 0, model.Invalidf("article %d does not exist", articleID)
	}
	if err != nil {
		return 0, err
	}
	n := utf8.RuneCountInString(body)
	if l != nil {
		l[articleID] = n
	}
	return n, nil
}

// excerptFits checks the span against the article's text. An orphaned
// excerpt is exempt: its span records where the quote was last seen, in an
// earlier revision, and may run past the current text.
func excerptFits(ctx context.Context, q querier, e model.Excerpt, lengths textLengths) error {
	n, err := lengths.of(ctx, q, e.ArticleID)
	if err != nil || e.Orphaned {
		return err
	}
	if err := e.Span.Check(n); err != nil {
		return fmt.Errorf("excerpt of article %d: %w", e.ArticleID, err)
	}
	return nil
}

// normalLinks sorts the excerpt's links and drops repeats.
func normalLinks(e *model.Excerpt) {
	e.TagIDs = normalIDs(e.TagIDs)
	e.ActorIDs = normalIDs(e.ActorIDs)
	e.DocumentIDs = normalIDs(e.DocumentIDs)
}

// checkExcerptLinks finds every tag, actor and document the excerpt links to.
func checkExcerptLinks(ctx context.Context, q querier, e model.Excerpt) error {
	for _, l := range excerptLinks(e) {
		if err := l.table.check(ctx, q, l.ids); err != nil {
			return err
		}
	}
	return nil
}

type excerptLink struct {
	table linkTable
	ids   []int64
}

func excerptLinks(e model.Excerpt) []excerptLink {
	return []excerptLink{{excerptTags, e.TagIDs}, {excerptActors, e.ActorIDs}, {excerptDocuments, e.DocumentIDs}}
}

// saveExcerptLinks writes the excerpt's tags, actors and documents; replace
// first removes the ones it had.
func saveExcerptLinks(ctx context.Context, q querier, e model.Excerpt, replace bool) error {
	for _, l := range excerptLinks(e) {
		save := l.table.add
		if replace {
			save = l.table.replace
		}
		if err := save(ctx, q, e.ID, l.ids); err != nil {
			return err
		}
	}
	return nil
}

// Excerpt reads one excerpt with its links.
func (db *DB) Excerpt(ctx context.Context, id int64) (model.Excerpt, error) {
	var e model.Excerpt
	err := db.view(ctx, "read excerpt", func(tx *sql.Tx) error {
		var err error
		e, err = scanExcerpt(tx.QueryRowContext(ctx, "SELECT "+excerptColumns+" FROM excerpts e WHERE e.id = ?", id))
		if err == sql.ErrNoRows {
			return model.NotFoundf("excerpt %d does not exist", id)
		}
		return err
	})
	return e, err
}

// UpdateExcerpt saves every field of an existing excerpt and replaces its
// links. The span is checked against the article's text, as on creation.
func (db *DB) UpdateExcerpt(ctx context.Context, e *model.Excerpt) error {
	if err := e.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "update excerpt", func(tx *sql.Tx) error {
		if err := excerptFits(ctx, tx, *e, nil); err != nil {
			return err
		}
		normalLinks(e)
		e.UpdatedAt = db.Now().UTC()
		res, err := tx.ExecContext(ctx, `UPDATE excerpts SET updated_at = ?, article_id = ?, start_cp = ?, end_cp = ?,
			exact = ?, prefix = ?, suffix = ?, kind = ?, note = ?, stance = ?, speaker_id = ?, credibility = ?, orphaned = ?
			WHERE id = ?`,
			timeText(e.UpdatedAt), e.ArticleID, e.Span.Start, e.Span.End, e.Selector.Exact, e.Selector.Prefix,
			e.Selector.Suffix, e.Kind, e.Note, e.Stance, nullID(e.SpeakerID), e.Credibility, e.Orphaned, e.ID)
		if err != nil {
			return missingRef(err, "the speaker, actor %d, does not exist", e.SpeakerID)
		}
		if err := requireRow(res, "excerpt", e.ID); err != nil {
			return err
		}
		return saveExcerptLinks(ctx, tx, *e, true)
	})
}

// reanchorExcerpts passes every excerpt of an article through reanchor after
// its text changed to one of n code points, and saves where each now lies.
func (db *DB) reanchorExcerpts(ctx context.Context, tx *sql.Tx, articleID int64, n int, reanchor func(model.Excerpt) model.Excerpt) error {
	rows, err := tx.QueryContext(ctx, "SELECT "+excerptColumns+" FROM excerpts e WHERE e.article_id = ? ORDER BY e.start_cp, e.id", articleID)
	if err != nil {
		return err
	}
	excerpts, err := collect(rows, scanExcerpt)
	if err != nil {
		return err
	}
	now := timeText(db.Now().UTC())
	for _, old := range excerpts {
		e := reanchor(old)
		if err := movedExcerptValid(old.ID, e, n); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE excerpts SET updated_at = ?, start_cp = ?, end_cp = ?, exact = ?,
			prefix = ?, suffix = ?, orphaned = ? WHERE id = ?`, now, e.Span.Start, e.Span.End,
			e.Selector.Exact, e.Selector.Prefix, e.Selector.Suffix, e.Orphaned, old.ID); err != nil {
			return err
		}
	}
	return nil
}

// movedExcerptValid checks what a re-anchoring returned before it is saved.
func movedExcerptValid(id int64, e model.Excerpt, n int) error {
	if e.Selector.Exact == "" {
		return model.Invalidf("re-anchoring excerpt %d lost its quoted text", id)
	}
	check := e.Span.Check
	if e.Orphaned {
		check = func(int) error { return e.Span.Validate() }
	}
	if err := check(n); err != nil {
		return fmt.Errorf("re-anchoring excerpt %d: %w", id, err)
	}
	return nil
}

// DeleteExcerpt removes an excerpt and its links. Relations and status
// events that cite it as evidence stay, without it.
func (db *DB) DeleteExcerpt(ctx context.Context, id int64) error {
	return db.update(ctx, "delete excerpt", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM excerpts WHERE id = ?", id)
		if err != nil {
			return err
		}
		return requireRow(res, "excerpt", id)
	})
}

// excerptsFrom joins each excerpt to its article, for filters on the source
// and the publication date.
const excerptsFrom = "excerpts e JOIN articles a ON a.id = e.article_id"

// ListExcerpts returns one page of excerpts and the total, in the order the
// filter asks for: by default by article and then position in it.
//
// The page is found first by id alone, then its rows are read: a sort
// reads every row that passes the filter, and reading only the id and the
// sort key of each keeps it cheap on a large workspace, where the columns
// with their lists of links would be built for rows that are thrown away.
func (db *DB) ListExcerpts(ctx context.Context, f model.ExcerptFilter) ([]model.Excerpt, int, error) {
	order, err := excerptOrder(f.Sort, f.Desc)
	if err != nil {
		return nil, 0, err
	}
	w := excerptWhere(f)
	from := excerptListFrom(f)
	p := f.Page.Normalized()
	var out []model.Excerpt
	var total int
	err = db.view(ctx, "list excerpts", func(tx *sql.Tx) error {
		var err error
		if total, err = count(ctx, tx, from, w); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, "SELECT e.id FROM "+from+w.String()+" ORDER BY "+order+" LIMIT ? OFFSET ?",
			append(w.args, p.Limit, p.Offset)...)
		if err != nil {
			return err
		}
		ids, err := collect(rows, func(r scanner) (id int64, err error) { return id, r.Scan(&id) })
		if err != nil {
			return err
		}
		out, err = excerptsByID(ctx, tx, ids)
		return err
	})
	return out, total, err
}

// excerptListFrom joins the articles only when the filter or the order
// needs them: every excerpt has its article, so the join changes no count,
// but without it the default order walks the excerpts' own index instead
// of sorting the whole table.
func excerptListFrom(f model.ExcerptFilter) string {
	switch {
	case f.SourceID != 0, !f.From.IsZero(), !f.To.IsZero(),
		f.Sort == model.ExcerptsByArticle, f.Sort == model.ExcerptsBySource, f.Sort == model.ExcerptsByPublished:
		return excerptsFrom
	}
	return "excerpts e"
}

// excerptsByID reads excerpts in the order of ids.
func excerptsByID(ctx context.Context, tx *sql.Tx, ids []int64) ([]model.Excerpt, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	at := make(map[int64]int, len(ids))
	for i, id := range ids {
		args[i], at[id] = id, i
	}
	marks := strings.Repeat(", ?", len(ids))[2:]
	rows, err := tx.QueryContext(ctx, "SELECT "+excerptColumns+" FROM excerpts e WHERE e.id IN ("+marks+")", args...)
	if err != nil {
		return nil, err
	}
	found, err := collect(rows, scanExcerpt)
	if err != nil {
		return nil, err
	}
	out := make([]model.Excerpt, len(ids))
	for _, e := range found {
		out[at[e.ID]] = e
	}
	return out, nil
}

// excerptWhere turns a filter into conditions over excerptsFrom.
func excerptWhere(f model.ExcerptFilter) *where {
	var w where
	if f.ArticleID != 0 {
		w.add("e.article_id = ?", f.ArticleID)
	}
	if f.TagID != 0 {
		w.add("e.id IN (SELECT excerpt_id FROM excerpt_tags WHERE tag_id IN ("+subtreeSQL+"))", f.TagID)
	}
	if f.Kind != "" {
		w.add("e.kind = ?", f.Kind)
	}
	if f.SpeakerID != 0 {
		w.add("e.speaker_id = ?", f.SpeakerID)
	}
	if f.ActorID != 0 {
		w.add("(e.speaker_id = ? OR e.id IN (SELECT excerpt_id FROM excerpt_actors WHERE actor_id = ?))", f.ActorID, f.ActorID)
	}
	if f.DocumentID != 0 {
		w.add("e.id IN (SELECT excerpt_id FROM excerpt_documents WHERE document_id = ?)", f.DocumentID)
	}
	if f.SourceID != 0 {
		w.add("a.source_id = ?", f.SourceID)
	}
	publishedBetween(&w, "a.published_at", f.From, f.To)
	credibilityBetween(&w, f.MinCredibility, f.MaxCredibility)
	if f.OrphansOnly {
		w.add("e.orphaned = 1")
	}
	if f.Text != "" {
		like := likeText(f.Text)
		w.add(`(e.exact LIKE ? ESCAPE '\' OR e.note LIKE ? ESCAPE '\')`, like, like)
	}
	return &w
}

// excerptSortKey is one term of an order; nullable marks a key that may
// be missing (NULL), which then comes last in either direction.
type excerptSortKey struct {
	expr     string
	nullable bool
}

// excerptSortKeys are the terms each order sorts by, before the id. Names
// come from correlated subqueries, evaluated for the sort alone.
var excerptSortKeys = map[model.ExcerptSort][]excerptSortKey{
	model.ExcerptsByPosition:    {{"e.article_id", false}, {"e.start_cp", false}, {"e.end_cp", false}},
	model.ExcerptsByQuote:       {{"e.exact COLLATE NOCASE", false}},
	model.ExcerptsByKind:        {{"e.kind", false}},
	model.ExcerptsByArticle:     {{"a.title COLLATE NOCASE", false}, {"e.article_id", false}, {"e.start_cp", false}},
	model.ExcerptsBySource:      {{"(SELECT s.name FROM sources s WHERE s.id = a.source_id) COLLATE NOCASE", true}},
	model.ExcerptsByPublished:   {{"a.published_at", true}, {"e.article_id", false}, {"e.start_cp", false}},
	model.ExcerptsBySpeaker:     {{"(SELECT s.name FROM actors s WHERE s.id = e.speaker_id) COLLATE NOCASE", true}},
	model.ExcerptsByTags:        {{"(SELECT min(t.name COLLATE NOCASE) FROM excerpt_tags x JOIN tags t ON t.id = x.tag_id WHERE x.excerpt_id = e.id) COLLATE NOCASE", true}},
	model.ExcerptsByCredibility: {{"nullif(e.credibility, 0)", true}},
	model.ExcerptsByCreated:     {{"e.created_at", false}},
}

// excerptOrder writes the ORDER BY terms of a sort. The id, last, makes
// the order total, so that paging by offset is stable. Keys that are never
// missing get no NULLS LAST, which would keep SQLite from walking an index
// in their order.
func excerptOrder(sort model.ExcerptSort, desc bool) (string, error) {
	keys, ok := excerptSortKeys[sort]
	if !ok {
		return "", model.Invalidf("excerpts cannot be sorted by %q", string(sort))
	}
	dir := " ASC"
	if desc {
		dir = " DESC"
	}
	terms := make([]string, 0, len(keys)+1)
	for _, k := range keys {
		t := k.expr + dir
		if k.nullable {
			t += " NULLS LAST"
		}
		terms = append(terms, t)
	}
	return strings.Join(append(terms, "e.id"+dir), ", "), nil
}

// credibilityBetween bounds the grade; 0 leaves an end open. Ungraded
// excerpts fall outside any bound, since nothing is known of them.
func credibilityBetween(w *where, lo, hi model.Credibility) {
	if lo == 0 && hi == 0 {
		return
	}
	w.add("e.credibility > 0")
	if lo > 0 {
		w.add("e.credibility >= ?", lo)
	}
	if hi > 0 {
		w.add("e.credibility <= ?", hi)
	}
}

func scanExcerpt(r scanner) (model.Excerpt, error) {
	var e model.Excerpt
	var created, updated, tags, actors, documents sql.NullString
	var speaker sql.NullInt64
	err := r.Scan(&e.ID, &e.UID, &created, &updated, &e.ArticleID, &e.Span.Start, &e.Span.End, &e.Selector.Exact,
		&e.Selector.Prefix, &e.Selector.Suffix, &e.Kind, &e.Note, &e.Stance, &speaker, &e.Credibility, &e.Orphaned,
		&tags, &actors, &documents)
	if err != nil {
		return e, err
	}
	e.CreatedAt, e.UpdatedAt = parseTime(created), parseTime(updated)
	e.SpeakerID = speaker.Int64
	if e.TagIDs, err = parseIDs(tags); err != nil {
		return e, err
	}
	if e.ActorIDs, err = parseIDs(actors); err != nil {
		return e, err
	}
	e.DocumentIDs, err = parseIDs(documents)
	return e, err
}
