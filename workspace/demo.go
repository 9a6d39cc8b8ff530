package workspace

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"dossier/ingest"
	"dossier/model"
)

// SeedDemo fills a new, empty workspace from the demo articles in files
// (every article file, walked in name order) and annotates them the way
// an analyst would: a graded source, a small codebook, actors with
// aliases and relations, tracked documents with parties and a status
// history, and excerpts of every kind. Everything else is left to the
// extractor, whose mentions and proposals exist when SeedDemo returns, so
// that a newcomer sees every feature on the first screen. A workspace
// that holds anything is refused with ErrConflict: the demo never mixes
// with real work.
func (ws *Workspace) SeedDemo(ctx context.Context, files fs.FS) error {
	if err := ws.requireEmpty(ctx); err != nil {
		return err
	}
	s := &seeder{ws: ws, ids: map[string]int64{}}
	steps := []struct {
		what string
		run  func(context.Context) error
	}{
		{"source", s.source},
		{"tags", s.tags},
		{"articles", func(ctx context.Context) error { return s.articles(ctx, files) }},
		{"actors", s.actors},
		{"documents", s.documents},
		{"excerpts", s.excerpts},
		{"parties", s.parties},
		{"status history", s.history},
		{"relations", s.relations},
		{"names and proposals", s.findNames},
		{"proposals already taken up", s.settle},
	}
	for _, step := range steps {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		if err := step.run(ctx); err != nil {
			return fmt.Errorf("demo %s: %w", step.what, err)
		}
	}
	return nil
}

// requireEmpty refuses a workspace with any row in any table.
func (ws *Workspace) requireEmpty(ctx context.Context) error {
	info, err := ws.Info(ctx)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	for _, t := range info.Tables {
		if t.Rows > 0 {
			return model.Conflictf("the demo goes only into an empty workspace; this one has %d rows in %s", t.Rows, t.Table)
		}
	}
	return nil
}

// seeder remembers the ids of what it made under the keys the demo
// tables below use, "actor:reyhaven" or "excerpt:tabled".
type seeder struct {
	ws  *Workspace
	ids map[string]int64
}

func (s *seeder) id(kind, key string) (int64, error) {
	id, ok := s.ids[kind+":"+key]
	if !ok {
		return 0, model.Invalidf("the demo needs %s %q, which is missing", kind, key)
	}
	return id, nil
}

func (s *seeder) idList(kind string, keys []string) ([]int64, error) {
	out := make([]int64, 0, len(keys))
	for _, k := range keys {
		id, err := s.id(kind, k)
		if err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, nil
}

// optionalID is 0 for an empty key.
func (s *seeder) optionalID(kind, key string) (int64, error) {
	if key == "" {
		return 0, nil
	}
	return s.id(kind, key)
}

// demoDate reads a date of the demo tables; they are constants, so an
// error is the demo's own and reported as such.
func demoDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("demo date %q: %w", s, err)
	}
	return t, nil
}

// The outlet the demo articles come from; all of it is invented.
var demoSource = model.Source{
	Name: "Harbour Ledger", Kind: model.SourceOutlet, Reliability: model.ReliabilityB,
	Notes: "An invented outlet: the demo articles, their people, states and documents are fictional.",
}

func (s *seeder) source(ctx context.Context) error {
	src := demoSource
	if err := s.ws.CreateSource(ctx, &src); err != nil {
		return err
	}
	s.ids["source:ledger"] = src.ID
	return nil
}

type demoTag struct {
	key, parent string
	tag         model.Tag
}

var demoTags = []demoTag{
	{"negotiations", "", model.Tag{Name: "Negotiations", Colour: "#3b6ea8", Description: "Talks, drafts, proposals and the positions taken in them."}},
	{"security", "negotiations", model.Tag{Name: "Security guarantees", Colour: "#7a4fa0", Description: "Escorts, guarantors and who protects the corridor."}},
	{"shipping", "negotiations", model.Tag{Name: "Shipping corridor", Colour: "#2f8f83", Description: "Passage through the strait: width, rules, traffic."}},
	{"humanitarian", "", model.Tag{Name: "Humanitarian", Colour: "#c0612b", Description: "Aid, convoys and civilians' needs."}},
	{"figures", "", model.Tag{Name: "Figures", Colour: "#8a8a3c", Description: "Numbers worth checking against other sources."}},
}

