// Package workspace holds the use cases that combine storage, ingest,
// extract and export — import with extraction, export, rescan — shared by
// the window and the command line.
package workspace

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

	"dossier/extract"
	"dossier/model"
	"dossier/storage"
)

// Workspace is an open workspace file. Its storage methods (entities,
// listings, search, backup, check) are promoted; the use cases that combine
// several packages are methods of their own.
type Workspace struct {
	*storage.DB

	mu         sync.Mutex
	knownCache *extract.Known // the names the extractor knows; nil after a change
	namesGen   atomic.Uint64  // counts the changes of names, for long imports

	rescans  sync.WaitGroup // background scans after a change of names
	rescanMu sync.Mutex     // one such scan at a time

	// OnRescan, when set, sees the progress of background scans (the
	// window's status bar); OnRescanError sees their failures.
	OnRescan      func(Progress)
	OnRescanError func(error)
}

// Options change how a workspace is opened.
type Options = storage.Options

// ErrReadOnly is returned by every change to a workspace opened read-only.
var ErrReadOnly = storage.ErrReadOnly

// ErrDamaged marks a workspace file whose content SQLite cannot read.
var ErrDamaged = storage.ErrDamaged

// Open opens the workspace at path.
func Open(path string, opts Options) (*Workspace, error) {
	db, err := storage.Open(path, opts)
	if err != nil {
		return nil, err
	}
	return &Workspace{DB: db}, nil
}

// Create makes a new, empty workspace at path, creating its folder if
// needed. It refuses an existing file.
func Create(path string) (*Workspace, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("create workspace %s: %w", path, err)
	}
	db, err := storage.Create(path)
	if err != nil {
		return nil, err
	}
	return &Workspace{DB: db}, nil
}

// OpenOrCreate opens the workspace at path, creating it when there is no
// file yet. created tells which happened.
func OpenOrCreate(path string) (ws *Workspace, created bool, err error) {
	ws, err = Open(path, Options{})
	if errors.Is(err, model.ErrNotFound) {
		ws, err = Create(path)
		return ws, err == nil, err
	}
	return ws, false, err
}

func isNotFound(err error) bool { return errors.Is(err, model.ErrNotFound) }
