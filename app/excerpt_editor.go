package app

import (
	"context"
	"fmt"
	"image/color"
	"maps"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
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
	ws      *workspace.Workspace // the workspace the excerpt belongs to
	excerpt model.Excerpt        // ID 0 for a new one

	quote       *widget.Label
	kind        *widget.Select
	credibility *widget.Select
	speaker     *widget.Select
	speakers    []pickOption // in the order of speaker's options, after "(nobody)"
	note        *keyedEntry
	tags        *pickList
	actors      *pickList
	documents   *pickList
	dialog      *dialog.CustomDialog
	// Save stays off while a save is on its way; Cancel closes.
	Save, Cancel *widget.Button

	overlay    fyne.CanvasObject // the dialog on the canvas, while open
	keysBefore func(*fyne.KeyEvent)
	saving     bool
}

// editorSaveKeys save the excerpt: Ctrl+Enter (either Enter key) and Ctrl+S.
// The window uses none of them, so the editor may take them while open.
var editorSaveKeys = []fyne.Shortcut{ctrl(fyne.KeyReturn), ctrl(fyne.KeyEnter), ctrl(fyne.KeyS)}

// editorChoices are the names the editor offers, read before it opens.
type editorChoices struct {
	tags, actors, documents []pickOption
}

// editExcerpt reads the codebook and the names, then opens the editor on e,
// read again when it exists so that the editor starts from what is saved.
// One editor is open at a time.
func (v *articlesView) editExcerpt(e model.Excerpt) {
	if v.editor != nil && v.editor.overlay != nil {
		v.m.SetMessage("Save or cancel the excerpt being edited first")
		return
	}
	r, ws, limit := v.reading, v.m.ws, v.namesPage
	v.m.background("open the excerpt editor", func(ctx context.Context) (func(), error) {
		if e.ID != 0 {
			saved, err := ws.Excerpt(ctx, e.ID)
			if err != nil {
				return nil, err
			}
			e = saved
		}
		c, err := readEditorChoices(ctx, ws, r, e, limit)
		if err != nil {
			return nil, err
		}
		return func() {
			if v.editor == nil || v.editor.overlay == nil {
				v.editor = newExcerptEditor(v, ws, r, e, c)
			}
		}, nil
	})
}

// readEditorChoices reads the tags and up to limit actors and documents,
// the names of r and of e first: a speaker the editor does not offer
// would be lost on saving.
func readEditorChoices(ctx context.Context, ws *workspace.Workspace, r workspace.Reading, e model.Excerpt, limit int) (editorChoices, error) {
	var c editorChoices
	actorsHere, err := withNames(ctx, r.Actors, append([]int64{e.SpeakerID}, e.ActorIDs...), actorName(ws))
	if err != nil {
		return c, err
	}
	docsHere, err := withNames(ctx, r.Documents, e.DocumentIDs, documentTitle(ws))
	if err != nil {
		return c, err
	}
	tags, _, err := ws.ListTags(ctx, model.TagFilter{Page: model.Page{Limit: model.MaxPageSize}})
	if err != nil {
		return c, err
	}
	for _, t := range tags {
		c.tags = append(c.tags, pickOption{id: t.Tag.ID, name: t.Tag.Name, depth: t.Depth})
	}
	actors, _, err := ws.ListActors(ctx, model.ActorFilter{Page: model.Page{Limit: limit}})
	if err != nil {
		return c, err
	}
	var others []pickOption
	for _, a := range actors {
		others = append(others, pickOption{id: a.ID, name: a.Name})
	}
	c.actors = articleFirst(actorsHere, others)
	docs, _, err := ws.ListDocuments(ctx, model.DocumentFilter{Page: model.Page{Limit: limit}})
	if err != nil {
		return c, err
	}
	others = nil
	for _, d := range docs {
		others = append(others, pickOption{id: d.ID, name: d.Title})
	}
	c.documents = articleFirst(docsHere, others)
	return c, nil
}

