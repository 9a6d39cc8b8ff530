package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

func (m *MainWindow) showAbout() {
	version := m.app.Metadata().Version
	if version == "" {
		version = "development build"
	}
	dialog.ShowInformation("About Dossier",
		"Dossier "+version+"\n\nAn offline workbench for news and OSINT analysts:\narticles, excerpts, actors and tracked documents in one workspace file.",
		m.Window)
}

// showShortcuts lists every action that has a key, from the same table
// the menu and canvas use.
func (m *MainWindow) showShortcuts() {
	grid := container.NewGridWithColumns(2)
	for _, a := range m.actions {
		if a.shortcut == nil {
			continue
		}
		grid.Add(widget.NewLabel(a.label))
		grid.Add(widget.NewLabelWithStyle(shortcutText(a.shortcut), fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true}))
	}
	dialog.ShowCustom("Keyboard shortcuts", "Close", container.NewVScroll(grid), m.Window)
}

// shortcutText spells a shortcut the way menus print it, e.g. "Ctrl+Shift+Z".
func shortcutText(s fyne.Shortcut) string {
	ks, ok := s.(fyne.KeyboardShortcut)
	if !ok {
		return s.ShortcutName()
	}
	var parts []string
	mods := []struct {
		mod  fyne.KeyModifier
		name string
	}{
		{fyne.KeyModifierControl, "Ctrl"},
		{fyne.KeyModifierSuper, "Cmd"},
		{fyne.KeyModifierAlt, "Alt"},
		{fyne.KeyModifierShift, "Shift"},
	}
	for _, m := range mods {
		if ks.Mod()&m.mod != 0 {
			parts = append(parts, m.name)
		}
	}
	return strings.Join(append(parts, keyText(ks.Key())), "+")
}

func keyText(k fyne.KeyName) string {
	if k == fyne.KeySlash {
		return "/"
	}
	return fmt.Sprint(k)
}
