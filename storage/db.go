// Package storage keeps a Dossier workspace in one SQLite file: the schema
// and its migrations, one file of queries per entity, full-text search,
// backup and integrity checks. It imports only the model of the project.
package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"dossier/model"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver
)

// DB is an open workspace: one connection that writes, a pool that reads.
type DB struct {
	path     string
	write    *sql.DB
	read     *sql.DB
	readOnly bool

	// searchTrace, when set, sees every statement Search runs.
	searchTrace func(query string, args []any)

	// Now is the clock; tests replace it for deterministic timestamps.
	Now func() time.Time
}

// Options change how a workspace is opened.
type Options struct {
	// ReadOnly opens without ever writing, even when the file is writable.
	ReadOnly bool
	// NoBackup skips the copy written before a migration (tests of the copy
	// itself leave it on).
	NoBackup bool
}

// ErrReadOnly is returned by every change to a workspace opened read-only.
var ErrReadOnly = errors.New("the workspace is open read-only; changes cannot be saved (check the file's permissions, or work on a copy)")

// Path is the workspace file.
func (db *DB) Path() string { return db.path }

// ReadOnly reports whether changes are refused.
func (db *DB) ReadOnly() bool { return db.readOnly }

// Create makes a new, empty workspace at path. It refuses an existing file.
// The schema is built in a file beside it and moved into place at the end,
// so a failure leaves nothing half-made behind.
func Create(path string) (*DB, error) {
	if _, err := os.Stat(path); err == nil {
		return nil, model.Conflictf("%s already exists; choose a new file name, or open it instead", path)
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("create workspace %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".dossier-new-*")
	if err != nil {
		return nil, fmt.Errorf("create workspace %s: %w", path, err)
	}
	tmpPath := tmp.Name()
	tmp.Close()
	defer os.Remove(tmpPath)
	if err := initFile(tmpPath); err != nil {
		return nil, fmt.Errorf("create workspace %s: %w", path, err)
	}
	if err := os.Link(tmpPath, path); err != nil { // fails if path appeared meanwhile
		return nil, fmt.Errorf("create workspace %s: %w", path, err)
	}
	return Open(path, Options{})
}

// initFile writes the current schema into an empty file, in rollback-journal
// mode so that the result is one self-contained file.
func initFile(path string) error {
	conn, err := sql.Open("sqlite", dsn(path, connCreate))
	if err != nil {
		return err
	}
	defer conn.Close()
	conn.SetMaxOpenConns(1)
	return migrate(context.Background(), conn, 0)
}

// Open opens an existing workspace. It refuses, without changing a byte, a
// file that is not a Dossier workspace or that a newer Dossier wrote. An
// older workspace is copied beside itself before it is migrated.
func Open(path string, opts Options) (*DB, error) {
	h, err := probe(path)
	if err != nil {
		return nil, err
	}
	readOnly := opts.ReadOnly || !writable(path)
	if readOnly && h.version < latestVersion() {
		return nil, model.Invalidf("%s has schema version %d and needs an upgrade to version %d, but it is read-only; open a writable copy", path, h.version, latestVersion())
	}
	if !readOnly && h.version < latestVersion() && !opts.NoBackup {
		if _, err := backupBeforeMigration(path, h.version); err != nil {
			return nil, err
		}
	}
	db, err := openPools(path, readOnly)
	if err != nil {
		return nil, err
	}
	if err := db.verify(h); err != nil {
		db.Close()
		return nil, err
	}
	if !readOnly {
		if err := migrate(context.Background(), db.write, h.version); err != nil {
			db.Close()
			return nil, fmt.Errorf("upgrade workspace %s: %w", path, err)
		}
	}
	return db, nil
}

func openPools(path string, readOnly bool) (*DB, error) {
	db := &DB{path: path, readOnly: readOnly, Now: time.Now}
	var err error
	if !readOnly {
		if db.write, err = sql.Open("sqlite", dsn(path, connWrite)); err != nil {
			return nil, fmt.Errorf("open workspace %s: %w", path, err)
		}
		db.write.SetMaxOpenConns(1)
		db.write.SetConnMaxIdleTime(0)
	}
	if db.read, err = sql.Open("sqlite", dsn(path, connRead)); err != nil {
		db.Close()
		return nil, fmt.Errorf("open workspace %s: %w", path, err)
	}
	db.read.SetMaxOpenConns(4)
	return db, nil
}

// verify checks, through SQLite itself, what the header probe saw: the WAL
// may hold a newer header than the main file.
func (db *DB) verify(h header) error {
	conn := db.read
	if db.write != nil {
		conn = db.write
	}
	var app, version int
	ctx := context.Background()
	if err := conn.QueryRowContext(ctx, "PRAGMA application_id").Scan(&app); err != nil {
		return damaged(db.path, err)
	}
	if err := conn.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return damaged(db.path, err)
	}
	// Reading the schema is what fails first on a damaged file.
	if _, err := conn.ExecContext(ctx, "SELECT count(*) FROM sqlite_master"); err != nil {
		return damaged(db.path, err)
	}
	if app != applicationID {
		return notWorkspace(db.path, "it is an SQLite database of another application")
	}
	if version > latestVersion() {
		return newerSchema(db.path, version)
	}
	return nil
}

// connKind says what a connection is for.
type connKind int

const (
	connCreate   connKind = iota // builds a new file, self-contained (no WAL)
	connWrite                    // the one writer
	connRead                     // the reader pool: can never write
	connSnapshot                 // reads the file to copy it (VACUUM INTO)
)

// dsn builds the connection string: pragmas per connection, immediate write
// transactions (so "database is locked" waits on busy_timeout instead of
// failing at the first write), and no automatic time conversion (we store
// our own UTC text).
func dsn(path string, kind connKind) string {
	q := url.Values{}
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "busy_timeout(5000)")
	switch kind {
	case connCreate:
		q.Add("_pragma", "journal_mode(DELETE)")
		q.Set("_txlock", "immediate")
	case connWrite:
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(NORMAL)")
		q.Set("_txlock", "immediate")
	case connRead:
		q.Set("mode", "ro")
		q.Add("_pragma", "query_only(1)")
	case connSnapshot:
		q.Set("mode", "ro")
	}
	u := url.URL{Scheme: "file", Opaque: pathForURI(path), RawQuery: q.Encode()}
	return u.String()
}

func pathForURI(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return (&url.URL{Path: filepath.ToSlash(abs)}).EscapedPath()
}

func writable(path string) bool {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return false
	}
	f.Close()
	return true
}

// Close closes both pools. A clean close checkpoints the WAL into the file.
func (db *DB) Close() error {
	var errs []error
	if db.write != nil {
		_, _ = db.write.Exec("PRAGMA optimize")
		errs = append(errs, db.write.Close())
	}
	if db.read != nil {
		errs = append(errs, db.read.Close())
	}
	return errors.Join(errs...)
}
