package workspace

import (
	"context"
	"fmt"

	"dossier/extract"
	"dossier/model"
)

// findings are what the extractor sees in one body: mentions of known
// names, and proposals for what is not known yet. Article ids are filled
// in when they are stored.
type findings struct {
	mentions  []model.Mention
	proposals []model.Proposal
}

// find runs the name matcher and the proposer over a body.
func find(k *extract.Known, body string) findings {
	var f findings
	for _, m := range k.Matcher().Find(body) {
		f.mentions = append(f.mentions, model.Mention{
			Span: m.Span, Text: m.Text, ActorID: m.ActorID, DocumentID: m.DocumentID,
			State: model.MentionProposed, Origin: model.OriginAlias,
		})
	}
	p := extract.Propose(body, k)
	for _, a := range p.Actors {
		f.proposals = append(f.proposals, model.Proposal{Kind: model.ProposeActor, Span: a.Span, Text: a.Name,
			Role: a.Role, ActorKind: a.Kind, AliasOf: a.AliasOf})
	}
	for _, q := range p.Quotes {
		f.proposals = append(f.proposals, model.Proposal{Kind: model.ProposeQuote, Span: q.Span, Text: q.Text,
			Speakers: q.Speakers, SpeakerIDs: q.SpeakerIDs})
	}
	for _, d := range p.Documents {
		f.proposals = append(f.proposals, model.Proposal{Kind: model.ProposeDocument, Span: d.Span, Text: d.Title,
			DocumentKind: d.Kind, AliasOf: d.AliasOf})
	}
	for _, n := range p.Figures {
		f.proposals = append(f.proposals, model.Proposal{Kind: model.ProposeFigure, Span: n.Span, Text: n.Text,
			Value: n.Value, Counts: n.Counts})
	}
	for i := range f.proposals {
		f.proposals[i].State = model.ProposalOpen
	}
	return f
}

// save stores an article's findings: its proposed mentions and proposals
// are replaced; confirmed and rejected ones stay, and are not proposed again.
func (ws *Workspace) save(ctx context.Context, articleID int64, f findings) error {
	for i := range f.mentions {
		f.mentions[i].ArticleID = articleID
	}
	for i := range f.proposals {
		f.proposals[i].ArticleID = articleID
	}
	if err := ws.ReplaceFindings(ctx, articleID, f.mentions, f.proposals); err != nil {
		return fmt.Errorf("names and proposals found in article %d: %w", articleID, err)
	}
	return nil
}

// known returns what the workspace knows — its actors, documents and their
// aliases — built once and kept until a name changes.
func (ws *Workspace) known(ctx context.Context) (*extract.Known, error) {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if ws.knownCache != nil {
		return ws.knownCache, nil
	}
	actors, err := allPages(func(p model.Page) ([]model.Actor, int, error) {
		return ws.ListActors(ctx, model.ActorFilter{Page: p})
	})
	if err != nil {
		return nil, err
	}
	docs, err := allPages(func(p model.Page) ([]model.Document, int, error) {
		return ws.ListDocuments(ctx, model.DocumentFilter{Page: p})
	})
	if err != nil {
		return nil, err
	}
	aliases, err := ws.AllAliases(ctx)
	if err != nil {
		return nil, err
	}
	ws.knownCache = extract.NewKnown(actors, docs, aliases)
	return ws.knownCache, nil
}

// forget drops what known built, after a name changed.
func (ws *Workspace) forget() {
	ws.mu.Lock()
	ws.knownCache = nil
	ws.namesGen.Add(1)
	ws.mu.Unlock()
}

// allPages reads a whole listing page by page.
func allPages[T any](list func(model.Page) ([]T, int, error)) ([]T, error) {
	var out []T
	for off := 0; ; {
		page, total, err := list(model.Page{Limit: model.MaxPageSize, Offset: off})
		if err != nil {
			return nil, err
		}
		out = append(out, page...)
		off += len(page)
		if len(page) == 0 || off >= total {
			return out, nil
		}
	}
}

// Suggest re-reads one article and returns its open proposals and
// proposed mentions, as `dossier suggest` and the reader's side panel show
// them.
func (ws *Workspace) Suggest(ctx context.Context, articleID int64) ([]model.Proposal, []model.Mention, error) {
	if _, err := ws.Rescan(ctx, []int64{articleID}, nil); err != nil {
		return nil, nil, err
	}
	ps, err := allPages(func(p model.Page) ([]model.Proposal, int, error) {
		return ws.ListProposals(ctx, model.ProposalFilter{ArticleID: articleID, State: model.ProposalOpen, Page: p})
	})
	if err != nil {
		return nil, nil, err
	}
	ms, err := allPages(func(p model.Page) ([]model.Mention, int, error) {
		return ws.ListMentions(ctx, model.MentionFilter{ArticleID: articleID, State: model.MentionProposed, Page: p})
	})
	return ps, ms, err
}

// Rescan finds names and proposals again in the given articles (every
// article when ids is nil) and returns how many it scanned. progress, when
// not nil, is called after each article with its id as Current. An article
// deleted while the scan runs is skipped.
func (ws *Workspace) Rescan(ctx context.Context, ids []int64, progress func(Progress)) (int, error) {
	k, err := ws.known(ctx)
	if err != nil {
		return 0, err
	}
	if ids == nil {
		if ids, err = ws.AllArticleIDs(ctx); err != nil {
			return 0, err
		}
	}
	done := 0
	err = ws.ArticleBodies(ctx, ids, func(id int64, body string) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		scanned, err := ws.rescanOne(ctx, &k, id, body)
		if err != nil || !scanned {
			return err
		}
		done++
		if progress != nil {
			progress(Progress{Done: done, Total: len(ids), Current: fmt.Sprint(id)})
		}
		return nil
	})
	return done, err
}

// rescanOne stores what *k finds in one article and tells whether it did.
// The bodies are read in one transaction while the workspace goes on
// changing: an article deleted since is skipped, and when an actor or
// document that *k knows has been deleted since, *k is built anew and the
// article scanned once more without it.
func (ws *Workspace) rescanOne(ctx context.Context, k **extract.Known, id int64, body string) (bool, error) {
	f := find(*k, body)
	err := ws.save(ctx, id, f)
	if err == nil || ws.articleGone(ctx, id) {
		return err == nil, nil
	}
	gone, goneErr := ws.namedGone(ctx, f)
	if goneErr != nil || !gone {
		return false, err
	}
	ws.forget()
	if *k, err = ws.known(ctx); err != nil {
		return false, err
	}
	err = ws.save(ctx, id, find(*k, body))
	if err == nil || ws.articleGone(ctx, id) {
		return err == nil, nil
	}
	return false, err
}

// articleGone tells whether an article has been deleted.
func (ws *Workspace) articleGone(ctx context.Context, id int64) bool {
	_, err := ws.Article(ctx, id)
	return isNotFound(err)
}

// namedGone tells whether an actor or document that the findings name
// does not exist any more.
func (ws *Workspace) namedGone(ctx context.Context, f findings) (bool, error) {
	seen := map[[2]int64]bool{}
	for _, m := range f.mentions {
		key := [2]int64{m.ActorID, m.DocumentID}
		if seen[key] {
			continue
		}
		seen[key] = true
		var err error
		if m.ActorID != 0 {
			_, err = ws.Actor(ctx, m.ActorID)
		} else if m.DocumentID != 0 {
			_, err = ws.Document(ctx, m.DocumentID)
		}
		if isNotFound(err) {
			return true, nil
		}
		if err != nil {
			return false, err
		}
	}
	return false, nil
}
