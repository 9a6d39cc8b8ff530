package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"dossier/model"
	"dossier/workspace"
)

// On the command line a proposal is P and its id ("P12", or the bare
// number) and a proposed mention is M and its id ("M5"), as `suggest`
// prints them.

// proposalKinds names the kinds of proposal in the order `suggest` prints
// them, with their headings.
var proposalKinds = []struct {
	kind    model.ProposalKind
	heading string
}{
	{model.ProposeActor, "actors"},
	{model.ProposeQuote, "quotes"},
	{model.ProposeDocument, "documents"},
	{model.ProposeFigure, "figures"},
}

func suggestCommand() *command {
	return &command{
		name:    "suggest",
		args:    "[--json] ARTICLE",
		summary: "list what Dossier proposes in an article: mentions, new actors, quotes, documents and figures",
		help: `Scans the article with the id ARTICLE again and lists what it proposes, each with its place
(START:END in characters of the article's text): mentions of known actors and documents (M ids),
and new actors, quotes, documents and figures (P ids). Accept one with 'dossier accept P12' (a new
name may instead become an alias of an existing profile: --into ACTOR), or reject it with
'dossier reject P12'; what is rejected is never proposed again.`,
		setup: func(fs *flag.FlagSet) runFunc {
			asJSON := fs.Bool("json", false, "print {article_id, proposals, mentions} as JSON")
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args, "ARTICLE"); err != nil {
					return err
				}
				id, err := parseID("article", args[0])
				if err != nil {
					return err
				}
				return inWorkspace(e, func(ws *workspace.Workspace) error {
					return suggest(ctx, e, ws, id, *asJSON)
				})
			}
		},
	}
}

// suggestion is the --json output of `suggest`.
type suggestion struct {
	ArticleID int64            `json:"article_id"`
	Proposals []model.Proposal `json:"proposals"`
	Mentions  []model.Mention  `json:"mentions"`
}

func suggest(ctx context.Context, e *env, ws *workspace.Workspace, id int64, asJSON bool) error {
	a, err := ws.Article(ctx, id)
	if err != nil {
		return err
	}
	ps, ms, err := ws.Suggest(ctx, id)
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(e.stdout, suggestion{ArticleID: id, Proposals: orEmpty(ps), Mentions: orEmpty(ms)})
	}
	fmt.Fprintf(e.stdout, "article %d %q: %s, %s\n", a.ID, clip(oneLine(a.Title), titleWidth/2),
		quantity(len(ps), "proposal", "proposals"), quantity(len(ms), "proposed mention", "proposed mentions"))
	if len(ps)+len(ms) == 0 {
		return nil
	}
	names := newProfileNames(ws)
	if err := printProposedMentions(ctx, e.stdout, names, ms); err != nil {
		return err
	}
	for _, k := range proposalKinds {
		if err := printProposals(ctx, e.stdout, names, k.heading, ofKind(ps, k.kind)); err != nil {
			return err
		}
	}
	fmt.Fprintln(e.stdout, "\naccept one with: dossier accept P<id> [--into ACTOR|DOC]; reject one with: dossier reject P<id> (M<id> for a mention)")
	return nil
}

func ofKind(ps []model.Proposal, kind model.ProposalKind) []model.Proposal {
	var out []model.Proposal
	for _, p := range ps {
		if p.Kind == kind {
			out = append(out, p)
		}
	}
	return out
}

func printProposedMentions(ctx context.Context, w io.Writer, names *profileNames, ms []model.Mention) error {
	if len(ms) == 0 {
		return nil
	}
	heading(w, "mentions of known names", len(ms))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, m := range ms {
		owner, err := names.owner(ctx, m.ActorID, m.DocumentID)
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "  M%d\t%d:%d\t%q\t%s\n", m.ID, m.Span.Start, m.Span.End, oneLine(m.Text), owner)
	}
	return tw.Flush()
}

