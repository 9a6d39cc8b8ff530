package extract

import (
	"strings"

	"dossier/model"
)

// Known is what the workspace already knows: its actors and documents with
// their aliases. It tells Propose which names need no proposal, which
// proposals are variants of an existing profile, and who a speaker is.
// Build it once with NewKnown and share it: it never changes and is safe for
// concurrent use.
type Known struct {
	actors  map[int64]model.Actor
	docs    map[int64]model.Document
	names   []Name
	matcher *Matcher
	// forms are the folded names of each actor and document, its own name first.
	actorForms, docForms map[int64][]string
}

// NewKnown gathers actors, documents and their aliases. Aliases whose owner
// is not among the actors or documents given are ignored.
func NewKnown(actors []model.Actor, documents []model.Document, aliases []model.Alias) *Known {
	k := &Known{actors: map[int64]model.Actor{}, docs: map[int64]model.Document{},
		actorForms: map[int64][]string{}, docForms: map[int64][]string{}}
	for _, a := range actors {
		k.actors[a.ID] = a
		k.addActorName(a.ID, a.Name)
	}
	for _, d := range documents {
		k.docs[d.ID] = d
		k.addDocName(d.ID, d.Title)
	}
	for _, al := range aliases {
		switch {
		case al.ActorID != 0 && k.actors[al.ActorID].ID == al.ActorID && al.DocumentID == 0:
			k.addActorName(al.ActorID, al.Name)
		case al.DocumentID != 0 && k.docs[al.DocumentID].ID == al.DocumentID && al.ActorID == 0:
			k.addDocName(al.DocumentID, al.Name)
		}
	}
	k.matcher = NewMatcher(k.names)
	return k
}

func (k *Known) addActorName(id int64, name string) {
	if strings.TrimSpace(name) == "" {
		return
	}
	k.names = append(k.names, Name{Text: name, ActorID: id})
	k.actorForms[id] = append(k.actorForms[id], foldString(name))
}

func (k *Known) addDocName(id int64, name string) {
	if strings.TrimSpace(name) == "" {
		return
	}
	k.names = append(k.names, Name{Text: name, DocumentID: id})
	k.docForms[id] = append(k.docForms[id], foldString(name))
}

// Names returns every name and alias, for a Matcher.
func (k *Known) Names() []Name {
	if k == nil {
		return nil
	}
	return k.names
}

// Matcher returns the matcher of every known name.
func (k *Known) Matcher() *Matcher {
	if k == nil {
		return nil
	}
	return k.matcher
}

// knownRef is a known actor found in the text.
type knownRef struct {
	span   model.Span
	name   string
	id     int64
	person bool
}

// refs finds the known actors in body.
func (k *Known) refs(body string) []knownRef {
	if k == nil {
		return nil
	}
	var out []knownRef
	for _, m := range k.matcher.Find(body) {
		a, ok := k.actors[m.ActorID]
		if m.ActorID == 0 || !ok {
			continue
		}
		out = append(out, knownRef{span: m.Span, name: a.Name, id: a.ID, person: a.Kind == model.ActorPerson || a.Kind == ""})
	}
	return out
}

// actorLike tells whether a proposed name is known already (exact) or which
// actor it looks like: a spelling variant within a small edit distance once
// folded ("Zelenskyy"), a lone surname of a known full name ("Witkoff"), or
// the same surname with a first name of the same initial ("Vladimir
// Zelensky" for "Volodymyr Zelensky").
func (k *Known) actorLike(name string) (id int64, exact bool) {
	if k == nil {
		return 0, false
	}
	return likeness(foldString(name), k.actorForms, personVariant)
}

// documentLike is actorLike for documents: the same number of points
// ("28-point plan" for "28-point proposal") or a spelling variant.
func (k *Known) documentLike(title string) (id int64, exact bool) {
	if k == nil {
		return 0, false
	}
	return likeness(foldString(title), k.docForms, documentVariant)
}

// likeness finds an exact form, or else the best variant.
func likeness(f string, forms map[int64][]string, variant func(f, form string) (int, bool)) (int64, bool) {
	best, bestScore := int64(0), 1<<30
	for id, fs := range forms {
		for _, form := range fs {
			if form == f {
				return id, true
			}
			if score, ok := variant(f, form); ok && (score < bestScore || score == bestScore && id < best) {
				best, bestScore = id, score
			}
		}
	}
	return best, false
}

// personVariant scores how close a proposed person name is to a known form;
// lower is closer.
func personVariant(f, form string) (int, bool) {
	if d, ok := withinDistance(f, form); ok {
		return d, true
	}
	fw, kw := strings.Fields(f), strings.Fields(form)
	if len(fw) == 0 || len(kw) == 0 {
		return 0, false
	}
	last, knownLast := fw[len(fw)-1], kw[len(kw)-1]
	if _, ok := withinDistance(last, knownLast); !ok {
		return 0, false
	}
	switch {
	case len(fw) == 1 && len(kw) > 1:
		return 10, true
	case len(fw) > 1 && len(kw) > 1 && firstRune(fw[0]) == firstRune(kw[0]):
		return 20, true
	}
	return 0, false
}

// documentVariant scores how close a proposed document title is to a known form.
func documentVariant(f, form string) (int, bool) {
	if d, ok := withinDistance(f, form); ok {
		return d, true
	}
	n, _, ok := strings.Cut(f, "-point")
	m, _, ok2 := strings.Cut(form, "-point")
	if ok && ok2 && n == m && !strings.Contains(n, " ") {
		return 10, true
	}
	return 0, false
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// withinDistance reports the edit distance of two folded names when it is
// small for their length: 1 from 5 characters, 2 from 10, 3 from 16.
func withinDistance(a, b string) (int, bool) {
	ra, rb := []rune(a), []rune(b)
	n := min(len(ra), len(rb))
	limit := 0
	switch {
	case n >= 16:
		limit = 3
	case n >= 10:
		limit = 2
	case n >= 5:
		limit = 1
	}
	if limit == 0 || abs(len(ra)-len(rb)) > limit {
		return 0, false
	}
	d := editDistance(ra, rb)
	return d, d <= limit
}

// editDistance is the Levenshtein distance of two short rune strings.
func editDistance(a, b []rune) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
