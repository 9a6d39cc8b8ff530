package storage

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"dossier/model"
)

// The searchSeed helpers store rows through the storage API and fail the
// test on any error.

func searchSeedArticle(tb testing.TB, db *DB, a model.Article) model.Article {
	tb.Helper()
	if err := db.CreateArticle(context.Background(), &a); err != nil {
		tb.Fatalf("create article %q: %v", a.Title, err)
	}
	return a
}

// searchSeedExcerpt marks the first occurrence of quote in the article;
// edit, when given, sets the other fields.
func searchSeedExcerpt(tb testing.TB, db *DB, a model.Article, quote string, edit func(*model.Excerpt)) model.Excerpt {
	tb.Helper()
	text := model.NewText(a.Body)
	span, err := text.FindQuote(quote, 1)
	if err != nil {
		tb.Fatalf("quote %q: %v", quote, err)
	}
	sel, err := text.Selector(span)
	if err != nil {
		tb.Fatal(err)
	}
	e := model.Excerpt{ArticleID: a.ID, Span: span, Selector: sel, Kind: model.ExcerptQuote}
	if edit != nil {
		edit(&e)
	}
	if err := db.CreateExcerpt(context.Background(), &e); err != nil {
		tb.Fatalf("create excerpt %q: %v", quote, err)
	}
	return e
}

func searchSeedActor(tb testing.TB, db *DB, a model.Actor, aliases ...string) model.Actor {
	tb.Helper()
	if a.Kind == "" {
		a.Kind = model.ActorPerson
	}
	if err := db.CreateActor(context.Background(), &a); err != nil {
		tb.Fatalf("create actor %q: %v", a.Name, err)
	}
	for _, name := range aliases {
		searchSeedAlias(tb, db, model.Alias{Name: name, ActorID: a.ID})
	}
	return a
}

func searchSeedDocument(tb testing.TB, db *DB, d model.Document, aliases ...string) model.Document {
	tb.Helper()
	d.Kind, d.Status, d.Disclosure = model.DocPlan, model.StatusPresented, model.DisclosureUndisclosed
	if err := db.CreateDocument(context.Background(), &d); err != nil {
		tb.Fatalf("create document %q: %v", d.Title, err)
	}
	for _, name := range aliases {
		searchSeedAlias(tb, db, model.Alias{Name: name, DocumentID: d.ID})
	}
	return d
}

func searchSeedAlias(tb testing.TB, db *DB, a model.Alias) {
	tb.Helper()
	if err := db.AddAlias(context.Background(), &a); err != nil {
		tb.Fatalf("add alias %q: %v", a.Name, err)
	}
}

func searchSeedSource(tb testing.TB, db *DB, name string) model.Source {
	tb.Helper()
	s := model.Source{Name: name, Kind: model.SourceOutlet}
	if err := db.CreateSource(context.Background(), &s); err != nil {
		tb.Fatalf("create source %q: %v", name, err)
	}
	return s
}

func searchSeedTag(tb testing.TB, db *DB, name string, parent int64) model.Tag {
	tb.Helper()
	t := model.Tag{Name: name, ParentID: parent}
	if err := db.CreateTag(context.Background(), &t); err != nil {
		tb.Fatalf("create tag %q: %v", name, err)
	}
	return t
}

// searchSeedSmall stores a little of everything searchable, for the fuzz
// target.
func searchSeedSmall(tb testing.TB, db *DB) {
	tb.Helper()
	a := searchSeedArticle(tb, db, model.Article{Title: "Peace talks in Miami", Notes: "check the date",
		Body: "Witkoff met Umerov in Miami. Переговоры продолжатся. Sýbiha spoke of US$100 billion and the 28-point plan."})
	searchSeedExcerpt(tb, db, a, "Witkoff met Umerov", func(e *model.Excerpt) { e.Note, e.Stance = "first meeting", "cordial" })
	searchSeedActor(tb, db, model.Actor{Name: "Steve Witkoff", Role: "US special envoy"}, "Witkoff")
	searchSeedDocument(tb, db, model.Document{Title: "28-point proposal", Description: "a peace plan"}, "28-point plan")
}

// search runs a search that must succeed.
func search(tb testing.TB, db *DB, q model.SearchQuery) model.SearchResult {
	tb.Helper()
	res, err := db.Search(context.Background(), q)
	if err != nil {
		tb.Fatalf("search %q: %v", q.Text, err)
	}
	return res
}

// hitIDs lists the ids of one kind's hits, in the order returned.
func hitIDs(res model.SearchResult, kind string) []int64 {
	ids := []int64{}
	for _, h := range res.Hits {
		if h.Kind == kind {
			ids = append(ids, h.ID)
		}
	}
	return ids
}

