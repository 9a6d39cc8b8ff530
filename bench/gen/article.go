package gen

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// Chance that an eligible span becomes an analyst excerpt, in percent; tuned
// so that a 5 KB article has about ten.
var excerptChance = map[string]int{"quote": 26, "claim": 28, "figure": 34, "event": 20}

// gen is the state of one article being written.
type gen struct {
	wd       *world
	b        *banks
	r        *rand.Rand
	w        writer
	st       *storyline
	c        cast
	topic    int
	intro    map[int]bool // persons and organisations named in full already
	used     map[*tpl]bool
	bind     [numKinds][maxSlot + 1]int
	headline bool
	anchor   bool // headline and lead: slots take the cast in order, so both tell the same story
	cyrMode  bool
	cyrTodo  bool
	cyrPair  int
	event    time.Time
	city     string
	pending  []quoteSpan
}

func (wd *world) article(id int) Article {
	b, err := templates()
	if err != nil {
		// The tables are constants of this package; its tests parse them all.
		panic(err)
	}
	r := rand.New(rand.NewPCG(uint64(wd.cfg.Seed), uint64(id)*0x9e3779b97f4a7c15+1))
	st := wd.pickStory(r)
	g := &gen{wd: wd, b: b, r: r, st: st, topic: st.topic, intro: map[int]bool{}, used: map[*tpl]bool{}}
	g.c = wd.castFor(r, st)
	html := r.Float64() < wd.cfg.HTMLShare
	if r.IntN(10) < 3 {
		g.w.style = straight
	}
	published := st.start.AddDate(0, 0, r.IntN(150)).Add(time.Duration(360+r.IntN(900)) * time.Minute)
	g.event = published.AddDate(0, 0, -r.IntN(3))
	g.city = st.venue
	if r.IntN(10) < 3 {
		g.city = pick(r, wd.places)
	}
	g.cyrTodo = len(g.c.cyrIDs) > 0 && r.IntN(10) < 3
	target := wd.cfg.MeanSize * (55 + r.IntN(91)) / 100
	g.w.sb.Grow(target + 1024)

	g.headline, g.anchor = true, true
	g.say(g.pickFrom(b.headline[g.topic]), 0)
	g.headline = false
	titleLen := g.w.sb.Len()
	g.writeBody(target)
	return g.finish(id, titleLen, html, published)
}

func (g *gen) writeBody(target int) {
	g.w.lit("\n\n")
	g.paragraph(true, target)
	for n := 1; g.w.sb.Len() < target; n++ {
		g.w.lit("\n\n")
		if n >= 2 && g.r.IntN(7) == 0 {
			g.say(g.pickFrom(g.b.subhead[g.topic]), 0)
			g.w.lit("\n\n")
		}
		g.paragraph(false, target)
	}
}

func (g *gen) paragraph(lead bool, target int) {
	n := 2 + g.r.IntN(3)
	for i := range n {
		if i > 0 {
			if g.w.sb.Len() >= target {
				return
			}
			g.w.lit(" ")
		}
		if lead && i == 0 {
			g.say(g.pickFrom(g.b.lead[g.topic]), 0)
			g.anchor = false
			continue
		}
		if spk := g.anySentence(); spk != 0 && g.r.IntN(4) == 0 {
			g.w.lit(" ")
			g.say(g.pickFrom(g.b.follow[g.topic]), spk)
		}
	}
}

// anySentence writes one body sentence and returns the person who was
// quoted in it alone, if any, so that a pronoun may follow.
func (g *gen) anySentence() int {
	if g.cyrTodo && g.r.IntN(6) == 0 {
		g.cyrillicPost()
		return 0
	}
	var t *tpl
	for try := 0; t == nil; try++ {
		// Quotations and claims read differently with new content; events,
		// figures and background would repeat almost word for word, so try
		// another kind first.
		switch x := g.r.IntN(100); {
		case x < 22:
			t = g.pickFrom(g.b.quote[g.topic])
		case x < 39:
			t = g.pickFrom(g.b.claim[g.topic])
		case x < 59:
			t = g.pickFresh(g.b.event[g.topic], try)
		case x < 70:
			t = g.pickFresh(g.b.figure[g.topic], try)
		default:
			t = g.pickFresh(g.b.background[g.topic], try)
		}
	}
	spk := g.say(t, 0)
	if t.hasQ && len(spk) == 1 && g.wd.ent(spk[0]).sub == subPerson {
		return spk[0]
	}
	return 0
}

// cyrillicPost quotes a post in Cyrillic and then its translation.
func (g *gen) cyrillicPost() {
	g.cyrTodo = false
	for {
		g.cyrPair = g.r.IntN(len(cyrQuotes))
		if t := cyrQuotes[g.cyrPair].topic; t < 0 || t == g.topic {
			break
		}
	}
	g.cyrMode = true
	spk := g.say(g.b.cyrPattern[g.r.IntN(2)], 0)
	g.cyrMode = false
	g.w.lit(" ")
	g.say(g.b.cyrPattern[2], spk[0])
}

// pickFrom chooses a template the cast can fill, preferring ones not yet
// used in this article.
func (g *gen) pickFrom(bank []*tpl) *tpl {
	var fallback *tpl
	for range 40 {
		t := pick(g.r, bank)
		if !g.feasible(t) {
			continue
		}
		if !g.used[t] {
			g.used[t] = true
			return t
		}
		fallback = t
	}
	if fallback != nil {
		return fallback
	}
	for _, t := range bank {
		if g.feasible(t) {
			return t
		}
	}
	return nil
}

