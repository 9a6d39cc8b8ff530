package storage

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"dossier/model"
)

// The helpers below write articles, excerpts, mentions and excerpt links
// with plain SQL, so that these tests depend only on the schema and not on
// the storage code for those tables.

// insertArticleRow stores a minimal article and returns its id.
func insertArticleRow(tb testing.TB, db *DB) int64 {
	tb.Helper()
	res, err := db.write.Exec(`INSERT INTO articles (uid, created_at, updated_at, title, body, hash)
		VALUES (?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'Talks in Miami', 'Witkoff met Umerov in Miami.', ?)`,
		newUID(), newUID())
	if err != nil {
		tb.Fatalf("insert article: %v", err)
	}
	id, _ := res.LastInsertId()
	return id
}

// insertExcerptRow stores an article with one excerpt and returns the
// excerpt's id.
func insertExcerptRow(tb testing.TB, db *DB) int64 {
	tb.Helper()
	return insertExcerptIn(tb, db, insertArticleRow(tb, db), 0)
}

// insertExcerptIn stores an excerpt of an article, spoken by speaker (0:
// nobody).
func insertExcerptIn(tb testing.TB, db *DB, article, speaker int64) int64 {
	tb.Helper()
	res, err := db.write.Exec(`INSERT INTO excerpts (uid, created_at, updated_at, article_id, start_cp, end_cp, exact, kind, speaker_id)
		VALUES (?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', ?, 0, 7, 'Witkoff', 'quote', ?)`,
		newUID(), article, nullID(speaker))
	if err != nil {
		tb.Fatalf("insert excerpt: %v", err)
	}
	id, _ := res.LastInsertId()
	return id
}

// insertRawMention stores a mention of an actor (col "actor_id") or a
// document (col "document_id") and returns its id.
func insertRawMention(tb testing.TB, db *DB, article int64, span model.Span, col string, owner int64, state model.MentionState) int64 {
	tb.Helper()
	res, err := db.write.Exec(`INSERT INTO mentions (uid, created_at, updated_at, article_id, start_cp, end_cp, text, `+col+`, state, origin)
		VALUES (?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', ?, ?, ?, 'name', ?, ?, 'alias')`,
		newUID(), article, span.Start, span.End, owner, state)
	if err != nil {
		tb.Fatalf("insert mention: %v", err)
	}
	id, _ := res.LastInsertId()
	return id
}

// linkExcerptRow links an excerpt to an actor (table excerpt_actors) or a
// document (excerpt_documents).
func linkExcerptRow(tb testing.TB, db *DB, table string, excerpt, owner int64) {
	tb.Helper()
	col := "actor_id"
	if table == "excerpt_documents" {
		col = "document_id"
	}
	if _, err := db.write.Exec("INSERT INTO "+table+" (excerpt_id, "+col+") VALUES (?, ?)", excerpt, owner); err != nil {
		tb.Fatalf("link excerpt: %v", err)
	}
}

// countRows runs a count query.
func countRows(tb testing.TB, db *DB, query string, args ...any) int {
	tb.Helper()
	var n int
	if err := db.read.QueryRow(query, args...).Scan(&n); err != nil {
		tb.Fatalf("%s: %v", query, err)
	}
	return n
}