func TestSearchRanking(t *testing.T) {
	db := mustCreate(t)
	// Equal lengths, so that only where and how often the word occurs
	// decides.
	inBody := searchSeedArticle(t, db, model.Article{Title: "Talks went on", Body: "The ceasefire held there."})
	inTitle := searchSeedArticle(t, db, model.Article{Title: "Ceasefire went on", Body: "The talks held there."})
	once := searchSeedArticle(t, db, model.Article{Title: "Strikes", Body: "drones hit the city at night"})
	thrice := searchSeedArticle(t, db, model.Article{Title: "Attacks", Body: "drones drones drones hit the city"})
	inStance := searchSeedExcerpt(t, db, once, "drones hit the city", func(e *model.Excerpt) { e.Stance = "escalation" })
	inQuote := searchSeedExcerpt(t, db, thrice, "hit the city", func(e *model.Excerpt) { e.Note = "escalation" })
	byRole := searchSeedActor(t, db, model.Actor{Name: "Rustem Umerov", Role: "chief negotiator"})
	byName := searchSeedActor(t, db, model.Actor{Name: "Negotiator", Kind: model.ActorGroup, Role: "Ukraine's team"})
	tests := []struct {
		search, kind string
		want         []int64
	}{
		{"ceasefire", model.HitArticle, []int64{inTitle.ID, inBody.ID}},
		{"drones", model.HitArticle, []int64{thrice.ID, once.ID}},
		{"escalation", model.HitExcerpt, []int64{inQuote.ID, inStance.ID}}, // the note weighs more than the stance
		{"negotiator", model.HitActor, []int64{byName.ID, byRole.ID}},
	}
	for _, tt := range tests {
		t.Run(tt.search, func(t *testing.T) {
			res := search(t, db, model.SearchQuery{Text: tt.search, Kinds: []string{tt.kind}})
			if got := hitIDs(res, tt.kind); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("order %v, want %v", got, tt.want)
			}
			if !(res.Hits[0].Rank < res.Hits[1].Rank) {
				t.Fatalf("ranks %v and %v: the first should be lower", res.Hits[0].Rank, res.Hits[1].Rank)
			}
		})
	}
	mustCheck(t, db)
}

func TestSearchSnippets(t *testing.T) {
	db := mustCreate(t)
	short := searchSeedArticle(t, db, model.Article{Title: "Miami", Notes: "ask about the venue",
		Body: "Witkoff said the talks were productive and constructive."})
	sample := searchSeedArticle(t, db, model.Article{Title: "Diplomatic Push Intensifies", Body: sampleBodyForSearch(t)})
	quote := searchSeedExcerpt(t, db, short, "productive and constructive", func(e *model.Excerpt) { e.Note = "Umerov agreed" })
	witkoff := searchSeedActor(t, db, model.Actor{Name: "Steve Witkoff", Role: "US special envoy"}, "Steven Charles Witkoff")
	plan := searchSeedDocument(t, db, model.Document{Title: "28-point proposal"}, "28-point plan")
	h := func(s string) string { return model.HighlightStart + s + model.HighlightEnd }
	tests := []struct {
		name, search, kind string
		id                 int64
		want               string
	}{
		{"whole short body", "constructive", model.HitArticle, short.ID, "Witkoff said the talks were productive and " + h("constructive") + "."},
		{"phrase", `"productive and constructive"`, model.HitArticle, short.ID,
			"Witkoff said the talks were " + h("productive and constructive") + "."},
		{"best column", "venue", model.HitArticle, short.ID, "ask about the " + h("venue")},
		{"prefix highlights the whole word", "construct*", model.HitExcerpt, quote.ID, "productive and " + h("constructive")},
		{"excerpt note", "Umerov", model.HitExcerpt, quote.ID, h("Umerov") + " agreed"},
		{"long body is cut", "Grabovske", model.HitArticle, sample.ID,
			"…elderly women, from a tiny Ukrainian village " + h("Grabovske") + ", right across the state border in the Sumy…"},
		{"actor by its own fields", "envoy", model.HitActor, witkoff.ID, "US special " + h("envoy")},
		{"actor by an alias only", "Charles", model.HitActor, witkoff.ID, "Steven " + h("Charles") + " Witkoff"},
		{"document by an alias only", "plan", model.HitDocument, plan.ID, "28-point " + h("plan")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := search(t, db, model.SearchQuery{Text: tt.search, Kinds: []string{tt.kind}})
			i := slices.IndexFunc(res.Hits, func(h model.SearchHit) bool { return h.ID == tt.id })
			if i < 0 {
				t.Fatalf("%s %d not found: %+v", tt.kind, tt.id, res.Hits)
			}
			if got := res.Hits[i].Snippet; got != tt.want {
				t.Fatalf("snippet\n got %q\nwant %q", got, tt.want)
			}
		})
	}
	mustCheck(t, db)
}

// sampleBodyForSearch is the worked example of the spec.
func sampleBodyForSearch(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile("../../shared/samples/peace-talks-miami.txt")
	if err != nil {
		tb.Fatalf("read the sample article: %v", err)
	}
	return strings.TrimSpace(string(b))
}

