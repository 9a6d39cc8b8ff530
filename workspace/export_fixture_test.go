package workspace

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"dossier/model"
)

// A generated workspace for the export tests: the sample article and n
// generated ones, with texts in several scripts, long texts, and texts a
// spreadsheet could take for formulas, in every table.

// formulaLike are texts that must stay text in every sheet and file.
var formulaLike = []string{"=1+1", "@SUM(A1)", "+7 killed", "-3 degrees", "=HYPERLINK(\"http://x\")"}

var genActors = []struct {
	name, kind, role, country, affiliation string
	aliases                                []string
}{
	{"United States", "state", "", "US", "", []string{"US", "the United States"}},
	{"Ukraine", "state", "", "UA", "", nil},
	{"Steve Witkoff", "person", "US special envoy", "US", "United States", []string{"Witkoff", "Steven Witkoff"}},
	{"Rustem Umerov", "person", "Ukraine's chief negotiator", "UA", "Ukraine", []string{"Umerov"}},
	{"Kirill Dmitriev", "person", "Russian envoy", "RU", "", []string{"Dmitriev"}},
	{"Володимир Зеленський", "person", "President of Ukraine", "UA", "Ukraine", []string{"Zelensky", "Зеленський"}},
	{"Zoë Ångström-Côté", "person", "analyst", "SE", "", nil},
	{"=1+1 Group", "group", "=SUM(B2:B9)", "", "", []string{"@SUM(A1) Holdings"}},
	{"+7 Brigade", "group", "-unit", "", "Ukraine", nil},
	{"Kremlin", "organisation", "", "RU", "", []string{"the Kremlin"}},
}

var genDocuments = []struct {
	title, kind, status string
	aliases             []string
	parties             [][2]string
}{
	{"20-point plan", "plan", "presented", []string{"20-point peace plan"}, [][2]string{{"United States", "author"}, {"Ukraine", "signatory"}}},
	{"28-point proposal", "plan", "under revision", []string{"28-point plan"}, [][2]string{{"Steve Witkoff", "proposer"}, {"Kirill Dmitriev", "author"}}},
	{"Économie & prospérité plan", "framework", "drafting", nil, nil},
	{"=Security guarantee framework", "framework", "rumoured", []string{"+security framework"}, [][2]string{{"United States", "guarantor"}}},
}

// generated holds what genWorkspace made, by name.
type generated struct {
	actors   map[string]model.Actor
	docs     map[string]model.Document
	articles []model.Article
	excerpts []model.Excerpt
}

