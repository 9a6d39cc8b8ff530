package e2e

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/xuri/excelize/v2"
)

// sampleArticle is the worked example of the design, kept beside the
// project.
const sampleArticle = "../../shared/samples/peace-talks-miami.txt"

// chosenSentence is what the analyst marks as an excerpt: the first
// sentence of the article's first paragraph, below the headline.
const chosenSentence = "Recent high-level discussions held in Miami have underscored a concerted effort by the United States, European allies, and Ukraine to forge a unified stance on potential pathways to peace with Russia."

// workbookName is the file name typed into the export's save dialog.
const workbookName = "miami-talks-workbook.xlsx"

// workflowLayout holds the places in the window that the views decide:
// window-relative pixels, measured like the menu positions in
// steps_test.go, at 1200×760 with Fyne's default theme. A zero point means
// not needed, where the comment says so.
type workflowLayout struct {
	// importPath is where to click to put the caret in the import dialog's
	// path entry; zero when the entry has the focus as the dialog opens.
	importPath point
	// importFile, for a dialog that lists files rather than takes a typed
	// path, is the sample's entry in the list of the home folder, which is
	// double-clicked; zero to type the path.
	importFile point
	// article is the imported article's row in the articles list; zero when
	// the import opens the article in the reader by itself.
	article point
	// sentenceStart and sentenceEnd are where the mouse run presses and
	// releases to select chosenSentence in the reader: just left of its "R",
	// and just right of its final full stop.
	sentenceStart, sentenceEnd point
	// reader is a point on the reader's text that the keyboard run clicks
	// to give the reader the keyboard focus.
	reader point
	// tag is the choice of tagName in the excerpt editor.
	tag     point
	tagName string
	// saveExcerpt is the excerpt editor's button that saves; zero when
	// Enter saves.
	saveExcerpt point
	// acceptActor is the first Accept button of the proposals panel, and
	// actorName the proposed actor it accepts ("" for any proposed actor).
	acceptActor point
	actorName   string
	// exportOptions is a button to press on an options dialog shown before
	// the save dialog; zero when the save dialog comes first.
	exportOptions point
}

// articlesLayout is the layout of the articles view with its reader,
// proposals panel and excerpt editor, measured on the screenshots of a run:
// the sample opens in the reader below its title, date line and the
// excerpt button; the editor is a dialog in the middle of the window. The
// tag is one of the demo codebook's, which a new workspace starts with.
var articlesLayout = workflowLayout{
	// The sentence is the reader's second paragraph, from the "R" of
	// "Recent" on its first line to the space after "Russia." on its fourth;
	// the excerpt leaves that space out.
	sentenceStart: point{447, 247},
	sentenceEnd:   point{502, 304},
	reader:        point{600, 420},
	tag:           point{205, 537},
	tagName:       "Negotiations",
	saveExcerpt:   point{645, 681},
	acceptActor:   point{960, 170},
	actorName:     "United States",
}

// check fails the test, naming them, when positions the run needs are
// still unmeasured.
func (l workflowLayout) check(t *testing.T, byKeyboard bool) {
	t.Helper()
	needed := map[string]point{"tag": l.tag, "acceptActor": l.acceptActor}
	if byKeyboard {
		needed["reader"] = l.reader
	} else {
		needed["sentenceStart"], needed["sentenceEnd"] = l.sentenceStart, l.sentenceEnd
	}
	var missing []string
	for name, p := range needed {
		if p.isZero() {
			missing = append(missing, name)
		}
	}
	if l.tagName == "" {
		missing = append(missing, "tagName")
	}
	if len(missing) > 0 {
		slices.Sort(missing)
		t.Fatalf("articlesLayout lacks %s: measure them on the screenshots in %s", strings.Join(missing, ", "), screenshotDir)
	}
}

// TestWorkflowWithMouse is the analyst's day in short, with the sentence
// selected by dragging the pointer over it.
func TestWorkflowWithMouse(t *testing.T) { runWorkflow(t, false) }

// TestWorkflowWithKeyboard is the same day with the sentence selected by
// keys alone.
func TestWorkflowWithKeyboard(t *testing.T) { runWorkflow(t, true) }

