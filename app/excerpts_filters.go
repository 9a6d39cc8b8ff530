package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
	"dossier/workspace"
)

// excerptFilters is the bar above the excerpts table: a search box over
// quotes and notes, and a choice per thing an excerpt can be filtered by.
type excerptFilters struct {
	Search      *widget.Entry
	Kind        *widget.Select
	Credibility *widget.Select
	Tag         *widget.Select
	Actor       *widget.Select
	Document    *widget.Select
	Source      *widget.Select
	// From and To bound the articles' publication dates (YYYY-MM-DD).
	From, To *widget.Entry
	Clear    *widget.Button

	// ids maps the options of the Tag, Actor, Document and Source choices
	// to what they name.
	ids     map[*widget.Select]map[string]int64
	changed func(model.ExcerptFilter)
	quiet   bool // several widgets are being set; tell once at the end
	box     fyne.CanvasObject
}

// The first option of each choice, which filters nothing.
const (
	anyKind        = "Any kind"
	anyCredibility = "Any credibility"
	anyTag         = "Any tag"
	anyActor       = "Any actor"
	anyDocument    = "Any document"
	anySource      = "Any source"
)

const dayLayout = "2006-01-02"

func newExcerptFilters(changed func(model.ExcerptFilter)) *excerptFilters {
	f := &excerptFilters{changed: changed, ids: map[*widget.Select]map[string]int64{}}
	f.quiet = true // until every widget exists
	defer func() { f.quiet = false }()
	f.Search = widget.NewEntry()
	f.Search.SetPlaceHolder("Search quotes and notes")
	f.Search.OnChanged = func(string) { f.tell() }
	f.Kind = f.newChoice(anyKind, enumTexts(model.ExcerptKinds()))
	f.Credibility = f.newChoice(anyCredibility, credibilityOptions())
	f.Tag = f.newChoice(anyTag, nil)
	f.Actor = f.newChoice(anyActor, nil)
	f.Document = f.newChoice(anyDocument, nil)
	f.Source = f.newChoice(anySource, nil)
	f.From, f.To = f.newDay("Published from"), f.newDay("Published to")
	f.Clear = widget.NewButton("Clear filters", f.clear)
	return f
}

func (f *excerptFilters) newChoice(anyOption string, options []string) *widget.Select {
	s := widget.NewSelect(append([]string{anyOption}, options...), func(string) { f.tell() })
	s.SetSelected(anyOption)
	return s
}

func (f *excerptFilters) newDay(placeholder string) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(placeholder)
	e.Validator = func(s string) error {
		if _, ok := parseDay(s); !ok {
			return fmt.Errorf("write the date as YYYY-MM-DD")
		}
		return nil
	}
	e.OnChanged = func(string) { f.tell() }
	return e
}

func (f *excerptFilters) content() fyne.CanvasObject {
	if f.box == nil {
		days := container.NewGridWithColumns(2, f.From, f.To)
		first := container.NewBorder(nil, nil, nil, container.NewHBox(f.Kind, f.Credibility, days, f.Clear), f.Search)
		second := container.NewGridWithColumns(4, f.Tag, f.Actor, f.Document, f.Source)
		f.box = container.NewVBox(first, second)
	}
	return f.box
}

// filter reads the bar. A date it cannot read filters nothing; the entry
// shows why.
func (f *excerptFilters) filter() model.ExcerptFilter {
	var q model.ExcerptFilter
	q.Text = strings.TrimSpace(f.Search.Text)
	if f.Kind.Selected != anyKind {
		q.Kind = model.ExcerptKind(f.Kind.Selected)
	}
	if i := f.Credibility.SelectedIndex(); i > 0 {
		q.MinCredibility, q.MaxCredibility = model.Credibility(i), model.Credibility(i)
	}
	q.TagID = f.ids[f.Tag][f.Tag.Selected]
	q.ActorID = f.ids[f.Actor][f.Actor.Selected]
	q.DocumentID = f.ids[f.Document][f.Document.Selected]
	q.SourceID = f.ids[f.Source][f.Source.Selected]
	q.From, _ = parseDay(f.From.Text)
	q.To, _ = parseDay(f.To.Text)
	return q
}

func (f *excerptFilters) tell() {
	if !f.quiet {
		f.changed(f.filter())
	}
}

// clear sets every filter back to nothing, and tells once.
func (f *excerptFilters) clear() {
	f.quiet = true
	f.Search.SetText("")
	for _, s := range []*widget.Select{f.Kind, f.Credibility, f.Tag, f.Actor, f.Document, f.Source} {
		s.SetSelectedIndex(0)
	}
	f.From.SetText("")
	f.To.SetText("")
	f.quiet = false
	f.tell()
}

