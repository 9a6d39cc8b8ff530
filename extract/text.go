package extract

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier/model"
)

// The proposals read the text as words, numbers and punctuation, cut into
// paragraphs and sentences, with quotations marked. This file builds that
// view once per article.

type tokKind uint8

const (
	tWord   tokKind = iota // letters, with inner hyphens and apostrophes: "son-in-law", "O’Brien", "28-point"
	tNumber                // digits with inner separators: "1,300", "9.6"
	tPoss                  // a possessive ending: "’s", "'s"
	tPunct                 // one punctuation character
)

type token struct {
	s          string // as written
	f          string // folded: lower case, no diacritics, straight quotes
	start, end int    // bytes
	cp, cpEnd  int    // code points
	kind       tokKind
	space      bool // whitespace before
	newline    bool // a line break before: a new paragraph
	upper      bool // starts with a capital letter
	caps       bool // has letters, all capitals
	para       int
	sent       int
	quote      int // index+1 of the quotation the token lies inside, or 0
}

// quotation is a pair of quotation marks and what lies between them.
type quotation struct {
	open, close int // token indices of the marks
}

type doc struct {
	body   string
	text   *model.Text
	toks   []token
	quotes []quotation
	// heading[p] is set for a paragraph that is a title or a subheading:
	// no closing punctuation. titleCase[p] is set when, moreover, most of its
	// words are capitalised: capitals there say nothing about names.
	heading, titleCase []bool
	// capitals lists, by folded word, the capitalised words of the text:
	// where a name may be, without a scan of every token.
	capitals map[string][]int
}

func newDoc(body string) *doc {
	d := &doc{body: body, text: model.NewText(body)}
	d.tokenize()
	d.findQuotes()
	d.findSentences()
	d.findHeadings()
	d.capitals = map[string][]int{}
	for i, t := range d.toks {
		if t.kind == tWord && t.upper {
			d.capitals[t.f] = append(d.capitals[t.f], i)
		}
	}
	return d
}

func (d *doc) span(a, b int) model.Span {
	return model.Span{Start: d.toks[a].cp, End: d.toks[b-1].cpEnd}
}

// tokenAt returns the index of the token that starts at code point cp, or -1.
func (d *doc) tokenAt(cp int) int {
	i, ok := slices.BinarySearchFunc(d.toks, cp, func(t token, cp int) int { return cmp.Compare(t.cp, cp) })
	if !ok {
		return -1
	}
	return i
}

// tokenEnding returns the index of the token that ends at code point cp, or -1.
func (d *doc) tokenEnding(cp int) int {
	i, ok := slices.BinarySearchFunc(d.toks, cp, func(t token, cp int) int { return cmp.Compare(t.cpEnd, cp) })
	if !ok {
		return -1
	}
	return i
}

// textOf returns the text of tokens [a, b) as written.
func (d *doc) textOf(a, b int) string { return d.body[d.toks[a].start:d.toks[b-1].end] }

// tokenize cuts the body into tokens.
func (d *doc) tokenize() {
	s := d.body
	space, newline, para := false, false, 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		_, class := foldRune(foldTable(), r)
		switch {
		case class == spaceClass || class == ignoreClass:
			if class == spaceClass {
				space = true
			}
			if r == '\n' || r == '\u2029' {
				newline = true
			}
			i += size
			continue
		case class == wordClass:
			i = d.addWord(i)
		case isApostrophe(r) && d.possessiveAt(i, i+size):
			i = d.addToken(i, i+size+1, tPoss)
		default:
			i = d.addToken(i, i+size, tPunct)
		}
		t := &d.toks[len(d.toks)-1]
		if newline && len(d.toks) > 1 {
			para++
		}
		t.space, t.newline, t.para = space, newline, para
		space, newline = false, false
	}
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// possessiveAt reports whether the apostrophe at i, ending at j, is the
// start of a possessive "’s" right after a word: "s" and then no word
// character.
func (d *doc) possessiveAt(i, j int) bool {
	if len(d.toks) == 0 {
		return false
	}
	if prev := d.toks[len(d.toks)-1]; prev.end != i || prev.kind != tWord {
		return false
	}
	return j < len(d.body) && d.possessiveEnd(j)
}

// wordAt reports whether a word character starts at byte i.
func (d *doc) wordAt(i int) bool {
	if i >= len(d.body) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(d.body[i:])
	_, class := foldRune(foldTable(), r)
	return class == wordClass
}

// addWord reads a word or number starting at i and returns where it ends.
// Hyphens and apostrophes between letters stay inside the word, except for
// a possessive "’s"; separators between digits stay inside the number.
func (d *doc) addWord(i int) int {
	s := d.body
	j, digits, others := i, 0, 0
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		_, class := foldRune(foldTable(), r)
		if class == wordClass || class == ignoreClass {
			if unicode.IsDigit(r) {
				digits++
			} else if class == wordClass {
				others++
			}
			j += size
			continue
		}
		if !d.joins(r, j, size, digits > 0 && others == 0) {
			break
		}
		j += size
	}
	kind := tWord
	if others == 0 {
		kind = tNumber
	}
	return d.addToken(i, j, kind)
}

// joins reports whether the character r at j, inside a word, continues it.
func (d *doc) joins(r rune, j, size int, number bool) bool {
	next := j + size
	if !d.wordAt(next) {
		return false
	}
	switch {
	case r == '-' || r == '‐' || r == '‑':
		return true
	case isApostrophe(r):
		return !d.possessiveEnd(next)
	case number && (r == ',' || r == '.'):
		c := d.body[next]
		return c >= '0' && c <= '9'
	}
	return false
}

