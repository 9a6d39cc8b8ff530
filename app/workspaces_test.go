package app

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2/test"

	"dossier/assets"
	"dossier/workspace"
)

// workspacesFile makes a workspace file at dir/name.dossier, with the
// demo articles when demo is set, and closes it.
func workspacesFile(t *testing.T, dir, name string, demo bool) string {
	t.Helper()
	path := filepath.Join(dir, name+workspace.Extension)
	ws, err := workspace.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if demo {
		if err := ws.SeedDemo(context.Background(), assets.Demo); err != nil {
			t.Fatal(err)
		}
	}
	if err := ws.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// workspacesRecentLabels lists File > Recent workspaces as the menu shows it.
func workspacesRecentLabels(t *testing.T, m *MainWindow) []string {
	t.Helper()
	for _, menu := range m.Window.MainMenu().Items {
		for _, it := range menu.Items {
			if it.Label == "Recent workspaces" {
				var labels []string
				for _, r := range it.ChildMenu.Items {
					labels = append(labels, r.Label)
				}
				return labels
			}
		}
	}
	t.Fatal("no Recent workspaces menu")
	return nil
}

func TestSwitchWorkspace(t *testing.T) {
	a := test.NewTempApp(t)
	first := newTestWorkspace(t, "first")
	m := openTestWindow(t, a, first)
	t.Cleanup(func() { m.CloseWorkspace() })
	m.selectView(2)
	oldActors := m.actors
	dir := t.TempDir()
	miami := workspacesFile(t, dir, "miami-talks", true)

	m.openWorkspaceAt(miami)

	if got := m.Window.Title(); got != "Dossier — miami-talks" {
		t.Errorf("title = %q", got)
	}
	if m.Workspace.Text != "miami-talks" || !strings.HasPrefix(m.Counts.Text, "4 articles") {
		t.Errorf("status bar = %q, %q; want the demo workspace's name and counts", m.Workspace.Text, m.Counts.Text)
	}
	if m.ws.Path() != miami {
		t.Errorf("window works on %s, want %s", m.ws.Path(), miami)
	}
	if m.CurrentView() != "Actors" || m.actors == oldActors || m.Centre.Objects[0] != m.actors.content() {
		t.Errorf("after the switch the view is %q; want the Actors view rebuilt and on screen", m.CurrentView())
	}
	if _, err := first.Info(context.Background()); err == nil {
		t.Error("the first workspace is still open after the switch")
	}
	if got := a.Preferences().StringList(prefRecent); !slices.Equal(got, []string{miami}) {
		t.Errorf("recent workspaces = %q, want %q", got, miami)
	}

	m.openWorkspaceAt(first.Path())
	if got := a.Preferences().StringList(prefRecent); !slices.Equal(got, []string{first.Path(), miami}) {
		t.Errorf("recent workspaces = %q, want the first, then miami-talks", got)
	}
	if got := workspacesRecentLabels(t, m); !slices.Equal(got, []string{"miami-talks — " + dir}) {
		t.Errorf("Recent workspaces menu = %q, want miami-talks alone (the open one is left out)", got)
	}
	if !strings.HasPrefix(m.Counts.Text, "0 articles") {
		t.Errorf("counts after switching back = %q", m.Counts.Text)
	}
}

func TestOpenForeignFileKeepsWorkspace(t *testing.T) {
	a := test.NewTempApp(t)
	ws := newTestWorkspace(t, "case")
	m := openTestWindow(t, a, ws)
	notes := filepath.Join(t.TempDir(), "notes"+workspace.Extension)
	if err := os.WriteFile(notes, []byte("meeting notes, not a workspace\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	m.openWorkspaceAt(notes)

	texts := strings.Join(textsIn(m.Window.Canvas().Overlays().Top()), "\n")
	if !strings.Contains(texts, "Could not open the workspace: ") || !strings.Contains(texts, "is not a Dossier workspace") {
		t.Errorf("dialog texts = %q, want the workspace's sentence", texts)
	}
	if m.ws != ws || m.Window.Title() != "Dossier — case" {
		t.Errorf("the window left its workspace: %s, %q", m.ws.Path(), m.Window.Title())
	}
	if _, err := ws.Info(context.Background()); err != nil {
		t.Errorf("the current workspace no longer reads: %v", err)
	}
	if got := a.Preferences().StringList(prefRecent); len(got) != 0 {
		t.Errorf("a refused file went into the recent list: %q", got)
	}
}

func TestNewWorkspaceSwitchesToIt(t *testing.T) {
	a := test.NewTempApp(t)
	m := openTestWindow(t, a, newTestWorkspace(t, "old"))
	t.Cleanup(func() { m.CloseWorkspace() })
	path := filepath.Join(t.TempDir(), "cases", "sanctions"+workspace.Extension)

	m.createWorkspaceAt(path)

	if _, err := os.Stat(path); err != nil {
		t.Fatalf("no workspace file: %v", err)
	}
	if m.Window.Title() != "Dossier — sanctions" || !strings.HasPrefix(m.Counts.Text, "0 articles") {
		t.Errorf("after New: title %q, counts %q", m.Window.Title(), m.Counts.Text)
	}
	if again, err := workspace.Open(path, workspace.Options{}); err != nil {
		t.Errorf("the new workspace does not open: %v", err)
	} else {
		again.Close()
	}
}

func TestBackupOpensAsWorkspace(t *testing.T) {
	m := exportingDemo(t)
	out := filepath.Join(t.TempDir(), "copy"+workspace.Extension)
	d := m.backupTo(out)
	if want := "Backed up the workspace to " + out; d.Summary.Text != want || m.Message.Text != want {
		t.Errorf("summary %q, status %q; want %q", d.Summary.Text, m.Message.Text, want)
	}
	copied, err := workspace.Open(out, workspace.Options{})
	if err != nil {
		t.Fatalf("the backup does not open: %v", err)
	}
	defer copied.Close()
	if got, want := len(importingArticles(t, copied)), len(importingArticles(t, m.ws)); got != want || got == 0 {
		t.Errorf("the backup holds %d articles, the workspace %d", got, want)
	}
}

func TestRecentWorkspaces(t *testing.T) {
	p := test.NewTempApp(t).Preferences()
	dir := t.TempDir()
	var paths []string
	for i := range 10 {
		paths = append(paths, workspacesFile(t, dir, string(rune('a'+i)), false))
	}
	for _, path := range paths {
		RememberWorkspace(p, path)
	}
	RememberWorkspace(p, paths[5]) // opened again: back to the head, once
	got := recentWorkspaces(p)
	want := []string{paths[5], paths[9], paths[8], paths[7], paths[6], paths[4], paths[3], paths[2]}
	if !slices.Equal(got, want) {
		t.Errorf("recent = %q, want %q", got, want)
	}
	if err := os.Remove(paths[5]); err != nil {
		t.Fatal(err)
	}
	if got := LastWorkspace(p); got != paths[9] {
		t.Errorf("last workspace = %q, want %q once the head's file is gone", got, paths[9])
	}
	if got := p.StringList(prefRecent); slices.Contains(got, paths[5]) {
		t.Errorf("the missing file stays remembered: %q", got)
	}
}

func TestRecentMenuOpensWorkspace(t *testing.T) {
	a := test.NewTempApp(t)
	m := openTestWindow(t, a, newTestWorkspace(t, "w"))
	t.Cleanup(func() { m.CloseWorkspace() })
	if got := workspacesRecentLabels(t, m); !slices.Equal(got, []string{"No recent workspaces"}) {
		t.Errorf("empty recent menu = %q", got)
	}
	other := workspacesFile(t, t.TempDir(), "other", false)
	RememberWorkspace(a.Preferences(), other)
	menu := m.recentMenu()
	menu.Items[0].Action()
	if m.ws.Path() != other {
		t.Errorf("the recent entry opened %s, want %s", m.ws.Path(), other)
	}
}

func TestShowView(t *testing.T) {
	m, _ := newTestWindow(t, "w")
	if err := m.ShowView("actors"); err != nil || m.CurrentView() != "Actors" {
		t.Errorf("ShowView(actors) = %v, view %q", err, m.CurrentView())
	}
	err := m.ShowView("Timeline")
	if err == nil || !strings.Contains(err.Error(), "Articles, Excerpts, Actors, Documents, Tags, Search") {
		t.Errorf("ShowView(Timeline) = %v, want the valid names", err)
	}
	if m.CurrentView() != "Actors" {
		t.Errorf("an unknown name moved the view to %q", m.CurrentView())
	}
}

// TestSwitchWaitsForBackgroundWork holds a job open: the old workspace
// stays in the window, and open, until the job ends; then the switch
// happens.
func TestSwitchWaitsForBackgroundWork(t *testing.T) {
	a := test.NewTempApp(t)
	first := newTestWorkspace(t, "first")
	m := openTestWindow(t, a, first)
	second, err := workspace.Open(workspacesFile(t, t.TempDir(), "second", false), workspace.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { second.Close() })
	var spawned sync.WaitGroup
	m.spawn = func(f func()) {
		spawned.Add(1)
		go func() {
			defer spawned.Done()
			f()
		}()
	}

	m.jobs.start()
	m.switchWorkspace(second)
	if m.ws != first {
		t.Fatal("the workspace was switched under running work")
	}
	if _, err := first.Info(context.Background()); err != nil {
		t.Fatalf("the workspace was closed under running work: %v", err)
	}
	m.jobs.done()
	spawned.Wait()

	if m.ws != second || m.Window.Title() != "Dossier — second" {
		t.Errorf("after the work ended the window shows %s, %q", m.ws.Path(), m.Window.Title())
	}
	if _, err := first.Info(context.Background()); err == nil {
		t.Error("the old workspace is still open")
	}
}

func TestJobsWaitForTheLast(t *testing.T) {
	var j jobs
	j.start()
	j.start()
	waited := make(chan struct{})
	go func() {
		j.wait()
		close(waited)
	}()
	j.done()
	if j.idle() {
		t.Error("idle with a job under way")
	}
	j.done()
	<-waited
	if !j.idle() {
		t.Error("not idle after every job ended")
	}
}
