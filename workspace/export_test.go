package workspace

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"dossier/export"
	"dossier/model"
)

// The sheets as the workspace says they must read, computed from the
// listings (not from the export's own queries), one row of text per row
// as LibreOffice writes a sheet to CSV: dates as 2025-12-01, moments as
// 2025-12-01 13:45:00, numbers as digits, text as it is.

type sheetText [][]string

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}

func moment(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateTime)
}

func num[T int | int64 | model.Credibility](n T) string { return strconv.FormatInt(int64(n), 10) }

func optNum[T int | int64 | model.Credibility](n T) string {
	if n == 0 {
		return ""
	}
	return num(n)
}

// nocase sorts as SQLite's NOCASE collation does: ASCII letters folded.
func nocase(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}

// oracle reads the workspace through its listings.
type oracle struct {
	t        *testing.T
	ctx      context.Context
	ws       *Workspace
	articles []model.Article // in the order of the Articles sheet
	position map[int64]int
	actors   map[int64]model.Actor
	docs     map[int64]model.Document
	excerpts map[int64]model.Excerpt
	mentions []model.Mention
	paths    map[int64]string
}

var all = model.Page{Limit: model.MaxPageSize}

func newOracle(t *testing.T, ws *Workspace) *oracle {
	o := &oracle{t: t, ctx: context.Background(), ws: ws, position: map[int64]int{}, actors: map[int64]model.Actor{},
		docs: map[int64]model.Document{}, excerpts: map[int64]model.Excerpt{}, paths: map[int64]string{}}
	arts, _, err := ws.ListArticles(o.ctx, model.ArticleFilter{Page: all})
	must(t, err)
	sort.Slice(arts, func(i, j int) bool {
		a, b := arts[i], arts[j]
		if a.PublishedAt.IsZero() != b.PublishedAt.IsZero() {
			return b.PublishedAt.IsZero()
		}
		if !a.PublishedAt.Equal(b.PublishedAt) {
			return a.PublishedAt.Before(b.PublishedAt)
		}
		return a.ID < b.ID
	})
	o.articles = arts
	for i, a := range arts {
		o.position[a.ID] = i
	}
	actors, _, err := ws.ListActors(o.ctx, model.ActorFilter{Page: all})
	must(t, err)
	for _, a := range actors {
		o.actors[a.ID] = a
	}
	docs, _, err := ws.ListDocuments(o.ctx, model.DocumentFilter{Page: all})
	must(t, err)
	for _, d := range docs {
		o.docs[d.ID] = d
	}
	excerpts, _, err := ws.ListExcerpts(o.ctx, model.ExcerptFilter{Page: all})
	must(t, err)
	for _, e := range excerpts {
		o.excerpts[e.ID] = e
	}
	o.mentions, _, err = ws.ListMentions(o.ctx, model.MentionFilter{Page: all})
	must(t, err)
	tags, _, err := ws.ListTags(o.ctx, model.TagFilter{Page: all})
	must(t, err)
	byID := map[int64]model.Tag{}
	for _, tc := range tags {
		byID[tc.Tag.ID] = tc.Tag
	}
	for id, tag := range byID {
		path := tag.Name
		for p, ok := byID[tag.ParentID]; ok; p, ok = byID[p.ParentID] {
			path = p.Name + " / " + path
		}
		o.paths[id] = path
	}
	return o
}

func (o *oracle) tagPaths(ids []int64) string {
	var p []string
	for _, id := range ids {
		p = append(p, o.paths[id])
	}
	sort.Strings(p)
	return strings.Join(p, "; ")
}

func (o *oracle) sourceOf(id int64) model.Source {
	if id == 0 {
		return model.Source{}
	}
	s, err := o.ws.Source(o.ctx, id)
	must(o.t, err)
	return s
}