func (s *seeder) tags(ctx context.Context) error {
	for _, d := range demoTags {
		t := d.tag
		parent, err := s.optionalID("tag", d.parent)
		if err != nil {
			return err
		}
		t.ParentID = parent
		if err := s.ws.CreateTag(ctx, &t); err != nil {
			return fmt.Errorf("tag %q: %w", t.Name, err)
		}
		s.ids["tag:"+d.key] = t.ID
	}
	return nil
}

// demoArticleTags are the tags of each demo article, by file name without
// its extension.
var demoArticleTags = map[string][]string{
	"01-corridor-talks-open":   {"negotiations", "shipping"},
	"02-kesterian-plan-tabled": {"negotiations", "security"},
	"03-aid-convoy-crosses":    {"humanitarian", "shipping"},
	"04-framework-redrafted":   {"negotiations", "security"},
}

// articles imports every article file of files, as Import would, and
// files each under the demo source with its tags.
func (s *seeder) articles(ctx context.Context, files fs.FS) error {
	names, err := articleFiles(files)
	if err != nil {
		return err
	}
	if len(names) == 0 {
		return model.Invalidf("there are no demo articles to import")
	}
	for _, name := range names {
		if err := s.article(ctx, files, name); err != nil {
			return err
		}
	}
	return nil
}

// articleFiles lists the files ingest reads, in name order.
func articleFiles(files fs.FS) ([]string, error) {
	var names []string
	err := fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && ingest.Supported(p) {
			names = append(names, p)
		}
		return nil
	})
	sort.Strings(names)
	return names, err
}

func (s *seeder) article(ctx context.Context, files fs.FS, name string) error {
	data, err := fs.ReadFile(files, name)
	if err != nil {
		return err
	}
	doc, err := ingest.ReadBytes(path.Base(name), data)
	r := s.ws.store(ctx, parsedFile{path: name, doc: doc, err: err})
	if r.Status != Imported {
		return fmt.Errorf("%s: %s %s", name, r.Status, r.Detail)
	}
	key := strings.TrimSuffix(path.Base(name), path.Ext(name))
	s.ids["article:"+key] = r.ArticleID
	a, err := s.ws.Article(ctx, r.ArticleID)
	if err != nil {
		return err
	}
	a.SourceID = s.ids["source:ledger"]
	if a.TagIDs, err = s.idList("tag", demoArticleTags[key]); err != nil {
		return err
	}
	return s.ws.UpdateArticle(ctx, &a)
}

type demoActor struct {
	key, affiliation string
	actor            model.Actor
	aliases          []string
}

// States come first: people are affiliated with them.
var demoActors = []demoActor{
	{"valdoria", "", model.Actor{Name: "Valdoria", Kind: model.ActorState, Country: "Valdoria",
		Description: "Coastal republic on the western shore of the Saltmere Strait."}, []string{"Republic of Valdoria"}},
	{"kesteria", "", model.Actor{Name: "Kesteria", Kind: model.ActorState, Country: "Kesteria",
		Description: "Federation on the eastern shore; closed the strait last spring."}, []string{"Kesterian Federation"}},
	{"lunemark", "", model.Actor{Name: "Lunemark", Kind: model.ActorState, Country: "Lunemark",
		Description: "Kingdom hosting and mediating the talks in Aldercove."}, []string{"Kingdom of Lunemark"}},
	{"reyhaven", "valdoria", model.Actor{Name: "Tomas Reyhaven", Kind: model.ActorPerson, Role: "Foreign Minister", Country: "Valdoria",
		Description: "Leads Valdoria's delegation."}, []string{"Reyhaven"}},
	{"kestovan", "kesteria", model.Actor{Name: "Radomir Kestovan", Kind: model.ActorPerson, Role: "chief negotiator", Country: "Kesteria",
		Description: "Leads Kesteria's delegation.", Notes: "Kesterian media write his name in Cyrillic."}, []string{"Kestovan", "Радомир Кестован"}},
	{"duvallon", "lunemark", model.Actor{Name: "Inès Duvallon", Kind: model.ActorPerson, Role: "special envoy", Country: "Lunemark",
		Description: "Lunemark's mediator; author of the corridor framework."}, []string{"Duvallon", "Ines Duvallon"}},
}

