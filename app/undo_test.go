package app

import (
	"context"
	"errors"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
	"dossier/workspace"
)

// undoExcerpt makes an article with one excerpt in m's workspace.
func undoExcerpt(t *testing.T, m *MainWindow) model.Excerpt {
	t.Helper()
	ctx := context.Background()
	a := model.Article{Title: "Talks", Body: "Delegations met in Miami."}
	if err := m.ws.CreateArticle(ctx, &a); err != nil {
		t.Fatal(err)
	}
	e, err := m.ws.ExcerptAt(ctx, a.ID, model.Span{Start: 0, End: 11})
	if err != nil {
		t.Fatal(err)
	}
	if err := m.ws.CreateExcerpt(ctx, &e); err != nil {
		t.Fatal(err)
	}
	return e
}

func undoExists(t *testing.T, ws *workspace.Workspace, id int64) bool {
	t.Helper()
	_, err := ws.Excerpt(context.Background(), id)
	if err != nil && !errors.Is(err, model.ErrNotFound) {
		t.Fatal(err)
	}
	return err == nil
}

func TestUndoAndRedoADelete(t *testing.T) {
	m, _ := newTestWindow(t, "w")
	e := undoExcerpt(t, m)
	m.deleteItem(workspace.KindExcerpt, e.ID, "excerpt", nil)
	if undoExists(t, m.ws, e.ID) {
		t.Fatal("the excerpt is still there after the delete")
	}
	m.undoLast()
	if !undoExists(t, m.ws, e.ID) {
		t.Fatalf("Ctrl+Z did not bring the excerpt back (status: %q)", m.Message.Text)
	}
	m.redoLast()
	if undoExists(t, m.ws, e.ID) {
		t.Fatal("Ctrl+Shift+Z did not delete it again")
	}
	m.undoLast()
	if !undoExists(t, m.ws, e.ID) {
		t.Fatal("a second Ctrl+Z did not bring it back from the redone delete")
	}
	m.undoLast()
	if m.Message.Text != "Nothing to undo" {
		t.Errorf("status after the stack is empty = %q", m.Message.Text)
	}
}

func TestUndoInATextFieldUndoesTheTyping(t *testing.T) {
	m, _ := newTestWindow(t, "w")
	e := undoExcerpt(t, m)
	m.deleteItem(workspace.KindExcerpt, e.ID, "excerpt", nil)
	entry := widget.NewEntry()
	m.Window.SetContent(entry)
	m.Window.Canvas().Focus(entry)
	test.Type(entry, "Miami")
	m.undoLast()
	if undoExists(t, m.ws, e.ID) {
		t.Error("Ctrl+Z in a text field brought back a deleted excerpt")
	}
	if len(m.undo.done) != 1 {
		t.Errorf("the undo stack holds %d steps, want the delete still there", len(m.undo.done))
	}
	if entry.Text == "Miami" {
		t.Error("Ctrl+Z did not reach the text field")
	}
}

func TestUndoStepLeavesTheStackWhileItRuns(t *testing.T) {
	m, _ := newTestWindow(t, "w")
	var queued []func()
	m.spawn = func(f func()) { queued = append(queued, f) }
	ran := 0
	m.remember(undoStep{label: "one", undo: func(context.Context) error { ran++; return nil }})
	m.undoLast()
	m.undoLast() // a second press before the first has run
	for _, f := range queued {
		f()
	}
	if ran != 1 {
		t.Errorf("the step ran %d times, want once", ran)
	}
	if len(m.undo.done) != 0 || len(m.undo.undone) != 1 {
		t.Errorf("stacks after undo: %d done, %d undone; want 0 and 1", len(m.undo.done), len(m.undo.undone))
	}
}

func TestFailedUndoKeepsTheStep(t *testing.T) {
	m, _ := newTestWindow(t, "w")
	m.remember(undoStep{label: "one", undo: func(context.Context) error { return model.Conflictf("its number has been taken") }})
	m.undoLast()
	closeDialogs(m.Window)
	if len(m.undo.done) != 1 || len(m.undo.undone) != 0 {
		t.Errorf("stacks after a failed undo: %d done, %d undone; want the step back", len(m.undo.done), len(m.undo.undone))
	}
}

func TestBackgroundResultForAnotherWorkspaceIsDropped(t *testing.T) {
	m, _ := newTestWindow(t, "w")
	var queued []func()
	m.spawn = func(f func()) { queued = append(queued, f) }
	applied := false
	m.background("read", func(context.Context) (func(), error) { return func() { applied = true }, nil })
	m.ws = newTestWorkspace(t, "other") // as a switch does
	for _, f := range queued {
		f()
	}
	if applied {
		t.Error("a result read from the old workspace was applied after the switch")
	}
}
