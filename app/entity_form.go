package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
	"dossier/workspace"
)

// The actor and document pages have the same shape: a filtered list of
// profiles in the middle, the open profile at the right with its fields
// edited in place, its names, its links and its timeline. What they share
// lives here, so that the two pages behave alike.

// entityRow is one actor or document in a list.
type entityRow struct {
	id    int64
	label string // name or title
	about string // kind, role or status: what tells two rows apart
}

func (r entityRow) text() string {
	if r.about == "" {
		return r.label
	}
	return r.label + " · " + r.about
}

// entityLoader reads one page of rows whose name holds text, of kind
// (every kind when empty), and how many there are in all.
type entityLoader func(ctx context.Context, text, kind string, page model.Page) ([]entityRow, int, error)

// entityPageSize is how many rows a list reads at a time; the rest come
// with "Show more", so a workspace of many thousand actors opens at once.
const entityPageSize = 200

const allKinds = "All kinds"

// entityList is a filter box, a kind filter and a paged list of actors or
// documents.
type entityList struct {
	m      *MainWindow
	load   entityLoader
	Filter *widget.Entry
	Kind   *widget.Select
	List   *widget.List
	More   *widget.Button
	Count  *widget.Label
	box    fyne.CanvasObject

	rows     []entityRow
	fetched  int // rows read from the workspace, the left-out one included
	total    int
	chosen   int64 // the row last chosen, kept selected across reloads
	skip     int64 // left out of the list: the profile being merged away
	skipped  bool  // skip was among the rows read
	reads    int   // counts reloads, so that a slow old read never lands last
	syncing  bool  // selecting by program, not by the analyst
	onChosen func(entityRow)
}

func newEntityList(m *MainWindow, noun string, kinds []string, load entityLoader, onChosen func(entityRow)) *entityList {
	l := &entityList{m: m, load: load, onChosen: onChosen}
	l.Filter = widget.NewEntry()
	l.Filter.SetPlaceHolder("Filter " + noun + " by name or alias")
	l.Filter.OnChanged = func(string) { l.reload() }
	l.Kind = widget.NewSelect(append([]string{allKinds}, kinds...), nil)
	l.Kind.SetSelectedIndex(0)
	l.Kind.OnChanged = func(string) { l.reload() }
	l.List = widget.NewList(func() int { return len(l.rows) },
		func() fyne.CanvasObject {
			lb := widget.NewLabel("Name of an actor · kind")
			lb.Truncation = fyne.TextTruncateEllipsis
			return lb
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < 0 || id >= len(l.rows) {
				return
			}
			o.(*widget.Label).SetText(l.rows[id].text())
		})
	l.List.OnSelected = l.selected
	l.More = widget.NewButton("Show more", l.more)
	l.More.Hide()
	l.Count = widget.NewLabel("")
	top := container.NewBorder(nil, nil, nil, l.Kind, l.Filter)
	l.box = container.NewBorder(top, container.NewHBox(l.Count, l.More), nil, nil, l.List)
	return l
}

func (l *entityList) selected(id widget.ListItemID) {
	if id < 0 || id >= len(l.rows) {
		return
	}
	l.chosen = l.rows[id].id
	if !l.syncing && l.onChosen != nil {
		l.onChosen(l.rows[id])
	}
}

// choice returns the row chosen, if it is still listed.
func (l *entityList) choice() (entityRow, bool) {
	for _, r := range l.rows {
		if r.id == l.chosen {
			return r, true
		}
	}
	return entityRow{}, false
}

func (l *entityList) kind() string {
	if l.Kind.Selected == allKinds {
		return ""
	}
	return l.Kind.Selected
}

// reload reads the first page again, with the filters as they are now.
func (l *entityList) reload() {
	l.read(false)
}

// more reads the next page and adds it to the rows.
func (l *entityList) more() { l.read(true) }

func (l *entityList) read(more bool) {
	l.reads++
	read, text, kind := l.reads, l.Filter.Text, l.kind()
	page := model.Page{Limit: entityPageSize}
	if more {
		page.Offset = l.fetched
	}
	l.m.background("list what matches the filter", func(ctx context.Context) (func(), error) {
		rows, total, err := l.load(ctx, text, kind, page)
		if err != nil {
			return nil, err
		}
		return func() {
			if read == l.reads {
				l.show(more, rows, page.Offset+len(rows), total)
			}
		}, nil
	})
}

