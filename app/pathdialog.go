package app

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// Every File-menu action that needs a path asks for it here rather than in
// Fyne's file dialogs: a path can be typed or pasted (and the window driven
// from the keyboard), and nothing is written to the chosen file until the
// export, backup or new workspace is complete. Fyne's save dialog creates
// or empties the file before the program sees the choice, which cost work
// when that file was the open workspace; it is no longer used. Browse…
// still opens Fyne's own dialogs for those who prefer to click.

// Preference key of the folder a path was last chosen in.
const prefLastFolder = "paths.lastFolder"

// pathKind says what a path dialog asks for.
type pathKind int

const (
	openFile         pathKind = iota // an existing file
	openFileOrFolder                 // an existing file or folder
	openFolder                       // an existing folder
	saveFile                         // a file to write, in an existing folder
)

// pathRequest describes one path dialog.
type pathRequest struct {
	title, confirm string
	hint           string // a sentence under the title saying what to give
	kind           pathKind
	// ext is the extension a saved file must have (added when the name
	// lacks it) and the one Browse… lists when opening a file.
	ext string
	// name is the file name suggested for a save.
	name string
	// browseFolders makes Browse… pick a folder for openFileOrFolder.
	browseFolders bool
	// replaces lists the existing files that writing to path would
	// replace; the analyst is asked first. Nil for a save means the file
	// at path; refuseExisting refuses an existing file instead.
	replaces       func(path string) []string
	refuseExisting string // the sentence's end, after "… already exists; "
	chosen         func(path string)
}

// pathDialog is the dialog on screen, with the widgets tests drive.
type pathDialog struct {
	m       *MainWindow
	req     pathRequest
	Entry   *widget.Entry
	Problem *widget.Label // what is wrong with the path, in red
	Browse  *widget.Button
	Confirm *widget.Button
	dialog  *dialog.CustomDialog
}

// askPath opens a path dialog, the path entry focused and prefilled with
// a suggestion, all of it selected so that typing or pasting replaces it.
func (m *MainWindow) askPath(req pathRequest) *pathDialog {
	d := &pathDialog{m: m, req: req}
	d.Entry = widget.NewEntry()
	d.Entry.SetPlaceHolder("A path; ~ is your home folder")
	d.Entry.OnSubmitted = func(string) { d.confirmed() }
	d.Entry.OnChanged = func(string) { d.Problem.Hide() }
	d.Problem = widget.NewLabel("")
	d.Problem.Importance = widget.DangerImportance
	d.Problem.Wrapping = fyne.TextWrapWord
	d.Problem.Hide()
	d.Browse = widget.NewButton("Browse…", d.browse)
	d.Confirm = widget.NewButton(req.confirm, d.confirmed)
	d.Confirm.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { d.dialog.Hide() })

	hint := widget.NewLabel(req.hint)
	hint.Wrapping = fyne.TextWrapWord
	row := container.NewBorder(nil, nil, nil, d.Browse, d.Entry)
	d.dialog = dialog.NewCustomWithoutButtons(req.title, container.NewVBox(hint, row, d.Problem), m.Window)
	d.dialog.SetButtons([]fyne.CanvasObject{cancel, d.Confirm})
	d.dialog.Resize(fyne.NewSize(620, 0))
	d.Entry.SetText(d.suggestion())
	d.dialog.Show()
	d.focus()
	d.Entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	return d
}

func (d *pathDialog) focus() { d.m.Window.Canvas().Focus(d.Entry) }

// say shows what is wrong under the entry; the dialog stays open for the
// analyst to mend the path.
func (d *pathDialog) say(problem string) {
	d.Problem.SetText(problem)
	d.Problem.Show()
	d.dialog.Refresh()
	d.focus()
}

// suggestion is the path the entry starts with: the last folder used, with
// the suggested name for a save, or ready for a name to be added.
func (d *pathDialog) suggestion() string {
	dir := d.m.lastFolder()
	if d.req.kind == saveFile {
		return filepath.Join(dir, d.req.name)
	}
	return withSeparator(dir)
}

func withSeparator(dir string) string {
	if dir == "" || os.IsPathSeparator(dir[len(dir)-1]) {
		return dir
	}
	return dir + string(filepath.Separator)
}