// withNames is known with the names of ids added, those that still exist.
func withNames(ctx context.Context, known map[int64]string, ids []int64, read func(context.Context, int64) (string, error)) (map[int64]string, error) {
	out := maps.Clone(known)
	if out == nil {
		out = map[int64]string{}
	}
	for _, id := range ids {
		if err := remember(ctx, out, id, read); err != nil {
			return nil, err
		}
		if name, ok := out[id]; ok && name == "" {
			delete(out, id) // gone meanwhile
		}
	}
	return out, nil
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

// newExcerptEditor opens the editor on e, an excerpt of the article of r.
func newExcerptEditor(v *articlesView, ws *workspace.Workspace, r workspace.Reading, e model.Excerpt, c editorChoices) *excerptEditor {
	ed := &excerptEditor{v: v, ws: ws, excerpt: e}
	ed.quote = widget.NewLabel(shortened(spanText(r.Article.Body, e.Span), 600))
	ed.quote.Wrapping = fyne.TextWrapWord
	ed.quote.TextStyle.Italic = true

	ed.kind = widget.NewSelect(enumTexts(model.ExcerptKinds()), nil)
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
	ed.note = newKeyedEntry(ed)
	ed.note.MultiLine = true
	ed.note.SetMinRowsVisible(3)
	ed.note.Wrapping = fyne.TextWrapWord
	ed.note.SetText(e.Note)
	ed.tags = newPickList(ed, "Filter tags", c.tags, e.TagIDs)
	ed.actors = newPickList(ed, "Filter actors", c.actors, e.ActorIDs)
	ed.documents = newPickList(ed, "Filter documents", c.documents, e.DocumentIDs)

	title := "New excerpt"
	if e.ID != 0 {
		title = fmt.Sprintf("Excerpt %d", e.ID)
	}
	// The editor closes itself, only once the save has succeeded: a
	// dialog that closed on the press would lose the note, the tags and
	// the names if the save failed.
	ed.Cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), ed.close)
	ed.Save = widget.NewButtonWithIcon("Save", theme.ConfirmIcon(), ed.save)
	ed.Save.Importance = widget.HighImportance
	ed.dialog = dialog.NewCustomWithoutButtons(title, ed.layout(), v.m.Window)
	ed.dialog.SetButtons([]fyne.CanvasObject{ed.Cancel, ed.Save})
	ed.dialog.Resize(fyne.NewSize(860, 680))
	ed.dialog.Show()
	ed.takeKeys()
	v.m.Window.Canvas().Focus(ed.note)
	return ed
}

// takeKeys gives the editor Ctrl+Enter and Ctrl+S to save and Escape to
// cancel, which a dialog does not offer, while no field has the focus;
// the editor's fields hand them on themselves.
func (ed *excerptEditor) takeKeys() {
	c := ed.v.m.Window.Canvas()
	ed.overlay = c.Overlays().Top()
	for _, s := range editorSaveKeys {
		c.AddShortcut(s, func(s fyne.Shortcut) { ed.typedShortcut(s) })
	}
	ed.keysBefore = c.OnTypedKey()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if !ed.typedKey(ev) && ed.keysBefore != nil {
			ed.keysBefore(ev)
		}
	})
}

// close hides the editor and gives the keys back.
func (ed *excerptEditor) close() {
	if ed.overlay == nil {
		return
	}
	c := ed.v.m.Window.Canvas()
	for _, s := range editorSaveKeys {
		c.RemoveShortcut(s)
	}
	c.SetOnTypedKey(ed.keysBefore)
	ed.overlay = nil
	ed.dialog.Hide()
}

// onTop tells whether the editor is open with nothing over it, such as
// the dialog of a failed save, which the keys then leave alone.
func (ed *excerptEditor) onTop() bool {
	return ed.overlay != nil && ed.v.m.Window.Canvas().Overlays().Top() == ed.overlay
}

