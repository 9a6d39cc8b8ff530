package app

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/model"
	"dossier/workspace"
)

// importingSample is the worked example article.
func importingSample(t *testing.T) string {
	t.Helper()
	path, err := filepath.Abs("../../shared/samples/peace-talks-miami.txt")
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// importingFolder writes files (name → content) into a new folder.
func importingFolder(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func importingArticles(t *testing.T, ws *workspace.Workspace) []model.Article {
	t.Helper()
	heads, _, err := ws.ListArticleHeads(context.Background(), model.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return heads
}

func importingLines(d *progressDialog) []string {
	var texts []string
	for _, l := range d.lines {
		texts = append(texts, l.text)
	}
	return texts
}

func TestImportShowsResultsAsTheyCome(t *testing.T) {
	a := test.NewTempApp(t)
	ws := newTestWorkspace(t, "w")
	m := openTestWindow(t, a, ws)
	sample := importingSample(t)
	body, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	folder := importingFolder(t, map[string]string{
		"peace-talks-miami.txt": string(body),
		"scan.txt":              "PK\x00\x00binary\x00data",
	})

	d := m.newProgressDialog("Import")
	var seen []int // lines listed at each step
	d.afterStep = func() { seen = append(seen, len(d.lines)) }
	m.runImport(d, []string{folder, sample})

	if !slices.Equal(seen[:4], []int{0, 1, 2, 3}) {
		t.Errorf("lines listed step by step = %v, want one more per file: 0 1 2 3", seen)
	}
	lines := importingLines(d)
	want := []string{
		`peace-talks-miami.txt: imported as article 1 "`,
		"scan.txt: refused: ",
		`peace-talks-miami.txt: duplicate of article 1 "`,
	}
	if len(lines) != len(want) {
		t.Fatalf("result lines = %q, want %d", lines, len(want))
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %q, want it to start %q", i, lines[i], w)
		}
	}
	summary := "Import done, 3 files: 1 imported, 1 duplicate, 1 refused."
	if d.Summary.Text != summary || m.Message.Text != summary {
		t.Errorf("summary %q, status bar %q; want %q in both", d.Summary.Text, m.Message.Text, summary)
	}
	if texts := textsIn(m.Window.Canvas().Overlays().Top()); !slices.Contains(texts, lines[1]) {
		t.Errorf("the dialog does not show the refusal; it shows %q", texts)
	}
	if d.Bar.Value != 3 || d.Bar.Max != 3 {
		t.Errorf("bar at %v of %v, want 3 of 3", d.Bar.Value, d.Bar.Max)
	}
	arts := importingArticles(t, ws)
	if len(arts) != 1 || !strings.Contains(lines[0], arts[0].Title) {
		t.Errorf("workspace articles = %+v, want the one imported", arts)
	}
	if !strings.HasPrefix(m.Counts.Text, "1 articles") {
		t.Errorf("status counts = %q, want 1 article", m.Counts.Text)
	}
}

// importingThree is a folder of three different articles.
func importingThree(t *testing.T) string {
	t.Helper()
	return importingFolder(t, map[string]string{
		"a.txt": "Talks resume in Miami\n\nThe delegations met for a second day and spoke of progress.",
		"b.txt": "Drone strikes overnight\n\nAir defence units reported about forty drones over the region.",
		"c.txt": "Envoy travels to Moscow\n\nThe envoy is expected to present the revised plan on Tuesday.",
	})
}

func TestImportCancelKeepsWholeArticles(t *testing.T) {
	a := test.NewTempApp(t)
	ws := newTestWorkspace(t, "w")
	m := openTestWindow(t, a, ws)
	d := m.newProgressDialog("Import")
	d.afterStep = func() {
		if len(d.lines) == 1 && d.Button.Text == "Cancel" {
			test.Tap(d.Button)
		}
	}
	m.runImport(d, []string{importingThree(t)})

	arts := importingArticles(t, ws)
	if len(arts) != 1 {
		t.Fatalf("articles after Cancel = %d, want the one stored before it", len(arts))
	}
	whole, err := ws.Article(context.Background(), arts[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(whole.Body, "spoke of progress.") {
		t.Errorf("article body = %q, want the whole text", whole.Body)
	}
	want := "Import cancelled after 1 of 3 files: 1 imported."
	if d.Summary.Text != want || m.Message.Text != want {
		t.Errorf("summary %q, status bar %q; want %q", d.Summary.Text, m.Message.Text, want)
	}
	if d.Button.Text != "Close" || d.Button.Disabled() {
		t.Errorf("button = %q, disabled %v; want Close", d.Button.Text, d.Button.Disabled())
	}
}

// TestImportStopsWhenWindowCloses closes the window mid-import, as the
// analyst quitting does: the import ends with the file it is storing, and
// the workspace, read again from disk, holds whole articles only.
func TestImportStopsWhenWindowCloses(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "w"+workspace.Extension)
	ws, err := workspace.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	m := newMainWindow(a, ws, func(f func()) { f() })
	d := m.newProgressDialog("Import")
	closed := false
	d.afterStep = func() {
		if len(d.lines) == 1 && !closed {
			closed = true
			m.Window.Close()
		}
	}
	m.runImport(d, []string{importingThree(t)})
	if err := m.CloseWorkspace(); err != nil {
		t.Fatal(err)
	}

	again, err := workspace.Open(path, workspace.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	arts := importingArticles(t, again)
	if len(arts) != 1 || arts[0].Title != "Talks resume in Miami" {
		t.Fatalf("articles after closing = %+v, want the first one only", arts)
	}
	whole, err := again.Article(context.Background(), arts[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(whole.Body, "spoke of progress.") {
		t.Errorf("article body = %q, want the whole text", whole.Body)
	}
}

func TestImportDroppedFiles(t *testing.T) {
	a := test.NewTempApp(t)
	ws := newTestWorkspace(t, "w")
	m := openTestWindow(t, a, ws)
	m.importDropped(fyne.NewPos(300, 200), []fyne.URI{storage.NewFileURI(importingSample(t))})
	if arts := importingArticles(t, ws); len(arts) != 1 {
		t.Errorf("articles after the drop = %d, want 1", len(arts))
	}
	if want := "Import done, 1 file: 1 imported."; m.Message.Text != want {
		t.Errorf("status bar = %q, want %q", m.Message.Text, want)
	}
}

func TestImportDroppedNonFilesSaysSo(t *testing.T) {
	m, _ := newTestWindow(t, "w")
	u, err := storage.ParseURI("https://example.org/article")
	if err != nil {
		t.Fatal(err)
	}
	m.importDropped(fyne.NewPos(0, 0), []fyne.URI{u})
	if m.Window.Canvas().Overlays().Top() != nil || !strings.Contains(m.Message.Text, "Only files and folders") {
		t.Errorf("dropping a link: status %q, overlay %v", m.Message.Text, m.Window.Canvas().Overlays().Top())
	}
}

func TestPasteCreatesArticle(t *testing.T) {
	a := test.NewTempApp(t)
	ws := newTestWorkspace(t, "w")
	m := openTestWindow(t, a, ws)
	body, err := os.ReadFile(importingSample(t))
	if err != nil {
		t.Fatal(err)
	}
	a.Clipboard().SetContent(string(body))
	m.pasteArticle()
	top := m.Window.Canvas().Overlays().Top()
	if top == nil || !slices.Contains(textsIn(top), "Paste as article") {
		t.Fatal("Paste as article opened no dialog")
	}
	title := importingEntry(t, top, "The text's first line when left empty")
	test.Type(title, "Miami talks, day two")
	test.Tap(importingButton(t, top, "Import"))

	arts := importingArticles(t, ws)
	if len(arts) != 1 || arts[0].Title != "Miami talks, day two" {
		t.Fatalf("articles after pasting = %+v, want one titled as typed", arts)
	}
	whole, err := ws.Article(context.Background(), arts[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(whole.Body, "productive and constructive") {
		t.Error("the pasted article lacks the clipboard's text")
	}
	if m.Message.Text != "Pasted as article 1" || m.CurrentView() != "Articles" {
		t.Errorf("after pasting: status %q, view %q", m.Message.Text, m.CurrentView())
	}

	m.importPasted("", string(body))
	if arts := importingArticles(t, ws); len(arts) != 1 {
		t.Errorf("pasting the same text again made %d articles, want 1", len(arts))
	}
	if !strings.HasPrefix(m.Message.Text, "Already in the workspace: duplicate of article 1") {
		t.Errorf("status after a duplicate paste = %q", m.Message.Text)
	}
}

func TestPasteRefusesEmptyText(t *testing.T) {
	a := test.NewTempApp(t)
	ws := newTestWorkspace(t, "w")
	m := openTestWindow(t, a, ws)
	m.importPasted("A title", " \n\t ")
	texts := strings.Join(textsIn(m.Window.Canvas().Overlays().Top()), "\n")
	if !strings.Contains(texts, "Could not paste as article: there is no text") {
		t.Errorf("dialog texts = %q, want the refusal", texts)
	}
	if arts := importingArticles(t, ws); len(arts) != 0 {
		t.Errorf("an empty paste made %d articles", len(arts))
	}
}

func TestImportSummary(t *testing.T) {
	r := func(s workspace.ImportStatus) workspace.ImportResult { return workspace.ImportResult{Status: s} }
	tests := []struct {
		results   []workspace.ImportResult
		total     int
		cancelled bool
		want      string
	}{
		{nil, 0, false, "Import done, 0 files: 0 imported."},
		{[]workspace.ImportResult{r(workspace.Imported), r(workspace.Imported)}, 2, false, "Import done, 2 files: 2 imported."},
		{[]workspace.ImportResult{r(workspace.Duplicate), r(workspace.Duplicate), r(workspace.Refused)}, 3, false,
			"Import done, 3 files: 2 duplicates, 1 refused."},
		{[]workspace.ImportResult{r(workspace.Imported)}, 5, true, "Import cancelled after 1 of 5 files: 1 imported."},
	}
	for _, tt := range tests {
		if got := importSummary(tt.results, tt.total, tt.cancelled); got != tt.want {
			t.Errorf("importSummary(%v, %d, %v) = %q, want %q", tt.results, tt.total, tt.cancelled, got, tt.want)
		}
	}
}

// importingEntry finds the entry under o that shows placeholder.
func importingEntry(t *testing.T, o fyne.CanvasObject, placeholder string) *widget.Entry {
	t.Helper()
	for _, obj := range test.LaidOutObjects(o) {
		if e, ok := obj.(*widget.Entry); ok && e.PlaceHolder == placeholder {
			return e
		}
	}
	t.Fatalf("no entry with placeholder %q", placeholder)
	return nil
}

// importingButton finds the button under o labelled text.
func importingButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, obj := range test.LaidOutObjects(o) {
		if b, ok := obj.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}
