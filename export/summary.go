package export

import (
	"fmt"
	"sort"
	"time"

	"github.com/xuri/excelize/v2"
)

// Limits of the Summary sheet.
const (
	chartActors = 5   // actors drawn in the chart of mentions per week
	chartWeeks  = 104 // the latest weeks drawn, two years
)

// summaryWriter fills the Summary sheet top to bottom.
type summaryWriter struct {
	wb  *workbook
	row int
	err error
}

// put writes values from column A of the current row on; a string is
// always a text cell (a name starting with "=" stays a name).
func (s *summaryWriter) put(style int, values ...any) {
	for i, v := range values {
		if s.err != nil || v == nil {
			continue
		}
		ref, err := excelize.CoordinatesToCellName(i+1, s.row)
		if err != nil {
			s.err = err
			return
		}
		f := s.wb.f
		switch v := v.(type) {
		case string:
			v, _ = fitCell(v)
			s.err = f.SetCellStr(summarySheet, ref, v)
		case time.Time:
			s.err = f.SetCellValue(summarySheet, ref, v.UTC())
			if s.err == nil {
				s.err = f.SetCellStyle(summarySheet, ref, ref, s.wb.st.dateTime)
			}
			continue
		default:
			s.err = f.SetCellValue(summarySheet, ref, v)
		}
		if s.err == nil && style != 0 {
			s.err = f.SetCellStyle(summarySheet, ref, ref, style)
		}
	}
	s.row++
}

func (s *summaryWriter) skip() { s.row++ }

// writeSummary fills the Summary sheet: what was exported, from where and
// when, with which filters, how many rows each sheet holds, what had to be
// cut, the actors and documents most mentioned, and a chart of the top
// actors' mentions per week.
func (wb *workbook) writeSummary(sum Summary, tables []Table) error {
	s := &summaryWriter{wb: wb, row: 1}
	st := wb.st
	s.put(st.title, "Dossier workbook")
	s.skip()
	s.put(st.label, "Workspace", sum.Workspace)
	s.put(st.label, "Exported at (UTC)", sum.ExportedAt)
	filters := sum.Filters
	if len(filters) == 0 {
		filters = []string{"none: the whole workspace"}
	}
	for i, f := range filters {
		label := any("Filters")
		if i > 0 {
			label = nil
		}
		s.put(st.label, label, f)
	}
	s.skip()
	s.put(st.header, "Sheet", "Rows")
	for _, t := range tables {
		s.put(0, t.Sheet(), wb.report.Rows(t))
	}
	s.put(0, "Cells cut to fit (32,767 characters)", wb.report.CutCells)
	s.put(0, "Hyperlinks left out (65,530 per sheet)", wb.report.LinksLeftOut)
	s.skip()
	s.ranking("Actors most mentioned", "Actor", sum.TopActors)
	s.ranking("Documents most mentioned", "Document", sum.TopDocuments)
	if err := s.weekly(sum); err != nil {
		return err
	}
	if s.err != nil {
		return s.err
	}
	return wb.summaryWidths()
}

func (s *summaryWriter) ranking(title, what string, list []Ranked) {
	st := s.wb.st
	s.put(st.label, title)
	s.put(st.header, what, "ID", "Mentions")
	for _, r := range list {
		s.put(0, r.Name, r.ID, r.Mentions)
	}
	if len(list) == 0 {
		s.put(0, "none")
	}
	s.skip()
}

// weekly writes the table of mentions per week of the top actors and draws
// it as a line chart beside the summary.
func (s *summaryWriter) weekly(sum Summary) error {
	actors, weeks, counts := weeklyGrid(sum.TopActors, sum.Weekly)
	if len(actors) == 0 || len(weeks) == 0 {
		return nil
	}
	st := s.wb.st
	s.put(st.label, "Mentions per week (weeks start on Monday)")
	header := []any{"Week of"}
	for _, a := range actors {
		header = append(header, a.Name)
	}
	headRow := s.row
	s.put(st.header, header...)
	for i, w := range weeks {
		row := []any{w}
		for j := range actors {
			row = append(row, counts[j][i])
		}
		s.putWeek(row)
	}
	if s.err != nil {
		return s.err
	}
	return s.chart(len(actors), headRow, s.row-1)
}

// putWeek writes a row of the weekly table, the week as a date.
func (s *summaryWriter) putWeek(row []any) {
	ref, _ := excelize.CoordinatesToCellName(1, s.row)
	week := row[0]
	row[0] = nil
	s.put(0, row...)
	if s.err == nil {
		s.err = s.wb.f.SetCellValue(summarySheet, ref, week)
	}
	if s.err == nil {
		s.err = s.wb.f.SetCellStyle(summarySheet, ref, ref, s.wb.st.date)
	}
}

// chart draws the weekly table, whose header is on row head and whose
// weeks run to row last; series names come from the header cells, so no
// text of the workspace goes into the chart's formulas.
func (s *summaryWriter) chart(actors, head, last int) error {
	var series []excelize.ChartSeries
	for j := range actors {
		col, err := excelize.ColumnNumberToName(j + 2)
		if err != nil {
			return err
		}
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("%s!$%s$%d", summarySheet, col, head),
			Categories: fmt.Sprintf("%s!$A$%d:$A$%d", summarySheet, head+1, last),
			Values:     fmt.Sprintf("%s!$%s$%d:$%s$%d", summarySheet, col, head+1, col, last),
		})
	}
	return s.wb.f.AddChart(summarySheet, "E3", &excelize.Chart{
		Type:      excelize.Line,
		Series:    series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Mentions per week of the most mentioned actors"}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Dimension: excelize.ChartDimension{Width: 720, Height: 360},
	})
}

func (wb *workbook) summaryWidths() error {
	for col, w := range map[string]float64{"A": 40, "B": 30, "C": 12, "D": 12} {
		if err := wb.f.SetColWidth(summarySheet, col, col, w); err != nil {
			return err
		}
	}
	return nil
}

// weeklyGrid lays the weekly counts out for the chart: the top actors that
// have any (at most chartActors), every week from the first to the last
// (at most the latest chartWeeks), and counts[actor][week].
func weeklyGrid(top []Ranked, weekly []WeeklyMentions) ([]Ranked, []time.Time, [][]int) {
	byActor := map[int64]map[time.Time]int{}
	var first, last time.Time
	for _, w := range weekly {
		week := w.Week.UTC()
		if byActor[w.ActorID] == nil {
			byActor[w.ActorID] = map[time.Time]int{}
		}
		byActor[w.ActorID][week] += w.Mentions
		if first.IsZero() || week.Before(first) {
			first = week
		}
		if week.After(last) {
			last = week
		}
	}
	var actors []Ranked
	for _, r := range top {
		if byActor[r.ID] != nil && len(actors) < chartActors {
			actors = append(actors, r)
		}
	}
	if len(actors) == 0 {
		return nil, nil, nil
	}
	var weeks []time.Time
	for w := last; !w.Before(first) && len(weeks) < chartWeeks; w = w.AddDate(0, 0, -7) {
		weeks = append(weeks, w)
	}
	sort.Slice(weeks, func(i, j int) bool { return weeks[i].Before(weeks[j]) })
	counts := make([][]int, len(actors))
	for j, a := range actors {
		counts[j] = make([]int, len(weeks))
		for i, w := range weeks {
			counts[j][i] = byActor[a.ID][w]
		}
	}
	return actors, weeks, counts
}
