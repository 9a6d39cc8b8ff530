package model_test

import (
	"errors"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"dossier/model"
)

const samplePath = "../../shared/samples/peace-talks-miami.txt"

// readSample returns the worked example's article.
func readSample(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatalf("read sample article: %v", err)
	}
	return string(b)
}

// nonASCII holds the characters that trip byte/code-point confusion: curly
// quotes, Cyrillic, emoji built of several code points (a family joined by
// ZWJ, a flag of two regional indicators, a skin tone), combining marks.
const nonASCII = "«Мир» — сказал Пєсков. “Productive” talks 👍🏽 in Miami 🇺🇸, " +
	"with 👩‍👩‍👧 families; café vs cafe\u0301 and Å; Zelensky’s “20-point plan” ✓.\n" +
	"Київ відповів: «ні». 日本語のテキスト 😀 end"

// Text bodies that exercise the offset index: empty, ASCII, non-ASCII
// from the start, ASCII then non-ASCII past the first checkpoint, and long
// enough for many checkpoints.
func offsetBodies(t testing.TB) map[string]string {
	return map[string]string{
		"empty":           "",
		"ascii":           "plain ASCII text",
		"non-ascii":       nonASCII,
		"late non-ascii":  strings.Repeat("a", 130) + "é" + strings.Repeat("b", 70) + "😀",
		"sample":          readSample(t),
		"repeated":        strings.Repeat(nonASCII, 20),
		"invalid utf-8":   "ab\xffc\xe2\x80d\xc3",
		"only multi-byte": strings.Repeat("д", 200),
	}
}

func TestTextOffsets(t *testing.T) {
	for name, body := range offsetBodies(t) {
		t.Run(name, func(t *testing.T) {
			text := model.NewText(body)
			// The reference: the byte offset of every code point, as Go's
			// range over a string walks them.
			var starts []int
			for b := range body {
				starts = append(starts, b)
			}
			if text.Len() != len(starts) || text.Len() != utf8.RuneCountInString(body) {
				t.Fatalf("Len() = %d, want %d", text.Len(), len(starts))
			}
			starts = append(starts, len(body))
			for cp, b := range starts {
				if got := text.ByteOffset(cp); got != b {
					t.Fatalf("ByteOffset(%d) = %d, want %d", cp, got, b)
				}
				if got := text.CodePoint(b); got != cp {
					t.Fatalf("CodePoint(%d) = %d, want %d", b, got, cp)
				}
				// A byte inside a character belongs to that character.
				if cp+1 < len(starts) {
					for inner := b + 1; inner < starts[cp+1]; inner++ {
						if got := text.CodePoint(inner); got != cp {
							t.Fatalf("CodePoint(%d) inside code point %d = %d", inner, cp, got)
						}
					}
				}
			}
			if got := text.ByteOffset(-5); got != 0 {
				t.Errorf("ByteOffset(-5) = %d, want 0", got)
			}
			if got := text.ByteOffset(text.Len() + 5); got != len(body) {
				t.Errorf("ByteOffset(past end) = %d, want %d", got, len(body))
			}
			if got := text.CodePoint(-1); got != 0 {
				t.Errorf("CodePoint(-1) = %d, want 0", got)
			}
			if got := text.CodePoint(len(body) + 3); got != text.Len() {
				t.Errorf("CodePoint(past end) = %d, want %d", got, text.Len())
			}
			if text.String() != body {
				t.Errorf("String() does not return the body")
			}
		})
	}
}

