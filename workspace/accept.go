package workspace

import (
	"context"
	"fmt"
	"strings"

	"dossier/model"
)

// Accepted says what accepting a proposal made.
type Accepted struct {
	Proposal model.Proposal `json:"proposal"`
	// What it created or extended: an actor, a document or an excerpt.
	Kind string `json:"kind"`
	ID   int64  `json:"id"`
	// Alias is set when the name became an alias of an existing profile.
	Alias bool `json:"alias,omitempty"`
}

// Accept turns a proposal into what it proposes: a new actor or document
// (or, with into > 0 or when the extractor recognised a variant, an alias
// of an existing one), or an excerpt for a quote (with its speaker) or a
// figure. The proposal is marked accepted with what it made.
func (ws *Workspace) Accept(ctx context.Context, proposalID, into int64) (Accepted, error) {
	return ws.accept(ctx, proposalID, into, false)
}

// AcceptAsNew accepts an actor or document proposal as a profile of its
// own, even when the extractor took it for a variant of a known one.
func (ws *Workspace) AcceptAsNew(ctx context.Context, proposalID int64) (Accepted, error) {
	return ws.accept(ctx, proposalID, 0, true)
}

func (ws *Workspace) accept(ctx context.Context, proposalID, into int64, asNew bool) (Accepted, error) {
	p, err := ws.Proposal(ctx, proposalID)
	if err != nil {
		return Accepted{}, err
	}
	if p.State != model.ProposalOpen {
		return Accepted{}, model.Conflictf("proposal %d is already %s", p.ID, p.State)
	}
	if into == 0 && !asNew {
		into = p.AliasOf
	}
	if into != 0 && (p.Kind == model.ProposeQuote || p.Kind == model.ProposeFigure) {
		return Accepted{}, model.Invalidf("a %s proposal becomes an excerpt; it cannot be merged into another profile", p.Kind)
	}
	// The check above reads; only the claim decides which of two accepts
	// at once goes ahead.
	if err := ws.ClaimProposal(ctx, p.ID); err != nil {
		return Accepted{}, err
	}
	res, err := ws.make(ctx, p, into)
	if err != nil {
		if relErr := ws.ReleaseProposal(ctx, p.ID); relErr != nil {
			return Accepted{}, fmt.Errorf("accept proposal %d: %w (and it stays marked accepted: %v)", p.ID, err, relErr)
		}
		return Accepted{}, fmt.Errorf("accept proposal %d: %w", p.ID, err)
	}
	if err := ws.SetProposalState(ctx, p.ID, model.ProposalAccepted, res.ID); err != nil {
		return Accepted{}, err
	}
	res.Proposal, _ = ws.Proposal(ctx, p.ID)
	return res, nil
}

// make creates what a claimed proposal proposes.
func (ws *Workspace) make(ctx context.Context, p model.Proposal, into int64) (Accepted, error) {
	switch p.Kind {
	case model.ProposeActor:
		return ws.acceptActor(ctx, p, into)
	case model.ProposeDocument:
		return ws.acceptDocument(ctx, p, into)
	case model.ProposeQuote, model.ProposeFigure:
		return ws.acceptExcerpt(ctx, p)
	}
	return Accepted{}, model.Invalidf("a proposal of kind %q cannot be accepted", p.Kind)
}

// Reject marks a proposal rejected: it is never proposed again.
func (ws *Workspace) Reject(ctx context.Context, proposalID int64) error {
	return ws.SetProposalState(ctx, proposalID, model.ProposalRejected, 0)
}

func (ws *Workspace) acceptActor(ctx context.Context, p model.Proposal, into int64) (Accepted, error) {
	if into != 0 {
		if err := ws.AddAlias(ctx, &model.Alias{Name: p.Text, ActorID: into}); err != nil {
			return Accepted{}, err
		}
		return Accepted{Kind: "actor", ID: into, Alias: true}, nil
	}
	kind := p.ActorKind
	if kind == "" {
		kind = model.ActorPerson
	}
	a := model.Actor{Name: p.Text, Kind: kind, Role: p.Role}
	if err := ws.CreateActor(ctx, &a); err != nil {
		return Accepted{}, err
	}
	return Accepted{Kind: "actor", ID: a.ID}, nil
}

func (ws *Workspace) acceptDocument(ctx context.Context, p model.Proposal, into int64) (Accepted, error) {
	if into != 0 {
		if err := ws.AddAlias(ctx, &model.Alias{Name: p.Text, DocumentID: into}); err != nil {
			return Accepted{}, err
		}
		return Accepted{Kind: "document", ID: into, Alias: true}, nil
	}
	kind := p.DocumentKind
	if kind == "" {
		kind = model.DocPlan
	}
	// A document first seen in the news is known to exist, no more: the
	// analyst moves its status on as the evidence comes in.
	d := model.Document{Title: documentTitle(p.Text), Kind: kind, Status: model.StatusRumoured, Disclosure: model.DisclosureUndisclosed}
	if err := ws.CreateDocument(ctx, &d); err != nil {
		return Accepted{}, err
	}
	if d.Title != p.Text {
		if err := ws.AddAlias(ctx, &model.Alias{Name: p.Text, DocumentID: d.ID}); err != nil {
			return Accepted{}, err
		}
	}
	return Accepted{Kind: "document", ID: d.ID}, nil
}

// documentTitle drops a leading article: "the 20-point plan" → "20-point plan".
func documentTitle(s string) string {
	for _, art := range []string{"the ", "The ", "a ", "A ", "an ", "An "} {
		if t, ok := strings.CutPrefix(s, art); ok && t != "" {
			return t
		}
	}
	return s
}

func (ws *Workspace) acceptExcerpt(ctx context.Context, p model.Proposal) (Accepted, error) {
	e, err := ws.ExcerptAt(ctx, p.ArticleID, p.Span)
	if err != nil {
		return Accepted{}, err
	}
	e.Kind = model.ExcerptFigure
	if p.Kind == model.ProposeQuote {
		e.Kind = model.ExcerptQuote
		speakers, err := ws.existingActors(ctx, p.SpeakerIDs)
		if err != nil {
			return Accepted{}, err
		}
		if len(speakers) > 0 {
			e.SpeakerID = speakers[0]
			e.ActorIDs = speakers
		}
		if len(p.Speakers) > 0 && len(speakers) < len(p.Speakers) {
			e.Note = "Said by " + strings.Join(p.Speakers, " and ") + "."
		}
	}
	if p.Kind == model.ProposeFigure && p.Counts != "" {
		e.Note = "Counts " + p.Counts + "."
	}
	if err := ws.CreateExcerpt(ctx, &e); err != nil {
		return Accepted{}, err
	}
	return Accepted{Kind: "excerpt", ID: e.ID}, nil
}

// existingActors keeps the ids that still name an actor: a proposal's
// speakers were recognised when it was made.
func (ws *Workspace) existingActors(ctx context.Context, ids []int64) ([]int64, error) {
	var out []int64
	for _, id := range ids {
		if _, err := ws.Actor(ctx, id); err == nil {
			out = append(out, id)
		} else if !isNotFound(err) {
			return nil, err
		}
	}
	return out, nil
}
