package storage

import (
	"context"
	"errors"
	"strings"
	"testing"

	"dossier/model"
)

// No table uses AUTOINCREMENT: SQLite gives the highest id freed to the
// next row. A restore must not link what it puts back to that new row.

func reuseActor(t *testing.T, db *DB, name string) model.Actor {
	t.Helper()
	a := model.Actor{Name: name, Kind: model.ActorPerson}
	must(t, db.CreateActor(context.Background(), &a))
	return a
}

// The quotes of a deleted article do not come back as said by an actor
// created under the id of their speaker, merged away meanwhile.
func TestUndoRestoreIgnoresSpeakerWhoseIDWasReused(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	kim := reuseActor(t, db, "Kim Lee")
	witkoff := reuseActor(t, db, "Steve Witkoff") // the newest actor
	a := addArticle(t, db, model.Article{Title: "Talks", Body: "Witkoff said the talks were productive."})
	e := excerptOf(t, db, a, "the talks were productive", model.ExcerptQuote)
	e.SpeakerID, e.ActorIDs = witkoff.ID, []int64{witkoff.ID, kim.ID}
	must(t, db.UpdateExcerpt(ctx, &e))

	s, err := db.DeleteForUndo(ctx, "articles", a.ID)
	must(t, err)
	if _, err := db.MergeActors(ctx, witkoff.ID, kim.ID); err != nil {
		t.Fatal(err)
	}
	rubio := reuseActor(t, db, "Marco Rubio")
	if rubio.ID != witkoff.ID {
		t.Fatalf("SQLite gave the new actor id %d, not the freed %d; the test needs the reuse", rubio.ID, witkoff.ID)
	}
	must(t, db.Restore(ctx, s))

	got, err := db.Excerpt(ctx, e.ID)
	must(t, err)
	if got.SpeakerID != 0 {
		t.Errorf("the restored quote is said by actor %d (Rubio is %d); want no speaker, as the merge left it", got.SpeakerID, rubio.ID)
	}
	if len(got.ActorIDs) != 1 || got.ActorIDs[0] != kim.ID {
		t.Errorf("the restored quote involves %v; want only Kim Lee (%d)", got.ActorIDs, kim.ID)
	}
	if n := rowCount(t, db, "excerpt_actors", "actor_id = ?", rubio.ID); n != 0 {
		t.Errorf("Rubio is involved in %d restored excerpts, want none", n)
	}
	mustCheck(t, db)
}

// A speaker cleared by an actor's delete goes back to the excerpt that had
// it, not to a new excerpt that took that excerpt's id.
func TestUndoRestoreIgnoresReferrerWhoseIDWasReused(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	witkoff := reuseActor(t, db, "Steve Witkoff")
	a := addArticle(t, db, model.Article{Title: "Talks", Body: "Witkoff said the talks were productive. Umerov agreed."})
	e := excerptOf(t, db, a, "the talks were productive", model.ExcerptQuote) // the newest excerpt
	e.SpeakerID = witkoff.ID
	must(t, db.UpdateExcerpt(ctx, &e))

	s, err := db.DeleteForUndo(ctx, "actors", witkoff.ID)
	must(t, err)
	must(t, db.DeleteExcerpt(ctx, e.ID))
	other := excerptOf(t, db, a, "Umerov agreed", model.ExcerptClaim)
	if other.ID != e.ID {
		t.Fatalf("SQLite gave the new excerpt id %d, not the freed %d; the test needs the reuse", other.ID, e.ID)
	}
	must(t, db.Restore(ctx, s))

	got, err := db.Excerpt(ctx, other.ID)
	must(t, err)
	if got.SpeakerID != 0 {
		t.Errorf("the new excerpt %q is now said by actor %d; want no speaker", got.Selector.Exact, got.SpeakerID)
	}
	if _, err := db.Actor(ctx, witkoff.ID); err != nil {
		t.Errorf("the actor is not back: %v", err)
	}
	mustCheck(t, db)
}

// A deleted excerpt whose article was deleted and whose article id a new
// article took is refused, rather than put into the new article.
func TestUndoRestoreRefusesItemWhoseParentIDWasReused(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	a := addArticle(t, db, model.Article{Title: "Talks", Body: "Witkoff said the talks were productive."})
	e := excerptOf(t, db, a, "the talks were productive", model.ExcerptQuote)
	s, err := db.DeleteForUndo(ctx, "excerpts", e.ID)
	must(t, err)
	must(t, db.DeleteArticle(ctx, a.ID))
	b := addArticle(t, db, model.Article{Title: "Weather", Body: "Rain is expected over Miami on Sunday."})
	if b.ID != a.ID {
		t.Fatalf("SQLite gave the new article id %d, not the freed %d; the test needs the reuse", b.ID, a.ID)
	}
	before := undoDump(t, db)
	err = db.Restore(ctx, s)
	if !errors.Is(err, model.ErrNotFound) || !strings.Contains(err.Error(), "the article it belongs to") {
		t.Fatalf("restore: %v, want a refusal naming the article", err)
	}
	sameDump(t, "after the refused restore", undoDump(t, db), before)
}
