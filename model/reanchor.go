package model

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Anchoring is where a selector was found again in a text.
type Anchoring struct {
	Span Span `json:"span"`
	// Exact is set when the quote was found verbatim at Span.
	Exact bool `json:"exact"`
	// Score rates how well quote, context and position agree, from 0 to 1.
	Score float64 `json:"score"`
	// Orphan is set when the quote could not be found; Span is then the old
	// span clamped to the text, never a guess.
	Orphan bool `json:"orphan,omitempty"`
}

// Scoring follows the W3C/Hypothesis approach: the quote counts most, each
// side of context a good deal, the distance from the old place only breaks
// near-ties.
const (
	quoteWeight    = 50
	prefixWeight   = 20
	suffixWeight   = 20
	positionWeight = 2
	totalWeight    = quoteWeight + prefixWeight + suffixWeight + positionWeight
)

// A match is accepted when one of three things holds; below them the
// excerpt becomes an orphan. The same rules judge a verbatim hit (its quote
// scoring 1), so that a short quote surviving only elsewhere, with strange
// text on both sides, is not taken for the one that was deleted. The numbers
// were tuned on the tests over the sample article: a changed word in a
// sentence-long quote scores 0.94 on the quote and 0.97 overall; unrelated
// context agrees 20–45%, which leaves a short quote found among strangers
// near 0.69 overall, and a deleted span's best candidate under 0.5.
const (
	// The quote mostly survives and its surroundings agree.
	minQuoteSimilarity = 0.75
	minScore           = 0.8
	// Both sides of context are intact: the place is certain, so the quote
	// may have been edited more (a word changed in a short quote).
	minPinnedContext = 0.9
	minPinnedQuote   = 0.5
	// A long quote that barely changed identifies itself even when the text
	// around it was rewritten.
	longQuote              = 2 * SelectorContext
	minLongQuoteSimilarity = 0.9
)

// Bounds that keep re-anchoring fast on long bodies and degenerate quotes.
const (
	// maxScoredOccurrences bounds the verbatim hits whose context is scored.
	maxScoredOccurrences = 256
	// maxQuoteHits and maxContextHits bound the fuzzy hits examined.
	maxQuoteHits   = 16
	maxContextHits = 8
	// searchBudget bounds one fuzzy scan, in 64-rune block steps; a longer
	// body is searched in a window around the old place.
	searchBudget = 1 << 23
	maxRegion    = 1 << 21
	// maxContextLen caps the context compared, so that one machine word
	// holds it.
	maxContextLen = wordBits
)

// Reanchor finds the selector again in the text, which may have changed since
// the selector was taken at old.
//
// A verbatim occurrence of the quote comes first: of several, the one whose
// context agrees best, then the one nearest to old. It is taken when its
// context supports it by the same rules as an approximate match (with the
// quote scoring 1): a short quote that survives only elsewhere, among
// strangers on both sides, is another passage, not this one. Failing that
// the best approximate match that clears the thresholds above is taken;
// failing that the result is an orphan.
func (t *Text) Reanchor(sel TextQuoteSelector, old Span) Anchoring {
	fallback := t.clamp(old)
	if sel.Exact == "" {
		return t.reanchorEmpty(sel, fallback)
	}
	if t.unchangedAt(sel, old) {
		return Anchoring{Span: old, Exact: true, Score: 1}
	}
	// Scoring measures distances from the old place, so it takes the old
	// span clamped: a wild one must not overflow them.
	a := newAnchorer(t, sel, fallback)
	exact, found := a.exact()
	if found && a.accepts(exact) {
		return Anchoring{Span: exact.span, Exact: true, Score: exact.score}
	}
	c, ok := a.approximate()
	if ok {
		return Anchoring{Span: c.span, Score: c.score}
	}
	return Anchoring{Span: fallback, Score: max(c.score, exact.score), Orphan: true}
}

