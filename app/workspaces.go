package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"dossier/workspace"
)

// Preference key of the workspaces opened last, most recent first.
const prefRecent = "workspaces.recent"

// recentMax is how many workspaces File > Recent workspaces remembers.
const recentMax = 8

// newWorkspace asks where to create a workspace and switches to it. An
// existing file is refused rather than replaced: it may be another case's
// workspace.
func (m *MainWindow) newWorkspace() {
	m.askPath(pathRequest{
		title:          "New workspace",
		confirm:        "Create",
		hint:           "Where to create the workspace: a new file name, in a folder that exists.",
		kind:           saveFile,
		ext:            workspace.Extension,
		name:           "New workspace" + workspace.Extension,
		refuseExisting: "choose a new file name, or open it with Open….",
		chosen:         m.createWorkspaceAt,
	})
}

// openWorkspace asks for a workspace file and switches to it.
func (m *MainWindow) openWorkspace() {
	m.askPath(pathRequest{
		title:   "Open workspace",
		confirm: "Open",
		hint:    "The workspace file to open (" + workspace.Extension + ").",
		kind:    openFile,
		ext:     workspace.Extension,
		chosen:  m.openWorkspaceAt,
	})
}

// backupWorkspace asks where to write a copy of the workspace.
func (m *MainWindow) backupWorkspace() {
	name := workspace.Name(m.ws.Path()) + " backup " + time.Now().Format("2006-01-02") + workspace.Extension
	m.askPath(pathRequest{
		title:   "Back up the workspace",
		confirm: "Back up",
		hint:    "Where to write a copy of the workspace; it opens like any workspace.",
		kind:    saveFile,
		ext:     workspace.Extension,
		name:    name,
		chosen:  func(path string) { m.backupTo(path) },
	})
}

// createWorkspaceAt creates an empty workspace at path and switches to it.
func (m *MainWindow) createWorkspaceAt(path string) {
	m.background("create the workspace", func(ctx context.Context) (func(), error) {
		ws, err := workspace.Create(path)
		if err != nil {
			return nil, err
		}
		return func() { m.switchWorkspace(ws) }, nil
	})
}

// openWorkspaceAt opens the workspace at path and switches to it. A file
// that is damaged or no workspace is refused with the workspace's
// sentence, and the current workspace stays open.
func (m *MainWindow) openWorkspaceAt(path string) {
	if samePath(path, m.ws.Path()) {
		m.SetMessage(workspace.Name(path) + " is already open")
		return
	}
	m.background("open the workspace", func(ctx context.Context) (func(), error) {
		ws, err := workspace.Open(path, workspace.Options{})
		if err != nil {
			return nil, err
		}
		if err := ctx.Err(); err != nil { // the window closed meanwhile
			ws.Close()
			return nil, err
		}
		return func() { m.switchWorkspace(ws) }, nil
	})
}

// backupTo writes a consistent copy of the workspace to path, in a
// progress dialog.
func (m *MainWindow) backupTo(path string) *progressDialog {
	d := m.newProgressDialog("Backup")
	m.runBackup(d, path)
	return d
}

// runBackup is the work behind the backup dialog.
func (m *MainWindow) runBackup(d *progressDialog, path string) {
	ws := m.ws
	d.Current.SetText("Copying the workspace…")
	d.run("back up the workspace", func(ctx context.Context) (string, error) {
		if err := backupWhole(ctx, ws, path); err != nil {
			return "Backup cancelled; no copy was written.", err
		}
		return "Backed up the workspace to " + path, nil
	})
}

