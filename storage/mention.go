package storage

import (
	"context"
	"database/sql"
	"fmt"

	"dossier/model"
)

const mentionColumns = "id, uid, created_at, updated_at, article_id, start_cp, end_cp, text, actor_id, document_id, state, origin"

// CreateMention stores a new mention and fills its id, uid and times. The
// span must lie within the article's text; a second mention of the same
// actor or document at the same span is refused with ErrConflict.
func (db *DB) CreateMention(ctx context.Context, m *model.Mention) error {
	if err := m.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "create mention", func(tx *sql.Tx) error {
		return db.insertMention(ctx, tx, m, nil)
	})
}

// insertMention is shared by CreateMention and the bulk path.
func (db *DB) insertMention(ctx context.Context, q querier, m *model.Mention, lengths textLengths) error {
	if err := mentionFits(ctx, q, *m, lengths); err != nil {
		return err
	}
	return db.insertMentionRow(ctx, q, m)
}

func (db *DB) insertMentionRow(ctx context.Context, q querier, m *model.Mention) error {
	db.stamp(&m.Meta)
	res, err := q.ExecContext(ctx, mentionInsertSQL,
		m.UID, timeText(m.CreatedAt), timeText(m.UpdatedAt), m.ArticleID, m.Span.Start, m.Span.End,
		m.Text, nullID(m.ActorID), nullID(m.DocumentID), m.State, m.Origin)
	if err != nil {
		return mentionWriteError(err, *m)
	}
	m.ID, err = res.LastInsertId()
	return err
}

// mentionWriteError names the rule a mention broke.
func mentionWriteError(err error, m model.Mention) error {
	if isUniqueFailure(err, "mentions_span") {
		return model.Conflictf("article %d already has a mention of %s at %d:%d", m.ArticleID, mentionTarget(m), m.Span.Start, m.Span.End)
	}
	return missingRef(err, "%s does not exist", mentionTarget(m))
}

// mentionTarget names what a mention points to.
func mentionTarget(m model.Mention) string {
	if m.ActorID != 0 {
		return fmt.Sprintf("actor %d", m.ActorID)
	}
	return fmt.Sprintf("document %d", m.DocumentID)
}

// mentionFits checks the span against the article's text.
func mentionFits(ctx context.Context, q querier, m model.Mention, lengths textLengths) error {
	n, err := lengths.of(ctx, q, m.ArticleID)
	if err != nil {
		return err
	}
	if err := m.Span.Check(n); err != nil {
		return fmt.Errorf("mention in article %d: %w", m.ArticleID, err)
	}
	return nil
}

// Mention reads one mention.
func (db *DB) Mention(ctx context.Context, id int64) (model.Mention, error) {
	var m model.Mention
	err := db.view(ctx, "read mention", func(tx *sql.Tx) error {
		var err error
		m, err = scanMention(tx.QueryRowContext(ctx, "SELECT "+mentionColumns+" FROM mentions WHERE id = ?", id))
		if err == sql.ErrNoRows {
			return model.NotFoundf("mention %d does not exist", id)
		}
		return err
	})
	return m, err
}

// UpdateMention saves every field of an existing mention.
func (db *DB) UpdateMention(ctx context.Context, m *model.Mention) error {
	if err := m.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "update mention", func(tx *sql.Tx) error {
		if err := mentionFits(ctx, tx, *m, nil); err != nil {
			return err
		}
		m.UpdatedAt = db.Now().UTC()
		res, err := tx.ExecContext(ctx, `UPDATE mentions SET updated_at = ?, article_id = ?, start_cp = ?, end_cp = ?,
			text = ?, actor_id = ?, document_id = ?, state = ?, origin = ? WHERE id = ?`,
			timeText(m.UpdatedAt), m.ArticleID, m.Span.Start, m.Span.End, m.Text, nullID(m.ActorID),
			nullID(m.DocumentID), m.State, m.Origin, m.ID)
		if err != nil {
			return mentionWriteError(err, *m)
		}
		return requireRow(res, "mention", m.ID)
	})
}

