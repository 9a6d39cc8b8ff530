package app

import (
	"context"
	"errors"
	"image/color"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
)

// tagsTestWindow opens the Tags view on a workspace filled with the demo.
func tagsTestWindow(t *testing.T) (*MainWindow, *tagsView) {
	t.Helper()
	a := test.NewTempApp(t)
	ws := newDemoWorkspace(t, "tags")
	m := openTestWindow(t, a, ws)
	test.Tap(navRow(t, m, "Tags"))
	if got := m.CurrentView(); got != "Tags" {
		t.Fatalf("view = %q, want Tags", got)
	}
	return m, m.tags
}

// tagsNamed reads the workspace's tag of that name, failing when there is
// none.
func tagsNamed(t *testing.T, m *MainWindow, name string) model.TagCount {
	t.Helper()
	for _, tc := range tagsAll(t, m) {
		if tc.Tag.Name == name {
			return tc
		}
	}
	t.Fatalf("the workspace has no tag %q", name)
	return model.TagCount{}
}

func tagsAll(t *testing.T, m *MainWindow) []model.TagCount {
	t.Helper()
	tags, _, err := m.ws.ListTags(context.Background(), model.TagFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return tags
}

// tagsRows returns the tree's rows on screen by tag name.
func tagsRows(v *tagsView) map[string]*tagRow {
	rows := map[string]*tagRow{}
	for _, o := range test.LaidOutObjects(v.tree) {
		if r, ok := o.(*tagRow); ok && r.Visible() && r.name.Text != "" {
			rows[r.name.Text] = r
		}
	}
	return rows
}

// tagsSelect taps the tree's row of the tag named name.
func tagsSelect(t *testing.T, v *tagsView, name string) {
	t.Helper()
	for _, o := range test.LaidOutObjects(v.tree) {
		row, ok := o.(fyne.Tappable)
		if !ok || o == fyne.CanvasObject(v.tree) {
			continue
		}
		if w, isWidget := o.(fyne.Widget); isWidget && slices.Contains(textsIn(w), name) {
			if _, inner := o.(*tagRow); !inner {
				test.Tap(row)
				if tc, _ := v.selectedTag(); tc.Tag.Name != name {
					t.Fatalf("after tapping %q the detail shows %q", name, tc.Tag.Name)
				}
				return
			}
		}
	}
	t.Fatalf("the tree has no row %q", name)
}

// tagsTapButton taps the button labelled text under o, a view or a dialog.
func tagsTapButton(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	for _, obj := range test.LaidOutObjects(o) {
		if b, ok := obj.(*widget.Button); ok && b.Text == text && b.Visible() {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q", text)
}

func tagsTopDialog(t *testing.T, m *MainWindow) fyne.CanvasObject {
	t.Helper()
	top := m.Window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	return top
}

func TestTagsTreeShowsCodebookWithCounts(t *testing.T) {
	m, v := tagsTestWindow(t)
	rows := tagsRows(v)
	want := tagsAll(t, m)
	if len(want) == 0 {
		t.Fatal("the demo has no tags")
	}
	if len(rows) != len(want) {
		t.Errorf("tree shows %d tags, the workspace holds %d", len(rows), len(want))
	}
	for _, tc := range want {
		r, ok := rows[tc.Tag.Name]
		if !ok {
			t.Errorf("tree lacks %q", tc.Tag.Name)
			continue
		}
		if got, want := r.count.Text, strconv.Itoa(tc.Excerpts); got != want {
			t.Errorf("%q shows count %s, the workspace has %s excerpts", tc.Tag.Name, got, want)
		}
		wantColour, _ := tagColour(tc.Tag.Colour)
		if r.swatch.FillColor != wantColour {
			t.Errorf("%q swatch = %v, want %v", tc.Tag.Name, r.swatch.FillColor, wantColour)
		}
	}
	sub := tagsNamed(t, m, "Shipping corridor")
	if !slices.Contains(v.book.children[sub.Tag.ParentID], sub.Tag.ID) || sub.Tag.ParentID == 0 {
		t.Errorf("Shipping corridor does not sit under its parent in the tree")
	}
}

func TestTagsDetailShowsSelectedTag(t *testing.T) {
	m, v := tagsTestWindow(t)
	tc := tagsNamed(t, m, "Shipping corridor")
	tagsSelect(t, v, "Shipping corridor")
	d := v.detail
	if d.name.Text != tc.Tag.Name || d.description.Text != tc.Tag.Description {
		t.Errorf("detail shows %q / %q, want %q / %q", d.name.Text, d.description.Text, tc.Tag.Name, tc.Tag.Description)
	}
	if d.heading.Text != "Negotiations › Shipping corridor" {
		t.Errorf("heading = %q", d.heading.Text)
	}
	want := counted(tc.Excerpts, "excerpt", "excerpts") + " · " + counted(tc.Articles, "article", "articles")
	if d.counts.Text != want {
		t.Errorf("counts = %q, want %q", d.counts.Text, want)
	}
	if slices.Contains(d.parent.Options, "Negotiations › Shipping corridor") {
		t.Error("a tag is offered as its own parent")
	}
}

func TestTagsRenameInPlace(t *testing.T) {
	m, v := tagsTestWindow(t)
	id := tagsNamed(t, m, "Figures").Tag.ID
	tagsSelect(t, v, "Figures")
	v.detail.name.SetText("")
	test.Type(v.detail.name, "Numbers to check")
	v.detail.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})

	got, err := m.ws.Tag(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Numbers to check" {
		t.Errorf("after renaming, the workspace has %q", got.Name)
	}
	if _, ok := tagsRows(v)["Numbers to check"]; !ok {
		t.Errorf("the tree does not show the new name: %v", tagsRowNames(v))
	}
	if v.selected != id {
		t.Errorf("the renamed tag is no longer selected")
	}

	m.undoLast()
	if got, _ := m.ws.Tag(context.Background(), id); got.Name != "Figures" {
		t.Errorf("after undo the tag is %q, want Figures", got.Name)
	}
}

func tagsRowNames(v *tagsView) []string {
	var names []string
	for n := range tagsRows(v) {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

func TestTagsMove(t *testing.T) {
	m, v := tagsTestWindow(t)
	ship := tagsNamed(t, m, "Shipping corridor").Tag.ID
	human := tagsNamed(t, m, "Humanitarian").Tag.ID
	tagsSelect(t, v, "Shipping corridor")

	v.detail.parent.SetSelected("Humanitarian")
	test.Tap(v.detail.move)
	if got, _ := m.ws.Tag(context.Background(), ship); got.ParentID != human {
		t.Errorf("after moving under Humanitarian the parent is %d, want %d", got.ParentID, human)
	}
	if v.detail.heading.Text != "Humanitarian › Shipping corridor" {
		t.Errorf("heading after the move = %q", v.detail.heading.Text)
	}

	v.detail.parent.SetSelected(tagsTopLevel)
	test.Tap(v.detail.move)
	if got, _ := m.ws.Tag(context.Background(), ship); got.ParentID != 0 {
		t.Errorf("after moving to the top the parent is %d", got.ParentID)
	}
}

func TestTagsMoveIntoOwnSubTagIsRefused(t *testing.T) {
	m, v := tagsTestWindow(t)
	neg := tagsNamed(t, m, "Negotiations").Tag
	tagsSelect(t, v, "Negotiations")
	v.detail.parent.SetSelected("Negotiations › Security guarantees")
	test.Tap(v.detail.move)

	texts := strings.Join(textsIn(tagsTopDialog(t, m)), "\n")
	if !strings.Contains(texts, "cannot move under \"Security guarantees\"") || !strings.Contains(texts, "go round in a circle") {
		t.Errorf("dialog = %q, want the sentence that refuses the loop", texts)
	}
	got, err := m.ws.Tag(context.Background(), neg.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.ParentID != neg.ParentID || got.Name != neg.Name {
		t.Errorf("a refused move changed the tag: %+v", got)
	}
	if len(m.undo.done) != 0 {
		t.Error("a refused move was kept for undo")
	}
}

func TestTagsMergeAsksThenMerges(t *testing.T) {
	m, v := tagsTestWindow(t)
	ctx := context.Background()
	from := tagsNamed(t, m, "Figures").Tag.ID
	into := tagsNamed(t, m, "Humanitarian").Tag.ID
	want := tagsExcerptIDs(t, m, from)
	for _, id := range tagsExcerptIDs(t, m, into) {
		if !slices.Contains(want, id) {
			want = append(want, id)
		}
	}
	slices.Sort(want)

	tagsSelect(t, v, "Figures")
	v.detail.into.SetSelected("Humanitarian")
	test.Tap(v.detail.merge)
	confirm := tagsTopDialog(t, m)
	if texts := strings.Join(textsIn(confirm), " "); !strings.Contains(texts, "Merge “Figures” into “Humanitarian”?") {
		t.Errorf("confirmation = %q", texts)
	}
	if _, err := m.ws.Tag(ctx, from); err != nil {
		t.Fatalf("the tag was merged before the analyst confirmed: %v", err)
	}
	tagsTapButton(t, confirm, "Merge")

	if _, err := m.ws.Tag(ctx, from); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("after the merge Figures still exists: %v", err)
	}
	got := tagsExcerptIDs(t, m, into)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("Humanitarian now tags excerpts %v, want %v", got, want)
	}
	if v.selected != into {
		t.Errorf("after the merge the detail shows tag %d, want %d", v.selected, into)
	}
	if _, shown := tagsRows(v)["Figures"]; shown {
		t.Error("the tree still shows the merged tag")
	}
}

func tagsExcerptIDs(t *testing.T, m *MainWindow, tag int64) []int64 {
	t.Helper()
	es, _, err := m.ws.ListExcerpts(context.Background(), model.ExcerptFilter{TagID: tag})
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]int64, len(es))
	for i, e := range es {
		ids[i] = e.ID
	}
	return ids
}

