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
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"dossier/workspace"
)

// Preference key of the workspaces opened last, most recent first.
const prefRecent = "workspaces.recent"

// recentMax is how many workspaces File > Recent workspaces remembers.
const recentMax = 8

// newWorkspace asks where to create a workspace and switches to it.
func (m *MainWindow) newWorkspace() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if path, ok := m.savedPath(w, err, workspace.Extension); ok {
			m.createWorkspaceAt(path)
		}
	}, m.Window)
	d.SetTitleText("New workspace")
	d.SetConfirmText("Create")
	d.SetFilter(m.workspaceFilter())
	d.SetFileName("New workspace" + workspace.Extension)
	d.Show()
}

// openWorkspace asks for a workspace file and switches to it.
func (m *MainWindow) openWorkspace() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			m.showError("choose a workspace", err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		m.openWorkspaceAt(path)
	}, m.Window)
	d.SetTitleText("Open workspace")
	d.SetFilter(storage.NewExtensionFileFilter([]string{workspace.Extension}))
	d.Show()
}

// backupWorkspace asks where to write a copy of the workspace.
func (m *MainWindow) backupWorkspace() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if path, ok := m.savedPath(w, err, workspace.Extension); ok {
			m.backupTo(path)
		}
	}, m.Window)
	d.SetTitleText("Back up the workspace")
	d.SetConfirmText("Back up")
	d.SetFilter(m.workspaceFilter())
	name := workspace.Name(m.ws.Path())
	d.SetFileName(name + " backup " + time.Now().Format("2006-01-02") + workspace.Extension)
	d.Show()
}

// workspaceFilter lists workspace files in a save dialog, all but the one
// open: Fyne's dialog empties the file it saves to before Dossier sees
// the choice, and the open workspace must never be picked by a slip.
func (m *MainWindow) workspaceFilter() storage.FileFilter {
	return workspaceFiles{open: m.ws.Path()}
}

type workspaceFiles struct{ open string }

func (f workspaceFiles) Matches(u fyne.URI) bool {
	return strings.EqualFold(u.Extension(), workspace.Extension) && !samePath(u.Path(), f.open)
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
	ws := m.ws
	d := m.newProgressDialog("Backup")
	d.Current.SetText("Copying the workspace…")
	d.run("back up the workspace", func(ctx context.Context) (string, error) {
		if err := ws.Backup(ctx, path); err != nil {
			return "Backup cancelled; no copy was written.", err
		}
		return "Backed up the workspace to " + path, nil
	})
	return d
}

// switchWorkspace puts ws in the window in place of the open workspace,
// which is closed once no background work reads it any more. The views are
// built again on ws; the one on screen stays on screen.
func (m *MainWindow) switchWorkspace(ws *workspace.Workspace) {
	m.whenIdle(func() {
		old := m.ws
		m.ws = ws
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

func samePath(a, b string) bool {
	return filepath.Clean(a) == filepath.Clean(b)
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
