package storage

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier/model"
)

// The analyst types a search in a small syntax of their own; ParseQuery
// turns it into an FTS5 expression in which every word is a quoted string.
// The analyst's text never reaches MATCH as it was typed: FTS5 reads bare
// words as column names, operators and NEAR groups, and a stray character
// would otherwise surface as an engine error instead of a sentence.
//
// The syntax:
//
//	peace talks          both words, anywhere in the row (implicit AND; AND may be written)
//	"peace talks"        the phrase; typographic quotes “ ” „ work too
//	negotiat*            a word that starts with negotiat; "peace talk"* for a phrase
//	talks OR summit      either (upper case; lower-case or, and, not are words)
//	talks -Miami         exclusion; NOT Miami is the same
//	(talks OR summit) Miami -Geneva
//
// AND binds tighter than OR: "Witkoff Umerov OR Dmitriev" finds rows with
// both Witkoff and Umerov, and rows with Dmitriev. Punctuation inside a word
// is kept as a literal (US$100, 28-point, Putin's match what the text has);
// a word of punctuation alone (a lone dash, a "+") is ignored. Case and
// diacritics do not matter: the index folds them.

// Limits of a search, so that no query can exhaust the FTS5 parser.
const (
	maxSearchLen   = 1000 // characters
	maxSearchWords = 100
	maxSearchDepth = 10 // levels of parentheses
)

// searchFields are the column names of the search indexes. "title:peace"
// means a column filter in FTS5; the analyst gets a sentence instead of a
// silent search for the phrase "title peace".
var searchFields = map[string]bool{
	"title": true, "body": true, "notes": true, "exact": true, "note": true, "stance": true,
	"name": true, "role": true, "description": true,
}

// ParseQuery translates the analyst's search into an FTS5 MATCH expression.
// A search it cannot read is refused with a sentence that names the problem
// and where it is, wrapping model.ErrInvalid.
func ParseQuery(text string) (string, error) {
	n, err := parseSearch(text)
	if err != nil {
		return "", err
	}
	return n.fts(), nil
}

func parseSearch(text string) (searchNode, error) {
	if !utf8.ValidString(text) {
		return nil, model.Invalidf("the search is not valid UTF-8 text")
	}
	if strings.TrimFunc(text, isSearchSpace) == "" {
		return nil, model.Invalidf("the search is empty; type a word to look for")
	}
	if n := utf8.RuneCountInString(text); n > maxSearchLen {
		return nil, model.Invalidf("the search is %d characters long; the limit is %d", n, maxSearchLen)
	}
	// Control characters become spaces before anything else: a NUL, even
	// between quotes, would end the FTS5 expression early.
	clean := strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, text)
	p := &searchParser{text: text, runes: []rune(clean)}
	if err := p.lex(); err != nil {
		return nil, err
	}
	return p.parse()
}

// tokenKind classifies the pieces of a search.
type tokenKind int

const (
	tokWord   tokenKind = iota // a bare word, possibly with punctuation
	tokPhrase                  // text between quotes
	tokOpen                    // (
	tokClose                   // )
	tokOr                      // OR
	tokAnd                     // AND
	tokNot                     // NOT
	tokMinus                   // - glued to what follows
	tokEnd
)

type searchToken struct {
	kind   tokenKind
	text   string
	prefix bool // followed by *
	pos    int  // 1-based character position in the search
}

// searchParser reads one search: first into tokens, then into a tree.
type searchParser struct {
	text   string
	runes  []rune
	tokens []searchToken
	next   int // index of the next token to read
	depth  int // open parentheses
}

// fail returns a sentence about the search, quoting it.
func (p *searchParser) fail(format string, args ...any) error {
	return model.Invalidf("the search “%s” "+format, append([]any{echoSearch(p.text)}, args...)...)
}

// echoSearch shows the search in a message: on one line, and shortened.
func echoSearch(text string) string {
	text = strings.Join(strings.FieldsFunc(text, isSearchSpace), " ")
	if r := []rune(text); len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return text
}

// isSearchSpace separates words; control characters count as space.
func isSearchSpace(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }

// isQuote opens or closes a phrase.
func isQuote(r rune) bool { return r == '"' || r == '“' || r == '”' || r == '„' }

// hasWordChar reports whether the index would find a word in s: the
// unicode61 tokenizer keeps letters, numbers and private-use characters.
func hasWordChar(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r)
	}) >= 0
}

func (p *searchParser) emit(kind tokenKind, text string, prefix bool, i int) {
	p.tokens = append(p.tokens, searchToken{kind: kind, text: text, prefix: prefix, pos: i + 1})
}

