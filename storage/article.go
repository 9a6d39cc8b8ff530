package storage

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"dossier/model"
)

// articleSelect lists an article's columns and its tag ids. Listings of many
// articles may leave the body out: it is by far the largest column, and a
// list on screen never shows it.
func articleSelect(withBody bool) string {
	body := "a.body"
	if !withBody {
		body = "''"
	}
	return "a.id, a.uid, a.created_at, a.updated_at, a.title, a.source_id, a.author, a.url, a.published_at, " +
		"a.retrieved_at, a.language, " + body + ", a.hash, a.revision, a.notes, " + articleTags.ids("a.id")
}

var (
	articleColumns     = articleSelect(true)
	articleHeadColumns = articleSelect(false)
)

// CreateArticle stores a new article with its tags and fills its id, uid,
// times, hash (when empty) and revision (always 1). The same text imported
// twice is refused with a *model.DuplicateError (an ErrConflict) naming the
// article that has it.
func (db *DB) CreateArticle(ctx context.Context, a *model.Article) error {
	if err := a.Validate(); err != nil {
		return err
	}
	stmts := db.prepared(ctx, articleInsertQueries...)
	return db.update(ctx, "create article", func(tx *sql.Tx) error {
		return db.insertArticle(ctx, stmts.in(tx), a)
	})
}

