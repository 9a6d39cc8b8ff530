package extract

import (
	"slices"
	"strings"

	"dossier/model"
)

// Quotations are attributed the way news copy attributes them:
//
//   - after the quotation: "“…,” Witkoff said." / "“…,” said Kremlin
//     spokesman Dmitry Peskov." / "“…,” a senior diplomat said" (anonymous);
//   - before it, by the nearest reporting verb and its subject: "Zelensky
//     said that “…”", "Witkoff characterized the talks as “…”", "According to
//     Peskov, “…”"; a verb joined by "and" or a participle ("…, cautioning
//     that “…”") takes the subject of the sentence;
//   - a passive ("were described as “…” by key participants") takes the
//     "by" phrase, or no one.
//
// A pronoun (he, she) stands for the last person named before it in the
// paragraph, or before that in the text; "they" for the last pair of
// speakers. Subjects joined by "and" all speak: a joint statement. A quoted
// title that names a document is a document, not a quotation, and a
// quotation with no reporting verb near it is not proposed.

// actorRef is an actor named at tokens [a, b) of the text.
type actorRef struct {
	a, b   int
	name   string // full name when known
	id     int64  // a known actor, or 0
	person bool
}

// speakerIndex knows which actor each token names.
type speakerIndex struct {
	refs []actorRef
	at   []int // token → index+1 into refs, or 0
}

func (d *doc) newSpeakerIndex(known []knownRef, people []*person, orgs []*org) *speakerIndex {
	x := &speakerIndex{at: make([]int, len(d.toks))}
	for _, k := range known {
		x.add(d, k.span, k.name, k.id, k.person)
	}
	for _, p := range people {
		for _, m := range p.mentions {
			x.add(d, m, p.name, 0, true)
		}
	}
	for _, o := range orgs {
		for _, m := range o.mentions {
			x.add(d, m, o.name, 0, false)
		}
	}
	return x
}

// add records an actor at a span, unless a token of it is taken already.
func (x *speakerIndex) add(d *doc, s model.Span, name string, id int64, person bool) {
	a, b := d.tokenAt(s.Start), d.tokenEnding(s.End)
	if a < 0 || b < a || slices.ContainsFunc(x.at[a:b+1], func(v int) bool { return v != 0 }) {
		return
	}
	x.refs = append(x.refs, actorRef{a: a, b: b + 1, name: name, id: id, person: person})
	for k := a; k <= b; k++ {
		x.at[k] = len(x.refs)
	}
}

// ending returns the actor whose name ends at token i.
func (x *speakerIndex) ending(i int) (actorRef, bool) {
	if i < 0 || i >= len(x.at) || x.at[i] == 0 {
		return actorRef{}, false
	}
	r := x.refs[x.at[i]-1]
	return r, r.b == i+1
}

// starting returns the actor whose name starts at token i.
func (x *speakerIndex) starting(i int) (actorRef, bool) {
	if i < 0 || i >= len(x.at) || x.at[i] == 0 {
		return actorRef{}, false
	}
	r := x.refs[x.at[i]-1]
	return r, r.a == i
}

// quoteFinder attributes the quotations of one text.
type quoteFinder struct {
	d      *doc
	x      *speakerIndex
	owners *surnames
	last   []actorRef // the speakers of the previous quotation
	lastAt int        // its closing mark
}

func (d *doc) findQuotations(x *speakerIndex, people []*person) []QuoteProposal {
	qf := &quoteFinder{d: d, x: x, owners: newSurnames(people), lastAt: -1}
	var out []QuoteProposal
	for _, q := range d.quotes {
		if q.close-q.open < 2 || d.quotedTitle(q) != "" {
			continue
		}
		speakers, ok := qf.attribute(q)
		if !ok {
			if !qf.continues(q) {
				continue
			}
			speakers = qf.last
		}
		a, b := d.quoteContent(q)
		p := QuoteProposal{Span: d.span(a, b), Text: d.textOf(a, b)}
		for _, s := range speakers {
			p.Speakers = append(p.Speakers, s.name)
			if s.id != 0 {
				p.SpeakerIDs = append(p.SpeakerIDs, s.id)
			}
		}
		qf.last, qf.lastAt = speakers, q.close
		out = append(out, p)
	}
	return out
}

