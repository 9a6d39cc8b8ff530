package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode/utf8"

	"dossier/model"
)

// Bulk adds many rows in one write transaction, through statements prepared
// once and reused for every row. It is handed to the function given to
// DB.Bulk or DB.Insert and is valid only while that function runs.
//
// Each Add is all or nothing: a row that fails leaves no trace (its id is
// reset to 0), so the function may skip it (a duplicate article, say) and go
// on. Returning an error from the function undoes the whole load. Every
// Add validates and checks its row as the matching Create method does.
type Bulk struct {
	db *DB
	// ctx is the load's context: the Add methods run inside one call of
	// DB.Bulk or DB.Insert and take no context of their own.
	ctx     context.Context
	q       *preparedTx
	lengths textLengths
	// reindex names the search indexes whose tables received rows.
	reindex map[string]bool
}

// Bulk runs fn in one write transaction with full-text indexing suspended:
// the triggers that keep the search indexes in step with their tables are
// dropped, fn adds its rows, each search index whose table received rows is
// rebuilt from its table in one pass, and the triggers are created again
// from the SQL they were defined with, before the commit. This is the fast
// way to load thousands of rows (an import of a folder, a merge); the cost
// is a rebuild of the whole index, which is wasted on a few rows (use Insert
// for those). If fn fails, everything rolls back, the triggers included.
//
// fn must not call other methods of db that write: the workspace has one
// writer, held by this load, and they would wait for it.
func (db *DB) Bulk(ctx context.Context, fn func(b *Bulk) error) error {
	return db.load(ctx, "bulk load", true, fn)
}

// Insert runs fn like Bulk, in one transaction with prepared statements,
// but keeps the search triggers on, so that each row is indexed as it is
// added: the ordinary path, for a handful of rows, and the baseline that
// Bulk is measured against.
func (db *DB) Insert(ctx context.Context, fn func(b *Bulk) error) error {
	return db.load(ctx, "insert", false, fn)
}

func (db *DB) load(ctx context.Context, op string, suspendIndex bool, fn func(b *Bulk) error) error {
	return db.update(ctx, op, func(tx *sql.Tx) error {
		var saved []searchTrigger
		if suspendIndex {
			var err error
			if saved, err = dropSearchTriggers(ctx, tx); err != nil {
				return err
			}
		}
		b := &Bulk{db: db, ctx: ctx, q: newPreparedTx(tx), lengths: textLengths{}, reindex: map[string]bool{}}
		err := fn(b)
		b.q.close()
		if err != nil || !suspendIndex {
			return err
		}
		if err := rebuildIndexes(ctx, tx, b.reindex); err != nil {
			return err
		}
		return restoreTriggers(ctx, tx, saved)
	})
}

// AddArticle adds an article with its tags, as CreateArticle does (a
// duplicate text is refused with ErrConflict naming the article).
func (b *Bulk) AddArticle(a *model.Article) error {
	if err := a.Validate(); err != nil {
		return err
	}
	err := b.row(&a.ID, func() error { return b.db.insertArticle(b.ctx, b.q, a) })
	if err != nil {
		return fmt.Errorf("add article %q: %w", a.Title, err)
	}
	b.lengths[a.ID] = utf8.RuneCountInString(a.Body)
	b.reindex["articles_fts"] = true
	return nil
}

// AddExcerpt adds an excerpt with its links, as CreateExcerpt does.
func (b *Bulk) AddExcerpt(e *model.Excerpt) error {
	if err := e.Validate(); err != nil {
		return err
	}
	err := b.row(&e.ID, func() error { return b.db.insertExcerpt(b.ctx, b.q, e, b.lengths) })
	if err != nil {
		return fmt.Errorf("add excerpt of article %d: %w", e.ArticleID, err)
	}
	b.reindex["excerpts_fts"] = true
	return nil
}

// AddTag adds a tag, as CreateTag does.
func (b *Bulk) AddTag(t *model.Tag) error {
	if err := t.Validate(); err != nil {
		return err
	}
	if err := b.row(&t.ID, func() error { return b.db.insertTag(b.ctx, b.q, t) }); err != nil {
		return fmt.Errorf("add tag %q: %w", t.Name, err)
	}
	return nil
}

