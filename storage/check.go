package storage

import (
	"context"
	"database/sql"
	"fmt"
	"os"

	"dossier/model"
)

// ftsTables are the full-text indexes, each over the table of the same stem.
var ftsTables = []string{"articles_fts", "excerpts_fts", "actors_fts", "documents_fts", "aliases_fts"}

// entityTables are the tables counted by Info, in the order shown.
var entityTables = []string{
	"sources", "articles", "article_revisions", "excerpts", "tags", "actors", "aliases",
	"relations", "documents", "parties", "status_events", "mentions", "proposals",
}

// Check runs SQLite's integrity and foreign-key checks and FTS5's own check
// of every index against its table. It returns the problems found, one
// sentence each; none means the workspace is sound.
func (db *DB) Check(ctx context.Context) ([]string, error) {
	var problems []string
	conn := db.read
	if db.write != nil {
		conn = db.write
	}
	rows, err := conn.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return []string{"integrity check could not run: " + err.Error()}, nil
	}
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return nil, fmt.Errorf("check: %w", err)
		}
		if line != "ok" {
			problems = append(problems, "integrity: "+line)
		}
	}
	if err := rows.Err(); err != nil {
		problems = append(problems, "integrity check stopped: "+err.Error())
	}
	rows.Close()
	fk, err := foreignKeyProblems(ctx, conn)
	if err != nil {
		problems = append(problems, "foreign key check could not run: "+err.Error())
	}
	problems = append(problems, fk...)
	if db.write != nil { // FTS5's check is an INSERT command: it needs the writer
		for _, t := range ftsTables {
			q := fmt.Sprintf("INSERT INTO %s(%s, rank) VALUES ('integrity-check', 1)", t, t)
			if _, err := db.write.ExecContext(ctx, q); err != nil {
				problems = append(problems, fmt.Sprintf("search index %s: %v", t, err))
			}
		}
	}
	return problems, nil
}

func foreignKeyProblems(ctx context.Context, conn *sql.DB) ([]string, error) {
	rows, err := conn.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fkid int
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			return out, err
		}
		out = append(out, fmt.Sprintf("foreign key: %s row %d points to a missing row of %s", table, rowid.Int64, parent))
	}
	return out, rows.Err()
}

// Info reports the schema version, the file size and the rows per table.
func (db *DB) Info(ctx context.Context) (model.WorkspaceInfo, error) {
	info := model.WorkspaceInfo{Path: db.path}
	if err := db.read.QueryRowContext(ctx, "PRAGMA user_version").Scan(&info.SchemaVersion); err != nil {
		return info, fmt.Errorf("info: %w", err)
	}
	for _, suffix := range []string{"", "-wal"} {
		if st, err := os.Stat(db.path + suffix); err == nil {
			info.SizeBytes += st.Size()
		}
	}
	for _, t := range entityTables {
		var n int64
		if err := db.read.QueryRowContext(ctx, "SELECT count(*) FROM "+t).Scan(&n); err != nil {
			return info, fmt.Errorf("info: count %s: %w", t, err)
		}
		info.Tables = append(info.Tables, model.TableCount{Table: t, Rows: n})
	}
	return info, nil
}
