package app

import (
	"context"
	"errors"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
)

// searchPage is how many hits of each kind one search shows; "More" asks
// for the next as many of that kind.
const searchPage = 20

// typingPause is how long the analyst stops typing before the search runs
// on its own: long enough not to search every half-typed word.
const typingPause = 400 * time.Millisecond

// searchView is one box that searches the whole workspace, and the hits
// grouped by kind; a hit opens where it belongs.
type searchView struct {
	m   *MainWindow
	box fyne.CanvasObject

	entry *widget.Entry
	// problem says, under the box, why a search could not be read.
	problem *widget.Label
	summary *widget.Label
	results *fyne.Container

	// query is the search whose hits are shown; hits and totals are by kind.
	query  string
	hits   map[string][]model.SearchHit
	totals map[string]int
	// pageSize is how many hits of a kind a page holds.
	pageSize int
	// seq numbers the searches started, so that a slow search does not
	// overwrite the results of a newer one.
	seq int

	// after runs f once d has passed and returns what cancels it; tests
	// replace it to end a typing pause without waiting.
	after   func(d time.Duration, f func()) (cancel func())
	pending func()
}

func newSearchView(m *MainWindow) *searchView {
	return &searchView{m: m, after: afterPause, pageSize: searchPage}
}

func afterPause(d time.Duration, f func()) func() {
	t := time.AfterFunc(d, f)
	return func() { t.Stop() }
}

func (v *searchView) title() string { return "Search" }

func (v *searchView) content() fyne.CanvasObject {
	if v.box == nil {
		v.entry = widget.NewEntry()
		v.entry.SetPlaceHolder(`Search articles, excerpts, notes, actors and documents — "a phrase", OR, -leave out`)
		v.entry.OnChanged = v.typed
		v.entry.OnSubmitted = v.submitted
		v.problem = widget.NewLabel("")
		v.problem.Importance = widget.DangerImportance
		v.problem.Wrapping = fyne.TextWrapWord
		v.problem.Hide()
		v.summary = widget.NewLabel("Type what to look for and press Enter.")
		v.results = container.NewVBox()
		top := container.NewVBox(v.entry, v.problem, v.summary)
		v.box = container.NewBorder(top, nil, nil, nil, container.NewVScroll(v.results))
	}
	return v.box
}

// reload runs the shown search again: the workspace may have changed.
func (v *searchView) reload() {
	v.content()
	if v.query != "" {
		v.run(v.query)
	}
}

// find brings the search box forward (Ctrl+F), its text selected so that
// typing replaces it.
func (v *searchView) find() {
	v.content()
	v.m.showViewOf(v)
	v.m.Window.Canvas().Focus(v.entry)
	v.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// typed waits for a pause in the typing before searching.
func (v *searchView) typed(text string) {
	v.cancelPending()
	v.pending = v.after(typingPause, func() {
		fyne.Do(func() {
			if v.m.ctx.Err() == nil && v.entry.Text == text {
				v.run(text)
			}
		})
	})
}

func (v *searchView) submitted(text string) {
	v.cancelPending()
	v.run(text)
}

func (v *searchView) cancelPending() {
	if v.pending != nil {
		v.pending()
		v.pending = nil
	}
}

// run searches in the background. A search the storage cannot read shows
// its sentence under the box, not a dialog: the analyst may be halfway
// through typing it.
func (v *searchView) run(text string) {
	text = strings.TrimSpace(text)
	v.seq++
	seq := v.seq
	if text == "" {
		v.setProblem("")
		v.show("", model.SearchResult{})
		return
	}
	q := model.SearchQuery{Text: text, Page: model.Page{Limit: v.pageSize}}
	v.m.background("search", func(ctx context.Context) (func(), error) {
		res, err := v.m.ws.Search(ctx, q)
		if errors.Is(err, model.ErrInvalid) {
			return func() {
				if seq == v.seq {
					v.setProblem(searchProblem(err))
				}
			}, nil
		}
		if err != nil {
			return nil, err
		}
		return func() {
			if seq == v.seq {
				v.setProblem("")
				v.show(text, res)
			}
		}, nil
	})
}

// more fetches the next page of one kind of hit for the shown search.
func (v *searchView) more(kind string) {
	text, seq := v.query, v.seq
	q := model.SearchQuery{Text: text, Kinds: []string{kind},
		Page: model.Page{Limit: v.pageSize, Offset: len(v.hits[kind])}}
	v.m.background("search for more", func(ctx context.Context) (func(), error) {
		res, err := v.m.ws.Search(ctx, q)
		if err != nil {
			return nil, err
		}
		return func() {
			if seq != v.seq || text != v.query {
				return
			}
			v.hits[kind] = append(v.hits[kind], res.Hits...)
			v.totals[kind] = res.Totals[kind]
			v.render()
		}, nil
	})
}

// show keeps a search's result and draws it.
func (v *searchView) show(text string, res model.SearchResult) {
	v.query = text
	v.hits = map[string][]model.SearchHit{}
	for _, h := range res.Hits {
		v.hits[h.Kind] = append(v.hits[h.Kind], h)
	}
	v.totals = res.Totals
	v.render()
}

func (v *searchView) setProblem(text string) {
	if text == v.problem.Text {
		return
	}
	v.problem.SetText(text)
	if text == "" {
		v.problem.Hide()
	} else {
		v.problem.Show()
	}
	// The results move to make room for the message, or take it back.
	v.box.Refresh()
}

// searchProblem is the storage's sentence about a search it could not
// read, as the analyst reads it under the box.
func searchProblem(err error) string {
	msg := err.Error()
	var me *model.Error
	if errors.As(err, &me) && me.Msg != "" {
		msg = me.Msg
	}
	if r, size := utf8.DecodeRuneInString(msg); r != utf8.RuneError {
		msg = string(unicode.ToUpper(r)) + msg[size:]
	}
	if !strings.HasSuffix(msg, ".") {
		msg += "."
	}
	return msg
}

// open takes the analyst to a hit: an article or excerpt in the reader,
// an actor or document on its page.
func (v *searchView) open(h model.SearchHit) {
	switch h.Kind {
	case model.HitArticle:
		v.m.articles.show(h.ID, model.Span{})
	case model.HitExcerpt:
		v.openExcerpt(h.ID)
	case model.HitActor:
		v.m.actors.show(h.ID)
	case model.HitDocument:
		v.m.documents.show(h.ID)
	}
}

// openExcerpt reads where the excerpt lies now, as a revision of its
// article may have moved it, and shows it selected in the reader.
func (v *searchView) openExcerpt(id int64) {
	v.m.background("open the excerpt", func(ctx context.Context) (func(), error) {
		e, err := v.m.ws.Excerpt(ctx, id)
		if err != nil {
			return nil, err
		}
		return func() { v.m.articles.show(e.ArticleID, e.Span) }, nil
	})
}
