package storage

import (
	"context"
	"database/sql"
	"strings"

	"dossier/model"
)

const tagColumns = "t.id, t.uid, t.created_at, t.updated_at, t.name, t.parent_id, t.colour, t.description"

// CreateTag stores a new tag and fills its id, uid and times. Two tags of
// the same name (in any case) cannot share a parent.
func (db *DB) CreateTag(ctx context.Context, t *model.Tag) error {
	if err := t.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "create tag", func(tx *sql.Tx) error {
		return db.insertTag(ctx, tx, t)
	})
}

// insertTag is shared by CreateTag and the bulk path.
func (db *DB) insertTag(ctx context.Context, q querier, t *model.Tag) error {
	db.stamp(&t.Meta)
	res, err := q.ExecContext(ctx, `INSERT INTO tags (uid, created_at, updated_at, name, parent_id, colour, description)
		VALUES (?, ?, ?, ?, ?, ?, ?)`,
		t.UID, timeText(t.CreatedAt), timeText(t.UpdatedAt), t.Name, nullID(t.ParentID), t.Colour, t.Description)
	if err != nil {
		return tagWriteError(err, *t)
	}
	t.ID, err = res.LastInsertId()
	return err
}

// tagWriteError names the rule a tag broke.
func tagWriteError(err error, t model.Tag) error {
	if isUniqueFailure(err, "tags_name") {
		return model.Conflictf("there is already a tag named %q at that place in the codebook", t.Name)
	}
	return missingRef(err, "parent tag %d does not exist", t.ParentID)
}

// isUniqueFailure reports a violation of the named unique index.
func isUniqueFailure(err error, index string) bool {
	msg := err.Error()
	return strings.Contains(msg, "UNIQUE constraint failed") && strings.Contains(msg, index)
}

// Tag reads one tag.
func (db *DB) Tag(ctx context.Context, id int64) (model.Tag, error) {
	var t model.Tag
	err := db.view(ctx, "read tag", func(tx *sql.Tx) error {
		var err error
		t, err = readTag(ctx, tx, id)
		return err
	})
	return t, err
}

func readTag(ctx context.Context, q querier, id int64) (model.Tag, error) {
	t, err := scanTag(q.QueryRowContext(ctx, "SELECT "+tagColumns+" FROM tags t WHERE t.id = ?", id))
	if err == sql.ErrNoRows {
		return t, model.NotFoundf("tag %d does not exist", id)
	}
	return t, err
}

// UpdateTag saves every field of a tag: renaming, recolouring, describing,
// and moving it under another parent (or to the top with ParentID 0). A move
// under one of its own sub-tags is refused, as the tree would loop.
func (db *DB) UpdateTag(ctx context.Context, t *model.Tag) error {
	if err := t.Validate(); err != nil {
		return err
	}
	return db.update(ctx, "update tag", func(tx *sql.Tx) error {
		if err := refuseLoop(ctx, tx, *t); err != nil {
			return err
		}
		t.UpdatedAt = db.Now().UTC()
		res, err := tx.ExecContext(ctx, `UPDATE tags SET updated_at = ?, name = ?, parent_id = ?, colour = ?, description = ?
			WHERE id = ?`, timeText(t.UpdatedAt), t.Name, nullID(t.ParentID), t.Colour, t.Description, t.ID)
		if err != nil {
			return tagWriteError(err, *t)
		}
		return requireRow(res, "tag", t.ID)
	})
}

// refuseLoop refuses a parent that lies below the tag itself.
func refuseLoop(ctx context.Context, q querier, t model.Tag) error {
	if t.ParentID == 0 {
		return nil
	}
	var parent string
	err := q.QueryRowContext(ctx, "SELECT t.name FROM tags t WHERE t.id = ? AND t.id IN ("+subtreeSQL+")",
		t.ParentID, t.ID).Scan(&parent)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return err
	}
	return model.Invalidf("tag %q cannot move under %q, which lies inside it; the codebook would go round in a circle", t.Name, parent)
}

// DeleteTag removes a tag. Its sub-tags move up to its parent; what it
// tagged stays, without it.
func (db *DB) DeleteTag(ctx context.Context, id int64) error {
	return db.update(ctx, "delete tag", func(tx *sql.Tx) error {
		t, err := readTag(ctx, tx, id)
		if err != nil {
			return err
		}
		parent := func(int64) int64 { return t.ParentID }
		if err := moveChildren(ctx, tx, t, parent, "delete"); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM tags WHERE id = ?", id)
		return err
	})
}