// possessiveEnd reports whether an "s" that ends the word starts at i.
func (d *doc) possessiveEnd(i int) bool {
	return (d.body[i] == 's' || d.body[i] == 'S') && !d.wordAt(i+1)
}

func (d *doc) addToken(i, j int, kind tokKind) int {
	s := d.body[i:j]
	t := token{s: s, f: foldString(s), start: i, end: j, kind: kind, cp: d.text.CodePoint(i), cpEnd: d.text.CodePoint(j)}
	if kind == tPoss {
		t.f = "'s"
	}
	r, _ := utf8.DecodeRuneInString(s)
	t.upper = unicode.IsUpper(r)
	t.caps = hasLetter(s) && strings.ToUpper(s) == s
	d.toks = append(d.toks, t)
	return j
}

func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

// Quotation marks. Typographic marks say which way they face, except that
// German and Polish quotations open with „ and close with “ or ”; straight
// marks open after a space or at the start of a paragraph and close elsewhere.
func (d *doc) findQuotes() {
	open, opener := -1, ""
	for i := range d.toks {
		t := &d.toks[i]
		if t.kind != tPunct || t.f != `"` {
			if i > 0 && t.para != d.toks[i-1].para {
				open = -1
			}
			continue
		}
		if open >= 0 && t.para != d.toks[open].para {
			open = -1
		}
		if open < 0 {
			if d.opens(i) {
				open, opener = i, t.s
			}
			continue
		}
		if closes(t.s, opener) || t.s == `"` && !d.opens(i) {
			d.quotes = append(d.quotes, quotation{open: open, close: i})
			open = -1
		} else if d.opens(i) {
			open, opener = i, t.s
		}
	}
	for q, qu := range d.quotes {
		for k := qu.open + 1; k < qu.close; k++ {
			d.toks[k].quote = q + 1
		}
	}
}

// opens reports whether the mark at i can open a quotation.
func (d *doc) opens(i int) bool {
	t := d.toks[i]
	switch t.s {
	case "“", "„", "‟", "«", "〝":
		return true
	case "”", "»", "〞", "″":
		return false
	}
	first := i == 0 || t.space || t.newline || d.toks[i-1].kind == tPunct && d.toks[i-1].f != `"`
	return first && i+1 < len(d.toks) && !d.toks[i+1].space
}

func closes(mark, opener string) bool {
	switch mark {
	case "”", "»", "〞", "″":
		return true
	case "“":
		return opener == "„"
	}
	return false
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = wordSet("mr ms mrs dr st prof gen sen rep gov lt col capt sgt jr sr vs no inc ltd co corp dept est approx fig e.g i.e etc al")

// findSentences numbers sentences: a sentence ends at ".", "!" or "?"
// outside quotations (or at a closing mark right after one) when the next
// token opens a new sentence, and at every paragraph end.
func (d *doc) findSentences() {
	sent := 0
	for i := range d.toks {
		if i > 0 && (d.toks[i].para != d.toks[i-1].para || d.endsSentence(i-1)) {
			sent++
		}
		d.toks[i].sent = sent
	}
}

func (d *doc) endsSentence(i int) bool {
	t := d.toks[i]
	if i+1 >= len(d.toks) || t.kind != tPunct {
		return false
	}
	next := d.toks[i+1]
	starts := next.upper || next.kind == tNumber || next.f == `"` && d.opens(i+1)
	if !starts || !next.space {
		return false
	}
	if t.f == `"` && t.quote == 0 && i > 0 && d.toks[i-1].quote != 0 {
		return isStop(d.toks[i-1].s)
	}
	if t.quote != 0 || !isStop(t.s) {
		return false
	}
	if t.s == "." && i > 0 {
		prev := d.toks[i-1]
		if abbreviations[prev.f] || prev.kind == tWord && utf8.RuneCountInString(prev.s) == 1 && prev.upper {
			return false
		}
	}
	return true
}

func isStop(s string) bool { return s == "." || s == "!" || s == "?" || s == "…" }

// findHeadings marks paragraphs that end without punctuation, and those of
// them written in title case.
func (d *doc) findHeadings() {
	if len(d.toks) == 0 {
		return
	}
	n := d.toks[len(d.toks)-1].para + 1
	d.heading, d.titleCase = make([]bool, n), make([]bool, n)
	words, capitals := make([]int, n), make([]int, n)
	for i, t := range d.toks {
		if t.kind == tWord && !functionWords[t.f] {
			words[t.para]++
			if t.upper {
				capitals[t.para]++
			}
		}
		if i+1 < len(d.toks) && d.toks[i+1].para == t.para {
			continue
		}
		d.heading[t.para] = t.kind == tWord || t.kind == tNumber
	}
	for p := range n {
		d.titleCase[p] = d.heading[p] && words[p] >= 2 && capitals[p]*10 >= words[p]*7
	}
}

// sentenceBounds returns the token range [a, b) of the sentence of token i.
func (d *doc) sentenceBounds(i int) (int, int) {
	a, b := i, i
	for a > 0 && d.toks[a-1].sent == d.toks[i].sent {
		a--
	}
	for b < len(d.toks) && d.toks[b].sent == d.toks[i].sent {
		b++
	}
	return a, b
}

// wordSet builds a set from space-separated words.
func wordSet(words string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}