// pickFresh is pickFrom that gives nil rather than a template already used,
// unless several attempts have failed already.
func (g *gen) pickFresh(bank []*tpl, try int) *tpl {
	if try >= 4 {
		return g.pickFrom(bank)
	}
	for range 20 {
		if t := pick(g.r, bank); g.feasible(t) && !g.used[t] {
			g.used[t] = true
			return t
		}
	}
	return nil
}

func (g *gen) feasible(t *tpl) bool {
	for k, n := range t.need {
		if n > len(g.c.ids[k]) {
			return false
		}
	}
	return !t.cyr || len(g.c.cyrIDs) > 0
}

// say writes one sentence (or heading) from t and records its quotes and
// excerpts. preset, when not 0, is the person P1 must be.
func (g *gen) say(t *tpl, preset int) []int {
	if t == nil {
		return nil
	}
	g.bind = [numKinds][maxSlot + 1]int{}
	switch {
	case preset != 0:
		g.bind[kP][1] = preset
	case t.speakerP1:
		g.get(kP, 1)
	}
	if p := g.bind[kP][1]; p != 0 {
		if s := g.wd.ent(p).stateID; slices.Contains(g.c.ids[kS], s) {
			g.bind[kS][1] = s
		}
	}
	start, _ := g.w.pos()
	g.w.capNext = true
	g.pending = g.pending[:0]
	g.render(t)
	end, _ := g.w.pos()
	speakers := g.speakers(t)
	first := 0
	if len(speakers) > 0 {
		first = speakers[0]
	}
	for _, q := range g.pending {
		q.speakers = speakers
		g.w.quotes = append(g.w.quotes, q)
		g.maybeExcerpt(q.start, q.end, "quote", first)
	}
	kind := t.kind
	if kind == "" && t.hasC {
		kind = "claim"
	}
	if kind != "" && !g.headline {
		g.maybeExcerpt(start, end, kind, first)
	}
	return speakers
}

func (g *gen) maybeExcerpt(start, end int, kind string, speaker int) {
	if g.r.IntN(100) < excerptChance[kind] {
		g.w.excerpts = append(g.w.excerpts, Excerpt{Start: start, End: end, Kind: kind, SpeakerID: speaker})
	}
}

func (g *gen) speakers(t *tpl) []int {
	out := []int{}
	for i := range t.parts {
		if p := &t.parts[i]; p.speaker {
			if id := g.bind[p.kind][p.idx]; id != 0 && !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
	}
	return out
}

// get returns the entity bound to a slot, binding a cast member not yet used
// in this sentence when the slot is new. S1, O1 and D1 lean towards the
// story's main state, an intergovernmental body and the article's main document.
func (g *gen) get(kind, idx int) int {
	if id := g.bind[kind][idx]; id != 0 {
		return id
	}
	list := g.c.ids[kind]
	if kind == kP && g.cyrMode {
		list = g.c.cyrIDs
	}
	if g.anchor && idx <= len(list) && !g.bound(kind, list[idx-1]) {
		g.bind[kind][idx] = list[idx-1]
		return list[idx-1]
	}
	if idx == 1 && (kind == kS || kind == kD || kind == kO) && g.r.IntN(10) < 6 && !g.bound(kind, list[0]) {
		g.bind[kind][idx] = list[0]
		return list[0]
	}
	id := list[0]
	for off, n := g.r.IntN(len(list)), 0; n < len(list); n++ {
		if c := list[(off+n)%len(list)]; !g.bound(kind, c) {
			id = c
			break
		}
	}
	g.bind[kind][idx] = id
	return id
}

func (g *gen) bound(kind, id int) bool { return slices.Contains(g.bind[kind][:], id) }

// finish cuts quote texts from the body and fills in the metadata.
func (g *gen) finish(id, titleLen int, html bool, published time.Time) Article {
	body := g.w.sb.String()
	a := Article{ID: id, Title: body[:titleLen], Body: body, PublishedAt: published,
		Mentions: g.w.mentions, Figures: g.w.figures, Excerpts: g.w.excerpts}
	a.Quotes = make([]Quote, len(g.w.quotes))
	for i, q := range g.w.quotes {
		a.Quotes[i] = Quote{Start: q.start, End: q.end, Text: body[q.bstart:q.bend], SpeakerIDs: q.speakers}
	}
	// Empty lists stay empty lists in truth.json rather than null.
	if a.Mentions == nil {
		a.Mentions = []Mention{}
	}
	if a.Figures == nil {
		a.Figures = []Figure{}
	}
	if a.Excerpts == nil {
		a.Excerpts = []Excerpt{}
	}
	slices.SortStableFunc(a.Excerpts, func(x, y Excerpt) int {
		if x.Start != y.Start {
			return x.Start - y.Start
		}
		return x.End - y.End
	})
	o := g.r.IntN(len(g.wd.outlets))
	a.Source, a.Author = g.wd.outlets[o].name, pick(g.r, g.wd.authors[o])
	slug := slugOf(a.Title)
	a.URL = fmt.Sprintf("https://www.%s/world/%s/%s/%s", g.wd.outlets[o].domain, sections[g.topic],
		published.Format("2006/01/02"), slug)
	ext := "txt"
	if html {
		ext = "html"
	}
	width := max(4, len(fmt.Sprint(g.wd.cfg.Articles)))
	a.FileName = fmt.Sprintf("%0*d-%s.%s", width, id, shortSlug(slug), ext)
	return a
}

var sections = [numTopics]string{"diplomacy", "sanctions", "elections"}

// slugOf makes a URL path segment of a title: lower-case ASCII words joined by hyphens.
func slugOf(title string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(stripDiacritics(title)) {
		if (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(c)
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}

func shortSlug(s string) string {
	if len(s) <= 48 {
		return s
	}
	if i := strings.LastIndexByte(s[:48], '-'); i > 0 {
		return s[:i]
	}
	return s[:48]
}
