package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/workspace"
)

const (
	samplePath  = "../../shared/samples/peace-talks-miami.txt"
	sampleTitle = "Diplomatic Push Intensifies: US, Europe, and Ukraine Seek Common Ground on Peace Framework Amidst Lingering Uncertainty"
)

// newWorkspace creates an empty workspace in a temporary folder and points
// $DOSSIER_WORKSPACE at it.
func newWorkspace(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "case.dossier")
	if code, _, errOut := run("init", path); code != ExitOK {
		t.Fatalf("init: %s", errOut)
	}
	t.Setenv("DOSSIER_WORKSPACE", path)
	return path
}

// sampleWorkspace is newWorkspace with the sample article as article 1.
func sampleWorkspace(t *testing.T) string {
	t.Helper()
	path := newWorkspace(t)
	mustRun(t, "import", samplePath)
	return path
}

// mustRun runs a command that must succeed and returns its stdout.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := run(args...)
	if code != ExitOK || errOut != "" {
		t.Fatalf("dossier %s: exit %d, stderr %q", strings.Join(args, " "), code, errOut)
	}
	return out
}

// writeFiles writes files (slash paths → contents) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// cmdCase is one run of the command line and what it must print.
type cmdCase struct {
	name     string
	args     []string
	wantCode int
	wantOut  string // exact stdout; "-" means not checked
	wantErr  string // exact stderr
}

func (c cmdCase) check(t *testing.T) {
	t.Helper()
	code, out, errOut := run(c.args...)
	if code != c.wantCode {
		t.Errorf("%s: exit %d, want %d (stderr %q)", c.name, code, c.wantCode, errOut)
	}
	if c.wantOut != "-" && out != c.wantOut {
		t.Errorf("%s: stdout\n%s\nwant\n%s", c.name, out, c.wantOut)
	}
	if errOut != c.wantErr {
		t.Errorf("%s: stderr %q, want %q", c.name, errOut, c.wantErr)
	}
}

func runCases(t *testing.T, cases []cmdCase) {
	t.Helper()
	for _, c := range cases {
		c.check(t)
	}
}

func TestImportSampleThenDuplicate(t *testing.T) {
	newWorkspace(t)
	runCases(t, []cmdCase{
		{"first import", []string{"import", samplePath}, ExitOK,
			"imported " + samplePath + ": article 1 \"" + sampleTitle + "\"\n1 imported, 0 duplicates, 0 refused\n", ""},
		{"same file again", []string{"import", samplePath}, ExitOK,
			"duplicate " + samplePath + ": duplicate of article 1 \"" + sampleTitle + "\"\n0 imported, 1 duplicate, 0 refused\n", ""},
		{"no path", []string{"import"}, ExitUsage, "",
			"dossier: missing argument PATH; give one or more files or folders to import; run 'dossier import --help' for usage\n"},
	})
	if out := mustRun(t, "articles", "list"); !strings.HasSuffix(out, "showing 1–1 of 1\n") {
		t.Fatalf("after importing one file twice: %q", out)
	}
}

// refusalFolder holds two articles and a file that is refused.
func refusalFolder(t *testing.T) string {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt":      "Talks resume in Geneva\n\nDelegations met on Monday.",
		"sub/b.md":   "# Sanctions list grows\n\nThe *council* added nine names.",
		"broken.txt": "binary\x00\x00\x00data",
	})
	return dir
}

func TestImportFolderWithRefusal(t *testing.T) {
	newWorkspace(t)
	dir := refusalFolder(t)
	code, out, errOut := run("import", dir)
	want := "imported " + filepath.Join(dir, "a.txt") + ": article 1 \"Talks resume in Geneva\"\n" +
		"refused " + filepath.Join(dir, "broken.txt") + ": the file contains binary data (NUL bytes), not text; " +
		"if it is text saved as UTF-16 without a byte-order mark, save it again as UTF-8\n" +
		"imported " + filepath.Join(dir, "sub", "b.md") + ": article 2 \"Sanctions list grows\"\n" +
		"2 imported, 0 duplicates, 1 refused\n"
	if code != ExitFailure || out != want {
		t.Fatalf("exit %d, stdout\n%s\nwant\n%s", code, out, want)
	}
	if errOut != "dossier: 1 of 3 files refused; see the lines above for the reasons\n" {
		t.Fatalf("stderr %q", errOut)
	}
	if out := mustRun(t, "articles", "list"); !strings.HasSuffix(out, "showing 1–2 of 2\n") {
		t.Fatalf("articles after the import: %q", out)
	}
}