// moveChildren gives each child of t the parent that newParent chooses. t is
// renamed to its uid first, so that a child of the same name can take its
// place beside its siblings (SQLite checks uniqueness row by row); t is
// about to disappear anyway. A child whose name is taken at its new place
// stops the whole change with a sentence that names it.
func moveChildren(ctx context.Context, tx *sql.Tx, t model.Tag, newParent func(child int64) int64, verb string) error {
	if _, err := tx.ExecContext(ctx, "UPDATE tags SET name = uid WHERE id = ?", t.ID); err != nil {
		return err
	}
	children, err := childTags(ctx, tx, t.ID)
	if err != nil {
		return err
	}
	for _, c := range children {
		_, err := tx.ExecContext(ctx, "UPDATE tags SET parent_id = ? WHERE id = ?", nullID(newParent(c.ID)), c.ID)
		if err != nil && isUniqueFailure(err, "tags_name") {
			return model.Conflictf("cannot %s tag %q: its sub-tag %q would sit beside another tag of the same name; rename or merge one of them first", verb, t.Name, c.Name)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func childTags(ctx context.Context, q querier, id int64) ([]model.Tag, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+tagColumns+" FROM tags t WHERE t.parent_id = ? ORDER BY t.id", id)
	if err != nil {
		return nil, err
	}
	return collect(rows, scanTag)
}

// MergeTags folds one tag into another: every excerpt and article tagged
// from is tagged into instead (once), from's sub-tags move under into, and
// from is deleted, all in one transaction. When into lies below from, the
// sub-tag of from that leads to into moves up to from's parent instead, so
// that the tree does not loop.
func (db *DB) MergeTags(ctx context.Context, from, into int64) error {
	if from == into {
		return model.Invalidf("merge tags: tag %d cannot be merged into itself", from)
	}
	return db.update(ctx, "merge tags", func(tx *sql.Tx) error {
		f, err := readTag(ctx, tx, from)
		if err != nil {
			return err
		}
		if _, err := readTag(ctx, tx, into); err != nil {
			return err
		}
		path, err := tagLineage(ctx, tx, into)
		if err != nil {
			return err
		}
		parent := func(child int64) int64 {
			if path[child] {
				return f.ParentID
			}
			return into
		}
		if err := moveChildren(ctx, tx, f, parent, "merge"); err != nil {
			return err
		}
		if err := relinkTag(ctx, tx, from, into); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM tags WHERE id = ?", from)
		return err
	})
}

// tagLineage returns a tag and all its ancestors.
func tagLineage(ctx context.Context, q querier, id int64) (map[int64]bool, error) {
	rows, err := q.QueryContext(ctx, `WITH RECURSIVE up(id, parent_id) AS (
		SELECT id, parent_id FROM tags WHERE id = ?
		UNION SELECT t.id, t.parent_id FROM tags t JOIN up ON t.id = up.parent_id)
		SELECT id FROM up`, id)
	if err != nil {
		return nil, err
	}
	ids, err := collect(rows, func(r scanner) (int64, error) {
		var id int64
		return id, r.Scan(&id)
	})
	out := make(map[int64]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out, err
}

// relinkTag tags with into everything tagged with from; rows already tagged
// with both are left as they are.
func relinkTag(ctx context.Context, tx *sql.Tx, from, into int64) error {
	for _, l := range []linkTable{excerptTags, articleTags} {
		q := "INSERT OR IGNORE INTO " + l.table + " (" + l.owner + ", tag_id) SELECT " + l.owner + ", ? FROM " +
			l.table + " WHERE tag_id = ?"
		if _, err := tx.ExecContext(ctx, q, into, from); err != nil {
			return err
		}
	}
	return nil
}

// tagTreeSQL orders the codebook as a tree: each tag after its parent, and
// siblings by name. The path joins the folded names from the top with a
// control character that sorts before any letter or space.
const tagTreeSQL = `WITH RECURSIVE tree(id, depth, path) AS (
	SELECT id, 0, lower(name) FROM tags WHERE parent_id IS NULL
	UNION ALL
	SELECT t.id, tree.depth + 1, tree.path || char(1) || lower(t.name) FROM tags t JOIN tree ON t.parent_id = tree.id)
SELECT ` + tagColumns + `, tree.depth,
	(SELECT count(*) FROM excerpt_tags x WHERE x.tag_id = t.id),
	(SELECT count(*) FROM article_tags x WHERE x.tag_id = t.id)
FROM tree JOIN tags t ON t.id = tree.id`

// ListTags returns one page of the codebook in tree order (parents before
// their children, siblings by name), each tag with its depth and counts,
// and the total.
func (db *DB) ListTags(ctx context.Context, f model.TagFilter) ([]model.TagCount, int, error) {
	var w where
	if f.Text != "" {
		w.add(`t.name LIKE ? ESCAPE '\'`, likeText(f.Text))
	}
	p := f.Page.Normalized()
	var out []model.TagCount
	var total int
	err := db.view(ctx, "list tags", func(tx *sql.Tx) error {
		var err error
		if total, err = count(ctx, tx, "tags t", &w); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, tagTreeSQL+w.String()+" ORDER BY tree.path LIMIT ? OFFSET ?",
			append(w.args, p.Limit, p.Offset)...)
		if err != nil {
			return err
		}
		out, err = collect(rows, scanTagCount)
		return err
	})
	return out, total, err
}

func scanTagCount(r scanner) (model.TagCount, error) {
	var c model.TagCount
	var created, updated sql.NullString
	var parent sql.NullInt64
	t := &c.Tag
	err := r.Scan(&t.ID, &t.UID, &created, &updated, &t.Name, &parent, &t.Colour, &t.Description,
		&c.Depth, &c.Excerpts, &c.Articles)
	t.CreatedAt, t.UpdatedAt = parseTime(created), parseTime(updated)
	t.ParentID = parent.Int64
	return c, err
}

func scanTag(r scanner) (model.Tag, error) {
	var t model.Tag
	var created, updated sql.NullString
	var parent sql.NullInt64
	err := r.Scan(&t.ID, &t.UID, &created, &updated, &t.Name, &parent, &t.Colour, &t.Description)
	t.CreatedAt, t.UpdatedAt = parseTime(created), parseTime(updated)
	t.ParentID = parent.Int64
	return t, err
}
