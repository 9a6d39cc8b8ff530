package storage

import (
	"context"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"dossier/model"
)

// sampleBody is the worked example of the spec, read from the shared samples.
func sampleBody(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile("../../shared/samples/peace-talks-miami.txt")
	if err != nil {
		tb.Fatalf("read the sample article: %v", err)
	}
	return strings.TrimSpace(string(b))
}

func addArticle(tb testing.TB, db *DB, a model.Article) model.Article {
	tb.Helper()
	if err := db.CreateArticle(context.Background(), &a); err != nil {
		tb.Fatalf("create article %q: %v", a.Title, err)
	}
	return a
}

func addTag(tb testing.TB, db *DB, name string, parent int64) model.Tag {
	tb.Helper()
	t := model.Tag{Name: name, ParentID: parent}
	if err := db.CreateTag(context.Background(), &t); err != nil {
		tb.Fatalf("create tag %q: %v", name, err)
	}
	return t
}

func addSource(tb testing.TB, db *DB, name string) model.Source {
	tb.Helper()
	s := model.Source{Name: name, Kind: model.SourceOutlet}
	if err := db.CreateSource(context.Background(), &s); err != nil {
		tb.Fatalf("create source %q: %v", name, err)
	}
	return s
}

// addActorRow and addDocumentRow write the rows that excerpts and mentions
// point to straight into their tables, so that these tests stand on their own.
func addActorRow(tb testing.TB, db *DB, name string) int64 {
	tb.Helper()
	return insertRow(tb, db, `INSERT INTO actors (uid, created_at, updated_at, name, kind) VALUES (?, ?, ?, ?, 'person')`, name)
}

func addDocumentRow(tb testing.TB, db *DB, title string) int64 {
	tb.Helper()
	return insertRow(tb, db, `INSERT INTO documents (uid, created_at, updated_at, title, kind, status, disclosure)
		VALUES (?, ?, ?, ?, 'plan', 'presented', 'undisclosed')`, title)
}

