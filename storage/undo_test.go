package storage

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dossier/model"
)

// undoWorld is the export world with the rest of the schema filled in: a
// revision, proposals, and a sub-tag that has its parent's name.
type undoWorld struct {
	*exportWorld
	talksTalks model.Tag // "Talks" under "Talks"
}

func newUndoWorld(t *testing.T) undoWorld {
	ctx := context.Background()
	w := undoWorld{exportWorld: newExportWorld(t)}
	db := w.db
	w.talksTalks = addTag(t, db, "Talks", w.talks.ID)
	must(t, db.SetArticleTags(ctx, w.late.ID, []int64{w.talks.ID, w.talksTalks.ID}))
	_, err := db.write.Exec(`INSERT INTO article_revisions (article_id, revision, body, hash, created_at)
		VALUES (?, 1, 'An earlier text.', 'h-earlier', '2026-01-01T00:00:00.000Z')`, w.early.ID)
	must(t, err)
	must(t, db.ReplaceProposals(ctx, w.early.ID, []model.Proposal{
		proposalAt(t, w.early, model.ProposeActor, "Umerov", 1),
		proposalAt(t, w.early, model.ProposeQuote, "the talks were productive", 1),
	}))
	return w
}

// undoDump is every table of the workspace but the search indexes' own,
// row by row, each value with its SQLite type: two equal dumps are the same
// contents. (The indexes are checked by mustCheck and by searching.)
func undoDump(t *testing.T, db *DB) map[string][]string {
	t.Helper()
	tables, err := textColumn(context.Background(), db.write, `SELECT name FROM sqlite_master
		WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT LIKE '%\_fts\_%' ESCAPE '\'`)
	must(t, err)
	out := map[string][]string{}
	for _, table := range tables {
		rows, err := db.write.Query("SELECT * FROM " + ident(table))
		must(t, err)
		cols, err := rows.Columns()
		must(t, err)
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			must(t, rows.Scan(ptrs...))
			var b strings.Builder
			for i, v := range vals {
				fmt.Fprintf(&b, "%s=%T:%q ", cols[i], v, fmt.Sprint(v))
			}
			out[table] = append(out[table], b.String())
		}
		must(t, rows.Err())
		rows.Close()
		slices.Sort(out[table])
	}
	return out
}

