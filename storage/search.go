package storage

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"modernc.org/sqlite"

	"dossier/model"
)

// snippetWords is how many words a snippet shows around the match.
const snippetWords = 16

// searchKind is one searchable table: its index, how its columns weigh, and
// how a hit is filtered and described.
type searchKind struct {
	name    string
	index   string
	weights string // bm25 weights, one per column of the index
	// passing selects the ids of the rows that pass a filter; nil for a
	// kind that no filter applies to.
	passing func(model.ExcerptFilter) (string, []any)
	// alias is the column of aliases that points at this kind; "" if none.
	alias string
	// describe selects id, article id and title of the hits in an IN list.
	describe string
}

// The title or name of each index weighs most: a word in the title says
// more about a row than the same word once in its body.
var searchKinds = []searchKind{
	{name: model.HitArticle, index: "articles_fts", weights: "5.0, 1.0, 2.0", // title, body, notes
		passing:  articlesPassing,
		describe: "SELECT id, id, title FROM articles WHERE id IN "},
	{name: model.HitExcerpt, index: "excerpts_fts", weights: "3.0, 2.0, 1.0", // exact, note, stance
		passing:  excerptsPassing,
		describe: "SELECT e.id, e.article_id, a.title FROM excerpts e JOIN articles a ON a.id = e.article_id WHERE e.id IN "},
	{name: model.HitActor, index: "actors_fts", weights: "5.0, 2.0, 1.0, 1.0", // name, role, description, notes
		alias: "actor_id", describe: "SELECT id, 0, name FROM actors WHERE id IN "},
	{name: model.HitDocument, index: "documents_fts", weights: "5.0, 1.0, 1.0", // title, description, notes
		alias: "document_id", describe: "SELECT id, 0, title FROM documents WHERE id IN "},
}

// aliasWeight scores an alias like the name it stands for.
const aliasWeight = "5.0"

// Search finds the analyst's words in articles, excerpts, actors (and their
// aliases) and documents (and theirs), ranked, with highlighted snippets.
// A search that cannot be read is refused with ErrInvalid and a sentence.
func (db *DB) Search(ctx context.Context, q model.SearchQuery) (model.SearchResult, error) {
	match, err := ParseQuery(q.Text)
	if err != nil {
		return model.SearchResult{}, err
	}
	kinds, err := kindsToSearch(q.Kinds)
	if err != nil {
		return model.SearchResult{}, err
	}
	page := q.Page.Normalized()
	res := model.SearchResult{Totals: map[string]int{}}
	err = db.view(ctx, "search", func(sqlTx *sql.Tx) error {
		var tx querier = sqlTx
		if db.searchTrace != nil {
			tx = tracer{sqlTx, db.searchTrace}
		}
		for _, k := range kinds {
			hits, total, err := k.search(ctx, tx, match, q.Filter, page)
			if err != nil {
				return err
			}
			res.Hits = append(res.Hits, hits...)
			res.Totals[k.name] = total
		}
		return nil
	})
	if err != nil {
		return model.SearchResult{}, searchFailed(q.Text, err)
	}
	return res, nil
}

// kindsToSearch checks the kinds asked for and puts them in order.
func kindsToSearch(names []string) ([]searchKind, error) {
	if len(names) == 0 {
		return searchKinds, nil
	}
	want := map[string]bool{}
	for _, n := range names {
		if !isSearchKind(n) {
			return nil, model.Invalidf("unknown kind of search hit %q; use one of: %s, %s, %s, %s",
				n, model.HitArticle, model.HitExcerpt, model.HitActor, model.HitDocument)
		}
		want[n] = true
	}
	var out []searchKind
	for _, k := range searchKinds {
		if want[k.name] {
			out = append(out, k)
		}
	}
	return out, nil
}

func isSearchKind(name string) bool {
	for _, k := range searchKinds {
		if k.name == name {
			return true
		}
	}
	return false
}

// searchFailed turns an error of the search engine into a sentence: the
// expression is built to be valid, so one that FTS5 still refuses (too
// complex, say) is the analyst's to simplify, and its wording is FTS5's
// business. The engine's error stays in the chain for errors.As. Other
// errors (a cancelled search, a damaged file) pass as they are.
func searchFailed(text string, err error) error {
	var engine *sqlite.Error
	if errors.As(err, &engine) && engine.Code()&0xff == 1 { // SQLITE_ERROR
		return &searchError{
			msg:    "the search “" + echoSearch(text) + "” could not be run: the search engine did not accept it; simplify it",
			engine: engine,
		}
	}
	return err
}

// searchError reads as a sentence for the analyst, is model.ErrInvalid,
// and keeps the engine's error for whoever debugs it.
type searchError struct {
	msg    string
	engine error
}