const (
	articleInsertSQL = `INSERT INTO articles (uid, created_at, updated_at, title, source_id, author, url,
		published_at, retrieved_at, language, body, hash, revision, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	articleByHashSQL = "SELECT id, title FROM articles WHERE hash = ?"
)

// articleInsertQueries are the statements that storing an article runs,
// prepared once on the writer: with the search trigger that the insert
// fires, preparing them costs as much as running them.
var articleInsertQueries = []string{articleByHashSQL, articleInsertSQL, articleTags.existsSQL, articleTags.insertSQL}

// insertArticle is shared by CreateArticle and the bulk path; q is the
// transaction or its prepared statements.
func (db *DB) insertArticle(ctx context.Context, q querier, a *model.Article) error {
	if a.Hash == "" {
		a.Hash = model.ContentHash(a.Body)
	}
	a.Revision = 1
	a.TagIDs = normalIDs(a.TagIDs)
	if err := articleTags.check(ctx, q, a.TagIDs); err != nil {
		return err
	}
	db.stamp(&a.Meta)
	res, err := q.ExecContext(ctx, articleInsertSQL,
		a.UID, timeText(a.CreatedAt), timeText(a.UpdatedAt), a.Title, nullID(a.SourceID), a.Author, a.URL,
		timeText(a.PublishedAt), timeText(a.RetrievedAt), a.Language, a.Body, a.Hash, a.Revision, a.Notes)
	if err != nil {
		return insertFailure(ctx, q, a, err)
	}
	if a.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	return articleTags.add(ctx, q, a.ID, a.TagIDs)
}

// insertFailure explains why the insert of a was refused. The unique index
// on the hash is the one duplicate check: only a text refused by it pays
// for finding the article that holds it.
func insertFailure(ctx context.Context, q querier, a *model.Article, err error) error {
	if strings.Contains(err.Error(), "UNIQUE constraint failed: articles.hash") {
		if dup := refuseDuplicate(ctx, q, a.Hash); dup != nil {
			return dup
		}
	}
	return missingRef(err, "source %d does not exist", a.SourceID)
}

// refuseDuplicate reports the article that already holds a text as a
// *model.DuplicateError, so that an importer can say which one the new file
// repeats without a second look-up.
func refuseDuplicate(ctx context.Context, q querier, hash string) error {
	var dup model.DuplicateError
	err := q.QueryRowContext(ctx, articleByHashSQL, hash).Scan(&dup.ArticleID, &dup.Title)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return err
	}
	return &dup
}

// Article reads one article with its body and tags.
func (db *DB) Article(ctx context.Context, id int64) (model.Article, error) {
	var a model.Article
	err := db.view(ctx, "read article", func(tx *sql.Tx) error {
		var err error
		a, err = readArticle(ctx, tx, id)
		return err
	})
	return a, err
}

func readArticle(ctx context.Context, q querier, id int64) (model.Article, error) {
	a, err := scanArticle(q.QueryRowContext(ctx, "SELECT "+articleColumns+" FROM articles a WHERE a.id = ?", id))
	if err == sql.ErrNoRows {
		return a, model.NotFoundf("article %d does not exist", id)
	}
	return a, err
}

// ArticleByHash finds the article whose text has the given content hash, so
// that an importer can name the article a duplicate file repeats.
func (db *DB) ArticleByHash(ctx context.Context, hash string) (model.Article, error) {
	var a model.Article
	err := db.view(ctx, "find article by hash", func(tx *sql.Tx) error {
		var err error
		a, err = scanArticle(tx.QueryRowContext(ctx, "SELECT "+articleColumns+" FROM articles a WHERE a.hash = ?", hash))
		if err == sql.ErrNoRows {
			return model.NotFoundf("no article has the text with hash %s", hash)
		}
		return err
	})
	return a, err
}

// UpdateArticle saves an article's description: title, source, author, URL,
// dates, language, notes and tags. The body, hash and revision are never
// changed here (ReviseArticle does that); a Body that differs from the
// stored one is refused rather than silently dropped, and an empty Body
// (as ListArticleHeads returns) is fine.
func (db *DB) UpdateArticle(ctx context.Context, a *model.Article) error {
	if err := validMetadata(*a); err != nil {
		return err
	}
	return db.update(ctx, "update article", func(tx *sql.Tx) error {
		if err := sameBody(ctx, tx, a.ID, a.Body); err != nil {
			return err
		}
		a.TagIDs = normalIDs(a.TagIDs)
		a.UpdatedAt = db.Now().UTC()
		_, err := tx.ExecContext(ctx, `UPDATE articles SET updated_at = ?, title = ?, source_id = ?, author = ?, url = ?,
			published_at = ?, retrieved_at = ?, language = ?, notes = ? WHERE id = ?`,
			timeText(a.UpdatedAt), a.Title, nullID(a.SourceID), a.Author, a.URL,
			timeText(a.PublishedAt), timeText(a.RetrievedAt), a.Language, a.Notes, a.ID)
		if err != nil {
			return missingRef(err, "source %d does not exist", a.SourceID)
		}
		return articleTags.replace(ctx, tx, a.ID, a.TagIDs)
	})
}

// validMetadata checks everything but the body, which UpdateArticle does
// not save and so need not carry.
func validMetadata(a model.Article) error {
	a.Body = "-"
	return a.Validate()
}

// sameBody finds the article and refuses a body that differs from its own.
func sameBody(ctx context.Context, q querier, id int64, body string) error {
	var stored string
	err := q.QueryRowContext(ctx, "SELECT body FROM articles WHERE id = ?", id).Scan(&stored)
	if err == sql.ErrNoRows {
		return model.NotFoundf("article %d does not exist", id)
	}
	if err != nil {
		return err
	}
	if body != "" && body != stored {
		return model.Invalidf("the text of article %d cannot be edited in place; a corrected text is saved as a new revision", id)
	}
	return nil
}

// requireArticle reports ErrNotFound for an article that does not exist.
func requireArticle(ctx context.Context, q querier, id int64) error {
	var one int
	err := q.QueryRowContext(ctx, "SELECT 1 FROM articles WHERE id = ?", id).Scan(&one)
	if err == sql.ErrNoRows {
		return model.NotFoundf("article %d does not exist", id)
	}
	return err
}

// SetArticleTags replaces the tags of an article.
func (db *DB) SetArticleTags(ctx context.Context, id int64, tagIDs []int64) error {
	return db.update(ctx, "tag article", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE articles SET updated_at = ? WHERE id = ?", timeText(db.Now().UTC()), id)
		if err != nil {
			return err
		}
		if err := requireRow(res, "article", id); err != nil {
			return err
		}
		return articleTags.replace(ctx, tx, id, normalIDs(tagIDs))
	})
}

// ReviseArticle replaces the text of an article with a corrected one. In one
// transaction it keeps the old text in the revision history, stores the new
// text with its hash and the next revision number, and passes every excerpt
// of the article through reanchor, saving the span, selector and orphaned
// flag it returns (its other fields are ignored). A new text that equals the
// current one changes nothing; one that equals another article's text is
// refused with ErrConflict.
func (db *DB) ReviseArticle(ctx context.Context, id int64, newBody string, reanchor func(model.Excerpt) model.Excerpt) (model.Article, error) {
	if reanchor == nil {
		return model.Article{}, model.Invalidf("revise article %d: no way to re-anchor its excerpts was given", id)
	}
	var out model.Article
	err := db.update(ctx, "revise article", func(tx *sql.Tx) error {
		old, err := readArticle(ctx, tx, id)
		if err != nil {
			return err
		}
		next := old
		next.Body, next.Hash = newBody, model.ContentHash(newBody)
		if err := next.Validate(); err != nil {
			return err
		}
		if next.Hash == old.Hash {
			out = old
			return nil
		}
		if out, err = db.storeRevision(ctx, tx, old, next); err != nil {
			return err
		}
		return db.reanchorExcerpts(ctx, tx, id, utf8.RuneCountInString(newBody), reanchor)
	})
	return out, err
}

// storeRevision moves old's text into the history and next's into the article.
func (db *DB) storeRevision(ctx context.Context, tx *sql.Tx, old, next model.Article) (model.Article, error) {
	if err := refuseDuplicate(ctx, tx, next.Hash); err != nil {
		return next, err
	}
	now := db.Now().UTC()
	if _, err := tx.ExecContext(ctx, `INSERT INTO article_revisions (article_id, revision, body, hash, created_at)
		VALUES (?, ?, ?, ?, ?)`, old.ID, old.Revision, old.Body, old.Hash, timeText(now)); err != nil {
		return next, err
	}
	next.Revision, next.UpdatedAt = old.Revision+1, now
	_, err := tx.ExecContext(ctx, "UPDATE articles SET body = ?, hash = ?, revision = ?, updated_at = ? WHERE id = ?",
		next.Body, next.Hash, next.Revision, timeText(now), old.ID)
	return next, err
}

// ArticleRevisions lists the earlier texts of an article, oldest first.
func (db *DB) ArticleRevisions(ctx context.Context, id int64) ([]model.ArticleRevision, error) {
	var out []model.ArticleRevision
	err := db.view(ctx, "list article revisions", func(tx *sql.Tx) error {
		if err := requireArticle(ctx, tx, id); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT article_id, revision, body, hash, created_at FROM article_revisions
			WHERE article_id = ? ORDER BY revision`, id)
		if err != nil {
			return err
		}
		out, err = collect(rows, scanRevision)
		return err
	})
	return out, err
}

