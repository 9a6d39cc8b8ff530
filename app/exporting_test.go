package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"
)

// exportingDemo opens a window on a workspace holding the demo articles.
func exportingDemo(t *testing.T) *MainWindow {
	t.Helper()
	ws := newDemoWorkspace(t, "miami-talks")
	return openTestWindow(t, test.NewTempApp(t), ws)
}

func TestExportWorkbookReadsBack(t *testing.T) {
	m := exportingDemo(t)
	path := filepath.Join(t.TempDir(), "miami-talks.xlsx")
	d := m.exportWorkbookTo(path)

	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	defer f.Close()
	want := []string{"Summary", "Articles", "Excerpts", "Actors", "Relations", "Documents", "Document history", "Mentions", "Tags"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("sheets = %q, want %q", got, want)
	}
	rows, err := f.GetRows("Articles")
	if err != nil {
		t.Fatal(err)
	}
	heads := importingArticles(t, m.ws)
	if len(rows) != len(heads)+1 {
		t.Errorf("Articles sheet has %d rows, want a header and %d articles", len(rows), len(heads))
	}
	summary := "Exported the workbook to " + path
	if d.Summary.Text != summary || m.Message.Text != summary {
		t.Errorf("summary %q, status %q; want %q", d.Summary.Text, m.Message.Text, summary)
	}
	if !slices.Contains(importingLines(d), "Articles: 4 rows") {
		t.Errorf("result lines = %q, want the rows per table", importingLines(d))
	}
}

func TestExportCancelWritesNothing(t *testing.T) {
	m := exportingDemo(t)
	path := filepath.Join(t.TempDir(), "miami-talks.xlsx")
	d := m.newProgressDialog("Export workbook")
	d.afterStep = func() {
		if d.Button.Text == "Cancel" {
			test.Tap(d.Button)
		}
	}
	m.runWorkbookExport(d, path)
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a cancelled export left %s (%v)", path, err)
	}
	if d.Summary.Text != "Export cancelled; no workbook was written." {
		t.Errorf("summary = %q", d.Summary.Text)
	}
}

func TestExportCSVWritesAFilePerTable(t *testing.T) {
	m := exportingDemo(t)
	dir := t.TempDir()
	d := m.exportCSVTo(dir)
	for _, name := range []string{"articles.csv", "excerpts.csv", "actors.csv", "tags.csv"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("CSV export: %v", err)
		}
	}
	if !strings.HasPrefix(d.Summary.Text, "Exported ") || !strings.HasSuffix(d.Summary.Text, " to "+dir) {
		t.Errorf("summary = %q", d.Summary.Text)
	}
}

// TestExportAddsTheExtension types names with and without .xlsx: the
// workbook is written under the name with the extension, once.
func TestExportAddsTheExtension(t *testing.T) {
	m := exportingDemo(t)
	dir := t.TempDir()
	tests := []struct{ typed, want string }{
		{"case", "case.xlsx"},
		{"case two.xlsx", "case two.xlsx"},
		{"Case3.XLSX", "Case3.XLSX"},
	}
	for _, tt := range tests {
		m.exportWorkbook()
		pathsSubmit(t, m, filepath.Join(dir, tt.typed))
		if _, err := excelize.OpenFile(filepath.Join(dir, tt.want)); err != nil {
			t.Errorf("typed %q: no workbook at %s: %v", tt.typed, tt.want, err)
		}
		closeDialogs(m.Window)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(tests) {
		t.Errorf("the folder holds %d files, want %d workbooks and nothing else", len(entries), len(tests))
	}
}