func (s *seeder) actors(ctx context.Context) error {
	for _, d := range demoActors {
		a := d.actor
		aff, err := s.optionalID("actor", d.affiliation)
		if err != nil {
			return err
		}
		a.AffiliationID = aff
		if err := s.ws.CreateActor(ctx, &a); err != nil {
			return fmt.Errorf("actor %q: %w", a.Name, err)
		}
		s.ids["actor:"+d.key] = a.ID
		if err := s.aliases(ctx, d.aliases, model.Alias{ActorID: a.ID}); err != nil {
			return err
		}
	}
	return nil
}

// aliases adds names to the owner that owner names.
func (s *seeder) aliases(ctx context.Context, names []string, owner model.Alias) error {
	for _, n := range names {
		al := owner
		al.Name = n
		if err := s.ws.AddAlias(ctx, &al); err != nil {
			return fmt.Errorf("alias %q: %w", n, err)
		}
	}
	return nil
}

type demoDocument struct {
	key     string
	doc     model.Document
	aliases []string
}

// Their status comes from the history added later.
var demoDocuments = []demoDocument{
	{"framework", model.Document{Title: "Maritime Corridor Framework", Kind: model.DocFramework, Status: model.StatusRumoured,
		Disclosure: model.DisclosureLeaked, Description: "Lunemark's draft for a 12-nautical-mile corridor through the Saltmere Strait under joint monitoring."},
		[]string{"corridor framework", "draft corridor framework"}},
	{"plan12", model.Document{Title: "12-point ceasefire plan", Kind: model.DocPlan, Status: model.StatusRumoured,
		Disclosure: model.DisclosureUndisclosed, Description: "Kesteria's counter-proposal: the strait reopened in stages over 90 days."},
		[]string{"12-point plan", "twelve-point plan"}},
}

func (s *seeder) documents(ctx context.Context) error {
	for _, d := range demoDocuments {
		doc := d.doc
		if err := s.ws.CreateDocument(ctx, &doc); err != nil {
			return fmt.Errorf("document %q: %w", doc.Title, err)
		}
		s.ids["document:"+d.key] = doc.ID
		if err := s.aliases(ctx, d.aliases, model.Alias{DocumentID: doc.ID}); err != nil {
			return err
		}
	}
	return nil
}

type demoExcerpt struct {
	key, article, quote string
	kind                model.ExcerptKind
	speaker             string
	actors, documents   []string
	tags                []string
	credibility         model.Credibility
	note, stance        string
}

