package model

import "time"

// ArticleFilter narrows a listing of articles.
type ArticleFilter struct {
	Text     string    // words in the title (case-insensitive substring)
	SourceID int64     // 0: any source
	TagID    int64     // 0: any tag
	From, To time.Time // published between (inclusive); zero: open
	Page
}

// ExcerptFilter narrows a listing of excerpts. Zero fields do not filter.
type ExcerptFilter struct {
	ArticleID  int64
	TagID      int64 // this tag or any tag below it
	Kind       ExcerptKind
	SpeakerID  int64
	ActorID    int64 // the speaker or one of the actors involved
	DocumentID int64
	SourceID   int64
	From, To   time.Time // the article's publication date
	// MinCredibility and MaxCredibility bound the grade (1 best … 6).
	MinCredibility, MaxCredibility Credibility
	OrphansOnly                    bool
	// Text narrows to excerpts whose quote or note holds it
	// (case-insensitive substring).
	Text string
	// Sort orders the listing; Desc reverses it. Ties fall back to the id,
	// so that pages never overlap or skip a row.
	Sort ExcerptSort
	Desc bool
	Page
}

// ExcerptSort names what a listing of excerpts is ordered by.
type ExcerptSort string

// Orders of a listing of excerpts. Where a row has no value (no speaker,
// no tag, ungraded) it comes last, whichever the direction.
const (
	ExcerptsByPosition    ExcerptSort = ""            // by article, then place in its text
	ExcerptsByQuote       ExcerptSort = "quote"       // the quoted text
	ExcerptsByKind        ExcerptSort = "kind"        // quote, claim, figure …
	ExcerptsByArticle     ExcerptSort = "article"     // the article's title
	ExcerptsBySource      ExcerptSort = "source"      // the article's source's name
	ExcerptsByPublished   ExcerptSort = "published"   // the article's publication date
	ExcerptsBySpeaker     ExcerptSort = "speaker"     // the speaker's name
	ExcerptsByTags        ExcerptSort = "tags"        // the first of its tag names
	ExcerptsByCredibility ExcerptSort = "credibility" // 1 (confirmed) first
	ExcerptsByCreated     ExcerptSort = "created"     // when the analyst made it
)

// ActorFilter narrows a listing of actors.
type ActorFilter struct {
	Text string // in the name or an alias
	Kind ActorKind
	Page
}

// DocumentFilter narrows a listing of tracked documents.
type DocumentFilter struct {
	Text   string // in the title or an alias
	Kind   DocumentKind
	Status DocumentStatus
	Page
}

// MentionFilter narrows a listing of mentions.
type MentionFilter struct {
	ArticleID  int64
	ActorID    int64
	DocumentID int64
	State      MentionState
	Page
}

// SourceFilter narrows a listing of sources.
type SourceFilter struct {
	Text string
	Page
}

// TagFilter narrows a listing of tags.
type TagFilter struct {
	Text string
	Page
}

// RelationFilter narrows a listing of relations.
type RelationFilter struct {
	ActorID int64 // either end
	Page
}

// AliasFilter narrows a listing of aliases.
type AliasFilter struct {
	ActorID    int64
	DocumentID int64
	Page
}

// PartyFilter narrows a listing of document parties.
type PartyFilter struct {
	DocumentID int64
	ActorID    int64
	Page
}

// StatusEventFilter narrows a listing of status events.
type StatusEventFilter struct {
	DocumentID int64
	Page
}
