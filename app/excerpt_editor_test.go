package app

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
	"dossier/workspace"
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

// excerptEditorShortcut presses s as the desktop driver hands it on: to
// the focused widget when it takes shortcuts, else to the window.
func excerptEditorShortcut(m *MainWindow, s fyne.Shortcut) {
	c := m.Window.Canvas()
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	c.(fyne.Shortcutable).TypedShortcut(s)
}

// excerptEditorKey presses key as the desktop driver hands it on.
func excerptEditorKey(m *MainWindow, key fyne.KeyName) {
	c, ev := m.Window.Canvas(), &fyne.KeyEvent{Name: key}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
	} else if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

// excerptEditorOpenOn opens the editor on the first excerpt highlighted in
// the article titled words.
func excerptEditorOpenOn(t *testing.T, m *MainWindow, words string) *excerptEditor {
	t.Helper()
	v := m.articles
	articlesOpen(t, m, words)
	i := slices.IndexFunc(v.reader.Highlights(), func(h Highlight) bool { return h.Kind == "excerpt" })
	v.reader.OnHighlightTapped(v.reader.Highlights()[i])
	test.Tap(articlesButton(t, v.picked, "Open"))
	if v.editor == nil || !v.editor.onTop() {
		t.Fatal("Open opened no editor")
	}
	return v.editor
}

// excerptEditorIsOpen tells whether the editor is among the overlays.
func excerptEditorIsOpen(m *MainWindow, ed *excerptEditor) bool {
	return ed.overlay != nil && slices.Contains(m.Window.Canvas().Overlays().List(), ed.overlay)
}

func TestExcerptEditorKeepsWorkWhenSaveFails(t *testing.T) {
	m, ws := articlesDemo(t)
	ctx := context.Background()
	ed := excerptEditorOpenOn(t, m, "Lunemark presents")
	id := ed.excerpt.ID
	ed.note.SetText("")
	test.Type(ed.note, "Checked against the transcript")
	test.Tap(excerptEditorCheck(t, m, "Humanitarian"))
	// Someone deletes the excerpt meanwhile: the save cannot go through.
	gone, err := ws.Delete(ctx, workspace.KindExcerpt, id)
	if err != nil {
		t.Fatal(err)
	}
	test.Tap(ed.Save)
	overlays := m.Window.Canvas().Overlays()
	if !excerptEditorIsOpen(m, ed) || overlays.Top() == ed.overlay {
		t.Fatalf("after a failed save: editor open %v, error shown %v", excerptEditorIsOpen(m, ed), overlays.Top() != ed.overlay)
	}
	// Escape is the error dialog's, not the editor's.
	excerptEditorKey(m, fyne.KeyEscape)
	if !excerptEditorIsOpen(m, ed) {
		t.Fatal("Escape over the error closed the editor")
	}
	overlays.Remove(overlays.Top())
	if ed.note.Text != "Checked against the transcript" || ed.Save.Disabled() {
		t.Errorf("after a failed save the note is %q, Save off %v", ed.note.Text, ed.Save.Disabled())
	}

	if err := ws.Restore(ctx, gone); err != nil {
		t.Fatal(err)
	}
	test.Tap(ed.Save)
	if excerptEditorIsOpen(m, ed) {
		t.Error("the editor stays open after the save went through")
	}
	e, err := ws.Excerpt(ctx, id)
	_, _, tags := excerptEditorIDs(t, m)
	if err != nil || e.Note != "Checked against the transcript" || !slices.Contains(e.TagIDs, tags["Humanitarian"]) {
		t.Errorf("after saving again: note %q tags %v (%v)", e.Note, e.TagIDs, err)
	}
}

func TestExcerptEditorKeepsNewExcerptWhenSaveFails(t *testing.T) {
	m, ws := articlesDemo(t)
	v := m.articles
	a := articlesOpen(t, m, "Lunemark presents")
	v.reader.Select(articlesSpan(t, a.Body, "a serious basis for work"))
	v.newExcerpt()
	ed := v.editor
	test.Type(ed.note, "First reaction")
	// The article is deleted meanwhile.
	if _, err := ws.Delete(context.Background(), workspace.KindArticle, a.ID); err != nil {
		t.Fatal(err)
	}
	test.Tap(ed.Save)
	if !excerptEditorIsOpen(m, ed) || ed.note.Text != "First reaction" {
		t.Errorf("after a failed save: editor open %v, note %q", excerptEditorIsOpen(m, ed), ed.note.Text)
	}
}

