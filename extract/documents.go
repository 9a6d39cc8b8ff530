package extract

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"dossier/model"
)

// Document names come from three patterns:
//
//   - a quoted title around a document word: A “20-point plan”, the “US
//     Security guarantee framework for Ukraine”;
//   - a numbered plan: "28-point proposal", "five-point peace plan";
//   - a noun phrase ending in a document word, specific enough to be a name:
//     its words before the head include a proper word ("Ardmor memorandum"),
//     an ordinal ("7th sanctions package") or a word of the trade ("security
//     guarantee framework", "economic and prosperity plan"), with a tail
//     "for X" / "of X" when X is a proper name ("framework for Ukraine") and
//     the set phrases "of understanding" and "of intent on …".
//
// Generic phrases ("a foundational framework for peace negotiations", "the
// latest peace plans") are left out: no marker, or a plural head. The kind
// comes from the head word.

// docFind is a document name found at tokens [a, b).
type docFind struct {
	a, b  int
	title string
	kind  model.DocumentKind
}

func (d *doc) findDocuments() []docFind {
	var out []docFind
	for _, q := range d.quotes {
		if title := d.quotedTitle(q); title != "" {
			out = append(out, docFind{a: q.open + 1, b: q.close, title: title, kind: d.kindOf(q.open+1, q.close)})
		}
	}
	for i, t := range d.toks {
		if t.kind != tWord {
			continue
		}
		if b, ok := d.numberedPlan(i); ok {
			out = append(out, docFind{a: i, b: b, title: d.textOf(i, b), kind: d.kindOf(i, b)})
			continue
		}
		if docHeads[t.f] != "" {
			if a, b, ok := d.namedDocument(i); ok {
				out = append(out, docFind{a: a, b: b, title: d.textOf(a, b), kind: d.kindOf(a, b)})
			}
		}
	}
	return keepLongest(out)
}

// kindOf returns the kind of the last document word in tokens [a, b).
func (d *doc) kindOf(a, b int) model.DocumentKind {
	kind := model.DocPlan
	for k := a; k < b; k++ {
		if h := docHeads[d.toks[k].f]; h != "" {
			kind = model.DocumentKind(h)
		}
	}
	return kind
}

// numberedPlan reads "28-point proposal", "five-point peace plan" at token i
// and returns the end of the name.
func (d *doc) numberedPlan(i int) (int, bool) {
	num, rest, ok := strings.Cut(d.toks[i].f, "-")
	if !ok || rest != "point" || !isAllDigits(num) && numberWords[num] == 0 {
		return 0, false
	}
	for k := i + 1; k < len(d.toks) && k-i <= 3 && d.spacedAfter(k); k++ {
		t := d.toks[k]
		if t.kind != tWord {
			break
		}
		if docHeads[t.f] != "" {
			e, _ := d.tail(k + 1)
			return e, true
		}
	}
	return 0, false
}

func isAllDigits(s string) bool {
	return s != "" && strings.IndexFunc(s, func(r rune) bool { return !unicode.IsDigit(r) }) < 0
}

// namedDocument reads the noun phrase whose head is the document word at
// token h, and reports whether it is specific enough to be a name.
func (d *doc) namedDocument(h int) (int, int, bool) {
	if strings.HasSuffix(d.toks[h].f, "s") && d.toks[h].f != "accords" {
		return 0, 0, false
	}
	a, marked := d.modifiers(h)
	b, strong := d.tail(h + 1)
	switch {
	case strong:
		return a, b, true
	case a == h:
		return 0, 0, false // a tail of common words alone: "a new package of sanctions"
	case !d.properlyMarked(a, h) && a > 0 && indefinite[d.toks[a-1].f]:
		return 0, 0, false // "a new peace plan", "New sanctions package": not a name yet
	}
	return a, b, marked
}

// indefinite words before a document phrase make it a kind of document,
// not a named one.
var indefinite = wordSet(`a an new another any some`)

// properlyMarked reports whether a proper word or a number is among the
// modifiers [a, h).
func (d *doc) properlyMarked(a, h int) bool {
	for k := a; k < h; k++ {
		if d.marks(k) && !docMarkers[d.toks[k].f] {
			return true
		}
	}
	return false
}

