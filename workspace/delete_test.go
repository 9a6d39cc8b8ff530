package workspace

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"dossier/model"
)

// deleteReader opens a second, read-only connection to the workspace file,
// to see every table as SQLite holds it.
func deleteReader(t *testing.T, ws *Workspace) *sql.DB {
	t.Helper()
	u := url.URL{Scheme: "file", Path: ws.Path(), RawQuery: "mode=ro&_pragma=busy_timeout(5000)"}
	conn, err := sql.Open("sqlite", u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// deleteDump is every table but the search indexes' own, each row with the
// SQLite type of every value, in key order: equal dumps are equal contents.
func deleteDump(t *testing.T, conn *sql.DB) map[string][]string {
	t.Helper()
	tables := deleteColumn(t, conn, `SELECT name FROM sqlite_master
		WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT LIKE '%\_fts\_%' ESCAPE '\'`)
	out := map[string][]string{}
	for _, table := range tables {
		rows, err := conn.Query(`SELECT * FROM "` + table + `"`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for i, v := range vals {
				fmt.Fprintf(&b, "%s=%T:%q ", cols[i], v, fmt.Sprint(v))
			}
			out[table] = append(out[table], b.String())
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
		slices.Sort(out[table])
	}
	return out
}

func deleteColumn(t *testing.T, conn *sql.DB, query string, args ...any) []string {
	t.Helper()
	rows, err := conn.Query(query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

func deleteCount(t *testing.T, conn *sql.DB, query string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := conn.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func deleteSameDump(t *testing.T, when string, got, want map[string][]string) {
	t.Helper()
	for table := range want {
		if slices.Equal(got[table], want[table]) {
			continue
		}
		var lost, extra []string
		for _, r := range want[table] {
			if !slices.Contains(got[table], r) {
				lost = append(lost, r)
			}
		}
		for _, r := range got[table] {
			if !slices.Contains(want[table], r) {
				extra = append(extra, r)
			}
		}
		t.Errorf("%s: table %s differs\nmissing: %q\nextra:   %q", when, table, lost, extra)
	}
}

// TestDeleteAndRestoreEachKind deletes, in the demo workspace, the item of
// each kind that reaches furthest, and puts it back: every table is then as
// it was, names are scanned again both times, and search finds it again.
func TestDeleteAndRestoreEachKind(t *testing.T) {
	ctx := context.Background()
	ws := mustCreate(t)
	if err := ws.SeedDemo(ctx, os.DirFS(demoDir)); err != nil {
		t.Fatal(err)
	}
	ws.WaitRescans()
	conn := deleteReader(t, ws)
	touched := rescanned(ws)
	cases := []struct {
		kind    Kind
		table   string
		pick    string // the id of the item that reaches furthest
		rescans bool
		// restoreRescans: the restore has articles scanned again (a
		// restored article is scanned for names added while it was away).
		restoreRescans bool
	}{
		{KindArticle, "articles", `SELECT article_id FROM excerpts GROUP BY article_id ORDER BY count(*) DESC, article_id LIMIT 1`, false, true},
		{KindExcerpt, "excerpts", `SELECT min(evidence_excerpt_id) FROM status_events`, false, false},
		{KindActor, "actors", `SELECT speaker_id FROM excerpts WHERE speaker_id IS NOT NULL
			GROUP BY speaker_id ORDER BY count(*) DESC, speaker_id LIMIT 1`, true, true},
		{KindDocument, "documents", `SELECT document_id FROM status_events GROUP BY document_id ORDER BY count(*) DESC LIMIT 1`, true, true},
		{KindTag, "tags", `SELECT parent_id FROM tags WHERE parent_id IS NOT NULL ORDER BY parent_id LIMIT 1`, false, false},
	}
	for _, c := range cases {
		t.Run(string(c.kind), func(t *testing.T) {
			id := deleteCount(t, conn, c.pick)
			before := deleteDump(t, conn)
			d, err := ws.Delete(ctx, c.kind, id)
			if err != nil {
				t.Fatal(err)
			}
			if d.Kind != c.kind || d.ID != id {
				t.Fatalf("deleted %s %d, want %s %d", d.Kind, d.ID, c.kind, id)
			}
			if n := deleteCount(t, conn, `SELECT count(*) FROM "`+c.table+`" WHERE id = ?`, id); n != 0 {
				t.Fatalf("%s %d is still there", c.kind, id)
			}
			if got := touched(); c.rescans != (len(got) > 0) {
				t.Errorf("articles scanned again after the delete: %v", got)
			}
			if reflect.DeepEqual(deleteDump(t, conn), before) {
				t.Fatal("the delete changed nothing")
			}
			if err := ws.Restore(ctx, d); err != nil {
				t.Fatal(err)
			}
			got := touched()
			if c.restoreRescans != (len(got) > 0) {
				t.Errorf("articles scanned again after the restore: %v", got)
			}
			if c.kind == KindArticle && !slices.Equal(got, []int64{id}) {
				t.Errorf("articles scanned again after the article's restore: %v, want [%d]", got, id)
			}
			deleteSameDump(t, "after restore", deleteDump(t, conn), before)
			mustBeSound(t, ws)
		})
	}
}

func TestRestoreTwiceAndAfterReuse(t *testing.T) {
	ctx := context.Background()
	ws := mustCreate(t)
	a := importText(t, ws, "Talks in Miami\n\nSpecial envoy Steve Witkoff called the talks productive and constructive.")
	conn := deleteReader(t, ws)
	d, err := ws.Delete(ctx, KindArticle, a)
	if err != nil {
		t.Fatal(err)
	}
	if err := ws.Restore(ctx, d); err != nil {
		t.Fatal(err)
	}
	before := deleteDump(t, conn)
	if err := ws.Restore(ctx, d); !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), "back already") {
		t.Fatalf("second restore: %v, want a conflict", err)
	}
	deleteSameDump(t, "after the second restore", deleteDump(t, conn), before)

	d, err = ws.Delete(ctx, KindArticle, a)
	if err != nil {
		t.Fatal(err)
	}
	b := importText(t, ws, "Weather\n\nRain is expected over Miami on Sunday.")
	if b != a {
		t.Fatalf("the new article has id %d, not the freed %d", b, a)
	}
	before = deleteDump(t, conn)
	err = ws.Restore(ctx, d)
	if !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), "given to a new article") {
		t.Fatalf("restore onto a reused id: %v, want a conflict", err)
	}
	deleteSameDump(t, "after the refused restore", deleteDump(t, conn), before)
}

func TestRestoredExcerptIsFound(t *testing.T) {
	ctx := context.Background()
	ws := mustCreate(t)
	a := importText(t, ws, "Talks in Miami\n\nSpecial envoy Steve Witkoff called the talks productive and constructive.")
	art, err := ws.Article(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	text := model.NewText(art.Body)
	span, err := text.FindQuote("productive and constructive", 1)
	if err != nil {
		t.Fatal(err)
	}
	sel, err := text.Selector(span)
	if err != nil {
		t.Fatal(err)
	}
	e := model.Excerpt{ArticleID: a, Span: span, Selector: sel, Kind: model.ExcerptQuote, Note: "upbeat tone"}
	if err := ws.CreateExcerpt(ctx, &e); err != nil {
		t.Fatal(err)
	}
	found := func() []int64 {
		r, err := ws.Search(ctx, model.SearchQuery{Text: `"productive and constructive"`, Kinds: []string{model.HitExcerpt}})
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, h := range r.Hits {
			ids = append(ids, h.ID)
		}
		return ids
	}
	d, err := ws.Delete(ctx, KindExcerpt, e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := found(); len(got) != 0 {
		t.Fatalf("deleted excerpt still found: %v", got)
	}
	if err := ws.Restore(ctx, d); err != nil {
		t.Fatal(err)
	}
	if got := found(); !slices.Equal(got, []int64{e.ID}) {
		t.Fatalf("after restore found %v, want excerpt %d", got, e.ID)
	}
	back, err := ws.Excerpt(ctx, e.ID)
	if err != nil || back.Note != "upbeat tone" || back.UID != e.UID {
		t.Fatalf("restored excerpt %+v, %v", back, err)
	}
}

func TestDeleteRefusals(t *testing.T) {
	ctx := context.Background()
	ws := mustCreate(t)
	for _, k := range []Kind{KindArticle, KindExcerpt, KindActor, KindDocument, KindTag} {
		if _, err := ws.Delete(ctx, k, 404); !errors.Is(err, model.ErrNotFound) {
			t.Errorf("delete of a missing %s: %v, want not found", k, err)
		}
	}
	if _, err := ws.Delete(ctx, Kind("source"), 1); err == nil {
		t.Error("delete of an unknown kind was allowed")
	}
	if err := ws.Restore(ctx, Deleted{Kind: KindArticle, ID: 1}); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("restore of a Deleted that no delete made: %v, want invalid", err)
	}
}
