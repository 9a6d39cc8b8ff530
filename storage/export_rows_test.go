package storage

import (
	"context"
	"reflect"
	"slices"
	"testing"
	"time"

	"dossier/model"
)

// exportWorld is a small workspace with something in every table.
type exportWorld struct {
	db                      *DB
	source                  model.Source
	talks, miami            model.Tag
	early, late, undated    model.Article
	witkoff, umerov, usa    model.Actor
	plan                    model.Document
	quote, claim, lateQuote model.Excerpt
	relation                model.Relation
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func newExportWorld(t *testing.T) *exportWorld {
	ctx := context.Background()
	w := &exportWorld{db: mustCreate(t)}
	db := w.db
	w.source = model.Source{Name: "Kyiv Independent", Kind: model.SourceOutlet, Reliability: model.ReliabilityB}
	must(t, db.CreateSource(ctx, &w.source))
	w.talks = model.Tag{Name: "Talks"}
	must(t, db.CreateTag(ctx, &w.talks))
	w.miami = model.Tag{Name: "Miami", ParentID: w.talks.ID}
	must(t, db.CreateTag(ctx, &w.miami))
	day := time.Date(2025, 12, 3, 15, 0, 0, 0, time.UTC) // a Wednesday
	w.late = model.Article{Title: "Later talks", Body: "Witkoff met Umerov again in Miami.", PublishedAt: day.AddDate(0, 0, 7), SourceID: w.source.ID}
	w.early = model.Article{Title: "Talks in Miami", Body: "Witkoff said the talks were productive. Umerov agreed.",
		PublishedAt: day, SourceID: w.source.ID, TagIDs: []int64{w.miami.ID}, URL: "https://example.org/a"}
	w.undated = model.Article{Title: "Undated", Body: "No date here; Witkoff."}
	for _, a := range []*model.Article{&w.late, &w.early, &w.undated} {
		must(t, db.CreateArticle(ctx, a))
	}
	w.usa = model.Actor{Name: "United States", Kind: model.ActorState}
	must(t, db.CreateActor(ctx, &w.usa))
	w.witkoff = model.Actor{Name: "Steve Witkoff", Kind: model.ActorPerson, Role: "US special envoy", AffiliationID: w.usa.ID}
	must(t, db.CreateActor(ctx, &w.witkoff))
	w.umerov = model.Actor{Name: "Rustem Umerov", Kind: model.ActorPerson}
	must(t, db.CreateActor(ctx, &w.umerov))
	for _, name := range []string{"Witkoff", "Steven Witkoff"} {
		must(t, db.AddAlias(ctx, &model.Alias{Name: name, ActorID: w.witkoff.ID}))
	}
	w.plan = model.Document{Title: "20-point plan", Kind: model.DocPlan, Status: model.StatusRumoured, Disclosure: model.DisclosureUndisclosed}
	must(t, db.CreateDocument(ctx, &w.plan))
	must(t, db.AddAlias(ctx, &model.Alias{Name: "20-point peace plan", DocumentID: w.plan.ID}))
	for _, p := range []model.Party{{ActorID: w.umerov.ID, Role: model.RoleSignatory}, {ActorID: w.witkoff.ID, Role: model.RoleProposer},
		{ActorID: w.usa.ID, Role: model.RoleAuthor}} {
		p.DocumentID = w.plan.ID
		must(t, db.AddParty(ctx, &p))
	}
	w.quote = excerptOf(t, db, w.early, "productive", model.ExcerptQuote)
	w.quote.SpeakerID, w.quote.ActorIDs, w.quote.DocumentIDs, w.quote.TagIDs = w.witkoff.ID, []int64{w.umerov.ID, w.usa.ID}, []int64{w.plan.ID}, []int64{w.talks.ID, w.miami.ID}
	w.quote.Credibility = 2
	must(t, db.UpdateExcerpt(ctx, &w.quote))
	w.claim = excerptOf(t, db, w.early, "Umerov agreed", model.ExcerptClaim)
	w.lateQuote = excerptOf(t, db, w.late, "again in Miami", model.ExcerptEvent)
	must(t, db.AddStatusEvent(ctx, &model.StatusEvent{DocumentID: w.plan.ID, Date: day, Status: model.StatusPresented, EvidenceExcerptID: w.claim.ID}))
	w.relation = model.Relation{FromActorID: w.witkoff.ID, ToActorID: w.umerov.ID, Type: "negotiates with", EvidenceExcerptID: w.quote.ID}
	must(t, db.CreateRelation(ctx, &w.relation))
	for _, m := range []model.Mention{
		{ArticleID: w.early.ID, Span: model.Span{Start: 0, End: 7}, Text: "Witkoff", ActorID: w.witkoff.ID, State: model.MentionConfirmed},
		{ArticleID: w.late.ID, Span: model.Span{Start: 0, End: 7}, Text: "Witkoff", ActorID: w.witkoff.ID, State: model.MentionProposed},
		{ArticleID: w.late.ID, Span: model.Span{Start: 12, End: 18}, Text: "Umerov", ActorID: w.umerov.ID, State: model.MentionRejected},
		{ArticleID: w.undated.ID, Span: model.Span{Start: 14, End: 21}, Text: "Witkoff", ActorID: w.witkoff.ID, State: model.MentionProposed},
	} {
		m.Origin = model.OriginAlias
		must(t, db.CreateMention(ctx, &m))
	}
	return w
}

func excerptOf(t *testing.T, db *DB, a model.Article, quote string, kind model.ExcerptKind) model.Excerpt {
	t.Helper()
	span, err := model.NewText(a.Body).FindQuote(quote, 1)
	must(t, err)
	sel, err := model.NewText(a.Body).Selector(span)
	must(t, err)
	e := model.Excerpt{ArticleID: a.ID, Span: span, Selector: sel, Kind: kind}
	must(t, db.CreateExcerpt(context.Background(), &e))
	return e
}

// readAll reads every table of an export with the filters given.
type exported struct {
	articles  []ExportArticle
	excerpts  []ExportExcerpt
	actors    []ExportActor
	relations []ExportRelation
	documents []ExportDocument
	history   []ExportStatusEvent
	mentions  []ExportMention
	tags      []ExportTag
	counts    ExportCounts
	summary   ExportSummary
}

func collectTo[T any](out *[]T) func(*T) error {
	return func(x *T) error { *out = append(*out, *x); return nil }
}

func readExport(t *testing.T, db *DB, f ExportFilters) exported {
	t.Helper()
	ctx := context.Background()
	var x exported
	err := db.ReadForExport(ctx, f, func(r *ExportReader) error {
		var err error
		if x.counts, err = r.Counts(ctx); err != nil {
			return err
		}
		for _, step := range []func() error{
			func() error { return r.Articles(ctx, collectTo(&x.articles)) },
			func() error { return r.Excerpts(ctx, collectTo(&x.excerpts)) },
			func() error { return r.Actors(ctx, collectTo(&x.actors)) },
			func() error { return r.Relations(ctx, collectTo(&x.relations)) },
			func() error { return r.Documents(ctx, collectTo(&x.documents)) },
			func() error { return r.History(ctx, collectTo(&x.history)) },
			func() error { return r.Mentions(ctx, collectTo(&x.mentions)) },
			func() error { return r.Tags(ctx, collectTo(&x.tags)) },
		} {
			if err := step(); err != nil {
				return err
			}
		}
		x.summary, err = r.Summary(ctx, 10, 5)
		return err
	})
	must(t, err)
	return x
}

func TestExportRowsWholeWorkspace(t *testing.T) {
	w := newExportWorld(t)
	x := readExport(t, w.db, ExportFilters{LinkArticles: true})

	// Articles by publication, undated last.
	ids := func(as []ExportArticle) []int64 {
		var out []int64
		for _, a := range as {
			out = append(out, a.Article.ID)
		}
		return out
	}
	if got, want := ids(x.articles), []int64{w.early.ID, w.late.ID, w.undated.ID}; !slices.Equal(got, want) {
		t.Fatalf("articles %v, want %v", got, want)
	}
	a := x.articles[0]
	if a.Source != "Kyiv Independent" || a.Reliability != model.ReliabilityB || a.Excerpts != 2 || a.Mentions != 1 ||
		!slices.Equal(a.Tags, []string{"Talks / Miami"}) || a.Article.Body != w.early.Body {
		t.Errorf("early article: %+v", a)
	}
	if x.articles[1].Mentions != 1 {
		t.Errorf("late article: %d mentions, want 1 (the rejected one left out)", x.articles[1].Mentions)
	}

	// Excerpts follow their articles, and know their article's row.
	if len(x.excerpts) != 3 || x.excerpts[0].Excerpt.ID != w.quote.ID || x.excerpts[2].Excerpt.ID != w.lateQuote.ID {
		t.Fatalf("excerpts %+v", x.excerpts)
	}
	q := x.excerpts[0]
	want := ExportExcerpt{Excerpt: q.Excerpt, ArticleTitle: "Talks in Miami", ArticleURL: "https://example.org/a",
		Published: w.early.PublishedAt, Source: "Kyiv Independent", Reliability: model.ReliabilityB, Speaker: "Steve Witkoff",
		Actors: []string{"Rustem Umerov", "United States"}, Documents: []string{"20-point plan"},
		Tags: []string{"Talks", "Talks / Miami"}, ArticleRow: 1}
	if !reflect.DeepEqual(q, want) {
		t.Errorf("quote:\n got %+v\nwant %+v", q, want)
	}
	if x.excerpts[2].ArticleRow != 2 {
		t.Errorf("late excerpt: article row %d, want 2", x.excerpts[2].ArticleRow)
	}

	// Actors by id, with aliases, counts and when they were seen.
	wk := x.actors[1]
	if wk.Actor.ID != w.witkoff.ID || wk.Affiliation != "United States" || !slices.Equal(wk.Aliases, []string{"Witkoff", "Steven Witkoff"}) ||
		wk.Mentions != 3 || wk.Spoken != 1 || !wk.FirstSeen.Equal(w.early.PublishedAt) || !wk.LastSeen.Equal(w.late.PublishedAt) {
		t.Errorf("Witkoff: %+v", wk)
	}
	if um := x.actors[2]; um.Mentions != 0 || !um.FirstSeen.IsZero() {
		t.Errorf("Umerov, mentioned only in a rejected mention: %+v", um)
	}

	// Documents name their parties in the order of roles.
	d := x.documents[0]
	wantParties := []ExportParty{{"United States", model.RoleAuthor}, {"Steve Witkoff", model.RoleProposer}, {"Rustem Umerov", model.RoleSignatory}}
	if !reflect.DeepEqual(d.Parties, wantParties) || d.Document.Status != model.StatusPresented ||
		!d.StatusDate.Equal(time.Date(2025, 12, 3, 15, 0, 0, 0, time.UTC)) || !slices.Equal(d.Aliases, []string{"20-point peace plan"}) {
		t.Errorf("plan: %+v", d)
	}
	if len(x.history) != 1 || x.history[0].Document != "20-point plan" || x.history[0].Evidence != "Umerov agreed" {
		t.Errorf("history: %+v", x.history)
	}
	if len(x.relations) != 1 || x.relations[0].From != "Steve Witkoff" || x.relations[0].To != "Rustem Umerov" || x.relations[0].Evidence != "productive" {
		t.Errorf("relations: %+v", x.relations)
	}

	// Mentions follow their articles too; names are resolved.
	if len(x.mentions) != 4 || x.mentions[0].Name != "Steve Witkoff" || x.mentions[0].ArticleRow != 1 || x.mentions[3].ArticleRow != 3 {
		t.Errorf("mentions: %+v", x.mentions)
	}

	// Tags in tree order, with paths.
	if len(x.tags) != 2 || x.tags[0].Path != "Talks" || x.tags[1].Path != "Talks / Miami" || x.tags[1].Parent != "Talks" || x.tags[1].Articles != 1 {
		t.Errorf("tags: %+v", x.tags)
	}

	wantCounts := ExportCounts{Articles: 3, Excerpts: 3, Actors: 3, Relations: 1, Documents: 1, History: 1, Mentions: 4, Tags: 2}
	if x.counts != wantCounts {
		t.Errorf("counts %+v, want %+v", x.counts, wantCounts)
	}

	// The summary leaves rejected mentions out and counts by Monday.
	s := x.summary
	if len(s.TopActors) != 1 || s.TopActors[0] != (ExportRanked{w.witkoff.ID, "Steve Witkoff", 3}) {
		t.Errorf("top actors: %+v", s.TopActors)
	}
	monday := time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)
	wantWeeks := []ExportWeek{{w.witkoff.ID, monday, 1}, {w.witkoff.ID, monday.AddDate(0, 0, 7), 1}}
	if !reflect.DeepEqual(s.Weekly, wantWeeks) {
		t.Errorf("weekly %+v, want %+v", s.Weekly, wantWeeks)
	}
}

