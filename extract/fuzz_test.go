package extract

import (
	"os"
	"strings"
	"testing"

	"dossier/model"
)

var fuzzSeeds = []string{
	"",
	"US",
	"the US and us",
	"Witkoff’s plan; the Witkoffs’",
	"’s",
	"s’",
	"“",
	"„unclosed “quote",
	"\"straight \"quotes\" everywhere\"",
	"«Мы добились прогресса», — заявил Дорвович.",
	"Zelenskýy\u0301\u00ad met Steve\nWitkoff",
	"US$100 billion, $9.6 bn, €40 million, 45% and 12 per cent",
	"President Putin. Mr X. Foreign Minister, Y said: “Z.”",
	"a\xffb \xc3 \xe2\x80",
	"1,300, 1., .5, 28-point, twenty-five-point plan",
	"\r\n\r\n“Q,” he said. “R.” They added.",
}

// FuzzMatcher checks that matches lie inside the text, are sorted, do not
// overlap, carry the text of their span, and fold to one of their aliases.
func FuzzMatcher(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add("US\nWitkoff\nSteve Witkoff\nPlan ‘Peace’\nДорвович\n28-point plan", s)
	}
	if b, err := os.ReadFile(samplePath); err == nil {
		f.Add("US\nUkraine\nKremlin\nWitkoff\nUS security guarantee framework for Ukraine", string(b))
	}
	f.Fuzz(func(t *testing.T, aliases, body string) {
		var names []Name
		for i, a := range strings.Split(aliases, "\n") {
			names = append(names, Name{Text: a, ActorID: int64(i + 1)})
		}
		text := model.NewText(body)
		prevEnd := 0
		for _, m := range NewMatcher(names).Find(body) {
			if err := m.Span.Check(text.Len()); err != nil || m.Span.Len() == 0 {
				t.Fatalf("bad span %v in a text of %d: %v", m.Span, text.Len(), err)
			}
			if m.Span.Start < prevEnd {
				t.Fatalf("match %v overlaps or precedes the one before (end %d)", m.Span, prevEnd)
			}
			prevEnd = m.Span.End
			if s, _ := text.Slice(m.Span); s != m.Text {
				t.Fatalf("match text %q, span text %q", m.Text, s)
			}
			alias := names[m.ActorID-1].Text
			if string(appendKey(nil, m.Text)) != string(appendKey(nil, alias)) {
				t.Fatalf("match %q does not fold to its alias %q", m.Text, alias)
			}
		}
	})
}

// FuzzPropose checks that Propose never panics and that every span it
// gives lies inside the text and carries its text.
func FuzzPropose(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	if b, err := os.ReadFile(samplePath); err == nil {
		f.Add(string(b))
	}
	known := NewKnown([]model.Actor{{Meta: model.Meta{ID: 1}, Name: "Steve Witkoff", Kind: model.ActorPerson}},
		[]model.Document{{Meta: model.Meta{ID: 1}, Title: "28-point plan"}},
		[]model.Alias{{Name: "Witkoff", ActorID: 1}})
	f.Fuzz(func(t *testing.T, body string) {
		text := model.NewText(body)
		check := func(what string, s model.Span, want string) {
			if err := s.Check(text.Len()); err != nil {
				t.Fatalf("%s: bad span %v in a text of %d: %v", what, s, text.Len(), err)
			}
			if got, _ := text.Slice(s); want != "" && got != want {
				t.Fatalf("%s: text %q, span text %q", what, want, got)
			}
		}
		for _, k := range []*Known{nil, known} {
			p := Propose(body, k)
			for _, a := range p.Actors {
				check("actor", a.Span, "")
				for _, m := range a.Mentions {
					check("actor mention", m, "")
				}
			}
			for _, q := range p.Quotes {
				check("quote", q.Span, q.Text)
			}
			for _, d := range p.Documents {
				check("document", d.Span, d.Title)
			}
			for _, x := range p.Figures {
				check("figure", x.Span, x.Text)
			}
		}
	})
}
