// Package model holds Dossier's domain: the entities an analyst works with,
// their enumerations and validation, and the anchoring of excerpts in text.
// It imports nothing else of the project.
package model

import (
	"errors"
	"fmt"
)

// Sentinel errors. Every layer wraps them with its operation; the edges
// (command line, window) turn them into a sentence for the analyst.
var (
	// ErrNotFound: the thing asked for does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalid: the input breaks a rule of the domain.
	ErrInvalid = errors.New("invalid")
	// ErrConflict: the change collides with something that exists.
	ErrConflict = errors.New("conflict")
)

// Invalidf returns an error that wraps ErrInvalid with a specific message.
func Invalidf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))
}

// Conflictf returns an error that wraps ErrConflict with a specific message.
func Conflictf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrConflict, fmt.Sprintf(format, args...))
}

// NotFoundf returns an error that wraps ErrNotFound with a specific message.
func NotFoundf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrNotFound, fmt.Sprintf(format, args...))
}
