package workspace

import (
	"context"
	"fmt"

	"dossier/model"
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

// Deleted is what one delete took away, kept by the window so that the
// analyst can undo it during the session.
type Deleted struct {
	Kind Kind
	ID   int64
}

// Delete removes one item and what hangs on it.
func (ws *Workspace) Delete(ctx context.Context, kind Kind, id int64) (Deleted, error) {
	del, err := ws.deleter(kind)
	if err != nil {
		return Deleted{}, err
	}
	if err := del(ctx, id); err != nil {
		return Deleted{}, err
	}
	return Deleted{Kind: kind, ID: id}, nil
}

// Restore puts back what Delete took away.
func (ws *Workspace) Restore(ctx context.Context, d Deleted) error {
	return model.Invalidf("restoring a deleted %s is not possible yet", d.Kind)
}

func (ws *Workspace) deleter(kind Kind) (func(context.Context, int64) error, error) {
	switch kind {
	case KindArticle:
		return ws.DeleteArticle, nil
	case KindExcerpt:
		return ws.DeleteExcerpt, nil
	case KindActor:
		return ws.DeleteActor, nil
	case KindDocument:
		return ws.DeleteDocument, nil
	case KindTag:
		return ws.DeleteTag, nil
	}
	return nil, fmt.Errorf("delete: unknown kind %q", kind)
}