// int64s returns the first column of a query's rows.
func int64s(tb testing.TB, db *DB, query string, args ...any) []int64 {
	tb.Helper()
	rows, err := db.read.Query(query, args...)
	if err != nil {
		tb.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	out := []int64{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			tb.Fatal(err)
		}
		out = append(out, id)
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// ftsRowids returns the rows of a full-text index that match a query.
func ftsRowids(tb testing.TB, db *DB, table, match string) []int64 {
	tb.Helper()
	return int64s(tb, db, "SELECT rowid FROM "+table+" WHERE "+table+" MATCH ? ORDER BY rowid", match)
}

// wantError fails unless err wraps sentinel and, when text is given, reads
// exactly text.
func wantError(tb testing.TB, err, sentinel error, text string) {
	tb.Helper()
	if !errors.Is(err, sentinel) {
		tb.Fatalf("got error %v, want %v", err, sentinel)
	}
	if text != "" && err.Error() != text {
		tb.Fatalf("error reads\n%q\nwant\n%q", err.Error(), text)
	}
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestRelationCRUD(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	witkoff, umerov := seedActor(t, db, "Steve Witkoff"), seedActor(t, db, "Rustem Umerov")
	evidence := insertExcerptRow(t, db)
	r := model.Relation{FromActorID: witkoff.ID, ToActorID: umerov.ID, Type: "negotiates with",
		From: day(2025, 11, 30), EvidenceExcerptID: evidence, Note: "Miami round"}
	if err := db.CreateRelation(ctx, &r); err != nil {
		t.Fatal(err)
	}
	if r.ID == 0 || len(r.UID) != 36 {
		t.Fatalf("id %d uid %q not filled", r.ID, r.UID)
	}
	got, err := db.Relation(ctx, r.ID)
	if err != nil || got != r {
		t.Fatalf("read back %+v, %v; want %+v", got, err, r)
	}
	r.To, r.Type, r.EvidenceExcerptID = day(2025, 12, 20), "met", 0
	if err := db.UpdateRelation(ctx, &r); err != nil {
		t.Fatal(err)
	}
	if got, _ = db.Relation(ctx, r.ID); got != r {
		t.Fatalf("after update %+v, want %+v", got, r)
	}
	if err := db.DeleteRelation(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	_, err = db.Relation(ctx, r.ID)
	wantError(t, err, model.ErrNotFound, "read relation: relation 1 does not exist")
	wantError(t, db.DeleteRelation(ctx, r.ID), model.ErrNotFound, "")
	wantError(t, db.UpdateRelation(ctx, &r), model.ErrNotFound, "")
	mustCheck(t, db)
}

func TestRelationRefused(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	a, b := seedActor(t, db, "Kirill Dmitriev"), seedActor(t, db, "Jared Kushner")
	tests := []struct {
		name string
		rel  model.Relation
		want string
	}{
		{"self", model.Relation{FromActorID: a.ID, ToActorID: a.ID, Type: "advises"},
			"an actor cannot be related to itself"},
		{"no type", model.Relation{FromActorID: a.ID, ToActorID: b.ID, Type: " "},
			"relation type is empty; give it a name"},
		{"missing actor", model.Relation{FromActorID: a.ID, ToActorID: 99, Type: "advises"},
			"create relation: actor 99 does not exist"},
		{"missing evidence", model.Relation{FromActorID: a.ID, ToActorID: b.ID, Type: "advises", EvidenceExcerptID: 42},
			"create relation: the evidence excerpt 42 does not exist"},
		{"ends before it starts", model.Relation{FromActorID: a.ID, ToActorID: b.ID, Type: "advises", From: day(2025, 12, 2), To: day(2025, 12, 1)},
			"relation ends (2025-12-01) before it starts (2025-12-02)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, db.CreateRelation(ctx, &tt.rel), model.ErrInvalid, tt.want)
		})
	}
	if n := countRows(t, db, "SELECT count(*) FROM relations"); n != 0 {
		t.Fatalf("%d relations stored, want none", n)
	}
	mustCheck(t, db)
}

func TestRelationEvidenceDeleted(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	a, b := seedActor(t, db, "Kirill Dmitriev"), seedActor(t, db, "Steve Witkoff")
	evidence := insertExcerptRow(t, db)
	r := model.Relation{FromActorID: a.ID, ToActorID: b.ID, Type: "negotiates with", EvidenceExcerptID: evidence}
	if err := db.CreateRelation(ctx, &r); err != nil {
		t.Fatal(err)
	}
	if _, err := db.write.Exec("DELETE FROM excerpts WHERE id = ?", evidence); err != nil {
		t.Fatal(err)
	}
	got, err := db.Relation(ctx, r.ID)
	if err != nil || got.EvidenceExcerptID != 0 || got.Type != "negotiates with" {
		t.Fatalf("after the excerpt went: %+v, %v; want the relation without evidence", got, err)
	}
	mustCheck(t, db)
}

func TestListRelations(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	w, u, d, k := seedActor(t, db, "Witkoff"), seedActor(t, db, "Umerov"), seedActor(t, db, "Dmitriev"), seedActor(t, db, "Kushner")
	add := func(from, to model.Actor, date time.Time) int64 {
		r := model.Relation{FromActorID: from.ID, ToActorID: to.ID, Type: "negotiates with", From: date}
		if err := db.CreateRelation(ctx, &r); err != nil {
			t.Fatal(err)
		}
		return r.ID
	}
	r1 := add(w, u, day(2025, 12, 1))
	r2 := add(d, w, day(2025, 11, 1))
	r3 := add(k, w, time.Time{})
	r4 := add(u, d, day(2025, 10, 1))
	r5 := add(w, k, day(2025, 11, 1))
	tests := []struct {
		name      string
		filter    model.RelationFilter
		want      []int64
		wantTotal int
	}{
		{"all, undated first, then by date and id", model.RelationFilter{}, []int64{r3, r4, r2, r5, r1}, 5},
		{"either end", model.RelationFilter{ActorID: w.ID}, []int64{r3, r2, r5, r1}, 4},
		{"to end only", model.RelationFilter{ActorID: d.ID}, []int64{r4, r2}, 2},
		{"page", model.RelationFilter{ActorID: w.ID, Page: model.Page{Limit: 2, Offset: 1}}, []int64{r2, r5}, 4},
		{"past the end", model.RelationFilter{Page: model.Page{Offset: 9}}, nil, 5},
		{"unknown actor", model.RelationFilter{ActorID: 99}, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list, total, err := db.ListRelations(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, r := range list {
				ids = append(ids, r.ID)
			}
			if !slices.Equal(ids, tt.want) || total != tt.wantTotal {
				t.Fatalf("got %v (total %d), want %v (total %d)", ids, total, tt.want, tt.wantTotal)
			}
		})
	}
}