func printProposals(ctx context.Context, w io.Writer, names *profileNames, title string, ps []model.Proposal) error {
	if len(ps) == 0 {
		return nil
	}
	heading(w, title, len(ps))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, p := range ps {
		about, err := proposalDetails(ctx, names, p)
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "  P%d\t%d:%d\t\"%s\"\t%s\n", p.ID, p.Span.Start, p.Span.End, shortQuote(p.Text), about)
	}
	return tw.Flush()
}

// proposalDetails says what a proposal is beyond its text: an actor's role
// and kind, a quote's speakers, a document's kind, what a figure counts,
// and the profile a name looks like a variant of.
func proposalDetails(ctx context.Context, names *profileNames, p model.Proposal) (string, error) {
	var parts []string
	add := func(s string) {
		if s != "" {
			parts = append(parts, s)
		}
	}
	switch p.Kind {
	case model.ProposeActor:
		add(p.Role)
		add(string(p.ActorKind))
	case model.ProposeQuote:
		if len(p.Speakers) > 0 {
			add("said by " + strings.Join(p.Speakers, " and "))
		} else {
			add("speaker not found")
		}
	case model.ProposeDocument:
		add(string(p.DocumentKind))
	case model.ProposeFigure:
		if p.Counts != "" {
			add("counts " + p.Counts)
		}
	}
	if p.AliasOf != 0 {
		owner, err := names.aliasOf(ctx, p)
		if err != nil {
			return "", err
		}
		add("alias of " + owner)
	}
	return strings.Join(parts, ", "), nil
}

// profileNames looks up the labels of actors and documents once each for
// a listing.
type profileNames struct {
	ws     *workspace.Workspace
	labels map[string]string
}

func newProfileNames(ws *workspace.Workspace) *profileNames {
	return &profileNames{ws: ws, labels: map[string]string{}}
}

// owner labels the actor or the document (one of the ids is 0) that a
// mention names.
func (n *profileNames) owner(ctx context.Context, actorID, documentID int64) (string, error) {
	key := fmt.Sprintf("a%d d%d", actorID, documentID)
	if label, ok := n.labels[key]; ok {
		return label, nil
	}
	var label string
	if actorID != 0 {
		a, err := n.ws.Actor(ctx, actorID)
		if err != nil {
			return "", err
		}
		label = actorLabel(a)
	} else {
		d, err := n.ws.Document(ctx, documentID)
		if err != nil {
			return "", err
		}
		label = documentLabel(d)
	}
	n.labels[key] = label
	return label, nil
}

// aliasOf labels the profile that a proposal looks like a variant of.
func (n *profileNames) aliasOf(ctx context.Context, p model.Proposal) (string, error) {
	if p.Kind == model.ProposeDocument {
		return n.owner(ctx, 0, p.AliasOf)
	}
	return n.owner(ctx, p.AliasOf, 0)
}

// suggestionRef is a proposal or a mention as given on the command line.
type suggestionRef struct {
	id      int64
	mention bool
}

// parseSuggestionRef reads P12, 12 (a proposal) or M5 (a mention).
func parseSuggestionRef(s string) (suggestionRef, error) {
	t := strings.TrimSpace(s)
	var r suggestionRef
	switch {
	case strings.HasPrefix(t, "P"), strings.HasPrefix(t, "p"):
		t = t[1:]
	case strings.HasPrefix(t, "M"), strings.HasPrefix(t, "m"):
		r.mention, t = true, t[1:]
	}
	id, ok := asID(t)
	if !ok {
		return r, usageErrorf("%q is not a proposal or a mention; give the id that 'dossier suggest' shows, as in P12 or M5", s)
	}
	r.id = id
	return r, nil
}

