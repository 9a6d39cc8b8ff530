package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/widget"

	"dossier/export"
	"dossier/workspace"
)

// exportWorkbook asks where to save and writes the Excel workbook.
func (m *MainWindow) exportWorkbook() {
	m.askPath(pathRequest{
		title:   "Export workbook",
		confirm: "Export",
		hint:    "Where to save the Excel workbook of the whole workspace.",
		kind:    saveFile,
		ext:     ".xlsx",
		name:    workspace.Name(m.ws.Path()) + ".xlsx",
		chosen:  func(path string) { m.exportWorkbookTo(path) },
	})
}

// exportCSV asks for a folder and writes one CSV file per table.
func (m *MainWindow) exportCSV() {
	m.askPath(pathRequest{
		title:    "Export CSV",
		confirm:  "Export",
		hint:     "The folder to write a CSV file per table into (articles.csv, excerpts.csv, …).",
		kind:     openFolder,
		replaces: csvFilesIn,
		chosen:   func(dir string) { m.exportCSVTo(dir) },
	})
}

// csvFilesIn lists the CSV files of an earlier export in dir, which a new
// one replaces.
func csvFilesIn(dir string) []string {
	var found []string
	for _, t := range export.Tables() {
		if path := filepath.Join(dir, t.FileName()); exists(path) {
			found = append(found, path)
		}
	}
	return found
}

// exportWorkbookTo writes the workbook of the whole workspace to path, in
// a progress dialog. The workbook takes its name only when complete, so a
// cancelled or failed export leaves nothing behind, and leaves a file it
// was to replace as it was.
func (m *MainWindow) exportWorkbookTo(path string) *progressDialog {
	d := m.newProgressDialog("Export workbook")
	m.runWorkbookExport(d, path)
	return d
}

// runWorkbookExport is the work behind the export dialog. A file already
// at path is replaced only by the finished workbook.
func (m *MainWindow) runWorkbookExport(d *progressDialog, path string) {
	ws := m.ws
	d.run("export the workbook", func(ctx context.Context) (string, error) {
		rep, err := ws.ExportWorkbookFile(ctx, path, workspace.ExportOptions{}, d.exportStep)
		if err != nil {
			return "Export cancelled; no workbook was written.", err
		}
		d.show(func() { d.exportReport(rep) })
		return "Exported the workbook to " + path, nil
	})
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
		return fmt.Sprintf("Exported %s to %s", counted(len(rep.Files), "CSV file", "CSV files"), dir), nil
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
		d.add(fmt.Sprintf("%s: %s", capitalise(string(t.Table)), counted(t.Rows, "row", "rows")), widget.MediumImportance)
	}
	if rep.CutCells > 0 {
		d.add(fmt.Sprintf("%s cut at Excel's 32,767 characters", counted(rep.CutCells, "cell", "cells")), widget.WarningImportance)
	}
	if rep.LinksLeftOut > 0 {
		d.add(fmt.Sprintf("%s left out past Excel's 65,530 per sheet", counted(rep.LinksLeftOut, "link", "links")), widget.WarningImportance)
	}
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
