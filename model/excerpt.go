package model

// Excerpt is a span of an article that the analyst marked, with what it is,
// who says it, what it concerns and how credible it is.
type Excerpt struct {
	Meta
	ArticleID int64 `json:"article_id"`
	// Span is in Unicode code points over the article's body.
	Span     Span              `json:"span"`
	Selector TextQuoteSelector `json:"selector"`
	Kind     ExcerptKind       `json:"kind"`
	Note     string            `json:"note,omitempty"`
	// Stance holds the analyst's own reading, kept apart from the note.
	Stance      string      `json:"stance,omitempty"`
	SpeakerID   int64       `json:"speaker_id,omitempty"`
	Credibility Credibility `json:"credibility,omitempty"`
	TagIDs      []int64     `json:"tag_ids,omitempty"`
	ActorIDs    []int64     `json:"actor_ids,omitempty"`
	DocumentIDs []int64     `json:"document_ids,omitempty"`
	// Orphaned is set when a revision of the article no longer holds the
	// quote; Span then still points at where it was last seen.
	Orphaned bool `json:"orphaned,omitempty"`
}

// Validate checks the excerpt's own fields; whether the span fits the body is
// checked where the body is at hand (see Span.Check).
func (e Excerpt) Validate() error {
	if e.ArticleID <= 0 {
		return Invalidf("excerpt has no article")
	}
	if err := e.Span.Validate(); err != nil {
		return err
	}
	if e.Selector.Exact == "" {
		return Invalidf("excerpt has no quoted text")
	}
	if err := excerptKinds.check(e.Kind); err != nil {
		return err
	}
	if err := e.Credibility.Validate(); err != nil {
		return err
	}
	if err := limitText("excerpt note", e.Note, MaxNoteLen); err != nil {
		return err
	}
	return limitText("excerpt stance", e.Stance, MaxNoteLen)
}
