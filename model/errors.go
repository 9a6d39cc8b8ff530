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

// Error is a domain error: a sentence for the analyst that says what is
// wrong and, where it can, what to do, classified by one of the sentinels.
type Error struct {
	Kind error // ErrNotFound, ErrInvalid or ErrConflict
	Msg  string
}

func (e *Error) Error() string { return e.Msg }

// Unwrap lets errors.Is match the sentinel.
func (e *Error) Unwrap() error { return e.Kind }

// Invalidf returns an error of kind ErrInvalid with a specific message.
func Invalidf(format string, args ...any) error {
	return &Error{ErrInvalid, fmt.Sprintf(format, args...)}
}

// Conflictf returns an error of kind ErrConflict with a specific message.
func Conflictf(format string, args ...any) error {
	return &Error{ErrConflict, fmt.Sprintf(format, args...)}
}

// NotFoundf returns an error of kind ErrNotFound with a specific message.
func NotFoundf(format string, args ...any) error {
	return &Error{ErrNotFound, fmt.Sprintf(format, args...)}
}