// AddMention adds a mention, as CreateMention does.
func (b *Bulk) AddMention(m *model.Mention) error {
	if err := m.Validate(); err != nil {
		return err
	}
	if err := b.row(&m.ID, func() error { return b.db.insertMention(b.ctx, b.q, m, b.lengths) }); err != nil {
		return fmt.Errorf("add mention in article %d: %w", m.ArticleID, err)
	}
	return nil
}

// row runs one Add. The insert helpers check every reference before their
// first write, and that write is one statement, so a failed Add leaves
// nothing behind. (A savepoint per row would do the same at a high price:
// FTS5 writes its pending terms to disk at every savepoint, which would
// make the trigger path pay once per row.)
func (b *Bulk) row(id *int64, add func() error) error {
	if err := add(); err != nil {
		*id = 0
		return translate(err)
	}
	return nil
}

// searchTrigger is a trigger that keeps a search index in step, as the
// schema defines it.
type searchTrigger struct{ name, sql string }

// dropSearchTriggers drops the triggers of every search index (they are
// named <table>_fts_<event>) and returns them for restoreTriggers.
func dropSearchTriggers(ctx context.Context, tx *sql.Tx) ([]searchTrigger, error) {
	rows, err := tx.QueryContext(ctx, `SELECT name, sql FROM sqlite_master
		WHERE type = 'trigger' AND name LIKE '%\_fts\_%' ESCAPE '\' ORDER BY name`)
	if err != nil {
		return nil, err
	}
	saved, err := collect(rows, func(r scanner) (searchTrigger, error) {
		var t searchTrigger
		return t, r.Scan(&t.name, &t.sql)
	})
	if err != nil {
		return nil, err
	}
	for _, t := range saved {
		if _, err := tx.ExecContext(ctx, "DROP TRIGGER "+quoteName(t.name)); err != nil {
			return nil, fmt.Errorf("suspend search trigger %s: %w", t.name, err)
		}
	}
	return saved, nil
}

// rebuildIndexes rebuilds each named search index from its table.
func rebuildIndexes(ctx context.Context, tx *sql.Tx, indexes map[string]bool) error {
	for _, name := range ftsTables { // in a fixed order, and only known names
		if !indexes[name] {
			continue
		}
		q := fmt.Sprintf("INSERT INTO %s(%s) VALUES ('rebuild')", name, name)
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("rebuild search index %s: %w", name, err)
		}
	}
	return nil
}

// restoreTriggers creates the saved triggers again.
func restoreTriggers(ctx context.Context, tx *sql.Tx, saved []searchTrigger) error {
	for _, t := range saved {
		if _, err := tx.ExecContext(ctx, t.sql); err != nil {
			return fmt.Errorf("restore search trigger %s: %w", t.name, err)
		}
	}
	return nil
}

// quoteName quotes an SQL identifier.
func quoteName(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// preparedTx runs the statements of one transaction, preparing each distinct
// query once and reusing it for every later call: the insert helpers take
// it in place of the transaction, so the bulk path and the ordinary path
// share their SQL.
type preparedTx struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func newPreparedTx(tx *sql.Tx) *preparedTx {
	return &preparedTx{tx: tx, stmts: map[string]*sql.Stmt{}}
}

func (p *preparedTx) prepare(ctx context.Context, query string) (*sql.Stmt, error) {
	if s, ok := p.stmts[query]; ok {
		return s, nil
	}
	s, err := p.tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	p.stmts[query] = s
	return s, nil
}

func (p *preparedTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	s, err := p.prepare(ctx, query)
	if err != nil {
		return nil, err
	}
	return s.ExecContext(ctx, args...)
}

func (p *preparedTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	s, err := p.prepare(ctx, query)
	if err != nil {
		return nil, err
	}
	return s.QueryContext(ctx, args...)
}

func (p *preparedTx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	s, err := p.prepare(ctx, query)
	if err != nil {
		// A *sql.Row cannot be made with an error; the unprepared query
		// fails the same way and carries the error to Scan.
		return p.tx.QueryRowContext(ctx, query, args...)
	}
	return s.QueryRowContext(ctx, args...)
}

// close releases the statements; the transaction stays open.
func (p *preparedTx) close() {
	for q, s := range p.stmts {
		s.Close()
		delete(p.stmts, q)
	}
}