// continues reports whether an unattributed quotation goes on from the
// previous one: it opens the sentence right after the one that held the
// previous quotation, in the same paragraph ("“…,” X said. “…”").
func (qf *quoteFinder) continues(q quotation) bool {
	d := qf.d
	if qf.lastAt < 0 || len(qf.last) == 0 {
		return false
	}
	open, prev := d.toks[q.open], d.toks[qf.lastAt]
	first := q.open == 0 || d.toks[q.open-1].sent != open.sent
	return first && open.para == prev.para && open.sent == prev.sent+1
}

// quoteContent returns the tokens inside a quotation without a closing
// comma or full stop, which belong to the sentence.
func (d *doc) quoteContent(q quotation) (int, int) {
	a, b := q.open+1, q.close
	if b-a > 1 && (d.toks[b-1].s == "," || d.toks[b-1].s == ".") {
		b--
	}
	return a, b
}

// attribute finds who is quoted: nobody (an anonymous source) is a valid
// answer when a reporting verb is there; false means no attribution.
func (qf *quoteFinder) attribute(q quotation) ([]actorRef, bool) {
	if s, ok := qf.after(q); ok {
		return s, true
	}
	return qf.before(q)
}

// after reads an attribution that follows the closing mark within the
// sentence: "“…,” X said", "“…,” said X", "«…», — заявил X", "“…,” X, the
// envoy of Y, said".
func (qf *quoteFinder) after(q quotation) ([]actorRef, bool) {
	d := qf.d
	k := q.close + 1
	if k < len(d.toks) && d.toks[k].s == "," {
		k++
	} else if last := d.toks[q.close-1].s; last != "," && last != "?" && last != "!" {
		return nil, false // "“constructive” and noted": a new clause, not an attribution
	}
	if k < len(d.toks) && d.toks[k].f == "-" {
		k++
	}
	if k >= len(d.toks) || d.toks[k].sent != d.toks[q.close].sent {
		return nil, false
	}
	if d.isVerb(k) {
		return qf.subjectAfter(k+1, 8), true
	}
	for v := k; v < len(d.toks) && v-k < 16; v++ {
		t := d.toks[v]
		if t.sent != d.toks[k].sent || t.f == `"` || t.kind == tPunct && t.s != "," && t.f != "'" {
			return nil, false
		}
		if d.isVerb(v) {
			return qf.namesIn(k, v), true
		}
	}
	return nil, false
}

// isVerb reports whether token i is a reporting verb, written in lower case.
func (d *doc) isVerb(i int) bool {
	t := d.toks[i]
	return t.kind == tWord && !t.upper && reportingVerbs[t.f]
}

// subjectAfter returns the first person named within n tokens from i, with
// the ones joined to it ("said Kremlin spokesman Dmitry Peskov"), or else the
// first organisation ("said the Kremlin"), or else the last name written
// there ("заявил Дорвович").
func (qf *quoteFinder) subjectAfter(i, n int) []actorRef {
	d := qf.d
	var org []actorRef
	lastName := [2]int{-1, -1}
	for k := i; k < len(d.toks) && k-i < n && d.toks[k].sent == d.toks[i-1].sent; k++ {
		if d.toks[k].kind == tPunct {
			break
		}
		if r, ok := qf.x.starting(k); ok {
			if r.person {
				return qf.joinedAfter(r)
			}
			if org == nil {
				org = []actorRef{r}
			}
			k = r.b - 1
			continue
		}
		if speakerPronouns[d.toks[k].f] {
			return qf.pronoun(k)
		}
		if e := d.nameRun(k); e > k {
			lastName = [2]int{k, e}
			k = e - 1
		}
	}
	if org == nil && lastName[0] >= 0 {
		return []actorRef{qf.unlisted(lastName[0], lastName[1])}
	}
	return org
}

