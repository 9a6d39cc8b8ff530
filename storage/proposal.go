package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"dossier/model"
)

const proposalColumns = "id, uid, created_at, updated_at, article_id, kind, start_cp, end_cp, text, state, result_id, detail"

// proposalDetail is what a proposal holds besides its columns: the fields
// of its kind, kept as JSON in the detail column. They are read back whole
// and never queried, so a new field needs no migration; fields a later
// version wrote and this one does not know are ignored on reading.
type proposalDetail struct {
	Role         string             `json:"role,omitempty"`
	ActorKind    model.ActorKind    `json:"actor_kind,omitempty"`
	AliasOf      int64              `json:"alias_of,omitempty"`
	Speakers     []string           `json:"speakers,omitempty"`
	SpeakerIDs   []int64            `json:"speaker_ids,omitempty"`
	DocumentKind model.DocumentKind `json:"document_kind,omitempty"`
	Value        float64            `json:"value,omitempty"`
	Counts       string             `json:"counts,omitempty"`
}

func detailOf(p model.Proposal) (string, error) {
	b, err := json.Marshal(proposalDetail{
		Role: p.Role, ActorKind: p.ActorKind, AliasOf: p.AliasOf, Speakers: p.Speakers, SpeakerIDs: p.SpeakerIDs,
		DocumentKind: p.DocumentKind, Value: p.Value, Counts: p.Counts,
	})
	return string(b), err
}

func (d proposalDetail) fill(p *model.Proposal) {
	p.Role, p.ActorKind, p.AliasOf = d.Role, d.ActorKind, d.AliasOf
	p.Speakers, p.SpeakerIDs = d.Speakers, d.SpeakerIDs
	p.DocumentKind, p.Value, p.Counts = d.DocumentKind, d.Value, d.Counts
}

// ReplaceProposals puts the extractor's fresh proposals for an article in
// place of its old open ones, in one transaction: the article's proposals
// in state proposed are deleted and ps inserted, except any of the same
// kind, span and text as one that exists in any state (or earlier in ps):
// a rejected proposal is never proposed again, an accepted one not twice.
// An entry of ps with no ArticleID or State gets articleID and proposed;
// inserted entries get their id, uid and times, skipped ones keep id 0.
func (db *DB) ReplaceProposals(ctx context.Context, articleID int64, ps []model.Proposal) error {
	for i := range ps {
		if err := asOpenProposal(&ps[i], articleID); err != nil {
			return err
		}
	}
	return db.update(ctx, "replace proposals", func(tx *sql.Tx) error {
		if err := requireArticle(ctx, tx, articleID); err != nil {
			return err
		}
		return db.replaceProposals(ctx, tx, articleID, ps)
	})
}

// replaceProposals keeps the open proposals found again (and their ids),
// adds the new ones and deletes those not found again.
func (db *DB) replaceProposals(ctx context.Context, tx querier, articleID int64, ps []model.Proposal) error {
	open, err := openKeys(ctx, tx, `SELECT id, kind || ':' || start_cp || ':' || end_cp || ':' || text
		FROM proposals WHERE article_id = ? AND +state = 'proposed'`, articleID) // +state: look up by article, never by state
	if err != nil {
		return err
	}
	lengths := textLengths{}
	for i := range ps {
		p := &ps[i]
		key := fmt.Sprintf("%s:%d:%d:%s", p.Kind, p.Span.Start, p.Span.End, p.Text)
		if id, ok := open[key]; ok { // found again: it keeps its id
			delete(open, key)
			if err := db.refreshProposal(ctx, tx, id, p); err != nil {
				return err
			}
			continue
		}
		if err := db.insertProposal(ctx, tx, p, lengths); err != nil {
			return err
		}
	}
	return deleteIDs(ctx, tx, "proposals", open)
}

// refreshProposal saves the details of an open proposal found again.
func (db *DB) refreshProposal(ctx context.Context, q querier, id int64, p *model.Proposal) error {
	detail, err := detailOf(*p)
	if err != nil {
		return fmt.Errorf("proposal %q: %w", p.Text, err)
	}
	if _, err := q.ExecContext(ctx, "UPDATE proposals SET detail = ? WHERE id = ? AND detail <> ?", detail, id, detail); err != nil {
		return err
	}
	stored, err := readProposal(ctx, q, id)
	*p = stored
	return err
}

