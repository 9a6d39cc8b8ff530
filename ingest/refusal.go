package ingest

import (
	"errors"
	"fmt"
	"math"

	"dossier/model"
)

// Refusal says why a file was not imported. Reason is a sentence for the
// analyst: what is wrong and, where it helps, what to do about it.
type Refusal struct {
	Path, Reason string
}

// Error returns the reason alone; callers add the path where they show it.
func (r *Refusal) Error() string { return r.Reason }

// Unwrap lets callers treat every refusal as invalid input.
func (r *Refusal) Unwrap() error { return model.ErrInvalid }

func refuse(path, format string, args ...any) error {
	return &Refusal{Path: path, Reason: fmt.Sprintf(format, args...)}
}

// withPath gives a refusal raised deep in a reader the name of the file it
// concerns; other errors pass through unchanged.
func withPath(err error, path string) error {
	var r *Refusal
	if errors.As(err, &r) && r.Path == "" {
		r.Path = path
	}
	return err
}

// Reasons shared by several readers.
const (
	reasonNoText = "no readable text found"
	reasonNUL    = "the file contains binary data (NUL bytes), not text; " +
		"if it is text saved as UTF-16 without a byte-order mark, save it again as UTF-8"
)

func reasonTooBig(size int64) string {
	// Round up so that a file just over the limit never reads as "20.0 MB".
	mb := math.Ceil(float64(size)/(1<<20)*10) / 10
	return fmt.Sprintf("file is %.1f MB; the limit is %d MB", mb, MaxFileSize>>20)
}
