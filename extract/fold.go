package extract

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Rune classes. Text is cut into tokens: runs of word characters, and single
// punctuation characters; whitespace separates tokens and is not one.
const (
	spaceClass  = iota // separates tokens
	wordClass          // letters and digits
	punctClass         // any other visible character: a token on its own
	ignoreClass        // combining marks and invisible format characters: part of the word they follow, folded to nothing
)

// Folding makes two spellings of a name compare equal: case, diacritics
// ("Zelenskýy" = "Zelenskyy"), typographic quotes and apostrophes, and dash
// variants. One rune folds to one rune (or to nothing, for ignored runes), so
// a folded token keeps the token boundaries of the original text.

// foldTableSize covers Latin, Greek, Cyrillic and the other alphabets with
// case and diacritics, and the general punctuation block with its quotes.
// Runes above it are folded by foldSlow.
const foldTableSize = 0x3000

// foldTable holds, for each rune below foldTableSize, its folded rune in the
// low 24 bits and its class in the high 8.
var foldTable = sync.OnceValue(buildFoldTable)

// buildFoldTable gives what foldSlow gives, but from the Unicode range
// tables, category by category, rather than by asking about each rune, so
// that the first text matched does not wait long for it.
func buildFoldTable() []uint32 {
	class := make([]uint8, foldTableSize)
	for r := range class {
		class[r] = punctClass
	}
	// Later marks win, as earlier cases win in foldSlow.
	for _, c := range []struct {
		tables []*unicode.RangeTable
		class  uint8
	}{
		{[]*unicode.RangeTable{unicode.L, unicode.N, unicode.Mc}, wordClass},
		{[]*unicode.RangeTable{unicode.Mn, unicode.Me, unicode.Cf}, ignoreClass},
		{[]*unicode.RangeTable{unicode.White_Space}, spaceClass},
	} {
		for _, rt := range c.tables {
			markRanges(class, rt, c.class)
		}
	}
	t := make([]uint32, foldTableSize)
	for r, c := range class {
		var f rune
		switch c {
		case spaceClass:
			f = ' '
		case wordClass:
			f = stripMarks(unicode.ToLower(rune(r)))
		case punctClass:
			f = rune(r)
		}
		t[r] = uint32(f) | uint32(c)<<24
	}
	for q, f := range quoteFolds {
		if q < foldTableSize && class[q] == punctClass {
			t[q] = uint32(f) | punctClass<<24
		}
	}
	return t
}

// markRanges sets the class of the runes of rt below foldTableSize.
func markRanges(class []uint8, rt *unicode.RangeTable, c uint8) {
	for _, rg := range rt.R16 {
		for r := int(rg.Lo); r <= int(rg.Hi) && r < foldTableSize; r += int(rg.Stride) {
			class[r] = c
		}
	}
	for _, rg := range rt.R32 {
		for r := int(rg.Lo); r <= int(rg.Hi) && r < foldTableSize; r += int(rg.Stride) {
			class[r] = c
		}
	}
}

// asciiFold and asciiClass are the fold table for single bytes, kept apart so
// that the hot loop of the matcher needs no call to reach them.
var asciiFold, asciiClass = func() (f [utf8.RuneSelf]byte, c [utf8.RuneSelf]uint8) {
	for b := range utf8.RuneSelf {
		r, cl := foldSlow(rune(b))
		f[b], c[b] = byte(r), uint8(cl)
	}
	return f, c
}()

// foldRune folds one rune with the table when it can.
func foldRune(table []uint32, r rune) (rune, int) {
	if r >= 0 && r < foldTableSize {
		v := table[r]
		return rune(v & 0xFFFFFF), int(v >> 24)
	}
	return foldSlow(r)
}

// quoteFolds maps typographic quotes, apostrophes and dashes to their plain
// forms. Guillemets and low quotes are quotation marks too.
var quoteFolds = map[rune]rune{
	'‘': '\'', '’': '\'', '‚': '\'', '‛': '\'', '′': '\'', '`': '\'', '´': '\'', 'ʼ': '\'', '＇': '\'',
	'“': '"', '”': '"', '„': '"', '‟': '"', '″': '"', '«': '"', '»': '"', '〝': '"', '〞': '"', '＂': '"',
	'‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-', '―': '-', '−': '-', '﹣': '-', '－': '-',
}

// letterFolds strips the marks of letters that Unicode does not decompose.
var letterFolds = map[rune]rune{
	'ł': 'l', 'đ': 'd', 'ø': 'o', 'ħ': 'h', 'ı': 'i', 'ŧ': 't', 'ſ': 's', 'ŀ': 'l', 'ƚ': 'l', 'ɨ': 'i',
	'ς': 'σ', 'ẞ': 'ß',
}

// foldSlow computes the fold of any rune.
func foldSlow(r rune) (rune, int) {
	switch {
	case r == utf8.RuneError:
		return r, punctClass
	case unicode.IsSpace(r):
		return ' ', spaceClass
	case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.Is(unicode.Cf, r):
		return 0, ignoreClass
	case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mc, r):
		return stripMarks(unicode.ToLower(r)), wordClass
	}
	if q, ok := quoteFolds[r]; ok {
		return q, punctClass
	}
	return r, punctClass
}

// stripMarks removes the diacritics of a lower-case letter: the letter's
// canonical decomposition is a base letter followed by non-spacing marks.
// Letters whose decomposition is something else (Hangul syllables) stay.
func stripMarks(r rune) rune {
	if f, ok := letterFolds[r]; ok {
		return f
	}
	if r < 0xC0 || r >= foldTableSize {
		return r
	}
	var buf [utf8.UTFMax]byte
	d := norm.NFD.Properties(buf[:utf8.EncodeRune(buf[:], r)]).Decomposition()
	if len(d) == 0 {
		return r
	}
	base, size := utf8.DecodeRune(d)
	for d = d[size:]; len(d) > 0; d = d[size:] {
		var m rune
		if m, size = utf8.DecodeRune(d); !unicode.Is(unicode.Mn, m) {
			return r
		}
	}
	if f, ok := letterFolds[base]; ok {
		return f
	}
	return base
}

// foldString folds a whole string rune by rune, dropping ignored runes and
// turning every run of whitespace into one space. It is for short strings
// (names, titles) that are compared, never for positions.
func foldString(s string) string {
	table := foldTable()
	out := make([]rune, 0, len(s))
	space := false
	for _, r := range s {
		f, c := foldRune(table, r)
		switch c {
		case ignoreClass:
			continue
		case spaceClass:
			space = len(out) > 0
			continue
		}
		if space {
			out = append(out, ' ')
			space = false
		}
		out = append(out, f)
	}
	return string(out)
}
