package app

import (
	"context"

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

// undoLast takes back the last change.
func (m *MainWindow) undoLast() {
	n := len(m.undo.done)
	if n == 0 {
		m.SetMessage("Nothing to undo")
		return
	}
	step := m.undo.done[n-1]
	m.background("undo "+step.label, func(ctx context.Context) (func(), error) {
		if err := step.undo(ctx); err != nil {
			return nil, err
		}
		return func() {
			m.undo.done = m.undo.done[:len(m.undo.done)-1]
			m.undo.undone = append(m.undo.undone, step)
			m.SetMessage("Undone: " + step.label)
			m.changed()
		}, nil
	})
}

// redoLast makes the last undone change again.
func (m *MainWindow) redoLast() {
	n := len(m.undo.undone)
	if n == 0 {
		m.SetMessage("Nothing to redo")
		return
	}
	step := m.undo.undone[n-1]
	m.background("redo "+step.label, func(ctx context.Context) (func(), error) {
		if err := step.redo(ctx); err != nil {
			return nil, err
		}
		return func() {
			m.undo.undone = m.undo.undone[:len(m.undo.undone)-1]
			m.undo.done = append(m.undo.done, step)
			m.SetMessage("Redone: " + step.label)
			m.changed()
		}, nil
	})
}

// deleteItem deletes one item in the background and keeps it for undo;
// label names it for the analyst ("excerpt 12", "actor Marco Rubio").
// after, when set, runs on the UI goroutine once it is gone.
func (m *MainWindow) deleteItem(kind workspace.Kind, id int64, label string, after func()) {
	m.background("delete "+label, func(ctx context.Context) (func(), error) {
		gone, err := m.ws.Delete(ctx, kind, id)
		if err != nil {
			return nil, err
		}
		return func() {
			step := undoStep{label: "delete " + label}
			step.undo = func(ctx context.Context) error { return m.ws.Restore(ctx, gone) }
			step.redo = func(ctx context.Context) error {
				var err error
				gone, err = m.ws.Delete(ctx, kind, id)
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
