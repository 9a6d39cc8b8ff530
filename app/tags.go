package app

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
)

// tagsView shows the codebook as a tree, each tag with its colour and the
// number of excerpts it marks, and at the right the selected tag, where the
// analyst renames, moves, merges, recolours or deletes it.
type tagsView struct {
	m    *MainWindow
	box  fyne.CanvasObject
	tree *widget.Tree
	// book is the codebook as last read; the tree's callbacks only index it.
	book codebook
	// selected is the tag in the detail, 0 when none; it survives reloads.
	selected int64
	// opened records that the branches were opened on the first read, so
	// that later reads keep the branches the analyst closed.
	opened bool
	detail *tagDetail

	// The dialogs last opened, kept for tests to drive.
	picker  *dialog.ColorPickerDialog
	newName *widget.Entry
}

func newTagsView(m *MainWindow) *tagsView { return &tagsView{m: m} }

func (v *tagsView) title() string { return "Tags" }

func (v *tagsView) content() fyne.CanvasObject {
	if v.box == nil {
		v.tree = v.newTree()
		v.detail = newTagDetail(v)
		newTag := widget.NewButtonWithIcon("New tag", theme.ContentAddIcon(), func() { v.newTag(0) })
		left := container.NewBorder(container.NewHBox(newTag), nil, nil, nil, v.tree)
		split := container.NewHSplit(left, container.NewVScroll(v.detail.box))
		split.Offset = 0.4
		v.box = split
	}
	return v.box
}

// reload reads the whole codebook: it is small, and the tree needs every
// parent to place a tag.
func (v *tagsView) reload() {
	v.content()
	v.m.background("read the codebook", func(ctx context.Context) (func(), error) {
		tags, err := v.readCodebook(ctx)
		if err != nil {
			return nil, err
		}
		return func() { v.apply(newCodebook(tags)) }, nil
	})
}

func (v *tagsView) readCodebook(ctx context.Context) ([]model.TagCount, error) {
	var all []model.TagCount
	for {
		page := model.Page{Limit: model.MaxPageSize, Offset: len(all)}
		tags, total, err := v.m.ws.ListTags(ctx, model.TagFilter{Page: page})
		if err != nil {
			return nil, err
		}
		all = append(all, tags...)
		if len(tags) == 0 || len(all) >= total {
			return all, nil
		}
	}
}

// apply shows a codebook just read, keeping the selection when the tag is
// still there.
func (v *tagsView) apply(b codebook) {
	v.book = b
	if !v.opened {
		v.tree.OpenAllBranches()
		v.opened = true
	}
	if _, ok := b.tag(v.selected); !ok {
		v.selected = 0
	}
	if v.selected == 0 {
		v.tree.UnselectAll()
	} else {
		v.openAbove(v.selected)
		v.tree.Select(tagUID(v.selected))
	}
	v.tree.Refresh()
	v.detail.show()
}

// openAbove opens the branches that lead to a tag, so that a tag just made
// or moved is in sight.
func (v *tagsView) openAbove(id int64) {
	for _, p := range v.book.lineage(id)[1:] {
		v.tree.OpenBranch(tagUID(p))
	}
}

// selectedTag is the tag in the detail, as last read.
func (v *tagsView) selectedTag() (model.TagCount, bool) {
	return v.book.tag(v.selected)
}

func (v *tagsView) newTree() *widget.Tree {
	t := widget.NewTree(
		func(uid widget.TreeNodeID) []widget.TreeNodeID {
			kids := v.book.children[tagID(uid)]
			out := make([]widget.TreeNodeID, len(kids))
			for i, id := range kids {
				out[i] = tagUID(id)
			}
			return out
		},
		func(uid widget.TreeNodeID) bool {
			return uid == "" || len(v.book.children[tagID(uid)]) > 0
		},
		func(bool) fyne.CanvasObject { return newTagRow() },
		func(uid widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
			if tc, ok := v.book.tag(tagID(uid)); ok {
				o.(*tagRow).set(tc)
			}
		},
	)
	t.OnSelected = func(uid widget.TreeNodeID) {
		v.selected = tagID(uid)
		v.detail.show()
	}
	return t
}

// Tree node ids are tag ids in decimal; the root is "".
func tagUID(id int64) widget.TreeNodeID {
	if id == 0 {
		return ""
	}
	return strconv.FormatInt(id, 10)
}

func tagID(uid widget.TreeNodeID) int64 {
	id, _ := strconv.ParseInt(uid, 10, 64)
	return id
}

// deleteSelected deletes the chosen item (Edit > Delete…).
func (v *tagsView) deleteSelected() bool {
	if _, ok := v.selectedTag(); !ok {
		return false
	}
	v.deleteTag()
	return true
}
