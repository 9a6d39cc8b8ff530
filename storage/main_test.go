package storage

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

// mustCreate makes a fresh workspace in the test's temporary folder, with a
// clock that ticks one second per call for deterministic timestamps.
func mustCreate(tb testing.TB) *DB {
	tb.Helper()
	db, err := Create(filepath.Join(tb.TempDir(), "test.dossier"))
	if err != nil {
		tb.Fatalf("create workspace: %v", err)
	}
	t0 := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	n := 0
	db.Now = func() time.Time { n++; return t0.Add(time.Duration(n) * time.Second) }
	tb.Cleanup(func() {
		if err := db.Close(); err != nil {
			tb.Errorf("close workspace: %v", err)
		}
	})
	return db
}

// mustCheck fails the test when the workspace is not sound.
func mustCheck(tb testing.TB, db *DB) {
	tb.Helper()
	problems, err := db.Check(context.Background())
	if err != nil {
		tb.Fatalf("check: %v", err)
	}
	for _, p := range problems {
		tb.Errorf("check: %s", p)
	}
}
