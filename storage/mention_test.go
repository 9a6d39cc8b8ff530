package storage

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"dossier/model"
)

// mentionOf builds a mention of actor (or, with a negative id, document
// -id) at the first occurrence of text in a.
func mentionOf(t *testing.T, a model.Article, text string, actor int64, state model.MentionState) model.Mention {
	t.Helper()
	span, err := model.NewText(a.Body).FindQuote(text, 1)
	if err != nil {
		t.Fatal(err)
	}
	m := model.Mention{ArticleID: a.ID, Span: span, Text: text, ActorID: actor, State: state, Origin: model.OriginAlias}
	if actor < 0 {
		m.ActorID, m.DocumentID = 0, -actor
	}
	return m
}

func addMention(t *testing.T, db *DB, m model.Mention) model.Mention {
	t.Helper()
	if err := db.CreateMention(context.Background(), &m); err != nil {
		t.Fatalf("create mention %q: %v", m.Text, err)
	}
	return m
}

func TestMentionCRUD(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	a := addArticle(t, db, model.Article{Title: "Miami", Body: "Кремль: Witkoff met Umerov; Witkoff left."})
	witkoff, umerov := addActorRow(t, db, "Steve Witkoff"), addActorRow(t, db, "Rustem Umerov")
	m := mentionOf(t, a, "Witkoff", witkoff, model.MentionProposed)
	if m.Span != (model.Span{Start: 8, End: 15}) {
		t.Fatalf("test setup: span %v counts bytes, not code points", m.Span)
	}
	if err := db.CreateMention(ctx, &m); err != nil {
		t.Fatal(err)
	}
	if m.ID == 0 || len(m.UID) != 36 {
		t.Fatalf("not filled: %+v", m)
	}
	got, err := db.Mention(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got != m {
		t.Fatalf("read back %+v, want %+v", got, m)
	}

	refused := []struct {
		name string
		m    model.Mention
		want string
	}{
		{"same span, same actor", m, "article 1 already has a mention of actor 1 at 8:15"},
		{"span past the end", model.Mention{ArticleID: a.ID, Span: model.Span{Start: 40, End: 42}, Text: "x", ActorID: witkoff,
			State: model.MentionProposed, Origin: model.OriginAnalyst}, "span 40:42 runs past the end of the text (41 characters)"},
		{"missing actor", model.Mention{ArticleID: a.ID, Span: model.Span{Start: 0, End: 6}, Text: "Кремль", ActorID: 77,
			State: model.MentionProposed, Origin: model.OriginAnalyst}, "actor 77 does not exist"},
		{"missing article", model.Mention{ArticleID: 55, Span: model.Span{Start: 0, End: 6}, Text: "Кремль", ActorID: witkoff,
			State: model.MentionProposed, Origin: model.OriginAnalyst}, "article 55 does not exist"},
		{"actor and document", model.Mention{ArticleID: a.ID, Span: model.Span{Start: 0, End: 6}, Text: "Кремль", ActorID: witkoff,
			DocumentID: 1, State: model.MentionProposed, Origin: model.OriginAnalyst}, "exactly one actor or document"},
	}
	for _, tt := range refused {
		dup := tt.m
		dup.Meta = model.Meta{}
		kind := model.ErrInvalid
		if strings.Contains(tt.name, "same actor") {
			kind = model.ErrConflict
		}
		if err := db.CreateMention(ctx, &dup); !errors.Is(err, kind) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got %v, want %v saying %q", tt.name, err, kind, tt.want)
		}
	}
	other := addMention(t, db, mentionOf(t, a, "Witkoff", umerov, model.MentionProposed)) // same span, other actor: fine

	m.State, m.Origin, m.Text = model.MentionConfirmed, model.OriginAnalyst, "Witkoff"
	m.Span = model.Span{Start: 28, End: 35}
	if err := db.UpdateMention(ctx, &m); err != nil {
		t.Fatal(err)
	}
	if got, _ = db.Mention(ctx, m.ID); got != m {
		t.Fatalf("after update %+v, want %+v", got, m)
	}
	clash := other
	clash.ActorID = witkoff
	clash.Span = m.Span
	if err := db.UpdateMention(ctx, &clash); !errors.Is(err, model.ErrConflict) {
		t.Fatalf("update onto another mention: got %v, want ErrConflict", err)
	}
	if err := db.SetMentionState(ctx, m.ID, model.MentionRejected); err != nil {
		t.Fatal(err)
	}
	if got, _ = db.Mention(ctx, m.ID); got.State != model.MentionRejected || !got.UpdatedAt.After(m.UpdatedAt) {
		t.Fatalf("after SetMentionState: %+v", got)
	}
	for _, state := range []model.MentionState{"", "maybe"} {
		if err := db.SetMentionState(ctx, m.ID, state); !errors.Is(err, model.ErrInvalid) {
			t.Errorf("state %q: got %v, want ErrInvalid", state, err)
		}
	}
	if err := db.SetMentionState(ctx, 999, model.MentionConfirmed); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("state of a missing mention: got %v, want ErrNotFound", err)
	}
	missing := m
	missing.ID = 999
	if err := db.UpdateMention(ctx, &missing); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("update a missing mention: got %v, want ErrNotFound", err)
	}
	if err := db.DeleteMention(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Mention(ctx, m.ID); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("after delete: got %v, want ErrNotFound", err)
	}
	if err := db.DeleteMention(ctx, m.ID); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("delete twice: got %v, want ErrNotFound", err)
	}
	mustCheck(t, db)
}