// show lists rows after the rows already listed when more is set, or
// instead of them; fetched counts the rows read so far, total all there are.
func (l *entityList) show(more bool, rows []entityRow, fetched, total int) {
	if !more {
		l.rows, l.skipped = nil, false
	}
	for _, r := range rows {
		if r.id == l.skip {
			l.skipped = true
			continue
		}
		l.rows = append(l.rows, r)
	}
	l.fetched, l.total = fetched, total
	if l.skipped {
		l.total--
	}
	l.Count.SetText(fmt.Sprintf("%d of %d", len(l.rows), l.total))
	if fetched < total {
		l.More.Show()
	} else {
		l.More.Hide()
	}
	l.List.Refresh()
	l.mark(l.chosen)
}

// mark selects the row of id without opening it again.
func (l *entityList) mark(id int64) {
	l.chosen = id
	l.syncing = true
	defer func() { l.syncing = false }()
	for i, r := range l.rows {
		if r.id == id {
			l.List.Select(i)
			return
		}
	}
	l.List.UnselectAll()
}

// profileView is what the actor and document views share: the list, the
// page at the right, and which profile is open. P is what a page shows.
type profileView[P any] struct {
	m       *MainWindow
	self    view // the actor or document view, for the navigation
	frame   *profileFrame
	list    *entityList
	current int64  // the profile open, 0 for none
	what    string // "read the actor", in errors
	read    func(ctx context.Context, id int64) (P, error)
	put     func(P) // shows a page just read
	fields  interface {
		isOpen() bool
		close()
	}
	// whileOpen are the commands that need an open profile.
	whileOpen []fyne.Disableable
}

func (p *profileView[P]) reload() {
	if p.frame == nil {
		return // not shown yet
	}
	p.list.reload()
	p.load()
}

// show opens profile id's page, from the list or a link in another view.
func (p *profileView[P]) show(id int64) {
	p.current = id
	if p.m.CurrentView() == p.self.title() {
		p.reload()
		return
	}
	p.m.showViewOf(p.self)
}

// open shows the page of the profile chosen in the list.
func (p *profileView[P]) open(id int64) {
	if id == p.current && p.fields.isOpen() {
		return
	}
	p.current = id
	p.load()
}

// load reads the open profile's page.
func (p *profileView[P]) load() {
	id := p.current
	if id == 0 {
		p.showOpen(false)
		return
	}
	p.m.background(p.what, func(ctx context.Context) (func(), error) {
		page, err := p.read(ctx, id)
		if err != nil {
			return nil, err
		}
		return func() {
			if id != p.current {
				return // the analyst has moved on
			}
			p.put(page)
			p.list.mark(id)
			p.showOpen(true)
		}, nil
	})
}

func (p *profileView[P]) showOpen(open bool) {
	p.frame.showPage(open)
	if !open {
		p.fields.close()
	}
	for _, c := range p.whileOpen {
		if open {
			c.Enable()
		} else {
			c.Disable()
		}
	}
}

// forget closes the page of id, once it is deleted.
func (p *profileView[P]) forget(id int64) {
	if p.current == id {
		p.current = 0
	}
}

// entityForm edits one actor or document in place: each field saves as
// soon as the analyst submits it or leaves it, or picks another choice.
// A change the workspace refuses is explained and taken back, so the
// fields always show what is stored.
//
// Reloads come at any time (after each save, after a background scan), so
// showing the same record again keeps what the analyst is typing: a field
// with the focus, or whose text is no longer what the form put there.
type entityForm[T any] struct {
	m     *MainWindow
	what  string // "actor", in messages
	id    func(T) int64
	read  func(ctx context.Context, id int64) (T, error)
	save  func(ctx context.Context, r *T) error
	saved func(T) // on the UI goroutine after a save
	// record is the open record as last read, with the edits still being
	// saved made on top, so that a second edit starts from the first.
	record  T
	open    bool // a record is loaded
	pending []formEdit[T]
	edits   int // numbers the edits, to take one off pending once saved
	// gen counts the records shown: a save that ends once another record
	// is open leaves the form alone.
	gen    int
	fields []formField[T]
	// saving lets one save at a time read, edit and write the record, so
	// that two edits of different fields both reach the workspace.
	saving sync.Mutex
	Form   *widget.Form
}

