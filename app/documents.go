package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
	"dossier/workspace"
)

// documentsView lists the tracked documents and shows the open one's page:
// its fields, edited in place, its aliases, parties, status history with
// the evidence of each step, and its mentions over time.
type documentsView struct {
	*profileView[documentPage]
	form *entityForm[model.Document]
	page documentPage

	Heading                        *widget.Label
	Title                          *commitEntry
	Description, Notes             *commitEntry
	Kind, Status, Disclosure       *widget.Select
	Aliases                        *aliasSection
	Parties, History               *profileSection
	AddParty, AddEvent             *widget.Button
	Timeline                       *Timeline
	Seen                           *widget.Label
	NewDocument, MergeInto, Delete *widget.Button
}

// documentPage is what a document's page shows, read at once.
type documentPage struct {
	profile model.DocumentProfile
	// evidence holds the excerpts the history cites, by id.
	evidence map[int64]model.Excerpt
	// excerpts concern the document: what a new status event can cite.
	excerpts []model.Excerpt
}

// evidenceChoices bounds the excerpts offered as evidence of a new status
// event; a document with more is cited from its article's excerpts.
const evidenceChoices = 500

func newDocumentsView(m *MainWindow) *documentsView {
	v := &documentsView{}
	v.profileView = &profileView[documentPage]{m: m, self: v, what: "read the document", read: v.readPage, put: v.showPage}
	return v
}

func (v *documentsView) title() string { return "Documents" }

func (v *documentsView) content() fyne.CanvasObject {
	if v.frame == nil {
		v.build()
	}
	return v.frame.box
}

func (v *documentsView) build() {
	v.list = newEntityList(v.m, "documents", enumTexts(model.DocumentKinds()), v.listDocuments, func(r entityRow) { v.open(r.id) })
	v.NewDocument = widget.NewButtonWithIcon("New document", theme.ContentAddIcon(), v.newDocument)
	v.MergeInto = widget.NewButton("Merge into…", v.mergeInto)
	v.Delete = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), v.delete)
	none := placeholder("Documents", "Choose a document in the list to follow its status and parties, or start tracking a new one.")
	v.frame = newProfileFrame([]fyne.CanvasObject{v.NewDocument, v.MergeInto, v.Delete}, v.list, v.buildPage(), none)
	v.fields, v.whileOpen = v.form, []fyne.Disableable{v.MergeInto, v.Delete}
	v.showOpen(false)
}

func (v *documentsView) listDocuments(ctx context.Context, text, kind string, p model.Page) ([]entityRow, int, error) {
	docs, total, err := v.m.ws.ListDocuments(ctx, model.DocumentFilter{Text: text, Kind: model.DocumentKind(kind), Page: p})
	rows := make([]entityRow, len(docs))
	for i, d := range docs {
		rows[i] = entityRow{id: d.ID, label: d.Title, about: string(d.Kind) + ", " + string(d.Status)}
	}
	return rows, total, err
}

func (v *documentsView) buildPage() *fyne.Container {
	v.Heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.Heading.SizeName = theme.SizeNameHeadingText
	v.form = newEntityForm(v.m, "document", func(d model.Document) int64 { return d.ID }, v.m.ws.Document, v.m.ws.UpdateDocument, v.saved)
	f := v.form
	v.Title = f.text("Title", func(d model.Document) string { return d.Title }, func(d *model.Document, s string) { d.Title = s })
	v.Kind = f.choice("Kind", enumTexts(model.DocumentKinds()), func(d model.Document) string { return string(d.Kind) },
		func(d *model.Document, s string) { d.Kind = model.DocumentKind(s) })
	v.Status = f.choice("Status", enumTexts(model.DocumentStatuses()), func(d model.Document) string { return string(d.Status) },
		func(d *model.Document, s string) { d.Status = model.DocumentStatus(s) })
	v.Disclosure = f.choice("Disclosure", enumTexts(model.Disclosures()), func(d model.Document) string { return string(d.Disclosure) },
		func(d *model.Document, s string) { d.Disclosure = model.Disclosure(s) })
	v.Description = f.notes("Description", func(d model.Document) string { return d.Description },
		func(d *model.Document, s string) { d.Description = s })
	v.Notes = f.notes("Notes", func(d model.Document) string { return d.Notes }, func(d *model.Document, s string) { d.Notes = s })
	v.Aliases = newAliasSection(v.m)
	v.AddParty = widget.NewButtonWithIcon("Add party…", theme.ContentAddIcon(), v.addParty)
	v.Parties = newProfileSection("Parties", "No parties yet: add who wrote, proposed, signed or opposes it.", v.AddParty)
	v.AddEvent = widget.NewButtonWithIcon("Add status event…", theme.ContentAddIcon(), v.addStatusEvent)
	v.History = newProfileSection("Status history", "No dated status events yet.", v.AddEvent)
	v.Timeline = NewTimeline()
	v.Seen = quietLabel("")
	mentions := container.NewVBox(sectionHeading("Mentions over time"), v.Timeline, v.Seen)
	return container.NewVBox(v.Heading, f.Form, v.Aliases.box, v.Parties.box, v.History.box, mentions)
}