// runWorkflow starts the window on a new workspace, imports the sample
// article through the menu, selects a sentence in the reader, makes it an
// excerpt with a tag, accepts a proposed actor and exports a workbook; then,
// with the app closed, reads the workspace through the command line and the
// workbook with excelize, and finds the excerpt, its tag and the actor in
// both.
func runWorkflow(t *testing.T, byKeyboard bool) {
	requireE2E(t)
	layout := articlesLayout
	layout.check(t, byKeyboard)
	text := readSample(t)
	proposed := proposedActors(t)

	s := startSession(t, "miami-talks")
	s.shot("start")
	sample := copySample(t, s.home, text)
	articleID := importSample(s, layout, sample, headline(text))
	if byKeyboard {
		selectSentenceByKeyboard(s, layout, text)
	} else {
		selectSentenceByPointer(s, layout)
	}
	makeExcerpt(s, layout, articleID)
	actor := acceptActor(s, layout, proposed)
	book := exportWorkbook(s, layout, byKeyboard)
	s.quit()

	excerpt := checkWorkspace(s, layout, articleID, byKeyboard, actor)
	checkWorkbook(t, book, excerpt, actor)
}

// readSample reads the sample article with Unix line ends, as Dossier
// keeps text.
func readSample(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(sampleArticle)
	if err != nil {
		t.Fatalf("read the sample article: %v", err)
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	if !strings.Contains(text, chosenSentence) {
		t.Fatalf("the sample article no longer holds the chosen sentence %q", chosenSentence)
	}
	return text
}

// headline is the article's first line, which the import takes as its
// title.
func headline(text string) string {
	first, _, _ := strings.Cut(text, "\n")
	return strings.TrimSpace(first)
}

// copySample puts the sample into the app's home folder, where a file
// dialog opens, so the import works whether the dialog takes a typed path
// or a click on a listed file.
func copySample(t *testing.T, home, text string) string {
	t.Helper()
	path := filepath.Join(home, filepath.Base(sampleArticle))
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// proposedActors imports the sample into a scratch workspace with the
// command line and returns the names of the actors Dossier proposes in it:
// the actor the analyst accepts in the window must be one of them.
func proposedActors(t *testing.T) []string {
	t.Helper()
	home := t.TempDir()
	ws := filepath.Join(home, "scratch.dossier")
	runCLI(t, home, ws, "init", ws)
	runCLI(t, home, ws, "import", sampleArticle)
	var list articleList
	decodeJSON(t, runCLI(t, home, ws, "articles", "list", "--json"), &list)
	if len(list.Articles) != 1 {
		t.Fatalf("scratch workspace holds %d articles, want the sample alone", len(list.Articles))
	}
	var suggestions struct {
		Proposals []struct {
			Kind string `json:"kind"`
			Text string `json:"text"`
		} `json:"proposals"`
	}
	decodeJSON(t, runCLI(t, home, ws, "suggest", "--json", itoa(list.Articles[0].ID)), &suggestions)
	var names []string
	for _, p := range suggestions.Proposals {
		if p.Kind == "actor" {
			names = append(names, p.Text)
		}
	}
	if len(names) == 0 {
		t.Fatal("Dossier proposes no actor in the sample article")
	}
	return names
}

// importSample imports the sample through File › Import files… and
// returns the new article's id once the workspace holds it.
func importSample(s *session, l workflowLayout, path, title string) int64 {
	s.t.Helper()
	s.openFileMenu()
	s.shot("file-menu")
	s.click(fileImportFiles)
	s.waitIdle()
	s.shot("import-dialog")
	if l.importFile.isZero() {
		if !l.importPath.isZero() {
			s.click(l.importPath)
		}
		s.key("ctrl+a") // replace whatever the entry proposes
		s.typeText(path)
		s.shot("import-path-typed")
		s.key("Return")
	} else {
		s.doubleClick(l.importFile)
	}
	var id int64
	s.waitFor("imported sample article in the workspace", func() bool {
		id = s.articleTitled(title)
		return id != 0
	})
	s.waitIdle()
	s.shot("import-done")
	s.key("Return") // closes the finished import's dialog
	if !l.article.isZero() {
		s.click(l.article)
		s.waitIdle()
	}
	s.shot("imported")
	return id
}

// selectSentenceByPointer drags across the chosen sentence in the reader.
func selectSentenceByPointer(s *session, l workflowLayout) {
	s.t.Helper()
	s.drag(l.sentenceStart, l.sentenceEnd)
	s.waitIdle()
	s.shot("sentence-dragged")
}

// selectSentenceByKeyboard selects the chosen sentence with keys alone:
// from the start of the text, Ctrl+Right past the headline's words and
// the sentence's first word, Ctrl+Left back to that word's start, then
// Ctrl+Shift+Right over each of the sentence's words and Shift+Right over
// its full stop. One click gives the reader the focus; where it lands
// does not matter.
func selectSentenceByKeyboard(s *session, l workflowLayout, text string) {
	s.t.Helper()
	s.click(l.reader)
	s.key("ctrl+Home")
	before := text[:strings.Index(text, chosenSentence)]
	s.keyRepeat(countWords(before)+1, "ctrl+Right")
	s.key("ctrl+Left")
	s.shot("caret-at-sentence")
	s.keyRepeat(countWords(chosenSentence), "ctrl+shift+Right")
	s.key("shift+Right")
	s.waitIdle()
	s.shot("sentence-selected")
}

// countWords counts words as the reader's Ctrl+Right steps over them:
// runs of letters, digits, marks and underscores, an apostrophe between
// two of them belonging to the word ("Ukraine’s" is one word, "high-level"
// two).
func countWords(text string) int {
	runes := []rune(text)
	inWord := func(i int) bool {
		if isWordRune(runes[i]) {
			return true
		}
		apostrophe := runes[i] == '\'' || runes[i] == '’'
		return apostrophe && i > 0 && i+1 < len(runes) && isWordRune(runes[i-1]) && isWordRune(runes[i+1])
	}
	n := 0
	for i := range runes {
		if inWord(i) && (i == 0 || !inWord(i-1)) {
			n++
		}
	}
	return n
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_'
}

// makeExcerpt opens the excerpt editor on the selection with Ctrl+E,
// chooses the tag and saves, and waits for the excerpt in the workspace.
func makeExcerpt(s *session, l workflowLayout, articleID int64) {
	s.t.Helper()
	s.key("ctrl+e")
	s.waitIdle()
	s.shot("excerpt-editor")
	s.click(l.tag)
	s.waitIdle()
	s.shot("tag-chosen")
	if l.saveExcerpt.isZero() {
		s.key("Return")
	} else {
		s.click(l.saveExcerpt)
	}
	s.waitFor("excerpt in the workspace", func() bool { return len(s.excerptsIn(articleID)) > 0 })
	s.waitIdle()
	s.shot("excerpt-saved")
}

// acceptActor presses the proposals panel's first Accept button and
// returns the name of the actor that this adds to the workspace.
func acceptActor(s *session, l workflowLayout, proposed []string) string {
	s.t.Helper()
	known := s.actorNames()
	s.shot("proposals")
	s.click(l.acceptActor)
	var name string
	s.waitFor("accepted actor in the workspace", func() bool {
		for _, a := range s.actorNames() {
			if !slices.Contains(known, a) && slices.Contains(proposed, a) {
				name = a
				return true
			}
		}
		return false
	})
	s.waitIdle()
	s.shot("actor-accepted")
	return name
}

// exportWorkbook asks for the workbook, with Ctrl+Shift+E in the keyboard
// run and through File › Export workbook… in the other, types its path
// into the dialog's path entry, which has the focus, and waits until the
// workbook is complete.
func exportWorkbook(s *session, l workflowLayout, byKeyboard bool) string {
	s.t.Helper()
	if byKeyboard {
		s.key("ctrl+shift+e")
	} else {
		s.openFileMenu()
		s.click(fileExportWorkbook)
	}
	s.waitIdle()
	s.shot("export-dialog")
	if !l.exportOptions.isZero() {
		s.click(l.exportOptions)
		s.waitIdle()
		s.shot("export-save-dialog")
	}
	s.key("ctrl+a") // replace the proposed path
	s.typeText(filepath.Join(s.home, workbookName))
	s.shot("export-name-typed")
	s.key("Return")
	var path string
	s.waitFor("complete workbook "+workbookName+" in the home folder", func() bool {
		path = findFile(s.home, workbookName)
		return path != "" && opensAsWorkbook(path)
	})
	s.waitIdle()
	s.shot("exported")
	s.key("Return") // closes the finished export's dialog
	return path
}

// findFile looks for a file named name anywhere under dir: the save
// dialog may open in a folder below home.
func findFile(dir, name string) string {
	var found string
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() == name {
			found = path
			return fs.SkipAll
		}
		return nil
	})
	return found
}