func TestSearchHitFields(t *testing.T) {
	db := mustCreate(t)
	a := searchSeedArticle(t, db, model.Article{Title: "Talks in Miami", Body: "Witkoff met Umerov in Miami."})
	e := searchSeedExcerpt(t, db, a, "Witkoff met Umerov", nil)
	actor := searchSeedActor(t, db, model.Actor{Name: "Steve Witkoff"}, "Witkoff", "Steven Witkoff")
	doc := searchSeedDocument(t, db, model.Document{Title: "Witkoff memo"})
	res := search(t, db, model.SearchQuery{Text: "Witkoff"})
	var got []model.SearchHit
	for _, h := range res.Hits {
		h.Rank, h.Snippet = 0, "" // checked elsewhere
		got = append(got, h)
	}
	want := []model.SearchHit{
		{Kind: model.HitArticle, ID: a.ID, Title: "Talks in Miami", ArticleID: a.ID},
		{Kind: model.HitExcerpt, ID: e.ID, Title: "Talks in Miami", ArticleID: a.ID},
		{Kind: model.HitActor, ID: actor.ID, Title: "Steve Witkoff"}, // found by name and two aliases: once
		{Kind: model.HitDocument, ID: doc.ID, Title: "Witkoff memo"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("hits\n got %+v\nwant %+v", got, want)
	}
	wantTotals := map[string]int{model.HitArticle: 1, model.HitExcerpt: 1, model.HitActor: 1, model.HitDocument: 1}
	if !reflect.DeepEqual(res.Totals, wantTotals) {
		t.Fatalf("totals %v, want %v", res.Totals, wantTotals)
	}
	mustCheck(t, db)
}

func TestSearchAliasKeepsBestRank(t *testing.T) {
	db := mustCreate(t)
	// "Kremlin" is the whole alias but one word of a long description: the
	// alias hit ranks better and is the one kept.
	peskov := searchSeedActor(t, db, model.Actor{Name: "Dmitry Peskov",
		Description: "spokesman who speaks for the Kremlin on every question of the war and the talks"}, "Kremlin voice")
	other := searchSeedActor(t, db, model.Actor{Name: "Yuri Ushakov",
		Description: "aide who speaks for the Kremlin on every question of the war and the talks"},
		"Ushakov", "Yuri Viktorovich Ushakov", "presidential aide") // aliases without the word, so that it is rare among them
	res := search(t, db, model.SearchQuery{Text: "Kremlin", Kinds: []string{model.HitActor}})
	if got, want := hitIDs(res, model.HitActor), []int64{peskov.ID, other.ID}; !reflect.DeepEqual(got, want) {
		t.Fatalf("order %v, want %v", got, want)
	}
	if res.Totals[model.HitActor] != 2 {
		t.Fatalf("total %d, want 2", res.Totals[model.HitActor])
	}
	alone := search(t, db, model.SearchQuery{Text: "Kremlin -voice", Kinds: []string{model.HitActor}})
	if !(res.Hits[0].Rank < alone.Hits[0].Rank) {
		t.Fatalf("rank with the alias %v, without %v: the alias should rank better", res.Hits[0].Rank, alone.Hits[0].Rank)
	}
	mustCheck(t, db)
}

// searchFixture holds a workspace in which every article, excerpt, actor
// and document contains the word "peace", and the filters tell them apart.
type searchFixture struct {
	db                    *DB
	kyiv, reuters         model.Source
	diplomacy, talks      model.Tag // talks is below diplomacy
	military              model.Tag
	witkoff, peskov       model.Actor
	zelensky              model.Actor
	proposal, plan        model.Document
	miami, kremlin, kyiv2 model.Article
	productive, prowar    model.Excerpt
	forReal               model.Excerpt
}

func newSearchFixture(t *testing.T) *searchFixture {
	db := mustCreate(t)
	f := &searchFixture{db: db}
	f.kyiv, f.reuters = searchSeedSource(t, db, "Kyiv Independent"), searchSeedSource(t, db, "Reuters")
	f.diplomacy = searchSeedTag(t, db, "diplomacy", 0)
	f.talks = searchSeedTag(t, db, "talks", f.diplomacy.ID)
	f.military = searchSeedTag(t, db, "military", 0)
	f.witkoff = searchSeedActor(t, db, model.Actor{Name: "Steve Witkoff", Description: "envoy for the peace talks"})
	f.peskov = searchSeedActor(t, db, model.Actor{Name: "Dmitry Peskov", Role: "Kremlin spokesman"})
	f.zelensky = searchSeedActor(t, db, model.Actor{Name: "Volodymyr Zelensky"})
	f.proposal = searchSeedDocument(t, db, model.Document{Title: "28-point proposal", Description: "a peace plan"})
	f.plan = searchSeedDocument(t, db, model.Document{Title: "20-point plan"})
	f.miami = searchSeedArticle(t, db, model.Article{Title: "Peace talks in Miami", SourceID: f.kyiv.ID,
		PublishedAt: day(2025, 12, 1).Add(15 * time.Hour), TagIDs: []int64{f.talks.ID},
		Body: "Witkoff said the peace talks were productive and constructive."})
	f.kremlin = searchSeedArticle(t, db, model.Article{Title: "Kremlin rejects plan", SourceID: f.reuters.ID,
		PublishedAt: day(2025, 12, 5), TagIDs: []int64{f.military.ID},
		Body: "Peskov said Europe is pro-war and blocks peace."})
	f.kyiv2 = searchSeedArticle(t, db, model.Article{Title: "Zelensky on the talks",
		Body: "Much depends on whether Russia feels the need to end the war for real and make peace."})
	f.productive = searchSeedExcerpt(t, db, f.miami, "the peace talks were productive", func(e *model.Excerpt) {
		e.SpeakerID, e.Credibility = f.witkoff.ID, 2
		e.TagIDs, e.DocumentIDs = []int64{f.talks.ID}, []int64{f.proposal.ID}
	})
	f.prowar = searchSeedExcerpt(t, db, f.kremlin, "Europe is pro-war and blocks peace", func(e *model.Excerpt) {
		e.Kind, e.SpeakerID, e.Credibility = model.ExcerptClaim, f.peskov.ID, 5
		e.TagIDs, e.DocumentIDs = []int64{f.military.ID}, []int64{f.plan.ID}
	})
	f.forReal = searchSeedExcerpt(t, db, f.kyiv2, "end the war for real", func(e *model.Excerpt) {
		e.SpeakerID, e.ActorIDs, e.Note = f.zelensky.ID, []int64{f.witkoff.ID}, "conditions for peace"
	})
	return f
}

func TestSearchFilters(t *testing.T) {
	f := newSearchFixture(t)
	all := []int64{f.miami.ID, f.kremlin.ID, f.kyiv2.ID}
	tests := []struct {
		name             string
		filter           model.ExcerptFilter
		articles, quotes []int64
	}{
		{"none", model.ExcerptFilter{}, all, []int64{f.productive.ID, f.prowar.ID, f.forReal.ID}},
		{"tag and the tags below it", model.ExcerptFilter{TagID: f.diplomacy.ID}, []int64{f.miami.ID}, []int64{f.productive.ID}},
		{"tag", model.ExcerptFilter{TagID: f.military.ID}, []int64{f.kremlin.ID}, []int64{f.prowar.ID}},
		{"excerpt kind", model.ExcerptFilter{Kind: model.ExcerptClaim}, all, []int64{f.prowar.ID}},
		{"speaker", model.ExcerptFilter{SpeakerID: f.witkoff.ID}, all, []int64{f.productive.ID}},
		{"actor speaks or is involved", model.ExcerptFilter{ActorID: f.witkoff.ID}, all, []int64{f.productive.ID, f.forReal.ID}},
		{"document", model.ExcerptFilter{DocumentID: f.proposal.ID}, all, []int64{f.productive.ID}},
		{"source", model.ExcerptFilter{SourceID: f.kyiv.ID}, []int64{f.miami.ID}, []int64{f.productive.ID}},
		{"from", model.ExcerptFilter{From: day(2025, 12, 2)}, []int64{f.kremlin.ID}, []int64{f.prowar.ID}},
		{"to a day includes that day", model.ExcerptFilter{To: day(2025, 12, 1)}, []int64{f.miami.ID}, []int64{f.productive.ID}},
		{"date range", model.ExcerptFilter{From: day(2025, 12, 1), To: day(2025, 12, 5)},
			[]int64{f.miami.ID, f.kremlin.ID}, []int64{f.productive.ID, f.prowar.ID}},
		{"minimum credibility", model.ExcerptFilter{MinCredibility: 3}, all, []int64{f.prowar.ID}},
		{"maximum credibility", model.ExcerptFilter{MaxCredibility: 4}, all, []int64{f.productive.ID}},
		{"article", model.ExcerptFilter{ArticleID: f.kyiv2.ID}, []int64{f.kyiv2.ID}, []int64{f.forReal.ID}},
		{"filters combine", model.ExcerptFilter{SourceID: f.reuters.ID, TagID: f.diplomacy.ID}, []int64{}, []int64{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := search(t, f.db, model.SearchQuery{Text: "peace", Filter: tt.filter})
			for _, c := range []struct {
				kind string
				want []int64
			}{
				{model.HitArticle, tt.articles}, {model.HitExcerpt, tt.quotes},
				{model.HitActor, []int64{f.witkoff.ID}}, {model.HitDocument, []int64{f.proposal.ID}}, // no filter applies to them
			} {
				got := hitIDs(res, c.kind)
				slices.Sort(got)
				if !reflect.DeepEqual(got, c.want) {
					t.Errorf("%s hits %v, want %v", c.kind, got, c.want)
				}
				if res.Totals[c.kind] != len(c.want) {
					t.Errorf("%s total %d, want %d", c.kind, res.Totals[c.kind], len(c.want))
				}
			}
		})
	}
	mustCheck(t, f.db)
}

func TestSearchKinds(t *testing.T) {
	f := newSearchFixture(t)
	tests := []struct {
		kinds []string
		want  map[string]int
	}{
		{nil, map[string]int{model.HitArticle: 3, model.HitExcerpt: 3, model.HitActor: 1, model.HitDocument: 1}},
		{[]string{model.HitDocument, model.HitExcerpt}, map[string]int{model.HitExcerpt: 3, model.HitDocument: 1}},
		{[]string{model.HitActor, model.HitActor}, map[string]int{model.HitActor: 1}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.kinds), func(t *testing.T) {
			res := search(t, f.db, model.SearchQuery{Text: "peace", Kinds: tt.kinds})
			if !reflect.DeepEqual(res.Totals, tt.want) {
				t.Fatalf("totals %v, want %v", res.Totals, tt.want)
			}
			var kinds []string
			for _, h := range res.Hits {
				if len(kinds) == 0 || kinds[len(kinds)-1] != h.Kind {
					kinds = append(kinds, h.Kind)
				}
			}
			want := slices.DeleteFunc([]string{model.HitArticle, model.HitExcerpt, model.HitActor, model.HitDocument}, func(k string) bool { return tt.want[k] == 0 })
			if !reflect.DeepEqual(kinds, want) {
				t.Fatalf("kinds in order %v, want %v", kinds, want)
			}
		})
	}
	_, err := f.db.Search(context.Background(), model.SearchQuery{Text: "peace", Kinds: []string{"articles"}})
	wantError(t, err, model.ErrInvalid, `unknown kind of search hit "articles"; use one of: article, excerpt, actor, document`)
	mustCheck(t, f.db)
}

