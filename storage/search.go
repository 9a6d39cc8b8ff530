package storage

import (
	"context"
	"database/sql"
	"errors"
	"runtime"
	"strconv"
	"sync"

	"modernc.org/sqlite"

	"dossier/model"
)

// snippetWords is how many words a snippet shows around the match.
const snippetWords = 16

// searchKind is one searchable table: its index, how its columns weigh, and
// how a hit is filtered and shown.
type searchKind struct {
	name    string
	index   string
	weights string // bm25 weights, one per column of the index
	// passing selects the ids of the rows that pass a filter; nil for a
	// kind that no filter applies to.
	passing func(model.ExcerptFilter) (string, []any)
	// alias is the column of aliases that points at this kind; "" if none.
	alias string
	// shown completes "SELECT top.id, top.score, " over the ranked page
	// "top" with each hit's article id, title and snippet. A kind without
	// aliases joins its own index once more for snippet(), with the search
	// as the last argument: every hit matches it. A kind with aliases
	// leaves the snippet NULL, for highlight.
	shown string
}

// The title or name of each index weighs most: a word in the title says
// more about a row than the same word once in its body. The joins are
// CROSS JOINs so that SQLite keeps their order: the page first, then one
// lookup per hit.
var searchKinds = []searchKind{
	{name: model.HitArticle, index: "articles_fts", weights: "5.0, 1.0, 2.0", // title, body, notes
		passing: articlesPassing,
		shown: "a.id, a.title, " + snippetOf("articles_fts", -1) +
			" FROM top CROSS JOIN articles_fts CROSS JOIN articles a" +
			" WHERE articles_fts MATCH ? AND articles_fts.rowid = top.id AND a.id = top.id"},
	{name: model.HitExcerpt, index: "excerpts_fts", weights: "3.0, 2.0, 1.0", // exact, note, stance
		passing: excerptsPassing,
		shown: "e.article_id, a.title, " + snippetOf("excerpts_fts", -1) +
			" FROM top CROSS JOIN excerpts_fts CROSS JOIN excerpts e CROSS JOIN articles a" +
			" WHERE excerpts_fts MATCH ? AND excerpts_fts.rowid = top.id AND e.id = top.id AND a.id = e.article_id"},
	{name: model.HitActor, index: "actors_fts", weights: "5.0, 2.0, 1.0, 1.0", // name, role, description, notes
		alias: "actor_id", shown: "0, x.name, NULL FROM top CROSS JOIN actors x WHERE x.id = top.id"},
	{name: model.HitDocument, index: "documents_fts", weights: "5.0, 1.0, 1.0", // title, description, notes
		alias: "document_id", shown: "0, x.title, NULL FROM top CROSS JOIN documents x WHERE x.id = top.id"},
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
	plans := planSearch(kinds, match, q.Filter, q.Page.Normalized())
	prepared := db.prepareSearch(ctx, plans)
	res := model.SearchResult{Totals: map[string]int{}}
	err = db.view(ctx, "search", func(tx *sql.Tx) error {
		run := searchTx{tx: tx, prepared: prepared, trace: db.searchTrace}
		for _, p := range plans {
			hits, total, err := p.run(ctx, run)
			if err != nil {
				return err
			}
			res.Hits = append(res.Hits, hits...)
			res.Totals[p.kind.name] = total
		}
		return nil
	})
	if err != nil {
		return model.SearchResult{}, searchFailed(q.Text, err)
	}
	return res, nil
}

// planSearch builds the SQL of each kind's part of a search.
func planSearch(kinds []searchKind, match string, f model.ExcerptFilter, p model.Page) []kindSearch {
	plans := make([]kindSearch, len(kinds))
	for i, k := range kinds {
		plans[i] = k.plan(match, f, p)
	}
	return plans
}