func TestSlice(t *testing.T) {
	text := model.NewText(nonASCII)
	runes := []rune(nonASCII)
	tests := []struct {
		span    model.Span
		want    string
		wantErr bool
	}{
		{model.Span{Start: 0, End: 5}, "«Мир»", false},
		{model.Span{Start: 0, End: 0}, "", false},
		{model.Span{Start: len(runes), End: len(runes)}, "", false},
		{model.Span{Start: 0, End: len(runes)}, nonASCII, false},
		{model.Span{Start: -1, End: 3}, "", true},
		{model.Span{Start: 4, End: 3}, "", true},
		{model.Span{Start: 0, End: len(runes) + 1}, "", true},
	}
	for _, tt := range tests {
		got, err := text.Slice(tt.span)
		if tt.wantErr {
			if !errors.Is(err, model.ErrInvalid) {
				t.Errorf("Slice(%v) error = %v, want ErrInvalid", tt.span, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("Slice(%v) = %q, %v; want %q", tt.span, got, err, tt.want)
		}
	}
	// Every span of the runes, against slicing the rune array.
	for i := 0; i <= len(runes); i += 3 {
		for j := i; j <= len(runes); j += 5 {
			got, err := text.Slice(model.Span{Start: i, End: j})
			if err != nil || got != string(runes[i:j]) {
				t.Fatalf("Slice(%d:%d) = %q, %v; want %q", i, j, got, err, string(runes[i:j]))
			}
		}
	}
}

func TestSelector(t *testing.T) {
	body := strings.Repeat("x", 40) + "🇺🇸 quote 👩‍👩‍👧" + strings.Repeat("y", 40)
	text := model.NewText(body)
	quote := "🇺🇸 quote 👩‍👩‍👧"
	start := 40
	span := model.Span{Start: start, End: start + utf8.RuneCountInString(quote)}
	tests := []struct {
		name string
		span model.Span
		want model.TextQuoteSelector
	}{
		{"middle", span, model.TextQuoteSelector{Exact: quote, Prefix: strings.Repeat("x", 32), Suffix: strings.Repeat("y", 32)}},
		{"at start", model.Span{Start: 0, End: 3}, model.TextQuoteSelector{Exact: "xxx", Suffix: strings.Repeat("x", 32)}},
		{"short prefix", model.Span{Start: 5, End: 6}, model.TextQuoteSelector{Exact: "x", Prefix: "xxxxx", Suffix: strings.Repeat("x", 32)}},
		{"at end", model.Span{Start: text.Len() - 2, End: text.Len()}, model.TextQuoteSelector{Exact: "yy", Prefix: strings.Repeat("y", 32)}},
		{"empty", model.Span{Start: 40, End: 40}, model.TextQuoteSelector{Prefix: strings.Repeat("x", 32), Suffix: string([]rune(body)[40:72])}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := text.Selector(tt.span)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Selector(%v) = %+v, want %+v", tt.span, got, tt.want)
			}
			if n := utf8.RuneCountInString(got.Prefix); n > model.SelectorContext {
				t.Errorf("prefix has %d code points", n)
			}
		})
	}
	if _, err := text.Selector(model.Span{Start: 0, End: text.Len() + 1}); !errors.Is(err, model.ErrInvalid) {
		t.Errorf("Selector past the end: error %v, want ErrInvalid", err)
	}
}

func TestFindQuote(t *testing.T) {
	text := model.NewText("“Мир” and peace; peace 👍🏽 and more peace.")
	tests := []struct {
		name       string
		quote      string
		occurrence int
		want       model.Span
		wantErr    error
		wantMsg    string
	}{
		{"first", "peace", 1, model.Span{Start: 10, End: 15}, nil, ""},
		{"third", "peace", 3, model.Span{Start: 35, End: 40}, nil, ""},
		{"non-ascii", "👍🏽 and", 1, model.Span{Start: 23, End: 29}, nil, ""},
		{"curly", "“Мир”", 1, model.Span{Start: 0, End: 5}, nil, ""},
		{"too few", "peace", 4, model.Span{}, model.ErrNotFound, "occurs 3 times; occurrence 4 asked"},
		{"once", "Мир", 2, model.Span{}, model.ErrNotFound, "occurs 1 time; occurrence 2 asked"},
		{"absent", "war", 1, model.Span{}, model.ErrNotFound, `quote "war" does not occur`},
		{"empty", "", 1, model.Span{}, model.ErrInvalid, "empty"},
		{"occurrence zero", "peace", 0, model.Span{}, model.ErrInvalid, "count from 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := text.FindQuote(tt.quote, tt.occurrence)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.wantMsg) {
					t.Fatalf("FindQuote(%q, %d) error = %v, want %v containing %q", tt.quote, tt.occurrence, err, tt.wantErr, tt.wantMsg)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("FindQuote(%q, %d) = %v, %v; want %v", tt.quote, tt.occurrence, got, err, tt.want)
			}
			if s, _ := text.Slice(got); s != tt.quote {
				t.Errorf("the span holds %q, not the quote", s)
			}
		})
	}
}

func TestFindQuoteDoesNotOverlap(t *testing.T) {
	text := model.NewText("aaaa")
	got, err := text.FindQuote("aa", 2)
	if err != nil || got != (model.Span{Start: 2, End: 4}) {
		t.Fatalf("FindQuote(aa, 2) = %v, %v; want 2:4", got, err)
	}
	if _, err := text.FindQuote("aa", 3); !errors.Is(err, model.ErrNotFound) {
		t.Fatalf("FindQuote(aa, 3) error = %v, want ErrNotFound", err)
	}
}

// sentences splits a body into the spans of its sentences and headings, in
// code points: a sentence ends at . ? ! or a line break.
func sentences(body string) []model.Span {
	runes := []rune(body)
	var spans []model.Span
	start := 0
	flush := func(end int) {
		for start < end && unicode.IsSpace(runes[start]) {
			start++
		}
		if end > start {
			spans = append(spans, model.Span{Start: start, End: end})
		}
		start = end
	}
	for i, r := range runes {
		switch {
		case r == '\n':
			flush(i)
		case strings.ContainsRune(".?!", r) && (i+1 == len(runes) || runes[i+1] == ' ' || runes[i+1] == '\n'):
			flush(i + 1)
		}
	}
	flush(len(runes))
	return spans
}