func TestSearchPaging(t *testing.T) {
	db := mustCreate(t)
	reuters := searchSeedSource(t, db, "Reuters")
	var ids, fromReuters []int64
	for i := range 25 {
		// Equal lengths and one occurrence each: equal scores, so the id
		// decides the order.
		a := model.Article{Title: fmt.Sprintf("Report %02d", i), Body: fmt.Sprintf("Sanctions report number %02d.", i)}
		if i%2 == 0 {
			a.SourceID = reuters.ID
		}
		a = searchSeedArticle(t, db, a)
		ids = append(ids, a.ID)
		if a.SourceID != 0 {
			fromReuters = append(fromReuters, a.ID)
		}
		searchSeedExcerpt(t, db, a, "Sanctions", nil)
	}
	tests := []struct {
		name   string
		filter model.ExcerptFilter
		want   []int64
	}{
		{"all", model.ExcerptFilter{}, ids},
		{"filtered", model.ExcerptFilter{SourceID: reuters.ID}, fromReuters},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []int64
			for offset := 0; offset < 40; offset += 10 {
				res := search(t, db, model.SearchQuery{Text: "sanctions", Filter: tt.filter, Page: model.Page{Limit: 10, Offset: offset}})
				page := hitIDs(res, model.HitArticle)
				if want := min(10, max(0, len(tt.want)-offset)); len(page) != want {
					t.Fatalf("offset %d: %d articles, want %d", offset, len(page), want)
				}
				if n := len(hitIDs(res, model.HitExcerpt)); n != len(page) {
					t.Fatalf("offset %d: %d excerpts, want %d: the page applies to each kind", offset, n, len(page))
				}
				if res.Totals[model.HitArticle] != len(tt.want) || res.Totals[model.HitExcerpt] != len(tt.want) {
					t.Fatalf("offset %d: totals %v, want %d each", offset, res.Totals, len(tt.want))
				}
				got = append(got, page...)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("pages together %v, want %v", got, tt.want)
			}
		})
	}
	res := search(t, db, model.SearchQuery{Text: "sanctions", Kinds: []string{model.HitArticle}})
	if len(res.Hits) != 25 {
		t.Fatalf("default page: %d hits, want 25", len(res.Hits))
	}
	mustCheck(t, db)
}