// sameDump reports every row that differs between two dumps.
func sameDump(t *testing.T, when string, got, want map[string][]string) {
	t.Helper()
	for table := range want {
		if !slices.Equal(got[table], want[table]) {
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
	if len(got) != len(want) {
		t.Errorf("%s: %d tables, want %d", when, len(got), len(want))
	}
}

// TestUndoDeleteRestoresEverything deletes one row of each kind, checks
// that the schema's cascades and cleared references happened, and that
// Restore brings every table back to exactly what it held.
func TestUndoDeleteRestoresEverything(t *testing.T) {
	type check struct {
		query string // counts rows; ?1 is the deleted row's id
		want  int    // while deleted
	}
	cases := []struct {
		name   string
		table  string
		id     func(w undoWorld) int64
		checks []check
	}{
		{"article with excerpts, mentions, proposals, revision, tags", "articles", func(w undoWorld) int64 { return w.early.ID }, []check{
			{"SELECT count(*) FROM excerpts WHERE article_id = ?1", 0},
			{"SELECT count(*) FROM excerpt_tags", 0},
			{"SELECT count(*) FROM excerpt_actors", 0},
			{"SELECT count(*) FROM excerpt_documents", 0},
			{"SELECT count(*) FROM mentions WHERE article_id = ?1", 0},
			{"SELECT count(*) FROM proposals WHERE article_id = ?1", 0},
			{"SELECT count(*) FROM article_revisions WHERE article_id = ?1", 0},
			{"SELECT count(*) FROM article_tags WHERE article_id = ?1", 0},
			{"SELECT count(*) FROM relations WHERE evidence_excerpt_id IS NULL", 1},
			{"SELECT count(*) FROM status_events WHERE evidence_excerpt_id IS NULL", 1},
		}},
		{"excerpt with speaker, links, and evidence of a relation", "excerpts", func(w undoWorld) int64 { return w.quote.ID }, []check{
			{"SELECT count(*) FROM excerpt_tags WHERE excerpt_id = ?1", 0},
			{"SELECT count(*) FROM excerpt_actors WHERE excerpt_id = ?1", 0},
			{"SELECT count(*) FROM excerpt_documents WHERE excerpt_id = ?1", 0},
			{"SELECT count(*) FROM relations WHERE evidence_excerpt_id IS NULL", 1},
		}},
		{"excerpt that is evidence of a status", "excerpts", func(w undoWorld) int64 { return w.claim.ID }, []check{
			{"SELECT count(*) FROM status_events WHERE evidence_excerpt_id IS NULL", 1},
		}},
		{"actor who speaks, has aliases, relations, parties, mentions", "actors", func(w undoWorld) int64 { return w.witkoff.ID }, []check{
			{"SELECT count(*) FROM aliases WHERE actor_id = ?1", 0},
			{"SELECT count(*) FROM mentions WHERE actor_id = ?1", 0},
			{"SELECT count(*) FROM relations", 0},
			{"SELECT count(*) FROM parties WHERE actor_id = ?1", 0},
			{"SELECT count(*) FROM excerpts WHERE speaker_id IS NULL", 3},
		}},
		{"actor others are affiliated with", "actors", func(w undoWorld) int64 { return w.usa.ID }, []check{
			{"SELECT count(*) FROM actors WHERE affiliation_id IS NULL", 2},
			{"SELECT count(*) FROM excerpt_actors WHERE actor_id = ?1", 0},
		}},
		{"document with aliases, parties, status, links", "documents", func(w undoWorld) int64 { return w.plan.ID }, []check{
			{"SELECT count(*) FROM aliases WHERE document_id = ?1", 0},
			{"SELECT count(*) FROM parties", 0},
			{"SELECT count(*) FROM status_events", 0},
			{"SELECT count(*) FROM excerpt_documents", 0},
		}},
		{"tag with sub-tags, one of its own name", "tags", func(w undoWorld) int64 { return w.talks.ID }, []check{
			{"SELECT count(*) FROM tags WHERE parent_id IS NULL", 2},
			{"SELECT count(*) FROM excerpt_tags WHERE tag_id = ?1", 0},
			{"SELECT count(*) FROM article_tags WHERE tag_id = ?1", 0},
		}},
		{"sub-tag", "tags", func(w undoWorld) int64 { return w.miami.ID }, []check{
			{"SELECT count(*) FROM excerpt_tags WHERE tag_id = ?1", 0},
			{"SELECT count(*) FROM article_tags WHERE tag_id = ?1", 0},
		}},
		{"article with a source and tags", "articles", func(w undoWorld) int64 { return w.late.ID }, []check{
			{"SELECT count(*) FROM articles WHERE source_id IS NOT NULL", 1},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			w := newUndoWorld(t)
			id := c.id(w)
			before := undoDump(t, w.db)
			s, err := w.db.DeleteForUndo(ctx, c.table, id)
			if err != nil {
				t.Fatal(err)
			}
			if n := rowCount(t, w.db, c.table, "id = ?", id); n != 0 {
				t.Fatalf("the %s is still there", c.table)
			}
			for _, ch := range c.checks {
				var n int
				must(t, w.db.write.QueryRow(ch.query, id).Scan(&n))
				if n != ch.want {
					t.Errorf("while deleted, %s = %d, want %d", ch.query, n, ch.want)
				}
			}
			mustCheck(t, w.db)
			if err := w.db.Restore(ctx, s); err != nil {
				t.Fatal(err)
			}
			sameDump(t, "after restore", undoDump(t, w.db), before)
			mustCheck(t, w.db)
		})
	}
}

// A second restore, and a restore onto an id a new row has taken, are
// refused with a sentence, and change nothing.
func TestUndoRestoreRefusals(t *testing.T) {
	ctx := context.Background()
	t.Run("twice", func(t *testing.T) {
		w := newUndoWorld(t)
		s, err := w.db.DeleteForUndo(ctx, "excerpts", w.quote.ID)
		must(t, err)
		must(t, w.db.Restore(ctx, s))
		before := undoDump(t, w.db)
		err = w.db.Restore(ctx, s)
		if !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), "back already") {
			t.Fatalf("second restore: %v, want a conflict saying it is back already", err)
		}
		sameDump(t, "after the second restore", undoDump(t, w.db), before)
	})
	t.Run("id of the row taken", func(t *testing.T) {
		w := newUndoWorld(t)
		s, err := w.db.DeleteForUndo(ctx, "articles", w.undated.ID) // the newest article
		must(t, err)
		again := addArticle(t, w.db, model.Article{Title: "Newer", Body: "A new text."})
		if again.ID != w.undated.ID {
			t.Fatalf("SQLite gave the new article id %d, not the freed %d; the test needs the reuse", again.ID, w.undated.ID)
		}
		before := undoDump(t, w.db)
		err = w.db.Restore(ctx, s)
		want := fmt.Sprintf("its number %d has been given to a new article since", again.ID)
		if !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), want) {
			t.Fatalf("restore: %v, want a conflict saying %q", err, want)
		}
		sameDump(t, "after the refused restore", undoDump(t, w.db), before)
	})
	t.Run("id of a dependent row taken", func(t *testing.T) {
		w := newUndoWorld(t)
		var last int64
		must(t, w.db.write.QueryRow("SELECT max(id) FROM mentions").Scan(&last))
		if rowCount(t, w.db, "mentions", "id = ? AND article_id = ?", last, w.undated.ID) != 1 {
			t.Fatal("the newest mention should be in the undated article")
		}
		s, err := w.db.DeleteForUndo(ctx, "articles", w.undated.ID)
		must(t, err)
		m := model.Mention{ArticleID: w.late.ID, Span: model.Span{Start: 19, End: 24}, Text: "again", ActorID: w.umerov.ID,
			State: model.MentionConfirmed, Origin: model.OriginAnalyst}
		must(t, w.db.CreateMention(ctx, &m))
		if m.ID != last {
			t.Fatalf("new mention got id %d, not the freed %d", m.ID, last)
		}
		before := undoDump(t, w.db)
		err = w.db.Restore(ctx, s)
		want := fmt.Sprintf("a mention that went with it had number %d, which a new mention has taken since", last)
		if !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), want) {
			t.Fatalf("restore: %v, want a conflict saying %q", err, want)
		}
		sameDump(t, "after the refused restore", undoDump(t, w.db), before)
	})
	t.Run("same text imported again", func(t *testing.T) {
		w := newUndoWorld(t)
		s, err := w.db.DeleteForUndo(ctx, "articles", w.late.ID)
		must(t, err)
		addArticle(t, w.db, model.Article{Title: "Later talks again", Body: w.late.Body})
		before := undoDump(t, w.db)
		err = w.db.Restore(ctx, s)
		if !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), "same text") {
			t.Fatalf("restore: %v, want a conflict about the same text", err)
		}
		sameDump(t, "after the refused restore", undoDump(t, w.db), before)
	})
	t.Run("an alias given to another actor", func(t *testing.T) {
		w := newUndoWorld(t)
		s, err := w.db.DeleteForUndo(ctx, "actors", w.witkoff.ID)
		must(t, err)
		other := seedActor(t, w.db, "Steve Witkoff Jr.")
		seedAlias(t, w.db, "Witkoff", other.ID, 0)
		before := undoDump(t, w.db)
		err = w.db.Restore(ctx, s)
		if !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), `the name "Witkoff" has been given to another actor`) {
			t.Fatalf("restore: %v, want a conflict naming the alias", err)
		}
		sameDump(t, "after the refused restore", undoDump(t, w.db), before)
	})
	t.Run("its article deleted since", func(t *testing.T) {
		w := newUndoWorld(t)
		s, err := w.db.DeleteForUndo(ctx, "excerpts", w.quote.ID)
		must(t, err)
		must(t, w.db.DeleteArticle(ctx, w.early.ID))
		before := undoDump(t, w.db)
		err = w.db.Restore(ctx, s)
		if !errors.Is(err, model.ErrNotFound) || !strings.Contains(err.Error(), "the article it belongs to") {
			t.Fatalf("restore: %v, want not found naming the article", err)
		}
		sameDump(t, "after the refused restore", undoDump(t, w.db), before)
	})
}

