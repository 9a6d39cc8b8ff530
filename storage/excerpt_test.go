package storage

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"dossier/model"
)

func TestExcerptCRUD(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	a := addArticle(t, db, model.Article{Title: "Miami", Body: sampleBody(t)})
	diplomacy, talks := addTag(t, db, "Diplomacy", 0), addTag(t, db, "Talks", 0)
	witkoff, umerov := addActorRow(t, db, "Steve Witkoff"), addActorRow(t, db, "Rustem Umerov")
	plan := addDocumentRow(t, db, "28-point proposal")

	e := quoteExcerpt(t, a, "productive and constructive")
	e.Note, e.Stance, e.SpeakerID, e.Credibility = "both sides", "sounds rehearsed", witkoff, 2
	e.TagIDs, e.ActorIDs, e.DocumentIDs = []int64{talks.ID, diplomacy.ID, talks.ID}, []int64{umerov, witkoff}, []int64{plan}
	if err := db.CreateExcerpt(ctx, &e); err != nil {
		t.Fatal(err)
	}
	if e.ID == 0 || len(e.UID) != 36 || !reflect.DeepEqual(e.TagIDs, []int64{diplomacy.ID, talks.ID}) ||
		!reflect.DeepEqual(e.ActorIDs, []int64{witkoff, umerov}) {
		t.Fatalf("not filled or links not sorted: %+v", e)
	}
	got, err := db.Excerpt(ctx, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, e) {
		t.Fatalf("read back %+v\nwant %+v", got, e)
	}

	moved := quoteExcerpt(t, a, "28-point proposal")
	e.Span, e.Selector = moved.Span, moved.Selector
	e.Kind, e.Note, e.Stance, e.SpeakerID, e.Credibility = model.ExcerptClaim, "", "", 0, 6
	e.TagIDs, e.ActorIDs, e.DocumentIDs = []int64{talks.ID}, nil, []int64{plan}
	if err := db.UpdateExcerpt(ctx, &e); err != nil {
		t.Fatal(err)
	}
	if got, _ = db.Excerpt(ctx, e.ID); !reflect.DeepEqual(got, e) {
		t.Fatalf("after update %+v\nwant %+v", got, e)
	}
	if n := rowCount(t, db, "excerpt_actors", "excerpt_id = ?", e.ID); n != 0 {
		t.Fatalf("%d actor links left after clearing them", n)
	}

	bad := e
	bad.SpeakerID = 999
	if err := db.UpdateExcerpt(ctx, &bad); !errors.Is(err, model.ErrInvalid) || !strings.Contains(err.Error(), "actor 999") {
		t.Fatalf("missing speaker: got %v, want ErrInvalid naming actor 999", err)
	}
	bad = e
	bad.DocumentIDs = []int64{plan, 555}
	if err := db.UpdateExcerpt(ctx, &bad); !errors.Is(err, model.ErrInvalid) || !strings.Contains(err.Error(), "document 555") {
		t.Fatalf("missing document: got %v, want ErrInvalid naming document 555", err)
	}
	if got, _ = db.Excerpt(ctx, e.ID); !reflect.DeepEqual(got, e) {
		t.Fatalf("a refused update changed the excerpt: %+v", got)
	}

	missing := e
	missing.ID = 999
	if err := db.UpdateExcerpt(ctx, &missing); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("update a missing excerpt: got %v, want ErrNotFound", err)
	}
	if err := db.DeleteExcerpt(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Excerpt(ctx, e.ID); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("after delete: got %v, want ErrNotFound", err)
	}
	if err := db.DeleteExcerpt(ctx, e.ID); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("delete twice: got %v, want ErrNotFound", err)
	}
	for _, table := range []string{"excerpt_tags", "excerpt_actors", "excerpt_documents"} {
		if n := rowCount(t, db, table, "1"); n != 0 {
			t.Errorf("%s: %d links left after deleting the excerpt", table, n)
		}
	}
	if n := rowCount(t, db, "tags", "1") + rowCount(t, db, "actors", "1") + rowCount(t, db, "documents", "1"); n != 5 {
		t.Errorf("deleting an excerpt removed what it linked to: %d rows left, want 5", n)
	}
	mustCheck(t, db)
}

