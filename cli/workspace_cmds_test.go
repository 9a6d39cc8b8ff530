package cli

import (
	"crypto/sha256"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/model"
)

func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestInitInfoCheckBackup(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "talks.dossier")

	code, out, errOut := run("init", path)
	if code != ExitOK || out != "created workspace "+path+"\n" || errOut != "" {
		t.Fatalf("init: %d %q %q", code, out, errOut)
	}
	code, _, errOut = run("init", path)
	if code != ExitFailure || !strings.HasPrefix(errOut, "dossier: "+path+" already exists") {
		t.Fatalf("init over a workspace: %d %q", code, errOut)
	}
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("my notes"), 0o644)
	if code, _, errOut = run("init", notes); code != ExitFailure || !strings.Contains(errOut, "already exists") {
		t.Fatalf("init over a text file: %d %q", code, errOut)
	}
	if b, _ := os.ReadFile(notes); string(b) != "my notes" {
		t.Fatal("init changed an existing file")
	}

	code, out, _ = run("--workspace", path, "info", "--json")
	var info model.WorkspaceInfo
	if code != ExitOK || json.Unmarshal([]byte(out), &info) != nil {
		t.Fatalf("info --json: %d %q", code, out)
	}
	if info.Path != path || info.SchemaVersion < 1 || info.SizeBytes == 0 || len(info.Tables) < 10 {
		t.Fatalf("info: %+v", info)
	}
	code, out, _ = run("info", "--workspace", path)
	if code != ExitOK || !strings.Contains(out, "schema version:") || !strings.Contains(out, "articles") {
		t.Fatalf("info: %d %q", code, out)
	}

	t.Setenv("DOSSIER_WORKSPACE", path)
	code, out, _ = run("check")
	if code != ExitOK || out != "ok: "+path+" has no problems\n" {
		t.Fatalf("check: %d %q", code, out)
	}

	copyPath := filepath.Join(dir, "copy.dossier")
	code, out, _ = run("backup", copyPath)
	if code != ExitOK || !strings.Contains(out, "backed up") {
		t.Fatalf("backup: %d %q", code, out)
	}
	code, _, errOut = run("backup", copyPath)
	if code != ExitFailure || !strings.Contains(errOut, "already exists") {
		t.Fatalf("backup over an existing file: %d %q", code, errOut)
	}
	if code, _, _ = run("--workspace", copyPath, "check"); code != ExitOK {
		t.Fatalf("check of the backup: %d", code)
	}
	if code, _, errOut = run("backup"); code != ExitUsage || !strings.Contains(errOut, "missing argument OUT") {
		t.Fatalf("backup without OUT: %d %q", code, errOut)
	}
}

func TestCheckFindsCorruption(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "w.dossier")
	if code, _, errOut := run("init", path); code != ExitOK {
		t.Fatal(errOut)
	}
	// Damage a page past the header: the file still opens, but its
	// b-trees no longer hold together.
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := f.Stat()
	if _, err := f.WriteAt([]byte(strings.Repeat("\xff\x00", 2048)), st.Size()/2/4096*4096); err != nil {
		t.Fatal(err)
	}
	f.Close()
	code, out, errOut := run("--workspace", path, "check")
	if code != ExitFailure {
		t.Fatalf("check of a corrupted workspace exited %d: %q %q", code, out, errOut)
	}
	if out == "" || !strings.Contains(errOut, "the workspace has problems") {
		t.Fatalf("check did not list the problems: %q %q", out, errOut)
	}
	t.Logf("check printed:\n%s", out)
}

func TestOpenRefusalsAreOneLine(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.dossier")
	os.WriteFile(garbage, []byte(strings.Repeat("not a database ", 20)), 0o644)
	before := sum(t, garbage)
	code, out, errOut := run("--workspace", garbage, "info")
	want := "dossier: " + garbage + " is not a Dossier workspace (it is not an SQLite database); it was left unchanged"
	if code != ExitFailure || out != "" || !strings.HasPrefix(errOut, want) || strings.Count(errOut, "\n") != 1 {
		t.Fatalf("got %d %q %q", code, out, errOut)
	}
	if sum(t, garbage) != before {
		t.Fatal("refused file changed")
	}
	missing := filepath.Join(dir, "missing.dossier")
	code, _, errOut = run("--workspace", missing, "check")
	if code != ExitFailure || errOut != "dossier: no workspace at "+missing+"; create one with `dossier init "+missing+"`\n" {
		t.Fatalf("missing: %d %q", code, errOut)
	}
}
