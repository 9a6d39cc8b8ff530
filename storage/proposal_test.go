package storage

import (
	"context"
	"errors"
	"math"
	"reflect"
	"testing"

	"dossier/model"
)

// proposalAt builds an open proposal of kind for the occurrence-th text in a.
func proposalAt(tb testing.TB, a model.Article, kind model.ProposalKind, text string, occurrence int) model.Proposal {
	tb.Helper()
	span, err := model.NewText(a.Body).FindQuote(text, occurrence)
	if err != nil {
		tb.Fatalf("proposal %q: %v", text, err)
	}
	return model.Proposal{Kind: kind, Span: span, Text: text}
}

const proposalBody = `Kremlin spokesman Dmitry Peskov said the 20-point plan was "productive and constructive", ` +
	`Witkoff and Umerov said. About 1,300 attack drones were launched. Dmitry Peskov spoke again.`

// everyDetail is one proposal of each kind with every field of its kind set.
func everyDetail(tb testing.TB, a model.Article, speakers ...int64) []model.Proposal {
	peskov := proposalAt(tb, a, model.ProposeActor, "Dmitry Peskov", 1)
	peskov.Role, peskov.ActorKind, peskov.AliasOf = "Kremlin spokesman", model.ActorPerson, speakers[0]
	quote := proposalAt(tb, a, model.ProposeQuote, "productive and constructive", 1)
	quote.Speakers, quote.SpeakerIDs = []string{"Witkoff", "Umerov"}, speakers
	plan := proposalAt(tb, a, model.ProposeDocument, "20-point plan", 1)
	plan.DocumentKind = model.DocPlan
	drones := proposalAt(tb, a, model.ProposeFigure, "About 1,300 attack drones", 1)
	drones.Value, drones.Counts = 1300.5, "attack drones"
	return []model.Proposal{peskov, quote, plan, drones}
}

func TestProposalCRUD(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	a := addArticle(t, db, model.Article{Title: "Miami", Body: proposalBody})
	witkoff, umerov := addActorRow(t, db, "Steve Witkoff"), addActorRow(t, db, "Rustem Umerov")
	ps := everyDetail(t, a, witkoff, umerov)
	if err := db.ReplaceProposals(ctx, a.ID, ps); err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.ID == 0 || len(p.UID) != 36 || p.ArticleID != a.ID || p.State != model.ProposalOpen || p.CreatedAt.IsZero() {
			t.Fatalf("proposal %q not filled: %+v", p.Text, p)
		}
		got, err := db.Proposal(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, p) {
			t.Fatalf("read back %+v\nwant      %+v", got, p)
		}
	}

	quote := ps[1]
	excerpt := addExcerpt(t, db, quoteExcerpt(t, a, quote.Text))
	verdicts := []struct {
		name   string
		state  model.ProposalState
		result int64
		want   error // nil: accepted, and then read back
	}{
		{"accepted needs a result", model.ProposalAccepted, 0, model.ErrInvalid},
		{"the result must exist", model.ProposalAccepted, excerpt.ID + 100, model.ErrInvalid},
		{"unknown state", "maybe", excerpt.ID, model.ErrInvalid},
		{"accepted", model.ProposalAccepted, excerpt.ID, nil},
		{"a rejected one has no result", model.ProposalRejected, excerpt.ID, model.ErrInvalid},
		{"rejected clears the result", model.ProposalRejected, 0, nil},
		{"reopened", model.ProposalOpen, 0, nil},
	}
	for _, v := range verdicts {
		err := db.SetProposalState(ctx, quote.ID, v.state, v.result)
		if !errors.Is(err, v.want) || (v.want == nil) != (err == nil) {
			t.Fatalf("%s: got %v, want %v", v.name, err, v.want)
		}
		if v.want != nil {
			continue
		}
		got, err := db.Proposal(ctx, quote.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.State != v.state || got.ResultID != v.result || !got.UpdatedAt.After(quote.UpdatedAt) {
			t.Fatalf("%s: state %q result %d updated %v", v.name, got.State, got.ResultID, got.UpdatedAt)
		}
		got.State, got.ResultID, got.UpdatedAt = quote.State, quote.ResultID, quote.UpdatedAt
		if !reflect.DeepEqual(got, quote) {
			t.Fatalf("%s: other fields changed: %+v", v.name, got)
		}
	}
	// The result's table follows the kind: a document proposal becomes a
	// document, and there is none yet, whatever else has the id.
	if err := db.SetProposalState(ctx, ps[2].ID, model.ProposalAccepted, witkoff); !errors.Is(err, model.ErrInvalid) {
		t.Fatalf("document proposal accepted as actor %d (no such document): %v", witkoff, err)
	}
	plan := addDocumentRow(t, db, "20-point plan")
	for _, accept := range []struct {
		p      model.Proposal
		result int64
	}{{ps[0], witkoff}, {ps[2], plan}, {ps[3], excerpt.ID}} {
		if err := db.SetProposalState(ctx, accept.p.ID, model.ProposalAccepted, accept.result); err != nil {
			t.Fatalf("accept %q: %v", accept.p.Text, err)
		}
	}
	if err := db.SetProposalState(ctx, 999, model.ProposalRejected, 0); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("verdict on a missing proposal: %v", err)
	}

	if err := db.DeleteProposal(ctx, quote.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Proposal(ctx, quote.ID); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("after delete: got %v, want ErrNotFound", err)
	}
	if err := db.DeleteProposal(ctx, quote.ID); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("delete twice: got %v, want ErrNotFound", err)
	}
	mustCheck(t, db)
}

