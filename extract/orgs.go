package extract

import (
	"cmp"
	"slices"

	"dossier/model"
)

// Organisations, groups and states are proposed from two sources: the
// built-in gazetteer ("Ukraine", "the Kremlin", "NATO"), and names of
// capitalised words that end with an organisation word ("Eastern
// Reconstruction Organisation", "Ardesian Justice Party") or a state word
// ("the United States"), or that start with one followed by "of" ("Council of
// Coastal States", "Republic of Ostrara").

// org is an organisation proposal being assembled.
type org struct {
	name     string
	kind     model.ActorKind
	evidence string
	span     model.Span
	mentions []model.Span
}

func (d *doc) findOrganisations() []*org {
	byKey := map[string]*org{}
	var out []*org
	add := func(name string, kind model.ActorKind, evidence string, s model.Span) {
		key := foldString(name)
		o := byKey[key]
		if o == nil {
			o = &org{name: name, kind: kind, evidence: evidence, span: s}
			byKey[key] = o
			out = append(out, o)
		}
		o.mentions = append(o.mentions, s)
	}
	g := builtinGazetteer()
	for _, m := range g.matcher.Find(d.body) {
		e := g.entries[m.ActorID-1]
		add(e.name, e.kind, "known state or institution", m.Span)
	}
	for i := 0; i < len(d.toks); i++ {
		e, kind := d.orgRun(i)
		if e == i {
			continue
		}
		if !d.heading[d.toks[i].para] {
			add(d.textOf(i, e), kind, "organisation name", d.span(i, e))
		}
		i = e - 1
	}
	for _, o := range out {
		slices.SortFunc(o.mentions, func(x, y model.Span) int { return cmp.Compare(x.Start, y.Start) })
		o.mentions = dropOverlaps(o.mentions)
		o.span = o.mentions[0]
	}
	return out
}

// orgRun returns the end of an organisation name starting at token i and
// its kind, or i when none starts there.
func (d *doc) orgRun(i int) (int, model.ActorKind) {
	if !d.orgWord(i) || (i > 0 && d.orgWord(i-1) && d.spacedAfter(i)) {
		return i, ""
	}
	end := i + 1
	for j := i + 1; j < len(d.toks) && j-i < 8 && d.spacedAfter(j); j++ {
		t := d.toks[j]
		if d.orgWord(j) {
			end = j + 1
			continue
		}
		if (t.f == "of" || t.f == "for" || t.f == "and" || t.f == "&") && d.orgWord(j+1) && d.spacedAfter(j+1) {
			continue
		}
		break
	}
	first, last := d.toks[i].f, d.toks[end-1].f
	switch {
	case end-i < 2:
		return i, ""
	case stateHeads[first] && d.toks[i+1].f == "of":
		return end, model.ActorState
	case orgHeads[first] && d.toks[i+1].f == "of":
		return end, orgKind(first)
	case orgHeads[last]:
		return end, orgKind(last)
	case stateHeads[last]:
		return end, model.ActorState
	}
	return i, ""
}

// orgWord reports whether token i can be part of an organisation name:
// capitalised, not a function word at the start of a sentence.
func (d *doc) orgWord(i int) bool {
	if i < 0 || i >= len(d.toks) {
		return false
	}
	t := d.toks[i]
	return t.kind == tWord && t.upper && t.quote == 0 && !functionWords[t.f] && !months[t.f] && !weekdays[t.f]
}

func orgKind(head string) model.ActorKind {
	if groupHeads[head] {
		return model.ActorGroup
	}
	return model.ActorOrganisation
}

// dropOverlaps keeps, of spans sorted by start, those that do not overlap an
// earlier one.
func dropOverlaps(spans []model.Span) []model.Span {
	out := spans[:0]
	for _, s := range spans {
		if len(out) > 0 && s.Start < out[len(out)-1].End {
			continue
		}
		out = append(out, s)
	}
	return out
}