// SetMentionState records the analyst's verdict on a mention.
func (db *DB) SetMentionState(ctx context.Context, id int64, state model.MentionState) error {
	parsed, err := model.ParseMentionState(string(state))
	if err != nil {
		return fmt.Errorf("mention %d: %w", id, err)
	}
	return db.update(ctx, "set mention state", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE mentions SET updated_at = ?, state = ? WHERE id = ?",
			timeText(db.Now().UTC()), parsed, id)
		if err != nil {
			return err
		}
		return requireRow(res, "mention", id)
	})
}

// DeleteMention removes a mention. (Rejecting it instead keeps the span from
// being proposed again.)
func (db *DB) DeleteMention(ctx context.Context, id int64) error {
	return db.update(ctx, "delete mention", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM mentions WHERE id = ?", id)
		if err != nil {
			return err
		}
		return requireRow(res, "mention", id)
	})
}

// ListMentions returns one page of mentions, by article and position, and
// the total.
func (db *DB) ListMentions(ctx context.Context, f model.MentionFilter) ([]model.Mention, int, error) {
	var w where
	if f.ArticleID != 0 {
		w.add("article_id = ?", f.ArticleID)
	}
	if f.ActorID != 0 {
		w.add("actor_id = ?", f.ActorID)
	}
	if f.DocumentID != 0 {
		w.add("document_id = ?", f.DocumentID)
	}
	if f.State != "" {
		w.add("state = ?", f.State)
	}
	p := f.Page.Normalized()
	var out []model.Mention
	var total int
	err := db.view(ctx, "list mentions", func(tx *sql.Tx) error {
		var err error
		if total, err = count(ctx, tx, "mentions", &w); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, "SELECT "+mentionColumns+" FROM mentions"+w.String()+
			" ORDER BY article_id, start_cp, end_cp, id LIMIT ? OFFSET ?", append(w.args, p.Limit, p.Offset)...)
		if err != nil {
			return err
		}
		out, err = collect(rows, scanMention)
		return err
	})
	return out, total, err
}

// ReplaceProposedMentions puts a fresh set of proposals in place of an
// article's old ones, in one transaction: the article's mentions in state
// proposed are deleted and ms inserted, except any whose span and actor or
// document already has a mention (confirmed, rejected, or earlier in ms),
// so that the analyst's verdicts stand and a rejected span is never proposed
// again. An entry of ms with no ArticleID or State gets articleID and
// proposed; inserted entries get their id, skipped ones keep id 0.
func (db *DB) ReplaceProposedMentions(ctx context.Context, articleID int64, ms []model.Mention) error {
	for i := range ms {
		if err := asProposal(&ms[i], articleID); err != nil {
			return err
		}
	}
	return db.update(ctx, "replace proposed mentions", func(tx *sql.Tx) error {
		if err := requireArticle(ctx, tx, articleID); err != nil {
			return err
		}
		return db.replaceMentions(ctx, tx, articleID, ms)
	})
}

// ReplaceFindings replaces an article's proposed mentions and open
// proposals in one transaction, as ReplaceProposedMentions and
// ReplaceProposals do one after the other: what the extractor found in it.
func (db *DB) ReplaceFindings(ctx context.Context, articleID int64, ms []model.Mention, ps []model.Proposal) error {
	for i := range ms {
		if err := asProposal(&ms[i], articleID); err != nil {
			return err
		}
	}
	for i := range ps {
		if err := asOpenProposal(&ps[i], articleID); err != nil {
			return err
		}
	}
	// Prepared once on the writer: an import stores findings for every
	// article, and parsing these statements anew costs as much as running them.
	stmts := db.prepared(ctx, mentionSameSQL, mentionInsertSQL, proposalInsertSQL)
	return db.update(ctx, "replace findings", func(tx *sql.Tx) error {
		if err := requireArticle(ctx, tx, articleID); err != nil {
			return err
		}
		q := stmts.in(tx)
		if err := db.replaceMentions(ctx, q, articleID, ms); err != nil {
			return err
		}
		return db.replaceProposals(ctx, q, articleID, ps)
	})
}

