package app

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
	"dossier/workspace"
)

// excerptDetail shows the chosen excerpt in full at the right of the
// table, with the way to its place in the article and a delete.
type excerptDetail struct {
	v   *excerptsView
	box fyne.CanvasObject

	// Heading gives the kind and the grading, "quote · B2".
	Heading *widget.Label
	Quote   *widget.Label
	Note    *widget.Label
	Article *widget.Label
	Speaker *widget.Label
	Actors  *widget.Label
	// Documents, Tags: names separated by commas.
	Documents *widget.Label
	Tags      *widget.Label
	// Open shows the excerpt in its article; Delete removes it (Ctrl+Z
	// brings it back).
	Open   *widget.Button
	Delete *widget.Button

	shown model.Excerpt // ID 0 when nothing is shown
	// asked counts the reads started: when the analyst moves from row to
	// row faster than the reads end, only the last row's answer is shown,
	// so that Delete removes the excerpt the table has selected.
	asked int
}

// excerptFacts is an excerpt with the names the detail shows.
type excerptFacts struct {
	excerpt                 model.Excerpt
	article                 string
	grading                 string
	speaker                 string
	actors, documents, tags []string
}

const noExcerptChosen = "Choose an excerpt in the table to see it here."

func newExcerptDetail(v *excerptsView) *excerptDetail {
	d := &excerptDetail{v: v}
	d.Heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.Heading.SizeName = theme.SizeNameSubHeadingText
	d.Quote = wrapped(fyne.TextStyle{Italic: true})
	d.Note = wrapped(fyne.TextStyle{})
	d.Article, d.Speaker, d.Actors = wrapped(fyne.TextStyle{}), wrapped(fyne.TextStyle{}), wrapped(fyne.TextStyle{})
	d.Documents, d.Tags = wrapped(fyne.TextStyle{}), wrapped(fyne.TextStyle{})
	d.Open = widget.NewButtonWithIcon("Open in article", theme.NavigateNextIcon(), d.openInArticle)
	d.Delete = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), d.deleteShown)
	d.clear()
	return d
}

func wrapped(style fyne.TextStyle) *widget.Label {
	l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, style)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func (d *excerptDetail) content() fyne.CanvasObject {
	if d.box == nil {
		form := widget.NewForm(
			widget.NewFormItem("Note", d.Note),
			widget.NewFormItem("Article", d.Article),
			widget.NewFormItem("Speaker", d.Speaker),
			widget.NewFormItem("Actors", d.Actors),
			widget.NewFormItem("Documents", d.Documents),
			widget.NewFormItem("Tags", d.Tags),
		)
		buttons := container.NewHBox(d.Open, d.Delete)
		d.box = container.NewVScroll(container.NewVBox(d.Heading, d.Quote, form, buttons))
	}
	return d.box
}

// show reads excerpt id and its names in the background, then shows them.
func (d *excerptDetail) show(id int64) {
	ws := d.v.m.ws
	d.asked++
	asked := d.asked
	d.v.m.background("read the excerpt", func(ctx context.Context) (func(), error) {
		facts, err := readExcerptFacts(ctx, ws, id)
		if err != nil && !errors.Is(err, model.ErrNotFound) {
			return nil, err
		}
		return func() {
			switch {
			case asked != d.asked: // a later choice is on its way
			case err != nil:
				d.clear() // deleted meanwhile
			default:
				d.fill(facts)
			}
		}, nil
	})
}

// reload shows the excerpt again as the workspace now has it.
func (d *excerptDetail) reload() {
	if d.shown.ID != 0 {
		d.show(d.shown.ID)
	}
}

func (d *excerptDetail) fill(f excerptFacts) {
	d.shown = f.excerpt
	d.Heading.SetText(strings.TrimSuffix(string(f.excerpt.Kind)+" · "+f.grading, " · "))
	d.Quote.SetText("“" + f.excerpt.Selector.Exact + "”")
	d.Note.SetText(f.excerpt.Note)
	d.Article.SetText(f.article)
	d.Speaker.SetText(f.speaker)
	d.Actors.SetText(strings.Join(f.actors, ", "))
	d.Documents.SetText(strings.Join(f.documents, ", "))
	d.Tags.SetText(joinNames(f.tags))
	d.Open.Enable()
	d.Delete.Enable()
}

func (d *excerptDetail) clear() {
	d.shown = model.Excerpt{}
	d.Heading.SetText("")
	d.Quote.SetText(noExcerptChosen)
	for _, l := range []*widget.Label{d.Note, d.Article, d.Speaker, d.Actors, d.Documents, d.Tags} {
		l.SetText("")
	}
	d.Open.Disable()
	d.Delete.Disable()
}

func (d *excerptDetail) openInArticle() {
	if e := d.shown; e.ID != 0 {
		d.v.m.articles.show(e.ArticleID, e.Span)
	}
}

// deleteShown deletes the excerpt shown; Ctrl+Z brings it back.
func (d *excerptDetail) deleteShown() {
	e := d.shown
	if e.ID == 0 {
		return
	}
	label := "excerpt “" + oneLine(e.Selector.Exact, 40) + "”"
	d.v.m.deleteItem(workspace.KindExcerpt, e.ID, label, d.clear)
}

// readExcerptFacts reads an excerpt and every name it links to.
func readExcerptFacts(ctx context.Context, ws *workspace.Workspace, id int64) (excerptFacts, error) {
	e, err := ws.Excerpt(ctx, id)
	if err != nil {
		return excerptFacts{}, err
	}
	f := excerptFacts{excerpt: e}
	a, err := ws.Article(ctx, e.ArticleID)
	if err != nil {
		return f, err
	}
	f.article = a.Title
	sources := map[int64]model.Source{}
	if err := remember(ctx, sources, a.SourceID, ws.Source); err != nil {
		return f, err
	}
	f.grading = model.Grading(sources[a.SourceID].Reliability, e.Credibility)
	if f.speaker, err = oneName(ctx, e.SpeakerID, actorName(ws)); err != nil {
		return f, err
	}
	if f.actors, err = names(ctx, e.ActorIDs, actorName(ws)); err != nil {
		return f, err
	}
	if f.documents, err = names(ctx, e.DocumentIDs, documentTitle(ws)); err != nil {
		return f, err
	}
	f.tags, err = names(ctx, e.TagIDs, tagName(ws))
	return f, err
}

// oneName reads the name of id, or nothing when id is 0 or gone.
func oneName(ctx context.Context, id int64, read func(context.Context, int64) (string, error)) (string, error) {
	cache := map[int64]string{}
	err := remember(ctx, cache, id, read)
	return cache[id], err
}

func names(ctx context.Context, ids []int64, read func(context.Context, int64) (string, error)) ([]string, error) {
	var out []string
	for _, id := range ids {
		n, err := oneName(ctx, id, read)
		if err != nil {
			return nil, err
		}
		if n != "" {
			out = append(out, n)
		}
	}
	return out, nil
}

func documentTitle(ws *workspace.Workspace) func(context.Context, int64) (string, error) {
	return func(ctx context.Context, id int64) (string, error) {
		d, err := ws.Document(ctx, id)
		return d.Title, err
	}
}
