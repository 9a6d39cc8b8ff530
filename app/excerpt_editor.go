package app

import (
	"context"
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
	"dossier/workspace"
)

// editorNamesPage bounds the actors and documents the editor offers
// beyond those of the article; the filter over each list narrows them.
const editorNamesPage = 1000

// pickOption is one name a list offers: a tag, an actor, a document.
type pickOption struct {
	id    int64
	name  string
	depth int // a tag's depth in the codebook
}

// excerptEditor is the dialog that makes an excerpt of the selection, or
// changes an excerpt already made.
type excerptEditor struct {
	v       *articlesView
	excerpt model.Excerpt // ID 0 for a new one

	quote       *widget.Label
	kind        *widget.Select
	credibility *widget.Select
	speaker     *widget.Select
	speakers    []pickOption // in the order of speaker's options, after "(nobody)"
	note        *widget.Entry
	tags        *pickList
	actors      *pickList
	documents   *pickList
	dialog      *dialog.ConfirmDialog
}

// editorChoices are the names the editor offers, read before it opens.
type editorChoices struct {
	tags, actors, documents []pickOption
}

// editExcerpt reads the codebook and the names, then opens the editor on e.
func (v *articlesView) editExcerpt(e model.Excerpt) {
	r := v.reading
	v.m.background("open the excerpt editor", func(ctx context.Context) (func(), error) {
		c, err := readEditorChoices(ctx, v.m.ws, r)
		if err != nil {
			return nil, err
		}
		return func() { v.editor = newExcerptEditor(v, e, c) }, nil
	})
}

func readEditorChoices(ctx context.Context, ws *workspace.Workspace, r workspace.Reading) (editorChoices, error) {
	var c editorChoices
	tags, _, err := ws.ListTags(ctx, model.TagFilter{Page: model.Page{Limit: model.MaxPageSize}})
	if err != nil {
		return c, err
	}
	for _, t := range tags {
		c.tags = append(c.tags, pickOption{id: t.Tag.ID, name: t.Tag.Name, depth: t.Depth})
	}
	actors, _, err := ws.ListActors(ctx, model.ActorFilter{Page: model.Page{Limit: editorNamesPage}})
	if err != nil {
		return c, err
	}
	var others []pickOption
	for _, a := range actors {
		others = append(others, pickOption{id: a.ID, name: a.Name})
	}
	c.actors = articleFirst(r.Actors, others)
	docs, _, err := ws.ListDocuments(ctx, model.DocumentFilter{Page: model.Page{Limit: editorNamesPage}})
	if err != nil {
		return c, err
	}
	others = nil
	for _, d := range docs {
		others = append(others, pickOption{id: d.ID, name: d.Title})
	}
	c.documents = articleFirst(r.Documents, others)
	return c, nil
}

// articleFirst puts the names found in the article first, by name, then
// the rest of the workspace's, each once.
func articleFirst(inArticle map[int64]string, others []pickOption) []pickOption {
	var out []pickOption
	for id, name := range inArticle {
		out = append(out, pickOption{id: id, name: name})
	}
	slices.SortFunc(out, func(a, b pickOption) int { return strings.Compare(a.name, b.name) })
	for _, o := range others {
		if _, ok := inArticle[o.id]; !ok {
			out = append(out, o)
		}
	}
	return out
}

