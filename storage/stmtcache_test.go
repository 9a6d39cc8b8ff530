package storage

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"weak"

	"dossier/model"
)

// TestDuplicateArticleIsTyped: every path that refuses a repeated text says
// which article holds it, as a *model.DuplicateError that is a conflict.
func TestDuplicateArticleIsTyped(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	first := addArticle(t, db, model.Article{Title: "Talks in Miami", Body: "The talks were productive."})
	other := addArticle(t, db, model.Article{Title: "Vote delayed", Body: "The vote was delayed again."})
	paths := map[string]func() error{
		"create": func() error {
			return db.CreateArticle(ctx, &model.Article{Title: "Same text", Body: first.Body})
		},
		"bulk": func() error {
			return db.Bulk(ctx, func(b *Bulk) error {
				return b.AddArticle(&model.Article{Title: "Same text", Body: first.Body})
			})
		},
		"revise": func() error {
			_, err := db.ReviseArticle(ctx, other.ID, first.Body, func(e model.Excerpt) model.Excerpt { return e })
			return err
		},
	}
	for name, add := range paths {
		t.Run(name, func(t *testing.T) {
			err := add()
			var dup *model.DuplicateError
			if !errors.As(err, &dup) || dup.ArticleID != first.ID || dup.Title != first.Title {
				t.Fatalf("got %v (%+v), want a duplicate of article %d %q", err, dup, first.ID, first.Title)
			}
			if !errors.Is(err, model.ErrConflict) {
				t.Fatalf("%v is not a conflict", err)
			}
			if want := fmt.Sprintf("duplicate of article %d %q", first.ID, first.Title); !strings.Contains(err.Error(), want) {
				t.Fatalf("message %q does not say %q", err, want)
			}
		})
	}
	if n := rowCount(t, db, "articles", "1"); n != 2 {
		t.Fatalf("%d articles, want 2", n)
	}
	mustCheck(t, db)
}

// TestCreateArticleReusesStatements: the statements of the insert path are
// prepared once on the writer and used again by later calls.
func TestCreateArticleReusesStatements(t *testing.T) {
	db := mustCreate(t)
	addArticle(t, db, model.Article{Title: "One", Body: "First text."})
	stmts := db.prepared(context.Background())
	before := map[string]any{}
	for _, q := range articleInsertQueries {
		s := stmts.lookup(q)
		if s == nil {
			t.Fatalf("not prepared after the first article: %s", q)
		}
		before[q] = s
	}
	addArticle(t, db, model.Article{Title: "Two", Body: "Second text."})
	for _, q := range articleInsertQueries {
		if s := stmts.lookup(q); s != before[q] {
			t.Errorf("prepared again for the second article: %s", q)
		}
	}
	mustCheck(t, db)
}

// TestCachedInsertFollowsSchemaChanges: a bulk load drops and recreates the
// search triggers; an insert prepared before it must still index the
// article it adds (SQLite prepares the statement again on a schema change).
func TestCachedInsertFollowsSchemaChanges(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	addArticle(t, db, model.Article{Title: "Before", Body: "Delegations met in Geneva."})
	err := db.Bulk(ctx, func(b *Bulk) error {
		return b.AddArticle(&model.Article{Title: "Loaded", Body: "Sanctions were extended."})
	})
	if err != nil {
		t.Fatal(err)
	}
	after := addArticle(t, db, model.Article{Title: "After", Body: "The ceasefire held in Odesa."})
	res, err := db.Search(ctx, model.SearchQuery{Text: "Odesa", Kinds: []string{model.HitArticle}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || res.Hits[0].ID != after.ID {
		t.Fatalf("search for the article added after the bulk load: %+v", res.Hits)
	}
	mustCheck(t, db)
}

// TestConcurrentWritersShareTheCache: articles created from several
// goroutines, next to other writes, neither deadlock on the writer's one
// connection nor lose a row.
func TestConcurrentWritersShareTheCache(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	const writers, each = 4, 10
	var wg sync.WaitGroup
	errs := make(chan error, writers*each*2)
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				a := model.Article{Title: fmt.Sprintf("W%d-%d", w, i), Body: fmt.Sprintf("Text %d of writer %d.", i, w)}
				errs <- db.CreateArticle(ctx, &a)
				errs <- db.CreateSource(ctx, &model.Source{Name: a.Title, Kind: model.SourceOutlet})
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n := rowCount(t, db, "articles", "1"); n != writers*each {
		t.Fatalf("%d articles, want %d", n, writers*each)
	}
	mustCheck(t, db)
}

// TestCloseWithCachedStatements: statements kept on the writer do not keep
// the file open: a close still checkpoints and removes the WAL.
func TestCloseWithCachedStatements(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.dossier")
	db, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	addArticle(t, db, model.Article{Title: "One", Body: "First text."})
	if _, err := os.Stat(path + "-wal"); err != nil {
		t.Fatalf("no WAL while open: %v", err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("WAL left after close: %v", err)
	}
	db, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n := rowCount(t, db, "articles", "1"); n != 1 {
		t.Fatalf("%d articles after reopening, want 1", n)
	}
}

// TestReadOnlyCreateArticle: a read-only workspace has no writer to prepare
// on; creating an article is refused, not a crash.
func TestReadOnlyCreateArticle(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.dossier")
	db, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	err = ro.CreateArticle(context.Background(), &model.Article{Title: "One", Body: "Text."})
	if !errors.Is(err, ErrReadOnly) {
		t.Fatalf("got %v, want ErrReadOnly", err)
	}
}

// TestStatementCacheLeavesWithItsWorkspace: the cache does not keep a
// closed, forgotten workspace alive.
func TestStatementCacheLeavesWithItsWorkspace(t *testing.T) {
	key := func() weak.Pointer[DB] {
		db, err := Create(filepath.Join(t.TempDir(), "w.dossier"))
		if err != nil {
			t.Fatal(err)
		}
		addArticle(t, db, model.Article{Title: "One", Body: "First text."})
		db.Close()
		return weak.Make(db)
	}()
	if _, ok := writerStmts.Load(key); !ok {
		t.Fatal("no cache was made for the workspace")
	}
	for range 100 {
		runtime.GC()
		if _, ok := writerStmts.Load(key); !ok {
			return
		}
		runtime.Gosched()
	}
	t.Fatal("the cache of a collected workspace is still held")
}
