package app

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// progressDialog shows long work — an import, an export, a backup — while
// it runs: a bar, what is being done now, a line per result as it comes,
// and Cancel. When the work ends it says how it went, and Cancel becomes
// Close. Imports, exports and backups all run through it, so they stop,
// fail and report alike.
type progressDialog struct {
	m      *MainWindow
	dialog *dialog.CustomDialog
	// ctx is the work's own context: Cancel ends it, and so does closing
	// the window, whose context it derives from.
	ctx    context.Context
	cancel context.CancelFunc

	Bar *widget.ProgressBar
	// Busy stands in for the bar while the amount of work is unknown.
	Busy    *widget.ProgressBarInfinite
	Current *widget.Label
	Results *widget.List
	Summary *widget.Label
	Button  *widget.Button // Cancel while the work runs, Close after

	lines    []progressLine
	finished bool
	// keysBefore is the canvas's key handler while the dialog is open,
	// given back when it closes.
	keysBefore func(*fyne.KeyEvent)
	// afterStep, when set, runs on the UI goroutine after each update the
	// work sends; tests use it to cancel part-way through.
	afterStep func()
}

// progressLine is one result in the list, coloured by the theme after how
// it went, so it reads well in light and dark mode alike.
type progressLine struct {
	text       string
	importance widget.Importance
}

// newProgressDialog opens the dialog, titled title, in its running state.
func (m *MainWindow) newProgressDialog(title string) *progressDialog {
	d := &progressDialog{m: m}
	d.ctx, d.cancel = context.WithCancel(m.ctx)
	d.Bar = widget.NewProgressBar()
	d.Bar.Hide()
	d.Busy = widget.NewProgressBarInfinite()
	d.Current = widget.NewLabel("Starting…")
	d.Current.Truncation = fyne.TextTruncateEllipsis
	d.Results = widget.NewList(d.lineCount, newProgressRow, d.showLine)
	d.Summary = widget.NewLabel("")
	d.Summary.Wrapping = fyne.TextWrapWord
	d.Button = widget.NewButton("Cancel", d.tapped)

	top := container.NewVBox(container.NewStack(d.Bar, d.Busy), d.Current)
	content := container.NewBorder(top, d.Summary, nil, nil, d.Results)
	d.dialog = dialog.NewCustomWithoutButtons(title, content, m.Window)
	d.dialog.SetButtons([]fyne.CanvasObject{d.Button})
	d.dialog.Resize(fyne.NewSize(640, 440))
	d.dialog.Show()
	d.takeKeys()
	return d
}

// takeKeys lets the keyboard answer the dialog: Escape cancels the work or
// closes the finished dialog, and Enter closes it too once the work is
// done. Other keys go where they went before.
func (d *progressDialog) takeKeys() {
	c := d.m.Window.Canvas()
	d.keysBefore = c.OnTypedKey()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch {
		case ev.Name == fyne.KeyEscape && d.Button.Disabled():
		case ev.Name == fyne.KeyEscape,
			d.finished && (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter):
			d.tapped()
		case d.keysBefore != nil:
			d.keysBefore(ev)
		}
	})
}

// close hides the dialog and gives the keys back.
func (d *progressDialog) close() {
	d.m.Window.Canvas().SetOnTypedKey(d.keysBefore)
	d.dialog.Hide()
}

func newProgressRow() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func (d *progressDialog) lineCount() int { return len(d.lines) }

func (d *progressDialog) showLine(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(d.lines) {
		return
	}
	l := o.(*widget.Label)
	l.Importance = d.lines[id].importance
	l.SetText(d.lines[id].text)
}

// run does work in the background under the dialog. work sends updates
// with show; it returns the sentence that sums up what it did, also when
// it was cancelled (then with the context's error). Any other error closes
// the dialog and says, in one sentence, that what could not be done.
func (d *progressDialog) run(what string, work func(ctx context.Context) (summary string, err error)) {
	d.m.background(what, func(context.Context) (func(), error) {
		defer d.cancel()
		summary, err := work(d.ctx)
		return func() { d.end(what, summary, err) }, nil
	})
}

// show runs update on the UI goroutine; the work calls it from its own.
func (d *progressDialog) show(update func()) {
	fyne.Do(func() {
		update()
		if d.afterStep != nil {
			d.afterStep()
		}
	})
}

// step moves the bar to done of total (unknown when total is 0) and says
// what is being done now.
func (d *progressDialog) step(done, total int, current string) {
	if total > 0 {
		d.Busy.Stop()
		d.Busy.Hide()
		d.Bar.Max = float64(total)
		d.Bar.SetValue(float64(done))
		d.Bar.Show()
	}
	if current != "" {
		d.Current.SetText(current)
	}
}

// add puts a result at the end of the list and keeps it in sight.
func (d *progressDialog) add(text string, importance widget.Importance) {
	d.lines = append(d.lines, progressLine{text, importance})
	d.Results.Refresh()
	d.Results.ScrollToBottom()
}

// setLines replaces the list, when the work's final word differs from
// what it reported on the way.
func (d *progressDialog) setLines(lines []progressLine) {
	d.lines = lines
	d.Results.Refresh()
}

func (d *progressDialog) tapped() {
	if d.finished {
		d.close()
		return
	}
	d.cancel()
	d.Button.SetText("Cancelling…")
	d.Button.Disable()
}

// end shows how the work went, in the dialog and the status bar.
func (d *progressDialog) end(what string, summary string, err error) {
	if err != nil && !errors.Is(err, context.Canceled) {
		d.close()
		d.m.showError(what, err)
		return
	}
	if summary == "" {
		summary = "Cancelled."
	}
	d.finished = true
	d.Busy.Stop()
	d.Busy.Hide()
	d.Current.SetText("")
	d.Summary.SetText(summary)
	d.Button.SetText("Close")
	d.Button.Enable()
	d.m.SetMessage(summary)
}
