package storage

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"dossier/model"
)

// seedActor stores a person with the given name.
func seedActor(tb testing.TB, db *DB, name string) model.Actor {
	tb.Helper()
	return seedActorOf(tb, db, model.Actor{Name: name, Kind: model.ActorPerson})
}

func seedActorOf(tb testing.TB, db *DB, a model.Actor) model.Actor {
	tb.Helper()
	if err := db.CreateActor(context.Background(), &a); err != nil {
		tb.Fatalf("create actor %q: %v", a.Name, err)
	}
	return a
}

// seedAlias gives an actor or a document (set the other id to 0) one alias.
func seedAlias(tb testing.TB, db *DB, name string, actor, document int64) model.Alias {
	tb.Helper()
	a := model.Alias{Name: name, ActorID: actor, DocumentID: document}
	if err := db.AddAlias(context.Background(), &a); err != nil {
		tb.Fatalf("add alias %q: %v", name, err)
	}
	return a
}

func actorNames(list []model.Actor) []string {
	names := []string{}
	for _, a := range list {
		names = append(names, a.Name)
	}
	return names
}

func TestActorCRUD(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	usa := seedActorOf(t, db, model.Actor{Name: "United States", Kind: model.ActorState})
	a := model.Actor{Name: "Steve Witkoff", Kind: model.ActorPerson, Role: "US special envoy", AffiliationID: usa.ID,
		Country: "United States", Description: "Led the US side in Miami.", Notes: "Check the Dec. 1 readout."}
	if err := db.CreateActor(ctx, &a); err != nil {
		t.Fatal(err)
	}
	if a.ID == 0 || len(a.UID) != 36 || a.CreatedAt.IsZero() {
		t.Fatalf("id %d uid %q created %v not filled", a.ID, a.UID, a.CreatedAt)
	}
	got, err := db.Actor(ctx, a.ID)
	if err != nil || got != a {
		t.Fatalf("read back %+v, %v; want %+v", got, err, a)
	}
	a.Role, a.AffiliationID, a.Notes = "Special Envoy for Peace Missions", 0, ""
	if err := db.UpdateActor(ctx, &a); err != nil {
		t.Fatal(err)
	}
	if got, _ = db.Actor(ctx, a.ID); got != a {
		t.Fatalf("after update %+v, want %+v", got, a)
	}
	if err := db.DeleteActor(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	_, err = db.Actor(ctx, a.ID)
	wantError(t, err, model.ErrNotFound, fmt.Sprintf("read actor: actor %d does not exist", a.ID))
	wantError(t, db.DeleteActor(ctx, a.ID), model.ErrNotFound, "")
	wantError(t, db.UpdateActor(ctx, &a), model.ErrNotFound, "")
	mustCheck(t, db)
}

func TestActorRefused(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	kremlin := seedActorOf(t, db, model.Actor{Name: "Kremlin", Kind: model.ActorOrganisation})
	tests := []struct {
		name   string
		actor  model.Actor
		update bool
		want   string
	}{
		{"no name", model.Actor{Name: "  ", Kind: model.ActorPerson}, false, "actor name is empty; give it a name"},
		{"unknown kind", model.Actor{Name: "Peskov", Kind: "spokesman"}, false,
			`unknown actor kind "spokesman"; use one of: person, organisation, state, group`},
		{"missing affiliation", model.Actor{Name: "Peskov", Kind: model.ActorPerson, AffiliationID: 77}, false,
			"create actor: the affiliated actor 77 does not exist"},
		{"affiliated with itself", model.Actor{Meta: kremlin.Meta, Name: "Kremlin", Kind: model.ActorOrganisation, AffiliationID: kremlin.ID}, true,
			`actor "Kremlin" cannot be affiliated with itself`},
		{"update to missing affiliation", model.Actor{Meta: kremlin.Meta, Name: "Kremlin", Kind: model.ActorOrganisation, AffiliationID: 77}, true,
			"update actor: the affiliated actor 77 does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			if tt.update {
				err = db.UpdateActor(ctx, &tt.actor)
			} else {
				err = db.CreateActor(ctx, &tt.actor)
			}
			wantError(t, err, model.ErrInvalid, tt.want)
		})
	}
	if got, _ := db.Actor(ctx, kremlin.ID); got != kremlin {
		t.Fatalf("refused updates changed the actor: %+v, want %+v", got, kremlin)
	}
	if n := countRows(t, db, "SELECT count(*) FROM actors"); n != 1 {
		t.Fatalf("%d actors stored, want 1", n)
	}
	mustCheck(t, db)
}