// occurrenceOf says which occurrence of the span's text, counted without
// overlap from the start, the span is; 0 when an earlier overlapping
// occurrence hides it.
func occurrenceOf(t *testing.T, text *model.Text, span model.Span) (string, int) {
	t.Helper()
	quote, err := text.Slice(span)
	if err != nil {
		t.Fatal(err)
	}
	body, want := text.String(), text.ByteOffset(span.Start)
	k := 0
	for from := 0; from <= want; {
		i := strings.Index(body[from:], quote)
		if i < 0 || from+i > want {
			break
		}
		k++
		if from+i == want {
			return quote, k
		}
		from += i + max(len(quote), 1)
	}
	return quote, 0
}

// checkRoundTrip takes a selector at span and finds it again three ways.
func checkRoundTrip(t *testing.T, text *model.Text, span model.Span) {
	t.Helper()
	sel, err := text.Selector(span)
	if err != nil {
		t.Fatalf("Selector(%v): %v", span, err)
	}
	quote, k := occurrenceOf(t, text, span)
	if quote != sel.Exact {
		t.Fatalf("selector exact %q, slice %q", sel.Exact, quote)
	}
	if got, err := text.FindQuote(sel.Exact, k); k > 0 && (err != nil || got != span) {
		t.Fatalf("FindQuote(%q, %d) = %v, %v; want %v", sel.Exact, k, got, err, span)
	}
	want := model.Anchoring{Span: span, Exact: true, Score: 1}
	if got := text.Reanchor(sel, span); got != want {
		t.Fatalf("Reanchor(%q) at its place = %+v, want %+v", sel.Exact, got, want)
	}
	// Without a hint of the old place, the context alone must find it.
	if got := text.Reanchor(sel, model.Span{}); got.Span != span || !got.Exact || got.Orphan {
		t.Fatalf("Reanchor(%q) without a hint = %+v, want %v", sel.Exact, got, span)
	}
}

func TestRoundTripSampleSentences(t *testing.T) {
	body := readSample(t)
	text := model.NewText(body)
	spans := sentences(body)
	if len(spans) < 30 {
		t.Fatalf("the sample splits into %d sentences; the splitter is broken", len(spans))
	}
	for _, span := range spans {
		checkRoundTrip(t, text, span)
	}
}

func TestRoundTripSampleWindows(t *testing.T) {
	text := model.NewText(readSample(t))
	for start := 0; start < text.Len(); start += 37 {
		for _, n := range []int{1, 7, 60, 250} {
			if start+n <= text.Len() {
				checkRoundTrip(t, text, model.Span{Start: start, End: start + n})
			}
		}
	}
}

func TestRoundTripNonASCII(t *testing.T) {
	text := model.NewText(nonASCII)
	// Every word.
	runes := []rune(nonASCII)
	start := 0
	for i := 0; i <= len(runes); i++ {
		if i == len(runes) || unicode.IsSpace(runes[i]) {
			if i > start {
				checkRoundTrip(t, text, model.Span{Start: start, End: i})
			}
			start = i + 1
		}
	}
	// Every short span, whatever it cuts through.
	for i := 0; i < len(runes); i++ {
		for _, n := range []int{1, 2, 5, 11} {
			if i+n <= len(runes) {
				checkRoundTrip(t, text, model.Span{Start: i, End: i + n})
			}
		}
	}
	// The multi-code-point emoji round-trip whole.
	for _, q := range []string{"👩‍👩‍👧", "🇺🇸", "👍🏽", "cafe\u0301", "«ні»"} {
		span, err := text.FindQuote(q, 1)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := span.Len(), utf8.RuneCountInString(q); got != want {
			t.Errorf("%q spans %d code points, want %d", q, got, want)
		}
		checkRoundTrip(t, text, span)
	}
}

// A Text is shared by the views and workers that read one article; the race
// detector checks that using it from several goroutines is safe.
func TestTextConcurrentUse(t *testing.T) {
	body := readSample(t)
	text := model.NewText(body)
	spans := sentences(body)
	edited := model.NewText(strings.Replace(body, "focused", "intensive", 1))
	done := make(chan struct{})
	for g := range 4 {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := g; i < len(spans); i += 4 {
				sel, err := text.Selector(spans[i])
				if err != nil {
					t.Error(err)
					return
				}
				if got := edited.Reanchor(sel, spans[i]); got.Orphan {
					t.Errorf("sentence %d orphaned after a one-word edit: %+v", i, got)
				}
			}
		}()
	}
	for range 4 {
		<-done
	}
}
