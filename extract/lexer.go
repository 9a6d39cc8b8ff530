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

// A token's hash is a rotate-and-xor of its folded runes: cheap enough for
// the inner loop, and exact for ASCII words of up to nine letters. It only
// steers the automaton (the Go map and a multiplicative pre-filter spread
// it): every hit is verified against the alias itself, so a collision costs
// time, never a wrong match.
const hashSeed = 0x9E3779B97F4A7C15

func mix(h uint64, r rune) uint64 { return bits.RotateLeft64(h, 7) ^ uint64(r) }

// hashAnd is the hash of "and", which "&" also takes: "economic & prosperity
// plan" and "economic and prosperity plan" are the same name.
var hashAnd = mix(mix(mix(hashSeed, 'a'), 'n'), 'd')

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
// other byte; asciiSpace marks ASCII whitespace. Both are indexed by any byte
// so that the compiler drops the bounds checks.
var asciiWord, asciiSpace = func() (w, sp [256]byte) {
	for b := range utf8.RuneSelf {
		switch asciiClass[b] {
		case wordClass:
			w[b] = asciiFold[b]
		case spaceClass:
			sp[b] = 1
		}
	}
	return w, sp
}()

// next reads the next token into t and reports whether there was one. It is
// the matcher's hot path: one function with the position in locals, and a
// separate branch for ASCII, which is most of most texts.
func (lx *lexer) next(t *lexToken) bool {
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
	t.gap = gapNone
	if newlines >= 2 {
		t.gap = gapBreak
	} else if spaced {
		t.gap = gapSpace
	}
	t.start, t.startCP, t.hasStem = i, i-extra, false
	h, prev := uint64(hashSeed), uint64(hashSeed)
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			f := asciiWord[c]
			if f == 0 {
				break
			}
			prev, h = h, bits.RotateLeft64(h, 7)^uint64(f)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		f, class := foldRune(lx.table, r)
		if class != wordClass && class != ignoreClass {
			break
		}
		if class == wordClass {
			prev, h = h, mix(h, f)
		}
		i += size
		extra += size - 1
	}
	if i == t.start {
		lx.punct(t)
		return true
	}
	lx.i, lx.extra = i, extra
	t.hash, t.end, t.endCP = h, i, i-extra
	if i-t.start > 1 && s[i-1] == 's' && i < len(s) && (s[i] == '\'' || s[i] >= utf8.RuneSelf) && lx.apostropheEnds() {
		t.hasStem, t.stemHash, t.stemEnd, t.stemEndCP = true, prev, i-1, i-1-extra
	}
	return true
}

// punct reads a one-rune punctuation token at i.
func (lx *lexer) punct(t *lexToken) {
	r, size := utf8.DecodeRuneInString(lx.s[lx.i:])
	f, _ := foldRune(lx.table, r)
	lx.i += size
	lx.extra += size - 1
	t.hash = mix(hashSeed, f)
	if f == '&' {
		t.hash = hashAnd
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
