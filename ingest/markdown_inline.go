package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// mdInline drops the inline markup of one Markdown paragraph: emphasis and
// strike-through markers, code-span backticks, link and image syntax, raw
// HTML tags and backslash escapes. Link text stays, images go. It works in
// a few linear passes so that hostile input cannot make it slow.
func mdInline(s string, refs map[string]bool) string {
	p := &mdInliner{s: s, refs: refs}
	p.findCodeSpans()
	p.matchBrackets()
	return p.render(0, len(s))
}

type mdInliner struct {
	s    string
	refs map[string]bool // reference-link labels defined in the document
	// code maps the first backtick of a code span to the end of its
	// closing run.
	code map[int]int
	// closeOf maps '[' and '(' to their matching bracket.
	closeOf map[int]int
}

// findCodeSpans pairs backtick runs of equal length, left to right.
func (p *mdInliner) findCodeSpans() {
	type run struct{ at, n int }
	var runs []run
	byLen := map[int][]int{} // run length → indexes into runs
	for i := 0; i < len(p.s); i++ {
		switch p.s[i] {
		case '\\':
			i++
		case '`':
			j := i
			for j < len(p.s) && p.s[j] == '`' {
				j++
			}
			byLen[j-i] = append(byLen[j-i], len(runs))
			runs = append(runs, run{i, j - i})
			i = j - 1
		}
	}
	p.code = map[int]int{}
	next := map[int]int{} // per length, how far byLen has been consumed
	for k := 0; k < len(runs); k++ {
		r := runs[k]
		list := byLen[r.n]
		c := next[r.n]
		for c < len(list) && list[c] <= k {
			c++
		}
		next[r.n] = c
		if c == len(list) {
			continue
		}
		closer := runs[list[c]]
		p.code[r.at] = closer.at + closer.n
		k = list[c]
	}
}

// matchBrackets pairs square brackets and parentheses outside code spans.
func (p *mdInliner) matchBrackets() {
	p.closeOf = map[int]int{}
	var squares, parens []int
	for i := 0; i < len(p.s); i++ {
		if end, ok := p.code[i]; ok {
			i = end - 1
			continue
		}
		switch p.s[i] {
		case '\\':
			i++
		case '[':
			squares = append(squares, i)
		case '(':
			parens = append(parens, i)
		case ']':
			if n := len(squares); n > 0 {
				p.closeOf[squares[n-1]] = i
				squares = squares[:n-1]
			}
		case ')':
			if n := len(parens); n > 0 {
				p.closeOf[parens[n-1]] = i
				parens = parens[:n-1]
			}
		}
	}
}

// mdTok is a piece of rendered text or a run of emphasis delimiters.
type mdTok struct {
	text              string
	delim             byte // 0 for text
	n                 int  // delimiters left in the run
	canOpen, canClose bool
}

// render returns the plain text of s[from:to].
func (p *mdInliner) render(from, to int) string {
	var toks []mdTok
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			toks = append(toks, mdTok{text: lit.String()})
			lit.Reset()
		}
	}
	for i := from; i < to; {
		next, text, handled := p.special(i, to)
		if handled {
			lit.WriteString(text)
			i = next
			continue
		}
		if c := p.s[i]; c == '*' || c == '_' || c == '~' {
			if tok, j, ok := p.delimiterRun(i, to); ok {
				flush()
				toks = append(toks, tok)
				i = j
				continue
			}
		}
		lit.WriteByte(p.s[i])
		i++
	}
	flush()
	pairEmphasis(toks)
	var out strings.Builder
	for _, t := range toks {
		out.WriteString(t.text)
		if t.delim != 0 {
			// Unmatched markers are ordinary characters: "2 * 3".
			out.WriteString(strings.Repeat(string(t.delim), t.n))
		}
	}
	return out.String()
}

// special handles escapes, code spans, links, images and angle brackets at
// i. It returns where to continue and the text to emit.
func (p *mdInliner) special(i, to int) (next int, text string, handled bool) {
	switch c := p.s[i]; {
	case c == '\\' && i+1 < to && isASCIIPunct(p.s[i+1]):
		return i + 2, p.s[i+1 : i+2], true
	case c == '`':
		if end, ok := p.code[i]; ok && end <= to {
			return end, codeSpanText(p.s[i:end]), true
		}
		j := i
		for j < to && p.s[j] == '`' {
			j++
		}
		return j, p.s[i:j], true
	case c == '!' && i+1 < to && p.s[i+1] == '[':
		if _, end, ok := p.link(i+1, to); ok {
			return end, "", true
		}
	case c == '[':
		if inner, end, ok := p.link(i, to); ok {
			return end, inner, true
		}
	case c == '<':
		return p.angle(i, to)
	}
	return i, "", false
}

// codeSpanText strips the backtick runs around a code span and the single
// space CommonMark allows on each side.
func codeSpanText(span string) string {
	n := 0
	for n < len(span) && span[n] == '`' {
		n++
	}
	inner := span[n : len(span)-n]
	if len(inner) >= 2 && inner[0] == ' ' && inner[len(inner)-1] == ' ' && strings.Trim(inner, " ") != "" {
		inner = inner[1 : len(inner)-1]
	}
	return inner
}

