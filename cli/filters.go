package cli

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"dossier/model"
	"dossier/workspace"
)

// filterSet says which filter flags a command offers: a listing of articles
// has no speaker, so `articles list --speaker` is an unknown flag there.
type filterSet uint

const (
	filterArticle filterSet = 1 << iota
	filterTag
	filterKind
	filterSpeaker
	filterActor
	filterDocument
	filterSource
	filterDates
	filterCredibility
	filterOrphans
	filterPage

	// excerptFilters is every filter of an excerpt listing or a search.
	excerptFilters = filterArticle | filterTag | filterKind | filterSpeaker | filterActor | filterDocument |
		filterSource | filterDates | filterCredibility | filterOrphans | filterPage
	// articleFilters is what narrows a listing of articles.
	articleFilters = filterTag | filterSource | filterDates | filterPage
)

// filterFlags holds the filter flags as typed. They are checked in two
// steps: check() reads the values before any workspace is opened (a bad
// date or number is a usage error), and the names in them (tags, actors,
// documents, sources) are resolved against the workspace afterwards.
type filterFlags struct {
	article, tag, kind, speaker, actor, document, source string
	from, to                                             string
	credibility, minCredibility, maxCredibility          string
	orphans                                              bool
	limit, offset                                        int
}

// declareFilters adds the chosen filter flags to fs.
func declareFilters(fs *flag.FlagSet, which filterSet) *filterFlags {
	f := &filterFlags{}
	str := func(set filterSet, p *string, name, usage string) {
		if which&set != 0 {
			fs.StringVar(p, name, "", usage)
		}
	}
	str(filterArticle, &f.article, "article", "only in the article with this `ID`")
	str(filterTag, &f.tag, "tag", "only what carries `TAG` (id, name or path parent/child) or a tag below it")
	str(filterKind, &f.kind, "kind", "only excerpts of this `KIND` ("+kindList()+")")
	str(filterSpeaker, &f.speaker, "speaker", "only what `ACTOR` (id, name or alias) says")
	str(filterActor, &f.actor, "actor", "only excerpts where `ACTOR` (id, name or alias) speaks or is involved")
	str(filterDocument, &f.document, "document", "only excerpts concerning `DOC` (id, title or alias)")
	str(filterSource, &f.source, "source", "only from the source `S` (id or name)")
	str(filterDates, &f.from, "from", "only articles published on or after `DATE` (YYYY-MM-DD)")
	str(filterDates, &f.to, "to", "only articles published on or before `DATE` (YYYY-MM-DD)")
	str(filterCredibility, &f.credibility, "credibility", "only excerpts graded `N` (1 confirmed … 6 cannot be judged)")
	str(filterCredibility, &f.minCredibility, "min-credibility", "only excerpts graded `N` or worse (higher)")
	str(filterCredibility, &f.maxCredibility, "max-credibility", "only excerpts graded `N` or better (lower)")
	if which&filterOrphans != 0 {
		fs.BoolVar(&f.orphans, "orphans", false, "only excerpts whose text a revision of the article no longer holds")
	}
	if which&filterPage != 0 {
		fs.IntVar(&f.limit, "limit", 0, fmt.Sprintf("show at most `N` (default %d, at most %d)", model.DefaultPageSize, model.MaxPageSize))
		fs.IntVar(&f.offset, "offset", 0, "skip the first `N`")
	}
	return f
}