func (o *oracle) articleSheet() sheetText {
	rows := sheetText{{"ID", "Title", "Source", "Reliability", "Author", "Published (UTC)", "URL", "Language", "Tags",
		"Excerpts", "Mentions", "Notes", "Retrieved (UTC)", "Revision", "UID", "Text"}}
	for _, a := range o.articles {
		s := o.sourceOf(a.SourceID)
		excerpts, mentions := 0, 0
		for _, e := range o.excerpts {
			if e.ArticleID == a.ID {
				excerpts++
			}
		}
		for _, m := range o.mentions {
			if m.ArticleID == a.ID && m.State != model.MentionRejected {
				mentions++
			}
		}
		rows = append(rows, []string{num(a.ID), a.Title, s.Name, string(s.Reliability), a.Author, moment(a.PublishedAt), a.URL,
			a.Language, o.tagPaths(a.TagIDs), num(excerpts), num(mentions), a.Notes, moment(a.RetrievedAt), num(a.Revision), a.UID, a.Body})
	}
	return rows
}

// namesOf sorts names as the sheet does: by name ignoring ASCII case, then id.
func namesOf[T any](ids []int64, get func(int64) (string, T)) string {
	type named struct {
		name string
		id   int64
	}
	var list []named
	for _, id := range ids {
		n, _ := get(id)
		list = append(list, named{n, id})
	}
	sort.Slice(list, func(i, j int) bool {
		if nocase(list[i].name) != nocase(list[j].name) {
			return nocase(list[i].name) < nocase(list[j].name)
		}
		return list[i].id < list[j].id
	})
	var out []string
	for _, n := range list {
		out = append(out, n.name)
	}
	return strings.Join(out, "; ")
}

func (o *oracle) actorName(id int64) (string, bool) { a, ok := o.actors[id]; return a.Name, ok }
func (o *oracle) docTitle(id int64) (string, bool)  { d, ok := o.docs[id]; return d.Title, ok }

// inArticleOrder sorts rows by their article's place in the Articles sheet,
// then by span and id.
func inArticleOrder[T any](o *oracle, rows []T, key func(T) (int64, model.Span, int64)) {
	sort.Slice(rows, func(i, j int) bool {
		ai, si, ii := key(rows[i])
		aj, sj, ij := key(rows[j])
		switch {
		case o.position[ai] != o.position[aj]:
			return o.position[ai] < o.position[aj]
		case si.Start != sj.Start:
			return si.Start < sj.Start
		case si.End != sj.End:
			return si.End < sj.End
		}
		return ii < ij
	})
}

func (o *oracle) excerptSheet() sheetText {
	rows := sheetText{{"ID", "Article ID", "Article", "Published (UTC)", "Source", "Kind", "Text", "Speaker", "Speaker ID",
		"Actors", "Documents", "Tags", "Grading", "Credibility", "Note", "Stance", "Start", "End", "Orphaned", "UID"}}
	var list []model.Excerpt
	for _, e := range o.excerpts {
		list = append(list, e)
	}
	inArticleOrder(o, list, func(e model.Excerpt) (int64, model.Span, int64) { return e.ArticleID, e.Span, e.ID })
	for _, e := range list {
		a := o.articles[o.position[e.ArticleID]]
		s := o.sourceOf(a.SourceID)
		speaker, _ := o.actorName(e.SpeakerID)
		orphaned := "no"
		if e.Orphaned {
			orphaned = "yes"
		}
		rows = append(rows, []string{num(e.ID), num(e.ArticleID), a.Title, moment(a.PublishedAt), s.Name, string(e.Kind),
			e.Selector.Exact, speaker, optNum(e.SpeakerID), namesOf(e.ActorIDs, o.actorName), namesOf(e.DocumentIDs, o.docTitle),
			o.tagPaths(e.TagIDs), model.Grading(s.Reliability, e.Credibility), optNum(e.Credibility), e.Note, e.Stance,
			num(e.Span.Start), num(e.Span.End), orphaned, e.UID})
	}
	return rows
}

func (o *oracle) aliasesOf(f model.AliasFilter) string {
	aliases, _, err := o.ws.ListAliases(o.ctx, model.AliasFilter{ActorID: f.ActorID, DocumentID: f.DocumentID, Page: all})
	must(o.t, err)
	sort.Slice(aliases, func(i, j int) bool { return aliases[i].ID < aliases[j].ID })
	var names []string
	for _, a := range aliases {
		names = append(names, a.Name)
	}
	return strings.Join(names, "; ")
}