// typedShortcut saves on a save key and reports whether s was one.
func (ed *excerptEditor) typedShortcut(s fyne.Shortcut) bool {
	if !slices.ContainsFunc(editorSaveKeys, func(k fyne.Shortcut) bool { return k.ShortcutName() == s.ShortcutName() }) {
		return false
	}
	if ed.onTop() {
		ed.save()
	}
	return true
}

// typedKey cancels on Escape and reports whether ev was Escape.
func (ed *excerptEditor) typedKey(ev *fyne.KeyEvent) bool {
	if ev.Name != fyne.KeyEscape || !ed.onTop() {
		return false
	}
	ed.close()
	return true
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
// changes to it; a new one can be taken back with Ctrl+Z. The editor stays
// open until the workspace has it.
func (ed *excerptEditor) save() {
	if ed.saving || ed.overlay == nil {
		return
	}
	ed.saving = true
	ed.Save.Disable()
	e, m, ws := ed.filled(), ed.v.m, ed.ws
	m.background("save the excerpt", func(ctx context.Context) (func(), error) {
		after, err := storeExcerpt(ctx, m, ws, e)
		return func() { ed.saved(after, err) }, nil
	})
}

// saved closes the editor once the save went through; after a failure it
// stays open with everything filled in, to try again or cancel.
func (ed *excerptEditor) saved(after func(), err error) {
	ed.saving = false
	ed.Save.Enable()
	if err != nil {
		ed.v.m.showError("save the excerpt", err)
		return
	}
	ed.close()
	after()
}

// storeExcerpt writes e to ws and returns what the window does next.
func storeExcerpt(ctx context.Context, m *MainWindow, ws *workspace.Workspace, e model.Excerpt) (func(), error) {
	if e.ID != 0 {
		if err := ws.UpdateExcerpt(ctx, &e); err != nil {
			return nil, err
		}
		return func() { m.SetMessage(fmt.Sprintf("Saved excerpt %d", e.ID)); m.changed() }, nil
	}
	made, err := ws.ExcerptAt(ctx, e.ArticleID, e.Span)
	if err != nil {
		return nil, err
	}
	made.Kind, made.Note, made.Credibility, made.SpeakerID = e.Kind, e.Note, e.Credibility, e.SpeakerID
	made.TagIDs, made.ActorIDs, made.DocumentIDs = e.TagIDs, e.ActorIDs, e.DocumentIDs
	if err := ws.CreateExcerpt(ctx, &made); err != nil {
		return nil, err
	}
	return func() {
		m.remember(newExcerptStep(ws, made.ID))
		m.SetMessage(fmt.Sprintf("Made excerpt %d — Ctrl+Z takes it back", made.ID))
		m.changed()
	}, nil
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
	filter  *keyedEntry
	list    *widget.List
	all     []pickOption
	shown   []pickOption
	chosen  map[int64]bool
	ordered []int64 // chosen ids in the order they were first chosen
}

func newPickList(ed *excerptEditor, placeholder string, options []pickOption, chosen []int64) *pickList {
	p := &pickList{all: options, shown: options, chosen: map[int64]bool{}}
	for _, id := range chosen {
		p.set(id, true)
	}
	p.filter = newKeyedEntry(ed)
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

// keyedEntry is a field of the excerpt editor. A focused field gets the
// keys before the window does, so it hands the editor's own keys — save
// and cancel — to the editor, and the rest to the entry.
type keyedEntry struct {
	widget.Entry
	ed *excerptEditor
}

func newKeyedEntry(ed *excerptEditor) *keyedEntry {
	e := &keyedEntry{ed: ed}
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut saves on Ctrl+Enter and Ctrl+S.
func (e *keyedEntry) TypedShortcut(s fyne.Shortcut) {
	if !e.ed.typedShortcut(s) {
		e.Entry.TypedShortcut(s)
	}
}

// TypedKey cancels on Escape.
func (e *keyedEntry) TypedKey(ev *fyne.KeyEvent) {
	if !e.ed.typedKey(ev) {
		e.Entry.TypedKey(ev)
	}
}