// TestSearchSyntax runs the syntax against text: case, diacritics,
// Cyrillic, phrases, prefixes and the operators.
func TestSearchSyntax(t *testing.T) {
	db := mustCreate(t)
	add := func(title, body string) int64 {
		return searchSeedArticle(t, db, model.Article{Title: title, Body: body}).ID
	}
	sybiha := add("Foreign minister", "Andriy Sýbiha said the talks would go on.")
	sybihaPlain := add("Minister again", "Sybiha met the delegation in Miami.")
	zelenskyy := add("President", "Zelenskyy spoke of the war for real.")
	zelenskyyAccent := add("President again", "Zelenskýy spoke of guarantees.")
	russian := add("Переговоры в Майами", "Переговоры продолжатся в Женеве.")
	geneva := add("Geneva round", "The negotiations moved to Geneva; talks resumed.")
	negotiator := add("Umerov", "Ukraine's chief negotiator Umerov; peace talks.")
	figures := add("Figures", "About US$100 billion for the 28-point plan.")
	tests := []struct {
		search string
		want   []int64
	}{
		{"Sybiha", []int64{sybiha, sybihaPlain}},
		{"Sýbiha", []int64{sybiha, sybihaPlain}},
		{"SYBIHA", []int64{sybiha, sybihaPlain}},
		{"Zelenskyy", []int64{zelenskyy, zelenskyyAccent}},
		{"Zelenskýy", []int64{zelenskyy, zelenskyyAccent}},
		{"переговоры", []int64{russian}},
		{"ПЕРЕГОВОРЫ", []int64{russian}},
		{"Женев*", []int64{russian}},
		{`"peace talks"`, []int64{negotiator}},
		{`"talks peace"`, []int64{}},
		{"peace talks", []int64{negotiator}},
		{"negotiat*", []int64{geneva, negotiator}},
		{"Geneva OR Miami", []int64{sybihaPlain, geneva}},
		{"talks -Geneva", []int64{sybiha, negotiator}},
		{"talks NOT Geneva", []int64{sybiha, negotiator}},
		{"talks -(Geneva OR peace)", []int64{sybiha}},
		{`talks -"peace talks"`, []int64{sybiha, geneva}},
		{"(Sybiha OR Umerov) talks", []int64{sybiha, negotiator}},
		{"Sybiha talks OR Umerov", []int64{sybiha, negotiator}},
		{"Umerov peace or war", []int64{}}, // lower-case "or" is a word
		{"spoke war", []int64{zelenskyy}},
		{"US$100", []int64{figures}},
		{"28-point", []int64{figures}},
		{"Ukraine's", []int64{negotiator}},
		{"NEAR(talks peace)", []int64{}}, // NEAR is a word
		{"talks — +", []int64{sybiha, geneva, negotiator}},
	}
	for _, tt := range tests {
		t.Run(tt.search, func(t *testing.T) {
			got := hitIDs(search(t, db, model.SearchQuery{Text: tt.search, Kinds: []string{model.HitArticle}}), model.HitArticle)
			slices.Sort(got)
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("found %v, want %v", got, tt.want)
			}
		})
	}
	mustCheck(t, db)
}