// seen counts the mentions of an actor or document that are not rejected,
// and the first and last publication date among their articles.
func (o *oracle) seen(match func(model.Mention) bool) (int, string, string) {
	n := 0
	var first, last time.Time
	for _, m := range o.mentions {
		if !match(m) || m.State == model.MentionRejected {
			continue
		}
		n++
		p := o.articles[o.position[m.ArticleID]].PublishedAt
		if p.IsZero() {
			continue
		}
		if first.IsZero() || p.Before(first) {
			first = p
		}
		if p.After(last) {
			last = p
		}
	}
	return n, day(first), day(last)
}

func sortedIDs[T any](m map[int64]T) []int64 {
	var ids []int64
	for id := range m {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

func (o *oracle) actorSheet() sheetText {
	rows := sheetText{{"ID", "Name", "Kind", "Role", "Affiliation", "Affiliation ID", "Country", "Aliases", "Mentions",
		"Excerpts spoken", "First seen", "Last seen", "Description", "Notes", "UID"}}
	for _, id := range sortedIDs(o.actors) {
		a := o.actors[id]
		spoken := 0
		for _, e := range o.excerpts {
			if e.SpeakerID == id {
				spoken++
			}
		}
		n, first, last := o.seen(func(m model.Mention) bool { return m.ActorID == id })
		aff, _ := o.actorName(a.AffiliationID)
		rows = append(rows, []string{num(id), a.Name, string(a.Kind), a.Role, aff, optNum(a.AffiliationID), a.Country,
			o.aliasesOf(model.AliasFilter{ActorID: id}), num(n), num(spoken), first, last, a.Description, a.Notes, a.UID})
	}
	return rows
}

func (o *oracle) relationSheet() sheetText {
	rows := sheetText{{"ID", "From", "From ID", "Relation", "To", "To ID", "Since", "Until", "Evidence excerpt ID", "Evidence", "Note", "UID"}}
	rels, _, err := o.ws.ListRelations(o.ctx, model.RelationFilter{Page: all})
	must(o.t, err)
	sort.Slice(rels, func(i, j int) bool { return rels[i].ID < rels[j].ID })
	for _, r := range rels {
		from, _ := o.actorName(r.FromActorID)
		to, _ := o.actorName(r.ToActorID)
		rows = append(rows, []string{num(r.ID), from, num(r.FromActorID), r.Type, to, num(r.ToActorID), day(r.From), day(r.To),
			optNum(r.EvidenceExcerptID), o.excerpts[r.EvidenceExcerptID].Selector.Exact, r.Note, r.UID})
	}
	return rows
}

func (o *oracle) history(doc int64) []model.StatusEvent {
	events, _, err := o.ws.ListStatusEvents(o.ctx, model.StatusEventFilter{DocumentID: doc, Page: all})
	must(o.t, err)
	return events
}

var roleRank = map[model.PartyRole]int{model.RoleAuthor: 1, model.RoleProposer: 2, model.RoleSignatory: 3, model.RoleGuarantor: 4, model.RoleOpponent: 5}

func (o *oracle) partiesOf(doc int64) string {
	parties, _, err := o.ws.ListParties(o.ctx, model.PartyFilter{DocumentID: doc, Page: all})
	must(o.t, err)
	sort.Slice(parties, func(i, j int) bool {
		a, b := parties[i], parties[j]
		if roleRank[a.Role] != roleRank[b.Role] {
			return roleRank[a.Role] < roleRank[b.Role]
		}
		if nocase(o.actors[a.ActorID].Name) != nocase(o.actors[b.ActorID].Name) {
			return nocase(o.actors[a.ActorID].Name) < nocase(o.actors[b.ActorID].Name)
		}
		return a.ID < b.ID
	})
	var out []string
	for _, p := range parties {
		out = append(out, o.actors[p.ActorID].Name+" ("+string(p.Role)+")")
	}
	return strings.Join(out, "; ")
}

func (o *oracle) documentSheet() sheetText {
	rows := sheetText{{"ID", "Title", "Kind", "Status", "Status since", "Disclosure", "Aliases", "Parties", "Mentions",
		"First seen", "Last seen", "Description", "Notes", "UID"}}
	for _, id := range sortedIDs(o.docs) {
		d := o.docs[id]
		since := ""
		if events := o.history(id); len(events) > 0 {
			since = day(events[len(events)-1].Date)
		}
		n, first, last := o.seen(func(m model.Mention) bool { return m.DocumentID == id })
		rows = append(rows, []string{num(id), d.Title, string(d.Kind), string(d.Status), since, string(d.Disclosure),
			o.aliasesOf(model.AliasFilter{DocumentID: id}), o.partiesOf(id), num(n), first, last, d.Description, d.Notes, d.UID})
	}
	return rows
}

func (o *oracle) historySheet() sheetText {
	rows := sheetText{{"ID", "Document ID", "Document", "Date", "Status", "Note", "Evidence excerpt ID", "Evidence", "UID"}}
	for _, id := range sortedIDs(o.docs) {
		for _, e := range o.history(id) {
			rows = append(rows, []string{num(e.ID), num(id), o.docs[id].Title, day(e.Date), string(e.Status), e.Note,
				optNum(e.EvidenceExcerptID), o.excerpts[e.EvidenceExcerptID].Selector.Exact, e.UID})
		}
	}
	return rows
}

func (o *oracle) mentionSheet() sheetText {
	rows := sheetText{{"ID", "Article ID", "Article", "Published (UTC)", "Of", "Name", "Actor ID", "Document ID", "Text",
		"Start", "End", "State", "Origin", "UID"}}
	list := slices.Clone(o.mentions)
	inArticleOrder(o, list, func(m model.Mention) (int64, model.Span, int64) { return m.ArticleID, m.Span, m.ID })
	for _, m := range list {
		a := o.articles[o.position[m.ArticleID]]
		of, name := "actor", o.actors[m.ActorID].Name
		if m.DocumentID != 0 {
			of, name = "document", o.docs[m.DocumentID].Title
		}
		rows = append(rows, []string{num(m.ID), num(m.ArticleID), a.Title, moment(a.PublishedAt), of, name, optNum(m.ActorID),
			optNum(m.DocumentID), m.Text, num(m.Span.Start), num(m.Span.End), string(m.State), string(m.Origin), m.UID})
	}
	return rows
}

func (o *oracle) tagSheet() sheetText {
	rows := sheetText{{"ID", "Name", "Path", "Parent", "Parent ID", "Colour", "Excerpts", "Articles", "Description", "UID"}}
	tags, _, err := o.ws.ListTags(o.ctx, model.TagFilter{Page: all})
	must(o.t, err)
	sort.SliceStable(tags, func(i, j int) bool {
		pi, pj := strings.Split(strings.ToLower(o.paths[tags[i].Tag.ID]), " / "), strings.Split(strings.ToLower(o.paths[tags[j].Tag.ID]), " / ")
		for k := 0; k < len(pi) && k < len(pj); k++ {
			if pi[k] != pj[k] {
				return pi[k] < pj[k]
			}
		}
		return len(pi) < len(pj)
	})
	for _, tc := range tags {
		tg := tc.Tag
		parent := ""
		if tg.ParentID != 0 {
			for _, p := range tags {
				if p.Tag.ID == tg.ParentID {
					parent = p.Tag.Name
				}
			}
		}
		rows = append(rows, []string{num(tg.ID), tg.Name, o.paths[tg.ID], parent, optNum(tg.ParentID), tg.Colour,
			num(tc.Excerpts), num(tc.Articles), tg.Description, tg.UID})
	}
	return rows
}

func (o *oracle) sheets() map[string]sheetText {
	return map[string]sheetText{
		"Articles": o.articleSheet(), "Excerpts": o.excerptSheet(), "Actors": o.actorSheet(), "Relations": o.relationSheet(),
		"Documents": o.documentSheet(), "Document history": o.historySheet(), "Mentions": o.mentionSheet(), "Tags": o.tagSheet(),
	}
}

// sameCell compares a cell read back with what the workspace holds: equal,
// or, for a text longer than a cell holds, its beginning and the marker.
func sameCell(got, want string) bool {
	if got == want {
		return true
	}
	if utf16Len(want) <= export.MaxCellChars {
		return sameText(got, want, false)
	}
	if !strings.HasSuffix(got, export.CutMarkerEnd) {
		return false
	}
	head, _, ok := strings.Cut(got, " […cut")
	return ok && utf16Len(head) > export.MaxCellChars/2 && utf16Len(got) <= export.MaxCellChars+2 && sameText(head, want, true)
}

// loParagraph is about the longest paragraph LibreOffice keeps in a cell
// of several lines: its text engine breaks a longer one, near a word, with
// a line break of its own. The workbook holds the text whole (excelize
// reads it back exactly); only LibreOffice's reading of it differs.
const loParagraph = 16_000

// sameText reports whether got is want, give or take the line breaks
// LibreOffice adds to long paragraphs of a cell of several lines; prefix
// accepts got being the beginning of want.
func sameText(got, want string, prefix bool) bool {
	g, w := []rune(got), []rune(want)
	multiline := strings.Contains(want, "\n")
	i, j, para := 0, 0, 0
	for i < len(g) && j < len(w) {
		switch {
		case g[i] == w[j]:
			if w[j] == '\n' {
				para = 0
			} else {
				para++
			}
			i, j = i+1, j+1
		case g[i] == '\n' && multiline && para >= loParagraph:
			i, para = i+1, 0
		default:
			return false
		}
	}
	return i == len(g) && (prefix || j == len(w))
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

func compareSheet(t *testing.T, name string, got, want sheetText) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d rows, want %d", name, len(got), len(want))
	}
	for r := 0; r < len(got) && r < len(want); r++ {
		if len(got[r]) != len(want[r]) {
			t.Errorf("%s row %d: %d cells %q, want %d %q", name, r+1, len(got[r]), got[r], len(want[r]), want[r])
			continue
		}
		for c := range got[r] {
			if !sameCell(got[r][c], want[r][c]) {
				t.Errorf("%s row %d, column %q: %q, want %q", name, r+1, want[0][c], short(got[r][c]), short(want[r][c]))
			}
		}
	}
}

func short(s string) string {
	if len(s) > 200 {
		return s[:100] + "…" + s[len(s)-80:]
	}
	return s
}

// soffice finds LibreOffice, which `make test` installs; the test fails
// without it unless DOSSIER_NO_LIBREOFFICE=1 says to skip.
func soffice(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("DOSSIER_NO_LIBREOFFICE") == "1" {
		t.Skip("LibreOffice is not installed and DOSSIER_NO_LIBREOFFICE=1: the workbook is not checked with it")
	}
	t.Fatal("LibreOffice (soffice) is not installed; `make test` installs it (Debian package libreoffice-calc-nogui). " +
		"To run the tests without it, set DOSSIER_NO_LIBREOFFICE=1")
	return ""
}

// libreOfficeCSV has LibreOffice convert every sheet of a workbook to CSV
// (UTF-8, comma, quotes; raw values, not formulas) and reads them back, by
// sheet name. A private profile keeps parallel runs apart.
func libreOfficeCSV(t *testing.T, book string) map[string]sheetText {
	t.Helper()
	bin := soffice(t)
	out, profile := t.TempDir(), t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
	cmd := exec.CommandContext(ctx, bin, "-env:UserInstallation="+(&url.URL{Scheme: "file", Path: profile}).String(),
		"--headless", "--convert-to", filter, "--outdir", out, book)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, msg)
	}
	base := strings.TrimSuffix(filepath.Base(book), filepath.Ext(book))
	files, err := filepath.Glob(filepath.Join(out, base+"-*.csv"))
	must(t, err)
	sheets := map[string]sheetText{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		must(t, err)
		r := csv.NewReader(bytes.NewReader(data))
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		sheets[strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), base+"-"), ".csv")] = rows
	}
	return sheets
}