func kindList() string {
	kinds := model.ExcerptKinds()
	s := make([]string, len(kinds))
	for i, k := range kinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// checkedFilters is what check() could read without the workspace.
type checkedFilters struct {
	articleID    int64
	kind         model.ExcerptKind
	from, to     time.Time
	minCred      model.Credibility
	maxCred      model.Credibility
	page         model.Page
	orphans      bool
	tag, speaker string
	actor, doc   string
	source       string
}

// check reads the values that need no workspace and reports the first bad
// one as a usage error.
func (f *filterFlags) check() (checkedFilters, error) {
	c := checkedFilters{orphans: f.orphans, tag: f.tag, speaker: f.speaker, actor: f.actor, doc: f.document, source: f.source}
	var err error
	if f.article != "" {
		if c.articleID, err = parseID("--article", f.article); err != nil {
			return c, err
		}
	}
	if f.kind != "" {
		if c.kind, err = model.ParseExcerptKind(f.kind); err != nil {
			return c, usageErrorf("--kind: %v", err)
		}
	}
	if c.from, err = parseDate("--from", f.from); err != nil {
		return c, err
	}
	if c.to, err = parseDate("--to", f.to); err != nil {
		return c, err
	}
	if !c.from.IsZero() && !c.to.IsZero() && c.to.Before(c.from) {
		return c, usageErrorf("--to %s is before --from %s; the range would be empty", f.to, f.from)
	}
	if err := f.checkCredibility(&c); err != nil {
		return c, err
	}
	c.page, err = checkPage(f.limit, f.offset)
	return c, err
}

func (f *filterFlags) checkCredibility(c *checkedFilters) error {
	if f.credibility != "" && (f.minCredibility != "" || f.maxCredibility != "") {
		return usageErrorf("--credibility cannot be combined with --min-credibility or --max-credibility; use one or the other")
	}
	var err error
	if f.credibility != "" {
		if c.minCred, err = parseGrade("--credibility", f.credibility); err != nil {
			return err
		}
		c.maxCred = c.minCred
		return nil
	}
	if c.minCred, err = parseGrade("--min-credibility", f.minCredibility); err != nil {
		return err
	}
	if c.maxCred, err = parseGrade("--max-credibility", f.maxCredibility); err != nil {
		return err
	}
	if c.minCred != 0 && c.maxCred != 0 && c.maxCred < c.minCred {
		return usageErrorf("--max-credibility %d is below --min-credibility %d; the range would be empty", c.maxCred, c.minCred)
	}
	return nil
}

// parseGrade reads a credibility grade given as a filter: 1 to 6, since
// "not graded" selects nothing to filter on. Empty means no bound.
func parseGrade(flagName, s string) (model.Credibility, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 || n > 6 {
		return 0, usageErrorf("%s %q is not a grade; use a number from 1 (confirmed) to 6 (cannot be judged)", flagName, s)
	}
	return model.Credibility(n), nil
}

// checkPage checks --limit and --offset.
func checkPage(limit, offset int) (model.Page, error) {
	if limit < 0 || limit > model.MaxPageSize {
		return model.Page{}, usageErrorf("--limit %d is out of range; use 1 to %d (0 means the default, %d)", limit, model.MaxPageSize, model.DefaultPageSize)
	}
	if offset < 0 {
		return model.Page{}, usageErrorf("--offset %d is negative; use 0 or more", offset)
	}
	return model.Page{Limit: limit, Offset: offset}, nil
}

// parseID reads the positive number of a row given on the command line.
func parseID(what, s string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || id <= 0 {
		return 0, usageErrorf("%s %q is not an id; give the number that the listings show, as in 12", what, s)
	}
	return id, nil
}

// parseDate reads a YYYY-MM-DD day as UTC midnight; the storage layer reads
// a --to at midnight as the whole of that day.
func parseDate(flagName, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	d, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, usageErrorf("%s %q is not a date; write it as YYYY-MM-DD, as in 2025-12-01", flagName, s)
	}
	return d, nil
}

// excerptFilter resolves the names in the filters and returns the filter of
// an excerpt listing or a search.
func (c checkedFilters) excerptFilter(ctx context.Context, ws *workspace.Workspace) (model.ExcerptFilter, error) {
	f := model.ExcerptFilter{
		ArticleID: c.articleID, Kind: c.kind, From: c.from, To: c.to,
		MinCredibility: c.minCred, MaxCredibility: c.maxCred, OrphansOnly: c.orphans, Page: c.page,
	}
	var err error
	if f.TagID, err = optionalTag(ctx, ws, c.tag); err != nil {
		return f, err
	}
	if f.SpeakerID, err = optionalRef(ctx, ws, c.speaker, resolveActor); err != nil {
		return f, err
	}
	if f.ActorID, err = optionalRef(ctx, ws, c.actor, resolveActor); err != nil {
		return f, err
	}
	if f.DocumentID, err = optionalRef(ctx, ws, c.doc, resolveDocument); err != nil {
		return f, err
	}
	f.SourceID, err = optionalRef(ctx, ws, c.source, resolveSource)
	return f, err
}

// articleFilter resolves the names in the filters and returns the filter of
// an article listing.
func (c checkedFilters) articleFilter(ctx context.Context, ws *workspace.Workspace) (model.ArticleFilter, error) {
	f := model.ArticleFilter{From: c.from, To: c.to, Page: c.page}
	var err error
	if f.TagID, err = optionalTag(ctx, ws, c.tag); err != nil {
		return f, err
	}
	f.SourceID, err = optionalRef(ctx, ws, c.source, resolveSource)
	return f, err
}

func optionalTag(ctx context.Context, ws *workspace.Workspace, ref string) (int64, error) {
	if ref == "" {
		return 0, nil
	}
	book, err := loadCodebook(ctx, ws)
	if err != nil {
		return 0, err
	}
	t, err := book.find(ref)
	return t.ID, err
}

type resolver func(ctx context.Context, ws *workspace.Workspace, ref string) (int64, error)

func optionalRef(ctx context.Context, ws *workspace.Workspace, ref string, resolve resolver) (int64, error) {
	if ref == "" {
		return 0, nil
	}
	return resolveRef(ctx, ws, ref, resolve)
}

// resolveRef refuses a blank name, which every actor, document and source
// would contain, before resolving it.
func resolveRef(ctx context.Context, ws *workspace.Workspace, ref string, resolve resolver) (int64, error) {
	if strings.TrimSpace(ref) == "" {
		return 0, usageErrorf("a blank name was given; give an id or a name")
	}
	return resolve(ctx, ws, ref)
}

// candidate is a row that a name given on the command line may mean.
type candidate struct {
	id   int64
	name string
}

