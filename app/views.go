package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// view is one place the navigation leads to. Each lives in a file of its
// own and reads the workspace through the window.
type view interface {
	// title names the view in the navigation and the View menu.
	title() string
	// content is the view's widget tree; it is built once and kept.
	content() fyne.CanvasObject
	// reload reads the workspace again, in the background, after the view
	// is shown or the workspace has changed.
	reload()
}

// newViews builds every view, in the order of the navigation.
func (m *MainWindow) newViews() []view {
	m.articles = newArticlesView(m)
	m.excerpts = newExcerptsView(m)
	m.actors = newActorsView(m)
	m.documents = newDocumentsView(m)
	m.tags = newTagsView(m)
	m.search = newSearchView(m)
	return []view{m.articles, m.excerpts, m.actors, m.documents, m.tags, m.search}
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
		func() int { return len(m.views) },
		func() fyne.CanvasObject { return widget.NewLabel("Documents") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < 0 || id >= len(m.views) {
				return
			}
			o.(*widget.Label).SetText(m.views[id].title())
		},
	)
	list.OnSelected = m.showView
	return list
}

// selectView moves the navigation to view i, which shows it.
func (m *MainWindow) selectView(i int) {
	m.Nav.Select(i)
}

// showView puts view i in the centre and reads its data.
func (m *MainWindow) showView(i int) {
	if i < 0 || i >= len(m.views) || i == m.current {
		return
	}
	m.current = i
	m.Centre.Objects = []fyne.CanvasObject{m.views[i].content()}
	m.Centre.Refresh()
	m.views[i].reload()
}

// showViewOf brings v to the centre, as a link from another view does.
func (m *MainWindow) showViewOf(v view) {
	for i, w := range m.views {
		if w == v {
			m.selectView(i)
			return
		}
	}
}

// CurrentView names the view in the centre, or "" before one is chosen.
func (m *MainWindow) CurrentView() string {
	if m.current < 0 {
		return ""
	}
	return m.views[m.current].title()
}

// changed tells the window that the workspace has changed: the current
// view and the status bar read it again.
func (m *MainWindow) changed() {
	if m.current >= 0 {
		m.views[m.current].reload()
	}
	m.refreshCounts()
}

// deleter is a view whose chosen item can be deleted from the Edit menu.
type deleter interface {
	// deleteSelected deletes the item the view shows, after saying what
	// goes with it, and reports false when none is chosen.
	deleteSelected() bool
}

// deleteSelected deletes what the current view has chosen (Ctrl+Delete);
// Ctrl+Z brings it back.
func (m *MainWindow) deleteSelected() {
	if m.current >= 0 {
		if d, ok := m.views[m.current].(deleter); ok && d.deleteSelected() {
			return
		}
	}
	m.SetMessage("Nothing here to delete: choose an article, excerpt, actor, document or tag first")
}