func TestListActors(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	witkoff := seedActor(t, db, "Steve Witkoff")
	seedAlias(t, db, "Witkoff", witkoff.ID, 0)
	seedAlias(t, db, "Steven Witkoff", witkoff.ID, 0)
	seedActor(t, db, "Rustem Umerov")
	seedActorOf(t, db, model.Actor{Name: "Kremlin", Kind: model.ActorOrganisation})
	putin := seedActor(t, db, "Владимир Путин")
	seedAlias(t, db, "Vladimir Putin", putin.ID, 0)
	seedActorOf(t, db, model.Actor{Name: "Ukraine", Kind: model.ActorState})
	seedActor(t, db, "Kirill Dmitriev")
	tests := []struct {
		name      string
		filter    model.ActorFilter
		want      []string
		wantTotal int
	}{
		{"all by name", model.ActorFilter{}, []string{"Kirill Dmitriev", "Kremlin", "Rustem Umerov", "Steve Witkoff", "Ukraine", "Владимир Путин"}, 6},
		{"name and aliases match once", model.ActorFilter{Text: "witkoff"}, []string{"Steve Witkoff"}, 1},
		{"any case", model.ActorFilter{Text: "WITKOFF"}, []string{"Steve Witkoff"}, 1},
		{"alias only", model.ActorFilter{Text: "steven"}, []string{"Steve Witkoff"}, 1},
		{"Cyrillic in any case", model.ActorFilter{Text: "путин"}, []string{"Владимир Путин"}, 1},
		{"Latin alias of a Cyrillic name", model.ActorFilter{Text: "PUTIN"}, []string{"Владимир Путин"}, 1},
		{"spaces folded", model.ActorFilter{Text: "  rustem   umerov "}, []string{"Rustem Umerov"}, 1},
		{"kind", model.ActorFilter{Kind: model.ActorOrganisation}, []string{"Kremlin"}, 1},
		{"kind and text", model.ActorFilter{Kind: model.ActorPerson, Text: "i"}, []string{"Kirill Dmitriev", "Steve Witkoff", "Владимир Путин"}, 3},
		{"page", model.ActorFilter{Page: model.Page{Limit: 2, Offset: 2}}, []string{"Rustem Umerov", "Steve Witkoff"}, 6},
		{"page of a filter", model.ActorFilter{Kind: model.ActorPerson, Page: model.Page{Limit: 1, Offset: 3}}, []string{"Владимир Путин"}, 4},
		{"wildcards are text", model.ActorFilter{Text: "%"}, []string{}, 0},
		{"nothing", model.ActorFilter{Text: "Lavrov"}, []string{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list, total, err := db.ListActors(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			if got := actorNames(list); !slices.Equal(got, tt.want) || total != tt.wantTotal {
				t.Fatalf("got %q (total %d), want %q (total %d)", got, total, tt.want, tt.wantTotal)
			}
		})
	}
}

// deletionFixture is an actor with something of every kind that refers to it.
type deletionFixture struct {
	witkoff, umerov, team, other model.Actor
	spoken, linked, both         int64 // excerpts
}

func newDeletionFixture(t *testing.T, db *DB) deletionFixture {
	ctx := context.Background()
	f := deletionFixture{witkoff: seedActor(t, db, "Steve Witkoff"), umerov: seedActor(t, db, "Rustem Umerov"), other: seedActor(t, db, "Jared Kushner")}
	f.team = seedActorOf(t, db, model.Actor{Name: "Envoy's team", Kind: model.ActorGroup, AffiliationID: f.witkoff.ID})
	w, u := f.witkoff.ID, f.umerov.ID
	seedAlias(t, db, "Witkoff", w, 0)
	seedAlias(t, db, "Steven Witkoff", w, 0)
	seedAlias(t, db, "Umerov", u, 0)
	article := insertArticleRow(t, db)
	insertRawMention(t, db, article, model.Span{Start: 0, End: 7}, "actor_id", w, model.MentionConfirmed)
	insertRawMention(t, db, article, model.Span{Start: 30, End: 37}, "actor_id", w, model.MentionProposed)
	insertRawMention(t, db, article, model.Span{Start: 12, End: 18}, "actor_id", u, model.MentionProposed)
	for _, r := range []model.Relation{
		{FromActorID: w, ToActorID: u, Type: "negotiates with"},
		{FromActorID: f.other.ID, ToActorID: w, Type: "works with"},
		{FromActorID: u, ToActorID: f.other.ID, Type: "met"},
	} {
		if err := db.CreateRelation(ctx, &r); err != nil {
			t.Fatal(err)
		}
	}
	doc := seedDocument(t, db, "20-point plan")
	for _, p := range []model.Party{
		{DocumentID: doc.ID, ActorID: w, Role: model.RoleProposer},
		{DocumentID: doc.ID, ActorID: w, Role: model.RoleAuthor},
		{DocumentID: doc.ID, ActorID: u, Role: model.RoleSignatory},
	} {
		if err := db.AddParty(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	f.spoken = insertExcerptIn(t, db, article, w)
	f.linked = insertExcerptIn(t, db, article, u)
	f.both = insertExcerptIn(t, db, article, w)
	linkExcerptRow(t, db, "excerpt_actors", f.linked, w)
	linkExcerptRow(t, db, "excerpt_actors", f.linked, u)
	linkExcerptRow(t, db, "excerpt_actors", f.both, w)
	return f
}

func TestDeleteActor(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	f := newDeletionFixture(t, db)
	impact, err := db.ActorDeletionImpact(ctx, f.witkoff.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := model.ActorImpact{Aliases: 2, Mentions: 2, Relations: 2, Parties: 2, SpokenExcerpts: 2, LinkedExcerpts: 2, AffiliatedActors: 1}
	if impact != want {
		t.Fatalf("impact %+v, want %+v", impact, want)
	}
	if err := db.DeleteActor(ctx, f.witkoff.ID); err != nil {
		t.Fatal(err)
	}
	w := f.witkoff.ID
	for _, c := range []struct {
		query string
		want  int
	}{
		{"SELECT count(*) FROM aliases WHERE actor_id = ?", 0},
		{"SELECT count(*) FROM mentions WHERE actor_id = ?", 0},
		{"SELECT count(*) FROM relations WHERE from_actor_id = ?1 OR to_actor_id = ?1", 0},
		{"SELECT count(*) FROM parties WHERE actor_id = ?", 0},
		{"SELECT count(*) FROM excerpt_actors WHERE actor_id = ?", 0},
		{"SELECT count(*) FROM excerpts WHERE speaker_id = ?", 0},
		{"SELECT count(*) FROM excerpts WHERE speaker_id IS NULL AND ? > 0", 2},
		{"SELECT count(*) FROM excerpts WHERE ? > 0", 3},
		{"SELECT count(*) FROM aliases WHERE ? > 0", 1},
		{"SELECT count(*) FROM mentions WHERE ? > 0", 1},
		{"SELECT count(*) FROM relations WHERE ? > 0", 1},
		{"SELECT count(*) FROM parties WHERE ? > 0", 1},
		{"SELECT count(*) FROM excerpt_actors WHERE ? > 0", 1},
	} {
		if got := countRows(t, db, c.query, w); got != c.want {
			t.Errorf("%s: %d, want %d", c.query, got, c.want)
		}
	}
	if got := int64s(t, db, "SELECT excerpt_id FROM excerpt_actors"); !slices.Equal(got, []int64{f.linked}) {
		t.Errorf("excerpt links left %v, want only %d's link to Umerov", got, f.linked)
	}
	team, err := db.Actor(ctx, f.team.ID)
	if err != nil || team.AffiliationID != 0 || team.Name != "Envoy's team" {
		t.Errorf("affiliated actor after delete: %+v, %v; want it kept without affiliation", team, err)
	}
	_, err = db.ActorDeletionImpact(ctx, w)
	wantError(t, err, model.ErrNotFound, fmt.Sprintf("count what deleting an actor touches: actor %d does not exist", w))
	mustCheck(t, db)
}

func TestActorsFTS(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	z := seedActorOf(t, db, model.Actor{Name: "Volodýmyr Zelenskyý", Kind: model.ActorPerson, Role: "President of Ukraine"})
	s := seedActorOf(t, db, model.Actor{Name: "Андрій Сибіга", Kind: model.ActorPerson, Role: "Foreign Minister"})
	p := seedActor(t, db, "Dmitry Peskov")
	steps := []struct {
		name  string
		match string
		want  []int64
	}{
		{"accents ignored", "zelenskyy", []int64{z.ID}},
		{"accents in the query ignored", "Zelénskyy", []int64{z.ID}},
		{"role", "president", []int64{z.ID}},
		{"Cyrillic", "сибіга", []int64{s.ID}},
		{"Cyrillic, other case", "СИБІГА", []int64{s.ID}},
		{"two rows", "minister OR ukraine", []int64{z.ID, s.ID}},
		{"no row", "sybiha", []int64{}},
	}
	for _, tt := range steps {
		if got := ftsRowids(t, db, "actors_fts", tt.match); !slices.Equal(got, tt.want) {
			t.Errorf("%s: MATCH %q found %v, want %v", tt.name, tt.match, got, tt.want)
		}
	}
	z.Name, z.Notes = "Volodymyr Zelensky", "Spoke in Kyiv."
	if err := db.UpdateActor(ctx, &z); err != nil {
		t.Fatal(err)
	}
	if got := ftsRowids(t, db, "actors_fts", "zelenskyy"); len(got) != 0 {
		t.Errorf("old name still found after rename: %v", got)
	}
	if got := ftsRowids(t, db, "actors_fts", "zelensky kyiv"); !slices.Equal(got, []int64{z.ID}) {
		t.Errorf("new name and notes: %v, want [%d]", got, z.ID)
	}
	if err := db.DeleteActor(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if got := ftsRowids(t, db, "actors_fts", "peskov"); len(got) != 0 {
		t.Errorf("deleted actor still found: %v", got)
	}
	mustCheck(t, db)
}

// mergeFixture holds two actors to merge, each with aliases, mentions,
// excerpts, relations and parties, some of which collide.
type mergeFixture struct {
	from, into, usa, umerov, team model.Actor
	article                       int64
	e1, e2, e3, e4                int64 // excerpts
	doc                           model.Document
}

func newMergeFixture(t *testing.T, db *DB) mergeFixture {
	ctx := context.Background()
	var f mergeFixture
	f.usa = seedActorOf(t, db, model.Actor{Name: "United States", Kind: model.ActorState})
	f.from = seedActorOf(t, db, model.Actor{Name: "Steven Witkoff", Kind: model.ActorPerson, AffiliationID: f.usa.ID,
		Country: "United States", Description: "Real-estate developer turned envoy.", Notes: "Seen in Miami."})
	f.into = seedActorOf(t, db, model.Actor{Name: "Steve Witkoff", Kind: model.ActorPerson, Role: "US special envoy", Notes: "Main US negotiator."})
	f.umerov = seedActor(t, db, "Rustem Umerov")
	f.team = seedActorOf(t, db, model.Actor{Name: "Envoy's team", Kind: model.ActorGroup, AffiliationID: f.from.ID})
	from, into := f.from.ID, f.into.ID
	seedAlias(t, db, "Witkoff", from, 0)
	seedAlias(t, db, "S. Witkoff", into, 0)

	f.article = insertArticleRow(t, db)
	mention := func(start int, owner int64, state model.MentionState) {
		insertRawMention(t, db, f.article, model.Span{Start: start, End: start + 7}, "actor_id", owner, state)
	}
	mention(0, from, model.MentionProposed)   // moves
	mention(10, from, model.MentionConfirmed) // wins over into's proposed one
	mention(10, into, model.MentionProposed)
	mention(20, from, model.MentionProposed) // loses to into's rejected one
	mention(20, into, model.MentionRejected)
	mention(30, into, model.MentionConfirmed)
	mention(40, from, model.MentionRejected) // moves

	f.e1 = insertExcerptIn(t, db, f.article, from)
	f.e2 = insertExcerptIn(t, db, f.article, into)
	f.e3 = insertExcerptIn(t, db, f.article, from)
	f.e4 = insertExcerptIn(t, db, f.article, 0)
	linkExcerptRow(t, db, "excerpt_actors", f.e1, from)
	linkExcerptRow(t, db, "excerpt_actors", f.e2, from)
	linkExcerptRow(t, db, "excerpt_actors", f.e2, into)
	linkExcerptRow(t, db, "excerpt_actors", f.e4, into)

	for _, r := range []model.Relation{
		{FromActorID: from, ToActorID: f.umerov.ID, Type: "negotiates with"},
		{FromActorID: f.umerov.ID, ToActorID: from, Type: "met"},
		{FromActorID: from, ToActorID: into, Type: "same person as"},
		{FromActorID: into, ToActorID: f.usa.ID, Type: "represents"},
	} {
		if err := db.CreateRelation(ctx, &r); err != nil {
			t.Fatal(err)
		}
	}
	f.doc = seedDocument(t, db, "20-point plan")
	for _, p := range []model.Party{
		{DocumentID: f.doc.ID, ActorID: from, Role: model.RoleProposer},
		{DocumentID: f.doc.ID, ActorID: from, Role: model.RoleAuthor},
		{DocumentID: f.doc.ID, ActorID: into, Role: model.RoleProposer},
	} {
		if err := db.AddParty(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

// actorHoldings counts, per table, the rows that refer to some actors.
func actorHoldings(t *testing.T, db *DB, ids ...int64) map[string]int {
	in := "IN (" + fmt.Sprint(ids[0])
	for _, id := range ids[1:] {
		in += ", " + fmt.Sprint(id)
	}
	in += ")"
	return map[string]int{
		"aliases":        countRows(t, db, "SELECT count(*) FROM aliases WHERE actor_id "+in),
		"mentions":       countRows(t, db, "SELECT count(*) FROM mentions WHERE actor_id "+in),
		"spoken":         countRows(t, db, "SELECT count(*) FROM excerpts WHERE speaker_id "+in),
		"excerpt links":  countRows(t, db, "SELECT count(*) FROM excerpt_actors WHERE actor_id "+in),
		"relations":      countRows(t, db, "SELECT count(*) FROM relations WHERE from_actor_id "+in+" OR to_actor_id "+in),
		"parties":        countRows(t, db, "SELECT count(*) FROM parties WHERE actor_id "+in),
		"affiliated":     countRows(t, db, "SELECT count(*) FROM actors WHERE affiliation_id "+in),
		"all excerpts":   countRows(t, db, "SELECT count(*) FROM excerpts"),
		"other mentions": countRows(t, db, "SELECT count(*) FROM mentions WHERE NOT actor_id "+in),
	}
}

func TestMergeActors(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	f := newMergeFixture(t, db)
	before := actorHoldings(t, db, f.from.ID, f.into.ID)
	report, err := db.MergeActors(ctx, f.from.ID, f.into.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := model.MergeReport{AliasesMoved: 1, NameAdded: true, MentionsMoved: 3, MentionsDropped: 2,
		ExcerptLinksMoved: 1, ExcerptLinksDropped: 1, PartiesMoved: 1, PartiesDropped: 1,
		SpokenExcerptsMoved: 2, RelationsMoved: 2, RelationsDropped: 1, AffiliationsMoved: 1}
	if report != want {
		t.Fatalf("report %+v\nwant   %+v", report, want)
	}
	after := actorHoldings(t, db, f.into.ID)
	// Nothing is lost: what both had is what into has, less what the
	// report says was dropped, plus the name kept as an alias.
	wantAfter := map[string]int{
		"aliases":        before["aliases"] + 1,
		"mentions":       before["mentions"] - report.MentionsDropped,
		"spoken":         before["spoken"],
		"excerpt links":  before["excerpt links"] - report.ExcerptLinksDropped,
		"relations":      before["relations"] - report.RelationsDropped,
		"parties":        before["parties"] - report.PartiesDropped,
		"affiliated":     before["affiliated"],
		"all excerpts":   before["all excerpts"],
		"other mentions": before["other mentions"],
	}
	for k, n := range wantAfter {
		if after[k] != n {
			t.Errorf("%s: %d after the merge, want %d (before: %d)", k, after[k], n, before[k])
		}
	}
	checkMergedActor(t, db, f)
	mustCheck(t, db)
}

// checkMergedActor checks the survivor of newMergeFixture's merge row by row.
func checkMergedActor(t *testing.T, db *DB, f mergeFixture) {
	ctx := context.Background()
	if _, err := db.Actor(ctx, f.from.ID); err == nil {
		t.Errorf("merged actor %d still exists", f.from.ID)
	}
	got, err := db.Actor(ctx, f.into.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := f.into
	want.AffiliationID, want.Country, want.Description = f.usa.ID, "United States", "Real-estate developer turned envoy."
	want.Notes, want.UpdatedAt = "Main US negotiator.\n\nSeen in Miami.", got.UpdatedAt
	if got != want {
		t.Errorf("survivor %+v\nwant      %+v", got, want)
	}
	aliases, _, _ := db.ListAliases(ctx, model.AliasFilter{ActorID: f.into.ID})
	var names []string
	for _, a := range aliases {
		names = append(names, a.Name)
	}
	if !slices.Equal(names, []string{"S. Witkoff", "Steven Witkoff", "Witkoff"}) {
		t.Errorf("aliases %q", names)
	}
	states := int64s(t, db, `SELECT start_cp * 10 + CASE state WHEN 'proposed' THEN 1 WHEN 'confirmed' THEN 2 ELSE 3 END
		FROM mentions WHERE actor_id = ? ORDER BY start_cp`, f.into.ID)
	if !slices.Equal(states, []int64{1, 102, 203, 302, 403}) { // span start*10 + state
		t.Errorf("mentions (start*10+state) %v", states)
	}
	if got := int64s(t, db, "SELECT id FROM excerpts WHERE speaker_id = ? ORDER BY id", f.into.ID); !slices.Equal(got, []int64{f.e1, f.e2, f.e3}) {
		t.Errorf("spoken excerpts %v", got)
	}
	if got := int64s(t, db, "SELECT excerpt_id FROM excerpt_actors WHERE actor_id = ? ORDER BY excerpt_id", f.into.ID); !slices.Equal(got, []int64{f.e1, f.e2, f.e4}) {
		t.Errorf("linked excerpts %v", got)
	}
	rels, _, _ := db.ListRelations(ctx, model.RelationFilter{ActorID: f.into.ID})
	var ends []string
	for _, r := range rels {
		ends = append(ends, fmt.Sprintf("%d %s %d", r.FromActorID, r.Type, r.ToActorID))
	}
	wantEnds := []string{
		fmt.Sprintf("%d negotiates with %d", f.into.ID, f.umerov.ID),
		fmt.Sprintf("%d met %d", f.umerov.ID, f.into.ID),
		fmt.Sprintf("%d represents %d", f.into.ID, f.usa.ID),
	}
	if !slices.Equal(ends, wantEnds) {
		t.Errorf("relations %q, want %q", ends, wantEnds)
	}
	parties, _, _ := db.ListParties(ctx, model.PartyFilter{ActorID: f.into.ID})
	var roles []model.PartyRole
	for _, p := range parties {
		roles = append(roles, p.Role)
	}
	if !slices.Equal(roles, []model.PartyRole{model.RoleAuthor, model.RoleProposer}) {
		t.Errorf("parties %v", roles)
	}
	if team, _ := db.Actor(ctx, f.team.ID); team.AffiliationID != f.into.ID {
		t.Errorf("team affiliated with %d, want %d", team.AffiliationID, f.into.ID)
	}
	if got := ftsRowids(t, db, "actors_fts", "miami"); !slices.Equal(got, []int64{f.into.ID}) {
		t.Errorf("appended notes not searchable: %v", got)
	}
	if got := ftsRowids(t, db, "aliases_fts", "steven"); len(got) != 1 {
		t.Errorf("name kept as alias not searchable: %v", got)
	}
}

func TestMergeActorsEdges(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	from := seedActor(t, db, "Witkoff")
	into := seedActorOf(t, db, model.Actor{Name: "Steve Witkoff", Kind: model.ActorPerson, AffiliationID: from.ID})
	third := seedActor(t, db, "Someone else")
	seedAlias(t, db, "witkoff", third.ID, 0) // the name is held elsewhere: not added

	_, err := db.MergeActors(ctx, into.ID, into.ID)
	wantError(t, err, model.ErrInvalid, fmt.Sprintf("actor %d cannot be merged into itself", into.ID))
	_, err = db.MergeActors(ctx, 99, into.ID)
	wantError(t, err, model.ErrNotFound, "merge actors: actor 99 does not exist")
	_, err = db.MergeActors(ctx, from.ID, 99)
	wantError(t, err, model.ErrNotFound, "merge actors: actor 99 does not exist")

	report, err := db.MergeActors(ctx, from.ID, into.ID)
	if err != nil {
		t.Fatal(err)
	}
	if report != (model.MergeReport{}) {
		t.Errorf("report %+v, want nothing moved", report)
	}
	got, err := db.Actor(ctx, into.ID)
	if err != nil || got.AffiliationID != 0 {
		t.Errorf("survivor %+v, %v: its affiliation with the merged actor should be cleared", got, err)
	}
	if n := countRows(t, db, "SELECT count(*) FROM aliases WHERE actor_id = ?", third.ID); n != 1 {
		t.Errorf("third actor holds %d aliases, want 1", n)
	}
	mustCheck(t, db)
}