func newExcerptEditor(v *articlesView, e model.Excerpt, c editorChoices) *excerptEditor {
	ed := &excerptEditor{v: v, excerpt: e}
	ed.quote = widget.NewLabel(shortened(spanText(v.reading.Article.Body, e.Span), 600))
	ed.quote.Wrapping = fyne.TextWrapWord
	ed.quote.TextStyle.Italic = true

	var kinds []string
	for _, k := range model.ExcerptKinds() {
		kinds = append(kinds, string(k))
	}
	ed.kind = widget.NewSelect(kinds, nil)
	ed.kind.SetSelected(string(e.Kind))
	ed.credibility = widget.NewSelect(append([]string{"not graded"}, credibilityOptions()...), nil)
	ed.credibility.SetSelectedIndex(int(e.Credibility))
	ed.speakers = c.actors
	ed.speaker = widget.NewSelect(speakerOptions(c.actors), nil)
	ed.speaker.SetSelectedIndex(0)
	for i, a := range c.actors {
		if a.id == e.SpeakerID {
			ed.speaker.SetSelectedIndex(i + 1)
		}
	}
	ed.note = widget.NewMultiLineEntry()
	ed.note.SetMinRowsVisible(3)
	ed.note.Wrapping = fyne.TextWrapWord
	ed.note.SetText(e.Note)
	ed.tags = newPickList("Filter tags", c.tags, e.TagIDs)
	ed.actors = newPickList("Filter actors", c.actors, e.ActorIDs)
	ed.documents = newPickList("Filter documents", c.documents, e.DocumentIDs)

	title, confirm := "New excerpt", "Save"
	if e.ID != 0 {
		title = fmt.Sprintf("Excerpt %d", e.ID)
	}
	ed.dialog = dialog.NewCustomConfirm(title, confirm, "Cancel", ed.layout(), func(ok bool) {
		if ok {
			ed.save()
		}
	}, v.m.Window)
	ed.dialog.Resize(fyne.NewSize(860, 680))
	ed.dialog.Show()
	v.m.Window.Canvas().Focus(ed.note)
	return ed
}

func (ed *excerptEditor) layout() fyne.CanvasObject {
	quote := container.NewStack(minSized(fyne.NewSize(0, 70)), container.NewVScroll(ed.quote))
	fields := widget.NewForm(
		widget.NewFormItem("Kind", ed.kind),
		widget.NewFormItem("Credibility", ed.credibility),
		widget.NewFormItem("Speaker", ed.speaker),
		widget.NewFormItem("Note", ed.note),
	)
	lists := container.NewGridWithColumns(3,
		titled("Tags", ed.tags.content()),
		titled("Actors involved", ed.actors.content()),
		titled("Documents concerned", ed.documents.content()),
	)
	return container.NewBorder(container.NewVBox(quote, fields), nil, nil, nil, lists)
}

func titled(title string, o fyne.CanvasObject) fyne.CanvasObject {
	return container.NewBorder(widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, o)
}

// minSized is an empty object that holds a container open to size.
func minSized(size fyne.Size) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(size)
	return r
}

func speakerOptions(actors []pickOption) []string {
	opts := []string{"(nobody)"}
	for _, a := range actors {
		opts = append(opts, a.name)
	}
	return opts
}

// spanText is the text of span in body, which is counted in code points.
func spanText(body string, span model.Span) string {
	sel, err := model.NewText(body).Selector(span)
	if err != nil {
		return ""
	}
	return sel.Exact
}

// filled is the excerpt with the editor's fields.
func (ed *excerptEditor) filled() model.Excerpt {
	e := ed.excerpt
	e.Kind = model.ExcerptKind(ed.kind.Selected)
	e.Credibility = model.Credibility(max(0, ed.credibility.SelectedIndex()))
	e.SpeakerID = 0
	if i := ed.speaker.SelectedIndex() - 1; i >= 0 && i < len(ed.speakers) {
		e.SpeakerID = ed.speakers[i].id
	}
	e.Note = strings.TrimSpace(ed.note.Text)
	e.TagIDs, e.ActorIDs, e.DocumentIDs = ed.tags.chosenIDs(), ed.actors.chosenIDs(), ed.documents.chosenIDs()
	return e
}