// asOpenProposal fills the defaults of a fresh proposal and checks it.
func asOpenProposal(p *model.Proposal, articleID int64) error {
	if p.ArticleID == 0 {
		p.ArticleID = articleID
	}
	if p.State == "" {
		p.State = model.ProposalOpen
	}
	if p.ArticleID != articleID {
		return model.Invalidf("replace proposals of article %d: a proposal of article %d was given", articleID, p.ArticleID)
	}
	if p.State != model.ProposalOpen {
		return model.Invalidf("replace proposals of article %d: a proposal in state %q was given; only open ones are replaced", articleID, p.State)
	}
	return p.Validate()
}

// insertProposal adds p unless one of the same kind, span and text exists;
// the unique index on those is what decides, in the same statement.
func (db *DB) insertProposal(ctx context.Context, q querier, p *model.Proposal, lengths textLengths) error {
	p.ID = 0
	n, err := lengths.of(ctx, q, p.ArticleID)
	if err != nil {
		return err
	}
	if err := p.Span.Check(n); err != nil {
		return fmt.Errorf("proposal %q in article %d: %w", p.Text, p.ArticleID, err)
	}
	meta := p.Meta
	row, err := db.proposalArgs(p)
	if err != nil {
		return err
	}
	res, err := q.ExecContext(ctx, proposalInsertSQL, row...)
	if err != nil {
		return err
	}
	if inserted, err := res.RowsAffected(); err != nil || inserted == 0 {
		p.Meta = meta // skipped: it is not stored, so it has no identity
		return err
	}
	p.ID, err = res.LastInsertId()
	return err
}

// Proposal reads one proposal.
func (db *DB) Proposal(ctx context.Context, id int64) (model.Proposal, error) {
	var p model.Proposal
	err := db.view(ctx, "read proposal", func(tx *sql.Tx) error {
		var err error
		p, err = readProposal(ctx, tx, id)
		return err
	})
	return p, err
}

func readProposal(ctx context.Context, q querier, id int64) (model.Proposal, error) {
	p, err := scanProposal(q.QueryRowContext(ctx, "SELECT "+proposalColumns+" FROM proposals WHERE id = ?", id))
	if err == sql.ErrNoRows {
		return p, model.NotFoundf("proposal %d does not exist", id)
	}
	return p, err
}

// SetProposalState records the analyst's verdict on a proposal. Accepted
// needs resultID: the actor or document (for an actor or document
// proposal) or the excerpt (for a quote or figure) that accepting made or
// merged into, which must exist. Any other state has no result: resultID
// must be 0, and a result recorded before is cleared (an accepted proposal
// that is rejected or reopened loses it).
func (db *DB) SetProposalState(ctx context.Context, id int64, state model.ProposalState, resultID int64) error {
	parsed, err := model.ParseProposalState(string(state))
	if err != nil {
		return fmt.Errorf("proposal %d: %w", id, err)
	}
	return db.update(ctx, "set proposal state", func(tx *sql.Tx) error {
		p, err := readProposal(ctx, tx, id)
		if err != nil {
			return err
		}
		p.State, p.ResultID = parsed, resultID
		if err := p.Validate(); err != nil {
			return fmt.Errorf("proposal %d: %w", id, err)
		}
		if err := checkProposalResult(ctx, tx, p); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "UPDATE proposals SET updated_at = ?, state = ?, result_id = ? WHERE id = ?",
			timeText(db.Now().UTC()), p.State, nullID(p.ResultID), id)
		return err
	})
}

// checkProposalResult finds what an accepted proposal became. result_id
// points into one of three tables by kind, so no foreign key can.
func checkProposalResult(ctx context.Context, q querier, p model.Proposal) error {
	if p.ResultID == 0 {
		return nil
	}
	switch p.Kind {
	case model.ProposeActor:
		return checkRef(ctx, q, "actors", "actor", p.ResultID)
	case model.ProposeDocument:
		return checkRef(ctx, q, "documents", "document", p.ResultID)
	}
	return checkRef(ctx, q, "excerpts", "excerpt", p.ResultID)
}