// formEdit is an edit of one field, not yet saved.
type formEdit[T any] struct {
	n    int
	edit func(*T)
}

// formField shows a record in one field. same is set when the record is
// the one already shown, where the analyst's typing is kept; reset puts
// the stored value back after a refusal.
type formField[T any] struct {
	show  func(r T, same bool)
	reset func(r T)
}

func newEntityForm[T any](m *MainWindow, what string, id func(T) int64, read func(context.Context, int64) (T, error),
	save func(context.Context, *T) error, saved func(T)) *entityForm[T] {
	return &entityForm[T]{m: m, what: what, id: id, read: read, save: save, saved: saved, Form: widget.NewForm()}
}

// text adds a one-line field.
func (f *entityForm[T]) text(label string, get func(T) string, set func(*T, string)) *commitEntry {
	e := newCommitEntry(false)
	f.bindEntry(label, e, get, set)
	return e
}

// notes adds a field of a few lines.
func (f *entityForm[T]) notes(label string, get func(T) string, set func(*T, string)) *commitEntry {
	e := newCommitEntry(true)
	f.bindEntry(label, e, get, set)
	return e
}

func (f *entityForm[T]) bindEntry(label string, e *commitEntry, get func(T) string, set func(*T, string)) {
	// shown is the text the form last put in the field or took from it:
	// any other text is the analyst's, not saved yet.
	shown := ""
	reset := func(r T) {
		shown = get(r)
		if e.Text != shown {
			e.SetText(shown)
		}
	}
	e.onCommit = func(s string) {
		s = strings.TrimSpace(s)
		if !f.open || s == shown || s == get(f.record) {
			return
		}
		shown = s
		f.change(func(r *T) { set(r, s) }, reset)
	}
	f.fields = append(f.fields, formField[T]{
		show: func(r T, same bool) {
			if same && (e.focused || strings.TrimSpace(e.Text) != shown) {
				return
			}
			reset(r)
		},
		reset: reset,
	})
	f.Form.Append(label, e)
}

// choice adds a field with a closed list of values.
func (f *entityForm[T]) choice(label string, options []string, get func(T) string, set func(*T, string)) *widget.Select {
	s := widget.NewSelect(options, nil)
	reset := func(r T) { s.SetSelected(get(r)) }
	s.OnChanged = func(v string) {
		if f.open && v != get(f.record) {
			f.change(func(r *T) { set(r, v) }, reset)
		}
	}
	f.fields = append(f.fields, formField[T]{show: func(r T, _ bool) { reset(r) }, reset: reset})
	f.Form.Append(label, s)
	return s
}

func (f *entityForm[T]) isOpen() bool { return f.open }

func (f *entityForm[T]) close() {
	f.open = false
	f.forgetEdits()
}

// forgetEdits leaves the saves under way to finish without the form.
func (f *entityForm[T]) forgetEdits() {
	f.gen++
	f.pending = nil
}

// show loads r into the fields. Shown again, the record keeps the edits
// still being saved and the fields keep the analyst's typing.
func (f *entityForm[T]) show(r T) {
	same := f.open && f.id(r) == f.id(f.record)
	if !same {
		f.forgetEdits()
	}
	f.record, f.open = r, true
	for _, p := range f.pending {
		p.edit(&f.record)
	}
	for _, fl := range f.fields {
		fl.show(f.record, same)
	}
}

// change saves the record as edit leaves it. The workspace validates; on
// refusal the analyst reads why and the field goes back, by reset, to what
// is stored.
func (f *entityForm[T]) change(edit func(*T), reset func(T)) {
	f.edits++
	n, gen, id := f.edits, f.gen, f.id(f.record)
	f.pending = append(f.pending, formEdit[T]{n: n, edit: edit})
	edit(&f.record)
	what := "save the " + f.what
	f.m.background(what, func(ctx context.Context) (func(), error) {
		stored, next, err := f.write(ctx, id, edit)
		return func() {
			if gen != f.gen {
				// Another record is open; only the list may need the news.
				if err != nil {
					f.m.showError(what, err)
				} else {
					f.m.changed()
				}
				return
			}
			f.settle(n)
			if err != nil {
				f.m.showError(what, err)
				f.refused(stored, reset)
				return
			}
			if f.saved != nil {
				f.saved(next)
			}
		}, nil
	})
}

