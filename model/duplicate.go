package model

import "fmt"

// DuplicateError refuses a text that an article of the workspace already
// holds, and names that article, so that an importer can report which one a
// file repeats without asking the workspace a second time.
type DuplicateError struct {
	ArticleID int64
	Title     string
}

func (e *DuplicateError) Error() string {
	return fmt.Sprintf("duplicate of article %d %q, which has the same text", e.ArticleID, e.Title)
}

// Unwrap classifies the refusal as a conflict: errors.Is(err, ErrConflict)
// holds, and layers that pass domain errors through untouched (they look
// for an *Error) treat it as one.
func (e *DuplicateError) Unwrap() error {
	return &Error{Kind: ErrConflict, Msg: e.Error()}
}
