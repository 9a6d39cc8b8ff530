package model_test

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"dossier/model"
)

// Quotes from the sample article used by the re-anchoring cases.
const (
	sentenceQuote = "Over several days in southern Florida, senior representatives from Ukraine and its European partners engaged in a series of focused dialogues."
	shortQuote    = "productive and constructive"
	figureQuote   = "approximately 1,300 attack drones"
)

// edit describes a revision of a body.
type edit func(t *testing.T, body string) string

// replaceOnce replaces the only occurrence of old, failing the test if old
// is missing, so that a case cannot silently test nothing.
func replaceOnce(old, new string) edit {
	return func(t *testing.T, body string) string {
		t.Helper()
		if strings.Count(body, old) != 1 {
			t.Fatalf("the body holds %q %d times, want once", old, strings.Count(body, old))
		}
		return strings.Replace(body, old, new, 1)
	}
}

func prepend(s string) edit {
	return func(_ *testing.T, body string) string { return s + body }
}

func appendText(s string) edit {
	return func(_ *testing.T, body string) string { return body + s }
}

func TestReanchorAfterEdits(t *testing.T) {
	sample := readSample(t)
	// A sentence between the title and the first paragraph, to delete.
	secondPara := strings.SplitN(sample, "\n", 3)[1]
	tests := []struct {
		name  string
		body  string
		quote string
		edit  edit
		// want is the text expected at the new span, "" for an orphan.
		want      string
		wantExact bool
	}{
		{"unchanged", sample, sentenceQuote, func(_ *testing.T, b string) string { return b }, sentenceQuote, true},
		{"insertion before", sample, sentenceQuote, prepend("EDITOR’S NOTE: this story was updated with new details 🇺🇦.\n"), sentenceQuote, true},
		{"insertion after", sample, sentenceQuote, replaceOnce("Key Agreements", "Update: more talks are planned.\nKey Agreements"), sentenceQuote, true},
		{"insertion just before", sample, sentenceQuote, replaceOnce("\nOver several", "\nMeanwhile, over several days… Over several"), sentenceQuote, true},
		{"insertion just after", sample, sentenceQuote, replaceOnce("dialogues. These", "dialogues. And more. These"), sentenceQuote, true},
		{"deletion elsewhere", sample, sentenceQuote, replaceOnce(secondPara, ""), sentenceQuote, true},
		{"appended text", sample, figureQuote, appendText("\nCorrection appended at the end."), figureQuote, true},
		{"insertion inside", sample, sentenceQuote,
			replaceOnce("senior representatives", "senior and junior representatives"),
			strings.Replace(sentenceQuote, "senior representatives", "senior and junior representatives", 1), false},
		{"word changed inside", sample, sentenceQuote,
			replaceOnce("series of focused dialogues", "series of intensive dialogues"),
			strings.Replace(sentenceQuote, "focused", "intensive", 1), false},
		{"first word changed", sample, sentenceQuote,
			replaceOnce("Over several days", "During several days"),
			strings.Replace(sentenceQuote, "Over", "During", 1), false},
		{"last word changed", sample, sentenceQuote,
			replaceOnce("focused dialogues.", "focused conversations."),
			strings.Replace(sentenceQuote, "dialogues.", "conversations.", 1), false},
		{"word changed in a short quote", sample, shortQuote,
			replaceOnce("“productive and constructive”", "“productive and useful”"), "productive and useful", false},
		{"typo fixed in a figure", sample, figureQuote,
			replaceOnce("approximately 1,300 attack drones", "approximately 1.300 attack drones"), "approximately 1.300 attack drones", false},
		{"span deleted", sample, sentenceQuote, replaceOnce(sentenceQuote+" ", ""), "", false},
		{"short quote deleted", sample, shortQuote, replaceOnce(" as “productive and constructive”", ""), "", false},
		{"short quote replaced", sample, shortQuote, replaceOnce("“productive and constructive”", "“a waste of everyone’s time”"), "", false},
		{"paragraphs swapped", sample, sentenceQuote, func(t *testing.T, b string) string {
			lines := strings.Split(b, "\n")
			lines[2], lines[13] = lines[13], lines[2]
			return strings.Join(lines, "\n")
		}, sentenceQuote, true},
		{"body emptied", sample, sentenceQuote, func(*testing.T, string) string { return "" }, "", false},
		{"cyrillic insertion inside", "Початок. Київ заявив, що переговори були конструктивними. Кінець тексту тут.",
			"Київ заявив, що переговори були конструктивними.",
			replaceOnce("переговори", "складні переговори"), "Київ заявив, що складні переговори були конструктивними.", false},
		{"emoji insertion before", "👩‍👩‍👧 start 🇺🇸 «цитата» 👍🏽 end", "«цитата» 👍🏽", prepend("🇺🇦🇺🇦 "), "«цитата» 👍🏽", true},
		{"combining mark edited", "Le café\u0301 était fermé ce jour-là, dit-il à la presse locale hier.", "café\u0301 était fermé ce jour-là",
			replaceOnce("café\u0301", "cafe\u0301"), "cafe\u0301 était fermé ce jour-là", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := model.NewText(tt.body)
			old, err := before.FindQuote(tt.quote, 1)
			if err != nil {
				t.Fatal(err)
			}
			sel, err := before.Selector(old)
			if err != nil {
				t.Fatal(err)
			}
			after := model.NewText(tt.edit(t, tt.body))
			got := after.Reanchor(sel, old)
			if tt.want == "" {
				if !got.Orphan || got.Exact {
					t.Fatalf("Reanchor = %+v (%q), want an orphan", got, slice(t, after, got.Span))
				}
				wantSpan := model.Span{Start: min(old.Start, after.Len()), End: min(old.End, after.Len())}
				if got.Span != wantSpan {
					t.Errorf("orphan span %v, want the old span clamped %v", got.Span, wantSpan)
				}
				return
			}
			if got.Orphan {
				t.Fatalf("Reanchor = %+v, an orphan; want %q", got, tt.want)
			}
			if text := slice(t, after, got.Span); text != tt.want {
				t.Errorf("re-anchored to %q, want %q", text, tt.want)
			}
			if got.Exact != tt.wantExact {
				t.Errorf("Exact = %v, want %v", got.Exact, tt.wantExact)
			}
			if got.Score <= 0 || got.Score > 1 {
				t.Errorf("Score = %v, want in (0, 1]", got.Score)
			}
		})
	}
}

