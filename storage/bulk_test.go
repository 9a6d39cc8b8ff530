package storage

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"dossier/model"
)

// loadWords mix English, Russian and Ukrainian, and Latin letters with
// diacritics, so that the indexes' folding of case and accents is exercised.
var loadWords = strings.Fields(`talks peace plan framework security guarantee drones missiles envoy delegation
	Miami Kremlin ceasefire sanctions agreement переговоры мирный план Кремль Київ Україна гарантії безпеки
	Москва Zelenskyy Sybiha Kraków São Paulo café naïve résumé Genève Dvořák Ærø Gdańsk`)

// loadRows is a reproducible set of articles, each with its excerpts.
type loadRows struct {
	articles []model.Article
	excerpts [][]model.Excerpt // by article; ArticleID is set when loaded
}

func makeLoadRows(articles, excerptsEach int) loadRows {
	rng := rand.New(rand.NewPCG(7, 11))
	pick := func(n int) string {
		w := make([]string, n)
		for i := range w {
			w[i] = loadWords[rng.IntN(len(loadWords))]
		}
		return strings.Join(w, " ")
	}
	var rows loadRows
	for i := range articles {
		// Each body starts with its number, so that no two texts are equal.
		words := append([]string{fmt.Sprintf("Article %d:", i+1)}, strings.Fields(pick(12+rng.IntN(24)))...)
		body := strings.Join(words, " ")
		rows.articles = append(rows.articles, model.Article{
			Title: fmt.Sprintf("Article %d on %s", i+1, pick(3)), Body: body, Notes: pick(rng.IntN(4)),
			Language: "en",
		})
		text := model.NewText(body)
		var es []model.Excerpt
		for range excerptsEach {
			first := 1 + rng.IntN(len(words)-4)
			quote := strings.Join(words[first:first+1+rng.IntN(3)], " ")
			span, err := text.FindQuote(quote, 1)
			if err != nil {
				panic(err) // the quote was cut from the body
			}
			sel, _ := text.Selector(span)
			es = append(es, model.Excerpt{Span: span, Selector: sel, Kind: model.ExcerptClaim,
				Note: pick(rng.IntN(3)), Stance: pick(rng.IntN(2)), Credibility: model.Credibility(rng.IntN(7))})
		}
		rows.excerpts = append(rows.excerpts, es)
	}
	return rows
}

// load adds the rows through b, in order, so that every workspace given the
// same rows numbers them alike.
func (rows loadRows) load(b *Bulk) error {
	for i := range rows.articles {
		a := rows.articles[i]
		if err := b.AddArticle(&a); err != nil {
			return err
		}
		for _, e := range rows.excerpts[i] {
			e.ArticleID = a.ID
			if err := b.AddExcerpt(&e); err != nil {
				return err
			}
		}
	}
	return nil
}

type ranked struct {
	rowid int64
	bm25  float64
}

