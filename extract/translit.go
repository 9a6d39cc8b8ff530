package extract

import (
	"strings"
	"unicode"
)

// News copy quotes posts in Cyrillic next to their translation, so one
// person appears as "Олег Дорвович" and "Oleh Dorvovych". Names are compared
// across the two scripts by transliterating the Cyrillic one and allowing
// the small differences between transliteration systems (г as h or g, и as
// y or i).

var cyrillicLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "h", 'ґ': "g", 'д': "d", 'е': "e", 'є': "ye", 'ж': "zh", 'з': "z",
	'и': "y", 'і': "i", 'ї': "yi", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p",
	'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ь': "", 'ъ': "", 'ю': "yu", 'я': "ya", 'ы': "y", 'э': "e", 'ё': "e", 'ў': "u",
}

func hasCyrillic(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) })
}

// transliterate writes a folded Cyrillic word in Latin letters; other
// letters stay as they are.
func transliterate(f string) string {
	var b strings.Builder
	for _, r := range f {
		if l, ok := cyrillicLatin[unicode.ToLower(r)]; ok {
			b.WriteString(l)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// sameWordAcrossScripts reports whether two folded words are one name
// written in Cyrillic and in Latin letters.
func sameWordAcrossScripts(a, b string) bool {
	if hasCyrillic(a) == hasCyrillic(b) {
		return false
	}
	d, ok := scriptDistance(a, b)
	return ok && d >= 0
}

// scriptDistance is the edit distance between a Cyrillic and a Latin
// spelling once transliterated, when it is small enough: 1 below eight
// letters, 2 from eight.
func scriptDistance(a, b string) (int, bool) {
	ta, tb := []rune(transliterate(a)), []rune(transliterate(b))
	limit := 1
	if min(len(ta), len(tb)) >= 8 {
		limit = 2
	}
	if abs(len(ta)-len(tb)) > limit {
		return 0, false
	}
	d := editDistance(ta, tb)
	return d, d <= limit
}

// sameNameAcrossScripts compares two folded names word by word.
func sameNameAcrossScripts(a, b []string) bool {
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	for i := range a {
		if !sameWordAcrossScripts(a[i], b[i]) {
			return false
		}
	}
	return true
}
