package app

import (
	"context"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
)

// excerptEditorCheck finds the check showing text in the open dialog.
func excerptEditorCheck(t *testing.T, m *MainWindow, text string) *widget.Check {
	t.Helper()
	for _, o := range test.LaidOutObjects(m.Window.Canvas().Overlays().Top()) {
		if c, ok := o.(*widget.Check); ok && c.Visible() && c.Text == text {
			return c
		}
	}
	t.Fatalf("no check %q in the dialog", text)
	return nil
}

// excerptEditorIDs maps names to ids as the workspace holds them.
func excerptEditorIDs(t *testing.T, m *MainWindow) (actors, docs, tags map[string]int64) {
	t.Helper()
	ctx := context.Background()
	actors, docs, tags = map[string]int64{}, map[string]int64{}, map[string]int64{}
	as, _, err := m.ws.ListActors(ctx, model.ActorFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		actors[a.Name] = a.ID
	}
	ds, _, _ := m.ws.ListDocuments(ctx, model.DocumentFilter{})
	for _, d := range ds {
		docs[d.Title] = d.ID
	}
	ts, _, _ := m.ws.ListTags(ctx, model.TagFilter{})
	for _, tc := range ts {
		tags[tc.Tag.Name] = tc.Tag.ID
	}
	return actors, docs, tags
}

func TestExcerptEditorNeedsSelection(t *testing.T) {
	m, _ := articlesDemo(t)
	m.Window.Canvas().(fyne.Shortcutable).TypedShortcut(ctrl(fyne.KeyE))
	if m.Message.Text != "Select some text in the article first" {
		t.Errorf("message with no article = %q", m.Message.Text)
	}
	articlesOpen(t, m, "Lunemark presents")
	m.SetMessage("")
	m.articles.newExcerpt()
	if m.Message.Text != "Select some text in the article first" || m.Window.Canvas().Overlays().Top() != nil {
		t.Errorf("with no selection: message %q, dialog %v", m.Message.Text, m.Window.Canvas().Overlays().Top())
	}
}

func TestExcerptEditorMakesExcerptFromSelection(t *testing.T) {
	m, ws := articlesDemo(t)
	v := m.articles
	a := articlesOpen(t, m, "Lunemark presents")
	actors, _, tags := excerptEditorIDs(t, m)
	span := articlesSpan(t, a.Body, "a serious basis for work")
	v.reader.Select(span)
	m.Window.Canvas().(fyne.Shortcutable).TypedShortcut(ctrl(fyne.KeyE))

	ed := v.editor
	if ed == nil || m.Window.Canvas().Overlays().Top() == nil {
		t.Fatal("Ctrl+E opened no editor")
	}
	if ed.quote.Text != "a serious basis for work" {
		t.Errorf("preview = %q", ed.quote.Text)
	}
	if ed.kind.Selected != "quote" || ed.speaker.Selected != "Tomas Reyhaven" {
		t.Errorf("preset kind %q speaker %q, want the quote proposal's", ed.kind.Selected, ed.speaker.Selected)
	}
	if got := ed.actors.chosenIDs(); !slices.Equal(got, []int64{actors["Tomas Reyhaven"]}) {
		t.Errorf("actors preset = %v", got)
	}

	ed.kind.SetSelected("claim")
	test.Tap(excerptEditorCheck(t, m, "Negotiations"))
	test.Type(ed.note, "Valdoria's first reaction")
	ed.credibility.SetSelectedIndex(2)
	test.Tap(articlesButton(t, m.Window.Canvas().Overlays().Top(), "Save"))

	got, _, err := ws.ListExcerpts(context.Background(), model.ExcerptFilter{ArticleID: a.ID})
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(got, func(e model.Excerpt) bool { return e.Span == span })
	if i < 0 {
		t.Fatalf("no excerpt at %v among %d", span, len(got))
	}
	e := got[i]
	if e.Selector.Exact != "a serious basis for work" || e.Kind != model.ExcerptClaim || e.Note != "Valdoria's first reaction" ||
		e.Credibility != 2 || e.SpeakerID != actors["Tomas Reyhaven"] || !slices.Equal(e.TagIDs, []int64{tags["Negotiations"]}) {
		t.Errorf("excerpt saved = %+v", e)
	}
	if !slices.ContainsFunc(v.reader.Highlights(), func(h Highlight) bool { return h.Kind == "excerpt" && h.ID == e.ID }) {
		t.Error("the new excerpt is not highlighted")
	}

	m.Window.Canvas().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{})
	if _, err := ws.Excerpt(context.Background(), e.ID); err == nil {
		t.Error("Ctrl+Z left the new excerpt in place")
	}
}

func TestExcerptEditorPresetsNamesInSpan(t *testing.T) {
	m, ws := articlesDemo(t)
	v := m.articles
	a := articlesOpen(t, m, "Lunemark presents")
	actors, docs, _ := excerptEditorIDs(t, m)
	v.reader.Select(articlesSpan(t, a.Body, "Lunemark’s special envoy, Inès Duvallon, presented the draft Maritime Corridor Framework"))
	v.newExcerpt()
	ed := v.editor
	gotActors := ed.actors.chosenIDs()
	slices.Sort(gotActors)
	wantActors := []int64{actors["Inès Duvallon"], actors["Lunemark"]}
	slices.Sort(wantActors)
	if !slices.Equal(gotActors, wantActors) {
		t.Errorf("actors preset = %v, want %v", gotActors, wantActors)
	}
	if got := ed.documents.chosenIDs(); !slices.Equal(got, []int64{docs["Maritime Corridor Framework"]}) {
		t.Errorf("documents preset = %v", got)
	}

	before, _, _ := ws.ListExcerpts(context.Background(), model.ExcerptFilter{ArticleID: a.ID})
	test.Tap(articlesButton(t, m.Window.Canvas().Overlays().Top(), "Cancel"))
	after, _, _ := ws.ListExcerpts(context.Background(), model.ExcerptFilter{ArticleID: a.ID})
	if len(after) != len(before) {
		t.Errorf("Cancel made an excerpt: %d before, %d after", len(before), len(after))
	}
}

func TestExcerptEditorChangesExcerpt(t *testing.T) {
	m, ws := articlesDemo(t)
	v := m.articles
	articlesOpen(t, m, "Lunemark presents")
	h := v.reader.Highlights()[0]
	if h.Kind != "excerpt" {
		t.Fatalf("first highlight is a %s", h.Kind)
	}
	v.reader.OnHighlightTapped(h)
	test.Tap(articlesButton(t, v.picked, "Open"))
	ed := v.editor
	if ed == nil || ed.excerpt.ID != h.ID {
		t.Fatal("Open did not open the excerpt in the editor")
	}
	ed.note.SetText("")
	test.Type(ed.note, "Opening of the talks")
	test.Tap(excerptEditorCheck(t, m, "Humanitarian"))
	test.Tap(articlesButton(t, m.Window.Canvas().Overlays().Top(), "Save"))

	e, err := ws.Excerpt(context.Background(), h.ID)
	if err != nil {
		t.Fatal(err)
	}
	_, _, tags := excerptEditorIDs(t, m)
	if e.Note != "Opening of the talks" || !slices.Contains(e.TagIDs, tags["Humanitarian"]) {
		t.Errorf("excerpt after editing: note %q tags %v", e.Note, e.TagIDs)
	}
}