// link recognises [text](destination), [text][label] and [label] when the
// label is defined; it returns the rendered text and where the link ends.
func (p *mdInliner) link(open, to int) (string, int, bool) {
	closeAt, ok := p.closeOf[open]
	if !ok || closeAt >= to || strings.HasPrefix(p.s[open:], "[^") {
		return "", 0, false
	}
	end := closeAt + 1
	switch {
	case end < to && p.s[end] == '(':
		paren, ok := p.closeOf[end]
		if !ok || paren >= to {
			return "", 0, false
		}
		end = paren + 1
	case end < to && p.s[end] == '[':
		label, ok := p.closeOf[end]
		if !ok || label >= to {
			return "", 0, false
		}
		end = label + 1
	case !p.refs[refLabel(p.s[open+1:closeAt])]:
		return "", 0, false
	}
	return p.render(open+1, closeAt), end, true
}

// angle handles autolinks (<https://…>, <name@host>), which keep their
// text, and raw HTML tags and comments, which are dropped.
func (p *mdInliner) angle(i, to int) (int, string, bool) {
	if strings.HasPrefix(p.s[i:to], "<!--") {
		if end := strings.Index(p.s[i+4:to], "-->"); end >= 0 {
			return i + 4 + end + 3, "", true
		}
		return i, "", false
	}
	limit := min(to, i+2000)
	j := i + 1
	for j < limit && p.s[j] != '>' && p.s[j] != '<' && p.s[j] != '\n' {
		j++
	}
	if j >= limit || p.s[j] != '>' {
		return i, "", false
	}
	inner := p.s[i+1 : j]
	switch {
	case isAutolink(inner):
		return j + 1, inner, true
	case isHTMLTag(inner):
		return j + 1, "", true
	}
	return i, "", false
}

func isAutolink(s string) bool {
	if strings.ContainsAny(s, " \t") {
		return false
	}
	if k := strings.Index(s, ":"); k >= 2 && k <= 32 && isScheme(s[:k]) {
		return true
	}
	at := strings.Index(s, "@")
	return at > 0 && at < len(s)-1
}

func isScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := (c|0x20) >= 'a' && (c|0x20) <= 'z'
		if !letter && (i == 0 || !(c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-')) {
			return false
		}
	}
	return true
}

// isHTMLTag recognises the inside of <tag attr>, </tag> and <tag/>.
func isHTMLTag(s string) bool {
	s = strings.TrimPrefix(s, "/")
	if s == "" || !((s[0]|0x20) >= 'a' && (s[0]|0x20) <= 'z') {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' || c == '/' {
			return true
		}
		if !((c|0x20) >= 'a' && (c|0x20) <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// delimiterRun reads a run of *, _ or ~~ at i and decides, from the
// characters around it, whether it may open or close emphasis.
func (p *mdInliner) delimiterRun(i, to int) (mdTok, int, bool) {
	c := p.s[i]
	j := i
	for j < to && p.s[j] == c {
		j++
	}
	if c == '~' && j-i != 2 {
		return mdTok{}, 0, false
	}
	before, after := ' ', ' '
	if i > 0 {
		before, _ = utf8.DecodeLastRuneInString(p.s[:i])
	}
	if j < to {
		after, _ = utf8.DecodeRuneInString(p.s[j:])
	}
	left := !unicode.IsSpace(after) && (!isPunct(after) || unicode.IsSpace(before) || isPunct(before))
	right := !unicode.IsSpace(before) && (!isPunct(before) || unicode.IsSpace(after) || isPunct(after))
	tok := mdTok{delim: c, n: j - i, canOpen: left, canClose: right}
	if c == '_' {
		// Underscores inside a word (snake_case) are never emphasis.
		tok.canOpen = left && (!right || isPunct(before))
		tok.canClose = right && (!left || isPunct(after))
	}
	return tok, j, true
}

// pairEmphasis matches closing delimiter runs with the nearest opener of
// the same character and removes the matched markers.
func pairEmphasis(toks []mdTok) {
	openers := map[byte][]int{}
	for k := range toks {
		t := &toks[k]
		if t.delim == 0 {
			continue
		}
		if t.canClose {
			stack := openers[t.delim]
			for t.n > 0 && len(stack) > 0 {
				o := &toks[stack[len(stack)-1]]
				use := min(o.n, t.n, 2)
				o.n -= use
				t.n -= use
				if o.n == 0 {
					stack = stack[:len(stack)-1]
				}
			}
			openers[t.delim] = stack
		}
		if t.canOpen && t.n > 0 {
			openers[t.delim] = append(openers[t.delim], k)
		}
	}
}

func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

func isASCIIPunct(c byte) bool {
	return c < 0x80 && c > ' ' && !(c >= '0' && c <= '9') && !((c|0x20) >= 'a' && (c|0x20) <= 'z')
}

// refLabel normalises a link label the way reference definitions are
// matched: case-insensitive, whitespace collapsed.
func refLabel(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