// clamp fits a span inside the text.
func (t *Text) clamp(s Span) Span {
	start := min(max(s.Start, 0), t.n)
	end := min(max(s.End, start), t.n)
	return Span{start, end}
}

// unchangedAt reports whether the quote and its whole context are still
// at old: the common case, answered without any search.
func (t *Text) unchangedAt(sel TextQuoteSelector, old Span) bool {
	if old.Check(t.n) != nil {
		return false
	}
	b0, b1 := t.ByteOffset(old.Start), t.ByteOffset(old.End)
	if t.body[b0:b1] != sel.Exact {
		return false
	}
	prefixOK := strings.HasSuffix(t.body[:b0], sel.Prefix) && (sel.Prefix != "" || old.Start == 0)
	suffixOK := strings.HasPrefix(t.body[b1:], sel.Suffix) && (sel.Suffix != "" || old.End == t.n)
	return prefixOK && suffixOK
}

// reanchorEmpty places an empty quote between its prefix and suffix.
func (t *Text) reanchorEmpty(sel TextQuoteSelector, fallback Span) Anchoring {
	if sel.Prefix == "" && sel.Suffix == "" {
		if t.n == 0 {
			return Anchoring{Exact: true, Score: 1}
		}
		return Anchoring{Span: fallback, Orphan: true}
	}
	pc := utf8.RuneCountInString(sel.Prefix)
	best, found := 0, false
	for s := range t.occurrences(sel.Prefix+sel.Suffix, 1) {
		p := s.Start + pc
		if (sel.Prefix == "" && p != 0) || (sel.Suffix == "" && p != t.n) {
			continue
		}
		if !found || abs(p-fallback.Start) < abs(best-fallback.Start) {
			best, found = p, true
		}
	}
	if !found {
		return Anchoring{Span: fallback, Orphan: true}
	}
	return Anchoring{Span: Span{best, best}, Exact: true, Score: 1}
}

// anchorer holds one re-anchoring's prepared patterns.
type anchorer struct {
	t   *Text
	sel TextQuoteSelector
	old Span

	quote, prefix, suffix []rune
	quotePat, quoteRev    *pattern
	prefixPat, prefixRev  *pattern
	suffixPat, suffixRev  *pattern
}

func newAnchorer(t *Text, sel TextQuoteSelector, old Span) *anchorer {
	a := &anchorer{t: t, sel: sel, old: old, quote: []rune(sel.Exact)}
	a.prefix = []rune(sel.Prefix)
	a.prefix = a.prefix[max(0, len(a.prefix)-maxContextLen):]
	a.suffix = []rune(sel.Suffix)
	a.suffix = a.suffix[:min(len(a.suffix), maxContextLen)]
	a.prefixPat, a.prefixRev = newPattern(a.prefix), newPattern(reversed(a.prefix))
	a.suffixPat, a.suffixRev = newPattern(a.suffix), newPattern(reversed(a.suffix))
	return a
}

// candidate is a scored place for the quote.
type candidate struct {
	span                                   Span
	quote, prefix, suffix, position, score float64
}

// score rates a span whose quote similarity is already known (1 for a
// verbatim hit, from the alignment's edit distance otherwise).
func (a *anchorer) score(s Span, quote float64) candidate {
	c := candidate{span: s, quote: quote}
	c.prefix = a.prefixSimilarity(s.Start)
	c.suffix = a.suffixSimilarity(s.End)
	c.position = 1 - float64(abs(s.Start-a.old.Start))/float64(max(a.t.n, 1))
	c.position = max(c.position, 0)
	c.score = (quoteWeight*c.quote + prefixWeight*c.prefix + suffixWeight*c.suffix + positionWeight*c.position) / totalWeight
	return c
}

// prefixSimilarity compares the selector's prefix with the text that ends at
// start, letting the comparison begin wherever it fits best. An empty prefix
// means the quote opened the text.
func (a *anchorer) prefixSimilarity(start int) float64 {
	if len(a.prefix) == 0 {
		return edgeSimilarity(start == 0)
	}
	before := a.t.runes(start-len(a.prefix)-slack(len(a.prefix)), start)
	_, d := a.prefixRev.bestPrefix(reversed(before), len(a.prefix))
	return similarity(d, len(a.prefix))
}

