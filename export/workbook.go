package export

import (
	"context"
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// workbook is an xlsx export under way.
type workbook struct {
	ctx    context.Context
	f      *excelize.File
	st     styles
	rows   int // per sheet, header included
	inBook map[Table]bool
	links  map[string][]hyperlink // by sheet
	// spare is excelize's first, empty sheet when no Summary takes it:
	// the first table's sheet takes it instead (deleting it afterwards, or
	// choosing the active sheet, would make excelize read back every
	// streamed sheet).
	spare  string
	report Report
	prog   progressCounter
}

// summarySheet is the first sheet of a full workbook.
const summarySheet = "Summary"

// Workbook writes the workbook an analyst hands over to w: a Summary
// sheet, then a sheet per table (Articles, Excerpts, Actors, Relations,
// Documents, Document history, Mentions, Tags, or those in opts.Tables).
// Rows stream from the source to the sheets and through temporary files,
// so memory stays flat however many rows there are. progress, when not
// nil, is called from this goroutine. Cancelling ctx stops the export; w
// receives nothing until every row is read, and the workbook is then
// written to it in one go.
func Workbook(ctx context.Context, w io.Writer, src Source, opts Options, progress func(Progress)) (Report, error) {
	return writeBook(ctx, w, src, opts, progress, true)
}

// View writes one table as a workbook of its own: one sheet (more if it
// has more rows than a sheet holds), no summary. Rows that would link to
// an article's row link to its web address instead.
func View(ctx context.Context, w io.Writer, src Source, t Table, opts Options) (Report, error) {
	opts.Tables = []Table{t}
	return writeBook(ctx, w, src, opts, nil, false)
}

func writeBook(ctx context.Context, w io.Writer, src Source, opts Options, progress func(Progress), summary bool) (Report, error) {
	tables := opts.tables()
	if err := checkTables(tables); err != nil {
		return Report{}, err
	}
	f := excelize.NewFile()
	defer f.Close()
	wb, err := newWorkbook(ctx, f, opts, progress)
	if err != nil {
		return Report{}, err
	}
	if !summary {
		wb.spare = f.GetSheetName(0)
	}
	if wb.prog.total, err = countAll(ctx, src, tables); err != nil {
		return Report{}, err
	}
	for _, t := range tables {
		if err := writeTable(ctx, &sheetWriter{wb: wb}, src, t); err != nil {
			return wb.report, fmt.Errorf("export %s: %w", t, err)
		}
	}
	if summary {
		if err := wb.summary(ctx, src, tables); err != nil {
			return wb.report, err
		}
	}
	return wb.report, wb.save(w)
}

func newWorkbook(ctx context.Context, f *excelize.File, opts Options, progress func(Progress)) (*workbook, error) {
	st, err := newStyles(f)
	if err != nil {
		return nil, err
	}
	wb := &workbook{ctx: ctx, f: f, st: st, rows: opts.sheetRows(), inBook: map[Table]bool{},
		links: map[string][]hyperlink{}, prog: progressCounter{fn: progress}}
	for _, t := range opts.tables() {
		wb.inBook[t] = true
	}
	return wb, nil
}

// summary writes the Summary sheet in place of excelize's first, empty
// sheet, which stays first.
func (wb *workbook) summary(ctx context.Context, src Source, tables []Table) error {
	if err := wb.f.SetSheetName(wb.f.GetSheetName(0), summarySheet); err != nil {
		return err
	}
	s, err := src.Summary(ctx)
	if err != nil {
		return fmt.Errorf("export summary: %w", err)
	}
	if err := wb.writeSummary(s, tables); err != nil {
		return fmt.Errorf("export summary: %w", err)
	}
	wb.report.Sheets = append([]string{summarySheet}, wb.report.Sheets...)
	return nil
}

// rowPlace is the reference to the first cell of a table's n-th row
// (1-based), on whichever of its sheets the row landed.
func (wb *workbook) rowPlace(t Table, n int) string {
	per := wb.rows - 1
	part := (n-1)/per + 1
	row := (n-1)%per + 2
	return quoteSheet(sheetName(t, part)) + "!A" + strconv.Itoa(row)
}

// save writes the finished workbook to w, entry by entry as excelize
// produces it, with the hyperlinks added on the way (see linkingZip).
func (wb *workbook) save(w io.Writer) error {
	if err := wb.ctx.Err(); err != nil {
		return err
	}
	lz, err := newLinkingZip(w, wb.links, sheetParts(wb.f.GetSheetMap()))
	if err != nil {
		return fmt.Errorf("save workbook: %w", err)
	}
	wb.f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return lz })
	// excelize writes through lz; what it would write to its argument is
	// an empty buffer.
	if _, err := wb.f.WriteTo(io.Discard); err != nil {
		return fmt.Errorf("save workbook: %w", err)
	}
	return nil
}
