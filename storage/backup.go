package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Backup writes a consistent copy of the workspace to out with VACUUM INTO.
// It reads one snapshot, so another process may keep writing meanwhile.
// The copy is made under a temporary name and moved into place when
// complete; an existing out is refused.
func (db *DB) Backup(ctx context.Context, out string) error {
	if err := refuseExisting(out); err != nil {
		return err
	}
	conn, err := sql.Open("sqlite", dsn(db.path, connSnapshot))
	if err != nil {
		return fmt.Errorf("backup to %s: %w", out, err)
	}
	defer conn.Close()
	return vacuumInto(ctx, conn, out)
}

// backupBeforeMigration copies an older workspace beside itself before the
// schema changes, and returns the copy's path.
func backupBeforeMigration(path string, version int) (string, error) {
	out := fmt.Sprintf("%s.v%d.bak", path, version)
	for i := 2; exists(out); i++ {
		out = fmt.Sprintf("%s.v%d-%d.bak", path, version, i)
	}
	conn, err := sql.Open("sqlite", dsn(path, connSnapshot))
	if err != nil {
		return "", fmt.Errorf("back up %s before upgrading: %w", path, err)
	}
	defer conn.Close()
	if err := vacuumInto(context.Background(), conn, out); err != nil {
		return "", fmt.Errorf("back up %s before upgrading: %w", path, err)
	}
	return out, nil
}

func vacuumInto(ctx context.Context, conn *sql.DB, out string) error {
	tmp := filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".partial")
	os.Remove(tmp)
	if _, err := conn.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("backup to %s: %w", out, err)
	}
	if err := os.Link(tmp, out); err != nil {
		os.Remove(tmp)
		if errors.Is(err, os.ErrExist) {
			return refuseExisting(out)
		}
		return fmt.Errorf("backup to %s: %w", out, err)
	}
	return os.Remove(tmp)
}

func refuseExisting(out string) error {
	if exists(out) {
		return fmt.Errorf("backup: %s already exists; choose a new file name", out)
	}
	if strings.TrimSpace(out) == "" {
		return errors.New("backup: no output file given")
	}
	return nil
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}
