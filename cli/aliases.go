package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"dossier/model"
	"dossier/workspace"
)

// The names an actor or a document appears under, as the actor and
// document commands add, list and change them.

// aliasList joins the names of aliases for a field.
func aliasList(as []model.Alias) string {
	names := make([]string, len(as))
	for i, a := range as {
		names[i] = fmt.Sprintf("%q", a.Name)
	}
	return strings.Join(names, ", ")
}

// checkAliasFlags refuses a blank --alias before the workspace is opened.
func checkAliasFlags(names []string) error {
	for _, n := range names {
		if strings.TrimSpace(n) == "" {
			return usageErrorf("--alias is blank; give the name to add")
		}
	}
	return nil
}

// addAliases gives the actor or document that owner points to each of
// names, stopping at the first refused.
func addAliases(ctx context.Context, ws *workspace.Workspace, names []string, owner model.Alias) error {
	for _, n := range names {
		a := owner
		a.Name = n
		if err := ws.AddAlias(ctx, &a); err != nil {
			return err
		}
	}
	return nil
}

// aliasNote lists the aliases just added, for the line that confirms it.
func aliasNote(names []string) string {
	if len(names) == 0 {
		return ""
	}
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = fmt.Sprintf("%q", strings.TrimSpace(n))
	}
	return ", also known as " + strings.Join(quoted, ", ")
}

// aliasesByOwner reads every alias once and groups their names by the
// actor or document that owner says holds them.
func aliasesByOwner(ctx context.Context, ws *workspace.Workspace, owner func(model.Alias) int64) (map[int64][]string, error) {
	all, err := ws.AllAliases(ctx)
	if err != nil {
		return nil, err
	}
	out := map[int64][]string{}
	for _, a := range all {
		if id := owner(a); id != 0 {
			out[id] = append(out[id], a.Name)
		}
	}
	return out, nil
}

// aliasOp is one change to a profile's aliases, as the flags of
// `actors alias` ask for it.
type aliasOp struct{ add, rename, to, remove string }

func checkAliasOp(fs *flag.FlagSet, add, rename, to, remove string) (aliasOp, error) {
	n := 0
	for _, name := range []string{"add", "rename", "remove"} {
		if given(fs, name) {
			n++
		}
	}
	if n != 1 {
		return aliasOp{}, usageErrorf("give exactly one of --add NAME, --rename OLD --to NEW and --remove NAME")
	}
	if given(fs, "rename") != given(fs, "to") {
		return aliasOp{}, usageErrorf("--rename OLD and --to NEW go together")
	}
	for _, f := range []struct{ name, value string }{{"add", add}, {"rename", rename}, {"to", to}, {"remove", remove}} {
		if given(fs, f.name) && strings.TrimSpace(f.value) == "" {
			return aliasOp{}, usageErrorf("--%s is blank; give a name", f.name)
		}
	}
	return aliasOp{add: add, rename: rename, to: to, remove: remove}, nil
}

// run changes the aliases of the profile that owner points to; label names
// it for the analyst.
func (op aliasOp) run(ctx context.Context, e *env, ws *workspace.Workspace, owner model.Alias, label string) error {
	if op.add != "" {
		a := owner
		a.Name = op.add
		if err := ws.AddAlias(ctx, &a); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "added %q as an alias of %s\n", a.Name, label)
		return nil
	}
	a, err := findAlias(ctx, ws, owner, op.rename+op.remove, label)
	if err != nil {
		return err
	}
	if op.rename != "" {
		if err := ws.RenameAlias(ctx, a.ID, op.to); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "renamed alias %q of %s to %q\n", a.Name, label, strings.TrimSpace(op.to))
		return nil
	}
	if err := ws.DeleteAlias(ctx, a.ID); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "removed alias %q from %s\n", a.Name, label)
	return nil
}

// findAlias finds, among the aliases of the profile that owner points to,
// the one called name.
func findAlias(ctx context.Context, ws *workspace.Workspace, owner model.Alias, name, label string) (model.Alias, error) {
	as, _, err := ws.ListAliases(ctx, model.AliasFilter{ActorID: owner.ActorID, DocumentID: owner.DocumentID,
		Page: model.Page{Limit: model.MaxPageSize}})
	if err != nil {
		return model.Alias{}, err
	}
	for _, a := range as {
		if foldName(a.Name) == foldName(name) {
			return a, nil
		}
	}
	held := "it has none"
	if len(as) > 0 {
		held = "its aliases are " + aliasList(as)
	}
	return model.Alias{}, model.NotFoundf("%s has no alias %q; %s", label, strings.TrimSpace(name), held)
}