func acceptCommand() *command {
	return &command{
		name:    "accept",
		args:    "PROPOSAL [--into ACTOR|DOC | --new]",
		summary: "accept a proposal, or confirm a proposed mention",
		help: `PROPOSAL is P and the id that 'dossier suggest' shows (P12, or just 12): a new actor or document
is created, or with --into its name becomes an alias of an existing one (a proposal that 'suggest'
marks "alias of" does that by itself, unless --new asks for a profile of its own); a quote or a
figure becomes an excerpt. M and an id (M5) confirms a proposed mention instead.`,
		setup: func(fs *flag.FlagSet) runFunc {
			into := fs.String("into", "", "add the proposed name as an alias of this existing `PROFILE` instead: an actor or a document, by id, name or alias")
			asNew := fs.Bool("new", false, "make a new actor or document even where the proposal looks like a variant of a known one")
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args, "PROPOSAL"); err != nil {
					return err
				}
				ref, err := parseSuggestionRef(args[0])
				if err != nil {
					return err
				}
				if ref.mention && (given(fs, "into") || *asNew) {
					return usageErrorf("--into and --new go with a proposal (P…); a mention (M…) names its actor or document already")
				}
				if *asNew && given(fs, "into") {
					return usageErrorf("give --into or --new, not both")
				}
				return inWorkspace(e, func(ws *workspace.Workspace) error {
					if ref.mention {
						return judgeMention(ctx, e, ws, ref.id, model.MentionConfirmed)
					}
					return acceptProposal(ctx, e, ws, ref.id, *into, *asNew)
				})
			}
		},
	}
}

func acceptProposal(ctx context.Context, e *env, ws *workspace.Workspace, id int64, intoRef string, asNew bool) error {
	p, err := ws.Proposal(ctx, id)
	if err != nil {
		return err
	}
	into, err := resolveInto(ctx, ws, p, intoRef)
	if err != nil {
		return err
	}
	accept := func() (workspace.Accepted, error) { return ws.Accept(ctx, id, into) }
	if asNew {
		accept = func() (workspace.Accepted, error) { return ws.AcceptAsNew(ctx, id) }
	}
	res, err := accept()
	if err != nil {
		return err
	}
	switch res.Kind {
	case "actor":
		a, err := ws.Actor(ctx, res.ID)
		if err != nil {
			return err
		}
		printMade(e.stdout, p, res, actorLabel(a), describeActor(a))
	case "document":
		d, err := ws.Document(ctx, res.ID)
		if err != nil {
			return err
		}
		printMade(e.stdout, p, res, documentLabel(d), describeDocument(d))
	default:
		x, err := ws.Excerpt(ctx, res.ID)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "created excerpt %d: \"%s\" (%s, span %d:%d)\n", x.ID, shortQuote(x.Selector.Exact), x.Kind, x.Span.Start, x.Span.End)
	}
	return nil
}

// resolveInto finds the profile named by --into: an actor for an actor
// proposal, a document for a document proposal.
func resolveInto(ctx context.Context, ws *workspace.Workspace, p model.Proposal, ref string) (int64, error) {
	if ref == "" {
		return 0, nil
	}
	switch p.Kind {
	case model.ProposeActor:
		return resolveRef(ctx, ws, ref, resolveActor)
	case model.ProposeDocument:
		return resolveRef(ctx, ws, ref, resolveDocument)
	}
	return 0, usageErrorf("--into goes with actor and document proposals; a %s becomes an excerpt of its own", p.Kind)
}

// printMade says what accepting an actor or document proposal made.
func printMade(w io.Writer, p model.Proposal, res workspace.Accepted, label, described string) {
	if res.Alias {
		fmt.Fprintf(w, "added %q as an alias of %s\n", p.Text, label)
		return
	}
	fmt.Fprintf(w, "created %s\n", described)
}

func rejectCommand() *command {
	return &command{
		name:    "reject",
		args:    "PROPOSAL",
		summary: "reject a proposal or a proposed mention; it is not proposed again",
		help:    "PROPOSAL is P and the id that 'dossier suggest' shows (P12, or just 12), or M and an id (M5) for a mention.",
		setup: func(fs *flag.FlagSet) runFunc {
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args, "PROPOSAL"); err != nil {
					return err
				}
				ref, err := parseSuggestionRef(args[0])
				if err != nil {
					return err
				}
				return inWorkspace(e, func(ws *workspace.Workspace) error {
					if ref.mention {
						return judgeMention(ctx, e, ws, ref.id, model.MentionRejected)
					}
					return rejectProposal(ctx, e, ws, ref.id)
				})
			}
		},
	}
}

