package export

import (
	"archive/zip"
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"dossier/model"
)

// checkZip looks at a workbook's table of contents before anything is
// unpacked: a zip whose entries claim more than the limit (a zip bomb) or
// that cannot be read (a file cut short) is refused here. archive/zip
// refuses to unpack more than an entry claims, so the claims bound the
// work that follows.
func checkZip(data []byte, name string, lim ListLimits) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return model.Invalidf("%s is not a readable .xlsx workbook: it is damaged or cut short (%v)", name, err)
	}
	if len(zr.File) > lim.Entries {
		return model.Invalidf("%s holds %d files inside; a workbook of lists holds a few dozen, so it is not read", name, len(zr.File))
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > uint64(lim.UnzipBytes) {
			return model.Invalidf("%s would unpack to more than %d MB (it may be a zip bomb), so it is not read", name, lim.UnzipBytes>>20)
		}
	}
	return nil
}

// readWorkbookGrids reads the sheets of a workbook that hold lists: the
// sheets named Actors or Documents (and their continuations, "Actors (2)")
// if there are any, as in a workbook Dossier exported, else every sheet.
func readWorkbookGrids(data []byte, name string, lim ListLimits) (grids []grid, err error) {
	if err := checkZip(data, name, lim); err != nil {
		return nil, err
	}
	// excelize parses what it is given; a panic on a malformed part must
	// not take the application down with it.
	defer func() {
		if p := recover(); p != nil {
			grids, err = nil, model.Invalidf("%s is not a readable .xlsx workbook: it is damaged (%v)", name, p)
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    lim.UnzipBytes,
		UnzipXMLSizeLimit: min(lim.UnzipBytes, 16<<20),
		RawCellValue:      true, // the value, not as a number format shows it
	})
	if err != nil {
		return nil, workbookError(name, err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	var named []string
	for _, s := range sheets {
		if h := sheetHint(s); h == actorList || h == documentList {
			named = append(named, s)
		}
	}
	rows := 0
	for _, s := range sheets {
		if len(named) > 0 && !slices.Contains(named, s) {
			grids = append(grids, grid{name: s, hint: notList}) // noted, not read
			continue
		}
		g, err := readSheet(f, s, name, lim, &rows)
		if err != nil {
			return nil, err
		}
		grids = append(grids, g)
	}
	return grids, nil
}

func workbookError(name string, err error) error {
	if strings.Contains(err.Error(), "unzip size exceeds") {
		return model.Invalidf("%s would unpack to too much data (it may be a zip bomb), so it is not read", name)
	}
	return model.Invalidf("%s is not a readable .xlsx workbook: it is damaged (%v)", name, err)
}

// sheetHint tells a list by its sheet's name: "Actors", "Documents (2)".
func sheetHint(sheet string) listKind {
	s := strings.ToLower(strings.TrimSpace(sheet))
	if i := strings.LastIndex(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
		s = s[:i]
	}
	switch s {
	case "actors", "actor", "people":
		return actorList
	case "documents", "document":
		return documentList
	}
	if otherTable(s) {
		return notList
	}
	return noList
}

// readSheet reads a sheet's rows through excelize's row iterator, within
// the limits; *rows counts the rows read so far over all sheets.
func readSheet(f *excelize.File, sheet, file string, lim ListLimits, rows *int) (grid, error) {
	g := grid{name: sheet, hint: sheetHint(sheet)}
	it, err := f.Rows(sheet)
	if err != nil {
		return g, workbookError(file, err)
	}
	defer it.Close()
	for n := 1; it.Next(); n++ {
		cells, err := it.Columns()
		if err != nil {
			return g, workbookError(file, err)
		}
		if len(cells) > lim.Columns {
			return g, model.Invalidf("%s: row %d of sheet %q has %d cells; a list has far fewer columns, so it is not read", file, n, sheet, len(cells))
		}
		r := gridRow{n: n, cells: cells}
		if r.empty() {
			continue
		}
		if *rows++; *rows > lim.Rows {
			return g, tooManyRows(file, lim)
		}
		g.rows = append(g.rows, r)
	}
	if err := it.Error(); err != nil {
		return g, workbookError(file, err)
	}
	return g, nil
}

func tooManyRows(file string, lim ListLimits) error {
	return model.Invalidf("%s has more than %d rows; split the list and import it in parts", file, lim.Rows)
}

// For messages that name a sheet.
func sheetLabel(g grid) string { return fmt.Sprintf("sheet %q", g.name) }
