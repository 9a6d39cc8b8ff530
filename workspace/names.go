package workspace

import (
	"context"
	"log"

	"dossier/model"
)

// The methods below change the names the extractor knows. Each does what
// storage does, then has the articles that hold an old or new name scanned
// again in the background: only those can gain or lose a mention. Close
// waits for these scans; WaitRescans waits for them too.

// AddAlias adds a name to an actor or a document.
func (ws *Workspace) AddAlias(ctx context.Context, a *model.Alias) error {
	if err := ws.DB.AddAlias(ctx, a); err != nil {
		return err
	}
	ws.namesChanged(a.Name)
	return nil
}

// RenameAlias changes an alias.
func (ws *Workspace) RenameAlias(ctx context.Context, id int64, name string) error {
	old, err := ws.Alias(ctx, id)
	if err != nil {
		return err
	}
	if err := ws.DB.RenameAlias(ctx, id, name); err != nil {
		return err
	}
	ws.namesChanged(old.Name, name)
	return nil
}

// DeleteAlias removes an alias.
func (ws *Workspace) DeleteAlias(ctx context.Context, id int64) error {
	old, err := ws.Alias(ctx, id)
	if err != nil {
		return err
	}
	if err := ws.DB.DeleteAlias(ctx, id); err != nil {
		return err
	}
	ws.namesChanged(old.Name)
	return nil
}

// CreateActor adds an actor; its name is found like an alias.
func (ws *Workspace) CreateActor(ctx context.Context, a *model.Actor) error {
	if err := ws.DB.CreateActor(ctx, a); err != nil {
		return err
	}
	ws.namesChanged(a.Name)
	return nil
}

// UpdateActor saves an actor; a new name is looked for at once.
func (ws *Workspace) UpdateActor(ctx context.Context, a *model.Actor) error {
	old, err := ws.Actor(ctx, a.ID)
	if err != nil {
		return err
	}
	if err := ws.DB.UpdateActor(ctx, a); err != nil {
		return err
	}
	if old.Name != a.Name {
		ws.namesChanged(old.Name, a.Name)
	}
	return nil
}

// DeleteActor removes an actor; the articles that named it are scanned
// again so that what it hid from the proposals is proposed anew.
func (ws *Workspace) DeleteActor(ctx context.Context, id int64) error {
	names, err := ws.actorNames(ctx, id)
	if err != nil {
		return err
	}
	if err := ws.DB.DeleteActor(ctx, id); err != nil {
		return err
	}
	ws.namesChanged(names...)
	return nil
}

// MergeActors folds one actor into another.
func (ws *Workspace) MergeActors(ctx context.Context, from, into int64) (model.MergeReport, error) {
	names, err := ws.actorNames(ctx, from)
	if err != nil {
		return model.MergeReport{}, err
	}
	r, err := ws.DB.MergeActors(ctx, from, into)
	if err == nil {
		ws.namesChanged(names...)
	}
	return r, err
}

// CreateDocument adds a tracked document; its title is found like an alias.
func (ws *Workspace) CreateDocument(ctx context.Context, d *model.Document) error {
	if err := ws.DB.CreateDocument(ctx, d); err != nil {
		return err
	}
	ws.namesChanged(d.Title)
	return nil
}

// UpdateDocument saves a document; a new title is looked for at once.
func (ws *Workspace) UpdateDocument(ctx context.Context, d *model.Document) error {
	old, err := ws.Document(ctx, d.ID)
	if err != nil {
		return err
	}
	if err := ws.DB.UpdateDocument(ctx, d); err != nil {
		return err
	}
	if old.Title != d.Title {
		ws.namesChanged(old.Title, d.Title)
	}
	return nil
}

// DeleteDocument removes a tracked document.
func (ws *Workspace) DeleteDocument(ctx context.Context, id int64) error {
	names, err := ws.documentNames(ctx, id)
	if err != nil {
		return err
	}
	if err := ws.DB.DeleteDocument(ctx, id); err != nil {
		return err
	}
	ws.namesChanged(names...)
	return nil
}

// MergeDocuments folds one document into another.
func (ws *Workspace) MergeDocuments(ctx context.Context, from, into int64) (model.MergeReport, error) {
	names, err := ws.documentNames(ctx, from)
	if err != nil {
		return model.MergeReport{}, err
	}
	r, err := ws.DB.MergeDocuments(ctx, from, into)
	if err == nil {
		ws.namesChanged(names...)
	}
	return r, err
}

func (ws *Workspace) actorNames(ctx context.Context, id int64) ([]string, error) {
	a, err := ws.Actor(ctx, id)
	if err != nil {
		return nil, err
	}
	aliases, _, err := ws.ListAliases(ctx, model.AliasFilter{ActorID: id, Page: model.Page{Limit: model.MaxPageSize}})
	return append(aliasNames(aliases), a.Name), err
}

func (ws *Workspace) documentNames(ctx context.Context, id int64) ([]string, error) {
	d, err := ws.Document(ctx, id)
	if err != nil {
		return nil, err
	}
	aliases, _, err := ws.ListAliases(ctx, model.AliasFilter{DocumentID: id, Page: model.Page{Limit: model.MaxPageSize}})
	return append(aliasNames(aliases), d.Title), err
}

func aliasNames(as []model.Alias) []string {
	names := make([]string, len(as))
	for i, a := range as {
		names[i] = a.Name
	}
	return names
}

// namesChanged forgets the extractor's names and rescans, in the
// background and one change after another, the articles holding any of
// names. Its progress goes to OnRescan when set.
func (ws *Workspace) namesChanged(names ...string) {
	ws.forget()
	ws.inBackground(func(ctx context.Context) ([]int64, error) {
		return ws.ArticlesContaining(ctx, names)
	})
}

// rescanLater finds the names again, in the background, in articles that
// were stored with names since changed or without their findings.
func (ws *Workspace) rescanLater(ids []int64) {
	if len(ids) == 0 {
		return
	}
	ws.inBackground(func(context.Context) ([]int64, error) { return ids, nil })
}

// inBackground rescans the articles that which lists, after the scans
// started before it; failures go to OnRescanError.
func (ws *Workspace) inBackground(which func(ctx context.Context) ([]int64, error)) {
	ws.rescans.Add(1)
	go func() {
		defer ws.rescans.Done()
		ws.rescanMu.Lock()
		defer ws.rescanMu.Unlock()
		ctx := context.Background()
		ids, err := which(ctx)
		if err == nil && len(ids) > 0 {
			_, err = ws.Rescan(ctx, ids, ws.OnRescan)
		}
		if err != nil {
			ws.reportRescan(err)
		}
	}()
}

// reportRescan hands a failed background scan to OnRescanError, or logs it.
func (ws *Workspace) reportRescan(err error) {
	if ws.OnRescanError != nil {
		ws.OnRescanError(err)
		return
	}
	log.Printf("dossier: finding names again after a change failed: %v", err)
}

// WaitRescans returns when the background scans started so far are done.
func (ws *Workspace) WaitRescans() { ws.rescans.Wait() }

// Close waits for background scans, then closes the workspace.
func (ws *Workspace) Close() error {
	ws.WaitRescans()
	return ws.DB.Close()
}