func insertRow(tb testing.TB, db *DB, query, name string) int64 {
	tb.Helper()
	now := timeText(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	res, err := db.write.Exec(query, newUID(), now, now, name)
	if err != nil {
		tb.Fatalf("insert %q: %v", name, err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		tb.Fatal(err)
	}
	return id
}

// rowCount counts the rows of a table that satisfy cond.
func rowCount(tb testing.TB, db *DB, table, cond string, args ...any) int {
	tb.Helper()
	var n int
	if err := db.write.QueryRow("SELECT count(*) FROM "+table+" WHERE "+cond, args...).Scan(&n); err != nil {
		tb.Fatalf("count %s: %v", table, err)
	}
	return n
}

func at(s string) time.Time {
	for _, layout := range []string{time.DateTime, time.DateOnly} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	panic("bad test date " + s)
}

func TestArticleCRUD(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	src := addSource(t, db, "Kyiv Independent")
	t1, t2 := addTag(t, db, "Diplomacy", 0), addTag(t, db, "Miami talks", 0)
	body := sampleBody(t)
	a := model.Article{
		Title: "Diplomatic Push Intensifies", SourceID: src.ID, Author: "Staff", URL: "https://example.org/a",
		PublishedAt: at("2025-12-01 09:30:00"), RetrievedAt: at("2025-12-02 10:00:00"), Language: "en",
		Body: body, Notes: "first read", TagIDs: []int64{t2.ID, t1.ID, t2.ID},
	}
	if err := db.CreateArticle(ctx, &a); err != nil {
		t.Fatal(err)
	}
	if a.ID == 0 || len(a.UID) != 36 || a.Revision != 1 || a.Hash != model.ContentHash(body) {
		t.Fatalf("not filled: id %d uid %q revision %d hash %q", a.ID, a.UID, a.Revision, a.Hash)
	}
	if want := []int64{t1.ID, t2.ID}; !reflect.DeepEqual(a.TagIDs, want) {
		t.Fatalf("tag ids %v, want %v (sorted, without repeats)", a.TagIDs, want)
	}
	got, err := db.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, a) {
		t.Fatalf("read back %+v\nwant %+v", got, a)
	}

	a.Title, a.Author, a.Language, a.Notes = "Peace push", "A. Writer", "en-GB", "second read"
	a.PublishedAt, a.RetrievedAt, a.SourceID, a.TagIDs = at("2025-12-03 00:00:00"), time.Time{}, 0, []int64{t2.ID}
	if err := db.UpdateArticle(ctx, &a); err != nil {
		t.Fatal(err)
	}
	if got, _ = db.Article(ctx, a.ID); !reflect.DeepEqual(got, a) {
		t.Fatalf("after update %+v\nwant %+v", got, a)
	}
	head := a
	head.Body = "" // a list row carries no body; saving it keeps the stored one
	head.Notes = "third read"
	if err := db.UpdateArticle(ctx, &head); err != nil {
		t.Fatalf("update without a body: %v", err)
	}
	if got, _ = db.Article(ctx, a.ID); got.Body != body || got.Notes != "third read" {
		t.Fatalf("after update without body: notes %q, body kept %v", got.Notes, got.Body == body)
	}

	changed := got
	changed.Body = body + " And more."
	if err := db.UpdateArticle(ctx, &changed); !errors.Is(err, model.ErrInvalid) || !strings.Contains(err.Error(), "new revision") {
		t.Fatalf("update with another body: got %v, want ErrInvalid pointing to revisions", err)
	}
	if got, _ = db.Article(ctx, a.ID); got.Body != body || got.Revision != 1 {
		t.Fatal("a refused update changed the body")
	}
	if err := db.SetArticleTags(ctx, a.ID, []int64{t1.ID, t2.ID, t1.ID}); err != nil {
		t.Fatal(err)
	}
	if got, _ = db.Article(ctx, a.ID); !reflect.DeepEqual(got.TagIDs, []int64{t1.ID, t2.ID}) {
		t.Fatalf("tags after SetArticleTags: %v", got.TagIDs)
	}
	if err := db.SetArticleTags(ctx, a.ID, nil); err != nil {
		t.Fatal(err)
	}
	if got, _ = db.Article(ctx, a.ID); got.TagIDs != nil {
		t.Fatalf("tags after clearing: %v", got.TagIDs)
	}

	missing := a
	missing.ID = 999
	notFound := map[string]error{
		"update":   db.UpdateArticle(ctx, &missing),
		"set tags": db.SetArticleTags(ctx, 999, []int64{t1.ID}),
		"delete":   db.DeleteArticle(ctx, 999),
	}
	for op, err := range notFound {
		if !errors.Is(err, model.ErrNotFound) {
			t.Errorf("%s of a missing article: got %v, want ErrNotFound", op, err)
		}
	}
	if err := db.DeleteArticle(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Article(ctx, a.ID); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("after delete: got %v, want ErrNotFound", err)
	}
	if n := rowCount(t, db, "tags", "1"); n != 2 {
		t.Fatalf("deleting an article removed tags: %d left", n)
	}
	mustCheck(t, db)
}

func TestCreateArticleRefusesDuplicate(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	first := addArticle(t, db, model.Article{Title: "Talks in Miami", Body: "The talks were productive."})
	again := model.Article{Title: "Same text, other file", Body: "The talks were productive."}
	err := db.CreateArticle(ctx, &again)
	if !errors.Is(err, model.ErrConflict) {
		t.Fatalf("duplicate: got %v, want ErrConflict", err)
	}
	if want := `duplicate of article 1 "Talks in Miami"`; !strings.Contains(err.Error(), want) {
		t.Fatalf("duplicate: message %q does not name the article (%s)", err, want)
	}
	got, err := db.ArticleByHash(ctx, model.ContentHash("The talks were productive."))
	if err != nil || got.ID != first.ID || got.Title != first.Title {
		t.Fatalf("ArticleByHash: %v, %d %q", err, got.ID, got.Title)
	}
	if _, err := db.ArticleByHash(ctx, model.ContentHash("other")); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("ArticleByHash of an unknown text: got %v, want ErrNotFound", err)
	}
	if n := rowCount(t, db, "articles", "1"); n != 1 {
		t.Fatalf("%d articles stored, want 1", n)
	}
	mustCheck(t, db)
}

