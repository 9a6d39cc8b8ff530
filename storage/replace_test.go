package storage

import (
	"context"
	"testing"

	"dossier/model"
)

// A rescan replaces an article's open proposals and proposed mentions;
// those found again keep their ids, so that what the analyst was shown can
// still be accepted by its number.
func TestReplaceKeepsIDsOfWhatIsFoundAgain(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	article := insertArticleRow(t, db) // "Witkoff met Umerov in Miami."
	witkoff, umerov := seedActor(t, db, "Steve Witkoff"), seedActor(t, db, "Rustem Umerov")
	mention := func(a model.Actor, start, end int, text string) model.Mention {
		return model.Mention{Span: model.Span{Start: start, End: end}, Text: text, ActorID: a.ID, Origin: model.OriginAlias}
	}
	first := []model.Mention{mention(witkoff, 0, 7, "Witkoff"), mention(umerov, 12, 18, "Umerov")}
	if err := db.ReplaceProposedMentions(ctx, article, first); err != nil {
		t.Fatal(err)
	}
	again := []model.Mention{mention(umerov, 12, 18, "Umerov")}
	if err := db.ReplaceProposedMentions(ctx, article, again); err != nil {
		t.Fatal(err)
	}
	if again[0].ID != first[1].ID {
		t.Fatalf("Umerov's mention was %d and is now %d; it should keep its id", first[1].ID, again[0].ID)
	}
	if _, err := db.Mention(ctx, first[0].ID); err == nil {
		t.Fatal("the mention not found again is still there")
	}

	figure := func(start, end int, text, counts string) model.Proposal {
		return model.Proposal{Kind: model.ProposeFigure, Span: model.Span{Start: start, End: end}, Text: text, Counts: counts}
	}
	ps := []model.Proposal{figure(0, 7, "Witkoff", "people"), figure(12, 18, "Umerov", "people")}
	if err := db.ReplaceProposals(ctx, article, ps); err != nil {
		t.Fatal(err)
	}
	next := []model.Proposal{figure(12, 18, "Umerov", "envoys"), figure(22, 27, "Miami", "cities")}
	if err := db.ReplaceProposals(ctx, article, next); err != nil {
		t.Fatal(err)
	}
	if next[0].ID != ps[1].ID || next[0].Counts != "envoys" {
		t.Fatalf("proposal found again: %+v; want id %d with the new details", next[0], ps[1].ID)
	}
	got, err := db.Proposal(ctx, ps[1].ID)
	if err != nil || got.Counts != "envoys" {
		t.Fatalf("stored details %+v (%v)", got, err)
	}
	if _, err := db.Proposal(ctx, ps[0].ID); err == nil {
		t.Fatal("the proposal not found again is still there")
	}
	if next[1].ID == 0 {
		t.Fatal("the new proposal was not stored")
	}
	mustCheck(t, db)
}
