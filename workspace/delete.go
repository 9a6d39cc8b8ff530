package workspace

import (
	"context"
	"fmt"

	"dossier/storage"
)

// Kind names the things a delete can remove and a restore put back.
type Kind string

// The kinds the window deletes.
const (
	KindArticle  Kind = "article"
	KindExcerpt  Kind = "excerpt"
	KindActor    Kind = "actor"
	KindDocument Kind = "document"
	KindTag      Kind = "tag"
)

// kindTables is the table each kind is stored in.
var kindTables = map[Kind]string{
	KindArticle:  "articles",
	KindExcerpt:  "excerpts",
	KindActor:    "actors",
	KindDocument: "documents",
	KindTag:      "tags",
}

// Deleted is what one delete took away, kept by the window so that the
// analyst can undo it during the session.
type Deleted struct {
	Kind Kind
	ID   int64

	// snapshot holds every row the delete removed and every reference it
	// cleared; only Restore reads it.
	snapshot storage.Snapshot
}

// Delete removes one item and what hangs on it: an article's excerpts,
// mentions and proposals, an actor's aliases, relations and parties, and
// so on; references to it elsewhere are cleared, and a tag's sub-tags move
// up to its parent. Restore puts all of it back.
func (ws *Workspace) Delete(ctx context.Context, kind Kind, id int64) (Deleted, error) {
	table, ok := kindTables[kind]
	if !ok {
		return Deleted{}, fmt.Errorf("delete: unknown kind %q", kind)
	}
	s, err := ws.DeleteForUndo(ctx, table, id)
	if err != nil {
		return Deleted{}, err
	}
	d := Deleted{Kind: kind, ID: id, snapshot: s}
	if names := d.names(); len(names) > 0 {
		ws.namesChanged(names...)
	}
	return d, nil
}

// Restore puts back what Delete took away, with the same ids. It refuses,
// changing nothing, when the item is back already or when a new item has
// taken one of its ids since. The articles that hold a restored actor's or
// document's names, and a restored article, are scanned again.
func (ws *Workspace) Restore(ctx context.Context, d Deleted) error {
	names := d.names()
	if len(names) == 0 {
		if err := ws.DB.Restore(ctx, d.snapshot); err != nil {
			return err
		}
		if d.Kind == KindArticle {
			// Names added while it was away were not looked for in it.
			ws.rescanLater([]int64{d.ID})
		}
		return nil
	}
	if err := ws.restoreNames(ctx, d); err != nil {
		return err
	}
	ws.namesChanged(names...)
	return nil
}

// restoreNames puts back a deleted actor or document while no background
// scan runs: a scan working from the names known without it would write
// over the mentions put back. The names are forgotten before the next scan
// can start.
func (ws *Workspace) restoreNames(ctx context.Context, d Deleted) error {
	ws.rescanMu.Lock()
	defer ws.rescanMu.Unlock()
	if err := ws.DB.Restore(ctx, d.snapshot); err != nil {
		return err
	}
	ws.forget()
	return nil
}

// names are the names the extractor knew a deleted actor or document by:
// the articles holding them are scanned again after the delete and after
// the restore, as DeleteActor and DeleteDocument do.
func (d Deleted) names() []string {
	s := d.snapshot
	switch d.Kind {
	case KindActor:
		return append(s.Texts("aliases", "name"), s.Texts("actors", "name")...)
	case KindDocument:
		return append(s.Texts("aliases", "name"), s.Texts("documents", "title")...)
	}
	return nil
}
