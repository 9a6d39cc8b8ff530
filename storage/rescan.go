package storage

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"unicode"
)

// namesPerSearch bounds the phrases of one full-text query, so that each
// expression stays small whatever the list: an alias change brings a
// handful of names, an imported list of actors thousands.
const namesPerSearch = 50

// idsPerQuery bounds the ids bound into one IN list, well below SQLite's
// limit on the arguments of a statement.
const idsPerQuery = 500

// ArticlesContaining returns, in ascending order, the ids of the articles
// whose title or body holds any of names as a phrase: its words in a row,
// whatever the case, the diacritics or the punctuation between them (the
// search index's own reading). It is how a rescan after an alias change
// finds the few articles worth scanning again; what it finds is a superset
// of what the stricter name matcher will accept ("US" finds "us"). Names
// without a word in them are skipped; finding nothing is nil.
func (db *DB) ArticlesContaining(ctx context.Context, names []string) ([]int64, error) {
	phrases := namePhrases(names)
	found := map[int64]bool{}
	err := db.view(ctx, "find articles containing names", func(tx *sql.Tx) error {
		for chunk := range slices.Chunk(phrases, namesPerSearch) {
			if err := articlesMatching(ctx, tx, chunk, found); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil || len(found) == 0 {
		return nil, err
	}
	ids := make([]int64, 0, len(found))
	for id := range found {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids, nil
}

// articlesMatching adds to found the articles whose title or body holds
// one of the phrases.
func articlesMatching(ctx context.Context, tx *sql.Tx, phrases []string, found map[int64]bool) error {
	match := "{title body} : (" + strings.Join(phrases, " OR ") + ")"
	rows, err := tx.QueryContext(ctx, "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", match)
	if err != nil {
		return err
	}
	ids, err := collect(rows, func(r scanner) (int64, error) {
		var id int64
		return id, r.Scan(&id)
	})
	for _, id := range ids {
		found[id] = true
	}
	return err
}

// namePhrases writes each name as an FTS5 phrase of its words, once each.
// Only letters, digits and marks go into it, separated by spaces: the
// index breaks text into words at everything else, so the phrase means
// what the name says, and no character of a name (a quote, a NUL, an
// operator) can reach the query syntax.
func namePhrases(names []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, name := range names {
		words := strings.FieldsFunc(name, func(r rune) bool { return !isNameRune(r) })
		if len(words) == 0 {
			continue
		}
		phrase := `"` + strings.Join(words, " ") + `"`
		if !seen[phrase] {
			seen[phrase] = true
			out = append(out, phrase)
		}
	}
	return out
}

// isNameRune is a character the index keeps within a word: letters,
// numbers and private-use characters; marks too, so that a decomposed
// accent stays with its letter.
func isNameRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Co, r) || unicode.IsMark(r)
}

// AllArticleIDs returns the id of every article, in ascending order: what
// a rescan of the whole workspace goes through.
func (db *DB) AllArticleIDs(ctx context.Context) ([]int64, error) {
	var ids []int64
	err := db.view(ctx, "list article ids", func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT id FROM articles ORDER BY id")
		if err != nil {
			return err
		}
		ids, err = collect(rows, func(r scanner) (int64, error) {
			var id int64
			return id, r.Scan(&id)
		})
		return err
	})
	return ids, err
}

// ArticleBodies calls fn with the body of each article of ids, in
// ascending order of id, all read in one read transaction: the bodies are
// those of one moment, however long fn takes, and only one is held in
// memory at a time. Repeated ids are read once; ids of articles that do
// not exist (deleted since they were listed) are skipped. An error from fn
// stops the reading and is returned, wrapped. fn may write to the
// workspace: the reading goes on from the moment it began.
func (db *DB) ArticleBodies(ctx context.Context, ids []int64, fn func(id int64, body string) error) error {
	ids = normalIDs(ids)
	return db.view(ctx, "read article bodies", func(tx *sql.Tx) error {
		for chunk := range slices.Chunk(ids, idsPerQuery) {
			if err := eachBody(ctx, tx, chunk, fn); err != nil {
				return err
			}
		}
		return nil
	})
}

func eachBody(ctx context.Context, tx *sql.Tx, ids []int64, fn func(id int64, body string) error) error {
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := tx.QueryContext(ctx, "SELECT id, body FROM articles WHERE id IN ("+placeholders(len(ids))+") ORDER BY id", args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var body string
		if err := rows.Scan(&id, &body); err != nil {
			return err
		}
		if err := fn(id, body); err != nil {
			return err
		}
	}
	return rows.Err()
}

// placeholders writes n question marks separated by commas.
func placeholders(n int) string {
	if n == 0 {
		return ""
	}
	return strings.Repeat("?, ", n-1) + "?"
}