// unlisted makes a speaker of a name no proposal holds, such as a surname
// in another script ("заявил Дорвович"): the person whose surname it spells
// when there is one, the name as written otherwise.
func (qf *quoteFinder) unlisted(a, b int) actorRef {
	name := qf.d.textOf(a, b)
	if p := qf.d.surnameOwner(qf.owners, qf.d.toks[a].f, a); p != nil && b-a == 1 {
		name = p.name
	}
	return actorRef{a: a, b: b, name: name, person: true}
}

// joinedAfter adds the actors joined to r by "and": "Witkoff and Umerov",
// "Mr Bellantani and Ms Stamatis".
func (qf *quoteFinder) joinedAfter(r actorRef) []actorRef {
	out := []actorRef{r}
	for k := r.b; k+1 < len(qf.d.toks) && qf.d.toks[k].f == "and"; {
		j := k + 1
		for j < len(qf.d.toks) && j-k <= 7 && qf.roleWord(j) {
			if _, ok := qf.x.starting(j); ok {
				break
			}
			j++
		}
		next, ok := qf.x.starting(j)
		if !ok {
			break
		}
		out = append(out, next)
		k = next.b
	}
	return out
}

// roleWord reports whether token j may stand between "and" and a name: a
// title, an honorific, a possessor ("and Selvara’s defence minister, X").
func (qf *quoteFinder) roleWord(j int) bool {
	t := qf.d.toks[j]
	return t.kind == tPoss || t.s == "," || honorifics[t.f] || titleHeads[t.f] || titleModifiers[t.f] ||
		t.kind == tWord && t.upper && !functionWords[t.f]
}

// namesIn returns the actors named in tokens [a, b), the subject before a
// verb: "Witkoff and Umerov", "Ms Stamatis", "he"; none for "a senior
// diplomat". People win over the organisation they speak for ("Kremlin
// spokesman Dmitry Peskov").
func (qf *quoteFinder) namesIn(a, b int) []actorRef {
	var people, orgs []actorRef
	for k := a; k < b; k++ {
		if r, ok := qf.x.starting(k); ok {
			if r.person {
				people = append(people, r)
			} else {
				orgs = append(orgs, r)
			}
			k = r.b - 1
			continue
		}
		if speakerPronouns[qf.d.toks[k].f] {
			return qf.pronoun(k)
		}
	}
	if len(people) > 0 {
		return people
	}
	return orgs
}

// before reads an attribution that precedes the opening mark in the sentence.
func (qf *quoteFinder) before(q quotation) ([]actorRef, bool) {
	d := qf.d
	sent := d.toks[q.open].sent
	for v := q.open - 1; v >= 0 && d.toks[v].sent == sent && d.toks[v].quote == 0; v-- {
		if d.toks[v].f == "according" && v+1 < q.open && d.toks[v+1].f == "to" {
			return qf.subjectAfter(v+2, 6), true
		}
		if d.isVerb(v) {
			return qf.subjectOf(v, q), true
		}
	}
	return nil, false
}

// subjectOf returns who speaks through the verb at v.
func (qf *quoteFinder) subjectOf(v int, q quotation) []actorRef {
	d := qf.d
	k := v - 1
	for k >= 0 && d.toks[k].kind == tWord && betweenSubjectAndVerb[d.toks[k].f] && !passiveMarkers[d.toks[k].f] {
		k--
	}
	switch {
	case k < 0 || d.toks[k].sent != d.toks[v].sent:
		return nil
	case d.toks[k].kind == tWord && passiveMarkers[d.toks[k].f]:
		return qf.byPhrase(q)
	case d.toks[k].s == "," || d.toks[k].f == "and":
		return qf.sentenceSubject(v)
	case speakerPronouns[d.toks[k].f]:
		return qf.pronoun(k)
	}
	if r, ok := qf.x.ending(k); ok {
		return qf.joinedBefore(r)
	}
	return nil
}

