package app

import "fyne.io/fyne/v2"

// newWorkspace asks where to create a workspace and switches to it.
func (m *MainWindow) newWorkspace() { m.later("Creating a workspace")() }

// openWorkspace asks for a workspace file and switches to it.
func (m *MainWindow) openWorkspace() { m.later("Opening another workspace")() }

// backupWorkspace asks where to write a copy of the workspace.
func (m *MainWindow) backupWorkspace() { m.later("Backing up the workspace")() }

// recentMenu lists recently opened workspaces; none are remembered yet.
func (m *MainWindow) recentMenu() *fyne.Menu {
	none := fyne.NewMenuItem("No recent workspaces", nil)
	none.Disabled = true
	return fyne.NewMenu("Recent workspaces", none)
}
