package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
)

// tagsTopLevel is the choice that moves a tag to the top of the codebook.
const tagsTopLevel = "Top level"

// tagDetail is the right of the Tags view: the selected tag and what can be
// done to it. Its widgets are kept so that tests can tap and read them.
type tagDetail struct {
	v   *tagsView
	box *fyne.Container

	empty    *widget.Label
	form     *fyne.Container
	heading  *widget.Label
	swatch   *canvas.Rectangle
	counts   *widget.Label
	excerpts *widget.Hyperlink

	name        *commitEntry
	description *commitEntry
	save        *widget.Button
	parent      *widget.Select
	move        *widget.Button
	into        *widget.Select
	merge       *widget.Button
	colour      *widget.Button
	child       *widget.Button
	remove      *widget.Button

	// choices maps each path offered by parent and into to its tag id.
	choices map[string]int64

	// shown is the tag in the fields, 0 for none; shownName and
	// shownDescription are the texts the detail last put in them or saved
	// from them. Any other text is the analyst's typing, not saved yet.
	shown                       int64
	shownName, shownDescription string
}

func newTagDetail(v *tagsView) *tagDetail {
	d := &tagDetail{v: v, choices: map[string]int64{}}
	d.empty = widget.NewLabel("")
	d.empty.Wrapping = fyne.TextWrapWord
	d.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.heading.SizeName = theme.SizeNameSubHeadingText
	d.heading.Wrapping = fyne.TextWrapWord
	d.swatch = newTagSwatch()
	d.counts = widget.NewLabel("")
	d.excerpts = widget.NewHyperlink("Show excerpts", nil)
	d.excerpts.OnTapped = func() { v.m.showViewOf(v.m.excerpts) }
	d.newFields()
	d.form = container.NewVBox(
		container.NewBorder(nil, nil, container.NewCenter(d.swatch), nil, d.heading),
		container.NewHBox(d.counts, d.excerpts),
		widget.NewSeparator(),
		d.fieldsForm(),
		widget.NewSeparator(),
		container.NewHBox(d.child, d.remove),
	)
	d.box = container.NewVBox(d.empty, d.form)
	return d
}

func (d *tagDetail) newFields() {
	v := d.v
	// Both fields save when the analyst presses Enter or leaves them, as
	// the actor and document fields do.
	d.name = newCommitEntry(false)
	d.name.onCommit = func(string) { v.saveFields() }
	d.description = newCommitEntry(true)
	d.description.onCommit = func(string) { v.saveFields() }
	d.save = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), v.saveFields)
	d.parent = widget.NewSelect(nil, nil)
	d.parent.PlaceHolder = "Choose a new place"
	d.move = widget.NewButton("Move", v.moveTag)
	d.into = widget.NewSelect(nil, nil)
	d.into.PlaceHolder = "Choose the tag to keep"
	d.merge = widget.NewButton("Merge…", v.confirmMerge)
	d.colour = widget.NewButtonWithIcon("Choose colour…", theme.ColorPaletteIcon(), v.pickColour)
	d.child = widget.NewButtonWithIcon("New sub-tag", theme.ContentAddIcon(), func() { v.newTag(v.selected) })
	d.remove = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), v.deleteTag)
}

func (d *tagDetail) fieldsForm() *widget.Form {
	return widget.NewForm(
		widget.NewFormItem("Name", d.name),
		widget.NewFormItem("Description", d.description),
		widget.NewFormItem("", container.NewHBox(d.save)),
		widget.NewFormItem("Move under", container.NewBorder(nil, nil, nil, d.move, d.parent)),
		widget.NewFormItem("Merge into", container.NewBorder(nil, nil, nil, d.merge, d.into)),
		widget.NewFormItem("Colour", container.NewHBox(d.colour)),
	)
}

// show fills the detail from the selected tag, or says what to do when
// none is selected. What the analyst typed in the tag shown until now is
// saved first; shown again, the tag keeps the typing in its fields.
func (d *tagDetail) show() {
	tc, ok := d.v.selectedTag()
	if d.shown != 0 && (!ok || tc.Tag.ID != d.shown) {
		d.v.saveFields()
		d.shown = 0
	}
	if !ok {
		d.form.Hide()
		d.empty.SetText(d.emptyText())
		d.empty.Show()
		d.box.Refresh()
		return
	}
	d.empty.Hide()
	t := tc.Tag
	d.heading.SetText(d.v.book.path(t.ID))
	paintTagSwatch(d.swatch, t.Colour)
	d.counts.SetText(fmt.Sprintf("%s · %s", counted(tc.Excerpts, "excerpt", "excerpts"), counted(tc.Articles, "article", "articles")))
	same := t.ID == d.shown
	d.shown = t.ID
	showTagText(d.name, &d.shownName, t.Name, same)
	showTagText(d.description, &d.shownDescription, t.Description, same)
	d.fillChoices(t)
	d.form.Show()
	// Texts of new lengths change the rows' sizes; lay them out again.
	d.box.Refresh()
}

// showTagText puts stored in a field, unless the same tag is shown again
// and the analyst is in the field or has typed in it.
func showTagText(e *commitEntry, shown *string, stored string, same bool) {
	if same && (e.focused || tagTyped(e, *shown)) {
		return
	}
	*shown = stored
	if e.Text != stored {
		e.SetText(stored)
	}
}

// tagTyped tells whether a field holds text of the analyst's, not the
// text shown.
func tagTyped(e *commitEntry, shown string) bool {
	return strings.TrimSpace(e.Text) != shown
}

// tagText is what a field should save: the analyst's text when typed,
// else the stored one, which may be newer than the text shown.
func tagText(e *commitEntry, shown, stored string) string {
	if tagTyped(e, shown) {
		return strings.TrimSpace(e.Text)
	}
	return stored
}

func (d *tagDetail) emptyText() string {
	if len(d.v.book.tags) == 0 {
		return "The codebook is empty. Make a first tag with New tag."
	}
	return "Choose a tag on the left to rename, move, merge, recolour or delete it."
}

// fillChoices offers every other tag as a new parent or a tag to merge
// into. Tags below t stay on offer: storage refuses a move that would make
// the tree loop, with a sentence that says why.
func (d *tagDetail) fillChoices(t model.Tag) {
	d.choices = map[string]int64{tagsTopLevel: 0}
	places := []string{tagsTopLevel}
	var others []string
	for _, tc := range d.v.book.tags {
		if tc.Tag.ID == t.ID {
			continue
		}
		p := d.v.book.path(tc.Tag.ID)
		d.choices[p] = tc.Tag.ID
		places = append(places, p)
		others = append(others, p)
	}
	d.parent.SetOptions(places)
	d.parent.ClearSelected()
	d.into.SetOptions(others)
	d.into.ClearSelected()
}
