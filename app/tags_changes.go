package app

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
	"dossier/workspace"
)

// saveFields renames the tag in the detail and saves its description,
// when the analyst has typed in them.
func (v *tagsView) saveFields() {
	d := v.detail
	tc, ok := v.book.tag(d.shown)
	if !ok {
		return // gone, merged or deleted, with what it was called
	}
	t := tc.Tag
	t.Name = tagText(d.name, d.shownName, tc.Tag.Name)
	t.Description = tagText(d.description, d.shownDescription, tc.Tag.Description)
	if t.Name == tc.Tag.Name && t.Description == tc.Tag.Description {
		return
	}
	// The texts are saved: a reload may show what is stored in their place.
	d.shownName, d.shownDescription = t.Name, t.Description
	what := "save tag “" + tc.Tag.Name + "”"
	if t.Name != tc.Tag.Name {
		what = "rename tag “" + tc.Tag.Name + "”"
	}
	v.update(what, tc.Tag, t)
}

// moveTag puts the selected tag under the parent chosen, or at the top.
func (v *tagsView) moveTag() {
	tc, ok := v.selectedTag()
	if !ok {
		return
	}
	parent, chosen := v.detail.choices[v.detail.parent.Selected]
	if !chosen {
		v.m.SetMessage("Choose where to move “" + tc.Tag.Name + "” first")
		return
	}
	if parent == tc.Tag.ParentID {
		v.m.SetMessage("“" + tc.Tag.Name + "” is already there")
		return
	}
	t := tc.Tag
	t.ParentID = parent
	v.update("move tag “"+tc.Tag.Name+"”", tc.Tag, t)
}

// pickColour opens a colour picker on the selected tag's colour.
func (v *tagsView) pickColour() {
	tc, ok := v.selectedTag()
	if !ok {
		return
	}
	p := dialog.NewColorPicker("Tag colour", "The colour of “"+tc.Tag.Name+"” in the codebook and the reader",
		func(c color.Color) {
			t := tc.Tag
			t.Colour = tagColourHex(c)
			if t.Colour != tc.Tag.Colour {
				v.update("recolour tag “"+tc.Tag.Name+"”", tc.Tag, t)
			}
		}, v.m.Window)
	p.Advanced = true
	p.Show()
	if c, ok := tagColour(tc.Tag.Colour); ok {
		p.SetColor(c)
	}
	v.picker = p
}

// update saves a changed tag and keeps the change for undo.
func (v *tagsView) update(what string, before, after model.Tag) {
	v.m.background(what, func(ctx context.Context) (func(), error) {
		saved := after
		if err := v.m.ws.UpdateTag(ctx, &saved); err != nil {
			return nil, err
		}
		return func() {
			v.m.remember(undoStep{
				label: what,
				undo:  func(ctx context.Context) error { t := before; return v.m.ws.UpdateTag(ctx, &t) },
				redo:  func(ctx context.Context) error { t := after; return v.m.ws.UpdateTag(ctx, &t) },
			})
			v.m.SetMessage("Done: " + what)
			v.m.changed()
		}, nil
	})
}

// confirmMerge asks before folding the selected tag into the one chosen:
// a merge cannot be undone.
func (v *tagsView) confirmMerge() {
	tc, ok := v.selectedTag()
	if !ok {
		return
	}
	into, chosen := v.detail.choices[v.detail.into.Selected]
	if !chosen || into == 0 {
		v.m.SetMessage("Choose the tag to merge “" + tc.Tag.Name + "” into first")
		return
	}
	from, to := tc.Tag.Name, v.book.path(into)
	msg := fmt.Sprintf("Merge “%s” into “%s”?\n\nThe %s and %s tagged “%s” will be tagged “%s”,\n"+
		"its sub-tags will move under “%s”, and “%s” will be gone. This cannot be undone.",
		from, to, counted(tc.Excerpts, "excerpt", "excerpts"), counted(tc.Articles, "article", "articles"), from, to, to, from)
	d := dialog.NewConfirm("Merge tags", msg, func(ok bool) {
		if ok {
			v.merge(tc.Tag, into)
		}
	}, v.m.Window)
	d.SetConfirmText("Merge")
	d.Show()
}

func (v *tagsView) merge(from model.Tag, into int64) {
	v.m.background("merge tag “"+from.Name+"”", func(ctx context.Context) (func(), error) {
		if err := v.m.ws.MergeTags(ctx, from.ID, into); err != nil {
			return nil, err
		}
		return func() {
			v.selected = into
			v.m.SetMessage("Merged “" + from.Name + "” into “" + v.book.path(into) + "”")
			v.m.changed()
		}, nil
	})
}

// newTag asks for the name of a new tag under parent (0: at the top).
func (v *tagsView) newTag(parent int64) {
	name := widget.NewEntry()
	name.SetPlaceHolder("Name of the tag")
	name.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("type a name")
		}
		return nil
	}
	item := widget.NewFormItem("Name", name)
	item.HintText = "At the top of the codebook"
	if parent != 0 {
		item.HintText = "Under “" + v.book.path(parent) + "”"
	}
	d := dialog.NewForm("New tag", "Create", "Cancel", []*widget.FormItem{item}, func(ok bool) {
		if ok {
			v.create(model.Tag{Name: strings.TrimSpace(name.Text), ParentID: parent})
		}
	}, v.m.Window)
	name.OnSubmitted = func(string) { d.Submit() }
	v.newName = name
	d.Show()
	v.m.Window.Canvas().Focus(name)
}

func (v *tagsView) create(t model.Tag) {
	v.m.background("create tag “"+t.Name+"”", func(ctx context.Context) (func(), error) {
		if err := v.m.ws.CreateTag(ctx, &t); err != nil {
			return nil, err
		}
		return func() {
			v.selected = t.ID
			v.m.SetMessage("Created tag “" + t.Name + "”")
			v.m.changed()
		}, nil
	})
}

// deleteTag deletes the selected tag; what it tagged stays, without it.
func (v *tagsView) deleteTag() {
	tc, ok := v.selectedTag()
	if !ok {
		return
	}
	v.m.deleteItem(workspace.KindTag, tc.Tag.ID, "tag “"+tc.Tag.Name+"”", func() { v.selected = 0 })
}
