package app

import (
	"fyne.io/fyne/v2"
)

// excerptsView is not built yet: it says what it will hold.
type excerptsView struct {
	m   *MainWindow
	box fyne.CanvasObject
}

func newExcerptsView(m *MainWindow) *excerptsView { return &excerptsView{m: m} }

func (v *excerptsView) title() string { return "Excerpts" }

func (v *excerptsView) content() fyne.CanvasObject {
	if v.box == nil {
		v.box = placeholder("Excerpts", "The quotes, claims, figures and events you mark in articles will be gathered here.")
	}
	return v.box
}

func (v *excerptsView) reload() {}
