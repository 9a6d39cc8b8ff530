package storage

import (
	"context"
	"database/sql"

	"dossier/model"
)

const relationColumns = "id, uid, created_at, updated_at, from_actor_id, to_actor_id, type, from_date, to_date, evidence_excerpt_id, note"

// CreateRelation stores a new relation between two actors.
func (db *DB) CreateRelation(ctx context.Context, r *model.Relation) error {
	if err := r.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "create relation", func(tx *sql.Tx) error {
		return db.insertRelation(ctx, tx, r)
	})
}

func (db *DB) insertRelation(ctx context.Context, tx *sql.Tx, r *model.Relation) error {
	if err := checkRelationRefs(ctx, tx, *r); err != nil {
		return err
	}
	db.stamp(&r.Meta)
	res, err := tx.ExecContext(ctx, `INSERT INTO relations (uid, created_at, updated_at, from_actor_id, to_actor_id, type, from_date, to_date, evidence_excerpt_id, note)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.UID, timeText(r.CreatedAt), timeText(r.UpdatedAt), r.FromActorID, r.ToActorID, r.Type,
		timeText(r.From), timeText(r.To), nullID(r.EvidenceExcerptID), r.Note)
	if err != nil {
		return err
	}
	r.ID, err = res.LastInsertId()
	return err
}

func checkRelationRefs(ctx context.Context, q querier, r model.Relation) error {
	if err := checkRef(ctx, q, "actors", "actor", r.FromActorID); err != nil {
		return err
	}
	if err := checkRef(ctx, q, "actors", "actor", r.ToActorID); err != nil {
		return err
	}
	if r.EvidenceExcerptID == 0 {
		return nil
	}
	return checkRef(ctx, q, "excerpts", "the evidence excerpt", r.EvidenceExcerptID)
}

// Relation reads one relation.
func (db *DB) Relation(ctx context.Context, id int64) (model.Relation, error) {
	var r model.Relation
	err := db.view(ctx, "read relation", func(tx *sql.Tx) error {
		var err error
		r, err = scanRelation(tx.QueryRowContext(ctx, "SELECT "+relationColumns+" FROM relations WHERE id = ?", id))
		if err == sql.ErrNoRows {
			return model.NotFoundf("relation %d does not exist", id)
		}
		return err
	})
	return r, err
}

// UpdateRelation saves every field of an existing relation.
func (db *DB) UpdateRelation(ctx context.Context, r *model.Relation) error {
	if err := r.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "update relation", func(tx *sql.Tx) error {
		if err := checkRelationRefs(ctx, tx, *r); err != nil {
			return err
		}
		r.UpdatedAt = db.Now().UTC()
		res, err := tx.ExecContext(ctx, `UPDATE relations SET updated_at = ?, from_actor_id = ?, to_actor_id = ?, type = ?,
			from_date = ?, to_date = ?, evidence_excerpt_id = ?, note = ? WHERE id = ?`,
			timeText(r.UpdatedAt), r.FromActorID, r.ToActorID, r.Type, timeText(r.From), timeText(r.To),
			nullID(r.EvidenceExcerptID), r.Note, r.ID)
		if err != nil {
			return err
		}
		return requireRow(res, "relation", r.ID)
	})
}

// DeleteRelation removes one relation; both actors stay.
func (db *DB) DeleteRelation(ctx context.Context, id int64) error {
	return db.update(ctx, "delete relation", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM relations WHERE id = ?", id)
		if err != nil {
			return err
		}
		return requireRow(res, "relation", id)
	})
}

// ListRelations returns one page of relations, undated ones first, then by
// the date they began, and the total.
func (db *DB) ListRelations(ctx context.Context, f model.RelationFilter) ([]model.Relation, int, error) {
	var w where
	if f.ActorID != 0 {
		w.add("(from_actor_id = ? OR to_actor_id = ?)", f.ActorID, f.ActorID)
	}
	p := f.Page.Normalized()
	var out []model.Relation
	var total int
	err := db.view(ctx, "list relations", func(tx *sql.Tx) error {
		var err error
		if total, err = count(ctx, tx, "relations", &w); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, "SELECT "+relationColumns+" FROM relations"+w.String()+
			" ORDER BY from_date, id LIMIT ? OFFSET ?", append(w.args, p.Limit, p.Offset)...)
		if err != nil {
			return err
		}
		out, err = collect(rows, scanRelation)
		return err
	})
	return out, total, err
}

func scanRelation(r scanner) (model.Relation, error) {
	var rel model.Relation
	var created, updated, from, to sql.NullString
	var evidence sql.NullInt64
	err := r.Scan(&rel.ID, &rel.UID, &created, &updated, &rel.FromActorID, &rel.ToActorID, &rel.Type,
		&from, &to, &evidence, &rel.Note)
	rel.CreatedAt, rel.UpdatedAt = parseTime(created), parseTime(updated)
	rel.From, rel.To = parseTime(from), parseTime(to)
	rel.EvidenceExcerptID = evidence.Int64
	return rel, err
}
