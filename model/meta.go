package model

import (
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// Meta is what every stored entity carries: a stable row id, a UUIDv7 that
// survives merging workspaces, and UTC timestamps.
type Meta struct {
	ID        int64     `json:"id"`
	UID       string    `json:"uid"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Page asks for a slice of a listing. Limit 0 means the default page size.
type Page struct {
	Limit  int `json:"limit,omitempty"`
	Offset int `json:"offset,omitempty"`
}

// DefaultPageSize is used when a Page has no limit.
const DefaultPageSize = 100

// MaxPageSize bounds one page.
const MaxPageSize = 10000

// Normalized returns the page with defaults applied and bounds enforced.
func (p Page) Normalized() Page {
	if p.Limit <= 0 {
		p.Limit = DefaultPageSize
	}
	if p.Limit > MaxPageSize {
		p.Limit = MaxPageSize
	}
	if p.Offset < 0 {
		p.Offset = 0
	}
	return p
}

// requireText checks a mandatory one-line field.
func requireText(what, s string, max int) error {
	if strings.TrimSpace(s) == "" {
		return Invalidf("%s is empty; give it a name", what)
	}
	return limitText(what, s, max)
}

// limitText checks an optional field's encoding and length.
func limitText(what, s string, max int) error {
	if !utf8.ValidString(s) {
		return Invalidf("%s is not valid UTF-8 text", what)
	}
	if n := utf8.RuneCountInString(s); n > max {
		return Invalidf("%s is %d characters long; the limit is %d", what, n, max)
	}
	return nil
}

// checkURL accepts the empty string and absolute http(s), mailto or file URLs.
func checkURL(what, s string) error {
	if s == "" {
		return nil
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" {
		return Invalidf("%s %q is not an absolute URL; write it as https://…", what, s)
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https", "mailto", "file":
		return nil
	}
	return Invalidf("%s %q has scheme %q; use http, https, mailto or file", what, s, u.Scheme)
}

// checkDates rejects date ranges that end before they start.
func checkDates(what string, from, to time.Time) error {
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return Invalidf("%s ends (%s) before it starts (%s)", what, to.Format(time.DateOnly), from.Format(time.DateOnly))
	}
	return nil
}

// Length limits, in characters.
const (
	MaxNameLen  = 500
	MaxNoteLen  = 100_000
	MaxTitleLen = 1_000
	// MaxBodyLen bounds an article's body (about 20 MB of ASCII).
	MaxBodyLen = 20 << 20
)