func TestProposalDetailReading(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	a := addArticle(t, db, model.Article{Title: "Miami", Body: proposalBody})
	p := proposalAt(t, a, model.ProposeDocument, "20-point plan", 1)
	p.DocumentKind = model.DocFramework
	ps := []model.Proposal{p}
	if err := db.ReplaceProposals(ctx, a.ID, ps); err != nil {
		t.Fatal(err)
	}
	var stored string
	if err := db.write.QueryRow("SELECT detail FROM proposals WHERE id = ?", ps[0].ID).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if want := `{"document_kind":"framework"}`; stored != want {
		t.Fatalf("detail stored as %s, want %s", stored, want)
	}
	// A later version may keep more; this one reads what it knows.
	if _, err := db.write.Exec(`UPDATE proposals SET detail = '{"document_kind":"plan","confidence":0.8,"parts":[1,2]}' WHERE id = ?`, ps[0].ID); err != nil {
		t.Fatal(err)
	}
	got, err := db.Proposal(ctx, ps[0].ID)
	if err != nil || got.DocumentKind != model.DocPlan {
		t.Fatalf("with unknown fields: %v %+v", err, got)
	}
	if _, err := db.write.Exec(`UPDATE proposals SET detail = '{"document_kind":' WHERE id = ?`, ps[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Proposal(ctx, ps[0].ID); err == nil {
		t.Fatal("damaged details were read without an error")
	}
	mustCheck(t, db)
}

func TestReplaceProposalsKeepsVerdicts(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	a := addArticle(t, db, model.Article{Title: "Miami", Body: proposalBody})
	other := addArticle(t, db, model.Article{Title: "Other", Body: "Dmitry Peskov elsewhere."})
	peskovActor := addActorRow(t, db, "Dmitry Peskov")
	accepted := proposalAt(t, a, model.ProposeActor, "Dmitry Peskov", 1)
	rejected := proposalAt(t, a, model.ProposeActor, "Dmitry Peskov", 2)
	stale := proposalAt(t, a, model.ProposeDocument, "20-point plan", 1)
	first := []model.Proposal{accepted, rejected, stale}
	if err := db.ReplaceProposals(ctx, a.ID, first); err != nil {
		t.Fatal(err)
	}
	elsewhere := []model.Proposal{proposalAt(t, other, model.ProposeActor, "Dmitry Peskov", 1)}
	if err := db.ReplaceProposals(ctx, other.ID, elsewhere); err != nil {
		t.Fatal(err)
	}
	if err := db.SetProposalState(ctx, first[0].ID, model.ProposalAccepted, peskovActor); err != nil {
		t.Fatal(err)
	}
	if err := db.SetProposalState(ctx, first[1].ID, model.ProposalRejected, 0); err != nil {
		t.Fatal(err)
	}

	changedText := stale
	changedText.Text = "20-point"
	changedText.Span.End -= len(" plan")
	asQuote := proposalAt(t, a, model.ProposeQuote, "Dmitry Peskov", 2)
	second := []model.Proposal{
		proposalAt(t, a, model.ProposeActor, "Dmitry Peskov", 1), // accepted already: not twice
		proposalAt(t, a, model.ProposeActor, "Dmitry Peskov", 2), // rejected: never again
		asQuote,     // the same span and text as another kind is new
		changedText, // the same start with other text is new
		proposalAt(t, a, model.ProposeFigure, "About 1,300 attack drones", 1),
		proposalAt(t, a, model.ProposeFigure, "About 1,300 attack drones", 1), // repeated in the batch
	}
	if err := db.ReplaceProposals(ctx, a.ID, second); err != nil {
		t.Fatal(err)
	}
	var inserted []int
	for i, p := range second {
		if p.ID != 0 {
			inserted = append(inserted, i)
		} else if p.UID != "" || !p.CreatedAt.IsZero() {
			t.Fatalf("skipped proposal %d was given an identity: %+v", i, p)
		}
	}
	if want := []int{2, 3, 4}; !reflect.DeepEqual(inserted, want) {
		t.Fatalf("inserted %v, want %v", inserted, want)
	}
	got, total, err := db.ListProposals(ctx, model.ProposalFilter{ArticleID: a.ID})
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		kind   model.ProposalKind
		text   string
		state  model.ProposalState
		result int64
	}
	var rows []row
	for _, p := range got {
		rows = append(rows, row{p.Kind, p.Text, p.State, p.ResultID})
	}
	want := []row{ // by position, then kind
		{model.ProposeActor, "Dmitry Peskov", model.ProposalAccepted, peskovActor},
		{model.ProposeDocument, "20-point", model.ProposalOpen, 0},
		{model.ProposeFigure, "About 1,300 attack drones", model.ProposalOpen, 0},
		{model.ProposeActor, "Dmitry Peskov", model.ProposalRejected, 0},
		{model.ProposeQuote, "Dmitry Peskov", model.ProposalOpen, 0},
	}
	if !reflect.DeepEqual(rows, want) || total != len(want) {
		t.Fatalf("proposals (total %d)\n got %v\nwant %v", total, rows, want)
	}
	if _, err := db.Proposal(ctx, first[2].ID); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("the stale open proposal is still there: %v", err)
	}
	if got, err := db.Proposal(ctx, elsewhere[0].ID); err != nil || !reflect.DeepEqual(got, elsewhere[0]) {
		t.Fatalf("another article's proposal changed: %v %+v", err, got)
	}
	mustCheck(t, db)
}