// The acceptance test of the workbook: LibreOffice reads every sheet of a
// workbook exported from a generated workspace as the workspace holds it,
// cell by cell — other scripts, long texts, dates, and texts that look
// like formulas included.
func TestExportWorkbookReadByLibreOffice(t *testing.T) {
	ctx := context.Background()
	ws := mustCreate(t)
	genWorkspace(t, ws, 12, 1)
	book := filepath.Join(t.TempDir(), "handover.xlsx")
	rep, err := ws.ExportWorkbookFile(ctx, book, ExportOptions{}, nil)
	must(t, err)
	if rep.CutCells == 0 {
		t.Errorf("no cell was cut; the generated workspace has an article longer than a cell")
	}
	sheets := libreOfficeCSV(t, book)
	o := newOracle(t, ws)
	want := o.sheets()
	for name, rows := range want {
		got, ok := sheets[name]
		if !ok {
			t.Errorf("LibreOffice wrote no sheet %q; it wrote %v", name, keys(sheets))
			continue
		}
		compareSheet(t, name, got, rows)
		if n := rep.Rows(mustTable(t, name)); n != len(rows)-1 {
			t.Errorf("report: %d rows of %s, want %d", n, name, len(rows)-1)
		}
	}
	checkSummary(t, sheets["Summary"], ws, want, o)
	for _, f := range formulaLike {
		if !sheetsHold(sheets, f) {
			t.Errorf("no cell reads %q", f)
		}
	}
}

