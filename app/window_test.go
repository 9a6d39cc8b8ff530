package app

import (
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/workspace"
)

func newTestWindow(t *testing.T, name string) (*MainWindow, fyne.App) {
	t.Helper()
	a := test.NewTempApp(t)
	return openTestWindow(t, a, newTestWorkspace(t, name)), a
}

// newTestWorkspace creates an empty workspace file named name in a
// temporary folder, closed when the test ends.
func newTestWorkspace(t *testing.T, name string) *workspace.Workspace {
	t.Helper()
	if name == "" {
		name = "w"
	}
	ws, err := workspace.Create(filepath.Join(t.TempDir(), name+workspace.Extension))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	return ws
}

// openTestWindow opens the window on ws with background work made
// synchronous, so that a test sees its result when the call returns.
func openTestWindow(t *testing.T, a fyne.App, ws *workspace.Workspace) *MainWindow {
	t.Helper()
	m := newMainWindow(a, ws, func(f func()) { f() })
	t.Cleanup(m.Window.Close)
	return m
}

func TestTitleNamesWorkspace(t *testing.T) {
	tests := []struct{ name, want string }{
		{"miami-talks", "Dossier — miami-talks"},
	}
	for _, tt := range tests {
		m, _ := newTestWindow(t, tt.name)
		if got := m.Window.Title(); got != tt.want {
			t.Errorf("title for %q = %q, want %q", tt.name, got, tt.want)
		}
		if got := m.Workspace.Text; got != tt.name {
			t.Errorf("status bar for %q shows %q", tt.name, got)
		}
	}
}

func TestMainMenu(t *testing.T) {
	m, _ := newTestWindow(t, "w")
	want := map[string][]string{
		"File": {"New…", "Open…", "Recent workspaces", "Import files…", "Import folder…", "Paste as article…",
			"Export workbook…", "Export CSV…", "Backup…"},
		"Edit": {"Undo", "Redo", "Excerpt from selection…", "Delete…", "Find"},
		"View": {"Articles", "Excerpts", "Actors", "Documents", "Tags", "Search"},
		"Help": {"About", "Keyboard shortcuts"},
	}
	menu := m.Window.MainMenu()
	if menu == nil {
		t.Fatal("the window has no main menu")
	}
	var order []string
	for _, mn := range menu.Items {
		order = append(order, mn.Label)
		var labels []string
		for _, it := range mn.Items {
			if it.IsSeparator {
				continue
			}
			labels = append(labels, it.Label)
			if it.Action == nil && it.ChildMenu == nil {
				t.Errorf("%s > %s does nothing", mn.Label, it.Label)
			}
		}
		if !slices.Equal(labels, want[mn.Label]) {
			t.Errorf("menu %s = %q, want %q", mn.Label, labels, want[mn.Label])
		}
	}
	if !slices.Equal(order, menus) {
		t.Errorf("main menu = %q, want %q", order, menus)
	}
}

// TestMenuItemsNeverCrash runs every menu action: views switch, the rest
// open a dialog.
func TestMenuItemsNeverCrash(t *testing.T) {
	m, _ := newTestWindow(t, "w")
	for _, mn := range m.Window.MainMenu().Items {
		for _, it := range mn.Items {
			if it.Action == nil || it.IsSeparator {
				continue
			}
			t.Run(mn.Label+" "+it.Label, func(t *testing.T) {
				closeDialogs(m.Window)
				m.SetMessage("")
				view := m.CurrentView()
				it.Action()
				if mn.Label == "View" {
					if got := m.CurrentView(); got != it.Label {
						t.Errorf("current view = %q, want %q", got, it.Label)
					}
					return
				}
				if m.Window.Canvas().Overlays().Top() == nil && m.Message.Text == "" && m.CurrentView() == view {
					t.Errorf("%s > %s showed nothing", mn.Label, it.Label)
				}
			})
		}
	}
}

func TestTappingNavChangesCentre(t *testing.T) {
	m, _ := newTestWindow(t, "w")
	if got := m.CurrentView(); got != "" {
		t.Fatalf("view before any choice = %q, want none", got)
	}
	if !slices.Contains(textsIn(m.Centre), "Choose a view on the left to start working.") {
		t.Errorf("centre before any choice = %q", textsIn(m.Centre))
	}
	for _, v := range m.views {
		test.Tap(navRow(t, m, v.title()))
		if got := m.CurrentView(); got != v.title() {
			t.Errorf("after tapping %s the view is %q", v.title(), got)
		}
		if len(m.Centre.Objects) != 1 || m.Centre.Objects[0] != v.content() {
			t.Errorf("after tapping %s the centre does not hold its content", v.title())
		}
	}
}

func TestShortcutsReachActions(t *testing.T) {
	tests := []struct {
		shortcut fyne.Shortcut
		view     string // view expected afterwards, or "" for a dialog
		title    string // dialog title expected
	}{
		{ctrl(fyne.Key3), "Actors", ""},
		{ctrl(fyne.Key6), "Search", ""},
		{ctrl(fyne.KeyI), "", "Import"},
		{ctrlShift(fyne.KeyI), "", "Import a folder"},
		{ctrl(fyne.KeyF), "Search", ""},
		{ctrl(fyne.KeySlash), "", "Keyboard shortcuts"},
	}
	for _, tt := range tests {
		t.Run(tt.shortcut.ShortcutName(), func(t *testing.T) {
			m, _ := newTestWindow(t, "w")
			m.Window.Canvas().(fyne.Shortcutable).TypedShortcut(tt.shortcut)
			if tt.view != "" {
				if got := m.CurrentView(); got != tt.view {
					t.Errorf("view = %q, want %q", got, tt.view)
				}
				return
			}
			top := m.Window.Canvas().Overlays().Top()
			if top == nil {
				t.Fatal("no dialog opened")
			}
			if !slices.Contains(textsIn(top), tt.title) {
				t.Errorf("dialog texts = %q, want title %q", textsIn(top), tt.title)
			}
		})
	}
}

