package model

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Article is one piece of news in the workspace. Its Body is normalised plain
// text and never changes in place: a correction makes a new revision.
type Article struct {
	Meta
	Title       string    `json:"title"`
	SourceID    int64     `json:"source_id,omitempty"`
	Author      string    `json:"author,omitempty"`
	URL         string    `json:"url,omitempty"`
	PublishedAt time.Time `json:"published_at,omitzero"`
	RetrievedAt time.Time `json:"retrieved_at,omitzero"`
	Language    string    `json:"language,omitempty"`
	Body        string    `json:"body,omitempty"`
	// Hash is the content hash of Body (see ContentHash); duplicates share it.
	Hash     string  `json:"hash"`
	Revision int     `json:"revision"`
	Notes    string  `json:"notes,omitempty"`
	TagIDs   []int64 `json:"tag_ids,omitempty"`
}

// ContentHash is the hex SHA-256 of a normalised body.
func ContentHash(body string) string {
	sum := sha256.Sum256([]byte(body))
	return hex.EncodeToString(sum[:])
}

// Validate checks the article's fields.
func (a Article) Validate() error {
	if err := requireText("article title", a.Title, MaxTitleLen); err != nil {
		return err
	}
	if a.Body == "" {
		return Invalidf("article %q has no text", a.Title)
	}
	checks := []error{
		limitText("article body", a.Body, MaxBodyLen),
		limitText("article author", a.Author, MaxNameLen),
		checkURL("article URL", a.URL),
		limitText("article language", a.Language, 35),
		limitText("article notes", a.Notes, MaxNoteLen),
	}
	for _, err := range checks {
		if err != nil {
			return err
		}
	}
	if a.SourceID < 0 {
		return Invalidf("article source id %d is negative", a.SourceID)
	}
	return nil
}

// ArticleRevision is an earlier body of a corrected article, kept for the record.
type ArticleRevision struct {
	ArticleID int64     `json:"article_id"`
	Revision  int       `json:"revision"`
	Body      string    `json:"body"`
	Hash      string    `json:"hash"`
	CreatedAt time.Time `json:"created_at"`
}
