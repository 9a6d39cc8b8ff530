package storage

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"dossier/model"
)

// profileFixture is a small workspace built by hand around Steve Witkoff
// and the 28-point plan, with every part of their pages in it, and rows of
// other actors and documents that must stay off those pages.
type profileFixture struct {
	db                                     *DB
	us, witkoff, umerov, dmitriev, kushner model.Actor
	// geneva (rejected mentions only), miami, berlin, undated, sunday, monday
	articles                 map[string]model.Article
	plan, framework, economy model.Document
	zeta                     model.Document
	witkoffAliases           []model.Alias // in order of name
	planAliases              []model.Alias
	relations                []model.RelationView // Witkoff's, in profile order
	quotes                   []int64              // spoken by Witkoff, in profile order
	witkoffMentions          []model.MentionRef
	planMentions             []model.MentionRef
	planParties              []int64 // in profile order
	planHistory              []int64 // in date order
}

func newProfileFixture(t *testing.T) *profileFixture {
	t.Helper()
	db := mustCreate(t)
	f := &profileFixture{db: db, articles: map[string]model.Article{}}
	f.us = seedActorOf(t, db, model.Actor{Name: "United States", Kind: model.ActorState})
	f.witkoff = seedActorOf(t, db, model.Actor{Name: "Steve Witkoff", Kind: model.ActorPerson, Role: "special envoy", AffiliationID: f.us.ID})
	f.umerov = seedActor(t, db, "Rustem Umerov")
	f.dmitriev = seedActor(t, db, "Kirill Dmitriev")
	f.kushner = seedActor(t, db, "Jared Kushner")
	f.addArticles(t)
	f.addAliases(t)
	f.addRelations(t)
	f.addDocuments(t)
	f.addExcerpts(t)
	f.addMentions(t)
	return f
}

func (f *profileFixture) addArticles(t *testing.T) {
	for _, a := range []struct {
		key, title, published, body string
	}{
		{"geneva", "Geneva", "2025-11-15 09:00:00", "Steve Witkoff was not there; the plan was not discussed."},
		{"miami", "Miami talks", "2025-12-20 10:00:00", "Witkoff met Umerov in Miami. Witkoff called the 28-point plan productive. " +
			"Umerov said the security framework holds."},
		{"berlin", "Berlin", "2025-12-01 00:00:00", "Witkoff presented the 28-point plan in Berlin."},
		{"undated", "Undated note", "", "Witkoff said the guarantee framework is close."},
		{"sunday", "Sunday", "2025-12-07 23:30:00", "Late on Sunday Witkoff spoke."},
		{"monday", "Monday", "2025-12-08 08:00:00", "On Monday Witkoff and Kushner spoke of the economic plan."},
	} {
		art := model.Article{Title: a.title, Body: a.body}
		if a.published != "" {
			art.PublishedAt = at(a.published)
		}
		f.articles[a.key] = addArticle(t, f.db, art)
	}
}

func (f *profileFixture) addAliases(t *testing.T) {
	witkoff := []model.Alias{
		seedAlias(t, f.db, "Witkoff", f.witkoff.ID, 0),
		seedAlias(t, f.db, "Steven Witkoff", f.witkoff.ID, 0),
		seedAlias(t, f.db, "steve witkoff", f.witkoff.ID, 0),
	}
	f.witkoffAliases = []model.Alias{witkoff[2], witkoff[1], witkoff[0]}
	seedAlias(t, f.db, "Umerov", f.umerov.ID, 0)
}