func TestImportJSON(t *testing.T) {
	newWorkspace(t)
	dir := refusalFolder(t)
	mustRun(t, "import", filepath.Join(dir, "a.txt"))
	code, out, errOut := run("import", "--json", dir)
	if code != ExitFailure || errOut != "dossier: 1 of 3 files refused; see the results with status \"refused\" for the reasons\n" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var got struct {
		Results                       []workspace.ImportResult `json:"results"`
		Imported, Duplicates, Refused int
		Interrupted                   *bool `json:"interrupted"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("stdout is not the report: %v\n%s", err, out)
	}
	if got.Imported != 1 || got.Duplicates != 1 || got.Refused != 1 || got.Interrupted != nil || len(got.Results) != 3 {
		t.Fatalf("report %+v", got)
	}
	wantStatus := []workspace.ImportStatus{workspace.Duplicate, workspace.Refused, workspace.Imported}
	wantID := []int64{1, 0, 2}
	for i, r := range got.Results {
		if r.Status != wantStatus[i] || r.ArticleID != wantID[i] || r.Detail == "" {
			t.Errorf("result %d: %+v, want %s of article %d", i, r, wantStatus[i], wantID[i])
		}
	}

	// Nothing to import is an empty list, not null, and success.
	empty := t.TempDir()
	code, out, _ = run("import", "--json", empty)
	if code != ExitOK || !strings.Contains(out, `"results": []`) || !strings.Contains(out, `"imported": 0`) {
		t.Fatalf("empty folder: %d %s", code, out)
	}
}

// fakeTerminal makes the command line take the writers for terminals.
func fakeTerminal(t *testing.T) {
	saved := terminal
	terminal = func(io.Writer) bool { return true }
	t.Cleanup(func() { terminal = saved })
}

func TestImportProgressOnlyOnTerminal(t *testing.T) {
	newWorkspace(t)
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"1.txt": "One\n\nFirst.", "2.txt": "Two\n\nSecond."})
	fakeTerminal(t)
	code, out, errOut := run("import", dir)
	if code != ExitOK || !strings.HasSuffix(out, "2 imported, 0 duplicates, 0 refused\n") {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	// One line rewritten in place: before the first file, then after each.
	parts := strings.Split(errOut, "\r")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "importing: 0 of 2 done" ||
		!strings.HasPrefix(parts[2], "importing: 1 of 2 done (") || !strings.HasPrefix(parts[3], "importing: 2 of 2 done (") {
		t.Fatalf("progress %q", errOut)
	}
	// Then blanked out, leaving the cursor at its start.
	shown := len([]rune(strings.TrimRight(parts[3], " ")))
	if strings.Trim(parts[4], " ") != "" || len(parts[4]) < shown || parts[5] != "" {
		t.Fatalf("progress line not cleared: %q", errOut)
	}
}

func TestProgressLineShortensAndBlanks(t *testing.T) {
	var buf bytes.Buffer
	p := &progressLine{w: &buf}
	p.show(workspace.Progress{Done: 1, Total: 9, Current: strings.Repeat("é", 100)})
	long := buf.String()
	if n := len([]rune(long)); n != progressWidth+1 || !strings.HasSuffix(long, "…") {
		t.Fatalf("long line is %d characters: %q", n, long)
	}
	buf.Reset()
	p.show(workspace.Progress{Done: 2, Total: 9, Current: "b.txt"})
	short := "\rimporting: 2 of 9 done (b.txt)"
	if got := buf.String(); got != short+strings.Repeat(" ", progressWidth-len(short)+1) {
		t.Fatalf("shorter line does not blank the rest: %q", got)
	}
	var none *progressLine
	none.show(workspace.Progress{}) // no terminal: nothing, and no panic
	none.clear()
}

func TestImportInterrupted(t *testing.T) {
	newWorkspace(t)
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"1.txt": "One\n\nFirst.", "2.txt": "Two\n\nSecond.", "3.txt": "Three\n\nThird."})
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // Ctrl+C before the first file is stored
	var out, errOut bytes.Buffer
	code := Run(ctx, []string{"import", dir}, &out, &errOut)
	if code != ExitFailure || out.String() != "0 imported, 0 duplicates, 0 refused\n" {
		t.Fatalf("exit %d, stdout %q", code, out.String())
	}
	want := "dossier: import interrupted after 0 of 3 files; what is listed was stored; run the same command again to import the rest (duplicates are skipped)\n"
	if errOut.String() != want {
		t.Fatalf("stderr %q", errOut.String())
	}
	out.Reset()
	Run(ctx, []string{"import", "--json", dir}, &out, io.Discard)
	if !strings.Contains(out.String(), `"interrupted": true`) {
		t.Fatalf("--json does not say it was interrupted: %s", out.String())
	}
}
