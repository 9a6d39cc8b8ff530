package export

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func mustWorkbook(t *testing.T, src Source, opts Options) ([]byte, Report) {
	t.Helper()
	var buf bytes.Buffer
	rep, err := Workbook(context.Background(), &buf, src, opts, nil)
	if err != nil {
		t.Fatalf("workbook: %v", err)
	}
	return buf.Bytes(), rep
}

func openBook(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("open the workbook written: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestWorkbookSheetsAndCounts(t *testing.T) {
	src := sampleSource(3)
	data, rep := mustWorkbook(t, src, Options{})
	f := openBook(t, data)
	want := []string{"Summary", "Articles", "Excerpts", "Actors", "Relations", "Documents", "Document history", "Mentions", "Tags"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	if !slices.Equal(rep.Sheets, want) {
		t.Errorf("report sheets %q, want %q", rep.Sheets, want)
	}
	for table, n := range map[Table]int{Articles: 3, Excerpts: 6, Actors: 2, Mentions: 3, Tags: 2} {
		if got := rep.Rows(table); got != n {
			t.Errorf("%s: report says %d rows, want %d", table, got, n)
		}
		rows, err := f.GetRows(table.Sheet())
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != n+1 {
			t.Errorf("%s: sheet has %d rows, want %d and the header", table, len(rows), n)
		}
	}
}

// Every text of the workspace is a text cell: never a formula, whatever
// it starts with.
func TestWorkbookTextNeverBecomesFormula(t *testing.T) {
	src := sampleSource(len(tricky))
	data, _ := mustWorkbook(t, src, Options{})
	f := openBook(t, data)
	rows, err := f.GetRows("Excerpts")
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(rows[0], "Text")
	for i, e := range src.excerpts {
		ref, _ := excelize.CoordinatesToCellName(col+1, i+2)
		if got := rows[i+1][col]; got != e.Excerpt.Selector.Exact {
			t.Errorf("%s: %q, want %q", ref, got, e.Excerpt.Selector.Exact)
		}
		formula, err := f.GetCellFormula("Excerpts", ref)
		if err != nil || formula != "" {
			t.Errorf("%s: formula %q (%v), want none", ref, formula, err)
		}
		if typ, _ := f.GetCellType("Excerpts", ref); typ != excelize.CellTypeInlineString {
			t.Errorf("%s: cell type %v, want an inline string", ref, typ)
		}
	}
	// No sheet of the file holds a formula element at all.
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			continue
		}
		r, _ := zf.Open()
		b, _ := io.ReadAll(r)
		r.Close()
		if bytes.Contains(b, []byte("<f>")) || bytes.Contains(b, []byte("<f ")) {
			t.Errorf("%s holds a formula", zf.Name)
		}
	}
}

func TestWorkbookSheetFormatting(t *testing.T) {
	data, _ := mustWorkbook(t, sampleSource(3), Options{})
	f := openBook(t, data)
	const sheet = "Excerpts"
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("panes %+v (%v), want the header row frozen", panes, err)
	}
	styleID, _ := f.GetCellStyle(sheet, "A1")
	style, err := f.GetStyle(styleID)
	if err != nil || style.Font == nil || !style.Font.Bold || len(style.Fill.Color) == 0 {
		t.Errorf("header style %+v (%v), want bold and filled", style, err)
	}
	tables, err := f.GetTables(sheet)
	if err != nil || len(tables) != 1 || tables[0].Range != "A1:T7" {
		t.Errorf("tables %+v (%v), want one over A1:T7", tables, err)
	}
	dvs, err := f.GetDataValidations(sheet)
	if err != nil || len(dvs) != 1 || !strings.Contains(dvs[0].Formula1, "quote,claim,figure,event,other") {
		t.Errorf("data validations %+v (%v), want the list of kinds", dvs, err)
	}
	if typ, _ := f.GetCellType(sheet, "D2"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("published date: cell type %v, want a number (a date serial)", typ)
	}
	st, _ := f.GetCellStyle(sheet, "D2")
	if s, _ := f.GetStyle(st); s.CustomNumFmt == nil || *s.CustomNumFmt != dateTimeFormat {
		t.Errorf("published date: format %+v, want %s", s.CustomNumFmt, dateTimeFormat)
	}
	for col, bounds := range map[string][2]float64{"A": {6, 14}, "G": {60, 60}} {
		w, err := f.GetColWidth(sheet, col)
		if err != nil || w < bounds[0] || w > bounds[1] {
			t.Errorf("column %s width %v (%v), want within %v", col, w, err, bounds)
		}
	}
}

// A day column holds the day, whatever time of it the source gives.
func TestWorkbookDayColumns(t *testing.T) {
	src := sampleSource(1)
	src.actors[0].FirstSeen = day0.Add(13*time.Hour + 45*time.Minute)
	data, _ := mustWorkbook(t, src, Options{Tables: []Table{Actors}})
	f := openBook(t, data)
	raw, err := f.GetCellValue("Actors", "K2", excelize.Options{RawCellValue: true})
	if err != nil || raw != "45964" {
		t.Errorf("first seen holds %q (%v), want the serial of 2025-11-03, a whole day", raw, err)
	}
	shown, _ := f.GetCellValue("Actors", "K2")
	if shown != "2025-11-03" {
		t.Errorf("first seen shows %q, want 2025-11-03", shown)
	}
}

