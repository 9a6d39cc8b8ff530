package app

import "fyne.io/fyne/v2"

// prefSize keeps the window size, width then height, so that the window
// reopens as the analyst left it. One key rather than two: each change of
// a preference schedules its own save, and at exit a second one can be
// lost.
const prefSize = "window.size"

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
	// Quitting runs the exited-foreground hook on the UI goroutine before
	// the driver stops; the stopped hook can be dropped while it shuts down.
	m.app.Lifecycle().SetOnExitedForeground(m.rememberSize)
	m.app.Lifecycle().SetOnStopped(m.rememberSize)
}

func savedSize(p fyne.Preferences) fyne.Size {
	wh := p.FloatListWithFallback(prefSize, []float64{float64(defaultSize.Width), float64(defaultSize.Height)})
	if len(wh) != 2 {
		return defaultSize
	}
	return fyne.NewSize(max(float32(wh[0]), minSize.Width), max(float32(wh[1]), minSize.Height))
}

func (m *MainWindow) rememberSize() {
	s := m.Window.Canvas().Size()
	if s.Width <= 0 || s.Height <= 0 {
		return
	}
	m.app.Preferences().SetFloatList(prefSize, []float64{float64(s.Width), float64(s.Height)})
}

// closed stops the window's background work and remembers its size.
func (m *MainWindow) closed() {
	m.cancel()
	m.rememberSize()
}