func TestCreateArticleRefusesMissingReferences(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	tag := addTag(t, db, "Diplomacy", 0)
	tests := []struct {
		name string
		a    model.Article
		want string
	}{
		{"source", model.Article{SourceID: 99}, "source 99 does not exist"},
		{"tag", model.Article{TagIDs: []int64{tag.ID, 77}}, "tag 77 does not exist"},
		{"no title", model.Article{Title: " "}, "article title is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := tt.a
			if a.Title == "" {
				a.Title = "Talks"
			}
			a.Body = "Body of " + tt.name
			err := db.CreateArticle(ctx, &a)
			if !errors.Is(err, model.ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want ErrInvalid saying %q", err, tt.want)
			}
		})
	}
	if n := rowCount(t, db, "articles", "1"); n != 0 {
		t.Fatalf("%d articles stored by failed creations", n)
	}
	mustCheck(t, db)
}

func TestListArticles(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	s1, s2 := addSource(t, db, "Kyiv Independent"), addSource(t, db, "Reuters")
	diplomacy := addTag(t, db, "Diplomacy", 0)
	talks := addTag(t, db, "Talks", diplomacy.ID)
	war := addTag(t, db, "War", 0)
	add := func(title string, src int64, published string, tags ...int64) int64 {
		a := model.Article{Title: title, SourceID: src, Body: "Text of " + title, TagIDs: tags}
		if published != "" {
			a.PublishedAt = at(published)
		}
		return addArticle(t, db, a).ID
	}
	miami := add("Talks in Miami", s1.ID, "2025-12-01 10:00:00", talks.ID)
	drones := add("Drone strikes overnight", s2.ID, "2025-12-05 18:30:00", war.ID)
	berlin := add("Berlin talks planned", s1.ID, "2025-12-05 08:00:00", diplomacy.ID)
	undated := add("Undated analysis", 0, "")
	sameDay := add("Second talks piece", s2.ID, "2025-12-01 10:00:00")

	tests := []struct {
		name string
		f    model.ArticleFilter
		want []int64
	}{
		{"all, newest first, undated last", model.ArticleFilter{}, []int64{drones, berlin, sameDay, miami, undated}},
		{"title words, any case", model.ArticleFilter{Text: "TALKS"}, []int64{berlin, sameDay, miami}},
		{"title with a LIKE wildcard", model.ArticleFilter{Text: "%"}, nil},
		{"source", model.ArticleFilter{SourceID: s1.ID}, []int64{berlin, miami}},
		{"tag with sub-tags", model.ArticleFilter{TagID: diplomacy.ID}, []int64{berlin, miami}},
		{"leaf tag", model.ArticleFilter{TagID: talks.ID}, []int64{miami}},
		{"from", model.ArticleFilter{From: at("2025-12-02")}, []int64{drones, berlin}},
		{"to a day means all of it", model.ArticleFilter{To: at("2025-12-01")}, []int64{sameDay, miami}},
		{"to an instant", model.ArticleFilter{To: at("2025-12-05 12:00:00")}, []int64{berlin, sameDay, miami}},
		{"between", model.ArticleFilter{From: at("2025-12-01 10:00:00"), To: at("2025-12-05 08:00:00")}, []int64{berlin, sameDay, miami}},
		{"combined", model.ArticleFilter{Text: "talks", SourceID: s2.ID}, []int64{sameDay}},
		{"page", model.ArticleFilter{Page: model.Page{Limit: 2, Offset: 1}}, []int64{berlin, sameDay}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for name, list := range map[string]func(context.Context, model.ArticleFilter) ([]model.Article, int, error){
				"full": db.ListArticles, "heads": db.ListArticleHeads,
			} {
				got, total, err := list(ctx, tt.f)
				if err != nil {
					t.Fatal(err)
				}
				if ids := articleIDs(got); !reflect.DeepEqual(ids, tt.want) {
					t.Errorf("%s: got %v, want %v", name, ids, tt.want)
				}
				wantTotal := len(tt.want)
				if tt.f.Limit != 0 {
					wantTotal = 5
				}
				if total != wantTotal {
					t.Errorf("%s: total %d, want %d", name, total, wantTotal)
				}
			}
		})
	}
	full, _, _ := db.ListArticles(ctx, model.ArticleFilter{TagID: talks.ID})
	heads, _, _ := db.ListArticleHeads(ctx, model.ArticleFilter{TagID: talks.ID})
	stored, _ := db.Article(ctx, miami)
	if !reflect.DeepEqual(full[0], stored) {
		t.Errorf("ListArticles row %+v, want %+v", full[0], stored)
	}
	stored.Body = ""
	if !reflect.DeepEqual(heads[0], stored) {
		t.Errorf("ListArticleHeads row %+v, want %+v (no body)", heads[0], stored)
	}
}