// A removed row that refers to something deleted since comes back as
// SQLite would have left it: without a cleared reference, or not at all
// when it would have gone with it.
func TestUndoRestoreAfterOtherDeletes(t *testing.T) {
	ctx := context.Background()
	w := newUndoWorld(t)
	s, err := w.db.DeleteForUndo(ctx, "excerpts", w.quote.ID)
	must(t, err)
	must(t, w.db.DeleteActor(ctx, w.witkoff.ID)) // its speaker
	must(t, w.db.DeleteActor(ctx, w.umerov.ID))  // one of its actors
	must(t, w.db.Restore(ctx, s))
	e, err := w.db.Excerpt(ctx, w.quote.ID)
	must(t, err)
	if e.SpeakerID != 0 || !slices.Equal(e.ActorIDs, []int64{w.usa.ID}) || len(e.TagIDs) != 2 || len(e.DocumentIDs) != 1 {
		t.Fatalf("restored excerpt: speaker %d, actors %v, tags %v, documents %v; want no speaker, only %d, both tags, the plan",
			e.SpeakerID, e.ActorIDs, e.TagIDs, e.DocumentIDs, w.usa.ID)
	}
	if e.UID != w.quote.UID || e.Selector != w.quote.Selector {
		t.Fatalf("restored excerpt %+v differs from %+v", e, w.quote)
	}
	mustCheck(t, w.db)
}

