package gen

import (
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"
)

// culture is a naming tradition: people of a state take their first names
// and surname syllables from its culture. Surnames are always assembled from
// syllables so that no full name belongs to a real person.
type culture struct {
	male, female   []string
	surPre, surSuf []string
	cyrillic       bool // names can also be written in Cyrillic
}

var cultures = []culture{
	{ // East Slavic-like, transliterated, with Cyrillic forms
		male:     []string{"Bohdan", "Miroslav", "Stanislav", "Yaroslav", "Oleh", "Vadym", "Taras", "Dmytro", "Andriy", "Petro", "Roman", "Yuriy", "Kyrylo", "Borys"},
		female:   []string{"Oksana", "Milena", "Zoryana", "Vesna", "Darina", "Olena", "Iryna", "Larysa", "Nataliya", "Halyna", "Yuliya", "Tetyana"},
		surPre:   []string{"Dorv", "Hrab", "Zarud", "Stoln", "Velyk", "Kovd", "Lyub", "Tarn", "Brov", "Mirch", "Sokh", "Yarv", "Hlib", "Sydor", "Kharyt", "Bulav", "Myrk", "Zhovt"},
		surSuf:   []string{"enko", "chuk", "ovych", "iv", "yak", "uk", "ets", "ynsky", "ko", "an"},
		cyrillic: true,
	},
	{ // West Slavic-like, with diacritics
		male:   []string{"Jarosław", "Radosław", "Zbigniew", "Mieczysław", "Wojciech", "Tadeusz", "Przemysław", "Bolesław", "Radomił"},
		female: []string{"Bożena", "Małgorzata", "Łucja", "Jadwiga", "Grażyna", "Agnieszka", "Dorota", "Elżbieta"},
		surPre: []string{"Wiś", "Krześ", "Żmud", "Brzez", "Łęcz", "Szczep", "Kwiel", "Sędz", "Mroż", "Pieś", "Trzask", "Gąs"},
		surSuf: []string{"niak", "owski", "ewicz", "ański", "ek", "czyk", "alski", "iński"},
	},
	{ // Baltic-like
		male:   []string{"Tomas", "Andres", "Kaspars", "Jānis", "Mārtiņš", "Rein", "Indrek", "Aivars", "Toomas", "Raimonds"},
		female: []string{"Liene", "Kadri", "Maarja", "Ilze", "Kristiina", "Signe", "Ieva", "Anneli", "Māra", "Kärt"},
		surPre: []string{"Reb", "Kask", "Lepp", "Vilk", "Kalv", "Ozol", "Bērz", "Liep", "Saarn", "Tõnn", "Ruml", "Kuusk"},
		surSuf: []string{"ane", "ik", "maa", "sar", "iņš", "ups", "ītis", "ste", "urs", "mets"},
	},
	{ // Mediterranean-like
		male:   []string{"Matteo", "Nikos", "Stefano", "Dario", "Aurelio", "Vasilis", "Lorenzo", "Yannis", "Emilio", "Spyros"},
		female: []string{"Andrea", "Ilaria", "Eleni", "Sofia", "Chiara", "Marina", "Despina", "Livia", "Rosalba", "Ioanna"},
		surPre: []string{"Kolv", "Stam", "Vesp", "Marv", "Dell", "Caron", "Papad", "Lucc", "Ferr", "Bellant", "Sarv", "Zorb"},
		surSuf: []string{"ani", "atis", "ello", "ari", "opoulos", "esi", "ini", "akis", "one", "etti"},
	},
	{ // Nordic-like
		male:   []string{"Søren", "Henrik", "Bjørn", "Anders", "Magnus", "Leif", "Eirik", "Torbjørn", "Håkon", "Jens"},
		female: []string{"Ingrid", "Astrid", "Sigrid", "Hanne", "Solveig", "Karin", "Linnea", "Ragnhild", "Maja", "Tove"},
		surPre: []string{"Hald", "Lind", "Berg", "Ås", "Strøm", "Vest", "Hjel", "Nord", "Fjell", "Krog", "Skov", "Tveit"},
		surSuf: []string{"rup", "qvist", "holm", "lund", "gaard", "strand", "vik", "by", "mark", "dahl"},
	},
	{ // Anglophone-like
		male:   []string{"Daniel", "Robert", "Gregory", "Thomas", "Walter", "Howard", "Steven", "Jonathan", "Russell", "Curtis"},
		female: []string{"Caroline", "Margaret", "Julia", "Diane", "Allison", "Rebecca", "Meredith", "Lauren", "Brenda", "Heather"},
		surPre: []string{"Hark", "Pend", "Quill", "Carr", "Tull", "Brad", "Fenn", "Lock", "Marl", "Thorn", "Wex", "Ambr"},
		surSuf: []string{"well", "erby", "ford", "ington", "wick", "ridge", "ley", "ton", "croft", "more"},
	},
}

