package storage

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"sync"

	"dossier/model"
)

// Deletes that can be undone. A delete reaches further than its row: the
// schema's ON DELETE CASCADE removes what hangs on it (an article's
// excerpts, their tags and links, its mentions…) and ON DELETE SET NULL
// clears references to it that stay (an excerpt's speaker, a relation's
// evidence…). DeleteForUndo reads the schema's foreign keys, so that it
// follows exactly the paths SQLite will take, copies every row the delete
// will remove and every reference it will clear, then deletes. Restore
// writes the copies back with their own ids and sets the references again.

// undoTables are the tables whose rows the window deletes and can put back,
// each with the word for one of its rows.
var undoTables = map[string]string{
	"articles":  "article",
	"excerpts":  "excerpt",
	"actors":    "actor",
	"documents": "document",
	"tags":      "tag",
}

// Snapshot is what one delete took away. It is opaque: the window keeps it
// (inside workspace.Deleted) and hands it back to Restore.
type Snapshot struct {
	path    string // the workspace it came from
	table   string // one of undoTables
	id      int64
	uid     string
	name    string       // a tag's name, set back last (see Restore)
	rows    []takenRow   // the row itself first, every row before those that refer to it
	cleared []clearedRef // references the delete changed in rows that stayed
	// outside holds the uid of every row outside the snapshot that a
	// removed row refers to, by key. No table uses AUTOINCREMENT, so the
	// highest id freed is given again: on restore, a reference goes back
	// only to the row it named, not to a new one under the same id.
	outside map[string]any
}

// Rows is the number of rows the delete removed, the row itself included.
func (s Snapshot) Rows() int { return len(s.rows) }

// Texts returns the text in column of every row of table that the delete
// removed, in the order taken: say, the names of a deleted actor's aliases.
func (s Snapshot) Texts(table, column string) []string {
	var out []string
	for _, r := range s.rows {
		if r.table != table {
			continue
		}
		if v, ok := r.get(column).(string); ok {
			out = append(out, v)
		}
	}
	return out
}

// takenRow is one removed row, column by column, as SQLite stored it.
type takenRow struct {
	table string
	cols  []string
	vals  []any
}

func (r takenRow) get(col string) any {
	for i, c := range r.cols {
		if c == col {
			return r.vals[i]
		}
	}
	return nil
}

// with returns a copy of r with col set to v; r itself stays as taken, so
// that a snapshot can be restored again after a refusal.
func (r takenRow) with(col string, v any) takenRow {
	vals := make([]any, len(r.vals))
	copy(vals, r.vals)
	for i, c := range r.cols {
		if c == col {
			vals[i] = v
		}
	}
	return takenRow{table: r.table, cols: r.cols, vals: vals}
}

// clearedRef is a reference in a row that stays, which the delete changed:
// to NULL (ON DELETE SET NULL), or for the sub-tags of a deleted tag, to
// that tag's parent.
type clearedRef struct {
	table   string
	keyCols []string
	keyVals []any
	uid     any // the uid of the row that stayed, nil when its table has none
	column  string
	parent  string // the table it refers to
	target  string // the column of parent it refers to
	was     any    // the deleted row's key
	wasUID  any    // the deleted row's uid, nil when its table has none
	left    any    // what the delete left in its place
}

