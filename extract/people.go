package extract

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier/model"
)

// People are found from three kinds of evidence, strongest first:
//
//   - a title written before the name: "Kremlin spokesman Dmitry Peskov",
//     "Ukraine’s chief negotiator, Rustem Umerov", "President Putin",
//     "Mr Bellantani";
//   - a role in apposition after the name: "Jared Kushner, a son-in-law of …";
//   - a name of two to four capitalised words that comes back (in full or by
//     its last word) or that a reporting verb goes with ("… Oleh Dorvovych
//     wrote").
//
// A surname alone is then a mention of the person with that full name, and
// a lone surname after a title ("President Putin") is a person of its own
// when no full name ends with it.

// personHit is one place where the text names a person.
type personHit struct {
	a, b     int // token range of the name
	role     string
	evidence string
	rank     int // how good the role evidence is: lower is better
}

// person is a proposal being assembled.
type person struct {
	name     string
	key      []string   // folded name words
	alt      [][]string // the name in other scripts ("Олег Дорвович" for "Oleh Dorvovych")
	cyrillic bool       // key is in Cyrillic
	role     string
	roleRank int
	evidence string
	span     model.Span
	first    int // token index of the first sighting, for ordering
	mentions []model.Span
}

const (
	rankTitleFull = iota
	rankApposition
	rankTitleSurname
	rankNone
)

// isNameWord reports whether token i can be part of a person's name.
func (d *doc) isNameWord(i int) bool {
	if i < 0 || i >= len(d.toks) {
		return false
	}
	t := d.toks[i]
	if t.kind != tWord || !t.upper || t.caps || utf8.RuneCountInString(t.s) < 2 {
		return false
	}
	if strings.ContainsFunc(t.s, unicode.IsDigit) {
		return false
	}
	f := t.f
	return !functionWords[f] && !months[f] && !weekdays[f] && !honorifics[f] && !titleHeads[f] &&
		!rankHeads[f] && !titleModifiers[f] && !orgHeads[f] && !stateHeads[f] && !reportingVerbs[f]
}

// particles may stand between the words of a name: "Ursula von der Leyen".
var particles = wordSet(`de da di du van von der den ter le la bin ibn al el dos das do del della`)

// spacedAfter reports whether token i follows token i-1 on the same line,
// separated by whitespace only.
func (d *doc) spacedAfter(i int) bool {
	return i > 0 && i < len(d.toks) && d.toks[i].space && !d.toks[i].newline
}

// nameRun returns the end of the name that starts at token i: up to four
// name words, with particles between them. It returns i when none starts there.
func (d *doc) nameRun(i int) int {
	if !d.isNameWord(i) {
		return i
	}
	end, words := i+1, 1
	for j := i + 1; j < len(d.toks) && words < 4 && d.spacedAfter(j); j++ {
		if d.isNameWord(j) {
			end, words = j+1, words+1
			continue
		}
		if d.toks[j].kind == tWord && particles[d.toks[j].s] && d.isNameWord(j+1) && d.spacedAfter(j+1) {
			continue
		}
		break
	}
	return end
}

// findPeople returns the people the text names.
func (d *doc) findPeople() []*person {
	var hits []personHit
	hits = append(hits, d.titledNames()...)
	hits = append(hits, d.appositions()...)
	hits = append(hits, d.recurringNames(hits)...)
	people := d.gatherPeople(hits)
	d.addMentions(people)
	return people
}

// titledNames finds names written right after a title.
func (d *doc) titledNames() []personHit {
	var hits []personHit
	for i, t := range d.toks {
		if t.kind != tWord || t.quote != 0 || !d.isTitleHead(i) {
			continue
		}
		j, comma := i+1, false
		if j < len(d.toks) && d.toks[j].s == "," {
			j, comma = j+1, true
		}
		if !d.spacedAfter(j) {
			continue
		}
		e := d.nameRun(j)
		if e == j || comma && e-j < 2 || e-j == 1 && !d.loneSurname(j) {
			continue
		}
		role, rank := d.roleBefore(i), rankTitleFull
		if e-j == 1 {
			rank = rankTitleSurname
		}
		hits = append(hits, personHit{a: j, b: e, role: role, evidence: "title before the name", rank: rank})
	}
	return hits
}

