package storage

import (
	"context"
	"database/sql"

	"dossier/model"
)

const actorColumns = "id, uid, created_at, updated_at, name, kind, role, affiliation_id, country, description, notes"

// CreateActor stores a new actor and fills its id, uid and times.
func (db *DB) CreateActor(ctx context.Context, a *model.Actor) error {
	if err := a.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "create actor", func(tx *sql.Tx) error {
		return db.insertActor(ctx, tx, a)
	})
}

func (db *DB) insertActor(ctx context.Context, tx *sql.Tx, a *model.Actor) error {
	if err := checkAffiliation(ctx, tx, *a); err != nil {
		return err
	}
	db.stamp(&a.Meta)
	res, err := tx.ExecContext(ctx, `INSERT INTO actors (uid, created_at, updated_at, name, kind, role, affiliation_id, country, description, notes)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.UID, timeText(a.CreatedAt), timeText(a.UpdatedAt), a.Name, a.Kind, a.Role, nullID(a.AffiliationID),
		a.Country, a.Description, a.Notes)
	if err != nil {
		return err
	}
	a.ID, err = res.LastInsertId()
	return err
}

// checkAffiliation says which affiliation is wrong, where the foreign key
// would only say that something is.
func checkAffiliation(ctx context.Context, q querier, a model.Actor) error {
	if a.AffiliationID == 0 {
		return nil
	}
	if a.AffiliationID == a.ID {
		return model.Invalidf("actor %q cannot be affiliated with itself", a.Name)
	}
	return checkRef(ctx, q, "actors", "the affiliated actor", a.AffiliationID)
}

// checkRef refuses a reference to a row that does not exist, with a
// sentence naming it (SQLite's foreign-key failure names nothing).
func checkRef(ctx context.Context, q querier, table, what string, id int64) error {
	ok, err := rowExists(ctx, q, table, id)
	if err == nil && !ok {
		return model.Invalidf("%s %d does not exist", what, id)
	}
	return err
}

// orNotFound is err, or ErrNotFound naming the row when err is nil.
func orNotFound(err error, what string, id int64) error {
	if err != nil {
		return err
	}
	return model.NotFoundf("%s %d does not exist", what, id)
}

func rowExists(ctx context.Context, q querier, table string, id int64) (bool, error) {
	var one int
	err := q.QueryRowContext(ctx, "SELECT 1 FROM "+table+" WHERE id = ?", id).Scan(&one)
	if err == sql.ErrNoRows {
		return false, nil
	}
	return err == nil, err
}

// Actor reads one actor.
func (db *DB) Actor(ctx context.Context, id int64) (model.Actor, error) {
	var a model.Actor
	err := db.view(ctx, "read actor", func(tx *sql.Tx) error {
		var err error
		a, err = readActor(ctx, tx, id)
		return err
	})
	return a, err
}

func readActor(ctx context.Context, q querier, id int64) (model.Actor, error) {
	a, err := scanActor(q.QueryRowContext(ctx, "SELECT "+actorColumns+" FROM actors WHERE id = ?", id))
	if err == sql.ErrNoRows {
		return a, model.NotFoundf("actor %d does not exist", id)
	}
	return a, err
}

// UpdateActor saves every field of an existing actor.
func (db *DB) UpdateActor(ctx context.Context, a *model.Actor) error {
	if err := a.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "update actor", func(tx *sql.Tx) error {
		if err := checkAffiliation(ctx, tx, *a); err != nil {
			return err
		}
		a.UpdatedAt = db.Now().UTC()
		return writeActor(ctx, tx, *a)
	})
}

func writeActor(ctx context.Context, tx *sql.Tx, a model.Actor) error {
	res, err := tx.ExecContext(ctx, `UPDATE actors SET updated_at = ?, name = ?, kind = ?, role = ?, affiliation_id = ?,
		country = ?, description = ?, notes = ? WHERE id = ?`,
		timeText(a.UpdatedAt), a.Name, a.Kind, a.Role, nullID(a.AffiliationID), a.Country, a.Description, a.Notes, a.ID)
	if err != nil {
		return err
	}
	return requireRow(res, "actor", a.ID)
}

// DeleteActor removes an actor with its aliases, mentions, relations and
// parts in documents. Excerpts stay: those it spoke lose their speaker,
// those it was involved in lose the link. Actors affiliated with it stay,
// without affiliation. ActorDeletionImpact tells beforehand how many.
func (db *DB) DeleteActor(ctx context.Context, id int64) error {
	return db.update(ctx, "delete actor", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM actors WHERE id = ?", id)
		if err != nil {
			return err
		}
		return requireRow(res, "actor", id)
	})
}

// ActorDeletionImpact counts what DeleteActor would remove or unlink.
func (db *DB) ActorDeletionImpact(ctx context.Context, id int64) (model.ActorImpact, error) {
	var n model.ActorImpact
	err := db.view(ctx, "count what deleting an actor touches", func(tx *sql.Tx) error {
		if ok, err := rowExists(ctx, tx, "actors", id); err != nil || !ok {
			return orNotFound(err, "actor", id)
		}
		return tx.QueryRowContext(ctx, `SELECT
			(SELECT count(*) FROM aliases WHERE actor_id = ?1),
			(SELECT count(*) FROM mentions WHERE actor_id = ?1),
			(SELECT count(*) FROM relations WHERE from_actor_id = ?1 OR to_actor_id = ?1),
			(SELECT count(*) FROM parties WHERE actor_id = ?1),
			(SELECT count(*) FROM excerpts WHERE speaker_id = ?1),
			(SELECT count(*) FROM excerpt_actors WHERE actor_id = ?1),
			(SELECT count(*) FROM actors WHERE affiliation_id = ?1)`, id).
			Scan(&n.Aliases, &n.Mentions, &n.Relations, &n.Parties, &n.SpokenExcerpts, &n.LinkedExcerpts, &n.AffiliatedActors)
	})
	return n, err
}

// ListActors returns one page of actors by name, and the total. Text is
// matched, ignoring case in every script, within the name or any alias.
func (db *DB) ListActors(ctx context.Context, f model.ActorFilter) ([]model.Actor, int, error) {
	var w where
	if key := aliasKey(f.Text); key != "" {
		w.add("(instr("+foldFunction+"(name), ?) > 0 OR id IN (SELECT actor_id FROM aliases WHERE instr(key, ?) > 0))", key, key)
	}
	if f.Kind != "" {
		w.add("kind = ?", f.Kind)
	}
	p := f.Page.Normalized()
	var out []model.Actor
	var total int
	err := db.view(ctx, "list actors", func(tx *sql.Tx) error {
		var err error
		if total, err = count(ctx, tx, "actors", &w); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, "SELECT "+actorColumns+" FROM actors"+w.String()+
			" ORDER BY name COLLATE NOCASE, id LIMIT ? OFFSET ?", append(w.args, p.Limit, p.Offset)...)
		if err != nil {
			return err
		}
		out, err = collect(rows, scanActor)
		return err
	})
	return out, total, err
}

func scanActor(r scanner) (model.Actor, error) {
	var a model.Actor
	var created, updated sql.NullString
	var affiliation sql.NullInt64
	err := r.Scan(&a.ID, &a.UID, &created, &updated, &a.Name, &a.Kind, &a.Role, &affiliation,
		&a.Country, &a.Description, &a.Notes)
	a.CreatedAt, a.UpdatedAt = parseTime(created), parseTime(updated)
	a.AffiliationID = affiliation.Int64
	return a, err
}

// MergeActors folds actor from into actor into, in one transaction:
// aliases, mentions, spoken and linked excerpts, relations, parties and
// affiliations move to into; duplicates are dropped (a mention the analyst
// confirmed or rejected wins over a proposed one at the same span). into
// keeps its fields, takes from's role, country, description and
// affiliation where it has none, and appends from's notes; from is deleted.
func (db *DB) MergeActors(ctx context.Context, from, into int64) (model.MergeReport, error) {
	if from == into {
		return model.MergeReport{}, model.Invalidf("actor %d cannot be merged into itself", from)
	}
	var report model.MergeReport
	err := db.update(ctx, "merge actors", func(tx *sql.Tx) error {
		src, err := readActor(ctx, tx, from)
		if err != nil {
			return err
		}
		dst, err := readActor(ctx, tx, into)
		if err != nil {
			return err
		}
		now := db.Now().UTC()
		m := &merger{db: db, ctx: ctx, tx: tx, col: "actor_id", from: from, into: into, now: timeText(now)}
		steps := []func() error{
			func() error { return m.aliases(src.Name) }, m.mentions,
			func() error { return m.links("excerpt_actors") }, m.parties,
			m.speakers, m.relations, m.affiliations,
		}
		if err := m.run(steps); err != nil {
			return err
		}
		dst = mergedActor(dst, src)
		dst.UpdatedAt = now
		if err := writeActor(ctx, tx, dst); err != nil {
			return err
		}
		report = m.report
		_, err = tx.ExecContext(ctx, "DELETE FROM actors WHERE id = ?", from)
		return err
	})
	return report, err
}

// mergedActor is into after taking what from has and into lacks.
func mergedActor(into, from model.Actor) model.Actor {
	if into.AffiliationID == from.ID {
		into.AffiliationID = 0 // from is going away
	}
	if into.AffiliationID == 0 && from.AffiliationID != into.ID {
		into.AffiliationID = from.AffiliationID
	}
	into.Role = orElse(into.Role, from.Role)
	into.Country = orElse(into.Country, from.Country)
	into.Description = orElse(into.Description, from.Description)
	into.Notes = joinNotes(into.Notes, from.Notes)
	return into
}

func orElse(s, other string) string {
	if s == "" {
		return other
	}
	return s
}

// joinNotes appends notes as a paragraph of their own.
func joinNotes(notes, more string) string {
	if notes == "" || more == "" {
		return notes + more
	}
	return notes + "\n\n" + more
}

// merger moves what belongs to one actor or document to another, within
// one transaction. col is the owner's column in aliases, mentions, parties
// and the excerpt link tables.
type merger struct {
	db         *DB
	ctx        context.Context
	tx         *sql.Tx
	col        string // "actor_id" or "document_id"
	from, into int64
	now        any // updated_at of every row moved
	report     model.MergeReport
}

func (m *merger) run(steps []func() error) error {
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

func (m *merger) exec(query string, args ...any) (int, error) {
	res, err := m.tx.ExecContext(m.ctx, query, args...)
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	return int(n), err
}

// aliases moves every alias (keys are unique, so none can collide) and
// keeps the merged one's name as an alias when nobody holds it.
func (m *merger) aliases(name string) error {
	var err error
	m.report.AliasesMoved, err = m.exec("UPDATE aliases SET "+m.col+" = ?, updated_at = ? WHERE "+m.col+" = ?", m.into, m.now, m.from)
	if err != nil {
		return err
	}
	a := model.Alias{Name: name}
	if m.col == "actor_id" {
		a.ActorID = m.into
	} else {
		a.DocumentID = m.into
	}
	if a.Validate() != nil { // a title may be longer than an alias can be
		return nil
	}
	var held int64
	err = m.tx.QueryRowContext(m.ctx, "SELECT id FROM aliases WHERE key = ?", aliasKey(name)).Scan(&held)
	if err != sql.ErrNoRows {
		return err
	}
	m.report.NameAdded = true
	return m.db.insertAlias(m.ctx, m.tx, &a)
}

// mentionPair is a mention of the merged one at the same span as one of
// the survivor.
type mentionPair struct {
	from, into           int64
	fromState, intoState model.MentionState
}

// mentions moves every mention; where both have one at the same span, the
// survivor's stays unless it is only proposed and the other was decided.
func (m *merger) mentions() error {
	rows, err := m.tx.QueryContext(m.ctx, `SELECT f.id, f.state, i.id, i.state FROM mentions f
		JOIN mentions i ON i.article_id = f.article_id AND i.start_cp = f.start_cp AND i.end_cp = f.end_cp AND i.`+m.col+` = ?
		WHERE f.`+m.col+` = ?`, m.into, m.from)
	if err != nil {
		return err
	}
	pairs, err := collect(rows, func(r scanner) (mentionPair, error) {
		var p mentionPair
		return p, r.Scan(&p.from, &p.fromState, &p.into, &p.intoState)
	})
	if err != nil {
		return err
	}
	for _, p := range pairs {
		loser := p.from
		if p.intoState == model.MentionProposed && p.fromState != model.MentionProposed {
			loser = p.into
		}
		if _, err := m.exec("DELETE FROM mentions WHERE id = ?", loser); err != nil {
			return err
		}
	}
	m.report.MentionsDropped = len(pairs)
	m.report.MentionsMoved, err = m.exec("UPDATE mentions SET "+m.col+" = ?, updated_at = ? WHERE "+m.col+" = ?", m.into, m.now, m.from)
	return err
}

// links moves excerpt links of an excerpt_actors-like table; an excerpt
// linked to both keeps one link.
func (m *merger) links(table string) error {
	moved, err := m.exec("INSERT OR IGNORE INTO "+table+" (excerpt_id, "+m.col+") SELECT excerpt_id, ? FROM "+table+
		" WHERE "+m.col+" = ?", m.into, m.from)
	if err != nil {
		return err
	}
	all, err := m.exec("DELETE FROM "+table+" WHERE "+m.col+" = ?", m.from)
	m.report.ExcerptLinksMoved, m.report.ExcerptLinksDropped = moved, all-moved
	return err
}

// parties moves parts in documents (or a document's parties); one the
// survivor already has in the same role is dropped.
func (m *merger) parties() error {
	other := "document_id"
	if m.col == "document_id" {
		other = "actor_id"
	}
	var err error
	m.report.PartiesDropped, err = m.exec("DELETE FROM parties WHERE "+m.col+" = ? AND EXISTS (SELECT 1 FROM parties p WHERE p."+
		m.col+" = ? AND p."+other+" = parties."+other+" AND p.role = parties.role)", m.from, m.into)
	if err != nil {
		return err
	}
	m.report.PartiesMoved, err = m.exec("UPDATE parties SET "+m.col+" = ?, updated_at = ? WHERE "+m.col+" = ?", m.into, m.now, m.from)
	return err
}

func (m *merger) speakers() error {
	var err error
	m.report.SpokenExcerptsMoved, err = m.exec("UPDATE excerpts SET speaker_id = ?, updated_at = ? WHERE speaker_id = ?", m.into, m.now, m.from)
	return err
}

// relations moves both ends; a relation between the two merged actors
// would relate the survivor to itself and is dropped.
func (m *merger) relations() error {
	var err error
	m.report.RelationsDropped, err = m.exec(`DELETE FROM relations
		WHERE (from_actor_id = ?1 AND to_actor_id = ?2) OR (from_actor_id = ?2 AND to_actor_id = ?1)`, m.from, m.into)
	if err != nil {
		return err
	}
	for _, end := range []string{"from_actor_id", "to_actor_id"} {
		n, err := m.exec("UPDATE relations SET "+end+" = ?, updated_at = ? WHERE "+end+" = ?", m.into, m.now, m.from)
		if err != nil {
			return err
		}
		m.report.RelationsMoved += n
	}
	return nil
}

// affiliations points actors affiliated with the merged one to the
// survivor (the survivor's own affiliation is settled by mergedActor).
func (m *merger) affiliations() error {
	var err error
	m.report.AffiliationsMoved, err = m.exec("UPDATE actors SET affiliation_id = ?, updated_at = ? WHERE affiliation_id = ? AND id <> ?",
		m.into, m.now, m.from, m.into)
	return err
}