// opensAsWorkbook tells a complete workbook from one still being written.
func opensAsWorkbook(path string) bool {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return false
	}
	f.Close()
	return true
}

// checkWorkspace reads the closed workspace through the command line: the
// article holds one excerpt, of the chosen sentence (a drag may stop short
// of the full stop), tagged with the layout's tag; the accepted actor is
// there. It returns the excerpt for the workbook check.
func checkWorkspace(s *session, l workflowLayout, articleID int64, byKeyboard bool, actor string) excerptFound {
	s.t.Helper()
	excerpts := s.excerptsIn(articleID)
	if len(excerpts) != 1 {
		s.t.Fatalf("article %d holds %d excerpts, want 1: %+v", articleID, len(excerpts), excerpts)
	}
	ex := excerpts[0]
	if ex.Selector.Exact != chosenSentence {
		s.t.Errorf("excerpt = %q, want %q", ex.Selector.Exact, chosenSentence)
	}
	tag, ok := s.tagNamed(l.tagName)
	if !ok {
		s.t.Fatalf("the workspace has no tag %q", l.tagName)
	}
	if !slices.Contains(ex.TagIDs, tag.ID) {
		s.t.Errorf("excerpt's tags = %v, want them to hold %q (tag %d)", ex.TagIDs, l.tagName, tag.ID)
	}
	if l.actorName != "" && actor != l.actorName {
		s.t.Errorf("accepted actor = %q, want %q, the first proposed", actor, l.actorName)
	}
	if !slices.Contains(s.actorNames(), actor) {
		s.t.Errorf("actor %q is gone from the workspace after quitting", actor)
	}
	return excerptFound{quote: ex.Selector.Exact, tagName: tag.Name, tagPath: tag.Path}
}