var demoExcerpts = []demoExcerpt{
	{key: "talks-open", article: "01-corridor-talks-open", kind: model.ExcerptEvent,
		quote:  "Delegations from Valdoria and Kesteria sat down in the Lunemark port city of Aldercove on Monday",
		actors: []string{"valdoria", "kesteria", "lunemark"}, tags: []string{"negotiations"}, credibility: 1,
		note: "First direct talks in eleven months."},
	{key: "presented", article: "01-corridor-talks-open", kind: model.ExcerptEvent,
		quote:  "Lunemark’s special envoy, Inès Duvallon, presented the draft Maritime Corridor Framework to both delegations on Monday morning.",
		actors: []string{"duvallon", "lunemark"}, documents: []string{"framework"}, tags: []string{"negotiations", "shipping"}, credibility: 1},
	{key: "belongs", article: "01-corridor-talks-open", kind: model.ExcerptQuote, speaker: "duvallon",
		quote:  "We are proposing a corridor that belongs to no one and serves everyone",
		actors: []string{"duvallon"}, documents: []string{"framework"}, tags: []string{"shipping"}, credibility: 2},
	{key: "tabled", article: "02-kesterian-plan-tabled", kind: model.ExcerptEvent,
		quote:  "Kesteria formally tabled its own 12-point ceasefire plan on Friday",
		actors: []string{"kesteria"}, documents: []string{"plan12"}, tags: []string{"negotiations"}, credibility: 1},
	{key: "300-ships", article: "02-kesterian-plan-tabled", kind: model.ExcerptClaim, speaker: "kestovan",
		quote:  "Chief negotiator Radomir Kestovan claimed that Kesteria had let 300 ships through the strait since the closure.",
		actors: []string{"kestovan", "kesteria"}, tags: []string{"figures", "shipping"}, credibility: 5,
		stance: "Improbable: the Shipping Council's port records, in the next sentence, list fewer than 30."},
	{key: "promise", article: "02-kesterian-plan-tabled", kind: model.ExcerptQuote, speaker: "reyhaven",
		quote:  "This plan asks us to give up half the strait in exchange for a promise",
		actors: []string{"reyhaven", "valdoria"}, documents: []string{"plan12"}, tags: []string{"security"}, credibility: 2},
	{key: "convoy", article: "03-aid-convoy-crosses", kind: model.ExcerptFigure,
		quote:  "An 18-vessel convoy carrying 6,400 tonnes of food aid crossed the Saltmere Strait on Sunday",
		actors: []string{"lunemark"}, documents: []string{"framework"}, tags: []string{"humanitarian", "figures"}, credibility: 1,
		note: "First humanitarian passage since the closure; a test of the framework's monitoring."},
	{key: "keeps-word", article: "03-aid-convoy-crosses", kind: model.ExcerptQuote, speaker: "kestovan",
		quote:  "proof that Kesteria keeps its word when others keep theirs",
		actors: []string{"kestovan", "kesteria"}, tags: []string{"humanitarian"}, credibility: 3,
		note: "Reported by the Kesterian news agency only."},
	{key: "rejected", article: "04-framework-redrafted", kind: model.ExcerptEvent,
		quote:  "On Thursday, Valdoria formally rejected the Kesterian 12-point plan in a letter to the mediators.",
		actors: []string{"valdoria"}, documents: []string{"plan12"}, tags: []string{"negotiations"}, credibility: 1},
	{key: "redraft", article: "04-framework-redrafted", kind: model.ExcerptEvent,
		quote:  "A redrafted Maritime Corridor Framework was circulated to the Valdorian and Kesterian delegations in Aldercove on Friday",
		actors: []string{"lunemark"}, documents: []string{"framework"}, tags: []string{"negotiations", "security"}, credibility: 2,
		note: "According to three people familiar with the talks; the text is not public."},
}

func (s *seeder) excerpts(ctx context.Context) error {
	for _, d := range demoExcerpts {
		if err := s.excerpt(ctx, d); err != nil {
			return fmt.Errorf("excerpt %q: %w", d.key, err)
		}
	}
	return nil
}

func (s *seeder) excerpt(ctx context.Context, d demoExcerpt) error {
	articleID, err := s.id("article", d.article)
	if err != nil {
		return err
	}
	e, err := s.ws.ExcerptOfQuote(ctx, articleID, d.quote, 1)
	if err != nil {
		return err
	}
	e.Kind, e.Credibility, e.Note, e.Stance = d.kind, d.credibility, d.note, d.stance
	if e.SpeakerID, err = s.optionalID("actor", d.speaker); err != nil {
		return err
	}
	if e.ActorIDs, err = s.idList("actor", d.actors); err != nil {
		return err
	}
	if e.DocumentIDs, err = s.idList("document", d.documents); err != nil {
		return err
	}
	if e.TagIDs, err = s.idList("tag", d.tags); err != nil {
		return err
	}
	if err := s.ws.CreateExcerpt(ctx, &e); err != nil {
		return err
	}
	s.ids["excerpt:"+d.key] = e.ID
	return nil
}

type demoParty struct {
	document, actor string
	role            model.PartyRole
	note            string
}

var demoParties = []demoParty{
	{"framework", "lunemark", model.RoleAuthor, ""},
	{"framework", "duvallon", model.RoleProposer, "Presented it in Aldercove."},
	{"framework", "lunemark", model.RoleGuarantor, "Would pay into the mine-clearing fund, per the redraft."},
	{"plan12", "kesteria", model.RoleAuthor, ""},
	{"plan12", "valdoria", model.RoleOpponent, "Rejected it in a letter to the mediators."},
}

func (s *seeder) parties(ctx context.Context) error {
	for _, d := range demoParties {
		p := model.Party{Role: d.role, Note: d.note}
		var err error
		if p.DocumentID, err = s.id("document", d.document); err != nil {
			return err
		}
		if p.ActorID, err = s.id("actor", d.actor); err != nil {
			return err
		}
		if err := s.ws.AddParty(ctx, &p); err != nil {
			return fmt.Errorf("party %s of %s: %w", d.actor, d.document, err)
		}
	}
	return nil
}