func (d *doc) isTitleHead(i int) bool {
	t := d.toks[i]
	return titleHeads[t.f] || honorifics[t.f] || t.upper && rankHeads[t.f] || d.chiefOfStaff(i)
}

// chiefOfStaff reports whether token i ends the title "chief of staff".
func (d *doc) chiefOfStaff(i int) bool {
	return i > 1 && d.toks[i].f == "staff" && d.toks[i-1].f == "of" && d.toks[i-2].f == "chief"
}

// loneSurname reports whether the single capitalised word at j, after a
// title, reads as a surname: it does not go on into a longer noun phrase
// ("chief Russian negotiator") and is not a place or a nation.
func (d *doc) loneSurname(j int) bool {
	if k := j + 1; k < len(d.toks) && d.spacedAfter(k) {
		if f := d.toks[k].f; titleHeads[f] || orgHeads[f] || docHeads[f] != "" || titleModifiers[f] {
			return false
		}
	}
	return !isGazetteerWord(d.toks[j].f)
}

// roleBefore returns the title that ends at token i: the head, the title
// words before it and a short capitalised qualifier ("Kremlin", "US", "Sarvik
// Palace", "Council of Coastal States"), but not a possessor ("Ukraine’s").
func (d *doc) roleBefore(i int) string {
	if honorifics[d.toks[i].f] {
		return ""
	}
	k := i
	if d.chiefOfStaff(i) {
		k = i - 2
	}
	for k > 0 && d.spacedAfter(k) && d.toks[k-1].kind == tWord && (titleModifiers[d.toks[k-1].f] || titleHeads[d.toks[k-1].f]) {
		k--
	}
	k = d.qualifierBefore(k)
	return d.textOf(k, i+1)
}

// qualifierBefore extends a title leftwards over capitalised words, with
// "of", "for" and "and" allowed between them, up to six words.
func (d *doc) qualifierBefore(k int) int {
	start := k
	for n := 0; n < 6 && k > 0 && d.spacedAfter(k); n++ {
		p := d.toks[k-1]
		if p.kind == tWord && p.upper && !functionWords[p.f] && !months[p.f] && !weekdays[p.f] {
			k--
			start = k
			continue
		}
		if p.kind == tWord && (p.f == "of" || p.f == "for" || p.f == "and") && k-1 > 0 && d.spacedAfter(k-1) &&
			d.toks[k-2].upper && d.toks[k-2].kind == tWord && !functionWords[d.toks[k-2].f] {
			k--
			continue
		}
		break
	}
	return start
}

// appositions finds a role given after a name, between commas:
// "Jared Kushner, a son-in-law of President Trump." or "Andrea Kolvani,
// Veloria’s foreign minister, said".
func (d *doc) appositions() []personHit {
	var hits []personHit
	for i := 0; i < len(d.toks); i++ {
		e := d.nameRun(i)
		if e-i < 2 || (i > 0 && d.isNameWord(i-1)) {
			i = max(i, e-1)
			continue
		}
		if role, ok := d.roleAfter(e); ok && d.toks[i].quote == 0 {
			hits = append(hits, personHit{a: i, b: e, role: role, evidence: "role after the name", rank: rankApposition})
		}
		i = e - 1
	}
	return hits
}

// roleAfter reads ", [a|an|the|X’s] role," starting at token e.
func (d *doc) roleAfter(e int) (string, bool) {
	if e+1 >= len(d.toks) || d.toks[e].s != "," || d.toks[e+1].para != d.toks[e].para {
		return "", false
	}
	k := e + 1
	switch {
	case d.toks[k].f == "a" || d.toks[k].f == "an" || d.toks[k].f == "the":
		k++
	case k+1 < len(d.toks) && d.toks[k].upper && d.toks[k+1].kind == tPoss:
		k += 2
	}
	start, headed := k, false
	for ; k < len(d.toks) && k-start < 9 && d.toks[k].para == d.toks[e].para; k++ {
		t := d.toks[k]
		if t.kind == tPunct && !(t.f == "'" && !t.space) || t.kind == tPoss {
			break // a plural possessive stays: "the Workers’ Party"
		}
		if t.kind == tWord && !t.upper && reportingVerbs[t.f] {
			return "", false
		}
		headed = headed || titleHeads[t.f] || kinWords[t.f]
	}
	if !headed || k == start || k >= len(d.toks) || !strings.Contains(",.;", d.toks[k].s) {
		return "", false
	}
	return d.textOf(start, k), true
}

