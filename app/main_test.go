package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"dossier/assets"
	"dossier/workspace"
)

func TestMain(m *testing.M) {
	code := m.Run()
	if demoTemplate.dir != "" {
		os.RemoveAll(demoTemplate.dir)
	}
	os.Exit(code)
}

// demoTemplate is a workspace filled with the demo once per test run;
// seeding it (names found, suggestions stored) costs seconds under the race
// detector, and most view tests start from it.
var demoTemplate struct {
	once sync.Once
	dir  string
	path string
	err  error
}

// newDemoWorkspace opens a copy of the demo workspace, named name, in a
// temporary folder; it is closed when the test ends.
func newDemoWorkspace(t *testing.T, name string) *workspace.Workspace {
	t.Helper()
	demoTemplate.once.Do(seedDemoTemplate)
	if demoTemplate.err != nil {
		t.Fatal(demoTemplate.err)
	}
	data, err := os.ReadFile(demoTemplate.path)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name+workspace.Extension)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	ws, err := workspace.Open(path, workspace.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	return ws
}

// seedDemoTemplate fills a workspace with the demo and backs it up into
// the template: a backup is one whole file, while the workspace itself may
// keep part of its content in its write-ahead log.
func seedDemoTemplate() {
	dir, err := os.MkdirTemp("", "dossier-app-test-")
	if err != nil {
		demoTemplate.err = err
		return
	}
	demoTemplate.dir = dir
	demoTemplate.path = filepath.Join(dir, "template"+workspace.Extension)
	ws, err := workspace.Create(filepath.Join(dir, "demo"+workspace.Extension))
	if err != nil {
		demoTemplate.err = err
		return
	}
	defer ws.Close()
	ctx := context.Background()
	if err := ws.SeedDemo(ctx, assets.Demo); err != nil {
		demoTemplate.err = fmt.Errorf("seed the demo template: %w", err)
		return
	}
	ws.WaitRescans()
	demoTemplate.err = ws.Backup(ctx, demoTemplate.path)
}
