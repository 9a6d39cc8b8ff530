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
// taken one of its ids since.
func (ws *Workspace) Restore(ctx context.Context, d Deleted) error {
	names := d.names()
	if len(names) > 0 {
		// The scan that followed the delete would otherwise write what it
		// found without these names over the mentions put back.
		ws.WaitRescans()
	}
	if err := ws.DB.Restore(ctx, d.snapshot); err != nil {
		return err
	}
	if len(names) > 0 {
		ws.namesChanged(names...)
	}
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