// recurringNames finds names of two to four words that the text comes back
// to, or that a reporting verb goes with, among those no title introduced.
func (d *doc) recurringNames(titled []personHit) []personHit {
	seen := map[int]bool{}
	for _, h := range titled {
		seen[h.a] = true
	}
	type run struct{ a, b int }
	byKey := map[string][]run{}
	var order []string
	for i := 0; i < len(d.toks); i++ {
		e := d.nameRun(i)
		if e == i {
			continue
		}
		if e-i >= 2 && !seen[i] && d.plainName(i, e) {
			k := d.foldedKey(i, e)
			if byKey[k] == nil {
				order = append(order, k)
			}
			byKey[k] = append(byKey[k], run{i, e})
		}
		i = e - 1
	}
	var hits []personHit
	for _, k := range order {
		runs := byKey[k]
		r := runs[0]
		switch {
		case len(runs)+d.countSurname(d.toks[r.b-1].f, r.b) >= 2:
			hits = append(hits, personHit{a: r.a, b: r.b, evidence: "named more than once", rank: rankNone})
		default:
			for _, r := range runs {
				if d.reported(r.a, r.b) {
					hits = append(hits, personHit{a: r.a, b: r.b, evidence: "named with a reporting verb", rank: rankNone})
					break
				}
				if d.actsAsSubject(r.a, r.b) {
					hits = append(hits, personHit{a: r.a, b: r.b, evidence: "named as the subject of a verb", rank: rankNone})
					break
				}
			}
		}
	}
	return hits
}

// plainName reports whether the run [a, b) can be a person's name: outside
// quotations and headings, not a place ("Port Belec", "Black Sea"), not
// after an article or a preposition of place.
func (d *doc) plainName(a, b int) bool {
	t := d.toks[a]
	if t.quote != 0 || d.heading[t.para] {
		return false
	}
	for k := a; k < b; k++ {
		if placeWords[d.toks[k].f] || isGazetteerWord(d.toks[k].f) {
			return false
		}
	}
	if b < len(d.toks) && d.toks[b].f == "'" && !d.toks[b].space {
		b++ // "Kororf Mothers’ Committee"
	}
	if b < len(d.toks) && d.spacedAfter(b) && d.toks[b].upper && (orgHeads[d.toks[b].f] || stateHeads[d.toks[b].f]) {
		return false // "Silver Hand Legion"
	}
	if a > 0 && d.toks[a-1].para == t.para {
		switch d.toks[a-1].f {
		case "the", "a", "an", "in", "from", "at", "near", "outside", "across", "into", "towards", "toward":
			return false
		}
	}
	return true
}

// countSurname counts the capitalised tokens equal to a surname outside
// quotations, other than the one ending at token end.
func (d *doc) countSurname(f string, end int) int {
	n := 0
	for _, i := range d.capitals[f] {
		if i != end-1 && d.toks[i].quote == 0 && !d.isNameWord(i-1) && !d.isNameWord(i+1) {
			n++
		}
	}
	return n
}

// reported reports whether a reporting verb goes with the name [a, b):
// "Dorvovych wrote", "said Dorvovych", "according to Dorvovych".
func (d *doc) reported(a, b int) bool {
	k := b
	for k < len(d.toks) && d.toks[k].kind == tWord && betweenSubjectAndVerb[d.toks[k].f] {
		k++
	}
	if k < len(d.toks) && d.toks[k].kind == tWord && !d.toks[k].upper && reportingVerbs[d.toks[k].f] {
		return true
	}
	if a > 0 && d.toks[a-1].kind == tWord && reportingVerbs[d.toks[a-1].f] && !d.toks[a-1].upper {
		return true
	}
	return a > 1 && d.toks[a-1].f == "to" && d.toks[a-2].f == "according"
}

