package extract

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier/model"
)

// Name is one alias of an actor or a document. Exactly one of ActorID and
// DocumentID is set.
type Name struct {
	Text       string
	ActorID    int64
	DocumentID int64
}

// Match is a known name found in a text. Span and Text cover the name as the
// text writes it, without a possessive ending ("Witkoff" in "Witkoff’s").
type Match struct {
	Span       model.Span
	Text       string
	ActorID    int64
	DocumentID int64
}

// Matcher finds every known name in a text in one pass.
//
// It is an Aho–Corasick automaton whose alphabet is folded words rather than
// characters: the text is cut into tokens (runs of letters and digits, single
// punctuation marks), each token is folded and hashed as it is read, and the
// automaton steps once per token. Matching on whole tokens gives whole-word
// matching for free ("US" is not in "USA" or "focus"), folding gives
// insensitivity to case, diacritics, quote styles and whitespace, and the
// number of aliases does not change the cost per byte.
//
// Rules:
//   - case, diacritics, curly or straight quotes and runs of whitespace are
//     ignored, except that short all-capital aliases (at most five letters,
//     "US", "EU", "NATO") match only in capitals;
//   - "&" and "and" are the same word;
//   - a name never runs across a blank line;
//   - a possessive ("’s", "'s", the plural "s’") is not part of the match;
//   - a name glued to a currency sign ("US$") is not a mention;
//   - where matches overlap, the longest wins (in code points); among equally
//     long ones, the leftmost; among names with the same text, the
//     case-sensitive one, then the one given first.
//
// A Matcher never changes after NewMatcher and is safe for concurrent use.
type Matcher struct {
	vocab  map[uint64]int32 // token hash → token id, from 1
	filter []uint64         // bit set over filterKey of the alias tokens, to skip most lookups
	root   []int32          // token id → state one token below the root; 0 for none
	next   map[uint64]int32 // edgeKey(state, token id, gap) → state, below the first level
	nodes  []acNode
	outs   []int32 // names by state, see acNode
	pats   []pattern
	ring   int // a power of two ≥ depth
	depth  int // the longest name, in tokens
}

// acNode is a state of the automaton. It holds no pointers, so that the
// garbage collector never scans the node table.
type acNode struct {
	fail  int32
	dict  int32 // nearest state on the fail chain where names end; 0 for none
	depth int32
	// The names ending here, best first, are outs[out : out+nout].
	out, nout int32
}

type pattern struct {
	name  Name
	key   string // appendKey of the alias, to verify a hit
	caps  bool   // short all-capital alias: matches only in capitals
	order int
}

// filterBits is the size of the hash pre-filter: 64 K bits, 8 KB.
const filterBits = 1 << 16

func edgeKey(state, id int32, gap uint8) uint64 {
	return uint64(state)<<32 | uint64(id)<<1 | uint64(gap&1)
}

// NewMatcher builds a matcher from names. Names without a letter or a digit
// are ignored, and so are repeats of the same alias for the same owner.
func NewMatcher(names []Name) *Matcher {
	b := &builder{m: &Matcher{vocab: map[uint64]int32{}, filter: make([]uint64, filterBits/64),
		root: []int32{0}, next: map[uint64]int32{}, nodes: []acNode{{}}}}
	b.kids, b.outs = [][]kid{nil}, [][]int32{nil}
	seen := map[pattern]bool{}
	maxDepth := 1
	for order, n := range names {
		if !strings.ContainsFunc(n.Text, isWordRune) {
			continue
		}
		toks := aliasTokens(n.Text)
		p := pattern{name: n, key: string(appendKey(nil, n.Text)), caps: shortCapitals(n.Text)}
		if seen[p] {
			continue
		}
		seen[p] = true
		p.order = order
		b.add(p, toks)
		maxDepth = max(maxDepth, len(toks))
	}
	b.flatten()
	b.link()
	m := b.m
	m.ring, m.depth = 1, maxDepth
	for m.ring < maxDepth {
		m.ring <<= 1
	}
	return m
}

// builder holds what is needed only while the automaton is built.
type builder struct {
	m    *Matcher
	kids [][]kid   // per state: its edges
	outs [][]int32 // per state: the names ending there
}

type kid struct {
	id  int32
	gap uint8
	to  int32
}

// add inserts the path of one alias and records the alias at its end.
func (b *builder) add(p pattern, toks []lexToken) {
	state := int32(0)
	for i, t := range toks {
		state = b.insert(state, b.m.intern(t.hash), t.gap, i == 0)
	}
	b.outs[state] = append(b.outs[state], int32(len(b.m.pats)))
	b.m.pats = append(b.m.pats, p)
}