func slice(t *testing.T, text *model.Text, s model.Span) string {
	t.Helper()
	out, err := text.Slice(s)
	if err != nil {
		t.Fatalf("span %v is outside the text: %v", s, err)
	}
	return out
}

// TestReanchorRepeatedQuote checks that context, not nearness, decides
// between two verbatim occurrences: each edit moves the wrong occurrence
// nearer to the old place than the right one.
func TestReanchorRepeatedQuote(t *testing.T) {
	quote := "The talks were productive."
	intro := strings.Repeat("An introduction about the background of the talks. ", 8)
	rest := "Monday in Miami. " + quote + " Umerov left early.\n" +
		"Tuesday in Geneva. " + quote + " Dmitriev stayed on.\n" +
		strings.Repeat("A closing paragraph about the markets. ", 4)
	before := model.NewText(intro + rest)
	first, _ := before.FindQuote(quote, 1)
	second, _ := before.FindQuote(quote, 2)
	tests := []struct {
		name   string
		old    model.Span
		edited string
		want   string // the context that must follow the re-anchored quote
	}{
		// Without the introduction the second occurrence lies nearer to
		// where the first one was.
		{"first, introduction removed", first, rest, " Umerov"},
		// A sentence added at the top pushes the first occurrence nearer
		// to where the second one was.
		{"second, sentence added before", second, "A late addition, written after the talks in Geneva. " + intro + rest, " Dmitriev"},
		{"first, unchanged", first, intro + rest, " Umerov"},
		{"second, unchanged", second, intro + rest, " Dmitriev"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sel, err := before.Selector(tt.old)
			if err != nil {
				t.Fatal(err)
			}
			after := model.NewText(tt.edited)
			got := after.Reanchor(sel, tt.old)
			if got.Orphan || !got.Exact {
				t.Fatalf("Reanchor = %+v, want an exact match", got)
			}
			follows := slice(t, after, model.Span{Start: got.Span.End, End: got.Span.End + utf8.RuneCountInString(tt.want)})
			if follows != tt.want {
				t.Errorf("re-anchored to the occurrence followed by %q, want %q", follows, tt.want)
			}
		})
	}
}

