// Package app is Dossier's window: menus, navigation, views and dialogs,
// built with Fyne. It takes a fyne.App from main, so tests drive it with
// Fyne's headless test app and need no display.
package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
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
	// Message, in the status bar, tells what the app last did.
	Message *widget.Label

	app     fyne.App
	actions []action
	current int // index into views, -1 before the analyst picks one
}

// NewMainWindow builds the window for the named workspace: title, main menu,
// navigation, centre and status bar, with the size the analyst left it at.
func NewMainWindow(a fyne.App, workspaceName string) *MainWindow {
	m := &MainWindow{app: a, current: -1}
	m.Window = a.NewWindow(windowTitle(workspaceName))
	m.Window.SetMaster()
	m.Workspace = widget.NewLabel(workspaceName)
	m.Message = widget.NewLabel("")
	m.Message.Truncation = fyne.TextTruncateEllipsis
	m.Nav = m.newNav()
	m.Centre = container.NewStack(welcome())
	m.actions = m.newActions()
	m.Window.SetMainMenu(mainMenu(m.actions))
	registerShortcuts(m.Window.Canvas(), m.actions)
	m.Window.SetContent(m.layout())
	m.restoreSize()
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
	split.Offset = 0.18
	status := container.NewBorder(nil, nil, m.Workspace, nil, m.Message)
	return container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), status), nil, nil, split)
}
