package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"dossier/model"
)

// want describes an expected match by the text it covers, its occurrence
// in the body (1 = first) and its owner.
type want struct {
	text       string
	occurrence int
	actor, doc int64
}

func (w want) match(t *testing.T, body string) Match {
	t.Helper()
	s, err := model.NewText(body).FindQuote(w.text, w.occurrence)
	if err != nil {
		t.Fatalf("test case: %v", err)
	}
	return Match{Span: s, Text: w.text, ActorID: w.actor, DocumentID: w.doc}
}

func TestMatcherCases(t *testing.T) {
	tests := []struct {
		name  string
		names []Name
		body  string
		want  []want
	}{
		{
			name:  "short capitals match only in capitals",
			names: []Name{{Text: "US", ActorID: 1}, {Text: "NATO", ActorID: 2}},
			body:  "Talks between the US and NATO, but not us, Us, nato or Nato.",
			want:  []want{{"US", 1, 1, 0}, {"NATO", 1, 2, 0}},
		},
		{
			name:  "possessives are found and left out of the span",
			names: []Name{{Text: "Witkoff", ActorID: 1}, {Text: "Kushners", ActorID: 2}},
			body:  "Witkoff’s plan, Witkoff's team, the Witkoffs’ house and the Kushners' lawyer.",
			want:  []want{{"Witkoff", 1, 1, 0}, {"Witkoff", 2, 1, 0}, {"Witkoff", 3, 1, 0}, {"Kushners", 1, 2, 0}},
		},
		{
			name:  "diacritics are ignored both ways",
			names: []Name{{Text: "Zelenskyy", ActorID: 1}, {Text: "Sýbiha", ActorID: 2}},
			body:  "Zelenskýy met Sybiha; later ZELENSKYY and Sýbiha spoke.",
			want:  []want{{"Zelenskýy", 1, 1, 0}, {"Sybiha", 1, 2, 0}, {"ZELENSKYY", 1, 1, 0}, {"Sýbiha", 1, 2, 0}},
		},
		{
			name: "the longest match wins",
			names: []Name{{Text: "US", ActorID: 1}, {Text: "Ukraine", ActorID: 2},
				{Text: "US security guarantee framework for Ukraine", DocumentID: 7}},
			body: "The US security guarantee framework for Ukraine, said the US and Ukraine.",
			want: []want{{"US security guarantee framework for Ukraine", 1, 0, 7}, {"US", 2, 1, 0}, {"Ukraine", 2, 2, 0}},
		},
		{
			name:  "curly and straight quotes inside an alias are one",
			names: []Name{{Text: "Plan ‘Peace’", DocumentID: 1}, {Text: "O'Brien", ActorID: 2}},
			body:  "Plan 'Peace' and Plan ‘Peace’ and O’Brien, but not Plan “Peace”.",
			want:  []want{{"Plan 'Peace'", 1, 0, 1}, {"Plan ‘Peace’", 1, 0, 1}, {"O’Brien", 1, 2, 0}},
		},
		{
			name:  "Cyrillic names ignore case",
			names: []Name{{Text: "Путин", ActorID: 1}, {Text: "Володимир Зеленський", ActorID: 2}},
			body:  "ПУТИН, путин и Путин; Путина нет. ВОЛОДИМИР ЗЕЛЕНСЬКИЙ.",
			want:  []want{{"ПУТИН", 1, 1, 0}, {"путин", 1, 1, 0}, {"Путин", 1, 1, 0}, {"ВОЛОДИМИР ЗЕЛЕНСЬКИЙ", 1, 2, 0}},
		},
		{
			name:  "an alias inside a longer word is no match",
			names: []Name{{Text: "US", ActorID: 1}, {Text: "Kushner", ActorID: 2}, {Text: "EU", ActorID: 3}},
			body:  "USA, focus, Kushnerova, EUR, pre-EU and US-led.",
			want:  []want{{"EU", 2, 3, 0}, {"US", 2, 1, 0}},
		},
		{
			name:  "whitespace and a line break inside a multi-word alias",
			names: []Name{{Text: "Steve Witkoff", ActorID: 1}},
			body:  "Steve\nWitkoff and Steve   Witkoff and Steve\u00a0Witkoff, not Steve\n\nWitkoff.",
			want:  []want{{"Steve\nWitkoff", 1, 1, 0}, {"Steve   Witkoff", 1, 1, 0}, {"Steve\u00a0Witkoff", 1, 1, 0}},
		},
		{
			name:  "overlapping aliases of two entities",
			names: []Name{{Text: "Jared Kushner", ActorID: 1}, {Text: "Kushner plan", DocumentID: 2}, {Text: "plan B", DocumentID: 3}},
			body:  "Jared Kushner plan B. The Kushner plan B.",
			want:  []want{{"Jared Kushner", 1, 1, 0}, {"plan B", 1, 0, 3}, {"Kushner plan", 2, 0, 2}},
		},
		{
			name:  "ampersand and and are one word",
			names: []Name{{Text: "economic & prosperity plan", DocumentID: 1}},
			body:  "The economic and prosperity plan, the Economic & Prosperity Plan.",
			want:  []want{{"economic and prosperity plan", 1, 0, 1}, {"Economic & Prosperity Plan", 1, 0, 1}},
		},
		{
			name:  "a name glued to a currency sign is money",
			names: []Name{{Text: "US", ActorID: 1}},
			body:  "US$100 billion from the US.",
			want:  []want{{"US", 2, 1, 0}},
		},
		{
			// The two words hash alike (a rotate-and-xor of their letters):
			// the hit is checked against the alias itself.
			name:  "a word of the same letters and length is no match",
			names: []Name{{Text: "aaaaaaaaab", ActorID: 1}},
			body:  "caaaaaaaac and aaaaaaaaab",
			want:  []want{{"aaaaaaaaab", 1, 1, 0}},
		},
		{
			name:  "punctuation must be spaced as in the alias",
			names: []Name{{Text: "28-point plan", DocumentID: 1}, {Text: "U.S.", ActorID: 2}},
			body:  "the 28-point plan, the 28 - point plan, the 28–point plan, the U.S. and the U. S.",
			want:  []want{{"28-point plan", 1, 0, 1}, {"28–point plan", 1, 0, 1}, {"U.S.", 1, 2, 0}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := NewMatcher(tc.names).Find(tc.body)
			var exp []Match
			for _, w := range tc.want {
				exp = append(exp, w.match(t, tc.body))
			}
			slices.SortFunc(exp, func(a, b Match) int { return a.Span.Start - b.Span.Start })
			if fmt.Sprint(got) != fmt.Sprint(exp) {
				t.Errorf("Find(%q)\n got %v\nwant %v", tc.body, got, exp)
			}
		})
	}
}

