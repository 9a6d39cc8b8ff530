package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"dossier/workspace"
)

// exportWorkbook asks where to save and writes the Excel workbook.
func (m *MainWindow) exportWorkbook() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if path, ok := m.savedPath(w, err, ".xlsx"); ok {
			m.exportWorkbookTo(path)
		}
	}, m.Window)
	d.SetTitleText("Export workbook")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	d.SetFileName(workspace.Name(m.ws.Path()) + ".xlsx")
	d.Show()
}

// exportCSV asks for a folder and writes one CSV file per table.
func (m *MainWindow) exportCSV() {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			m.showError("choose a folder for the CSV files", err)
			return
		}
		if dir != nil {
			m.exportCSVTo(dir.Path())
		}
	}, m.Window)
	d.SetTitleText("Export CSV into a folder")
	d.SetConfirmText("Export")
	d.Show()
}

// exportWorkbookTo writes the workbook of the whole workspace to path, in
// a progress dialog. The workbook takes its name only when complete, so a
// cancelled or failed export leaves nothing behind.
func (m *MainWindow) exportWorkbookTo(path string) *progressDialog {
	ws := m.ws
	d := m.newProgressDialog("Export workbook")
	d.run("export the workbook", func(ctx context.Context) (string, error) {
		rep, err := ws.ExportWorkbookFile(ctx, path, workspace.ExportOptions{}, d.exportStep)
		if err != nil {
			return "Export cancelled; no workbook was written.", err
		}
		d.show(func() { d.exportReport(rep) })
		return "Exported the workbook to " + path, nil
	})
	return d
}

// exportCSVTo writes a CSV file per table into dir, in a progress dialog.
func (m *MainWindow) exportCSVTo(dir string) *progressDialog {
	ws := m.ws
	d := m.newProgressDialog("Export CSV")
	d.run("export CSV", func(ctx context.Context) (string, error) {
		rep, err := ws.ExportCSV(ctx, dir, workspace.ExportOptions{}, d.exportStep)
		if err != nil {
			return "Export cancelled.", err
		}
		d.show(func() { d.exportReport(rep) })
		return fmt.Sprintf("Exported %s to %s", plural(len(rep.Files), "CSV file", "CSV files"), dir), nil
	})
	return d
}

// exportStep is called from the export's goroutine as rows are written.
func (d *progressDialog) exportStep(p workspace.ExportProgress) {
	d.show(func() { d.step(p.Done, p.Total, "Writing "+p.Sheet) })
}

// exportReport lists the rows written per table and what Excel's limits
// made the export cut.
func (d *progressDialog) exportReport(rep workspace.ExportReport) {
	for _, t := range rep.Tables {
		d.add(fmt.Sprintf("%s: %s", capitalise(string(t.Table)), plural(t.Rows, "row", "rows")), widget.MediumImportance)
	}
	if rep.CutCells > 0 {
		d.add(fmt.Sprintf("%s cut at Excel's 32,767 characters", plural(rep.CutCells, "cell", "cells")), widget.WarningImportance)
	}
	if rep.LinksLeftOut > 0 {
		d.add(fmt.Sprintf("%s left out past Excel's 65,530 per sheet", plural(rep.LinksLeftOut, "link", "links")), widget.WarningImportance)
	}
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// savedPath takes the path a save dialog chose, with ext added when the
// name lacks it. Fyne's dialog has already created the file, empty (or
// emptied the one the analyst agreed to replace); it is removed again, so
// that the export, backup or workspace written there — whole, under a
// temporary name first — is the only thing ever found at that path.
func (m *MainWindow) savedPath(w fyne.URIWriteCloser, err error, ext string) (string, bool) {
	if err != nil {
		m.showError("choose where to save", err)
		return "", false
	}
	if w == nil {
		return "", false // the analyst cancelled
	}
	path := w.URI().Path()
	w.Close()
	if samePath(path, m.ws.Path()) {
		m.showError("save there", fmt.Errorf("%s is the open workspace; choose another file", path))
		return "", false
	}
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() && st.Size() == 0 {
		os.Remove(path)
	}
	if !strings.EqualFold(filepath.Ext(path), ext) {
		path += ext
	}
	return path, true
}
