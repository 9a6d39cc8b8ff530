package model

// Kinds of search hits, in the order Search returns them.
const (
	HitArticle  = "article"
	HitExcerpt  = "excerpt"
	HitActor    = "actor"
	HitDocument = "document"
)

// Snippets mark each matched word with HighlightStart before it and
// HighlightEnd after it. Both are private-use characters, which neither
// news text nor the analyst's notes contain, so the window can turn them
// into highlighting without escaping anything. SnippetEllipsis stands where
// a snippet cuts its text.
const (
	HighlightStart  = "\uE000"
	HighlightEnd    = "\uE001"
	SnippetEllipsis = "…"
)

// SearchQuery is a full-text search with filters.
type SearchQuery struct {
	// Text is the analyst's search, in the syntax storage.ParseQuery reads.
	Text string
	// Kinds limits the search to some of HitArticle, HitExcerpt, HitActor
	// and HitDocument; empty searches them all.
	Kinds []string
	// Filter narrows the hits as the excerpt listing does. Every field
	// applies to excerpts; ArticleID, SourceID, TagID, From and To also to
	// articles (TagID through the article's own tags); actors and documents
	// have none of these, and the filter leaves them alone.
	Filter ExcerptFilter
	// Page applies to each kind on its own: ranks of different indexes do
	// not compare, so hits are not merged into one order. To page through
	// one kind, search that kind alone with a growing Offset.
	Page Page
}

// SearchHit is one thing found.
type SearchHit struct {
	Kind string // HitArticle, HitExcerpt, HitActor or HitDocument
	ID   int64
	// Title names the hit: an article's or document's title, an actor's
	// name, and for an excerpt the title of its article (the excerpt's own
	// words are in the snippet).
	Title string
	// Snippet is the best-matching passage, with every matched word between
	// HighlightStart and HighlightEnd. For an actor or document found by one
	// of its aliases, it is that alias.
	Snippet string
	// Rank is FTS5's bm25 score, with the weights of the kind's columns:
	// lower is better. It compares only hits of one kind.
	Rank float64
	// ArticleID is the article to open: the article itself, or the
	// excerpt's article; 0 for actors and documents.
	ArticleID int64
}

// SearchResult holds the hits of one page of each kind, kinds in the order
// of the Hit constants and the best hit first within a kind, and the number
// of hits of each kind searched, after filters.
type SearchResult struct {
	Hits   []SearchHit
	Totals map[string]int
}