// joinedBefore adds the actors joined to r from the left: "Witkoff and
// Umerov said", "Luccello and Finance Minister Pieśowski said".
func (qf *quoteFinder) joinedBefore(r actorRef) []actorRef {
	out := []actorRef{r}
	for {
		k := out[0].a - 1
		for k > 0 && out[0].a-k <= 5 && qf.d.toks[k].kind == tWord && qf.roleWord(k) && qf.d.toks[k].f != "and" {
			if _, ok := qf.x.ending(k); ok {
				break
			}
			k--
		}
		if k <= 0 || qf.d.toks[k].f != "and" && qf.d.toks[k].s != "," {
			return out
		}
		prev, ok := qf.x.ending(k - 1)
		if !ok {
			return out
		}
		out = append([]actorRef{prev}, out...)
	}
}

// byPhrase returns the agent of a passive: "“…” by key participants".
func (qf *quoteFinder) byPhrase(q quotation) []actorRef {
	k := q.close + 1
	if k < len(qf.d.toks) && qf.d.toks[k].f == "by" {
		return qf.subjectAfter(k+1, 4)
	}
	return nil
}

// sentenceSubject returns the first person or pronoun of the sentence
// before token v, outside quotations, with the people joined to it: the
// subject a participle or a second verb shares. An organisation is the
// subject only when no person comes before v ("The Kremlin said … and added").
func (qf *quoteFinder) sentenceSubject(v int) []actorRef {
	d := qf.d
	a, _ := d.sentenceBounds(v)
	var org []actorRef
	for k := a; k < v; k++ {
		if d.toks[k].quote != 0 {
			continue
		}
		if r, ok := qf.x.starting(k); ok {
			if r.person {
				return qf.joinedAfter(r)
			}
			if org == nil && d.isVerbAfter(r.b) {
				org = []actorRef{r}
			}
			k = r.b - 1
			continue
		}
		if speakerPronouns[d.toks[k].f] {
			return qf.pronoun(k)
		}
	}
	return org
}

// isVerbAfter reports whether a verb of any kind seems to follow token i:
// a lower-case word after optional adverbs. It lets an organisation be a
// subject ("The Kremlin said").
func (d *doc) isVerbAfter(i int) bool {
	return i < len(d.toks) && d.toks[i].kind == tWord && !d.toks[i].upper
}

// pronoun resolves the pronoun at token i: "they" to the last joint
// speakers; "he" or "she" to the speaker of a quotation in this sentence or
// the one before, else to the first person of the previous sentence (its
// subject, most often), else to the last person named before it.
func (qf *quoteFinder) pronoun(i int) []actorRef {
	d := qf.d
	t := d.toks[i]
	if t.f == "they" && len(qf.last) > 1 {
		return qf.last
	}
	if len(qf.last) == 1 && d.toks[qf.lastAt].para == t.para && d.toks[qf.lastAt].sent >= t.sent-1 {
		return qf.last
	}
	var last, subject *actorRef
	for k := range qf.x.refs {
		r := &qf.x.refs[k]
		if !r.person || r.b > i || d.toks[r.a].quote != 0 {
			continue
		}
		if last == nil || r.a > last.a {
			last = r
		}
		if d.toks[r.a].para == t.para && d.toks[r.a].sent == t.sent-1 && (subject == nil || r.a < subject.a) {
			subject = r
		}
	}
	switch {
	case subject != nil:
		return []actorRef{*subject}
	case last != nil:
		return []actorRef{*last}
	}
	return nil
}

// quotedTitle returns the document title a quotation holds, or "": a short
// noun phrase around a document word, with none of the words of speech.
func (d *doc) quotedTitle(q quotation) string {
	a, b := q.open+1, q.close
	if b-a > 12 || b <= a {
		return ""
	}
	headed := false
	for k := a; k < b; k++ {
		t := d.toks[k]
		if t.kind == tPunct && t.s != "&" && t.f != "-" && t.f != "'" || speechWords[t.f] && !(t.caps && len(t.f) > 1) {
			return ""
		}
		headed = headed || t.kind == tWord && docHeads[t.f] != "" && !strings.HasSuffix(t.f, "s")
	}
	if !headed {
		return ""
	}
	return d.textOf(a, b)
}

// speechWords show that quoted words are speech, not a title.
var speechWords = wordSet(`i we you me us our my your is are was were will would can could must should
	have has had not no do does did be been am it this that`)
