package app

import (
	"fyne.io/fyne/v2"

	"dossier/model"
)

// articlesView is not built yet: it says what it will hold.
type articlesView struct {
	m   *MainWindow
	box fyne.CanvasObject
}

func newArticlesView(m *MainWindow) *articlesView { return &articlesView{m: m} }

func (v *articlesView) title() string { return "Articles" }

func (v *articlesView) content() fyne.CanvasObject {
	if v.box == nil {
		v.box = placeholder("Articles", "The articles of this workspace will be listed here, with their source, date and grading.")
	}
	return v.box
}

func (v *articlesView) reload() {}

// show opens article id in the reader with span selected and in sight.
func (v *articlesView) show(id int64, span model.Span) { v.m.showViewOf(v) }

// newExcerpt opens the excerpt editor on the reader's selection.
func (v *articlesView) newExcerpt() { v.m.later("Making an excerpt")() }