func (f *profileFixture) addRelations(t *testing.T) {
	ctx := context.Background()
	add := func(from, to model.Actor, typ string, since time.Time) model.Relation {
		r := model.Relation{FromActorID: from.ID, ToActorID: to.ID, Type: typ, From: since}
		if err := f.db.CreateRelation(ctx, &r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	toUmerov := add(f.witkoff, f.umerov, "negotiates with", at("2025-12-01"))
	fromDmitriev := add(f.dmitriev, f.witkoff, "negotiates with", time.Time{})
	add(f.umerov, f.dmitriev, "opposes", time.Time{}) // not Witkoff's
	fromKushner := add(f.kushner, f.witkoff, "advises", time.Time{})
	// Undated first, then by date; among the undated, by the other's name.
	f.relations = []model.RelationView{
		{Relation: fromKushner, Other: f.kushner},
		{Relation: fromDmitriev, Other: f.dmitriev},
		{Relation: toUmerov, Other: f.umerov, Outgoing: true},
	}
}

func (f *profileFixture) addDocuments(t *testing.T) {
	ctx := context.Background()
	f.plan = seedDocument(t, f.db, "28-point plan")
	f.framework = seedDocument(t, f.db, "Security guarantee framework")
	f.economy = seedDocument(t, f.db, "Economic plan")
	f.zeta = seedDocument(t, f.db, "Zeta statement")
	peace, proposal := seedAlias(t, f.db, "peace plan", 0, f.plan.ID), seedAlias(t, f.db, "28-point proposal", 0, f.plan.ID)
	f.planAliases = []model.Alias{proposal, peace}
	party := func(d model.Document, a model.Actor, role model.PartyRole) int64 {
		p := model.Party{DocumentID: d.ID, ActorID: a.ID, Role: role}
		if err := f.db.AddParty(ctx, &p); err != nil {
			t.Fatal(err)
		}
		return p.ID
	}
	proposer := party(f.plan, f.witkoff, model.RoleProposer)
	witkoffAuthor := party(f.plan, f.witkoff, model.RoleAuthor)
	opponent := party(f.plan, f.umerov, model.RoleOpponent)
	kushnerAuthor := party(f.plan, f.kushner, model.RoleAuthor)
	party(f.economy, f.umerov, model.RoleAuthor)
	party(f.zeta, f.witkoff, model.RoleGuarantor)
	f.planParties = []int64{kushnerAuthor, witkoffAuthor, proposer, opponent}
	event := func(date string, status model.DocumentStatus) int64 {
		e := model.StatusEvent{DocumentID: f.plan.ID, Date: at(date), Status: status}
		if err := f.db.AddStatusEvent(ctx, &e); err != nil {
			t.Fatal(err)
		}
		return e.ID
	}
	presented, revised, drafted := event("2025-11-20", model.StatusPresented), event("2025-12-02", model.StatusUnderRevision),
		event("2025-10-01", model.StatusDrafting)
	f.planHistory = []int64{drafted, presented, revised}
}

func (f *profileFixture) addExcerpts(t *testing.T) {
	add := func(article, quote string, speaker int64, actors, documents []int64) int64 {
		e := quoteExcerpt(t, f.articles[article], quote)
		e.SpeakerID, e.ActorIDs, e.DocumentIDs = speaker, actors, documents
		return addExcerpt(t, f.db, e).ID
	}
	called := add("miami", "Witkoff called the 28-point plan productive", f.witkoff.ID, nil, []int64{f.plan.ID})
	met := add("miami", "Witkoff met Umerov", f.witkoff.ID, []int64{f.umerov.ID}, nil)
	// Umerov speaks; Witkoff is involved: it counts for the framework.
	add("miami", "Umerov said the security framework holds", f.umerov.ID, []int64{f.witkoff.ID}, []int64{f.framework.ID})
	presented := add("berlin", "Witkoff presented the 28-point plan", f.witkoff.ID, nil, nil)
	// Spoken by and involving Witkoff: one excerpt, counted once.
	close := add("undated", "the guarantee framework is close", f.witkoff.ID, []int64{f.witkoff.ID}, []int64{f.framework.ID})
	add("monday", "Kushner spoke of the economic plan", f.kushner.ID, []int64{f.umerov.ID}, []int64{f.economy.ID})
	f.quotes = []int64{presented, met, called, close}
}

func (f *profileFixture) addMentions(t *testing.T) {
	mention := func(article, text string, occurrence int, actor, document int64, state model.MentionState) model.MentionRef {
		a := f.articles[article]
		span, err := model.NewText(a.Body).FindQuote(text, occurrence)
		if err != nil {
			t.Fatal(err)
		}
		m := addMention(t, f.db, model.Mention{ArticleID: a.ID, Span: span, Text: text, ActorID: actor, DocumentID: document,
			State: state, Origin: model.OriginAlias})
		return model.MentionRef{MentionID: m.ID, ArticleID: a.ID, ArticleTitle: a.Title, PublishedAt: a.PublishedAt,
			Span: span, Text: text, State: state}
	}
	w := f.witkoff.ID
	mention("geneva", "Steve Witkoff", 1, w, 0, model.MentionRejected)
	mention("geneva", "plan", 1, 0, f.plan.ID, model.MentionRejected)
	undated := mention("undated", "Witkoff", 1, w, 0, model.MentionConfirmed)
	miami2 := mention("miami", "Witkoff", 2, w, 0, model.MentionProposed)
	miami1 := mention("miami", "Witkoff", 1, w, 0, model.MentionConfirmed)
	mention("miami", "Umerov", 1, f.umerov.ID, 0, model.MentionConfirmed)
	monday := mention("monday", "Witkoff", 1, w, 0, model.MentionProposed)
	mention("monday", "plan", 1, 0, f.plan.ID, model.MentionRejected)
	mention("monday", "economic plan", 1, 0, f.economy.ID, model.MentionConfirmed)
	berlin := mention("berlin", "Witkoff", 1, w, 0, model.MentionProposed)
	sunday := mention("sunday", "Witkoff", 1, w, 0, model.MentionConfirmed)
	planMiami := mention("miami", "28-point plan", 1, 0, f.plan.ID, model.MentionConfirmed)
	planBerlin := mention("berlin", "28-point plan", 1, 0, f.plan.ID, model.MentionProposed)
	// By article date, undated last; within an article by position.
	f.witkoffMentions = []model.MentionRef{berlin, sunday, monday, miami1, miami2, undated}
	f.planMentions = []model.MentionRef{planBerlin, planMiami}
}

func TestActorProfile(t *testing.T) {
	ctx := context.Background()
	f := newProfileFixture(t)
	got, err := f.db.ActorProfile(ctx, f.witkoff.ID)
	if err != nil {
		t.Fatal(err)
	}
	us := f.us
	want := model.ActorProfile{
		Actor:       f.witkoff,
		Affiliation: &us,
		Aliases:     f.witkoffAliases,
		Relations:   f.relations,
		Quotes:      f.excerpts(t, f.quotes),
		Mentions:    f.witkoffMentions,
		Timeline: []model.DatedCount{
			{Week: at("2025-12-01"), Count: 2}, // Monday 00:00 and Sunday 23:30
			{Week: at("2025-12-08"), Count: 1},
			{Week: at("2025-12-15"), Count: 2}, // two in one article
		},
		Documents: []model.DocumentRole{
			{Document: f.plan, Roles: []model.PartyRole{model.RoleAuthor, model.RoleProposer}, Excerpts: 1},
			{Document: f.framework, Excerpts: 2},
			{Document: f.zeta, Roles: []model.PartyRole{model.RoleGuarantor}},
		},
		// The rejected mention in Geneva, earlier, does not count.
		FirstSeen: at("2025-12-01 00:00:00"),
		LastSeen:  at("2025-12-20 10:00:00"),
	}
	want.Documents[0].Document = f.document(t, f.plan.ID) // its status followed the history
	comparePages(t, got, want)
	mustCheck(t, f.db)
}

func TestDocumentProfile(t *testing.T) {
	ctx := context.Background()
	f := newProfileFixture(t)
	got, err := f.db.DocumentProfile(ctx, f.plan.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := model.DocumentProfile{
		Document: f.document(t, f.plan.ID),
		Aliases:  f.planAliases,
		Mentions: f.planMentions,
		Timeline: []model.DatedCount{
			{Week: at("2025-12-01"), Count: 1},
			{Week: at("2025-12-15"), Count: 1},
		},
		FirstSeen: at("2025-12-01 00:00:00"),
		LastSeen:  at("2025-12-20 10:00:00"),
	}
	actors := map[int64]model.Actor{f.witkoff.ID: f.witkoff, f.umerov.ID: f.umerov, f.kushner.ID: f.kushner}
	for _, id := range f.planParties {
		p, err := f.db.Party(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		want.Parties = append(want.Parties, model.PartyView{Party: p, Actor: actors[p.ActorID]})
	}
	for _, id := range f.planHistory {
		e, err := f.db.StatusEvent(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		want.History = append(want.History, e)
	}
	if want.Document.Status != model.StatusUnderRevision {
		t.Fatalf("fixture: the plan is %q, want under revision", want.Document.Status)
	}
	comparePages(t, got, want)
	mustCheck(t, f.db)
}

// TestStatusEvidence reads the excerpts a history cites, whether or not
// they are linked to the document, once each, and none of other documents.
func TestStatusEvidence(t *testing.T) {
	ctx := context.Background()
	f := newProfileFixture(t)
	presented, called := f.quotes[0], f.quotes[2] // neither linked to the framework
	cite := func(d model.Document, date string, evidence int64) {
		e := model.StatusEvent{DocumentID: d.ID, Date: at(date), Status: model.StatusPresented, EvidenceExcerptID: evidence}
		if err := f.db.AddStatusEvent(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	cite(f.framework, "2025-12-01", presented)
	cite(f.framework, "2025-12-02", presented)
	cite(f.framework, "2025-12-20", called)
	cite(f.economy, "2025-12-08", f.quotes[1])
	got, err := f.db.StatusEvidence(ctx, f.framework.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := f.excerpts(t, []int64{min(presented, called), max(presented, called)})
	if !reflect.DeepEqual(got, want) {
		t.Errorf("evidence of the framework:\n got %+v\nwant %+v", got, want)
	}
	if got, err := f.db.StatusEvidence(ctx, f.zeta.ID); err != nil || len(got) != 0 {
		t.Errorf("evidence of a document without history = %v, %v; want none", got, err)
	}
}

func TestProfilesOfNothing(t *testing.T) {
	ctx := context.Background()
	f := newProfileFixture(t)
	lonely := seedActor(t, f.db, "Nobody Known")
	got, err := f.db.ActorProfile(ctx, lonely.ID)
	if err != nil {
		t.Fatal(err)
	}
	comparePages(t, got, model.ActorProfile{Actor: lonely})
	blank := seedDocument(t, f.db, "Blank letter")
	doc, err := f.db.DocumentProfile(ctx, blank.ID)
	if err != nil {
		t.Fatal(err)
	}
	comparePages(t, doc, model.DocumentProfile{Document: blank})
	if _, err := f.db.ActorProfile(ctx, 999); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("profile of a missing actor: %v", err)
	}
	if _, err := f.db.DocumentProfile(ctx, 999); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("profile of a missing document: %v", err)
	}
	mustCheck(t, f.db)
}

// TestProfileFollowsVerdicts rejects and confirms mentions and checks that
// the derived parts follow: nothing of them is stored.
func TestProfileFollowsVerdicts(t *testing.T) {
	ctx := context.Background()
	f := newProfileFixture(t)
	// Reject both Miami mentions (the latest) and the Berlin one (the earliest).
	for _, m := range []model.MentionRef{f.witkoffMentions[0], f.witkoffMentions[3], f.witkoffMentions[4]} {
		if err := f.db.SetMentionState(ctx, m.MentionID, model.MentionRejected); err != nil {
			t.Fatal(err)
		}
	}
	got, err := f.db.ActorProfile(ctx, f.witkoff.ID)
	if err != nil {
		t.Fatal(err)
	}
	wantMentions := []model.MentionRef{f.witkoffMentions[1], f.witkoffMentions[2], f.witkoffMentions[5]}
	wantTimeline := []model.DatedCount{{Week: at("2025-12-01"), Count: 1}, {Week: at("2025-12-08"), Count: 1}}
	if !reflect.DeepEqual(got.Mentions, wantMentions) || !reflect.DeepEqual(got.Timeline, wantTimeline) {
		t.Fatalf("after rejections: mentions %+v\ntimeline %v", got.Mentions, got.Timeline)
	}
	if !got.FirstSeen.Equal(at("2025-12-07 23:30:00")) || !got.LastSeen.Equal(at("2025-12-08 08:00:00")) {
		t.Fatalf("after rejections: seen %v – %v", got.FirstSeen, got.LastSeen)
	}
	mustCheck(t, f.db)
}

// excerpts reads excerpts by id, in order.
func (f *profileFixture) excerpts(t *testing.T, ids []int64) []model.Excerpt {
	t.Helper()
	var out []model.Excerpt
	for _, id := range ids {
		e, err := f.db.Excerpt(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}

func (f *profileFixture) document(t *testing.T, id int64) model.Document {
	t.Helper()
	d, err := f.db.Document(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// comparePages compares two profiles field by field, so that a failure
// names the part that differs.
func comparePages(t *testing.T, got, want any) {
	t.Helper()
	g, w := reflect.ValueOf(got), reflect.ValueOf(want)
	for i := range g.NumField() {
		name := g.Type().Field(i).Name
		if gf, wf := g.Field(i).Interface(), w.Field(i).Interface(); !reflect.DeepEqual(gf, wf) {
			t.Errorf("%s:\n got %+v\nwant %+v", name, gf, wf)
		}
	}
}

// TestProfileQueriesUseIndexes guards the speed of the profiles on a large
// workspace: each table a profile reads is searched through an index on
// the profile's id or a primary key, never scanned whole. Only the small
// intermediate results of documentRolesSQL are scanned.
func TestProfileQueriesUseIndexes(t *testing.T) {
	db := mustCreate(t)
	queries := map[string]string{
		"actor aliases":    aliasesOfSQL("actor_id"),
		"document aliases": aliasesOfSQL("document_id"),
		"relations":        relationViewsSQL,
		"quotes":           spokenExcerptsSQL,
		"actor mentions":   mentionRefsSQL("actor_id"),
		"document mention": mentionRefsSQL("document_id"),
		"documents":        documentRolesSQL,
		"parties":          partyViewsSQL,
		"history":          statusHistorySQL,
		"evidence":         statusEvidenceSQL,
	}
	intermediate := map[string]bool{"own": true, "linked": true, "roles": true, "involved": true}
	for name, q := range queries {
		rows, err := db.read.Query("EXPLAIN QUERY PLAN "+q, 1)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		steps, err := collect(rows, func(r scanner) (string, error) {
			var id, parent, unused int
			var detail string
			return detail, r.Scan(&id, &parent, &unused, &detail)
		})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, step := range steps {
			scanned, ok := strings.CutPrefix(step, "SCAN ")
			if ok && !intermediate[strings.Fields(scanned)[0]] {
				t.Errorf("%s scans a whole table: %s", name, step)
			}
		}
	}
}

// BenchmarkProfiles reads profiles in a workspace of 10,000 articles, in
// each of which the busiest actor is mentioned twice, speaks once and the
// busiest document is mentioned once.
func BenchmarkProfiles(b *testing.B) {
	ctx := context.Background()
	db := mustCreate(b)
	const articles, others = 10_000, 50
	busy := seedActor(b, db, "Steve Witkoff")
	plan := seedDocument(b, db, "28-point plan")
	var actors []int64
	for i := range others {
		actors = append(actors, seedActor(b, db, fmt.Sprintf("Actor %d", i)).ID)
	}
	t0 := at("2024-01-01")
	err := db.Bulk(ctx, func(bk *Bulk) error {
		for i := range articles {
			body := fmt.Sprintf("Article %d: Witkoff met Actor %d about the 28-point plan. Witkoff said it was close.", i, i%others)
			a := model.Article{Title: fmt.Sprintf("Article %d", i), Body: body, PublishedAt: t0.Add(time.Duration(i) * 90 * time.Minute)}
			if err := bk.AddArticle(&a); err != nil {
				return err
			}
			text := model.NewText(body)
			for _, m := range []struct {
				quote           string
				n               int
				actor, document int64
			}{{"Witkoff", 1, busy.ID, 0}, {"Witkoff", 2, busy.ID, 0}, {fmt.Sprintf("Actor %d", i%others), 1, actors[i%others], 0}, {"28-point plan", 1, 0, plan.ID}} {
				span, _ := text.FindQuote(m.quote, m.n)
				mention := model.Mention{ArticleID: a.ID, Span: span, Text: m.quote, ActorID: m.actor, DocumentID: m.document,
					State: model.MentionProposed, Origin: model.OriginAlias}
				if err := bk.AddMention(&mention); err != nil {
					return err
				}
			}
			span, _ := text.FindQuote("Witkoff said it was close", 1)
			sel, _ := text.Selector(span)
			e := model.Excerpt{ArticleID: a.ID, Span: span, Selector: sel, Kind: model.ExcerptQuote, SpeakerID: busy.ID,
				ActorIDs: []int64{actors[i%others]}, DocumentIDs: []int64{plan.ID}}
			if err := bk.AddExcerpt(&e); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("busiest actor", func(b *testing.B) {
		for b.Loop() {
			p, err := db.ActorProfile(ctx, busy.ID)
			if err != nil || len(p.Mentions) != 2*articles || len(p.Quotes) != articles {
				b.Fatalf("%v: %d mentions, %d quotes", err, len(p.Mentions), len(p.Quotes))
			}
		}
	})
	b.Run("another actor", func(b *testing.B) {
		for b.Loop() {
			p, err := db.ActorProfile(ctx, actors[7])
			if err != nil || len(p.Mentions) != articles/others || len(p.Documents) != 1 {
				b.Fatalf("%v: %d mentions, %d documents", err, len(p.Mentions), len(p.Documents))
			}
		}
	})
	b.Run("busiest document", func(b *testing.B) {
		for b.Loop() {
			p, err := db.DocumentProfile(ctx, plan.ID)
			if err != nil || len(p.Mentions) != articles {
				b.Fatalf("%v: %d mentions", err, len(p.Mentions))
			}
		}
	})
}
