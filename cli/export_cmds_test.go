package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

const (
	quoteText = "productive and constructive"
	// formulaName is an actor's name that a spreadsheet would run as a
	// formula, were it not neutralised.
	formulaName = "=1+1"
)

// exportWorkspace is the sample workspace with two actors and two
// excerpts: 1 a quote by Witkoff, 2 an event (the headline).
func exportWorkspace(t *testing.T) string {
	t.Helper()
	path := sampleWorkspace(t)
	mustRun(t, "actors", "add", "Steve Witkoff", "--alias", "Witkoff", "--role", "US special envoy")
	mustRun(t, "actors", "add", formulaName, "--kind", "group")
	mustRun(t, "excerpts", "add", "--article", "1", "--quote", quoteText, "--kind", "quote", "--speaker", "Witkoff")
	mustRun(t, "excerpts", "add", "--article", "1", "--span", "0:27", "--kind", "event")
	return path
}

// column is the cells under header in rows (header row first), or fails.
func column(t *testing.T, rows [][]string, header string) []string {
	t.Helper()
	if len(rows) == 0 {
		t.Fatalf("no header row, looking for %q", header)
	}
	i := slices.Index(rows[0], header)
	if i < 0 {
		t.Fatalf("no column %q in %q", header, rows[0])
	}
	var cells []string
	for _, r := range rows[1:] {
		cell := ""
		if i < len(r) {
			cell = r[i]
		}
		cells = append(cells, cell)
	}
	return cells
}

func readSheet(t *testing.T, path, sheet string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("sheet %s: %v", sheet, err)
	}
	return rows
}

func sheetList(t *testing.T, path string) []string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	return f.GetSheetList()
}

// readCSV reads a file that Dossier wrote: a BOM, then RFC 4180 records.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	body, ok := bytes.CutPrefix(data, []byte("\ufeff"))
	if !ok {
		t.Fatalf("%s does not start with a byte order mark: %q", path, data[:min(len(data), 10)])
	}
	records, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return records
}

func TestExportWorkbook(t *testing.T) {
	exportWorkspace(t)
	out := filepath.Join(t.TempDir(), "case.xlsx")
	stdout := mustRun(t, "export", "--xlsx", out)
	for _, line := range []string{"wrote " + out + "\n", "  Articles          1 row\n", "  Excerpts          2 rows\n",
		"  Actors            2 rows\n", "  Document history  0 rows\n"} {
		if !strings.Contains(stdout, line) {
			t.Errorf("stdout lacks %q:\n%s", line, stdout)
		}
	}
	if strings.Contains(stdout, "cut at") || strings.Contains(stdout, "left out") {
		t.Errorf("nothing was cut, yet:\n%s", stdout)
	}
	want := []string{"Summary", "Articles", "Excerpts", "Actors", "Relations", "Documents", "Document history", "Mentions", "Tags"}
	if got := sheetList(t, out); !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	if got := column(t, readSheet(t, out, "Articles"), "Title"); !slices.Equal(got, []string{sampleTitle}) {
		t.Errorf("article titles %q", got)
	}
	// Neutralising is for CSV: the workbook holds the name as a text cell.
	if got := column(t, readSheet(t, out, "Actors"), "Name"); !slices.Equal(got, []string{formulaName, "Steve Witkoff"}) &&
		!slices.Equal(got, []string{"Steve Witkoff", formulaName}) {
		t.Errorf("actor names %q", got)
	}
	ex := readSheet(t, out, "Excerpts")
	if got := column(t, ex, "Text"); !slices.Contains(got, quoteText) || len(got) != 2 {
		t.Errorf("excerpt texts %q", got)
	}
	if got := column(t, ex, "Speaker"); !slices.Contains(got, "Steve Witkoff") {
		t.Errorf("speakers %q", got)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".*")); len(leftovers) != 0 {
		t.Errorf("temporary files left: %q", leftovers)
	}
}