func keys[T any](m map[string]T) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func mustTable(t *testing.T, sheet string) export.Table {
	tb, err := export.ParseTable(sheet)
	must(t, err)
	return tb
}

func sheetsHold(sheets map[string]sheetText, text string) bool {
	for _, rows := range sheets {
		for _, r := range rows {
			if slices.Contains(r, text) {
				return true
			}
		}
	}
	return false
}

// checkSummary finds the workspace's name, the rows of each sheet and the
// actors most mentioned on the Summary sheet.
func checkSummary(t *testing.T, rows sheetText, ws *Workspace, want map[string]sheetText, o *oracle) {
	t.Helper()
	find := func(label string) []string {
		for _, r := range rows {
			if len(r) > 1 && r[0] == label {
				return r
			}
		}
		t.Errorf("the summary has no row %q", label)
		return []string{"", ""}
	}
	if r := find("Workspace"); r[1] != Name(ws.Path()) {
		t.Errorf("summary: workspace %q, want %q", r[1], Name(ws.Path()))
	}
	if r := find("Filters"); r[1] != "none: the whole workspace" {
		t.Errorf("summary: filters %q", r[1])
	}
	for name, sheet := range want {
		if r := find(name); r[1] != strconv.Itoa(len(sheet)-1) {
			t.Errorf("summary: %s has %s rows, want %d", name, r[1], len(sheet)-1)
		}
	}
	counts := map[int64]int{}
	for _, m := range o.mentions {
		if m.ActorID != 0 && m.State != model.MentionRejected {
			counts[m.ActorID]++
		}
	}
	top, best := int64(0), 0
	for id, n := range counts {
		if n > best || n == best && nocase(o.actors[id].Name) < nocase(o.actors[top].Name) {
			top, best = id, n
		}
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == "Actors most mentioned" {
			first := rows[i+2]
			if first[0] != o.actors[top].Name || first[1] != num(top) || first[2] != num(best) {
				t.Errorf("summary: the most mentioned actor is %q, want %q %d %d", first, o.actors[top].Name, top, best)
			}
			return
		}
	}
	t.Errorf("the summary has no ranking of actors")
}

