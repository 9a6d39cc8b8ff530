package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode/utf8"

	"dossier/model"
)

// CreateArticleWithFindings stores a new article and, in the same
// transaction, the names and proposals the extractor found in it, as an
// import does for every file: one commit per article instead of two, and
// the proposals written several rows to a statement, since a new article
// has none to keep. The findings go in under a savepoint: when storing them
// fails, the article is stored all the same (its names can be found again
// by a rescan) and that failure comes back as findingsErr. err is what
// CreateArticle would return, a *model.DuplicateError included.
// Unlike ReplaceFindings, the stored proposals do not get their ids back.
func (db *DB) CreateArticleWithFindings(ctx context.Context, a *model.Article, ms []model.Mention, ps []model.Proposal) (findingsErr, err error) {
	if err := a.Validate(); err != nil {
		return nil, err
	}
	stmts := db.prepared(ctx, append(articleInsertQueries, mentionSameSQL, mentionInsertSQL,
		proposalRowsSQL(proposalChunk), proposalInsertSQL)...)
	err = db.update(ctx, "create article", func(tx *sql.Tx) error {
		q := stmts.in(tx)
		if err := db.insertArticle(ctx, q, a); err != nil {
			return err
		}
		var fatal error
		findingsErr, fatal = db.findingsOfNewArticle(ctx, tx, q, a, ms, ps)
		return fatal
	})
	if err != nil {
		return nil, err
	}
	if findingsErr != nil {
		findingsErr = fmt.Errorf("names and proposals found in article %d: %w", a.ID, translate(findingsErr))
	}
	return findingsErr, nil
}

// savepointer runs the savepoint statements: the transaction itself.
type savepointer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// findingsOfNewArticle stores the findings of the article just inserted
// under a savepoint, and rolls back to it when they cannot all be stored:
// that failure is findingsErr, and the article goes in without them. When
// the savepoint itself cannot be rolled back to or released, what the
// transaction holds is not known any more: that is fatal, and nothing may
// be committed.
func (db *DB) findingsOfNewArticle(ctx context.Context, sp savepointer, q querier, a *model.Article, ms []model.Mention, ps []model.Proposal) (findingsErr, fatal error) {
	if _, err := sp.ExecContext(ctx, "SAVEPOINT findings"); err != nil {
		return nil, err
	}
	findingsErr = db.insertFindings(ctx, q, a, ms, ps)
	if findingsErr != nil {
		if _, err := sp.ExecContext(ctx, "ROLLBACK TO findings"); err != nil {
			return nil, fmt.Errorf("undo the findings that could not be stored (%v): %w", findingsErr, err)
		}
	}
	if _, err := sp.ExecContext(ctx, "RELEASE findings"); err != nil {
		return nil, err
	}
	return findingsErr, nil
}

func (db *DB) insertFindings(ctx context.Context, q querier, a *model.Article, ms []model.Mention, ps []model.Proposal) error {
	lengths := textLengths{a.ID: utf8.RuneCountInString(a.Body)}
	for i := range ms {
		ms[i].ArticleID = a.ID
		if err := asProposal(&ms[i], a.ID); err != nil {
			return err
		}
		if err := db.propose(ctx, q, &ms[i], lengths); err != nil {
			return err
		}
	}
	for i := range ps {
		ps[i].ArticleID = a.ID
		if err := asOpenProposal(&ps[i], a.ID); err != nil {
			return err
		}
		if err := ps[i].Span.Check(lengths[a.ID]); err != nil {
			return fmt.Errorf("proposal %q in article %d: %w", ps[i].Text, a.ID, err)
		}
	}
	return db.insertProposalRows(ctx, q, ps)
}

// proposalChunk is how many proposals one statement inserts: enough to
// spread the statement's fixed cost, few enough to stay far below SQLite's
// limit on bound parameters.
const proposalChunk = 32

// proposalRowsSQL inserts n proposals, skipping any already there.
func proposalRowsSQL(n int) string {
	row := "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
	return `INSERT INTO proposals (uid, created_at, updated_at, article_id, kind, start_cp, end_cp,
		text, state, result_id, detail) VALUES ` + strings.Repeat(row+", ", n-1) + row + `
		ON CONFLICT (article_id, kind, start_cp, end_cp, text) DO NOTHING`
}

// insertProposalRows inserts ps by whole chunks, then one by one.
func (db *DB) insertProposalRows(ctx context.Context, q querier, ps []model.Proposal) error {
	args := make([]any, 0, proposalChunk*11)
	for len(ps) >= proposalChunk {
		args = args[:0]
		for i := range ps[:proposalChunk] {
			row, err := db.proposalArgs(&ps[i])
			if err != nil {
				return err
			}
			args = append(args, row...)
		}
		if _, err := q.ExecContext(ctx, proposalRowsSQL(proposalChunk), args...); err != nil {
			return err
		}
		ps = ps[proposalChunk:]
	}
	for i := range ps {
		row, err := db.proposalArgs(&ps[i])
		if err != nil {
			return err
		}
		if _, err := q.ExecContext(ctx, proposalInsertSQL, row...); err != nil {
			return err
		}
	}
	return nil
}

// proposalArgs stamps p and lists its column values in insert order.
func (db *DB) proposalArgs(p *model.Proposal) ([]any, error) {
	detail, err := detailOf(*p)
	if err != nil {
		return nil, fmt.Errorf("proposal %q: %w", p.Text, err)
	}
	p.ID = 0
	db.stamp(&p.Meta)
	return []any{p.UID, timeText(p.CreatedAt), timeText(p.UpdatedAt), p.ArticleID, p.Kind, p.Span.Start, p.Span.End,
		p.Text, p.State, nullID(p.ResultID), detail}, nil
}
