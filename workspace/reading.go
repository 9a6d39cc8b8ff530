package workspace

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"dossier/model"
)

// Reading is an article as the analyst reads it: its text with the
// excerpts marked in it, the names found in it, the suggestions still
// waiting for a verdict, and the names and tags those refer to.
type Reading struct {
	Article model.Article
	// Source is the zero value when the article has none.
	Source   model.Source
	Excerpts []model.Excerpt
	// Mentions are the ones not rejected, in text order.
	Mentions []model.Mention
	// Proposals are the open ones, in text order.
	Proposals []model.Proposal
	// Tags are the tags the excerpts carry, by id.
	Tags map[int64]model.Tag
	// Actors and Documents name every actor and document that the
	// mentions, excerpts and proposals refer to and that still exist.
	Actors    map[int64]string
	Documents map[int64]string
}

// Reading reads an article with everything marked or found in it.
func (ws *Workspace) Reading(ctx context.Context, articleID int64) (Reading, error) {
	var r Reading
	var err error
	if r.Article, err = ws.Article(ctx, articleID); err != nil {
		return r, err
	}
	if r.Article.SourceID != 0 {
		if r.Source, err = ws.Source(ctx, r.Article.SourceID); err != nil && !isNotFound(err) {
			return r, err
		}
	}
	steps := []func(context.Context) error{r.readExcerpts(ws), r.readMentions(ws), r.readProposals(ws), r.readTags(ws), r.readNames(ws)}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return r, fmt.Errorf("read article %d: %w", articleID, err)
		}
	}
	return r, nil
}

func (r *Reading) readExcerpts(ws *Workspace) func(context.Context) error {
	return func(ctx context.Context) (err error) {
		r.Excerpts, err = allPages(func(p model.Page) ([]model.Excerpt, int, error) {
			return ws.ListExcerpts(ctx, model.ExcerptFilter{ArticleID: r.Article.ID, Page: p})
		})
		return err
	}
}

func (r *Reading) readMentions(ws *Workspace) func(context.Context) error {
	return func(ctx context.Context) error {
		all, err := allPages(func(p model.Page) ([]model.Mention, int, error) {
			return ws.ListMentions(ctx, model.MentionFilter{ArticleID: r.Article.ID, Page: p})
		})
		r.Mentions = slices.DeleteFunc(all, func(m model.Mention) bool { return m.State == model.MentionRejected })
		slices.SortStableFunc(r.Mentions, func(a, b model.Mention) int { return a.Span.Start - b.Span.Start })
		return err
	}
}

func (r *Reading) readProposals(ws *Workspace) func(context.Context) error {
	return func(ctx context.Context) (err error) {
		r.Proposals, err = allPages(func(p model.Page) ([]model.Proposal, int, error) {
			return ws.ListProposals(ctx, model.ProposalFilter{ArticleID: r.Article.ID, State: model.ProposalOpen, Page: p})
		})
		return err
	}
}

// readTags looks up the excerpts' tags; one deleted since the excerpts
// were read is left out, as readNames does with actors.
func (r *Reading) readTags(ws *Workspace) func(context.Context) error {
	return func(ctx context.Context) error {
		r.Tags = map[int64]model.Tag{}
		for _, e := range r.Excerpts {
			for _, id := range e.TagIDs {
				if _, ok := r.Tags[id]; ok {
					continue
				}
				t, err := ws.Tag(ctx, id)
				if err = unlessGone(err, func() { r.Tags[id] = t }); err != nil {
					return err
				}
			}
		}
		return nil
	}
}

// readNames looks up each referred actor and document once; one that has
// gone since it was referred to is left out rather than failing the read.
func (r *Reading) readNames(ws *Workspace) func(context.Context) error {
	return func(ctx context.Context) error {
		actors, docs := r.referred()
		r.Actors, r.Documents = map[int64]string{}, map[int64]string{}
		for _, id := range actors {
			a, err := ws.Actor(ctx, id)
			if err = unlessGone(err, func() { r.Actors[id] = a.Name }); err != nil {
				return err
			}
		}
		for _, id := range docs {
			d, err := ws.Document(ctx, id)
			if err = unlessGone(err, func() { r.Documents[id] = d.Title }); err != nil {
				return err
			}
		}
		return nil
	}
}