// The filters narrow the sheets they apply to, and leave the others whole.
func TestExportWorkbookFiltered(t *testing.T) {
	exportWorkspace(t)
	out := filepath.Join(t.TempDir(), "quotes.xlsx")
	mustRun(t, "export", "--xlsx", out, "--kind", "quote", "--text", "witkoff")
	if got := column(t, readSheet(t, out, "Excerpts"), "Text"); !slices.Equal(got, []string{quoteText}) {
		t.Errorf("excerpts %q, want only the quote", got)
	}
	if got := column(t, readSheet(t, out, "Actors"), "Name"); !slices.Equal(got, []string{"Steve Witkoff"}) {
		t.Errorf("actors %q, want only Witkoff", got)
	}
	if got := column(t, readSheet(t, out, "Articles"), "Title"); len(got) != 1 {
		t.Errorf("articles %q, want the article whatever the excerpt kind", got)
	}
}

func TestExportCSVFolder(t *testing.T) {
	exportWorkspace(t)
	dir := filepath.Join(t.TempDir(), "csv")
	stdout := mustRun(t, "export", "--csv", dir)
	if !strings.HasPrefix(stdout, "wrote 8 files to "+dir+"\n") || !strings.Contains(stdout, "  excerpts.csv          2 rows\n") {
		t.Fatalf("stdout:\n%s", stdout)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	var want []string
	for _, v := range exportViews {
		want = append(want, v.fileName())
	}
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Fatalf("files %q, want %q", names, want)
	}
	for _, name := range names {
		readCSV(t, filepath.Join(dir, name)) // each with its BOM, each readable
	}
	raw, err := os.ReadFile(filepath.Join(dir, "excerpts.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(raw, []byte("\r\n")); n != 3 || bytes.Count(raw, []byte("\n")) != n {
		t.Errorf("excerpts.csv has %d CRLF line ends and %d LF, want 3 of each", n, bytes.Count(raw, []byte("\n")))
	}
	actors := readCSV(t, filepath.Join(dir, "actors.csv"))
	if got := column(t, actors, "Name"); !slices.Contains(got, "'"+formulaName) {
		t.Errorf("actor names %q: the formula is not neutralised", got)
	}
}

func TestExportViewFiltered(t *testing.T) {
	exportWorkspace(t)
	tests := []struct {
		name  string
		args  []string
		texts []string // the excerpts written, by their text
	}{
		{"no filter", nil, []string{"Diplomatic Push Intensifies", quoteText}},
		{"kind", []string{"--kind", "quote"}, []string{quoteText}},
		{"speaker by alias", []string{"--speaker", "witkoff"}, []string{quoteText}},
		{"other kind", []string{"--kind", "event"}, []string{"Diplomatic Push Intensifies"}},
		{"nothing passes", []string{"--credibility", "1"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "view.csv")
			stdout := mustRun(t, append([]string{"export", "--view", "excerpts", "--csv", out}, tt.args...)...)
			want := "wrote " + out + "\n  Excerpts  " + quantity(len(tt.texts), "row", "rows") + "\n"
			if stdout != want {
				t.Errorf("stdout %q, want %q", stdout, want)
			}
			got := column(t, readCSV(t, out), "Text")
			slices.Sort(got)
			if !slices.Equal(got, tt.texts) {
				t.Errorf("excerpts %q, want %q", got, tt.texts)
			}
		})
	}
}

func TestExportViewWorkbook(t *testing.T) {
	exportWorkspace(t)
	out := filepath.Join(t.TempDir(), "actors.xlsx")
	mustRun(t, "export", "--view", "Actors", "--xlsx", out, "--kind", "group")
	if got := sheetList(t, out); !slices.Equal(got, []string{"Actors"}) {
		t.Fatalf("sheets %q, want one, Actors", got)
	}
	if got := column(t, readSheet(t, out, "Actors"), "Name"); !slices.Equal(got, []string{formulaName}) {
		t.Errorf("actors %q, want only the group", got)
	}
}

