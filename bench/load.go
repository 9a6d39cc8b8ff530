package bench

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/google/uuid"

	"dossier/bench/gen"
	"dossier/model"
	"dossier/storage"
	"dossier/workspace"
)

// Rows is what the load benchmarks insert: articles and the excerpts that
// point into them, already in the model's shape.
type Rows struct {
	Articles []model.Article
	Excerpts [][]model.Excerpt // per article; ArticleID is set at insert time
}

// Count is the number of rows.
func (r *Rows) Count() int {
	n := len(r.Articles)
	for _, ex := range r.Excerpts {
		n += len(ex)
	}
	return n
}

// RowsFrom turns a generated corpus into rows, excerpts capped at maxExcerpts.
func RowsFrom(c *gen.Corpus, maxExcerpts int) *Rows {
	r := &Rows{}
	now := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	total := 0
	for _, a := range c.Articles {
		r.Articles = append(r.Articles, model.Article{
			Title: a.Title, Author: a.Author, URL: a.URL, PublishedAt: a.PublishedAt,
			RetrievedAt: now, Language: "en", Body: a.Body, Hash: model.ContentHash(a.Body), Revision: 1,
		})
		text := model.NewText(a.Body)
		var ex []model.Excerpt
		for _, e := range a.Excerpts {
			if total >= maxExcerpts {
				break
			}
			span := model.Span{Start: e.Start, End: e.End}
			sel, err := text.Selector(span)
			if err != nil {
				continue
			}
			kind, err := model.ParseExcerptKind(e.Kind)
			if err != nil {
				kind = model.ExcerptOther
			}
			ex = append(ex, model.Excerpt{Span: span, Selector: sel, Kind: kind, Credibility: model.Credibility(1 + total%6)})
			total++
		}
		r.Excerpts = append(r.Excerpts, ex)
	}
	return r
}

// loadOurs inserts rows into a new workspace at path through the bulk path
// (bulk=true) or the trigger path, and returns the time taken.
func loadOurs(ctx context.Context, path string, rows *Rows, bulk bool) (time.Duration, error) {
	ws, err := workspace.Create(path)
	if err != nil {
		return 0, err
	}
	defer ws.Close()
	load := ws.Insert
	if bulk {
		load = ws.Bulk
	}
	start := time.Now()
	err = load(ctx, func(b *storage.Bulk) error {
		for i := range rows.Articles {
			a := rows.Articles[i]
			if err := b.AddArticle(&a); err != nil {
				return err
			}
			for _, e := range rows.Excerpts[i] {
				e.ArticleID = a.ID
				if err := b.AddExcerpt(&e); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return time.Since(start), err
}

// loadShell has the sqlite3 command-line shell load the same rows into the
// same schema (an empty workspace made by Dossier), doing what our path
// does: with bulk, drop the search triggers, insert, rebuild the indexes and
// put the triggers back; without, insert with the triggers on, in one
// transaction or, as an import stores its files, one per article. The SQL
// script is written first and not timed.
func loadShell(ctx context.Context, dir string, rows *Rows, bulk, perArticle bool) (time.Duration, error) {
	path := filepath.Join(dir, "shell.dossier")
	ws, err := workspace.Create(path)
	if err != nil {
		return 0, err
	}
	triggers, err := ftsTriggers(path)
	ws.Close()
	if err != nil {
		return 0, err
	}
	script := filepath.Join(dir, "load.sql")
	if err := writeLoadScript(script, rows, bulk, perArticle, triggers); err != nil {
		return 0, err
	}
	in, err := os.Open(script)
	if err != nil {
		return 0, err
	}
	defer in.Close()
	cmd := exec.CommandContext(ctx, "sqlite3", "-bail", path)
	cmd.Stdin = in
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err = cmd.Run()
	took := time.Since(start)
	if err != nil {
		return 0, fmt.Errorf("sqlite3 shell: %v: %s", err, out.String())
	}
	return took, nil
}

// trigger is a search-index trigger as the schema defines it.
type trigger struct{ name, sql string }

func ftsTriggers(path string) ([]trigger, error) {
	out, err := exec.Command("sqlite3", "-separator", "\x1f", "-newline", "\x1e", path,
		`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\_fts\_%' ESCAPE '\' AND (tbl_name = 'articles' OR tbl_name = 'excerpts')`).Output()
	if err != nil {
		return nil, fmt.Errorf("read triggers with the sqlite3 shell: %w", err)
	}
	var ts []trigger
	for _, rec := range strings.Split(strings.TrimSuffix(string(out), "\x1e"), "\x1e") {
		name, sql, ok := strings.Cut(rec, "\x1f")
		if ok {
			ts = append(ts, trigger{name, sql})
		}
	}
	return ts, nil
}

func writeLoadScript(path string, rows *Rows, bulk, perArticle bool, triggers []trigger) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintln(w, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;")
	fmt.Fprintln(w, "BEGIN IMMEDIATE;")
	if bulk {
		for _, t := range triggers {
			fmt.Fprintf(w, "DROP TRIGGER %s;\n", t.name)
		}
	}
	now := sqlText(time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC).Format("2006-01-02T15:04:05.000Z"))
	excerptID := 0
	for i, a := range rows.Articles {
		if perArticle && i > 0 {
			fmt.Fprintln(w, "COMMIT; BEGIN IMMEDIATE;")
		}
		fmt.Fprintf(w, "INSERT INTO articles (id, uid, created_at, updated_at, title, author, url, published_at, retrieved_at, language, body, hash, revision, notes) VALUES (%d, %s, %s, %s, %s, %s, %s, %s, %s, 'en', %s, %s, 1, '');\n",
			i+1, sqlText(uuid.Must(uuid.NewV7()).String()), now, now, sqlText(a.Title), sqlText(a.Author), sqlText(a.URL),
			sqlText(a.PublishedAt.UTC().Format("2006-01-02T15:04:05.000Z")), now, sqlText(a.Body), sqlText(a.Hash))
		for _, e := range rows.Excerpts[i] {
			excerptID++
			fmt.Fprintf(w, "INSERT INTO excerpts (id, uid, created_at, updated_at, article_id, start_cp, end_cp, exact, prefix, suffix, kind, note, stance, speaker_id, credibility, orphaned) VALUES (%d, %s, %s, %s, %d, %d, %d, %s, %s, %s, '%s', '', '', NULL, %d, 0);\n",
				excerptID, sqlText(uuid.Must(uuid.NewV7()).String()), now, now, i+1, e.Span.Start, e.Span.End,
				sqlText(e.Selector.Exact), sqlText(e.Selector.Prefix), sqlText(e.Selector.Suffix), e.Kind, e.Credibility)
		}
	}
	if bulk {
		fmt.Fprintln(w, "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');")
		fmt.Fprintln(w, "INSERT INTO excerpts_fts (excerpts_fts) VALUES ('rebuild');")
		for _, t := range triggers {
			fmt.Fprintf(w, "%s;\n", t.sql)
		}
	}
	fmt.Fprintln(w, "COMMIT;")
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func sqlText(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
