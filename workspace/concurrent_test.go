package workspace

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"dossier/model"
)

func concurrentActor(t *testing.T, ws *Workspace, name string) model.Actor {
	t.Helper()
	a := model.Actor{Name: name, Kind: model.ActorPerson}
	if err := ws.CreateActor(context.Background(), &a); err != nil {
		t.Fatal(err)
	}
	ws.WaitRescans()
	return a
}

// Two accepts of the same suggestion at once (a double click) make one
// actor; the other is refused as a conflict. (The pure-Go driver seldom
// yields, so the accepts overlap reliably under -race, less so without.)
func TestAcceptSameProposalAtOnceMakesOneActor(t *testing.T) {
	ctx := context.Background()
	ws := mustCreate(t)
	res, err := ws.Import(ctx, []string{samplePath}, nil)
	if err != nil || res[0].Status != Imported {
		t.Fatal(res, err)
	}
	var peskov model.Proposal
	for _, p := range proposalsOf(t, ws, res[0].ArticleID, model.ProposeActor) {
		if p.Text == "Dmitry Peskov" {
			peskov = p
		}
	}
	if peskov.ID == 0 {
		t.Fatal("no actor proposal for Dmitry Peskov")
	}
	const clicks = 6
	start := make(chan struct{})
	errs := make([]error, clicks)
	var wg sync.WaitGroup
	for i := range clicks {
		wg.Go(func() {
			<-start
			_, errs[i] = ws.Accept(ctx, peskov.ID, 0)
		})
	}
	close(start)
	wg.Wait()
	ws.WaitRescans()
	accepted := 0
	for _, err := range errs {
		switch {
		case err == nil:
			accepted++
		case !errors.Is(err, model.ErrConflict) || !strings.Contains(err.Error(), "already"):
			t.Errorf("a second accept failed with %v, want a conflict saying it is already accepted", err)
		}
	}
	actors, n, err := ws.ListActors(ctx, model.ActorFilter{Text: "Dmitry Peskov"})
	if err != nil || accepted != 1 || n != 1 {
		t.Fatalf("%d accepts went through and made %d actors %+v (%v); want one of each", accepted, n, actors, err)
	}
	p, err := ws.Proposal(ctx, peskov.ID)
	if err != nil || p.State != model.ProposalAccepted || p.ResultID != actors[0].ID {
		t.Fatalf("proposal %+v (%v), want accepted as actor %d", p, err, actors[0].ID)
	}
}

// A proposal whose making fails is open again, and can be accepted later.
func TestAcceptFailureLeavesProposalOpen(t *testing.T) {
	ctx := context.Background()
	ws := mustCreate(t)
	res, err := ws.Import(ctx, []string{samplePath}, nil)
	if err != nil || res[0].Status != Imported {
		t.Fatal(res, err)
	}
	var peskov model.Proposal
	for _, p := range proposalsOf(t, ws, res[0].ArticleID, model.ProposeActor) {
		if p.Text == "Dmitry Peskov" {
			peskov = p
		}
	}
	if _, err := ws.Accept(ctx, peskov.ID, 999); err == nil {
		t.Fatal("accepted as an alias of an actor that does not exist")
	}
	p, err := ws.Proposal(ctx, peskov.ID)
	if err != nil || p.State != model.ProposalOpen {
		t.Fatalf("after the failed accept: %+v (%v), want it open", p, err)
	}
	if _, err := ws.Accept(ctx, peskov.ID, 0); err != nil {
		t.Fatalf("accept after a failed one: %v", err)
	}
}

