package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"dossier/model"
)

// timeLayout is how every time is stored: UTC, fixed width, so that text
// order is time order.
const timeLayout = "2006-01-02T15:04:05.000Z"

// querier is what read helpers need: a transaction or a pool.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// update runs fn in one immediate write transaction: everything or nothing.
func (db *DB) update(ctx context.Context, op string, fn func(tx *sql.Tx) error) error {
	if db.readOnly {
		return fmt.Errorf("%s: %w", op, ErrReadOnly)
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", op, translate(err))
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return fmt.Errorf("%s: %w", op, translate(err))
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: %w", op, translate(err))
	}
	return nil
}

// view runs fn in one read transaction, so that a page and its total agree.
func (db *DB) view(ctx context.Context, op string, fn func(tx *sql.Tx) error) error {
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("%s: %w", op, translate(err))
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return fmt.Errorf("%s: %w", op, translate(err))
	}
	return nil
}

// translate turns driver errors into the model's sentinels where the
// analyst can act on them, and leaves others as they are.
func translate(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, sql.ErrNoRows) {
		return model.ErrNotFound
	}
	var domain *model.Error
	if errors.As(err, &domain) {
		return err
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "UNIQUE constraint failed"):
		table, cols := uniqueWhat(msg)
		return model.Conflictf("%s already exists with the same %s", table, cols)
	case strings.Contains(msg, "FOREIGN KEY constraint failed"):
		return model.Invalidf("it refers to something that does not exist (any more); reload and try again")
	case strings.Contains(msg, "CHECK constraint failed"):
		return checkFailed{raw: err}
	case strings.Contains(msg, "readonly database"):
		return ErrReadOnly
	case strings.Contains(msg, "database is locked") || strings.Contains(msg, "SQLITE_BUSY"):
		return errors.New("the workspace is busy in another program for more than 5 seconds; try again, or close the other program")
	}
	return err
}

// outOfRange is what the analyst reads when a value breaks one of the
// schema's CHECK constraints. The input is checked before it is stored, so
// this is a slip the checks let through; SQLite's text names the
// constraint's SQL, which means nothing to the analyst.
const outOfRange = "a value is out of the allowed range; check what was entered and try again"

// checkFailed is a CHECK failure: its sentence is outOfRange, and SQLite's
// own error stays in the chain for whoever logs the whole of it.
type checkFailed struct{ raw error }

func (e checkFailed) Error() string { return outOfRange }

// Unwrap gives the domain error first, so that errors.As finds the
// sentence, then SQLite's error.
func (e checkFailed) Unwrap() []error {
	return []error{&model.Error{Kind: model.ErrInvalid, Msg: outOfRange}, e.raw}
}

// uniqueWhat names the table and columns of a UNIQUE failure in words:
// "UNIQUE constraint failed: sources.name" → "a row of sources", "name".
func uniqueWhat(msg string) (string, string) {
	_, cols, _ := strings.Cut(msg, "UNIQUE constraint failed: ")
	cols, _, _ = strings.Cut(cols, " (")
	table, _, _ := strings.Cut(cols, ".")
	var names []string
	for _, c := range strings.Split(cols, ", ") {
		_, col, _ := strings.Cut(c, ".")
		names = append(names, col)
	}
	if table == "" {
		return "a row", "values"
	}
	return "a row of " + table, strings.Join(names, ", ")
}

// newUID returns a UUIDv7: time-ordered, unique across workspaces.
func newUID() string { return uuid.Must(uuid.NewV7()).String() }

// stamp fills a new entity's uid and times.
func (db *DB) stamp(m *model.Meta) {
	now := db.Now().UTC()
	if m.UID == "" {
		m.UID = newUID()
	}
	if m.CreatedAt.IsZero() {
		m.CreatedAt = now
	}
	m.UpdatedAt = now
}

// timeText stores a time as UTC text; the zero time is NULL.
func timeText(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(timeLayout)
}

// parseTime reads a stored time; NULL or empty is the zero time.
func parseTime(s sql.NullString) time.Time {
	if !s.Valid || s.String == "" {
		return time.Time{}
	}
	for _, layout := range []string{timeLayout, time.RFC3339Nano, "2006-01-02 15:04:05", time.DateOnly} {
		if t, err := time.Parse(layout, s.String); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}

// nullID stores 0 as NULL for optional references.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// where collects the conditions and arguments of a filtered listing.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// likeText escapes a user's words for a LIKE '%…%' pattern with ESCAPE '\'.
func likeText(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(s) + "%"
}

// count returns the total of a filtered listing.
func count(ctx context.Context, q querier, from string, w *where) (int, error) {
	var n int
	err := q.QueryRowContext(ctx, "SELECT count(*) FROM "+from+w.String(), w.args...).Scan(&n)
	return n, err
}

// requireRow maps "no row changed" to ErrNotFound.
func requireRow(res sql.Result, what string, id int64) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return model.NotFoundf("%s %d does not exist", what, id)
	}
	return nil
}

// scanner is a row or a cursor over rows.
type scanner interface{ Scan(dest ...any) error }

// collect scans every row with scan and closes the rows.
func collect[T any](rows *sql.Rows, scan func(scanner) (T, error)) ([]T, error) {
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return out, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