func TestReplaceProposalsRefused(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	a := addArticle(t, db, model.Article{Title: "Miami", Body: proposalBody})
	b := addArticle(t, db, model.Article{Title: "Other", Body: "Dmitry Peskov elsewhere."})
	kept := []model.Proposal{proposalAt(t, a, model.ProposeActor, "Dmitry Peskov", 1)}
	if err := db.ReplaceProposals(ctx, a.ID, kept); err != nil {
		t.Fatal(err)
	}
	good := proposalAt(t, a, model.ProposeDocument, "20-point plan", 1)
	with := func(f func(*model.Proposal)) model.Proposal {
		p := good
		f(&p)
		return p
	}
	tests := []struct {
		name    string
		article int64
		p       model.Proposal
		want    error
	}{
		{"another article's proposal", a.ID, with(func(p *model.Proposal) { p.ArticleID = b.ID }), model.ErrInvalid},
		{"already decided", a.ID, with(func(p *model.Proposal) { p.State = model.ProposalRejected }), model.ErrInvalid},
		{"open with a result", a.ID, with(func(p *model.Proposal) { p.ResultID = 1 }), model.ErrInvalid},
		{"unknown kind", a.ID, with(func(p *model.Proposal) { p.Kind = "rumour" }), model.ErrInvalid},
		{"no text", a.ID, with(func(p *model.Proposal) { p.Text = " " }), model.ErrInvalid},
		{"span past the end", a.ID, with(func(p *model.Proposal) { p.Span.End = 10_000 }), model.ErrInvalid},
		{"a figure that is not a number", a.ID, with(func(p *model.Proposal) { p.Value = math.NaN() }), model.ErrInvalid},
		{"an infinite figure", a.ID, with(func(p *model.Proposal) { p.Value = math.Inf(1) }), model.ErrInvalid},
		{"unknown actor kind", a.ID, with(func(p *model.Proposal) { p.ActorKind = "alien" }), model.ErrInvalid},
		{"no such article", 999, with(func(p *model.Proposal) { p.ArticleID = 0 }), model.ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// good comes first: a refusal must undo its insert and keep the
			// open proposal the delete would have removed.
			first := good
			if tt.article != a.ID {
				first.ArticleID = tt.article
			}
			err := db.ReplaceProposals(ctx, tt.article, []model.Proposal{first, tt.p})
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			got, total, err := db.ListProposals(ctx, model.ProposalFilter{})
			if err != nil || total != 1 || !reflect.DeepEqual(got, kept) {
				t.Fatalf("after a refusal: %v %d %+v", err, total, got)
			}
		})
	}
	mustCheck(t, db)
}