func TestExcerptSpanMustFitTheText(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	// 19 code points in 35 bytes: a check that counted bytes would let 0:30 through.
	a := addArticle(t, db, model.Article{Title: "Переговоры", Body: "Переговоры в Майами"})
	sel := model.TextQuoteSelector{Exact: "Майами"}
	tests := []struct {
		name     string
		article  int64
		span     model.Span
		orphaned bool
		want     string // "" when accepted
	}{
		{"whole text", a.ID, model.Span{Start: 0, End: 19}, false, ""},
		{"last word", a.ID, model.Span{Start: 13, End: 19}, false, ""},
		{"one past the end", a.ID, model.Span{Start: 13, End: 20}, false, "span 13:20 runs past the end of the text (19 characters)"},
		{"within the bytes", a.ID, model.Span{Start: 0, End: 30}, false, "span 0:30 runs past the end of the text (19 characters)"},
		{"orphan where the quote was last seen", a.ID, model.Span{Start: 40, End: 46}, true, ""},
		{"missing article", 999, model.Span{Start: 0, End: 1}, false, "article 999 does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := model.Excerpt{ArticleID: tt.article, Span: tt.span, Selector: sel, Kind: model.ExcerptOther, Orphaned: tt.orphaned}
			err := db.CreateExcerpt(ctx, &e)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("create: %v", err)
				}
				return
			}
			if !errors.Is(err, model.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("create: got %v, want ErrInvalid saying %q", err, tt.want)
			}
			ok := model.Excerpt{ArticleID: a.ID, Span: model.Span{Start: 13, End: 19}, Selector: sel, Kind: model.ExcerptOther}
			if err := db.CreateExcerpt(ctx, &ok); err != nil {
				t.Fatal(err)
			}
			ok.ArticleID, ok.Span = tt.article, tt.span
			if err := db.UpdateExcerpt(ctx, &ok); !errors.Is(err, model.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("update: got %v, want ErrInvalid saying %q", err, tt.want)
			}
			if got, _ := db.Excerpt(ctx, ok.ID); got.Span != (model.Span{Start: 13, End: 19}) || got.ArticleID != a.ID {
				t.Fatalf("a refused update changed the excerpt: %+v", got)
			}
		})
	}
	mustCheck(t, db)
}

// excerptFixture is a small workspace on which every filter of
// ListExcerpts selects a known set of excerpts, named e1 … e6 in the order
// the listing returns them (by article, then position).
type excerptFixture struct {
	db                           *DB
	reuters, kyiv                int64
	diplomacy, talks, miami, war int64
	witkoff, umerov, peskov      int64
	plan28, plan20               int64
	plans                        int64 // the second article
	names                        map[int64]string
}

