package app

import (
	"fyne.io/fyne/v2"
)

// actorsView is not built yet: it says what it will hold.
type actorsView struct {
	m   *MainWindow
	box fyne.CanvasObject
}

func newActorsView(m *MainWindow) *actorsView { return &actorsView{m: m} }

func (v *actorsView) title() string { return "Actors" }

func (v *actorsView) content() fyne.CanvasObject {
	if v.box == nil {
		v.box = placeholder("Actors", "Profiles of the people, organisations, states and groups in your articles will be kept here.")
	}
	return v.box
}

func (v *actorsView) reload() {}

// show opens actor id's page.
func (v *actorsView) show(id int64) { v.m.showViewOf(v) }
