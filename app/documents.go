package app

import (
	"fyne.io/fyne/v2"
)

// documentsView is not built yet: it says what it will hold.
type documentsView struct {
	m   *MainWindow
	box fyne.CanvasObject
}

func newDocumentsView(m *MainWindow) *documentsView { return &documentsView{m: m} }

func (v *documentsView) title() string { return "Documents" }

func (v *documentsView) content() fyne.CanvasObject {
	if v.box == nil {
		v.box = placeholder("Documents", "The plans, frameworks and agreements you track, with their status over time, will be followed here.")
	}
	return v.box
}

func (v *documentsView) reload() {}

// show opens document id's page.
func (v *documentsView) show(id int64) { v.m.showViewOf(v) }
