package workspace

import (
	"context"
	"slices"
	"sort"
	"strconv"
	"sync"
	"testing"

	"dossier/model"
)

// rescanned collects the articles that background scans touch.
func rescanned(ws *Workspace) func() []int64 {
	var mu sync.Mutex
	var ids []int64
	ws.OnRescan = func(p Progress) {
		id, _ := strconv.ParseInt(p.Current, 10, 64)
		mu.Lock()
		ids = append(ids, id)
		mu.Unlock()
	}
	return func() []int64 {
		ws.WaitRescans()
		mu.Lock()
		defer mu.Unlock()
		out := slices.Clone(ids)
		ids = nil
		sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
		return out
	}
}

func mentionTexts(t *testing.T, ws *Workspace, articleID int64) []string {
	t.Helper()
	ms, _, err := ws.ListMentions(context.Background(), model.MentionFilter{ArticleID: articleID})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range ms {
		out = append(out, m.Text)
	}
	return out
}

func TestAliasChangeRescansOnlyAffectedArticles(t *testing.T) {
	ctx := context.Background()
	ws := mustCreate(t)
	a1 := importText(t, ws, "Envoy meets negotiators\n\nSpecial envoy Steve Witkoff met the delegation. Witkoff said talks went well.")
	a2 := importText(t, ws, "Kremlin responds\n\nKremlin spokesman Dmitry Peskov said Europe was pro-war.")
	a3 := importText(t, ws, "Weather report\n\nRain is expected over Miami on Sunday.")
	touched := rescanned(ws)

	witkoff := model.Actor{Name: "Steve Witkoff", Kind: model.ActorPerson, Role: "special envoy"}
	if err := ws.CreateActor(ctx, &witkoff); err != nil {
		t.Fatal(err)
	}
	if got := touched(); !slices.Equal(got, []int64{a1}) {
		t.Fatalf("creating Steve Witkoff rescanned %v, want only article %d", got, a1)
	}
	if got := mentionTexts(t, ws, a1); !slices.Equal(got, []string{"Steve Witkoff"}) {
		t.Fatalf("mentions after creating the actor: %q", got)
	}

	alias := model.Alias{Name: "Witkoff", ActorID: witkoff.ID}
	if err := ws.AddAlias(ctx, &alias); err != nil {
		t.Fatal(err)
	}
	if got := touched(); !slices.Equal(got, []int64{a1}) {
		t.Fatalf("adding the alias Witkoff rescanned %v, want only article %d", got, a1)
	}
	if got := mentionTexts(t, ws, a1); !slices.Equal(got, []string{"Steve Witkoff", "Witkoff"}) {
		t.Fatalf("mentions after the alias: %q", got)
	}

	// Renaming the alias touches the articles with the old or the new name.
	if err := ws.RenameAlias(ctx, alias.ID, "Peskov"); err == nil {
		if got := touched(); !slices.Equal(got, []int64{a1, a2}) {
			t.Fatalf("renaming Witkoff to Peskov rescanned %v, want %d and %d", got, a1, a2)
		}
	} else {
		t.Fatal(err)
	}
	if got := mentionTexts(t, ws, a2); !slices.Equal(got, []string{"Peskov"}) {
		t.Fatalf("article 2 mentions %q after the rename", got)
	}
	if got := mentionTexts(t, ws, a1); !slices.Equal(got, []string{"Steve Witkoff"}) {
		t.Fatalf("article 1 mentions %q after the rename", got)
	}
	if err := ws.DeleteAlias(ctx, alias.ID); err != nil {
		t.Fatal(err)
	}
	if got := touched(); !slices.Equal(got, []int64{a2}) {
		t.Fatalf("deleting the alias Peskov rescanned %v, want only %d", got, a2)
	}
	if got := mentionTexts(t, ws, a2); len(got) != 0 {
		t.Fatalf("article 2 still mentions %q", got)
	}
	if got := mentionTexts(t, ws, a3); len(got) != 0 {
		t.Fatalf("article 3 mentions %q", got)
	}
}

func TestRejectedMentionStaysRejectedAfterRescan(t *testing.T) {
	ctx := context.Background()
	ws := mustCreate(t)
	id := importText(t, ws, "US and us\n\nThe US delegation told us nothing new.")
	us := model.Actor{Name: "United States", Kind: model.ActorState}
	if err := ws.CreateActor(ctx, &us); err != nil {
		t.Fatal(err)
	}
	if err := ws.AddAlias(ctx, &model.Alias{Name: "US", ActorID: us.ID}); err != nil {
		t.Fatal(err)
	}
	ws.WaitRescans()
	ms, _, _ := ws.ListMentions(ctx, model.MentionFilter{ArticleID: id})
	if len(ms) != 2 { // the title's "US" and the body's; never "us"
		t.Fatalf("mentions %+v, want the two capital US", ms)
	}
	if err := ws.SetMentionState(ctx, ms[1].ID, model.MentionRejected); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Rescan(ctx, nil, nil); err != nil {
		t.Fatal(err)
	}
	after, _, _ := ws.ListMentions(ctx, model.MentionFilter{ArticleID: id})
	if len(after) != 2 || after[1].State != model.MentionRejected || after[1].Span != ms[1].Span {
		t.Fatalf("after a rescan: %+v", after)
	}
}

func TestImportFindsNamesAndProposals(t *testing.T) {
	ctx := context.Background()
	ws := mustCreate(t)
	witkoff := model.Actor{Name: "Steve Witkoff", Kind: model.ActorPerson}
	if err := ws.CreateActor(ctx, &witkoff); err != nil {
		t.Fatal(err)
	}
	if err := ws.AddAlias(ctx, &model.Alias{Name: "Witkoff", ActorID: witkoff.ID}); err != nil {
		t.Fatal(err)
	}
	ws.WaitRescans()
	res, err := ws.Import(ctx, []string{samplePath}, nil)
	if err != nil || res[0].Status != Imported {
		t.Fatal(res, err)
	}
	ms, total, err := ws.ListMentions(ctx, model.MentionFilter{ArticleID: res[0].ArticleID, ActorID: witkoff.ID})
	if err != nil || total == 0 {
		t.Fatalf("no mention of Witkoff found at import: %v", err)
	}
	for _, m := range ms {
		if m.Text != "Steve Witkoff" && m.Text != "Witkoff" {
			t.Errorf("mention %q is not one of Witkoff's names", m.Text)
		}
	}
	_, n, err := ws.ListProposals(ctx, model.ProposalFilter{ArticleID: res[0].ArticleID, Kind: model.ProposeActor})
	if err != nil || n == 0 {
		t.Fatalf("no actor proposed at import (%v)", err)
	}
}
