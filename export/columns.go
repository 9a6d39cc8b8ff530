package export

import (
	"context"
	"strings"
	"time"
)

// kind says how a column's values are written and how wide it is.
type kind int

const (
	kText     kind = iota // short text; the width fits the content
	kLongText             // quotes and notes: wrapped in a wide column
	kBody                 // an article's text: a wide column, not wrapped, or rows would be pages tall
	kNumber               // a whole number
	kDate                 // a day
	kDateTime             // a moment, in UTC
	kURL                  // a web address, made a hyperlink
	kEnum                 // one of a list, offered by data validation
)

// column is one column of a table: its header in plain words and how a row
// gives its value (string, int, int64, time.Time, or nil for an empty cell).
type column[R any] struct {
	header string
	kind   kind
	value  func(*R) any
	// link, when set, makes the cell a hyperlink to what it returns.
	link func(*R) target
	// list holds the values data validation offers; strict refuses others
	// (a closed set such as a status), else any text is accepted.
	list   []string
	strict bool
}

// target is where a hyperlink leads: a web address, or a row of another
// table of the same workbook (row is the 1-based position among its rows).
type target struct {
	url   string
	table Table
	row   int
}

// tableDef is a table's columns, in the order of the sheet.
type tableDef[R any] struct {
	table Table
	cols  []column[R]
}

// colSpec is what the writers need to know of a column, whatever its row type.
type colSpec struct {
	header string
	kind   kind
	list   []string
	strict bool
	linked bool
}

// cell is one value on its way to a sheet or a file.
type cell struct {
	v    any
	link target
}

func (d tableDef[R]) specs() []colSpec {
	out := make([]colSpec, len(d.cols))
	for i, c := range d.cols {
		out[i] = colSpec{header: c.header, kind: c.kind, list: c.list, strict: c.strict, linked: c.link != nil}
	}
	return out
}

// cells fills buf with the row's values.
func (d tableDef[R]) cells(r *R, buf []cell) []cell {
	for i, c := range d.cols {
		buf[i] = cell{v: c.value(r)}
		if c.link != nil {
			buf[i].link = c.link(r)
		}
	}
	return buf
}

// rowSink receives a table: the columns, then every row, then the end.
// The cells passed to row are reused for the next row.
type rowSink interface {
	begin(t Table, cols []colSpec) error
	row(cells []cell) error
	end() error
}

// pump feeds every row of a table from its source into a sink.
func pump[R any](ctx context.Context, sink rowSink, def tableDef[R], rows func(context.Context, func(*R) error) error) error {
	if err := sink.begin(def.table, def.specs()); err != nil {
		return err
	}
	buf := make([]cell, len(def.cols))
	if err := rows(ctx, func(r *R) error { return sink.row(def.cells(r, buf)) }); err != nil {
		return err
	}
	return sink.end()
}

// writeTable sends one table of the source into a sink.
func writeTable(ctx context.Context, sink rowSink, src Source, t Table) error {
	switch t {
	case Articles:
		return pump(ctx, sink, articleTable, src.Articles)
	case Excerpts:
		return pump(ctx, sink, excerptTable, src.Excerpts)
	case Actors:
		return pump(ctx, sink, actorTable, src.Actors)
	case Relations:
		return pump(ctx, sink, relationTable, src.Relations)
	case Documents:
		return pump(ctx, sink, documentTable, src.Documents)
	case History:
		return pump(ctx, sink, historyTable, src.History)
	case Mentions:
		return pump(ctx, sink, mentionTable, src.Mentions)
	case Tags:
		return pump(ctx, sink, tagTable, src.Tags)
	}
	_, err := ParseTable(string(t))
	return err
}

// Helpers that turn fields into cell values; an empty field is an empty cell.

func text(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func id(n int64) any {
	if n == 0 {
		return nil
	}
	return n
}

func moment(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

// joined shows a list in one cell; "; " is what list import splits on.
func joined(list []string) any { return text(strings.Join(list, ListSeparator+" ")) }

func yes(b bool) any {
	if b {
		return "yes"
	}
	return "no"
}

// words turns a list of enumeration values into the strings they are.
func words[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

// ListSeparator separates the items of a list in one cell (aliases,
// parties, tags), on export and on import.
const ListSeparator = ";"
