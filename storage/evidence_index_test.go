package storage

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
)

// An excerpt's delete clears the evidence of relations and status events;
// SQLite finds those rows through an index, not by reading both tables.
func TestEvidenceReferencesAreIndexed(t *testing.T) {
	db := mustCreate(t)
	for _, table := range []string{"relations", "status_events"} {
		plan := queryPlan(t, db.write, "SELECT id FROM "+table+" WHERE evidence_excerpt_id = 1")
		if !strings.Contains(plan, "INDEX "+table+"_evidence ") {
			t.Errorf("%s by evidence: plan %q, want an index", table, plan)
		}
	}
}

// A workspace of schema version 3 gets the indexes when it is opened.
func TestMigrationFourAddsEvidenceIndexes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.dossier")
	db, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.write.Exec("DROP INDEX relations_evidence; DROP INDEX status_events_evidence"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	setVersion(t, path, 3)
	db, err = Open(path, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	info, err := db.Info(context.Background())
	if err != nil || info.SchemaVersion != latestVersion() || latestVersion() < 4 {
		t.Fatalf("schema version %d (latest %d), err %v", info.SchemaVersion, latestVersion(), err)
	}
	var n int
	if err := db.read.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'index'
		AND name IN ('relations_evidence', 'status_events_evidence')`).Scan(&n); err != nil || n != 2 {
		t.Fatalf("%d evidence indexes after the upgrade (err %v), want 2", n, err)
	}
	mustCheck(t, db)
}

func queryPlan(t *testing.T, conn *sql.DB, query string) string {
	t.Helper()
	rows, err := conn.Query("EXPLAIN QUERY PLAN " + query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			t.Fatal(err)
		}
		b.WriteString(detail + "; ")
	}
	return b.String()
}