// ranking returns the matching rows of an index with their bm25 scores,
// best first.
func ranking(tb testing.TB, db *DB, index, query string) []ranked {
	tb.Helper()
	q := fmt.Sprintf("SELECT rowid, bm25(%s) FROM %s WHERE %s MATCH ? ORDER BY rank, rowid", index, index, index)
	rows, err := db.read.Query(q, query)
	if err != nil {
		tb.Fatalf("search %s for %q: %v", index, query, err)
	}
	out, err := collect(rows, func(r scanner) (ranked, error) {
		var v ranked
		return v, r.Scan(&v.rowid, &v.bm25)
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// vocabulary lists every token instance of an index: term, row, column and
// position, read through fts5vocab.
func vocabulary(tb testing.TB, db *DB, index string) []string {
	tb.Helper()
	ctx := context.Background()
	conn, err := db.write.Conn(ctx) // a temp table lives on one connection
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Close()
	v := "temp.vocab_" + index
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("CREATE VIRTUAL TABLE IF NOT EXISTS %s USING fts5vocab(main, %s, 'instance')", v, index)); err != nil {
		tb.Fatal(err)
	}
	rows, err := conn.QueryContext(ctx, "SELECT term, doc, col, offset FROM "+v+" ORDER BY term, doc, col, offset")
	if err != nil {
		tb.Fatal(err)
	}
	out, err := collect(rows, func(r scanner) (string, error) {
		var term, col string
		var doc, offset int64
		err := r.Scan(&term, &doc, &col, &offset)
		return fmt.Sprintf("%s %d %s %d", term, doc, col, offset), err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// searchTriggers lists the search triggers with their SQL.
func searchTriggers(tb testing.TB, db *DB) []string {
	tb.Helper()
	rows, err := db.read.Query(`SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`)
	if err != nil {
		tb.Fatal(err)
	}
	out, err := collect(rows, func(r scanner) (string, error) {
		var s string
		return s, r.Scan(&s)
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

func TestBulkBuildsTheSameIndexAsInsert(t *testing.T) {
	ctx := context.Background()
	articles := 200
	if testing.Short() { // the race detector slows SQLite down some thirty times
		articles = 50
	}
	rows := makeLoadRows(articles, 10)
	bulk, insert := mustCreate(t), mustCreate(t)
	triggers := searchTriggers(t, bulk)
	if len(triggers) != 15 {
		t.Fatalf("a new workspace has %d search triggers, want 15", len(triggers))
	}
	if err := bulk.Bulk(ctx, rows.load); err != nil {
		t.Fatal(err)
	}
	if err := insert.Insert(ctx, rows.load); err != nil {
		t.Fatal(err)
	}
	for _, db := range []*DB{bulk, insert} {
		if n := rowCount(t, db, "excerpts", "1"); n != articles*10 {
			t.Fatalf("%d excerpts loaded, want %d", n, articles*10)
		}
		if got := searchTriggers(t, db); !reflect.DeepEqual(got, triggers) {
			t.Fatalf("triggers after the load:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(triggers, "\n"))
		}
		mustCheck(t, db)
	}
	searches := []struct{ index, query string }{
		{"articles_fts", "peace"},
		{"articles_fts", "переговоры"},
		{"articles_fts", "київ"},
		{"articles_fts", "krakow"},
		{"articles_fts", "genève"},
		{"articles_fts", "sao AND paulo"},
		{"articles_fts", `"peace plan"`},
		{"articles_fts", "secur*"},
		{"articles_fts", "title:zelenskyy"},
		{"articles_fts", "drones NOT miami"},
		{"articles_fts", "notes:cafe"},
		{"excerpts_fts", "naive"},
		{"excerpts_fts", "кремль"},
		{"excerpts_fts", "stance:dvorak"},
		{"excerpts_fts", "note:гарантії OR note:безпеки"},
		{"excerpts_fts", "exact:resume"},
	}
	for _, s := range searches {
		want := ranking(t, insert, s.index, s.query)
		if len(want) == 0 {
			t.Errorf("%s MATCH %q finds nothing; the comparison would prove nothing", s.index, s.query)
		}
		if got := ranking(t, bulk, s.index, s.query); !reflect.DeepEqual(got, want) {
			t.Errorf("%s MATCH %q: bulk path %v\ntrigger path %v", s.index, s.query, got, want)
		}
	}
	for _, index := range []string{"articles_fts", "excerpts_fts"} {
		got, want := vocabulary(t, bulk, index), vocabulary(t, insert, index)
		if len(want) < articles*20 || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: bulk path has %d token instances, trigger path %d; they differ or are too few", index, len(got), len(want))
		}
	}
}

func TestBulkFailureChangesNothing(t *testing.T) {
	ctx := context.Background()
	stop := errors.New("the analyst cancelled the import")
	tests := []struct {
		name string
		fn   func(b *Bulk) error
		want error
	}{
		{"the function fails", func(b *Bulk) error {
			if err := makeLoadRows(20, 3).load(b); err != nil {
				return err
			}
			return stop
		}, stop},
		{"an Add fails", func(b *Bulk) error {
			if err := makeLoadRows(20, 3).load(b); err != nil {
				return err
			}
			a := model.Article{Title: "Short", Body: "Short."}
			if err := b.AddArticle(&a); err != nil {
				return err
			}
			e := model.Excerpt{ArticleID: a.ID, Span: model.Span{Start: 0, End: 60}, Selector: model.TextQuoteSelector{Exact: "Short."}, Kind: model.ExcerptOther}
			return b.AddExcerpt(&e)
		}, model.ErrInvalid},
		{"a tag and a mention, then failure", func(b *Bulk) error {
			tag := model.Tag{Name: "Talks"}
			if err := b.AddTag(&tag); err != nil {
				return err
			}
			m := model.Mention{ArticleID: 1, Span: model.Span{Start: 0, End: 4}, Text: "Kept", ActorID: 1,
				State: model.MentionProposed, Origin: model.OriginAlias}
			if err := b.AddMention(&m); err != nil {
				return err
			}
			return stop
		}, stop},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := mustCreate(t)
			addActorRow(t, db, "Witkoff")
			kept := addArticle(t, db, model.Article{Title: "Kept", Body: "Kept before the load."})
			addExcerpt(t, db, quoteExcerpt(t, kept, "Kept before"))
			tables := []string{"articles", "excerpts", "tags", "mentions", "article_tags", "excerpt_tags"}
			before := map[string]int{}
			for _, table := range tables {
				before[table] = rowCount(t, db, table, "1")
			}
			triggers := searchTriggers(t, db)

			if err := db.Bulk(ctx, tt.fn); !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
			for _, table := range tables {
				if n := rowCount(t, db, table, "1"); n != before[table] {
					t.Errorf("%s: %d rows after a failed load, want %d", table, n, before[table])
				}
			}
			if got := searchTriggers(t, db); !reflect.DeepEqual(got, triggers) {
				t.Fatalf("triggers after a failed load:\n%s", strings.Join(got, "\n"))
			}
			after := addArticle(t, db, model.Article{Title: "After", Body: "Indexed after the failed load."})
			if got := matches(t, db, "articles_fts", "indexed"); !reflect.DeepEqual(got, []int64{after.ID}) {
				t.Fatalf("a new article is not indexed after a failed load: %v", got)
			}
			mustCheck(t, db)
		})
	}
}

func TestBulkUndoesAFailedRowAndGoesOn(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	witkoff := addActorRow(t, db, "Witkoff")
	existing := addArticle(t, db, model.Article{Title: "Already here", Body: "Witkoff met Umerov in Miami."})
	var good model.Article
	var goodExcerpt model.Excerpt
	var parent, child model.Tag
	var mention model.Mention
	err := db.Bulk(ctx, func(b *Bulk) error {
		parent, child = model.Tag{Name: "Diplomacy"}, model.Tag{Name: "Talks"}
		if err := b.AddTag(&parent); err != nil {
			return err
		}
		child.ParentID = parent.ID
		if err := b.AddTag(&child); err != nil {
			return err
		}
		refused := []struct {
			name string
			add  func() (int64, error)
			want string
		}{
			{"duplicate text", func() (int64, error) {
				a := model.Article{Title: "Again", Body: existing.Body}
				err := b.AddArticle(&a)
				return a.ID, err
			}, `duplicate of article 1 "Already here"`},
			{"third tag missing", func() (int64, error) {
				a := model.Article{Title: "Tagged", Body: "Talks in Geneva.", TagIDs: []int64{parent.ID, child.ID, 99}}
				err := b.AddArticle(&a)
				return a.ID, err
			}, "tag 99 does not exist"},
			{"actor link missing", func() (int64, error) {
				e := quoteExcerpt(t, existing, "Witkoff met")
				e.ActorIDs = []int64{witkoff, 98}
				err := b.AddExcerpt(&e)
				return e.ID, err
			}, "actor 98 does not exist"},
			{"mention twice", func() (int64, error) {
				m := model.Mention{ArticleID: existing.ID, Span: model.Span{Start: 0, End: 7}, Text: "Witkoff",
					ActorID: witkoff, State: model.MentionProposed, Origin: model.OriginAlias}
				if err := b.AddMention(&m); err != nil {
					return 0, err
				}
				mention = m
				m.Meta = model.Meta{}
				err := b.AddMention(&m)
				return m.ID, err
			}, "already has a mention of actor 1 at 0:7"},
		}
		for _, r := range refused {
			id, err := r.add()
			if err == nil || !strings.Contains(err.Error(), r.want) || id != 0 {
				return fmt.Errorf("%s: got id %d and %v, want id 0 and an error saying %q", r.name, id, err, r.want)
			}
		}
		good = model.Article{Title: "Good", Body: "Talks in Kraków went on.", TagIDs: []int64{child.ID}}
		if err := b.AddArticle(&good); err != nil {
			return err
		}
		goodExcerpt = quoteExcerpt(t, good, "Kraków")
		goodExcerpt.ActorIDs = []int64{witkoff}
		return b.AddExcerpt(&goodExcerpt)
	})
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, table := range []string{"articles", "excerpts", "tags", "mentions", "article_tags", "excerpt_actors"} {
		counts[table] = rowCount(t, db, table, "1")
	}
	want := map[string]int{"articles": 2, "excerpts": 1, "tags": 2, "mentions": 1, "article_tags": 1, "excerpt_actors": 1}
	if !reflect.DeepEqual(counts, want) {
		t.Fatalf("rows %v, want %v", counts, want)
	}
	if got, err := db.Article(ctx, good.ID); err != nil || !reflect.DeepEqual(got, good) {
		t.Fatalf("loaded article %+v (%v)\nwant %+v", got, err, good)
	}
	if got, err := db.Excerpt(ctx, goodExcerpt.ID); err != nil || !reflect.DeepEqual(got, goodExcerpt) {
		t.Fatalf("loaded excerpt %+v (%v)\nwant %+v", got, err, goodExcerpt)
	}
	if got, err := db.Tag(ctx, child.ID); err != nil || got != child {
		t.Fatalf("loaded tag %+v (%v), want %+v", got, err, child)
	}
	if got, err := db.Mention(ctx, mention.ID); err != nil || got != mention {
		t.Fatalf("loaded mention %+v (%v), want %+v", got, err, mention)
	}
	for _, s := range []struct {
		index, query string
		want         []int64
	}{
		{"articles_fts", "krakow", []int64{good.ID}},
		{"articles_fts", "miami", []int64{existing.ID}},
		{"excerpts_fts", "krakow", []int64{goodExcerpt.ID}},
	} {
		if got := matches(t, db, s.index, s.query); !reflect.DeepEqual(got, s.want) {
			t.Errorf("%s MATCH %q: got %v, want %v", s.index, s.query, got, s.want)
		}
	}
	mustCheck(t, db)
}

func TestBulkRefusedWhenReadOnly(t *testing.T) {
	db := mustCreate(t)
	ro, err := Open(db.Path(), Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	called := false
	for name, load := range map[string]func(context.Context, func(*Bulk) error) error{"bulk": ro.Bulk, "insert": ro.Insert} {
		err := load(context.Background(), func(*Bulk) error { called = true; return nil })
		if !errors.Is(err, ErrReadOnly) || called {
			t.Errorf("%s on a read-only workspace: got %v (function called: %v), want ErrReadOnly", name, err, called)
		}
	}
}

// BenchmarkLoad compares the two ways of loading many rows: Bulk (search
// triggers off, one rebuild at the end) and Insert (triggers on). Both run
// the same prepared statements in one transaction.
func BenchmarkLoad(b *testing.B) {
	rows := makeLoadRows(200, 10)
	for _, path := range []struct {
		name string
		load func(*DB) func(context.Context, func(*Bulk) error) error
	}{
		{"bulk", func(db *DB) func(context.Context, func(*Bulk) error) error { return db.Bulk }},
		{"insert", func(db *DB) func(context.Context, func(*Bulk) error) error { return db.Insert }},
	} {
		b.Run(path.name, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				db := mustCreate(b)
				b.StartTimer()
				if err := path.load(db)(context.Background(), rows.load); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
