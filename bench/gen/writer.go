package gen

import (
	"strings"
	"unicode/utf8"
)

// Quote styles of an article.
const (
	curly = iota
	straight
)

// writer builds a body and records spans as it goes, counting code points
// incrementally so that no span is ever found by searching afterwards.
type writer struct {
	sb       strings.Builder
	runes    int
	capNext  bool // the next literal starts a sentence or a quotation
	style    int
	mentions []Mention
	quotes   []quoteSpan
	figures  []Figure
	excerpts []Excerpt
}

// quoteSpan keeps byte offsets too, so the quote's text can be cut from the
// finished body without copying.
type quoteSpan struct {
	start, end   int
	bstart, bend int
	speakers     []int
}

// lit writes plain text, upper-casing its first letter at a sentence start.
func (w *writer) lit(s string) {
	if s == "" {
		return
	}
	if w.capNext {
		if c := s[0]; c >= 'a' && c <= 'z' {
			w.sb.WriteByte(c - 'a' + 'A')
			s = s[1:]
			w.runes++
		}
		w.capNext = false
	}
	w.sb.WriteString(s)
	w.runes += utf8.RuneCountInString(s)
}

// raw writes text that must stay exactly as given (names, figures).
func (w *writer) raw(s string) (start, end int) {
	w.capNext = false
	start = w.runes
	w.sb.WriteString(s)
	w.runes += utf8.RuneCountInString(s)
	return start, w.runes
}

func (w *writer) actor(id int, text, role string) {
	s, e := w.raw(text)
	w.mentions = append(w.mentions, Mention{Start: s, End: e, Text: text, ActorID: id, Role: role})
}

func (w *writer) document(id int, text string) {
	s, e := w.raw(text)
	w.mentions = append(w.mentions, Mention{Start: s, End: e, Text: text, DocumentID: id})
}

func (w *writer) figure(text string) {
	s, e := w.raw(text)
	w.figures = append(w.figures, Figure{Start: s, End: e, Text: text})
}

// pos is the current offset in code points and in bytes.
func (w *writer) pos() (int, int) { return w.runes, w.sb.Len() }

func (w *writer) apostrophe() string {
	if w.style == straight {
		return "'"
	}
	return "’"
}