func TestWorkbookHyperlinks(t *testing.T) {
	data, _ := mustWorkbook(t, sampleSource(3), Options{})
	f := openBook(t, data)
	ok, link, err := f.GetCellHyperLink("Excerpts", "C4")
	if err != nil || !ok || link != "Articles!A3" {
		t.Errorf("excerpt of article 2 links to %q (%v, %v), want Articles!A3", link, ok, err)
	}
	ok, link, err = f.GetCellHyperLink("Articles", "G2")
	if err != nil || !ok || link != "https://news.example/1?a=1&b=2" {
		t.Errorf("article URL links to %q (%v, %v)", link, ok, err)
	}
	ok, _, _ = f.GetCellHyperLink("Articles", "B2")
	if ok {
		t.Errorf("the title has a hyperlink; only the URL should")
	}
}

func TestWorkbookCutsLongText(t *testing.T) {
	src := sampleSource(1)
	long := strings.Repeat("ж", 40_000)
	src.excerpts[0].Excerpt.Selector.Exact = long
	data, rep := mustWorkbook(t, src, Options{})
	if rep.CutCells != 1 {
		t.Errorf("report: %d cut cells, want 1", rep.CutCells)
	}
	f := openBook(t, data)
	got, err := f.GetCellValue("Excerpts", "G2")
	if err != nil {
		t.Fatal(err)
	}
	if utf16Len(got) > MaxCellChars || !strings.HasSuffix(got, CutMarkerEnd) || !strings.HasPrefix(got, "жжж") {
		t.Errorf("cut cell: %d characters ending %q", utf16Len(got), got[max(0, len(got)-80):])
	}
	if !strings.Contains(got, "40000 characters") {
		t.Errorf("the marker does not give the full length: %q", got[len(got)-80:])
	}
}

func TestWorkbookSplitsSheets(t *testing.T) {
	src := sampleSource(5) // 5 articles, 10 excerpts
	data, rep := mustWorkbook(t, src, Options{SheetRows: 4})
	f := openBook(t, data)
	sheets := f.GetSheetList()
	for _, want := range []string{"Articles", "Articles (2)", "Excerpts", "Excerpts (2)", "Excerpts (3)", "Excerpts (4)"} {
		if !slices.Contains(sheets, want) {
			t.Errorf("no sheet %q among %q", want, sheets)
		}
	}
	if rep.Rows(Excerpts) != 10 {
		t.Errorf("%d excerpts, want 10", rep.Rows(Excerpts))
	}
	// Excerpt 9 is of article 5: the second row of "Articles (2)".
	rows, _ := f.GetRows("Excerpts (3)")
	if len(rows) != 4 || rows[3][0] != "9" {
		t.Fatalf("Excerpts (3): %q", rows)
	}
	ok, link, _ := f.GetCellHyperLink("Excerpts (3)", "C4")
	if !ok || link != "'Articles (2)'!A3" {
		t.Errorf("excerpt 9 links to %q, want 'Articles (2)'!A3", link)
	}
	if v, _ := f.GetCellValue("Articles (2)", "A3"); v != "5" {
		t.Errorf("'Articles (2)'!A3 holds %q, want article 5", v)
	}
	for _, s := range []string{"Excerpts (2)", "Articles (2)"} {
		if tables, _ := f.GetTables(s); len(tables) != 1 {
			t.Errorf("%s has %d tables, want 1", s, len(tables))
		}
	}
}

func TestViewIsOneSheetLinkingToTheWeb(t *testing.T) {
	var buf bytes.Buffer
	_, err := View(context.Background(), &buf, sampleSource(2), Excerpts, Options{})
	if err != nil {
		t.Fatal(err)
	}
	f := openBook(t, buf.Bytes())
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Excerpts"}) {
		t.Fatalf("sheets %q, want Excerpts alone", got)
	}
	ok, link, _ := f.GetCellHyperLink("Excerpts", "C2")
	if !ok || link != "https://news.example/1" {
		t.Errorf("excerpt links to %q, want the article's address", link)
	}
}

func TestWorkbookCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var buf bytes.Buffer
	calls := 0
	_, err := Workbook(ctx, &buf, sampleSource(2000), Options{}, func(p Progress) {
		calls++
		if p.Done >= 1000 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want cancelled", err)
	}
	if buf.Len() != 0 {
		t.Errorf("%d bytes written after cancelling, want none", buf.Len())
	}
	if calls == 0 {
		t.Errorf("no progress reported")
	}
}

func TestWorkbookProgress(t *testing.T) {
	var last Progress
	var buf bytes.Buffer
	_, err := Workbook(context.Background(), &buf, sampleSource(600), Options{}, func(p Progress) {
		if p.Done < last.Done {
			t.Errorf("progress went back: %+v after %+v", p, last)
		}
		last = p
	})
	if err != nil {
		t.Fatal(err)
	}
	if last.Done != last.Total || last.Total != 600+1200+2+1+1+1+600+2 {
		t.Errorf("last progress %+v, want all rows done", last)
	}
}