// lex cuts the search into tokens.
func (p *searchParser) lex() error {
	n := len(p.runes)
	for i := 0; i < n; {
		r := p.runes[i]
		var err error
		switch {
		case isSearchSpace(r):
			i++
		case r == '(':
			p.emit(tokOpen, "", false, i)
			i++
		case r == ')':
			p.emit(tokClose, "", false, i)
			i++
		case isQuote(r):
			i, err = p.lexPhrase(i)
		case r == '-' && i+1 < n && !isSearchSpace(p.runes[i+1]) && p.runes[i+1] != ')':
			p.emit(tokMinus, "", false, i)
			i++
			if next := p.runes[i]; next != '(' && !isQuote(next) {
				i, err = p.lexWord(i, false) // "--x" excludes the word "-x"
			}
		default:
			i, err = p.lexWord(i, true)
		}
		if err != nil {
			return err
		}
	}
	p.emit(tokEnd, "", false, n)
	return p.countWords()
}

// lexPhrase reads a quoted phrase starting at i, and a * glued after it.
func (p *searchParser) lexPhrase(i int) (int, error) {
	end := i + 1
	for end < len(p.runes) && !isQuote(p.runes[end]) {
		end++
	}
	if end == len(p.runes) {
		return 0, p.fail(`has an unbalanced quote at position %d; add the closing "`, i+1)
	}
	after, prefix := p.stars(end + 1)
	p.emit(tokPhrase, string(p.runes[i+1:end]), prefix, i)
	return after, nil
}

// stars skips the * that follow position i.
func (p *searchParser) stars(i int) (int, bool) {
	start := i
	for i < len(p.runes) && p.runes[i] == '*' {
		i++
	}
	return i, i > start
}

// lexWord reads a bare word starting at i; operators are recognised only
// where they stand alone.
func (p *searchParser) lexWord(i int, operators bool) (int, error) {
	end := i
	for end < len(p.runes) {
		r := p.runes[end]
		if isSearchSpace(r) || r == '(' || r == ')' || isQuote(r) {
			break
		}
		end++
	}
	word := string(p.runes[i:end])
	if kind, ok := searchOperator(word); ok && operators {
		p.emit(kind, word, false, i)
		return end, nil
	}
	if field, rest, ok := strings.Cut(word, ":"); ok && rest != "" && searchFields[strings.ToLower(field)] {
		return 0, p.fail("has a field filter %q at position %d, which is not supported; search for the words alone", field+":", i+1)
	}
	stem := strings.TrimRight(word, "*")
	p.emit(tokWord, stem, stem != word && stem != "", i)
	return end, nil
}

func searchOperator(word string) (tokenKind, bool) {
	switch word {
	case "OR":
		return tokOr, true
	case "AND":
		return tokAnd, true
	case "NOT":
		return tokNot, true
	}
	return 0, false
}

// countWords refuses a search of more words than FTS5 should be given.
func (p *searchParser) countWords() error {
	words := 0
	for _, t := range p.tokens {
		if t.kind == tokWord || t.kind == tokPhrase {
			words++
		}
	}
	if words > maxSearchWords {
		return p.fail("has %d words; the limit is %d, so shorten it", words, maxSearchWords)
	}
	return nil
}

func (p *searchParser) peek() searchToken { return p.tokens[p.next] }

func (p *searchParser) take() searchToken {
	t := p.tokens[p.next]
	if t.kind != tokEnd {
		p.next++
	}
	return t
}

// parse reads the whole search.
func (p *searchParser) parse() (searchNode, error) {
	n, err := p.alternatives()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind == tokClose {
		return nil, p.fail("has a closing parenthesis at position %d without an opening one", t.pos)
	}
	if n == nil {
		return nil, p.fail("has no word to look for; punctuation alone is ignored")
	}
	return n, nil
}

// alternatives reads conjunctions separated by OR.
func (p *searchParser) alternatives() (searchNode, error) {
	var parts []*searchAnd
	var ors []searchToken
	for {
		c, err := p.conjunction()
		if err != nil {
			return nil, err
		}
		parts = append(parts, c)
		if p.peek().kind != tokOr {
			break
		}
		ors = append(ors, p.take())
	}
	alts := make([]searchNode, 0, len(parts))
	for i, c := range parts {
		if c.empty() && len(parts) > 1 {
			return nil, p.fail("has OR at position %d without a word on each side; write it between two words, as in: talks OR summit", ors[max(i-1, 0)].pos)
		}
		if c.onlyExcludes() {
			return nil, p.onlyExcludes(c, len(parts) == 1)
		}
		if !c.empty() {
			alts = append(alts, c.node())
		}
	}
	switch len(alts) {
	case 0:
		return nil, nil
	case 1:
		return alts[0], nil
	}
	return searchOr(alts), nil
}