func TestExportLimits(t *testing.T) {
	ctx := context.Background()
	ws := mustCreate(t)
	id := importText(t, ws, "Witkoff said: "+strings.Repeat("ж", 40_000)+". Umerov agreed.")
	e, err := ws.ExcerptOfQuote(ctx, id, strings.Repeat("ж", 40_000), 1)
	must(t, err)
	e.Kind = model.ExcerptQuote
	must(t, ws.DB.CreateExcerpt(ctx, &e))
	for i := range 4 {
		importText(t, ws, "Another report, number "+strconv.Itoa(i)+".")
	}
	var buf bytes.Buffer
	rep, err := ws.ExportWorkbook(ctx, &buf, ExportOptions{SheetRows: 3, Tables: []export.Table{export.Articles, export.Excerpts}}, nil)
	must(t, err)
	if rep.CutCells != 2 { // the excerpt, and the text of its article
		t.Errorf("%d cells cut, want 2", rep.CutCells)
	}
	f, err := excelize.OpenReader(&buf)
	must(t, err)
	defer f.Close()
	wantSheets := []string{"Summary", "Articles", "Articles (2)", "Articles (3)", "Excerpts"}
	if got := f.GetSheetList(); !slices.Equal(got, wantSheets) {
		t.Fatalf("sheets %q, want %q", got, wantSheets)
	}
	text, err := f.GetCellValue("Excerpts", "G2")
	must(t, err)
	if utf16Len(text) > export.MaxCellChars || !strings.HasSuffix(text, export.CutMarkerEnd) || !strings.Contains(text, "40000 characters") {
		t.Errorf("the 40,000-character excerpt reads %d characters ending %q", utf16Len(text), text[len(text)-90:])
	}
	// Articles are undated, so in the order they were imported: the first
	// on the first sheet, the fifth on the third.
	ok, link, err := f.GetCellHyperLink("Excerpts", "C2")
	if err != nil || !ok || link != "Articles!A2" {
		t.Errorf("the excerpt links to %q (%v, %v), want Articles!A2", link, ok, err)
	}
	if v, _ := f.GetCellValue("Articles (3)", "A2"); v != strconv.FormatInt(id+4, 10) {
		t.Errorf("'Articles (3)'!A2 holds %q, want article %d", v, id+4)
	}
}

