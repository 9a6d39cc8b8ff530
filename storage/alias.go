package storage

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strings"

	"modernc.org/sqlite"

	"dossier/model"
)

const aliasColumns = "id, uid, created_at, updated_at, name, actor_id, document_id"

// foldFunction is an SQL function that applies aliasKey to a text. SQLite's
// own lower() and LIKE fold ASCII letters only, so without it a search for
// "путин" would miss "Путин".
const foldFunction = "dossier_fold"

func init() {
	// Functions registered on the driver reach every connection opened later;
	// a failure here means the name is taken, a programming error.
	if err := sqlite.RegisterDeterministicScalarFunction(foldFunction, 1, foldValue); err != nil {
		panic(fmt.Sprintf("register %s: %v", foldFunction, err))
	}
}

func foldValue(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
	switch v := args[0].(type) {
	case string:
		return aliasKey(v), nil
	case []byte:
		return aliasKey(string(v)), nil
	}
	return args[0], nil
}

// quoteFolder straightens the typographic apostrophes and quotes that
// newspapers and word processors put into names ("O’Brien", "Мар’яна").
var quoteFolder = strings.NewReplacer(
	"\u2018", "'", "\u2019", "'", "\u201A", "'", "\u201B", "'", "\u02BC", "'",
	"\u201C", `"`, "\u201D", `"`, "\u201E", `"`, "\u201F", `"`,
)

// aliasKey folds a name for comparison, so that one name has one owner
// however it is typed: surrounding space is trimmed, inner runs of space
// become one space, letters are lower-cased (strings.ToLower, every script)
// and curly apostrophes and quotes become straight ones. Diacritics are kept:
// "Zelenskyý" and "Zelenskyy" are different keys (full-text search, not the
// key, is where accents are ignored).
func aliasKey(name string) string {
	s := strings.Join(strings.Fields(name), " ")
	return quoteFolder.Replace(strings.ToLower(s))
}

// AddAlias gives an actor or a document one more name. A name belongs to
// one owner: a name whose key is already taken is refused with ErrConflict
// and a sentence that says by whom.
func (db *DB) AddAlias(ctx context.Context, a *model.Alias) error {
	if err := a.Validate(); err != nil {
		return err
	}
	a.Name = strings.TrimSpace(a.Name)
	return db.update(ctx, "add alias", func(tx *sql.Tx) error {
		if err := requireAliasOwner(ctx, tx, *a); err != nil {
			return err
		}
		if err := checkAliasKey(ctx, tx, *a); err != nil {
			return err
		}
		return db.insertAlias(ctx, tx, a)
	})
}

func (db *DB) insertAlias(ctx context.Context, tx *sql.Tx, a *model.Alias) error {
	db.stamp(&a.Meta)
	res, err := tx.ExecContext(ctx, `INSERT INTO aliases (uid, created_at, updated_at, name, key, actor_id, document_id)
		VALUES (?, ?, ?, ?, ?, ?, ?)`,
		a.UID, timeText(a.CreatedAt), timeText(a.UpdatedAt), a.Name, aliasKey(a.Name), nullID(a.ActorID), nullID(a.DocumentID))
	if err != nil {
		return err
	}
	a.ID, err = res.LastInsertId()
	return err
}

func requireAliasOwner(ctx context.Context, q querier, a model.Alias) error {
	if a.ActorID != 0 {
		return checkRef(ctx, q, "actors", "actor", a.ActorID)
	}
	return checkRef(ctx, q, "documents", "document", a.DocumentID)
}

// checkAliasKey refuses a name whose key another alias already holds.
func checkAliasKey(ctx context.Context, q querier, a model.Alias) error {
	var held model.Alias
	var actor, document sql.NullInt64
	err := q.QueryRowContext(ctx, "SELECT id, actor_id, document_id FROM aliases WHERE key = ?", aliasKey(a.Name)).
		Scan(&held.ID, &actor, &document)
	if err == sql.ErrNoRows || (err == nil && held.ID == a.ID) {
		return nil
	}
	if err != nil {
		return err
	}
	held.ActorID, held.DocumentID = actor.Int64, document.Int64
	owner, err := aliasOwnerLabel(ctx, q, held)
	if err != nil {
		return err
	}
	switch {
	case held.ActorID == a.ActorID && held.DocumentID == a.DocumentID:
		return model.Conflictf("alias %q is already an alias of %s", a.Name, owner)
	case held.ActorID != 0 && a.ActorID != 0:
		return model.Conflictf("alias %q already belongs to %s; remove it there first or merge the two actors", a.Name, owner)
	case held.DocumentID != 0 && a.DocumentID != 0:
		return model.Conflictf("alias %q already belongs to %s; remove it there first or merge the two documents", a.Name, owner)
	}
	return model.Conflictf("alias %q already belongs to %s; remove it there first", a.Name, owner)
}

