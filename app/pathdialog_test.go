package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"dossier/workspace"
)

// pathsHome makes a fresh folder the home folder, so that ~ and the
// suggestions do not depend on the machine.
func pathsHome(t *testing.T) string {
	t.Helper()
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	return home
}

// pathsEntry returns the entry that has the keyboard focus, failing
// unless it is in the dialog on top.
func pathsEntry(t *testing.T, m *MainWindow) *widget.Entry {
	t.Helper()
	focused := m.Window.Canvas().Focused()
	e, ok := focused.(*widget.Entry)
	if !ok {
		t.Fatalf("the keyboard focus is on %T, want the path entry", focused)
	}
	top := m.Window.Canvas().Overlays().Top()
	if top == nil || !slices.Contains(test.LaidOutObjects(top), fyne.CanvasObject(e)) {
		t.Fatal("the focused entry is not in the dialog on top")
	}
	return e
}

// pathsSubmit types path into whatever has the focus, as the keyboard
// does, and presses Enter.
func pathsSubmit(t *testing.T, m *MainWindow, path string) {
	t.Helper()
	e := pathsEntry(t, m)
	for _, r := range path {
		e.TypedRune(r)
	}
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

// pathsRetype replaces what the entry holds with path, as Ctrl+A and
// typing do, and presses Enter.
func pathsRetype(t *testing.T, m *MainWindow, path string) {
	t.Helper()
	pathsEntry(t, m).TypedShortcut(&fyne.ShortcutSelectAll{})
	pathsSubmit(t, m, path)
}

// pathsProblem returns the problem the dialog on top shows, or "".
func pathsProblem(m *MainWindow) string {
	top := m.Window.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok && l.Importance == widget.DangerImportance && l.Visible() {
			return l.Text
		}
	}
	return ""
}

// pathsTitle says whether the dialog on top shows title.
func pathsTitle(m *MainWindow, title string) bool {
	return slices.Contains(textsIn(m.Window.Canvas().Overlays().Top()), title)
}