func TestExportViewAndCSV(t *testing.T) {
	ctx := context.Background()
	ws := mustCreate(t)
	g := genWorkspace(t, ws, 6, 2)
	speaker := g.excerpts[0].SpeakerID
	filter := model.ExcerptFilter{SpeakerID: speaker}
	wantRows, _, err := ws.ListExcerpts(ctx, model.ExcerptFilter{SpeakerID: speaker, Page: all})
	must(t, err)

	var book bytes.Buffer
	rep, err := ws.ExportView(ctx, "Excerpts", &filter, "xlsx", &book)
	must(t, err)
	if rep.Rows(export.Excerpts) != len(wantRows) {
		t.Errorf("view: %d rows, want %d", rep.Rows(export.Excerpts), len(wantRows))
	}
	f, err := excelize.OpenReader(&book)
	must(t, err)
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Excerpts"}) {
		t.Errorf("view sheets %q", got)
	}

	var file bytes.Buffer
	_, err = ws.ExportView(ctx, "excerpts", filter, "CSV", &file)
	must(t, err)
	data := file.Bytes()
	if !bytes.HasPrefix(data, []byte("\ufeff")) {
		t.Fatalf("the CSV has no byte order mark")
	}
	records, err := csv.NewReader(bytes.NewReader(data[3:])).ReadAll()
	must(t, err)
	if len(records) != len(wantRows)+1 {
		t.Errorf("CSV: %d records, want %d and the header", len(records), len(wantRows))
	}
	for _, r := range records[1:] {
		if text := r[6]; export.Unneutralise(text) != text && !strings.HasPrefix(text, "'") {
			t.Errorf("CSV text %q", text)
		}
		for _, fl := range formulaLike {
			if r[6] == fl {
				t.Errorf("CSV holds %q bare, a spreadsheet would run it", fl)
			}
		}
	}

	_, err = ws.ExportView(ctx, "excerpts", model.ActorFilter{}, "xlsx", &file)
	if !errors.Is(err, model.ErrInvalid) || !strings.Contains(err.Error(), "the excerpts view cannot be narrowed by a model.ActorFilter") {
		t.Errorf("mismatched filter: %v", err)
	}
	_, err = ws.ExportView(ctx, "excerpts", nil, "ods", &file)
	if !errors.Is(err, model.ErrInvalid) {
		t.Errorf("unknown format: %v", err)
	}
}

func TestExportCSVFiles(t *testing.T) {
	ctx := context.Background()
	ws := mustCreate(t)
	genWorkspace(t, ws, 4, 3)
	dir := filepath.Join(t.TempDir(), "csv")
	rep, err := ws.ExportCSV(ctx, dir, ExportOptions{}, nil)
	must(t, err)
	o := newOracle(t, ws)
	for name, want := range o.sheets() {
		tb := mustTable(t, name)
		data, err := os.ReadFile(filepath.Join(dir, tb.FileName()))
		must(t, err)
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
		rows, err := r.ReadAll()
		must(t, err)
		if len(rows) != len(want) || rep.Rows(tb) != len(want)-1 {
			t.Errorf("%s: %d rows (report %d), want %d", tb.FileName(), len(rows), rep.Rows(tb), len(want))
			continue
		}
		for i := 1; i < len(rows); i++ {
			for c := range rows[i] {
				got, w := export.Unneutralise(rows[i][c]), want[i][c]
				if strings.HasSuffix(want[0][c], "(UTC)") || strings.Contains(want[0][c], "seen") || want[0][c] == "Date" ||
					want[0][c] == "Since" || want[0][c] == "Until" || want[0][c] == "Status since" {
					got = strings.Replace(strings.TrimSuffix(got, "Z"), "T", " ", 1)
				}
				if got != w { // CSV files keep whole texts
					t.Errorf("%s row %d %q: %q, want %q", tb.FileName(), i+1, want[0][c], short(got), short(w))
				}
			}
		}
	}
}