// prepareSearch returns the statements of a search, prepared. It runs
// before the search's transaction: preparing takes a connection of the
// pool, and inside the transaction the search already holds one.
func (db *DB) prepareSearch(ctx context.Context, plans []kindSearch) map[string]*sql.Stmt {
	var texts []string
	for _, p := range plans {
		texts = append(texts, p.statements()...)
	}
	return db.searchStatements().get(ctx, db.read, texts)
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

// kindSearch is one kind's part of a search: its SQL, built before the
// transaction so that its statements can be prepared outside it.
type kindSearch struct {
	kind     searchKind
	match    string
	page     model.Page
	pageSQL  string
	pageArgs []any
	// countSQL counts the hits that pass the filter.
	countSQL  string
	countArgs []any
}

// plan builds the SQL of the kind's part of a search.
func (k searchKind) plan(match string, f model.ExcerptFilter, p model.Page) kindSearch {
	var pass filterSQL
	if k.passing != nil {
		pass.query, pass.args = k.passing(f)
	}
	s := kindSearch{kind: k, match: match, page: p}
	s.pageSQL, s.pageArgs = k.pageOf(match, pass, p)
	from, args := k.filtered(match, pass, false)
	s.countSQL, s.countArgs = "SELECT count(*) FROM ("+from+")", args
	return s
}

// statements lists the SQL the search may run, to be prepared.
func (s kindSearch) statements() []string {
	out := []string{s.pageSQL, s.countSQL}
	if s.kind.alias != "" {
		out = append(out, s.kind.ownSnippetSQL(), s.kind.aliasSnippetSQL())
	}
	return out
}

// run returns one page of the kind's hits, with titles and snippets, and
// their total.
func (s kindSearch) run(ctx context.Context, tx searchTx) ([]model.SearchHit, int, error) {
	hits, err := s.rank(ctx, tx)
	if err != nil {
		return nil, 0, err
	}
	total, err := s.total(ctx, tx, len(hits))
	if err != nil {
		return nil, 0, err
	}
	if len(hits) == 0 {
		return nil, total, nil
	}
	if s.kind.alias != "" {
		if err := s.kind.highlight(ctx, tx, s.match, hits); err != nil {
			return nil, 0, err
		}
	}
	return hits, total, nil
}

// rank reads one page of hits, best first, with what is shown of them.
func (s kindSearch) rank(ctx context.Context, tx searchTx) ([]model.SearchHit, error) {
	rows, err := tx.query(ctx, s.pageSQL, s.pageArgs...)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r scanner) (model.SearchHit, error) {
		h := model.SearchHit{Kind: s.kind.name}
		var snippet sql.NullString
		err := r.Scan(&h.ID, &h.Rank, &h.ArticleID, &h.Title, &snippet)
		h.Snippet = snippet.String
		return h, err
	})
}