func TestListMentions(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	a1 := addArticle(t, db, model.Article{Title: "One", Body: "Witkoff and Umerov discussed the 20-point plan."})
	a2 := addArticle(t, db, model.Article{Title: "Two", Body: "Umerov rejected the 28-point plan; Witkoff did not."})
	witkoff, umerov := addActorRow(t, db, "Witkoff"), addActorRow(t, db, "Umerov")
	plan := addDocumentRow(t, db, "20-point plan")
	names := map[int64]string{}
	add := func(name string, m model.Mention) { names[addMention(t, db, m).ID] = name }
	// Added out of order, so that the listing's order is its own.
	add("m5", mentionOf(t, a2, "Witkoff", witkoff, model.MentionRejected))
	add("m2", mentionOf(t, a1, "Umerov", umerov, model.MentionConfirmed))
	add("m1", mentionOf(t, a1, "Witkoff", witkoff, model.MentionProposed))
	add("m3", mentionOf(t, a1, "20-point plan", -plan, model.MentionProposed))
	add("m4", mentionOf(t, a2, "Umerov", umerov, model.MentionProposed))
	tests := []struct {
		name  string
		f     model.MentionFilter
		want  string
		total int
	}{
		{"all", model.MentionFilter{}, "m1 m2 m3 m4 m5", 5},
		{"article", model.MentionFilter{ArticleID: a2.ID}, "m4 m5", 2},
		{"actor", model.MentionFilter{ActorID: umerov}, "m2 m4", 2},
		{"document", model.MentionFilter{DocumentID: plan}, "m3", 1},
		{"state", model.MentionFilter{State: model.MentionProposed}, "m1 m3 m4", 3},
		{"actor and state", model.MentionFilter{ActorID: witkoff, State: model.MentionRejected}, "m5", 1},
		{"page", model.MentionFilter{Page: model.Page{Limit: 2, Offset: 2}}, "m3 m4", 5},
		{"nothing", model.MentionFilter{DocumentID: plan, ArticleID: a2.ID}, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, total, err := db.ListMentions(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var gotNames []string
			for _, m := range got {
				gotNames = append(gotNames, names[m.ID])
			}
			if strings.Join(gotNames, " ") != tt.want || total != tt.total {
				t.Fatalf("got %v (total %d), want %s (total %d)", gotNames, total, tt.want, tt.total)
			}
		})
	}
}