// An export reads through the reader pool: the workspace can be written
// to, and read, while it runs.
func TestExportDoesNotBlockTheWorkspace(t *testing.T) {
	ctx := context.Background()
	ws := mustCreate(t)
	genWorkspace(t, ws, 3, 4)
	calls := 0
	_, err := ws.ExportWorkbook(ctx, &bytes.Buffer{}, ExportOptions{}, func(p ExportProgress) {
		if calls++; calls == 1 {
			a := model.Actor{Name: "Dmitry Peskov", Kind: model.ActorPerson}
			must(t, ws.DB.CreateActor(ctx, &a))
			if _, n, err := ws.ListActors(ctx, model.ActorFilter{}); err != nil || n != len(genActors)+1 {
				t.Errorf("reading during the export: %d actors, %v", n, err)
			}
		}
	})
	must(t, err)
	if calls == 0 {
		t.Errorf("no progress reported")
	}
}

func TestExportCancelled(t *testing.T) {
	ws := mustCreate(t)
	genWorkspace(t, ws, 3, 5)
	ctx, cancel := context.WithCancel(context.Background())
	path := filepath.Join(t.TempDir(), "out.xlsx")
	_, err := ws.ExportWorkbookFile(ctx, path, ExportOptions{}, func(ExportProgress) { cancel() })
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want cancelled", err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 0 {
		t.Errorf("a cancelled export left %d files", len(entries))
	}
}

// The Summary sheet says which filters narrowed the workbook, in words.
func TestExportSummaryNamesFilters(t *testing.T) {
	ctx := context.Background()
	ws := mustCreate(t)
	g := genWorkspace(t, ws, 4, 6)
	opts := ExportOptions{
		Articles: model.ArticleFilter{From: time.Date(2025, 11, 15, 0, 0, 0, 0, time.UTC)},
		Excerpts: model.ExcerptFilter{Kind: model.ExcerptQuote, SpeakerID: g.actors["Steve Witkoff"].ID, MaxCredibility: 3},
		Actors:   model.ActorFilter{Kind: model.ActorPerson},
	}
	var buf bytes.Buffer
	rep, err := ws.ExportWorkbook(ctx, &buf, opts, nil)
	must(t, err)
	f, err := excelize.OpenReader(&buf)
	must(t, err)
	defer f.Close()
	rows, err := f.GetRows("Summary")
	must(t, err)
	var filters []string
	for _, r := range rows {
		if len(r) > 1 && (r[0] == "Filters" || r[0] == "" && len(filters) > 0 && len(filters) < 3) {
			filters = append(filters, r[1])
		}
	}
	want := []string{
		"Articles: published from 2025-11-15",
		`Excerpts: kind quote; speaker "Steve Witkoff"; credibility 3 or better`,
		"Actors: kind person",
	}
	if !slices.Equal(filters, want) {
		t.Errorf("filters on the summary:\n%q\nwant\n%q", filters, want)
	}
	persons := 0
	for _, a := range genActors {
		if a.kind == "person" {
			persons++
		}
	}
	if rep.Rows(export.Actors) != persons {
		t.Errorf("%d actors exported, want the %d persons", rep.Rows(export.Actors), persons)
	}
}

// An empty workspace makes a workbook of empty sheets that still show
// their columns.
func TestExportEmptyWorkspace(t *testing.T) {
	ctx := context.Background()
	ws := mustCreate(t)
	var buf bytes.Buffer
	rep, err := ws.ExportWorkbook(ctx, &buf, ExportOptions{}, nil)
	must(t, err)
	f, err := excelize.OpenReader(&buf)
	must(t, err)
	defer f.Close()
	if len(f.GetSheetList()) != 9 || len(rep.Tables) != 8 {
		t.Fatalf("sheets %q, report %+v", f.GetSheetList(), rep)
	}
	rows, err := f.GetRows("Excerpts")
	must(t, err)
	if len(rows) != 1 || rows[0][0] != "ID" {
		t.Errorf("empty Excerpts sheet: %q", rows)
	}
}
