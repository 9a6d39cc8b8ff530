package app

import (
	"context"

	"fyne.io/fyne/v2"

	"dossier/workspace"
)

// undoStep is one change the analyst can take back during the session.
type undoStep struct {
	label string // what it did, e.g. "Delete excerpt 12"
	undo  func(ctx context.Context) error
	redo  func(ctx context.Context) error
}

// undoStack keeps the session's undoable changes; a new change clears
// what was undone.
type undoStack struct {
	done, undone []undoStep
}

func (s *undoStack) push(step undoStep) {
	s.done = append(s.done, step)
	s.undone = nil
}

// remember records a change that has just been made.
func (m *MainWindow) remember(step undoStep) {
	m.undo.push(step)
}

// undoLast takes back the last change. In a text field, Ctrl+Z belongs to
// the field: the menu's shortcut comes first in Fyne's desktop driver, so it
// is handed on rather than undoing a change to the workspace by surprise.
func (m *MainWindow) undoLast() {
	if m.typingShortcut(&fyne.ShortcutUndo{}) {
		return
	}
	m.replay(&m.undo.done, &m.undo.undone, "undo", "Undone", "Nothing to undo",
		func(s undoStep) func(context.Context) error { return s.undo })
}

// redoLast makes the last undone change again.
func (m *MainWindow) redoLast() {
	if m.typingShortcut(&fyne.ShortcutRedo{}) {
		return
	}
	m.replay(&m.undo.undone, &m.undo.done, "redo", "Redone", "Nothing to redo",
		func(s undoStep) func(context.Context) error { return s.redo })
}

// replay runs the last step of from and moves it to to. The step leaves
// from at once, so that a second press while the first runs takes the
// step before it rather than the same one again; it goes back if it fails.
func (m *MainWindow) replay(from, to *[]undoStep, verb, done, none string, action func(undoStep) func(context.Context) error) {
	n := len(*from)
	if n == 0 {
		m.SetMessage(none)
		return
	}
	step := (*from)[n-1]
	*from = (*from)[:n-1]
	run := action(step)
	m.background(verb+" "+step.label, func(ctx context.Context) (func(), error) {
		if err := run(ctx); err != nil {
			fyne.Do(func() { *from = append(*from, step) })
			return nil, err
		}
		return func() {
			*to = append(*to, step)
			m.SetMessage(done + ": " + step.label)
			m.changed()
		}, nil
	})
}

// typingShortcut hands s to the focused text field, if there is one, and
// reports whether it did.
func (m *MainWindow) typingShortcut(s fyne.Shortcut) bool {
	// Entries, and the widgets that embed one, have a place holder; the
	// reader and the lists do not.
	field, typing := m.Window.Canvas().Focused().(interface {
		fyne.Shortcutable
		SetPlaceHolder(string)
	})
	if typing {
		field.TypedShortcut(s)
	}
	return typing
}

// deleteItem deletes one item in the background and keeps it for undo;
// label names it for the analyst ("excerpt 12", "actor Marco Rubio").
// after, when set, runs on the UI goroutine once it is gone.
func (m *MainWindow) deleteItem(kind workspace.Kind, id int64, label string, after func()) {
	ws := m.ws
	m.background("delete "+label, func(ctx context.Context) (func(), error) {
		gone, err := ws.Delete(ctx, kind, id)
		if err != nil {
			return nil, err
		}
		return func() {
			step := undoStep{label: "delete " + label}
			step.undo = func(ctx context.Context) error { return ws.Restore(ctx, gone) }
			step.redo = func(ctx context.Context) error {
				again, err := ws.Delete(ctx, kind, id)
				if err == nil {
					fyne.Do(func() { gone = again })
				}
				return err
			}
			m.remember(step)
			m.SetMessage("Deleted " + label + " — Ctrl+Z brings it back")
			if after != nil {
				after()
			}
			m.changed()
		}, nil
	})
}
