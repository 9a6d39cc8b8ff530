package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"testing"

	"dossier/model"
)

func TestCreateArticleWithFindingsStoresAll(t *testing.T) {
	db := mustCreate(t)
	ctx := context.Background()
	actor := model.Actor{Name: "Ana Ruiz", Kind: model.ActorPerson}
	if err := db.CreateActor(ctx, &actor); err != nil {
		t.Fatal(err)
	}
	body := "Ana Ruiz met Kim Lee and 40 delegates. Ana Ruiz spoke first."
	a := model.Article{Title: "Talks", Body: body}
	ms := []model.Mention{{Span: model.Span{Start: 0, End: 8}, Text: "Ana Ruiz", ActorID: actor.ID, Origin: model.OriginAlias}}
	// More proposals than one statement inserts, with a repeat that the
	// unique index must skip.
	var ps []model.Proposal
	for i := range proposalChunk + 5 {
		ps = append(ps, model.Proposal{Kind: model.ProposeFigure, Span: model.Span{Start: 25, End: 27}, Text: fmt.Sprintf("40 #%d", i), Value: 40})
	}
	ps = append(ps, ps[0])
	findingsErr, err := db.CreateArticleWithFindings(ctx, &a, ms, ps)
	if err != nil || findingsErr != nil {
		t.Fatalf("CreateArticleWithFindings = %v, %v", findingsErr, err)
	}
	gotMs, _, err := db.ListMentions(ctx, model.MentionFilter{ArticleID: a.ID})
	if err != nil || len(gotMs) != 1 || gotMs[0].ActorID != actor.ID || gotMs[0].Text != "Ana Ruiz" {
		t.Errorf("mentions = %+v, %v", gotMs, err)
	}
	gotPs, total, err := db.ListProposals(ctx, model.ProposalFilter{ArticleID: a.ID, Page: model.Page{Limit: 100}})
	if err != nil || total != proposalChunk+5 {
		t.Fatalf("proposals = %d (%v), want %d", total, err, proposalChunk+5)
	}
	for _, p := range gotPs {
		if p.State != model.ProposalOpen || p.UID == "" || p.Value != 40 {
			t.Errorf("stored proposal %+v", p)
		}
	}
}

func TestCreateArticleWithFindingsKeepsArticleWhenFindingsFail(t *testing.T) {
	db := mustCreate(t)
	ctx := context.Background()
	a := model.Article{Title: "Short", Body: "Twelve words."}
	bad := []model.Proposal{{Kind: model.ProposeFigure, Span: model.Span{Start: 0, End: 6}, Text: "Twelve"},
		{Kind: model.ProposeFigure, Span: model.Span{Start: 5, End: 500}, Text: "past the end"}}
	findingsErr, err := db.CreateArticleWithFindings(ctx, &a, nil, bad)
	if err != nil {
		t.Fatalf("the article was refused: %v", err)
	}
	if !errors.Is(findingsErr, model.ErrInvalid) {
		t.Errorf("findings error = %v, want an invalid span", findingsErr)
	}
	if _, err := db.Article(ctx, a.ID); err != nil {
		t.Errorf("the article is gone: %v", err)
	}
	if _, n, _ := db.ListProposals(ctx, model.ProposalFilter{ArticleID: a.ID}); n != 0 {
		t.Errorf("%d proposals kept from a failed set, want none", n)
	}
}

func TestCreateArticleWithFindingsReportsDuplicate(t *testing.T) {
	db := mustCreate(t)
	ctx := context.Background()
	first := model.Article{Title: "One", Body: "Same text."}
	if _, err := db.CreateArticleWithFindings(ctx, &first, nil, nil); err != nil {
		t.Fatal(err)
	}
	again := model.Article{Title: "Two", Body: "Same text."}
	_, err := db.CreateArticleWithFindings(ctx, &again, nil, []model.Proposal{{Kind: model.ProposeFigure, Span: model.Span{Start: 0, End: 4}, Text: "Same"}})
	var dup *model.DuplicateError
	if !errors.As(err, &dup) || dup.ArticleID != first.ID {
		t.Fatalf("second import = %v, want a duplicate of %d", err, first.ID)
	}
	if _, n, _ := db.ListProposals(ctx, model.ProposalFilter{}); n != 0 {
		t.Errorf("a duplicate left %d proposals", n)
	}
}

// failingSavepoint is a transaction on which one savepoint statement fails.
type failingSavepoint struct {
	tx   *sql.Tx
	fail string
}

func (f failingSavepoint) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if query == f.fail {
		return nil, errors.New("disk I/O error")
	}
	return f.tx.ExecContext(ctx, query, args...)
}

// When the findings cannot be undone (or the savepoint released), the
// transaction holds an unknown part of them: the failure is fatal, not a
// findings error with which the article would be committed.
func TestFindingsSavepointFailureIsFatal(t *testing.T) {
	for _, stmt := range []string{"ROLLBACK TO findings", "RELEASE findings"} {
		t.Run(stmt, func(t *testing.T) {
			db := mustCreate(t)
			ctx := context.Background()
			a := model.Article{Title: "Short", Body: "Twelve words."}
			bad := []model.Proposal{{Kind: model.ProposeFigure, Span: model.Span{Start: 0, End: 6}, Text: "Twelve"},
				{Kind: model.ProposeFigure, Span: model.Span{Start: 5, End: 500}, Text: "past the end"}}
			if stmt == "RELEASE findings" {
				bad = bad[:1]
			}
			var findingsErr error
			err := db.update(ctx, "create article", func(tx *sql.Tx) error {
				if err := db.insertArticle(ctx, tx, &a); err != nil {
					return err
				}
				var fatal error
				findingsErr, fatal = db.findingsOfNewArticle(ctx, failingSavepoint{tx, stmt}, tx, &a, nil, bad)
				return fatal
			})
			if err == nil || !strings.Contains(err.Error(), "disk I/O error") {
				t.Fatalf("err = %v (findings error %v), want the failed %s", err, findingsErr, stmt)
			}
			if _, n, _ := db.ListArticles(ctx, model.ArticleFilter{}); n != 0 {
				t.Errorf("%d articles committed, want none", n)
			}
		})
	}
}