// suffixSimilarity is prefixSimilarity's mirror after end.
func (a *anchorer) suffixSimilarity(end int) float64 {
	if len(a.suffix) == 0 {
		return edgeSimilarity(end == a.t.n)
	}
	after := a.t.runes(end, end+len(a.suffix)+slack(len(a.suffix)))
	_, d := a.suffixPat.bestPrefix(after, len(a.suffix))
	return similarity(d, len(a.suffix))
}

func edgeSimilarity(atEdge bool) float64 {
	if atEdge {
		return 1
	}
	return 0
}

// slack is how much longer than a pattern of length n a window is taken,
// so that insertions still fit in it.
func slack(n int) int { return n/4 + 1 }

// exact picks the verbatim occurrence whose context agrees best; false when
// the quote does not occur verbatim.
func (a *anchorer) exact() (candidate, bool) {
	spans := slices.Collect(a.t.occurrences(a.sel.Exact, 1))
	if len(spans) == 0 {
		return candidate{}, false
	}
	if len(spans) > maxScoredOccurrences {
		spans = a.likeliestOccurrences(spans)
	}
	var best candidate
	for i, s := range spans {
		c := a.score(s, 1)
		if i == 0 || a.betterContext(c, best) {
			best = c
		}
	}
	return best, true
}

// betterContext ranks verbatim hits: context first, then nearness to old.
func (a *anchorer) betterContext(c, than candidate) bool {
	if cc, tc := c.prefix+c.suffix, than.prefix+than.suffix; cc != tc {
		return cc > tc
	}
	return a.nearer(c.span, than.span)
}

// nearer says whether s starts closer to the old place than other.
func (a *anchorer) nearer(s, other Span) bool {
	ds, do := abs(s.Start-a.old.Start), abs(other.Start-a.old.Start)
	if ds != do {
		return ds < do
	}
	return s.Start < other.Start
}

// likeliestOccurrences keeps, of very many verbatim hits, those whose context
// agrees verbatim on more sides, then the nearest to the old place.
func (a *anchorer) likeliestOccurrences(spans []Span) []Span {
	agree := func(s Span) int {
		n := 0
		if strings.HasSuffix(a.t.body[:a.t.ByteOffset(s.Start)], a.sel.Prefix) {
			n++
		}
		if strings.HasPrefix(a.t.body[a.t.ByteOffset(s.End):], a.sel.Suffix) {
			n++
		}
		return n
	}
	type ranked struct {
		span  Span
		agree int
	}
	rs := make([]ranked, len(spans))
	for i, s := range spans {
		rs[i] = ranked{s, agree(s)}
	}
	slices.SortFunc(rs, func(x, y ranked) int {
		return cmp.Or(cmp.Compare(y.agree, x.agree),
			cmp.Compare(abs(x.span.Start-a.old.Start), abs(y.span.Start-a.old.Start)),
			cmp.Compare(x.span.Start, y.span.Start))
	})
	out := make([]Span, maxScoredOccurrences)
	for i := range out {
		out[i] = rs[i].span
	}
	return out
}

// higher ranks approximate candidates: score, then nearness to old.
func (a *anchorer) higher(c, than candidate) bool {
	if c.score != than.score {
		return c.score > than.score
	}
	return a.nearer(c.span, than.span)
}

// accepts applies the acceptance rules to a match, verbatim or not.
func (a *anchorer) accepts(c candidate) bool {
	switch {
	case c.quote >= minQuoteSimilarity && c.score >= minScore:
		return true
	case c.quote >= minPinnedQuote && c.prefix >= minPinnedContext && c.suffix >= minPinnedContext:
		return true
	case len(a.quote) >= longQuote && c.quote >= minLongQuoteSimilarity:
		return true
	}
	return false
}
