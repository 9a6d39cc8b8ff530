package storage

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"dossier/model"
)

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// foreignSQLite writes a database of "another application": valid SQLite,
// no Dossier application id.
func foreignSQLite(t *testing.T, path string) {
	t.Helper()
	conn, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hello'); PRAGMA user_version = 7"); err != nil {
		t.Fatal(err)
	}
}

func TestOpenRefusesWhatIsNotAWorkspace(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name, want string
		write      func(path string)
	}{
		{"garbage", "not an SQLite database", func(p string) {
			os.WriteFile(p, []byte(strings.Repeat("This is a plain text file, not a database.\n", 40)), 0o644)
		}},
		{"empty", "the file is empty", func(p string) { os.WriteFile(p, nil, 0o644) }},
		{"short", "too short", func(p string) { os.WriteFile(p, []byte("SQLite format 3\x00"), 0o644) }},
		{"foreign sqlite", "another application", func(p string) { foreignSQLite(t, p) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-")+".dossier")
			c.write(path)
			before := fileHash(t, path)
			db, err := Open(path, Options{})
			if err == nil {
				db.Close()
				t.Fatal("opened a file that is not a workspace")
			}
			if !errors.Is(err, model.ErrInvalid) || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "not a Dossier workspace") {
				t.Fatalf("error %q: want ErrInvalid saying %q", err, c.want)
			}
			if fileHash(t, path) != before {
				t.Fatal("the file was changed")
			}
			for _, side := range []string{"-wal", "-shm", "-journal"} {
				if _, err := os.Stat(path + side); err == nil {
					t.Errorf("left %s behind", side)
				}
			}
		})
	}
}

func TestOpenMissingFile(t *testing.T) {
	_, err := Open(filepath.Join(t.TempDir(), "nowhere.dossier"), Options{})
	if !errors.Is(err, model.ErrNotFound) || !strings.Contains(err.Error(), "dossier init") {
		t.Fatalf("got %v, want ErrNotFound pointing at dossier init", err)
	}
}

func TestCreateRefusesExistingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(path, []byte("keep me"), 0o644)
	if _, err := Create(path); !errors.Is(err, model.ErrConflict) {
		t.Fatalf("got %v, want ErrConflict", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "keep me" {
		t.Fatal("existing file changed")
	}
}

func TestCreateThenOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.dossier")
	db, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	info, err := db.Info(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if info.SchemaVersion != latestVersion() || len(info.Tables) != len(entityTables) {
		t.Fatalf("info %+v", info)
	}
	var mode string
	db.write.QueryRow("PRAGMA journal_mode").Scan(&mode)
	var fk int
	db.write.QueryRow("PRAGMA foreign_keys").Scan(&fk)
	if mode != "wal" || fk != 1 {
		t.Fatalf("journal_mode %q foreign_keys %d; want wal and 1", mode, fk)
	}
	mustCheck(t, db)
}

// setVersion rewrites a closed workspace's user_version, as a newer or older
// Dossier would have left it.
func setVersion(t *testing.T, path string, v int) {
	t.Helper()
	conn, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Exec(fmt.Sprintf("PRAGMA user_version = %d", v)); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.dossier")
	db, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	setVersion(t, path, latestVersion()+5)
	before := fileHash(t, path)
	_, err = Open(path, Options{})
	want := fmt.Sprintf("schema version %d; this Dossier reads up to version %d", latestVersion()+5, latestVersion())
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("got %v, want a refusal saying %q", err, want)
	}
	if fileHash(t, path) != before {
		t.Fatal("the newer workspace was changed")
	}
}

func TestMigrationWritesBackupFirst(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.dossier")
	db, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	s := model.Source{Name: "Reuters", Kind: model.SourceAgency}
	if err := db.CreateSource(context.Background(), &s); err != nil {
		t.Fatal(err)
	}
	db.Close()

	// A Dossier one schema version ahead: the same migrations plus one.
	saved := migrations
	t.Cleanup(func() { migrations = saved })
	migrations = append(append([]migration(nil), saved...), migration{
		version: len(saved) + 1, name: "9999_test.sql",
		sql: "ALTER TABLE sources ADD COLUMN country TEXT NOT NULL DEFAULT ''",
	})

	db, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	info, _ := db.Info(context.Background())
	if info.SchemaVersion != len(saved)+1 {
		t.Fatalf("schema version %d after upgrade, want %d", info.SchemaVersion, len(saved)+1)
	}
	backup := fmt.Sprintf("%s.v%d.bak", path, len(saved))
	h, err := probe(backup)
	if err != nil || h.version != len(saved) {
		t.Fatalf("backup %s: version %d, err %v", backup, h.version, err)
	}
	old, err := openPools(backup, true)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	var name string
	if err := old.read.QueryRow("SELECT name FROM sources").Scan(&name); err != nil || name != "Reuters" {
		t.Fatalf("backup content: %q %v", name, err)
	}
}