func TestTagsColourFromPicker(t *testing.T) {
	m, v := tagsTestWindow(t)
	id := tagsNamed(t, m, "Humanitarian").Tag.ID
	tagsSelect(t, v, "Humanitarian")
	test.Tap(v.detail.colour)
	if v.picker == nil {
		t.Fatal("no colour picker opened")
	}
	v.picker.SetColor(color.NRGBA{R: 0x12, G: 0x34, B: 0x56, A: 0xff})
	tagsTapButton(t, tagsTopDialog(t, m), "Confirm")

	got, _ := m.ws.Tag(context.Background(), id)
	if got.Colour != "#123456" {
		t.Errorf("colour in the workspace = %q, want #123456", got.Colour)
	}
	if fill := tagsRows(v)["Humanitarian"].swatch.FillColor; fill != (color.NRGBA{R: 0x12, G: 0x34, B: 0x56, A: 0xff}) {
		t.Errorf("tree swatch = %v after recolouring", fill)
	}
}

func TestTagsNewTopLevelAndChild(t *testing.T) {
	m, v := tagsTestWindow(t)
	tagsTapButton(t, v.content(), "New tag")
	test.Type(v.newName, "Sanctions")
	tagsTapButton(t, tagsTopDialog(t, m), "Create")
	top := tagsNamed(t, m, "Sanctions").Tag
	if top.ParentID != 0 {
		t.Errorf("new tag has parent %d, want the top level", top.ParentID)
	}
	if v.selected != top.ID {
		t.Errorf("the new tag is not selected")
	}

	test.Tap(v.detail.child)
	test.Type(v.newName, "Asset freezes")
	v.newName.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	child := tagsNamed(t, m, "Asset freezes").Tag
	if child.ParentID != top.ID {
		t.Errorf("new sub-tag has parent %d, want %d", child.ParentID, top.ID)
	}
	if _, ok := tagsRows(v)["Asset freezes"]; !ok {
		t.Errorf("the tree does not show the new sub-tag: %v", tagsRowNames(v))
	}
}

