package model

import (
	"iter"
	"sort"
	"strings"
	"unicode/utf8"
)

// Spans are stored in Unicode code points, as the W3C Web Annotation model
// counts them, while Go strings index bytes. Text is the one place where the
// two meet: everything that turns a span into text, or a byte position into a
// span, goes through it.

// checkpointEvery is the spacing, in code points, of the byte offsets that
// Text keeps. A sparse table costs an eighth of the body's length in memory
// and at most 63 rune decodes per lookup.
const checkpointEvery = 64

// Text indexes a body once so that code-point offsets convert to byte offsets
// cheaply. It never changes after NewText and is safe for concurrent use.
type Text struct {
	body string
	n    int // code points
	// marks[i] is the byte offset of code point i·checkpointEvery. It is nil
	// when the body is ASCII and code points are bytes.
	marks []int
}

// NewText indexes body. Invalid UTF-8 bytes count as one code point each,
// as they do when Go ranges over a string.
func NewText(body string) *Text {
	t := &Text{body: body}
	cp := 0
	for b := 0; b < len(body); {
		if cp%checkpointEvery == 0 && t.marks != nil {
			t.marks = append(t.marks, b)
		}
		c := body[b]
		if c < utf8.RuneSelf {
			b++
		} else {
			if t.marks == nil {
				t.marks = asciiMarks(cp)
				if cp%checkpointEvery == 0 {
					t.marks = append(t.marks, b)
				}
			}
			_, w := utf8.DecodeRuneInString(body[b:])
			b += w
		}
		cp++
	}
	t.n = cp
	return t
}

// asciiMarks returns the checkpoints of an all-ASCII run of n code points.
func asciiMarks(n int) []int {
	marks := make([]int, 0, n/checkpointEvery+16)
	for cp := 0; cp < n; cp += checkpointEvery {
		marks = append(marks, cp)
	}
	return marks
}

// String returns the body.
func (t *Text) String() string { return t.body }

// Len is the number of code points in the body.
func (t *Text) Len() int { return t.n }

// ByteOffset converts a code-point offset to a byte offset. Offsets outside
// the body are clamped to its ends.
func (t *Text) ByteOffset(cp int) int {
	if cp <= 0 {
		return 0
	}
	if cp >= t.n {
		return len(t.body)
	}
	if t.marks == nil {
		return cp
	}
	b := t.marks[cp/checkpointEvery]
	for k := cp % checkpointEvery; k > 0; k-- {
		_, w := utf8.DecodeRuneInString(t.body[b:])
		b += w
	}
	return b
}

// CodePoint converts a byte offset to a code-point offset. An offset inside
// a multi-byte character gives that character's offset; offsets outside the
// body are clamped to its ends.
func (t *Text) CodePoint(byteOff int) int {
	if byteOff <= 0 {
		return 0
	}
	if byteOff >= len(t.body) {
		return t.n
	}
	if t.marks == nil {
		return byteOff
	}
	i := sort.SearchInts(t.marks, byteOff+1) - 1
	cp, b := i*checkpointEvery, t.marks[i]
	for {
		_, w := utf8.DecodeRuneInString(t.body[b:])
		if b+w > byteOff {
			return cp
		}
		b += w
		cp++
	}
}

// Slice returns the text of a span.
func (t *Text) Slice(s Span) (string, error) {
	if err := s.Check(t.n); err != nil {
		return "", err
	}
	return t.slice(s.Start, s.End), nil
}

// slice is Slice without the check, for offsets already in range.
func (t *Text) slice(start, end int) string {
	return t.body[t.ByteOffset(start):t.ByteOffset(end)]
}

// runes returns the code points of [start, end), clamped to the body.
func (t *Text) runes(start, end int) []rune {
	start, end = max(start, 0), min(end, t.n)
	if start >= end {
		return nil
	}
	return []rune(t.slice(start, end))
}

// Selector describes a span as a W3C TextQuoteSelector: the quote itself and
// up to SelectorContext code points on either side.
func (t *Text) Selector(s Span) (TextQuoteSelector, error) {
	if err := s.Check(t.n); err != nil {
		return TextQuoteSelector{}, err
	}
	return TextQuoteSelector{
		Exact:  t.slice(s.Start, s.End),
		Prefix: t.slice(max(0, s.Start-SelectorContext), s.Start),
		Suffix: t.slice(s.End, min(t.n, s.End+SelectorContext)),
	}, nil
}

// FindQuote returns the span of the given occurrence (1 = first) of quote.
// Occurrences are counted without overlap, left to right.
func (t *Text) FindQuote(quote string, occurrence int) (Span, error) {
	if quote == "" {
		return Span{}, Invalidf("find quote: the quote is empty")
	}
	if occurrence < 1 {
		return Span{}, Invalidf("find quote: occurrence %d asked; occurrences count from 1", occurrence)
	}
	seen := 0
	for s := range t.occurrences(quote, len(quote)) {
		seen++
		if seen == occurrence {
			return s, nil
		}
	}
	if seen == 0 {
		return Span{}, NotFoundf("quote %q does not occur in the text", shorten(quote))
	}
	return Span{}, NotFoundf("quote %q occurs %d %s; occurrence %d asked", shorten(quote), seen, plural(seen, "time", "times"), occurrence)
}

// occurrences yields the spans where quote occurs verbatim, left to right.
// step is how many bytes to move past a hit before looking again: the
// quote's length for occurrences without overlap, 1 for all of them. Hits
// that do not start and end on character boundaries (possible only with
// invalid UTF-8) are skipped.
func (t *Text) occurrences(quote string, step int) iter.Seq[Span] {
	return func(yield func(Span) bool) {
		if quote == "" {
			return
		}
		for from := 0; from <= len(t.body); {
			i := strings.Index(t.body[from:], quote)
			if i < 0 {
				return
			}
			b := from + i
			start, end := t.CodePoint(b), t.CodePoint(b+len(quote))
			if t.ByteOffset(start) != b || t.ByteOffset(end) != b+len(quote) {
				from = b + 1
				continue
			}
			if !yield(Span{start, end}) {
				return
			}
			from = b + step
		}
	}
}

// shorten keeps error messages readable when the quote is long.
func shorten(s string) string {
	const limit = 60
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	r := []rune(s)
	return string(r[:limit]) + "…"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
