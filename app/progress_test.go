package app

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestProgressShowsStepsAndSummary(t *testing.T) {
	m, _ := newTestWindow(t, "w")
	d := m.newProgressDialog("Work")
	if !d.Busy.Visible() || d.Bar.Visible() {
		t.Error("before the amount of work is known the dialog should show the busy bar")
	}
	d.run("do the work", func(ctx context.Context) (string, error) {
		d.show(func() { d.step(1, 4, "first of four") })
		d.show(func() { d.add("one went well", widget.SuccessImportance) })
		return "All done.", nil
	})
	if !d.Bar.Visible() || d.Busy.Visible() || d.Bar.Value != 1 || d.Bar.Max != 4 {
		t.Errorf("bar visible %v at %v of %v, busy visible %v; want the bar at 1 of 4", d.Bar.Visible(), d.Bar.Value, d.Bar.Max, d.Busy.Visible())
	}
	texts := textsIn(m.Window.Canvas().Overlays().Top())
	for _, want := range []string{"Work", "one went well", "All done."} {
		if !slices.Contains(texts, want) {
			t.Errorf("dialog texts %q lack %q", texts, want)
		}
	}
	if m.Message.Text != "All done." {
		t.Errorf("status bar = %q, want the summary", m.Message.Text)
	}
	if d.Button.Text != "Close" || d.Button.Disabled() {
		t.Errorf("button after the work = %q (disabled %v), want Close", d.Button.Text, d.Button.Disabled())
	}
	test.Tap(d.Button)
	if m.Window.Canvas().Overlays().Top() != nil {
		t.Error("Close left the dialog open")
	}
}

func TestProgressAnswersTheKeyboard(t *testing.T) {
	m, _ := newTestWindow(t, "w")
	c := m.Window.Canvas()
	before := 0
	c.SetOnTypedKey(func(*fyne.KeyEvent) { before++ })

	running := m.newProgressDialog("Work")
	running.afterStep = func() {
		if running.Button.Text == "Cancel" {
			c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn}) // not while it runs
			c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
		}
	}
	running.run("do the work", func(ctx context.Context) (string, error) {
		running.show(func() { running.step(1, 2, "") })
		return "Stopped.", ctx.Err()
	})
	if running.Summary.Text != "Stopped." || before != 1 {
		t.Errorf("Escape while running: summary %q, keys passed on %d; want it cancelled and Enter passed on", running.Summary.Text, before)
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if c.Overlays().Top() != nil {
		t.Fatal("Enter did not close the finished dialog")
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyA})
	if before != 2 {
		t.Errorf("after closing, the keys do not reach the window's handler again (%d)", before)
	}
}

func TestProgressCancelStopsWork(t *testing.T) {
	m, _ := newTestWindow(t, "w")
	d := m.newProgressDialog("Work")
	d.afterStep = func() {
		if d.Button.Text == "Cancel" {
			test.Tap(d.Button)
		}
	}
	steps := 0
	d.run("do the work", func(ctx context.Context) (string, error) {
		for i := range 10 {
			if ctx.Err() != nil {
				return "Stopped.", ctx.Err()
			}
			steps++
			d.show(func() { d.step(i+1, 10, "") })
		}
		return "All done.", nil
	})
	if steps != 1 {
		t.Errorf("work went on for %d steps after Cancel, want 1", steps)
	}
	if d.Summary.Text != "Stopped." || d.Button.Text != "Close" {
		t.Errorf("after Cancel: summary %q, button %q", d.Summary.Text, d.Button.Text)
	}
}

func TestProgressErrorIsOneSentence(t *testing.T) {
	m, _ := newTestWindow(t, "w")
	d := m.newProgressDialog("Work")
	d.run("write the file", func(ctx context.Context) (string, error) {
		return "", errors.New("the disk is full")
	})
	texts := strings.Join(textsIn(m.Window.Canvas().Overlays().Top()), "\n")
	if !strings.Contains(texts, "Could not write the file: the disk is full.") {
		t.Errorf("dialog texts = %q, want the error sentence", texts)
	}
	if slices.Contains(textsIn(m.Window.Canvas().Overlays().Top()), "Work") {
		t.Error("the progress dialog stayed open under the error")
	}
}