// confirmed checks the path and, when it will do, closes the dialog and
// hands it on; what would be replaced is confirmed first.
func (d *pathDialog) confirmed() {
	path, problem := d.check(d.Entry.Text)
	if problem != "" {
		d.say(problem)
		return
	}
	replaced := d.replaced(path)
	if len(replaced) == 0 {
		d.choose(path)
		return
	}
	ask := dialog.NewConfirm(replaceQuestion(replaced), replaceDetail(replaced), func(yes bool) {
		if yes {
			d.choose(path)
			return
		}
		d.focus()
	}, d.m.Window)
	ask.SetConfirmText("Replace")
	ask.SetDismissText("Cancel")
	ask.SetConfirmImportance(widget.DangerImportance)
	ask.Show()
}

func (d *pathDialog) choose(path string) {
	d.dialog.Hide()
	if d.req.kind == openFolder || isFolder(path) {
		d.m.rememberFolder(path)
	} else {
		d.m.rememberFolder(filepath.Dir(path))
	}
	d.req.chosen(path)
}

// replaced lists the files that writing to path would replace.
func (d *pathDialog) replaced(path string) []string {
	if d.req.replaces != nil {
		return d.req.replaces(path)
	}
	if d.req.kind == saveFile && exists(path) {
		return []string{path}
	}
	return nil
}

func replaceQuestion(files []string) string {
	if len(files) == 1 {
		return "Replace " + filepath.Base(files[0]) + "?"
	}
	return fmt.Sprintf("Replace %d files?", len(files))
}

func replaceDetail(files []string) string {
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = filepath.Base(f)
	}
	return fmt.Sprintf("%s in %s will be replaced once the new %s written whole.",
		strings.Join(names, ", "), filepath.Dir(files[0]), pluralVerb(len(files)))
}

func pluralVerb(n int) string {
	if n == 1 {
		return "file is"
	}
	return "files are"
}

// check turns what the analyst typed into a path the action can use, or
// says in a sentence why it will not do.
func (d *pathDialog) check(typed string) (path, problem string) {
	path = cleanPath(typed, d.m.lastFolder())
	if path == "" {
		return "", "Type or paste a path, or choose one with Browse…."
	}
	if d.req.kind == saveFile {
		return d.checkSave(path)
	}
	return d.checkOpen(path)
}

func (d *pathDialog) checkOpen(path string) (string, string) {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", fmt.Sprintf("There is no %s at %s.", d.wanted(), path)
	case err != nil:
		return "", fmt.Sprintf("%s cannot be read: %v.", path, unwrapPath(err))
	case d.req.kind == openFile && st.IsDir():
		return "", fmt.Sprintf("%s is a folder; choose a file in it.", path)
	case d.req.kind == openFolder && !st.IsDir():
		return "", fmt.Sprintf("%s is a file; choose a folder.", path)
	}
	return path, ""
}

// wanted names what the dialog opens, for its sentences.
func (d *pathDialog) wanted() string {
	switch d.req.kind {
	case openFolder:
		return "folder"
	case openFileOrFolder:
		return "file or folder"
	}
	return "file"
}

// checkSave refuses the open workspace also when typed without the
// extension the action would add, so that a slip is never taken for a
// new name beside it.
func (d *pathDialog) checkSave(path string) (string, string) {
	if isFolder(path) {
		return "", fmt.Sprintf("%s is a folder; add a file name to it.", path)
	}
	if d.m.isOpenWorkspace(path) {
		return "", fmt.Sprintf("%s is the open workspace; choose another file name.", path)
	}
	if !strings.EqualFold(filepath.Ext(path), d.req.ext) {
		path += d.req.ext
	}
	if dir := filepath.Dir(path); !isFolder(dir) {
		return "", fmt.Sprintf("There is no folder %s; choose a folder that exists.", dir)
	}
	switch {
	case d.m.isOpenWorkspace(path):
		return "", fmt.Sprintf("%s is the open workspace; choose another file name.", path)
	case isFolder(path):
		return "", fmt.Sprintf("%s is a folder; choose another file name.", path)
	case d.req.refuseExisting != "" && exists(path):
		return "", fmt.Sprintf("%s already exists; %s", path, d.req.refuseExisting)
	}
	return path, ""
}

