package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// action is one thing the analyst can ask of the window. The table of
// actions is declared once and feeds both the main menu and the canvas
// shortcuts, so a key and its menu entry can never disagree.
type action struct {
	menu     string        // the main-menu entry it belongs to
	label    string        // "" marks a separator
	shortcut fyne.Shortcut // nil when it has none
	run      func()
	// submenu, when set, makes the entry open a child menu instead.
	submenu func() *fyne.Menu
}

// menus is the order of the main menu.
var menus = []string{"File", "Edit", "View", "Help"}

// newActions lists every action of the window in menu order.
func (m *MainWindow) newActions() []action {
	acts := []action{
		{menu: "File", label: "New…", shortcut: ctrl(fyne.KeyN), run: m.newWorkspace},
		{menu: "File", label: "Open…", shortcut: ctrl(fyne.KeyO), run: m.openWorkspace},
		{menu: "File", label: "Recent workspaces", submenu: m.recentMenu},
		{menu: "File"},
		{menu: "File", label: "Import files…", shortcut: ctrl(fyne.KeyI), run: m.importFiles},
		{menu: "File", label: "Import folder…", shortcut: ctrlShift(fyne.KeyI), run: m.importFolder},
		{menu: "File", label: "Paste as article…", shortcut: ctrlShift(fyne.KeyV), run: m.pasteArticle},
		{menu: "File"},
		{menu: "File", label: "Export workbook…", shortcut: ctrlShift(fyne.KeyE), run: m.exportWorkbook},
		{menu: "File", label: "Export CSV…", run: m.exportCSV},
		{menu: "File", label: "Backup…", run: m.backupWorkspace},
		// Ctrl+Z is Fyne's own Undo shortcut; the desktop driver only matches
		// it by name, so the menu must use that type rather than a custom one.
		{menu: "Edit", label: "Undo", shortcut: &fyne.ShortcutUndo{}, run: m.undoLast},
		{menu: "Edit", label: "Redo", shortcut: ctrlShift(fyne.KeyZ), run: m.redoLast},
		{menu: "Edit"},
		{menu: "Edit", label: "Excerpt from selection…", shortcut: ctrl(fyne.KeyE), run: func() { m.articles.newExcerpt() }},
		{menu: "Edit", label: "Delete…", shortcut: ctrl(fyne.KeyDelete), run: m.deleteSelected},
		{menu: "Edit", label: "Find", shortcut: ctrl(fyne.KeyF), run: func() { m.search.find() }},
	}
	for i, v := range m.views {
		a := action{menu: "View", label: v.title(), run: func() { m.selectView(i) }}
		if i < len(digitKeys) {
			a.shortcut = ctrl(digitKeys[i])
		}
		acts = append(acts, a)
	}
	return append(acts,
		action{menu: "Help", label: "About", run: m.showAbout},
		action{menu: "Help", label: "Keyboard shortcuts", shortcut: ctrl(fyne.KeySlash), run: m.showShortcuts},
	)
}

// digitKeys gives the views Ctrl+1, Ctrl+2, … in navigation order.
var digitKeys = []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9}

// ctrl is the platform's command key (Ctrl, or Cmd on macOS) with key.
func ctrl(key fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
}

func ctrlShift(key fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}

// mainMenu builds the main menu from the action table.
func mainMenu(acts []action) *fyne.MainMenu {
	main := fyne.NewMainMenu()
	for _, name := range menus {
		var items []*fyne.MenuItem
		for _, a := range acts {
			if a.menu == name {
				items = append(items, menuItem(a))
			}
		}
		main.Items = append(main.Items, fyne.NewMenu(name, items...))
	}
	return main
}

func menuItem(a action) *fyne.MenuItem {
	if a.label == "" {
		return fyne.NewMenuItemSeparator()
	}
	item := fyne.NewMenuItem(a.label, a.run)
	item.Shortcut = a.shortcut
	if a.submenu != nil {
		item.ChildMenu = a.submenu()
	}
	return item
}

// registerShortcuts puts every action's shortcut on the canvas too, for
// drivers that do not route keys through the menu (the test driver, and
// windows without a menu bar).
func registerShortcuts(c fyne.Canvas, acts []action) {
	for _, a := range acts {
		if a.shortcut == nil || a.run == nil {
			continue
		}
		run := a.run
		c.AddShortcut(a.shortcut, func(fyne.Shortcut) { run() })
	}
}