func scanRevision(r scanner) (model.ArticleRevision, error) {
	var v model.ArticleRevision
	var created sql.NullString
	err := r.Scan(&v.ArticleID, &v.Revision, &v.Body, &v.Hash, &created)
	v.CreatedAt = parseTime(created)
	return v, err
}

// DeleteArticle removes an article with its excerpts, mentions, revisions
// and tag links.
func (db *DB) DeleteArticle(ctx context.Context, id int64) error {
	return db.update(ctx, "delete article", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM articles WHERE id = ?", id)
		if err != nil {
			return err
		}
		return requireRow(res, "article", id)
	})
}

// ListArticles returns one page of articles, newest first (undated ones
// last), with their bodies and tags, and the total. A tag in the filter
// takes in the tags below it.
func (db *DB) ListArticles(ctx context.Context, f model.ArticleFilter) ([]model.Article, int, error) {
	return db.listArticles(ctx, f, articleColumns)
}

// ListArticleHeads is ListArticles without the bodies (Body is empty; Hash
// and everything else are filled): what a list on screen needs, read fast.
func (db *DB) ListArticleHeads(ctx context.Context, f model.ArticleFilter) ([]model.Article, int, error) {
	return db.listArticles(ctx, f, articleHeadColumns)
}

func (db *DB) listArticles(ctx context.Context, f model.ArticleFilter, columns string) ([]model.Article, int, error) {
	w := articleWhere(f)
	p := f.Page.Normalized()
	var out []model.Article
	var total int
	err := db.view(ctx, "list articles", func(tx *sql.Tx) error {
		var err error
		if total, err = count(ctx, tx, "articles a", w); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, "SELECT "+columns+" FROM articles a"+w.String()+
			" ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?", append(w.args, p.Limit, p.Offset)...)
		if err != nil {
			return err
		}
		out, err = collect(rows, scanArticle)
		return err
	})
	return out, total, err
}

// articleWhere turns a filter into conditions over "articles a". A tag
// selects the articles with that tag or any tag below it, as for excerpts.
func articleWhere(f model.ArticleFilter) *where {
	var w where
	if f.Text != "" {
		w.add(`a.title LIKE ? ESCAPE '\'`, likeText(f.Text))
	}
	if f.SourceID != 0 {
		w.add("a.source_id = ?", f.SourceID)
	}
	if f.TagID != 0 {
		w.add("a.id IN (SELECT article_id FROM article_tags WHERE tag_id IN ("+subtreeSQL+"))", f.TagID)
	}
	publishedBetween(&w, "a.published_at", f.From, f.To)
	return &w
}

// subtreeSQL selects a tag (the one argument) and every tag below it.
// UNION, not UNION ALL, so that a damaged tree with a loop still ends.
const subtreeSQL = "WITH RECURSIVE subtree(id) AS (SELECT ? UNION SELECT t.id FROM tags t JOIN subtree s ON t.parent_id = s.id) SELECT id FROM subtree"

// publishedBetween bounds a date column, both ends included. A To at
// midnight stands for that whole day: analysts pick days, not instants.
// Rows without a date fall outside any bound.
func publishedBetween(w *where, column string, from, to time.Time) {
	if !from.IsZero() {
		w.add(column+" >= ?", timeText(from))
	}
	if to.IsZero() {
		return
	}
	if h, m, s := to.Clock(); h == 0 && m == 0 && s == 0 && to.Nanosecond() == 0 {
		w.add(column+" < ?", timeText(to.AddDate(0, 0, 1)))
		return
	}
	w.add(column+" <= ?", timeText(to))
}