func TestTagsNewTagWithTakenNameSaysSo(t *testing.T) {
	m, v := tagsTestWindow(t)
	before := len(tagsAll(t, m))
	tagsTapButton(t, v.content(), "New tag")
	test.Type(v.newName, "figures")
	tagsTapButton(t, tagsTopDialog(t, m), "Create")
	texts := strings.Join(textsIn(tagsTopDialog(t, m)), "\n")
	if !strings.Contains(texts, "already a tag named") {
		t.Errorf("dialog = %q, want the storage's sentence about the name", texts)
	}
	if after := len(tagsAll(t, m)); after != before {
		t.Errorf("the codebook went from %d to %d tags", before, after)
	}
}

func TestTagsDeleteKeepsExcerpts(t *testing.T) {
	m, v := tagsTestWindow(t)
	ctx := context.Background()
	id := tagsNamed(t, m, "Figures").Tag.ID
	excerpts := tagsExcerptIDs(t, m, id)
	if len(excerpts) == 0 {
		t.Fatal("the demo tags no excerpt with Figures")
	}
	tagsSelect(t, v, "Figures")
	test.Tap(v.detail.remove)

	if _, err := m.ws.Tag(ctx, id); !errors.Is(err, model.ErrNotFound) {
		t.Errorf("after deleting, Figures still exists: %v", err)
	}
	for _, e := range excerpts {
		if _, err := m.ws.Excerpt(ctx, e); err != nil {
			t.Errorf("excerpt %d went with its tag: %v", e, err)
		}
	}
	if v.selected != 0 || v.detail.form.Visible() {
		t.Error("the detail still shows the deleted tag")
	}
	if _, shown := tagsRows(v)["Figures"]; shown {
		t.Error("the tree still shows the deleted tag")
	}
	if len(m.undo.done) != 1 || m.undo.done[0].label != "delete tag “Figures”" {
		t.Errorf("undo holds %v", m.undo.done)
	}
}