// DeleteProposal removes a proposal, whatever its state. (Rejecting it
// instead keeps it from being proposed again; a deleted one may return at
// the next scan.)
func (db *DB) DeleteProposal(ctx context.Context, id int64) error {
	return db.update(ctx, "delete proposal", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM proposals WHERE id = ?", id)
		if err != nil {
			return err
		}
		return requireRow(res, "proposal", id)
	})
}

// ListProposals returns one page of proposals, by article, position and
// kind, and the total.
func (db *DB) ListProposals(ctx context.Context, f model.ProposalFilter) ([]model.Proposal, int, error) {
	var w where
	if f.ArticleID != 0 {
		w.add("article_id = ?", f.ArticleID)
	}
	if f.Kind != "" {
		w.add("kind = ?", f.Kind)
	}
	if f.State != "" {
		w.add("state = ?", f.State)
	}
	p := f.Page.Normalized()
	var out []model.Proposal
	var total int
	err := db.view(ctx, "list proposals", func(tx *sql.Tx) error {
		var err error
		if total, err = count(ctx, tx, "proposals", &w); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, "SELECT "+proposalColumns+" FROM proposals"+w.String()+
			" ORDER BY article_id, start_cp, kind, end_cp, id LIMIT ? OFFSET ?", append(w.args, p.Limit, p.Offset)...)
		if err != nil {
			return err
		}
		out, err = collect(rows, scanProposal)
		return err
	})
	return out, total, err
}

func scanProposal(r scanner) (model.Proposal, error) {
	var p model.Proposal
	var created, updated sql.NullString
	var result sql.NullInt64
	var detail string
	err := r.Scan(&p.ID, &p.UID, &created, &updated, &p.ArticleID, &p.Kind, &p.Span.Start, &p.Span.End,
		&p.Text, &p.State, &result, &detail)
	if err != nil {
		return p, err
	}
	p.CreatedAt, p.UpdatedAt = parseTime(created), parseTime(updated)
	p.ResultID = result.Int64
	var d proposalDetail
	if err := json.Unmarshal([]byte(detail), &d); err != nil {
		return p, fmt.Errorf("proposal %d has details that cannot be read: %w", p.ID, err)
	}
	d.fill(&p)
	return p, nil
}

// proposalInsertSQL adds a proposal unless the same one exists.
const proposalInsertSQL = `INSERT INTO proposals (uid, created_at, updated_at, article_id, kind, start_cp, end_cp,
		text, state, result_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (article_id, kind, start_cp, end_cp, text) DO NOTHING`

// ClaimProposal marks an open proposal accepted before what it proposes is
// made, in one statement that only an open proposal passes: of two accepts
// of the same proposal at once (a double click), the second is refused
// instead of making a second actor. SetProposalState then records what was
// made; ReleaseProposal opens the proposal again when the making failed.
func (db *DB) ClaimProposal(ctx context.Context, id int64) error {
	return db.update(ctx, "accept proposal", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE proposals SET updated_at = ?, state = ? WHERE id = ? AND state = ?",
			timeText(db.Now().UTC()), model.ProposalAccepted, id, model.ProposalOpen)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 1 {
			return err
		}
		p, err := readProposal(ctx, tx, id)
		if err != nil {
			return err
		}
		return model.Conflictf("this suggestion has already been %s", p.State)
	})
}

// ReleaseProposal opens again a proposal claimed by ClaimProposal whose
// result was never recorded.
func (db *DB) ReleaseProposal(ctx context.Context, id int64) error {
	return db.update(ctx, "release proposal", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "UPDATE proposals SET updated_at = ?, state = ? WHERE id = ? AND state = ? AND result_id IS NULL",
			timeText(db.Now().UTC()), model.ProposalOpen, id, model.ProposalAccepted)
		return err
	})
}
