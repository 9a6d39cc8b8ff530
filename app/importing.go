package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
	"dossier/workspace"
)

// importFiles asks for the path of a file or a folder and imports it,
// with progress. Browse… picks a file; files dropped on the window come
// in many at once.
func (m *MainWindow) importFiles() {
	m.askPath(m.importRequest("Import", false))
}

// importFolder is the same dialog, its Browse… picking a folder.
func (m *MainWindow) importFolder() {
	m.askPath(m.importRequest("Import a folder", true))
}

func (m *MainWindow) importRequest(title string, folders bool) pathRequest {
	return pathRequest{
		title:         title,
		confirm:       "Import",
		hint:          "A file to import, or a folder to import every article in it.",
		kind:          openFileOrFolder,
		browseFolders: folders,
		chosen:        func(path string) { m.importPaths([]string{path}) },
	}
}

// importDropped imports the files and folders dropped on the window.
func (m *MainWindow) importDropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	if len(paths) == 0 {
		m.SetMessage("Only files and folders can be imported; drop them from the file manager")
		return
	}
	m.importPaths(paths)
}

// importPaths imports files and folders in the background, in a progress
// dialog that lists what became of each file.
func (m *MainWindow) importPaths(paths []string) *progressDialog {
	d := m.newProgressDialog("Import")
	m.runImport(d, paths)
	return d
}

// runImport is the work behind the import dialog. Cancel, or closing the
// window, stops it before the next file: each article is stored whole in
// its own transaction, so the workspace never holds half of one.
func (m *MainWindow) runImport(d *progressDialog, paths []string) {
	ws := m.ws
	d.run("import", func(ctx context.Context) (string, error) {
		total := 0
		results, err := ws.Import(ctx, paths, func(p workspace.Progress) {
			total = p.Total
			d.show(func() { d.importStep(p) })
		})
		lines := make([]progressLine, len(results))
		for i, r := range results {
			lines[i] = importLine(r)
		}
		d.show(func() {
			// The final list also holds the paths that could not be
			// listed at all, which no step reported.
			d.setLines(lines)
			d.m.changed()
			if id := firstImported(results); id != 0 {
				d.m.articles.show(id, model.Span{})
			}
		})
		return importSummary(results, total, errors.Is(err, context.Canceled)), err
	})
}

// firstImported is the first article an import brought in, which the
// window opens for reading, or 0.
func firstImported(results []workspace.ImportResult) int64 {
	for _, r := range results {
		if r.Status == workspace.Imported {
			return r.ArticleID
		}
	}
	return 0
}

func (d *progressDialog) importStep(p workspace.Progress) {
	current := counted(p.Total, "file", "files") + " to read…"
	if p.Current != "" {
		current = fmt.Sprintf("%d of %d files · %s", p.Done, p.Total, filepath.Base(p.Current))
	}
	d.step(p.Done, p.Total, current)
	if p.Result != nil {
		line := importLine(*p.Result)
		d.add(line.text, line.importance)
	}
}

// importLine says what became of one file: imported, a duplicate of
// which article, or refused and why.
func importLine(r workspace.ImportResult) progressLine {
	name := filepath.Base(r.Path)
	switch r.Status {
	case workspace.Imported:
		return progressLine{name + ": imported as " + r.Detail, widget.SuccessImportance}
	case workspace.Duplicate:
		return progressLine{name + ": " + r.Detail, widget.WarningImportance}
	default:
		return progressLine{name + ": refused: " + r.Detail, widget.DangerImportance}
	}
}

// importSummary sums up an import in a sentence for the dialog and the
// status bar.
func importSummary(results []workspace.ImportResult, total int, cancelled bool) string {
	counts := map[workspace.ImportStatus]int{}
	for _, r := range results {
		counts[r.Status]++
	}
	var parts []string
	if n := counts[workspace.Imported]; n > 0 || len(results) == 0 {
		parts = append(parts, fmt.Sprintf("%d imported", n))
	}
	if n := counts[workspace.Duplicate]; n > 0 {
		parts = append(parts, counted(n, "duplicate", "duplicates"))
	}
	if n := counts[workspace.Refused]; n > 0 {
		parts = append(parts, fmt.Sprintf("%d refused", n))
	}
	outcome := strings.Join(parts, ", ")
	if cancelled {
		return fmt.Sprintf("Import cancelled after %d of %s: %s.", len(results), counted(total, "file", "files"), outcome)
	}
	return fmt.Sprintf("Import done, %s: %s.", counted(len(results), "file", "files"), outcome)
}

// pasteForm is the Paste as article dialog.
type pasteForm struct {
	Title *widget.Entry
	// Text takes the article's text. It does not wrap: a word-wrapped
	// multi-line entry freezes on a long article.
	Text   *widget.Entry
	dialog *dialog.FormDialog
}

// pasteArticle makes an article of pasted text; the text starts as what
// the clipboard holds.
func (m *MainWindow) pasteArticle() {
	f := m.newPasteForm()
	f.Text.SetText(m.app.Clipboard().Content())
	f.dialog.Show()
}

func (m *MainWindow) newPasteForm() *pasteForm {
	f := &pasteForm{Title: widget.NewEntry(), Text: widget.NewMultiLineEntry()}
	f.Title.SetPlaceHolder("The text's first line when left empty")
	f.Text.Wrapping = fyne.TextWrapOff
	f.Text.SetPlaceHolder("Paste the article's text here")
	f.Text.SetMinRowsVisible(12)
	items := []*widget.FormItem{
		widget.NewFormItem("Title", f.Title),
		widget.NewFormItem("Text", f.Text),
	}
	f.dialog = dialog.NewForm("Paste as article", "Import", "Cancel", items, func(ok bool) {
		if ok {
			m.importPasted(f.Title.Text, f.Text.Text)
		}
	}, m.Window)
	f.dialog.Resize(fyne.NewSize(760, 520))
	return f
}

// errNoText refuses a paste with nothing in it before the workspace is asked.
var errNoText = errors.New("there is no text; paste the article's text, then try again")

// importPasted stores text as an article, titled title when one is given,
// and shows it.
func (m *MainWindow) importPasted(title, text string) {
	if strings.TrimSpace(text) == "" {
		m.showError("paste as article", errNoText)
		return
	}
	ws := m.ws
	title = strings.TrimSpace(title)
	m.background("paste as article", func(ctx context.Context) (func(), error) {
		r, err := ws.ImportText(ctx, "pasted text", text)
		if err != nil {
			return nil, err
		}
		if r.Status == workspace.Imported && title != "" {
			if err := retitle(ctx, ws, r.ArticleID, title); err != nil {
				return nil, fmt.Errorf("the text became article %d, but its title could not be set: %w", r.ArticleID, err)
			}
		}
		return func() {
			m.SetMessage(pasteMessage(r))
			m.changed()
			m.articles.show(r.ArticleID, model.Span{})
		}, nil
	})
}

func retitle(ctx context.Context, ws *workspace.Workspace, id int64, title string) error {
	a, err := ws.Article(ctx, id)
	if err != nil {
		return err
	}
	a.Title = title
	return ws.UpdateArticle(ctx, &a)
}

func pasteMessage(r workspace.ImportResult) string {
	if r.Status == workspace.Duplicate {
		return "Already in the workspace: " + r.Detail
	}
	return fmt.Sprintf("Pasted as article %d", r.ArticleID)
}
