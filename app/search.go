package app

import (
	"fyne.io/fyne/v2"
)

// searchView is not built yet: it says what it will hold.
type searchView struct {
	m   *MainWindow
	box fyne.CanvasObject
}

func newSearchView(m *MainWindow) *searchView { return &searchView{m: m} }

func (v *searchView) title() string { return "Search" }

func (v *searchView) content() fyne.CanvasObject {
	if v.box == nil {
		v.box = placeholder("Search", "Full-text search across articles, excerpts, notes and profiles will live here.")
	}
	return v.box
}

func (v *searchView) reload() {}

// find brings the search box forward (Ctrl+F).
func (v *searchView) find() { v.m.showViewOf(v) }