func TestReadOnlyFile(t *testing.T) {
	if os.Geteuid() == 0 {
		// root ignores file permissions; test the option that read-only files map to
		t.Log("running as root: testing Options.ReadOnly instead of file permissions")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "w.dossier")
	db, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	s := model.Source{Name: "AP", Kind: model.SourceAgency}
	if err := db.CreateSource(ctx, &s); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	before := fileHash(t, path)
	db, err = Open(path, Options{ReadOnly: os.Geteuid() == 0})
	if err != nil {
		t.Fatalf("read-only workspace refused: %v", err)
	}
	defer db.Close()
	if !db.ReadOnly() {
		t.Fatal("not marked read-only")
	}
	if got, err := db.Source(ctx, s.ID); err != nil || got.Name != "AP" {
		t.Fatalf("read: %+v %v", got, err)
	}
	err = db.CreateSource(ctx, &model.Source{Name: "BBC", Kind: model.SourceOutlet})
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "read-only") {
		t.Fatalf("write: got %v, want ErrReadOnly", err)
	}
	if fileHash(t, path) != before {
		t.Fatal("read-only workspace changed")
	}
}

// TestTwoProcessesWrite runs a second process that writes to the same
// workspace while this one writes too: both must finish with every row.
func TestTwoProcessesWrite(t *testing.T) {
	if path := os.Getenv("DOSSIER_TEST_WRITER"); path != "" {
		writeSources(t, path, "child", 200)
		return
	}
	path := filepath.Join(t.TempDir(), "w.dossier")
	db, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestTwoProcessesWrite$")
	cmd.Env = append(os.Environ(), "DOSSIER_TEST_WRITER="+path)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); writeSources(t, path, "parent", 200) }()
	// A backup taken while both write is one consistent snapshot.
	backup := filepath.Join(t.TempDir(), "during.dossier")
	reader, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := reader.Backup(context.Background(), backup); err != nil {
		t.Fatalf("backup during writes: %v", err)
	}
	reader.Close()
	wg.Wait()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("second process: %v\n%s", err, out.String())
	}
	db, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, total, err := db.ListSources(context.Background(), model.SourceFilter{})
	if err != nil || total != 400 {
		t.Fatalf("total %d, err %v; want 400 rows from two processes", total, err)
	}
	mustCheck(t, db)
	snap, err := Open(backup, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer snap.Close()
	if _, n, err := snap.ListSources(context.Background(), model.SourceFilter{}); err != nil || n > 400 {
		t.Fatalf("backup holds %d rows (%v)", n, err)
	}
	mustCheck(t, snap)
}

func writeSources(t *testing.T, path, who string, n int) {
	db, err := Open(path, Options{})
	if err != nil {
		t.Error(err)
		return
	}
	defer db.Close()
	for i := range n {
		s := model.Source{Name: fmt.Sprintf("%s %d", who, i), Kind: model.SourceOutlet}
		if err := db.CreateSource(context.Background(), &s); err != nil {
			t.Errorf("%s write %d: %v", who, i, err)
			return
		}
		if _, _, err := db.ListSources(context.Background(), model.SourceFilter{Page: model.Page{Limit: 5}}); err != nil {
			t.Errorf("%s read %d: %v", who, i, err)
			return
		}
	}
}

func TestBackupAndCheckCorruption(t *testing.T) {
	ctx := context.Background()
	db := mustCreate(t)
	for i := range 50 {
		if err := db.CreateSource(ctx, &model.Source{Name: fmt.Sprintf("Outlet %d", i), Kind: model.SourceOutlet, Notes: strings.Repeat("padding ", 200)}); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "copy.dossier")
	if err := db.Backup(ctx, out); err != nil {
		t.Fatal(err)
	}
	if err := db.Backup(ctx, out); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("second backup over the first: %v", err)
	}
	cp, err := Open(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, total, _ := cp.ListSources(ctx, model.SourceFilter{})
	if total != 50 {
		t.Fatalf("backup holds %d sources, want 50", total)
	}
	mustCheck(t, cp)
	cp.Close()

	// Break the copy: overwrite a page in the middle of the file.
	f, err := os.OpenFile(out, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := f.Stat()
	junk := []byte(strings.Repeat("\xde\xad\xbe\xef", 1024))
	if _, err := f.WriteAt(junk, st.Size()/2/4096*4096); err != nil {
		t.Fatal(err)
	}
	f.Close()
	cp, err = Open(out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	problems, err := cp.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) == 0 {
		t.Fatal("check found nothing wrong with a corrupted file")
	}
	t.Logf("problems found: %q", problems)
}
