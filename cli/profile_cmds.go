package cli

import (
	"context"
	"flag"
	"io"
	"strings"

	"dossier/model"
	"dossier/workspace"
)

// profiled is what the merge and delete commands need to know of actors
// or of documents: the two kinds are merged and deleted the same way.
type profiled[T any] struct {
	group  string // "actors" or "documents"
	ref    string // the argument's name in the usage: ACTOR, DOC
	byRef  func(ctx context.Context, ws *workspace.Workspace, ref string) (T, error)
	id     func(T) int64
	name   func(T) string // the name that becomes an alias on merging
	label  func(T) string
	parts  partNouns
	merge  func(ws *workspace.Workspace, ctx context.Context, from, into int64) (model.MergeReport, error)
	impact func(ws *workspace.Workspace, ctx context.Context, id int64) ([]tally, error)
	remove func(ws *workspace.Workspace, ctx context.Context, id int64) error
}

var actorProfiled = profiled[model.Actor]{
	group: "actors", ref: "ACTOR", byRef: actorByRef,
	id: func(a model.Actor) int64 { return a.ID }, name: func(a model.Actor) string { return a.Name },
	label: actorLabel, parts: actorParts,
	merge: (*workspace.Workspace).MergeActors,
	impact: func(ws *workspace.Workspace, ctx context.Context, id int64) ([]tally, error) {
		n, err := ws.ActorDeletionImpact(ctx, id)
		return actorImpact(n), err
	},
	remove: (*workspace.Workspace).DeleteActor,
}

var documentProfiled = profiled[model.Document]{
	group: "documents", ref: "DOC", byRef: documentByRef,
	id: func(d model.Document) int64 { return d.ID }, name: func(d model.Document) string { return d.Title },
	label: documentLabel, parts: documentParts,
	merge: (*workspace.Workspace).MergeDocuments,
	impact: func(ws *workspace.Workspace, ctx context.Context, id int64) ([]tally, error) {
		n, err := ws.DocumentDeletionImpact(ctx, id)
		return documentImpact(n), err
	},
	remove: (*workspace.Workspace).DeleteDocument,
}

func actorsMergeCommand() *command {
	return mergeCommand(actorProfiled, "fold one actor into another",
		"Everything FROM has — aliases, mentions, quotes, relations, parts in documents — moves to INTO, "+
			"FROM's name becomes an alias of INTO, and FROM is deleted. INTO keeps its fields and takes FROM's where "+
			"it has none. FROM and INTO are actors: "+strings.TrimPrefix(actorRefHelp, "ACTOR is "))
}

func documentsMergeCommand() *command {
	return mergeCommand(documentProfiled, "fold one tracked document into another",
		"Everything FROM has — aliases, parties, status history, mentions, excerpt links — moves to INTO, "+
			"FROM's title becomes an alias of INTO, and FROM is deleted. FROM and INTO are documents: "+
			strings.TrimPrefix(documentRefHelp, "DOC is "))
}

func actorsDeleteCommand() *command {
	return deleteCommand(actorProfiled, "delete an actor with its aliases, mentions and relations",
		"Without --yes, lists what deleting would remove or unlink and exits 1 without deleting. Excerpts stay: "+
			"those the actor speaks lose their speaker. "+actorRefHelp)
}

func documentsDeleteCommand() *command {
	return deleteCommand(documentProfiled, "delete a tracked document with its aliases, parties, history and mentions",
		"Without --yes, lists what deleting would remove or unlink and exits 1 without deleting. Excerpts that "+
			"concern the document stay, without the link. "+documentRefHelp)
}

func mergeCommand[T any](p profiled[T], summary, help string) *command {
	return &command{
		name: p.group + " merge", args: "FROM INTO", summary: summary, help: help,
		setup: func(fs *flag.FlagSet) runFunc {
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args, "FROM", "INTO"); err != nil {
					return err
				}
				return inWorkspace(e, func(ws *workspace.Workspace) error {
					from, err := p.byRef(ctx, ws, args[0])
					if err != nil {
						return err
					}
					into, err := p.byRef(ctx, ws, args[1])
					if err != nil {
						return err
					}
					r, err := p.merge(ws, ctx, p.id(from), p.id(into))
					if err != nil {
						return err
					}
					printMerge(e.stdout, p.label(from), p.label(into), p.name(from), r, p.parts)
					return nil
				})
			}
		},
	}
}

func deleteCommand[T any](p profiled[T], summary, help string) *command {
	return &command{
		name: p.group + " delete", args: p.ref + " [--yes]", summary: summary, help: help,
		setup: func(fs *flag.FlagSet) runFunc {
			yes := fs.Bool("yes", false, "delete it; without this, only list what deleting would touch")
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args, p.ref); err != nil {
					return err
				}
				return inWorkspace(e, func(ws *workspace.Workspace) error {
					item, err := p.byRef(ctx, ws, args[0])
					if err != nil {
						return err
					}
					ts, err := p.impact(ws, ctx, p.id(item))
					if err != nil {
						return err
					}
					if *yes {
						if err := p.remove(ws, ctx, p.id(item)); err != nil {
							return err
						}
					}
					return confirmDelete(e.stdout, p.label(item), ts, *yes)
				})
			}
		},
	}
}

// showCommand prints one actor's or document's profile, as text or JSON.
func showCommand[P any](name, ref, summary, help string, resolve resolver,
	profile func(*workspace.Workspace, context.Context, int64) (P, error),
	asJSONValue func(P) any, print func(io.Writer, P)) *command {
	return &command{
		name: name, args: ref + " [--json]", summary: summary, help: help,
		setup: func(fs *flag.FlagSet) runFunc {
			asJSON := fs.Bool("json", false, "print the profile as a JSON object")
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args, ref); err != nil {
					return err
				}
				return inWorkspace(e, func(ws *workspace.Workspace) error {
					id, err := resolveRef(ctx, ws, args[0], resolve)
					if err != nil {
						return err
					}
					p, err := profile(ws, ctx, id)
					if err != nil {
						return err
					}
					if *asJSON {
						return writeJSON(e.stdout, asJSONValue(p))
					}
					print(e.stdout, p)
					return nil
				})
			}
		},
	}
}