func articleIDs(as []model.Article) []int64 {
	var ids []int64
	for _, a := range as {
		ids = append(ids, a.ID)
	}
	return ids
}

// followQuote is a re-anchoring for the tests: an excerpt whose quote
// occurs in the new text moves to its first occurrence; one whose quote is
// gone becomes an orphan where it was.
func followQuote(newBody string, calls *int) func(model.Excerpt) model.Excerpt {
	text := model.NewText(newBody)
	return func(e model.Excerpt) model.Excerpt {
		*calls++
		span, err := text.FindQuote(e.Selector.Exact, 1)
		if err != nil {
			e.Orphaned = true
			return e
		}
		e.Span, e.Orphaned = span, false
		e.Selector, _ = text.Selector(span)
		return e
	}
}

func quoteExcerpt(tb testing.TB, a model.Article, quote string) model.Excerpt {
	tb.Helper()
	text := model.NewText(a.Body)
	span, err := text.FindQuote(quote, 1)
	if err != nil {
		tb.Fatalf("quote %q: %v", quote, err)
	}
	sel, err := text.Selector(span)
	if err != nil {
		tb.Fatal(err)
	}
	return model.Excerpt{ArticleID: a.ID, Span: span, Selector: sel, Kind: model.ExcerptQuote}
}

func addExcerpt(tb testing.TB, db *DB, e model.Excerpt) model.Excerpt {
	tb.Helper()
	if err := db.CreateExcerpt(context.Background(), &e); err != nil {
		tb.Fatalf("create excerpt %q: %v", e.Selector.Exact, err)
	}
	return e
}

func TestReviseArticle(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	body := sampleBody(t)
	a := addArticle(t, db, model.Article{Title: "Diplomatic Push Intensifies", Body: body})
	other := addArticle(t, db, model.Article{Title: "Other", Body: "Another text entirely."})
	kept := addExcerpt(t, db, quoteExcerpt(t, a, "productive and constructive"))
	lost := addExcerpt(t, db, quoteExcerpt(t, a, "Steve Witkoff"))

	// The correction adds a line at the top and renames the envoy.
	newBody := "Correction: the envoy's name was misspelt.\n" + strings.ReplaceAll(body, "Steve Witkoff", "Steven Witkoff")
	calls := 0
	got, err := db.ReviseArticle(ctx, a.ID, newBody, followQuote(newBody, &calls))
	if err != nil {
		t.Fatal(err)
	}
	if got.Revision != 2 || got.Body != newBody || got.Hash != model.ContentHash(newBody) || calls != 2 {
		t.Fatalf("revised: revision %d, new body %v, hash ok %v, reanchor called %d times",
			got.Revision, got.Body == newBody, got.Hash == model.ContentHash(newBody), calls)
	}
	if stored, _ := db.Article(ctx, a.ID); !reflect.DeepEqual(stored, got) {
		t.Fatalf("stored %+v\nreturned %+v", stored, got)
	}
	revs, err := db.ArticleRevisions(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	wantRev := []model.ArticleRevision{{ArticleID: a.ID, Revision: 1, Body: body, Hash: a.Hash, CreatedAt: got.UpdatedAt}}
	if !reflect.DeepEqual(revs, wantRev) {
		t.Fatalf("revisions %+v\nwant %+v", revs, wantRev)
	}
	shift := len([]rune("Correction: the envoy's name was misspelt.\n"))
	k, _ := db.Excerpt(ctx, kept.ID)
	if k.Orphaned || k.Span != (model.Span{Start: kept.Span.Start + shift, End: kept.Span.End + shift}) {
		t.Fatalf("kept excerpt at %v orphaned %v, want moved by %d", k.Span, k.Orphaned, shift)
	}
	if want, _ := model.NewText(newBody).Selector(k.Span); k.Selector != want {
		t.Fatalf("kept excerpt selector %+v, want %+v", k.Selector, want)
	}
	l, _ := db.Excerpt(ctx, lost.ID)
	if !l.Orphaned || l.Span != lost.Span || l.Selector != lost.Selector {
		t.Fatalf("lost excerpt %+v, want orphaned in place", l)
	}

	t.Run("same text changes nothing", func(t *testing.T) {
		calls := 0
		same, err := db.ReviseArticle(ctx, a.ID, newBody, followQuote(newBody, &calls))
		if err != nil || same.Revision != 2 || calls != 0 {
			t.Fatalf("got revision %d, %d calls, %v", same.Revision, calls, err)
		}
	})
	refusals := []struct {
		name     string
		body     string
		reanchor func(model.Excerpt) model.Excerpt
		want     error
	}{
		{"another article's text", other.Body, func(e model.Excerpt) model.Excerpt { return e }, model.ErrConflict},
		{"span past the end", "Short.", func(e model.Excerpt) model.Excerpt { e.Orphaned = false; return e }, model.ErrInvalid},
		{"quote lost", "Short.", func(e model.Excerpt) model.Excerpt { e.Selector.Exact = ""; return e }, model.ErrInvalid},
		{"empty text", "", func(e model.Excerpt) model.Excerpt { return e }, model.ErrInvalid},
		{"no re-anchoring", "Short.", nil, model.ErrInvalid},
	}
	for _, tt := range refusals {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := db.ReviseArticle(ctx, a.ID, tt.body, tt.reanchor); !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			if stored, _ := db.Article(ctx, a.ID); stored.Revision != 2 || stored.Body != newBody {
				t.Fatalf("a refused revision changed the article: revision %d", stored.Revision)
			}
			if revs, _ := db.ArticleRevisions(ctx, a.ID); len(revs) != 1 {
				t.Fatalf("%d revisions after a refused one, want 1", len(revs))
			}
			if e, _ := db.Excerpt(ctx, kept.ID); !reflect.DeepEqual(e, k) {
				t.Fatalf("a refused revision moved an excerpt: %+v", e)
			}
		})
	}
	if _, err := db.ReviseArticle(ctx, 999, "x", followQuote("x", &calls)); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("revise a missing article: got %v, want ErrNotFound", err)
	}
	if _, err := db.ArticleRevisions(ctx, 999); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("revisions of a missing article: got %v, want ErrNotFound", err)
	}
	mustCheck(t, db)
}

