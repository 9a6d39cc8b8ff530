package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// view is one place the navigation leads to. Until a view is built, the
// centre shows what it will hold.
type view struct {
	title       string
	placeholder string
}

// views lists the navigation entries, in the order of the View menu.
var views = []view{
	{"Articles", "The articles of this workspace will be listed here, with their source, date and grading."},
	{"Excerpts", "The quotes, claims, figures and events you mark in articles will be gathered here."},
	{"Actors", "Profiles of the people, organisations, states and groups in your articles will be kept here."},
	{"Documents", "The plans, frameworks and agreements you track, with their status over time, will be followed here."},
	{"Tags", "Your codebook of tags will be organised here."},
	{"Search", "Full-text search across articles, excerpts, notes and profiles will live here."},
}

// welcome is the centre before the analyst picks a view.
func welcome() fyne.CanvasObject {
	return placeholder("Dossier", "Choose a view on the left to start working.")
}

func placeholder(title, sentence string) fyne.CanvasObject {
	heading := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameHeadingText
	body := widget.NewLabel(sentence)
	body.Wrapping = fyne.TextWrapWord
	return container.NewVBox(heading, body)
}

func (m *MainWindow) newNav() *widget.List {
	list := widget.NewList(
		func() int { return len(views) },
		func() fyne.CanvasObject { return widget.NewLabel("Documents") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < 0 || id >= len(views) {
				return
			}
			o.(*widget.Label).SetText(views[id].title)
		},
	)
	list.OnSelected = m.showView
	return list
}

// selectView moves the navigation to view i, which shows it.
func (m *MainWindow) selectView(i int) {
	m.Nav.Select(i)
}

// showView puts view i in the centre.
func (m *MainWindow) showView(i int) {
	if i < 0 || i >= len(views) || i == m.current {
		return
	}
	m.current = i
	m.Centre.Objects = []fyne.CanvasObject{placeholder(views[i].title, views[i].placeholder)}
	m.Centre.Refresh()
}

// CurrentView names the view in the centre, or "" before one is chosen.
func (m *MainWindow) CurrentView() string {
	if m.current < 0 {
		return ""
	}
	return views[m.current].title
}