func rejectProposal(ctx context.Context, e *env, ws *workspace.Workspace, id int64) error {
	p, err := ws.Proposal(ctx, id)
	if err != nil {
		return err
	}
	if p.State == model.ProposalAccepted {
		return model.Conflictf("proposal %d was accepted already and made %s %d; change or delete that instead",
			p.ID, proposalResultNoun(p.Kind), p.ResultID)
	}
	if err := ws.Reject(ctx, id); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "rejected proposal %d (%s \"%s\"); it will not be proposed again\n", p.ID, p.Kind, shortQuote(p.Text))
	return nil
}

func proposalResultNoun(k model.ProposalKind) string {
	switch k {
	case model.ProposeActor:
		return "actor"
	case model.ProposeDocument:
		return "document"
	}
	return "excerpt"
}

// judgeMention records the analyst's verdict on a mention.
func judgeMention(ctx context.Context, e *env, ws *workspace.Workspace, id int64, state model.MentionState) error {
	m, err := ws.Mention(ctx, id)
	if err != nil {
		return err
	}
	owner, err := newProfileNames(ws).owner(ctx, m.ActorID, m.DocumentID)
	if err != nil {
		return err
	}
	if err := ws.SetMentionState(ctx, id, state); err != nil {
		return err
	}
	if state == model.MentionRejected {
		fmt.Fprintf(e.stdout, "rejected mention %d: %q in article %d is not %s; it will not be proposed again\n", m.ID, m.Text, m.ArticleID, owner)
		return nil
	}
	fmt.Fprintf(e.stdout, "confirmed mention %d: %q in article %d is %s\n", m.ID, m.Text, m.ArticleID, owner)
	return nil
}

func mentionsListCommand() *command {
	return &command{
		name:    "mentions list",
		args:    "[--json] [--article ID] [--actor ACTOR | --document DOC] [--state S] [--limit N] [--offset N]",
		summary: "list where actors and documents are mentioned, by article and place",
		help:    "Mentions are found by their names and aliases when articles are imported or names change. " + actorRefHelp + " " + documentRefHelp,
		setup: func(fs *flag.FlagSet) runFunc {
			asJSON := fs.Bool("json", false, "print {total, offset, mentions} as JSON")
			article := fs.String("article", "", "only in the article with this `ID`")
			actor := fs.String("actor", "", "only mentions of `ACTOR`")
			document := fs.String("document", "", "only mentions of the document `DOC`")
			state := fs.String("state", "", "only mentions in `STATE`: "+enumList(model.MentionStates()))
			page := declareFilters(fs, filterPage)
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args); err != nil {
					return err
				}
				checked, err := page.check()
				if err != nil {
					return err
				}
				f := model.MentionFilter{Page: checked.page}
				if err := checkMentionFilter(fs, &f, *article, *actor, *document, *state); err != nil {
					return err
				}
				return inWorkspace(e, func(ws *workspace.Workspace) error {
					var err error
					if f.ActorID, err = optionalRef(ctx, ws, *actor, resolveActor); err != nil {
						return err
					}
					if f.DocumentID, err = optionalRef(ctx, ws, *document, resolveDocument); err != nil {
						return err
					}
					return listMentions(ctx, e, ws, f, *asJSON)
				})
			}
		},
	}
}

// checkMentionFilter reads the filters of `mentions list` that need no
// workspace.
func checkMentionFilter(fs *flag.FlagSet, f *model.MentionFilter, article, actor, document, state string) error {
	if actor != "" && document != "" {
		return usageErrorf("give --actor or --document, not both; a mention names one actor or one document")
	}
	var err error
	if article != "" {
		if f.ArticleID, err = parseID("--article", article); err != nil {
			return err
		}
	}
	return enumFlag(fs, "state", state, model.ParseMentionState, &f.State, "", false)
}