// actsAsSubject reports whether the name [a, b) opens a clause (at the start
// of a sentence or after a comma or "and") and a verb in the past tense
// follows it: "Liene Tõnnane signed an order", "Ieva Kalvītis travelled".
func (d *doc) actsAsSubject(a, b int) bool {
	if a > 0 && d.toks[a-1].sent == d.toks[a].sent && d.toks[a-1].s != "," && d.toks[a-1].f != "and" {
		return false
	}
	if b+1 < len(d.toks) && d.toks[b].f == "and" {
		k := b + 1
		if honorifics[d.toks[k].f] {
			k++
		}
		if e := d.nameRun(k); e > k {
			b = e // "Agnieszka Żmudalski and Wexford highlighted"
		}
	}
	if b >= len(d.toks) || !d.spacedAfter(b) || d.toks[b].kind != tWord || d.toks[b].upper {
		return false
	}
	f := d.toks[b].f
	return strings.HasSuffix(f, "ed") && len(f) > 4 || pastTenses[f]
}

// pastTenses are irregular verbs in the past tense that often follow a
// person's name.
var pastTenses = wordSet(`held met left took made gave went came sent led won lost spoke wrote told said
	became began brought bought chose drew flew fought forgot froze grew hid hit kept knew laid meant paid
	put ran rang rose sat saw sold set shook shot sought stood struck swore taught thought threw understood
	withdrew woke wore`)

// foldedKey joins the folded words of tokens [a, b).
func (d *doc) foldedKey(a, b int) string {
	words := make([]string, 0, b-a)
	for k := a; k < b; k++ {
		words = append(words, d.toks[k].f)
	}
	return strings.Join(words, " ")
}

// gatherPeople merges hits into people: full names first, then lone
// surnames, which join the person whose name ends with them.
func (d *doc) gatherPeople(hits []personHit) []*person {
	slices.SortStableFunc(hits, func(x, y personHit) int {
		return cmp.Or(cmp.Compare(min(x.b-x.a, 2), min(y.b-y.a, 2))*-1, cmp.Compare(x.a, y.a))
	})
	byKey := map[string]*person{}
	var people []*person
	for _, h := range hits {
		p := d.personFor(h, byKey, people)
		if p != nil && h.b-h.a > 1 {
			key := d.foldedKey(h.a, h.b)
			p.addForm(d.textOf(h.a, h.b), strings.Fields(key))
			byKey[key] = p
		}
		if p == nil {
			p = &person{name: d.textOf(h.a, h.b), key: strings.Fields(d.foldedKey(h.a, h.b)),
				roleRank: rankNone + 1, first: h.a, span: d.span(h.a, h.b)}
			p.cyrillic = hasCyrillic(p.name)
			byKey[strings.Join(p.key, " ")] = p
			people = append(people, p)
		}
		if h.rank < p.roleRank && h.role != "" || p.evidence == "" {
			p.role, p.roleRank, p.evidence, p.span = h.role, h.rank, h.evidence, d.span(h.a, h.b)
		}
		p.first = min(p.first, h.a)
	}
	slices.SortFunc(people, func(x, y *person) int { return cmp.Compare(x.first, y.first) })
	return people
}

// addForm records another written form of a person's full name, and makes
// a Latin form the name.
func (p *person) addForm(name string, key []string) {
	if slices.Equal(key, p.key) || slices.ContainsFunc(p.alt, func(k []string) bool { return slices.Equal(k, key) }) {
		return
	}
	if p.cyrillic && !hasCyrillic(name) {
		p.alt = append(p.alt, p.key)
		p.name, p.key, p.cyrillic = name, key, false
		return
	}
	p.alt = append(p.alt, key)
}

// forms returns every folded form of the name.
func (p *person) forms() [][]string { return append([][]string{p.key}, p.alt...) }

// personFor finds the person a hit names: the same full name, or for a lone
// word, the person whose name ends with it.
func (d *doc) personFor(h personHit, byKey map[string]*person, people []*person) *person {
	key := d.foldedKey(h.a, h.b)
	if p := byKey[key]; p != nil {
		return p
	}
	if h.b-h.a > 1 {
		cyr := hasCyrillic(key)
		words := strings.Fields(key)
		for _, p := range people {
			if p.cyrillic != cyr && sameNameAcrossScripts(words, p.key) {
				return p
			}
		}
		return nil
	}
	for _, p := range people {
		if len(p.key) > 1 && p.key[len(p.key)-1] == key {
			return p // the first named: people are in the order of their first hit
		}
	}
	return nil
}

