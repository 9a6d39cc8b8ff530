package app

import (
	"fyne.io/fyne/v2"
)

// tagsView is not built yet: it says what it will hold.
type tagsView struct {
	m   *MainWindow
	box fyne.CanvasObject
}

func newTagsView(m *MainWindow) *tagsView { return &tagsView{m: m} }

func (v *tagsView) title() string { return "Tags" }

func (v *tagsView) content() fyne.CanvasObject {
	if v.box == nil {
		v.box = placeholder("Tags", "Your codebook of tags will be organised here.")
	}
	return v.box
}

func (v *tagsView) reload() {}