// aliasOwnerLabel names an alias's owner as the analyst sees it:
// `actor 3 "Steve Witkoff"`.
func aliasOwnerLabel(ctx context.Context, q querier, a model.Alias) (string, error) {
	var name string
	if a.ActorID != 0 {
		err := q.QueryRowContext(ctx, "SELECT name FROM actors WHERE id = ?", a.ActorID).Scan(&name)
		return fmt.Sprintf("actor %d %q", a.ActorID, name), err
	}
	err := q.QueryRowContext(ctx, "SELECT title FROM documents WHERE id = ?", a.DocumentID).Scan(&name)
	return fmt.Sprintf("document %d %q", a.DocumentID, name), err
}

// Alias reads one alias.
func (db *DB) Alias(ctx context.Context, id int64) (model.Alias, error) {
	var a model.Alias
	err := db.view(ctx, "read alias", func(tx *sql.Tx) error {
		var err error
		a, err = readAlias(ctx, tx, id)
		return err
	})
	return a, err
}

func readAlias(ctx context.Context, q querier, id int64) (model.Alias, error) {
	a, err := scanAlias(q.QueryRowContext(ctx, "SELECT "+aliasColumns+" FROM aliases WHERE id = ?", id))
	if err == sql.ErrNoRows {
		return a, model.NotFoundf("alias %d does not exist", id)
	}
	return a, err
}

// RenameAlias changes the spelling of an alias; its owner stays. The new
// name must not be held by another alias.
func (db *DB) RenameAlias(ctx context.Context, id int64, name string) error {
	return db.update(ctx, "rename alias", func(tx *sql.Tx) error {
		a, err := readAlias(ctx, tx, id)
		if err != nil {
			return err
		}
		a.Name = strings.TrimSpace(name)
		if err := a.Validate(); err != nil {
			return err
		}
		if err := checkAliasKey(ctx, tx, a); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "UPDATE aliases SET updated_at = ?, name = ?, key = ? WHERE id = ?",
			timeText(db.Now().UTC()), a.Name, aliasKey(a.Name), id)
		return err
	})
}

// DeleteAlias removes one alias; its owner stays.
func (db *DB) DeleteAlias(ctx context.Context, id int64) error {
	return db.update(ctx, "delete alias", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM aliases WHERE id = ?", id)
		if err != nil {
			return err
		}
		return requireRow(res, "alias", id)
	})
}

// ListAliases returns one page of aliases by name, and the total.
func (db *DB) ListAliases(ctx context.Context, f model.AliasFilter) ([]model.Alias, int, error) {
	var w where
	if f.ActorID != 0 {
		w.add("actor_id = ?", f.ActorID)
	}
	if f.DocumentID != 0 {
		w.add("document_id = ?", f.DocumentID)
	}
	p := f.Page.Normalized()
	var out []model.Alias
	var total int
	err := db.view(ctx, "list aliases", func(tx *sql.Tx) error {
		var err error
		if total, err = count(ctx, tx, "aliases", &w); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, "SELECT "+aliasColumns+" FROM aliases"+w.String()+
			" ORDER BY name COLLATE NOCASE, id LIMIT ? OFFSET ?", append(w.args, p.Limit, p.Offset)...)
		if err != nil {
			return err
		}
		out, err = collect(rows, scanAlias)
		return err
	})
	return out, total, err
}

// AllAliases returns every alias of every actor and document, in the order
// they were added: what the name matcher is built from.
func (db *DB) AllAliases(ctx context.Context) ([]model.Alias, error) {
	var out []model.Alias
	err := db.view(ctx, "list all aliases", func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT "+aliasColumns+" FROM aliases ORDER BY id")
		if err != nil {
			return err
		}
		out, err = collect(rows, scanAlias)
		return err
	})
	return out, err
}

func scanAlias(r scanner) (model.Alias, error) {
	var a model.Alias
	var created, updated sql.NullString
	var actor, document sql.NullInt64
	err := r.Scan(&a.ID, &a.UID, &created, &updated, &a.Name, &actor, &document)
	a.CreatedAt, a.UpdatedAt = parseTime(created), parseTime(updated)
	a.ActorID, a.DocumentID = actor.Int64, document.Int64
	return a, err
}