// backupWhole writes the backup to path, replacing a file there only once
// the copy is complete: the copy is written beside it under a temporary
// name, then takes the name.
func backupWhole(ctx context.Context, ws *workspace.Workspace, path string) error {
	if !exists(path) {
		return ws.Backup(ctx, path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*")
	if err != nil {
		return fmt.Errorf("back up to %s: %w", path, err)
	}
	tmp.Close()
	os.Remove(tmp.Name()) // the backup refuses to write over a file, even an empty one
	if err := ws.Backup(ctx, tmp.Name()); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("back up to %s: %w", path, err)
	}
	return nil
}

// switchWorkspace puts ws in the window in place of the open workspace,
// which is closed once no background work reads it any more. The views are
// built again on ws; the one on screen stays on screen.
func (m *MainWindow) switchWorkspace(ws *workspace.Workspace) {
	m.whenIdle(func() {
		old := m.ws
		m.ws = ws
		m.watchWorkspace(ws)
		m.undo = undoStack{} // its steps belong to the old workspace
		m.rebuildViews()
		name := workspace.Name(ws.Path())
		m.Window.SetTitle(windowTitle(name))
		m.Workspace.SetText(name)
		m.SetMessage("Opened " + ws.Path())
		RememberWorkspace(m.app.Preferences(), ws.Path())
		m.Window.SetMainMenu(mainMenu(m.actions)) // for the recent list
		m.refreshCounts()
		m.spawn(func() {
			if err := old.Close(); err != nil {
				fyne.LogError("close workspace "+old.Path(), err)
			}
		})
	})
}

func (m *MainWindow) rebuildViews() {
	shown := m.current
	m.views = m.newViews()
	m.current = -1
	if shown >= 0 {
		m.showView(shown)
	} else {
		m.Centre.Objects = []fyne.CanvasObject{welcome()}
		m.Centre.Refresh()
	}
	m.Nav.Refresh()
}

// whenIdle runs f on the UI goroutine once no background work is under
// way, so that nothing reads the workspace f replaces.
func (m *MainWindow) whenIdle(f func()) {
	if m.jobs.idle() {
		f()
		return
	}
	m.spawn(func() {
		for {
			m.jobs.wait()
			ran := make(chan bool, 1)
			fyne.Do(func() {
				ok := m.jobs.idle() // work may have started meanwhile
				if ok {
					f()
				}
				ran <- ok
			})
			if <-ran {
				return
			}
		}
	})
}

// recentMenu lists the workspaces opened lately, other than this one.
func (m *MainWindow) recentMenu() *fyne.Menu {
	var items []*fyne.MenuItem
	for _, path := range recentWorkspaces(m.app.Preferences()) {
		if samePath(path, m.ws.Path()) {
			continue
		}
		label := fmt.Sprintf("%s — %s", workspace.Name(path), filepath.Dir(path))
		items = append(items, fyne.NewMenuItem(label, func() { m.openWorkspaceAt(path) }))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem("No recent workspaces", nil)
		none.Disabled = true
		items = append(items, none)
	}
	return fyne.NewMenu("Recent workspaces", items...)
}

// recentWorkspaces returns the workspaces remembered, most recent first,
// forgetting those whose file is gone.
func recentWorkspaces(p fyne.Preferences) []string {
	paths := p.StringList(prefRecent)
	kept := slices.DeleteFunc(slices.Clone(paths), func(path string) bool {
		st, err := os.Stat(path)
		return err != nil || st.IsDir()
	})
	if len(kept) != len(paths) {
		p.SetStringList(prefRecent, kept)
	}
	return kept
}

// RememberWorkspace puts path at the head of the recent workspaces; the
// window opens the head of the list when it is given no workspace.
func RememberWorkspace(p fyne.Preferences, path string) {
	paths := slices.DeleteFunc(p.StringList(prefRecent), func(old string) bool { return samePath(old, path) })
	paths = append([]string{path}, paths...)
	p.SetStringList(prefRecent, paths[:min(len(paths), recentMax)])
}

// LastWorkspace returns the workspace the window had open last, if its
// file still exists, or "".
func LastWorkspace(p fyne.Preferences) string {
	if paths := recentWorkspaces(p); len(paths) > 0 {
		return paths[0]
	}
	return ""
}

// samePath tells whether a and b name the same file: the same absolute
// path, or, when both exist, the same file reached through a link or
// another spelling (such as the case on a case-blind disk).
func samePath(a, b string) bool {
	if absPath(a) == absPath(b) {
		return true
	}
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}

func absPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return filepath.Clean(p)
}

// ShowView shows the view called name (Articles, Excerpts, …; any case),
// or says which names there are.
func (m *MainWindow) ShowView(name string) error {
	titles := make([]string, len(m.views))
	for i, v := range m.views {
		if strings.EqualFold(v.title(), strings.TrimSpace(name)) {
			m.selectView(i)
			return nil
		}
		titles[i] = v.title()
	}
	return fmt.Errorf("there is no view %q; choose one of %s", name, strings.Join(titles, ", "))
}

// WaitIdle returns when no background work of the window is under way.
func (m *MainWindow) WaitIdle() { m.jobs.wait() }

// CloseWorkspace closes the workspace the window shows, after its
// background work; main calls it once the window is gone. An import cut
// short by the window closing ends with its current article, stored whole.
func (m *MainWindow) CloseWorkspace() error {
	m.jobs.wait()
	return m.ws.Close()
}

// jobs counts the background work under way.
type jobs struct {
	mu   sync.Mutex
	n    int
	none *sync.Cond // signalled when n drops to 0
}

func (j *jobs) start() {
	j.mu.Lock()
	j.n++
	j.mu.Unlock()
}

func (j *jobs) done() {
	j.mu.Lock()
	j.n--
	if j.n == 0 && j.none != nil {
		j.none.Broadcast()
	}
	j.mu.Unlock()
}

func (j *jobs) idle() bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.n == 0
}

func (j *jobs) wait() {
	j.mu.Lock()
	defer j.mu.Unlock()
	for j.n > 0 {
		if j.none == nil {
			j.none = sync.NewCond(&j.mu)
		}
		j.none.Wait()
	}
}