func (v *documentsView) readPage(ctx context.Context, id int64) (documentPage, error) {
	var pg documentPage
	var err error
	if pg.profile, err = v.m.ws.DocumentProfile(ctx, id); err != nil {
		return pg, err
	}
	cited, err := v.m.ws.StatusEvidence(ctx, id)
	if err != nil {
		return pg, err
	}
	pg.evidence = make(map[int64]model.Excerpt, len(cited))
	for _, e := range cited {
		pg.evidence[e.ID] = e
	}
	pg.excerpts, _, err = v.m.ws.ListExcerpts(ctx, model.ExcerptFilter{DocumentID: id, Page: model.Page{Limit: evidenceChoices}})
	return pg, err
}

func (v *documentsView) showPage(pg documentPage) {
	v.page = pg
	p := pg.profile
	v.Heading.SetText(p.Document.Title)
	v.form.show(p.Document)
	v.Aliases.show(model.Alias{DocumentID: p.Document.ID}, p.Aliases)
	v.Parties.show(v.partyRows(p.Parties))
	v.History.show(v.historyRows(p.History, pg.evidence))
	v.Timeline.SetCounts(p.Timeline)
	v.Seen.SetText(seenText(len(p.Mentions), p.FirstSeen, p.LastSeen))
}

func (v *documentsView) partyRows(parties []model.PartyView) []fyne.CanvasObject {
	rows := make([]fyne.CanvasObject, 0, len(parties))
	for _, p := range parties {
		actor, party := p.Actor, p.Party
		about := string(party.Role)
		if party.Note != "" {
			about += " — " + party.Note
		}
		row := container.NewBorder(nil, nil, link(actor.Name, func() { v.m.actors.show(actor.ID) }), nil, quietLabel(about))
		rows = append(rows, removableRow(row, func() { v.removeParty(party, actor.Name) }))
	}
	return rows
}

// historyRows shows each step dated, with its note and a link to the
// excerpt that shows it.
func (v *documentsView) historyRows(history []model.StatusEvent, evidence map[int64]model.Excerpt) []fyne.CanvasObject {
	rows := make([]fyne.CanvasObject, 0, len(history))
	for _, e := range history {
		step := widget.NewLabelWithStyle(dayText(e.Date)+" — "+string(e.Status), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		parts := []fyne.CanvasObject{step}
		if e.Note != "" {
			parts = append(parts, quietLabel(e.Note))
		}
		if ex, ok := evidence[e.EvidenceExcerptID]; ok {
			parts = append(parts, passageLink("Evidence: “"+shortened(ex.Selector.Exact, 200)+"”", func() { v.m.articles.show(ex.ArticleID, ex.Span) }))
		}
		rows = append(rows, container.NewVBox(parts...))
	}
	return rows
}

// saved follows a change of a field. A document's status follows its
// latest status event, so a status picked against the history does not
// hold; the analyst is told why.
func (v *documentsView) saved(d model.Document) {
	v.m.SetMessage("Saved " + d.Title)
	if string(d.Status) != v.Status.Selected {
		v.m.SetMessage("The status follows the latest status event (" + string(d.Status) + "); add a status event to change it")
	}
	v.m.changed()
}

func (v *documentsView) newDocument() {
	v.m.askNew("New document", "Title", enumTexts(model.DocumentKinds()), func(ctx context.Context, title, kind string) (int64, error) {
		d := model.Document{Title: title, Kind: model.DocumentKind(kind), Status: model.StatusRumoured, Disclosure: model.DisclosureUndisclosed}
		err := v.m.ws.CreateDocument(ctx, &d)
		return d.ID, err
	}, v.show)
}

func (v *documentsView) addParty() {
	doc := v.page.profile.Document
	role := widget.NewSelect(enumTexts(model.PartyRoles()), nil)
	role.SetSelectedIndex(0)
	note := widget.NewEntry()
	note.SetPlaceHolder("Optional: what it did")
	fields := widget.NewForm(widget.NewFormItem("Role", role), widget.NewFormItem("Note", note))
	list := newActorList(v.m, nil)
	v.m.choose("Add a party to "+doc.Title, "Add", fields, list, func(r entityRow) {
		p := model.Party{DocumentID: doc.ID, ActorID: r.id, Role: model.PartyRole(role.Selected), Note: strings.TrimSpace(note.Text)}
		v.m.update("add the party", func(ctx context.Context) error { return v.m.ws.AddParty(ctx, &p) }, func() {
			v.m.SetMessage(fmt.Sprintf("Added %s as %s", r.label, p.Role))
		})
	})
}

func (v *documentsView) removeParty(p model.Party, name string) {
	v.m.update("remove the party", func(ctx context.Context) error { return v.m.ws.DeleteParty(ctx, p.ID) }, func() {
		v.m.SetMessage(fmt.Sprintf("Removed %s as %s", name, p.Role))
	})
}

// statusEventForm holds the fields of a new status event.
type statusEventForm struct {
	Date     *widget.Entry
	Status   *widget.Select
	Note     *widget.Entry
	Evidence *widget.Select
	cited    map[string]int64 // evidence choice → excerpt id
}

const noEvidence = "(none)"

func (v *documentsView) newStatusEventForm() *statusEventForm {
	f := &statusEventForm{cited: map[string]int64{}}
	f.Date = widget.NewEntry()
	f.Date.SetText(time.Now().UTC().Format(time.DateOnly))
	f.Status = widget.NewSelect(enumTexts(model.DocumentStatuses()), nil)
	f.Status.SetSelected(string(v.page.profile.Document.Status))
	f.Note = widget.NewEntry()
	choices := []string{noEvidence}
	for i, e := range v.page.excerpts {
		c := fmt.Sprintf("%d. “%s”", i+1, shortened(e.Selector.Exact, 70))
		f.cited[c] = e.ID
		choices = append(choices, c)
	}
	f.Evidence = widget.NewSelect(choices, nil)
	f.Evidence.SetSelectedIndex(0)
	return f
}

// event reads the form; a date that is not a day is refused.
func (f *statusEventForm) event(documentID int64) (model.StatusEvent, error) {
	date, err := time.Parse(time.DateOnly, strings.TrimSpace(f.Date.Text))
	if err != nil {
		return model.StatusEvent{}, model.Invalidf("the date %q is not a day; write it as 2025-03-21", f.Date.Text)
	}
	return model.StatusEvent{DocumentID: documentID, Date: date, Status: model.DocumentStatus(f.Status.Selected),
		Note: strings.TrimSpace(f.Note.Text), EvidenceExcerptID: f.cited[f.Evidence.Selected]}, nil
}

func (v *documentsView) addStatusEvent() {
	doc := v.page.profile.Document
	f := v.newStatusEventForm()
	items := []*widget.FormItem{
		widget.NewFormItem("Date", f.Date), widget.NewFormItem("Status", f.Status),
		widget.NewFormItem("Note", f.Note), widget.NewFormItem("Evidence", f.Evidence),
	}
	d := dialog.NewForm("New status of "+doc.Title, "Add", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		e, err := f.event(doc.ID)
		if err != nil {
			v.m.showError("add the status event", err)
			return
		}
		v.saveStatusEvent(e)
	}, v.m.Window)
	d.Resize(fyne.NewSize(560, d.MinSize().Height))
	d.Show()
}