func TestExcerptEditorKeepsSpeakerNotOffered(t *testing.T) {
	m, ws := articlesDemo(t)
	ctx := context.Background()
	v := m.articles
	articlesOpen(t, m, "Lunemark presents")
	outsider := model.Actor{Name: "Zygmunt Outsider", Kind: model.ActorPerson}
	if err := ws.CreateActor(ctx, &outsider); err != nil {
		t.Fatal(err)
	}
	// The speaker is changed elsewhere; the editor offers one actor beyond
	// those of the article, and not this one.
	i := slices.IndexFunc(v.reader.Highlights(), func(h Highlight) bool { return h.Kind == "excerpt" })
	e, err := ws.Excerpt(ctx, v.reader.Highlights()[i].ID)
	if err != nil {
		t.Fatal(err)
	}
	e.SpeakerID = outsider.ID
	if err := ws.UpdateExcerpt(ctx, &e); err != nil {
		t.Fatal(err)
	}
	v.namesPage = 1
	ed := excerptEditorOpenOn(t, m, "Lunemark presents")
	if ed.speaker.Selected != outsider.Name {
		t.Errorf("speaker shown = %q, want %q", ed.speaker.Selected, outsider.Name)
	}
	ed.note.SetText(ed.note.Text + " — checked")
	test.Tap(ed.Save)
	got, _ := ws.Excerpt(ctx, e.ID)
	if got.SpeakerID != outsider.ID || !strings.HasSuffix(got.Note, "— checked") {
		t.Errorf("after saving: speaker %d, note %q; want speaker %d", got.SpeakerID, got.Note, outsider.ID)
	}
}

// The quote shown is the excerpt's, even when another article opened
// while the editor was being prepared.
func TestExcerptEditorQuoteOfItsOwnArticle(t *testing.T) {
	m, _ := articlesDemo(t)
	v := m.articles
	a := articlesOpen(t, m, "Lunemark presents")
	v.reader.Select(articlesSpan(t, a.Body, "a serious basis for work"))
	var queued []func()
	m.spawn = func(f func()) { queued = append(queued, f) }
	v.newExcerpt()
	m.spawn = func(f func()) { f() }
	articlesOpen(t, m, "tables 12-point")
	for _, f := range queued {
		f()
	}
	if v.editor == nil || v.editor.quote.Text != "a serious basis for work" {
		t.Fatalf("the editor shows %q", v.editor.quote.Text)
	}
}

func TestExcerptEditorKeys(t *testing.T) {
	m, ws := articlesDemo(t)
	ctx := context.Background()
	c := m.Window.Canvas()

	// Ctrl+Enter in the note saves and closes.
	ed := excerptEditorOpenOn(t, m, "Lunemark presents")
	if c.Focused() != ed.note {
		t.Fatal("the note does not have the focus")
	}
	ed.note.SetText("")
	test.Type(ed.note, "By keyboard")
	excerptEditorShortcut(m, ctrl(fyne.KeyReturn))
	if excerptEditorIsOpen(m, ed) {
		t.Fatal("Ctrl+Enter left the editor open")
	}
	if e, _ := ws.Excerpt(ctx, ed.excerpt.ID); e.Note != "By keyboard" {
		t.Errorf("after Ctrl+Enter the note is %q", e.Note)
	}
	if c.OnTypedKey() != nil {
		t.Error("the window's keys were not given back")
	}

	// Ctrl+S with the focus nowhere saves too.
	ed = excerptEditorOpenOn(t, m, "Lunemark presents")
	ed.note.SetText(ed.note.Text + ", twice")
	c.Unfocus()
	excerptEditorShortcut(m, ctrl(fyne.KeyS))
	if e, _ := ws.Excerpt(ctx, ed.excerpt.ID); excerptEditorIsOpen(m, ed) || e.Note != "By keyboard, twice" {
		t.Errorf("after Ctrl+S: editor open %v, note %q", excerptEditorIsOpen(m, ed), e.Note)
	}

	// Escape, in a filter or with the focus nowhere, cancels.
	for _, focus := range []bool{true, false} {
		ed = excerptEditorOpenOn(t, m, "Lunemark presents")
		ed.note.SetText(ed.note.Text + " (not kept)")
		if focus {
			c.Focus(ed.tags.filter)
		} else {
			c.Unfocus()
		}
		excerptEditorKey(m, fyne.KeyEscape)
		if e, _ := ws.Excerpt(ctx, ed.excerpt.ID); excerptEditorIsOpen(m, ed) || e.Note != "By keyboard, twice" {
			t.Errorf("after Escape (focus in a filter %v): editor open %v, note %q", focus, excerptEditorIsOpen(m, ed), e.Note)
		}
	}

	// Once closed, the keys do nothing more.
	before, _, _ := ws.ListExcerpts(ctx, model.ExcerptFilter{})
	excerptEditorShortcut(m, ctrl(fyne.KeyS))
	after, _, _ := ws.ListExcerpts(ctx, model.ExcerptFilter{})
	if len(after) != len(before) || m.Window.Canvas().Overlays().Top() != nil {
		t.Error("Ctrl+S after the editor closed did something")
	}
}
