package storage

import (
	"context"
	"database/sql"

	"dossier/model"
)

const partyColumns = "parties.id, parties.uid, parties.created_at, parties.updated_at, parties.document_id, parties.actor_id, parties.role, parties.note"

// AddParty records an actor's part in a document. An actor holds a role in
// a document once: a second time is refused with ErrConflict.
func (db *DB) AddParty(ctx context.Context, p *model.Party) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "add party", func(tx *sql.Tx) error {
		return db.insertParty(ctx, tx, p)
	})
}

func (db *DB) insertParty(ctx context.Context, tx *sql.Tx, p *model.Party) error {
	if err := checkParty(ctx, tx, *p); err != nil {
		return err
	}
	db.stamp(&p.Meta)
	res, err := tx.ExecContext(ctx, `INSERT INTO parties (uid, created_at, updated_at, document_id, actor_id, role, note)
		VALUES (?, ?, ?, ?, ?, ?, ?)`,
		p.UID, timeText(p.CreatedAt), timeText(p.UpdatedAt), p.DocumentID, p.ActorID, p.Role, p.Note)
	if err != nil {
		return err
	}
	p.ID, err = res.LastInsertId()
	return err
}

// checkParty refuses a missing document or actor, and a role the actor
// already holds in the document, each with a sentence.
func checkParty(ctx context.Context, q querier, p model.Party) error {
	var actor, title string
	err := q.QueryRowContext(ctx, "SELECT name FROM actors WHERE id = ?", p.ActorID).Scan(&actor)
	if err == sql.ErrNoRows {
		return model.Invalidf("actor %d does not exist", p.ActorID)
	}
	if err != nil {
		return err
	}
	err = q.QueryRowContext(ctx, "SELECT title FROM documents WHERE id = ?", p.DocumentID).Scan(&title)
	if err == sql.ErrNoRows {
		return model.Invalidf("document %d does not exist", p.DocumentID)
	}
	if err != nil {
		return err
	}
	var held int64
	err = q.QueryRowContext(ctx, "SELECT id FROM parties WHERE document_id = ? AND actor_id = ? AND role = ? AND id <> ?",
		p.DocumentID, p.ActorID, p.Role, p.ID).Scan(&held)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return err
	}
	return model.Conflictf("actor %d %q is already listed as %s of document %d %q", p.ActorID, actor, p.Role, p.DocumentID, title)
}

// Party reads one party.
func (db *DB) Party(ctx context.Context, id int64) (model.Party, error) {
	var p model.Party
	err := db.view(ctx, "read party", func(tx *sql.Tx) error {
		var err error
		p, err = scanParty(tx.QueryRowContext(ctx, "SELECT "+partyColumns+" FROM parties WHERE id = ?", id))
		if err == sql.ErrNoRows {
			return model.NotFoundf("party %d does not exist", id)
		}
		return err
	})
	return p, err
}

// UpdateParty saves every field of an existing party.
func (db *DB) UpdateParty(ctx context.Context, p *model.Party) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "update party", func(tx *sql.Tx) error {
		if err := checkParty(ctx, tx, *p); err != nil {
			return err
		}
		p.UpdatedAt = db.Now().UTC()
		res, err := tx.ExecContext(ctx, "UPDATE parties SET updated_at = ?, document_id = ?, actor_id = ?, role = ?, note = ? WHERE id = ?",
			timeText(p.UpdatedAt), p.DocumentID, p.ActorID, p.Role, p.Note, p.ID)
		if err != nil {
			return err
		}
		return requireRow(res, "party", p.ID)
	})
}

// DeleteParty removes one party; the document and the actor stay.
func (db *DB) DeleteParty(ctx context.Context, id int64) error {
	return db.update(ctx, "delete party", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM parties WHERE id = ?", id)
		if err != nil {
			return err
		}
		return requireRow(res, "party", id)
	})
}

// partyOrder lists parties by document title, then role in the order of
// model.PartyRoles (author first), then actor name.
const partyOrder = ` ORDER BY documents.title COLLATE NOCASE, parties.document_id,
	CASE parties.role WHEN 'author' THEN 1 WHEN 'proposer' THEN 2 WHEN 'signatory' THEN 3 WHEN 'guarantor' THEN 4 ELSE 5 END,
	actors.name COLLATE NOCASE, parties.id`

// ListParties returns one page of parties of a document or of an actor,
// and the total.
func (db *DB) ListParties(ctx context.Context, f model.PartyFilter) ([]model.Party, int, error) {
	var w where
	if f.DocumentID != 0 {
		w.add("parties.document_id = ?", f.DocumentID)
	}
	if f.ActorID != 0 {
		w.add("parties.actor_id = ?", f.ActorID)
	}
	p := f.Page.Normalized()
	var out []model.Party
	var total int
	err := db.view(ctx, "list parties", func(tx *sql.Tx) error {
		var err error
		if total, err = count(ctx, tx, "parties", &w); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, "SELECT "+partyColumns+` FROM parties
			JOIN documents ON documents.id = parties.document_id JOIN actors ON actors.id = parties.actor_id`+
			w.String()+partyOrder+" LIMIT ? OFFSET ?", append(w.args, p.Limit, p.Offset)...)
		if err != nil {
			return err
		}
		out, err = collect(rows, scanParty)
		return err
	})
	return out, total, err
}

func scanParty(r scanner) (model.Party, error) {
	var p model.Party
	var created, updated sql.NullString
	err := r.Scan(&p.ID, &p.UID, &created, &updated, &p.DocumentID, &p.ActorID, &p.Role, &p.Note)
	p.CreatedAt, p.UpdatedAt = parseTime(created), parseTime(updated)
	return p, err
}
