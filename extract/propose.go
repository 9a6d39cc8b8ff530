package extract

import (
	"cmp"
	"slices"

	"dossier/model"
)

// Proposals are what Propose suggests for the analyst to accept, merge into
// an existing profile, or reject. Every proposal carries the span it came
// from, in code points over the body.
type Proposals struct {
	Actors    []ActorProposal
	Quotes    []QuoteProposal
	Documents []DocumentProposal
	Figures   []FigureProposal
}

// ActorProposal is a person, organisation, group or state the workspace
// does not know under this name.
type ActorProposal struct {
	Span model.Span // the sighting that gave the best evidence (the name only)
	Name string     // as written at its fullest ("Steve Witkoff")
	Role string     // the title as written ("Kremlin spokesman"), or ""
	Kind model.ActorKind
	// AliasOf is the known actor this looks like (a spelling variant, a
	// surname alone), to offer the name as an alias; 0 for a new actor.
	AliasOf  int64
	Evidence string       // why it is proposed, in words
	Mentions []model.Span // every place the text names it, the surname alone included
}

// QuoteProposal is quoted speech with its speakers.
type QuoteProposal struct {
	Span model.Span // the quoted words, without the quotation marks
	Text string
	// Speakers are the speakers' names, full names where the text or the
	// workspace gives them; two or more for a joint statement, none for an
	// anonymous source ("a senior diplomat said").
	Speakers   []string
	SpeakerIDs []int64 // the speakers that are known actors
}

// DocumentProposal is the name of a plan, framework, agreement, statement
// or letter.
type DocumentProposal struct {
	Span     model.Span
	Title    string // as written
	Kind     model.DocumentKind
	AliasOf  int64 // the known document this looks like, or 0
	Mentions []model.Span
}

// FigureProposal is a number with what it counts.
type FigureProposal struct {
	Span   model.Span // the hedge, the number and what it counts
	Text   string
	Value  float64 // best effort: 1,300 → 1300, "five dozen" → 60, "US$100 billion" → 1e11
	Counts string  // what it counts ("attack drones"), the currency for money, "percent"
}

// Propose reads body and proposes what the workspace does not know yet:
// actors, attributed quotations, document names and figures. known may be
// nil; with it, names the workspace knows are not proposed again, close
// variants get AliasOf, and known speakers get their IDs.
func Propose(body string, known *Known) Proposals {
	d := newDoc(body)
	people := d.findPeople()
	orgs := d.findOrganisations()
	x := d.newSpeakerIndex(known.refs(body), people, orgs)
	return Proposals{
		Actors:    known.actorProposals(people, orgs),
		Quotes:    d.findQuotations(x, people),
		Documents: known.documentProposals(d),
		Figures:   d.findFigures(),
	}
}

// actorProposals turns people and organisations into proposals, leaving out
// the names the workspace knows.
func (k *Known) actorProposals(people []*person, orgs []*org) []ActorProposal {
	var out []ActorProposal
	add := func(p ActorProposal) {
		id, exact := k.actorLike(p.Name)
		if exact {
			return
		}
		p.AliasOf = id
		out = append(out, p)
	}
	for _, p := range people {
		add(ActorProposal{Span: p.span, Name: p.name, Role: p.role, Kind: model.ActorPerson, Evidence: p.evidence,
			Mentions: p.mentions})
	}
	for _, o := range orgs {
		add(ActorProposal{Span: o.span, Name: o.name, Kind: o.kind, Evidence: o.evidence, Mentions: o.mentions})
	}
	slices.SortStableFunc(out, func(a, b ActorProposal) int { return cmp.Compare(a.Span.Start, b.Span.Start) })
	return out
}

// documentProposals merges the document names found into one proposal per
// title.
func (k *Known) documentProposals(d *doc) []DocumentProposal {
	var out []DocumentProposal
	byKey := map[string]int{}
	for _, f := range d.findDocuments() {
		key := foldString(f.title)
		s := d.span(f.a, f.b)
		if i, ok := byKey[key]; ok {
			out[i].Mentions = append(out[i].Mentions, s)
			continue
		}
		id, exact := k.documentLike(f.title)
		if exact {
			continue
		}
		byKey[key] = len(out)
		out = append(out, DocumentProposal{Span: s, Title: f.title, Kind: f.kind, AliasOf: id, Mentions: []model.Span{s}})
	}
	return out
}
