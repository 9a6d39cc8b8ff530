package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxTitleRunes caps a title taken from the text itself, where the "first
// line" may turn out to be a whole paragraph.
const maxTitleRunes = 200

// Normalize returns s as ingest stores article bodies: valid UTF-8 in NFC,
// "\n" line ends, no trailing whitespace on lines, no blank lines at either
// end and never more than one blank line in a row. Spaces inside a line,
// non-breaking ones included, are kept, because excerpts quote the text as
// it was. Invisible characters that only get in the way of search and
// selection (zero-width space, word joiner, byte-order mark, soft hyphen)
// and control characters other than tab are dropped; form feed, vertical
// tab and the Unicode line and paragraph separators become line breaks.
// Zero-width joiners and non-joiners are kept: scripts such as Persian and
// emoji sequences need them.
func Normalize(s string) string {
	s = cleanRunes(s)
	s = norm.NFC.String(s)
	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	blank := false
	for _, line := range lines {
		line = strings.TrimRightFunc(line, unicode.IsSpace)
		if line == "" {
			blank = len(out) > 0
			continue
		}
		if blank {
			out = append(out, "")
			blank = false
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// cleanRunes makes s valid UTF-8, turns every kind of line break into "\n"
// and drops invisible and control characters. Runs of text that need none
// of this (nearly all of an article) are copied whole rather than rune by
// rune, and a text that needs none of it is returned as it is.
func cleanRunes(s string) string {
	n := keptLen(s)
	if n == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; ; n = keptLen(s[i:]) {
		b.WriteString(s[i : i+n])
		if i += n; i == len(s) {
			return b.String()
		}
		i = cleanRune(&b, s, i)
	}
}

// keptLen is the length of the longest prefix of s that cleanRunes keeps
// as it is: valid UTF-8 without line breaks other than "\n", and without
// invisible or control characters other than tab.
func keptLen(s string) int {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || r == '\u2028' || r == '\u2029' || r == '\u0085' || invisible(r) {
			return i
		}
		i += size
	}
	return len(s)
}

// cleanRune writes what becomes of the rune at s[i], which keptLen stopped
// at, and returns where the text goes on.
func cleanRune(b *strings.Builder, s string, i int) int {
	r, size := utf8.DecodeRuneInString(s[i:])
	i += size
	switch {
	case r == utf8.RuneError && size == 1:
		b.WriteRune(utf8.RuneError)
	case r == '\r':
		b.WriteByte('\n')
		if i < len(s) && s[i] == '\n' {
			i++
		}
	case r == '\u2029':
		b.WriteString("\n\n")
	case r == '\f' || r == '\v' || r == '\u0085' || r == '\u2028':
		b.WriteByte('\n')
	case invisible(r):
	default:
		b.WriteRune(r)
	}
	return i
}

// invisible reports runes Normalize drops: C0 and C1 controls (tab and line
// feed are handled before), DEL, and characters that take no room on screen
// but would split words for search.
func invisible(r rune) bool {
	switch r {
	case '\u200B', '\u2060', '\uFEFF', '\u00AD', '\u180E':
		return true
	}
	return r < 0x20 || (r >= 0x7F && r <= 0x9F)
}

// firstLine returns the first line of text that holds more than whitespace,
// trimmed.
func firstLine(s string) string {
	for line := range strings.Lines(s) {
		if t := strings.TrimSpace(line); t != "" {
			return t
		}
	}
	return ""
}

// cleanTitle turns a title found in metadata into one normalised line:
// runs of whitespace become one space and long titles are cut at a word.
func cleanTitle(s string) string {
	s = norm.NFC.String(cleanRunes(s))
	s = strings.Join(strings.Fields(s), " ")
	return capRunes(s, maxTitleRunes)
}

// capRunes shortens s to at most n runes, preferring to cut at a space, and
// marks the cut with an ellipsis.
func capRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)[:n-1]
	cut := len(runes)
	for i := len(runes) - 1; i > len(runes)-40 && i > 0; i-- {
		if unicode.IsSpace(runes[i]) {
			cut = i
			break
		}
	}
	return strings.TrimRightFunc(string(runes[:cut]), unicode.IsSpace) + "…"
}

// titleOr returns the cleaned title, or the body's first line when there is
// none.
func titleOr(title, body string) string {
	if t := cleanTitle(title); t != "" {
		return t
	}
	return cleanTitle(firstLine(body))
}