func TestSearchRefused(t *testing.T) {
	db := mustCreate(t)
	searchSeedSmall(t, db)
	for _, tt := range refusedSearches {
		t.Run(tt.name, func(t *testing.T) {
			res, err := db.Search(context.Background(), model.SearchQuery{Text: tt.search})
			wantError(t, err, model.ErrInvalid, tt.want)
			if res.Hits != nil || res.Totals != nil {
				t.Fatalf("refused search returned %+v", res)
			}
		})
	}
	mustCheck(t, db)
}

// TestSearchEngineError shows that an error of FTS5 reaches the analyst as
// a sentence, without FTS5's own words.
func TestSearchEngineError(t *testing.T) {
	db := mustCreate(t)
	var n int
	raw := db.read.QueryRow("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", "peace AND").Scan(&n)
	if raw == nil {
		t.Fatal("FTS5 accepted a broken expression")
	}
	err := searchFailed("peace AND", fmt.Errorf("search: %w", raw))
	wantError(t, err, model.ErrInvalid, "the search “peace AND” could not be run: the search engine did not accept it; simplify it")
	if !errors.Is(err, raw) {
		t.Fatalf("the engine's error %v is lost", raw)
	}
}

func TestSearchCancelled(t *testing.T) {
	db := mustCreate(t)
	searchSeedSmall(t, db)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := db.Search(ctx, model.SearchQuery{Text: "peace"})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
	mustCheck(t, db)
}

// TestSearchFollowsChanges shows that a search sees edits, deletions and
// aliases as soon as they are saved.
func TestSearchFollowsChanges(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	a := searchSeedArticle(t, db, model.Article{Title: "Talks in Miami", Body: "Witkoff met Umerov."})
	actor := searchSeedActor(t, db, model.Actor{Name: "Rustem Umerov"})
	count := func(text string) map[string]int { return search(t, db, model.SearchQuery{Text: text}).Totals }
	if got := count("Geneva"); got[model.HitArticle] != 0 {
		t.Fatalf("before: %v", got)
	}
	a.Notes = "moved to Geneva"
	if err := db.UpdateArticle(ctx, &a); err != nil {
		t.Fatal(err)
	}
	if got := count("Geneva"); got[model.HitArticle] != 1 {
		t.Fatalf("after the note: %v", got)
	}
	searchSeedAlias(t, db, model.Alias{Name: "Umerov the negotiator", ActorID: actor.ID})
	if got := count("negotiator"); got[model.HitActor] != 1 {
		t.Fatalf("after the alias: %v", got)
	}
	if err := db.DeleteActor(ctx, actor.ID); err != nil {
		t.Fatal(err)
	}
	if got := count("negotiator"); got[model.HitActor] != 0 {
		t.Fatalf("after deleting the actor: %v", got)
	}
	mustCheck(t, db)
}