// flatten orders the names of each state, best first, and stores them in
// one table.
func (b *builder) flatten() {
	m := b.m
	for i, out := range b.outs {
		slices.SortStableFunc(out, func(x, y int32) int {
			px, py := &m.pats[x], &m.pats[y]
			if px.caps != py.caps {
				if px.caps {
					return -1
				}
				return 1
			}
			return cmp.Compare(px.order, py.order)
		})
		m.nodes[i].out, m.nodes[i].nout = int32(len(m.outs)), int32(len(out))
		m.outs = append(m.outs, out...)
	}
}

func isWordRune(r rune) bool {
	_, class := foldRune(foldTable(), r)
	return class == wordClass
}

// aliasTokens cuts an alias into tokens with the matcher's own tokenizer.
func aliasTokens(s string) []lexToken {
	lx := newLexer(s)
	var out []lexToken
	var t lexToken
	for lx.next(&t) {
		if t.gap == gapBreak {
			t.gap = gapSpace
		}
		out = append(out, t)
	}
	return out
}

// shortCapitals reports whether an alias is an acronym-like name of at most
// five letters, all of them capitals.
func shortCapitals(s string) bool {
	letters := 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		if !unicode.IsUpper(r) {
			return false
		}
		letters++
	}
	return letters > 0 && letters <= 5
}

func (m *Matcher) intern(h uint64) int32 {
	if id, ok := m.vocab[h]; ok {
		return id
	}
	id := int32(len(m.root))
	m.vocab[h] = id
	m.root = append(m.root, 0)
	k := filterKey(h)
	m.filter[k/64] |= 1 << (k % 64)
	return id
}

// insert follows or adds the trie edge for one token of an alias.
func (b *builder) insert(state, id int32, gap uint8, first bool) int32 {
	m := b.m
	if first {
		if m.root[id] == 0 {
			m.root[id] = b.newNode(1)
			b.kids[0] = append(b.kids[0], kid{id: id, to: m.root[id]})
		}
		return m.root[id]
	}
	k := edgeKey(state, id, gap)
	if to, ok := m.next[k]; ok {
		return to
	}
	to := b.newNode(m.nodes[state].depth + 1)
	m.next[k] = to
	b.kids[state] = append(b.kids[state], kid{id: id, gap: gap & 1, to: to})
	return to
}

func (b *builder) newNode(depth int32) int32 {
	b.m.nodes = append(b.m.nodes, acNode{depth: depth})
	b.kids = append(b.kids, nil)
	b.outs = append(b.outs, nil)
	return int32(len(b.m.nodes) - 1)
}

// link sets the failure and dictionary links, breadth first so that every
// state's fail target is done before the state itself.
func (b *builder) link() {
	m := b.m
	queue := make([]int32, 0, len(m.nodes))
	for _, k := range b.kids[0] {
		queue = append(queue, k.to)
	}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		for _, k := range b.kids[u] {
			f := m.step(m.nodes[u].fail, k.id, k.gap)
			n := &m.nodes[k.to]
			n.fail = f
			if m.nodes[f].nout > 0 {
				n.dict = f
			} else {
				n.dict = m.nodes[f].dict
			}
			queue = append(queue, k.to)
		}
	}
}

// step moves the automaton by one known token. The first token of a name
// may follow anything; later ones must be spaced as in the alias.
func (m *Matcher) step(state, id int32, gap uint8) int32 {
	for state != 0 {
		if to, ok := m.next[edgeKey(state, id, gap)]; ok {
			return to
		}
		state = m.nodes[state].fail
	}
	return m.root[id]
}

// lookup returns the id of a token hash, or 0 when no alias has the token.
func (m *Matcher) lookup(h uint64) int32 {
	if k := filterKey(h); m.filter[k/64]&(1<<(k%64)) == 0 {
		return 0
	}
	return m.vocab[h]
}

// filterKey spreads a token hash over the pre-filter's bits (Fibonacci
// hashing: the top bits of a product by 2^64/φ).
func filterKey(h uint64) uint64 { return (h * 0x9E3779B97F4A7C15) >> (64 - 16) }

type tokPos struct{ start, startCP int }

type candidate struct {
	first, last    int // token indices
	start, end     int // bytes
	startCP, endCP int
	pat            int32
}

