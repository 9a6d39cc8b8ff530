package app

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"dossier/model"
	"dossier/workspace"
)

const (
	// excerptPageSize is how many rows one read of the workspace brings.
	excerptPageSize = 100
	// excerptPagesKept bounds the cache: a screen shows a page or two, the
	// others are the neighbours the analyst is likely to scroll back to.
	excerptPagesKept = 6
)

// excerptRow is one row of the table, ready to show: the excerpt and the
// text of each cell, its names looked up with its page.
type excerptRow struct {
	excerpt model.Excerpt
	cells   []string // one per excerptTableColumns
}

// excerptPages is the table's cache of rows. Only the UI goroutine uses
// it; pages are read in the background and handed over by pageArrived.
type excerptPages struct {
	total   int                  // rows passing the filters, as the last page read counted them
	gen     int                  // changes with the query; pages of an older one are dropped
	rows    map[int][]excerptRow // by page number
	pending map[int]bool         // pages asked for and not yet arrived
	near    int                  // the page of the row drawn last: where the analyst is
	filling bool                 // the table is filling its cells
	names   *excerptNames
}

func (p *excerptPages) reset() {
	p.names = newExcerptNames()
	p.forget()
}

// forget drops every page, and makes pages still on their way stale.
func (p *excerptPages) forget() {
	p.gen++
	p.rows = map[int][]excerptRow{}
	p.pending = map[int]bool{}
}

// dropFar keeps the pages nearest to where the analyst is, so that memory
// stays bounded however far the table is scrolled.
func (p *excerptPages) dropFar() {
	for len(p.rows) > excerptPagesKept {
		far, dist := -1, -1
		for n := range p.rows {
			d := max(n-p.near, p.near-n)
			if d > dist || (d == dist && n > far) {
				far, dist = n, d
			}
		}
		delete(p.rows, far)
	}
}

// rowAt returns row i from the cache, asking for its page when missing.
func (v *excerptsView) rowAt(i int) (excerptRow, bool) {
	if i < 0 || i >= v.pages.total {
		return excerptRow{}, false
	}
	n := i / excerptPageSize
	v.pages.near = n
	rows, ok := v.pages.rows[n]
	if !ok {
		v.fetchPage(n)
		rows, ok = v.pages.rows[n] // there already when background work runs at once
	}
	j := i % excerptPageSize
	if !ok || j >= len(rows) {
		return excerptRow{}, false
	}
	return rows[j], true
}

// fetchPage reads page n in the background, once: a page that fails is
// not asked for again until the query changes, so an error shows once.
func (v *excerptsView) fetchPage(n int) {
	if _, cached := v.pages.rows[n]; cached || v.pages.pending[n] {
		return
	}
	v.pages.pending[n] = true
	gen, names, ws := v.pages.gen, v.pages.names, v.m.ws
	f := v.query
	f.Page = model.Page{Limit: excerptPageSize, Offset: n * excerptPageSize}
	v.m.background("read the excerpts", func(ctx context.Context) (func(), error) {
		excerpts, total, err := ws.ListExcerpts(ctx, f)
		if err != nil {
			return nil, err
		}
		rows, err := names.rows(ctx, ws, excerpts)
		if err != nil {
			return nil, err
		}
		return func() { v.pageArrived(gen, n, rows, total) }, nil
	})
}

// pageArrived puts a page in the cache and redraws the table. A page that
// arrives while the table fills its cells (background work run at once)
// needs no redraw: the cells still to fill read it, as does the one that
// asked for it.
func (v *excerptsView) pageArrived(gen, n int, rows []excerptRow, total int) {
	if gen != v.pages.gen {
		return
	}
	delete(v.pages.pending, n)
	v.pages.rows[n] = rows
	v.pages.dropFar()
	v.pages.total = total
	v.Count.SetText(countText(total))
	if !v.pages.filling {
		v.Table.Refresh()
	}
}

// excerptNames remembers, for one reading of the workspace, the names the
// rows show. They are read with each page, in the background, for the ids
// the page brings that are not known yet; never per cell.
type excerptNames struct {
	mu       sync.Mutex // pages may be read side by side
	articles map[int64]articleHead
	sources  map[int64]model.Source
	actors   map[int64]string
	tags     map[int64]string
}

// articleHead is what a row shows of its article.
type articleHead struct {
	title     string
	sourceID  int64
	published time.Time
}

func newExcerptNames() *excerptNames {
	return &excerptNames{articles: map[int64]articleHead{}, sources: map[int64]model.Source{},
		actors: map[int64]string{}, tags: map[int64]string{}}
}