func newExcerptFixture(t *testing.T) excerptFixture {
	t.Helper()
	db := mustCreate(t)
	f := excerptFixture{db: db, names: map[int64]string{}}
	f.kyiv, f.reuters = addSource(t, db, "Kyiv Independent").ID, addSource(t, db, "Reuters").ID
	f.diplomacy = addTag(t, db, "Diplomacy", 0).ID
	f.talks = addTag(t, db, "Talks", f.diplomacy).ID
	f.miami = addTag(t, db, "Miami", f.talks).ID
	f.war = addTag(t, db, "War", 0).ID
	f.witkoff, f.umerov, f.peskov = addActorRow(t, db, "Witkoff"), addActorRow(t, db, "Umerov"), addActorRow(t, db, "Peskov")
	f.plan28, f.plan20 = addDocumentRow(t, db, "28-point plan"), addDocumentRow(t, db, "20-point plan")

	a1 := addArticle(t, db, model.Article{Title: "Miami talks", SourceID: f.kyiv, PublishedAt: at("2025-12-01 10:00:00"),
		Body: "Witkoff called the talks productive. Peskov said Europe wants war. About 1,300 drones were launched."})
	a2 := addArticle(t, db, model.Article{Title: "Plans", SourceID: f.reuters, PublishedAt: at("2025-12-05 18:30:00"),
		Body: "Umerov said the 20-point plan replaces the 28-point plan. Talks resumed on Sunday."})
	f.plans = a2.ID
	a3 := addArticle(t, db, model.Article{Title: "Undated", Body: "Peskov was mentioned in an undated note."})

	add := func(name string, a model.Article, quote string, kind model.ExcerptKind, set func(*model.Excerpt)) {
		e := quoteExcerpt(t, a, quote)
		e.Kind = kind
		set(&e)
		f.names[addExcerpt(t, db, e).ID] = name
	}
	// Added out of order, so that the listing's order is its own.
	add("e3", a1, "About 1,300 drones", model.ExcerptFigure, func(e *model.Excerpt) { e.TagIDs = []int64{f.diplomacy} })
	add("e1", a1, "Witkoff called the talks productive", model.ExcerptQuote, func(e *model.Excerpt) {
		e.SpeakerID, e.TagIDs, e.Credibility, e.DocumentIDs = f.witkoff, []int64{f.miami}, 2, []int64{f.plan28}
	})
	add("e2", a1, "Peskov said Europe wants war", model.ExcerptClaim, func(e *model.Excerpt) {
		e.SpeakerID, e.ActorIDs, e.TagIDs, e.Credibility = f.peskov, []int64{f.umerov}, []int64{f.war}, 5
	})
	add("e5", a2, "Talks resumed on Sunday", model.ExcerptEvent, func(e *model.Excerpt) { e.Orphaned, e.Credibility = true, 6 })
	add("e4", a2, "Umerov said the 20-point plan", model.ExcerptQuote, func(e *model.Excerpt) {
		e.SpeakerID, e.ActorIDs, e.DocumentIDs, e.TagIDs, e.Credibility = f.umerov, []int64{f.witkoff}, []int64{f.plan20, f.plan28}, []int64{f.talks}, 1
	})
	add("e6", a3, "Peskov was mentioned", model.ExcerptOther, func(e *model.Excerpt) { e.ActorIDs, e.Credibility = []int64{f.peskov}, 3 })
	return f
}

func (f excerptFixture) list(t *testing.T, filter model.ExcerptFilter) ([]string, int) {
	t.Helper()
	got, total, err := f.db.ListExcerpts(context.Background(), filter)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range got {
		names = append(names, f.names[e.ID])
	}
	return names, total
}

