package model

import "math"

// ProposalKind says what the extractor proposes from a span of text.
type ProposalKind string

// Proposal kinds.
const (
	ProposeActor    ProposalKind = "actor"    // a person or body not known yet, or a new alias of one
	ProposeQuote    ProposalKind = "quote"    // quoted words with their speaker
	ProposeDocument ProposalKind = "document" // a named plan, framework, agreement…
	ProposeFigure   ProposalKind = "figure"   // a number with what it counts
)

var proposalKinds = enum[ProposalKind]{"proposal kind", []ProposalKind{ProposeActor, ProposeQuote, ProposeDocument, ProposeFigure}}

// ParseProposalKind reads a proposal kind from text.
func ParseProposalKind(s string) (ProposalKind, error) { return proposalKinds.parse(s) }

// ProposalState is the analyst's verdict on a proposal.
type ProposalState string

// Proposal states.
const (
	ProposalOpen     ProposalState = "proposed"
	ProposalAccepted ProposalState = "accepted"
	ProposalRejected ProposalState = "rejected"
)

var proposalStates = enum[ProposalState]{"proposal state", []ProposalState{ProposalOpen, ProposalAccepted, ProposalRejected}}

// ParseProposalState reads a proposal state from text.
func ParseProposalState(s string) (ProposalState, error) { return proposalStates.parse(s) }

// Proposal is something the extractor found in an article that the
// workspace does not hold yet, for the analyst to accept (creating the
// actor, document or excerpt), merge into an existing one, or reject.
// A rejected proposal is kept so that it is never proposed again.
type Proposal struct {
	Meta
	ArticleID int64         `json:"article_id"`
	Kind      ProposalKind  `json:"kind"`
	Span      Span          `json:"span"`
	Text      string        `json:"text"` // the name, title, quote or figure as proposed
	State     ProposalState `json:"state"`
	// ResultID is what accepting made or merged into: an actor, a document
	// or an excerpt, by kind.
	ResultID int64 `json:"result_id,omitempty"`

	// Actor proposals.
	Role      string    `json:"role,omitempty"`
	ActorKind ActorKind `json:"actor_kind,omitempty"`
	// AliasOf is an existing actor or document this looks like (a spelling
	// variant, a surname alone): accepting adds the text as its alias.
	AliasOf int64 `json:"alias_of,omitempty"`
	// Quote proposals: the speakers as written, and those that are known actors.
	Speakers   []string `json:"speakers,omitempty"`
	SpeakerIDs []int64  `json:"speaker_ids,omitempty"`
	// Document proposals.
	DocumentKind DocumentKind `json:"document_kind,omitempty"`
	// Figure proposals.
	Value  float64 `json:"value,omitempty"`
	Counts string  `json:"counts,omitempty"`
}

// Validate checks the proposal's fields.
func (p Proposal) Validate() error {
	if p.ArticleID <= 0 {
		return Invalidf("a proposal needs an article")
	}
	if err := proposalKinds.check(p.Kind); err != nil {
		return err
	}
	if err := proposalStates.check(p.State); err != nil {
		return err
	}
	if err := p.Span.Validate(); err != nil {
		return err
	}
	if err := requireText("proposal text", p.Text, MaxNoteLen); err != nil {
		return err
	}
	if err := p.checkResult(); err != nil {
		return err
	}
	// JSON, where the kind's fields are kept, has no NaN or infinity.
	if math.IsNaN(p.Value) || math.IsInf(p.Value, 0) {
		return Invalidf("the figure of a proposal must be a finite number, not %v", p.Value)
	}
	if p.ActorKind != "" {
		if err := actorKinds.check(p.ActorKind); err != nil {
			return err
		}
	}
	if p.DocumentKind != "" {
		return documentKinds.check(p.DocumentKind)
	}
	return nil
}

// checkResult requires what accepting made, and only once accepted.
func (p Proposal) checkResult() error {
	switch {
	case p.State == ProposalAccepted && p.ResultID <= 0:
		return Invalidf("an accepted proposal needs the %s it became", proposalResult(p.Kind))
	case p.State != ProposalAccepted && p.ResultID != 0:
		return Invalidf("a proposal in state %q has no result; only an accepted one has", p.State)
	}
	return nil
}

// proposalResult names what accepting a proposal of the kind makes.
func proposalResult(k ProposalKind) string {
	switch k {
	case ProposeActor:
		return "actor"
	case ProposeDocument:
		return "document"
	}
	return "excerpt"
}

// ProposalFilter narrows a listing of proposals.
type ProposalFilter struct {
	ArticleID int64
	Kind      ProposalKind
	State     ProposalState
	Page
}
