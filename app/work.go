package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"dossier/model"
)

// background runs work off the UI goroutine, then applies what it returns
// on the UI goroutine; a failure shows as a dialog that says what could
// not be done. This is the one way views read or change the workspace, so
// nothing blocks a frame.
func (m *MainWindow) background(what string, work func(ctx context.Context) (apply func(), err error)) {
	m.jobs.start()
	m.spawn(func() {
		apply, err := work(m.ctx)
		m.jobs.done()
		fyne.Do(func() {
			switch {
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