func TestListExcerptsFilters(t *testing.T) {
	f := newExcerptFixture(t)
	all := strings.Fields("e1 e2 e3 e4 e5 e6")
	tests := []struct {
		name   string
		filter model.ExcerptFilter
		want   string
	}{
		{"no filter", model.ExcerptFilter{}, "e1 e2 e3 e4 e5 e6"},
		{"article", model.ExcerptFilter{ArticleID: f.plans}, "e4 e5"},
		{"tag and every tag below it", model.ExcerptFilter{TagID: f.diplomacy}, "e1 e3 e4"},
		{"middle tag", model.ExcerptFilter{TagID: f.talks}, "e1 e4"},
		{"leaf tag", model.ExcerptFilter{TagID: f.miami}, "e1"},
		{"other tree", model.ExcerptFilter{TagID: f.war}, "e2"},
		{"kind", model.ExcerptFilter{Kind: model.ExcerptQuote}, "e1 e4"},
		{"speaker", model.ExcerptFilter{SpeakerID: f.witkoff}, "e1"},
		{"actor as speaker or involved", model.ExcerptFilter{ActorID: f.witkoff}, "e1 e4"},
		{"actor involved twice", model.ExcerptFilter{ActorID: f.umerov}, "e2 e4"},
		{"actor speaking and involved", model.ExcerptFilter{ActorID: f.peskov}, "e2 e6"},
		{"document", model.ExcerptFilter{DocumentID: f.plan28}, "e1 e4"},
		{"other document", model.ExcerptFilter{DocumentID: f.plan20}, "e4"},
		{"source", model.ExcerptFilter{SourceID: f.kyiv}, "e1 e2 e3"},
		{"other source", model.ExcerptFilter{SourceID: f.reuters}, "e4 e5"},
		{"from a day", model.ExcerptFilter{From: at("2025-12-02")}, "e4 e5"},
		{"to a day, all of it", model.ExcerptFilter{To: at("2025-12-01")}, "e1 e2 e3"},
		{"to an instant", model.ExcerptFilter{To: at("2025-12-05 18:29:59")}, "e1 e2 e3"},
		{"between", model.ExcerptFilter{From: at("2025-12-01"), To: at("2025-12-05")}, "e1 e2 e3 e4 e5"},
		{"credibility at least 3", model.ExcerptFilter{MinCredibility: 3}, "e2 e5 e6"},
		{"credibility at most 2, ungraded left out", model.ExcerptFilter{MaxCredibility: 2}, "e1 e4"},
		{"credibility between", model.ExcerptFilter{MinCredibility: 2, MaxCredibility: 5}, "e1 e2 e6"},
		{"orphans", model.ExcerptFilter{OrphansOnly: true}, "e5"},
		{"source and kind", model.ExcerptFilter{SourceID: f.kyiv, Kind: model.ExcerptClaim}, "e2"},
		{"tag and actor", model.ExcerptFilter{TagID: f.diplomacy, ActorID: f.witkoff}, "e1 e4"},
		{"nothing matches", model.ExcerptFilter{SpeakerID: f.witkoff, DocumentID: f.plan20}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, total := f.list(t, tt.filter)
			want := strings.Fields(tt.want)
			if !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
				t.Fatalf("got %v, want %v", got, want)
			}
			if total != len(want) {
				t.Fatalf("total %d, want %d", total, len(want))
			}
		})
	}
	if got, _ := f.list(t, model.ExcerptFilter{}); !reflect.DeepEqual(got, all) {
		t.Fatalf("order %v, want %v", got, all)
	}
}

func TestListExcerptsPaging(t *testing.T) {
	f := newExcerptFixture(t)
	pages := []struct {
		page  model.Page
		want  string
		total int
	}{
		{model.Page{Limit: 4}, "e1 e2 e3 e4", 6},
		{model.Page{Limit: 4, Offset: 4}, "e5 e6", 6},
		{model.Page{Limit: 2, Offset: 1}, "e2 e3", 6},
		{model.Page{Limit: 4, Offset: 8}, "", 6},
	}
	for _, p := range pages {
		got, total := f.list(t, model.ExcerptFilter{Page: p.page})
		if want := strings.Fields(p.want); (len(got) > 0 || len(want) > 0) && !reflect.DeepEqual(got, want) {
			t.Errorf("page %+v: got %v, want %v", p.page, got, want)
		}
		if total != p.total {
			t.Errorf("page %+v: total %d, want %d", p.page, total, p.total)
		}
	}
	got, total := f.list(t, model.ExcerptFilter{TagID: f.diplomacy, Page: model.Page{Limit: 1, Offset: 1}})
	if !reflect.DeepEqual(got, []string{"e3"}) || total != 3 {
		t.Errorf("filtered page: got %v of %d, want [e3] of 3", got, total)
	}
	mustCheck(t, f.db)
}

