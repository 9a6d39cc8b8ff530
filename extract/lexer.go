package extract

import (
	"math/bits"
	"unicode/utf8"
)

// The matcher's tokenizer. It reads a text once, folds it on the fly and
// reports each token as a 64-bit hash of its folded runes with its byte and
// code-point bounds, so that matching needs no copy of the text.

// What separates a token from the one before it.
const (
	gapNone  = 0 // adjacent: "28" "-" "point"
	gapSpace = 1 // whitespace, a single newline included
	gapBreak = 2 // a blank line: no name runs across it
)

// A token's hash is built from its folded text in UTF-8, eight bytes at a
// time (little-endian, the last group padded with zeros), each group mixed in
// with a rotate, an xor and a product by an odd number. An ASCII word is
// folded and hashed a whole group at a time, and the hash is exact (two
// tokens of up to eight bytes never share it). It only steers the
// automaton: every hit is verified against the alias itself, so a collision
// costs time, never a wrong match.
const (
	hashSeed = 0x9E3779B97F4A7C15
	hashMul  = 0xBF58476D1CE4E5B9
)

func mixGroup(h, group uint64) uint64 { return (bits.RotateLeft64(h, 29) ^ group) * hashMul }

// hasher hashes folded text byte by byte, for the tokens that are not plain
// ASCII; it gives the same hash as the ASCII path for the same folded text.
type hasher struct {
	h, group uint64
	n        uint // bytes in group
}

func newHasher() hasher { return hasher{h: hashSeed} }

func (x *hasher) byte(b byte) {
	x.group |= uint64(b) << (8 * x.n)
	if x.n++; x.n == 8 {
		x.h, x.group, x.n = mixGroup(x.h, x.group), 0, 0
	}
}

func (x *hasher) rune(r rune) {
	if r < utf8.RuneSelf {
		x.byte(byte(r))
		return
	}
	var buf [utf8.UTFMax]byte
	for _, b := range buf[:utf8.EncodeRune(buf[:], r)] {
		x.byte(b)
	}
}

func (x hasher) sum() uint64 {
	if x.n > 0 {
		return mixGroup(x.h, x.group)
	}
	return x.h
}

// hashAnd is the hash of "and", which "&" also takes: "economic & prosperity
// plan" and "economic and prosperity plan" are the same name.
var hashAnd = func() uint64 {
	x := newHasher()
	for _, b := range []byte("and") {
		x.byte(b)
	}
	return x.sum()
}()

type lexToken struct {
	hash           uint64
	start, end     int // bytes
	startCP, endCP int // code points
	gap            uint8
	// A word ending in "s" right before an apostrophe ("Witkoffs’") may be a
	// name in the plural possessive: stem is the word without its s.
	hasStem            bool
	stemHash           uint64
	stemEnd, stemEndCP int
}

type lexer struct {
	s     string
	table []uint32
	i     int // next byte
	extra int // bytes beyond the first of the multi-byte runes before i: i-extra is a code-point offset
}

func newLexer(s string) lexer { return lexer{s: s, table: foldTable()} }

// asciiWord is the folded byte of each ASCII word character and 0 for every
// other byte; asciiSpace marks ASCII whitespace; asciiPunct is the hash of
// each ASCII punctuation token. All are indexed by any byte so that the
// compiler drops the bounds checks.
var asciiWord, asciiSpace, asciiPunct = func() (w, sp [256]byte, p [256]uint64) {
	for b := range utf8.RuneSelf {
		switch asciiClass[b] {
		case wordClass:
			w[b] = asciiFold[b]
		case spaceClass:
			sp[b] = 1
		default:
			x := newHasher()
			x.rune(rune(asciiFold[b]))
			p[b] = x.sum()
		}
	}
	p['&'] = hashAnd
	return w, sp, p
}()

// next reads the next token into t and reports whether there was one. It is
// the matcher's hot path. Plain ASCII, most of most texts, is read here: the
// whitespace before the token, then a punctuation mark or a word, the word
// eight bytes at a time. Anything else near the token (a byte beyond ASCII,
// a possible plural possessive) sends the whole token to nextRunes.
func (lx *lexer) next(t *lexToken) bool {
	s, i := lx.s, lx.i
	if i >= len(s) {
		return false
	}
	// One space before a token is the rule and a mark right after a word
	// is common: step over a space without a branch.
	space := oneIf(s[i] == ' ')
	i += space
	gap := uint8(space)
	if i < len(s) && asciiSpace[s[i]] != 0 {
		newlines := 0
		for ; i < len(s) && asciiSpace[s[i]] != 0; i++ {
			if s[i] == '\n' {
				newlines++
			}
		}
		gap = gapOf(true, newlines)
	}
	if i >= len(s) {
		lx.i = i
		return false
	}
	start := i
	if c := s[i]; asciiWord[c] == 0 {
		if c >= utf8.RuneSelf {
			return lx.nextRunes(t)
		}
		t.hash = asciiPunct[c]
		i++
	} else {
		// The word, a group of eight bytes at a time while eight are left.
		h := uint64(hashSeed)
		for {
			if i+8 > len(s) {
				h, i = asciiTail(s, i, h)
				break
			}
			b := s[i : i+8]
			g := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
				uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
			n := bits.TrailingZeros64(^alnumBytes(g)&highBits) / 8
			// An ASCII letter or digit folds by setting its 0x20 bit.
			g |= 0x20 * bytesOf01
			if n == 8 {
				h = mixGroup(h, g)
				i += 8
				continue
			}
			if n > 0 {
				h = mixGroup(h, g&(1<<(8*n)-1))
				i += n
			}
			break
		}
		if i < len(s) && (s[i] >= utf8.RuneSelf || s[i] == '\'' && s[i-1] == 's') {
			return lx.nextRunes(t)
		}
		t.hash = h
	}
	lx.i = i
	t.gap = gap
	t.start, t.startCP, t.end, t.endCP, t.hasStem = start, start-lx.extra, i, i-lx.extra, false
	return true
}