// unlessGone runs found when err is nil, and forgets a not-found error.
func unlessGone(err error, found func()) error {
	if err == nil {
		found()
		return nil
	}
	if errors.Is(err, model.ErrNotFound) {
		return nil
	}
	return err
}

// referred lists the actors and documents the reading refers to, each once.
func (r *Reading) referred() (actors, docs []int64) {
	add := func(list *[]int64, ids ...int64) {
		for _, id := range ids {
			if id != 0 && !slices.Contains(*list, id) {
				*list = append(*list, id)
			}
		}
	}
	for _, m := range r.Mentions {
		add(&actors, m.ActorID)
		add(&docs, m.DocumentID)
	}
	for _, e := range r.Excerpts {
		add(&actors, e.SpeakerID)
		add(&actors, e.ActorIDs...)
		add(&docs, e.DocumentIDs...)
	}
	for _, p := range r.Proposals {
		add(&actors, p.SpeakerIDs...)
		if p.Kind == model.ProposeActor {
			add(&actors, p.AliasOf)
		}
		if p.Kind == model.ProposeDocument {
			add(&docs, p.AliasOf)
		}
	}
	return actors, docs
}

// Found is what the workspace already knows of a span of an article:
// who speaks there and which actors and documents are named inside it.
type Found struct {
	// Kind is what a suggestion over the span takes it for ("" when none).
	Kind        model.ExcerptKind
	SpeakerID   int64
	ActorIDs    []int64
	DocumentIDs []int64
}

// Within tells what is found inside span: the actors and documents of
// the mentions that lie wholly inside it, and the speaker of a quote
// proposal or excerpt that overlaps it. The speaker counts among the
// actors, as when a quote proposal is accepted.
func (r Reading) Within(span model.Span) Found {
	var f Found
	for _, m := range r.Mentions {
		if !inside(m.Span, span) {
			continue
		}
		if _, ok := r.Actors[m.ActorID]; ok && !slices.Contains(f.ActorIDs, m.ActorID) {
			f.ActorIDs = append(f.ActorIDs, m.ActorID)
		}
		if _, ok := r.Documents[m.DocumentID]; ok && !slices.Contains(f.DocumentIDs, m.DocumentID) {
			f.DocumentIDs = append(f.DocumentIDs, m.DocumentID)
		}
	}
	f.Kind, f.SpeakerID = r.speakerOf(span)
	if f.SpeakerID != 0 && !slices.Contains(f.ActorIDs, f.SpeakerID) {
		f.ActorIDs = append([]int64{f.SpeakerID}, f.ActorIDs...)
	}
	return f
}

// speakerOf finds the suggestion that overlaps span most: an open quote
// or figure proposal, or else an excerpt with a speaker, whose kind it
// takes when no proposal gave one.
func (r Reading) speakerOf(span model.Span) (model.ExcerptKind, int64) {
	var kind model.ExcerptKind
	var speaker int64
	best := 0
	for _, p := range r.Proposals {
		n := overlap(p.Span, span)
		if n <= best || (p.Kind != model.ProposeQuote && p.Kind != model.ProposeFigure) {
			continue
		}
		best, kind, speaker = n, model.ExcerptFigure, 0
		if p.Kind == model.ProposeQuote {
			kind = model.ExcerptQuote
			speaker = r.firstKnown(p.SpeakerIDs)
		}
	}
	if speaker != 0 {
		return kind, speaker
	}
	for _, e := range r.Excerpts {
		if n := overlap(e.Span, span); n > 0 && e.SpeakerID != 0 && r.Actors[e.SpeakerID] != "" {
			return cmp.Or(kind, e.Kind), e.SpeakerID
		}
	}
	return kind, 0
}

func (r Reading) firstKnown(ids []int64) int64 {
	for _, id := range ids {
		if _, ok := r.Actors[id]; ok {
			return id
		}
	}
	return 0
}

// inside tells whether a lies within b.
func inside(a, b model.Span) bool { return a.Start >= b.Start && a.End <= b.End && a.Len() > 0 }

// overlap counts the code points a and b share.
func overlap(a, b model.Span) int { return max(0, min(a.End, b.End)-max(a.Start, b.Start)) }