// DeleteForUndo deletes one row of table (one of articles, excerpts, actors,
// documents, tags) with everything the schema removes along with it, all in
// one transaction, and returns what Restore needs to put it all back. A tag
// is deleted as DeleteTag does it: its sub-tags move up to its parent.
func (db *DB) DeleteForUndo(ctx context.Context, table string, id int64) (Snapshot, error) {
	noun, ok := undoTables[table]
	if !ok {
		return Snapshot{}, fmt.Errorf("delete: rows of %q cannot be deleted with undo", table)
	}
	s := Snapshot{path: db.path, table: table, id: id}
	err := db.update(ctx, "delete "+noun, func(tx *sql.Tx) error {
		shape, err := shapeOf(ctx, tx)
		if err != nil {
			return err
		}
		root, err := selectRows(ctx, tx, table, "id", id)
		if err != nil {
			return err
		}
		if len(root) == 0 {
			return model.NotFoundf("%s %d does not exist", noun, id)
		}
		t := taker{ctx: ctx, q: tx, shape: shape, seen: map[string]bool{}}
		if err := t.take(root[0]); err != nil {
			return err
		}
		s.rows, s.cleared = t.rows, t.stayed()
		if s.outside, err = t.outside(); err != nil {
			return err
		}
		s.uid, _ = root[0].get("uid").(string)
		if table == "tags" {
			if err := s.moveSubTags(ctx, tx); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM "+ident(table)+" WHERE id = ?", id)
		return err
	})
	if err != nil {
		return Snapshot{}, err
	}
	return s, nil
}

// moveSubTags moves the sub-tags of the deleted tag up to its parent, as
// DeleteTag does, and remembers that parent as what their reference became.
func (s *Snapshot) moveSubTags(ctx context.Context, tx *sql.Tx) error {
	t, err := readTag(ctx, tx, s.id)
	if err != nil {
		return err
	}
	s.name = t.Name
	if err := moveChildren(ctx, tx, t, func(int64) int64 { return t.ParentID }, "delete"); err != nil {
		return err
	}
	for i, c := range s.cleared {
		if c.table == "tags" && c.column == "parent_id" && c.was == any(s.id) {
			s.cleared[i].left = nullID(t.ParentID)
		}
	}
	return nil
}

// Restore puts back what DeleteForUndo took away, in one transaction: the
// rows with their own ids and every column as it was, then the references
// the delete cleared, where they are still empty. It refuses, changing
// nothing, when the row is back already or when one of the ids has been
// given to a new row since. A removed row that refers to something deleted
// since is handled as SQLite would have handled it had it still been
// there: it stays out (ON DELETE CASCADE) or loses the reference (SET
// NULL); the deleted row itself is refused in the first case.
func (db *DB) Restore(ctx context.Context, s Snapshot) error {
	noun, ok := undoTables[s.table]
	if !ok || len(s.rows) == 0 {
		return model.Invalidf("there is no delete to undo")
	}
	if s.path != db.path {
		return model.Invalidf("that delete was made in another workspace; it cannot be undone here")
	}
	return db.update(ctx, "put back the deleted "+noun, func(tx *sql.Tx) error {
		shape, err := shapeOf(ctx, tx)
		if err != nil {
			return err
		}
		if err := s.refuseBack(ctx, tx, noun); err != nil {
			return err
		}
		rows, err := s.plan(ctx, tx, shape)
		if err != nil {
			return err
		}
		for i, r := range rows {
			if i == 0 && s.table == "tags" {
				// Its sub-tags may hold its name at its place in the
				// codebook until they move back under it: it comes back
				// under its uid, as it left, and takes its name last.
				r = r.with("name", s.uid)
			}
			if err := s.insert(ctx, tx, shape, r, noun); err != nil {
				return err
			}
		}
		for _, c := range s.cleared {
			if err := c.putBack(ctx, tx); err != nil {
				return err
			}
		}
		return s.renameTag(ctx, tx)
	})
}

// refuseBack refuses a second restore, and a restore onto an id that a new
// row has taken since.
func (s Snapshot) refuseBack(ctx context.Context, q querier, noun string) error {
	var uid string
	err := q.QueryRowContext(ctx, "SELECT uid FROM "+ident(s.table)+" WHERE id = ?", s.id).Scan(&uid)
	switch {
	case err == sql.ErrNoRows:
		return nil
	case err != nil:
		return err
	case uid == s.uid:
		return model.Conflictf("it is back already")
	}
	return model.Conflictf("its number %d has been given to a new %s since", s.id, noun)
}

// plan returns the rows to write back, each after every row of the
// snapshot it refers to. A row whose parent is gone is left out or loses
// the reference, as its foreign key says.
func (s Snapshot) plan(ctx context.Context, q querier, shape schemaShape) ([]takenRow, error) {
	rows := make([]takenRow, len(s.rows))
	copy(rows, s.rows)
	index := make(map[string]int, len(rows))
	for i, r := range rows {
		index[shape.keyOf(r.table, r.keyVals(shape))] = i
	}
	kept := make([]bool, len(rows))
	for i := range kept {
		kept[i] = true
	}
	p := parentCheck{ctx: ctx, q: q, shape: shape, index: index, kept: kept, known: map[string]bool{}, uids: s.outside}
	for changed := true; changed; {
		changed = false
		for i := range rows {
			if !kept[i] {
				continue
			}
			dropped, err := p.settle(rows, i)
			if err != nil {
				return nil, err
			}
			changed = changed || dropped
		}
	}
	return p.order(rows)
}

// parentCheck decides, row by row, whether what a row refers to will exist.
type parentCheck struct {
	ctx   context.Context
	q     querier
	shape schemaShape
	index map[string]int // snapshot row by key
	kept  []bool
	known map[string]bool // rows outside the snapshot: exists?
	uids  map[string]any  // rows outside the snapshot: their uid at the delete
}

// settle applies the foreign keys of row i whose parent will not exist,
// or exists under its id but is another row now. It reports whether it
// left the row out.
func (p *parentCheck) settle(rows []takenRow, i int) (bool, error) {
	for _, fk := range p.shape[rows[i].table].fks {
		v := rows[i].get(fk.column)
		if v == nil {
			continue
		}
		ok, err := p.willExist(fk, v)
		if err != nil {
			return false, err
		}
		if ok {
			continue
		}
		switch fk.onDelete {
		case "CASCADE":
			if i == 0 {
				return false, model.NotFoundf("the %s it belongs to (number %v) has been deleted since; put that back first", rowWord(fk.parent), v)
			}
			p.kept[i] = false
			return true, nil
		case "SET NULL":
			rows[i] = rows[i].with(fk.column, nil)
		}
		// Other actions: the insert fails and says so.
	}
	return false, nil
}

// willExist tells whether the row fk names by v will be there after the
// restore: a row of the snapshot that is kept, or a row outside it that is
// still the one the delete saw (same uid), not a new row that took its id.
func (p *parentCheck) willExist(fk foreignKey, v any) (bool, error) {
	key := p.shape.keyOf(fk.parent, []any{v})
	if j, ok := p.index[key]; ok {
		return p.kept[j], nil
	}
	if ok, seen := p.known[key]; seen {
		return ok, nil
	}
	var uid any
	err := p.q.QueryRowContext(p.ctx, "SELECT "+p.shape.uidOrOne(fk.parent)+" FROM "+ident(fk.parent)+" WHERE "+ident(fk.target)+" = ?", v).Scan(&uid)
	if err != nil && err != sql.ErrNoRows {
		return false, err
	}
	ok := err == nil
	if want, recorded := p.uids[key]; ok && recorded {
		ok = sameValue(uid, want)
	}
	p.known[key] = ok
	return ok, nil
}

// sameValue compares two values as read from SQLite, text as string or bytes.
func sameValue(a, b any) bool {
	if x, ok := a.([]byte); ok {
		a = string(x)
	}
	if x, ok := b.([]byte); ok {
		b = string(x)
	}
	return a == b
}

// order lists the kept rows so that each comes after the snapshot rows it
// refers to; foreign keys are checked row by row.
func (p *parentCheck) order(rows []takenRow) ([]takenRow, error) {
	written := map[string]bool{}
	var pending []int
	for i := range rows {
		if p.kept[i] {
			pending = append(pending, i)
		}
	}
	var out []takenRow
	for len(pending) > 0 {
		var later []int
		for _, i := range pending {
			if !p.ready(rows[i], written) {
				later = append(later, i)
				continue
			}
			out = append(out, rows[i])
			written[p.shape.keyOf(rows[i].table, rows[i].keyVals(p.shape))] = true
		}
		if len(later) == len(pending) {
			return nil, fmt.Errorf("the deleted rows refer to each other in a circle")
		}
		pending = later
	}
	return out, nil
}

func (p *parentCheck) ready(r takenRow, written map[string]bool) bool {
	for _, fk := range p.shape[r.table].fks {
		v := r.get(fk.column)
		if v == nil {
			continue
		}
		key := p.shape.keyOf(fk.parent, []any{v})
		if _, inSnapshot := p.index[key]; inSnapshot && !written[key] {
			return false
		}
	}
	return true
}

// insert writes one row back, refusing a key a new row has taken.
func (s Snapshot) insert(ctx context.Context, q querier, shape schemaShape, r takenRow, noun string) error {
	keyCols := shape[r.table].key
	keyVals := r.keyVals(shape)
	var one int
	err := q.QueryRowContext(ctx, "SELECT 1 FROM "+ident(r.table)+" WHERE "+matchAll(keyCols), keyVals...).Scan(&one)
	if err == nil {
		return s.taken(r, keyVals, noun)
	}
	if err != sql.ErrNoRows {
		return err
	}
	quoted := make([]string, len(r.cols))
	for i, c := range r.cols {
		quoted[i] = ident(c)
	}
	_, err = q.ExecContext(ctx, "INSERT INTO "+ident(r.table)+" ("+strings.Join(quoted, ", ")+") VALUES ("+placeholders(len(r.cols))+")", r.vals...)
	switch {
	case err == nil:
		return nil
	case isUniqueFailure(err, "articles.hash"):
		return model.Conflictf("an article with the same text has been added since")
	case isUniqueFailure(err, "aliases.key"):
		return model.Conflictf("the name %q has been given to another actor or document since", r.get("name"))
	case strings.Contains(err.Error(), "UNIQUE constraint failed"):
		return model.Conflictf("%s", translate(err))
	}
	return err
}

// taken says which id a new row has taken since the delete.
func (s Snapshot) taken(r takenRow, keyVals []any, noun string) error {
	if r.table == s.table && len(keyVals) == 1 && keyVals[0] == any(s.id) {
		return model.Conflictf("its number %d has been given to a new %s since", s.id, noun)
	}
	if len(keyVals) == 1 {
		return model.Conflictf("a %s that went with it had number %v, which a new %s has taken since", rowWord(r.table), keyVals[0], rowWord(r.table))
	}
	return model.Conflictf("a %s that went with it exists again", rowWord(r.table))
}

// putBack sets a cleared reference again, if the row is still there (the
// same row, by its uid, not a new one under its id), the reference still as
// the delete left it, and the row it names back (again by its uid).
func (c clearedRef) putBack(ctx context.Context, q querier) error {
	query := "UPDATE " + ident(c.table) + " SET " + ident(c.column) + " = ? WHERE " + matchAll(c.keyCols) +
		" AND " + ident(c.column) + " IS ?"
	args := append([]any{c.was}, c.keyVals...)
	args = append(args, c.left)
	if c.uid != nil {
		query += " AND uid = ?"
		args = append(args, c.uid)
	}
	query += " AND EXISTS (SELECT 1 FROM " + ident(c.parent) + " WHERE " + ident(c.target) + " = ?"
	args = append(args, c.was)
	if c.wasUID != nil {
		query += " AND uid = ?"
		args = append(args, c.wasUID)
	}
	_, err := q.ExecContext(ctx, query+")", args...)
	if err != nil && isUniqueFailure(err, "tags_name") {
		return model.Conflictf("one of its sub-tags has the name of a tag that is now beside it; rename one of them first")
	}
	return err
}

// renameTag gives a restored tag its name back, once its sub-tags are
// under it again.
func (s Snapshot) renameTag(ctx context.Context, q querier) error {
	if s.table != "tags" {
		return nil
	}
	_, err := q.ExecContext(ctx, "UPDATE tags SET name = ? WHERE id = ?", s.name, s.id)
	if err != nil && isUniqueFailure(err, "tags_name") {
		return model.Conflictf("there is a tag named %q at its place in the codebook now; rename one of them first", s.name)
	}
	return err
}

// taker gathers a row and, following the schema's foreign keys, the rows
// and references its delete will reach.
type taker struct {
	ctx     context.Context
	q       querier
	shape   schemaShape
	seen    map[string]bool
	rows    []takenRow
	cleared []clearedRef
}

func (t *taker) take(r takenRow) error {
	key := t.shape.keyOf(r.table, r.keyVals(t.shape))
	if t.seen[key] {
		return nil
	}
	t.seen[key] = true
	t.rows = append(t.rows, r)
	for _, fk := range t.shape[r.table].refs {
		v := r.get(fk.target)
		if v == nil {
			continue
		}
		if err := t.follow(fk, v, r.get("uid")); err != nil {
			return err
		}
	}
	return nil
}

// follow takes what fk does to the rows that refer to the value v, the key
// of a row whose uid is vUID.
func (t *taker) follow(fk foreignKey, v, vUID any) error {
	if len(t.shape[fk.child].key) == 0 && (fk.onDelete == "CASCADE" || fk.onDelete == "SET NULL") {
		return fmt.Errorf("%s has no primary key: undo cannot tell its rows apart", fk.child)
	}
	switch fk.onDelete {
	case "CASCADE":
		children, err := selectRows(t.ctx, t.q, fk.child, fk.column, v)
		if err != nil {
			return err
		}
		for _, c := range children {
			if err := t.take(c); err != nil {
				return err
			}
		}
	case "SET NULL":
		keyCols := t.shape[fk.child].key
		cols := keyCols
		if t.shape[fk.child].uid {
			cols = append(slices.Clone(keyCols), "uid")
		}
		refs, err := selectRows(t.ctx, t.q, fk.child, fk.column, v, cols...)
		if err != nil {
			return err
		}
		for _, ref := range refs {
			t.cleared = append(t.cleared, clearedRef{
				table: fk.child, keyCols: keyCols, keyVals: ref.vals[:len(keyCols)], uid: ref.get("uid"),
				column: fk.column, parent: fk.parent, target: fk.target, was: v, wasUID: vUID, left: nil,
			})
		}
	case "SET DEFAULT":
		return fmt.Errorf("%s.%s is set to its default on delete, which undo cannot follow", fk.child, fk.column)
	}
	// NO ACTION and RESTRICT: the delete itself refuses, and says so.
	return nil
}

// stayed returns the cleared references of rows that the delete keeps.
func (t *taker) stayed() []clearedRef {
	var out []clearedRef
	for _, c := range t.cleared {
		if !t.seen[t.shape.keyOf(c.table, c.keyVals)] {
			out = append(out, c)
		}
	}
	return out
}

// outside reads the uid of every row outside the snapshot that a taken row
// refers to, keyed as the snapshot keys its own rows.
func (t *taker) outside() (map[string]any, error) {
	out := map[string]any{}
	for _, r := range t.rows {
		for _, fk := range t.shape[r.table].fks {
			v := r.get(fk.column)
			key := t.shape.keyOf(fk.parent, []any{v})
			if v == nil || !t.shape[fk.parent].uid || t.seen[key] {
				continue
			}
			if _, done := out[key]; done {
				continue
			}
			var uid any
			err := t.q.QueryRowContext(t.ctx, "SELECT uid FROM "+ident(fk.parent)+" WHERE "+ident(fk.target)+" = ?", v).Scan(&uid)
			if err == sql.ErrNoRows {
				continue // a dangling reference: restore finds no row either
			}
			if err != nil {
				return nil, err
			}
			out[key] = uid
		}
	}
	return out, nil
}

// selectRows reads the rows of table whose column equals v: the columns
// named, or all of them.
func selectRows(ctx context.Context, q querier, table, column string, v any, cols ...string) ([]takenRow, error) {
	what := "*"
	if len(cols) > 0 {
		quoted := make([]string, len(cols))
		for i, c := range cols {
			quoted[i] = ident(c)
		}
		what = strings.Join(quoted, ", ")
	}
	rows, err := q.QueryContext(ctx, "SELECT "+what+" FROM "+ident(table)+" WHERE "+ident(column)+" = ?", v)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	names, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out []takenRow
	for rows.Next() {
		vals := make([]any, len(names))
		ptrs := make([]any, len(names))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		out = append(out, takenRow{table: table, cols: names, vals: vals})
	}
	return out, rows.Err()
}

// foreignKey is one REFERENCES clause: child.column → parent.target.
type foreignKey struct {
	child, column  string
	parent, target string
	onDelete       string
}

// tableShape is what undo needs of a table: its key and its foreign keys.
type tableShape struct {
	key  []string
	uid  bool         // it has a uid column, which names a row for good
	fks  []foreignKey // its own references
	refs []foreignKey // references to it
}

// schemaShape is every table's shape.
type schemaShape map[string]*tableShape

// keyOf names a row across the schema.
func (s schemaShape) keyOf(table string, keyVals []any) string {
	var b strings.Builder
	b.WriteString(table)
	for _, v := range keyVals {
		fmt.Fprintf(&b, "\x00%T:%v", v, v)
	}
	return b.String()
}

// uidOrOne is what to select of a row of table to tell it apart from a
// row that took its id later: its uid, or 1 when it has none.
func (s schemaShape) uidOrOne(table string) string {
	if s[table].uid {
		return "uid"
	}
	return "1"
}

func (r takenRow) keyVals(shape schemaShape) []any {
	cols := shape[r.table].key
	vals := make([]any, len(cols))
	for i, c := range cols {
		vals[i] = r.get(c)
	}
	return vals
}

// schemaShapes caches the shape by schema version: the migrations make the
// same schema of every workspace at one version.
var schemaShapes sync.Map // int → schemaShape

func shapeOf(ctx context.Context, q querier) (schemaShape, error) {
	var version int
	if err := q.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return nil, err
	}
	if s, ok := schemaShapes.Load(version); ok {
		return s.(schemaShape), nil
	}
	s, err := readShape(ctx, q)
	if err != nil {
		return nil, err
	}
	schemaShapes.Store(version, s)
	return s, nil
}