// A tag deleted between reading the excerpts and reading their tags is
// left out of the reading, not a failure of the whole article.
func TestReadingLeavesOutTagDeletedMeanwhile(t *testing.T) {
	ctx := context.Background()
	ws := mustCreate(t)
	id := importText(t, ws, "Talks in Miami\n\nSpecial envoy Steve Witkoff called the talks productive.")
	art, err := ws.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	kept, gone := model.Tag{Name: "Talks"}, model.Tag{Name: "Miami"}
	for _, tag := range []*model.Tag{&kept, &gone} {
		if err := ws.CreateTag(ctx, tag); err != nil {
			t.Fatal(err)
		}
	}
	text := model.NewText(art.Body)
	span, _ := text.FindQuote("productive", 1)
	sel, _ := text.Selector(span)
	e := model.Excerpt{ArticleID: id, Span: span, Selector: sel, Kind: model.ExcerptQuote, TagIDs: []int64{kept.ID, gone.ID}}
	if err := ws.CreateExcerpt(ctx, &e); err != nil {
		t.Fatal(err)
	}
	r, err := ws.Reading(ctx, id)
	if err != nil || len(r.Tags) != 2 {
		t.Fatalf("reading: %d tags, %v", len(r.Tags), err)
	}
	if err := ws.DeleteTag(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	if err := r.readTags(ws)(ctx); err != nil {
		t.Fatalf("reading the tags after one was deleted: %v", err)
	}
	if _, ok := r.Tags[gone.ID]; ok || r.Tags[kept.ID].Name != "Talks" {
		t.Fatalf("tags read: %+v, want only Talks", r.Tags)
	}
}

// An article deleted while a scan runs is skipped; the scan goes on.
func TestRescanSkipsArticleDeletedMeanwhile(t *testing.T) {
	ctx := context.Background()
	ws := mustCreate(t)
	var ids []int64
	for _, title := range []string{"One", "Two", "Three"} {
		ids = append(ids, importText(t, ws, title+"\n\n"+title+": Steve Witkoff met the delegation."))
	}
	concurrentActor(t, ws, "Steve Witkoff")
	n, err := ws.Rescan(ctx, ids, func(p Progress) {
		if p.Current == strconv.FormatInt(ids[0], 10) {
			if err := ws.DB.DeleteArticle(ctx, ids[1]); err != nil {
				t.Error(err)
			}
		}
	})
	if err != nil || n != 2 {
		t.Fatalf("rescan: %d scanned, %v; want 2 and no error", n, err)
	}
	if got := mentionTexts(t, ws, ids[2]); !slices.Equal(got, []string{"Steve Witkoff"}) {
		t.Errorf("the article after the deleted one: mentions %v", got)
	}
}

// An actor deleted while a scan runs makes the scan learn the names again
// and scan the article once more without it.
func TestRescanRetriesWhenAnActorIsDeletedMeanwhile(t *testing.T) {
	ctx := context.Background()
	ws := mustCreate(t)
	a1 := importText(t, ws, "One\n\nSteve Witkoff met Dmitry Peskov.")
	a2 := importText(t, ws, "Two\n\nDmitry Peskov said no. Steve Witkoff left.")
	concurrentActor(t, ws, "Steve Witkoff")
	peskov := concurrentActor(t, ws, "Dmitry Peskov")
	if got := mentionTexts(t, ws, a2); len(got) != 2 {
		t.Fatalf("before: mentions %v", got)
	}
	n, err := ws.Rescan(ctx, []int64{a1, a2}, func(p Progress) {
		if p.Current == strconv.FormatInt(a1, 10) {
			// Straight to storage, as another window would: the names
			// known to this scan still hold Peskov.
			if err := ws.DB.DeleteActor(ctx, peskov.ID); err != nil {
				t.Error(err)
			}
		}
	})
	if err != nil || n != 2 {
		t.Fatalf("rescan: %d scanned, %v; want 2 and no error", n, err)
	}
	if got := mentionTexts(t, ws, a2); !slices.Equal(got, []string{"Steve Witkoff"}) {
		t.Errorf("mentions after the scan: %v, want only Steve Witkoff", got)
	}
}

// A restored article is scanned for the names added while it was away.
func TestRestoredArticleFindsNamesAddedMeanwhile(t *testing.T) {
	ctx := context.Background()
	ws := mustCreate(t)
	id := importText(t, ws, "Kremlin responds\n\nKremlin spokesman Dmitry Peskov said Europe was pro-war.")
	d, err := ws.Delete(ctx, KindArticle, id)
	if err != nil {
		t.Fatal(err)
	}
	concurrentActor(t, ws, "Dmitry Peskov")
	if err := ws.Restore(ctx, d); err != nil {
		t.Fatal(err)
	}
	ws.WaitRescans()
	if got := mentionTexts(t, ws, id); !slices.Contains(got, "Dmitry Peskov") {
		t.Fatalf("restored article mentions %v, want Dmitry Peskov", got)
	}
}

// Restoring an actor waits for a running scan, which holds rescanMu, and
// leaves the names to be learnt again: the scan after it finds the actor.
func TestRestoredActorIsFoundAgain(t *testing.T) {
	ctx := context.Background()
	ws := mustCreate(t)
	id := importText(t, ws, "Kremlin responds\n\nKremlin spokesman Dmitry Peskov said Europe was pro-war.")
	peskov := concurrentActor(t, ws, "Dmitry Peskov")
	d, err := ws.Delete(ctx, KindActor, peskov.ID)
	if err != nil {
		t.Fatal(err)
	}
	ws.WaitRescans()
	if got := mentionTexts(t, ws, id); len(got) != 0 {
		t.Fatalf("mentions %v of a deleted actor", got)
	}
	if err := ws.Restore(ctx, d); err != nil {
		t.Fatal(err)
	}
	ws.WaitRescans()
	if got := mentionTexts(t, ws, id); !slices.Equal(got, []string{"Dmitry Peskov"}) {
		t.Fatalf("after the restore: mentions %v, want Dmitry Peskov", got)
	}
}
