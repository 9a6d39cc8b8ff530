package export

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// CSV files are UTF-8 with a byte order mark (so that Excel reads them as
// UTF-8), quoted as RFC 4180 says, with CRLF line ends. A text cell that
// starts with = + - @, a tab, a carriage return or a line feed would be
// read by a spreadsheet as a formula; it is written with a single quote in
// front (OWASP's advice against CSV injection), and list import takes the
// quote off again.

const bom = "\ufeff"

// csvSink writes a table as CSV.
type csvSink struct {
	ctx    context.Context
	w      *csv.Writer
	table  Table
	cols   []colSpec
	record []string
	rows   int
	prog   *progressCounter
	name   string
}

func newCSVSink(ctx context.Context, w io.Writer, prog *progressCounter, name string) (*csvSink, error) {
	if _, err := io.WriteString(w, bom); err != nil {
		return nil, err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return &csvSink{ctx: ctx, w: cw, prog: prog, name: name}, nil
}

func (c *csvSink) begin(t Table, cols []colSpec) error {
	c.table, c.cols = t, cols
	c.record = make([]string, len(cols))
	for i, col := range cols {
		c.record[i] = col.header
	}
	return c.w.Write(c.record)
}

func (c *csvSink) row(cells []cell) error {
	if c.rows%256 == 0 {
		if err := c.ctx.Err(); err != nil {
			return err
		}
	}
	for i, cl := range cells {
		c.record[i] = csvValue(cl.v, c.cols[i].kind)
	}
	c.rows++
	c.prog.add(c.table, c.name, 1, false)
	return c.w.Write(c.record)
}

func (c *csvSink) end() error {
	c.w.Flush()
	c.prog.add(c.table, c.name, 0, true)
	return c.w.Error()
}

// csvValue writes a value as text: days as 2025-12-01, moments in UTC as
// 2025-12-01T13:45:00Z, text neutralised.
func csvValue(v any, k kind) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return Neutralise(v)
	case time.Time:
		if k == kDate {
			return v.UTC().Format(time.DateOnly)
		}
		return v.UTC().Format(time.RFC3339)
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	}
	return fmt.Sprint(v)
}

// formulaStart reports whether a spreadsheet would read a cell starting
// with s as a formula (or, for tab and line breaks, shift it into one).
func formulaStart(s string) bool {
	return s != "" && strings.IndexByte("=+-@\t\r\n", s[0]) >= 0
}

// neutralised reports whether s is what Neutralise makes of a text: a
// single quote before a formula start, or before another such quote.
func neutralised(s string) bool {
	rest := s
	for strings.HasPrefix(rest, "'") {
		rest = rest[1:]
		if formulaStart(rest) {
			return true
		}
	}
	return false
}

// Neutralise puts a single quote before a text that a spreadsheet would
// read as a formula. A text that already starts with quotes before such a
// character gets one more, so that Unneutralise gives back exactly the
// text: the two are inverses.
func Neutralise(s string) string {
	if formulaStart(s) || neutralised(s) {
		return "'" + s
	}
	return s
}

// Unneutralise takes off the quote that Neutralise put in front.
func Unneutralise(s string) string {
	if neutralised(s) {
		return s[1:]
	}
	return s
}

// CSV writes one table as a CSV file to w.
func CSV(ctx context.Context, w io.Writer, src Source, t Table) (Report, error) {
	if _, err := ParseTable(string(t)); err != nil {
		return Report{}, err
	}
	prog := &progressCounter{}
	report := Report{}
	sink, err := newCSVSink(ctx, w, prog, t.FileName())
	if err != nil {
		return report, err
	}
	if err := writeTable(ctx, sink, src, t); err != nil {
		return report, fmt.Errorf("export %s: %w", t, err)
	}
	report.count(t, sink.rows)
	return report, nil
}

// CSVFiles writes a CSV file per table (articles.csv, excerpts.csv, …)
// into dir, creating it if needed. Every file is written under a temporary
// name first, and all take their names only once all are complete, so a
// failed or cancelled export leaves the folder as it was; files from an
// earlier export are replaced together.
func CSVFiles(ctx context.Context, dir string, src Source, opts Options, progress func(Progress)) (report Report, err error) {
	tables := opts.tables()
	if err := checkTables(tables); err != nil {
		return Report{}, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Report{}, fmt.Errorf("export to %s: %w", dir, err)
	}
	prog := &progressCounter{fn: progress}
	if prog.total, err = countAll(ctx, src, tables); err != nil {
		return Report{}, err
	}
	var temps []string
	defer func() {
		for _, t := range temps {
			os.Remove(t) // gone already once renamed
		}
	}()
	for _, t := range tables {
		temp, n, err := writeCSVFile(ctx, dir, src, t, prog)
		if err != nil {
			return Report{}, fmt.Errorf("export %s: %w", t, err)
		}
		temps = append(temps, temp)
		report.count(t, n)
		report.Files = append(report.Files, t.FileName())
	}
	for i, t := range tables {
		if err := os.Rename(temps[i], filepath.Join(dir, t.FileName())); err != nil {
			return report, fmt.Errorf("export %s: %w", t, err)
		}
	}
	return report, nil
}

// writeCSVFile writes table t to a new temporary file in dir and returns
// its name; the caller gives it its name.
func writeCSVFile(ctx context.Context, dir string, src Source, t Table, prog *progressCounter) (temp string, n int, err error) {
	f, err := os.CreateTemp(dir, "."+t.FileName()+"-*")
	if err != nil {
		return "", 0, err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	sink, err := newCSVSink(ctx, f, prog, t.FileName())
	if err != nil {
		return "", 0, err
	}
	if err := writeTable(ctx, sink, src, t); err != nil {
		return "", 0, err
	}
	// CreateTemp makes the file private; an export is meant to be shared.
	if err := f.Chmod(0o644); err != nil {
		return "", 0, err
	}
	if err := f.Close(); err != nil {
		return "", 0, err
	}
	return f.Name(), sink.rows, nil
}