// mentionPage is the --json output of `mentions list`.
type mentionPage struct {
	Total    int             `json:"total"`
	Offset   int             `json:"offset"`
	Mentions []model.Mention `json:"mentions"`
}

func listMentions(ctx context.Context, e *env, ws *workspace.Workspace, f model.MentionFilter, asJSON bool) error {
	ms, total, err := ws.ListMentions(ctx, f)
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(e.stdout, mentionPage{Total: total, Offset: f.Offset, Mentions: orEmpty(ms)})
	}
	if len(ms) > 0 {
		names := newProfileNames(ws)
		tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tARTICLE\tSPAN\tSTATE\tFOUND BY\tTEXT\tNAMES")
		for _, m := range ms {
			owner, err := names.owner(ctx, m.ActorID, m.DocumentID)
			if err != nil {
				return err
			}
			fmt.Fprintf(tw, "M%d\t%d\t%d:%d\t%s\t%s\t%q\t%s\n", m.ID, m.ArticleID, m.Span.Start, m.Span.End, m.State, m.Origin, oneLine(m.Text), owner)
		}
		tw.Flush()
	}
	printShowing(e.stdout, "mentions", f.Offset, len(ms), total)
	return nil
}

func rescanCommand() *command {
	return &command{
		name:    "rescan",
		args:    "[--json]",
		summary: "find names, quotes, documents and figures again in every article",
		help: `Scans every article again, as an import does. Proposed mentions and open proposals are replaced;
what was confirmed, accepted or rejected stays. On a terminal a progress line is kept on stderr.
Ctrl+C stops after the article being scanned; run the command again to scan them all.`,
		setup: func(fs *flag.FlagSet) runFunc {
			asJSON := fs.Bool("json", false, "print {articles, proposed_mentions, open_proposals} as JSON")
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args); err != nil {
					return err
				}
				return inWorkspace(e, func(ws *workspace.Workspace) error {
					return rescan(ctx, e, ws, *asJSON)
				})
			}
		},
	}
}

// rescanSummary is the --json output of `rescan`.
type rescanSummary struct {
	Articles         int `json:"articles"`
	ProposedMentions int `json:"proposed_mentions"`
	OpenProposals    int `json:"open_proposals"`
}

func rescan(ctx context.Context, e *env, ws *workspace.Workspace, asJSON bool) error {
	var line *progressLine
	if terminal(e.stderr) {
		line = &progressLine{w: e.stderr}
	}
	n, err := ws.Rescan(ctx, nil, func(p workspace.Progress) {
		line.write(fmt.Sprintf("rescanning: %d of %d done (article %s)", p.Done, p.Total, p.Current))
	})
	line.clear()
	if errors.Is(err, context.Canceled) {
		return withHint(fmt.Errorf("rescan interrupted after %s", quantity(n, "article", "articles")),
			"what was scanned is stored; run the command again to scan every article")
	}
	if err != nil {
		return err
	}
	s := rescanSummary{Articles: n}
	if _, s.ProposedMentions, err = ws.ListMentions(ctx, model.MentionFilter{State: model.MentionProposed, Page: model.Page{Limit: 1}}); err != nil {
		return err
	}
	if _, s.OpenProposals, err = ws.ListProposals(ctx, model.ProposalFilter{State: model.ProposalOpen, Page: model.Page{Limit: 1}}); err != nil {
		return err
	}
	if asJSON {
		return writeJSON(e.stdout, s)
	}
	fmt.Fprintf(e.stdout, "rescanned %s: %s and %s in the workspace\n", quantity(s.Articles, "article", "articles"),
		quantity(s.ProposedMentions, "proposed mention", "proposed mentions"), quantity(s.OpenProposals, "open proposal", "open proposals"))
	return nil
}
