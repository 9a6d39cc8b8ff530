package model

// Mention is an actor or a document found at a span of an article.
// Rejected mentions are kept so that the span is never proposed again.
type Mention struct {
	Meta
	ArticleID  int64         `json:"article_id"`
	Span       Span          `json:"span"`
	Text       string        `json:"text"`
	ActorID    int64         `json:"actor_id,omitempty"`
	DocumentID int64         `json:"document_id,omitempty"`
	State      MentionState  `json:"state"`
	Origin     MentionOrigin `json:"origin"`
}

// Validate checks the mention's fields.
func (m Mention) Validate() error {
	if m.ArticleID <= 0 {
		return Invalidf("a mention needs an article")
	}
	if (m.ActorID == 0) == (m.DocumentID == 0) {
		return Invalidf("a mention must name exactly one actor or document")
	}
	if err := m.Span.Validate(); err != nil {
		return err
	}
	if m.Span.Len() == 0 {
		return Invalidf("a mention cannot be empty")
	}
	if err := mentionStates.check(m.State); err != nil {
		return err
	}
	return mentionOrigins.check(m.Origin)
}
