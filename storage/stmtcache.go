package storage

import (
	"context"
	"database/sql"
	"runtime"
	"sync"
	"weak"
)

// stmtCache keeps statements prepared on the writer. A path that runs the
// same few statements in many short transactions (an import stores each
// file in its own) would otherwise have SQLite parse and plan them, with
// the search triggers they fire, at every call: about as costly as running
// them. The writer pool has one connection, so a statement prepared on it
// stays valid for every later transaction; should the pool ever open a new
// connection, database/sql prepares the statement again there.
type stmtCache struct {
	write *sql.DB
	mu    sync.Mutex
	stmts map[string]*sql.Stmt
}

// writerStmts holds the cache of each open workspace. It is keyed by a weak
// pointer so that it does not keep a workspace alive; the entry is dropped
// when the workspace is collected. (Closing the workspace closes the pool,
// which finalises the statements.)
var writerStmts sync.Map // weak.Pointer[DB] → *stmtCache

// prepared returns the writer's statement cache after readying queries in
// it. It must be called before the write transaction begins, never inside
// one: the transaction holds the writer's only connection, and preparing
// on the pool would wait for it forever. A query that cannot be prepared
// here is left out and simply runs unprepared, so that the transaction
// reports its error where it always did.
func (db *DB) prepared(ctx context.Context, queries ...string) *stmtCache {
	key := weak.Make(db)
	v, ok := writerStmts.Load(key)
	if !ok {
		var loaded bool
		v, loaded = writerStmts.LoadOrStore(key, &stmtCache{write: db.write, stmts: map[string]*sql.Stmt{}})
		if !loaded {
			runtime.AddCleanup(db, func(k weak.Pointer[DB]) { writerStmts.Delete(k) }, key)
		}
	}
	c := v.(*stmtCache)
	c.prepare(ctx, queries)
	return c
}

// prepare readies the queries not prepared yet. The lock is not held while
// preparing: that waits for the writer's connection, and a transaction that
// holds the connection may need the lock to find its statements.
func (c *stmtCache) prepare(ctx context.Context, queries []string) {
	if c.write == nil { // read-only: nothing will be written
		return
	}
	for _, q := range queries {
		if c.lookup(q) != nil {
			continue
		}
		s, err := c.write.PrepareContext(ctx, q)
		if err != nil {
			continue
		}
		c.mu.Lock()
		if _, ok := c.stmts[q]; ok {
			s.Close() // another caller prepared it meanwhile
		} else {
			c.stmts[q] = s
		}
		c.mu.Unlock()
	}
}

func (c *stmtCache) lookup(query string) *sql.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stmts[query]
}

// in runs the statements of tx: a query prepared in the cache runs through
// its statement, any other directly on tx.
func (c *stmtCache) in(tx *sql.Tx) querier { return cachedTx{tx: tx, cache: c} }

type cachedTx struct {
	tx    *sql.Tx
	cache *stmtCache
}

// stmt binds the cached statement for query to the transaction, or is nil.
func (q cachedTx) stmt(ctx context.Context, query string) *sql.Stmt {
	s := q.cache.lookup(query)
	if s == nil {
		return nil
	}
	return q.tx.StmtContext(ctx, s)
}

func (q cachedTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if s := q.stmt(ctx, query); s != nil {
		return s.ExecContext(ctx, args...)
	}
	return q.tx.ExecContext(ctx, query, args...)
}

func (q cachedTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if s := q.stmt(ctx, query); s != nil {
		return s.QueryContext(ctx, args...)
	}
	return q.tx.QueryContext(ctx, query, args...)
}

func (q cachedTx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if s := q.stmt(ctx, query); s != nil {
		return s.QueryRowContext(ctx, args...)
	}
	return q.tx.QueryRowContext(ctx, query, args...)
}