// Find returns the known names in body, sorted by position and without
// overlaps.
func (m *Matcher) Find(body string) []Match {
	if m == nil || len(m.pats) == 0 {
		return nil
	}
	var (
		lx    = newLexer(body)
		ring  = make([]tokPos, m.ring)
		mask  = m.ring - 1
		res   = resolver{m: m, body: body}
		t     lexToken
		state int32
	)
	for n := 0; lx.next(&t); n++ {
		ring[n&mask] = tokPos{t.start, t.startCP}
		if len(res.pending) > 0 && n-m.depth >= res.reach {
			res.flush()
		}
		id, end, endCP := m.lookup(t.hash), t.end, t.endCP
		if id == 0 && t.hasStem {
			if id = m.lookup(t.stemHash); id != 0 {
				end, endCP = t.stemEnd, t.stemEndCP
			}
		}
		if id == 0 {
			state = 0
			continue
		}
		if t.gap == gapBreak {
			state = 0
		}
		state = m.step(state, id, t.gap)
		s := state
		if m.nodes[s].nout == 0 {
			s = m.nodes[s].dict
		}
		for ; s != 0; s = m.nodes[s].dict {
			nd := &m.nodes[s]
			first := n - int(nd.depth) + 1
			at := ring[first&mask]
			for _, p := range m.outs[nd.out : nd.out+nd.nout] {
				if m.verify(&m.pats[p], body, at.start, end) {
					res.add(candidate{first, n, at.start, end, at.startCP, endCP, p})
					break
				}
			}
		}
	}
	res.flush()
	return res.out
}

// verify checks a hit against the alias itself: the automaton compares
// hashes, the key comparison rules out a collision, and the case and
// currency rules apply here.
func (m *Matcher) verify(p *pattern, body string, start, end int) bool {
	text := body[start:end]
	if !keyEqual(text, p.key) {
		return false
	}
	if p.caps && !allCapitals(text) {
		return false
	}
	return end >= len(body) || !currencyAt(body[end:])
}

// currencyAt reports whether s starts with a currency sign.
func currencyAt(s string) bool {
	if c := s[0]; c < utf8.RuneSelf {
		return c == '$'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.Is(unicode.Sc, r)
}

// keyEqual reports whether appendKey(text) equals key without building it.
// ASCII text, most of any hit, is compared byte by byte in a copy of
// appendKey's loop; anything else goes through appendKey.
func keyEqual(text, key string) bool {
	j := 0
	started, spaced, inWord := false, false, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c >= utf8.RuneSelf {
			var buf [64]byte
			return string(appendKey(buf[:0], text)) == key
		}
		if asciiSpace[c] != 0 {
			spaced, inWord = true, false
			continue
		}
		w := asciiWord[c]
		if w == 0 || !inWord {
			if started {
				sep := byte(0xFF)
				if spaced {
					sep = ' '
				}
				if j >= len(key) || key[j] != sep {
					return false
				}
				j++
			}
			started, spaced, inWord = true, false, w != 0
		}
		switch {
		case w != 0:
		case c == '&':
			if !strings.HasPrefix(key[j:], "and") {
				return false
			}
			j += 3
			continue
		default:
			w = asciiFold[c]
		}
		if j >= len(key) || key[j] != w {
			return false
		}
		j++
	}
	return j == len(key)
}

func allCapitals(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// resolver drops overlapping hits, keeping the longest, as they come.
// Hits are held while a later one could still overlap them: a hit ending at
// token n starts after n-depth, so once the scan is depth tokens past every
// held hit, they are settled. A lone hit, by far the common case, is kept as
// it is.
type resolver struct {
	m       *Matcher
	body    string
	pending []candidate
	reach   int // last token of the held hits
	taken   []bool
	out     []Match
}

func (r *resolver) add(c candidate) {
	if len(r.pending) == 0 || c.last > r.reach {
		r.reach = c.last
	}
	r.pending = append(r.pending, c)
}

func (r *resolver) flush() {
	switch len(r.pending) {
	case 0:
		return
	case 1:
		r.emit(r.pending[0])
	default:
		r.longest()
	}
	r.pending = r.pending[:0]
}

// longest keeps, from the held hits, the longest ones that do not overlap,
// and emits them in text order.
func (r *resolver) longest() {
	slices.SortFunc(r.pending, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(b.endCP-b.startCP, a.endCP-a.startCP), cmp.Compare(a.startCP, b.startCP),
			cmp.Compare(a.pat, b.pat))
	})
	first := r.pending[0].first
	for _, c := range r.pending {
		first = min(first, c.first)
	}
	r.taken = slices.Grow(r.taken[:0], r.reach-first+1)[:r.reach-first+1]
	clear(r.taken)
	kept := r.pending[:0]
	for _, c := range r.pending {
		span := r.taken[c.first-first : c.last-first+1]
		if slices.Contains(span, true) {
			continue
		}
		for k := range span {
			span[k] = true
		}
		kept = append(kept, c)
	}
	slices.SortFunc(kept, func(a, b candidate) int { return cmp.Compare(a.first, b.first) })
	for _, c := range kept {
		r.emit(c)
	}
}

func (r *resolver) emit(c candidate) {
	p := &r.m.pats[c.pat]
	r.out = append(r.out, Match{Span: model.Span{Start: c.startCP, End: c.endCP}, Text: r.body[c.start:c.end],
		ActorID: p.name.ActorID, DocumentID: p.name.DocumentID})
}