// excerptFound is the excerpt as the workspace holds it, to look for in
// the workbook.
type excerptFound struct {
	quote, tagName, tagPath string
}

// checkWorkbook finds the excerpt with its tag in the Excerpts sheet and
// the actor in the Actors sheet.
func checkWorkbook(t *testing.T, path string, ex excerptFound, actor string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("open the exported workbook: %v", err)
	}
	defer f.Close()
	row, ok := findRow(t, f, "Excerpts", "Text", ex.quote)
	if !ok {
		t.Errorf("the Excerpts sheet has no row with the text %q", ex.quote)
	} else if tags := splitList(row["Tags"]); !slices.Contains(tags, ex.tagName) && !slices.Contains(tags, ex.tagPath) {
		t.Errorf("the excerpt's row has tags %q, want %q", row["Tags"], ex.tagName)
	}
	if _, ok := findRow(t, f, "Actors", "Name", actor); !ok {
		t.Errorf("the Actors sheet has no row named %q", actor)
	}
}

// findRow returns the first row of sheet whose column headed column holds
// value, as a map from header to cell.
func findRow(t *testing.T, f *excelize.File, sheet, column, value string) (map[string]string, bool) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("read the %s sheet: %v", sheet, err)
	}
	if len(rows) == 0 || !slices.Contains(rows[0], column) {
		t.Fatalf("the %s sheet has no %q column", sheet, column)
	}
	header := rows[0]
	for _, cells := range rows[1:] {
		row := map[string]string{}
		for i, cell := range cells {
			if i < len(header) {
				row[header[i]] = cell
			}
		}
		if row[column] == value {
			return row, true
		}
	}
	return nil, false
}

// splitList reads a cell that lists several values, "a; b".
func splitList(cell string) []string {
	var out []string
	for part := range strings.SplitSeq(cell, ";") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}