func TestListProposals(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	a := addArticle(t, db, model.Article{Title: "Miami", Body: proposalBody})
	b := addArticle(t, db, model.Article{Title: "Kyiv", Body: "Umerov and Dmitry Peskov; the 20-point plan."})
	witkoff := addActorRow(t, db, "Steve Witkoff")
	pa := everyDetail(t, a, witkoff)
	pb := []model.Proposal{
		proposalAt(t, b, model.ProposeDocument, "20-point plan", 1),
		proposalAt(t, b, model.ProposeActor, "Dmitry Peskov", 1),
		proposalAt(t, b, model.ProposeActor, "Umerov", 1),
	}
	if err := db.ReplaceProposals(ctx, b.ID, pb); err != nil { // b first: order is not insertion order
		t.Fatal(err)
	}
	if err := db.ReplaceProposals(ctx, a.ID, pa); err != nil {
		t.Fatal(err)
	}
	if err := db.SetProposalState(ctx, pb[1].ID, model.ProposalRejected, 0); err != nil {
		t.Fatal(err)
	}
	// By article, then position: Peskov (actor), the plan, the quote, the drones; then Umerov, Peskov, the plan.
	all := []int64{pa[0].ID, pa[2].ID, pa[1].ID, pa[3].ID, pb[2].ID, pb[1].ID, pb[0].ID}
	tests := []struct {
		name  string
		f     model.ProposalFilter
		want  []int64
		total int
	}{
		{"all", model.ProposalFilter{}, all, 7},
		{"one article", model.ProposalFilter{ArticleID: b.ID}, all[4:], 3},
		{"one kind", model.ProposalFilter{Kind: model.ProposeActor}, []int64{pa[0].ID, pb[2].ID, pb[1].ID}, 3},
		{"one state", model.ProposalFilter{State: model.ProposalOpen}, []int64{pa[0].ID, pa[2].ID, pa[1].ID, pa[3].ID, pb[2].ID, pb[0].ID}, 6},
		{"all three", model.ProposalFilter{ArticleID: b.ID, Kind: model.ProposeActor, State: model.ProposalRejected}, []int64{pb[1].ID}, 1},
		{"nothing", model.ProposalFilter{ArticleID: a.ID, State: model.ProposalAccepted}, nil, 0},
		{"first page", model.ProposalFilter{Page: model.Page{Limit: 3}}, all[:3], 7},
		{"middle page", model.ProposalFilter{Page: model.Page{Limit: 3, Offset: 3}}, all[3:6], 7},
		{"last page", model.ProposalFilter{Page: model.Page{Limit: 3, Offset: 6}}, all[6:], 7},
		{"past the end", model.ProposalFilter{Page: model.Page{Limit: 3, Offset: 9}}, nil, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, total, err := db.ListProposals(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, p := range got {
				ids = append(ids, p.ID)
			}
			if !reflect.DeepEqual(ids, tt.want) || total != tt.total {
				t.Fatalf("got %v (total %d), want %v (total %d)", ids, total, tt.want, tt.total)
			}
		})
	}
	// Listed proposals carry their details, like one read alone.
	got, _, err := db.ListProposals(ctx, model.ProposalFilter{ArticleID: a.ID})
	if want := []model.Proposal{pa[0], pa[2], pa[1], pa[3]}; err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("listed %v %+v\nwant in order of position %+v", err, got, pa)
	}
	mustCheck(t, db)
}