func TestReanchorEmptyQuote(t *testing.T) {
	body := "alpha beta gamma"
	before := model.NewText(body)
	tests := []struct {
		name   string
		old    model.Span
		edited string
		want   model.Span
		orphan bool
	}{
		{"unchanged", model.Span{Start: 6, End: 6}, body, model.Span{Start: 6, End: 6}, false},
		{"shifted", model.Span{Start: 6, End: 6}, "omega " + body, model.Span{Start: 12, End: 12}, false},
		{"context gone", model.Span{Start: 6, End: 6}, "something else", model.Span{Start: 6, End: 6}, true},
		{"at start", model.Span{}, body, model.Span{}, false},
		{"at end", model.Span{Start: 16, End: 16}, body, model.Span{Start: 16, End: 16}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sel, err := before.Selector(tt.old)
			if err != nil {
				t.Fatal(err)
			}
			got := model.NewText(tt.edited).Reanchor(sel, tt.old)
			if got.Span != tt.want || got.Orphan != tt.orphan {
				t.Errorf("Reanchor = %+v, want %v orphan=%v", got, tt.want, tt.orphan)
			}
		})
	}
	if got := model.NewText("").Reanchor(model.TextQuoteSelector{}, model.Span{}); got.Orphan || got.Span != (model.Span{}) {
		t.Errorf("empty selector in empty text = %+v, want 0:0", got)
	}
}

func TestReanchorOrphanClampsOldSpan(t *testing.T) {
	text := model.NewText("short text")
	sel := model.TextQuoteSelector{Exact: "a quote that is nowhere to be found", Prefix: "x", Suffix: "y"}
	tests := []struct {
		old, want model.Span
	}{
		{model.Span{Start: 2, End: 5}, model.Span{Start: 2, End: 5}},
		{model.Span{Start: 8, End: 40}, model.Span{Start: 8, End: 10}},
		{model.Span{Start: 30, End: 40}, model.Span{Start: 10, End: 10}},
		{model.Span{Start: -3, End: 4}, model.Span{Start: 0, End: 4}},
		{model.Span{Start: 6, End: 2}, model.Span{Start: 6, End: 6}},
	}
	for _, tt := range tests {
		got := text.Reanchor(sel, tt.old)
		if !got.Orphan || got.Span != tt.want {
			t.Errorf("Reanchor(old %v) = %+v, want orphan at %v", tt.old, got, tt.want)
		}
	}
}

// TestReanchorLongQuoteContextRewritten: a long quote that barely changed
// is found even though everything around it was rewritten, while a short
// one in the same situation is not guessed.
func TestReanchorLongQuoteContextRewritten(t *testing.T) {
	sample := readSample(t)
	before := model.NewText(sample)
	old, err := before.FindQuote(sentenceQuote, 1)
	if err != nil {
		t.Fatal(err)
	}
	sel, _ := before.Selector(old)
	edited := strings.Replace(sentenceQuote, "focused", "intensive", 1)
	after := model.NewText("A wholly new introduction, written by another desk. " + edited + " A new ending follows here.")
	got := after.Reanchor(sel, old)
	if got.Orphan || got.Exact || slice(t, after, got.Span) != edited {
		t.Errorf("long quote: Reanchor = %+v (%q), want the edited sentence", got, slice(t, after, got.Span))
	}

	short := model.TextQuoteSelector{Exact: "talks were productive", Prefix: "On Monday in Miami the ", Suffix: ", said the envoy on X."}
	after = model.NewText("Nothing alike here; the talks were unproductive, one critic said, and left for the airport.")
	if got := after.Reanchor(short, model.Span{Start: 23, End: 44}); !got.Orphan {
		t.Errorf("short quote with new context: Reanchor = %+v (%q), want an orphan", got, slice(t, after, got.Span))
	}
}