func TestReplaceProposedMentions(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	a := addArticle(t, db, model.Article{Title: "Miami",
		Body: "Witkoff met Umerov. Dmitriev met Witkoff. The US envoy, Witkoff, flew home."})
	other := addArticle(t, db, model.Article{Title: "Other", Body: "Witkoff elsewhere."})
	witkoff, umerov, dmitriev := addActorRow(t, db, "Witkoff"), addActorRow(t, db, "Umerov"), addActorRow(t, db, "Dmitriev")
	body := model.NewText(a.Body)
	at := func(quote string, n int, actor int64) model.Mention {
		span, err := body.FindQuote(quote, n)
		if err != nil {
			t.Fatal(err)
		}
		return model.Mention{Span: span, Text: quote, ActorID: actor, Origin: model.OriginAlias}
	}
	confirmed, rejected, stale := at("Witkoff", 1, witkoff), at("Witkoff", 2, witkoff), at("Umerov", 1, umerov)
	for _, m := range []struct {
		m     *model.Mention
		state model.MentionState
	}{{&confirmed, model.MentionConfirmed}, {&rejected, model.MentionRejected}, {&stale, model.MentionProposed}} {
		m.m.ArticleID, m.m.State = a.ID, m.state
		*m.m = addMention(t, db, *m.m)
	}
	elsewhere := addMention(t, db, mentionOf(t, other, "Witkoff", witkoff, model.MentionProposed))

	proposals := []model.Mention{
		at("Witkoff", 1, witkoff),  // confirmed already: skipped
		at("Witkoff", 2, witkoff),  // rejected: never proposed again
		at("Witkoff", 2, dmitriev), // the same span for someone else is a new proposal
		at("Witkoff", 3, witkoff),  // new
		at("Witkoff", 3, witkoff),  // repeated in the batch: skipped
		at("Dmitriev", 1, dmitriev),
	}
	if err := db.ReplaceProposedMentions(ctx, a.ID, proposals); err != nil {
		t.Fatal(err)
	}
	var inserted []int
	for i, m := range proposals {
		if m.ID != 0 {
			inserted = append(inserted, i)
		}
	}
	if !reflect.DeepEqual(inserted, []int{2, 3, 5}) {
		t.Fatalf("inserted proposals %v, want [2 3 5]", inserted)
	}
	got, total, err := db.ListMentions(ctx, model.MentionFilter{ArticleID: a.ID})
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		text  string
		start int
		actor int64
		state model.MentionState
	}
	var rows []row
	for _, m := range got {
		rows = append(rows, row{m.Text, m.Span.Start, m.ActorID, m.State})
	}
	want := []row{
		{"Witkoff", 0, witkoff, model.MentionConfirmed},
		{"Dmitriev", 20, dmitriev, model.MentionProposed},
		{"Witkoff", 33, witkoff, model.MentionRejected},
		{"Witkoff", 33, dmitriev, model.MentionProposed},
		{"Witkoff", 56, witkoff, model.MentionProposed},
	}
	if !reflect.DeepEqual(rows, want) || total != 5 {
		t.Fatalf("mentions %v (total %d)\nwant %v", rows, total, want)
	}
	if _, err := db.Mention(ctx, stale.ID); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("the old proposal is still there: %v", err)
	}
	if got, _ := db.Mention(ctx, elsewhere.ID); got != elsewhere {
		t.Fatalf("another article's proposal changed: %+v", got)
	}

	refused := []struct {
		name    string
		article int64
		m       model.Mention
		want    error
	}{
		{"missing article", 999, model.Mention{}, model.ErrNotFound},
		{"another article's mention", a.ID, model.Mention{ArticleID: other.ID}, model.ErrInvalid},
		{"a verdict, not a proposal", a.ID, model.Mention{State: model.MentionConfirmed}, model.ErrInvalid},
		{"span past the end", a.ID, model.Mention{Span: model.Span{Start: 70, End: 90}}, model.ErrInvalid},
	}
	for _, tt := range refused {
		t.Run(tt.name, func(t *testing.T) {
			m := tt.m
			m.Text, m.ActorID, m.Origin = "Witkoff", umerov, model.OriginAlias
			if m.Span.End == 0 {
				m.Span = model.Span{Start: 0, End: 7}
			}
			if err := db.ReplaceProposedMentions(ctx, tt.article, []model.Mention{m}); !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			if _, n, _ := db.ListMentions(ctx, model.MentionFilter{ArticleID: a.ID}); n != 5 {
				t.Fatalf("a refused replacement changed the mentions: %d left", n)
			}
		})
	}

	if err := db.ReplaceProposedMentions(ctx, a.ID, nil); err != nil {
		t.Fatal(err)
	}
	if _, n, _ := db.ListMentions(ctx, model.MentionFilter{ArticleID: a.ID, State: model.MentionProposed}); n != 0 {
		t.Fatalf("%d proposals left after replacing them with none", n)
	}
	if _, n, _ := db.ListMentions(ctx, model.MentionFilter{ArticleID: a.ID}); n != 2 {
		t.Fatalf("%d verdicts left, want the confirmed and the rejected one", n)
	}
	mustCheck(t, db)
}
