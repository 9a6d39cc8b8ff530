package export

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// sampleRows is how many rows are held back to fit the column widths to:
// the stream writer needs the widths before the first row, and holding a
// few hundred rows keeps memory flat however long the table is.
const sampleRows = 200

// maxLinks is the most hyperlinks Excel keeps on one sheet (a variable so
// that a test can lower it).
var maxLinks = 65_530

// sheetWriter streams one table into its sheet, and on into "Excerpts (2)"
// and so on when the table has more rows than a sheet holds.
type sheetWriter struct {
	wb     *workbook
	table  Table
	cols   []colSpec
	names  []string // column letters
	widths []float64
	sample [][]cell // rows held back until the widths are known
	values []any    // the row being written, reused

	part  int    // 1 for the first sheet of the table
	name  string // of the current sheet
	sw    *excelize.StreamWriter
	line  int // last row written on the current sheet, the header being 1
	links []hyperlink
	total int // data rows written over all sheets of the table
}

// hyperlink is a link to add to a cell once the sheet is written.
type hyperlink struct {
	ref      string // the cell, "C17"
	url      string // a web address, or
	location string // a place in the workbook, "Articles!A17"
}

func (s *sheetWriter) begin(t Table, cols []colSpec) error {
	s.table, s.cols = t, cols
	s.values = make([]any, len(cols))
	s.names = make([]string, len(cols))
	for i := range cols {
		name, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		s.names[i] = name
	}
	return nil
}

func (s *sheetWriter) row(cells []cell) error {
	if (s.total+len(s.sample))%256 == 0 {
		if err := s.wb.ctx.Err(); err != nil {
			return err
		}
	}
	if s.widths == nil {
		s.sample = append(s.sample, slices.Clone(cells))
		if len(s.sample) < sampleRows {
			return nil
		}
		return s.release()
	}
	return s.write(cells)
}

// release fits the column widths to the rows held back, then writes them.
func (s *sheetWriter) release() error {
	s.widths = fitWidths(s.cols, s.sample)
	held := s.sample
	s.sample = nil
	for _, cells := range held {
		if err := s.write(cells); err != nil {
			return err
		}
	}
	return nil
}

func (s *sheetWriter) end() error {
	if s.widths == nil {
		if err := s.release(); err != nil {
			return err
		}
	}
	if s.sw == nil { // no rows: the sheet still shows its columns
		if err := s.open(); err != nil {
			return err
		}
	}
	if err := s.close(); err != nil {
		return err
	}
	s.wb.report.count(s.table, s.total)
	s.wb.prog.add(s.table, s.name, 0, true)
	return nil
}

// write adds one row, starting a new sheet when the current one is full.
func (s *sheetWriter) write(cells []cell) error {
	if s.sw == nil || s.line == s.wb.rows {
		if s.sw != nil {
			if err := s.close(); err != nil {
				return err
			}
		}
		if err := s.open(); err != nil {
			return err
		}
	}
	s.line++
	for i, c := range cells {
		s.values[i] = s.value(i, c)
	}
	if err := s.sw.SetRow("A"+strconv.Itoa(s.line), s.values); err != nil {
		return fmt.Errorf("write row %d of sheet %s: %w", s.line, s.name, err)
	}
	s.total++
	s.wb.prog.add(s.table, s.name, 1, false)
	return nil
}

// open starts the next sheet of the table: widths and the frozen header
// go first, as the stream writer requires.
func (s *sheetWriter) open() error {
	s.part++
	s.name = sheetName(s.table, s.part)
	f := s.wb.f
	if err := s.wb.newSheet(s.name); err != nil {
		return fmt.Errorf("add sheet %s: %w", s.name, err)
	}
	sw, err := f.NewStreamWriter(s.name)
	if err != nil {
		return fmt.Errorf("add sheet %s: %w", s.name, err)
	}
	for i, w := range s.widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	header := make([]any, len(s.cols))
	for i, c := range s.cols {
		header[i] = excelize.Cell{StyleID: s.wb.st.header, Value: c.header}
	}
	if err := sw.SetRow("A1", header, excelize.RowOpts{Height: 20}); err != nil {
		return err
	}
	s.sw, s.line, s.links = sw, 1, nil
	return nil
}

// newSheet adds a sheet, or renames the spare one.
func (wb *workbook) newSheet(name string) error {
	if wb.spare != "" {
		spare := wb.spare
		wb.spare = ""
		return wb.f.SetSheetName(spare, name)
	}
	_, err := wb.f.NewSheet(name)
	return err
}

// close ends the current sheet: its Excel table (filter buttons, banded
// rows), the lists of its status and kind columns, and its hyperlinks,
// which the workbook adds when it is saved.
func (s *sheetWriter) close() error {
	last := s.names[len(s.names)-1] + strconv.Itoa(max(s.line, 2))
	err := s.sw.AddTable(&excelize.Table{Range: "A1:" + last, Name: tableName(s.table, s.part),
		StyleName: "TableStyleMedium2", ShowRowStripes: ptr(true)})
	if err != nil {
		return fmt.Errorf("add table to sheet %s: %w", s.name, err)
	}
	if err := s.validate(); err != nil {
		return err
	}
	if err := s.sw.Flush(); err != nil {
		return fmt.Errorf("write sheet %s: %w", s.name, err)
	}
	s.wb.links[s.name] = s.links
	s.wb.report.Sheets = append(s.wb.report.Sheets, s.name)
	s.sw = nil
	return nil
}