// Every table can be written alone: the names of the views are those the
// workspace knows.
func TestExportEveryView(t *testing.T) {
	exportWorkspace(t)
	dir := t.TempDir()
	for _, v := range exportViews {
		mustRun(t, "export", "--view", v.name, "--csv", filepath.Join(dir, v.fileName()))
	}
}

func TestExportRefusesExisting(t *testing.T) {
	exportWorkspace(t)
	dir := t.TempDir()
	book := filepath.Join(dir, "old.xlsx")
	view := filepath.Join(dir, "old.csv")
	folder := filepath.Join(dir, "csv")
	writeFiles(t, dir, map[string]string{"old.xlsx": "last week", "old.csv": "last week", "csv/excerpts.csv": "last week",
		"csv/notes.txt": "mine"})
	runCases(t, []cmdCase{
		{"workbook", []string{"export", "--xlsx", book}, ExitFailure, "",
			"dossier: " + book + " already exists; add --force to replace it, or choose another name\n"},
		{"view", []string{"export", "--view", "tags", "--csv", view}, ExitFailure, "",
			"dossier: " + view + " already exists; add --force to replace it, or choose another name\n"},
		{"folder", []string{"export", "--csv", folder}, ExitFailure, "",
			"dossier: " + folder + " already holds excerpts.csv; add --force to replace them, or choose another folder\n"},
		{"a folder is no file", []string{"export", "--xlsx", folder, "--force"}, ExitUsage, "",
			"dossier: " + folder + " is a folder; give the name of the xlsx file to write\n"},
	})
	for _, p := range []string{book, view, filepath.Join(folder, "excerpts.csv")} {
		if data, _ := os.ReadFile(p); string(data) != "last week" {
			t.Errorf("%s was changed: it begins %.40q", p, data)
		}
	}
	mustRun(t, "export", "--xlsx", book, "--force")
	if got := sheetList(t, book); len(got) != 9 {
		t.Errorf("--force did not replace the workbook: sheets %q", got)
	}
	mustRun(t, "export", "--csv", folder, "--force")
	if got := column(t, readCSV(t, filepath.Join(folder, "excerpts.csv")), "Text"); len(got) != 2 {
		t.Errorf("--force did not replace excerpts.csv: %q", got)
	}
	if data, _ := os.ReadFile(filepath.Join(folder, "notes.txt")); string(data) != "mine" {
		t.Errorf("a file that is no table was touched: %q", data)
	}
}

func TestExportUsage(t *testing.T) {
	ws := exportWorkspace(t)
	out := filepath.Join(t.TempDir(), "out.xlsx")
	help := "; run 'dossier export --help' for usage\n"
	runCases(t, []cmdCase{
		{"both formats", []string{"export", "--xlsx", out, "--csv", out}, ExitUsage, "",
			"dossier: give --xlsx or --csv, not both" + help},
		{"no format", []string{"export", "--kind", "quote"}, ExitUsage, "",
			"dossier: missing --xlsx FILE or --csv DIR; say what to write" + help},
		{"empty name", []string{"export", "--xlsx", " "}, ExitUsage, "",
			"dossier: --xlsx needs a file or folder name" + help},
		{"unknown view", []string{"export", "--view", "quotes", "--csv", out}, ExitUsage, "",
			"dossier: --view: unknown table \"quotes\"; use one of: articles, excerpts, actors, relations, documents, document-history, mentions, tags" + help},
		{"filter of another table", []string{"export", "--view", "actors", "--csv", out, "--speaker", "Witkoff"}, ExitUsage, "",
			"dossier: --speaker does not narrow the actors view; it takes --kind, --text" + help},
		{"filter of no table", []string{"export", "--view", "tags", "--csv", out, "--kind", "quote"}, ExitUsage, "",
			"dossier: --kind does not narrow the tags view; it takes no filters" + help},
		{"kind of another table", []string{"export", "--view", "actors", "--csv", out, "--kind", "quote"}, ExitUsage, "",
			"dossier: --kind: unknown actor kind \"quote\"; use one of: person, organisation, state, group" + help},
		{"kind of nothing", []string{"export", "--xlsx", out, "--kind", "rumour"}, ExitUsage, "",
			"dossier: --kind \"rumour\" is no kind of excerpt (quote, claim, figure, event, other), actor (person, organisation, state, group) or document (plan, framework, agreement, statement, letter)" + help},
		{"mentions of two", []string{"export", "--view", "mentions", "--csv", out, "--actor", "1", "--document", "1"}, ExitUsage, "",
			"dossier: give --actor or --document, not both; a mention names one actor or one document" + help},
		{"bad date", []string{"export", "--xlsx", out, "--from", "yesterday"}, ExitUsage, "",
			"dossier: --from \"yesterday\" is not a date; write it as YYYY-MM-DD, as in 2025-12-01" + help},
		{"the workspace itself", []string{"export", "--xlsx", ws, "--force"}, ExitUsage, "",
			"dossier: " + ws + " is the workspace itself; give the export another name\n"},
		{"unknown actor", []string{"export", "--xlsx", out, "--speaker", "Nobody"}, ExitFailure, "",
			"dossier: no actor is called \"Nobody\"; check the spelling, or give its id\n"},
		{"extra argument", []string{"export", "--xlsx", out, "more"}, ExitUsage, "",
			"dossier: unexpected argument \"more\"" + help},
	})
	if _, err := os.Stat(out); err == nil {
		t.Errorf("a refused export wrote %s", out)
	}
	mustRun(t, "check")
}

