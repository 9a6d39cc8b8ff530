package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"dossier/workspace"
)

func listsImportCommand() *command {
	return &command{
		name:    "lists import",
		args:    "[--dry-run] [--json] FILE",
		summary: "add or update actors and documents from a list kept in Excel (.xlsx) or CSV",
		help: `Reads the lists of actors and documents in FILE: the Actors and Documents sheets of a
workbook (the workbook that 'dossier export' writes reads back as it is), or a CSV file whose
header row names the columns — for actors ID, Name, Kind, Role, Affiliation, Country,
Aliases, Description, Notes; for documents ID, Title, Kind, Status, Disclosure, Aliases,
Parties ("Name (role)", separated by semicolons), Description, Notes. A missing column
leaves that field as it is; an empty cell clears it.

Each row is matched to the workspace by its UID, else its ID, else its name or an alias,
and is created, updated, left unchanged (the workspace already has it so), or refused with
the reason. A line per row says which, then a summary. The import is all or nothing: when
any row is refused nothing is changed and the command exits 1. --dry-run only says what
the import would do, and exits 1 as well when a row would be refused. The quote that an
export puts before a text that a spreadsheet would read as a formula ('=1+1) is taken off.`,
		setup: func(fs *flag.FlagSet) runFunc {
			dryRun := fs.Bool("dry-run", false, "only say what the import would do; change nothing")
			asJSON := fs.Bool("json", false, "print the report as JSON: {file, dry_run, rows, created, updated, ...}")
			return func(ctx context.Context, e *env, args []string) error {
				if err := requireArgs(args, "FILE"); err != nil {
					return err
				}
				return inWorkspace(e, func(ws *workspace.Workspace) error {
					return runListsImport(ctx, e, ws, args[0], *dryRun, *asJSON)
				})
			}
		},
	}
}

func runListsImport(ctx context.Context, e *env, ws *workspace.Workspace, file string, dryRun, asJSON bool) error {
	rep, err := ws.ImportLists(ctx, file, dryRun)
	if err != nil && rep.Refused == 0 {
		return err // the file could not be read, or the workspace failed
	}
	applied := err == nil && !dryRun
	if asJSON {
		if rep.Rows == nil {
			rep.Rows = []workspace.ListRow{}
		}
		if werr := writeJSON(e.stdout, rep); werr != nil {
			return werr
		}
	} else {
		printLists(e.stdout, rep, applied)
	}
	return listsOutcome(rep, asJSON)
}

// printLists writes a line per row, the notes on what was left aside, and
// the summary.
func printLists(w io.Writer, rep workspace.ListReport, applied bool) {
	for _, row := range rep.Rows {
		fmt.Fprintln(w, listRowLine(row, applied))
	}
	for _, n := range rep.Notes {
		fmt.Fprintf(w, "note: %s\n", oneLine(n))
	}
	name := filepath.Base(rep.File)
	if applied {
		fmt.Fprintf(w, "%s: %d created, %d updated, %d unchanged, %d refused\n",
			name, rep.Created, rep.Updated, rep.Unchanged, rep.Refused)
		return
	}
	what := "dry run of " + name
	if !rep.DryRun {
		what = name
	}
	fmt.Fprintf(w, "%s: %d to create, %d to update, %d unchanged, %d refused; nothing was changed\n",
		what, rep.Created, rep.Updated, rep.Unchanged, rep.Refused)
}

// listRowLine is one row's line: `created actor 7 "Steve Witkoff" (row 2):
// a new person`. Before anything is applied it says what would be done.
func listRowLine(row workspace.ListRow, applied bool) string {
	what := strings.TrimSuffix(row.List, "s")
	if row.ID != 0 {
		what += fmt.Sprintf(" %d", row.ID)
	}
	line := fmt.Sprintf("%s %s %q (row %d)", listVerb(row, applied), what, row.Name, row.Row)
	if d := oneLine(row.Detail); d != "" {
		line += ": " + d
	}
	return line
}

func listVerb(row workspace.ListRow, applied bool) string {
	a := row.Action
	switch {
	case a == workspace.ListCreate && applied:
		return "created"
	case a == workspace.ListCreate:
		return "would create"
	case a == workspace.ListUpdate && applied:
		return "updated"
	case a == workspace.ListUpdate:
		return "would update"
	case a == workspace.ListRefuse:
		return "refused"
	}
	return string(a)
}

// listsOutcome is the error that sets the exit code: rows refused, in
// which case nothing was changed.
func listsOutcome(rep workspace.ListReport, asJSON bool) error {
	if rep.Refused == 0 {
		return nil
	}
	where := "see the lines above for the reasons"
	if asJSON {
		where = `see the rows with action "refuse" for the reasons`
	}
	hint := where + "; correct them in the file and run the import again"
	rows := quantity(len(rep.Rows), "row", "rows")
	if rep.DryRun {
		return withHint(fmt.Errorf("%s: %d of %s would be refused, so the import would change nothing",
			filepath.Base(rep.File), rep.Refused, rows), hint)
	}
	return withHint(fmt.Errorf("%s: %d of %s refused, so nothing was imported",
		filepath.Base(rep.File), rep.Refused, rows), hint)
}
