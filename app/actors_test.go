package app

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
	"dossier/workspace"
)

// profilesDemoWindow opens the window on a workspace filled with the demo.
func profilesDemoWindow(t *testing.T) (*MainWindow, *workspace.Workspace) {
	t.Helper()
	a := test.NewTempApp(t)
	ws := newDemoWorkspace(t, "demo")
	m := openTestWindow(t, a, ws)
	m.Window.Resize(fyne.NewSize(1400, 900))
	return m, ws
}

// profilesActor finds the demo actor named name.
func profilesActor(t *testing.T, ws *workspace.Workspace, name string) model.Actor {
	t.Helper()
	actors, _, err := ws.ListActors(context.Background(), model.ActorFilter{Text: name})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range actors {
		if a.Name == name {
			return a
		}
	}
	t.Fatalf("no actor %q", name)
	return model.Actor{}
}

// profilesOpenActor shows the page of the actor named name.
func profilesOpenActor(t *testing.T, m *MainWindow, ws *workspace.Workspace, name string) model.Actor {
	t.Helper()
	a := profilesActor(t, ws, name)
	m.actors.show(a.ID)
	if m.CurrentView() != "Actors" || m.actors.Name.Text != name {
		t.Fatalf("after show(%s) the view is %q with name %q", name, m.CurrentView(), m.actors.Name.Text)
	}
	return a
}

// profilesLinks returns the links under o, by text.
func profilesLinks(o fyne.CanvasObject) map[string]*widget.Hyperlink {
	links := map[string]*widget.Hyperlink{}
	for _, obj := range test.LaidOutObjects(o) {
		if h, ok := obj.(*widget.Hyperlink); ok {
			links[h.Text] = h
		}
	}
	return links
}

// profilesLabels returns the texts of the labels under o, in order.
func profilesLabels(o fyne.CanvasObject) []string {
	var texts []string
	for _, obj := range test.LaidOutObjects(o) {
		if l, ok := obj.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	}
	return texts
}

// profilesLinkTexts returns the texts of the links under o, in order.
func profilesLinkTexts(o fyne.CanvasObject) []string {
	var texts []string
	for _, obj := range test.LaidOutObjects(o) {
		if h, ok := obj.(*widget.Hyperlink); ok {
			texts = append(texts, h.Text)
		}
	}
	return texts
}

// profilesRemoveButton finds the Remove button of the row of rows that
// shows text.
func profilesRemoveButton(t *testing.T, rows *fyne.Container, text string) *widget.Button {
	t.Helper()
	for _, row := range rows.Objects {
		shown := append(profilesLabels(row), profilesLinkTexts(row)...)
		if !slices.Contains(shown, text) {
			continue
		}
		for _, obj := range test.LaidOutObjects(row) {
			if b, ok := obj.(*widget.Button); ok && b.Text == "Remove" {
				return b
			}
		}
	}
	t.Fatalf("no row %q with a Remove button among %q", text, profilesLabels(rows))
	return nil
}

// profilesDialog returns the dialog on top of the window.
func profilesDialog(t *testing.T, m *MainWindow) fyne.CanvasObject {
	t.Helper()
	top := m.Window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	return top
}

// profilesDialogText joins the texts of the dialog on top.
func profilesDialogText(t *testing.T, m *MainWindow) string {
	t.Helper()
	return strings.Join(textsIn(profilesDialog(t, m)), "\n")
}