// onlyExcludes explains that an exclusion needs something to exclude from.
func (p *searchParser) onlyExcludes(c *searchAnd, whole bool) error {
	if whole && p.depth == 0 {
		return p.fail("only excludes words; add a word to look for, as in: talks -Miami")
	}
	return p.fail("has a part at position %d that only excludes words; each part needs a word to look for, as in: talks -Miami", c.pos)
}

// conjunction reads terms up to an OR, a closing parenthesis or the end.
func (p *searchParser) conjunction() (*searchAnd, error) {
	c := &searchAnd{pos: p.peek().pos}
	items := 0
	for {
		t := p.peek()
		switch t.kind {
		case tokEnd, tokClose, tokOr:
			return c, nil
		case tokAnd:
			p.take()
			if k := p.peek().kind; items == 0 || k == tokEnd || k == tokClose || k == tokOr || k == tokAnd {
				return nil, p.fail("has AND at position %d without a word on each side; write it between two words, as in: talks AND Miami", t.pos)
			}
			continue
		}
		exclude, n, err := p.item()
		if err != nil {
			return nil, err
		}
		items++
		c.add(n, exclude)
	}
}

// item reads one term, group or exclusion.
func (p *searchParser) item() (exclude bool, n searchNode, err error) {
	t := p.take()
	switch t.kind {
	case tokNot:
		if k := p.peek().kind; k != tokWord && k != tokPhrase && k != tokOpen {
			return false, nil, p.fail("has NOT at position %d without a word after it to exclude, as in: talks NOT Miami", t.pos)
		}
		n, err = p.primary(p.take())
		return true, n, err
	case tokMinus:
		n, err = p.primary(p.take())
		return true, n, err
	}
	n, err = p.primary(t)
	return false, n, err
}

// primary reads a word, a phrase or a group in parentheses; nil means the
// item holds no word (punctuation, empty quotes or parentheses).
func (p *searchParser) primary(t searchToken) (searchNode, error) {
	switch t.kind {
	case tokWord, tokPhrase:
		if !hasWordChar(t.text) {
			return nil, nil
		}
		return searchPhrase{text: t.text, prefix: t.prefix}, nil
	case tokOpen:
		return p.group(t)
	}
	// The lexer and conjunction hand over nothing else; stay safe anyway.
	return nil, p.fail("has an unexpected %q at position %d", t.text, t.pos)
}

// group reads what follows an opening parenthesis, up to its closing one.
func (p *searchParser) group(open searchToken) (searchNode, error) {
	if p.depth == maxSearchDepth {
		return nil, p.fail("has more than %d levels of parentheses; simplify it", maxSearchDepth)
	}
	p.depth++
	n, err := p.alternatives()
	if err != nil {
		return nil, err
	}
	if p.take().kind != tokClose {
		return nil, p.fail("has a parenthesis at position %d that is never closed; add the closing )", open.pos)
	}
	p.depth--
	return n, nil
}

// searchNode is a part of a parsed search, written out for FTS5.
type searchNode interface{ fts() string }

// searchPhrase is a word or phrase: one FTS5 string, optionally a prefix.
type searchPhrase struct {
	text   string
	prefix bool
}

func (s searchPhrase) fts() string {
	q := `"` + strings.ReplaceAll(s.text, `"`, `""`) + `"`
	if s.prefix {
		q += " *"
	}
	return q
}

// searchAnd holds the terms that must all match and those that must not.
type searchAnd struct {
	pos          int // where it starts, for messages
	want, except []searchNode
}

func (c *searchAnd) add(n searchNode, exclude bool) {
	switch {
	case n == nil:
	case exclude:
		c.except = append(c.except, n)
	default:
		c.want = append(c.want, n)
	}
}

func (c *searchAnd) empty() bool        { return len(c.want) == 0 && len(c.except) == 0 }
func (c *searchAnd) onlyExcludes() bool { return len(c.want) == 0 && len(c.except) > 0 }

// node simplifies a conjunction of one term to the term.
func (c *searchAnd) node() searchNode {
	if len(c.want) == 1 && len(c.except) == 0 {
		return c.want[0]
	}
	return c
}

// fts writes (a AND b) NOT (c OR d): FTS5's NOT is binary, so every
// exclusion is taken from what the wanted terms find.
func (c *searchAnd) fts() string {
	s := joinNodes(c.want, " AND ")
	if len(c.except) == 0 {
		return s
	}
	return "(" + s + " NOT " + joinNodes(c.except, " OR ") + ")"
}

// searchOr matches any of its alternatives.
type searchOr []searchNode

func (o searchOr) fts() string { return joinNodes(o, " OR ") }

// joinNodes writes nodes with an operator between them, in parentheses
// when there are several.
func joinNodes(nodes []searchNode, op string) string {
	parts := make([]string, len(nodes))
	for i, n := range nodes {
		parts[i] = n.fts()
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return "(" + strings.Join(parts, op) + ")"
}
