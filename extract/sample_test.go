package extract

import (
	"encoding/json"
	"flag"
	"os"
	"slices"
	"strings"
	"testing"

	"dossier/model"
)

// The worked example of the product: one real article, read and marked by
// hand in testdata/peace-talks-miami.gold.json.

const (
	samplePath = "../../shared/samples/peace-talks-miami.txt"
	goldPath   = "testdata/peace-talks-miami.gold.json"
)

var update = flag.Bool("update", false, "rewrite the spans of the gold file from its quoted texts")

type goldSpan struct {
	Text       string `json:"text"`
	Occurrence int    `json:"occurrence"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
}

func (g goldSpan) span() model.Span { return model.Span{Start: g.Start, End: g.End} }

type goldEntity struct {
	Name     string     `json:"name,omitempty"`
	Title    string     `json:"title,omitempty"`
	Role     string     `json:"role,omitempty"`
	Kind     string     `json:"kind,omitempty"`
	Aliases  []string   `json:"aliases"`
	Mentions []goldSpan `json:"mentions"`
}

type goldQuote struct {
	goldSpan
	Speakers []string `json:"speakers"`
}

type goldFigure struct {
	goldSpan
	Value  float64 `json:"value"`
	Counts string  `json:"counts"`
}

type gold struct {
	Source        string       `json:"source"`
	Note          string       `json:"note"`
	People        []goldEntity `json:"people"`
	Organisations []goldEntity `json:"organisations"`
	Documents     []goldEntity `json:"documents"`
	Quotes        []goldQuote  `json:"quotes"`
	Figures       []goldFigure `json:"figures"`
}

// spans lists every span of the file, for checking and filling in.
func (g *gold) spans() []*goldSpan {
	var out []*goldSpan
	for _, list := range [][]goldEntity{g.People, g.Organisations, g.Documents} {
		for i := range list {
			for j := range list[i].Mentions {
				out = append(out, &list[i].Mentions[j])
			}
		}
	}
	for i := range g.Quotes {
		out = append(out, &g.Quotes[i].goldSpan)
	}
	for i := range g.Figures {
		out = append(out, &g.Figures[i].goldSpan)
	}
	return out
}

func readSample(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatalf("read the sample article: %v", err)
	}
	return string(b)
}

func readGold(t testing.TB) *gold {
	t.Helper()
	b, err := os.ReadFile(goldPath)
	if err != nil {
		t.Fatalf("read the gold file: %v", err)
	}
	g := &gold{}
	if err := json.Unmarshal(b, g); err != nil {
		t.Fatalf("parse the gold file: %v", err)
	}
	return g
}

// TestGoldSpans checks that every span of the gold file is where its quoted
// text and occurrence say; with -update it writes them.
func TestGoldSpans(t *testing.T) {
	body, g := readSample(t), readGold(t)
	text := model.NewText(body)
	for _, s := range g.spans() {
		want, err := text.FindQuote(s.Text, s.Occurrence)
		if err != nil {
			t.Fatalf("gold span %q #%d: %v", s.Text, s.Occurrence, err)
		}
		if *update {
			s.Start, s.End = want.Start, want.End
		} else if s.span() != want {
			t.Errorf("gold span %q #%d is %v, the text says %v (run with -update)", s.Text, s.Occurrence, s.span(), want)
		}
	}
	if *update {
		b, err := json.MarshalIndent(g, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(goldPath, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func overlaps(a, b model.Span) bool { return a.Start < b.End && b.Start < a.End }

func anyOverlap(xs, ys []model.Span) bool {
	for _, x := range xs {
		for _, y := range ys {
			if overlaps(x, y) {
				return true
			}
		}
	}
	return false
}

func goldSpans(list []goldSpan) []model.Span {
	out := make([]model.Span, len(list))
	for i, s := range list {
		out[i] = s.span()
	}
	return out
}

// sameRole accepts the role as written, or the same title with or without
// its qualifier ("Russian envoy" for "envoy").
func sameRole(got, want string) bool {
	g, w := foldString(got), foldString(want)
	if g == "" || w == "" {
		return g == w
	}
	return g == w || strings.HasSuffix(g, " "+w) || strings.HasSuffix(w, " "+g)
}

// sameSpeaker accepts the full name, or the surname when the text gives no more.
func sameSpeaker(got, want string) bool {
	g, w := foldString(got), foldString(want)
	return g == w || strings.HasSuffix(w, " "+g)
}

func sameSpeakers(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	for _, w := range want {
		if !slices.ContainsFunc(got, func(g string) bool { return sameSpeaker(g, w) }) {
			return false
		}
	}
	return true
}

// score counts what a run of Propose got right against the gold file.
type score struct {
	found, total, right int // right: role or speaker right among found
	correct, proposed   int // for precision
}

func (s score) recall() float64    { return ratio(s.found, s.total) }
func (s score) precision() float64 { return ratio(s.correct, s.proposed) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func actorSpans(a ActorProposal) []model.Span { return append([]model.Span{a.Span}, a.Mentions...) }

// scoreActors scores the proposals of the given kinds against gold entities.
func scoreActors(p Proposals, ents []goldEntity, kinds ...model.ActorKind) score {
	var s score
	var props []ActorProposal
	for _, a := range p.Actors {
		if slices.Contains(kinds, a.Kind) {
			props = append(props, a)
		}
	}
	var all []model.Span
	for _, e := range ents {
		spans := goldSpans(e.Mentions)
		all = append(all, spans...)
		s.total++
		i := slices.IndexFunc(props, func(a ActorProposal) bool { return anyOverlap(actorSpans(a), spans) })
		if i < 0 {
			continue
		}
		s.found++
		if sameRole(props[i].Role, e.Role) {
			s.right++
		}
	}
	for _, a := range props {
		s.proposed++
		if anyOverlap([]model.Span{a.Span}, all) {
			s.correct++
		}
	}
	return s
}

func scoreDocuments(p Proposals, ents []goldEntity) score {
	var s score
	var all []model.Span
	for _, e := range ents {
		spans := goldSpans(e.Mentions)
		all = append(all, spans...)
		s.total++
		if slices.ContainsFunc(p.Documents, func(d DocumentProposal) bool { return anyOverlap(d.Mentions, spans) }) {
			s.found++
		}
	}
	for _, d := range p.Documents {
		s.proposed++
		if anyOverlap([]model.Span{d.Span}, all) {
			s.correct++
		}
	}
	return s
}

func scoreQuotes(p Proposals, quotes []goldQuote) score {
	var s score
	for _, q := range quotes {
		s.total++
		i := slices.IndexFunc(p.Quotes, func(x QuoteProposal) bool { return overlaps(x.Span, q.span()) })
		if i < 0 {
			continue
		}
		s.found++
		if sameSpeakers(p.Quotes[i].Speakers, q.Speakers) {
			s.right++
		}
	}
	for _, x := range p.Quotes {
		s.proposed++
		if slices.ContainsFunc(quotes, func(q goldQuote) bool { return overlaps(x.Span, q.span()) }) {
			s.correct++
		}
	}
	return s
}

func scoreFigures(p Proposals, figures []goldFigure) score {
	var s score
	for _, f := range figures {
		s.total++
		i := slices.IndexFunc(p.Figures, func(x FigureProposal) bool { return overlaps(x.Span, f.span()) })
		if i < 0 {
			continue
		}
		s.found++
		if p.Figures[i].Value == f.Value {
			s.right++
		}
	}
	for _, x := range p.Figures {
		s.proposed++
		if slices.ContainsFunc(figures, func(f goldFigure) bool { return overlaps(x.Span, f.span()) }) {
			s.correct++
		}
	}
	return s
}

// TestSampleScores runs Propose on the sample with no known actors and
// scores it against the gold file.
func TestSampleScores(t *testing.T) {
	body, g := readSample(t), readGold(t)
	p := Propose(body, nil)
	people := scoreActors(p, g.People, model.ActorPerson)
	orgs := scoreActors(p, g.Organisations, model.ActorOrganisation, model.ActorState, model.ActorGroup)
	docs := scoreDocuments(p, g.Documents)
	quotes := scoreQuotes(p, g.Quotes)
	figures := scoreFigures(p, g.Figures)
	t.Logf("people:        found %d/%d, role right %d, precision %.0f%% (%d/%d)", people.found, people.total, people.right,
		100*people.precision(), people.correct, people.proposed)
	t.Logf("organisations: found %d/%d, precision %.0f%% (%d/%d) [not required]", orgs.found, orgs.total,
		100*orgs.precision(), orgs.correct, orgs.proposed)
	t.Logf("documents:     found %d/%d, precision %.0f%% (%d/%d)", docs.found, docs.total, 100*docs.precision(), docs.correct, docs.proposed)
	t.Logf("quotes:        found %d/%d, speaker right %d (%.0f%%), precision %.0f%% (%d/%d)", quotes.found, quotes.total,
		quotes.right, 100*ratio(quotes.right, quotes.total), 100*quotes.precision(), quotes.correct, quotes.proposed)
	t.Logf("figures:       found %d/%d, value right %d, precision %.0f%% (%d/%d)", figures.found, figures.total, figures.right,
		100*figures.precision(), figures.correct, figures.proposed)

	if people.found < len(g.People) {
		t.Errorf("people: found %d of %d", people.found, len(g.People))
	}
	if people.right < 7 {
		t.Errorf("people: the right role for %d, want at least 7", people.right)
	}
	if docs.found < len(g.Documents) {
		t.Errorf("documents: found %d of %d", docs.found, len(g.Documents))
	}
	if ratio(quotes.right, quotes.total) < 0.8 {
		t.Errorf("quotes: %d of %d with the right speaker, want 80%%", quotes.right, quotes.total)
	}
	for kind, s := range map[string]score{"people": people, "documents": docs, "quotes": quotes, "figures": figures} {
		if s.precision() < 0.8 {
			t.Errorf("%s: precision %.0f%%, want at least 80%%", kind, 100*s.precision())
		}
	}
}

// TestSampleMatcher enters the gold actors and documents with their aliases
// and checks that the matcher finds exactly the mentions of the gold file.
func TestSampleMatcher(t *testing.T) {
	body, g := readSample(t), readGold(t)
	var names []Name
	type mention struct {
		span         model.Span
		actor, docID int64
	}
	var want []mention
	id := int64(0)
	for _, list := range [][]goldEntity{g.People, g.Organisations} {
		for _, e := range list {
			id++
			for _, a := range e.Aliases {
				names = append(names, Name{Text: a, ActorID: id})
			}
			for _, m := range e.Mentions {
				want = append(want, mention{span: m.span(), actor: id})
			}
		}
	}
	for i, e := range g.Documents {
		for _, a := range e.Aliases {
			names = append(names, Name{Text: a, DocumentID: int64(i + 1)})
		}
		for _, m := range e.Mentions {
			want = append(want, mention{span: m.span(), docID: int64(i + 1)})
		}
	}
	var got []mention
	for _, m := range NewMatcher(names).Find(body) {
		got = append(got, mention{span: m.Span, actor: m.ActorID, docID: m.DocumentID})
	}
	slices.SortFunc(want, func(a, b mention) int { return a.span.Start - b.span.Start })
	text := model.NewText(body)
	for _, m := range got {
		if !slices.Contains(want, m) {
			s, _ := text.Slice(m.span)
			t.Errorf("unexpected mention %q at %v (actor %d, document %d)", s, m.span, m.actor, m.docID)
		}
	}
	for _, m := range want {
		if !slices.Contains(got, m) {
			s, _ := text.Slice(m.span)
			t.Errorf("missed mention %q at %v (actor %d, document %d)", s, m.span, m.actor, m.docID)
		}
	}
	t.Logf("%d mentions found, %d in the gold file", len(got), len(want))
}