// parseDay reads YYYY-MM-DD as that day in UTC, the zone dates are stored
// in; empty is no bound.
func parseDay(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, true
	}
	t, err := time.ParseInLocation(dayLayout, s, time.UTC)
	return t, err == nil
}

// credibilityOptions are the grades 1–6 in order, so an option's index is
// its grade.
func credibilityOptions() []string {
	var out []string
	for c := model.Credibility(1); c <= 6; c++ {
		out = append(out, fmt.Sprintf("%d – %s", c, c.Meaning()))
	}
	return out
}

// filterLists are the options the workspace offers, by choice.
type filterLists struct {
	tags, actors, documents, sources namedIDs
}

// namedIDs are options in order and the id each names.
type namedIDs struct {
	names []string
	ids   map[string]int64
}

func (n *namedIDs) add(name string, id int64) {
	if n.ids == nil {
		n.ids = map[string]int64{}
	}
	if _, taken := n.ids[name]; taken {
		name = fmt.Sprintf("%s (%d)", name, id) // two of a name stay apart
	}
	n.names = append(n.names, name)
	n.ids[name] = id
}

// load reads in the background what the choices offer. A choice whose
// option is gone goes back to "Any", which tells the view.
func (f *excerptFilters) load(m *MainWindow) {
	ws := m.ws
	m.background("read the filter lists", func(ctx context.Context) (func(), error) {
		lists, err := readFilterLists(ctx, ws)
		if err != nil {
			return nil, err
		}
		return func() { f.offer(lists) }, nil
	})
}

func (f *excerptFilters) offer(l filterLists) {
	f.quiet = true
	f.setOptions(f.Tag, anyTag, l.tags)
	f.setOptions(f.Actor, anyActor, l.actors)
	f.setOptions(f.Document, anyDocument, l.documents)
	f.setOptions(f.Source, anySource, l.sources)
	f.quiet = false
	f.tell()
}

func (f *excerptFilters) setOptions(s *widget.Select, anyOption string, n namedIDs) {
	f.ids[s] = n.ids
	s.SetOptions(append([]string{anyOption}, n.names...))
	if _, ok := n.ids[s.Selected]; !ok {
		s.SetSelected(anyOption)
	}
}

func readFilterLists(ctx context.Context, ws *workspace.Workspace) (filterLists, error) {
	var l filterLists
	tags, err := readAll(ctx, func(p model.Page) ([]model.TagCount, int, error) {
		return ws.ListTags(ctx, model.TagFilter{Page: p})
	})
	if err != nil {
		return l, err
	}
	l.tags = tagPaths(tags)
	actors, err := readAll(ctx, func(p model.Page) ([]model.Actor, int, error) {
		return ws.ListActors(ctx, model.ActorFilter{Page: p})
	})
	if err != nil {
		return l, err
	}
	for _, a := range actors {
		l.actors.add(a.Name, a.ID)
	}
	docs, err := readAll(ctx, func(p model.Page) ([]model.Document, int, error) {
		return ws.ListDocuments(ctx, model.DocumentFilter{Page: p})
	})
	if err != nil {
		return l, err
	}
	for _, d := range docs {
		l.documents.add(d.Title, d.ID)
	}
	sources, err := readAll(ctx, func(p model.Page) ([]model.Source, int, error) {
		return ws.ListSources(ctx, model.SourceFilter{Page: p})
	})
	for _, s := range sources {
		l.sources.add(s.Name, s.ID)
	}
	return l, err
}

// readAll reads a listing page by page to its end.
func readAll[T any](ctx context.Context, list func(model.Page) ([]T, int, error)) ([]T, error) {
	var all []T
	for {
		page, total, err := list(model.Page{Limit: model.MaxPageSize, Offset: len(all)})
		if err != nil {
			return nil, err
		}
		all = append(all, page...)
		if len(page) == 0 || len(all) >= total {
			return all, ctx.Err()
		}
	}
}

// tagPaths names each tag by its path in the codebook, "Diplomacy › Talks",
// since a choice cannot show the tree and names repeat under parents.
func tagPaths(tags []model.TagCount) namedIDs {
	byID := map[int64]model.Tag{}
	for _, t := range tags {
		byID[t.Tag.ID] = t.Tag
	}
	var n namedIDs
	for _, t := range tags {
		n.add(tagPath(byID, t.Tag), t.Tag.ID)
	}
	return n
}

func tagPath(byID map[int64]model.Tag, t model.Tag) string {
	path := t.Name
	seen := map[int64]bool{t.ID: true} // a damaged tree with a loop still ends
	for p, ok := byID[t.ParentID]; ok && !seen[p.ID]; p, ok = byID[p.ParentID] {
		seen[p.ID] = true
		path = p.Name + " › " + path
	}
	return path
}