// modifiers walks left from the head over the words that qualify it and
// reports whether one of them marks a name.
func (d *doc) modifiers(h int) (int, bool) {
	a, marked := h, false
	for k := h - 1; k >= 0 && h-k <= 5 && d.spacedAfter(k+1); k-- {
		t := d.toks[k]
		switch {
		case t.kind == tPunct && t.s == "&" || t.kind == tWord && t.f == "and":
			if k == 0 || !d.isModifier(k-1) || a != k+1 {
				return a, marked
			}
			continue
		case !d.isModifier(k) || t.quote != d.toks[h].quote:
			return a, marked
		}
		a = k
		marked = marked || d.marks(k)
	}
	return a, marked
}

// isModifier reports whether token k may qualify a document word.
func (d *doc) isModifier(k int) bool {
	t := d.toks[k]
	if t.kind != tWord || docOpeners[t.f] || functionWords[t.f] || reportingVerbs[t.f] {
		return false
	}
	if t.upper {
		return !months[t.f] && !weekdays[t.f]
	}
	if strings.HasSuffix(t.f, "ed") {
		return false
	}
	return !strings.HasSuffix(t.f, "s") || strings.HasSuffix(t.f, "ss") || docMarkers[t.f]
}

// marks reports whether modifier k makes the phrase a name: a proper word
// (not capitalised only because it starts a sentence), an ordinal or a
// number, or a word of the trade.
// In a heading in title case, where every word is capitalised ("Common
// Ground on Peace Framework"), only a number marks a name.
func (d *doc) marks(k int) bool {
	t := d.toks[k]
	if strings.ContainsFunc(t.f, unicode.IsDigit) {
		return true
	}
	if d.titleCase[t.para] {
		return false
	}
	return docMarkers[t.f] || t.upper && k > 0 && d.toks[k-1].sent == t.sent
}

// tail extends a document name at token b over "for|of|on X" when X is a
// proper name, over "of understanding" and "of intent [on …]" (strong: they
// make a name on their own), and over "of|on" and a word of the trade
// ("package of sanctions"). It returns the new end.
func (d *doc) tail(b int) (int, bool) {
	if b+1 >= len(d.toks) || !d.spacedAfter(b) || !d.spacedAfter(b+1) {
		return b, false
	}
	prep, next := d.toks[b].f, d.toks[b+1]
	switch {
	case prep == "of" && next.f == "understanding":
		return b + 2, true
	case prep == "of" && next.f == "intent":
		return d.topic(b + 2), true
	case (prep == "of" || prep == "on") && docMarkers[next.f] && !next.upper:
		return b + 2, false
	case prep == "for" || prep == "of" || prep == "on":
		if e := d.properRun(b + 1); e > b+1 {
			return e, true
		}
	}
	return b, false
}

// topic extends "letter of intent" over "on border verification".
func (d *doc) topic(b int) int {
	if b >= len(d.toks) || d.toks[b].f != "on" || !d.spacedAfter(b) {
		return b
	}
	e := b + 1
	for e < len(d.toks) && e-b <= 3 && d.spacedAfter(e) && d.toks[e].kind == tWord && !d.toks[e].upper &&
		!figureStops[d.toks[e].f] && !reportingVerbs[d.toks[e].f] {
		e++
	}
	if e == b+1 {
		return b
	}
	return e
}

// properRun returns the end of a run of capitalised words starting at i.
func (d *doc) properRun(i int) int {
	e := i
	for e < len(d.toks) && e-i < 4 && d.toks[e].kind == tWord && d.toks[e].upper && !functionWords[d.toks[e].f] &&
		!months[d.toks[e].f] && !weekdays[d.toks[e].f] && (e == i || d.spacedAfter(e)) {
		e++
	}
	return e
}

// keepLongest drops document names that overlap a longer one.
func keepLongest(found []docFind) []docFind {
	slices.SortStableFunc(found, func(x, y docFind) int { return cmp.Compare(y.b-y.a, x.b-x.a) })
	var out []docFind
	for _, f := range found {
		if !slices.ContainsFunc(out, func(o docFind) bool { return f.a < o.b && o.a < f.b }) {
			out = append(out, f)
		}
	}
	slices.SortFunc(out, func(x, y docFind) int { return cmp.Compare(x.a, y.a) })
	return out
}