// save makes the excerpt (anchored on the article's text) or saves the
// changes to it; a new one can be taken back with Ctrl+Z.
func (ed *excerptEditor) save() {
	e, m := ed.filled(), ed.v.m
	m.background("save the excerpt", func(ctx context.Context) (func(), error) {
		if e.ID != 0 {
			if err := m.ws.UpdateExcerpt(ctx, &e); err != nil {
				return nil, err
			}
			return func() { m.SetMessage(fmt.Sprintf("Saved excerpt %d", e.ID)); m.changed() }, nil
		}
		made, err := m.ws.ExcerptAt(ctx, e.ArticleID, e.Span)
		if err != nil {
			return nil, err
		}
		made.Kind, made.Note, made.Credibility, made.SpeakerID = e.Kind, e.Note, e.Credibility, e.SpeakerID
		made.TagIDs, made.ActorIDs, made.DocumentIDs = e.TagIDs, e.ActorIDs, e.DocumentIDs
		if err := m.ws.CreateExcerpt(ctx, &made); err != nil {
			return nil, err
		}
		return func() {
			m.remember(newExcerptStep(m.ws, made.ID))
			m.SetMessage(fmt.Sprintf("Made excerpt %d — Ctrl+Z takes it back", made.ID))
			m.changed()
		}, nil
	})
}

// newExcerptStep lets the analyst take a new excerpt back and make it again.
func newExcerptStep(ws *workspace.Workspace, id int64) undoStep {
	var gone workspace.Deleted
	return undoStep{
		label: fmt.Sprintf("new excerpt %d", id),
		undo: func(ctx context.Context) error {
			var err error
			gone, err = ws.Delete(ctx, workspace.KindExcerpt, id)
			return err
		},
		redo: func(ctx context.Context) error { return ws.Restore(ctx, gone) },
	}
}

// pickList is a check list with a filter over it, for long lists of
// names: only the rows in sight are built.
type pickList struct {
	filter  *widget.Entry
	list    *widget.List
	all     []pickOption
	shown   []pickOption
	chosen  map[int64]bool
	ordered []int64 // chosen ids in the order they were first chosen
}

func newPickList(placeholder string, options []pickOption, chosen []int64) *pickList {
	p := &pickList{all: options, shown: options, chosen: map[int64]bool{}}
	for _, id := range chosen {
		p.set(id, true)
	}
	p.filter = widget.NewEntry()
	p.filter.SetPlaceHolder(placeholder)
	p.filter.OnChanged = p.narrow
	p.list = widget.NewList(func() int { return len(p.shown) },
		func() fyne.CanvasObject { return widget.NewCheck("A name of some length", nil) },
		p.fillRow)
	return p
}

func (p *pickList) content() fyne.CanvasObject {
	return container.NewBorder(p.filter, nil, nil, nil,
		container.NewStack(minSized(fyne.NewSize(200, 180)), p.list))
}

func (p *pickList) fillRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(p.shown) {
		return
	}
	opt := p.shown[id]
	check := o.(*widget.Check)
	check.OnChanged = nil
	check.SetText(strings.Repeat("   ", opt.depth) + opt.name)
	check.SetChecked(p.chosen[opt.id])
	check.OnChanged = func(on bool) { p.set(opt.id, on) }
}

// narrow shows the options whose name holds text, in any case.
func (p *pickList) narrow(text string) {
	text = strings.ToLower(strings.TrimSpace(text))
	p.shown = nil
	for _, o := range p.all {
		if strings.Contains(strings.ToLower(o.name), text) {
			p.shown = append(p.shown, o)
		}
	}
	p.list.Refresh()
}

func (p *pickList) set(id int64, on bool) {
	p.chosen[id] = on
	if on && !slices.Contains(p.ordered, id) {
		p.ordered = append(p.ordered, id)
	}
}

// chosenIDs are the ids checked, in the order they were first chosen, so
// that the first tag (whose colour marks the excerpt) stays first.
func (p *pickList) chosenIDs() []int64 {
	var ids []int64
	for _, id := range p.ordered {
		if p.chosen[id] {
			ids = append(ids, id)
		}
	}
	return ids
}