func TestTagsShowExcerptsOpensExcerpts(t *testing.T) {
	m, v := tagsTestWindow(t)
	tagsSelect(t, v, "Negotiations")
	v.detail.excerpts.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if got := m.CurrentView(); got != "Excerpts" {
		t.Errorf("view = %q, want Excerpts", got)
	}
}

func TestTagsEmptyCodebookSaysWhatToDo(t *testing.T) {
	m, _ := newTestWindow(t, "empty")
	test.Tap(navRow(t, m, "Tags"))
	if !slices.Contains(textsIn(m.tags.content()), "The codebook is empty. Make a first tag with New tag.") {
		t.Errorf("empty codebook shows %q", textsIn(m.tags.content()))
	}
}

func TestTagColourRoundTrip(t *testing.T) {
	tests := []struct {
		hex string
		ok  bool
	}{
		{"#3b6ea8", true}, {"#000000", true}, {"", false}, {"3b6ea8", false}, {"#xyzxyz", false}, {"#3b6ea", false},
	}
	for _, tt := range tests {
		c, ok := tagColour(tt.hex)
		if ok != tt.ok {
			t.Errorf("tagColour(%q) ok = %v", tt.hex, ok)
			continue
		}
		if ok && tagColourHex(c) != tt.hex {
			t.Errorf("round trip of %q gave %q", tt.hex, tagColourHex(c))
		}
	}
}

func TestTagsTypingSurvivesPickingAnotherTag(t *testing.T) {
	m, v := tagsTestWindow(t)
	id := tagsNamed(t, m, "Figures").Tag.ID
	tagsSelect(t, v, "Figures")
	m.Window.Canvas().Focus(v.detail.name)
	v.detail.name.SetText("")
	test.Type(v.detail.name, "Numbers to check")
	tagsSelect(t, v, "Shipping corridor") // without Enter or Save

	got, err := m.ws.Tag(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "Numbers to check" {
		t.Errorf("after picking another tag, the workspace has %q", got.Name)
	}
	if want := tagsNamed(t, m, "Shipping corridor").Tag; v.detail.name.Text != want.Name || v.detail.description.Text != want.Description {
		t.Errorf("the detail shows %q / %q, want the tag picked", v.detail.name.Text, v.detail.description.Text)
	}
}

func TestTagsReloadKeepsTypingAndLeavingSaves(t *testing.T) {
	m, v := tagsTestWindow(t)
	id := tagsNamed(t, m, "Figures").Tag.ID
	tagsSelect(t, v, "Figures")
	c := m.Window.Canvas()
	c.Focus(v.detail.description)
	v.detail.description.SetText("")
	test.Type(v.detail.description, "Numbers that need a second source")
	m.changed() // as a save elsewhere or the end of a scan does
	if got := v.detail.description.Text; got != "Numbers that need a second source" {
		t.Errorf("a reload left the description as %q", got)
	}

	c.Focus(v.detail.name) // leaving the description saves it
	got, err := m.ws.Tag(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Description != "Numbers that need a second source" || got.Name != "Figures" {
		t.Errorf("after leaving the field the workspace has %q / %q", got.Name, got.Description)
	}
}