func scanArticle(r scanner) (model.Article, error) {
	var a model.Article
	var created, updated, published, retrieved, tags sql.NullString
	var source sql.NullInt64
	err := r.Scan(&a.ID, &a.UID, &created, &updated, &a.Title, &source, &a.Author, &a.URL, &published,
		&retrieved, &a.Language, &a.Body, &a.Hash, &a.Revision, &a.Notes, &tags)
	if err != nil {
		return a, err
	}
	a.CreatedAt, a.UpdatedAt = parseTime(created), parseTime(updated)
	a.PublishedAt, a.RetrievedAt = parseTime(published), parseTime(retrieved)
	a.SourceID = source.Int64
	a.TagIDs, err = parseIDs(tags)
	return a, err
}

// linkTable is a many-to-many table between an owner (article, excerpt) and
// what it points to (tag, actor, document).
type linkTable struct {
	what                 string // the target, in words
	table, owner, target string
	insertSQL, deleteSQL string
	existsSQL            string // finds one target by id
}

func newLinkTable(what, table, owner, target, targetTable string) linkTable {
	return linkTable{
		what: what, table: table, owner: owner, target: target,
		insertSQL: "INSERT INTO " + table + " (" + owner + ", " + target + ") VALUES (?, ?)",
		deleteSQL: "DELETE FROM " + table + " WHERE " + owner + " = ?",
		existsSQL: "SELECT 1 FROM " + targetTable + " WHERE id = ?",
	}
}

var (
	articleTags      = newLinkTable("tag", "article_tags", "article_id", "tag_id", "tags")
	excerptTags      = newLinkTable("tag", "excerpt_tags", "excerpt_id", "tag_id", "tags")
	excerptActors    = newLinkTable("actor", "excerpt_actors", "excerpt_id", "actor_id", "actors")
	excerptDocuments = newLinkTable("document", "excerpt_documents", "excerpt_id", "document_id", "documents")
)

// ids is a subquery that gives the owner's targets as "3,5,8".
func (l linkTable) ids(ownerColumn string) string {
	return "(SELECT group_concat(" + l.target + ") FROM " + l.table + " WHERE " + l.owner + " = " + ownerColumn + ")"
}

// add links owner to each of ids, which must be free of repeats.
func (l linkTable) add(ctx context.Context, q querier, owner int64, ids []int64) error {
	for _, id := range ids {
		if _, err := q.ExecContext(ctx, l.insertSQL, owner, id); err != nil {
			return missingRef(err, "%s %d does not exist", l.what, id)
		}
	}
	return nil
}

// check finds every target before anything is written, so that an insert
// whose links fail leaves no half-linked row behind in a transaction that
// goes on (the bulk path).
func (l linkTable) check(ctx context.Context, q querier, ids []int64) error {
	for _, id := range ids {
		var one int
		err := q.QueryRowContext(ctx, l.existsSQL, id).Scan(&one)
		if err == sql.ErrNoRows {
			return model.Invalidf("%s %d does not exist", l.what, id)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// replace makes ids the owner's only targets.
func (l linkTable) replace(ctx context.Context, q querier, owner int64, ids []int64) error {
	if _, err := q.ExecContext(ctx, l.deleteSQL, owner); err != nil {
		return err
	}
	return l.add(ctx, q, owner, ids)
}

// normalIDs sorts ids and drops repeats and zeros, so that what is saved is
// what is read back; no ids is nil.
func normalIDs(ids []int64) []int64 {
	out := slices.DeleteFunc(slices.Clone(ids), func(id int64) bool { return id == 0 })
	slices.Sort(out)
	out = slices.Compact(out)
	if len(out) == 0 {
		return nil
	}
	return out
}

// parseIDs reads a group_concat of ids, sorted; none is nil.
func parseIDs(s sql.NullString) ([]int64, error) {
	if !s.Valid || s.String == "" {
		return nil, nil
	}
	parts := strings.Split(s.String, ",")
	out := make([]int64, 0, len(parts))
	for _, p := range parts {
		id, err := strconv.ParseInt(p, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("read linked ids %q: %w", s.String, err)
		}
		out = append(out, id)
	}
	slices.Sort(out)
	return out, nil
}

// missingRef turns a foreign-key failure into a sentence that names what is
// missing; other errors pass through.
func missingRef(err error, format string, args ...any) error {
	if err != nil && strings.Contains(err.Error(), "FOREIGN KEY constraint failed") {
		return model.Invalidf(format, args...)
	}
	return err
}