func TestExportRowsFiltered(t *testing.T) {
	w := newExportWorld(t)
	x := readExport(t, w.db, ExportFilters{
		Articles:     model.ArticleFilter{From: time.Date(2025, 12, 5, 0, 0, 0, 0, time.UTC)},
		Excerpts:     model.ExcerptFilter{Kind: model.ExcerptEvent},
		Actors:       model.ActorFilter{Text: "steven"}, // an alias
		Documents:    model.DocumentFilter{Status: model.StatusSigned},
		Mentions:     model.MentionFilter{State: model.MentionRejected},
		LinkArticles: true,
	})
	if len(x.articles) != 1 || x.articles[0].Article.ID != w.late.ID {
		t.Errorf("articles: %+v", x.articles)
	}
	// The late article is the first row of the filtered Articles sheet.
	if len(x.excerpts) != 1 || x.excerpts[0].Excerpt.ID != w.lateQuote.ID || x.excerpts[0].ArticleRow != 1 {
		t.Errorf("excerpts: %+v", x.excerpts)
	}
	if len(x.actors) != 1 || x.actors[0].Actor.ID != w.witkoff.ID || len(x.relations) != 1 {
		t.Errorf("actors %+v, relations %+v", x.actors, x.relations)
	}
	if len(x.documents) != 0 || len(x.history) != 0 {
		t.Errorf("documents %+v, history %+v", x.documents, x.history)
	}
	if len(x.mentions) != 1 || x.mentions[0].Mention.State != model.MentionRejected {
		t.Errorf("mentions: %+v", x.mentions)
	}
	if x.counts.Articles != 1 || x.counts.Excerpts != 1 || x.counts.Actors != 1 || x.counts.Mentions != 1 || x.counts.History != 0 {
		t.Errorf("counts: %+v", x.counts)
	}
	if len(x.summary.TopActors) != 1 || x.summary.TopActors[0].Name != "Rustem Umerov" {
		t.Errorf("summary of rejected mentions: %+v", x.summary.TopActors)
	}
	// Without the Articles sheet, nothing links to a row.
	plain := readExport(t, w.db, ExportFilters{})
	if plain.excerpts[0].ArticleRow != 0 {
		t.Errorf("article row %d without the Articles sheet, want 0", plain.excerpts[0].ArticleRow)
	}
}

