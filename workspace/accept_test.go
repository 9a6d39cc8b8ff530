package workspace

import (
	"context"
	"strings"
	"testing"

	"dossier/model"
)

func proposalsOf(t *testing.T, ws *Workspace, articleID int64, kind model.ProposalKind) []model.Proposal {
	t.Helper()
	ps, _, err := ws.ListProposals(context.Background(), model.ProposalFilter{ArticleID: articleID, Kind: kind, State: model.ProposalOpen})
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

func TestAcceptAndRejectProposals(t *testing.T) {
	ctx := context.Background()
	ws := mustCreate(t)
	res, err := ws.Import(ctx, []string{samplePath}, nil)
	if err != nil || res[0].Status != Imported {
		t.Fatal(res, err)
	}
	id := res[0].ArticleID
	if _, _, err := ws.Suggest(ctx, id); err != nil {
		t.Fatal(err)
	}

	var peskov model.Proposal
	for _, p := range proposalsOf(t, ws, id, model.ProposeActor) {
		if p.Text == "Dmitry Peskov" {
			peskov = p
		}
	}
	if peskov.ID == 0 {
		t.Fatalf("no actor proposal for Dmitry Peskov among %+v", proposalsOf(t, ws, id, model.ProposeActor))
	}
	acc, err := ws.Accept(ctx, peskov.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	actor, err := ws.Actor(ctx, acc.ID)
	if err != nil || actor.Name != "Dmitry Peskov" || !strings.Contains(strings.ToLower(actor.Role), "spokesman") {
		t.Fatalf("accepted actor %+v (%v)", actor, err)
	}
	if acc.Proposal.State != model.ProposalAccepted || acc.Proposal.ResultID != actor.ID {
		t.Fatalf("proposal after accepting: %+v", acc.Proposal)
	}
	if _, err := ws.Accept(ctx, peskov.ID, 0); err == nil {
		t.Fatal("accepted the same proposal twice")
	}
	ws.WaitRescans()
	prof, err := ws.ActorProfile(ctx, actor.ID)
	if err != nil || len(prof.Mentions) == 0 {
		t.Fatalf("the new actor has no mentions in the article: %+v %v", prof.Mentions, err)
	}

	quotes := proposalsOf(t, ws, id, model.ProposeQuote)
	if len(quotes) == 0 {
		t.Fatal("no quote proposals")
	}
	q, err := ws.Accept(ctx, quotes[0].ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	ex, err := ws.Excerpt(ctx, q.ID)
	if err != nil || ex.Kind != model.ExcerptQuote || ex.Selector.Exact != quotes[0].Text {
		t.Fatalf("quote excerpt %+v (%v), want %q", ex, err, quotes[0].Text)
	}

	figures := proposalsOf(t, ws, id, model.ProposeFigure)
	if len(figures) == 0 {
		t.Fatal("no figure proposals")
	}
	if err := ws.Reject(ctx, figures[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Rescan(ctx, []int64{id}, nil); err != nil {
		t.Fatal(err)
	}
	for _, p := range proposalsOf(t, ws, id, model.ProposeFigure) {
		if p.Span == figures[0].Span && p.Text == figures[0].Text {
			t.Fatalf("a rejected figure was proposed again: %+v", p)
		}
	}
	for _, p := range proposalsOf(t, ws, id, model.ProposeActor) {
		if p.Text == "Dmitry Peskov" {
			t.Fatalf("an accepted actor was proposed again: %+v", p)
		}
	}
}
