package model

import (
	"cmp"
	"slices"
)

// The approximate stage of re-anchoring: where the quote no longer occurs
// verbatim, candidates come from three searches, each allowing edits: the
// quote itself, its prefix (the quote starts where the prefix ends), and its
// suffix (the quote ends where the suffix starts). Each candidate carries the
// edit distance between the quote and its text, found by the same alignment
// that placed it, so scoring needs no second pass.

// approximate looks for the quote as it may have been edited, and returns
// the best candidate that clears the thresholds; when none does it returns
// false with the best candidate seen, for its score.
func (a *anchorer) approximate() (candidate, bool) {
	m := len(a.quote)
	// Every rule wants at least half the quote kept, so at least m/2 code
	// points of text.
	if 2*a.t.n < m {
		return candidate{}, false
	}
	// The quote's patterns are built only now: most re-anchorings end at a
	// verbatim hit and never need them.
	a.quotePat, a.quoteRev = newPattern(a.quote), newPattern(reversed(a.quote))
	base, region := a.region()
	quoteLimit, contextLimit := a.hitLimits()
	matches := a.quoteHits(base, region, quoteLimit)
	matches = append(matches, a.contextHits(base, region, contextLimit)...)
	slices.SortFunc(matches, func(x, y match) int {
		return cmp.Or(cmp.Compare(x.span.Start, y.span.Start), cmp.Compare(x.span.End, y.span.End))
	})
	matches = slices.CompactFunc(matches, func(x, y match) bool { return x.span == y.span })
	var best, bestAccepted candidate
	seen, accepted := false, false
	for _, mt := range matches {
		span := Span{base + mt.span.Start, base + mt.span.End}
		c := a.score(span, similarity(mt.dist, max(m, span.Len())))
		if !seen || a.higher(c, best) {
			best, seen = c, true
		}
		if a.accepts(c) && (!accepted || a.higher(c, bestAccepted)) {
			bestAccepted, accepted = c, true
		}
	}
	if accepted {
		return bestAccepted, true
	}
	return best, false
}

// region returns the code points to search, and the offset of the first:
// the whole text, or for long texts a window centred on the old place.
func (a *anchorer) region() (int, []rune) {
	width := min(searchBudget/max(a.quotePat.blocks, 1), maxRegion)
	width = max(width, 2*len(a.quote))
	if a.t.n <= width {
		return 0, a.t.runes(0, a.t.n)
	}
	start := (a.old.Start+a.old.End)/2 - width/2
	start = min(max(start, 0), a.t.n-width)
	return start, a.t.runes(start, start+width)
}

// hitLimits bounds how many fuzzy hits of the quote and of each side of
// context are examined: each costs an alignment of about the quote's length,
// so a very long quote gets fewer.
func (a *anchorer) hitLimits() (quote, context int) {
	cost := max(1, (len(a.quote)+a.quoteTolerance())*a.quotePat.blocks)
	passes := searchBudget / cost
	return min(max(passes/2, 2), maxQuoteHits), min(max(passes/4, 1), maxContextHits)
}

// match is a place for the quote, in region offsets, with the edit distance
// between the quote and the text there.
type match struct {
	span Span
	dist int
}

// hit is where a fuzzy scan found a pattern: the end (or, scanning
// backwards, the start) of the match and its edit distance.
type hit struct{ at, dist int }

// fuzzyHits scans text for pat with at most maxDist edits and keeps the
// best hits, at least sep apart, preferring fewer edits and then nearness
// to want.
func fuzzyHits(pat *pattern, text []rune, maxDist, sep, want, limit int) []hit {
	var hits []hit
	pat.scan(text, false, func(j, d int) bool {
		if j > 0 && d <= maxDist {
			hits = append(hits, hit{j, d})
		}
		return true
	})
	slices.SortFunc(hits, func(x, y hit) int {
		return cmp.Or(cmp.Compare(x.dist, y.dist), cmp.Compare(abs(x.at-want), abs(y.at-want)), cmp.Compare(x.at, y.at))
	})
	var kept []hit
	for _, h := range hits {
		if len(kept) == limit {
			break
		}
		if !slices.ContainsFunc(kept, func(k hit) bool { return abs(k.at-h.at) < sep }) {
			kept = append(kept, h)
		}
	}
	return kept
}

// quoteTolerance is the most edits a candidate for the quote may have:
// what the pinned-context rule allows.
func (a *anchorer) quoteTolerance() int {
	return int(float64(len(a.quote)) * (1 - minPinnedQuote))
}

// searchTolerance is the most edits a hit of the quote searched on its own
// may have: what the quote-similarity rule allows. Hits with more edits
// could only be accepted with both sides of context intact, and those are
// found from the context.
func (a *anchorer) searchTolerance() int {
	return int(float64(len(a.quote)) * (1 - minQuoteSimilarity))
}

// quoteHits searches the region for the quote itself, allowing edits. The
// scan finds where good matches end; aligning the reversed quote backwards
// from there finds where they start.
func (a *anchorer) quoteHits(base int, region []rune, limit int) []match {
	m, k := len(a.quote), a.searchTolerance()
	var out []match
	for _, h := range fuzzyHits(a.quotePat, region, k, max(1, m/2), a.old.End-base, limit) {
		from := max(0, h.at-m-k)
		n, d := a.quoteRev.bestPrefix(reversed(region[from:h.at]), m)
		out = append(out, match{Span{h.at - n, h.at}, d})
	}
	return out
}

// contextHits searches the region for the prefix and the suffix: the quote
// lies between a prefix and a suffix when the gap fits it, or else is best
// aligned just after a prefix or just before a suffix.
func (a *anchorer) contextHits(base int, region []rune, limit int) []match {
	starts := a.prefixEnds(base, region, limit)
	ends := a.suffixStarts(base, region, limit)
	m, k := len(a.quote), a.quoteTolerance()
	var out []match
	for _, s := range starts {
		// One alignment from s gives the distance to every end at once.
		dists := a.quotePat.distances(region[s:min(len(region), s+m+k)])
		j := nearestMinimum(dists, m)
		out = append(out, match{Span{s, s + j}, dists[j]})
		for _, e := range ends {
			if e >= s && abs(e-s-m) <= k && e-s < len(dists) {
				out = append(out, match{Span{s, e}, dists[e-s]})
			}
		}
	}
	for _, e := range ends {
		from := max(0, e-m-k)
		n, d := a.quoteRev.bestPrefix(reversed(region[from:e]), m)
		out = append(out, match{Span{e - n, e}, d})
	}
	return out
}

// prefixEnds lists where the prefix ends in the region: where the quote
// would start.
func (a *anchorer) prefixEnds(base int, region []rune, limit int) []int {
	if len(a.prefix) == 0 {
		if base == 0 {
			return []int{0}
		}
		return nil
	}
	var at []int
	p := len(a.prefix)
	for _, h := range fuzzyHits(a.prefixPat, region, p/4, max(1, p/2), a.old.Start-base, limit) {
		at = append(at, h.at)
	}
	return at
}

// suffixStarts lists where the suffix starts in the region: where the quote
// would end. It scans backwards so that a hit lands on the suffix's start.
func (a *anchorer) suffixStarts(base int, region []rune, limit int) []int {
	if len(a.suffix) == 0 {
		if base+len(region) == a.t.n {
			return []int{len(region)}
		}
		return nil
	}
	var at []int
	s := len(a.suffix)
	want := len(region) - (a.old.End - base)
	for _, h := range fuzzyHits(a.suffixRev, reversed(region), s/4, max(1, s/2), want, limit) {
		at = append(at, len(region)-h.at)
	}
	return at
}