// total counts the hits that pass the filter. A page that is not full ends
// the list, so its hits give the total without counting again: only a full
// page, or one past the end, needs the count.
func (s kindSearch) total(ctx context.Context, tx searchTx, shown int) (int, error) {
	if shown < s.page.Limit && (shown > 0 || s.page.Offset == 0) {
		return s.page.Offset + shown, nil
	}
	rows, err := tx.query(ctx, s.countSQL, s.countArgs...)
	if err != nil {
		return 0, err
	}
	n, err := collect(rows, func(r scanner) (int, error) {
		var n int
		return n, r.Scan(&n)
	})
	if err != nil || len(n) != 1 {
		return 0, err
	}
	return n[0], nil
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

// pageOf selects one page of hits, best first; equal scores in id order,
// so that pages do not overlap. The page is ranked first, in "top", and
// only its hits are joined and given a snippet: snippet() reads the row's
// text, which is what makes it costly. MATERIALIZED ranks the page once,
// whatever SQLite makes of the joins.
func (k searchKind) pageOf(match string, pass filterSQL, p model.Page) (string, []any) {
	ranked, args := k.filtered(match, pass, true)
	query := "WITH top(id, score) AS MATERIALIZED (" + ranked + " ORDER BY score, id LIMIT ? OFFSET ?)" +
		" SELECT top.id, top.score, " + k.shown + " ORDER BY top.score, top.id"
	args = append(args, p.Limit, p.Offset)
	if k.alias == "" {
		args = append(args, match)
	}
	return query, args
}

// highlight fills the snippets of actors or documents: from the kind's own
// index, or, for one found by an alias alone, that alias.
func (k searchKind) highlight(ctx context.Context, tx searchTx, match string, hits []model.SearchHit) error {
	ids := idArray(hits)
	snippets, err := querySnippets(ctx, tx, k.ownSnippetSQL(), match, ids)
	if err != nil {
		return err
	}
	if len(snippets) < len(hits) {
		byAlias, err := querySnippets(ctx, tx, k.aliasSnippetSQL(), match, ids)
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

// ownSnippetSQL selects snippets from the kind's index for the ids in a
// JSON array: one text whatever the number of hits, so it is prepared once.
func (k searchKind) ownSnippetSQL() string {
	return "SELECT rowid, " + snippetOf(k.index, -1) + " FROM " + k.index +
		" WHERE " + k.index + " MATCH ? AND rowid IN (SELECT value FROM json_each(?))"
}

// aliasSnippetSQL selects the matching aliases of the ids in a JSON array,
// the best first: querySnippets keeps it.
func (k searchKind) aliasSnippetSQL() string {
	return "SELECT al." + k.alias + ", " + snippetOf("aliases_fts", 0) +
		" FROM aliases_fts CROSS JOIN aliases al ON al.id = aliases_fts.rowid WHERE aliases_fts MATCH ? AND al." +
		k.alias + " IN (SELECT value FROM json_each(?)) ORDER BY aliases_fts.rank, al.id"
}

// snippetOf calls snippet() on an index's column (-1: the best column).
func snippetOf(index string, column int) string {
	return "snippet(" + index + ", " + strconv.Itoa(column) + ", '" + model.HighlightStart + "', '" + model.HighlightEnd + "', '" +
		model.SnippetEllipsis + "', " + strconv.Itoa(snippetWords) + ")"
}

// querySnippets reads (id, snippet) rows; the first snippet of an id wins.
func querySnippets(ctx context.Context, tx searchTx, query string, args ...any) (map[int64]string, error) {
	rows, err := tx.query(ctx, query, args...)
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

// idArray writes the hits' ids as a JSON array, for json_each.
func idArray(hits []model.SearchHit) string {
	b := make([]byte, 0, 8*len(hits)+2)
	b = append(b, '[')
	for i, h := range hits {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, h.ID, 10)
	}
	return string(append(b, ']'))
}

// searchTx runs the statements of one search in its read transaction,
// prepared where they could be, and shows each to the tracer.
type searchTx struct {
	tx       *sql.Tx
	prepared map[string]*sql.Stmt
	trace    func(string, []any)
}

func (s searchTx) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if s.trace != nil {
		s.trace(query, args)
	}
	if stmt := s.prepared[query]; stmt != nil {
		return s.tx.StmtContext(ctx, stmt).QueryContext(ctx, args...)
	}
	return s.tx.QueryContext(ctx, query, args...)
}

// preparedSearches keeps the statements of searches, prepared once per
// workspace: parsing and planning them is a good part of the cost of a
// search for a rare word. database/sql prepares a statement again on each
// connection that runs it, and keeps it there. Keyed by the reader pool,
// which the statements hold on to: were they keyed by the DB, it could
// never be collected.
var preparedSearches sync.Map // *sql.DB → *searchCache

// maxPreparedSearches bounds the statements kept per workspace: each shape
// of filter makes other SQL, and a shape seldom used is not worth keeping.
const maxPreparedSearches = 64

// searchCache holds prepared statements by their SQL, up to max.
type searchCache struct {
	mu     sync.Mutex
	byText map[string]*sql.Stmt
	max    int
}

func newSearchCache(max int) *searchCache {
	return &searchCache{byText: map[string]*sql.Stmt{}, max: max}
}

// searchStatements returns the workspace's prepared statements; they are
// closed once the DB is collected.
func (db *DB) searchStatements() *searchCache {
	if c, ok := preparedSearches.Load(db.read); ok {
		return c.(*searchCache)
	}
	c, loaded := preparedSearches.LoadOrStore(db.read, newSearchCache(maxPreparedSearches))
	if !loaded {
		runtime.AddCleanup(db, forgetSearchStatements, db.read)
	}
	return c.(*searchCache)
}

func forgetSearchStatements(pool *sql.DB) {
	if c, ok := preparedSearches.LoadAndDelete(pool); ok {
		c.(*searchCache).close()
	}
}

// get returns the statements of texts, preparing those not yet prepared
// while there is room; the lock is not held while preparing, which may
// wait for a connection. One that fails to prepare is left out: run as
// text, it fails again where the error is handled.
func (c *searchCache) get(ctx context.Context, pool *sql.DB, texts []string) map[string]*sql.Stmt {
	out := make(map[string]*sql.Stmt, len(texts))
	var missing []string
	c.mu.Lock()
	for _, t := range texts {
		if stmt, ok := c.byText[t]; ok {
			out[t] = stmt
		} else {
			missing = append(missing, t)
		}
	}
	c.mu.Unlock()
	for _, t := range missing {
		if !c.hasRoom() {
			break
		}
		if stmt, err := pool.PrepareContext(ctx, t); err == nil {
			out[t] = c.keep(t, stmt)
		}
	}
	return out
}

func (c *searchCache) hasRoom() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.byText) < c.max
}

// keep stores a statement just prepared, unless another search stored the
// same meanwhile, and returns the one kept.
func (c *searchCache) keep(text string, stmt *sql.Stmt) *sql.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	if kept, ok := c.byText[text]; ok {
		stmt.Close()
		return kept
	}
	c.byText[text] = stmt
	return stmt
}

func (c *searchCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for t, stmt := range c.byText {
		stmt.Close()
		delete(c.byText, t)
	}
}

// TraceSearch has every SQL statement that Search runs passed to fn with
// its arguments, so that the benchmarks can run the very same SQL in the
// sqlite3 shell. nil turns it off. Not safe while searches run.
func (db *DB) TraceSearch(fn func(query string, args []any)) { db.searchTrace = fn }
