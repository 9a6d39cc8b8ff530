package extract

import (
	"cmp"
	"slices"
	"strings"
	"sync"
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
	vocab   table    // token hash → token id (from 1) and first-level state
	filter  []uint64 // the pre-filters, see filterBits
	edges   table    // edgeKey(state, token id, gap) → state, below the first level
	nodes   []acNode
	outs    []output // names by state, see acNode
	keys    string   // appendKey of every name, one after the other, to verify hits
	owners  []owner  // per name, in the order given
	ring    int      // a power of two ≥ depth
	depth   int      // the longest name, in tokens
	scratch sync.Pool
}

// acNode is a state of the automaton. It holds no pointers, so that the
// garbage collector never scans the node table.
type acNode struct {
	fail  int32
	dict  int32 // nearest state on the fail chain where names end; 0 for none
	try   int32 // nearest state on the fail chain, itself included, with edges; 0 for none
	depth int32
	// The names ending here, best first, are outs[out : out+nout].
	out, nout int32
}

// output is a name ending in a state: what a hit needs to be verified and
// resolved, close together.
type output struct {
	key, keyEnd int32 // the name's key is keys[key:keyEnd]
	name        int32 // index in owners; a lower one was given first
	caps        bool  // short all-capital alias: matches only in capitals
}

type owner struct{ actor, document int64 }

// NewMatcher builds a matcher from names. Names without a letter or a digit
// are ignored, and so are repeats of the same alias for the same owner.
func NewMatcher(names []Name) *Matcher {
	b := newBuilder(len(names))
	for _, n := range names {
		if hasWordRune(n.Text) {
			b.add(n)
		}
	}
	b.outputs()
	b.link()
	b.finish()
	return b.m
}

// builder holds what is needed only while the automaton is built. The trie
// is kept as the edge into each state (parent, token, gap), which is all
// that linking it needs.
type builder struct {
	m      *Matcher
	root   []int32 // token id → state one token below the root; 0 for none
	names  []Name  // the names added, in the order given, without those lacking a word
	parent []int32 // per state: the state above it
	token  []int32 // per state: the token id on the edge into it
	gap    []uint8 // per state: the gap before that token
	ends   []int32 // per name: the state where it ends
	keys   []byte  // appendKey of every name, one after the other
	keyEnd []int   // per name: where its key ends in keys
	toks   []lexToken
}

// newBuilder starts a matcher for about n names.
func newBuilder(n int) *builder {
	m := &Matcher{nodes: []acNode{{}}, vocab: newTable(0), edges: newTable(0), filter: make([]uint64, 2*filterBits/64)}
	return &builder{m: m, root: []int32{0}, parent: []int32{0}, token: []int32{0}, gap: []uint8{0},
		names: make([]Name, 0, n), ends: make([]int32, 0, n), keyEnd: make([]int, 0, n)}
}

// hasWordRune reports whether s has a letter or a digit.
func hasWordRune(s string) bool {
	for i := 0; i < len(s); i++ {
		if asciiWord[s[i]] != 0 {
			return true
		}
	}
	return strings.ContainsFunc(s, func(r rune) bool {
		_, class := foldRune(foldTable(), r)
		return class == wordClass
	})
}

// add inserts the path of one alias and records the alias at its end.
func (b *builder) add(n Name) {
	m := b.m
	b.toks = aliasTokens(b.toks[:0], n.Text)
	if len(b.toks) > 0 {
		m.setFilter(b.toks[0].hash, false)
	}
	state := int32(0)
	for i, t := range b.toks {
		state = b.insert(state, b.intern(t.hash), t.gap, i == 0)
	}
	m.depth = max(m.depth, len(b.toks))
	b.keys = appendKey(b.keys, n.Text)
	b.keyEnd = append(b.keyEnd, len(b.keys))
	b.ends = append(b.ends, state)
	b.names = append(b.names, n)
}