func TestDeleteArticleCascades(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	tag := addTag(t, db, "Talks", 0)
	actor, doc := addActorRow(t, db, "Steve Witkoff"), addDocumentRow(t, db, "28-point plan")
	var articles [2]model.Article
	var excerpts [2]model.Excerpt
	for i, title := range []string{"Gone", "Stays"} {
		a := addArticle(t, db, model.Article{Title: title, Body: "Witkoff presented the 28-point plan in " + title + ".", TagIDs: []int64{tag.ID}})
		e := quoteExcerpt(t, a, "Witkoff presented the 28-point plan")
		e.TagIDs, e.ActorIDs, e.DocumentIDs = []int64{tag.ID}, []int64{actor}, []int64{doc}
		excerpts[i] = addExcerpt(t, db, e)
		m := model.Mention{ArticleID: a.ID, Span: model.Span{Start: 0, End: 7}, Text: "Witkoff", ActorID: actor,
			State: model.MentionConfirmed, Origin: model.OriginAlias}
		if err := db.CreateMention(ctx, &m); err != nil {
			t.Fatal(err)
		}
		calls := 0
		var err error
		if a, err = db.ReviseArticle(ctx, a.ID, a.Body+" Updated.", followQuote(a.Body+" Updated.", &calls)); err != nil {
			t.Fatal(err)
		}
		articles[i] = a
	}
	tables := []struct{ table, column string }{
		{"excerpts", "article_id"}, {"mentions", "article_id"}, {"article_revisions", "article_id"},
		{"article_tags", "article_id"},
		{"excerpt_tags", "excerpt_id"}, {"excerpt_actors", "excerpt_id"}, {"excerpt_documents", "excerpt_id"},
	}
	if err := db.DeleteArticle(ctx, articles[0].ID); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tables {
		for i, want := range []int{0, 1} {
			id := articles[i].ID
			if strings.HasPrefix(tt.column, "excerpt") {
				id = excerpts[i].ID
			}
			if n := rowCount(t, db, tt.table, tt.column+" = ?", id); n != want {
				t.Errorf("%s of article %q: %d rows, want %d", tt.table, articles[i].Title, n, want)
			}
		}
	}
	for _, table := range []string{"tags", "actors", "documents"} {
		if n := rowCount(t, db, table, "1"); n != 1 {
			t.Errorf("%s: %d rows after deleting an article, want 1", table, n)
		}
	}
	mustCheck(t, db)
}
