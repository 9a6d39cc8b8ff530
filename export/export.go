// Package export writes a workspace as the workbook an analyst hands over
// (Excel, through excelize's stream writer) or as CSV files, and reads lists
// of actors and documents back from either. It imports only the model of the
// project: the rows come through a Source, which the workspace provides.
package export

import (
	"context"
	"fmt"
	"strings"

	"dossier/model"
)

// Table names one kind of row the workspace can hand over.
type Table string

// The tables, each a sheet of the workbook and a file of a CSV export.
const (
	Articles  Table = "articles"
	Excerpts  Table = "excerpts"
	Actors    Table = "actors"
	Relations Table = "relations"
	Documents Table = "documents"
	History   Table = "document history"
	Mentions  Table = "mentions"
	Tags      Table = "tags"
)

var allTables = []Table{Articles, Excerpts, Actors, Relations, Documents, History, Mentions, Tags}

// Tables lists every table in the order of the workbook's sheets.
func Tables() []Table { return append([]Table(nil), allTables...) }

// ParseTable reads a table name as an analyst may type it: "Excerpts",
// "document-history", "history".
func ParseTable(s string) (Table, error) {
	w := strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == ' ' || r == '-' || r == '_'
	}), " ")
	if w == "history" || w == "status history" || w == "status events" {
		return History, nil
	}
	for _, t := range allTables {
		if string(t) == w {
			return t, nil
		}
	}
	names := make([]string, len(allTables))
	for i, t := range allTables {
		names[i] = t.FileBase()
	}
	return "", model.Invalidf("unknown table %q; use one of: %s", s, strings.Join(names, ", "))
}

// Sheet is the name of the table's (first) sheet: "Document history".
func (t Table) Sheet() string {
	s := string(t)
	return strings.ToUpper(s[:1]) + s[1:]
}

// FileBase is the table's name in file names: "document-history".
func (t Table) FileBase() string { return strings.ReplaceAll(string(t), " ", "-") }

// FileName is the name of the table's CSV file.
func (t Table) FileName() string { return t.FileBase() + ".csv" }

// Source hands over the rows of a workspace, as one consistent snapshot.
// Each table method calls yield for every row in the order of the sheet and
// stops at the first error yield returns, returning it. The rows passed to
// yield are only valid during the call.
type Source interface {
	// Count is the number of rows the table method will yield, for progress.
	Count(ctx context.Context, t Table) (int, error)
	Articles(ctx context.Context, yield func(*ArticleRow) error) error
	Excerpts(ctx context.Context, yield func(*ExcerptRow) error) error
	Actors(ctx context.Context, yield func(*ActorRow) error) error
	Relations(ctx context.Context, yield func(*RelationRow) error) error
	Documents(ctx context.Context, yield func(*DocumentRow) error) error
	History(ctx context.Context, yield func(*StatusEventRow) error) error
	Mentions(ctx context.Context, yield func(*MentionRow) error) error
	Tags(ctx context.Context, yield func(*TagRow) error) error
	// Summary is asked for by Workbook only, after the tables.
	Summary(ctx context.Context) (Summary, error)
}

// ExcelRows is the most rows an Excel sheet holds, header included.
const ExcelRows = 1_048_576

// Options change how a workbook or CSV export is written.
type Options struct {
	// SheetRows is the most rows a sheet holds, header included; the rest
	// continue on "Excerpts (2)" and so on. 0 means ExcelRows; tests lower it.
	SheetRows int
	// Tables limits the export to these tables; nil means every table.
	Tables []Table
}

func (o Options) sheetRows() int {
	if o.SheetRows <= 1 || o.SheetRows > ExcelRows {
		return ExcelRows
	}
	return o.SheetRows
}

func (o Options) tables() []Table {
	if o.Tables == nil {
		return allTables
	}
	return o.Tables
}

// Progress reports an export under way. It is called from the exporting
// goroutine after every few hundred rows and at the end of each table.
type Progress struct {
	Table Table
	Sheet string // the sheet (or file) being written
	Done  int    // rows written so far, over every table
	Total int    // rows to write, over every table
}

// TableCount is how many rows of a table were written.
type TableCount struct {
	Table Table `json:"table"`
	Rows  int   `json:"rows"`
}

// Report says what an export wrote and what it had to leave out.
type Report struct {
	Tables []TableCount `json:"tables"`
	Sheets []string     `json:"sheets,omitempty"` // workbook sheets, in order
	Files  []string     `json:"files,omitempty"`  // CSV files written
	// CutCells counts the cells whose text was cut at Excel's 32,767
	// characters; the cut is marked in the cell (CSV files keep every
	// character).
	CutCells int `json:"cut_cells"`
	// LinksLeftOut counts the hyperlinks not made because a sheet already
	// had as many as Excel allows (65,530); the cells keep their text.
	LinksLeftOut int `json:"links_left_out"`
}

func (r *Report) count(t Table, n int) {
	for i := range r.Tables {
		if r.Tables[i].Table == t {
			r.Tables[i].Rows += n
			return
		}
	}
	r.Tables = append(r.Tables, TableCount{Table: t, Rows: n})
}

// Rows is the number of rows written of a table.
func (r Report) Rows(t Table) int {
	for _, c := range r.Tables {
		if c.Table == t {
			return c.Rows
		}
	}
	return 0
}

// progressCounter turns rows written into Progress calls.
type progressCounter struct {
	fn          func(Progress)
	done, total int
}

// every is how many rows pass between two progress reports.
const every = 500

func (p *progressCounter) add(t Table, sheet string, n int, force bool) {
	before := p.done
	p.done += n
	if p.fn != nil && (force || p.done/every != before/every) {
		p.fn(Progress{Table: t, Sheet: sheet, Done: p.done, Total: p.total})
	}
}

// countAll asks the source how many rows each table will give.
func countAll(ctx context.Context, src Source, tables []Table) (int, error) {
	total := 0
	for _, t := range tables {
		n, err := src.Count(ctx, t)
		if err != nil {
			return 0, fmt.Errorf("count %s: %w", t, err)
		}
		total += n
	}
	return total, nil
}

// checkTables refuses an unknown table in Options.Tables.
func checkTables(tables []Table) error {
	for _, t := range tables {
		if _, err := ParseTable(string(t)); err != nil {
			return err
		}
	}
	return nil
}