// searchSeedCorpus loads n articles cut from the sample article, each with
// a rare word of its own among common ones, five excerpts, a source, a tag
// and a date, and a hundred actors with aliases: a workspace of a busy
// story, for measuring.
func searchSeedCorpus(tb testing.TB, db *DB, n int) {
	tb.Helper()
	ctx := context.Background()
	var paragraphs []string
	for _, p := range strings.Split(sampleBodyForSearch(tb), "\n") {
		if len(strings.Fields(p)) >= 8 {
			paragraphs = append(paragraphs, p)
		}
	}
	rng := rand.New(rand.NewPCG(3, 5))
	var sources, tags, actors []int64
	for i := range 10 {
		sources = append(sources, searchSeedSource(tb, db, fmt.Sprintf("Outlet %d", i)).ID)
		tags = append(tags, searchSeedTag(tb, db, fmt.Sprintf("tag %d", i), 0).ID)
	}
	for i := range 100 {
		a := searchSeedActor(tb, db, model.Actor{Name: fmt.Sprintf("Negotiator %d", i), Role: "envoy",
			Description: paragraphs[i%len(paragraphs)]}, fmt.Sprintf("Envoy number %d", i))
		actors = append(actors, a.ID)
	}
	err := db.Bulk(ctx, func(b *Bulk) error {
		for i := range n {
			var parts []string
			for _, p := range rng.Perm(len(paragraphs))[:8] {
				parts = append(parts, paragraphs[p])
			}
			body := fmt.Sprintf("Report %d, on rareword%d.\n%s", i, i%500, strings.Join(parts, "\n"))
			a := model.Article{Title: fmt.Sprintf("Report %d on the talks", i), Body: body,
				SourceID: sources[i%len(sources)], TagIDs: []int64{tags[i%len(tags)]},
				PublishedAt: day(2025, 1, 1).AddDate(0, 0, i%365)}
			if err := b.AddArticle(&a); err != nil {
				return err
			}
			text := model.NewText(body)
			for j := range 5 {
				words := strings.Fields(parts[j])
				span, err := text.FindQuote(strings.Join(words[:min(8, len(words))], " "), 1)
				if err != nil {
					return err
				}
				sel, _ := text.Selector(span)
				e := model.Excerpt{ArticleID: a.ID, Span: span, Selector: sel, Kind: model.ExcerptKinds()[j],
					SpeakerID: actors[rng.IntN(len(actors))], Credibility: model.Credibility(rng.IntN(7)),
					Note: fmt.Sprintf("note %d", j)}
				if err := b.AddExcerpt(&e); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatalf("load the corpus: %v", err)
	}
}

// BenchmarkSearch measures searches of common and rare words, with and
// without filters, over a few thousand articles.
func BenchmarkSearch(b *testing.B) {
	db := mustCreate(b)
	searchSeedCorpus(b, db, 3000)
	cases := []struct {
		name string
		q    model.SearchQuery
	}{
		{"common word", model.SearchQuery{Text: "Ukraine"}},
		{"common word, articles", model.SearchQuery{Text: "Ukraine", Kinds: []string{model.HitArticle}}},
		{"common word, excerpts", model.SearchQuery{Text: "Ukraine", Kinds: []string{model.HitExcerpt}}},
		{"common word, actors", model.SearchQuery{Text: "Ukraine", Kinds: []string{model.HitActor}}},
		{"common word, articles, page of 20", model.SearchQuery{Text: "Ukraine", Kinds: []string{model.HitArticle}, Page: model.Page{Limit: 20}}},
		{"rare word", model.SearchQuery{Text: "rareword7"}},
		{"phrase", model.SearchQuery{Text: `"security guarantee"`}},
		{"prefix", model.SearchQuery{Text: "negotiat*"}},
		{"common word by source", model.SearchQuery{Text: "Ukraine", Filter: model.ExcerptFilter{SourceID: 3}}},
		{"common word by source, articles", model.SearchQuery{Text: "Ukraine", Kinds: []string{model.HitArticle}, Filter: model.ExcerptFilter{SourceID: 3}}},
		{"common word by source, excerpts", model.SearchQuery{Text: "Ukraine", Kinds: []string{model.HitExcerpt}, Filter: model.ExcerptFilter{SourceID: 3}}},
		{"common word by tag", model.SearchQuery{Text: "Ukraine", Filter: model.ExcerptFilter{TagID: 3}}},
		{"common word by date", model.SearchQuery{Text: "Ukraine", Filter: model.ExcerptFilter{From: day(2025, 3, 1), To: day(2025, 3, 31)}}},
		{"common word, page 10", model.SearchQuery{Text: "Ukraine", Page: model.Page{Limit: 50, Offset: 450}}},
		{"rare word by source", model.SearchQuery{Text: "rareword7", Filter: model.ExcerptFilter{SourceID: 7}}},
		{"rare word by date", model.SearchQuery{Text: "rareword7", Filter: model.ExcerptFilter{From: day(2025, 3, 1)}}},
		{"rare word by credibility", model.SearchQuery{Text: "rareword7", Filter: model.ExcerptFilter{MinCredibility: 2}}},
		{"common word by credibility", model.SearchQuery{Text: "Ukraine", Filter: model.ExcerptFilter{MinCredibility: 2}}},
		{"excerpts by speaker", model.SearchQuery{Text: "Ukraine", Kinds: []string{model.HitExcerpt}, Filter: model.ExcerptFilter{SpeakerID: 5}}},
		{"actors", model.SearchQuery{Text: "envoy", Kinds: []string{model.HitActor}}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				search(b, db, c.q)
			}
		})
	}
}

// TestSearchCountsOnlyFullPages shows that the total of a page that is not
// full comes from the page itself, and that only a full page, or one past
// the end, is counted.
func TestSearchCountsOnlyFullPages(t *testing.T) {
	db := mustCreate(t)
	for i := range 5 {
		searchSeedArticle(t, db, model.Article{Title: fmt.Sprintf("Report %d", i), Body: fmt.Sprintf("Sanctions report number %d.", i)})
	}
	tests := []struct {
		name, search string
		page         model.Page
		hits, total  int
		counted      bool
	}{
		{"page not full", "sanctions", model.Page{Limit: 10}, 5, 5, false},
		{"last page not full", "sanctions", model.Page{Limit: 3, Offset: 3}, 2, 5, false},
		{"full page", "sanctions", model.Page{Limit: 5}, 5, 5, true},
		{"past the end", "sanctions", model.Page{Limit: 3, Offset: 9}, 0, 5, true},
		{"nothing found", "ceasefire", model.Page{Limit: 10}, 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var traced []string
			db.TraceSearch(func(query string, _ []any) { traced = append(traced, query) })
			defer db.TraceSearch(nil)
			res := search(t, db, model.SearchQuery{Text: tt.search, Kinds: []string{model.HitArticle}, Page: tt.page})
			if len(res.Hits) != tt.hits || res.Totals[model.HitArticle] != tt.total {
				t.Fatalf("%d hits of %d, want %d of %d", len(res.Hits), res.Totals[model.HitArticle], tt.hits, tt.total)
			}
			counted := slices.ContainsFunc(traced, func(q string) bool { return strings.HasPrefix(q, "SELECT count(*)") })
			if counted != tt.counted {
				t.Fatalf("counted %v, want %v; ran %q", counted, tt.counted, traced)
			}
		})
	}
	mustCheck(t, db)
}

// cachedStatements is how many statements a workspace keeps prepared.
func cachedStatements(db *DB) int {
	c := db.searchStatements()
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.byText)
}

