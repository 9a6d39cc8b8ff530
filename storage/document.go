package storage

import (
	"context"
	"database/sql"

	"dossier/model"
)

const documentColumns = "id, uid, created_at, updated_at, title, kind, status, disclosure, description, notes"

// CreateDocument stores a new tracked document. Its status stands until the
// first status event is added.
func (db *DB) CreateDocument(ctx context.Context, d *model.Document) error {
	if err := d.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "create document", func(tx *sql.Tx) error {
		return db.insertDocument(ctx, tx, d)
	})
}

func (db *DB) insertDocument(ctx context.Context, tx *sql.Tx, d *model.Document) error {
	db.stamp(&d.Meta)
	res, err := tx.ExecContext(ctx, `INSERT INTO documents (uid, created_at, updated_at, title, kind, status, disclosure, description, notes)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		d.UID, timeText(d.CreatedAt), timeText(d.UpdatedAt), d.Title, d.Kind, d.Status, d.Disclosure, d.Description, d.Notes)
	if err != nil {
		return err
	}
	d.ID, err = res.LastInsertId()
	return err
}

// Document reads one tracked document.
func (db *DB) Document(ctx context.Context, id int64) (model.Document, error) {
	var d model.Document
	err := db.view(ctx, "read document", func(tx *sql.Tx) error {
		var err error
		d, err = readDocument(ctx, tx, id)
		return err
	})
	return d, err
}

func readDocument(ctx context.Context, q querier, id int64) (model.Document, error) {
	d, err := scanDocument(q.QueryRowContext(ctx, "SELECT "+documentColumns+" FROM documents WHERE id = ?", id))
	if err == sql.ErrNoRows {
		return d, model.NotFoundf("document %d does not exist", id)
	}
	return d, err
}

// UpdateDocument saves every field of an existing document. While the
// document has status events, its status is that of the latest one and
// d.Status is set to it.
func (db *DB) UpdateDocument(ctx context.Context, d *model.Document) error {
	if err := d.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "update document", func(tx *sql.Tx) error {
		d.UpdatedAt = db.Now().UTC()
		if err := writeDocument(ctx, tx, *d); err != nil {
			return err
		}
		if err := refreshStatus(ctx, tx, d.ID, d.UpdatedAt); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, "SELECT status FROM documents WHERE id = ?", d.ID).Scan(&d.Status)
	})
}

func writeDocument(ctx context.Context, tx *sql.Tx, d model.Document) error {
	res, err := tx.ExecContext(ctx, `UPDATE documents SET updated_at = ?, title = ?, kind = ?, status = ?, disclosure = ?,
		description = ?, notes = ? WHERE id = ?`,
		timeText(d.UpdatedAt), d.Title, d.Kind, d.Status, d.Disclosure, d.Description, d.Notes, d.ID)
	if err != nil {
		return err
	}
	return requireRow(res, "document", d.ID)
}

// DeleteDocument removes a document with its aliases, parties, status
// history and mentions. Excerpts that concern it stay, without the link.
func (db *DB) DeleteDocument(ctx context.Context, id int64) error {
	return db.update(ctx, "delete document", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM documents WHERE id = ?", id)
		if err != nil {
			return err
		}
		return requireRow(res, "document", id)
	})
}

// DocumentDeletionImpact counts what DeleteDocument would remove or unlink.
func (db *DB) DocumentDeletionImpact(ctx context.Context, id int64) (model.DocumentImpact, error) {
	var n model.DocumentImpact
	err := db.view(ctx, "count what deleting a document touches", func(tx *sql.Tx) error {
		if ok, err := rowExists(ctx, tx, "documents", id); err != nil || !ok {
			return orNotFound(err, "document", id)
		}
		return tx.QueryRowContext(ctx, `SELECT
			(SELECT count(*) FROM aliases WHERE document_id = ?1),
			(SELECT count(*) FROM parties WHERE document_id = ?1),
			(SELECT count(*) FROM status_events WHERE document_id = ?1),
			(SELECT count(*) FROM mentions WHERE document_id = ?1),
			(SELECT count(*) FROM excerpt_documents WHERE document_id = ?1)`, id).
			Scan(&n.Aliases, &n.Parties, &n.StatusEvents, &n.Mentions, &n.LinkedExcerpts)
	})
	return n, err
}

// ListDocuments returns one page of documents by title, and the total. Text
// is matched, ignoring case in every script, within the title or any alias.
func (db *DB) ListDocuments(ctx context.Context, f model.DocumentFilter) ([]model.Document, int, error) {
	var w where
	if key := aliasKey(f.Text); key != "" {
		w.add("(instr("+foldFunction+"(title), ?) > 0 OR id IN (SELECT document_id FROM aliases WHERE instr(key, ?) > 0))", key, key)
	}
	if f.Kind != "" {
		w.add("kind = ?", f.Kind)
	}
	if f.Status != "" {
		w.add("status = ?", f.Status)
	}
	p := f.Page.Normalized()
	var out []model.Document
	var total int
	err := db.view(ctx, "list documents", func(tx *sql.Tx) error {
		var err error
		if total, err = count(ctx, tx, "documents", &w); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, "SELECT "+documentColumns+" FROM documents"+w.String()+
			" ORDER BY title COLLATE NOCASE, id LIMIT ? OFFSET ?", append(w.args, p.Limit, p.Offset)...)
		if err != nil {
			return err
		}
		out, err = collect(rows, scanDocument)
		return err
	})
	return out, total, err
}

func scanDocument(r scanner) (model.Document, error) {
	var d model.Document
	var created, updated sql.NullString
	err := r.Scan(&d.ID, &d.UID, &created, &updated, &d.Title, &d.Kind, &d.Status, &d.Disclosure, &d.Description, &d.Notes)
	d.CreatedAt, d.UpdatedAt = parseTime(created), parseTime(updated)
	return d, err
}

// MergeDocuments folds document from into document into, in one
// transaction: aliases, parties, status events, mentions and excerpt links
// move to into, duplicates dropped as in MergeActors. into keeps its
// fields, takes from's description if it has none, appends from's notes,
// and takes the status of the latest event of the joined history; from is
// deleted.
func (db *DB) MergeDocuments(ctx context.Context, from, into int64) (model.MergeReport, error) {
	if from == into {
		return model.MergeReport{}, model.Invalidf("document %d cannot be merged into itself", from)
	}
	var report model.MergeReport
	err := db.update(ctx, "merge documents", func(tx *sql.Tx) error {
		src, err := readDocument(ctx, tx, from)
		if err != nil {
			return err
		}
		dst, err := readDocument(ctx, tx, into)
		if err != nil {
			return err
		}
		now := db.Now().UTC()
		m := &merger{db: db, ctx: ctx, tx: tx, col: "document_id", from: from, into: into, now: timeText(now)}
		steps := []func() error{
			func() error { return m.aliases(src.Title) }, m.mentions,
			func() error { return m.links("excerpt_documents") }, m.parties, m.statusEvents,
		}
		if err := m.run(steps); err != nil {
			return err
		}
		dst.Description = orElse(dst.Description, src.Description)
		dst.Notes = joinNotes(dst.Notes, src.Notes)
		dst.UpdatedAt = now
		if err := writeDocument(ctx, tx, dst); err != nil {
			return err
		}
		if err := refreshStatus(ctx, tx, into, now); err != nil {
			return err
		}
		report = m.report
		_, err = tx.ExecContext(ctx, "DELETE FROM documents WHERE id = ?", from)
		return err
	})
	return report, err
}

func (m *merger) statusEvents() error {
	var err error
	m.report.StatusEventsMoved, err = m.exec("UPDATE status_events SET document_id = ?, updated_at = ? WHERE document_id = ?", m.into, m.now, m.from)
	return err
}