// validate offers the allowed values of each list column as a drop-down.
func (s *sheetWriter) validate() error {
	for i, c := range s.cols {
		if len(c.list) == 0 {
			continue
		}
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s2:%s%d", s.names[i], s.names[i], ExcelRows)
		if err := dv.SetDropList(c.list); err != nil {
			return err
		}
		if c.strict {
			dv.SetError(excelize.DataValidationErrorStyleStop, c.header, "Choose one of: "+strings.Join(c.list, ", "))
		}
		if err := s.wb.f.AddDataValidation(s.name, dv); err != nil {
			return fmt.Errorf("add list to column %s of sheet %s: %w", c.header, s.name, err)
		}
	}
	return nil
}

// value is a cell as the stream writer takes it. Text is always a string
// value, which excelize writes as an inline string: a text that starts
// with "=" stays text and never becomes a formula.
func (s *sheetWriter) value(i int, c cell) any {
	st := s.wb.st
	switch v := c.v.(type) {
	case nil:
		return nil
	case string:
		v, cut := fitCell(v)
		if cut {
			s.wb.report.CutCells++
		}
		style := st.forKind(s.cols[i].kind)
		if s.cols[i].linked && s.addLink(i, c.link) {
			style = st.link
		}
		return excelize.Cell{StyleID: style, Value: v}
	case time.Time:
		return excelize.Cell{StyleID: st.forKind(s.cols[i].kind), Value: cellTime(v, s.cols[i].kind)}
	default:
		return excelize.Cell{StyleID: st.number, Value: v}
	}
}

// cellTime is a time as its column shows it: a day column holds the day
// alone, so that every program reads it as the date it shows.
func cellTime(t time.Time, k kind) time.Time {
	t = t.UTC()
	if k == kDate {
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	return t
}

// addLink records a hyperlink for column i of the current row, if it leads
// anywhere and the sheet has room for it.
func (s *sheetWriter) addLink(i int, t target) bool {
	h := hyperlink{ref: s.names[i] + strconv.Itoa(s.line)}
	switch {
	case t.row > 0 && s.wb.inBook[t.table]:
		h.location = s.wb.rowPlace(t.table, t.row)
	case isWebURL(t.url):
		h.url = t.url
	default:
		return false
	}
	if len(s.links) >= maxLinks {
		s.wb.report.LinksLeftOut++
		return false
	}
	s.links = append(s.links, h)
	return true
}

// maxURLLen is the longest address Excel accepts in a hyperlink.
const maxURLLen = 2079

// isWebURL accepts the addresses worth a click: web pages and e-mail.
// A file: address is shown but not linked, as a click could run a program.
func isWebURL(u string) bool {
	l := strings.ToLower(u)
	web := strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "mailto:")
	return web && len(u) <= maxURLLen
}

// sheetName is "Excerpts", then "Excerpts (2)" and so on.
func sheetName(t Table, part int) string {
	if part <= 1 {
		return t.Sheet()
	}
	return fmt.Sprintf("%s (%d)", t.Sheet(), part)
}

// tableName names the Excel table of a sheet: letters, digits and
// underscores only, unique in the workbook.
func tableName(t Table, part int) string {
	name := strings.ReplaceAll(t.Sheet(), " ", "_")
	if part > 1 {
		name += "_" + strconv.Itoa(part)
	}
	return name
}

// quoteSheet writes a sheet name as a reference needs it: Articles, or
// 'Articles (2)'.
func quoteSheet(name string) string {
	plain := true
	for i, r := range name {
		if !(r == '_' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || i > 0 && (r >= '0' && r <= '9' || r == '.')) {
			plain = false
			break
		}
	}
	if plain {
		return name
	}
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// widthBounds are the narrowest and widest a column of each kind may be,
// in characters.
var widthBounds = map[kind][2]float64{
	kText: {8, 40}, kLongText: {60, 60}, kBody: {80, 80}, kNumber: {6, 14},
	kDate: {12, 12}, kDateTime: {17, 17}, kURL: {12, 50}, kEnum: {10, 20},
}

// fitWidths sizes each column to its longest value among the rows given
// (its longest line, for text), within the bounds of its kind, and never
// narrower than its header with its filter button.
func fitWidths(cols []colSpec, rows [][]cell) []float64 {
	out := make([]float64, len(cols))
	for i, c := range cols {
		b := widthBounds[c.kind]
		longest := 0
		if b[0] < b[1] {
			for _, r := range rows {
				longest = max(longest, displayWidth(r[i].v))
			}
		}
		w := min(max(float64(longest+2), b[0]), b[1])
		out[i] = max(w, float64(utf8.RuneCountInString(c.header)+4))
	}
	return out
}

// displayWidth is the length of a value's longest line, in characters.
func displayWidth(v any) int {
	switch v := v.(type) {
	case string:
		if len(v) > 1000 {
			return 1000 // wider than any bound; no need to measure
		}
		longest := 0
		for _, line := range strings.Split(v, "\n") {
			longest = max(longest, utf8.RuneCountInString(line))
		}
		return longest
	case nil:
		return 0
	case time.Time:
		return 16
	default:
		return len(fmt.Sprint(v))
	}
}