// nicknames give a second spelling of a first name, as outlets differ.
var nicknames = map[string]string{
	"Steven": "Steve", "Jonathan": "Jon", "Thomas": "Tom", "Daniel": "Dan", "Gregory": "Greg",
	"Andriy": "Andrii", "Yuriy": "Yurii", "Nikos": "Nikolaos", "Yannis": "Ioannis", "Vasilis": "Vassilis",
}

var (
	placePre  = []string{"Tal", "Sor", "Ost", "Bran", "Kor", "Mar", "Dun", "Ros", "Hel", "Nov", "Zel", "Bel", "Grav", "Stav", "Lev", "Orm", "Vid", "Kem", "Ul", "Ard", "Pry", "Jask", "Olt", "Tesk"}
	placeSuf  = []string{"vik", "grad", "burg", "ova", "ice", "opol", "mund", "sk", "stad", "haven", "mor", "ara", "ens", "ino", "ec", "orf"}
	statePre  = []string{"Vel", "Kast", "Morv", "Ostr", "Brav", "Selv", "Dur", "Tarn", "Ilm", "Zar", "Kor", "Var", "Mel", "Ard", "Lut", "Pel", "Hov", "Sar", "Trev", "Eld", "Noss", "Quar", "Fen", "Gal"}
	stateSuf  = []string{"oria", "ovia", "enia", "ania", "onia", "avia", "esia", "ara", "ethia", "ustia", "eria", "ivia"}
	realNames = map[string]bool{"armenia": true, "moravia": true, "slovenia": true, "serbia": true, "albania": true, "estonia": true, "latvia": true, "bolivia": true, "nigeria": true, "algeria": true, "liberia": true, "iberia": true, "siberia": true, "galicia": true, "bulgaria": true, "romania": true, "tanzania": true, "valeria": true}
)

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// registry keeps every generated name unique (case-insensitively) and apart
// from the words the templates use, so each alias points at one entity.
type registry struct {
	used     map[string]bool
	reserved map[string]bool
}

func newRegistry() *registry {
	return &registry{used: map[string]bool{}, reserved: reservedWords()}
}

// claim takes all names or none of them.
func (g *registry) claim(names ...string) bool {
	for i, n := range names {
		k := strings.ToLower(n)
		if k == "" || g.used[k] || realNames[k] || (!strings.Contains(k, " ") && g.reserved[k]) {
			return false
		}
		for _, m := range names[:i] {
			if strings.EqualFold(m, n) {
				return false
			}
		}
	}
	for _, n := range names {
		g.used[strings.ToLower(n)] = true
	}
	return true
}

// fresh draws names from make until one can be claimed; make gets the number
// of failed attempts so that it can build longer names as the registry fills.
func (g *registry) fresh(make func(try int) string) string {
	for try := 0; ; try++ {
		if n := make(try); g.claim(n) {
			return n
		}
	}
}

var midSyllables = []string{"an", "el", "or", "is", "ul", "ar", "en", "ov"}