// aliasTokens cuts an alias into tokens with the matcher's own tokenizer.
func aliasTokens(out []lexToken, s string) []lexToken {
	lx := newLexer(s)
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

func (b *builder) intern(h uint64) int32 {
	m := b.m
	if id, _ := m.vocab.get(h); id != 0 {
		return id
	}
	id := int32(len(b.root))
	m.vocab.put(h, id, 0)
	b.root = append(b.root, 0)
	m.setFilter(h, true)
	return id
}

// insert follows or adds the trie edge for one token of an alias.
func (b *builder) insert(state, id int32, gap uint8, first bool) int32 {
	m := b.m
	if first {
		if b.root[id] == 0 {
			b.root[id] = b.newNode(0, id, 0)
		}
		return b.root[id]
	}
	k := edgeKey(state, id, gap)
	if to, _ := m.edges.get(k); to != 0 {
		return to
	}
	to := b.newNode(state, id, gap&1)
	m.edges.put(k, to, 0)
	return to
}

func (b *builder) newNode(parent, id int32, gap uint8) int32 {
	b.m.nodes = append(b.m.nodes, acNode{depth: b.m.nodes[parent].depth + 1})
	b.parent, b.token, b.gap = append(b.parent, parent), append(b.token, id), append(b.gap, gap)
	return int32(len(b.m.nodes) - 1)
}

// outputs lists the names of each state, best first (case-sensitive ones,
// then in the order given), in one table, and drops repeated names. Names
// come in the order given, so a counting sort by state keeps that order.
func (b *builder) outputs() {
	m := b.m
	m.keys = string(b.keys)
	m.owners = make([]owner, len(b.names))
	for i, n := range b.names {
		m.owners[i] = owner{n.ActorID, n.DocumentID}
	}
	first := make([]int32, len(m.nodes)+1) // state s's names are sorted[first[s]:first[s+1]]
	for _, s := range b.ends {
		first[s+1]++
	}
	for s := 1; s < len(first); s++ {
		first[s] += first[s-1]
	}
	sorted, fill := make([]int32, len(b.ends)), slices.Clone(first)
	for p, s := range b.ends {
		sorted[fill[s]] = int32(p)
		fill[s]++
	}
	m.outs = make([]output, 0, len(sorted))
	for s := range m.nodes {
		start := len(m.outs)
		for _, p := range sorted[first[s]:first[s+1]] {
			if !slices.ContainsFunc(m.outs[start:], func(o output) bool { return b.names[o.name] == b.names[p] }) {
				m.outs = append(m.outs, b.output(p))
			}
		}
		out := m.outs[start:]
		if len(out) > 1 {
			slices.SortStableFunc(out, func(x, y output) int { return cmp.Compare(capsFirst(x.caps), capsFirst(y.caps)) })
		}
		m.nodes[s].out, m.nodes[s].nout = int32(start), int32(len(out))
	}
}

func (b *builder) output(p int32) output {
	key := 0
	if p > 0 {
		key = b.keyEnd[p-1]
	}
	return output{key: int32(key), keyEnd: int32(b.keyEnd[p]), name: p, caps: shortCapitals(b.names[p].Text)}
}

func capsFirst(caps bool) int {
	if caps {
		return 0
	}
	return 1
}

// link sets the failure and dictionary links, shallow states first: a
// state's fail target is shallower than the state, so it is done before.
func (b *builder) link() {
	m := b.m
	first := make([]int32, m.depth+2) // states of depth d are order[first[d]:first[d+1]]
	for _, n := range m.nodes {
		first[n.depth+1]++
	}
	for d := 1; d < len(first); d++ {
		first[d] += first[d-1]
	}
	order := make([]int32, len(m.nodes))
	for u, n := range m.nodes {
		order[first[n.depth]] = int32(u)
		first[n.depth]++
	}
	edges := make([]bool, len(m.nodes))
	for _, p := range b.parent {
		edges[p] = p != 0
	}
	for _, u := range order {
		n := &m.nodes[u]
		if b.parent[u] != 0 { // the root and its children fail to the root
			id := b.token[u]
			n.fail = m.step(m.nodes[b.parent[u]].fail, id, b.root[id], b.gap[u])
			if f := &m.nodes[n.fail]; f.nout > 0 {
				n.dict = n.fail
			} else {
				n.dict = f.dict
			}
		}
		if edges[u] {
			n.try = u
		} else {
			n.try = m.nodes[n.fail].try
		}
	}
}

// finish stores each token's first-level state next to its id and sizes
// the ring of token positions.
func (b *builder) finish() {
	m := b.m
	for i := range m.vocab.slots {
		if s := &m.vocab.slots[i]; s.val != 0 {
			s.aux = b.root[s.val]
		}
	}
	m.depth = max(m.depth, 1)
	m.ring = 1
	for m.ring < m.depth {
		m.ring <<= 1
	}
}

// step moves the automaton by one known token, whose first-level state is
// root. The first token of a name may follow anything; later ones must be
// spaced as in the alias.
//
// States without edges of their own, most of the ends of names, are
// skipped on the way down the fail chain.
func (m *Matcher) step(state, id, root int32, gap uint8) int32 {
	for s := m.nodes[state].try; s != 0; s = m.nodes[m.nodes[s].fail].try {
		if to, _ := m.edges.get(edgeKey(s, id, gap)); to != 0 {
			return to
		}
	}
	return root
}

// lookup returns the id and first-level state of a token hash, or zeros
// when no alias has the token.
func (m *Matcher) lookup(h uint64) (id, root int32) {
	if !m.mayHave(h, true) {
		return 0, 0
	}
	return m.vocab.get(h)
}

func edgeKey(state, id int32, gap uint8) uint64 {
	return uint64(state)<<32 | uint64(id)<<1 | uint64(gap&1)
}

type tokPos struct{ start, startCP int }

type candidate struct {
	first, last    int // token indices, counting only the tokens of some alias
	start, end     int // bytes
	startCP, endCP int
	name           int32 // index in owners
}

// scratch is the working memory of a Find call. Calls take it from a pool,
// so that a call allocates little more than its result.
type scratch struct {
	ring    []tokPos    // where the last tokens of some alias start
	pending []candidate // hits that a later hit may still overlap
	kept    []candidate // hits settled, in text order
	taken   []bool
}

// Find returns the known names in body, sorted by position and without
// overlaps.
func (m *Matcher) Find(body string) []Match {
	if m == nil || len(m.outs) == 0 {
		return nil
	}
	sc, _ := m.scratch.Get().(*scratch)
	if sc == nil {
		sc = &scratch{ring: make([]tokPos, m.ring)}
	}
	res := resolver{m: m, scratch: sc}
	m.scan(body, &res)
	res.flush()
	out := res.matches(body)
	sc.pending, sc.kept = sc.pending[:0], sc.kept[:0]
	m.scratch.Put(sc)
	return out
}

// scan runs the automaton over body and hands every verified hit to res.
// Only tokens of some alias move the automaton and take a place in the
// ring; any other token sends it back to the root, and settles the held
// hits, since no later hit can reach back over it.
func (m *Matcher) scan(body string, res *resolver) {
	var (
		lx    = newLexer(body)
		ring  = res.ring
		mask  = m.ring - 1
		t     lexToken
		state int32
		n     int // tokens of some alias so far
	)
	for lx.next(&t) {
		// Most words are in no alias, or at the root, start none: the
		// pre-filter says so, here.
		if !m.mayHave(t.hash, state != 0) && !t.hasStem {
			state = 0
			if len(res.pending) > 0 {
				res.flush()
			}
			continue
		}
		id, root := m.lookup(t.hash)
		end, endCP := t.end, t.endCP
		if id == 0 && t.hasStem {
			if id, root = m.lookup(t.stemHash); id != 0 {
				end, endCP = t.stemEnd, t.stemEndCP
			}
		}
		if id == 0 || t.gap == gapBreak {
			state = 0
			if len(res.pending) > 0 {
				res.flush()
			}
			if id == 0 {
				continue
			}
		}
		ring[n&mask] = tokPos{t.start, t.startCP}
		if len(res.pending) > 0 && n-m.depth >= res.reach {
			res.flush()
		}
		state = m.step(state, id, root, t.gap)
		s := state
		if m.nodes[s].nout == 0 {
			s = m.nodes[s].dict
		}
		for ; s != 0; s = m.nodes[s].dict {
			nd := &m.nodes[s]
			first := n - int(nd.depth) + 1
			at := ring[first&mask]
			for i := range m.outs[nd.out : nd.out+nd.nout] {
				if o := &m.outs[int(nd.out)+i]; m.verify(o, body, at.start, end) {
					res.add(candidate{first, n, at.start, end, at.startCP, endCP, o.name})
					break
				}
			}
		}
		n++
	}
}

// verify checks a hit against the alias itself: the automaton compares
// hashes, the key comparison rules out a collision, and the case and
// currency rules apply here.
func (m *Matcher) verify(o *output, body string, start, end int) bool {
	text := body[start:end]
	if !keyEqual(text, m.keys[o.key:o.keyEnd]) {
		return false
	}
	if o.caps && !allCapitals(text) {
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
// A hit written like its key but for capitals, most hits, is settled by
// sameBytes; other ASCII text is compared byte by byte in a copy of
// appendKey's loop; anything else goes through appendKey.
func keyEqual(text, key string) bool {
	if len(text) == len(key) && sameBytes(text, key) {
		return true
	}
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

// sameBytes reports whether text, folded byte by byte with keyBytes, is
// key. Then appendKey(text) is key as well: keyBytes gives no byte of a
// key for a byte beyond ASCII or "&", and a key never holds two spaces in a
// row, a space at either end, or a mark next to anything but a separator,
// so text is single-spaced words and marks as the key has them. When it is
// not so, keyEqual compares the slow way.
func sameBytes(text, key string) bool {
	for i := 0; i < len(text); i++ {
		if keyBytes[text[i]] != key[i] {
			return false
		}
	}
	return true
}

// keyBytes folds a byte of text for sameBytes; 0xFE is never in a key.
var keyBytes = func() (k [256]byte) {
	for b := range k {
		switch {
		case b >= utf8.RuneSelf || b == '&':
			k[b] = 0xFE
		case asciiSpace[b] != 0:
			k[b] = ' '
		default:
			k[b] = asciiFold[b]
		}
	}
	return k
}()

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
	m *Matcher
	*scratch
	reach int // last token of the held hits
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
		r.kept = append(r.kept, r.pending[0])
	default:
		r.longest()
	}
	r.pending = r.pending[:0]
}

// better orders hits for the longest rule: longer first (in code points),
// then leftmost, then the name given first.
func better(a, b candidate) int {
	return cmp.Or(cmp.Compare(b.endCP-b.startCP, a.endCP-a.startCP), cmp.Compare(a.startCP, b.startCP),
		cmp.Compare(a.name, b.name))
}

// longest keeps, from the held hits, the longest ones that do not overlap,
// and keeps them in text order. Most often the best hit overlaps all the
// others (a surname inside a full name), and is the only one kept.
func (r *resolver) longest() {
	best := r.pending[0]
	for _, c := range r.pending[1:] {
		if better(c, best) < 0 {
			best = c
		}
	}
	if !slices.ContainsFunc(r.pending, func(c candidate) bool { return c.last < best.first || c.first > best.last }) {
		r.kept = append(r.kept, best)
		return
	}
	slices.SortFunc(r.pending, better)
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
	r.kept = append(r.kept, kept...)
}

// matches turns the kept hits into the result, allocated once at its size.
func (r *resolver) matches(body string) []Match {
	if len(r.kept) == 0 {
		return nil
	}
	out := make([]Match, len(r.kept))
	for i, c := range r.kept {
		o := r.m.owners[c.name]
		out[i] = Match{Span: model.Span{Start: c.startCP, End: c.endCP}, Text: body[c.start:c.end],
			ActorID: o.actor, DocumentID: o.document}
	}
	return out
}

// table maps 64-bit keys to pairs of numbers by open addressing with linear
// probing; a slot whose val is 0 is empty. The token table maps token hashes
// to token ids and first-level states; the edge table maps edgeKeys to
// states. Both are far smaller and quicker to read than Go maps.
type table struct {
	slots []slot
	shift uint // 64 - log2(len(slots))
	count int
}

type slot struct {
	key      uint64
	val, aux int32
}

// spread mixes a key for the tables (Fibonacci hashing: a product by
// 2^64/φ, whose top bits depend on every bit of the key).
func spread(key uint64) uint64 { return key * 0x9E3779B97F4A7C15 }

// filterBits is the size of each pre-filter of token hashes: 64 K bits,
// 8 KB. The filters stay in the first-level cache and turn away most words
// before the token table is read: the first, at the root, the words that
// start no name ("of"); the second, below the root, those in no name.
const filterBits = 1 << 16

func filterBit(h uint64, below bool) uint64 {
	return uint64(oneIf(below))*filterBits + spread(h)>>(64-16)
}

func (m *Matcher) setFilter(h uint64, below bool) {
	k := filterBit(h, below)
	m.filter[k/64] |= 1 << (k % 64)
}

// mayHave reports whether a token may be in a name (below the root) or
// start one (at the root).
func (m *Matcher) mayHave(h uint64, below bool) bool {
	k := filterBit(h, below)
	return m.filter[k/64]&(1<<(k%64)) != 0
}

// newTable returns a table for n keys, at most half full, where linear
// probing is short even for an absent key.
func newTable(n int) table {
	size, shift := 2, uint(63)
	for 2*n > size {
		size, shift = size<<1, shift-1
	}
	return table{slots: make([]slot, size), shift: shift}
}

// get returns the values of key, or zeros when it is absent.
func (t *table) get(key uint64) (val, aux int32) {
	mask := uint64(len(t.slots) - 1)
	for i := spread(key) >> t.shift; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.val == 0 {
			return 0, 0
		}
		if s.key == key {
			return s.val, s.aux
		}
	}
}

// put adds a key that is absent; val is not 0. The table doubles when it
// would be more than half full.
func (t *table) put(key uint64, val, aux int32) {
	if 2*(t.count+1) > len(t.slots) {
		old := t.slots
		*t = newTable(t.count + 1)
		for _, s := range old {
			if s.val != 0 {
				t.put(s.key, s.val, s.aux)
			}
		}
	}
	mask := uint64(len(t.slots) - 1)
	i := spread(key) >> t.shift
	for t.slots[i].val != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = slot{key: key, val: val, aux: aux}
	t.count++
}