func TestListExcerptsSorted(t *testing.T) {
	f := newExcerptFixture(t)
	tests := []struct {
		sort      model.ExcerptSort
		asc, desc string
	}{
		{model.ExcerptsByPosition, "e1 e2 e3 e4 e5 e6", "e6 e5 e4 e3 e2 e1"},
		{model.ExcerptsByQuote, "e3 e2 e6 e5 e4 e1", "e1 e4 e5 e6 e2 e3"},
		{model.ExcerptsByKind, "e2 e5 e3 e6 e1 e4", "e4 e1 e6 e3 e5 e2"},
		{model.ExcerptsByArticle, "e1 e2 e3 e4 e5 e6", "e6 e5 e4 e3 e2 e1"},
		// Without a source, without a date, without a speaker or a tag,
		// ungraded: last in both directions.
		{model.ExcerptsBySource, "e3 e1 e2 e5 e4 e6", "e4 e5 e2 e1 e3 e6"},
		{model.ExcerptsByPublished, "e1 e2 e3 e4 e5 e6", "e5 e4 e3 e2 e1 e6"},
		{model.ExcerptsBySpeaker, "e2 e4 e1 e3 e5 e6", "e1 e4 e2 e6 e5 e3"},
		{model.ExcerptsByTags, "e3 e1 e4 e2 e5 e6", "e2 e4 e1 e3 e6 e5"},
		{model.ExcerptsByCredibility, "e4 e1 e6 e2 e5 e3", "e5 e2 e6 e1 e4 e3"},
		{model.ExcerptsByCreated, "e3 e1 e2 e5 e4 e6", "e6 e4 e5 e2 e1 e3"},
	}
	for _, tt := range tests {
		t.Run(string(tt.sort), func(t *testing.T) {
			for _, desc := range []bool{false, true} {
				want := tt.asc
				if desc {
					want = tt.desc
				}
				got, total := f.list(t, model.ExcerptFilter{Sort: tt.sort, Desc: desc})
				if strings.Join(got, " ") != want || total != 6 {
					t.Errorf("desc=%v: got %v of %d, want %s of 6", desc, got, total, want)
				}
				// Pages of two, read one after another, give the same order:
				// the id settles ties, so no row is skipped or repeated.
				var paged []string
				for off := 0; off < 6; off += 2 {
					page, _ := f.list(t, model.ExcerptFilter{Sort: tt.sort, Desc: desc, Page: model.Page{Limit: 2, Offset: off}})
					paged = append(paged, page...)
				}
				if strings.Join(paged, " ") != want {
					t.Errorf("desc=%v: paged %v, want %s", desc, paged, want)
				}
			}
		})
	}
}

func TestListExcerptsUnknownSort(t *testing.T) {
	f := newExcerptFixture(t)
	_, _, err := f.db.ListExcerpts(context.Background(), model.ExcerptFilter{Sort: "colour"})
	if !errors.Is(err, model.ErrInvalid) {
		t.Fatalf("sort by colour: err = %v, want ErrInvalid", err)
	}
}

func TestListExcerptsText(t *testing.T) {
	f := newExcerptFixture(t)
	ctx := context.Background()
	for id, name := range f.names {
		if name != "e5" {
			continue
		}
		e, err := f.db.Excerpt(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		e.Note = "Ceasefire talk, 100% unconfirmed"
		if err := f.db.UpdateExcerpt(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct{ text, want string }{
		{"peskov", "e2 e6"},          // in the quote, any case
		{"CEASEFIRE", "e5"},          // in the note
		{"talks", "e1 e5"},           // quote of one, note of the other
		{"100%", "e5"},               // % is a character, not a wildcard
		{"1,300", "e3"},              // punctuation as typed
		{"_", ""},                    // _ is a character, not a wildcard
		{"Umerov said the 20", "e4"}, // several words, as one piece of text
	}
	for _, tt := range tests {
		got, total := f.list(t, model.ExcerptFilter{Text: tt.text})
		if strings.Join(got, " ") != tt.want || total != len(strings.Fields(tt.want)) {
			t.Errorf("text %q: got %v of %d, want %q", tt.text, got, total, tt.want)
		}
	}
	got, _ := f.list(t, model.ExcerptFilter{Text: "talks", Kind: model.ExcerptEvent})
	if strings.Join(got, " ") != "e5" {
		t.Errorf("text and kind: got %v, want [e5]", got)
	}
}