func TestMatcherEmpty(t *testing.T) {
	if got := NewMatcher(nil).Find("anything"); got != nil {
		t.Errorf("no names: got %v", got)
	}
	var m *Matcher
	if got := m.Find("anything"); got != nil {
		t.Errorf("nil matcher: got %v", got)
	}
	if got := NewMatcher([]Name{{Text: "  ", ActorID: 1}, {Text: "x", ActorID: 2}}).Find(""); got != nil {
		t.Errorf("empty text: got %v", got)
	}
}

// TestMatcherAgreesWithNaive compares the matcher with a plain search over
// folded words on texts made of aliases and filler: same matches, same order.
func TestMatcherAgreesWithNaive(t *testing.T) {
	names, text := benchWorld(50, 20000)
	got := NewMatcher(names).Find(text)
	want := naiveFind(names, text)
	if len(got) != len(want) {
		t.Fatalf("matcher found %d, naive search %d", len(got), len(want))
	}
	for i := range got {
		if got[i].Span != want[i].Span || got[i].ActorID != want[i].ActorID {
			t.Fatalf("match %d: matcher %+v, naive %+v", i, got[i], want[i])
		}
	}
}

// naiveFind is a slow reference for texts without punctuation inside
// names: every alias is tried at every word start, longest first.
func naiveFind(names []Name, text string) []Match {
	type word struct{ start, end int }
	var words []word
	start := -1
	for i, r := range text + " " {
		isWord := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case isWord && start < 0:
			start = i
		case !isWord && start >= 0:
			words = append(words, word{start, i})
			start = -1
		}
	}
	cp := func(b int) int { return utf8.RuneCountInString(text[:b]) }
	var out []Match
	for w := 0; w < len(words); w++ {
		best, bestLen := -1, 0
		for n, name := range names {
			parts := strings.Fields(strings.ToLower(name.Text))
			if w+len(parts) > len(words) {
				continue
			}
			ok := true
			for k, p := range parts {
				ww := words[w+k]
				if strings.ToLower(text[ww.start:ww.end]) != p || k > 0 && text[words[w+k-1].end] != ' ' {
					ok = false
					break
				}
			}
			if l := words[w+len(parts)-1].end - words[w].start; ok && l > bestLen {
				best, bestLen = n, l
			}
		}
		if best >= 0 {
			k := len(strings.Fields(names[best].Text))
			a, b := words[w].start, words[w+k-1].end
			out = append(out, Match{Span: model.Span{Start: cp(a), End: cp(b)}, Text: text[a:b], ActorID: names[best].ActorID})
			w += k - 1
		}
	}
	return out
}
