// Package app is Dossier's window: menus, navigation, views and dialogs,
// built with Fyne. It takes a fyne.App from main, so tests drive it with
// Fyne's headless test app and need no display.
package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"dossier/workspace"
)

// MainWindow is the workbench window. It keeps the widgets that tests tap
// and read.
type MainWindow struct {
	Window fyne.Window
	// Nav lists the views; selecting one shows it in Centre.
	Nav *widget.List
	// Centre holds the current view.
	Centre *fyne.Container
	// Workspace, in the status bar, names the open workspace.
	Workspace *widget.Label
	// Counts, in the status bar, sums up what the workspace holds.
	Counts *widget.Label
	// Message, in the status bar, tells what the app last did.
	Message *widget.Label
	// Background, at the right of the status bar, tells what the workspace
	// is doing on its own (finding names again after a change).
	Background *widget.Label

	app     fyne.App
	ws      *workspace.Workspace
	ctx     context.Context // cancelled when the window closes
	cancel  context.CancelFunc
	actions []action
	views   []view
	current int // index into views, -1 before the analyst picks one

	articles  *articlesView
	excerpts  *excerptsView
	actors    *actorsView
	documents *documentsView
	tags      *tagsView
	search    *searchView
	undo      undoStack
	// jobs counts the background work under way, so that a workspace is
	// closed only once nothing reads it any more.
	jobs jobs

	// spawn runs background work; tests make it synchronous so that they
	// need no sleeps.
	spawn func(func())
	// watchRescans is set for the real window, whose status bar follows
	// the workspace's own background scans; tests, whose work is
	// synchronous, leave it off and call the hooks themselves.
	watchRescans bool
}

// NewMainWindow builds the window on an open workspace: title, main menu,
// navigation, views and status bar, with the size the analyst left it at.
func NewMainWindow(a fyne.App, ws *workspace.Workspace) *MainWindow {
	m := newMainWindow(a, ws, func(f func()) { go f() })
	m.watchRescans = true
	m.watchWorkspace(ws)
	return m
}

func newMainWindow(a fyne.App, ws *workspace.Workspace, spawn func(func())) *MainWindow {
	m := &MainWindow{app: a, ws: ws, current: -1, spawn: spawn}
	m.ctx, m.cancel = context.WithCancel(context.Background())
	name := workspace.Name(ws.Path())
	m.Window = a.NewWindow(windowTitle(name))
	m.Window.SetMaster()
	m.Workspace = widget.NewLabel(name)
	m.Counts = widget.NewLabel("")
	m.Message = widget.NewLabel("")
	m.Message.Truncation = fyne.TextTruncateEllipsis
	m.Background = widget.NewLabel("")
	m.views = m.newViews()
	m.Nav = m.newNav()
	m.Centre = container.NewStack(welcome())
	m.actions = m.newActions()
	m.Window.SetMainMenu(mainMenu(m.actions))
	registerShortcuts(m.Window.Canvas(), m.actions)
	m.Window.SetOnDropped(m.importDropped)
	m.Window.SetContent(m.layout())
	m.restoreSize()
	m.refreshCounts()
	return m
}

// windowTitle names the workspace in the title, where the analyst looks
// first when several windows are open.
func windowTitle(workspaceName string) string {
	if workspaceName == "" {
		return "Dossier"
	}
	return "Dossier — " + workspaceName
}

// SetMessage shows text in the status bar.
func (m *MainWindow) SetMessage(text string) {
	m.Message.SetText(text)
}

func (m *MainWindow) layout() fyne.CanvasObject {
	split := container.NewHSplit(m.Nav, container.NewPadded(m.Centre))
	split.Offset = 0.14
	status := container.NewBorder(nil, nil, container.NewHBox(m.Workspace, m.Counts), m.Background, m.Message)
	return container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), status), nil, nil, split)
}