// write makes edit to the record as stored now and saves it; stored is the
// record before the edit.
func (f *entityForm[T]) write(ctx context.Context, id int64, edit func(*T)) (stored, next T, err error) {
	f.saving.Lock()
	defer f.saving.Unlock()
	if stored, err = f.read(ctx, id); err != nil {
		return stored, stored, err
	}
	next = stored
	edit(&next)
	err = f.save(ctx, &next)
	return stored, next, err
}

// settle takes edit n off the edits under way.
func (f *entityForm[T]) settle(n int) {
	f.pending = slices.DeleteFunc(f.pending, func(p formEdit[T]) bool { return p.n == n })
}

// refused shows stored, read after a save was refused, with the edits
// still under way, and puts the refused field back.
func (f *entityForm[T]) refused(stored T, reset func(T)) {
	if f.id(stored) != f.id(f.record) {
		return // not read: the form shows what it had
	}
	f.show(stored)
	if reset != nil {
		reset(f.record)
	}
}

// commitEntry is an entry that hands its text over when the analyst
// presses Enter (Shift+Enter in a multi-line one) or leaves it.
type commitEntry struct {
	widget.Entry
	onCommit func(string)
	focused  bool // the analyst is in the field
}

func newCommitEntry(multiLine bool) *commitEntry {
	e := &commitEntry{}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(3)
	}
	e.ExtendBaseWidget(e)
	e.OnSubmitted = func(string) { e.commit() }
	return e
}

// FocusGained notes that the analyst is in the field, where a reload
// leaves the text alone.
func (e *commitEntry) FocusGained() {
	e.focused = true
	e.Entry.FocusGained()
}

// FocusLost saves what the analyst typed before moving on.
func (e *commitEntry) FocusLost() {
	e.focused = false
	e.Entry.FocusLost()
	e.commit()
}

func (e *commitEntry) commit() {
	if e.onCommit != nil {
		e.onCommit(e.Text)
	}
}

// aliasSection lists the names an actor or a document appears under, with
// a box to add one and a button to remove each.
type aliasSection struct {
	m     *MainWindow
	owner model.Alias // the actor or document the names belong to
	Entry *widget.Entry
	Add   *widget.Button
	Rows  *fyne.Container
	box   fyne.CanvasObject
}

func newAliasSection(m *MainWindow) *aliasSection {
	s := &aliasSection{m: m, Rows: container.NewVBox()}
	s.Entry = widget.NewEntry()
	s.Entry.SetPlaceHolder("Another name it appears under")
	s.Entry.OnSubmitted = func(string) { s.add() }
	s.Add = widget.NewButtonWithIcon("Add alias", theme.ContentAddIcon(), s.add)
	s.box = container.NewVBox(sectionHeading("Aliases"), s.Rows, container.NewBorder(nil, nil, nil, s.Add, s.Entry))
	return s
}

// show lists aliases of owner (an alias with only ActorID or DocumentID).
func (s *aliasSection) show(owner model.Alias, aliases []model.Alias) {
	s.owner = owner
	rows := make([]fyne.CanvasObject, 0, len(aliases)+1)
	for _, a := range aliases {
		rows = append(rows, removableRow(widget.NewLabel(a.Name), func() { s.remove(a) }))
	}
	if len(aliases) == 0 {
		rows = append(rows, quietLabel("No aliases: only the name itself is looked for."))
	}
	s.Rows.Objects = rows
	s.Rows.Refresh()
}

func (s *aliasSection) add() {
	a := s.owner
	a.Name = strings.TrimSpace(s.Entry.Text)
	s.m.update("add the alias", func(ctx context.Context) error { return s.m.ws.AddAlias(ctx, &a) }, func() {
		s.Entry.SetText("")
		s.m.SetMessage("Added alias “" + a.Name + "”; articles are searched for it")
	})
}