func TestSearchPreparesStatementsOnce(t *testing.T) {
	db := mustCreate(t)
	searchSeedSmall(t, db)
	steps := []struct {
		name string
		q    model.SearchQuery
		want int
	}{
		// A page and a count for articles and excerpts; for actors and
		// documents also their snippets and their aliases'.
		{"first search", model.SearchQuery{Text: "peace"}, 2 + 2 + 4 + 4},
		{"other words and page", model.SearchQuery{Text: "Witkoff OR plan", Page: model.Page{Limit: 5, Offset: 5}}, 12},
		{"one kind", model.SearchQuery{Text: "plan", Kinds: []string{model.HitDocument}}, 12},
		{"a filter changes the SQL of articles and excerpts", model.SearchQuery{Text: "peace", Filter: model.ExcerptFilter{SourceID: 1}}, 16},
		{"the same filter again", model.SearchQuery{Text: "talks", Filter: model.ExcerptFilter{SourceID: 7}}, 16},
	}
	for _, s := range steps {
		search(t, db, s.q)
		if got := cachedStatements(db); got != s.want {
			t.Fatalf("%s: %d statements prepared, want %d", s.name, got, s.want)
		}
	}
	mustCheck(t, db)
}

func TestSearchStatementCache(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	c := newSearchCache(2)
	got := c.get(ctx, db.read, []string{"SELECT 1", "SELECT nonsense FROM nowhere", "SELECT 2", "SELECT 3"})
	// The statement that does not prepare is left out, to run as text and
	// fail there; the third finds the cache full.
	if len(got) != 2 || got["SELECT 1"] == nil || got["SELECT 2"] == nil {
		t.Fatalf("prepared %v, want SELECT 1 and SELECT 2", slices.Collect(maps.Keys(got)))
	}
	again := c.get(ctx, db.read, []string{"SELECT 2", "SELECT 3"})
	if len(again) != 1 || again["SELECT 2"] != got["SELECT 2"] {
		t.Fatalf("second time %v, want the same SELECT 2 alone", again)
	}
	c.close()
	if len(c.byText) != 0 {
		t.Fatalf("%d statements left after close", len(c.byText))
	}
}

func TestSearchStatementsForgotten(t *testing.T) {
	db := mustCreate(t)
	searchSeedSmall(t, db)
	search(t, db, model.SearchQuery{Text: "peace"})
	forgetSearchStatements(db.read)
	if _, ok := preparedSearches.Load(db.read); ok {
		t.Fatal("the workspace's statements are still kept")
	}
	// A later search prepares them again.
	res := search(t, db, model.SearchQuery{Text: "peace"})
	if res.Totals[model.HitArticle] != 1 || cachedStatements(db) != 12 {
		t.Fatalf("totals %v with %d statements prepared", res.Totals, cachedStatements(db))
	}
	mustCheck(t, db)
}

// segments counts the segments of a search index.
func segments(tb testing.TB, db *DB, index string) int {
	tb.Helper()
	var n int
	if err := db.read.QueryRow("SELECT count(DISTINCT segid) FROM " + index + "_idx").Scan(&n); err != nil {
		tb.Fatalf("segments of %s: %v", index, err)
	}
	return n
}

// TestSearchIndexLoadedInOneSegment shows why migration 3 raises FTS5's
// buffer: a bulk load of a few megabytes leaves one segment, where FTS5's
// default leaves several.
func TestSearchIndexLoadedInOneSegment(t *testing.T) {
	body := sampleBodyForSearch(t)
	tests := []struct {
		name     string
		hashsize int // 0: the workspace's own
		one      bool
	}{
		{"the workspace's buffer", 0, true},
		{"FTS5's default buffer", 1 << 20, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := mustCreate(t)
			if tt.hashsize != 0 {
				if _, err := db.write.Exec("INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', ?)", tt.hashsize); err != nil {
					t.Fatal(err)
				}
			}
			err := db.Bulk(context.Background(), func(b *Bulk) error {
				for i := range 600 {
					a := model.Article{Title: fmt.Sprintf("Report %d", i), Body: fmt.Sprintf("Report %d.\n%s", i, body)}
					if err := b.AddArticle(&a); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if n := segments(t, db, "articles_fts"); (n == 1) != tt.one {
				t.Fatalf("%d segments; one wanted: %v", n, tt.one)
			}
			mustCheck(t, db)
		})
	}
}

// TestSearchIndexMergedOnUpgrade shows that migration 3 merges the segments
// that a workspace of version 2 made.
func TestSearchIndexMergedOnUpgrade(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.dossier")
	db, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 6 { // one transaction, and one segment, each
		searchSeedArticle(t, db, model.Article{Title: fmt.Sprintf("Report %d", i), Body: fmt.Sprintf("Sanctions report number %d.", i)})
	}
	if n := segments(t, db, "articles_fts"); n < 2 {
		t.Fatalf("%d segments before the upgrade; the test needs several", n)
	}
	db.Close()
	setVersion(t, path, 2)
	db, err = Open(path, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n := segments(t, db, "articles_fts"); n != 1 {
		t.Fatalf("%d segments after the upgrade, want 1", n)
	}
	if res := search(t, db, model.SearchQuery{Text: "sanctions"}); res.Totals[model.HitArticle] != 6 {
		t.Fatalf("totals %v after the upgrade", res.Totals)
	}
	mustCheck(t, db)
}
