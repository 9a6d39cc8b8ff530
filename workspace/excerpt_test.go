package workspace

import (
	"context"
	"errors"
	"strings"
	"testing"

	"dossier/model"
)

const mixedText = "«Переговоры продолжатся», — сказал Дмитрий Песков.\n\nZelenskyy’s aide said the “productive and constructive” talks 🤝 would resume in Zürich; «Переговоры продолжатся» again.\n\nCafé owners in Grabovske counted 60 people 👩‍👩‍👧 taken."

func importText(t *testing.T, ws *Workspace, text string) int64 {
	t.Helper()
	r, err := ws.ImportText(context.Background(), "test", text)
	if err != nil {
		t.Fatal(err)
	}
	return r.ArticleID
}

func TestExcerptQuoteSpanRoundTrip(t *testing.T) {
	ctx := context.Background()
	ws := mustCreate(t)
	id := importText(t, ws, mixedText)
	cases := []struct {
		quote string
		occ   int
	}{
		{"Переговоры продолжатся", 1},
		{"Переговоры продолжатся", 2},
		{"“productive and constructive”", 1},
		{"talks 🤝 would resume in Zürich", 1},
		{"60 people 👩‍👩‍👧 taken", 1},
		{"Zelenskyy’s aide", 1},
	}
	for _, c := range cases {
		e, err := ws.ExcerptOfQuote(ctx, id, c.quote, c.occ)
		if err != nil {
			t.Fatalf("%q #%d: %v", c.quote, c.occ, err)
		}
		e.Kind = model.ExcerptQuote
		if err := ws.CreateExcerpt(ctx, &e); err != nil {
			t.Fatal(err)
		}
		got, err := ws.Excerpt(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := ws.Article(ctx, id)
		text, err := model.NewText(a.Body).Slice(got.Span)
		if err != nil || text != c.quote || got.Selector.Exact != c.quote {
			t.Fatalf("%q: span %v reads %q, selector %q", c.quote, got.Span, text, got.Selector.Exact)
		}
		again, err := ws.ExcerptAt(ctx, id, got.Span)
		if err != nil || again.Selector != got.Selector {
			t.Fatalf("%q: span → selector %+v, want %+v (%v)", c.quote, again.Selector, got.Selector, err)
		}
	}
	second, _ := ws.ExcerptOfQuote(ctx, id, "Переговоры продолжатся", 2)
	first, _ := ws.ExcerptOfQuote(ctx, id, "Переговоры продолжатся", 1)
	if second.Span.Start <= first.Span.Start {
		t.Fatalf("second occurrence %v is not after the first %v", second.Span, first.Span)
	}
	if _, err := ws.ExcerptOfQuote(ctx, id, "Переговоры продолжатся", 3); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("third occurrence: %v", err)
	}
	if _, err := ws.ExcerptAt(ctx, id, model.Span{Start: 5, End: 5000}); !errors.Is(err, model.ErrInvalid) {
		t.Fatalf("span past the end: %v", err)
	}
}

func TestReviseArticleReanchors(t *testing.T) {
	ctx := context.Background()
	ws := mustCreate(t)
	id := importText(t, ws, mixedText)
	keep, _ := ws.ExcerptOfQuote(ctx, id, "talks 🤝 would resume in Zürich", 1)
	lost, _ := ws.ExcerptOfQuote(ctx, id, "60 people 👩‍👩‍👧 taken", 1)
	for _, e := range []*model.Excerpt{&keep, &lost} {
		e.Kind = model.ExcerptClaim
		if err := ws.CreateExcerpt(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	revised := "Update: a correction was added at the top.\n\n" +
		strings.Replace(mixedText, "\n\nCafé owners in Grabovske counted 60 people 👩‍👩‍👧 taken.", "", 1)
	a, orphans, err := ws.ReviseArticle(ctx, id, revised)
	if err != nil {
		t.Fatal(err)
	}
	if a.Revision != 2 || len(orphans) != 1 || orphans[0].ID != lost.ID {
		t.Fatalf("revision %d, orphans %+v", a.Revision, orphans)
	}
	got, _ := ws.Excerpt(ctx, keep.ID)
	text, _ := model.NewText(a.Body).Slice(got.Span)
	if got.Orphaned || text != "talks 🤝 would resume in Zürich" || got.Span == keep.Span {
		t.Fatalf("kept excerpt now at %v reads %q (orphaned %v)", got.Span, text, got.Orphaned)
	}
	gone, _ := ws.Excerpt(ctx, lost.ID)
	if !gone.Orphaned || gone.Selector.Exact != "60 people 👩‍👩‍👧 taken" {
		t.Fatalf("lost excerpt %+v: want it kept as an orphan", gone)
	}
	orph, total, _ := ws.ListExcerpts(ctx, model.ExcerptFilter{OrphansOnly: true})
	if total != 1 || orph[0].ID != lost.ID {
		t.Fatalf("orphans listed: %+v", orph)
	}
	revs, _ := ws.ArticleRevisions(ctx, id)
	if len(revs) != 1 || revs[0].Body != mixedText {
		t.Fatalf("old body not kept: %+v", revs)
	}
}

func TestExcerptAtLeavesOutSurroundingSpace(t *testing.T) {
	tests := []struct {
		span model.Span
		want string
	}{
		{model.Span{Start: 5, End: 17}, "Миру мир."},
		{model.Span{Start: 8, End: 15}, "ру мир."},
		{model.Span{Start: 0, End: 4}, "Да."},
	}
	ws := mustCreate(t)
	ctx := context.Background()
	a := model.Article{Title: "t", Body: "Да.\n  Миру мир.  \nКонец"}
	if err := ws.CreateArticle(ctx, &a); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		e, err := ws.ExcerptAt(ctx, a.ID, tt.span)
		if err != nil {
			t.Fatalf("ExcerptAt(%v): %v", tt.span, err)
		}
		if e.Selector.Exact != tt.want {
			t.Errorf("ExcerptAt(%v) quote = %q, want %q", tt.span, e.Selector.Exact, tt.want)
		}
	}
	if _, err := ws.ExcerptAt(ctx, a.ID, model.Span{Start: 3, End: 6}); err == nil {
		t.Error("a span of white space only was accepted")
	}
}
