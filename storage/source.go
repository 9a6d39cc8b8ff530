package storage

import (
	"context"
	"database/sql"

	"dossier/model"
)

const sourceColumns = "id, uid, created_at, updated_at, name, kind, url, reliability, notes"

// CreateSource stores a new source and fills its id, uid and times.
func (db *DB) CreateSource(ctx context.Context, s *model.Source) error {
	if err := s.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "create source", func(tx *sql.Tx) error {
		return db.insertSource(ctx, tx, s)
	})
}

func (db *DB) insertSource(ctx context.Context, tx *sql.Tx, s *model.Source) error {
	db.stamp(&s.Meta)
	res, err := tx.ExecContext(ctx, `INSERT INTO sources (uid, created_at, updated_at, name, kind, url, reliability, notes)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		s.UID, timeText(s.CreatedAt), timeText(s.UpdatedAt), s.Name, s.Kind, s.URL, s.Reliability, s.Notes)
	if err != nil {
		return err
	}
	s.ID, err = res.LastInsertId()
	return err
}

// Source reads one source.
func (db *DB) Source(ctx context.Context, id int64) (model.Source, error) {
	var s model.Source
	err := db.view(ctx, "read source", func(tx *sql.Tx) error {
		var err error
		s, err = scanSource(tx.QueryRowContext(ctx, "SELECT "+sourceColumns+" FROM sources WHERE id = ?", id))
		if err == sql.ErrNoRows {
			return model.NotFoundf("source %d does not exist", id)
		}
		return err
	})
	return s, err
}

// UpdateSource saves every field of an existing source.
func (db *DB) UpdateSource(ctx context.Context, s *model.Source) error {
	if err := s.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "update source", func(tx *sql.Tx) error {
		s.UpdatedAt = db.Now().UTC()
		res, err := tx.ExecContext(ctx, `UPDATE sources SET updated_at = ?, name = ?, kind = ?, url = ?, reliability = ?, notes = ?
			WHERE id = ?`, timeText(s.UpdatedAt), s.Name, s.Kind, s.URL, s.Reliability, s.Notes, s.ID)
		if err != nil {
			return err
		}
		return requireRow(res, "source", s.ID)
	})
}

// DeleteSource removes a source; its articles stay, without a source.
func (db *DB) DeleteSource(ctx context.Context, id int64) error {
	return db.update(ctx, "delete source", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM sources WHERE id = ?", id)
		if err != nil {
			return err
		}
		return requireRow(res, "source", id)
	})
}

// ListSources returns one page of sources by name, and the total.
func (db *DB) ListSources(ctx context.Context, f model.SourceFilter) ([]model.Source, int, error) {
	var w where
	if f.Text != "" {
		w.add(`name LIKE ? ESCAPE '\'`, likeText(f.Text))
	}
	p := f.Page.Normalized()
	var out []model.Source
	var total int
	err := db.view(ctx, "list sources", func(tx *sql.Tx) error {
		var err error
		if total, err = count(ctx, tx, "sources", &w); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, "SELECT "+sourceColumns+" FROM sources"+w.String()+
			" ORDER BY name COLLATE NOCASE, id LIMIT ? OFFSET ?", append(w.args, p.Limit, p.Offset)...)
		if err != nil {
			return err
		}
		out, err = collect(rows, scanSource)
		return err
	})
	return out, total, err
}

func scanSource(r scanner) (model.Source, error) {
	var s model.Source
	var created, updated sql.NullString
	err := r.Scan(&s.ID, &s.UID, &created, &updated, &s.Name, &s.Kind, &s.URL, &s.Reliability, &s.Notes)
	s.CreatedAt, s.UpdatedAt = parseTime(created), parseTime(updated)
	return s, err
}
