package app

import (
	"fmt"
	"strings"
)

// Words for sentences and one-line texts, shared by the views.

// counted writes n with the noun in the right number: "1 alias", "3 aliases".
func counted(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// andList joins phrases the way a sentence does: "a, b and c".
func andList(phrases []string) string {
	switch n := len(phrases); n {
	case 0:
		return ""
	case 1:
		return phrases[0]
	default:
		return strings.Join(phrases[:n-1], ", ") + " and " + phrases[n-1]
	}
}

// tally is a count with its noun, for sentences that say what a change
// touches.
type tally struct {
	n         int
	one, many string
}

// tallied writes the tallies that are not zero: "3 aliases", "1 relation".
func tallied(ts ...tally) []string {
	var out []string
	for _, t := range ts {
		if t.n != 0 {
			out = append(out, counted(t.n, t.one, t.many))
		}
	}
	return out
}

// shortened cuts a long text for a one-line list, at a word if it can.
func shortened(s string, max int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= max {
		return string(r)
	}
	cut := string(r[:max])
	if i := strings.LastIndexByte(cut, ' '); i > max/2 {
		cut = cut[:i]
	}
	return cut + "…"
}

// oneLine puts text on one line and cuts it at limit characters: a cell
// shows the start of a quote, the detail shows all of it.
func oneLine(text string, limit int) string {
	s := strings.Join(strings.Fields(text), " ")
	if r := []rune(s); len(r) > limit {
		return string(r[:limit-1]) + "…"
	}
	return s
}

// enumTexts lists the values of a closed list of words as text.
func enumTexts[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// enumText joins values: "author, guarantor".
func enumText[T ~string](values []T) string { return strings.Join(enumTexts(values), ", ") }

// nonEmpty keeps the texts that are not empty.
func nonEmpty(texts ...string) []string {
	var out []string
	for _, s := range texts {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// joinParts joins the parts that are not empty with a middle dot.
func joinParts(parts ...string) string { return strings.Join(nonEmpty(parts...), " · ") }
