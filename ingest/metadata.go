package ingest

import (
	"net/mail"
	"net/url"
	"strings"
	"time"

	"golang.org/x/text/language"
)

// dateLayouts are the ways publication dates appear in meta tags, JSON-LD,
// front matter and document properties, most specific first.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	"Jan 2, 2006",
	"January 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
}

// parseDate reads a date in any of dateLayouts, or an e-mail style date,
// and returns it in UTC; a date without a zone is taken as UTC. It returns
// the zero time when s is not a date it knows.
func parseDate(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return plausible(t)
		}
	}
	if t, err := mail.ParseDate(s); err == nil {
		return plausible(t)
	}
	return time.Time{}
}

// plausible keeps dates an article can have; year 0001 or 9999 is a
// placeholder, not a publication date.
func plausible(t time.Time) time.Time {
	t = t.UTC()
	if t.Year() < 1800 || t.Year() > 2200 {
		return time.Time{}
	}
	return t
}

// normLanguage turns a language label ("en_GB", "EN-us", "fr") into a
// BCP 47 tag, or "" when it is not one.
func normLanguage(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(s, "_", "-"))
	if s == "" || len(s) > 35 {
		return ""
	}
	if i := strings.IndexAny(s, ",;"); i >= 0 {
		s = strings.TrimSpace(s[:i]) // "en-US, fr" lists several; the first is the main one
	}
	tag, err := language.Parse(s)
	if err != nil || tag == language.Und {
		return ""
	}
	return tag.String()
}

// absoluteURL returns ref as an absolute http(s) URL, resolved against base
// when it is relative, or "" when that is not possible.
func absoluteURL(ref, base string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || len(ref) > 2048 {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if !u.IsAbs() {
		b, err := url.Parse(strings.TrimSpace(base))
		if err != nil || !b.IsAbs() {
			return ""
		}
		u = b.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}
