package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"
)

// cleanRunesByRune is cleanRunes as first written, one rune at a time: the
// reference that the run-copying version must match byte for byte.
func cleanRunesByRune(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r == '\r':
			b.WriteByte('\n')
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case r == '\u2029':
			b.WriteString("\n\n")
		case r == '\f' || r == '\v' || r == '\u0085' || r == '\u2028':
			b.WriteByte('\n')
		case r == '\t' || r == '\n':
			b.WriteRune(r)
		case invisible(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestCleanRunesMatchesRuneByRune(t *testing.T) {
	// Pieces that each take a different branch, mixed with plain text.
	pieces := []string{
		"a", "Talks ", "é", "€", "👩", "\uFFFD", "\t", "\n", "\r", "\r\n", "\f", "\v",
		"\u0085", "\u2028", "\u2029", "\u200B", "\u2060", "\uFEFF", "\u00AD", "\u180E",
		"\u200D", "\x00", "\x1b", "\x7f", "\u0080", "\u009f", "\xff", "\xc3", "\xed\xa0\x80",
		"\xe2\x82", " ", "\u00a0",
	}
	r := rand.New(rand.NewPCG(1, 2))
	cases := []string{"", "plain text only", "\r", "\xff", "end\r"}
	for range 5000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, in := range cases {
		if got, want := cleanRunes(in), cleanRunesByRune(in); got != want {
			t.Fatalf("cleanRunes(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanRunesKeepsCleanTextAsItIs(t *testing.T) {
	in := strings.Repeat("Delegations met in Miami on Monday — «productive».\n\tThen Geneva.\n", 50)
	got := cleanRunes(in)
	if got != in || unsafe.StringData(got) != unsafe.StringData(in) {
		t.Fatal("a text that needs no cleaning was copied or changed")
	}
}

// text1ByRune is textWriter.text1 as first written, one rune at a time
// (outside <pre>): the reference for the word-at-a-time version.
func text1ByRune(w *textWriter, s string) {
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			w.space = true
			continue
		}
		if w.space && w.cur.Len() > 0 && !strings.HasSuffix(w.cur.String(), "\n") && !strings.HasSuffix(w.cur.String(), "\t") {
			w.cur.WriteByte(' ')
		}
		w.space = false
		w.cur.WriteRune(r)
		w.count(1)
	}
}

func TestText1MatchesRuneByRune(t *testing.T) {
	pieces := []string{"talks", " ", "  ", "\t", "\n", "\r\n", "\f", "\u00a0", "é", "«", "👩\u200D💻", "\xff", "\xe2\x82", "\uFFFD", "x"}
	starts := []string{"", "line\n", "cell\t", "word"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 3000 {
		start := starts[r.IntN(len(starts))]
		links := r.IntN(2)
		var texts []string
		for range 1 + r.IntN(3) {
			var b strings.Builder
			for range r.IntN(10) {
				b.WriteString(pieces[r.IntN(len(pieces))])
			}
			texts = append(texts, b.String())
		}
		got, want := &textWriter{links: links}, &textWriter{links: links}
		got.cur.WriteString(start)
		want.cur.WriteString(start)
		for _, s := range texts {
			got.text1(s)
			text1ByRune(want, s)
		}
		if got.cur.String() != want.cur.String() || got.space != want.space || got.text != want.text || got.link != want.link {
			t.Fatalf("after %q then %q: got %q space=%v text=%d link=%d, want %q space=%v text=%d link=%d",
				start, texts, got.cur.String(), got.space, got.text, got.link, want.cur.String(), want.space, want.text, want.link)
		}
	}
}