// replaceMentions keeps the proposed mentions found again (and their ids),
// adds the new ones and deletes those not found again.
func (db *DB) replaceMentions(ctx context.Context, tx querier, articleID int64, ms []model.Mention) error {
	open, err := openKeys(ctx, tx, `SELECT id, start_cp || ':' || end_cp || ':' || ifnull(actor_id, 0) || ':' || ifnull(document_id, 0)
		FROM mentions WHERE article_id = ? AND state = 'proposed'`, articleID)
	if err != nil {
		return err
	}
	lengths := textLengths{}
	for i := range ms {
		m := &ms[i]
		key := fmt.Sprintf("%d:%d:%d:%d", m.Span.Start, m.Span.End, m.ActorID, m.DocumentID)
		if id, ok := open[key]; ok { // found again: it keeps its id
			delete(open, key)
			stored, err := scanMention(tx.QueryRowContext(ctx, "SELECT "+mentionColumns+" FROM mentions WHERE id = ?", id))
			if err != nil {
				return err
			}
			*m = stored
			continue
		}
		if err := db.propose(ctx, tx, m, lengths); err != nil {
			return err
		}
	}
	return deleteIDs(ctx, tx, "mentions", open)
}

// asProposal fills the defaults of a proposal and checks it.
func asProposal(m *model.Mention, articleID int64) error {
	if m.ArticleID == 0 {
		m.ArticleID = articleID
	}
	if m.State == "" {
		m.State = model.MentionProposed
	}
	if m.ArticleID != articleID {
		return model.Invalidf("replace proposed mentions of article %d: a mention of article %d was given", articleID, m.ArticleID)
	}
	if m.State != model.MentionProposed {
		return model.Invalidf("replace proposed mentions of article %d: a mention in state %q was given; only proposals are replaced", articleID, m.State)
	}
	return m.Validate()
}

// propose inserts m unless its span already mentions the same thing.
func (db *DB) propose(ctx context.Context, q querier, m *model.Mention, lengths textLengths) error {
	m.ID = 0
	if err := mentionFits(ctx, q, *m, lengths); err != nil {
		return err
	}
	var one int
	err := q.QueryRowContext(ctx, mentionSameSQL,
		m.ArticleID, m.Span.Start, m.Span.End, m.ActorID, m.DocumentID).Scan(&one)
	if err == nil {
		return nil
	}
	if err != sql.ErrNoRows {
		return err
	}
	return db.insertMentionRow(ctx, q, m)
}

func scanMention(r scanner) (model.Mention, error) {
	var m model.Mention
	var created, updated sql.NullString
	var actor, document sql.NullInt64
	err := r.Scan(&m.ID, &m.UID, &created, &updated, &m.ArticleID, &m.Span.Start, &m.Span.End, &m.Text,
		&actor, &document, &m.State, &m.Origin)
	m.CreatedAt, m.UpdatedAt = parseTime(created), parseTime(updated)
	m.ActorID, m.DocumentID = actor.Int64, document.Int64
	return m, err
}

// openKeys reads (id, key) rows: the open proposals of an article, keyed by
// what makes them the same proposal when it is found again.
func openKeys(ctx context.Context, q querier, query string, articleID int64) (map[string]int64, error) {
	rows, err := q.QueryContext(ctx, query, articleID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	keys := map[string]int64{}
	for rows.Next() {
		var id int64
		var key string
		if err := rows.Scan(&id, &key); err != nil {
			return nil, err
		}
		keys[key] = id
	}
	return keys, rows.Err()
}

// deleteIDs removes the rows of table whose ids are the map's values: the
// open proposals that were not found again.
func deleteIDs(ctx context.Context, q querier, table string, ids map[string]int64) error {
	for _, id := range ids {
		if _, err := q.ExecContext(ctx, "DELETE FROM "+table+" WHERE id = ?", id); err != nil {
			return err
		}
	}
	return nil
}

const mentionInsertSQL = `INSERT INTO mentions (uid, created_at, updated_at, article_id, start_cp, end_cp,
		text, actor_id, document_id, state, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

const mentionSameSQL = `SELECT 1 FROM mentions WHERE article_id = ? AND start_cp = ? AND end_cp = ?
		AND ifnull(actor_id, 0) = ? AND ifnull(document_id, 0) = ?`