func oneIf(b bool) int {
	if b {
		return 1
	}
	return 0
}

func gapOf(spaced bool, newlines int) uint8 {
	switch {
	case newlines >= 2:
		return gapBreak
	case spaced:
		return gapSpace
	}
	return gapNone
}

// Bytes of eight, for reading ASCII a group at a time.
const (
	bytesOf01 = 0x0101010101010101
	highBits  = 0x8080808080808080
)

// asciiTail goes on hashing, with h, the ASCII letters and digits from i
// when fewer than eight bytes are left, and returns the hash and where they
// end.
func asciiTail(s string, i int, h uint64) (uint64, int) {
	x := hasher{h: h}
	for ; i < len(s) && asciiWord[s[i]] != 0; i++ {
		x.byte(asciiWord[s[i]])
	}
	return x.sum(), i
}

// alnumBytes sets the high bit of each byte of g that is an ASCII letter or
// digit. Each sum and difference stays within its byte.
func alnumBytes(g uint64) uint64 {
	low := g &^ highBits
	digit := (low + (0x80-'0')*bytesOf01) & ((0x80+'9')*bytesOf01 - low)
	folded := low | 0x20*bytesOf01
	letter := (folded + (0x80-'a')*bytesOf01) & ((0x80+'z')*bytesOf01 - folded)
	return (digit | letter) &^ g & highBits
}

// nextRunes reads the next token like next, rune by rune: it folds
// through the table, skips the ignored runes and counts the code points of
// multi-byte runes.
func (lx *lexer) nextRunes(t *lexToken) bool {
	s, i, extra := lx.s, lx.i, lx.extra
	newlines, spaced := 0, false
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] == 0 {
				break
			}
			if c == '\n' {
				newlines++
			}
			spaced = true
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		_, class := foldRune(lx.table, r)
		if class != spaceClass && class != ignoreClass {
			break
		}
		if class == spaceClass {
			spaced = true
			if r == '\u2028' || r == '\u2029' {
				newlines++
			}
		}
		i += size
		extra += size - 1
	}
	lx.i, lx.extra = i, extra
	if i >= len(s) {
		return false
	}
	t.gap = gapOf(spaced, newlines)
	t.start, t.startCP, t.hasStem = i, i-extra, false
	h, prev := newHasher(), newHasher()
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			f := asciiWord[c]
			if f == 0 {
				break
			}
			prev = h
			h.byte(f)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		f, class := foldRune(lx.table, r)
		if class != wordClass && class != ignoreClass {
			break
		}
		if class == wordClass {
			prev = h
			h.rune(f)
		}
		i += size
		extra += size - 1
	}
	if i == t.start {
		lx.punct(t)
		return true
	}
	lx.i, lx.extra = i, extra
	t.hash, t.end, t.endCP = h.sum(), i, i-extra
	if i-t.start > 1 && s[i-1] == 's' && i < len(s) && (s[i] == '\'' || s[i] >= utf8.RuneSelf) && lx.apostropheEnds() {
		t.hasStem, t.stemHash, t.stemEnd, t.stemEndCP = true, prev.sum(), i-1, i-1-extra
	}
	return true
}

// punct reads a one-rune punctuation token at i.
func (lx *lexer) punct(t *lexToken) {
	r, size := utf8.DecodeRuneInString(lx.s[lx.i:])
	f, _ := foldRune(lx.table, r)
	lx.i += size
	lx.extra += size - 1
	if f < utf8.RuneSelf {
		t.hash = asciiPunct[f]
	} else {
		x := newHasher()
		x.rune(f)
		t.hash = x.sum()
	}
	t.end, t.endCP = lx.i, lx.i-lx.extra
}

// apostropheEnds reports whether an apostrophe follows at i and no word
// character follows the apostrophe.
func (lx *lexer) apostropheEnds() bool {
	if lx.i >= len(lx.s) {
		return false
	}
	r, size := utf8.DecodeRuneInString(lx.s[lx.i:])
	if f, _ := foldRune(lx.table, r); f != '\'' {
		return false
	}
	if lx.i+size >= len(lx.s) {
		return true
	}
	r, _ = utf8.DecodeRuneInString(lx.s[lx.i+size:])
	_, class := foldRune(lx.table, r)
	return class != wordClass
}

// appendKey appends the folded form of s that two spellings of one name
// share: tokens in folded runes, joined by a space where the text has
// whitespace and by 0xFF (never part of UTF-8) where the tokens touch.
func appendKey(buf []byte, s string) []byte {
	table := foldTable()
	started, spaced, inWord := false, false, false
	for _, r := range s {
		f, class := foldRune(table, r)
		switch class {
		case ignoreClass:
			continue
		case spaceClass:
			spaced, inWord = true, false
			continue
		case wordClass:
			if inWord {
				buf = utf8.AppendRune(buf, f)
				continue
			}
			inWord = true
		default:
			inWord = false
		}
		if started {
			if spaced {
				buf = append(buf, ' ')
			} else {
				buf = append(buf, 0xFF)
			}
		}
		started, spaced = true, false
		if f == '&' {
			buf = append(buf, "and"...)
		} else {
			buf = utf8.AppendRune(buf, f)
		}
	}
	return buf
}