// An export reads one snapshot and does not hold up the writer.
func TestExportRowsSnapshot(t *testing.T) {
	w := newExportWorld(t)
	ctx := context.Background()
	var names []string
	err := w.db.ReadForExport(ctx, ExportFilters{}, func(r *ExportReader) error {
		if _, err := r.Counts(ctx); err != nil { // the snapshot starts with the first read
			return err
		}
		if err := w.db.CreateActor(ctx, &model.Actor{Name: "Kirill Dmitriev", Kind: model.ActorPerson}); err != nil {
			return err
		}
		return r.Actors(ctx, func(a *ExportActor) error { names = append(names, a.Actor.Name); return nil })
	})
	must(t, err)
	if slices.Contains(names, "Kirill Dmitriev") || len(names) != 3 {
		t.Errorf("actors in the snapshot: %q", names)
	}
	if _, total, _ := w.db.ListActors(ctx, model.ActorFilter{}); total != 4 {
		t.Errorf("%d actors after the export, want 4", total)
	}
}

func TestExportRowsStopOnYieldError(t *testing.T) {
	w := newExportWorld(t)
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	err := w.db.ReadForExport(ctx, ExportFilters{}, func(r *ExportReader) error {
		return r.Mentions(ctx, func(*ExportMention) error {
			n++
			cancel()
			return ctx.Err()
		})
	})
	if n != 1 || err == nil || ctx.Err() == nil {
		t.Errorf("after cancelling: %d rows, error %v", n, err)
	}
}
