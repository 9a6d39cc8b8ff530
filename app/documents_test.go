package app

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
	"dossier/workspace"
)

// documentsFind finds the demo document titled title.
func documentsFind(t *testing.T, ws *workspace.Workspace, title string) model.Document {
	t.Helper()
	docs, _, err := ws.ListDocuments(context.Background(), model.DocumentFilter{Text: title})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if d.Title == title {
			return d
		}
	}
	t.Fatalf("no document %q", title)
	return model.Document{}
}

// documentsOpen shows the page of the document titled title.
func documentsOpen(t *testing.T, m *MainWindow, ws *workspace.Workspace, title string) model.Document {
	t.Helper()
	d := documentsFind(t, ws, title)
	m.documents.show(d.ID)
	if m.CurrentView() != "Documents" || m.documents.Title.Text != title {
		t.Fatalf("after show(%s) the view is %q with title %q", title, m.CurrentView(), m.documents.Title.Text)
	}
	return d
}

func documentsProfile(t *testing.T, ws *workspace.Workspace, id int64) model.DocumentProfile {
	t.Helper()
	p, err := ws.DocumentProfile(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDocumentsPageShowsWorkspace(t *testing.T) {
	m, ws := profilesDemoWindow(t)
	d := documentsOpen(t, m, ws, "Maritime Corridor Framework")
	p := documentsProfile(t, ws, d.ID)
	v := m.documents
	if v.Kind.Selected != "framework" || v.Status.Selected != "under revision" || v.Disclosure.Selected != "leaked" ||
		v.Description.Text != d.Description {
		t.Errorf("fields = %q %q %q %q", v.Kind.Selected, v.Status.Selected, v.Disclosure.Selected, v.Description.Text)
	}
	if got := profilesLabels(v.Aliases.Rows); !slices.Equal(got, []string{"corridor framework", "draft corridor framework"}) {
		t.Errorf("aliases = %q", got)
	}
	if got := profilesLinkTexts(v.Parties.Rows); !slices.Equal(got, []string{"Lunemark", "Inès Duvallon", "Lunemark"}) {
		t.Errorf("parties = %q", got)
	}
	if got := profilesLabels(v.Parties.Rows); !slices.Contains(got, "guarantor — Would pay into the mine-clearing fund, per the redraft.") {
		t.Errorf("party roles = %q", got)
	}
	labels := profilesLabels(v.History.Rows)
	for _, want := range []string{"24 Feb 2025 — drafting", "3 Mar 2025 — presented", "21 Mar 2025 — under revision",
		"Redraft adds an escort chapter and a €250 million fund."} {
		if !slices.Contains(labels, want) {
			t.Errorf("history %q lacks %q", labels, want)
		}
	}
	evidence := 0
	for _, text := range profilesLinkTexts(v.History.Rows) {
		if strings.HasPrefix(text, "Evidence: “") {
			evidence++
		}
	}
	if evidence != 2 {
		t.Errorf("history shows %d evidence links, want 2 (the drafting step has none)", evidence)
	}
	profilesCheckTimeline(t, v.Timeline, p.Timeline)
	if len(p.Timeline) == 0 {
		t.Error("the demo document has no weekly mentions; the test checks nothing")
	}
}

func TestDocumentsEditInPlace(t *testing.T) {
	m, ws := profilesDemoWindow(t)
	d := documentsOpen(t, m, ws, "12-point ceasefire plan")
	v := m.documents
	profilesSubmit(v.Title, "Kesterian 12-point ceasefire plan")
	v.Disclosure.SetSelected("public")
	v.Kind.SetSelected("statement")
	got, err := ws.Document(context.Background(), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Kesterian 12-point ceasefire plan" || got.Disclosure != model.DisclosurePublic || got.Kind != model.DocStatement {
		t.Errorf("stored document: %q %q %q", got.Title, got.Disclosure, got.Kind)
	}
	if v.Heading.Text != got.Title {
		t.Errorf("heading = %q", v.Heading.Text)
	}
}

// TestDocumentsStatusFollowsHistory: a status picked against the history
// does not hold, and the status bar says why.
func TestDocumentsStatusFollowsHistory(t *testing.T) {
	m, ws := profilesDemoWindow(t)
	d := documentsOpen(t, m, ws, "12-point ceasefire plan")
	m.documents.Status.SetSelected("signed")
	if got, _ := ws.Document(context.Background(), d.ID); got.Status != model.StatusRejected {
		t.Errorf("status = %q, want rejected, from the latest event", got.Status)
	}
	if m.documents.Status.Selected != "rejected" || !strings.Contains(m.Message.Text, "add a status event") {
		t.Errorf("status shown %q, message %q", m.documents.Status.Selected, m.Message.Text)
	}
}

func TestDocumentsEmptyTitleIsRefused(t *testing.T) {
	m, ws := profilesDemoWindow(t)
	d := documentsOpen(t, m, ws, "12-point ceasefire plan")
	profilesSubmit(m.documents.Title, "")
	if text := profilesDialogText(t, m); !strings.Contains(text, "Could not save the document: document title is empty") {
		t.Errorf("dialog says %q", text)
	}
	if got, _ := ws.Document(context.Background(), d.ID); got != d {
		t.Errorf("the document changed: %+v, was %+v", got, d)
	}
	if m.documents.Title.Text != d.Title {
		t.Errorf("the title field shows %q after the refusal", m.documents.Title.Text)
	}
}

func TestDocumentsAddAndRemoveAlias(t *testing.T) {
	m, ws := profilesDemoWindow(t)
	d := documentsOpen(t, m, ws, "12-point ceasefire plan")
	v := m.documents
	test.Type(v.Aliases.Entry, "Kesterian plan")
	test.Tap(v.Aliases.Add)
	if got := aliasNamesOf(documentsProfile(t, ws, d.ID).Aliases); !slices.Contains(got, "Kesterian plan") {
		t.Fatalf("aliases after adding: %q", got)
	}
	test.Tap(profilesRemoveButton(t, v.Aliases.Rows, "twelve-point plan"))
	if got := aliasNamesOf(documentsProfile(t, ws, d.ID).Aliases); !slices.Equal(got, []string{"12-point plan", "Kesterian plan"}) {
		t.Errorf("aliases after removing: %q", got)
	}
}

func TestDocumentsAddStatusEvent(t *testing.T) {
	m, ws := profilesDemoWindow(t)
	d := documentsOpen(t, m, ws, "Maritime Corridor Framework")
	test.Tap(m.documents.AddEvent)
	date := profilesInDialog[*widget.Entry](t, m, nil)
	date.SetText("")
	test.Type(date, "2025-03-28")
	selects := profilesSelects(t, m)
	selects[0].SetSelected("agreed")
	selects[1].SetSelectedIndex(1) // the first excerpt that concerns the document
	profilesTapDialogButton(t, m, "Add")

	p := documentsProfile(t, ws, d.ID)
	last := p.History[len(p.History)-1]
	if len(p.History) != 4 || last.Status != model.StatusAgreed || !last.Date.Equal(time.Date(2025, 3, 28, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("history after adding: %+v", p.History)
	}
	if last.EvidenceExcerptID != m.documents.page.excerpts[0].ID {
		t.Errorf("evidence = %d, want the first excerpt offered", last.EvidenceExcerptID)
	}
	if p.Document.Status != model.StatusAgreed || m.documents.Status.Selected != "agreed" {
		t.Errorf("status stored %q, shown %q", p.Document.Status, m.documents.Status.Selected)
	}
	if !slices.Contains(profilesLabels(m.documents.History.Rows), "28 Mar 2025 — agreed") {
		t.Errorf("history shown: %q", profilesLabels(m.documents.History.Rows))
	}
}

func TestDocumentsStatusEventWithBadDateIsRefused(t *testing.T) {
	m, ws := profilesDemoWindow(t)
	d := documentsOpen(t, m, ws, "Maritime Corridor Framework")
	test.Tap(m.documents.AddEvent)
	date := profilesInDialog[*widget.Entry](t, m, nil)
	date.SetText("28/03/2025")
	profilesTapDialogButton(t, m, "Add")
	if text := profilesDialogText(t, m); !strings.Contains(text, "is not a day; write it as 2025-03-21") {
		t.Errorf("dialog says %q", text)
	}
	if got := documentsProfile(t, ws, d.ID).History; len(got) != 3 {
		t.Errorf("history has %d events, want the 3 it had", len(got))
	}
}

// profilesSelects returns the choice boxes of the dialog on top, in order.
func profilesSelects(t *testing.T, m *MainWindow) []*widget.Select {
	t.Helper()
	var out []*widget.Select
	for _, obj := range test.LaidOutObjects(profilesDialog(t, m)) {
		if s, ok := obj.(*widget.Select); ok {
			out = append(out, s)
		}
	}
	return out
}

func TestDocumentsAddAndRemoveParty(t *testing.T) {
	m, ws := profilesDemoWindow(t)
	d := documentsOpen(t, m, ws, "Maritime Corridor Framework")
	test.Tap(m.documents.AddParty)
	role := profilesInDialog(t, m, func(s *widget.Select) bool { return slices.Contains(s.Options, "signatory") })
	role.SetSelected("signatory")
	profilesChoose(t, m, "Valdoria", "Valdoria")
	profilesTapDialogButton(t, m, "Add")
	hasValdoria := func() bool {
		return slices.ContainsFunc(documentsProfile(t, ws, d.ID).Parties, func(p model.PartyView) bool {
			return p.Actor.Name == "Valdoria" && p.Party.Role == model.RoleSignatory
		})
	}
	if !hasValdoria() {
		t.Fatal("Valdoria is not a signatory after adding it")
	}
	if !slices.Contains(profilesLinkTexts(m.documents.Parties.Rows), "Valdoria") {
		t.Errorf("parties shown: %q", profilesLinkTexts(m.documents.Parties.Rows))
	}
	test.Tap(profilesRemoveButton(t, m.documents.Parties.Rows, "Valdoria"))
	if hasValdoria() {
		t.Error("Valdoria is still a signatory after removing it")
	}
}

func TestDocumentsEvidenceOpensArticle(t *testing.T) {
	m, ws := profilesDemoWindow(t)
	documentsOpen(t, m, ws, "12-point ceasefire plan")
	for text, h := range profilesLinks(m.documents.History.Rows) {
		if strings.HasPrefix(text, "Evidence: “Kesteria formally tabled") {
			profilesTapLink(h)
			if got := m.CurrentView(); got != "Articles" {
				t.Errorf("a click on the evidence shows %q, want Articles", got)
			}
			return
		}
	}
	t.Fatalf("no evidence link among %q", profilesLinkTexts(m.documents.History.Rows))
}

func TestDocumentsPartyOpensActor(t *testing.T) {
	m, ws := profilesDemoWindow(t)
	documentsOpen(t, m, ws, "Maritime Corridor Framework")
	profilesTapLink(profilesLinks(m.documents.Parties.Rows)["Inès Duvallon"])
	if m.CurrentView() != "Actors" || m.actors.Name.Text != "Inès Duvallon" {
		t.Errorf("after the click: view %q, actor %q", m.CurrentView(), m.actors.Name.Text)
	}
}

func TestDocumentsNewDocument(t *testing.T) {
	m, ws := profilesDemoWindow(t)
	m.selectView(3)
	test.Tap(m.documents.NewDocument)
	test.Type(profilesInDialog[*widget.Entry](t, m, nil), "Aldercove communiqué")
	profilesInDialog[*widget.Select](t, m, nil).SetSelected("statement")
	profilesTapDialogButton(t, m, "Create")
	d := documentsFind(t, ws, "Aldercove communiqué")
	if d.Kind != model.DocStatement {
		t.Errorf("new document kind = %q", d.Kind)
	}
	if m.documents.current != d.ID || m.documents.Title.Text != d.Title {
		t.Errorf("the page shows %q, not the new document", m.documents.Title.Text)
	}
}

func TestDocumentsMergeSaysWhatMovesThenMerges(t *testing.T) {
	m, ws := profilesDemoWindow(t)
	ctx := context.Background()
	from := documentsOpen(t, m, ws, "12-point ceasefire plan")
	into := documentsFind(t, ws, "Maritime Corridor Framework")
	n, err := ws.DocumentDeletionImpact(ctx, from.ID)
	if err != nil {
		t.Fatal(err)
	}
	test.Tap(m.documents.MergeInto)
	profilesChoose(t, m, "corridor", "Maritime Corridor Framework")
	profilesTapDialogButton(t, m, "Next")
	text := profilesDialogText(t, m)
	for _, want := range []string{"Merge “12-point ceasefire plan” into “Maritime Corridor Framework”?",
		"2 aliases", "2 parties", "2 status events", counted(n.Mentions, "mention", "mentions")} {
		if !strings.Contains(text, want) {
			t.Errorf("confirmation %q does not say %q", text, want)
		}
	}
	profilesTapDialogButton(t, m, "Merge")
	if _, err := ws.Document(ctx, from.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("merged document still there: %v", err)
	}
	p := documentsProfile(t, ws, into.ID)
	if got := aliasNamesOf(p.Aliases); !slices.Contains(got, "12-point ceasefire plan") || !slices.Contains(got, "twelve-point plan") {
		t.Errorf("aliases after the merge: %q", got)
	}
	if len(p.History) != 5 || m.documents.Title.Text != into.Title {
		t.Errorf("after the merge: %d events, page shows %q", len(p.History), m.documents.Title.Text)
	}
}

func TestDocumentsDeleteSaysWhatIsUnlinked(t *testing.T) {
	m, ws := profilesDemoWindow(t)
	d := documentsOpen(t, m, ws, "12-point ceasefire plan")
	test.Tap(m.documents.Delete)
	text := profilesDialogText(t, m)
	for _, want := range []string{"Delete the document “12-point ceasefire plan”?", "Its 2 aliases, 2 parties, 2 status events",
		"3 excerpts lose their link to the document."} {
		if !strings.Contains(text, want) {
			t.Errorf("confirmation %q does not say %q", text, want)
		}
	}
	profilesTapDialogButton(t, m, "Delete")
	if _, err := ws.Document(context.Background(), d.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("deleted document still there: %v", err)
	}
	if m.documents.current != 0 || m.documents.frame.page.Visible() {
		t.Error("the page of the deleted document is still shown")
	}
	if len(m.undo.done) != 1 {
		t.Errorf("the delete left %d undo steps, want 1", len(m.undo.done))
	}
}
