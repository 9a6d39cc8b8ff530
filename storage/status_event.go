package storage

import (
	"context"
	"database/sql"
	"time"

	"dossier/model"
)

const statusEventColumns = "id, uid, created_at, updated_at, document_id, date, status, note, evidence_excerpt_id"

// AddStatusEvent adds a dated step to a document's history. The document's
// status becomes that of its latest event, in the same transaction.
func (db *DB) AddStatusEvent(ctx context.Context, e *model.StatusEvent) error {
	if err := e.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "add status event", func(tx *sql.Tx) error {
		if err := db.insertStatusEvent(ctx, tx, e); err != nil {
			return err
		}
		return refreshStatus(ctx, tx, e.DocumentID, e.UpdatedAt)
	})
}

func (db *DB) insertStatusEvent(ctx context.Context, tx *sql.Tx, e *model.StatusEvent) error {
	if err := checkStatusEventRefs(ctx, tx, *e); err != nil {
		return err
	}
	db.stamp(&e.Meta)
	res, err := tx.ExecContext(ctx, `INSERT INTO status_events (uid, created_at, updated_at, document_id, date, status, note, evidence_excerpt_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		e.UID, timeText(e.CreatedAt), timeText(e.UpdatedAt), e.DocumentID, timeText(e.Date), e.Status, e.Note, nullID(e.EvidenceExcerptID))
	if err != nil {
		return err
	}
	e.ID, err = res.LastInsertId()
	return err
}

func checkStatusEventRefs(ctx context.Context, q querier, e model.StatusEvent) error {
	if err := checkRef(ctx, q, "documents", "document", e.DocumentID); err != nil {
		return err
	}
	if e.EvidenceExcerptID == 0 {
		return nil
	}
	return checkRef(ctx, q, "excerpts", "the evidence excerpt", e.EvidenceExcerptID)
}

// refreshStatus sets a document's status to that of its latest event (the
// latest date; of events on the same date, the last added). A document
// without events keeps the status it has.
func refreshStatus(ctx context.Context, tx *sql.Tx, documentID int64, now time.Time) error {
	_, err := tx.ExecContext(ctx, `UPDATE documents SET status = latest.status, updated_at = ?2
		FROM (SELECT status FROM status_events WHERE document_id = ?1 ORDER BY date DESC, id DESC LIMIT 1) AS latest
		WHERE documents.id = ?1 AND documents.status <> latest.status`, documentID, timeText(now))
	return err
}

// StatusEvent reads one status event.
func (db *DB) StatusEvent(ctx context.Context, id int64) (model.StatusEvent, error) {
	var e model.StatusEvent
	err := db.view(ctx, "read status event", func(tx *sql.Tx) error {
		var err error
		e, err = readStatusEvent(ctx, tx, id)
		return err
	})
	return e, err
}

func readStatusEvent(ctx context.Context, q querier, id int64) (model.StatusEvent, error) {
	e, err := scanStatusEvent(q.QueryRowContext(ctx, "SELECT "+statusEventColumns+" FROM status_events WHERE id = ?", id))
	if err == sql.ErrNoRows {
		return e, model.NotFoundf("status event %d does not exist", id)
	}
	return e, err
}

// UpdateStatusEvent saves every field of an existing event and brings the
// status of its document (of both, if it moved) up to date.
func (db *DB) UpdateStatusEvent(ctx context.Context, e *model.StatusEvent) error {
	if err := e.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "update status event", func(tx *sql.Tx) error {
		old, err := readStatusEvent(ctx, tx, e.ID)
		if err != nil {
			return err
		}
		if err := checkStatusEventRefs(ctx, tx, *e); err != nil {
			return err
		}
		e.UpdatedAt = db.Now().UTC()
		_, err = tx.ExecContext(ctx, `UPDATE status_events SET updated_at = ?, document_id = ?, date = ?, status = ?, note = ?,
			evidence_excerpt_id = ? WHERE id = ?`,
			timeText(e.UpdatedAt), e.DocumentID, timeText(e.Date), e.Status, e.Note, nullID(e.EvidenceExcerptID), e.ID)
		if err != nil {
			return err
		}
		if err := refreshStatus(ctx, tx, e.DocumentID, e.UpdatedAt); err != nil {
			return err
		}
		return refreshStatus(ctx, tx, old.DocumentID, e.UpdatedAt)
	})
}

// DeleteStatusEvent removes an event; the document takes the status of the
// latest event left, or keeps its status when none is left.
func (db *DB) DeleteStatusEvent(ctx context.Context, id int64) error {
	return db.update(ctx, "delete status event", func(tx *sql.Tx) error {
		old, err := readStatusEvent(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM status_events WHERE id = ?", id); err != nil {
			return err
		}
		return refreshStatus(ctx, tx, old.DocumentID, db.Now().UTC())
	})
}

// ListStatusEvents returns one page of a document's history (or of every
// document's), oldest first, and the total.
func (db *DB) ListStatusEvents(ctx context.Context, f model.StatusEventFilter) ([]model.StatusEvent, int, error) {
	var w where
	if f.DocumentID != 0 {
		w.add("document_id = ?", f.DocumentID)
	}
	p := f.Page.Normalized()
	var out []model.StatusEvent
	var total int
	err := db.view(ctx, "list status events", func(tx *sql.Tx) error {
		var err error
		if total, err = count(ctx, tx, "status_events", &w); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, "SELECT "+statusEventColumns+" FROM status_events"+w.String()+
			" ORDER BY date, id LIMIT ? OFFSET ?", append(w.args, p.Limit, p.Offset)...)
		if err != nil {
			return err
		}
		out, err = collect(rows, scanStatusEvent)
		return err
	})
	return out, total, err
}

func scanStatusEvent(r scanner) (model.StatusEvent, error) {
	var e model.StatusEvent
	var created, updated, date sql.NullString
	var evidence sql.NullInt64
	err := r.Scan(&e.ID, &e.UID, &created, &updated, &e.DocumentID, &date, &e.Status, &e.Note, &evidence)
	e.CreatedAt, e.UpdatedAt = parseTime(created), parseTime(updated)
	e.Date = parseTime(date)
	e.EvidenceExcerptID = evidence.Int64
	return e, err
}