// syntheticBody builds a body of about n bytes of words drawn from the
// sample, deterministic and without long repeats.
func syntheticBody(tb testing.TB, n int) string {
	words := strings.Fields(readSample(tb))
	rng := rand.New(rand.NewPCG(7, 11))
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(words[rng.IntN(len(words))])
		if rng.IntN(12) == 0 {
			b.WriteString(".\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// TestReanchorSynthetic re-anchors many spans of a large synthetic body
// after an edit, checking each verdict against what the edit did.
func TestReanchorSynthetic(t *testing.T) {
	body := syntheticBody(t, 20_000)
	before := model.NewText(body)
	rng := rand.New(rand.NewPCG(3, 5))
	for range 60 {
		n := 40 + rng.IntN(400)
		start := rng.IntN(before.Len() - n)
		old := model.Span{Start: start, End: start + n}
		sel, _ := before.Selector(old)
		// Insert a clause in the middle of the span, and text before it.
		mid := before.ByteOffset(start + n/2)
		at := before.ByteOffset(start / 2)
		edited := body[:at] + "[inserted before] " + body[at:mid] + " — indeed — " + body[mid:]
		after := model.NewText(edited)
		got := after.Reanchor(sel, old)
		want := strings.Replace(sel.Exact, sel.Exact[len(sel.Exact)-len(body[mid:before.ByteOffset(old.End)]):], " — indeed — "+body[mid:before.ByteOffset(old.End)], 1)
		if got.Orphan || got.Exact {
			t.Fatalf("span %v: Reanchor = %+v, want an approximate match", old, got)
		}
		if text := slice(t, after, got.Span); text != want {
			t.Fatalf("span %v: re-anchored to\n%q\nwant\n%q", old, text, want)
		}
	}
}

// BenchmarkReanchor re-anchors a quote of about 1 KB in a 50 KB body.
func BenchmarkReanchor(b *testing.B) {
	body := syntheticBody(b, 50_000)
	before := model.NewText(body)
	start := before.Len() / 2
	old := model.Span{Start: start, End: start + 1000}
	sel, err := before.Selector(old)
	if err != nil {
		b.Fatal(err)
	}
	mid := before.ByteOffset(start + 500)
	cases := []struct {
		name  string
		body  string
		exact bool
	}{
		{"unchanged", body, true},
		{"moved", "A new first paragraph.\n" + body, true},
		{"edited", body[:mid] + " and, notably, " + body[mid:], false},
		{"deleted", body[:before.ByteOffset(old.Start)] + body[before.ByteOffset(old.End):], false},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			after := model.NewText(c.body)
			if got := after.Reanchor(sel, old); got.Exact != c.exact || got.Orphan != (c.name == "deleted") {
				b.Fatalf("Reanchor = %+v", got)
			}
			for b.Loop() {
				after.Reanchor(sel, old)
			}
		})
	}
}

// BenchmarkNewText indexes a 50 KB body with non-ASCII text throughout.
func BenchmarkNewText(b *testing.B) {
	body := strings.Repeat(nonASCII, 50_000/len(nonASCII))
	for b.Loop() {
		model.NewText(body)
	}
}

// TestReanchorLongQuoteInLongBody: a 10,000-character quote in a 150 KB
// body is more than one fuzzy scan may cover; the search keeps to a window
// around the old place and still finds the edited quote.
func TestReanchorLongQuoteInLongBody(t *testing.T) {
	body := syntheticBody(t, 150_000)
	before := model.NewText(body)
	old := model.Span{Start: 100_000, End: 110_000}
	sel, _ := before.Selector(old)
	mid := before.ByteOffset(105_000)
	after := model.NewText("Prepended line.\n" + body[:mid] + "[a sentence inserted in the middle] " + body[mid:])
	got := after.Reanchor(sel, old)
	if got.Orphan || got.Exact {
		t.Fatalf("Reanchor = %+v, want an approximate match", got)
	}
	want := model.Span{Start: old.Start + 16, End: old.End + 16 + utf8.RuneCountInString("[a sentence inserted in the middle] ")}
	if got.Span != want {
		t.Errorf("re-anchored to %v, want %v", got.Span, want)
	}
}