type demoEvent struct {
	document, date string
	status         model.DocumentStatus
	evidence, note string
}

var demoHistory = []demoEvent{
	{"framework", "2025-02-24", model.StatusDrafting, "", "Drafted by Lunemark's mediators before the talks."},
	{"framework", "2025-03-03", model.StatusPresented, "presented", ""},
	{"framework", "2025-03-21", model.StatusUnderRevision, "redraft", "Redraft adds an escort chapter and a €250 million fund."},
	{"plan12", "2025-03-07", model.StatusPresented, "tabled", ""},
	{"plan12", "2025-03-20", model.StatusRejected, "rejected", "Rejected by Valdoria."},
}

func (s *seeder) history(ctx context.Context) error {
	for _, d := range demoHistory {
		e := model.StatusEvent{Status: d.status, Note: d.note}
		var err error
		if e.DocumentID, err = s.id("document", d.document); err != nil {
			return err
		}
		if e.EvidenceExcerptID, err = s.optionalID("excerpt", d.evidence); err != nil {
			return err
		}
		if e.Date, err = demoDate(d.date); err != nil {
			return err
		}
		if err := s.ws.AddStatusEvent(ctx, &e); err != nil {
			return fmt.Errorf("%s on %s: %w", d.document, d.date, err)
		}
	}
	return nil
}

type demoRelation struct {
	from, to, kind, since, evidence, note string
}

var demoRelations = []demoRelation{
	{"reyhaven", "kestovan", "negotiates with", "2025-03-03", "talks-open", "Heads of the two delegations in Aldercove."},
	{"duvallon", "lunemark", "represents", "2025-03-03", "presented", ""},
}

func (s *seeder) relations(ctx context.Context) error {
	for _, d := range demoRelations {
		r := model.Relation{Type: d.kind, Note: d.note}
		var err error
		if r.FromActorID, err = s.id("actor", d.from); err != nil {
			return err
		}
		if r.ToActorID, err = s.id("actor", d.to); err != nil {
			return err
		}
		if r.EvidenceExcerptID, err = s.optionalID("excerpt", d.evidence); err != nil {
			return err
		}
		if r.From, err = demoDate(d.since); err != nil {
			return err
		}
		if err := s.ws.CreateRelation(ctx, &r); err != nil {
			return fmt.Errorf("%s %s %s: %w", d.from, d.kind, d.to, err)
		}
	}
	return nil
}

// findNames scans every article with the final set of names, after the
// background scans that each new name started: a scan of its own could
// otherwise be overtaken by one of those, made with fewer names.
func (s *seeder) findNames(ctx context.Context) error {
	s.ws.WaitRescans()
	_, err := s.ws.Rescan(ctx, nil, nil)
	return err
}

// spanAt places an excerpt or a proposal.
type spanAt struct {
	articleID int64
	span      model.Span
}

// settle marks the open quote and figure proposals that the demo's own
// excerpts already cover as accepted into them, as accepting them would
// have: the newcomer sees them taken up rather than offered a second time.
func (s *seeder) settle(ctx context.Context) error {
	excerpts, err := allPages(func(p model.Page) ([]model.Excerpt, int, error) {
		return s.ws.ListExcerpts(ctx, model.ExcerptFilter{Page: p})
	})
	if err != nil {
		return err
	}
	covered := make(map[spanAt]int64, len(excerpts))
	for _, e := range excerpts {
		covered[spanAt{e.ArticleID, e.Span}] = e.ID
	}
	open, err := allPages(func(p model.Page) ([]model.Proposal, int, error) {
		return s.ws.ListProposals(ctx, model.ProposalFilter{State: model.ProposalOpen, Page: p})
	})
	if err != nil {
		return err
	}
	for _, p := range open {
		id, ok := covered[spanAt{p.ArticleID, p.Span}]
		if !ok || (p.Kind != model.ProposeQuote && p.Kind != model.ProposeFigure) {
			continue
		}
		if err := s.ws.SetProposalState(ctx, p.ID, model.ProposalAccepted, id); err != nil {
			return err
		}
	}
	return nil
}