// rows looks up the names a page needs and writes its cells.
func (n *excerptNames) rows(ctx context.Context, ws *workspace.Workspace, excerpts []model.Excerpt) ([]excerptRow, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	for _, e := range excerpts {
		if err := n.learn(ctx, ws, e); err != nil {
			return nil, err
		}
	}
	rows := make([]excerptRow, len(excerpts))
	for i, e := range excerpts {
		rows[i] = excerptRow{excerpt: e, cells: n.cells(e)}
	}
	return rows, nil
}

// learn reads the names of one excerpt that are not known yet.
func (n *excerptNames) learn(ctx context.Context, ws *workspace.Workspace, e model.Excerpt) error {
	if err := remember(ctx, n.articles, e.ArticleID, func(ctx context.Context, id int64) (articleHead, error) {
		a, err := ws.Article(ctx, id)
		return articleHead{title: a.Title, sourceID: a.SourceID, published: a.PublishedAt}, err
	}); err != nil {
		return err
	}
	if err := remember(ctx, n.sources, n.articles[e.ArticleID].sourceID, ws.Source); err != nil {
		return err
	}
	if err := remember(ctx, n.actors, e.SpeakerID, actorName(ws)); err != nil {
		return err
	}
	for _, id := range e.TagIDs {
		if err := remember(ctx, n.tags, id, tagName(ws)); err != nil {
			return err
		}
	}
	return nil
}

// remember reads id into cache unless it is there; an id gone meanwhile
// is remembered blank rather than failing the page.
func remember[V any](ctx context.Context, cache map[int64]V, id int64, read func(context.Context, int64) (V, error)) error {
	if _, ok := cache[id]; ok || id == 0 {
		return nil
	}
	v, err := read(ctx, id)
	if err != nil && !errors.Is(err, model.ErrNotFound) {
		return err
	}
	cache[id] = v
	return nil
}

func actorName(ws *workspace.Workspace) func(context.Context, int64) (string, error) {
	return func(ctx context.Context, id int64) (string, error) {
		a, err := ws.Actor(ctx, id)
		return a.Name, err
	}
}

func tagName(ws *workspace.Workspace) func(context.Context, int64) (string, error) {
	return func(ctx context.Context, id int64) (string, error) {
		t, err := ws.Tag(ctx, id)
		return t.Name, err
	}
}

// cells writes the text of each column for one excerpt.
func (n *excerptNames) cells(e model.Excerpt) []string {
	a := n.articles[e.ArticleID]
	s := n.sources[a.sourceID]
	tags := make([]string, 0, len(e.TagIDs))
	for _, id := range e.TagIDs {
		tags = append(tags, n.tags[id])
	}
	cells := []string{
		e.Selector.Exact,
		string(e.Kind),
		a.title,
		s.Name,
		isoDay(a.published),
		n.actors[e.SpeakerID],
		joinNames(tags),
		model.Grading(s.Reliability, e.Credibility),
		e.CreatedAt.Local().Format("2006-01-02 15:04"),
	}
	for i, c := range cells {
		cells[i] = cutToColumn(c, excerptTableColumns[i].width)
	}
	return cells
}

// cutToColumn puts text on one line and cuts it, with an ellipsis, to
// what a column of width shows. The widths of characters are guessed on
// the generous side (the cell measures nothing, to scroll fast), so a cut
// text fits; the detail shows the whole text.
func cutToColumn(text string, width float32) string {
	const padding, ellipsis = 2 * 8, 12 // a cell's inner padding; "…"
	s := strings.Join(strings.Fields(text), " ")
	budget := width - padding
	used := float32(0)
	for i, r := range s {
		used += guessedWidth(r)
		if used > budget {
			return cutBefore(s, i, budget-ellipsis)
		}
	}
	return s
}

// cutBefore cuts s to the characters before byte end that fit in budget,
// and ends it with an ellipsis.
func cutBefore(s string, end int, budget float32) string {
	used, keep := float32(0), 0
	for i, r := range s[:end] {
		if used += guessedWidth(r); used > budget {
			break
		}
		keep = i + utf8.RuneLen(r)
	}
	return strings.TrimRight(s[:keep], " ") + "…"
}

// guessedWidth is a generous width of r at the table's text size, in
// pixels, taken from the widest letters of each group in the theme's font.
func guessedWidth(r rune) float32 {
	switch {
	case strings.ContainsRune("mwMW@%©®—ÆæŒœ", r):
		return 13.5
	case r < 0x250 && (unicode.IsUpper(r) || r == '&' || r == '#'):
		return 11
	case r < 0x250: // Latin
		return 9
	}
	return 15 // other scripts, wide ones included
}

// isoDay writes a date as analysts file it, or nothing when unknown.
func isoDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02")
}

// joinNames lists names in alphabetical order, as the tags sort.
func joinNames(names []string) string {
	names = slices.Clone(names)
	slices.SortFunc(names, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	return strings.Join(names, ", ")
}
