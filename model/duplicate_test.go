package model_test

import (
	"errors"
	"fmt"
	"testing"

	"dossier/model"
)

func TestDuplicateError(t *testing.T) {
	var err error = &model.DuplicateError{ArticleID: 7, Title: "Talks in Miami"}
	wrapped := fmt.Errorf("create article: %w", err)
	if want := `create article: duplicate of article 7 "Talks in Miami", which has the same text`; wrapped.Error() != want {
		t.Fatalf("message %q, want %q", wrapped, want)
	}
	if !errors.Is(wrapped, model.ErrConflict) {
		t.Fatal("a duplicate is not a conflict")
	}
	for _, other := range []error{model.ErrInvalid, model.ErrNotFound} {
		if errors.Is(wrapped, other) {
			t.Errorf("a duplicate also matches %v", other)
		}
	}
	var dup *model.DuplicateError
	if !errors.As(wrapped, &dup) || dup.ArticleID != 7 || dup.Title != "Talks in Miami" {
		t.Fatalf("errors.As found %+v", dup)
	}
	var domain *model.Error
	if !errors.As(wrapped, &domain) || domain.Kind != model.ErrConflict || domain.Msg != err.Error() {
		t.Fatalf("as a domain error: %+v", domain)
	}
}