func (e *searchError) Error() string   { return e.msg }
func (e *searchError) Unwrap() []error { return []error{model.ErrInvalid, e.engine} }

// articlesPassing selects the articles that pass the part of an excerpt
// filter that applies to articles; "" when no part does.
func articlesPassing(f model.ExcerptFilter) (string, []any) {
	w := articleWhere(model.ArticleFilter{SourceID: f.SourceID, TagID: f.TagID, From: f.From, To: f.To})
	if f.ArticleID != 0 {
		w.add("a.id = ?", f.ArticleID)
	}
	if len(w.conds) == 0 {
		return "", nil
	}
	return "SELECT a.id FROM articles a" + w.String(), w.args
}

// excerptsPassing selects the excerpts that pass the filter, as the excerpt
// listing does; "" when the filter is empty. The articles are joined only
// for the filters on them: the join costs a lookup per excerpt.
func excerptsPassing(f model.ExcerptFilter) (string, []any) {
	w := excerptWhere(f)
	if len(w.conds) == 0 {
		return "", nil
	}
	from := "excerpts e"
	if f.SourceID != 0 || !f.From.IsZero() || !f.To.IsZero() {
		from = excerptsFrom
	}
	return "SELECT e.id FROM " + from + w.String(), w.args
}

// search returns one page of the kind's hits and their total.
func (k searchKind) search(ctx context.Context, tx querier, match string, f model.ExcerptFilter, p model.Page) ([]model.SearchHit, int, error) {
	var pass filterSQL
	if k.passing != nil {
		pass.query, pass.args = k.passing(f)
	}
	hits, err := k.rank(ctx, tx, match, pass, p)
	if err != nil {
		return nil, 0, err
	}
	total, err := k.total(ctx, tx, match, pass)
	if err != nil {
		return nil, 0, err
	}
	if len(hits) == 0 {
		return nil, total, nil
	}
	if err := k.describeHits(ctx, tx, hits); err != nil {
		return nil, 0, err
	}
	if err := k.highlight(ctx, tx, match, hits); err != nil {
		return nil, 0, err
	}
	return hits, total, nil
}

// matches selects (id, score) for every row that matches, an actor or
// document found by several of its aliases once, with its best score. It
// reads the indexes only: MATCH and bm25 stay next to their index, and
// joins and snippets come after. Unscored, it selects the ids alone, for
// counting: bm25 is most of the cost of a search for a common word.
func (k searchKind) matches(match string, scored bool) (string, []any) {
	score, aliasScore, best := "", "", ""
	if scored {
		score = ", bm25(" + k.index + ", " + k.weights + ") AS score"
		aliasScore = ", bm25(aliases_fts, " + aliasWeight + ")"
		best = ", min(score) AS score"
	}
	own := "SELECT rowid AS id" + score + " FROM " + k.index + " WHERE " + k.index + " MATCH ?"
	if k.alias == "" {
		return own, []any{match}
	}
	byAlias := "SELECT al." + k.alias + aliasScore + " FROM aliases_fts CROSS JOIN aliases al ON al.id = aliases_fts.rowid" +
		" WHERE aliases_fts MATCH ? AND al." + k.alias + " IS NOT NULL"
	return "SELECT id" + best + " FROM (" + own + " UNION ALL " + byAlias + ") GROUP BY id", []any{match, match}
}

// filterSQL selects the ids that pass a filter; an empty query passes all.
type filterSQL struct {
	query string
	args  []any
}

// filtered is the matches that pass the filter. Without one it is the
// matches themselves, so the plain case keeps MATCH, ORDER BY and LIMIT in
// one query over the index. With one, the ids that pass are gathered once
// and each match is looked up among them: measured on 3,000 articles, that
// is two to four times faster for a common word than joining every match
// to its table (a row lookup each), and no slower for a rare one. The
// unary + keeps SQLite from handing "id IN" to FTS5, which would then run
// the search once per id.
func (k searchKind) filtered(match string, pass filterSQL, scored bool) (string, []any) {
	from, args := k.matches(match, scored)
	if pass.query == "" {
		return from, args
	}
	columns := "id"
	if scored {
		columns += ", score"
	}
	return "SELECT " + columns + " FROM (" + from + ") WHERE +id IN (" + pass.query + ")", append(args, pass.args...)
}