func (s *aliasSection) remove(a model.Alias) {
	s.m.update("remove the alias", func(ctx context.Context) error { return s.m.ws.DeleteAlias(ctx, a.ID) }, func() {
		s.m.SetMessage("Removed alias “" + a.Name + "”")
	})
}

// profileSection is a titled part of a page whose rows are read again
// with each profile.
type profileSection struct {
	Rows  *fyne.Container
	empty string // said when there are no rows
	box   fyne.CanvasObject
}

func newProfileSection(title, empty string, actions ...fyne.CanvasObject) *profileSection {
	s := &profileSection{Rows: container.NewVBox(), empty: empty}
	head := sectionHeading(title)
	var top fyne.CanvasObject = head
	if len(actions) > 0 {
		top = container.NewBorder(nil, nil, head, container.NewHBox(actions...))
	}
	s.box = container.NewVBox(top, s.Rows)
	return s
}

func (s *profileSection) show(rows []fyne.CanvasObject) {
	if len(rows) == 0 {
		rows = []fyne.CanvasObject{quietLabel(s.empty)}
	}
	s.Rows.Objects = rows
	s.Rows.Refresh()
}

func sectionHeading(title string) *widget.Label {
	return widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func quietLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Importance = widget.LowImportance
	l.Wrapping = fyne.TextWrapWord
	return l
}

// link is a name that goes somewhere in the workspace when clicked.
func link(text string, tapped func()) *widget.Hyperlink {
	h := widget.NewHyperlink(text, nil)
	h.OnTapped = tapped
	return h
}

// passageLink is a link on a passage of an article, wrapped over lines.
func passageLink(text string, tapped func()) *widget.Hyperlink {
	h := link(text, tapped)
	h.Wrapping = fyne.TextWrapWord
	return h
}

// removableRow puts a Remove button after o.
func removableRow(o fyne.CanvasObject, remove func()) fyne.CanvasObject {
	b := widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), remove)
	b.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, nil, b, o)
}

// profileFrame is a profile view: the list in the middle, the open
// profile at the right, the commands above both.
type profileFrame struct {
	box    fyne.CanvasObject
	none   fyne.CanvasObject // said while no profile is open
	page   *fyne.Container
	scroll *container.Scroll
}

func newProfileFrame(buttons []fyne.CanvasObject, list *entityList, page *fyne.Container, none fyne.CanvasObject) *profileFrame {
	f := &profileFrame{none: none, page: page}
	page.Hide()
	f.scroll = container.NewVScroll(container.NewPadded(page))
	right := container.NewStack(none, f.scroll)
	split := container.NewHSplit(list.box, right)
	split.Offset = 0.32
	f.box = container.NewBorder(container.NewHBox(buttons...), nil, nil, nil, split)
	return f
}

// showPage shows the page when a profile is open, else the sentence.
func (f *profileFrame) showPage(open bool) {
	if !open {
		f.page.Hide()
		f.none.Show()
		return
	}
	f.none.Hide()
	f.page.Show()
	// Sections have gained or lost rows: the scroll takes the page's new
	// height and the page places its sections again.
	f.scroll.Refresh()
	f.page.Refresh()
}

// askNew asks for the name and kind of a new actor or document, creates it
// with create, and opens it.
func (m *MainWindow) askNew(title, nameLabel string, kinds []string, create func(ctx context.Context, name, kind string) (int64, error), open func(int64)) {
	name := widget.NewEntry()
	kind := widget.NewSelect(kinds, nil)
	kind.SetSelectedIndex(0)
	items := []*widget.FormItem{widget.NewFormItem(nameLabel, name), widget.NewFormItem("Kind", kind)}
	d := dialog.NewForm(title, "Create", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		text, k := strings.TrimSpace(name.Text), kind.Selected
		m.background("create it", func(ctx context.Context) (func(), error) {
			id, err := create(ctx, text, k)
			if err != nil {
				return nil, err
			}
			return func() {
				m.SetMessage("Created “" + text + "”")
				open(id)
			}, nil
		})
	}, m.Window)
	d.Resize(fyne.NewSize(420, d.MinSize().Height))
	d.Show()
	m.Window.Canvas().Focus(name)
}