func (v *documentsView) saveStatusEvent(e model.StatusEvent) {
	v.m.update("add the status event", func(ctx context.Context) error { return v.m.ws.AddStatusEvent(ctx, &e) }, func() {
		v.m.SetMessage(fmt.Sprintf("Added status %s on %s", e.Status, dayText(e.Date)))
	})
}

// mergeInto folds the open document into another, after saying what
// moves.
func (v *documentsView) mergeInto() {
	from := v.page.profile.Document
	v.m.mergeInto(entityMerge{
		noun: "documents",
		from: entityRow{id: from.ID, label: from.Title},
		list: newEntityList(v.m, "documents", enumTexts(model.DocumentKinds()), v.listDocuments, nil),
		moving: func(ctx context.Context) ([]string, error) {
			n, err := v.m.ws.DocumentDeletionImpact(ctx, from.ID)
			return tallied(
				tally{n.Aliases, "alias", "aliases"}, tally{n.Parties, "party", "parties"},
				tally{n.StatusEvents, "status event", "status events"}, tally{n.Mentions, "mention", "mentions"},
				tally{n.LinkedExcerpts, "excerpt link", "excerpt links"}), err
		},
		merge: func(ctx context.Context, from, into int64) error {
			_, err := v.m.ws.MergeDocuments(ctx, from, into)
			return err
		},
		merged: func(into int64) { v.current = into },
	})
}

// delete says what deleting the document would remove and unlink, and
// deletes it on the analyst's word.
func (v *documentsView) delete() {
	d := v.page.profile.Document
	v.m.confirmDelete(workspace.KindDocument, d.ID, d.Title, func(ctx context.Context) (string, error) {
		n, err := v.m.ws.DocumentDeletionImpact(ctx, d.ID)
		return documentDeletionText(n), err
	}, func() { v.forget(d.ID) })
}

func documentDeletionText(n model.DocumentImpact) string {
	var s []string
	if gone := tallied(tally{n.Aliases, "alias", "aliases"}, tally{n.Parties, "party", "parties"},
		tally{n.StatusEvents, "status event", "status events"}, tally{n.Mentions, "mention", "mentions"}); len(gone) > 0 {
		s = append(s, "Its "+andList(gone)+" will be removed.")
	}
	if n.LinkedExcerpts > 0 {
		s = append(s, counted(n.LinkedExcerpts, "excerpt loses its link to the document.", "excerpts lose their link to the document."))
	}
	if len(s) == 0 {
		return "Nothing else refers to it."
	}
	return strings.Join(s, " ")
}

// deleteSelected deletes the chosen item (Edit > Delete…).
func (v *documentsView) deleteSelected() bool {
	if v.current == 0 { // none chosen, or just deleted
		return false
	}
	v.delete()
	return true
}
