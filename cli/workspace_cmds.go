package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"text/tabwriter"

	"dossier/model"
	"dossier/workspace"
)

// errProblems makes `dossier check` exit 1 after it listed what is wrong.
var errProblems = errors.New("the workspace has problems (listed above); restore it from a backup, or export what you can and start a new one")

func initCommand() *command {
	return &command{
		name:    "init",
		args:    "PATH",
		summary: "create an empty workspace",
		help:    "Creates a new workspace file at PATH. An existing file is never overwritten.",
		setup: func(fs *flag.FlagSet) runFunc {
			return func(_ context.Context, e *env, args []string) error {
				if err := requireArgs(args, "PATH"); err != nil {
					return err
				}
				ws, err := workspace.Create(args[0])
				if err != nil {
					return err
				}
				defer ws.Close()
				fmt.Fprintf(e.stdout, "created workspace %s\n", ws.Path())
				return nil
			}
		},
	}
}

func infoCommand() *command {
	return &command{
		name:    "info",
		args:    "[--json]",
		summary: "show the workspace's schema version, size and rows per table",
		setup: func(fs *flag.FlagSet) runFunc {
			asJSON := fs.Bool("json", false, "print the information as a JSON object")
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args); err != nil {
					return err
				}
				return inWorkspace(e, func(ws *workspace.Workspace) error {
					info, err := ws.Info(ctx)
					if err != nil {
						return err
					}
					if *asJSON {
						return writeJSON(e.stdout, info)
					}
					printInfo(e, info)
					return nil
				})
			}
		},
	}
}

func printInfo(e *env, info model.WorkspaceInfo) {
	fmt.Fprintf(e.stdout, "workspace:       %s\n", info.Path)
	fmt.Fprintf(e.stdout, "schema version:  %d\n", info.SchemaVersion)
	fmt.Fprintf(e.stdout, "size:            %s\n", humanBytes(info.SizeBytes))
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "table\trows\t")
	for _, t := range info.Tables {
		fmt.Fprintf(tw, "%s\t%d\t\n", t.Table, t.Rows)
	}
	tw.Flush()
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

func checkCommand() *command {
	return &command{
		name:    "check",
		summary: "check the workspace for damage (integrity, links, search index)",
		help:    "Runs SQLite's integrity and foreign-key checks and the search index's own check. Prints each problem found and exits 1 when there is any.",
		setup: func(fs *flag.FlagSet) runFunc {
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args); err != nil {
					return err
				}
				err := inWorkspace(e, func(ws *workspace.Workspace) error {
					return checkWorkspace(ctx, e, ws)
				})
				if errors.Is(err, workspace.ErrDamaged) {
					fmt.Fprintln(e.stdout, oneLine(err.Error()))
					return errProblems
				}
				return err
			}
		},
	}
}

// checkWorkspace lists the problems of an open workspace, if any.
func checkWorkspace(ctx context.Context, e *env, ws *workspace.Workspace) error {
	problems, err := ws.Check(ctx)
	if err != nil {
		return err
	}
	if len(problems) == 0 {
		fmt.Fprintf(e.stdout, "ok: %s has no problems\n", ws.Path())
		return nil
	}
	for _, p := range problems {
		fmt.Fprintln(e.stdout, oneLine(p))
	}
	return errProblems
}

func backupCommand() *command {
	return &command{
		name:    "backup",
		args:    "OUT",
		summary: "write a consistent copy of the workspace to OUT",
		help:    "Copies the workspace to the new file OUT from one consistent snapshot; other programs may keep writing meanwhile. OUT must not exist.",
		setup: func(fs *flag.FlagSet) runFunc {
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args, "OUT"); err != nil {
					return err
				}
				return inWorkspace(e, func(ws *workspace.Workspace) error {
					if err := ws.Backup(ctx, args[0]); err != nil {
						return err
					}
					fmt.Fprintf(e.stdout, "backed up %s to %s\n", ws.Path(), args[0])
					return nil
				})
			}
		},
	}
}