// resolveActor finds the one actor that ref means: an id, else the actor
// whose name or alias is ref (ignoring case and spacing), else the only
// actor whose name or alias contains it.
func resolveActor(ctx context.Context, ws *workspace.Workspace, ref string) (int64, error) {
	if id, ok := asID(ref); ok {
		a, err := ws.Actor(ctx, id)
		return a.ID, err
	}
	found, _, err := ws.ListActors(ctx, model.ActorFilter{Text: ref, Page: model.Page{Limit: model.MaxPageSize}})
	if err != nil {
		return 0, err
	}
	all := make([]candidate, len(found))
	for i, a := range found {
		all[i] = candidate{a.ID, a.Name}
	}
	exact, err := exactByAlias(ctx, ws, ref, all, func(a model.Alias) int64 { return a.ActorID })
	if err != nil {
		return 0, err
	}
	return chooseOne("actor", ref, exact, all)
}

// resolveDocument finds the one tracked document that ref means, as
// resolveActor does for actors, by title or alias.
func resolveDocument(ctx context.Context, ws *workspace.Workspace, ref string) (int64, error) {
	if id, ok := asID(ref); ok {
		d, err := ws.Document(ctx, id)
		return d.ID, err
	}
	found, _, err := ws.ListDocuments(ctx, model.DocumentFilter{Text: ref, Page: model.Page{Limit: model.MaxPageSize}})
	if err != nil {
		return 0, err
	}
	all := make([]candidate, len(found))
	for i, d := range found {
		all[i] = candidate{d.ID, d.Title}
	}
	exact, err := exactByAlias(ctx, ws, ref, all, func(a model.Alias) int64 { return a.DocumentID })
	if err != nil {
		return 0, err
	}
	return chooseOne("document", ref, exact, all)
}

// resolveSource finds the one source that ref means: an id, the source of
// that name, or the only one whose name contains it.
func resolveSource(ctx context.Context, ws *workspace.Workspace, ref string) (int64, error) {
	if id, ok := asID(ref); ok {
		s, err := ws.Source(ctx, id)
		return s.ID, err
	}
	found, _, err := ws.ListSources(ctx, model.SourceFilter{Text: ref, Page: model.Page{Limit: model.MaxPageSize}})
	if err != nil {
		return 0, err
	}
	all := make([]candidate, len(found))
	var exact []candidate
	for i, s := range found {
		all[i] = candidate{s.ID, s.Name}
		if foldName(s.Name) == foldName(ref) {
			exact = append(exact, all[i])
		}
	}
	return chooseOne("source", ref, exact, all)
}

// exactByAlias picks, among the candidates, those whose own name is ref or
// that have ref as an alias.
func exactByAlias(ctx context.Context, ws *workspace.Workspace, ref string, all []candidate, owner func(model.Alias) int64) ([]candidate, error) {
	key := foldName(ref)
	named := map[int64]bool{}
	for _, c := range all {
		if foldName(c.name) == key {
			named[c.id] = true
		}
	}
	aliases, err := ws.AllAliases(ctx)
	if err != nil {
		return nil, err
	}
	for _, a := range aliases {
		if id := owner(a); id != 0 && foldName(a.Name) == key {
			named[id] = true
		}
	}
	var exact []candidate
	for _, c := range all {
		if named[c.id] {
			exact = append(exact, c)
		}
	}
	return exact, nil
}

// chooseOne settles on one candidate: the only exact match, else the only
// partial one. Anything else is an error that lists what it could mean.
func chooseOne(what, ref string, exact, partial []candidate) (int64, error) {
	switch {
	case len(exact) == 1:
		return exact[0].id, nil
	case len(exact) > 1:
		return 0, ambiguous(what, ref, exact)
	case len(partial) == 1:
		return partial[0].id, nil
	case len(partial) > 1:
		return 0, ambiguous(what, ref, partial)
	}
	return 0, model.NotFoundf("no %s is called %q; check the spelling, or give its id", what, ref)
}

func ambiguous(what, ref string, cs []candidate) error {
	const shown = 5
	names := make([]string, 0, shown)
	for _, c := range cs[:min(len(cs), shown)] {
		names = append(names, fmt.Sprintf("%d %q", c.id, c.name))
	}
	more := ""
	if len(cs) > shown {
		more = fmt.Sprintf(" and %d more", len(cs)-shown)
	}
	return model.Invalidf("%q could mean %d %ss (%s%s); give the id or the full name of the one you mean",
		ref, len(cs), what, strings.Join(names, ", "), more)
}

// asID reports whether ref is a row id: digits only.
func asID(ref string) (int64, bool) {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.TrimLeft(ref, "0123456789") != "" {
		return 0, false
	}
	id, err := strconv.ParseInt(ref, 10, 64)
	if err != nil || id <= 0 {
		return 0, false
	}
	return id, true
}

// nameFolder straightens typographic apostrophes and quotes, which names
// copied from news text carry ("O’Brien").
var nameFolder = strings.NewReplacer("\u2018", "'", "\u2019", "'", "\u02BC", "'", "\u201C", `"`, "\u201D", `"`)

// foldName is how names on the command line are compared with stored ones:
// case, runs of space and curly apostrophes do not matter.
func foldName(s string) string {
	return nameFolder.Replace(strings.ToLower(strings.Join(strings.Fields(s), " ")))
}
