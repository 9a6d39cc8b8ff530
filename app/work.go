package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"dossier/model"
	"dossier/workspace"
)

// background runs work off the UI goroutine, then applies what it returns
// on the UI goroutine; a failure shows as a dialog that says what could
// not be done. This is the one way views read or change the workspace, so
// nothing blocks a frame.
//
// The work is not cancelled when the window closes: it is short, and a
// save under way must reach the workspace, which main closes only once the
// work is done. A result that comes back after the window has switched to
// another workspace is dropped, since it describes the old one.
func (m *MainWindow) background(what string, work func(ctx context.Context) (apply func(), err error)) {
	ws := m.ws
	m.jobs.start()
	m.spawn(func() {
		apply, err := work(context.WithoutCancel(m.ctx))
		// Done before the result is applied: after the window has gone,
		// fyne.Do may never run, and main waits for the work to end.
		m.jobs.done()
		fyne.Do(func() {
			switch {
			case m.ws != ws:
			case errors.Is(err, context.Canceled):
			case err != nil:
				m.showError(what, err)
			case apply != nil:
				apply()
			}
		})
	})
}

// showError tells the analyst in one sentence what failed and why.
func (m *MainWindow) showError(what string, err error) {
	m.SetMessage("Could not " + what)
	dialog.ShowError(errors.New(errorSentence(what, err)), m.Window)
}

// errorSentence turns an error into the sentence a dialog shows: the
// domain message when there is one, else the whole chain.
func errorSentence(what string, err error) string {
	msg := err.Error()
	var me *model.Error
	if errors.As(err, &me) && me.Msg != "" {
		msg = me.Msg
	}
	s := fmt.Sprintf("Could not %s: %s", what, msg)
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// refreshCounts sums up the workspace in the status bar.
func (m *MainWindow) refreshCounts() {
	m.background("count the workspace", func(ctx context.Context) (func(), error) {
		info, err := m.ws.Info(ctx)
		if err != nil {
			return nil, err
		}
		text := countsText(info)
		return func() { m.Counts.SetText(text) }, nil
	})
}

func countsText(info model.WorkspaceInfo) string {
	rows := map[string]int64{}
	for _, t := range info.Tables {
		rows[t.Table] = t.Rows
	}
	return fmt.Sprintf("%d articles · %d excerpts · %d actors · %d documents",
		rows["articles"], rows["excerpts"], rows["actors"], rows["documents"])
}

// watchWorkspace puts the workspace's background scans — names found again
// after an actor or document changed — in the status bar, and their
// failures in a dialog. When a scan ends, the view reads the workspace
// again, since suggestions and highlights may have changed.
func (m *MainWindow) watchWorkspace(ws *workspace.Workspace) {
	if !m.watchRescans {
		return
	}
	ws.OnRescan = func(p workspace.Progress) {
		fyne.Do(func() { m.rescanStep(ws, p) })
	}
	ws.OnRescanError = func(err error) {
		fyne.Do(func() {
			if m.ws == ws {
				m.Background.SetText("")
				m.showError("find the names in the articles again", err)
			}
		})
	}
}

// rescanStep shows one step of a background scan of ws.
func (m *MainWindow) rescanStep(ws *workspace.Workspace, p workspace.Progress) {
	if m.ws != ws {
		return // a scan of a workspace the window has left
	}
	if p.Done < p.Total {
		m.Background.SetText(fmt.Sprintf("Finding names again: %d of %d articles", p.Done, p.Total))
		return
	}
	m.Background.SetText("")
	m.changed()
}