// unwrapPath drops the operation and path a *fs.PathError repeats.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// cleanPath reads a path as analysts type and paste it: surrounding
// spaces and quotes dropped, a file:// address made a path, ~ the home
// folder, and a relative path taken within base. It returns "" for none.
func cleanPath(typed, base string) string {
	s := unquote(strings.TrimSpace(typed))
	if strings.HasPrefix(s, "file://") {
		s = fileURLPath(s)
	}
	s = expandHome(s)
	if s == "" {
		return ""
	}
	if !filepath.IsAbs(s) {
		s = filepath.Join(base, s)
	}
	return filepath.Clean(s)
}

func unquote(s string) string {
	for len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	return s
}

func fileURLPath(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.Path == "" {
		return s
	}
	p := u.Path
	if runtime.GOOS == "windows" && len(p) > 2 && p[0] == '/' && p[2] == ':' {
		p = p[1:] // file:///C:/… names C:\…
	}
	return filepath.FromSlash(p)
}

// expandHome makes a leading ~ the home folder; ~name is left alone.
func expandHome(s string) string {
	if s != "~" && !strings.HasPrefix(s, "~/") && !strings.HasPrefix(s, "~"+string(filepath.Separator)) {
		return s
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return s
	}
	return filepath.Join(home, s[1:])
}

// browse opens Fyne's own file or folder dialog; the path chosen there
// goes into the entry, to be checked and confirmed as a typed one.
func (d *pathDialog) browse() {
	if d.req.kind == openFile || (d.req.kind == openFileOrFolder && !d.req.browseFolders) {
		d.browseFile()
		return
	}
	f := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			d.say(fmt.Sprintf("The folder could not be listed: %v.", err))
			return
		}
		if dir != nil {
			d.browsed(dir.Path())
		}
	}, d.m.Window)
	d.startIn(f)
	f.Show()
}

func (d *pathDialog) browseFile() {
	f := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			d.say(fmt.Sprintf("The file could not be read: %v.", err))
			return
		}
		if r != nil {
			r.Close()
			d.browsed(r.URI().Path())
		}
	}, d.m.Window)
	if d.req.ext != "" {
		f.SetFilter(storage.NewExtensionFileFilter([]string{d.req.ext}))
	}
	d.startIn(f)
	f.Show()
}

// startIn opens Fyne's dialog in the folder the entry names, when there
// is one, else in the last folder used.
func (d *pathDialog) startIn(f *dialog.FileDialog) {
	dir := cleanPath(d.Entry.Text, d.m.lastFolder())
	if !isFolder(dir) {
		dir = filepath.Dir(dir)
	}
	if !isFolder(dir) {
		dir = d.m.lastFolder()
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		f.SetLocation(l)
	}
}

// browsed puts a path chosen in Fyne's dialog into the entry; for a save
// the folder chosen keeps the file name already typed.
func (d *pathDialog) browsed(path string) {
	if d.req.kind == saveFile {
		name := d.req.name
		if typed := strings.TrimSpace(d.Entry.Text); typed != "" && !os.IsPathSeparator(typed[len(typed)-1]) {
			name = filepath.Base(cleanPath(typed, d.m.lastFolder()))
		}
		path = filepath.Join(path, name)
	}
	d.Entry.SetText(path)
	// The end key drops the selection SetText leaves, which the next key
	// typed would otherwise replace.
	d.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	d.focus()
}

// lastFolder is the folder a path was last chosen in, while it exists,
// else the home folder.
func (m *MainWindow) lastFolder() string {
	if dir := m.app.Preferences().String(prefLastFolder); dir != "" && isFolder(dir) {
		return dir
	}
	if home, err := os.UserHomeDir(); err == nil {
		return home
	}
	return ""
}

func (m *MainWindow) rememberFolder(dir string) {
	m.app.Preferences().SetString(prefLastFolder, dir)
}

// isOpenWorkspace tells whether path names the workspace the window has
// open, by another spelling or through a link too.
func (m *MainWindow) isOpenWorkspace(path string) bool {
	return samePath(path, m.ws.Path())
}

func isFolder(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