// cancelOnProgress stands for the terminal: it cancels the export, as
// Ctrl+C would, when the first progress line arrives.
type cancelOnProgress struct {
	bytes.Buffer
	cancel context.CancelFunc
}

func (c *cancelOnProgress) Write(p []byte) (int, error) {
	if bytes.Contains(p, []byte("exporting")) {
		c.cancel()
	}
	return c.Buffer.Write(p)
}

func TestExportInterrupted(t *testing.T) {
	exportWorkspace(t)
	fakeTerminal(t)
	tests := []struct {
		name    string
		args    func(dir string) []string
		wantErr string
		left    []string // the files in dir afterwards
	}{
		{"workbook", func(dir string) []string { return []string{"--xlsx", filepath.Join(dir, "out.xlsx")} },
			"dossier: export interrupted; DIR/out.xlsx was not written; no half-written file is left; run the command again to export\n", nil},
		{"view", func(dir string) []string {
			return []string{"--view", "excerpts", "--xlsx", filepath.Join(dir, "out.xlsx")}
		}, "dossier: export interrupted; DIR/out.xlsx was not written; no half-written file is left; run the command again to export\n", nil},
		{"folder", func(dir string) []string { return []string{"--csv", filepath.Join(dir, "csv")} },
			"dossier: export interrupted; no CSV file in DIR/csv was written or replaced; the files take their names only once all are complete; run the command again to export\n",
			[]string{"csv"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var out bytes.Buffer
			errOut := &cancelOnProgress{cancel: cancel}
			code := Run(ctx, append([]string{"export"}, tt.args(dir)...), &out, errOut)
			if code != ExitFailure || out.Len() != 0 {
				t.Fatalf("exit %d, stdout %q", code, out.String())
			}
			// The progress line is blanked out before the error.
			parts := strings.Split(errOut.String(), "\r")
			if n := len(parts); n < 4 || !strings.HasPrefix(parts[1], "exporting") || strings.Trim(parts[n-2], " ") != "" {
				t.Errorf("progress line not shown, then blanked: %q", errOut.String())
			}
			line := parts[len(parts)-1]
			if want := strings.ReplaceAll(tt.wantErr, "DIR", dir); line != want {
				t.Errorf("stderr ends %q, want %q", line, want)
			}
			var left []string
			err := filepath.WalkDir(dir, func(p string, _ os.DirEntry, err error) error {
				if p != dir {
					rel, _ := filepath.Rel(dir, p)
					left = append(left, filepath.ToSlash(rel))
				}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(left, tt.left) {
				t.Errorf("left in the folder: %q, want %q", left, tt.left)
			}
		})
	}
}