func pathsWrite(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func pathsRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestPathDialogFocusAndSuggestion(t *testing.T) {
	home := pathsHome(t)
	m := exportingDemo(t)
	m.importFiles()
	e := pathsEntry(t, m)
	if want := home + string(filepath.Separator); e.Text != want {
		t.Errorf("import suggestion = %q, want the home folder %q", e.Text, want)
	}
	if e.SelectedText() != e.Text {
		t.Errorf("selected %q of %q; want it all, so that typing replaces it", e.SelectedText(), e.Text)
	}
	closeDialogs(m.Window)

	m.exportWorkbook()
	if got, want := pathsEntry(t, m).Text, filepath.Join(home, "miami-talks.xlsx"); got != want {
		t.Errorf("export suggestion = %q, want %q", got, want)
	}
}

func TestPathImportTypedFile(t *testing.T) {
	pathsHome(t)
	a := test.NewTempApp(t)
	ws := newTestWorkspace(t, "w")
	m := openTestWindow(t, a, ws)
	sample := importingSample(t)

	m.importFiles()
	if !pathsTitle(m, "Import") {
		t.Errorf("dialog texts = %q, want the title Import", textsIn(m.Window.Canvas().Overlays().Top()))
	}
	pathsSubmit(t, m, sample)

	arts := importingArticles(t, ws)
	if len(arts) != 1 {
		t.Fatalf("articles after importing %s = %d, want 1", sample, len(arts))
	}
	whole, err := ws.Article(context.Background(), arts[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(whole.Body, "productive and constructive") {
		t.Error("the article lacks the sample's text")
	}
	if want := "Import done, 1 file: 1 imported."; m.Message.Text != want {
		t.Errorf("status bar = %q, want %q", m.Message.Text, want)
	}
	if m.CurrentView() != "Articles" || m.articles.reading.Article.ID != arts[0].ID {
		t.Errorf("after the import the window shows %s, article %d; want the imported article %d in the reader",
			m.CurrentView(), m.articles.reading.Article.ID, arts[0].ID)
	}
	if got := a.Preferences().String(prefLastFolder); got != filepath.Dir(sample) {
		t.Errorf("last folder = %q, want %q", got, filepath.Dir(sample))
	}
}

func TestPathImportFolderMode(t *testing.T) {
	pathsHome(t)
	a := test.NewTempApp(t)
	ws := newTestWorkspace(t, "w")
	m := openTestWindow(t, a, ws)
	folder := importingThree(t)

	m.importFolder()
	pathsSubmit(t, m, folder)

	if arts := importingArticles(t, ws); len(arts) != 3 {
		t.Errorf("articles after importing the folder = %d, want 3", len(arts))
	}
	if got := a.Preferences().String(prefLastFolder); got != folder {
		t.Errorf("last folder = %q, want the folder imported, %q", got, folder)
	}
}

func TestPathMissingKeepsDialog(t *testing.T) {
	home := pathsHome(t)
	a := test.NewTempApp(t)
	ws := newTestWorkspace(t, "w")
	m := openTestWindow(t, a, ws)

	m.importFiles()
	pathsSubmit(t, m, "~/no such file.txt")

	want := "There is no file or folder at " + filepath.Join(home, "no such file.txt") + "."
	if got := pathsProblem(m); got != want {
		t.Errorf("problem = %q, want %q", got, want)
	}
	if !pathsTitle(m, "Import") || pathsEntry(t, m) == nil {
		t.Error("the dialog closed on a missing path")
	}
	if arts := importingArticles(t, ws); len(arts) != 0 {
		t.Errorf("a missing path imported %d articles", len(arts))
	}
	if got := a.Preferences().String(prefLastFolder); got != "" {
		t.Errorf("a refused path was remembered: %q", got)
	}

	// Mending the path and confirming again goes ahead.
	pathsRetype(t, m, importingSample(t))
	if arts := importingArticles(t, ws); len(arts) != 1 {
		t.Errorf("articles after mending the path = %d, want 1", len(arts))
	}
}

// TestPathRefusesTheOpenWorkspace tries every save action on the open
// workspace's own file, by its name, without the extension the action
// adds and through a link: each is refused in the dialog and the file is
// left as it was.
func TestPathRefusesTheOpenWorkspace(t *testing.T) {
	pathsHome(t)
	m := exportingDemo(t)
	path := m.ws.Path()
	before := pathsRead(t, path)
	link := filepath.Join(t.TempDir(), "link.xlsx")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	bare := strings.TrimSuffix(path, workspace.Extension) // the extension Backup and New add
	tests := []struct {
		name  string
		act   func()
		typed []string
	}{
		{"Export workbook", m.exportWorkbook, []string{path, link}},
		{"Backup", m.backupWorkspace, []string{path, bare, link}},
		{"New", m.newWorkspace, []string{path, bare, link}},
	}
	for _, tt := range tests {
		name, act := tt.name, tt.act
		for _, typed := range tt.typed {
			act()
			pathsSubmit(t, m, typed)
			if got := pathsProblem(m); !strings.Contains(got, "is the open workspace; choose another file name.") {
				t.Errorf("%s to %s: problem = %q, want the refusal", name, typed, got)
			}
			closeDialogs(m.Window)
		}
	}

	if !bytes.Equal(pathsRead(t, path), before) {
		t.Error("the workspace file changed")
	}
	if arts := importingArticles(t, m.ws); len(arts) != 4 {
		t.Errorf("the open workspace reads %d articles, want the demo's 4", len(arts))
	}
	again, err := workspace.Open(path, workspace.Options{})
	if err != nil {
		t.Fatalf("the workspace no longer opens: %v", err)
	}
	defer again.Close()
	if arts := importingArticles(t, again); len(arts) != 4 {
		t.Errorf("reopened, the workspace holds %d articles, want 4", len(arts))
	}
}

// pathsConfirm returns the Replace? dialog on top, failing unless it asks
// question.
func pathsConfirm(t *testing.T, m *MainWindow, question string) fyne.CanvasObject {
	t.Helper()
	top := m.Window.Canvas().Overlays().Top()
	if !slices.Contains(textsIn(top), question) {
		t.Fatalf("dialog texts = %q, want the question %q", textsIn(top), question)
	}
	return top
}

func TestPathReplaceAsksFirst(t *testing.T) {
	pathsHome(t)
	m := exportingDemo(t)
	report := filepath.Join(t.TempDir(), "report.xlsx")
	pathsWrite(t, report, "last week's report")

	m.exportWorkbook()
	pathsSubmit(t, m, report)
	test.Tap(importingButton(t, pathsConfirm(t, m, "Replace report.xlsx?"), "Cancel"))
	if got := string(pathsRead(t, report)); got != "last week's report" {
		t.Errorf("after Cancel the file holds %q", got)
	}
	if !pathsTitle(m, "Export workbook") || pathsEntry(t, m) == nil {
		t.Fatal("Cancel closed the path dialog too; it should stay for another name")
	}

	pathsEntry(t, m).TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Tap(importingButton(t, pathsConfirm(t, m, "Replace report.xlsx?"), "Replace"))
	f, err := excelize.OpenFile(report)
	if err != nil {
		t.Fatalf("after Replace the file is no workbook: %v", err)
	}
	f.Close()
	if want := "Exported the workbook to " + report; m.Message.Text != want {
		t.Errorf("status = %q, want %q", m.Message.Text, want)
	}
}

func TestPathCancelledExportKeepsExistingFile(t *testing.T) {
	m := exportingDemo(t)
	report := filepath.Join(t.TempDir(), "report.xlsx")
	pathsWrite(t, report, "last week's report")
	d := m.newProgressDialog("Export workbook")
	d.afterStep = func() {
		if d.Button.Text == "Cancel" {
			test.Tap(d.Button)
		}
	}
	m.runWorkbookExport(d, report)

	if got := string(pathsRead(t, report)); got != "last week's report" {
		t.Errorf("after a cancelled export the file holds %q", got)
	}
	if entries, _ := os.ReadDir(filepath.Dir(report)); len(entries) != 1 {
		t.Errorf("the folder holds %d files, want the report alone", len(entries))
	}
}

func TestPathBackupReplacesOnlyWhenDone(t *testing.T) {
	pathsHome(t)
	m := exportingDemo(t)
	dir := t.TempDir()
	old := workspacesFile(t, dir, "copy", false)
	before := pathsRead(t, old)

	d := m.newProgressDialog("Backup")
	d.cancel() // cancelled before it starts
	m.runBackup(d, old)
	if !bytes.Equal(pathsRead(t, old), before) {
		t.Error("a cancelled backup changed the file it was to replace")
	}
	closeDialogs(m.Window)

	m.backupWorkspace()
	pathsSubmit(t, m, filepath.Join(dir, "copy"))
	test.Tap(importingButton(t, pathsConfirm(t, m, "Replace copy.dossier?"), "Replace"))
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %d files, want the backup alone", len(entries))
	}
	copied, err := workspace.Open(old, workspace.Options{})
	if err != nil {
		t.Fatalf("the backup does not open: %v", err)
	}
	defer copied.Close()
	if arts := importingArticles(t, copied); len(arts) != 4 {
		t.Errorf("the backup holds %d articles, want 4", len(arts))
	}
}

func TestPathExportCSVAsksBeforeReplacing(t *testing.T) {
	pathsHome(t)
	m := exportingDemo(t)
	dir := t.TempDir()
	pathsWrite(t, filepath.Join(dir, "articles.csv"), "old")

	m.exportCSV()
	pathsSubmit(t, m, dir)
	test.Tap(importingButton(t, pathsConfirm(t, m, "Replace articles.csv?"), "Cancel"))
	if got := string(pathsRead(t, filepath.Join(dir, "articles.csv"))); got != "old" {
		t.Errorf("after Cancel articles.csv holds %q", got)
	}
	pathsEntry(t, m).TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Tap(importingButton(t, pathsConfirm(t, m, "Replace articles.csv?"), "Replace"))
	title := importingArticles(t, m.ws)[0].Title
	if got := string(pathsRead(t, filepath.Join(dir, "articles.csv"))); !strings.Contains(got, title) {
		t.Errorf("after Replace articles.csv does not list %q", title)
	}
	if _, err := os.Stat(filepath.Join(dir, "tags.csv")); err != nil {
		t.Errorf("no tags.csv: %v", err)
	}
}

func TestPathNewAndOpenWorkspace(t *testing.T) {
	pathsHome(t)
	a := test.NewTempApp(t)
	m := openTestWindow(t, a, newTestWorkspace(t, "old"))
	t.Cleanup(func() { m.CloseWorkspace() })
	dir := t.TempDir()
	taken := workspacesFile(t, dir, "taken", true)

	m.newWorkspace()
	pathsSubmit(t, m, filepath.Join(dir, "taken"))
	if got := pathsProblem(m); got != taken+" already exists; choose a new file name, or open it with Open…." {
		t.Errorf("New over an existing file: problem = %q", got)
	}
	pathsRetype(t, m, filepath.Join(dir, "sanctions"))
	if m.Window.Title() != "Dossier — sanctions" || m.ws.Path() != filepath.Join(dir, "sanctions"+workspace.Extension) {
		t.Errorf("after New: title %q, workspace %s", m.Window.Title(), m.ws.Path())
	}

	m.openWorkspace()
	pathsSubmit(t, m, dir)
	if got := pathsProblem(m); got != dir+" is a folder; choose a file in it." {
		t.Errorf("Open on a folder: problem = %q", got)
	}
	pathsRetype(t, m, taken)
	if m.ws.Path() != taken || !strings.HasPrefix(m.Counts.Text, "4 articles") {
		t.Errorf("after Open: workspace %s, counts %q", m.ws.Path(), m.Counts.Text)
	}
	if got := a.Preferences().String(prefLastFolder); got != dir {
		t.Errorf("last folder = %q, want %q", got, dir)
	}
}

func TestPathTildeAndQuotes(t *testing.T) {
	home := pathsHome(t)
	if err := os.Mkdir(filepath.Join(home, "cases"), 0o755); err != nil {
		t.Fatal(err)
	}
	pathsWrite(t, filepath.Join(home, "cases", "talks.txt"), string(pathsRead(t, importingSample(t))))
	a := test.NewTempApp(t)
	ws := newTestWorkspace(t, "w")
	m := openTestWindow(t, a, ws)

	m.importFiles()
	pathsSubmit(t, m, `  "~/cases/talks.txt" `)
	if arts := importingArticles(t, ws); len(arts) != 1 {
		t.Errorf("a quoted ~ path imported %d articles, want 1; problem %q", len(arts), pathsProblem(m))
	}
}

func TestCleanPath(t *testing.T) {
	home := pathsHome(t)
	base := filepath.Join(home, "base")
	tests := []struct{ typed, want string }{
		{"", ""},
		{`  ""  `, ""},
		{"~", home},
		{"~/cases/a.txt", filepath.Join(home, "cases", "a.txt")},
		{`"/srv/cases/a b.txt"`, "/srv/cases/a b.txt"},
		{`'/srv/cases/a b.txt'`, "/srv/cases/a b.txt"},
		{` "~/a.txt" `, filepath.Join(home, "a.txt")},
		{"file:///srv/cases/a%20b.txt", "/srv/cases/a b.txt"},
		{"report.xlsx", filepath.Join(base, "report.xlsx")},
		{"~analyst/a.txt", filepath.Join(base, "~analyst", "a.txt")},
		{"/srv/cases/../a.txt", "/srv/a.txt"},
	}
	for _, tt := range tests {
		if got := cleanPath(tt.typed, base); got != filepath.FromSlash(tt.want) {
			t.Errorf("cleanPath(%q) = %q, want %q", tt.typed, got, tt.want)
		}
	}
}

func TestPathLastFolderRemembered(t *testing.T) {
	pathsHome(t)
	m := exportingDemo(t)
	dir := t.TempDir()

	m.exportWorkbook()
	pathsSubmit(t, m, filepath.Join(dir, "week 12"))
	if _, err := os.Stat(filepath.Join(dir, "week 12.xlsx")); err != nil {
		t.Fatalf("no workbook: %v", err)
	}
	closeDialogs(m.Window)

	m.exportWorkbook()
	if got, want := pathsEntry(t, m).Text, filepath.Join(dir, "miami-talks.xlsx"); got != want {
		t.Errorf("next export suggests %q, want %q", got, want)
	}
	closeDialogs(m.Window)
	m.importFiles()
	if got, want := pathsEntry(t, m).Text, dir+string(filepath.Separator); got != want {
		t.Errorf("next import suggests %q, want %q", got, want)
	}
	closeDialogs(m.Window)

	// Typed alone, a name goes into the last folder.
	m.exportWorkbook()
	pathsSubmit(t, m, "week 13")
	if _, err := os.Stat(filepath.Join(dir, "week 13.xlsx")); err != nil {
		t.Errorf("a name typed alone: %v", err)
	}
}

func TestPathSaveNeedsAnExistingFolder(t *testing.T) {
	pathsHome(t)
	m := exportingDemo(t)
	missing := filepath.Join(t.TempDir(), "no such folder")

	m.exportWorkbook()
	pathsSubmit(t, m, filepath.Join(missing, "report"))
	if got, want := pathsProblem(m), "There is no folder "+missing+"; choose a folder that exists."; got != want {
		t.Errorf("problem = %q, want %q", got, want)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("the folder was made, or something written: %v", err)
	}
}

// TestPathBrowse opens Fyne's own dialog from Browse…, and takes the
// folder chosen there while keeping the file name typed.
func TestPathBrowse(t *testing.T) {
	pathsHome(t)
	m := exportingDemo(t)
	dir := t.TempDir()
	d := m.askPath(pathRequest{title: "Export workbook", confirm: "Export", kind: saveFile, ext: ".xlsx",
		name: "miami-talks.xlsx", chosen: func(string) { t.Error("browsing confirmed the dialog") }})
	d.Entry.SetText("/somewhere/else/week 14.xlsx")
	overlays := m.Window.Canvas().Overlays()
	ours := overlays.Top()

	test.Tap(d.Browse)
	if top := overlays.Top(); top == nil || top == ours {
		t.Error("Browse… opened no dialog of its own")
	}
	overlays.Remove(overlays.Top())

	d.browsed(dir)
	if got, want := d.Entry.Text, filepath.Join(dir, "week 14.xlsx"); got != want {
		t.Errorf("after browsing the entry holds %q, want %q", got, want)
	}
	if m.Window.Canvas().Focused() != d.Entry {
		t.Error("the entry lost the focus after browsing")
	}
}