// addMentions lists where each person is named: the full name, and the
// surname alone when it is capitalised. A surname two people share goes to
// the one named last before it.
func (d *doc) addMentions(people []*person) {
	covered := make([]bool, len(d.toks))
	for _, p := range people {
		for _, key := range p.forms() {
			for _, i := range d.capitals[key[0]] {
				if d.matchesWords(i, key) {
					p.mentions = append(p.mentions, d.span(i, i+len(key)))
					for k := i; k < i+len(key); k++ {
						covered[k] = true
					}
				}
			}
		}
	}
	owners := newSurnames(people)
	type found struct {
		p *person
		s model.Span
	}
	var alone []found // kept apart while owners are chosen by full mentions
	for f, at := range d.capitals {
		for _, i := range at {
			if covered[i] {
				continue
			}
			if p := d.surnameOwner(owners, f, i); p != nil {
				alone = append(alone, found{p, d.span(i, i+1)})
			}
		}
	}
	for _, a := range alone {
		a.p.mentions = append(a.p.mentions, a.s)
	}
	for _, p := range people {
		slices.SortFunc(p.mentions, func(x, y model.Span) int { return cmp.Compare(x.Start, y.Start) })
		p.mentions = slices.Compact(p.mentions)
	}
}

// surnames indexes people by the last word of their names.
type surnames struct {
	exact map[string][]*person
	// cyrillic and latin hold the people with a surname in each script, for
	// a surname written in the other one.
	cyrillic, latin []*person
}

func newSurnames(people []*person) *surnames {
	s := &surnames{exact: map[string][]*person{}}
	for _, p := range people {
		if len(p.key) < 2 {
			continue
		}
		for _, k := range p.forms() {
			sur := k[len(k)-1]
			if !slices.Contains(s.exact[sur], p) {
				s.exact[sur] = append(s.exact[sur], p)
			}
		}
		if hasCyrillic(p.key[len(p.key)-1]) {
			s.cyrillic = append(s.cyrillic, p)
		} else {
			s.latin = append(s.latin, p)
		}
	}
	return s
}

// matchesWords reports whether the tokens from i spell the folded words.
func (d *doc) matchesWords(i int, words []string) bool {
	if i+len(words) > len(d.toks) || !d.toks[i].upper {
		return false
	}
	for k, w := range words {
		if d.toks[i+k].f != w || k > 0 && !d.spacedAfter(i+k) {
			return false
		}
	}
	return true
}

// surnameOwner returns the person whose surname is the folded word f at
// token i: spelled alike first, then across scripts with the closest
// spelling; among equals, the one named last before the token.
func (d *doc) surnameOwner(s *surnames, f string, i int) *person {
	if p := d.namedLastBefore(s.exact[f], i); p != nil {
		return p
	}
	others := s.cyrillic
	if hasCyrillic(f) {
		others = s.latin
	}
	var close []*person
	best := 1 << 30
	for _, p := range others {
		dist, ok := scriptDistance(p.key[len(p.key)-1], f)
		switch {
		case !ok || dist > best:
		case dist < best:
			close, best = []*person{p}, dist
		default:
			close = append(close, p)
		}
	}
	return d.namedLastBefore(close, i)
}

// namedLastBefore returns, of the candidates, the one whose last mention
// before token i is the latest (the first candidate when none is named before).
func (d *doc) namedLastBefore(candidates []*person, i int) *person {
	if len(candidates) <= 1 {
		if len(candidates) == 1 {
			return candidates[0]
		}
		return nil
	}
	at := d.toks[i].cp
	var owner *person
	lastBefore := -2
	for _, p := range candidates {
		before := -1
		for _, m := range p.mentions {
			if m.Start < at {
				before = m.Start
			}
		}
		if before > lastBefore {
			owner, lastBefore = p, before
		}
	}
	return owner
}