// choose shows a dialog to pick one row of list, with fields above it to
// say more (a relation's type, a party's role); chosen gets the row.
func (m *MainWindow) choose(title, confirm string, fields fyne.CanvasObject, list *entityList, chosen func(entityRow)) {
	content := container.NewBorder(fields, nil, nil, nil, list.box)
	d := dialog.NewCustomConfirm(title, confirm, "Cancel", content, func(ok bool) {
		if !ok {
			return
		}
		row, found := list.choice()
		if !found {
			m.SetMessage("Nothing was chosen")
			return
		}
		chosen(row)
	}, m.Window)
	d.Resize(fyne.NewSize(520, 560))
	d.Show()
	list.reload()
}

// confirm asks before a change that needs thought, in a sentence that says
// what it will do.
func (m *MainWindow) confirm(title, sentence, button string, yes func()) {
	text := widget.NewLabel(sentence)
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, button, "Cancel", text, func(ok bool) {
		if ok {
			yes()
		}
	}, m.Window)
	d.Resize(fyne.NewSize(480, 260))
	d.Show()
}

// update makes one change to the workspace in the background; once it is
// made, done says so on the UI goroutine and the window reads the
// workspace again.
func (m *MainWindow) update(what string, change func(ctx context.Context) error, done func()) {
	m.background(what, func(ctx context.Context) (func(), error) {
		if err := change(ctx); err != nil {
			return nil, err
		}
		return func() {
			done()
			m.changed()
		}, nil
	})
}

// entityMerge is the merge of one actor or document into another.
type entityMerge struct {
	noun   string // "actors", in the dialog titles
	from   entityRow
	list   *entityList // to choose the one that stays
	moving func(ctx context.Context) ([]string, error)
	merge  func(ctx context.Context, from, into int64) error
	merged func(into int64) // on the UI goroutine once merged
}

// mergeInto asks which profile takes x.from's place, says what will move,
// and merges on the analyst's word.
func (m *MainWindow) mergeInto(x entityMerge) {
	x.list.skip = x.from.id
	m.choose("Merge "+x.from.label+" into…", "Next", nil, x.list, func(into entityRow) {
		m.background("read what the merge would move", func(ctx context.Context) (func(), error) {
			moving, err := x.moving(ctx)
			if err != nil {
				return nil, err
			}
			return func() { m.confirmMerge(x, into, moving) }, nil
		})
	})
}

func (m *MainWindow) confirmMerge(x entityMerge, into entityRow, moving []string) {
	from := x.from.label
	sentence := fmt.Sprintf("Merge “%s” into “%s”? ", from, into.label)
	if len(moving) > 0 {
		sentence += fmt.Sprintf("Moving to %s: %s. ", into.label, andList(moving))
	}
	sentence += fmt.Sprintf("“%s” becomes an alias of %s, and %s is removed.", from, into.label, from)
	m.confirm("Merge "+x.noun, sentence, "Merge", func() {
		m.update("merge the "+x.noun, func(ctx context.Context) error { return x.merge(ctx, x.from.id, into.id) }, func() {
			m.SetMessage("Merged " + from + " into " + into.label)
			x.merged(into.id)
		})
	})
}

// confirmDelete reads what deleting would touch, says it, and deletes on
// the analyst's word through deleteItem, so that the delete can be undone.
func (m *MainWindow) confirmDelete(kind workspace.Kind, id int64, name string, impact func(ctx context.Context) (string, error), after func()) {
	m.background("read what the delete would touch", func(ctx context.Context) (func(), error) {
		touches, err := impact(ctx)
		if err != nil {
			return nil, err
		}
		return func() {
			sentence := fmt.Sprintf("Delete the %s “%s”? %s", kind, name, touches)
			m.confirm("Delete "+string(kind), sentence, "Delete", func() {
				m.deleteItem(kind, id, fmt.Sprintf("%s %s", kind, name), after)
			})
		}, nil
	})
}

// seenText sums up the mentions: how many, first and last seen.
func seenText(mentions int, first, last time.Time) string {
	if mentions == 0 {
		return "Not found in any article yet."
	}
	s := counted(mentions, "mention", "mentions") + " in articles"
	if !first.IsZero() {
		s += fmt.Sprintf("; first seen %s, last seen %s", dayText(first), dayText(last))
	}
	return s + "."
}