// compose joins a prefix and a suffix, with more middle syllables the more
// attempts have failed, so that name spaces never run out.
func compose(r *rand.Rand, pre, suf []string, try int) string {
	s := pick(r, pre)
	for range min(try/40, 4) {
		s += pick(r, midSyllables)
	}
	return s + pick(r, suf)
}

func placeName(r *rand.Rand, try int) string {
	n := compose(r, placePre, placeSuf, try)
	if r.IntN(12) == 0 {
		return "Port " + n
	}
	return n
}

func stateName(r *rand.Rand, try int) string { return compose(r, statePre, stateSuf, try) }

func demonym(state string) string {
	if strings.HasSuffix(state, "a") {
		return state + "n"
	}
	return state + "ian"
}

// stripDiacritics gives the plain-ASCII spelling some outlets use.
func stripDiacritics(s string) string {
	var b strings.Builder
	for _, c := range s {
		if p, ok := plainLetters[c]; ok {
			b.WriteString(p)
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

var plainLetters = map[rune]string{
	'ł': "l", 'Ł': "L", 'ś': "s", 'Ś': "S", 'ż': "z", 'Ż': "Z", 'ź': "z", 'ć': "c", 'ń': "n", 'ó': "o",
	'ę': "e", 'ą': "a", 'ā': "a", 'Ā': "A", 'ē': "e", 'ī': "i", 'ū': "u", 'ņ': "n", 'š': "s", 'Š': "S",
	'ž': "z", 'Ž': "Z", 'č': "c", 'Č': "C", 'ø': "o", 'Ø': "O", 'å': "a", 'Å': "A", 'æ': "ae", 'é': "e",
	'á': "a", 'í': "i", 'ř': "r", 'ě': "e", 'ý': "y", 'ä': "a", 'õ': "o", 'Õ': "O", 'ö': "o", 'ü': "u",
}

func hasDiacritics(s string) bool { return stripDiacritics(s) != s }

// cyrillicLetters transliterates the romanised East Slavic-like names back
// into Cyrillic; longer sequences first.
var cyrillicLetters = []struct{ lat, cyr string }{
	{"shch", "щ"}, {"zh", "ж"}, {"kh", "х"}, {"ch", "ч"}, {"sh", "ш"}, {"ts", "ц"},
	{"ya", "я"}, {"yu", "ю"}, {"ye", "е"}, {"iy", "ий"},
	{"a", "а"}, {"b", "б"}, {"v", "в"}, {"h", "г"}, {"g", "г"}, {"d", "д"}, {"e", "е"}, {"z", "з"},
	{"i", "и"}, {"y", "и"}, {"k", "к"}, {"l", "л"}, {"m", "м"}, {"n", "н"}, {"o", "о"}, {"p", "п"},
	{"r", "р"}, {"s", "с"}, {"t", "т"}, {"u", "у"}, {"f", "ф"},
}

func cyrillic(word string) string {
	low := strings.ToLower(word)
	var b strings.Builder
	for low != "" {
		matched := false
		for _, l := range cyrillicLetters {
			if strings.HasPrefix(low, l.lat) {
				b.WriteString(l.cyr)
				low = low[len(l.lat):]
				matched = true
				break
			}
		}
		if !matched {
			_, n := utf8.DecodeRuneInString(low)
			b.WriteString(low[:n])
			low = low[n:]
		}
	}
	return capitalised(b.String())
}

// capitalised upper-cases the first letter of any script.
func capitalised(s string) string {
	c, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(c)) + s[n:]
}

// acronym takes the initials of the capitalised words: "Council of Northern
// States" gives "CNS".
func acronym(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		c, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(c) && c < utf8.RuneSelf {
			b.WriteRune(c)
		}
	}
	return b.String()
}

func titleCase(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		if i > 0 && (w == "of" || w == "on" || w == "for" || w == "and" || w == "the") {
			continue
		}
		ws[i] = capitalised(w)
	}
	return strings.Join(ws, " ")
}

// straightened swaps typographic quotes and apostrophes for ASCII ones.
var straightened = strings.NewReplacer("“", "\"", "”", "\"", "‘", "'", "’", "'")