func TestUndoSearchFindsRestoredText(t *testing.T) {
	ctx := context.Background()
	w := newUndoWorld(t)
	found := func() []int64 {
		r, err := w.db.Search(ctx, model.SearchQuery{Text: "productive", Kinds: []string{model.HitExcerpt}})
		must(t, err)
		var ids []int64
		for _, h := range r.Hits {
			ids = append(ids, h.ID)
		}
		return ids
	}
	if got := found(); !slices.Equal(got, []int64{w.quote.ID}) {
		t.Fatalf("before: %v", got)
	}
	s, err := w.db.DeleteForUndo(ctx, "articles", w.early.ID)
	must(t, err)
	if got := found(); len(got) != 0 {
		t.Fatalf("while deleted: %v", got)
	}
	must(t, w.db.Restore(ctx, s))
	if got := found(); !slices.Equal(got, []int64{w.quote.ID}) {
		t.Fatalf("after restore: %v, want excerpt %d", got, w.quote.ID)
	}
	r, err := w.db.Search(ctx, model.SearchQuery{Text: "Umerov agreed", Kinds: []string{model.HitArticle}})
	must(t, err)
	if len(r.Hits) != 1 || r.Hits[0].ID != w.early.ID {
		t.Fatalf("article after restore: %+v", r.Hits)
	}
}

func TestUndoDeleteRefusals(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	if _, err := db.DeleteForUndo(ctx, "articles", 999); !errors.Is(err, model.ErrNotFound) || !strings.Contains(err.Error(), "article 999 does not exist") {
		t.Errorf("missing article: %v, want not found", err)
	}
	for _, table := range []string{"sources", "mentions", "articles; DROP TABLE tags"} {
		if _, err := db.DeleteForUndo(ctx, table, 1); err == nil {
			t.Errorf("delete from %q with undo was allowed", table)
		}
	}
	if err := db.Restore(ctx, Snapshot{}); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("restoring nothing: %v, want invalid", err)
	}

	// A snapshot belongs to its workspace.
	src := addSource(t, db, "Reuters")
	a := addArticle(t, db, model.Article{Title: "Talks", Body: "Talks resumed.", SourceID: src.ID})
	s, err := db.DeleteForUndo(ctx, "articles", a.ID)
	must(t, err)
	other, err := Create(filepath.Join(t.TempDir(), "other.dossier"))
	must(t, err)
	defer other.Close()
	if err := other.Restore(ctx, s); !errors.Is(err, model.ErrInvalid) || !strings.Contains(err.Error(), "another workspace") {
		t.Errorf("restore in another workspace: %v", err)
	}
	must(t, db.Restore(ctx, s))

	// A sub-tag that cannot move up stops the delete, which changes nothing.
	top := addTag(t, db, "Region", 0)
	addTag(t, db, "Miami", top.ID)
	mid := addTag(t, db, "Florida", top.ID)
	addTag(t, db, "Miami", mid.ID)
	before := undoDump(t, db)
	if _, err := db.DeleteForUndo(ctx, "tags", mid.ID); !errors.Is(err, model.ErrConflict) {
		t.Errorf("delete of a tag whose sub-tag cannot move up: %v, want a conflict", err)
	}
	sameDump(t, "after the refused delete", undoDump(t, db), before)
}

// The shape read from SQLite holds every foreign key the schema declares.
func TestUndoSchemaShape(t *testing.T) {
	db := mustCreate(t)
	shape, err := shapeOf(context.Background(), db.write)
	must(t, err)
	var got []string
	for _, ts := range shape {
		for _, fk := range ts.fks {
			got = append(got, fmt.Sprintf("%s.%s→%s.%s %s", fk.child, fk.column, fk.parent, fk.target, fk.onDelete))
		}
	}
	slices.Sort(got)
	for _, want := range []string{
		"excerpts.speaker_id→actors.id SET NULL",
		"excerpt_tags.excerpt_id→excerpts.id CASCADE",
		"tags.parent_id→tags.id SET NULL",
		"articles.source_id→sources.id SET NULL",
		"proposals.article_id→articles.id CASCADE",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %s in %q", want, got)
		}
	}
	if len(got) != 27 {
		t.Errorf("%d foreign keys, want 27: %q", len(got), got)
	}
}
