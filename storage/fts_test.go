package storage

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"dossier/model"
)

// matches returns the rowids of an index that match an FTS5 query, in order.
func matches(tb testing.TB, db *DB, index, query string) []int64 {
	tb.Helper()
	rows, err := db.read.Query(fmt.Sprintf("SELECT rowid FROM %s WHERE %s MATCH ? ORDER BY rowid", index, index), query)
	if err != nil {
		tb.Fatalf("search %s for %q: %v", index, query, err)
	}
	ids, err := collect(rows, func(r scanner) (int64, error) {
		var id int64
		return id, r.Scan(&id)
	})
	if err != nil {
		tb.Fatalf("search %s for %q: %v", index, query, err)
	}
	return ids
}

// TestSearchIndexFollowsChanges walks articles and excerpts through their
// life and checks after each step that the search indexes find exactly the
// rows that hold the words, and that FTS5's own check passes.
func TestSearchIndexFollowsChanges(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	var a1, a2 model.Article
	var e1, e2, e3 model.Excerpt
	type search struct {
		index, query string
		want         func() []int64
	}
	ids := func(ms ...*model.Meta) func() []int64 {
		return func() []int64 {
			var out []int64
			for _, m := range ms {
				out = append(out, m.ID)
			}
			return out
		}
	}
	none := ids()
	steps := []struct {
		name     string
		change   func(t *testing.T)
		searches []search
	}{
		{"create", func(t *testing.T) {
			a1 = addArticle(t, db, model.Article{Title: "Talks in Miami", Body: "Witkoff met Umerov in Miami. Переговоры продолжатся."})
			a2 = addArticle(t, db, model.Article{Title: "Summit", Body: "Leaders met in Kraków.", Notes: "check the date"})
			e1 = quoteExcerpt(t, a1, "Witkoff met Umerov")
			e1.Note = "first meeting"
			e1 = addExcerpt(t, db, e1)
			e2 = quoteExcerpt(t, a2, "Leaders met in Kraków")
			e2.Stance = "doubtful"
			e2 = addExcerpt(t, db, e2)
		}, []search{
			{"articles_fts", "miami", ids(&a1.Meta)},
			{"articles_fts", "krakow", ids(&a2.Meta)}, // accents folded
			{"articles_fts", "переговоры", ids(&a1.Meta)},
			{"articles_fts", "met", ids(&a1.Meta, &a2.Meta)},
			{"articles_fts", "notes:date", ids(&a2.Meta)},
			{"excerpts_fts", "umerov", ids(&e1.Meta)},
			{"excerpts_fts", "kraków", ids(&e2.Meta)},
			{"excerpts_fts", "stance:doubtful", ids(&e2.Meta)},
			{"excerpts_fts", "note:meeting", ids(&e1.Meta)},
		}},
		{"update article", func(t *testing.T) {
			a1.Title, a1.Notes = "Talks moved", "venue changed"
			if err := db.UpdateArticle(ctx, &a1); err != nil {
				t.Fatal(err)
			}
		}, []search{
			{"articles_fts", "title:miami", none},
			{"articles_fts", "title:moved", ids(&a1.Meta)},
			{"articles_fts", "venue", ids(&a1.Meta)},
			{"articles_fts", "body:miami", ids(&a1.Meta)},
		}},
		{"revise article", func(t *testing.T) {
			body := "Witkoff met Umerov in Geneva. Переговоры завершены."
			calls := 0
			var err error
			if a1, err = db.ReviseArticle(ctx, a1.ID, body, followQuote(body, &calls)); err != nil {
				t.Fatal(err)
			}
		}, []search{
			{"articles_fts", "miami", none},
			{"articles_fts", "geneva", ids(&a1.Meta)},
			{"articles_fts", "завершены", ids(&a1.Meta)},
			{"articles_fts", "продолжатся", none},
			{"excerpts_fts", "umerov", ids(&e1.Meta)},
		}},
		{"update excerpt", func(t *testing.T) {
			e1.Note, e1.Stance = "second meeting", "cordial"
			if err := db.UpdateExcerpt(ctx, &e1); err != nil {
				t.Fatal(err)
			}
		}, []search{
			{"excerpts_fts", "first", none},
			{"excerpts_fts", "second", ids(&e1.Meta)},
			{"excerpts_fts", "meeting", ids(&e1.Meta)},
			{"excerpts_fts", "cordial", ids(&e1.Meta)},
		}},
		{"delete excerpt", func(t *testing.T) {
			if err := db.DeleteExcerpt(ctx, e2.ID); err != nil {
				t.Fatal(err)
			}
		}, []search{
			{"excerpts_fts", "krakow", none},
			{"excerpts_fts", "doubtful", none},
			{"articles_fts", "krakow", ids(&a2.Meta)},
		}},
		{"delete article", func(t *testing.T) {
			e3 = addExcerpt(t, db, quoteExcerpt(t, a2, "Kraków"))
			if got := matches(t, db, "excerpts_fts", "krakow"); !reflect.DeepEqual(got, []int64{e3.ID}) {
				t.Fatalf("new excerpt not found: %v", got)
			}
			if err := db.DeleteArticle(ctx, a2.ID); err != nil {
				t.Fatal(err)
			}
		}, []search{
			{"articles_fts", "krakow", none},
			{"articles_fts", "met", ids(&a1.Meta)},
			{"excerpts_fts", "krakow", none}, // the excerpt went with its article
			{"excerpts_fts", "witkoff", ids(&e1.Meta)},
		}},
	}
	for _, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			step.change(t)
			for _, s := range step.searches {
				got, want := matches(t, db, s.index, s.query), s.want()
				if len(got)+len(want) > 0 && !reflect.DeepEqual(got, want) {
					t.Errorf("%s MATCH %q: got %v, want %v", s.index, s.query, got, want)
				}
			}
			mustCheck(t, db)
		})
	}
}