func genWorkspace(t *testing.T, ws *Workspace, n int, seed uint64) *generated {
	t.Helper()
	ctx := context.Background()
	r := rand.New(rand.NewPCG(seed, seed+1))
	g := &generated{actors: map[string]model.Actor{}, docs: map[string]model.Document{}}
	db := ws.DB // storage directly: no background rescans while the test reads
	sources := []model.Source{
		{Name: "Kyiv Independent", Kind: model.SourceOutlet, Reliability: model.ReliabilityB},
		{Name: "Агентство «Україна»", Kind: model.SourceAgency, Reliability: model.ReliabilityC},
		{Name: "=Wire", Kind: model.SourceOther},
	}
	for i := range sources {
		must(t, db.CreateSource(ctx, &sources[i]))
	}
	talks := model.Tag{Name: "Talks", Colour: "#336699"}
	must(t, db.CreateTag(ctx, &talks))
	tags := []model.Tag{talks, {Name: "Miami", ParentID: talks.ID}, {Name: "Économie"}, {Name: "=military"}}
	for i := 1; i < len(tags); i++ {
		must(t, db.CreateTag(ctx, &tags[i]))
	}
	g.genActors(t, db)
	g.genDocuments(t, db)
	res, err := ws.Import(ctx, []string{samplePath}, nil)
	must(t, err)
	sample, err := db.Article(ctx, res[0].ArticleID)
	must(t, err)
	sample.PublishedAt, sample.SourceID = time.Date(2025, 12, 21, 9, 30, 0, 0, time.UTC), sources[0].ID
	must(t, db.UpdateArticle(ctx, &sample))
	g.articles = append(g.articles, sample)
	for i := range n {
		a := genArticle(r, i, sources, tags)
		must(t, db.CreateArticle(ctx, &a))
		g.articles = append(g.articles, a)
	}
	for _, a := range g.articles {
		g.genExcerpts(t, ws, r, a, tags)
		g.genMentions(t, db, r, a)
	}
	g.genHistory(t, db)
	ws.WaitRescans()
	return g
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func (g *generated) genActors(t *testing.T, db interface {
	CreateActor(context.Context, *model.Actor) error
	UpdateActor(context.Context, *model.Actor) error
	AddAlias(context.Context, *model.Alias) error
}) {
	ctx := context.Background()
	for i, ga := range genActors {
		a := model.Actor{Name: ga.name, Kind: model.ActorKind(ga.kind), Role: ga.role, Country: ga.country}
		if i%3 == 0 {
			a.Description = "Described at length.\nSecond line, with “quotes” and a tab\there."
		}
		if i%4 == 1 {
			a.Notes = formulaLike[i%len(formulaLike)]
		}
		must(t, db.CreateActor(ctx, &a))
		for _, alias := range ga.aliases {
			must(t, db.AddAlias(ctx, &model.Alias{Name: alias, ActorID: a.ID}))
		}
		g.actors[a.Name] = a
	}
	for _, ga := range genActors {
		if ga.affiliation != "" {
			a := g.actors[ga.name]
			a.AffiliationID = g.actors[ga.affiliation].ID
			must(t, db.UpdateActor(ctx, &a))
			g.actors[a.Name] = a
		}
	}
}

func (g *generated) genDocuments(t *testing.T, db interface {
	CreateDocument(context.Context, *model.Document) error
	AddAlias(context.Context, *model.Alias) error
	AddParty(context.Context, *model.Party) error
}) {
	ctx := context.Background()
	for i, gd := range genDocuments {
		d := model.Document{Title: gd.title, Kind: model.DocumentKind(gd.kind), Status: model.DocumentStatus(gd.status),
			Disclosure: model.Disclosures()[i%3], Notes: strings.Repeat("note ", i)}
		must(t, db.CreateDocument(ctx, &d))
		for _, alias := range gd.aliases {
			must(t, db.AddAlias(ctx, &model.Alias{Name: alias, DocumentID: d.ID}))
		}
		for _, p := range gd.parties {
			must(t, db.AddParty(ctx, &model.Party{DocumentID: d.ID, ActorID: g.actors[p[0]].ID, Role: model.PartyRole(p[1])}))
		}
		g.docs[d.Title] = d
	}
}

// genArticle writes an article that names actors and holds the texts a
// spreadsheet could misread; every seventh has no date, the third is far
// longer than a cell holds.
func genArticle(r *rand.Rand, i int, sources []model.Source, tags []model.Tag) model.Article {
	var b strings.Builder
	for p := range 3 + r.IntN(4) {
		a := genActors[r.IntN(len(genActors))]
		fmt.Fprintf(&b, "%s said the talks were “productive” (paragraph %d). ", a.name, p)
		fmt.Fprintf(&b, "Reports read %s, and the %s was discussed. ", formulaLike[r.IntN(len(formulaLike))], genDocuments[r.IntN(len(genDocuments))].title)
		b.WriteString("Зеленський заявив, що переговори тривають.\n\n")
	}
	if i == 2 {
		b.WriteString(strings.Repeat("Довгий текст без кінця. ", 1800)) // over 40,000 characters
	}
	a := model.Article{
		Title:    fmt.Sprintf("%s — report %d", formulaLike[i%len(formulaLike)], i+1),
		Author:   []string{"Olena Kovalenko", "John O'Neil", ""}[i%3],
		URL:      fmt.Sprintf("https://news.example.org/%d?lang=uk&x=1", i+1),
		Language: []string{"en", "uk"}[i%2],
		Body:     strings.TrimSpace(b.String()),
		SourceID: sources[i%len(sources)].ID,
		TagIDs:   []int64{tags[i%len(tags)].ID},
	}
	if i%7 != 6 {
		a.PublishedAt = time.Date(2025, 11, 1, 8, 0, 0, 0, time.UTC).Add(time.Duration(r.IntN(60*24)) * time.Hour).Add(time.Duration(r.IntN(4)) * 15 * time.Minute)
	}
	if i%5 == 4 {
		a.Notes = "Checked against the wire.\n" + formulaLike[i%len(formulaLike)]
	}
	return a
}

func (g *generated) actorList() []model.Actor {
	out := make([]model.Actor, 0, len(genActors))
	for _, ga := range genActors {
		out = append(out, g.actors[ga.name])
	}
	return out
}

func (g *generated) docList() []model.Document {
	out := make([]model.Document, 0, len(genDocuments))
	for _, gd := range genDocuments {
		out = append(out, g.docs[gd.title])
	}
	return out
}

// genExcerpts marks the texts a spreadsheet could misread, and a sentence.
func (g *generated) genExcerpts(t *testing.T, ws *Workspace, r *rand.Rand, a model.Article, tags []model.Tag) {
	ctx := context.Background()
	quotes := []string{"productive"}
	for _, f := range formulaLike {
		if strings.Contains(a.Body, f) {
			quotes = append(quotes, f)
		}
	}
	actors, docs := g.actorList(), g.docList()
	for i, q := range quotes {
		e, err := ws.ExcerptOfQuote(ctx, a.ID, q, 1)
		if err != nil {
			continue // the sample has no formula-like text
		}
		e.Kind = model.ExcerptKinds()[i%5]
		e.SpeakerID = actors[r.IntN(len(actors))].ID
		e.ActorIDs = []int64{actors[r.IntN(len(actors))].ID, actors[r.IntN(len(actors))].ID}
		e.DocumentIDs = []int64{docs[r.IntN(len(docs))].ID}
		e.TagIDs = []int64{tags[r.IntN(len(tags))].ID}
		e.Credibility = model.Credibility(r.IntN(7))
		if i == 1 {
			e.Note, e.Stance = "Zelensky’s “line”:\nsecond line", formulaLike[r.IntN(len(formulaLike))]
		}
		must(t, ws.DB.CreateExcerpt(ctx, &e))
		g.excerpts = append(g.excerpts, e)
	}
}

// genMentions records where actors' names stand, in every state.
func (g *generated) genMentions(t *testing.T, db interface {
	CreateMention(context.Context, *model.Mention) error
}, r *rand.Rand, a model.Article) {
	ctx := context.Background()
	states := model.MentionStates()
	for _, act := range g.actorList() {
		i := strings.Index(a.Body, act.Name)
		if i < 0 {
			continue
		}
		start := utf8.RuneCountInString(a.Body[:i])
		m := model.Mention{ArticleID: a.ID, Span: model.Span{Start: start, End: start + utf8.RuneCountInString(act.Name)},
			Text: act.Name, ActorID: act.ID, State: states[r.IntN(len(states))], Origin: model.OriginAnalyst}
		if err := db.CreateMention(ctx, &m); err != nil && !strings.Contains(err.Error(), "already has a mention") {
			t.Fatal(err)
		}
	}
}

// genHistory gives documents dated steps with evidence, and actors
// relations.
func (g *generated) genHistory(t *testing.T, db interface {
	AddStatusEvent(context.Context, *model.StatusEvent) error
	CreateRelation(context.Context, *model.Relation) error
}) {
	ctx := context.Background()
	plan, proposal := g.docs["20-point plan"], g.docs["28-point proposal"]
	day := time.Date(2025, 11, 20, 0, 0, 0, 0, time.UTC)
	events := []model.StatusEvent{
		{DocumentID: proposal.ID, Date: day, Status: model.StatusPresented, Note: "+ presented in Geneva"},
		{DocumentID: proposal.ID, Date: day.AddDate(0, 0, 10), Status: model.StatusUnderRevision, EvidenceExcerptID: g.excerpts[0].ID},
		{DocumentID: plan.ID, Date: day.AddDate(0, 0, 30), Status: model.StatusPresented, Note: "Зустріч у Маямі"},
	}
	for i := range events {
		must(t, db.AddStatusEvent(ctx, &events[i]))
	}
	relations := []model.Relation{
		{FromActorID: g.actors["Steve Witkoff"].ID, ToActorID: g.actors["Rustem Umerov"].ID, Type: "negotiates with",
			From: day, EvidenceExcerptID: g.excerpts[1].ID},
		{FromActorID: g.actors["Kirill Dmitriev"].ID, ToActorID: g.actors["Kremlin"].ID, Type: "=represents", Note: "@ note"},
		{FromActorID: g.actors["+7 Brigade"].ID, ToActorID: g.actors["Ukraine"].ID, Type: "member of", From: day, To: day.AddDate(0, 1, 0)},
	}
	for i := range relations {
		must(t, db.CreateRelation(ctx, &relations[i]))
	}
}
