package app

import "fyne.io/fyne/v2"

// Preference keys for the window size, so the window reopens as the
// analyst left it.
const (
	prefWidth  = "window.width"
	prefHeight = "window.height"
)

var (
	defaultSize = fyne.NewSize(1200, 760)
	// minSize keeps a bad or stale preference from opening a sliver.
	minSize = fyne.NewSize(640, 400)
)

// restoreSize sizes the window from the preferences and arranges for the
// size to be saved when the window closes or the app quits; quitting from
// the menu or by a signal does not close the window first.
func (m *MainWindow) restoreSize() {
	m.Window.Resize(savedSize(m.app.Preferences()))
	m.Window.SetOnClosed(m.closed)
	m.app.Lifecycle().SetOnStopped(m.rememberSize)
}

func savedSize(p fyne.Preferences) fyne.Size {
	w := p.FloatWithFallback(prefWidth, float64(defaultSize.Width))
	h := p.FloatWithFallback(prefHeight, float64(defaultSize.Height))
	return fyne.NewSize(max(float32(w), minSize.Width), max(float32(h), minSize.Height))
}

func (m *MainWindow) rememberSize() {
	s := m.Window.Canvas().Size()
	if s.Width <= 0 || s.Height <= 0 {
		return
	}
	p := m.app.Preferences()
	p.SetFloat(prefWidth, float64(s.Width))
	p.SetFloat(prefHeight, float64(s.Height))
}

// closed stops the window's background work and remembers its size.
func (m *MainWindow) closed() {
	m.cancel()
	m.rememberSize()
}