// rank reads one page of hits, best first; equal scores in id order, so
// that pages do not overlap.
func (k searchKind) rank(ctx context.Context, tx querier, match string, pass filterSQL, p model.Page) ([]model.SearchHit, error) {
	from, args := k.filtered(match, pass, true)
	rows, err := tx.QueryContext(ctx, from+" ORDER BY score, id LIMIT ? OFFSET ?", append(args, p.Limit, p.Offset)...)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r scanner) (model.SearchHit, error) {
		h := model.SearchHit{Kind: k.name}
		return h, r.Scan(&h.ID, &h.Rank)
	})
}

// total counts the hits that pass the filter.
func (k searchKind) total(ctx context.Context, tx querier, match string, pass filterSQL) (int, error) {
	from, args := k.filtered(match, pass, false)
	var n int
	err := tx.QueryRowContext(ctx, "SELECT count(*) FROM ("+from+")", args...).Scan(&n)
	return n, err
}

// describeHits fills the title and article of the hits shown.
func (k searchKind) describeHits(ctx context.Context, tx querier, hits []model.SearchHit) error {
	in, ids := idList(hits)
	rows, err := tx.QueryContext(ctx, k.describe+in, ids...)
	if err != nil {
		return err
	}
	type described struct {
		id, article int64
		title       string
	}
	found, err := collect(rows, func(r scanner) (described, error) {
		var d described
		return d, r.Scan(&d.id, &d.article, &d.title)
	})
	if err != nil {
		return err
	}
	byID := make(map[int64]described, len(found))
	for _, d := range found {
		byID[d.id] = d
	}
	for i := range hits {
		d := byID[hits[i].ID]
		hits[i].Title, hits[i].ArticleID = d.title, d.article
	}
	return nil
}

// highlight computes the snippets of the hits shown, and of no other row:
// snippet() reads the row's text, which is what makes it costly.
func (k searchKind) highlight(ctx context.Context, tx querier, match string, hits []model.SearchHit) error {
	in, ids := idList(hits)
	snippets, err := querySnippets(ctx, tx, "SELECT rowid, "+snippetOf(k.index, -1)+" FROM "+k.index+
		" WHERE "+k.index+" MATCH ? AND rowid IN "+in, append([]any{match}, ids...))
	if err != nil {
		return err
	}
	if k.alias != "" && len(snippets) < len(hits) {
		// Found by an alias alone: the alias is the snippet. The best
		// alias comes first and is kept.
		byAlias, err := querySnippets(ctx, tx, "SELECT al."+k.alias+", "+snippetOf("aliases_fts", 0)+
			" FROM aliases_fts CROSS JOIN aliases al ON al.id = aliases_fts.rowid WHERE aliases_fts MATCH ? AND al."+
			k.alias+" IN "+in+" ORDER BY aliases_fts.rank, al.id", append([]any{match}, ids...))
		if err != nil {
			return err
		}
		for id, s := range byAlias {
			if _, ok := snippets[id]; !ok {
				snippets[id] = s
			}
		}
	}
	for i := range hits {
		hits[i].Snippet = snippets[hits[i].ID]
	}
	return nil
}

// snippetOf calls snippet() on an index's column (-1: the best column).
func snippetOf(index string, column int) string {
	return "snippet(" + index + ", " + strconv.Itoa(column) + ", '" + model.HighlightStart + "', '" + model.HighlightEnd + "', '" +
		model.SnippetEllipsis + "', " + strconv.Itoa(snippetWords) + ")"
}

// querySnippets reads (id, snippet) rows; the first snippet of an id wins.
func querySnippets(ctx context.Context, tx querier, query string, args []any) (map[int64]string, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	type snippet struct {
		id   int64
		text string
	}
	found, err := collect(rows, func(r scanner) (snippet, error) {
		var s snippet
		return s, r.Scan(&s.id, &s.text)
	})
	out := make(map[int64]string, len(found))
	for _, s := range found {
		if _, ok := out[s.id]; !ok {
			out[s.id] = s.text
		}
	}
	return out, err
}

// idList writes "(?, ?, …)" for the hits' ids, and the ids.
func idList(hits []model.SearchHit) (string, []any) {
	ids := make([]any, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	return "(" + strings.TrimSuffix(strings.Repeat("?, ", len(hits)), ", ") + ")", ids
}

// TraceSearch has every SQL statement that Search runs passed to fn with
// its arguments, so that the benchmarks can run the very same SQL in the
// sqlite3 shell. nil turns it off. Not safe while searches run.
func (db *DB) TraceSearch(fn func(query string, args []any)) { db.searchTrace = fn }

// tracer is a querier that reports each statement before running it.
type tracer struct {
	querier
	trace func(string, []any)
}

func (t tracer) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	t.trace(query, args)
	return t.querier.QueryContext(ctx, query, args...)
}

func (t tracer) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	t.trace(query, args)
	return t.querier.QueryRowContext(ctx, query, args...)
}