// readShape reads every table's key and foreign keys from SQLite.
func readShape(ctx context.Context, q querier) (schemaShape, error) {
	tables, err := textColumn(ctx, q, `SELECT name FROM sqlite_master
		WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'`)
	if err != nil {
		return nil, err
	}
	shape := schemaShape{}
	for _, t := range tables {
		key, err := textColumn(ctx, q, "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", t)
		if err != nil {
			return nil, err
		}
		uid, err := textColumn(ctx, q, "SELECT name FROM pragma_table_info(?) WHERE name = 'uid'", t)
		if err != nil {
			return nil, err
		}
		shape[t] = &tableShape{key: key, uid: len(uid) > 0}
	}
	for _, t := range tables {
		fks, err := foreignKeysOf(ctx, q, t)
		if err != nil {
			return nil, err
		}
		for _, fk := range fks {
			parent, ok := shape[fk.parent]
			if fk.target == "" && ok && len(parent.key) == 1 {
				fk.target = parent.key[0]
			}
			if !ok || len(parent.key) != 1 || parent.key[0] != fk.target {
				return nil, fmt.Errorf("%s.%s refers to %s.%s, not to a one-column key: undo cannot follow it", t, fk.column, fk.parent, fk.target)
			}
			shape[t].fks = append(shape[t].fks, fk)
			parent.refs = append(parent.refs, fk)
		}
	}
	return shape, nil
}