// profilesTapDialogButton taps the button labelled label in the dialog on top.
func profilesTapDialogButton(t *testing.T, m *MainWindow, label string) {
	t.Helper()
	for _, obj := range test.LaidOutObjects(profilesDialog(t, m)) {
		if b, ok := obj.(*widget.Button); ok && b.Text == label && b.Visible() {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("the dialog has no button %q", label)
}

// profilesInDialog returns the first widget of type W in the dialog on top.
func profilesInDialog[W fyne.CanvasObject](t *testing.T, m *MainWindow, match func(W) bool) W {
	t.Helper()
	for _, obj := range test.LaidOutObjects(profilesDialog(t, m)) {
		if w, ok := obj.(W); ok && (match == nil || match(w)) {
			return w
		}
	}
	var zero W
	t.Fatalf("the dialog has no %T", zero)
	return zero
}

// profilesChoose filters the list of the chooser on top by text and
// chooses the row that reads label.
func profilesChoose(t *testing.T, m *MainWindow, text, label string) {
	t.Helper()
	filter := profilesInDialog(t, m, func(e *widget.Entry) bool { return strings.HasPrefix(e.PlaceHolder, "Filter") })
	test.Type(filter, text)
	list := profilesInDialog[*widget.List](t, m, nil)
	for i := range list.Length() {
		item := list.CreateItem()
		list.UpdateItem(i, item)
		if strings.HasPrefix(item.(*widget.Label).Text, label) {
			list.Select(i)
			return
		}
	}
	t.Fatalf("the chooser lists no %q after filtering by %q", label, text)
}

// profilesTapLink clicks a link on its text, where a click takes effect.
func profilesTapLink(h *widget.Hyperlink) {
	test.TapAt(h, fyne.NewPos(h.Size().Width/4, h.Size().Height/2))
}

func profilesSubmit(e *commitEntry, text string) {
	e.SetText("")
	test.Type(e, text)
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

func TestActorsPageShowsWorkspace(t *testing.T) {
	m, ws := profilesDemoWindow(t)
	a := profilesOpenActor(t, m, ws, "Tomas Reyhaven")
	p, err := ws.ActorProfile(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	v := m.actors
	if v.Kind.Selected != "person" || v.Role.Text != "Foreign Minister" || v.Country.Text != "Valdoria" ||
		v.Description.Text != a.Description || v.Affiliation.Text != "Valdoria" {
		t.Errorf("fields = %q %q %q %q, affiliation %q", v.Kind.Selected, v.Role.Text, v.Country.Text, v.Description.Text, v.Affiliation.Text)
	}
	if got := profilesLabels(v.Aliases.Rows); !slices.Equal(got, []string{"Reyhaven"}) {
		t.Errorf("aliases = %q, want [Reyhaven]", got)
	}
	if got := profilesLinkTexts(v.Relations.Rows); !slices.Equal(got, []string{"Radomir Kestovan"}) {
		t.Errorf("relations link to %q", got)
	}
	if got := profilesLabels(v.Relations.Rows); !slices.Contains(got, "negotiates with (since 3 Mar 2025)") {
		t.Errorf("relation texts = %q", got)
	}
	if want := []string{"“This plan asks us to give up half the strait in exchange for a promise”"}; !slices.Equal(profilesLinkTexts(v.Quotes.Rows), want) {
		t.Errorf("quotes = %q, want %q", profilesLinkTexts(v.Quotes.Rows), want)
	}
	if got := profilesLinkTexts(v.Documents.Rows); !slices.Equal(got, []string{"12-point ceasefire plan"}) {
		t.Errorf("documents involved = %q", got)
	}
	profilesCheckTimeline(t, v.Timeline, p.Timeline)
	if len(p.Timeline) == 0 {
		t.Error("the demo actor has no weekly mentions; the test checks nothing")
	}
}

// profilesCheckTimeline checks that every week of want has its bar with
// its count, and the weeks between have empty bars.
func profilesCheckTimeline(t *testing.T, tl *Timeline, want []model.DatedCount) {
	t.Helper()
	got := tl.Weeks()
	var nonEmpty []model.DatedCount
	for i, w := range got {
		if i > 0 && !w.Week.Equal(got[i-1].Week.AddDate(0, 0, 7)) {
			t.Errorf("bar %d is the week of %s, not the week after %s", i, w.Week, got[i-1].Week)
		}
		if w.Count > 0 {
			nonEmpty = append(nonEmpty, w)
		}
	}
	if !slices.Equal(nonEmpty, want) {
		t.Errorf("timeline bars = %v, want the weekly counts %v", nonEmpty, want)
	}
}

func TestActorsListFiltersByNameAliasAndKind(t *testing.T) {
	m, ws := profilesDemoWindow(t)
	m.selectView(2)
	l := m.actors.list
	_, total, err := ws.ListActors(context.Background(), model.ActorFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.rows) != total || total == 0 {
		t.Errorf("list shows %d of %d actors", len(l.rows), total)
	}
	test.Type(l.Filter, "Радомир") // an alias in Cyrillic
	if len(l.rows) != 1 || l.rows[0].label != "Radomir Kestovan" {
		t.Errorf("filtered by an alias: %v", l.rows)
	}
	l.Filter.SetText("")
	l.Kind.SetSelected("state")
	states, n, _ := ws.ListActors(context.Background(), model.ActorFilter{Kind: model.ActorState})
	if len(l.rows) != n || n == 0 {
		t.Fatalf("kind state lists %d rows, want %d", len(l.rows), n)
	}
	for i, r := range l.rows {
		if r.id != states[i].ID {
			t.Errorf("row %d = %v, want %s", i, r, states[i].Name)
		}
	}
	l.List.Select(0)
	if m.actors.current != states[0].ID || m.actors.Name.Text != states[0].Name {
		t.Errorf("choosing the first row opened %q", m.actors.Name.Text)
	}
}

func TestActorsEditInPlace(t *testing.T) {
	m, ws := profilesDemoWindow(t)
	a := profilesOpenActor(t, m, ws, "Tomas Reyhaven")
	v := m.actors
	ctx := context.Background()

	profilesSubmit(v.Role, "Deputy Prime Minister")
	v.Kind.SetSelected("group")
	c := m.Window.Canvas()
	c.Focus(v.Country)
	v.Country.SetText("")
	test.Type(v.Country, "Valdorian Republic")
	c.Focus(v.Name) // leaving a field saves it

	got, err := ws.Actor(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Role != "Deputy Prime Minister" || got.Kind != model.ActorGroup || got.Country != "Valdorian Republic" {
		t.Errorf("stored actor: role %q, kind %q, country %q", got.Role, got.Kind, got.Country)
	}

	profilesSubmit(v.Name, "Tomas A. Reyhaven")
	if got, _ := ws.Actor(ctx, a.ID); got.Name != "Tomas A. Reyhaven" {
		t.Errorf("stored name = %q", got.Name)
	}
	if v.Heading.Text != "Tomas A. Reyhaven" || !slices.ContainsFunc(v.list.rows, func(r entityRow) bool { return r.label == "Tomas A. Reyhaven" }) {
		t.Errorf("after renaming, heading %q and list %v", v.Heading.Text, v.list.rows)
	}
}

func TestActorsEmptyNameIsRefused(t *testing.T) {
	m, ws := profilesDemoWindow(t)
	a := profilesOpenActor(t, m, ws, "Tomas Reyhaven")
	v := m.actors
	profilesSubmit(v.Name, "   ")
	if text := profilesDialogText(t, m); !strings.Contains(text, "Could not save the actor: actor name is empty") {
		t.Errorf("dialog says %q", text)
	}
	if m.Message.Text != "Could not save the actor" {
		t.Errorf("status bar says %q", m.Message.Text)
	}
	got, err := ws.Actor(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got != a {
		t.Errorf("the actor changed: %+v, was %+v", got, a)
	}
	if v.Name.Text != "Tomas Reyhaven" {
		t.Errorf("the name field shows %q after the refusal", v.Name.Text)
	}
}

func TestActorsAddAndRemoveAlias(t *testing.T) {
	m, ws := profilesDemoWindow(t)
	a := profilesOpenActor(t, m, ws, "Tomas Reyhaven")
	v := m.actors
	aliasNames := func() []string {
		as, _, err := ws.ListAliases(context.Background(), model.AliasFilter{ActorID: a.ID})
		if err != nil {
			t.Fatal(err)
		}
		return aliasNamesOf(as)
	}
	test.Type(v.Aliases.Entry, "Minister Reyhaven")
	test.Tap(v.Aliases.Add)
	if got := aliasNames(); !slices.Equal(got, []string{"Minister Reyhaven", "Reyhaven"}) {
		t.Fatalf("stored aliases = %q", got)
	}
	if got := profilesLabels(v.Aliases.Rows); !slices.Equal(got, []string{"Minister Reyhaven", "Reyhaven"}) {
		t.Errorf("shown aliases = %q", got)
	}
	if v.Aliases.Entry.Text != "" {
		t.Errorf("alias box still holds %q", v.Aliases.Entry.Text)
	}
	test.Tap(profilesRemoveButton(t, v.Aliases.Rows, "Reyhaven"))
	if got := aliasNames(); !slices.Equal(got, []string{"Minister Reyhaven"}) {
		t.Errorf("after removing, stored aliases = %q", got)
	}
}

func aliasNamesOf(as []model.Alias) []string {
	var names []string
	for _, a := range as {
		names = append(names, a.Name)
	}
	return names
}

func TestActorsRelationsAddAndRemove(t *testing.T) {
	m, ws := profilesDemoWindow(t)
	a := profilesOpenActor(t, m, ws, "Inès Duvallon")
	v := m.actors
	test.Tap(v.AddRelation)
	kind := profilesInDialog[*widget.SelectEntry](t, m, nil)
	test.Type(kind, "negotiates with")
	profilesChoose(t, m, "Kestovan", "Radomir Kestovan")
	profilesTapDialogButton(t, m, "Add")
	p, err := ws.ActorProfile(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(p.Relations, func(r model.RelationView) bool {
		return r.Other.Name == "Radomir Kestovan" && r.Relation.Type == "negotiates with" && r.Outgoing
	}) {
		t.Fatalf("relations after adding: %+v", p.Relations)
	}
	if got := profilesLinkTexts(v.Relations.Rows); !slices.Contains(got, "Radomir Kestovan") {
		t.Errorf("relations shown: %q", got)
	}
	test.Tap(profilesRemoveButton(t, v.Relations.Rows, "Radomir Kestovan"))
	p, _ = ws.ActorProfile(context.Background(), a.ID)
	if len(p.Relations) != 1 || p.Relations[0].Other.Name != "Lunemark" {
		t.Errorf("relations after removing: %+v", p.Relations)
	}
}

func TestActorsAffiliation(t *testing.T) {
	m, ws := profilesDemoWindow(t)
	a := profilesOpenActor(t, m, ws, "Inès Duvallon")
	v := m.actors
	test.Tap(v.ChangeAffiliation)
	profilesChoose(t, m, "Valdoria", "Valdoria")
	profilesTapDialogButton(t, m, "Choose")
	valdoria := profilesActor(t, ws, "Valdoria")
	if got, _ := ws.Actor(context.Background(), a.ID); got.AffiliationID != valdoria.ID {
		t.Errorf("affiliation = %d, want Valdoria %d", got.AffiliationID, valdoria.ID)
	}
	if v.Affiliation.Text != "Valdoria" {
		t.Errorf("affiliation shown: %q", v.Affiliation.Text)
	}
	test.Tap(v.ClearAffiliation)
	if got, _ := ws.Actor(context.Background(), a.ID); got.AffiliationID != 0 {
		t.Errorf("affiliation after clearing = %d", got.AffiliationID)
	}
}

func TestActorsQuoteOpensArticle(t *testing.T) {
	m, ws := profilesDemoWindow(t)
	profilesOpenActor(t, m, ws, "Radomir Kestovan")
	links := profilesLinks(m.actors.Quotes.Rows)
	quote := links["“proof that Kesteria keeps its word when others keep theirs”"]
	if quote == nil {
		t.Fatalf("quotes shown: %q", profilesLinkTexts(m.actors.Quotes.Rows))
	}
	profilesTapLink(quote)
	if got := m.CurrentView(); got != "Articles" {
		t.Errorf("a click on a quote shows %q, want Articles", got)
	}
}

func TestActorsDocumentOpensItsPage(t *testing.T) {
	m, ws := profilesDemoWindow(t)
	profilesOpenActor(t, m, ws, "Inès Duvallon")
	doc := profilesLinks(m.actors.Documents.Rows)["Maritime Corridor Framework"]
	if doc == nil {
		t.Fatalf("documents shown: %q", profilesLinkTexts(m.actors.Documents.Rows))
	}
	profilesTapLink(doc)
	if m.CurrentView() != "Documents" || m.documents.Title.Text != "Maritime Corridor Framework" {
		t.Errorf("after the click: view %q, document %q", m.CurrentView(), m.documents.Title.Text)
	}
}

func TestActorsNewActor(t *testing.T) {
	m, ws := profilesDemoWindow(t)
	m.selectView(2)
	test.Tap(m.actors.NewActor)
	name := profilesInDialog[*widget.Entry](t, m, nil)
	test.Type(name, "Shipping Council")
	profilesInDialog[*widget.Select](t, m, nil).SetSelected("organisation")
	profilesTapDialogButton(t, m, "Create")
	a := profilesActor(t, ws, "Shipping Council")
	if a.Kind != model.ActorOrganisation {
		t.Errorf("new actor kind = %q", a.Kind)
	}
	if m.actors.current != a.ID || m.actors.Name.Text != "Shipping Council" {
		t.Errorf("the page shows %q, not the new actor", m.actors.Name.Text)
	}
}

func TestActorsMergeSaysWhatMovesThenMerges(t *testing.T) {
	m, ws := profilesDemoWindow(t)
	ctx := context.Background()
	from := profilesOpenActor(t, m, ws, "Tomas Reyhaven")
	into := profilesActor(t, ws, "Valdoria")
	n, err := ws.ActorDeletionImpact(ctx, from.ID)
	if err != nil {
		t.Fatal(err)
	}
	test.Tap(m.actors.MergeInto)
	profilesChoose(t, m, "Valdoria", "Valdoria")
	profilesTapDialogButton(t, m, "Next")
	text := profilesDialogText(t, m)
	for _, want := range []string{"Merge “Tomas Reyhaven” into “Valdoria”?", "Moving to Valdoria: 1 alias, ",
		counted(n.Mentions, "mention", "mentions"), "1 relation", "1 quote"} {
		if !strings.Contains(text, want) {
			t.Errorf("confirmation %q does not say %q", text, want)
		}
	}
	profilesTapDialogButton(t, m, "Merge")
	if _, err := ws.Actor(ctx, from.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("merged actor still there: %v", err)
	}
	p, err := ws.ActorProfile(ctx, into.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := aliasNamesOf(p.Aliases); !slices.Contains(got, "Reyhaven") || !slices.Contains(got, "Tomas Reyhaven") {
		t.Errorf("Valdoria's aliases = %q", got)
	}
	if m.actors.Name.Text != "Valdoria" {
		t.Errorf("after merging, the page shows %q", m.actors.Name.Text)
	}
}

func TestActorsDeleteSaysWhatIsUnlinked(t *testing.T) {
	m, ws := profilesDemoWindow(t)
	a := profilesOpenActor(t, m, ws, "Radomir Kestovan")
	test.Tap(m.actors.Delete)
	text := profilesDialogText(t, m)
	for _, want := range []string{"Delete the actor “Radomir Kestovan”?", "Its 2 aliases, ", "1 relation",
		"2 excerpts stay without their speaker.", "excerpts lose their link to the actor."} {
		if !strings.Contains(text, want) {
			t.Errorf("confirmation %q does not say %q", text, want)
		}
	}
	profilesTapDialogButton(t, m, "Delete")
	if _, err := ws.Actor(context.Background(), a.ID); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("deleted actor still there: %v", err)
	}
	if m.actors.current != 0 || m.actors.frame.page.Visible() {
		t.Error("the page of the deleted actor is still shown")
	}
	if slices.ContainsFunc(m.actors.list.rows, func(r entityRow) bool { return r.id == a.ID }) {
		t.Error("the deleted actor is still listed")
	}
	if len(m.undo.done) != 1 {
		t.Errorf("the delete left %d undo steps, want 1", len(m.undo.done))
	}
}

// profilesQueue makes background work wait in a queue until run drains it,
// as slow saves and reads do.
func profilesQueue(m *MainWindow) (run func()) {
	var queued []func()
	m.spawn = func(f func()) { queued = append(queued, f) }
	return func() {
		for len(queued) > 0 {
			f := queued[0]
			queued = queued[1:]
			f()
		}
	}
}

// profilesTypeInto moves the focus to e and types text over what it holds.
func profilesTypeInto(m *MainWindow, e *commitEntry, text string) {
	m.Window.Canvas().Focus(e)
	e.SetText("")
	test.Type(e, text)
}

func TestActorsReloadKeepsTyping(t *testing.T) {
	m, ws := profilesDemoWindow(t)
	a := profilesOpenActor(t, m, ws, "Tomas Reyhaven")
	v := m.actors
	run := profilesQueue(m)

	// The name is saved on Tab while the analyst starts on the description;
	// the save's reload comes in while the description is being typed.
	profilesTypeInto(m, v.Name, "Tomas A. Reyhaven")
	profilesTypeInto(m, v.Description, "Half a sentence")
	run()
	if v.Description.Text != "Half a sentence" {
		t.Errorf("the save's reload left the description as %q", v.Description.Text)
	}
	m.changed() // as the end of a background scan does
	run()
	if v.Description.Text != "Half a sentence" || v.Name.Text != "Tomas A. Reyhaven" {
		t.Errorf("a reload left name %q, description %q", v.Name.Text, v.Description.Text)
	}
	got, err := ws.Actor(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Tomas A. Reyhaven" || got.Description != a.Description {
		t.Errorf("stored before leaving the description: name %q, description %q", got.Name, got.Description)
	}

	m.Window.Canvas().Focus(v.Notes) // leaving saves the description
	run()
	if got, _ := ws.Actor(context.Background(), a.ID); got.Description != "Half a sentence" {
		t.Errorf("stored description = %q", got.Description)
	}
}

func TestActorsTwoEditsUnderWayBothSave(t *testing.T) {
	m, ws := profilesDemoWindow(t)
	a := profilesOpenActor(t, m, ws, "Tomas Reyhaven")
	v := m.actors
	run := profilesQueue(m)

	profilesTypeInto(m, v.Role, "Deputy Prime Minister")
	profilesTypeInto(m, v.Country, "Valdorian Republic") // the role's save waits
	m.Window.Canvas().Focus(v.Notes)
	run()
	got, err := ws.Actor(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Role != "Deputy Prime Minister" || got.Country != "Valdorian Republic" {
		t.Errorf("after two edits the actor holds role %q, country %q", got.Role, got.Country)
	}
	if v.Role.Text != got.Role || v.Country.Text != got.Country {
		t.Errorf("the fields show role %q, country %q", v.Role.Text, v.Country.Text)
	}
}

func TestActorsSaveEndingAfterAnotherActorOpens(t *testing.T) {
	m, ws := profilesDemoWindow(t)
	a := profilesOpenActor(t, m, ws, "Tomas Reyhaven")
	b := profilesActor(t, ws, "Radomir Kestovan")
	v := m.actors
	var queued []func()
	m.spawn = func(f func()) { queued = append(queued, f) }

	profilesTypeInto(m, v.Role, "Deputy Prime Minister")
	m.Window.Canvas().Focus(nil)
	v.show(b.ID)
	// The other actor's page is read before the slow save ends.
	for i := len(queued) - 1; i >= 0; i-- {
		queued[i]()
	}
	run := profilesQueue(m)
	run()
	if v.Name.Text != b.Name {
		t.Fatalf("the page shows %q, want %q", v.Name.Text, b.Name)
	}
	profilesTypeInto(m, v.Country, "Somewhere else")
	m.Window.Canvas().Focus(v.Notes)
	run()

	gotA, _ := ws.Actor(context.Background(), a.ID)
	gotB, _ := ws.Actor(context.Background(), b.ID)
	if gotA.Role != "Deputy Prime Minister" || gotA.Country != a.Country || gotA.Name != a.Name {
		t.Errorf("the first actor holds %q, %q, %q", gotA.Name, gotA.Role, gotA.Country)
	}
	if gotB.Country != "Somewhere else" || gotB.Name != b.Name || gotB.Role != b.Role {
		t.Errorf("the second actor holds %q, %q, %q", gotB.Name, gotB.Role, gotB.Country)
	}
}