func TestShortcutsAreUnique(t *testing.T) {
	m, _ := newTestWindow(t, "w")
	seen := map[string]string{}
	for _, a := range m.actions {
		if a.shortcut == nil {
			continue
		}
		if prev, dup := seen[a.shortcut.ShortcutName()]; dup {
			t.Errorf("%s and %s share %s", prev, a.label, shortcutText(a.shortcut))
		}
		seen[a.shortcut.ShortcutName()] = a.label
	}
}

func TestShortcutText(t *testing.T) {
	tests := []struct {
		s    fyne.Shortcut
		want string
	}{
		{&desktopShortcut{fyne.KeyF, fyne.KeyModifierControl}, "Ctrl+F"},
		{&desktopShortcut{fyne.KeyZ, fyne.KeyModifierControl | fyne.KeyModifierShift}, "Ctrl+Shift+Z"},
		{&desktopShortcut{fyne.KeySlash, fyne.KeyModifierSuper}, "Cmd+/"},
		{&desktopShortcut{fyne.Key1, fyne.KeyModifierAlt}, "Alt+1"},
	}
	for _, tt := range tests {
		if got := shortcutText(tt.s); got != tt.want {
			t.Errorf("shortcutText(%s) = %q, want %q", tt.s.ShortcutName(), got, tt.want)
		}
	}
}

func TestWindowSizeRemembered(t *testing.T) {
	a := test.NewTempApp(t)
	ws := newTestWorkspace(t, "w")
	inline := func(f func()) { f() }
	first := newMainWindow(a, ws, inline)
	if got := first.Window.Canvas().Size(); got != defaultSize {
		t.Errorf("first size = %v, want the default %v", got, defaultSize)
	}
	first.Window.Resize(fyne.NewSize(900, 620))
	first.Window.Close()

	second := newMainWindow(a, ws, inline)
	defer second.Window.Close()
	if got := second.Window.Canvas().Size(); got != fyne.NewSize(900, 620) {
		t.Errorf("reopened size = %v, want 900x620", got)
	}
}

func TestSavedSizeHasAFloor(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetFloatList(prefSize, []float64{10, -5})
	if got := savedSize(a.Preferences()); got != minSize {
		t.Errorf("savedSize = %v, want the minimum %v", got, minSize)
	}
}

func TestSavedSizeIgnoresAMalformedPreference(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetFloatList(prefSize, []float64{900})
	if got := savedSize(a.Preferences()); got != defaultSize {
		t.Errorf("savedSize = %v, want the default %v", got, defaultSize)
	}
}

func TestSetMessage(t *testing.T) {
	m, _ := newTestWindow(t, "w")
	m.SetMessage("/srv/cases/w.dossier")
	if m.Message.Text != "/srv/cases/w.dossier" {
		t.Errorf("status message = %q", m.Message.Text)
	}
}

// desktopShortcut is a keyboard shortcut with an explicit modifier, so the
// spelling test does not depend on the platform's command key.
type desktopShortcut struct {
	key fyne.KeyName
	mod fyne.KeyModifier
}

func (s *desktopShortcut) Key() fyne.KeyName     { return s.key }
func (s *desktopShortcut) Mod() fyne.KeyModifier { return s.mod }
func (s *desktopShortcut) ShortcutName() string  { return string(s.key) }

// navRow finds the tappable row of the navigation that shows title, as
// laid out on screen.
func navRow(t *testing.T, m *MainWindow, title string) fyne.Tappable {
	t.Helper()
	for _, o := range test.LaidOutObjects(m.Nav) {
		row, ok := o.(fyne.Tappable)
		if ok && o != fyne.CanvasObject(m.Nav) && o.Visible() && slices.Contains(textsIn(o), title) {
			return row
		}
	}
	t.Fatalf("navigation has no row %q", title)
	return nil
}

// textsIn returns the text of every label and text object under o.
func textsIn(o fyne.CanvasObject) []string {
	if o == nil {
		return nil
	}
	var texts []string
	for _, obj := range test.LaidOutObjects(o) {
		switch v := obj.(type) {
		case *widget.Label:
			texts = append(texts, v.Text)
		case *canvas.Text:
			texts = append(texts, v.Text)
		}
	}
	return texts
}

func closeDialogs(w fyne.Window) {
	overlays := w.Canvas().Overlays()
	for top := overlays.Top(); top != nil; top = overlays.Top() {
		overlays.Remove(top)
	}
}

func TestStatusBarFollowsRescans(t *testing.T) {
	m, _ := newTestWindow(t, "w")
	m.rescanStep(m.ws, workspace.Progress{Done: 3, Total: 12})
	if got, want := m.Background.Text, "Finding names again: 3 of 12 articles"; got != want {
		t.Errorf("status bar = %q, want %q", got, want)
	}
	other := newTestWorkspace(t, "other")
	m.rescanStep(other, workspace.Progress{Done: 1, Total: 2})
	if got := m.Background.Text; got != "Finding names again: 3 of 12 articles" {
		t.Errorf("a scan of another workspace changed the status bar to %q", got)
	}
	m.rescanStep(m.ws, workspace.Progress{Done: 12, Total: 12})
	if m.Background.Text != "" {
		t.Errorf("status bar after the scan = %q, want it empty", m.Background.Text)
	}
}