func foreignKeysOf(ctx context.Context, q querier, table string) ([]foreignKey, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, seq, "table", "from", ifnull("to", ''), on_delete FROM pragma_foreign_key_list(?)`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []foreignKey
	for rows.Next() {
		var id, seq int
		fk := foreignKey{child: table}
		if err := rows.Scan(&id, &seq, &fk.parent, &fk.column, &fk.target, &fk.onDelete); err != nil {
			return nil, err
		}
		if seq > 0 {
			return nil, fmt.Errorf("%s has a foreign key of several columns: undo cannot follow it", table)
		}
		fk.onDelete = strings.ToUpper(fk.onDelete)
		out = append(out, fk)
	}
	return out, rows.Err()
}

func textColumn(ctx context.Context, q querier, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(s scanner) (string, error) {
		var v string
		err := s.Scan(&v)
		return v, err
	})
}

// ident quotes a table or column name. Names come from the schema, never
// from what the analyst typed; quoting keeps them whole all the same.
func ident(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }

// matchAll is "a = ? AND b = ?" over cols.
func matchAll(cols []string) string {
	parts := make([]string, len(cols))
	for i, c := range cols {
		parts[i] = ident(c) + " = ?"
	}
	return strings.Join(parts, " AND ")
}

// rowWord names one row of a table in words: "status_events" → "status event".
func rowWord(table string) string {
	if w, ok := undoTables[table]; ok {
		return w
	}
	return strings.ReplaceAll(strings.TrimSuffix(table, "s"), "_", " ")
}
